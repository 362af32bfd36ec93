/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "tend-entry-row.h"
#include "tend-journal-page.h"
#include "tend-test-utils.h"
#include "tend-test-widgets.h"
#include "tend-window.h"

/* The Journal page in a real window on a journal in a temporary folder: search as the
 * user types, filters, and opening an entry. */

typedef struct
{
  char            *data_dir;
  TendContext     *context;
  TendWindow      *window;
  TendJournalPage *page;
  GtkListView     *list_view;
} Fixture;

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_with_class (GtkWidget  *root,
                 GType       type,
                 const char *css_class)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type) && gtk_widget_has_css_class (root, css_class))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, type, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect_mapped (GtkWidget *root,
                GType      type,
                GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type) && gtk_widget_get_mapped (root))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_mapped (child, type, found);
}

static void
add (TendJournal        *journal,
     TendMood            mood,
     const char         *note,
     const char         *when,
     const char * const *tags)
{
  g_autoptr(GDateTime) occurred_at = tend_test_date_time (when);
  g_autoptr(TendEntry) entry = tend_entry_new (mood, note, occurred_at);
  g_autoptr(GError) error = NULL;

  tend_entry_set_tags (entry, tags);
  g_assert_true (tend_journal_add (journal, entry, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = tend_test_date_time ("2026-11-21T10:30:00Z");
  g_autoptr(TendClock) clock = tend_clock_new_manual (now);
  g_autoptr(GError) error = NULL;
  TendJournal *journal;

  fixture->data_dir = tend_test_make_data_dir ();
  fixture->context = tend_context_new (fixture->data_dir, clock);
  g_assert_true (tend_context_open (fixture->context, &error));
  g_assert_no_error (error);

  journal = tend_context_get_journal (fixture->context);
  add (journal, TEND_MOOD_GREAT, "Walked by the river with Sam", "2026-11-19T18:45:00Z", NULL);
  add (journal, TEND_MOOD_BAD, "Walking home in the rain, un été pourri", "2026-11-20T21:05:00Z",
       (const char *[]) { "Work", NULL });
  add (journal, TEND_MOOD_GOOD, "Coffee on the balcony", "2026-11-21T09:12:00Z", NULL);
  add (journal, TEND_MOOD_OKAY, "Lunch outside", "2026-11-21T13:30:00Z", NULL);

  fixture->window = tend_window_new (NULL, fixture->context);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 900);
  gtk_window_present (GTK_WINDOW (fixture->window));
  tend_window_show_page (fixture->window, "journal");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  fixture->page = TEND_JOURNAL_PAGE (find_descendant (GTK_WIDGET (fixture->window),
                                                      TEND_TYPE_JOURNAL_PAGE));
  fixture->list_view = GTK_LIST_VIEW (find_with_class (GTK_WIDGET (fixture->page),
                                                       GTK_TYPE_LIST_VIEW, "journal-list"));
  g_assert_nonnull (fixture->page);
  g_assert_nonnull (fixture->list_view);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->context);
  g_free (fixture->data_dir);
}

static guint
n_shown (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (fixture->list_view)));
}

typedef struct
{
  Fixture *fixture;
  guint    n;
} Expected;

static gboolean
shows_n (gpointer data)
{
  Expected *expected = data;

  return n_shown (expected->fixture) == expected->n;
}

static void
wait_for_n (Fixture *fixture,
            guint    n)
{
  Expected expected = { fixture, n };

  tend_test_wait_until (shows_n, &expected);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

/* The notes of the rows on screen, top to bottom, joined with "|". */
static char *
shown_notes (Fixture *fixture)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GString) notes = g_string_new (NULL);

  collect_mapped (GTK_WIDGET (fixture->list_view), TEND_TYPE_ENTRY_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      TendEntry *entry = tend_entry_row_get_entry (g_ptr_array_index (rows, i));

      if (i > 0)
        g_string_append_c (notes, '|');
      g_string_append (notes, tend_entry_get_note (entry));
    }

  return g_string_free_and_steal (g_steal_pointer (&notes));
}

#define assert_shown(fixture, expected) \
  G_STMT_START { \
    g_autofree char *_notes = shown_notes (fixture); \
    g_assert_cmpstr (_notes, ==, expected); \
  } G_STMT_END

