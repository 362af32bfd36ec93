/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-insights-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tend-bar-chart.h"
#include "tend-date.h"
#include "tend-duration.h"
#include "tend-emotion.h"
#include "tend-insights-page.h"
#include "tend-mood-chart.h"
#include "tend-year-grid.h"

/* Insights' Mood view: a week, a month or a year of check-ins as charts, lists and plain
 * comparisons, each chart with a sentence and a table of its numbers.
 *
 * The report is computed off the main thread (tend_insights_compute_async) when the page is
 * first shown, and again when the period or the journal changes while it shows; the report
 * on screen stays until the next one arrives. */

#define N_SHOWN_COUNTS 5

struct _TendInsightsPage
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  AdwToggleGroup      *period_group;
  GtkWidget           *previous_button;
  GtkWidget           *next_button;
  GtkWidget           *current_button;
  GtkLabel            *title_label;
  GtkLabel            *totals_label;
  GtkWidget           *period_empty_box;
  GtkLabel            *period_empty_label;
  GtkLabel            *period_empty_details;
  GtkWidget           *mood_group;
  TendMoodChart       *mood_chart;
  GtkLabel            *mood_summary;
  GtkGrid             *mood_table;
  GtkToggleButton     *mood_table_toggle;
  GtkWidget           *year_group;
  TendYearGrid        *year_chart;
  GtkLabel            *year_summary;
  GtkGrid             *year_table;
  GtkWidget           *weekday_group;
  TendBarChart        *weekday_chart;
  GtkLabel            *weekday_summary;
  GtkGrid             *weekday_table;
  GtkWidget           *time_group;
  TendBarChart        *time_chart;
  GtkLabel            *time_summary;
  GtkGrid             *time_table;
  GtkWidget           *emotions_group;
  GtkListBox          *emotions_list;
  GtkToggleButton     *emotions_all_toggle;
  GtkWidget           *activities_group;
  GtkListBox          *activities_list;
  GtkToggleButton     *activities_all_toggle;
  GtkWidget           *activity_moods_group;
  GtkListBox          *activity_moods_list;
  GtkLabel            *activity_moods_note;
  GtkWidget           *screen_group;
  GtkListBox          *screen_list;
  GtkLabel            *screen_note;
  GtkWidget           *screen_time_button;

  /* Owned */
  TendContext         *context;
  TendUsage           *usage;
  GSettings           *settings;
  GCancellable        *cancellable;
  TendInsightsReport  *report;

  TendInsightsPeriod   period;
  GDate                day;       /* a day of the period shown */
  GDate                today;
  gboolean             stale;     /* the report on screen is older than the journal */
};

G_DEFINE_FINAL_TYPE (TendInsightsPage, tend_insights_page, ADW_TYPE_BIN)

enum {
  SIGNAL_DAY_ACTIVATED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static const char * const period_names[] = { "week", "month", "year" };

static void compute (TendInsightsPage *self);

static GDateTime *
date_to_time (const GDate *day)
{
  return g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                g_date_get_day (day), 12, 0, 0);
}

static char *
format_date (const GDate *day,
             const char  *format)
{
  g_autoptr(GDateTime) time = date_to_time (day);

  return g_date_time_format (time, format);
}

static void
update_today (TendInsightsPage *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) local_now = NULL;

  if (self->context != NULL)
    now = tend_clock_get_now (tend_context_get_clock (self->context));
  else
    now = g_date_time_new_now_local ();
  local_now = g_date_time_to_local (now);

  g_date_clear (&self->today, 1);
  g_date_set_dmy (&self->today, g_date_time_get_day_of_month (local_now),
                  g_date_time_get_month (local_now), g_date_time_get_year (local_now));

  if (!g_date_valid (&self->day) || g_date_compare (&self->day, &self->today) > 0)
    self->day = self->today;
}

static void
get_range (TendInsightsPage *self,
           GDate            *first,
           GDate            *last)
{
  tend_insights_period_get_range (self->period, &self->day, tend_date_get_first_weekday (),
                                  first, last);
}

