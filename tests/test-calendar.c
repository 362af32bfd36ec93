/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "tend-calendar-page.h"
#include "tend-entry-row.h"
#include "tend-month-grid.h"
#include "tend-test-utils.h"
#include "tend-test-widgets.h"
#include "tend-today-page.h"
#include "tend-window.h"

/* The moods of days in the core, then the Calendar page in a real window on a journal of
 * known check-ins. The clock says Saturday 21 November 2026; TZ is UTC. */

/* The core ------------------------------------------------------------------------------ */

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

static TendEntry *
add (TendJournal *journal,
     TendMood     mood,
     const char  *note,
     const char  *when)
{
  g_autoptr(GDateTime) occurred_at = tend_test_date_time (when);
  g_autoptr(TendEntry) entry = tend_entry_new (mood, note, occurred_at);
  g_autoptr(GError) error = NULL;

  g_assert_true (tend_journal_add (journal, entry, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&entry);
}

static void
add_entry (TendJournal *journal,
           TendMood     mood,
           const char  *note,
           const char  *when)
{
  g_autoptr(TendEntry) entry = add (journal, mood, note, when);
}

static GDate
make_day (int year,
          int month,
          int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return date;
}

static void
assert_day_mood (GArray     *days,
                 guint       index,
                 int         day_of_month,
                 double      mean,
                 guint       n_entries)
{
  const TendDayMood *day;

  g_assert_cmpuint (index, <, days->len);
  day = &g_array_index (days, TendDayMood, index);
  g_assert_cmpint (g_date_get_day (&day->day), ==, day_of_month);
  g_assert_cmpfloat_with_epsilon (day->mean, mean, 1e-9);
  g_assert_cmpuint (day->n_entries, ==, n_entries);
}

/* A check-in belongs to the day on the writer's clock, wherever in the world that was. */
static void
test_day_moods_follow_the_local_day (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = open_context (data_dir);
  TendJournal *journal = tend_context_get_journal (context);
  GDate first = make_day (2026, 11, 14);
  GDate last = make_day (2026, 11, 15);
  g_autoptr(GArray) days = NULL;
  g_autoptr(GError) error = NULL;

  /* The 14th, local, though the 14th 18:30 and the 15th 06:00 in UTC */
  add_entry (journal, TEND_MOOD_GREAT, "", "2026-11-14T23:30:00+05:00");
  add_entry (journal, TEND_MOOD_BAD, "", "2026-11-14T22:00:00-08:00");
  /* The 15th, local, though the 14th 16:00 in UTC */
  add_entry (journal, TEND_MOOD_GOOD, "", "2026-11-15T01:00:00+09:00");
  /* Outside: the 13th local (the 14th in UTC) and the 16th local (the 15th in UTC) */
  add_entry (journal, TEND_MOOD_AWFUL, "", "2026-11-13T20:00:00-10:00");
  add_entry (journal, TEND_MOOD_AWFUL, "", "2026-11-16T02:00:00+14:00");

  days = tend_journal_get_day_moods (journal, &first, &last, &error);
  g_assert_no_error (error);
  g_assert_nonnull (days);
  g_assert_cmpuint (days->len, ==, 2);
  assert_day_mood (days, 0, 14, 3.5, 2);
  assert_day_mood (days, 1, 15, 4.0, 1);

  g_assert_finalize_object (context);
}

static void
test_day_moods_means_and_counts (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = open_context (data_dir);
  TendJournal *journal = tend_context_get_journal (context);
  GDate first = make_day (2026, 10, 26);
  GDate last = make_day (2026, 12, 6);
  g_autoptr(GArray) days = NULL;
  g_autoptr(GError) error = NULL;

  add_entry (journal, TEND_MOOD_AWFUL, "", "2026-11-03T08:00:00Z");
  add_entry (journal, TEND_MOOD_BAD, "", "2026-11-03T12:00:00Z");
  add_entry (journal, TEND_MOOD_GREAT, "", "2026-11-03T23:59:59Z");
  add_entry (journal, TEND_MOOD_OKAY, "", "2026-10-26T00:00:00Z");
  add_entry (journal, TEND_MOOD_GOOD, "", "2026-12-06T23:00:00Z");
  add_entry (journal, TEND_MOOD_GOOD, "", "2026-12-07T00:00:00Z");
  add_entry (journal, TEND_MOOD_GOOD, "", "2026-10-25T23:59:59Z");

  days = tend_journal_get_day_moods (journal, &first, &last, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 3);
  assert_day_mood (days, 0, 26, 3.0, 1);
  assert_day_mood (days, 1, 3, 8.0 / 3.0, 3);
  assert_day_mood (days, 2, 6, 4.0, 1);
  g_clear_pointer (&days, g_array_unref);

  /* A month without check-ins is empty, not an error. */
  first = make_day (2025, 2, 1);
  last = make_day (2025, 2, 28);
  days = tend_journal_get_day_moods (journal, &first, &last, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 0);

  g_assert_finalize_object (context);
}

/* The locale decides the first day of the week: Sunday in the United States, Monday in
 * France, Saturday in Egypt. */
static void
test_week_start_follows_the_locale (void)
{
  static const struct { const char *locale; guint week_start; } cases[] = {
    { "en_US.UTF-8", 0 },
    { "fr_FR.UTF-8", 1 },
    { "ar_EG.UTF-8", 6 },
  };
  g_autofree char *saved = g_strdup (setlocale (LC_TIME, NULL));
  guint tried = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (setlocale (LC_TIME, cases[i].locale) == NULL)
        continue;
      tried++;
      g_assert_cmpuint (tend_month_grid_get_week_start (), ==, cases[i].week_start);
    }
  setlocale (LC_TIME, saved);

  if (tried == 0)
    g_test_skip ("none of en_US, fr_FR and ar_EG is installed");
}

