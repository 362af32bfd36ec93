/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-backups-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tend-backups-page.h"
#include "tend-date.h"

/* The Backups page of Preferences: every backup with what it holds, a way to restore one,
 * and Back Up Now. Restoring asks first, and the journal as it is now is kept as a backup
 * by the core before anything changes. */
struct _TendBackupsPage
{
  AdwPreferencesPage  parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *backups_group;
  GtkWidget           *empty_row;

  /* Owned */
  TendContext         *context;
  GCancellable        *cancellable;
  GPtrArray           *rows;
  gboolean             busy;
};

G_DEFINE_FINAL_TYPE (TendBackupsPage, tend_backups_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

/**
 * tend_backups_page_format_day:
 *
 * Returns: (transfer full): the date of @time with the year, in its own time zone
 */
char *
tend_backups_page_format_day (GDateTime *time)
{
  /* Translators: The date of a backup or of a check-in it holds, as in “November 14, 2026”.
   * See the strftime(3) manual for the codes; %-d is the day of the month without padding. */
  return g_date_time_format (time, C_("backup date", "%B %-d, %Y"));
}

/**
 * tend_backups_page_describe_contents:
 *
 * Returns: (transfer full): what @backup holds, as in “212 check-ins, from January 3, 2025
 *   to November 14, 2026”, or why it cannot be used
 */
char *
tend_backups_page_describe_contents (TendBackup *backup)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  guint n = tend_backup_get_n_entries (backup);

  if (!tend_backup_is_usable (backup))
    return g_strdup (tend_backup_get_problem (backup)->message);

  if (n == 0)
    return g_strdup (_("No check-ins"));

  first = tend_backups_page_format_day (tend_backup_get_first_entry_at (backup));
  last = tend_backups_page_format_day (tend_backup_get_last_entry_at (backup));

  if (g_str_equal (first, last))
    /* Translators: What a backup holds: the number of check-ins, and their day. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u check-in, on %s",
                                         "%u check-ins, on %s", n), n, first);

  /* Translators: What a backup holds: the number of check-ins, the day of the first one and
   * the day of the last one. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u check-in, from %s to %s",
                                       "%u check-ins, from %s to %s", n), n, first, last);
}

static void
add_toast (TendBackupsPage *self,
           const char      *title)
{
  GtkWidget *dialog = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_DIALOG);

  if (dialog != NULL)
    adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (dialog), adw_toast_new (title));
}

static void
show_error (TendBackupsPage *self,
            const char      *heading,
            const GError    *error)
{
  AdwDialog *dialog = adw_alert_dialog_new (heading, error->message);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
set_busy (TendBackupsPage *self,
          gboolean         busy)
{
  gboolean open = self->context != NULL &&
                  tend_context_get_state (self->context) == TEND_CONTEXT_STATE_OPEN;

  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.back-up", open && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.restore", open && !busy);
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TendBackupsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!tend_context_restore_finish (TEND_CONTEXT (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      set_busy (self, FALSE);
      show_error (self, _("Backup Not Restored"), error);
      tend_backups_page_reload (self);
      return;
    }

  set_busy (self, FALSE);
  add_toast (self, _("Backup restored"));
  tend_backups_page_reload (self);
}

static void
restore_confirmed_cb (AdwAlertDialog *dialog,
                      const char     *response,
                      gpointer        user_data)
{
  TendBackupsPage *self = TEND_BACKUPS_PAGE (user_data);
  TendBackup *backup = g_object_get_data (G_OBJECT (dialog), "backup");

  if (self->busy || self->context == NULL)
    return;

  set_busy (self, TRUE);
  tend_context_restore_async (self->context, backup, self->cancellable, restored_cb,
                              g_object_ref (self));
}

static TendBackup *
find_backup (TendBackupsPage *self,
             const char      *path)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      TendBackup *backup = g_object_get_data (g_ptr_array_index (self->rows, i), "backup");

      if (g_strcmp0 (tend_backup_get_path (backup), path) == 0)
        return backup;
    }

  return NULL;
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TendBackupsPage *self = TEND_BACKUPS_PAGE (widget);
  TendBackup *backup = find_backup (self, g_variant_get_string (parameter, NULL));
  g_autofree char *day = NULL;
  g_autofree char *holds = NULL;
  g_autofree char *body = NULL;
  AdwDialog *dialog;
  guint n;

  if (backup == NULL || !tend_backup_is_usable (backup) || self->busy)
    return;

  n = tend_backup_get_n_entries (backup);
  day = tend_backups_page_format_day (tend_backup_get_made_at (backup));

  /* The heading stays short: an alert's heading does not wrap at narrow widths. */
  if (n == 0)
    /* Translators: %s is the date of the backup. */
    holds = g_strdup_printf (_("Restore the backup of %s? It holds no check-ins."), day);
  else
    {
      g_autofree char *first = tend_backups_page_format_day (tend_backup_get_first_entry_at (backup));
      g_autofree char *last = tend_backups_page_format_day (tend_backup_get_last_entry_at (backup));

      if (g_str_equal (first, last))
        /* Translators: The first %s is the date of the backup, the second the day of its
         * check-ins. */
        holds = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Restore the backup of %s? It holds %u check-in, on %s.",
                                              "Restore the backup of %s? It holds %u check-ins, on %s.",
                                              n), day, n, first);
      else
        /* Translators: The first %s is the date of the backup, then come the number of
         * check-ins it holds and the days of the first and the last. */
        holds = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Restore the backup of %s? It holds %u check-in, from %s to %s.",
                                              "Restore the backup of %s? It holds %u check-ins, from %s to %s.",
                                              n), day, n, first, last);
    }

  body = g_strdup_printf ("%s %s", holds,
                          _("Your journal as it is now is kept as a backup first."));

  dialog = adw_alert_dialog_new (_("Restore Backup?"), body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "restore", _("_Restore"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "restore",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "restore");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup", g_object_ref (backup), g_object_unref);
  g_signal_connect_object (dialog, "response::restore",
                           G_CALLBACK (restore_confirmed_cb), self, 0);

  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
backed_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TendBackupsPage) self = user_data;
  g_autoptr(TendBackup) backup = NULL;
  g_autoptr(GError) error = NULL;

  backup = tend_context_back_up_finish (TEND_CONTEXT (object), result, &error);
  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (backup == NULL)
    show_error (self, _("No Backup Made"), error);
  else
    add_toast (self, _("Backup made"));

  tend_backups_page_reload (self);
}

