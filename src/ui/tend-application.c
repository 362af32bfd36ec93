/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-application"

#include "config.h"

#include <glib/gi18n.h>

#include "tend-application.h"
#include "tend-background.h"
#include "tend-export.h"
#include "tend-help-dialog.h"
#include "tend-helplines.h"
#include "tend-import.h"
#include "tend-preferences-dialog.h"
#include "tend-reminders.h"
#include "tend-search-provider.h"
#include "tend-window.h"

struct _TendApplication
{
  AdwApplication      parent_instance;

  /* Owned */
  TendContext        *context;
  GSettings          *settings;
  TendSearchProvider *search_provider;

  guint               maintenance_id;
  gboolean            maintenance_scheduled;

  guint               background_sync_id;
  gboolean            background_syncing;
  gboolean            background_sync_again;

  gboolean            check_in_on_activate;
  gboolean            help_now_on_activate;
};

G_DEFINE_FINAL_TYPE (TendApplication, tend_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "check-in", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Open Tend on a new check-in"), NULL },
  { "export", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the journal to FILE (.json, .csv or .md), then quit"), N_("FILE") },
  { "import", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the check-ins of FILE (.json or .csv), then quit"), N_("FILE") },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version of Tend"), NULL },
  { "help-now", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Open Tend on the emergency number and helplines"), NULL },
  { "list-helplines", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Print the emergency number and helplines of your region, or of the country given "
       "after it (a code such as FR), then quit"), NULL },
  /* The COUNTRY of --list-helplines. */
  { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, NULL, NULL, NULL },
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

/* Opens "Get Help Now" over the window, unless it is open already. */
static void
present_help (TendWindow *window)
{
  AdwDialog *visible = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));

  if (TEND_IS_HELP_DIALOG (visible))
    return;

  adw_dialog_present (ADW_DIALOG (tend_help_dialog_new ()), GTK_WIDGET (window));
}

static void
help_now_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  present_help (present_window (user_data));
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
present_preferences (TendApplication *self,
                     const char      *page)
{
  TendWindow *window = present_window (self);
  TendPreferencesDialog *dialog = tend_preferences_dialog_new (self->context);

  if (page != NULL)
    adw_preferences_dialog_set_visible_page_name (ADW_PREFERENCES_DIALOG (dialog), page);

  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (window));
}

/* Opens a check-in by its uuid, as from a search result or a notification. */
static void
open_entry_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  TendApplication *self = user_data;
  TendWindow *window = present_window (self);
  TendJournal *journal = tend_context_get_journal (self->context);
  g_autoptr(TendEntry) entry = NULL;

  if (journal != NULL)
    entry = tend_journal_lookup (journal, g_variant_get_string (parameter, NULL));

  if (entry == NULL)
    {
      g_debug ("No entry %s to open", g_variant_get_string (parameter, NULL));
      return;
    }

  tend_window_show_page (window, "journal");
  tend_window_open_entry (window, entry);
}

/* Opens a guide by its id, as from a result of GNOME Shell's search. */
static void
open_guide_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  TendApplication *self = user_data;
  TendWindow *window = present_window (self);

  tend_window_show_guide (window, g_variant_get_string (parameter, NULL));
}

/* Searches the guides, as when a search in GNOME Shell goes on in Tend. */
static void
search_guides_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  TendApplication *self = user_data;
  TendWindow *window = present_window (self);

  tend_window_search_guides (window, g_variant_get_string (parameter, NULL));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  present_preferences (user_data, NULL);
}

/* Opens Preferences on a page by name, such as "activities" or "backups". */
static void
preferences_page_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  present_preferences (user_data, g_variant_get_string (parameter, NULL));
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

/* app.reload-journal: the journal file was changed by another Tend, such as
 * `tend --import`; the open windows show what it holds now. */
static void
reload_journal_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  TendApplication *self = user_data;
  TendJournal *journal = tend_context_get_journal (self->context);
  g_autoptr(GError) error = NULL;

  if (journal != NULL && !tend_journal_reload (journal, &error))
    g_warning ("Could not read the journal again: %s", error->message);
}

/* app.take-break: from a break reminder, the breathing exercise on the Guides page. */
static void
take_break_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  TendWindow *window = present_window (user_data);

  g_action_group_activate_action (G_ACTION_GROUP (window), "start-exercise",
                                  g_variant_new_string ("breathing"));
}

/* app.pause-reminders: "30-minutes", "1-hour" or "until-tomorrow" (the next 03:00). The
 * background monitor reads the setting. */