/* The page -------------------------------------------------------------------------------- */

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

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  return find_first (root, has_type, GSIZE_TO_POINTER (type));
}

static void
collect_descendants (GtkWidget *root,
                     GType      type,
                     GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type) && gtk_widget_get_mapped (root))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_descendants (child, type, found);
}

typedef struct
{
  char             *data_dir;
  TendContext      *context;
  TendJournal      *journal;
  TendWindow       *window;
  TendCalendarPage *page;
  TendMonthGrid    *grid;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  int width = GPOINTER_TO_INT (data) != 0 ? ABS (GPOINTER_TO_INT (data)) : 1000;

  /* A negative width asks for a window from right to left, as in Arabic. */
  gtk_widget_set_default_direction (GPOINTER_TO_INT (data) < 0 ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

  fixture->data_dir = tend_test_make_data_dir ();
  fixture->context = open_context (fixture->data_dir);
  fixture->journal = tend_context_get_journal (fixture->context);

  /* Written before the window opens: the page must read them itself. */
  add_entry (fixture->journal, TEND_MOOD_GOOD, "Pancakes with Ana.", "2026-11-14T09:00:00Z");
  add_entry (fixture->journal, TEND_MOOD_GOOD, "Evening walk.", "2026-11-14T19:30:00Z");
  add_entry (fixture->journal, TEND_MOOD_AWFUL, "Could not sleep.", "2026-11-03T03:00:00Z");
  add_entry (fixture->journal, TEND_MOOD_BAD, "Grey morning.", "2026-11-21T08:15:00Z");
  add_entry (fixture->journal, TEND_MOOD_OKAY, "", "2026-12-02T12:00:00Z");
  add_entry (fixture->journal, TEND_MOOD_GREAT, "Harvest festival.", "2026-10-10T15:00:00Z");

  fixture->window = tend_window_new (NULL, fixture->context);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  tend_window_show_page (fixture->window, "calendar");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  fixture->page = TEND_CALENDAR_PAGE (find_descendant (GTK_WIDGET (fixture->window),
                                                       TEND_TYPE_CALENDAR_PAGE));
  fixture->grid = TEND_MONTH_GRID (find_descendant (GTK_WIDGET (fixture->page),
                                                    TEND_TYPE_MONTH_GRID));
  g_assert_nonnull (fixture->page);
  g_assert_nonnull (fixture->grid);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->context);
  g_free (fixture->data_dir);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

static GtkWidget *
cell (Fixture *fixture,
      int      year,
      int      month,
      int      day)
{
  GDate date = make_day (year, month, day);
  GtkWidget *button = tend_month_grid_get_day_cell (fixture->grid, &date);

  g_assert_nonnull (button);
  return button;
}

static guint
count_mood_classes (GtkWidget *widget)
{
  guint n = 0;

  for (TendMood mood = TEND_MOOD_FIRST; mood <= TEND_MOOD_LAST; mood++)
    {
      g_autofree char *css_class = g_strdup_printf ("mood-%s", tend_mood_get_nick (mood));

      n += gtk_widget_has_css_class (widget, css_class);
    }
  return n;
}

static void
assert_mood_class (GtkWidget  *widget,
                   const char *css_class)
{
  if (css_class == NULL)
    {
      g_assert_cmpuint (count_mood_classes (widget), ==, 0);
      return;
    }
  g_assert_true (gtk_widget_has_css_class (widget, css_class));
  g_assert_cmpuint (count_mood_classes (widget), ==, 1);
}

static void
assert_selected (Fixture *fixture,
                 int      year,
                 int      month,
                 int      day)
{
  const GDate *selected = tend_month_grid_get_selected_day (fixture->grid);
  GDate expected = make_day (year, month, day);

  g_assert_true (g_date_valid (selected));
  g_assert_cmpint (g_date_compare (selected, &expected), ==, 0);
}

static void
assert_cursor (Fixture *fixture,
               int      year,
               int      month,
               int      day)
{
  const GDate *cursor = tend_month_grid_get_cursor (fixture->grid);
  GDate expected = make_day (year, month, day);

  g_assert_cmpint (g_date_compare (cursor, &expected), ==, 0);
}

/* The rows the page shows for the day picked, once drawn. */
static GPtrArray *
shown_rows (Fixture *fixture)
{
  GPtrArray *rows = g_ptr_array_new ();

  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  collect_descendants (GTK_WIDGET (fixture->page), TEND_TYPE_ENTRY_ROW, rows);
  return rows;
}

static const char *
day_state (Fixture *fixture)
{
  GtkWidget *stack = find_descendant (GTK_WIDGET (fixture->page), GTK_TYPE_STACK);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static void
test_opens_on_today (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_cmpstr (tend_window_get_page (fixture->window), ==, "calendar");
  g_assert_cmpstr (tend_month_grid_get_title (fixture->grid), ==, "November 2026");
  assert_selected (fixture, 2026, 11, 21);
  g_assert_true (gtk_widget_has_css_class (cell (fixture, 2026, 11, 21), "today"));
  g_assert_true (gtk_widget_has_css_class (cell (fixture, 2026, 11, 21), "selected"));
  g_assert_false (gtk_widget_has_css_class (cell (fixture, 2026, 11, 20), "today"));

  /* Today's one check-in is listed. */
  rows = shown_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (tend_entry_get_note (tend_entry_row_get_entry (g_ptr_array_index (rows, 0))),
                   ==, "Grey morning.");
  g_assert_cmpstr (day_state (fixture), ==, "entries");
}

static void
test_days_take_the_colour_of_their_mood (Fixture       *fixture,
                                         gconstpointer  data)
{
  guint week_start = tend_month_grid_get_week_start ();
  int column, row;

  assert_mood_class (cell (fixture, 2026, 11, 14), "mood-good");
  assert_mood_class (cell (fixture, 2026, 11, 3), "mood-awful");
  assert_mood_class (cell (fixture, 2026, 11, 21), "mood-bad");
  assert_mood_class (cell (fixture, 2026, 11, 10), NULL);
  assert_mood_class (cell (fixture, 2026, 11, 15), NULL);
  /* The weeks shown run into December, read in the same query. */
  assert_mood_class (cell (fixture, 2026, 12, 2), "mood-okay");
  g_assert_true (gtk_widget_has_css_class (cell (fixture, 2026, 12, 2), "other-month"));
  g_assert_false (gtk_widget_has_css_class (cell (fixture, 2026, 11, 2), "other-month"));

  /* 1 November 2026 is a Sunday, in the first week shown. */
  gtk_grid_query_child (GTK_GRID (gtk_widget_get_parent (cell (fixture, 2026, 11, 1))),
                        cell (fixture, 2026, 11, 1), &column, &row, NULL, NULL);
  g_assert_cmpint (column, ==, (7 - (int) week_start) % 7);
  g_assert_cmpint (row, ==, 1);

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell (fixture, 2026, 11, 14)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Saturday, November 14, 2026, mood: Good, 2 check-ins");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell (fixture, 2026, 11, 3)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Tuesday, November 3, 2026, mood: Awful, 1 check-in");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell (fixture, 2026, 11, 10)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Tuesday, November 10, 2026, no check-ins");
}

static void
test_picking_a_day_lists_its_entries (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_signal_emit_by_name (cell (fixture, 2026, 11, 14), "clicked");
  assert_selected (fixture, 2026, 11, 14);
  g_assert_false (gtk_widget_has_css_class (cell (fixture, 2026, 11, 21), "selected"));
  g_assert_true (gtk_widget_has_css_class (cell (fixture, 2026, 11, 14), "selected"));

  rows = shown_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    {
      TendEntry *entry = tend_entry_row_get_entry (g_ptr_array_index (rows, i));

      g_assert_cmpint (g_date_time_get_day_of_month (tend_entry_get_occurred_at (entry)), ==, 14);
    }
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A day without check-ins says so. */
  g_signal_emit_by_name (cell (fixture, 2026, 11, 10), "clicked");
  rows = shown_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_cmpstr (day_state (fixture), ==, "empty");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A day of the next month, shown at the end of this one, turns the page. */
  g_signal_emit_by_name (cell (fixture, 2026, 12, 2), "clicked");
  assert_selected (fixture, 2026, 12, 2);
  g_assert_cmpstr (tend_month_grid_get_title (fixture->grid), ==, "December 2026");
  rows = shown_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 1);
}