/* "17–23 November 2026", "November 2026", "2026" */
static char *
format_period_title (TendInsightsPeriod  period,
                     const GDate        *first,
                     const GDate        *last)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  switch (period)
    {
    case TEND_INSIGHTS_PERIOD_YEAR:
      /* Translators: the title of a year in Insights; a g_date_time_format() format. */
      return format_date (first, C_("insights year", "%Y"));

    case TEND_INSIGHTS_PERIOD_MONTH:
      /* Translators: the title of a month in Insights, as “November 2026”; a
       * g_date_time_format() format (%OB is the month's name on its own). */
      return format_date (first, C_("insights month", "%OB %Y"));

    case TEND_INSIGHTS_PERIOD_WEEK:
    default:
      if (g_date_get_year (first) != g_date_get_year (last))
        {
          /* Translators: the first and last day of a week that spans two years, as in
           * “December 29, 2025 – January 4, 2026”; a g_date_time_format() format. */
          from = format_date (first, C_("insights week across years", "%B %-d, %Y"));
          to = format_date (last, C_("insights week across years", "%B %-d, %Y"));
        }
      else if (g_date_get_month (first) != g_date_get_month (last))
        {
          /* Translators: the first day of a week that spans two months, as “November 28”
           * in “November 28 – December 4, 2026”; a g_date_time_format() format. */
          from = format_date (first, C_("insights week across months", "%B %-d"));
          /* Translators: the last day of a week that spans two months, as “December 4,
           * 2026” in “November 28 – December 4, 2026”; a g_date_time_format() format. */
          to = format_date (last, C_("insights week across months", "%B %-d, %Y"));
        }
      else
        {
          /* Translators: the first day of a week, as “November 17” in “November 17–23,
           * 2026” (“17” in “17–23 novembre 2026”); a g_date_time_format() format. */
          from = format_date (first, C_("insights week", "%B %-d"));
          /* Translators: the last day of a week, as “23, 2026” in “November 17–23, 2026”
           * (“23 novembre 2026” in “17–23 novembre 2026”); a g_date_time_format() format. */
          to = format_date (last, C_("insights week", "%-d, %Y"));
          /* Translators: a week's first and last day, as in “November 17–23, 2026”. */
          return g_strdup_printf (C_("insights week", "%s–%s"), from, to);
        }

      /* Translators: a week's first and last day, as in “November 28 – December 4, 2026”. */
      return g_strdup_printf (C_("insights week", "%s – %s"), from, to);
    }
}

static char *
format_mean (double mean)
{
  /* The mood named is the one nearest to the number shown, rounded to a tenth. */
  double shown = (int) (mean * 10 + 0.5) / 10.0;
  TendMood mood = (TendMood) CLAMP ((int) (shown + 0.5), TEND_MOOD_AWFUL, TEND_MOOD_GREAT);

  /* Translators: an average mood: the number on the 1 to 5 scale, then the mood it is
   * nearest to, as in “3.4 (Okay)”. */
  return g_strdup_printf (C_("average mood", "%.1f (%s)"), shown, tend_mood_get_label (mood));
}

static char *
format_n_check_ins (guint n)
{
  return g_strdup_printf (ngettext ("%u check-in", "%u check-ins", n), n);
}

static void
update_period_bar (TendInsightsPage *self)
{
  GDate first, last;
  g_autofree char *title = NULL;
  const char *previous = NULL, *next = NULL, *current = NULL;
  gboolean is_current;

  get_range (self, &first, &last);
  title = format_period_title (self->period, &first, &last);
  gtk_label_set_label (self->title_label, title);

  is_current = g_date_compare (&first, &self->today) <= 0 &&
               g_date_compare (&self->today, &last) <= 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "insights.next",
                                 g_date_compare (&last, &self->today) < 0);
  gtk_widget_set_visible (self->current_button, !is_current);

  switch (self->period)
    {
    case TEND_INSIGHTS_PERIOD_WEEK:
      previous = _("Previous Week");
      next = _("Next Week");
      current = _("_This Week");
      break;

    case TEND_INSIGHTS_PERIOD_MONTH:
      previous = _("Previous Month");
      next = _("Next Month");
      current = _("_This Month");
      break;

    case TEND_INSIGHTS_PERIOD_YEAR:
    default:
      previous = _("Previous Year");
      next = _("Next Year");
      current = _("_This Year");
      break;
    }

  gtk_widget_set_tooltip_text (self->previous_button, previous);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->previous_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, previous, -1);
  gtk_widget_set_tooltip_text (self->next_button, next);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, next, -1);
  gtk_button_set_label (GTK_BUTTON (self->current_button), current);
  gtk_button_set_use_underline (GTK_BUTTON (self->current_button), TRUE);
}

/* Tables */

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
add_cell (GtkGrid    *grid,
          int         column,
          int         row,
          const char *text,
          gboolean    header)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0.0 : 1.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, column == 0);
  gtk_widget_add_css_class (label, header ? "heading" : "numeric");
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

static void
add_headers (GtkGrid    *grid,
             const char *first,
             ...)
{
  va_list args;
  const char *header = first;
  int column = 0;

  va_start (args, first);
  while (header != NULL)
    {
      add_cell (grid, column++, 0, header, TRUE);
      header = va_arg (args, const char *);
    }
  va_end (args);
}

