/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "tend-backups-page.h"
#include "tend-entry-row.h"
#include "tend-journal-page.h"
#include "tend-mood-picker.h"
#include "tend-preferences-dialog.h"
#include "tend-test-utils.h"
#include "tend-test-widgets.h"
#include "tend-window.h"

/* The recovery page and the Backups page, on real windows and files. */

static TendContext *
new_context (const char *data_dir)
{
  g_autoptr(GDateTime) now = tend_test_date_time ("2026-11-21T10:30:00Z");
  g_autoptr(TendClock) clock = tend_clock_new_manual (now);

  return tend_context_new (data_dir, clock);
}

/* The journal's database goes with the context. */
static void
close_context (TendContext *context)
{
  tend_test_unref_and_wait (context, tend_context_get_database (context));
}

static void
add_entries (TendContext *context,
             guint        n)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) last = tend_test_date_time ("2026-11-14T20:00:00Z");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_days (last, -(int) i);

      g_ptr_array_add (entries, tend_entry_new (TEND_MOOD_GOOD, "Walked by the river.", when));
    }

  g_assert_true (tend_journal_import (tend_context_get_journal (context), entries, NULL, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
result_arrived (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
back_up (TendContext *context)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TendBackup) backup = NULL;
  g_autoptr(GError) error = NULL;

  tend_context_back_up_async (context, FALSE, NULL, store_result_cb, &result);
  tend_test_wait_until (result_arrived, &result);
  backup = tend_context_back_up_finish (context, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);
}

static void
truncate_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  g_assert_true (g_file_set_contents (path, contents, length / 2, NULL));
}

static gboolean
is_open (gpointer data)
{
  return tend_context_get_state (data) == TEND_CONTEXT_STATE_OPEN;
}

static gboolean
is_damaged (gpointer data)
{
  return tend_context_get_state (data) == TEND_CONTEXT_STATE_DAMAGED;
}

static gboolean
is_visible (gpointer data)
{
  return gtk_widget_get_visible (data) && gtk_widget_is_sensitive (data);
}

static gboolean
says_no_backup (gpointer data)
{
  return strstr (adw_status_page_get_description (data), "There is no backup to restore.") != NULL;
}

static const char *
main_stack_page (TendWindow *window)
{
  GtkWidget *stack = tend_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_STACK);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static AdwStatusPage *
visible_status_page (TendWindow *window)
{
  g_autoptr(GPtrArray) pages = NULL;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  pages = tend_test_collect_mapped (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE);
  g_assert_cmpuint (pages->len, ==, 1);
  return g_ptr_array_index (pages, 0);
}

static guint
n_visible_rows (TendWindow *window)
{
  g_autoptr(GPtrArray) rows = NULL;

  tend_window_show_page (window, "journal");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  rows = tend_test_collect_mapped (GTK_WIDGET (window), TEND_TYPE_ENTRY_ROW);
  return rows->len;
}

static char *
make_damaged_journal (gboolean with_backup)
{
  char *data_dir = tend_test_make_data_dir ();
  g_autofree char *path = g_build_filename (data_dir, "journal.db", NULL);
  TendContext *context = tend_test_open_context (data_dir);

  add_entries (context, 3);
  if (with_backup)
    back_up (context);
  add_entries (context, 200);
  close_context (context);

  truncate_file (path);
  return data_dir;
}