static gboolean
has_n_entries (gpointer data)
{
  Fixture *fixture = data;

  return g_list_model_get_n_items (G_LIST_MODEL (tend_calendar_page_get_entries (fixture->page))) == 2;
}

/* New check-ins appear in the list of their day and colour the grid at once. */
static void
test_follows_the_journal (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TendEntry) entry = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  add_entry (fixture->journal, TEND_MOOD_GREAT, "Snow!", "2026-11-21T09:45:00Z");
  tend_test_wait_until (has_n_entries, fixture);
  rows = shown_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 2);
  /* bad and great: a mean of 3.5 is good */
  assert_mood_class (cell (fixture, 2026, 11, 21), "mood-good");

  entry = add (fixture->journal, TEND_MOOD_GREAT, "Quiet", "2026-11-10T21:00:00Z");
  assert_mood_class (cell (fixture, 2026, 11, 10), "mood-great");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell (fixture, 2026, 11, 10)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Tuesday, November 10, 2026, mood: Great, 1 check-in");

  g_assert_true (tend_journal_remove (fixture->journal, entry, &error));
  g_assert_no_error (error);
  assert_mood_class (cell (fixture, 2026, 11, 10), NULL);
}

static void
test_month_buttons_change_the_title (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->grid),
                                             "month-grid.move-months", "i", 1));
  g_assert_cmpstr (tend_month_grid_get_title (fixture->grid), ==, "December 2026");
  assert_mood_class (cell (fixture, 2026, 12, 2), "mood-okay");
  /* Turning the page does not pick a day. */
  assert_selected (fixture, 2026, 11, 21);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->grid),
                                             "month-grid.move-months", "i", -1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->grid),
                                             "month-grid.move-months", "i", -1));
  g_assert_cmpstr (tend_month_grid_get_title (fixture->grid), ==, "October 2026");
  assert_mood_class (cell (fixture, 2026, 10, 10), "mood-great");
  g_assert_false (gtk_widget_has_css_class (cell (fixture, 2026, 10, 10), "other-month"));

  /* Today comes back to the current month and picks today. */
  g_signal_emit_by_name (cell (fixture, 2026, 10, 10), "clicked");
  assert_selected (fixture, 2026, 10, 10);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->grid), "month-grid.today", NULL));
  g_assert_cmpstr (tend_month_grid_get_title (fixture->grid), ==, "November 2026");
  assert_selected (fixture, 2026, 11, 21);
}

