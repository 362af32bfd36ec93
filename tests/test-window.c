/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <fcntl.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <unistd.h>

#include "tend-calendar-page.h"
#include "tend-entry-dialog.h"
#include "tend-entry-editor.h"
#include "tend-entry-row.h"
#include "tend-guides-page.h"
#include "tend-insights-page.h"
#include "tend-journal-page.h"
#include "tend-mood-picker.h"
#include "tend-preferences-dialog.h"
#include "tend-test-utils.h"
#include "tend-test-widgets.h"
#include "tend-today-page.h"
#include "tend-usage-page.h"
#include "tend-application.h"
#include "tend-window.h"

/* These tests build the real window on a journal in a temporary folder and use it the way
 * a person does: they press the widgets, then read what the widgets show. */

/* What a pointer click ends in. (gtk_widget_activate() only clicks after an animation.) */
static const char *
journal_page_state (TendWindow *window)
{
  GtkWidget *page = tend_test_find_descendant (GTK_WIDGET (window), TEND_TYPE_JOURNAL_PAGE);
  GtkWidget *stack = GTK_WIDGET (gtk_widget_get_template_child (page, TEND_TYPE_JOURNAL_PAGE, "stack"));

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static gboolean
is_search_toggle (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_TOGGLE_BUTTON (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Search") == 0;
}

static gboolean
journal_has_one_entry (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (tend_journal_get_entries (tend_context_get_journal (data)))) == 1;
}

/* Shows the Journal and returns its rows, once they are drawn. */
static GPtrArray *
visible_rows (TendWindow *window)
{
  tend_window_show_page (window, "journal");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  return tend_test_collect_mapped (GTK_WIDGET (window), TEND_TYPE_ENTRY_ROW);
}

/* After saving, Today lists the day's check-ins under the editor, and one opens in the
 * editor; a check-in of another day is not listed. */
static void
test_earlier_today (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = tend_test_open_window (context);
  GtkWidget *today = tend_test_find_descendant (GTK_WIDGET (window), TEND_TYPE_TODAY_PAGE);
  GtkWidget *earlier_box = GTK_WIDGET (gtk_widget_get_template_child (today, TEND_TYPE_TODAY_PAGE,
                                                                      "earlier_box"));
  GtkListBox *earlier_list = GTK_LIST_BOX (gtk_widget_get_template_child (today, TEND_TYPE_TODAY_PAGE,
                                                                          "earlier_list"));
  g_autoptr(GDateTime) yesterday = tend_test_date_time ("2026-11-20T18:00:00Z");
  g_autoptr(TendEntry) old = tend_entry_new (TEND_MOOD_BAD, "Yesterday.", yesterday);
  g_autoptr(GError) error = NULL;
  TendMoodPicker *picker;
  AdwDialog *dialog;

  g_assert_true (tend_journal_add (tend_context_get_journal (context), old, &error));
  g_assert_no_error (error);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_false (gtk_widget_get_visible (earlier_box));

  picker = TEND_MOOD_PICKER (tend_test_find_descendant (today, TEND_TYPE_MOOD_PICKER));
  tend_test_click (tend_mood_picker_get_button (picker, TEND_MOOD_GREAT));
  tend_test_click (tend_test_find_action_button (today, "today.save"));
  tend_test_wait_until ((GSourceFunc) gtk_widget_get_visible, earlier_box);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_nonnull (gtk_list_box_get_row_at_index (earlier_list, 0));
  g_assert_null (gtk_list_box_get_row_at_index (earlier_list, 1));
  g_assert_cmpint (tend_entry_get_mood (tend_entry_row_get_entry (TEND_ENTRY_ROW (
                     gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (earlier_list, 0))))),
                   ==, TEND_MOOD_GREAT);

  g_signal_emit_by_name (earlier_list, "row-activated", gtk_list_box_get_row_at_index (earlier_list, 0));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (TEND_IS_ENTRY_DIALOG (dialog));
  g_assert_cmpint (tend_entry_get_mood (tend_entry_dialog_get_entry (TEND_ENTRY_DIALOG (dialog))),
                   ==, TEND_MOOD_GREAT);
  adw_dialog_force_close (dialog);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (context);
}