static void
add_mean_row (GtkGrid                *grid,
              int                     row,
              const char             *name,
              const TendInsightsMean *mean)
{
  g_autofree char *mood = mean->n_entries > 0 ? format_mean (mean->mean) : g_strdup ("–");
  g_autofree char *count = g_strdup_printf ("%u", mean->n_entries);

  add_cell (grid, 0, row, name, FALSE);
  add_cell (grid, 1, row, mood, FALSE);
  add_cell (grid, 2, row, count, FALSE);
}

static char *
format_point (TendInsightsPeriod       period,
              const TendInsightsPoint *point)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (period != TEND_INSIGHTS_PERIOD_YEAR)
    /* Translators: a day in the table of mood over time, as “Mon 17”; a
     * g_date_time_format() format. */
    return format_date (&point->first, C_("insights table day", "%a %-d"));

  /* Translators: the first and last day of a week in the table of mood over time, as
   * “17 Nov” in “17 Nov – 23 Nov”; a g_date_time_format() format. */
  /* xgettext:no-c-format (a g_date_time_format() format) */
  from = format_date (&point->first, C_("insights table week", "%-d %b"));
  /* xgettext:no-c-format (a g_date_time_format() format) */
  to = format_date (&point->last, C_("insights table week", "%-d %b"));
  if (g_date_compare (&point->first, &point->last) == 0)
    return g_steal_pointer (&from);

  /* Translators: a week in the table of mood over time, as “17 Nov – 23 Nov”. */
  return g_strdup_printf (C_("insights table week", "%s – %s"), from, to);
}

static void
fill_mood_table (TendInsightsPage *self)
{
  const TendInsightsReport *report = self->report;
  int row = 1;

  clear_grid (self->mood_table);
  add_headers (self->mood_table,
               report->period == TEND_INSIGHTS_PERIOD_YEAR ? C_("insights table", "Week")
                                                           : C_("insights table", "Day"),
               C_("insights table", "Mood"),
               /* Translators: a column: the lowest and the highest mood, as “2–5”. */
               C_("insights table", "Range"),
               C_("insights table", "Check-ins"),
               NULL);

  for (guint i = 0; i < report->points->len; i++)
    {
      const TendInsightsPoint *point = &g_array_index (report->points, TendInsightsPoint, i);
      g_autofree char *name = NULL;
      g_autofree char *mood = NULL;
      g_autofree char *range = NULL;
      g_autofree char *count = NULL;

      /* Days to come are not in the chart either. */
      if (g_date_compare (&point->first, &self->today) > 0)
        break;

      name = format_point (report->period, point);
      if (point->n_entries > 0)
        {
          mood = format_mean (point->mean);
          if (point->lowest == point->highest)
            range = g_strdup_printf ("%u", point->lowest);
          else
            {
              /* Translators: the lowest and highest mood, as in “2–5”. */
              g_autofree char *span = g_strdup_printf (C_("mood range", "%u–%u"),
                                                       point->lowest, point->highest);

              /* Isolated, so it reads from the lowest in right-to-left text too. */
              range = g_strdup_printf ("\u2066%s\u2069", span);
            }
        }
      else
        {
          mood = g_strdup ("–");
          range = g_strdup ("–");
        }
      count = g_strdup_printf ("%u", point->n_entries);

      add_cell (self->mood_table, 0, row, name, FALSE);
      add_cell (self->mood_table, 1, row, mood, FALSE);
      add_cell (self->mood_table, 2, row, range, FALSE);
      add_cell (self->mood_table, 3, row, count, FALSE);
      row++;
    }
}

static void
fill_year_table (TendInsightsPage *self)
{
  const TendInsightsReport *report = self->report;
  guint n_days[12] = { 0, };
  double sums[12] = { 0, };
  int last_month = 12;

  clear_grid (self->year_table);
  add_headers (self->year_table,
               C_("insights table", "Month"),
               C_("insights table", "Mood"),
               /* Translators: a column: the number of days with check-ins. */
               C_("insights table", "Days"),
               NULL);

  for (guint i = 0; i < report->year_days->len; i++)
    {
      const TendDayMood *day = &g_array_index (report->year_days, TendDayMood, i);
      int month = g_date_get_month (&day->day) - 1;

      n_days[month]++;
      sums[month] += day->mean;
    }

  if (report->year == g_date_get_year (&self->today))
    last_month = g_date_get_month (&self->today);

  for (int month = 0; month < last_month; month++)
    {
      GDate first;
      g_autofree char *name = NULL;
      g_autofree char *mood = NULL;
      g_autofree char *count = g_strdup_printf ("%u", n_days[month]);

      g_date_clear (&first, 1);
      g_date_set_dmy (&first, 1, month + 1, report->year);
      /* Translators: a month in the table of the year in pixels; a g_date_time_format()
       * format (%OB is the month's name on its own). */
      name = format_date (&first, C_("insights table month", "%OB"));
      mood = n_days[month] > 0 ? format_mean (sums[month] / n_days[month]) : g_strdup ("–");

      add_cell (self->year_table, 0, month + 1, name, FALSE);
      add_cell (self->year_table, 1, month + 1, mood, FALSE);
      add_cell (self->year_table, 2, month + 1, count, FALSE);
    }
}

