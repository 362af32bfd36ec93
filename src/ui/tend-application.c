/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-application"

#include "config.h"

#include <glib/gi18n.h>

#include "tend-application.h"
#include "tend-preferences-dialog.h"
#include "tend-window.h"

struct _TendApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  TendContext    *context;
  GSettings      *settings;

  guint           maintenance_id;
  gboolean        maintenance_scheduled;

  gboolean        check_in_on_activate;
};

G_DEFINE_FINAL_TYPE (TendApplication, tend_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "check-in", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Open Tend on a new check-in"), NULL },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version of Tend"), NULL },
  { NULL }
};

/* The window the user last used, made when there is none, and raised. */
static TendWindow *
present_window (TendApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (!TEND_IS_WINDOW (window))
    window = GTK_WINDOW (tend_window_new (self, self->context));

  gtk_window_present (window);
  return TEND_WINDOW (window);
}

static void
apply_color_scheme (TendApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT,
    ADW_COLOR_SCHEME_FORCE_LIGHT,
    ADW_COLOR_SCHEME_FORCE_DARK,
  };
  guint scheme = (guint) g_settings_get_enum (self->settings, "color-scheme");

  if (scheme >= G_N_ELEMENTS (schemes))
    scheme = 0;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), schemes[scheme]);
}

static void
check_in_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  TendApplication *self = user_data;
  TendWindow *window = present_window (self);

  tend_window_start_check_in (window);
}

static void
show_page_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  TendApplication *self = user_data;
  TendWindow *window = present_window (self);

  tend_window_show_page (window, g_variant_get_string (parameter, NULL));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  TendApplication *self = user_data;
  TendWindow *window = present_window (self);

  adw_dialog_present (ADW_DIALOG (tend_preferences_dialog_new (self->context)),
                      GTK_WIDGET (window));
}

/* Preferences open on one page, by its name: "backups". */
static void
show_preferences_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  TendApplication *self = user_data;
  TendWindow *window = present_window (self);
  TendPreferencesDialog *dialog = tend_preferences_dialog_new (self->context);

  adw_preferences_dialog_set_visible_page_name (ADW_PREFERENCES_DIALOG (dialog),
                                                g_variant_get_string (parameter, NULL));
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  TendApplication *self = user_data;
  TendWindow *window = present_window (self);
  AdwDialog *about;

  about = adw_about_dialog_new_from_appdata (RESOURCE_PATH "/metainfo.xml", PACKAGE_VERSION);
  adw_about_dialog_set_version (ADW_ABOUT_DIALOG (about), PACKAGE_VERSION);
  adw_about_dialog_set_application_icon (ADW_ABOUT_DIALOG (about), APP_ID);
  adw_about_dialog_set_copyright (ADW_ABOUT_DIALOG (about), _("© 2026 The Tend developers"));
  /* Translators: Put your name here, one translator a line, to be credited in the About dialog. */
  adw_about_dialog_set_translator_credits (ADW_ABOUT_DIALOG (about), _("translator-credits"));

  adw_dialog_present (about, GTK_WIDGET (window));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  TendApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing, not destroying, lets each window keep its size for the next start. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);

  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "check-in", check_in_action },
  { "show-page", show_page_action, "s" },
  { "preferences", preferences_action },
  { "show-preferences", show_preferences_action, "s" },
  { "about", about_action },
  { "quit", quit_action },
};

static int
tend_application_handle_local_options (GApplication *application,
                                       GVariantDict *options)
{
  TendApplication *self = TEND_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "check-in"))
    {
      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      if (g_application_get_is_remote (application))
        {
          g_action_group_activate_action (G_ACTION_GROUP (application), "check-in", NULL);
          return 0;
        }

      self->check_in_on_activate = TRUE;
    }

  return -1;
}

static void
tend_application_startup (GApplication *application)
{
  TendApplication *self = TEND_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.check-in", { "<Control>n", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.show-page::today", { "<Alt>1", NULL } },
    { "win.show-page::journal", { "<Alt>2", NULL } },
  };

  G_APPLICATION_CLASS (tend_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);

  self->settings = g_settings_new (BASE_APP_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (apply_color_scheme), self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);

  /* A journal that cannot be opened is explained by the window, which offers to recover a
   * damaged one. */
  self->context = tend_context_new (NULL, NULL);
  if (!tend_context_open (self->context, &error))
    g_message ("Could not open the journal: %s", error->message);
}

static gboolean
run_maintenance_cb (gpointer user_data)
{
  TendApplication *self = user_data;

  tend_context_run_maintenance (self->context);
  return G_SOURCE_CONTINUE;
}

static void
run_maintenance_once_cb (gpointer user_data)
{
  TendApplication *self = user_data;

  tend_context_run_maintenance (self->context);
  g_object_unref (self);
}

/* The check and the daily backup read the whole journal, on worker threads; they start
 * once the first frame is drawn so they never delay it, then every hour, for the day that
 * starts while Tend is open. */
static gboolean
first_frame_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  TendApplication *self = user_data;

  g_idle_add_once (run_maintenance_once_cb, g_object_ref (self));
  self->maintenance_id = g_timeout_add_seconds (60 * 60, run_maintenance_cb, self);
  return G_SOURCE_REMOVE;
}

static void
tend_application_activate (GApplication *application)
{
  TendApplication *self = TEND_APPLICATION (application);
  TendWindow *window = present_window (self);

  if (!self->maintenance_scheduled)
    {
      self->maintenance_scheduled = TRUE;
      gtk_widget_add_tick_callback (GTK_WIDGET (window), first_frame_cb, self, NULL);
    }

  if (self->check_in_on_activate)
    {
      self->check_in_on_activate = FALSE;
      tend_window_start_check_in (window);
    }
}

static void
tend_application_dispose (GObject *object)
{
  TendApplication *self = TEND_APPLICATION (object);

  g_clear_handle_id (&self->maintenance_id, g_source_remove);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tend_application_parent_class)->dispose (object);
}

static void
tend_application_class_init (TendApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = tend_application_dispose;
  application_class->handle_local_options = tend_application_handle_local_options;
  application_class->startup = tend_application_startup;
  application_class->activate = tend_application_activate;
}

static void
tend_application_init (TendApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Notice how you feel, and keep a private journal of it."));
}

TendApplication *
tend_application_new (void)
{
  return g_object_new (TEND_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_PATH,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