static void
test_check_in_survives_restart (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  const char *note = "Walked by the river with Sam.";
  TendContext *context;
  TendWindow *window;
  TendMoodPicker *picker;
  GtkTextView *note_view;
  GtkWidget *save_button;
  g_autoptr(GPtrArray) rows = NULL;
  TendEntry *entry;

  /* First run: an empty journal */
  context = tend_test_open_context (data_dir);
  window = tend_test_open_window (context);
  g_assert_cmpstr (tend_window_get_page (window), ==, "today");
  g_assert_cmpstr (journal_page_state (window), ==, "empty");

  picker = TEND_MOOD_PICKER (tend_test_find_descendant (GTK_WIDGET (window), TEND_TYPE_MOOD_PICKER));
  note_view = GTK_TEXT_VIEW (tend_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_TEXT_VIEW));
  save_button = tend_test_find_action_button (GTK_WIDGET (window), "today.save");
  g_assert_nonnull (picker);
  g_assert_nonnull (note_view);
  g_assert_nonnull (save_button);

  /* Save needs a mood */
  g_assert_false (gtk_widget_is_sensitive (save_button));
  tend_test_click (tend_mood_picker_get_button (picker, TEND_MOOD_GOOD));
  g_assert_cmpint (tend_mood_picker_get_mood (picker), ==, TEND_MOOD_GOOD);
  g_assert_true (gtk_widget_is_sensitive (save_button));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (note_view), note, -1);
  tend_test_click (save_button);
  tend_test_wait_until (journal_has_one_entry, context);

  /* The form is ready for the next check-in, and the Journal shows this one at once. */
  g_assert_cmpint (tend_mood_picker_get_mood (picker), ==, TEND_MOOD_NONE);
  g_assert_cmpint (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (note_view)), ==, 0);
  g_assert_cmpstr (journal_page_state (window), ==, "entries");
  rows = visible_rows (window);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (context);

  /* Second run on the same folder */
  context = tend_test_open_context (data_dir);
  window = tend_test_open_window (context);
  g_assert_cmpstr (journal_page_state (window), ==, "entries");

  rows = visible_rows (window);
  g_assert_cmpuint (rows->len, ==, 1);
  entry = tend_entry_row_get_entry (g_ptr_array_index (rows, 0));
  g_assert_cmpint (tend_entry_get_mood (entry), ==, TEND_MOOD_GOOD);
  g_assert_cmpstr (tend_entry_get_note (entry), ==, note);

  {
    g_autofree char *description = tend_entry_row_describe (g_ptr_array_index (rows, 0));

    g_assert_nonnull (strstr (description, "Good"));
    g_assert_nonnull (strstr (description, note));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (context);
}

