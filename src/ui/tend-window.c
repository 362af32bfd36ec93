/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "tend-backups-page.h"
#include "tend-calendar-page.h"
#include "tend-entry-dialog.h"
#include "tend-guides-page.h"
#include "tend-insights-page.h"
#include "tend-journal-page.h"
#include "tend-today-page.h"
#include "tend-transfer.h"
#include "tend-usage-page.h"
#include "tend-text.h"
#include "tend-window.h"

struct _TendWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwBreakpoint        *medium_breakpoint;
  AdwBreakpoint        *narrow_breakpoint;
  AdwHeaderBar         *header_bar;
  GtkWidget            *header_switcher;
  AdwToastOverlay      *toast_overlay;
  AdwBanner            *read_only_banner;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  TendTodayPage        *today_page;
  AdwBin               *journal_bin;
  AdwBin               *calendar_bin;
  AdwBin               *guides_bin;
  AdwViewStack         *insights_stack;
  AdwBin               *mood_bin;
  AdwBin               *usage_bin;
  AdwStatusPage        *error_page;
  GtkWidget            *search_button;
  GtkWidget            *recovery_box;
  GtkWidget            *restore_button;

  /* Borrowed: the pages other than Today, made when first shown (see ensure_page()) */
  TendJournalPage      *journal_page;
  TendCalendarPage     *calendar_page;
  TendGuidesPage       *guides_page;
  TendInsightsPage     *insights_page;
  TendUsagePage        *usage_page;

  /* Owned */
  TendContext          *context;
  GSettings            *settings;
  GCancellable         *cancellable;
  GtkWindow            *shortcuts_window;  /* made when first shown */
  char                 *newest_backup_day; /* of the newest usable backup, when damaged */

  gboolean              remeasure_tabs; /* once the header has its tabs back */
  gboolean              pages_ready;
  gboolean              recovering;
  guint                 restore_draft_id;
};