static const char *
visible_state (Fixture *fixture)
{
  GtkWidget *stack = find_with_class (GTK_WIDGET (fixture->page), GTK_TYPE_STACK, "journal-stack");

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static GtkWidget *
find_mood_toggle (Fixture  *fixture,
                  TendMood  mood)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *popover = find_descendant (GTK_WIDGET (fixture->page), GTK_TYPE_POPOVER);
  GtkWidget *menu_button = find_descendant (GTK_WIDGET (fixture->page), GTK_TYPE_MENU_BUTTON);

  if (popover == NULL)
    popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)));

  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  collect_mapped (popover, GTK_TYPE_TOGGLE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (buttons->pdata[i]), tend_mood_get_label (mood)) == 0)
      return buttons->pdata[i];

  g_assert_not_reached ();
}

static void
test_all_entries_shown (Fixture       *fixture,
                        gconstpointer  data)
{
  g_assert_cmpstr (visible_state (fixture), ==, "entries");
  g_assert_cmpuint (n_shown (fixture), ==, 4);
  assert_shown (fixture, "Lunch outside|Coffee on the balcony|"
                         "Walking home in the rain, un été pourri|Walked by the river with Sam");
}

/* The page is made when first shown, with its list: it starts at the very top, the first
 * day's heading included, not at the first row below it. */
static void
test_starts_at_the_top (Fixture       *fixture,
                        gconstpointer  data)
{
  TendJournal *journal = tend_context_get_journal (fixture->context);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) start = tend_test_date_time ("2026-01-01T08:00:00Z");
  g_autoptr(GError) error = NULL;
  GtkAdjustment *adjustment;
  TendWindow *window;
  GtkListView *list_view;
  guint n_added;

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_hours (start, i * 30);

      g_ptr_array_add (entries, tend_entry_new (TEND_MOOD_OKAY, "A day", when));
    }
  g_assert_true (tend_journal_import (journal, entries, tags, &n_added, &error));
  g_assert_no_error (error);

  /* On screen on Today first, as Tend opens */
  window = tend_window_new (NULL, fixture->context);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  tend_window_show_page (window, "journal");
  list_view = GTK_LIST_VIEW (find_with_class (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW,
                                              "journal-list"));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  for (guint i = 0; i < 4; i++)
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >,
                     gtk_adjustment_get_page_size (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==,
                     gtk_adjustment_get_lower (adjustment));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search_filter_and_clear (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkEditable *entry = tend_journal_page_get_search_entry (fixture->page);
  GtkWidget *toggle;

  g_assert_false (tend_journal_page_get_search_mode (fixture->page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", "s", ""));
  g_assert_true (tend_journal_page_get_search_mode (fixture->page));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         GTK_WIDGET (entry)));

  /* Typed letter by letter, as a person does */
  gtk_editable_insert_text (entry, "w", -1, &(int) { 0 });
  wait_for_n (fixture, 2);
  gtk_editable_insert_text (entry, "alk", -1, &(int) { 1 });
  wait_for_n (fixture, 2);
  assert_shown (fixture, "Walking home in the rain, un été pourri|Walked by the river with Sam");

  /* The match is highlighted in the row. */
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();

    collect_mapped (GTK_WIDGET (fixture->list_view), TEND_TYPE_ENTRY_ROW, rows);
    g_assert_cmpuint (rows->len, ==, 2);
    g_assert_nonnull (strstr (tend_entry_row_get_note_markup (rows->pdata[1]), "Walked</span>"));
  }

  /* Accents folded */
  gtk_editable_set_text (entry, "ete");
  wait_for_n (fixture, 1);
  assert_shown (fixture, "Walking home in the rain, un été pourri");

  /* A filter narrows the search further */
  gtk_editable_set_text (entry, "walk");
  wait_for_n (fixture, 2);
  toggle = find_mood_toggle (fixture, TEND_MOOD_GREAT);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  wait_for_n (fixture, 1);
  assert_shown (fixture, "Walked by the river with Sam");

  /* Nothing matches: the page says so */
  gtk_editable_set_text (entry, "walk zebra");
  wait_for_n (fixture, 0);
  g_assert_cmpstr (visible_state (fixture), ==, "no-results");

  /* Clearing shows everything again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "journal.clear-search", NULL));
  wait_for_n (fixture, 4);
  g_assert_cmpstr (visible_state (fixture), ==, "entries");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
}

static void
test_closing_search_shows_all (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *toggle;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", "s", "coffee"));
  wait_for_n (fixture, 1);
  assert_shown (fixture, "Coffee on the balcony");

  toggle = find_mood_toggle (fixture, TEND_MOOD_BAD);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  wait_for_n (fixture, 0);

  tend_journal_page_set_search_mode (fixture->page, FALSE);
  wait_for_n (fixture, 4);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
}

static void
test_filtered_list_follows_journal (Fixture       *fixture,
                                    gconstpointer  data)
{
  TendJournal *journal = tend_context_get_journal (fixture->context);

  tend_journal_page_start_search (fixture->page, "balcony");
  wait_for_n (fixture, 1);

  add (journal, TEND_MOOD_GOOD, "Tea on the balcony", "2026-11-21T10:00:00Z", NULL);
  add (journal, TEND_MOOD_GOOD, "Tea in the kitchen", "2026-11-21T10:10:00Z", NULL);
  wait_for_n (fixture, 2);
  assert_shown (fixture, "Tea on the balcony|Coffee on the balcony");
}

static void
entry_activated_cb (TendJournalPage *page,
                    TendEntry       *entry,
                    TendEntry      **out)
{
  g_set_object (out, entry);
}

static void
test_activating_a_row (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TendEntry) activated = NULL;

  g_signal_connect (fixture->page, "entry-activated", G_CALLBACK (entry_activated_cb), &activated);

  g_signal_emit_by_name (fixture->list_view, "activate", 1);
  g_assert_nonnull (activated);
  g_assert_cmpstr (tend_entry_get_note (activated), ==, "Coffee on the balcony");

  /* In a search, the position is the one in the results. */
  tend_journal_page_start_search (fixture->page, "river");
  wait_for_n (fixture, 1);
  g_signal_emit_by_name (fixture->list_view, "activate", 0);
  g_assert_cmpstr (tend_entry_get_note (activated), ==, "Walked by the river with Sam");

  g_signal_handlers_disconnect_by_func (fixture->page, entry_activated_cb, &activated);
}

