/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "tend-calendar-page.h"
#include "tend-database.h"
#include "tend-duration.h"
#include "tend-insights-page.h"
#include "tend-test-utils.h"
#include "tend-test-widgets.h"
#include "tend-usage-page.h"
#include "tend-window.h"
#include "tend-year-grid.h"

/* Insights' Mood view on real windows and real journal files. The clock reads Saturday
 * 21 November 2026, 10:30 UTC (TZ is UTC). */

#define MINUTE 60

static gint64
at (const char *iso8601)
{
  g_autoptr(GDateTime) time = tend_test_date_time (iso8601);

  return g_date_time_to_unix (time);
}

static void
add_entry (TendContext        *context,
           const char         *iso8601,
           TendMood            mood,
           const char * const *tags)
{
  g_autoptr(GDateTime) when = tend_test_date_time (iso8601);
  g_autoptr(TendEntry) entry = tend_entry_new (mood, "", when);
  g_autoptr(GError) error = NULL;

  if (tags != NULL)
    tend_entry_set_tags (entry, tags);
  g_assert_true (tend_journal_add (tend_context_get_journal (context), entry, &error));
  g_assert_no_error (error);
}

static void
add_span (TendContext *context,
          gint64       start,
          gint64       end)
{
  TendDatabase *database = tend_context_get_database (context);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  tend_database_lock (database);
  stmt = tend_database_prepare (database,
                                "INSERT INTO usage_intervals (started_at, ended_at) VALUES (?1, ?2)",
                                &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, start);
  sqlite3_bind_int64 (stmt, 2, end);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  tend_database_unlock (database);
}

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);

  g_settings_reset (settings, "usage-tracking");
}

static TendInsightsPage *
get_page (TendWindow *window)
{
  return TEND_INSIGHTS_PAGE (tend_test_find_descendant (GTK_WIDGET (window),
                                                        TEND_TYPE_INSIGHTS_PAGE));
}

static gpointer
child (TendInsightsPage *page,
       const char       *name)
{
  gpointer widget = gtk_widget_get_template_child (GTK_WIDGET (page), TEND_TYPE_INSIGHTS_PAGE,
                                                   name);

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
report_ready (gpointer data)
{
  TendInsightsPage *page = data;

  return !tend_insights_page_is_computing (page) && tend_insights_page_get_report (page) != NULL;
}

static void
wait_for_report (TendInsightsPage *page)
{
  tend_test_wait_until (report_ready, page);
}

/* Shows Insights and waits for its report. */
static TendInsightsPage *
show_insights (TendWindow *window)
{
  TendInsightsPage *page = get_page (window);

  tend_window_show_page (window, "insights");
  g_assert_cmpstr (tend_window_get_page (window), ==, "insights");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  wait_for_report (page);
  return page;
}

static void
assert_date (const GDate *date,
             int          year,
             int          month,
             int          day)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_year (date), ==, year);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_day (date), ==, day);
}

static const char *
cell (TendInsightsPage *page,
      const char       *table,
      int               column,
      int               row)
{
  GtkWidget *label = gtk_grid_get_child_at (child (page, table), column, row);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_label (GTK_LABEL (label));
}

static int
n_rows (TendInsightsPage *page,
        const char       *table)
{
  int n = 0;

  while (gtk_grid_get_child_at (child (page, table), 0, n) != NULL)
    n++;
  return n;
}

static guint
n_list_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static gboolean
is_visible (TendInsightsPage *page,
            const char       *name)
{
  return gtk_widget_get_visible (child (page, name));
}

static void
close_window (TendWindow  *window,
              TendContext *context)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (context);
}

static void
test_window_names (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = tend_test_open_window (context);
  GtkWidget *usage_page = tend_test_find_descendant (GTK_WIDGET (window), TEND_TYPE_USAGE_PAGE);

  tend_window_show_page (window, "usage");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (tend_window_get_page (window), ==, "usage");
  g_assert_true (gtk_widget_get_mapped (usage_page));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (get_page (window))));

  tend_window_show_page (window, "insights");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (tend_window_get_page (window), ==, "insights");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (get_page (window))));
  g_assert_false (gtk_widget_get_mapped (usage_page));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "usage");
  g_assert_cmpstr (tend_window_get_page (window), ==, "usage");
  tend_window_show_page (window, "today");
  g_assert_cmpstr (tend_window_get_page (window), ==, "today");

  close_window (window, context);
}