/* Runs the key binding of the grid for @keyval, as a key press would. */
static gboolean
press_key (TendMonthGrid *grid,
           guint          keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (grid));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                 GTK_WIDGET (grid),
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

/* Whether @widget has the window's focus. (gtk_widget_has_focus() also needs the window to
 * be the active one, which the X server may change at any time.) */
static gboolean
is_focused (Fixture   *fixture,
            GtkWidget *widget)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window)) == widget;
}

static void
test_keyboard_moves_through_the_days (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;

  /* Only the cursor's day takes the focus, so Tab passes the grid in one step. */
  g_assert_true (gtk_widget_get_focusable (cell (fixture, 2026, 11, 21)));
  g_assert_false (gtk_widget_get_focusable (cell (fixture, 2026, 11, 20)));
  g_assert_true (gtk_widget_grab_focus (cell (fixture, 2026, 11, 21)));

  g_assert_true (press_key (fixture->grid, GDK_KEY_Right));
  assert_cursor (fixture, 2026, 11, 22);
  g_assert_true (is_focused (fixture, cell (fixture, 2026, 11, 22)));
  g_assert_false (gtk_widget_get_focusable (cell (fixture, 2026, 11, 21)));
  /* Moving is not picking. */
  assert_selected (fixture, 2026, 11, 21);

  g_assert_true (press_key (fixture->grid, GDK_KEY_Up));
  assert_cursor (fixture, 2026, 11, 15);
  g_assert_true (press_key (fixture->grid, GDK_KEY_Left));
  g_assert_true (press_key (fixture->grid, GDK_KEY_Left));
  assert_cursor (fixture, 2026, 11, 13);
  g_assert_true (is_focused (fixture, cell (fixture, 2026, 11, 13)));

  /* Across the end of the month, the month turns. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->grid),
                                             "month-grid.move-days", "i", 17));
  assert_cursor (fixture, 2026, 11, 30);
  g_assert_cmpstr (tend_month_grid_get_title (fixture->grid), ==, "November 2026");
  g_assert_true (press_key (fixture->grid, GDK_KEY_Down));
  assert_cursor (fixture, 2026, 12, 7);
  g_assert_cmpstr (tend_month_grid_get_title (fixture->grid), ==, "December 2026");
  g_assert_true (is_focused (fixture, cell (fixture, 2026, 12, 7)));

  /* Page Up and Page Down turn a month, keeping the day of the month. */
  g_assert_true (press_key (fixture->grid, GDK_KEY_Page_Up));
  g_assert_true (press_key (fixture->grid, GDK_KEY_Page_Up));
  assert_cursor (fixture, 2026, 10, 7);
  g_assert_cmpstr (tend_month_grid_get_title (fixture->grid), ==, "October 2026");
  g_assert_true (press_key (fixture->grid, GDK_KEY_Page_Down));
  assert_cursor (fixture, 2026, 11, 7);
  g_assert_true (is_focused (fixture, cell (fixture, 2026, 11, 7)));

  /* Enter picks the day under the cursor. */
  g_assert_true (press_key (fixture->grid, GDK_KEY_Up));
  g_assert_true (press_key (fixture->grid, GDK_KEY_Right));
  assert_cursor (fixture, 2026, 11, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->grid), "month-grid.pick", NULL));
  assert_selected (fixture, 2026, 11, 1);
  g_assert_cmpstr (day_state (fixture), ==, "empty");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->grid),
                                             "month-grid.move-days", "i", 2));
  /* Enter and Space click the focused day. */
  g_assert_true (is_focused (fixture, cell (fixture, 2026, 11, 3)));
  g_signal_emit_by_name (cell (fixture, 2026, 11, 3), "clicked");
  assert_selected (fixture, 2026, 11, 3);
  g_assert_true (is_focused (fixture, cell (fixture, 2026, 11, 3)));
  rows = shown_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 1);

  /* Home goes back to today. */
  g_assert_true (press_key (fixture->grid, GDK_KEY_Home));
  assert_selected (fixture, 2026, 11, 21);
  assert_cursor (fixture, 2026, 11, 21);
  g_assert_true (is_focused (fixture, cell (fixture, 2026, 11, 21)));
}