/* Bar charts */

static void
update_weekdays (TendInsightsPage *self)
{
  GDateWeekday first_weekday = tend_date_get_first_weekday ();
  char *labels[8] = { NULL, };
  char *long_labels[8] = { NULL, };
  TendInsightsMean means[7];
  g_autofree char *summary = NULL;

  clear_grid (self->weekday_table);
  add_headers (self->weekday_table,
               C_("insights table", "Weekday"),
               C_("insights table", "Mood"),
               C_("insights table", "Check-ins"),
               NULL);

  for (guint i = 0; i < 7; i++)
    {
      GDateWeekday weekday = (first_weekday - 1 + i) % 7 + 1;
      GDate day;

      /* 1 January 2024 was a Monday. */
      g_date_clear (&day, 1);
      g_date_set_dmy (&day, weekday, G_DATE_JANUARY, 2024);
      /* Translators: a weekday under its bar; a g_date_time_format() format. */
      labels[i] = format_date (&day, C_("insights weekday", "%a"));
      long_labels[i] = format_date (&day, "%A");
      means[i] = self->report->weekdays[weekday - 1];
      add_mean_row (self->weekday_table, i + 1, long_labels[i], &means[i]);
    }

  tend_bar_chart_set_bars (self->weekday_chart, 7, (const char * const *) labels,
                           (const char * const *) long_labels, means);
  summary = tend_bar_chart_get_summary (self->weekday_chart);
  gtk_label_set_label (self->weekday_summary, summary);

  for (guint i = 0; i < 7; i++)
    {
      g_free (labels[i]);
      g_free (long_labels[i]);
    }
}

static void
update_times_of_day (TendInsightsPage *self)
{
  const char *labels[TEND_N_TIMES_OF_DAY + 1] = {
    C_("time of day", "Morning"),
    C_("time of day", "Afternoon"),
    C_("time of day", "Evening"),
    C_("time of day", "Night"),
    NULL,
  };
  /* Translators: the times of day with their hours, in the table and read aloud */
  const char *long_labels[TEND_N_TIMES_OF_DAY + 1] = {
    C_("time of day", "Morning, 5:00 to 11:59"),
    C_("time of day", "Afternoon, 12:00 to 16:59"),
    C_("time of day", "Evening, 17:00 to 21:59"),
    C_("time of day", "Night, 22:00 to 4:59"),
    NULL,
  };
  g_autofree char *summary = NULL;

  clear_grid (self->time_table);
  add_headers (self->time_table,
               C_("insights table", "Time of Day"),
               C_("insights table", "Mood"),
               C_("insights table", "Check-ins"),
               NULL);
  for (guint i = 0; i < TEND_N_TIMES_OF_DAY; i++)
    add_mean_row (self->time_table, i + 1, long_labels[i], &self->report->times_of_day[i]);

  tend_bar_chart_set_bars (self->time_chart, TEND_N_TIMES_OF_DAY, labels, long_labels,
                           self->report->times_of_day);
  summary = tend_bar_chart_get_summary (self->time_chart);
  gtk_label_set_label (self->time_summary, summary);
}

/* Emotions and activities */

static void
clear_list (GtkListBox *list)
{
  gtk_list_box_remove_all (list);
}

static GtkWidget *
count_row_new (const char *name,
               guint       n_entries,
               guint       most)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name_label = gtk_label_new (name);
  g_autofree char *count = format_n_check_ins (n_entries);
  GtkWidget *count_label = gtk_label_new (count);
  GtkWidget *bar;
  g_autofree char *description = NULL;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (box, "insights-count-row");

  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name_label, TRUE);
  gtk_box_append (GTK_BOX (line), name_label);

  gtk_widget_add_css_class (count_label, "dimmed");
  gtk_widget_add_css_class (count_label, "numeric");
  gtk_box_append (GTK_BOX (line), count_label);
  gtk_box_append (GTK_BOX (box), line);

  bar = g_object_new (GTK_TYPE_PROGRESS_BAR,
                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                      "fraction", most > 0 ? (double) n_entries / most : 0.0,
                      NULL);
  gtk_box_append (GTK_BOX (box), bar);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* Translators: a row of the emotions or activities most chosen, read aloud, as in
   * “Calm: 12 check-ins”. */
  description = g_strdup_printf (C_("insights count", "%s: %s"), name, count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  return row;
}

