/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "tend-entry-row.h"
#include "tend-journal-page.h"
#include "tend-mood-picker.h"
#include "tend-preferences-dialog.h"
#include "tend-test-utils.h"
#include "tend-today-page.h"
#include "tend-window.h"

/* These tests build the real window on a journal in a temporary folder and use it the way
 * a person does: they press the widgets, then read what the widgets show. */

typedef gboolean (*WidgetPredicate) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_first (GtkWidget       *root,
            WidgetPredicate  predicate,
            gconstpointer    data)
{
  if (predicate (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first (child, predicate, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_type (GtkWidget     *widget,
          gconstpointer  data)
{
  return g_type_is_a (G_OBJECT_TYPE (widget), GPOINTER_TO_SIZE (data));
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  return find_first (root, has_type, GSIZE_TO_POINTER (type));
}

static GtkWidget *
find_button_for_action (GtkWidget  *root,
                        const char *action_name)
{
  return find_first (root, has_action, action_name);
}

static void
collect_descendants (GtkWidget  *root,
                     GType       type,
                     GPtrArray  *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type) && gtk_widget_get_mapped (root))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_descendants (child, type, found);
}

/* What a pointer click ends in. (gtk_widget_activate() only clicks after an animation.) */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static const char *
journal_page_state (TendWindow *window)
{
  GtkWidget *page = find_descendant (GTK_WIDGET (window), TEND_TYPE_JOURNAL_PAGE);
  GtkWidget *stack = find_descendant (page, GTK_TYPE_STACK);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static TendWindow *
open_window (TendContext *context)
{
  TendWindow *window = tend_window_new (NULL, context);

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  return window;
}

static TendContext *
open_context (const char *data_dir)
{
  g_autoptr(GDateTime) now = tend_test_date_time ("2026-11-21T10:30:00Z");
  g_autoptr(TendClock) clock = tend_clock_new_manual (now);
  g_autoptr(GError) error = NULL;
  TendContext *context = tend_context_new (data_dir, clock);

  g_assert_true (tend_context_open (context, &error));
  g_assert_no_error (error);
  return context;
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
  GPtrArray *rows = g_ptr_array_new ();

  tend_window_show_page (window, "journal");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  collect_descendants (GTK_WIDGET (window), TEND_TYPE_ENTRY_ROW, rows);

  return rows;
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
  context = open_context (data_dir);
  window = open_window (context);
  g_assert_cmpstr (tend_window_get_page (window), ==, "today");
  g_assert_cmpstr (journal_page_state (window), ==, "empty");

  picker = TEND_MOOD_PICKER (find_descendant (GTK_WIDGET (window), TEND_TYPE_MOOD_PICKER));
  note_view = GTK_TEXT_VIEW (find_descendant (GTK_WIDGET (window), GTK_TYPE_TEXT_VIEW));
  save_button = find_button_for_action (GTK_WIDGET (window), "today.save");
  g_assert_nonnull (picker);
  g_assert_nonnull (note_view);
  g_assert_nonnull (save_button);

  /* Save needs a mood */
  g_assert_false (gtk_widget_is_sensitive (save_button));
  click (tend_mood_picker_get_button (picker, TEND_MOOD_GOOD));
  g_assert_cmpint (tend_mood_picker_get_mood (picker), ==, TEND_MOOD_GOOD);
  g_assert_true (gtk_widget_is_sensitive (save_button));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (note_view), note, -1);
  click (save_button);
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
  context = open_context (data_dir);
  window = open_window (context);
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
  TendContext *context = open_context (data_dir);
  TendWindow *window = open_window (context);
  GtkWidget *page = find_descendant (GTK_WIDGET (window), TEND_TYPE_TODAY_PAGE);
  TendMoodPicker *picker = TEND_MOOD_PICKER (find_descendant (page, TEND_TYPE_MOOD_PICKER));

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
  TendContext *context = open_context (data_dir);
  TendWindow *window = open_window (context);
  TendMoodPicker *picker =
    TEND_MOOD_PICKER (find_descendant (GTK_WIDGET (window), TEND_TYPE_MOOD_PICKER));

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
  TendContext *context = open_context (data_dir);
  TendWindow *window = open_window (context);
  GtkWidget *page = find_descendant (GTK_WIDGET (window), TEND_TYPE_JOURNAL_PAGE);
  GtkWidget *status = find_descendant (page, ADW_TYPE_STATUS_PAGE);
  GtkWidget *button = find_descendant (status, GTK_TYPE_BUTTON);

  tend_window_show_page (window, "journal");
  g_assert_cmpstr (tend_window_get_page (window), ==, "journal");

  click (button);
  g_assert_cmpstr (tend_window_get_page (window), ==, "today");

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
  window = open_window (context);

  {
    g_autoptr(GPtrArray) pages = g_ptr_array_new ();

    collect_descendants (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, pages);
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
  TendContext *context = open_context (data_dir);
  TendWindow *window = open_window (context);
  TendPreferencesDialog *dialog = tend_preferences_dialog_new (context);
  AdwComboRow *row;

  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  row = ADW_COMBO_ROW (find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));
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

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("tend-test-window-XXXXXX", NULL);
  int status;

  /* The user's folders are private to the test. The system ones are not isolated, unlike
   * the core tests, because GTK needs the MIME database there to load SVG icons. */
  g_assert_nonnull (home);
  for (guint i = 0; i < 4; i++)
    {
      static const char * const vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME",
                                           "XDG_CACHE_HOME", "XDG_STATE_HOME" };
      g_autofree char *dir = g_build_filename (home, vars[i], NULL);

      g_setenv (vars[i], dir, TRUE);
    }
  g_setenv ("HOME", home, TRUE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_PATH "/icons");

  g_test_add_func ("/window/check-in-survives-restart", test_check_in_survives_restart);
  g_test_add_func ("/window/mood-keys", test_mood_keys);
  g_test_add_func ("/window/every-mood-button-is-named", test_every_mood_button_is_named);
  g_test_add_func ("/window/empty-journal-leads-to-check-in", test_empty_journal_leads_to_check_in);
  g_test_add_func ("/window/damaged-journal-is-explained", test_damaged_journal_is_explained);
  g_test_add_func ("/preferences/store-the-style", test_preferences_store_the_style);

  status = g_test_run ();

  /* Leave nothing behind in /tmp. */
  g_spawn_sync (NULL, (char *[]) { "rm", "-rf", "--one-file-system", home, NULL }, NULL,
                G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);

  return status;
}