static void
test_rows_are_described (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_mapped (GTK_WIDGET (fixture->list_view), TEND_TYPE_ENTRY_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 4);

  {
    g_autofree char *description = tend_entry_row_describe (rows->pdata[2]);

    g_assert_cmpstr (description, ==,
                     "Bad, at 21:05. Activities: Work. Walking home in the rain, un été pourri");
  }
}

static void
select_day (GtkWidget  *page,
            const char *calendar_name,
            const char *when)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_widget_get_template_child (page, TEND_TYPE_JOURNAL_PAGE,
                                                                       calendar_name));
  g_autoptr(GDateTime) day = tend_test_date_time (when);

  gtk_calendar_select_day (calendar, day);
}

/* A custom date range keeps the days between its two ends, both included, whichever
 * order they were picked in, and shows itself as a chip. */
static void
test_custom_date_range (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  AdwComboRow *range_row = ADW_COMBO_ROW (gtk_widget_get_template_child (page, TEND_TYPE_JOURNAL_PAGE,
                                                                         "range_row"));
  GtkWidget *from_row = GTK_WIDGET (gtk_widget_get_template_child (page, TEND_TYPE_JOURNAL_PAGE,
                                                                   "from_row"));
  GtkWidget *chips = GTK_WIDGET (gtk_widget_get_template_child (page, TEND_TYPE_JOURNAL_PAGE,
                                                                "chips_box"));
  GtkMenuButton *from_button = GTK_MENU_BUTTON (gtk_widget_get_template_child (page, TEND_TYPE_JOURNAL_PAGE,
                                                                               "from_button"));

  g_assert_false (gtk_widget_get_visible (from_row));
  adw_combo_row_set_selected (range_row, 4);
  g_assert_true (gtk_widget_get_visible (from_row));
  /* It starts as the last 30 days: everything here */
  wait_for_n (fixture, 4);

  select_day (page, "from_calendar", "2026-11-20T12:00:00Z");
  select_day (page, "until_calendar", "2026-11-20T12:00:00Z");
  wait_for_n (fixture, 1);
  assert_shown (fixture, "Walking home in the rain, un été pourri");
  g_assert_cmpstr (gtk_menu_button_get_label (from_button), ==, "20 Nov 2026");
  g_assert_true (gtk_widget_get_visible (chips));

  /* Picked the wrong way round */
  select_day (page, "from_calendar", "2026-11-21T12:00:00Z");
  select_day (page, "until_calendar", "2026-11-19T12:00:00Z");
  wait_for_n (fixture, 4);
  select_day (page, "from_calendar", "2026-11-20T12:00:00Z");
  wait_for_n (fixture, 2);
  assert_shown (fixture, "Walking home in the rain, un été pourri|Walked by the river with Sam");

  /* Clearing the filters hides the two days again */
  g_assert_true (gtk_widget_activate_action (page, "journal.clear-filters", NULL));
  wait_for_n (fixture, 4);
  g_assert_false (gtk_widget_get_visible (from_row));
  g_assert_false (gtk_widget_get_visible (chips));
}