static void
test_recovery_page_restores_backup (void)
{
  g_autofree char *data_dir = make_damaged_journal (TRUE);
  g_autoptr(GError) error = NULL;
  TendContext *context = new_context (data_dir);
  TendWindow *window;
  AdwStatusPage *status;
  GtkWidget *restore;
  GtkWidget *start_new;
  g_autofree char *moved = NULL;

  g_assert_false (tend_context_open (context, &error));
  g_assert_cmpint (tend_context_get_state (context), ==, TEND_CONTEXT_STATE_DAMAGED);
  moved = g_path_get_basename (tend_context_get_damaged_path (context));
  window = tend_test_open_window (context);

  g_assert_cmpstr (main_stack_page (window), ==, "error");
  restore = tend_test_find_action_button (GTK_WIDGET (window), "win.restore-backup");
  start_new = tend_test_find_action_button (GTK_WIDGET (window), "win.start-new-journal");
  g_assert_nonnull (restore);
  g_assert_nonnull (start_new);

  /* Named for everyone, and reachable from the keyboard */
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (restore)), ==, "_Restore Backup");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (start_new)), ==, "_Start New Journal");
  g_assert_true (gtk_widget_get_focusable (restore));
  g_assert_true (gtk_widget_get_focusable (start_new));

  /* The restore button is offered once the backups are read */
  tend_test_wait_until (is_visible, restore);
  g_assert_true (gtk_widget_is_sensitive (start_new));
  status = visible_status_page (window);
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "Your Journal Is Damaged");
  g_assert_nonnull (strstr (adw_status_page_get_description (status), moved));
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "November 21, 2026"));
  /* The path on its own line, left to right in any language, breaking only after a slash,
   * with no full stop of the sentence against it */
  {
    g_autofree char *line = g_strdup_printf ("/\u200B%s\u2069\n", moved);

    g_assert_nonnull (strstr (adw_status_page_get_description (status), ":\n\u2068"));
    g_assert_nonnull (strstr (adw_status_page_get_description (status), line));
  }

  tend_test_click (restore);
  tend_test_wait_until (is_open, context);

  g_assert_cmpstr (main_stack_page (window), ==, "main");
  g_assert_cmpuint (n_visible_rows (window), ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
  close_context (context);
}