static void
fill_counts (GtkListBox      *list,
             GtkToggleButton *all_toggle,
             GPtrArray       *counts,
             gboolean         emotions)
{
  guint most = 0;
  guint n_shown;

  clear_list (list);
  gtk_widget_set_visible (GTK_WIDGET (all_toggle), counts->len > N_SHOWN_COUNTS);
  n_shown = gtk_toggle_button_get_active (all_toggle) ? counts->len
                                                       : MIN (counts->len, N_SHOWN_COUNTS);

  for (guint i = 0; i < counts->len; i++)
    most = MAX (most, ((TendInsightsCount *) g_ptr_array_index (counts, i))->n_entries);

  for (guint i = 0; i < n_shown; i++)
    {
      const TendInsightsCount *count = g_ptr_array_index (counts, i);
      const char *name = count->name;

      if (emotions && tend_emotion_is_valid (count->name))
        name = tend_emotion_get_label (count->name);

      gtk_list_box_append (list, count_row_new (name, count->n_entries, most));
    }
}

static void
update_counts (TendInsightsPage *self)
{
  fill_counts (self->emotions_list, self->emotions_all_toggle,
               self->report->emotions, TRUE);
  fill_counts (self->activities_list, self->activities_all_toggle,
               self->report->activities, FALSE);
}

static void
show_all_toggled_cb (TendInsightsPage *self)
{
  if (self->report != NULL)
    update_counts (self);
}

/* Comparisons */

static GtkWidget *
comparison_row_new (const char *title,
                    const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Activity names are the person's own words, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static const char *
association_text (void)
{
  return _("Days together, not cause and effect: other things may explain both.");
}

static void
update_activity_moods (TendInsightsPage *self)
{
  const TendInsightsReport *report = self->report;
  g_autoptr(GString) note = g_string_new (NULL);

  clear_list (self->activity_moods_list);
  gtk_widget_set_visible (GTK_WIDGET (self->activity_moods_list),
                          report->activity_moods->len > 0);

  for (guint i = 0; i < report->activity_moods->len; i++)
    {
      const TendInsightsComparison *comparison = g_ptr_array_index (report->activity_moods, i);
      g_autofree char *with = NULL;
      g_autofree char *without = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *mood_with = format_mean (comparison->mean_with);
      g_autofree char *mood_without = format_mean (comparison->mean_without);

      /* Translators: the average mood on the days with an activity, as in “With it: 3.9
       * (Good) on 24 days”. */
      with = g_strdup_printf (ngettext ("With it: %s on %u day", "With it: %s on %u days",
                                        comparison->n_days_with),
                              mood_with, comparison->n_days_with);
      /* Translators: the average mood on the days without an activity, as in “Without it:
       * 3.2 (Okay) on 40 days”. */
      without = g_strdup_printf (ngettext ("Without it: %s on %u day",
                                           "Without it: %s on %u days",
                                           comparison->n_days_without),
                                 mood_without, comparison->n_days_without);
      subtitle = g_strdup_printf ("%s\n%s", with, without);
      gtk_list_box_append (self->activity_moods_list,
                           comparison_row_new (comparison->name, subtitle));
    }

  if (report->activity_moods->len > 0)
    g_string_append (note, association_text ());
  else if (report->activities->len == 0)
    g_string_append (note, _("Add activities to your check-ins, and each is compared here "
                             "once it has 5 days with it and 5 days without."));
  else
    g_string_append (note, _("An activity is compared once it has 5 days with it and 5 days "
                             "without."));

  if (report->n_activities_short > 0)
    {
      g_string_append (note, " ");
      g_string_append_printf (note,
                              ngettext ("%u activity is waiting for more days.",
                                        "%u activities are waiting for more days.",
                                        report->n_activities_short),
                              report->n_activities_short);
    }

  gtk_label_set_label (self->activity_moods_note, note->str);
}

static void
update_screen_time (TendInsightsPage *self)
{
  const TendInsightsReport *report = self->report;
  gboolean tracking = g_settings_get_boolean (self->settings, "usage-tracking");
  g_autofree char *note = NULL;

  clear_list (self->screen_list);
  gtk_widget_set_visible (GTK_WIDGET (self->screen_list), report->has_screen_time);
  gtk_widget_set_visible (self->screen_time_button, FALSE);

  if (report->has_screen_time)
    {
      g_autofree char *median = tend_usage_format_duration (report->median_active_s);
      g_autofree char *more = NULL;
      g_autofree char *less = NULL;
      g_autofree char *more_mood = NULL;
      g_autofree char *less_mood = NULL;
      g_autofree char *mean_more = format_mean (report->screen_time.mean_with);
      g_autofree char *mean_less = format_mean (report->screen_time.mean_without);

      /* Translators: days with more active screen time than the median, as in “More than
       * 3 h 20 min”. */
      more = g_strdup_printf (_("More than %s"), median);
      /* Translators: days with as much active screen time as the median or less, as in
       * “3 h 20 min or less”. */
      less = g_strdup_printf (_("%s or less"), median);
      /* Translators: the average mood on some days, as in “Mood 3.4 (Okay) on 20 days”. */
      more_mood = g_strdup_printf (ngettext ("Mood %s on %u day", "Mood %s on %u days",
                                             report->screen_time.n_days_with),
                                   mean_more, report->screen_time.n_days_with);
      less_mood = g_strdup_printf (ngettext ("Mood %s on %u day", "Mood %s on %u days",
                                             report->screen_time.n_days_without),
                                   mean_less, report->screen_time.n_days_without);
      gtk_list_box_append (self->screen_list, comparison_row_new (more, more_mood));
      gtk_list_box_append (self->screen_list, comparison_row_new (less, less_mood));

      /* Translators: %s is a duration, as “3 h 20 min”. */
      note = g_strdup_printf (_("Days are split at the middle value of your active screen "
                                "time, %s. %s"), median, association_text ());
    }
  else if (report->n_screen_days == 0 && !tracking)
    {
      note = g_strdup (_("This compares your mood on days with more and less screen time. "
                         "It needs screen time, which is off."));
      gtk_widget_set_visible (self->screen_time_button, TRUE);
    }
  else
    {
      note = g_strdup_printf (ngettext ("This appears once 14 days have both a check-in and "
                                        "screen time. So far there is %u.",
                                        "This appears once 14 days have both a check-in and "
                                        "screen time. So far there are %u.",
                                        report->n_screen_days),
                              report->n_screen_days);
    }

  gtk_label_set_label (self->screen_note, note);
}

/* The whole report */

static void
update_totals (TendInsightsPage *self)
{
  const TendInsightsReport *report = self->report;
  g_autofree char *check_ins = NULL;
  g_autofree char *days = NULL;
  g_autofree char *mean = NULL;
  g_autofree char *totals = NULL;

  if (report->n_entries == 0)
    {
      gtk_label_set_label (self->totals_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->totals_label), FALSE);
      return;
    }

  check_ins = format_n_check_ins (report->n_entries);
  days = g_strdup_printf (ngettext ("%u day", "%u days", report->n_days), report->n_days);
  mean = format_mean (report->mean);
  /* Translators: the totals of a period, as in “12 check-ins on 7 days, average mood 3.4
   * (Okay)”. */
  totals = g_strdup_printf (_("%s on %s, average mood %s"), check_ins, days, mean);
  gtk_label_set_label (self->totals_label, totals);
  gtk_widget_set_visible (GTK_WIDGET (self->totals_label), TRUE);
}