/* A long journal is shown from its first rows, and whole a few frames later; a check-in
 * saved meanwhile comes first, and the last day's section ends with the list. */
static void
test_long_list_shown_gradually (Fixture       *fixture,
                                gconstpointer  data)
{
  TendJournal *journal = tend_context_get_journal (fixture->context);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) start = tend_test_date_time ("2026-01-01T08:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autoptr(TendEntry) first = NULL;
  TendWindow *window;
  GtkListView *list_view;
  GListModel *model;
  guint n_added, n_all, section_start, section_end;

  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_hours (start, i * 5);
      g_autofree char *note = g_strdup_printf ("Imported %u", i);

      g_ptr_array_add (entries, tend_entry_new (TEND_MOOD_OKAY, note, when));
    }
  g_assert_true (tend_journal_import (journal, entries, tags, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 300);
  n_all = g_list_model_get_n_items (G_LIST_MODEL (tend_journal_get_entries (journal)));
  g_assert_cmpuint (n_all, ==, 304);

  window = tend_window_new (NULL, fixture->context);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 900);
  tend_window_show_page (window, "journal");
  list_view = GTK_LIST_VIEW (find_with_class (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW,
                                              "journal-list"));
  model = G_LIST_MODEL (gtk_list_view_get_model (list_view));

  /* Before the first frame, only the start of the list */
  g_assert_cmpuint (g_list_model_get_n_items (model), <, 50);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);

  add (journal, TEND_MOOD_GREAT, "Saved meanwhile", "2026-11-21T16:00:00Z", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, 50);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (tend_entry_get_note (first), ==, "Saved meanwhile");

  gtk_window_present (GTK_WINDOW (window));
  while (g_list_model_get_n_items (model) != n_all + 1)
    g_main_context_iteration (NULL, TRUE);

  gtk_section_model_get_section (GTK_SECTION_MODEL (gtk_no_selection_get_model (GTK_NO_SELECTION (model))),
                                 n_all, &section_start, &section_end);
  g_assert_cmpuint (section_end, ==, n_all + 1);
  g_assert_cmpuint (section_start, <, n_all);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tend_test_widgets_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/journal-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("all-entries-shown", test_all_entries_shown);
  ADD ("starts-at-the-top", test_starts_at_the_top);
  ADD ("search-filter-and-clear", test_search_filter_and_clear);
  ADD ("closing-search-shows-all", test_closing_search_shows_all);
  ADD ("filtered-list-follows-journal", test_filtered_list_follows_journal);
  ADD ("activating-a-row", test_activating_a_row);
  ADD ("rows-are-described", test_rows_are_described);
  ADD ("long-list-shown-gradually", test_long_list_shown_gradually);
  ADD ("custom-date-range", test_custom_date_range);

#undef ADD

  status = g_test_run ();
  tend_test_widgets_cleanup ();

  return status;
}