/* In Arabic the week runs from right to left, and so do the arrows. */
static void
test_right_to_left (Fixture       *fixture,
                    gconstpointer  data)
{
  graphene_rect_t tuesday, wednesday;

  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (fixture->grid)), ==, GTK_TEXT_DIR_RTL);

  g_assert_true (gtk_widget_compute_bounds (cell (fixture, 2026, 11, 10), GTK_WIDGET (fixture->grid),
                                            &tuesday));
  g_assert_true (gtk_widget_compute_bounds (cell (fixture, 2026, 11, 11), GTK_WIDGET (fixture->grid),
                                            &wednesday));
  g_assert_cmpfloat (wednesday.origin.x, <, tuesday.origin.x);

  g_assert_true (press_key (fixture->grid, GDK_KEY_Left));
  assert_cursor (fixture, 2026, 11, 22);
  g_assert_true (press_key (fixture->grid, GDK_KEY_Right));
  g_assert_true (press_key (fixture->grid, GDK_KEY_Right));
  assert_cursor (fixture, 2026, 11, 20);
}

static gboolean
is_day_heading (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "day-heading");
}

/* The day's check-ins are beside the month on a wide window, under it on a narrow one. */
static void
test_layout_follows_the_width (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *heading = find_first (GTK_WIDGET (fixture->page), is_day_heading, NULL);
  graphene_rect_t grid_bounds, heading_bounds;
  int width = GPOINTER_TO_INT (data);

  g_assert_nonnull (heading);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (fixture->grid), GTK_WIDGET (fixture->page),
                                            &grid_bounds));
  g_assert_true (gtk_widget_compute_bounds (heading, GTK_WIDGET (fixture->page), &heading_bounds));

  if (width <= 360)
    {
      g_assert_cmpfloat (heading_bounds.origin.y, >=,
                         grid_bounds.origin.y + grid_bounds.size.height);
      /* Nothing sticks out of the narrow window. */
      g_assert_cmpfloat (grid_bounds.origin.x, >=, 0);
      g_assert_cmpfloat (grid_bounds.origin.x + grid_bounds.size.width, <=,
                         gtk_widget_get_width (GTK_WIDGET (fixture->page)));
    }
  else
    {
      g_assert_cmpfloat (heading_bounds.origin.x, >=,
                         grid_bounds.origin.x + grid_bounds.size.width);
    }
}