static void
pause_reminders_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  TendApplication *self = user_data;
  g_autoptr(GDateTime) now = tend_clock_get_now (tend_context_get_clock (self->context));
  const char *nick = g_variant_get_string (parameter, NULL);
  TendRemindersPause length;

  if (!tend_reminders_pause_from_nick (nick, &length))
    {
      g_warning ("Tend has no pause named “%s”", nick);
      return;
    }

  g_settings_set_int64 (self->settings, "reminders-paused-until",
                        tend_reminders_get_pause_end (length, now));
}

static void
resume_reminders_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  TendApplication *self = user_data;

  g_settings_set_int64 (self->settings, "reminders-paused-until", 0);
}

static const GActionEntry app_actions[] = {
  { "reload-journal", reload_journal_action },
  { "check-in", check_in_action },
  { "help-now", help_now_action },
  { "show-page", show_page_action, "s" },
  { "open-entry", open_entry_action, "s" },
  { "open-guide", open_guide_action, "s" },
  { "search-guides", search_guides_action, "s" },
  { "preferences", preferences_action },
  { "preferences-page", preferences_page_action, "s" },
  { "about", about_action },
  { "take-break", take_break_action },
  { "pause-reminders", pause_reminders_action, "s" },
  { "resume-reminders", resume_reminders_action },
  { "quit", quit_action },
};

/* Exit statuses of `tend --import` and `tend --export`, as the README documents them. */
enum {
  EXIT_TRANSFER_OK = 0,
  EXIT_TRANSFER_FAILED = 1,
  EXIT_TRANSFER_USAGE = 2,
};

/* `tend --export FILE` and `tend --import FILE`: the core alone, without GTK, so they
 * work without a display. */
static int
run_transfer (GVariantDict *options)
{
  g_autoptr(TendContext) context = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display_name = NULL;
  const char *export_path = NULL;
  const char *import_path = NULL;
  TendFileFormat format;
  TendJournal *journal;

  g_variant_dict_lookup (options, "export", "^&ay", &export_path);
  g_variant_dict_lookup (options, "import", "^&ay", &import_path);

  if (export_path != NULL && import_path != NULL)
    {
      g_printerr ("tend: %s\n", _("Give either --import or --export, not both."));
      return EXIT_TRANSFER_USAGE;
    }

  file = g_file_new_for_commandline_arg (export_path != NULL ? export_path : import_path);
  display_name = g_file_get_parse_name (file);
  format = tend_file_format_from_name (display_name);

  if (format == TEND_FILE_FORMAT_UNKNOWN ||
      (import_path != NULL && format == TEND_FILE_FORMAT_MARKDOWN))
    {
      if (export_path != NULL)
        g_printerr ("tend: %s\n", _("Tend can export to files ending in .json, .csv or .md."));
      else if (!tend_import_check_format (format, &error))
        g_printerr ("tend: %s\n", error->message);
      return EXIT_TRANSFER_USAGE;
    }

  context = tend_context_new (NULL, NULL);
  tend_context_set_leave_damaged (context, TRUE);
  if (!tend_context_open (context, &error))
    {
      g_printerr ("tend: %s\n", error->message);
      return EXIT_TRANSFER_FAILED;
    }
  journal = tend_context_get_journal (context);

  if (export_path != NULL)
    {
      guint n_exported = 0;

      if (!tend_export_file (journal, NULL, format, file, NULL, &n_exported, &error))
        {
          g_printerr ("tend: %s\n", error->message);
          return EXIT_TRANSFER_FAILED;
        }

      g_print (ngettext ("Exported %u check-in to %s\n", "Exported %u check-ins to %s\n",
                         n_exported),
               n_exported, display_name);
    }
  else
    {
      guint n_read = 0, n_added = 0;

      if (!tend_import_file (journal, file, NULL, &n_read, &n_added, &error))
        {
          g_printerr ("tend: %s\n", error->message);
          return EXIT_TRANSFER_FAILED;
        }

      if (n_added == 0)
        g_print (_("Nothing new to import from %s\n"), display_name);
      else
        g_print (ngettext ("Imported %u check-in from %s\n", "Imported %u check-ins from %s\n",
                           n_added),
                 n_added, display_name);
    }

  return EXIT_TRANSFER_OK;
}

/* A Tend already running on this journal is told to read it again after an import. It is
 * asked over D-Bus without starting one, and without this process becoming the app. */
