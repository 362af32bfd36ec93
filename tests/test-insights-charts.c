/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tend-bar-chart.h"
#include "tend-chart-draw.h"
#include "tend-mood-chart.h"
#include "tend-test-widgets.h"
#include "tend-year-grid.h"

/* The Insights charts on their own, in real windows, with fixed data: what they say, how
 * the keyboard moves them, right to left, and that they draw whatever they are given. */

static GDate
make_date (int day,
           int month,
           int year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return date;
}

/* A window holding @chart, shown and drawn once. A button before it keeps the keyboard
 * focus: GTK's test accessibility backend cannot announce (it crashes) once the focus has
 * brought a widget's accessible context to life. */
static GtkWidget *
show_chart (GtkWidget *chart,
            int        width)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *button = gtk_button_new_with_label ("Before");

  gtk_window_set_default_size (GTK_WINDOW (window), width, 600);
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), chart);
  gtk_window_set_focus (GTK_WINDOW (window), button);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  tend_test_wait_for_draws (chart, 1);
  return window;
}

/* Draws again in each direction and in dark: nothing may warn. */
static void
draw_every_way (GtkWidget *chart)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  gtk_widget_set_direction (chart, GTK_TEXT_DIR_RTL);
  gtk_widget_queue_draw (chart);
  tend_test_wait_for_draws (chart, 1);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_widget_queue_draw (chart);
  tend_test_wait_for_draws (chart, 1);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  gtk_widget_set_direction (chart, GTK_TEXT_DIR_NONE);
}

static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }

  return handled;
}

static void
click_at (GtkWidget *widget,
          double     x,
          double     y)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        {
          g_signal_emit_by_name (controller, "pressed", 1, x, y);
          g_signal_emit_by_name (controller, "released", 1, x, y);
        }
    }
}

static void
assert_description (GtkWidget  *widget,
                    const char *text)
{
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text);
}

static void
assert_summary (char       *summary,
                const char *expected)
{
  g_autofree char *owned = summary;

  g_assert_cmpstr (owned, ==, expected);
}

/* The mood colours come from the stylesheet: five different colours, none of them the
 * text's. */