static void
test_mood_keys (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = tend_test_open_window (context);
  GtkWidget *page = tend_test_find_descendant (GTK_WIDGET (window), TEND_TYPE_TODAY_PAGE);
  TendMoodPicker *picker = TEND_MOOD_PICKER (tend_test_find_descendant (page, TEND_TYPE_MOOD_PICKER));

  for (TendMood mood = TEND_MOOD_FIRST; mood <= TEND_MOOD_LAST; mood++)
    {
      g_assert_true (gtk_widget_activate_action (page, "today.select-mood", "i", mood));
      g_assert_cmpint (tend_mood_picker_get_mood (picker), ==, mood);
      g_assert_true (gtk_widget_has_focus (tend_mood_picker_get_button (picker, mood)));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (context);
}

static void
test_every_mood_button_is_named (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = tend_test_open_window (context);
  TendMoodPicker *picker =
    TEND_MOOD_PICKER (tend_test_find_descendant (GTK_WIDGET (window), TEND_TYPE_MOOD_PICKER));

  for (TendMood mood = TEND_MOOD_FIRST; mood <= TEND_MOOD_LAST; mood++)
    {
      GtkWidget *button = tend_mood_picker_get_button (picker, mood);

      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           tend_mood_get_label (mood));
      g_assert_true (gtk_widget_get_focusable (button));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (context);
}

static void
test_empty_journal_leads_to_check_in (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = tend_test_open_window (context);
  GtkWidget *page = tend_test_find_descendant (GTK_WIDGET (window), TEND_TYPE_JOURNAL_PAGE);
  GtkWidget *status = tend_test_find_descendant (page, ADW_TYPE_STATUS_PAGE);
  GtkWidget *button = tend_test_find_descendant (status, GTK_TYPE_BUTTON);

  tend_window_show_page (window, "journal");
  g_assert_cmpstr (tend_window_get_page (window), ==, "journal");

  tend_test_click (button);
  g_assert_cmpstr (tend_window_get_page (window), ==, "today");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (context);
}

/* Counts the widgets of @type under @root without the test helpers, which make every page
 * of a window first. */
static guint
count_made (GtkWidget *root,
            GType      type)
{
  guint n = g_type_is_a (G_OBJECT_TYPE (root), type);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_made (child, type);

  return n;
}

static GtkWidget *
find_made (GtkWidget *root,
           GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_made (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The window opens with Today alone; each other page is made, with the journal, the first
 * time it is shown, once, and works as before. */
static void
test_pages_made_when_shown (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = tend_test_open_window (context);
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *page;
  GtkWidget *search_button = NULL;

  g_assert_cmpuint (count_made (root, TEND_TYPE_TODAY_PAGE), ==, 1);
  g_assert_cmpuint (count_made (root, TEND_TYPE_JOURNAL_PAGE), ==, 0);
  g_assert_cmpuint (count_made (root, TEND_TYPE_CALENDAR_PAGE), ==, 0);
  g_assert_cmpuint (count_made (root, TEND_TYPE_GUIDES_PAGE), ==, 0);
  g_assert_cmpuint (count_made (root, TEND_TYPE_INSIGHTS_PAGE), ==, 0);
  g_assert_cmpuint (count_made (root, TEND_TYPE_USAGE_PAGE), ==, 0);

  tend_window_show_page (window, "journal");
  gtk_test_widget_wait_for_draw (root);
  g_assert_cmpuint (count_made (root, TEND_TYPE_JOURNAL_PAGE), ==, 1);
  g_assert_cmpuint (count_made (root, TEND_TYPE_CALENDAR_PAGE), ==, 0);

  /* The header's search button is bound to the page made now. (Looked for from the
   * window's children: from the window, the helper would make every page.) */
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL && search_button == NULL;
       child = gtk_widget_get_next_sibling (child))
    search_button = tend_test_find_first (child, is_search_toggle, NULL);
  g_assert_nonnull (search_button);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (search_button), TRUE);
  page = find_made (root, TEND_TYPE_JOURNAL_PAGE);
  g_assert_true (tend_journal_page_get_search_mode (TEND_JOURNAL_PAGE (page)));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (search_button), FALSE);

  /* Usage is made only when Insights shows it */
  tend_window_show_page (window, "insights");
  gtk_test_widget_wait_for_draw (root);
  g_assert_cmpuint (count_made (root, TEND_TYPE_INSIGHTS_PAGE), ==, 1);
  g_assert_cmpuint (count_made (root, TEND_TYPE_USAGE_PAGE), ==, 0);
  tend_window_show_page (window, "usage");
  g_assert_cmpuint (count_made (root, TEND_TYPE_USAGE_PAGE), ==, 1);
  g_assert_cmpstr (tend_window_get_page (window), ==, "usage");

  /* Shown again, nothing is made twice */
  tend_window_show_page (window, "journal");
  tend_window_show_page (window, "calendar");
  tend_window_show_page (window, "journal");
  g_assert_cmpuint (count_made (root, TEND_TYPE_JOURNAL_PAGE), ==, 1);
  g_assert_cmpuint (count_made (root, TEND_TYPE_CALENDAR_PAGE), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (context);
}

static gboolean
is_time_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Change Time") == 0;
}

/* The check-in's time picker is made when it first opens, and picks a time. */
static void
test_time_picker_made_when_opened (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = tend_test_open_window (context);
  GtkWidget *today = find_made (GTK_WIDGET (window), TEND_TYPE_TODAY_PAGE);
  GtkWidget *button = tend_test_find_first (today, is_time_button, NULL);
  TendEntryEditor *editor = tend_today_page_get_editor (TEND_TODAY_PAGE (today));
  GtkWidget *popover;
  GtkWidget *calendar;
  g_autoptr(GDateTime) day = tend_test_date_time ("2026-11-19T12:00:00Z");
  g_autoptr(TendDraft) draft = NULL;

  g_assert_nonnull (button);
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_null (find_made (today, GTK_TYPE_CALENDAR));

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_nonnull (popover);
  calendar = find_made (popover, GTK_TYPE_CALENDAR);
  g_assert_nonnull (calendar);

  gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
  tend_test_click (tend_test_find_labelled (popover, "_Set Time"));
  draft = tend_entry_editor_build_draft (editor);
  g_assert_nonnull (draft->occurred_at);
  g_assert_cmpint (g_date_time_get_day_of_month (draft->occurred_at), ==, 19);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (context);
}