/* Nothing is computed before Insights is first shown. */
static void
test_computed_when_shown (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = tend_test_open_window (context);
  TendInsightsPage *page = get_page (window);

  add_entry (context, "2026-11-20T08:00:00Z", TEND_MOOD_GOOD, NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_false (tend_insights_page_is_computing (page));
  g_assert_null (tend_insights_page_get_report (page));

  show_insights (window);
  g_assert_cmpuint (tend_insights_page_get_report (page)->n_entries, ==, 1);

  close_window (window, context);
}

static void
test_empty_journal (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = tend_test_open_window (context);
  TendInsightsPage *page = show_insights (window);
  AdwStatusPage *empty_page = child (page, "empty_page");
  GtkWidget *button;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (page, "stack")), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (empty_page), ==, "Patterns Will Appear Here");
  g_assert_nonnull (strstr (adw_status_page_get_description (empty_page), "this computer"));
  button = tend_test_find_action_button (GTK_WIDGET (page), "app.check-in");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));

  /* The first check-in brings the report. */
  add_entry (context, "2026-11-21T09:00:00Z", TEND_MOOD_GOOD, NULL);
  g_assert_true (tend_insights_page_is_computing (page));
  wait_for_report (page);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (page, "stack")), ==, "report");
  g_assert_cmpuint (tend_insights_page_get_report (page)->n_entries, ==, 1);

  close_window (window, context);
}

static void
test_periods (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window;
  TendInsightsPage *page;
  const TendInsightsReport *report;

  add_entry (context, "2026-11-21T09:00:00Z", TEND_MOOD_GOOD, NULL);
  add_entry (context, "2026-11-20T09:00:00Z", TEND_MOOD_BAD, NULL);
  add_entry (context, "2026-10-15T09:00:00Z", TEND_MOOD_GREAT, NULL);
  add_entry (context, "2025-06-01T09:00:00Z", TEND_MOOD_OKAY, NULL);
  window = tend_test_open_window (context);
  page = show_insights (window);

  /* This month, to begin with */
  report = tend_insights_page_get_report (page);
  g_assert_cmpint (tend_insights_page_get_period (page), ==, TEND_INSIGHTS_PERIOD_MONTH);
  g_assert_cmpint (report->period, ==, TEND_INSIGHTS_PERIOD_MONTH);
  assert_date (&report->first, 2026, 11, 1);
  assert_date (&report->last, 2026, 11, 30);
  g_assert_cmpuint (report->n_entries, ==, 2);
  g_assert_cmpstr (gtk_label_get_label (child (page, "title_label")), ==, "November 2026");
  g_assert_cmpstr (gtk_label_get_label (child (page, "totals_label")), ==,
                   "2 check-ins on 2 days, average mood 3.0 (Okay)");
  g_assert_false (gtk_widget_is_sensitive (child (page, "next_button")));
  g_assert_false (is_visible (page, "current_button"));

  /* Back a month */
  gtk_widget_activate_action (GTK_WIDGET (page), "insights.previous", NULL);
  g_assert_cmpstr (gtk_label_get_label (child (page, "title_label")), ==, "October 2026");
  wait_for_report (page);
  report = tend_insights_page_get_report (page);
  assert_date (&report->first, 2026, 10, 1);
  g_assert_cmpuint (report->n_entries, ==, 1);
  g_assert_true (gtk_widget_is_sensitive (child (page, "next_button")));
  g_assert_true (is_visible (page, "current_button"));
  g_assert_cmpstr (gtk_button_get_label (child (page, "current_button")), ==, "_This Month");

  /* Never past the current month */
  tend_insights_page_step (page, 1);
  wait_for_report (page);
  tend_insights_page_step (page, 1);
  wait_for_report (page);
  assert_date (&tend_insights_page_get_report (page)->first, 2026, 11, 1);

  /* Years */
  adw_toggle_group_set_active_name (child (page, "period_group"), "year");
  g_assert_cmpint (tend_insights_page_get_period (page), ==, TEND_INSIGHTS_PERIOD_YEAR);
  wait_for_report (page);
  report = tend_insights_page_get_report (page);
  g_assert_cmpint (report->period, ==, TEND_INSIGHTS_PERIOD_YEAR);
  assert_date (&report->first, 2026, 1, 1);
  g_assert_cmpuint (report->n_entries, ==, 3);
  g_assert_cmpstr (gtk_label_get_label (child (page, "title_label")), ==, "2026");

  gtk_widget_activate_action (GTK_WIDGET (page), "insights.previous", NULL);
  wait_for_report (page);
  report = tend_insights_page_get_report (page);
  assert_date (&report->first, 2025, 1, 1);
  g_assert_cmpuint (report->n_entries, ==, 1);
  g_assert_cmpstr (gtk_button_get_label (child (page, "current_button")), ==, "_This Year");

  gtk_widget_activate_action (GTK_WIDGET (page), "insights.current", NULL);
  wait_for_report (page);
  assert_date (&tend_insights_page_get_report (page)->first, 2026, 1, 1);
  g_assert_false (is_visible (page, "current_button"));

  /* Weeks: this one holds both of the last two days; three weeks back has none. */
  tend_insights_page_set_period (page, TEND_INSIGHTS_PERIOD_WEEK);
  wait_for_report (page);
  report = tend_insights_page_get_report (page);
  g_assert_cmpint (report->period, ==, TEND_INSIGHTS_PERIOD_WEEK);
  g_assert_cmpint (g_date_days_between (&report->first, &report->last), ==, 6);
  g_assert_cmpuint (report->n_entries, ==, 2);
  g_assert_true (is_visible (page, "mood_group"));
  g_assert_false (is_visible (page, "period_empty_box"));

  tend_insights_page_step (page, -3);
  wait_for_report (page);
  g_assert_cmpuint (tend_insights_page_get_report (page)->n_entries, ==, 0);
  g_assert_true (is_visible (page, "period_empty_box"));
  g_assert_cmpstr (gtk_label_get_label (child (page, "period_empty_label")), ==,
                   "No Check-Ins That Week");
  g_assert_cmpstr (gtk_label_get_label (child (page, "period_empty_details")), ==,
                   "The arrows above move to other periods.");
  g_assert_false (is_visible (page, "mood_group"));
  g_assert_false (is_visible (page, "weekday_group"));
  /* The year still has days to show. */
  g_assert_true (is_visible (page, "year_group"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (page, "stack")), ==, "report");

  close_window (window, context);
}