static void
entry_activated_cb (TendCalendarPage *page,
                    TendEntry        *entry,
                    char            **note)
{
  g_free (*note);
  *note = g_strdup (tend_entry_get_note (entry));
}

static void
test_activating_an_entry (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *note = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *row;

  g_signal_connect (fixture->page, "entry-activated", G_CALLBACK (entry_activated_cb), &note);
  rows = shown_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 1);
  row = gtk_widget_get_ancestor (g_ptr_array_index (rows, 0), GTK_TYPE_LIST_BOX_ROW);
  g_assert_nonnull (row);
  {
    g_autofree char *description = tend_entry_row_describe (g_ptr_array_index (rows, 0));

    g_assert_nonnull (strstr (description, "Grey morning."));
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         description);
  }

  g_assert_true (gtk_widget_activate (row));
  g_assert_cmpstr (note, ==, "Grey morning.");
}

/* "Add Check-in" starts a new check-in on the day picked, at this time of day; today's is
 * now, and a day to come has no such button. */
static void
test_adding_a_check_in_for_a_day (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkWidget *add_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                     TEND_TYPE_CALENDAR_PAGE,
                                                                     "add_button"));
  TendTodayPage *today = TEND_TODAY_PAGE (find_descendant (GTK_WIDGET (fixture->window),
                                                          TEND_TYPE_TODAY_PAGE));
  TendEntryEditor *editor = tend_today_page_get_editor (today);
  AdwViewStack *stack = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (fixture->window),
                                                         ADW_TYPE_VIEW_STACK));
  g_autoptr(TendEntry) entry = NULL;
  GDateTime *when;

  g_signal_emit_by_name (cell (fixture, 2026, 11, 25), "clicked");
  g_assert_false (gtk_widget_get_visible (add_button));

  g_signal_emit_by_name (cell (fixture, 2026, 11, 14), "clicked");
  g_assert_true (gtk_widget_get_visible (add_button));
  g_signal_emit_by_name (add_button, "clicked");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "today");

  tend_entry_editor_select_mood (editor, TEND_MOOD_GOOD);
  entry = tend_entry_editor_build_entry (editor, NULL);
  when = tend_entry_get_occurred_at (entry);
  g_assert_cmpint (g_date_time_get_day_of_month (when), ==, 14);
  g_assert_cmpint (g_date_time_get_month (when), ==, 11);
  g_assert_cmpint (g_date_time_get_hour (when), ==, 10);
  g_assert_cmpint (g_date_time_get_minute (when), ==, 30);
  g_clear_object (&entry);

  /* Today: the check-in is for now */
  tend_window_show_page (fixture->window, "calendar");
  g_signal_emit_by_name (cell (fixture, 2026, 11, 21), "clicked");
  g_signal_emit_by_name (add_button, "clicked");
  entry = tend_entry_editor_build_entry (editor, NULL);
  g_assert_cmpint (g_date_time_get_day_of_month (tend_entry_get_occurred_at (entry)), ==, 21);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tend_test_widgets_init (&argc, &argv);

  g_test_add_func ("/calendar/day-moods/follow-the-local-day", test_day_moods_follow_the_local_day);
  g_test_add_func ("/calendar/day-moods/means-and-counts", test_day_moods_means_and_counts);
  g_test_add_func ("/calendar/week-start-follows-the-locale", test_week_start_follows_the_locale);