static void
update_period_empty (TendInsightsPage *self)
{
  GDate first, last;
  gboolean is_current;
  const char *title;

  get_range (self, &first, &last);
  is_current = g_date_compare (&first, &self->today) <= 0 &&
               g_date_compare (&self->today, &last) <= 0;

  switch (self->report->period)
    {
    case TEND_INSIGHTS_PERIOD_WEEK:
      title = is_current ? _("No Check-Ins This Week") : _("No Check-Ins That Week");
      break;

    case TEND_INSIGHTS_PERIOD_MONTH:
      title = is_current ? _("No Check-Ins This Month") : _("No Check-Ins That Month");
      break;

    case TEND_INSIGHTS_PERIOD_YEAR:
    default:
      title = is_current ? _("No Check-Ins This Year") : _("No Check-Ins That Year");
      break;
    }

  gtk_label_set_label (self->period_empty_label, title);
  gtk_label_set_label (self->period_empty_details,
                       is_current ? _("What you write in this period will show here.")
                                  : _("The arrows above move to other periods."));
}

static gboolean
journal_is_empty (TendInsightsPage *self)
{
  TendJournal *journal = tend_context_get_journal (self->context);

  return g_list_model_get_n_items (G_LIST_MODEL (tend_journal_get_entries (journal))) == 0;
}