static void
test_tables_match_the_report (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window;
  TendInsightsPage *page;
  const TendInsightsReport *report;
  guint sum = 0;
  int row = 1;

  add_entry (context, "2026-11-20T08:00:00Z", TEND_MOOD_BAD, NULL);
  add_entry (context, "2026-11-20T19:00:00Z", TEND_MOOD_GOOD, NULL);
  add_entry (context, "2026-11-21T10:00:00Z", TEND_MOOD_GREAT, NULL);
  window = tend_test_open_window (context);
  page = show_insights (window);
  report = tend_insights_page_get_report (page);

  /* Mood over time: a row a day up to today, none for the days to come */
  g_assert_cmpint (n_rows (page, "mood_table"), ==, 1 + 21);
  g_assert_cmpstr (cell (page, "mood_table", 3, 0), ==, "Check-ins");
  for (guint i = 0; i < report->points->len; i++)
    {
      const TendInsightsPoint *point = &g_array_index (report->points, TendInsightsPoint, i);
      g_autofree char *count = g_strdup_printf ("%u", point->n_entries);

      if (g_date_get_day (&point->first) > 21)
        break;
      g_assert_cmpstr (cell (page, "mood_table", 3, row), ==, count);
      if (point->n_entries == 0)
        g_assert_cmpstr (cell (page, "mood_table", 1, row), ==, "–");
      row++;
    }
  g_assert_cmpstr (cell (page, "mood_table", 1, 20), ==, "3.0 (Okay)");
  g_assert_cmpstr (cell (page, "mood_table", 2, 20), ==, "\u20662–4\u2069");
  g_assert_cmpstr (cell (page, "mood_table", 3, 20), ==, "2");
  g_assert_cmpstr (cell (page, "mood_table", 1, 21), ==, "5.0 (Great)");
  g_assert_cmpstr (cell (page, "mood_table", 2, 21), ==, "5");

  /* The year: January to November, November's two days averaging 4 */
  g_assert_cmpint (n_rows (page, "year_table"), ==, 1 + 11);
  g_assert_cmpstr (cell (page, "year_table", 0, 11), ==, "November");
  g_assert_cmpstr (cell (page, "year_table", 1, 11), ==, "4.0 (Good)");
  g_assert_cmpstr (cell (page, "year_table", 2, 11), ==, "2");
  g_assert_cmpstr (cell (page, "year_table", 2, 10), ==, "0");

  /* Weekdays: seven rows, all three check-ins, Friday's two averaging 3 */
  g_assert_cmpint (n_rows (page, "weekday_table"), ==, 1 + 7);
  for (int i = 1; i <= 7; i++)
    {
      sum += g_ascii_strtoull (cell (page, "weekday_table", 2, i), NULL, 10);
      if (g_str_equal (cell (page, "weekday_table", 0, i), "Friday"))
        g_assert_cmpstr (cell (page, "weekday_table", 1, i), ==, "3.0 (Okay)");
    }
  g_assert_cmpuint (sum, ==, 3);

  /* Times of day: two in the morning, one in the evening */
  g_assert_cmpint (n_rows (page, "time_table"), ==, 1 + 4);
  g_assert_cmpstr (cell (page, "time_table", 0, 1), ==, "Morning, 5:00 to 11:59");
  g_assert_cmpstr (cell (page, "time_table", 2, 1), ==, "2");
  g_assert_cmpstr (cell (page, "time_table", 1, 1), ==, "3.5 (Good)");
  g_assert_cmpstr (cell (page, "time_table", 2, 3), ==, "1");
  g_assert_cmpstr (cell (page, "time_table", 1, 4), ==, "–");

  /* Each table shows on its button */
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (child (page, "mood_table")))));
  gtk_toggle_button_set_active (child (page, "mood_table_toggle"), TRUE);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (child (page, "mood_table")))));

  /* Each chart has its sentence */
  g_assert_cmpstr (gtk_label_get_label (child (page, "mood_summary")), !=, "");
  g_assert_cmpstr (gtk_label_get_label (child (page, "year_summary")), !=, "");
  g_assert_cmpstr (gtk_label_get_label (child (page, "weekday_summary")), !=, "");
  g_assert_cmpstr (gtk_label_get_label (child (page, "time_summary")), !=, "");

  close_window (window, context);
}

