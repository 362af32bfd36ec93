/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "tend-entry-editor.h"
#include "tend-entry-row.h"
#include "tend-mood-picker.h"
#include "tend-test-faults.h"
#include "tend-test-utils.h"
#include "tend-test-vfs.h"
#include "tend-test-widgets.h"
#include "tend-today-page.h"

/* Faults of the disk, seen in the window: a full disk while saving a check-in, and a
 * journal in a folder Tend may only read. The window says what happened in plain words,
 * keeps what was typed, and goes on working. */

static guint
n_entries (TendContext *context)
{
  return g_list_model_get_n_items (G_LIST_MODEL (tend_journal_get_entries (tend_context_get_journal (context))));
}

static gboolean
has_one_entry (gpointer data)
{
  return n_entries (data) == 1;
}

static AdwAlertDialog *
wait_for_alert (TendWindow *window)
{
  AdwDialog *alert;

  while ((alert = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))) == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (ADW_IS_ALERT_DIALOG (alert));
  return ADW_ALERT_DIALOG (alert);
}

static void
add_entries (TendContext *context,
             guint        n)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) last = tend_test_date_time ("2026-11-20T20:00:00Z");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_days (last, -(int) i);

      g_ptr_array_add (entries, tend_entry_new (TEND_MOOD_GOOD, "Walked by the river.", when));
    }

  g_assert_true (tend_journal_import (tend_context_get_journal (context), entries, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* The journal's database goes with the context. */
static void
close_context (TendContext *context)
{
  tend_test_unref_and_wait (context, tend_context_get_database (context));
}

/* The disk fills up just before saving: the alert says so, the check-in stays in the
 * editor as it was typed, and saves once there is room again. */
static void
test_disk_full_keeps_check_in (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = tend_test_open_window (context);
  TendEntryEditor *editor = tend_test_today_editor (window);
  const char *note = "Words written as the disk filled up.";
  g_autofree char *kept = NULL;
  AdwAlertDialog *alert;
  const char *body;

  tend_test_choose_mood (editor, TEND_MOOD_OKAY);
  gtk_text_buffer_set_text (tend_test_note_buffer (editor), note, -1);

  tend_test_vfs_arm (0);
  tend_test_click (tend_test_find_action_button (GTK_WIDGET (window), "today.save"));
  alert = wait_for_alert (window);

  g_assert_cmpstr (adw_alert_dialog_get_heading (alert), ==, "Check-in Not Saved");
  body = adw_alert_dialog_get_body (alert);
  g_assert_nonnull (strstr (body, "The disk is full, so this was not saved. Everything saved before is safe."));
  g_assert_nonnull (strstr (body, "Your check-in is still here, so you can try again."));
  g_assert_cmpuint (tend_test_vfs_get_n_refused (), >, 0);

  /* Everything typed is still there, and can still be changed */
  kept = tend_test_note_text (editor);
  g_assert_cmpstr (kept, ==, note);
  g_assert_cmpint (tend_entry_editor_get_mood (editor), ==, TEND_MOOD_OKAY);
  g_assert_true (gtk_widget_is_sensitive (tend_test_find_descendant (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW)));
  g_assert_cmpuint (n_entries (context), ==, 0);

  /* Room again: the same check-in saves, and the window is as before */
  adw_dialog_force_close (ADW_DIALOG (alert));
  tend_test_vfs_disarm ();
  tend_test_click (tend_test_find_action_button (GTK_WIDGET (window), "today.save"));
  tend_test_wait_until (has_one_entry, context);
  {
    g_autoptr(TendEntry) saved = g_list_model_get_item (G_LIST_MODEL (tend_journal_get_entries (tend_context_get_journal (context))), 0);

    g_assert_cmpstr (tend_entry_get_note (saved), ==, note);
  }
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  close_context (context);
}

static gboolean
banner_revealed (gpointer data)
{
  return adw_banner_get_revealed (data);
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

/* A journal in a folder Tend may only read: it is shown, a banner says changes cannot be
 * saved and where, and a check-in saved anyway is refused with that, kept in the editor. */
static void
test_read_only_folder (void)
{
  const char *data_dir = g_getenv ("TEND_TEST_READ_ONLY_DIR");
  g_autofree char *expected = NULL;
  g_autofree char *kept = NULL;
  TendContext *context;
  TendWindow *window;
  TendEntryEditor *editor;
  GtkWidget *banner;
  AdwAlertDialog *alert;

  if (!g_test_subprocess ())
    {
      g_autofree char *dir = tend_test_make_data_dir ();
      g_autofree char *path = g_build_filename (dir, "journal.db", NULL);

      context = tend_test_open_context (dir);
      add_entries (context, 4);
      close_context (context);

      tend_test_set_mode (path, 0444);
      tend_test_set_mode (dir, 0555);
      g_setenv ("TEND_TEST_READ_ONLY_DIR", dir, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      tend_test_set_mode (dir, 0700);
      tend_test_set_mode (path, 0600);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_true (tend_test_drop_file_capabilities ());
  context = tend_test_open_context (data_dir);
  window = tend_test_open_window (context);

  banner = tend_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_BANNER);
  g_assert_nonnull (banner);
  tend_test_wait_until (banner_revealed, banner);
  expected = g_strdup_printf ("Tend may only read the folder of your journal, \u2068%s\u2069, so changes "
                              "cannot be saved. Everything in it is still here.", data_dir);
  g_assert_cmpstr (adw_banner_get_title (ADW_BANNER (banner)), ==, expected);
  g_assert_cmpuint (n_visible_rows (window), ==, 4);

  /* Saving anyway says why not, and keeps the words */
  tend_window_show_page (window, "today");
  editor = tend_test_today_editor (window);
  tend_test_choose_mood (editor, TEND_MOOD_GOOD);
  gtk_text_buffer_set_text (tend_test_note_buffer (editor), "Not lost", -1);
  tend_test_click (tend_test_find_action_button (GTK_WIDGET (window), "today.save"));
  alert = wait_for_alert (window);
  g_free (expected);
  expected = g_strdup_printf ("Tend is not allowed to write in the folder \u2068%s\u2069, so this was not "
                              "saved. Everything saved before is safe.", data_dir);
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (alert), expected));
  kept = tend_test_note_text (editor);
  g_assert_cmpstr (kept, ==, "Not lost");
  g_assert_cmpuint (n_entries (context), ==, 4);

  adw_dialog_force_close (ADW_DIALOG (alert));
  gtk_window_destroy (GTK_WINDOW (window));
  close_context (context);
}

/* A journal that can be written shows no banner. */
static void
test_no_banner_when_writable (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = tend_test_open_window (context);
  GtkWidget *banner = tend_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_BANNER);

  g_assert_nonnull (banner);
  g_assert_false (adw_banner_get_revealed (ADW_BANNER (banner)));

  gtk_window_destroy (GTK_WINDOW (window));
  close_context (context);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tend_test_widgets_init (&argc, &argv);
  tend_test_vfs_install ();

  g_test_add_func ("/faults-ui/disk-full-keeps-check-in", test_disk_full_keeps_check_in);
  g_test_add_func ("/faults-ui/read-only-folder", test_read_only_folder);
  g_test_add_func ("/faults-ui/no-banner-when-writable", test_no_banner_when_writable);

  status = g_test_run ();
  tend_test_widgets_cleanup ();
  return status;
}