static void
show_report (TendInsightsPage *self)
{
  const TendInsightsReport *report = self->report;
  gboolean has_entries = report->n_entries > 0;
  g_autofree char *summary = NULL;

  if (journal_is_empty (self))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "report");
  update_totals (self);

  gtk_widget_set_visible (self->period_empty_box, !has_entries);
  if (!has_entries)
    update_period_empty (self);

  gtk_widget_set_visible (self->mood_group, has_entries);
  gtk_widget_set_visible (self->weekday_group, has_entries);
  gtk_widget_set_visible (self->time_group, has_entries);
  gtk_widget_set_visible (self->emotions_group, has_entries && report->emotions->len > 0);
  gtk_widget_set_visible (self->activities_group, has_entries && report->activities->len > 0);
  gtk_widget_set_visible (self->activity_moods_group, has_entries);
  gtk_widget_set_visible (self->screen_group, has_entries);
  gtk_widget_set_visible (self->year_group, report->year_days->len > 0);

  tend_mood_chart_set_points (self->mood_chart, report->period, report->points, &self->today);
  summary = tend_mood_chart_get_summary (self->mood_chart);
  gtk_label_set_label (self->mood_summary, summary);
  g_clear_pointer (&summary, g_free);
  fill_mood_table (self);

  tend_year_grid_set_days (self->year_chart, report->year, report->year_days, &self->today);
  summary = tend_year_grid_get_summary (self->year_chart);
  gtk_label_set_label (self->year_summary, summary);
  fill_year_table (self);

  update_weekdays (self);
  update_times_of_day (self);
  update_counts (self);
  update_activity_moods (self);
  update_screen_time (self);
}

static void
computed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TendInsightsPage) self = user_data;
  g_autoptr(TendInsightsReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = tend_insights_compute_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);

  if (report == NULL)
    {
      /* What was shown stays; the reason is said where the period's numbers go. */
      gtk_stack_set_visible_child_name (self->stack, "report");
      gtk_label_set_label (self->totals_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->totals_label), TRUE);
      return;
    }

  g_clear_pointer (&self->report, tend_insights_report_free);
  self->report = g_steal_pointer (&report);
  show_report (self);
}

static void
compute (TendInsightsPage *self)
{
  if (self->context == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->stale = FALSE;

  tend_insights_compute_async (tend_context_get_journal (self->context), self->usage,
                               self->period, &self->day, tend_date_get_first_weekday (),
                               self->cancellable, computed_cb, g_object_ref (self));
}

/* Computes now while the page shows, or when it is next shown. */
static void
refresh (TendInsightsPage *self)
{
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    compute (self);
}

static void
period_shown_changed (TendInsightsPage *self)
{
  update_period_bar (self);
  refresh (self);
}

static void
period_changed_cb (TendInsightsPage *self)
{
  const char *name;

  /* The template sets the group up before it is bound. */
  if (self->period_group == NULL)
    return;

  name = adw_toggle_group_get_active_name (self->period_group);
  for (guint i = 0; i < G_N_ELEMENTS (period_names); i++)
    if (g_strcmp0 (name, period_names[i]) == 0 && self->period != (TendInsightsPeriod) i)
      {
        self->period = i;
        period_shown_changed (self);
      }
}

static void
year_day_activated_cb (TendInsightsPage *self,
                       const GDate      *day)
{
  g_signal_emit (self, signals[SIGNAL_DAY_ACTIVATED], 0, day);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  tend_insights_page_step (TEND_INSIGHTS_PAGE (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  tend_insights_page_step (TEND_INSIGHTS_PAGE (widget), 1);
}

static void
current_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TendInsightsPage *self = TEND_INSIGHTS_PAGE (widget);

  self->day = self->today;
  period_shown_changed (self);
}

static void
tend_insights_page_map (GtkWidget *widget)
{
  TendInsightsPage *self = TEND_INSIGHTS_PAGE (widget);

  GTK_WIDGET_CLASS (tend_insights_page_parent_class)->map (widget);

  if (self->context == NULL)
    return;

  /* The day may have changed since the page was last shown. */
  update_today (self);
  update_period_bar (self);
  if (self->stale || (self->report == NULL && self->cancellable == NULL))
    compute (self);
}

static void
tend_insights_page_dispose (GObject *object)
{
  TendInsightsPage *self = TEND_INSIGHTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  /* The bin's child is a template child: it goes once. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TEND_TYPE_INSIGHTS_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->report, tend_insights_report_free);
  g_clear_object (&self->usage);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (tend_insights_page_parent_class)->dispose (object);
}

static void
tend_insights_page_class_init (TendInsightsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tend_insights_page_dispose;
  widget_class->map = tend_insights_page_map;

  /**
   * TendInsightsPage::day-activated:
   * @day: (type GDate): the day activated in the year in pixels
   *
   * A day was chosen in the year in pixels, to be shown with its check-ins.
   */
  signals[SIGNAL_DAY_ACTIVATED] =
    g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  g_type_ensure (TEND_TYPE_MOOD_CHART);
  g_type_ensure (TEND_TYPE_YEAR_GRID);
  g_type_ensure (TEND_TYPE_BAR_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/tend-insights-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, period_group);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, previous_button);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, current_button);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, totals_label);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, period_empty_box);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, period_empty_label);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, period_empty_details);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, mood_group);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, mood_chart);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, mood_summary);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, mood_table);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, mood_table_toggle);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, year_group);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, year_chart);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, year_summary);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, year_table);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, weekday_group);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, weekday_chart);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, weekday_summary);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, weekday_table);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, time_group);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, time_chart);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, time_summary);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, time_table);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, emotions_group);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, emotions_list);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, emotions_all_toggle);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, activities_group);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, activities_list);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, activities_all_toggle);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, activity_moods_group);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, activity_moods_list);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, activity_moods_note);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, screen_group);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, screen_list);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, screen_note);
  gtk_widget_class_bind_template_child (widget_class, TendInsightsPage, screen_time_button);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_all_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, year_day_activated_cb);

  gtk_widget_class_install_action (widget_class, "insights.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "insights.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "insights.current", NULL, current_action);
}