static void
back_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TendBackupsPage *self = TEND_BACKUPS_PAGE (widget);

  if (self->busy || self->context == NULL)
    return;

  set_busy (self, TRUE);
  tend_context_back_up_async (self->context, FALSE, self->cancellable, backed_up_cb,
                              g_object_ref (self));
}

static gboolean
shares_day (GPtrArray  *backups,
            TendBackup *backup)
{
  g_autofree char *day = tend_backups_page_format_day (tend_backup_get_made_at (backup));

  for (guint i = 0; i < backups->len; i++)
    {
      TendBackup *other = g_ptr_array_index (backups, i);
      g_autofree char *other_day = NULL;

      if (other == backup)
        continue;

      other_day = tend_backups_page_format_day (tend_backup_get_made_at (other));
      if (g_str_equal (day, other_day))
        return TRUE;
    }

  return FALSE;
}

static GtkWidget *
create_row (TendBackupsPage *self,
            GPtrArray       *backups,
            TendBackup      *backup)
{
  g_autofree char *day = tend_backups_page_format_day (tend_backup_get_made_at (backup));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = tend_backups_page_describe_contents (backup);
  GtkWidget *row = adw_action_row_new ();

  /* Two backups of one day, after Back Up Now or a restore, are told apart by the time. */
  if (shares_day (backups, backup))
    {
      g_autofree char *time = tend_date_format_time (tend_backup_get_made_at (backup));

      /* Translators: A backup's date and time, as in “November 14, 2026, 21:00”. */
      title = g_strdup_printf (C_("backup", "%s, %s"), day, time);
    }
  else
    title = g_strdup (day);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "backup", g_object_ref (backup), g_object_unref);

  if (tend_backup_is_usable (backup))
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));
      g_autofree char *label = NULL;

      /* Translators: The accessible name of a backup's Restore button; %s is its date. */
      label = g_strdup_printf (_("Restore the backup of %s"), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "backups.restore");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                        tend_backup_get_path (backup));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  else
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cannot be restored"), -1);
      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }

  return row;
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TendBackupsPage) self = user_data;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;

  backups = tend_context_list_backups_finish (TEND_CONTEXT (object), result, &error);
  if (backups == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not list the backups: %s", error->message);
      return;
    }

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->backups_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < backups->len; i++)
    {
      GtkWidget *row = create_row (self, backups, g_ptr_array_index (backups, i));

      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (self->backups_group, row);
    }

  gtk_widget_set_visible (self->empty_row, backups->len == 0);
}

/**
 * tend_backups_page_reload:
 *
 * Lists the backups again, as after one was made by the app.
 */
void
tend_backups_page_reload (TendBackupsPage *self)
{
  g_return_if_fail (TEND_IS_BACKUPS_PAGE (self));

  if (self->context == NULL)
    return;

  tend_context_list_backups_async (self->context, self->cancellable, listed_cb,
                                   g_object_ref (self));
}

static void
state_changed_cb (TendBackupsPage *self)
{
  set_busy (self, self->busy);
}

static void
tend_backups_page_constructed (GObject *object)
{
  TendBackupsPage *self = TEND_BACKUPS_PAGE (object);

  G_OBJECT_CLASS (tend_backups_page_parent_class)->constructed (object);

  if (self->context != NULL)
    g_signal_connect_object (self->context, "notify::state",
                             G_CALLBACK (state_changed_cb), self, G_CONNECT_SWAPPED);
  set_busy (self, FALSE);
  tend_backups_page_reload (self);
}

static void
tend_backups_page_dispose (GObject *object)
{
  TendBackupsPage *self = TEND_BACKUPS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (tend_backups_page_parent_class)->dispose (object);
}

static void
tend_backups_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TendBackupsPage *self = TEND_BACKUPS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_backups_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TendBackupsPage *self = TEND_BACKUPS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_backups_page_class_init (TendBackupsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tend_backups_page_constructed;
  object_class->dispose = tend_backups_page_dispose;
  object_class->get_property = tend_backups_page_get_property;
  object_class->set_property = tend_backups_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, TEND_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/tend-backups-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TendBackupsPage, backups_group);
  gtk_widget_class_bind_template_child (widget_class, TendBackupsPage, empty_row);

  gtk_widget_class_install_action (widget_class, "backups.back-up", NULL, back_up_action);
  gtk_widget_class_install_action (widget_class, "backups.restore", "s", restore_action);
}

static void
tend_backups_page_init (TendBackupsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
}

TendBackupsPage *
tend_backups_page_new (TendContext *context)
{
  g_return_val_if_fail (TEND_IS_CONTEXT (context), NULL);

  return g_object_new (TEND_TYPE_BACKUPS_PAGE, "context", context, NULL);
}