G_DEFINE_FINAL_TYPE (TendWindow, tend_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
show_journal_clicked_cb (TendWindow *self)
{
  tend_window_show_page (self, "journal");
}

static void
entry_saved_cb (TendWindow *self,
                TendEntry  *entry)
{
  AdwToast *toast;

  toast = adw_toast_new (_("Check-in saved"));
  adw_toast_set_button_label (toast, _("_Show"));
  g_signal_connect_object (toast, "button-clicked",
                           G_CALLBACK (show_journal_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_delete_clicked_cb (AdwToast   *toast,
                        TendWindow *self)
{
  TendEntry *entry = g_object_get_data (G_OBJECT (toast), "entry");
  g_autoptr(GError) error = NULL;

  if (!tend_journal_restore (tend_context_get_journal (self->context), entry, &error))
    {
      AdwDialog *dialog = adw_alert_dialog_new (_("Check-in Not Restored"), error->message);

      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
      adw_dialog_present (dialog, GTK_WIDGET (self));
    }
}

static void
entry_deleted_cb (TendWindow *self,
                  TendEntry  *entry)
{
  AdwToast *toast;

  /* No confirmation: the deletion is undone from the toast while it shows. */
  toast = adw_toast_new (_("Check-in deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "entry", g_object_ref (entry), g_object_unref);
  g_signal_connect_object (toast, "button-clicked",
                           G_CALLBACK (undo_delete_clicked_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
present_entry_dialog (TendWindow      *self,
                      TendEntry       *entry,
                      const TendDraft *draft)
{
  TendEntryDialog *dialog = tend_entry_dialog_new (self->context, entry, draft);

  g_signal_connect_object (dialog, "deleted", G_CALLBACK (entry_deleted_cb), self,
                           G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

/**
 * tend_window_open_entry:
 * @entry: a stored check-in
 *
 * Opens @entry to edit or delete it.
 */
void
tend_window_open_entry (TendWindow *self,
                        TendEntry  *entry)
{
  g_return_if_fail (TEND_IS_WINDOW (self));
  g_return_if_fail (TEND_IS_ENTRY (entry));

  present_entry_dialog (self, entry, NULL);
}

static void
entry_activated_cb (TendWindow *self,
                    TendEntry  *entry)
{
  tend_window_open_entry (self, entry);
}

/* Changes to a check-in that were being made when Tend last stopped are shown again. */
static gboolean
restore_edit_draft_cb (gpointer user_data)
{
  TendWindow *self = user_data;
  TendJournal *journal = tend_context_get_journal (self->context);
  g_autoptr(TendDraft) draft = NULL;
  g_autoptr(TendEntry) entry = NULL;

  self->restore_draft_id = 0;

  draft = tend_journal_load_draft (journal, TEND_ENTRY_DIALOG_DRAFT_SLOT);
  if (draft == NULL)
    return G_SOURCE_REMOVE;

  if (draft->entry_uuid != NULL)
    entry = tend_journal_lookup (journal, draft->entry_uuid);

  if (entry != NULL && draft->mood != TEND_MOOD_NONE)
    {
      tend_window_show_page (self, "journal");
      present_entry_dialog (self, entry, draft);
    }
  else
    tend_journal_clear_draft (journal, TEND_ENTRY_DIALOG_DRAFT_SLOT, NULL);

  return G_SOURCE_REMOVE;
}

static void
check_in_requested_cb (TendWindow *self)
{
  tend_window_start_check_in (self);
}

/* From the Calendar: a new check-in on the day picked there. */
static void
check_in_on_day_cb (TendWindow *self,
                    GDateTime  *time)
{
  if (tend_context_get_state (self->context) != TEND_CONTEXT_STATE_OPEN)
    return;

  tend_entry_editor_set_time (tend_today_page_get_editor (self->today_page), time);
  tend_window_start_check_in (self);
}

static TendCalendarPage *ensure_calendar_page (TendWindow *self);

/* From Insights' year in pixels: the day in the Calendar, with its check-ins. */
static void
insights_day_activated_cb (TendWindow  *self,
                           const GDate *day)
{
  if (tend_context_get_state (self->context) != TEND_CONTEXT_STATE_OPEN)
    return;

  tend_calendar_page_show_day (ensure_calendar_page (self), day);
  tend_window_show_page (self, "calendar");
}

/* The pages other than Today are made the first time they are shown, not while the window
 * opens: the first frame waits only for what it shows. Each is given the journal once it is
 * open (pages_ready); show_main() gives it to those made before. */
static void
set_page_context (TendWindow *self,
                  GtkWidget  *page)
{
  if (!self->pages_ready || page == NULL ||
      tend_context_get_state (self->context) != TEND_CONTEXT_STATE_OPEN)
    return;

  if (TEND_IS_JOURNAL_PAGE (page))
    tend_journal_page_set_context (TEND_JOURNAL_PAGE (page), self->context);
  else if (TEND_IS_CALENDAR_PAGE (page))
    tend_calendar_page_set_context (TEND_CALENDAR_PAGE (page), self->context);
  else if (TEND_IS_INSIGHTS_PAGE (page))
    tend_insights_page_set_context (TEND_INSIGHTS_PAGE (page), self->context);
  else if (TEND_IS_USAGE_PAGE (page))
    tend_usage_page_set_context (TEND_USAGE_PAGE (page), self->context);
}

static TendJournalPage *
ensure_journal_page (TendWindow *self)
{
  if (self->journal_page == NULL)
    {
      self->journal_page = g_object_new (TEND_TYPE_JOURNAL_PAGE, NULL);
      g_signal_connect_object (self->journal_page, "check-in-requested",
                               G_CALLBACK (check_in_requested_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->journal_page, "entry-activated",
                               G_CALLBACK (entry_activated_cb), self, G_CONNECT_SWAPPED);
      g_object_bind_property (self->journal_page, "search-mode", self->search_button, "active",
                              G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
      set_page_context (self, GTK_WIDGET (self->journal_page));
      adw_bin_set_child (self->journal_bin, GTK_WIDGET (self->journal_page));
    }

  return self->journal_page;
}

static TendCalendarPage *
ensure_calendar_page (TendWindow *self)
{
  if (self->calendar_page == NULL)
    {
      self->calendar_page = g_object_new (TEND_TYPE_CALENDAR_PAGE, NULL);
      g_signal_connect_object (self->calendar_page, "entry-activated",
                               G_CALLBACK (entry_activated_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->calendar_page, "check-in-requested",
                               G_CALLBACK (check_in_on_day_cb), self, G_CONNECT_SWAPPED);
      set_page_context (self, GTK_WIDGET (self->calendar_page));
      adw_bin_set_child (self->calendar_bin, GTK_WIDGET (self->calendar_page));
    }

  return self->calendar_page;
}

static TendGuidesPage *
ensure_guides_page (TendWindow *self)
{
  if (self->guides_page == NULL)
    {
      self->guides_page = g_object_new (TEND_TYPE_GUIDES_PAGE, NULL);
      adw_bin_set_child (self->guides_bin, GTK_WIDGET (self->guides_page));
    }

  return self->guides_page;
}

static TendInsightsPage *
ensure_insights_page (TendWindow *self)
{
  if (self->insights_page == NULL)
    {
      self->insights_page = g_object_new (TEND_TYPE_INSIGHTS_PAGE, NULL);
      g_signal_connect_object (self->insights_page, "day-activated",
                               G_CALLBACK (insights_day_activated_cb), self, G_CONNECT_SWAPPED);
      set_page_context (self, GTK_WIDGET (self->insights_page));
      adw_bin_set_child (self->mood_bin, GTK_WIDGET (self->insights_page));
    }

  return self->insights_page;
}

static TendUsagePage *
ensure_usage_page (TendWindow *self)
{
  if (self->usage_page == NULL)
    {
      self->usage_page = g_object_new (TEND_TYPE_USAGE_PAGE, NULL);
      set_page_context (self, GTK_WIDGET (self->usage_page));
      adw_bin_set_child (self->usage_bin, GTK_WIDGET (self->usage_page));
    }

  return self->usage_page;
}

/* Makes the page @name (as tend_window_show_page() names it) if it is not made yet. */
static void
ensure_page (TendWindow *self,
             const char *name)
{
  if (g_strcmp0 (name, "journal") == 0)
    ensure_journal_page (self);
  else if (g_strcmp0 (name, "calendar") == 0)
    ensure_calendar_page (self);
  else if (g_strcmp0 (name, "guides") == 0)
    ensure_guides_page (self);
  else if (g_strcmp0 (name, "insights") == 0)
    ensure_insights_page (self);
  else if (g_strcmp0 (name, "usage") == 0)
    ensure_usage_page (self);
}

static void
visible_page_changed_cb (TendWindow *self)
{
  const char *page = tend_window_get_page (self);

  ensure_page (self, page);

  gtk_widget_set_visible (self->search_button, g_strcmp0 (page, "journal") == 0);
}

/* win.search: exported on the bus too, so "build-aux/dev screenshot" can open a search. */
static void
search_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  TendWindow *self = TEND_WINDOW (user_data);

  if (tend_context_get_journal (self->context) == NULL)
    return;

  /* Ctrl+F searches the guides while they show. */
  if (g_strcmp0 (tend_window_get_page (self), "guides") == 0)
    {
      tend_window_search_guides (self, g_variant_get_string (parameter, NULL));
      return;
    }

  tend_window_show_page (self, "journal");
  tend_journal_page_start_search (ensure_journal_page (self),
                                  g_variant_get_string (parameter, NULL));
}

/* win.start-exercise: exported on the bus too, so "build-aux/dev screenshot" can show one. */
static void
start_exercise_action_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  TendWindow *self = TEND_WINDOW (user_data);

  if (tend_context_get_state (self->context) != TEND_CONTEXT_STATE_OPEN)
    return;

  tend_window_show_page (self, "guides");
  tend_guides_page_start_exercise (ensure_guides_page (self),
                                   g_variant_get_string (parameter, NULL));
}

/* win.show-insights: Insights on a week, a month or a year ("week", "month", "year");
 * exported on the bus too, so "build-aux/dev screenshot" can show each. */
static void
show_insights_action_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  TendWindow *self = TEND_WINDOW (user_data);
  const char *period = g_variant_get_string (parameter, NULL);

  if (tend_context_get_state (self->context) != TEND_CONTEXT_STATE_OPEN)
    return;

  tend_window_show_page (self, "insights");
  if (g_str_equal (period, "week"))
    tend_insights_page_set_period (ensure_insights_page (self), TEND_INSIGHTS_PERIOD_WEEK);
  else if (g_str_equal (period, "month"))
    tend_insights_page_set_period (ensure_insights_page (self), TEND_INSIGHTS_PERIOD_MONTH);
  else if (g_str_equal (period, "year"))
    tend_insights_page_set_period (ensure_insights_page (self), TEND_INSIGHTS_PERIOD_YEAR);
}

/* win.show-help-overlay: the keyboard shortcuts, read from their file the first time they
 * are asked for rather than as every window opens. */
static void
show_help_overlay_action_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  TendWindow *self = TEND_WINDOW (user_data);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder = NULL;

      builder = gtk_builder_new_from_resource (RESOURCE_PATH "/ui/tend-shortcuts-window.ui");
      self->shortcuts_window = g_object_ref (GTK_WINDOW (gtk_builder_get_object (builder,
                                                                                 "help_overlay")));
      /* Only this lets the shortcuts window read the accelerators of the actions it names
       * (set as transient, modal and hidden on close too); our action stays the one
       * that shows it. Deprecated in GTK 4.18 with GtkShortcutsWindow itself. */
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                               GTK_SHORTCUTS_WINDOW (self->shortcuts_window));
      G_GNUC_END_IGNORE_DEPRECATIONS
    }

  gtk_window_present (self->shortcuts_window);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  tend_window_show_page (TEND_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TendWindow *self = TEND_WINDOW (widget);

  tend_transfer_import (GTK_WINDOW (self), tend_context_get_journal (self->context));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TendWindow *self = TEND_WINDOW (widget);

  tend_transfer_export (GTK_WINDOW (self), tend_context_get_journal (self->context), NULL);
}

static void
restore_size (TendWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 294));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
tend_window_close_request (GtkWindow *window)
{
  TendWindow *self = TEND_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (tend_window_parent_class)->close_request (window);
}

/* Where a file is, in words a person can find it by: "~/.local/share/tend/…". */
static void
update_recovery_actions (TendWindow *self)
{
  gboolean damaged = tend_context_get_state (self->context) == TEND_CONTEXT_STATE_DAMAGED;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-backup",
                                 damaged && !self->recovering && self->newest_backup_day != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-new-journal",
                                 damaged && !self->recovering);
  gtk_widget_set_visible (self->restore_button, self->newest_backup_day != NULL);
}

static void
update_recovery_text (TendWindow *self,
                      gboolean    listed)
{
  g_autofree char *path = tend_text_format_path (tend_context_get_damaged_path (self->context));
  g_autoptr(GString) where = g_string_new (path);
  g_autofree char *what = NULL;
  g_autofree char *choice = NULL;
  g_autofree char *description = NULL;

  /* The path (isolated by tend_text_format_path(), so it reads left to right in Arabic
   * too) on a line of its own, free to wrap after a slash (a zero-width space) rather than
   * anywhere in a name. */
  g_string_replace (where, "/", "/\u200B", 0);

  /* Translators: the path of the damaged file follows, on a line of its own. */
  what = g_strdup_printf ("%s\n%s", _("Tend cannot read your journal because the file is "
                                       "damaged. It has been kept, unchanged, in this file:"),
                          where->str);

  if (self->newest_backup_day != NULL)
    /* Translators: %s is the date of the newest backup. */
    choice = g_strdup_printf (_("You can restore the newest backup, from %s, or start a new, "
                                "empty journal."), self->newest_backup_day);
  else if (listed)
    choice = g_strdup (_("There is no backup to restore. You can start a new, empty journal."));

  description = g_strdup_printf ("%s%s%s", what, choice != NULL ? "\n\n" : "",
                                 choice != NULL ? choice : "");
  adw_status_page_set_description (self->error_page, description);
}

static void
backups_listed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(TendWindow) self = user_data;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;

  backups = tend_context_list_backups_finish (TEND_CONTEXT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_pointer (&self->newest_backup_day, g_free);
  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      TendBackup *backup = g_ptr_array_index (backups, i);

      if (tend_backup_is_usable (backup))
        {
          self->newest_backup_day = tend_backups_page_format_day (tend_backup_get_made_at (backup));
          break;
        }
    }

  if (tend_context_get_state (self->context) != TEND_CONTEXT_STATE_DAMAGED)
    return;

  update_recovery_text (self, TRUE);
  update_recovery_actions (self);
}

/* What needs an open journal is off while there is none. */
static void
set_journal_actions_enabled (TendWindow *self,
                             gboolean    enabled)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", enabled);
}

static void update_read_only_banner (TendWindow *self);

static void
show_main (TendWindow *self)
{
  if (!self->pages_ready)
    {
      tend_today_page_set_context (self->today_page, self->context);
      self->pages_ready = TRUE;
      self->restore_draft_id = g_idle_add_full (G_PRIORITY_LOW, restore_edit_draft_cb, self,
                                                NULL);
    }

  /* Pages made while the journal could not be read get it now. */
  set_page_context (self, GTK_WIDGET (self->journal_page));
  set_page_context (self, GTK_WIDGET (self->calendar_page));
  set_page_context (self, GTK_WIDGET (self->insights_page));
  set_page_context (self, GTK_WIDGET (self->usage_page));

  gtk_widget_set_visible (self->recovery_box, FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "main");
  set_journal_actions_enabled (self, TRUE);
  update_read_only_banner (self);
}

/* A journal in a folder Tend may only read is shown as it is; the banner says, before
 * anyone types, that changes cannot be saved, and where. */
static void
update_read_only_banner (TendWindow *self)
{
  TendDatabase *database = tend_context_get_database (self->context);
  gboolean read_only = database != NULL && tend_database_is_read_only (database);

  if (read_only)
    {
      g_autofree char *dirname = g_path_get_dirname (tend_database_get_path (database));
      g_autofree char *folder = tend_text_format_path (dirname);
      g_autofree char *title = NULL;

      /* Translators: %s is a folder, such as /home/ana/.local/share/tend */
      title = g_strdup_printf (_("Tend may only read the folder of your journal, %s, so changes "
                                 "cannot be saved. Everything in it is still here."), folder);
      adw_banner_set_title (self->read_only_banner, title);
    }

  adw_banner_set_revealed (self->read_only_banner, read_only);
}

static void
show_recovery (TendWindow *self)
{
  adw_status_page_set_title (self->error_page, _("Your Journal Is Damaged"));
  update_recovery_text (self, FALSE);
  update_recovery_actions (self);
  gtk_widget_set_visible (self->recovery_box, TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  set_journal_actions_enabled (self, FALSE);

  tend_context_list_backups_async (self->context, self->cancellable, backups_listed_cb,
                                   g_object_ref (self));
}

static void
show_error (TendWindow *self)
{
  const GError *open_error = tend_context_get_open_error (self->context);
  g_autofree char *description = NULL;

  description = g_strdup_printf ("%s\n\n%s",
                                 open_error != NULL ? open_error->message : "",
                                 _("Nothing has been deleted. Close Tend, and open it again "
                                   "once the problem is solved."));
  adw_status_page_set_title (self->error_page, _("Your Journal Could Not Be Opened"));
  adw_status_page_set_description (self->error_page, description);
  gtk_widget_set_visible (self->recovery_box, FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  set_journal_actions_enabled (self, FALSE);
}

static void
state_changed_cb (TendWindow *self)
{
  switch (tend_context_get_state (self->context))
    {
    case TEND_CONTEXT_STATE_OPEN:
      show_main (self);
      break;

    case TEND_CONTEXT_STATE_DAMAGED:
      show_recovery (self);
      break;

    case TEND_CONTEXT_STATE_CLOSED:
    case TEND_CONTEXT_STATE_FAILED:
    default:
      show_error (self);
      break;
    }

  update_recovery_actions (self);
}

static void
recovered_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TendWindow) self = user_data;
  g_autoptr(TendBackup) backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  backup = tend_context_recover_finish (TEND_CONTEXT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->recovering = FALSE;
  update_recovery_actions (self);

  if (error != NULL)
    {
      AdwDialog *dialog = adw_alert_dialog_new (_("Your Journal Could Not Be Recovered"),
                                                error->message);

      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
      adw_dialog_present (dialog, GTK_WIDGET (self));

      /* What is left may have changed: a backup found damaged is not offered again. */
      tend_context_list_backups_async (self->context, self->cancellable, backups_listed_cb,
                                       g_object_ref (self));
      return;
    }

  if (backup != NULL)
    {
      g_autofree char *day = tend_backups_page_format_day (tend_backup_get_made_at (backup));

      /* Translators: %s is the date of the backup. */
      title = g_strdup_printf (_("The backup of %s was restored"), day);
    }
  else
    title = g_strdup (_("A new journal was started"));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
recover (TendWindow *self,
         gboolean    restore_backup)
{
  if (self->recovering)
    return;

  self->recovering = TRUE;
  update_recovery_actions (self);
  tend_context_recover_async (self->context, restore_backup, self->cancellable, recovered_cb,
                              g_object_ref (self));
}

static void
restore_backup_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  recover (TEND_WINDOW (widget), TRUE);
}

static void
start_new_journal_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  recover (TEND_WINDOW (widget), FALSE);
}

/* "build-aux/dev bench startup" (tests/bench-startup.c) times Tend from exec to its first
 * frame. With TEND_BENCH_FIRST_FRAME_FD set, the first frame in which a window was drawn
 * (its frame clock's "after-paint" once it is mapped) writes the monotonic time in
 * microseconds as one line to that fd, once per process; tests/bench-floor.c does the
 * same. Without the variable nothing of this runs. */
static void
bench_after_paint_cb (GdkFrameClock *frame_clock,
                      GtkWidget     *widget)
{
  static gboolean reported;
  const char *fd_text = g_getenv ("TEND_BENCH_FIRST_FRAME_FD");
  gint64 now = g_get_monotonic_time ();
  int fd;

  /* Drawn only once the surface is on screen (on X11, after the server maps it): until
   * then a frame paints nothing. */
  if (!gtk_widget_get_mapped (widget) ||
      !gdk_surface_get_mapped (gtk_native_get_surface (GTK_NATIVE (widget))))
    return;

  g_signal_handlers_disconnect_by_func (frame_clock, bench_after_paint_cb, widget);
  if (reported || fd_text == NULL)
    return;

  reported = TRUE;
  fd = (int) g_ascii_strtoll (fd_text, NULL, 10);
  if (fd > 2)
    {
      dprintf (fd, "%" G_GINT64_FORMAT "\n", now);
      g_close (fd, NULL);
    }
}

static void
bench_realized_cb (GtkWidget *widget)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (bench_after_paint_cb), widget, 0);
}

static GtkWidget *
find_center_box (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = GTK_IS_CENTER_BOX (child) ? child : find_center_box (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static int
natural_width (GtkWidget *widget)
{
  int natural = 0;

  if (widget != NULL && gtk_widget_get_visible (widget))
    gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

/* The width the header needs with its tabs in @policy, and the search button that some
 * sections show: the buttons on either side, and the tabs between them, off centre if need
 * be (AdwHeaderBar centres its title loosely). */
static int
measure_header (TendWindow             *self,
                AdwViewSwitcherPolicy   policy)
{
  AdwViewSwitcher *switcher = ADW_VIEW_SWITCHER (self->header_switcher);
  AdwViewSwitcherPolicy old_policy = adw_view_switcher_get_policy (switcher);
  gboolean search_visible = gtk_widget_get_visible (self->search_button);
  GtkWidget *center_box = find_center_box (GTK_WIDGET (self->header_bar));
  int width;

  gtk_widget_set_visible (self->search_button, TRUE);
  adw_view_switcher_set_policy (switcher, policy);

  if (center_box != NULL)
    {
      GtkCenterBox *box = GTK_CENTER_BOX (center_box);
      int header = natural_width (GTK_WIDGET (self->header_bar));
      int centered = natural_width (center_box);

      /* The header's own padding, then its two sides and the tabs side by side, with room
       * for the spacing between them */
      width = header - centered +
              natural_width (gtk_center_box_get_start_widget (box)) +
              natural_width (gtk_center_box_get_center_widget (box)) +
              natural_width (gtk_center_box_get_end_widget (box)) + 2 * 6;
    }
  else
    width = natural_width (GTK_WIDGET (self->header_bar));

  adw_view_switcher_set_policy (switcher, old_policy);
  gtk_widget_set_visible (self->search_button, search_visible);

  return width;
}

/* A breakpoint that applies below @width pixels; 0: never. */
static void
set_below (AdwBreakpoint *breakpoint,
           int            width)
{
  adw_breakpoint_set_condition (breakpoint,
                                adw_breakpoint_condition_new_length (ADW_BREAKPOINT_CONDITION_MAX_WIDTH,
                                                                     MAX (width - 1, 0),
                                                                     ADW_LENGTH_UNIT_PX));
}

/* The sections' tabs stay in the header only as long as every label fits whole, in the
 * language, font and text size of the day: below the width the header needs for them
 * (with the search button that some sections show, and the window's own buttons), they
 * put their labels under their icons, and below the width that needs, they move to the
 * bar at the bottom. A fixed breakpoint cut "Aujourd’hui" or "Calendrier" at widths where
 * English fitted. The header can only be measured with its tabs in it: while the bar is
 * shown, a change of font first gives the tabs back to the header, which is then measured
 * again (current_breakpoint_changed_cb()). */
static void
update_breakpoints (TendWindow *self)
{
  int wide, narrow;

  if (gtk_widget_get_parent (self->header_switcher) == NULL)
    {
      self->remeasure_tabs = TRUE;
      set_below (self->medium_breakpoint, 0);
      set_below (self->narrow_breakpoint, 0);
      return;
    }

  self->remeasure_tabs = FALSE;
  wide = measure_header (self, ADW_VIEW_SWITCHER_POLICY_WIDE);
  narrow = measure_header (self, ADW_VIEW_SWITCHER_POLICY_NARROW);
  g_debug ("The header needs %d px for its tabs, %d with their labels under their icons",
           wide, narrow);
  set_below (self->medium_breakpoint, wide);
  set_below (self->narrow_breakpoint, narrow);
}

static void
current_breakpoint_changed_cb (TendWindow *self)
{
  if (self->remeasure_tabs && gtk_widget_get_parent (self->header_switcher) != NULL)
    update_breakpoints (self);
}

static void
tend_window_constructed (GObject *object)
{
  TendWindow *self = TEND_WINDOW (object);

  G_OBJECT_CLASS (tend_window_parent_class)->constructed (object);

  g_assert (TEND_IS_CONTEXT (self->context));

  g_signal_connect_object (self->context, "notify::state",
                           G_CALLBACK (state_changed_cb), self, G_CONNECT_SWAPPED);
  state_changed_cb (self);

  restore_size (self);

  {
    GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));

    update_breakpoints (self);
    g_signal_connect_object (settings, "notify::gtk-font-name",
                             G_CALLBACK (update_breakpoints), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (settings, "notify::gtk-xft-dpi",
                             G_CALLBACK (update_breakpoints), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (settings, "notify::gtk-decoration-layout",
                             G_CALLBACK (update_breakpoints), self, G_CONNECT_SWAPPED);
    g_signal_connect (self, "notify::current-breakpoint",
                      G_CALLBACK (current_breakpoint_changed_cb), NULL);
  }
}

static void
tend_window_dispose (GObject *object)
{
  TendWindow *self = TEND_WINDOW (object);

  g_clear_handle_id (&self->restore_draft_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TEND_TYPE_WINDOW);
  self->journal_page = NULL;
  self->calendar_page = NULL;
  self->guides_page = NULL;
  self->insights_page = NULL;
  self->usage_page = NULL;
  g_clear_object (&self->cancellable);
  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);
  g_clear_object (&self->shortcuts_window);
  g_clear_pointer (&self->newest_backup_day, g_free);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tend_window_parent_class)->dispose (object);
}

static void
tend_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TendWindow *self = TEND_WINDOW (object);

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
tend_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TendWindow *self = TEND_WINDOW (object);

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
tend_window_class_init (TendWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = tend_window_constructed;
  object_class->dispose = tend_window_dispose;
  object_class->get_property = tend_window_get_property;
  object_class->set_property = tend_window_set_property;
  window_class->close_request = tend_window_close_request;

  /**
   * TendWindow:context:
   *
   * Tend's data, shared with the application's other windows.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, TEND_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TEND_TYPE_TODAY_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/tend-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TendWindow, medium_breakpoint);
  gtk_widget_class_bind_template_child (widget_class, TendWindow, narrow_breakpoint);
  gtk_widget_class_bind_template_child (widget_class, TendWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, TendWindow, header_switcher);
  gtk_widget_class_bind_template_child (widget_class, TendWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TendWindow, read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, TendWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TendWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TendWindow, today_page);
  gtk_widget_class_bind_template_child (widget_class, TendWindow, journal_bin);
  gtk_widget_class_bind_template_child (widget_class, TendWindow, calendar_bin);
  gtk_widget_class_bind_template_child (widget_class, TendWindow, guides_bin);
  gtk_widget_class_bind_template_child (widget_class, TendWindow, insights_stack);
  gtk_widget_class_bind_template_child (widget_class, TendWindow, mood_bin);
  gtk_widget_class_bind_template_child (widget_class, TendWindow, usage_bin);
  gtk_widget_class_bind_template_child (widget_class, TendWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, TendWindow, search_button);
  gtk_widget_class_bind_template_callback (widget_class, visible_page_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, TendWindow, recovery_box);
  gtk_widget_class_bind_template_child (widget_class, TendWindow, restore_button);
  gtk_widget_class_bind_template_callback (widget_class, entry_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", "s", "");
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL, restore_backup_action);
  gtk_widget_class_install_action (widget_class, "win.start-new-journal", NULL,
                                   start_new_journal_action);
}

static void
tend_window_init (TendWindow *self)
{
  static const GActionEntry actions[] = {
    { "search", search_action_cb, "s" },
    { "start-exercise", start_exercise_action_cb, "s" },
    { "show-insights", show_insights_action_cb, "s" },
    { "show-help-overlay", show_help_overlay_action_cb },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);

  self->settings = g_settings_new (BASE_APP_ID);
  self->cancellable = g_cancellable_new ();

  if (g_getenv ("TEND_BENCH_FIRST_FRAME_FD") != NULL)
    g_signal_connect (self, "realize", G_CALLBACK (bench_realized_cb), NULL);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

/**
 * tend_window_new:
 * @application: (nullable): the application, or %NULL in tests
 * @context: Tend's data
 */
TendWindow *
tend_window_new (TendApplication *application,
                 TendContext     *context)
{
  g_return_val_if_fail (application == NULL || TEND_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (TEND_IS_CONTEXT (context), NULL);

  return g_object_new (TEND_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

/**
 * tend_window_show_page:
 * @name: a section of the window: "today", "journal", "calendar", "guides" or "insights"
 *   (its Mood view); "usage" is Insights' Screen Time view
 */
void
tend_window_show_page (TendWindow *self,
                       const char *name)
{
  g_return_if_fail (TEND_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (tend_context_get_state (self->context) != TEND_CONTEXT_STATE_OPEN)
    return;

  if (g_str_equal (name, "insights") || g_str_equal (name, "usage"))
    {
      adw_view_stack_set_visible_child_name (self->insights_stack,
                                             g_str_equal (name, "usage") ? "usage" : "mood");
      name = "insights";
    }

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    {
      g_warning ("Tend has no page named “%s”", name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/**
 * tend_window_get_page:
 *
 * Returns: the section shown, as tend_window_show_page() names it: "usage" while Insights
 *   shows Screen Time
 */
const char *
tend_window_get_page (TendWindow *self)
{
  const char *name;

  g_return_val_if_fail (TEND_IS_WINDOW (self), NULL);

  name = adw_view_stack_get_visible_child_name (self->view_stack);
  if (g_strcmp0 (name, "insights") == 0 &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->insights_stack), "usage") == 0)
    return "usage";

  return name;
}

/**
 * tend_window_start_check_in:
 *
 * Shows the Today page with the keyboard focus on the mood picker.
 */
void
tend_window_start_check_in (TendWindow *self)
{
  g_return_if_fail (TEND_IS_WINDOW (self));

  if (tend_context_get_state (self->context) != TEND_CONTEXT_STATE_OPEN)
    return;

  tend_window_show_page (self, "today");
  tend_today_page_focus_mood (self->today_page);
}

/**
 * tend_window_show_guide:
 * @id: the id of a guide, such as "sleep"
 *
 * Shows the guide @id on the Guides page, or the Guides page alone when there is no such
 * guide.
 */
void
tend_window_show_guide (TendWindow *self,
                        const char *id)
{
  g_return_if_fail (TEND_IS_WINDOW (self));
  g_return_if_fail (id != NULL);

  if (tend_context_get_state (self->context) != TEND_CONTEXT_STATE_OPEN)
    return;

  tend_window_show_page (self, "guides");
  if (!tend_guides_page_open_guide (ensure_guides_page (self), id, NULL))
    tend_guides_page_show_library (self->guides_page);
}

/**
 * tend_window_search_guides:
 * @text: the words to search for, or "" to keep those typed before
 *
 * Shows the Guides page searched for @text, with the keyboard focus in its search entry.
 */
void
tend_window_search_guides (TendWindow *self,
                           const char *text)
{
  g_return_if_fail (TEND_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  if (tend_context_get_state (self->context) != TEND_CONTEXT_STATE_OPEN)
    return;

  tend_window_show_page (self, "guides");
  tend_guides_page_start_search (ensure_guides_page (self), text);
}

/**
 * tend_window_add_toast:
 * @toast: (transfer full): a toast, as adw_toast_overlay_add_toast() takes it
 *
 * Shows @toast at the bottom of the window, for news from outside its pages.
 */
void
tend_window_add_toast (TendWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (TEND_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * tend_window_make_pages:
 *
 * Makes every page now, shown or not. The pages other than Today are otherwise made the
 * first time they are shown, so the window opens faster; tests that look for widgets in a
 * page not shown yet call this first.
 */
void
tend_window_make_pages (TendWindow *self)
{
  g_return_if_fail (TEND_IS_WINDOW (self));

  ensure_journal_page (self);
  ensure_calendar_page (self);
  ensure_guides_page (self);
  ensure_insights_page (self);
  ensure_usage_page (self);
}