#define ADD_PAGE_TEST(path, func, width) \
  g_test_add (path, Fixture, GINT_TO_POINTER (width), fixture_set_up, func, fixture_tear_down)
  ADD_PAGE_TEST ("/calendar/page/opens-on-today", test_opens_on_today, 0);
  ADD_PAGE_TEST ("/calendar/page/days-take-the-colour-of-their-mood",
                 test_days_take_the_colour_of_their_mood, 0);
  ADD_PAGE_TEST ("/calendar/page/picking-a-day-lists-its-entries",
                 test_picking_a_day_lists_its_entries, 0);
  ADD_PAGE_TEST ("/calendar/page/follows-the-journal", test_follows_the_journal, 0);
  ADD_PAGE_TEST ("/calendar/page/month-buttons-change-the-title",
                 test_month_buttons_change_the_title, 0);
  ADD_PAGE_TEST ("/calendar/page/keyboard-moves-through-the-days",
                 test_keyboard_moves_through_the_days, 0);
  ADD_PAGE_TEST ("/calendar/page/right-to-left", test_right_to_left, -1000);
  ADD_PAGE_TEST ("/calendar/page/wide-layout", test_layout_follows_the_width, 1000);
  ADD_PAGE_TEST ("/calendar/page/narrow-layout", test_layout_follows_the_width, 360);
  ADD_PAGE_TEST ("/calendar/page/activating-an-entry", test_activating_an_entry, 0);
  ADD_PAGE_TEST ("/calendar/page/adding-a-check-in-for-a-day", test_adding_a_check_in_for_a_day, 0);
#undef ADD_PAGE_TEST

  status = g_test_run ();
  tend_test_widgets_cleanup ();

  return status;
}