/* The keyboard shortcuts are read when first asked for, and shown over the window. */
static void
test_shortcuts_window (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = tend_test_open_window (context);
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *shortcuts = NULL;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        shortcuts = toplevel;
    }
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_window_get_modal (shortcuts));

  gtk_window_close (shortcuts);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (context);
}

/* A file that is not a journal: the window says so, and the file is left as it was. */
static void
test_damaged_journal_is_explained (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  g_autofree char *path = g_build_filename (data_dir, "journal.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  TendContext *context;
  TendWindow *window;
  GtkWidget *status;

  g_assert_cmpint (g_mkdir_with_parents (data_dir, 0700), ==, 0);
  {
    sqlite3 *db = NULL;

    /* Another program's database: not a damaged journal, so it is not moved aside. */
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE recipes (name TEXT)", NULL, NULL, NULL),
                     ==, SQLITE_OK);
    sqlite3_close (db);
  }
  before = tend_test_checksum_file (path);

  context = tend_context_new (data_dir, NULL);
  g_assert_false (tend_context_open (context, &error));
  window = tend_test_open_window (context);

  {
    g_autoptr(GPtrArray) pages = tend_test_collect_mapped (GTK_WIDGET (window),
                                                           ADW_TYPE_STATUS_PAGE);

    g_assert_cmpuint (pages->len, ==, 1);
    status = g_ptr_array_index (pages, 0);
  }
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)),
                            error->message));

  after = tend_test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (context);
}

static void
test_preferences_store_the_style (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = tend_test_open_window (context);
  TendPreferencesDialog *dialog = tend_preferences_dialog_new (context);
  AdwComboRow *row;

  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  row = ADW_COMBO_ROW (tend_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));
  g_assert_nonnull (row);

  g_assert_cmpstr (g_settings_get_string (settings, "color-scheme"), ==, "default");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  adw_combo_row_set_selected (row, 2);
  g_assert_cmpstr (g_settings_get_string (settings, "color-scheme"), ==, "dark");

  g_settings_set_string (settings, "color-scheme", "light");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);

  g_settings_reset (settings, "color-scheme");
  adw_dialog_force_close (ADW_DIALOG (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (context);
}

static guint
journal_rows (TendWindow *window)
{
  GtkWidget *page = tend_test_find_descendant (GTK_WIDGET (window), TEND_TYPE_JOURNAL_PAGE);
  GtkListView *list_view = GTK_LIST_VIEW (gtk_widget_get_template_child (page, TEND_TYPE_JOURNAL_PAGE,
                                                                         "list_view"));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list_view)));
}

static gboolean
has_imported_rows (gpointer data)
{
  return journal_rows (data) > 0;
}

/* `tend --import`, run while Tend is open on the same journal, shows in the open window:
 * the running Tend is told over D-Bus to read the journal again. */
static void
test_import_reaches_the_open_window (void)
{
  g_autoptr(TendApplication) application = tend_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *tend = g_test_build_filename (G_TEST_BUILT, "..", "src", "tend", NULL);
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "data", "daylio.csv", NULL);
  TendWindow *window;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("needs a D-Bus session bus");
      return;
    }

  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (application)));
  g_action_group_activate_action (G_ACTION_GROUP (application), "show-page",
                                  g_variant_new_string ("journal"));
  window = TEND_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (application)));
  g_assert_nonnull (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (journal_rows (window), ==, 0);

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                              tend, "--import", csv, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);

  tend_test_wait_until (has_imported_rows, window);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Starts @argv with the environment of a session without a bus: no bus address, nothing
 * at $XDG_RUNTIME_DIR/bus, and a stand-in dbus-launch first on PATH that leaves a file
 * behind if GLib runs it to start a bus. With @first_frame_fd, the program writes its first
 * frame's time there (TEND_BENCH_FIRST_FRAME_FD), and is ended once it has. Returns whether
 * dbus-launch was run. */