static void
tell_running_tend (GApplication *application)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autofree char *path = NULL;
  const char *id = g_application_get_application_id (application);

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    return;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (bus == NULL)
    return;

  path = g_strdelimit (g_strconcat ("/", id, NULL), ".", '/');
  reply = g_dbus_connection_call_sync (bus, id, path, "org.gtk.Actions", "Activate",
                                       g_variant_new ("(s@av@a{sv})", "reload-journal",
                                                      g_variant_new_array (G_VARIANT_TYPE_VARIANT, NULL, 0),
                                                      g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0)),
                                       NULL, G_DBUS_CALL_FLAGS_NO_AUTO_START, 2000, NULL, NULL);
}

static int
compare_codes (const void *a,
               const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* `tend --list-helplines [COUNTRY]`: the core alone, like --export, so it works without a
 * display. Exits with 0, or 2 for a country Tend has no entry for. */
static int
list_helplines (const char * const *arguments)
{
  g_autoptr(TendHelplines) helplines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const TendHelplineCountry *country;
  const char *code;

  if (arguments != NULL && arguments[0] != NULL && arguments[1] != NULL)
    {
      g_printerr ("tend: %s\n", _("Give --list-helplines one country at most."));
      return 2;
    }

  helplines = tend_helplines_new_builtin (&error);
  if (helplines == NULL)
    {
      g_printerr ("tend: %s\n", error->message);
      return 1;
    }

  if (arguments != NULL && arguments[0] != NULL)
    code = arguments[0];
  else
    code = tend_helplines_get_default_country (helplines, NULL);
  /* A locale that names no country: every number Tend knows, with where it applies */
  if (code == NULL)
    code = TEND_HELPLINES_OTHER;

  country = tend_helplines_lookup (helplines, code);
  if (country == NULL)
    {
      g_auto(GStrv) codes = tend_helplines_list_codes_by_name (helplines);
      g_autofree char *known = NULL;
      g_autofree char *message = NULL;

      /* By code, which is what is typed ("other", in lower case, comes last). */
      qsort (codes, g_strv_length (codes), sizeof (char *), compare_codes);
      known = g_strjoinv (", ", codes);

      /* Translators: The first %s is what was typed; the second the codes Tend knows, as
       * in “AU, BR, CA, other”. */
      message = g_strdup_printf (_("Tend has no helplines for “%s”. Give one of: %s."), code,
                                 known);
      g_printerr ("tend: %s\n", message);
      return 2;
    }

  text = tend_helplines_format_text (helplines, country->code);
  g_print ("%s", text);
  return 0;
}

static int
tend_application_handle_local_options (GApplication *application,
                                       GVariantDict *options)
{
  TendApplication *self = TEND_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  g_autofree const char **arguments = NULL;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&s", &arguments);

  if (g_variant_dict_contains (options, "list-helplines"))
    return list_helplines (arguments);

  if (arguments != NULL && arguments[0] != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is a word given on the command line that Tend does not expect. */
      message = g_strdup_printf (_("Tend does not take “%s”; see tend --help."), arguments[0]);
      g_printerr ("tend: %s\n", message);
      return 2;
    }

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "export") || g_variant_dict_contains (options, "import"))
    {
      int status = run_transfer (options);

      if (status == EXIT_TRANSFER_OK && g_variant_dict_contains (options, "import"))
        tell_running_tend (application);
      return status;
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

  /* `tend --help-now`: straight to "Get Help Now", in the Tend already running if any. */
  if (g_variant_dict_contains (options, "help-now"))
    {
      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      if (g_application_get_is_remote (application))
        {
          g_action_group_activate_action (G_ACTION_GROUP (application), "help-now", NULL);
          return 0;
        }

      self->help_now_on_activate = TRUE;
    }

  return -1;
}

static void
background_details_clicked_cb (AdwToast  *toast,
                               GtkWidget *window)
{
  AdwDialog *dialog = adw_alert_dialog_new (g_object_get_data (G_OBJECT (toast), "title"),
                                            g_object_get_data (G_OBJECT (toast), "message"));

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, window);
}

/* Calmly, in the window: a short line, and the whole story behind "Details". In
 * Preferences, where the switches are, the toast shows there. Without a window nobody is
 * told; the next start tries again. */