static void
test_counts (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  const char * const many[] = { "A", "B", "C", "D", "E", "F", "G", NULL };
  const char * const one[] = { "B", NULL };
  TendWindow *window;
  TendInsightsPage *page;
  GtkListBox *list;

  add_entry (context, "2026-11-20T08:00:00Z", TEND_MOOD_GOOD, many);
  add_entry (context, "2026-11-21T08:00:00Z", TEND_MOOD_GOOD, one);
  window = tend_test_open_window (context);
  page = show_insights (window);
  list = child (page, "activities_list");

  g_assert_true (is_visible (page, "activities_group"));
  g_assert_false (is_visible (page, "emotions_group"));
  g_assert_cmpuint (n_list_rows (list), ==, 5);
  g_assert_true (is_visible (page, "activities_all_toggle"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_list_box_get_row_at_index (list, 0)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "B: 2 check-ins");

  gtk_toggle_button_set_active (child (page, "activities_all_toggle"), TRUE);
  g_assert_cmpuint (n_list_rows (list), ==, 7);

  close_window (window, context);
}

static gboolean
has_activity_row (gpointer data)
{
  TendInsightsPage *page = data;

  return report_ready (page) &&
         tend_insights_page_get_report (page)->activity_moods->len == 1;
}

/* An activity is compared with 5 days with it and 5 without, not 4. */
static void
test_activity_threshold (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  const char * const walk[] = { "Walk", NULL };
  TendWindow *window;
  TendInsightsPage *page;
  AdwActionRow *row;

  for (int day = 1; day <= 9; day++)
    {
      g_autofree char *when = g_strdup_printf ("2026-11-%02dT12:00:00Z", day);

      add_entry (context, when, day <= 5 ? TEND_MOOD_GOOD : TEND_MOOD_BAD,
                 day <= 5 ? walk : NULL);
    }
  window = tend_test_open_window (context);
  page = show_insights (window);

  g_assert_true (is_visible (page, "activity_moods_group"));
  g_assert_false (is_visible (page, "activity_moods_list"));
  g_assert_cmpuint (tend_insights_page_get_report (page)->n_activities_short, ==, 1);
  g_assert_cmpstr (gtk_label_get_label (child (page, "activity_moods_note")), ==,
                   "An activity is compared once it has 5 days with it and 5 days without. "
                   "1 activity is waiting for more days.");

  add_entry (context, "2026-11-10T12:00:00Z", TEND_MOOD_BAD, NULL);
  tend_test_wait_until (has_activity_row, page);

  g_assert_true (is_visible (page, "activity_moods_list"));
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (child (page, "activity_moods_list"), 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Walk");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "With it: 4.0 (Good) on 5 days\nWithout it: 2.0 (Bad) on 5 days");
  g_assert_cmpstr (gtk_label_get_label (child (page, "activity_moods_note")), ==,
                   "Days together, not cause and effect: other things may explain both.");

  close_window (window, context);
}

/* Days of November with a check-in each, and 10 minutes of screen time on the 1st, 20 on
 * the 2nd, and so on */
static void
add_screen_days (TendContext *context,
                 int          first_day,
                 int          last_day)
{
  for (int day = first_day; day <= last_day; day++)
    {
      g_autofree char *when = g_strdup_printf ("2026-11-%02dT12:00:00Z", day);
      gint64 start = at (when);

      /* The span first: the check-in tells the page the journal changed. */
      add_span (context, start, start + day * 10 * MINUTE);
      add_entry (context, when, day % 2 ? TEND_MOOD_GOOD : TEND_MOOD_OKAY, NULL);
    }
}

static gboolean
has_screen_time (gpointer data)
{
  TendInsightsPage *page = data;

  return report_ready (page) && tend_insights_page_get_report (page)->has_screen_time;
}

static void
test_screen_time (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window;
  TendInsightsPage *page;
  const TendInsightsReport *report;
  GtkListBox *list;
  g_autofree char *median = NULL;
  g_autofree char *more = NULL;

  reset_settings ();
  add_entry (context, "2026-11-01T12:00:00Z", TEND_MOOD_GOOD, NULL);
  window = tend_test_open_window (context);
  page = show_insights (window);

  /* Off, and nothing recorded: it needs screen time, which is a button away */
  g_assert_false (is_visible (page, "screen_list"));
  g_assert_true (is_visible (page, "screen_time_button"));
  g_assert_nonnull (strstr (gtk_label_get_label (child (page, "screen_note")), "which is off"));
  tend_test_click (child (page, "screen_time_button"));
  g_assert_cmpstr (tend_window_get_page (window), ==, "usage");

  /* 13 days of both (the 1st has no screen time): not yet */
  add_screen_days (context, 2, 14);
  page = show_insights (window);
  g_assert_cmpuint (tend_insights_page_get_report (page)->n_screen_days, ==, 13);
  g_assert_false (is_visible (page, "screen_list"));
  g_assert_false (is_visible (page, "screen_time_button"));
  g_assert_cmpstr (gtk_label_get_label (child (page, "screen_note")), ==,
                   "This appears once 14 days have both a check-in and screen time. "
                   "So far there are 13.");

  /* The 14th */
  add_screen_days (context, 15, 15);
  tend_test_wait_until (has_screen_time, page);
  report = tend_insights_page_get_report (page);
  list = child (page, "screen_list");
  g_assert_true (is_visible (page, "screen_list"));
  g_assert_cmpuint (n_list_rows (list), ==, 2);
  median = tend_usage_format_duration (report->median_active_s);
  more = g_strdup_printf ("More than %s", median);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 0))),
                   ==, more);
  g_assert_nonnull (strstr (gtk_label_get_label (child (page, "screen_note")), median));
  g_assert_nonnull (strstr (gtk_label_get_label (child (page, "screen_note")),
                            "not cause and effect"));

  close_window (window, context);
}