static void
tend_insights_page_init (TendInsightsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->period = TEND_INSIGHTS_PERIOD_MONTH;
  g_date_clear (&self->day, 1);
  g_date_clear (&self->today, 1);
  self->settings = g_settings_new (BASE_APP_ID);
  update_today (self);
  update_period_bar (self);
}

/**
 * tend_insights_page_set_context:
 * @context: Tend's data, with its journal open
 *
 * Shows the current period. Nothing is computed before the page is first shown.
 */
void
tend_insights_page_set_context (TendInsightsPage *self,
                                TendContext      *context)
{
  g_return_if_fail (TEND_IS_INSIGHTS_PAGE (self));
  g_return_if_fail (TEND_IS_CONTEXT (context));
  g_return_if_fail (tend_context_get_journal (context) != NULL);

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (tend_context_get_journal (self->context), self);
  if (!g_set_object (&self->context, context))
    return;

  g_clear_object (&self->usage);
  self->usage = tend_usage_new (tend_context_get_database (context),
                                tend_context_get_clock (context));
  g_signal_connect_object (tend_context_get_journal (context), "changed",
                           G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::usage-tracking",
                           G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);

  g_date_clear (&self->day, 1);
  update_today (self);
  update_period_bar (self);
  refresh (self);
}

/**
 * tend_insights_page_get_period:
 *
 * Returns: the kind of period shown
 */
TendInsightsPeriod
tend_insights_page_get_period (TendInsightsPage *self)
{
  g_return_val_if_fail (TEND_IS_INSIGHTS_PAGE (self), TEND_INSIGHTS_PERIOD_MONTH);

  return self->period;
}

/**
 * tend_insights_page_set_period:
 * @period: a week, a month or a year
 *
 * Shows the @period that holds the day shown, as the Week, Month and Year buttons do.
 */
void
tend_insights_page_set_period (TendInsightsPage   *self,
                               TendInsightsPeriod  period)
{
  g_return_if_fail (TEND_IS_INSIGHTS_PAGE (self));
  g_return_if_fail (period <= TEND_INSIGHTS_PERIOD_YEAR);

  adw_toggle_group_set_active_name (self->period_group, period_names[period]);
}

/**
 * tend_insights_page_step:
 * @steps: how many periods to move, back when negative
 *
 * Shows an earlier or a later period, never one after the current one.
 */
void
tend_insights_page_step (TendInsightsPage *self,
                         int               steps)
{
  GDate day;
  GDate first, last;

  g_return_if_fail (TEND_IS_INSIGHTS_PAGE (self));

  day = self->day;
  tend_insights_period_step (self->period, &day, steps);
  tend_insights_period_get_range (self->period, &day, tend_date_get_first_weekday (),
                                  &first, &last);
  if (g_date_compare (&first, &self->today) > 0)
    return;

  self->day = g_date_compare (&day, &self->today) > 0 ? self->today : day;
  period_shown_changed (self);
}

/**
 * tend_insights_page_get_report:
 *
 * Returns: (nullable): the report shown, %NULL before the first is computed
 */
const TendInsightsReport *
tend_insights_page_get_report (TendInsightsPage *self)
{
  g_return_val_if_fail (TEND_IS_INSIGHTS_PAGE (self), NULL);

  return self->report;
}

/**
 * tend_insights_page_is_computing:
 *
 * Returns: whether a newer report is being computed
 */
gboolean
tend_insights_page_is_computing (TendInsightsPage *self)
{
  g_return_val_if_fail (TEND_IS_INSIGHTS_PAGE (self), FALSE);

  return self->cancellable != NULL;
}