static gboolean
runs_dbus_launch (const char * const *argv,
                  gboolean            first_frame)
{
  g_autofree char *dir = g_dir_make_tmp ("tend-no-bus-XXXXXX", NULL);
  g_autofree char *bin = g_build_filename (dir, "bin", NULL);
  g_autofree char *runtime = g_build_filename (dir, "runtime", NULL);
  g_autofree char *fake = g_build_filename (bin, "dbus-launch", NULL);
  g_autofree char *trace = g_build_filename (dir, "dbus-launch-was-run", NULL);
  g_autofree char *script = g_strdup_printf ("#!/bin/sh\ntouch '%s'\nexit 1\n", trace);
  g_autofree char *path = g_strconcat (bin, ":", g_getenv ("PATH"), NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gboolean was_run;
  int fds[2];

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (bin, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (runtime, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fake, script, -1, NULL));
  g_assert_cmpint (g_chmod (fake, 0755), ==, 0);

  g_subprocess_launcher_unsetenv (launcher, "DBUS_SESSION_BUS_ADDRESS");
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime, TRUE);
  g_subprocess_launcher_setenv (launcher, "PATH", path, TRUE);
  if (first_frame)
    {
      g_assert_true (g_unix_open_pipe (fds, O_CLOEXEC, NULL));
      g_subprocess_launcher_take_fd (launcher, fds[1], 3);
      g_subprocess_launcher_setenv (launcher, "TEND_BENCH_FIRST_FRAME_FD", "3", TRUE);
    }

  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  if (first_frame)
    {
      char line[64] = "";
      ssize_t n;

      /* The pipe's other end is the child's now. */
      g_clear_object (&launcher);
      n = read (fds[0], line, sizeof line - 1);
      g_close (fds[0], NULL);
      g_assert_cmpint (n, >, 0);
      g_assert_nonnull (strchr (line, '\n'));
      g_subprocess_send_signal (process, SIGTERM);
    }
  g_subprocess_wait (process, NULL, NULL);

  was_run = g_file_test (trace, G_FILE_TEST_EXISTS);
  g_spawn_sync (NULL, (char *[]) { "rm", "-rf", "--one-file-system", dir, NULL }, NULL,
                G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  return was_run;
}

/* Without a session bus, Tend never tries to start one (GLib's autolaunch, seconds on
 * X11 for each use of the bus) and opens its window all the same. */
static void
test_no_bus_no_autolaunch (void)
{
  g_autofree char *tend = g_test_build_filename (G_TEST_BUILT, "..", "src", "tend", NULL);
  const char *gdbus_argv[] = { "gdbus", "call", "--session", "--dest", "org.freedesktop.DBus",
                               "--object-path", "/org/freedesktop/DBus",
                               "--method", "org.freedesktop.DBus.GetId", NULL };
  const char *tend_argv[] = { tend, NULL };
  g_autofree char *gdbus = g_find_program_in_path ("gdbus");

  /* What any GLib program does there: it runs dbus-launch. */
  if (gdbus == NULL)
    {
      g_test_skip ("needs gdbus to show what GLib does without a bus");
      return;
    }
  if (!runs_dbus_launch (gdbus_argv, FALSE))
    {
      g_test_skip ("GLib does not try to start a bus here (no machine id or no X11)");
      return;
    }

  g_assert_false (runs_dbus_launch (tend_argv, TRUE));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tend_test_widgets_init (&argc, &argv);

  g_test_add_func ("/window/check-in-survives-restart", test_check_in_survives_restart);
  g_test_add_func ("/window/earlier-today", test_earlier_today);
  g_test_add_func ("/window/mood-keys", test_mood_keys);
  g_test_add_func ("/window/every-mood-button-is-named", test_every_mood_button_is_named);
  g_test_add_func ("/window/empty-journal-leads-to-check-in", test_empty_journal_leads_to_check_in);
  g_test_add_func ("/window/damaged-journal-is-explained", test_damaged_journal_is_explained);
  g_test_add_func ("/window/pages-made-when-shown", test_pages_made_when_shown);
  g_test_add_func ("/window/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/window/time-picker-made-when-opened", test_time_picker_made_when_opened);
  g_test_add_func ("/preferences/store-the-style", test_preferences_store_the_style);
  g_test_add_func ("/application/import-reaches-the-open-window", test_import_reaches_the_open_window);
  g_test_add_func ("/application/no-bus-no-autolaunch", test_no_bus_no_autolaunch);

  status = g_test_run ();
  tend_test_widgets_cleanup ();
  return status;
}