static void
test_year_day_opens_calendar (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window;
  TendInsightsPage *page;
  TendCalendarPage *calendar;
  GDate day;

  add_entry (context, "2026-03-14T09:00:00Z", TEND_MOOD_GOOD, NULL);
  add_entry (context, "2026-03-14T18:00:00Z", TEND_MOOD_GREAT, NULL);
  add_entry (context, "2026-11-21T09:00:00Z", TEND_MOOD_OKAY, NULL);
  window = tend_test_open_window (context);
  page = show_insights (window);
  tend_insights_page_set_period (page, TEND_INSIGHTS_PERIOD_YEAR);
  wait_for_report (page);

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 14, G_DATE_MARCH, 2026);
  g_signal_emit_by_name (child (page, "year_chart"), "day-activated", &day);

  g_assert_cmpstr (tend_window_get_page (window), ==, "calendar");
  calendar = TEND_CALENDAR_PAGE (tend_test_find_descendant (GTK_WIDGET (window),
                                                            TEND_TYPE_CALENDAR_PAGE));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tend_calendar_page_get_entries (calendar))),
                    ==, 2);

  close_window (window, context);
}

static gboolean
lacks_name (GtkWidget     *widget,
            gconstpointer  data)
{
  const char *label = NULL;

  if (!gtk_widget_get_visible (widget))
    return FALSE;

  if (GTK_IS_BUTTON (widget))
    label = gtk_button_get_label (GTK_BUTTON (widget));

  if (GTK_IS_BUTTON (widget) || GTK_IS_LIST_BOX (widget) || ADW_IS_TOGGLE_GROUP (widget) ||
      TEND_IS_YEAR_GRID (widget) || g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "TendMood") ||
      g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "TendBar"))
    return (label == NULL || label[0] == '\0') &&
           !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL);

  return FALSE;
}