static void
test_recovery_page_starts_new_journal (void)
{
  g_autofree char *data_dir = make_damaged_journal (FALSE);
  g_autoptr(GError) error = NULL;
  TendContext *context = new_context (data_dir);
  TendWindow *window;
  AdwStatusPage *status;
  GtkWidget *restore;
  GtkWidget *start_new;

  g_assert_false (tend_context_open (context, &error));
  window = tend_test_open_window (context);

  restore = tend_test_find_action_button (GTK_WIDGET (window), "win.restore-backup");
  start_new = tend_test_find_action_button (GTK_WIDGET (window), "win.start-new-journal");
  tend_test_wait_until (is_visible, start_new);

  /* Nothing to restore: only the way forward is offered, and said why */
  status = visible_status_page (window);
  tend_test_wait_until (says_no_backup, status);
  g_assert_false (gtk_widget_get_visible (restore));

  tend_test_click (start_new);
  tend_test_wait_until (is_open, context);
  g_assert_cmpstr (main_stack_page (window), ==, "main");
  g_assert_cmpuint (n_visible_rows (window), ==, 0);
  g_assert_true (g_file_test (tend_context_get_damaged_path (context), G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (window));
  close_context (context);
}

/* Damages the open journal where its lists never read again: only the full check finds it. */
static void
damage_entries_table (TendContext *context)
{
  g_autofree char *path = tend_context_get_journal_path (context);
  g_autoptr(GError) error = NULL;

  g_assert_true (tend_database_exec (tend_context_get_database (context),
                                     "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_assert_no_error (error);
  tend_test_damage_entries_table (path);
}

static void
test_damage_found_later_shows_recovery (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window;
  GtkWidget *start_new;

  add_entries (context, 200);
  window = tend_test_open_window (context);
  g_assert_cmpuint (n_visible_rows (window), >, 0);

  damage_entries_table (context);
  tend_context_run_maintenance (context);
  tend_test_wait_until (is_damaged, context);

  g_assert_cmpstr (main_stack_page (window), ==, "error");
  start_new = tend_test_find_action_button (GTK_WIDGET (window), "win.start-new-journal");
  tend_test_wait_until (is_visible, start_new);
  tend_test_click (start_new);
  tend_test_wait_until (is_open, context);

  g_assert_cmpstr (main_stack_page (window), ==, "main");
  g_assert_cmpuint (n_visible_rows (window), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  close_context (context);
}

static gboolean
n_restore_buttons_is_one (gpointer data)
{
  g_autoptr(GPtrArray) buttons = tend_test_collect_mapped (data, GTK_TYPE_BUTTON);
  guint n = 0;

  for (guint i = 0; i < buttons->len; i++)
    n += g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)),
                    "backups.restore") == 0;
  return n == 1;
}

static gboolean
has_alert (gpointer data)
{
  return tend_test_find_descendant (data, ADW_TYPE_ALERT_DIALOG) != NULL;
}

static gboolean
journal_has_three_entries (gpointer data)
{
  TendJournal *journal = tend_context_get_journal (data);

  return g_list_model_get_n_items (G_LIST_MODEL (tend_journal_get_entries (journal))) == 3;
}

static void
test_backups_page_lists_and_restores (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  g_autofree char *folder = NULL;
  g_autofree char *cut = NULL;
  TendContext *context = tend_test_open_context (data_dir);
  TendPreferencesDialog *dialog;
  TendWindow *window;
  GtkWidget *page;
  GtkWidget *button;
  GtkWidget *alert;
  GtkWidget *restore;
  g_autoptr(GPtrArray) rows = NULL;

  /* One good backup of 3 check-ins, and one cut short, made a day later */
  add_entries (context, 3);
  back_up (context);
  add_entries (context, 200);
  {
    g_autoptr(GDateTime) later = tend_test_date_time ("2026-11-22T10:30:00Z");

    tend_clock_set_now (tend_context_get_clock (context), later);
  }
  back_up (context);
  folder = tend_context_get_backup_folder (context);
  cut = g_build_filename (folder, "journal-2026-11-22-103000.db", NULL);
  truncate_file (cut);

  window = tend_test_open_window (context);
  dialog = tend_preferences_dialog_new (context);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (window));
  page = tend_test_find_descendant (GTK_WIDGET (dialog), TEND_TYPE_BACKUPS_PAGE);
  g_assert_nonnull (page);
  adw_preferences_dialog_set_visible_page (ADW_PREFERENCES_DIALOG (dialog),
                                           ADW_PREFERENCES_PAGE (page));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* Only the good one can be restored, and its button says which it restores */
  tend_test_wait_until (n_restore_buttons_is_one, page);
  button = tend_test_find_action_button (page, "backups.restore");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Restore the backup of November 21, 2026");
  rows = tend_test_collect_mapped (page, ADW_TYPE_ACTION_ROW);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==,
                   "November 22, 2026");
  g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 0)), ==,
                   "This backup is damaged, so it cannot be restored.");
  g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 1)), ==,
                   "3 check-ins, from November 12, 2026 to November 14, 2026");
  g_assert_nonnull (tend_test_find_action_button (page, "backups.back-up"));

  /* Restoring asks first, saying what the backup holds */
  tend_test_click (button);
  tend_test_wait_until (has_alert, window);
  alert = tend_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_ALERT_DIALOG);
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (alert)), ==, "Restore Backup?");
  g_assert_cmpstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (alert)), ==,
                   "Restore the backup of November 21, 2026? It holds 3 check-ins, from November 12, 2026 to November 14, 2026. "
                   "Your journal as it is now is kept as a backup first.");

  restore = tend_test_find_labelled (alert, "_Restore");
  g_assert_nonnull (restore);
  tend_test_click (restore);
  tend_test_wait_until (journal_has_three_entries, context);

  adw_dialog_force_close (ADW_DIALOG (dialog));
  g_assert_cmpuint (n_visible_rows (window), ==, 3);

  /* The journal of 203 check-ins was kept as a backup before */
  {
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    guint n_files = 0;

    while (g_dir_read_name (dir) != NULL)
      n_files++;
    g_assert_cmpuint (n_files, ==, 3);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  close_context (context);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tend_test_widgets_init (&argc, &argv);

  g_test_add_func ("/recovery/page-restores-backup", test_recovery_page_restores_backup);
  g_test_add_func ("/recovery/page-starts-new-journal", test_recovery_page_starts_new_journal);
  g_test_add_func ("/recovery/damage-found-later", test_damage_found_later_shows_recovery);
  g_test_add_func ("/backups/page-lists-and-restores", test_backups_page_lists_and_restores);

  status = g_test_run ();
  tend_test_widgets_cleanup ();
  return status;
}