static void
test_mood_colors (void)
{
  GtkWidget *chart = tend_mood_chart_new ();
  GtkWidget *window = show_chart (chart, 360);
  GtkWidget *swatches[TEND_CHART_N_MOODS] = { NULL, };
  GdkRGBA colors[TEND_CHART_N_MOODS], foreground;

  tend_chart_add_mood_swatches (chart, swatches);
  gtk_widget_get_color (chart, &foreground);
  for (int mood = TEND_MOOD_FIRST; mood <= TEND_MOOD_LAST; mood++)
    {
      tend_chart_get_mood_color (swatches, mood, &colors[mood - 1]);
      g_assert_cmpfloat (colors[mood - 1].alpha, ==, 1);
      g_assert_false (gdk_rgba_equal (&colors[mood - 1], &foreground));
      for (int other = TEND_MOOD_FIRST; other < mood; other++)
        g_assert_false (gdk_rgba_equal (&colors[mood - 1], &colors[other - 1]));
    }
  tend_chart_remove_mood_swatches (swatches);
  g_assert_null (swatches[0]);

  g_assert_cmpint (tend_chart_round_mood (3.49), ==, TEND_MOOD_OKAY);
  g_assert_cmpint (tend_chart_round_mood (3.5), ==, TEND_MOOD_GOOD);
  g_assert_cmpint (tend_chart_round_mood (0), ==, TEND_MOOD_AWFUL);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
add_point (GArray *points,
           GDate   first,
           GDate   last,
           guint   n_entries,
           double  mean,
           guint8  lowest,
           guint8  highest)
{
  TendInsightsPoint point = {
    .first = first,
    .last = last,
    .n_entries = n_entries,
    .n_days = n_entries > 0 ? 1 : 0,
    .mean = mean,
    .lowest = lowest,
    .highest = highest,
  };

  g_array_append_val (points, point);
}

/* A week of days up to Thursday: a day with a spread, a gap, the future left out. */
static GArray *
make_week (void)
{
  GArray *points = g_array_new (FALSE, TRUE, sizeof (TendInsightsPoint));
  GDate day = make_date (16, G_DATE_NOVEMBER, 2026);
  static const struct { guint n; double mean; guint8 lowest, highest; } data[7] = {
    { 2, 4.0, 3, 5 }, { 0, 0, 0, 0 }, { 1, 2.0, 2, 2 }, { 1, 3.0, 3, 3 },
    /* After today: never shown, even with check-ins (a clock set back) */
    { 1, 5.0, 5, 5 }, { 0, 0, 0, 0 }, { 0, 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (data); i++)
    {
      add_point (points, day, day, data[i].n, data[i].mean, data[i].lowest, data[i].highest);
      g_date_add_days (&day, 1);
    }

  return points;
}

static void
test_mood_chart_week (void)
{
  GtkWidget *chart = tend_mood_chart_new ();
  TendMoodChart *mood_chart = TEND_MOOD_CHART (chart);
  GtkWidget *window = show_chart (chart, 360);
  g_autoptr(GArray) points = make_week ();
  GDate today = make_date (19, G_DATE_NOVEMBER, 2026);

  g_assert_true (gtk_widget_get_focusable (chart));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_cmpint (tend_mood_chart_get_selected (mood_chart), ==, -1);

  /* Today is selected and said */
  tend_mood_chart_set_points (mood_chart, TEND_INSIGHTS_PERIOD_WEEK, points, &today);
  g_assert_cmpint (tend_mood_chart_get_selected (mood_chart), ==, 3);
  assert_description (chart, "Thursday, November 19: average mood 3.0 (Okay), 1 check-in");
  assert_summary (tend_mood_chart_get_summary (mood_chart),
                  "An average mood of 3.0 (Okay) over 3 days with check-ins. "
                  "Highest: Monday, November 16 (4.0). Lowest: Wednesday, November 18 (2.0).");

  /* The keyboard goes from day to day, gaps included, never into the future */
  g_assert_true (press_key (chart, GDK_KEY_Left));
  assert_description (chart, "Wednesday, November 18: average mood 2.0 (Bad), 1 check-in");
  g_assert_true (press_key (chart, GDK_KEY_Left));
  g_assert_cmpint (tend_mood_chart_get_selected (mood_chart), ==, 1);
  assert_description (chart, "Tuesday, November 17: no check-ins");
  g_assert_true (press_key (chart, GDK_KEY_Home));
  assert_description (chart, "Monday, November 16: average mood 4.0 (Good), 2 check-ins, "
                             "from Okay to Great");
  g_assert_true (press_key (chart, GDK_KEY_Left));
  g_assert_cmpint (tend_mood_chart_get_selected (mood_chart), ==, 0);
  g_assert_true (press_key (chart, GDK_KEY_End));
  g_assert_cmpint (tend_mood_chart_get_selected (mood_chart), ==, 3);
  g_assert_true (press_key (chart, GDK_KEY_Right));
  g_assert_cmpint (tend_mood_chart_get_selected (mood_chart), ==, 3);
  tend_mood_chart_set_selected (mood_chart, 6);
  g_assert_cmpint (tend_mood_chart_get_selected (mood_chart), ==, 3);
  g_assert_false (press_key (chart, GDK_KEY_a));

  /* Mirrored right to left */
  gtk_widget_set_direction (chart, GTK_TEXT_DIR_RTL);
  g_assert_true (press_key (chart, GDK_KEY_Right));
  g_assert_cmpint (tend_mood_chart_get_selected (mood_chart), ==, 2);
  g_assert_true (press_key (chart, GDK_KEY_Left));
  g_assert_cmpint (tend_mood_chart_get_selected (mood_chart), ==, 3);
  gtk_widget_set_direction (chart, GTK_TEXT_DIR_NONE);

  /* New numbers for the same week keep the selected day */
  tend_mood_chart_set_selected (mood_chart, 0);
  tend_mood_chart_set_points (mood_chart, TEND_INSIGHTS_PERIOD_WEEK, points, &today);
  g_assert_cmpint (tend_mood_chart_get_selected (mood_chart), ==, 0);

  draw_every_way (chart);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A click picks the point under it: from the left in English, from the right in Arabic. */
static void
test_mood_chart_click (void)
{
  GtkWidget *chart = tend_mood_chart_new ();
  TendMoodChart *mood_chart = TEND_MOOD_CHART (chart);
  GtkWidget *window = show_chart (chart, 360);
  g_autoptr(GArray) points = make_week ();
  GDate today = make_date (22, G_DATE_NOVEMBER, 2026);
  int width, height;

  tend_mood_chart_set_points (mood_chart, TEND_INSIGHTS_PERIOD_WEEK, points, &today);
  tend_test_wait_for_draws (chart, 1);
  width = gtk_widget_get_width (chart);
  height = gtk_widget_get_height (chart);

  click_at (chart, width - 2, height / 2.);
  g_assert_cmpint (tend_mood_chart_get_selected (mood_chart), ==, 6);
  gtk_widget_set_direction (chart, GTK_TEXT_DIR_RTL);
  click_at (chart, 2, height / 2.);
  g_assert_cmpint (tend_mood_chart_get_selected (mood_chart), ==, 6);
  click_at (chart, width - 30, height / 2.);
  g_assert_cmpint (tend_mood_chart_get_selected (mood_chart), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A year's points are weeks, said as a range of days. */
static void
test_mood_chart_year (void)
{
  GtkWidget *chart = tend_mood_chart_new ();
  TendMoodChart *mood_chart = TEND_MOOD_CHART (chart);
  GtkWidget *window = show_chart (chart, 360);
  g_autoptr(GArray) points = g_array_new (FALSE, TRUE, sizeof (TendInsightsPoint));
  GDate today = make_date (20, G_DATE_NOVEMBER, 2026);
  GDate first = make_date (1, G_DATE_JANUARY, 2026);
  GDate last = make_date (4, G_DATE_JANUARY, 2026);

  /* Weeks from Monday: the first is clipped to the year */
  add_point (points, first, last, 3, 3.5, 2, 5);
  for (int i = 0; i < 52; i++)
    {
      first = last;
      g_date_add_days (&first, 1);
      last = first;
      g_date_add_days (&last, 6);
      if (g_date_get_year (&last) > 2026)
        last = make_date (31, G_DATE_DECEMBER, 2026);
      add_point (points, first, last, i % 5 == 0 ? 0 : 7, 2 + (i % 3), 1, 5);
    }
  for (guint i = 0; i < points->len; i++)
    g_array_index (points, TendInsightsPoint, i).n_days = MIN (g_array_index (points, TendInsightsPoint, i).n_entries, 7);

  tend_mood_chart_set_points (mood_chart, TEND_INSIGHTS_PERIOD_YEAR, points, &today);
  /* The week of Monday, November 16 */
  g_assert_cmpint (tend_mood_chart_get_selected (mood_chart), ==, 46);
  g_assert_true (press_key (chart, GDK_KEY_Home));
  assert_description (chart, "January 1 to January 4: average mood 3.5 (Good), 3 check-ins, "
                             "from Bad to Great");
  g_assert_true (press_key (chart, GDK_KEY_Right));
  assert_description (chart, "January 5 to January 11: no check-ins");

  draw_every_way (chart);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* No points, or only gaps: nothing selected, said plainly, drawn without a fuss. */
static void
test_mood_chart_empty (void)
{
  GtkWidget *chart = tend_mood_chart_new ();
  TendMoodChart *mood_chart = TEND_MOOD_CHART (chart);
  GtkWidget *window = show_chart (chart, 360);
  g_autoptr(GArray) none = g_array_new (FALSE, TRUE, sizeof (TendInsightsPoint));
  g_autoptr(GArray) gaps = g_array_new (FALSE, TRUE, sizeof (TendInsightsPoint));
  GDate today = make_date (19, G_DATE_NOVEMBER, 2026);
  GDate day = make_date (1, G_DATE_NOVEMBER, 2026);

  assert_summary (tend_mood_chart_get_summary (mood_chart), "No check-ins in this period.");
  g_assert_false (press_key (chart, GDK_KEY_Left));

  tend_mood_chart_set_points (mood_chart, TEND_INSIGHTS_PERIOD_MONTH, none, &today);
  g_assert_cmpint (tend_mood_chart_get_selected (mood_chart), ==, -1);
  g_assert_false (press_key (chart, GDK_KEY_End));
  draw_every_way (chart);

  for (int i = 0; i < 30; i++)
    {
      add_point (gaps, day, day, 0, 0, 0, 0);
      g_date_add_days (&day, 1);
    }
  tend_mood_chart_set_points (mood_chart, TEND_INSIGHTS_PERIOD_MONTH, gaps, &today);
  g_assert_cmpint (tend_mood_chart_get_selected (mood_chart), ==, 18);
  assert_summary (tend_mood_chart_get_summary (mood_chart), "No check-ins in this period.");
  assert_description (chart, "Thursday, November 19: no check-ins");
  draw_every_way (chart);

  /* A month wholly in the future */
  today = make_date (31, G_DATE_OCTOBER, 2026);
  tend_mood_chart_set_points (mood_chart, TEND_INSIGHTS_PERIOD_MONTH, gaps, &today);
  g_assert_cmpint (tend_mood_chart_get_selected (mood_chart), ==, -1);
  draw_every_way (chart);

  gtk_window_destroy (GTK_WINDOW (window));
}

static GArray *
make_year_days (void)
{
  GArray *days = g_array_new (FALSE, TRUE, sizeof (TendDayMood));
  const TendDayMood data[] = {
    { make_date (31, G_DATE_JANUARY, 2026), 4.6, 2 },
    { make_date (28, G_DATE_FEBRUARY, 2026), 1.2, 1 },
    { make_date (20, G_DATE_NOVEMBER, 2026), 3.5, 3 },
  };

  g_array_append_vals (days, data, G_N_ELEMENTS (data));
  return days;
}

static void
activated_cb (TendYearGrid *grid,
              const GDate  *day,
              GArray       *activated)
{
  g_array_append_val (activated, *day);
}

static void
assert_cursor (TendYearGrid *grid,
               int           day,
               int           month)
{
  GDate cursor;

  g_assert_true (tend_year_grid_get_cursor (grid, &cursor));
  g_assert_cmpint (g_date_get_day (&cursor), ==, day);
  g_assert_cmpint (g_date_get_month (&cursor), ==, month);
  g_assert_cmpint (g_date_get_year (&cursor), ==, 2026);
}

static void
test_year_grid_keys (void)
{
  GtkWidget *widget = tend_year_grid_new ();
  TendYearGrid *grid = TEND_YEAR_GRID (widget);
  GtkWidget *window = show_chart (widget, 360);
  g_autoptr(GArray) days = make_year_days ();
  g_autoptr(GArray) activated = g_array_new (FALSE, TRUE, sizeof (GDate));
  GDate today = make_date (20, G_DATE_NOVEMBER, 2026);
  GDate day;

  g_assert_false (tend_year_grid_get_cursor (grid, &day));
  g_assert_true (gtk_widget_get_focusable (widget));
  g_signal_connect (grid, "day-activated", G_CALLBACK (activated_cb), activated);

  /* The cursor starts on today */
  tend_year_grid_set_days (grid, 2026, days, &today);
  assert_cursor (grid, 20, G_DATE_NOVEMBER);
  assert_description (widget, "Friday, November 20: Good (3.5), 3 check-ins");
  assert_summary (tend_year_grid_get_summary (grid),
                  "In 2026, 3 days with check-ins. Great: 1, Good: 1, Awful: 1.");

  /* Up and down keep the day of the month, or the nearest */
  day = make_date (31, G_DATE_JANUARY, 2026);
  tend_year_grid_set_cursor (grid, &day);
  assert_description (widget, "Saturday, January 31: Great (4.6), 2 check-ins");
  g_assert_true (press_key (widget, GDK_KEY_Down));
  assert_cursor (grid, 28, G_DATE_FEBRUARY);
  assert_description (widget, "Saturday, February 28: Awful (1.2), 1 check-in");
  g_assert_true (press_key (widget, GDK_KEY_Up));
  assert_cursor (grid, 28, G_DATE_JANUARY);
  assert_description (widget, "Wednesday, January 28: no check-ins");
  g_assert_true (press_key (widget, GDK_KEY_Up));
  assert_cursor (grid, 28, G_DATE_JANUARY);

  /* Home and End: the month's ends; Left and Right cross months, not years */
  g_assert_true (press_key (widget, GDK_KEY_Home));
  assert_cursor (grid, 1, G_DATE_JANUARY);
  g_assert_true (press_key (widget, GDK_KEY_Left));
  assert_cursor (grid, 1, G_DATE_JANUARY);
  g_assert_true (press_key (widget, GDK_KEY_End));
  assert_cursor (grid, 31, G_DATE_JANUARY);
  g_assert_true (press_key (widget, GDK_KEY_Right));
  assert_cursor (grid, 1, G_DATE_FEBRUARY);
  g_assert_true (press_key (widget, GDK_KEY_Page_Down));
  assert_cursor (grid, 1, G_DATE_MARCH);
  g_assert_true (press_key (widget, GDK_KEY_Page_Up));
  assert_cursor (grid, 1, G_DATE_FEBRUARY);
  g_assert_true (press_key (widget, GDK_KEY_Left));
  assert_cursor (grid, 31, G_DATE_JANUARY);

  day = make_date (31, G_DATE_DECEMBER, 2026);
  tend_year_grid_set_cursor (grid, &day);
  g_assert_true (press_key (widget, GDK_KEY_Right));
  assert_cursor (grid, 31, G_DATE_DECEMBER);
  g_assert_true (press_key (widget, GDK_KEY_Down));
  assert_cursor (grid, 31, G_DATE_DECEMBER);

  /* A day outside the year goes to the year's nearest end */
  day = make_date (3, G_DATE_MARCH, 2027);
  tend_year_grid_set_cursor (grid, &day);
  assert_cursor (grid, 31, G_DATE_DECEMBER);

  /* Mirrored right to left */
  gtk_widget_set_direction (widget, GTK_TEXT_DIR_RTL);
  g_assert_true (press_key (widget, GDK_KEY_Right));
  assert_cursor (grid, 30, G_DATE_DECEMBER);
  g_assert_true (press_key (widget, GDK_KEY_Left));
  assert_cursor (grid, 31, G_DATE_DECEMBER);
  gtk_widget_set_direction (widget, GTK_TEXT_DIR_NONE);

  /* Enter and Space activate the day, with check-ins or not */
  g_assert_cmpuint (activated->len, ==, 0);
  g_assert_true (press_key (widget, GDK_KEY_Return));
  g_assert_true (press_key (widget, GDK_KEY_Up));
  g_assert_true (press_key (widget, GDK_KEY_Left));
  g_assert_true (press_key (widget, GDK_KEY_space));
  g_assert_cmpuint (activated->len, ==, 2);
  day = make_date (31, G_DATE_DECEMBER, 2026);
  g_assert_cmpint (g_date_compare (&g_array_index (activated, GDate, 0), &day), ==, 0);
  day = make_date (29, G_DATE_NOVEMBER, 2026);
  g_assert_cmpint (g_date_compare (&g_array_index (activated, GDate, 1), &day), ==, 0);
  g_assert_false (press_key (widget, GDK_KEY_a));

  draw_every_way (widget);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A click activates the day under it: days grow with x in English, shrink in Arabic. */
static void
test_year_grid_click (void)
{
  GtkWidget *widget = tend_year_grid_new ();
  TendYearGrid *grid = TEND_YEAR_GRID (widget);
  GtkWidget *window = show_chart (widget, 600);
  g_autoptr(GArray) days = make_year_days ();
  g_autoptr(GArray) activated = g_array_new (FALSE, TRUE, sizeof (GDate));
  GDate today = make_date (20, G_DATE_NOVEMBER, 2026);

  g_signal_connect (grid, "day-activated", G_CALLBACK (activated_cb), activated);
  tend_year_grid_set_days (grid, 2026, days, &today);
  tend_test_wait_for_draws (widget, 1);

  for (int rtl = 0; rtl <= 1; rtl++)
    {
      int width = gtk_widget_get_width (widget);
      double y = gtk_widget_get_height (widget) * 0.5;
      GDate cursor;

      gtk_widget_set_direction (widget, rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
      g_array_set_size (activated, 0);
      for (int x = 0; x < width; x += 5)
        click_at (widget, x, y);

      /* Most of the 31 columns were hit, each a day of one month, in order */
      g_assert_cmpuint (activated->len, >=, 25);
      for (guint i = 1; i < activated->len; i++)
        {
          const GDate *before = &g_array_index (activated, GDate, i - 1);
          const GDate *after = &g_array_index (activated, GDate, i);

          g_assert_cmpint (g_date_get_month (before), ==, g_date_get_month (after));
          if (rtl)
            g_assert_cmpint (g_date_compare (before, after), >=, 0);
          else
            g_assert_cmpint (g_date_compare (before, after), <=, 0);
        }
      g_assert_true (tend_year_grid_get_cursor (grid, &cursor));
      g_assert_cmpint (g_date_compare (&cursor, &g_array_index (activated, GDate, activated->len - 1)), ==, 0);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* February 29 in a leap year; another year than today's; an empty year. */
static void
test_year_grid_years (void)
{
  GtkWidget *widget = tend_year_grid_new ();
  TendYearGrid *grid = TEND_YEAR_GRID (widget);
  GtkWidget *window = show_chart (widget, 360);
  g_autoptr(GArray) days = make_year_days ();
  g_autoptr(GArray) none = g_array_new (FALSE, TRUE, sizeof (TendDayMood));
  GDate today = make_date (20, G_DATE_NOVEMBER, 2029);
  GDate day;

  /* Another year: the cursor on its last day with check-ins */
  tend_year_grid_set_days (grid, 2026, days, &today);
  assert_cursor (grid, 20, G_DATE_NOVEMBER);
  draw_every_way (widget);

  tend_year_grid_set_days (grid, 2028, none, &today);
  g_assert_true (tend_year_grid_get_cursor (grid, &day));
  g_assert_cmpint (g_date_get_year (&day), ==, 2028);
  g_assert_cmpint (g_date_get_day_of_year (&day), ==, 1);
  assert_summary (tend_year_grid_get_summary (grid), "No check-ins in 2028.");
  assert_description (widget, "Saturday, January 1: no check-ins");

  day = make_date (31, G_DATE_JANUARY, 2028);
  tend_year_grid_set_cursor (grid, &day);
  g_assert_true (press_key (widget, GDK_KEY_Down));
  g_assert_true (tend_year_grid_get_cursor (grid, &day));
  g_assert_cmpint (g_date_get_day (&day), ==, 29);
  g_assert_cmpint (g_date_get_month (&day), ==, G_DATE_FEBRUARY);
  g_assert_true (press_key (widget, GDK_KEY_Right));
  g_assert_true (tend_year_grid_get_cursor (grid, &day));
  g_assert_cmpint (g_date_get_month (&day), ==, G_DATE_MARCH);
  draw_every_way (widget);

  gtk_window_destroy (GTK_WINDOW (window));
}

static const char * const weekday_labels[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
static const char * const weekday_names[] = { "Monday", "Tuesday", "Wednesday", "Thursday",
                                              "Friday", "Saturday", "Sunday" };

static void
test_bar_chart (void)
{
  GtkWidget *widget = tend_bar_chart_new ();
  TendBarChart *chart = TEND_BAR_CHART (widget);
  GtkWidget *window = show_chart (widget, 360);
  const TendInsightsMean means[7] = {
    { 12, 4, 3.4 }, { 10, 4, 2.9 }, { 9, 4, 3.3 }, { 11, 4, 3.4 }, { 8, 4, 3.2 },
    { 14, 4, 4.1 }, { 0, 0, 0 },
  };
  const TendInsightsMean one[7] = { { 3, 2, 3.4 }, };
  const TendInsightsMean none[7] = { { 0, }, };

  g_assert_cmpint (tend_bar_chart_get_selected (chart), ==, -1);
  assert_summary (tend_bar_chart_get_summary (chart), "No check-ins to compare yet.");
  g_assert_false (press_key (widget, GDK_KEY_Right));

  tend_bar_chart_set_bars (chart, 7, weekday_labels, weekday_names, means);
  g_assert_cmpint (tend_bar_chart_get_selected (chart), ==, 0);
  assert_description (widget, "Monday: average mood 3.4 (Okay), 12 check-ins");
  assert_summary (tend_bar_chart_get_summary (chart),
                  "Highest average mood: Saturday (4.1). Lowest: Tuesday (2.9).");

  g_assert_true (press_key (widget, GDK_KEY_End));
  g_assert_cmpint (tend_bar_chart_get_selected (chart), ==, 6);
  assert_description (widget, "Sunday: no check-ins");
  g_assert_true (press_key (widget, GDK_KEY_Right));
  g_assert_cmpint (tend_bar_chart_get_selected (chart), ==, 6);
  g_assert_true (press_key (widget, GDK_KEY_Left));
  assert_description (widget, "Saturday: average mood 4.1 (Good), 14 check-ins");
  g_assert_true (press_key (widget, GDK_KEY_Home));
  g_assert_cmpint (tend_bar_chart_get_selected (chart), ==, 0);

  gtk_widget_set_direction (widget, GTK_TEXT_DIR_RTL);
  g_assert_true (press_key (widget, GDK_KEY_Left));
  g_assert_cmpint (tend_bar_chart_get_selected (chart), ==, 1);
  click_at (widget, 2, gtk_widget_get_height (widget) / 2.);
  g_assert_cmpint (tend_bar_chart_get_selected (chart), ==, 6);
  gtk_widget_set_direction (widget, GTK_TEXT_DIR_LTR);
  click_at (widget, 2, gtk_widget_get_height (widget) / 2.);
  g_assert_cmpint (tend_bar_chart_get_selected (chart), ==, 0);
  gtk_widget_set_direction (widget, GTK_TEXT_DIR_NONE);
  tend_bar_chart_set_selected (chart, 3);
  draw_every_way (widget);

  /* The same number of bars keep the selection */
  tend_bar_chart_set_bars (chart, 7, weekday_labels, weekday_names, one);
  g_assert_cmpint (tend_bar_chart_get_selected (chart), ==, 3);
  assert_summary (tend_bar_chart_get_summary (chart),
                  "Only Monday has check-ins: an average mood of 3.4.");
  tend_bar_chart_set_bars (chart, 7, weekday_labels, weekday_names, none);
  assert_summary (tend_bar_chart_get_summary (chart), "No check-ins to compare yet.");
  draw_every_way (widget);

  tend_bar_chart_set_bars (chart, 0, NULL, NULL, NULL);
  g_assert_cmpint (tend_bar_chart_get_selected (chart), ==, -1);
  g_assert_false (press_key (widget, GDK_KEY_Left));
  draw_every_way (widget);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* What the chart draws now, as text */
static char *
render (GtkWidget *widget)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GBytes) bytes = NULL;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  bytes = gsk_render_node_serialize (node);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The selected bar does not stand out until the chart has the focus: the first bar,
 * selected by default, read as the best. */
static void
test_bar_chart_selection_needs_focus (void)
{
  GtkWidget *widget = tend_bar_chart_new ();
  TendBarChart *chart = TEND_BAR_CHART (widget);
  GtkWidget *window = show_chart (widget, 600);
  const TendInsightsMean means[7] = {
    { 12, 4, 3.4 }, { 10, 4, 2.9 }, { 9, 4, 3.3 }, { 11, 4, 3.4 }, { 8, 4, 3.2 },
    { 14, 4, 4.1 }, { 6, 4, 3.0 },
  };
  g_autofree char *first = NULL;
  g_autofree char *fourth = NULL;
  g_autofree char *focused = NULL;

  tend_bar_chart_set_bars (chart, 7, weekday_labels, weekday_names, means);
  tend_test_wait_for_draws (widget, 1);
  g_assert_false (gtk_widget_has_focus (widget));
  first = render (widget);
  tend_bar_chart_set_selected (chart, 3);
  fourth = render (widget);
  g_assert_cmpstr (first, ==, fourth);

  gtk_widget_grab_focus (widget);
  tend_test_wait_for_draws (widget, 1);
  focused = render (widget);
  g_assert_cmpstr (focused, !=, fourth);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) style = NULL;
  int status;

  tend_test_widgets_init (&argc, &argv);

  /* What AdwApplication loads by itself */
  style = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (style, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add_func ("/insights-charts/mood-colors", test_mood_colors);
  g_test_add_func ("/insights-charts/mood-chart/week", test_mood_chart_week);
  g_test_add_func ("/insights-charts/mood-chart/click", test_mood_chart_click);
  g_test_add_func ("/insights-charts/mood-chart/year", test_mood_chart_year);
  g_test_add_func ("/insights-charts/mood-chart/empty", test_mood_chart_empty);
  g_test_add_func ("/insights-charts/year-grid/keys", test_year_grid_keys);
  g_test_add_func ("/insights-charts/year-grid/click", test_year_grid_click);
  g_test_add_func ("/insights-charts/year-grid/years", test_year_grid_years);
  g_test_add_func ("/insights-charts/bar-chart", test_bar_chart);
  g_test_add_func ("/insights-charts/bar-chart/selection-needs-focus",
                   test_bar_chart_selection_needs_focus);

  status = g_test_run ();
  tend_test_widgets_cleanup ();
  return status;
}