static void
test_accessible_names (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  const char * const walk[] = { "Walk", NULL };
  TendWindow *window;
  TendInsightsPage *page;
  GtkWidget *unnamed;

  add_entry (context, "2026-11-20T08:00:00Z", TEND_MOOD_GOOD, walk);
  window = tend_test_open_window (context);
  page = show_insights (window);
  gtk_widget_activate_action (GTK_WIDGET (page), "insights.previous", NULL);
  wait_for_report (page);

  unnamed = tend_test_find_first (GTK_WIDGET (page), lacks_name, NULL);
  if (unnamed != NULL)
    g_error ("A %s has no accessible name", G_OBJECT_TYPE_NAME (unnamed));

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (child (page, "previous_button")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Previous Month");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (child (page, "next_button")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Next Month");

  close_window (window, context);
}

/* In a right-to-left language the period bar is mirrored: Previous on the right. */
static void
test_right_to_left (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window;
  TendInsightsPage *page;
  graphene_rect_t previous, next;

  add_entry (context, "2026-11-20T08:00:00Z", TEND_MOOD_GOOD, NULL);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  window = tend_test_open_window (context);
  page = show_insights (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_cmpint (gtk_widget_get_direction (child (page, "mood_chart")), ==, GTK_TEXT_DIR_RTL);
  g_assert_true (gtk_widget_compute_bounds (child (page, "previous_button"), GTK_WIDGET (page),
                                            &previous));
  g_assert_true (gtk_widget_compute_bounds (child (page, "next_button"), GTK_WIDGET (page), &next));
  g_assert_cmpfloat (previous.origin.x, >, next.origin.x);

  close_window (window, context);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tend_test_widgets_init (&argc, &argv);

  g_test_add_func ("/insights-page/window-names", test_window_names);
  g_test_add_func ("/insights-page/computed-when-shown", test_computed_when_shown);
  g_test_add_func ("/insights-page/empty-journal", test_empty_journal);
  g_test_add_func ("/insights-page/periods", test_periods);
  g_test_add_func ("/insights-page/tables-match-the-report", test_tables_match_the_report);
  g_test_add_func ("/insights-page/counts", test_counts);
  g_test_add_func ("/insights-page/activity-threshold", test_activity_threshold);
  g_test_add_func ("/insights-page/screen-time", test_screen_time);
  g_test_add_func ("/insights-page/year-day-opens-calendar", test_year_day_opens_calendar);
  g_test_add_func ("/insights-page/accessible-names", test_accessible_names);
  g_test_add_func ("/insights-page/right-to-left", test_right_to_left);

  status = g_test_run ();
  tend_test_widgets_cleanup ();
  return status;
}