static void
show_background_error (TendApplication *self,
                       const GError    *error)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *title = tend_background_error_get_title (error);
  g_autofree char *markup = g_markup_escape_text (title, -1);
  AdwDialog *visible;
  AdwToast *toast;

  if (!TEND_IS_WINDOW (window))
    return;

  toast = adw_toast_new (markup);
  adw_toast_set_button_label (toast, _("_Details"));
  g_object_set_data_full (G_OBJECT (toast), "title", g_strdup (title), g_free);
  g_object_set_data_full (G_OBJECT (toast), "message", g_strdup (error->message), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (background_details_clicked_cb),
                           window, 0);

  visible = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  if (ADW_IS_PREFERENCES_DIALOG (visible))
    adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (visible), toast);
  else
    tend_window_add_toast (TEND_WINDOW (window), toast);
}

static void schedule_background_sync (TendApplication *self);

static void
background_synced_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(TendApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  self->background_syncing = FALSE;

  if (!tend_background_sync_finish (result, &error))
    show_background_error (self, error);

  if (self->background_sync_again)
    {
      self->background_sync_again = FALSE;
      schedule_background_sync (self);
    }
}

static void
sync_background_cb (gpointer user_data)
{
  TendApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  self->background_sync_id = 0;
  self->background_syncing = TRUE;
  tend_background_sync_async (self->settings, window, NULL, background_synced_cb,
                              g_object_ref (self));
}

/* The background monitor runs, and starts at login, as the settings say. Changes that come
 * together make one run, and one that comes while a run waits (as on the desktop's
 * question) makes one more after it. */
static void
schedule_background_sync (TendApplication *self)
{
  if (self->background_syncing)
    self->background_sync_again = TRUE;
  else if (self->background_sync_id == 0)
    self->background_sync_id = g_idle_add_once (sync_background_cb, self);
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
    { "app.help-now", { "<Control><Shift>h", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.show-page::today", { "<Alt>1", NULL } },
    { "win.show-page::journal", { "<Alt>2", NULL } },
    { "win.show-page::calendar", { "<Alt>3", NULL } },
    { "win.show-page::guides", { "<Alt>4", NULL } },
    { "win.show-page::insights", { "<Alt>5", NULL } },
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

  g_signal_connect_object (self->settings, "changed::usage-tracking",
                           G_CALLBACK (schedule_background_sync), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::check-in-reminder",
                           G_CALLBACK (schedule_background_sync), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::autostart",
                           G_CALLBACK (schedule_background_sync), self, G_CONNECT_SWAPPED);

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
 * starts while Tend is open. The background monitor is seen to then too, when a question
 * from the desktop has a window to belong to. */
static gboolean
first_frame_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  TendApplication *self = user_data;

  g_idle_add_once (run_maintenance_once_cb, g_object_ref (self));
  self->maintenance_id = g_timeout_add_seconds (60 * 60, run_maintenance_cb, self);
  schedule_background_sync (self);
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

  if (self->help_now_on_activate)
    {
      self->help_now_on_activate = FALSE;
      present_help (window);
    }
}

/* GNOME Shell's search of the guides, at APP_PATH/SearchProvider as the search provider's
 * .ini file says. */
static gboolean
tend_application_dbus_register (GApplication     *application,
                                GDBusConnection  *connection,
                                const char       *object_path,
                                GError          **error)
{
  TendApplication *self = TEND_APPLICATION (application);
  g_autofree char *path = g_strconcat (object_path, "/SearchProvider", NULL);

  if (!G_APPLICATION_CLASS (tend_application_parent_class)->dbus_register (application,
                                                                          connection,
                                                                          object_path, error))
    return FALSE;

  if (self->search_provider == NULL)
    self->search_provider = tend_search_provider_new (application, NULL);

  return tend_search_provider_export (self->search_provider, connection, path, error);
}

static void
tend_application_dbus_unregister (GApplication    *application,
                                  GDBusConnection *connection,
                                  const char      *object_path)
{
  TendApplication *self = TEND_APPLICATION (application);

  if (self->search_provider != NULL)
    tend_search_provider_unexport (self->search_provider, connection);

  G_APPLICATION_CLASS (tend_application_parent_class)->dbus_unregister (application, connection,
                                                                        object_path);
}

static void
tend_application_dispose (GObject *object)
{
  TendApplication *self = TEND_APPLICATION (object);

  g_clear_object (&self->search_provider);
  g_clear_handle_id (&self->maintenance_id, g_source_remove);
  g_clear_handle_id (&self->background_sync_id, g_source_remove);
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
  application_class->dbus_register = tend_application_dbus_register;
  application_class->dbus_unregister = tend_application_dbus_unregister;
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

