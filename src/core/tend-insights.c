/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tend-insights.h"
#include "tend-task.h"

/* The numbers behind the Insights page. SQLite groups the check-ins of the period by
 * local hour, the emotions by name and the activities by day; the rest is arithmetic on
 * those few thousand rows at most. The database lock is held for one statement at a
 * time, so a report computed in a thread never holds up a save for long. */

#define UNIX_EPOCH_JULIAN 719163

/* The local day of a check-in and the SQL expression for it: see
 * tend_journal_get_day_moods(). */
#define LOCAL_DAY "(e.occurred_at + e.utc_offset) / 86400"

/* The rows of the period: the margin of a day on occurred_at lets SQLite use the index
 * on it, whatever the offsets; the exact bounds are on the local time. */
#define IN_PERIOD "e.occurred_at BETWEEN ?1 - 86400 AND ?2 + 86400 " \
                  "AND e.occurred_at + e.utc_offset >= ?1 " \
                  "AND e.occurred_at + e.utc_offset < ?2 "

typedef struct
{
  guint  n_entries;
  guint  sum;
  guint8 lowest;
  guint8 highest;
  guint8 times;  /* a bit for each time of day with check-ins */
} DayStats;

static gint64
day_start_seconds (const GDate *day)
{
  return ((gint64) g_date_get_julian (day) - UNIX_EPOCH_JULIAN) * 86400;
}

static TendTimeOfDay
time_of_day_for_hour (int hour)
{
  if (hour >= 5 && hour < 12)
    return TEND_TIME_OF_DAY_MORNING;
  if (hour >= 12 && hour < 17)
    return TEND_TIME_OF_DAY_AFTERNOON;
  if (hour >= 17 && hour < 22)
    return TEND_TIME_OF_DAY_EVENING;
  return TEND_TIME_OF_DAY_NIGHT;
}

/**
 * tend_insights_period_get_range:
 * @period: a week, month or year
 * @day: any day in it
 * @first_weekday: the day weeks start on (see tend_date_get_first_weekday())
 * @first: (out): the period's first day
 * @last: (out): the period's last day
 *
 * Finds the week, month or year that holds @day.
 */
void
tend_insights_period_get_range (TendInsightsPeriod  period,
                                const GDate        *day,
                                GDateWeekday        first_weekday,
                                GDate              *first,
                                GDate              *last)
{
  g_return_if_fail (g_date_valid (day));
  g_return_if_fail (first != NULL && last != NULL);

  if (!g_date_valid_weekday (first_weekday))
    first_weekday = G_DATE_MONDAY;

  g_date_clear (first, 1);
  g_date_clear (last, 1);

  switch (period)
    {
    case TEND_INSIGHTS_PERIOD_WEEK:
      {
        guint back = (g_date_get_weekday (day) - first_weekday + 7) % 7;

        *first = *day;
        g_date_subtract_days (first, back);
        *last = *first;
        g_date_add_days (last, 6);
      }
      break;

    case TEND_INSIGHTS_PERIOD_MONTH:
      g_date_set_dmy (first, 1, g_date_get_month (day), g_date_get_year (day));
      g_date_set_dmy (last,
                      g_date_get_days_in_month (g_date_get_month (day), g_date_get_year (day)),
                      g_date_get_month (day), g_date_get_year (day));
      break;

    case TEND_INSIGHTS_PERIOD_YEAR:
    default:
      g_date_set_dmy (first, 1, G_DATE_JANUARY, g_date_get_year (day));
      g_date_set_dmy (last, 31, G_DATE_DECEMBER, g_date_get_year (day));
      break;
    }
}

/**
 * tend_insights_period_step:
 * @period: a week, month or year
 * @day: (inout): a day, moved by @steps periods
 * @steps: how many periods forward (negative: back)
 *
 * Moves @day by whole weeks, months or years. A day that does not exist in the month it
 * lands in becomes that month's last day (31 March back one month is 28 or 29 February).
 */
void
tend_insights_period_step (TendInsightsPeriod  period,
                           GDate              *day,
                           int                 steps)
{
  guint n;

  g_return_if_fail (g_date_valid (day));

  if (steps == 0)
    return;

  n = (guint) ABS (steps);

  switch (period)
    {
    case TEND_INSIGHTS_PERIOD_WEEK:
      if (steps > 0)
        g_date_add_days (day, n * 7);
      else
        g_date_subtract_days (day, n * 7);
      break;

    case TEND_INSIGHTS_PERIOD_MONTH:
      if (steps > 0)
        g_date_add_months (day, n);
      else
        g_date_subtract_months (day, n);
      break;

    case TEND_INSIGHTS_PERIOD_YEAR:
    default:
      if (steps > 0)
        g_date_add_years (day, n);
      else
        g_date_subtract_years (day, n);
      break;
    }
}

/* Report ------------------------------------------------------------------------------- */

static void
count_free (TendInsightsCount *count)
{
  g_free (count->name);
  g_free (count);
}

static void
comparison_free (TendInsightsComparison *comparison)
{
  g_free (comparison->name);
  g_free (comparison);
}

/**
 * tend_insights_report_free:
 *
 * Frees @report and everything in it.
 */
void
tend_insights_report_free (TendInsightsReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->points, g_array_unref);
  g_clear_pointer (&report->emotions, g_ptr_array_unref);
  g_clear_pointer (&report->activities, g_ptr_array_unref);
  g_clear_pointer (&report->activity_moods, g_ptr_array_unref);
  g_clear_pointer (&report->year_days, g_array_unref);
  g_free (report->screen_time.name);
  g_free (report);
}

static TendInsightsReport *
report_new (void)
{
  TendInsightsReport *report = g_new0 (TendInsightsReport, 1);

  report->points = g_array_new (FALSE, TRUE, sizeof (TendInsightsPoint));
  report->emotions = g_ptr_array_new_with_free_func ((GDestroyNotify) count_free);
  report->activities = g_ptr_array_new_with_free_func ((GDestroyNotify) count_free);
  report->activity_moods = g_ptr_array_new_with_free_func ((GDestroyNotify) comparison_free);

  return report;
}

/* Queries ------------------------------------------------------------------------------ */

static sqlite3_stmt *
prepare_period (TendDatabase  *database,
                const char    *sql,
                gint64         from,
                gint64         until,
                GError       **error)
{
  sqlite3_stmt *stmt;

  tend_database_lock (database);
  stmt = tend_database_prepare (database, sql, error);
  if (stmt == NULL)
    {
      tend_database_unlock (database);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, until);

  return stmt;
}

static gboolean
finish_period (TendDatabase  *database,
               sqlite3_stmt  *stmt,
               int            rc,
               GError       **error)
{
  sqlite3_reset (stmt);
  tend_database_unlock (database);

  if (rc != SQLITE_DONE)
    return tend_database_set_error_from_sqlite (database, rc, error);

  return TRUE;
}

/* Fills @days (one DayStats for each day of the period), the weekdays and the times of
 * day from one GROUP BY over the check-ins of the period. */
static gboolean
read_days (TendDatabase        *database,
           TendInsightsReport  *report,
           gint64               from,
           gint64               until,
           DayStats            *days,
           GError             **error)
{
  guint32 first_julian = g_date_get_julian (&report->first);
  guint n_days = g_date_days_between (&report->first, &report->last) + 1;
  guint weekday_sums[7] = { 0 };
  guint time_sums[TEND_N_TIMES_OF_DAY] = { 0 };
  sqlite3_stmt *stmt;
  int rc;

  /* One group for each local hour with check-ins: one key sorts faster than two. */
  stmt = prepare_period (database,
                         "SELECT (e.occurred_at + e.utc_offset) / 3600 AS hour, "
                         "  count (*), sum (e.mood), min (e.mood), max (e.mood) "
                         "FROM entries e WHERE " IN_PERIOD
                         "GROUP BY hour",
                         from, until, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 hour = sqlite3_column_int64 (stmt, 0);
      gint64 julian = hour / 24 + UNIX_EPOCH_JULIAN;
      TendTimeOfDay time = time_of_day_for_hour ((int) (hour % 24));
      guint n = (guint) sqlite3_column_int (stmt, 1);
      guint sum = (guint) sqlite3_column_int (stmt, 2);
      DayStats *day;

      if (julian < first_julian || julian - first_julian >= n_days)
        continue;

      day = &days[julian - first_julian];
      if (day->n_entries == 0)
        {
          day->lowest = (guint8) sqlite3_column_int (stmt, 3);
          day->highest = (guint8) sqlite3_column_int (stmt, 4);
        }
      else
        {
          day->lowest = MIN (day->lowest, (guint8) sqlite3_column_int (stmt, 3));
          day->highest = MAX (day->highest, (guint8) sqlite3_column_int (stmt, 4));
        }
      day->n_entries += n;
      day->sum += sum;

      /* Each hour of a day is a row; a time of day counts each day once. */
      day->times |= 1 << time;
      report->times_of_day[time].n_entries += n;
      time_sums[time] += sum;
    }

  if (!finish_period (database, stmt, rc, error))
    return FALSE;

  for (guint i = 0; i < n_days; i++)
    {
      GDate date;
      guint weekday;

      if (days[i].n_entries == 0)
        continue;

      for (guint time = 0; time < TEND_N_TIMES_OF_DAY; time++)
        if (days[i].times & (1 << time))
          report->times_of_day[time].n_days++;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, first_julian + i);
      weekday = g_date_get_weekday (&date) - 1;

      report->weekdays[weekday].n_entries += days[i].n_entries;
      report->weekdays[weekday].n_days++;
      weekday_sums[weekday] += days[i].sum;
    }

  for (guint i = 0; i < 7; i++)
    if (report->weekdays[i].n_entries > 0)
      report->weekdays[i].mean = (double) weekday_sums[i] / report->weekdays[i].n_entries;

  for (guint i = 0; i < TEND_N_TIMES_OF_DAY; i++)
    if (report->times_of_day[i].n_entries > 0)
      report->times_of_day[i].mean = (double) time_sums[i] / report->times_of_day[i].n_entries;

  return TRUE;
}

static void
add_point (TendInsightsReport *report,
           const DayStats     *days,
           guint               from_index,
           guint               to_index)
{
  TendInsightsPoint point = { 0 };
  guint32 first_julian = g_date_get_julian (&report->first);
  double sum_of_means = 0;

  g_date_clear (&point.first, 1);
  g_date_clear (&point.last, 1);
  g_date_set_julian (&point.first, first_julian + from_index);
  g_date_set_julian (&point.last, first_julian + to_index);

  for (guint i = from_index; i <= to_index; i++)
    {
      const DayStats *day = &days[i];

      if (day->n_entries == 0)
        continue;

      if (point.n_entries == 0)
        {
          point.lowest = day->lowest;
          point.highest = day->highest;
        }
      else
        {
          point.lowest = MIN (point.lowest, day->lowest);
          point.highest = MAX (point.highest, day->highest);
        }

      point.n_entries += day->n_entries;
      point.n_days++;
      sum_of_means += (double) day->sum / day->n_entries;
    }

  if (point.n_days > 0)
    point.mean = sum_of_means / point.n_days;

  g_array_append_val (report->points, point);
}

static void
make_points (TendInsightsReport *report,
             const DayStats     *days,
             GDateWeekday        first_weekday)
{
  guint n_days = g_date_days_between (&report->first, &report->last) + 1;

  if (report->period != TEND_INSIGHTS_PERIOD_YEAR)
    {
      for (guint i = 0; i < n_days; i++)
        add_point (report, days, i, i);
      return;
    }

  /* Weeks of the year: the first runs from 1 January to the day before the next week
   * start, the last from the last week start to 31 December. */
  for (guint start = 0; start < n_days;)
    {
      GDate date;
      guint end;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, g_date_get_julian (&report->first) + start);
      end = start + 6 - (g_date_get_weekday (&date) - first_weekday + 7) % 7;
      end = MIN (end, n_days - 1);

      add_point (report, days, start, end);
      start = end + 1;
    }
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const TendInsightsCount *count_a = *(TendInsightsCount **) a;
  const TendInsightsCount *count_b = *(TendInsightsCount **) b;

  if (count_a->n_entries != count_b->n_entries)
    return count_a->n_entries > count_b->n_entries ? -1 : 1;

  return g_utf8_collate (count_a->name, count_b->name);
}

static gboolean
read_emotions (TendDatabase        *database,
               TendInsightsReport  *report,
               gint64               from,
               gint64               until,
               GError             **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_period (database,
                         "SELECT ee.emotion, count (*), count (DISTINCT " LOCAL_DAY ") "
                         "FROM entries e JOIN entry_emotions ee ON ee.entry_id = e.id "
                         "WHERE " IN_PERIOD
                         "GROUP BY ee.emotion",
                         from, until, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TendInsightsCount *count = g_new0 (TendInsightsCount, 1);

      count->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      count->n_entries = (guint) sqlite3_column_int (stmt, 1);
      count->n_days = (guint) sqlite3_column_int (stmt, 2);
      g_ptr_array_add (report->emotions, count);
    }

  if (!finish_period (database, stmt, rc, error))
    return FALSE;

  g_ptr_array_sort (report->emotions, compare_counts);

  return TRUE;
}

typedef struct
{
  TendInsightsCount *count;
  double             sum_of_means;  /* of the days with the activity */
} ActivityDays;

static int
compare_comparisons (gconstpointer a,
                     gconstpointer b)
{
  const TendInsightsComparison *comparison_a = *(TendInsightsComparison **) a;
  const TendInsightsComparison *comparison_b = *(TendInsightsComparison **) b;
  double difference_a = ABS (comparison_a->mean_with - comparison_a->mean_without);
  double difference_b = ABS (comparison_b->mean_with - comparison_b->mean_without);

  if (difference_a != difference_b)
    return difference_a > difference_b ? -1 : 1;

  return g_utf8_collate (comparison_a->name, comparison_b->name);
}

/* Reads the activities chosen in the period, one row for each activity and day, and
 * compares the mood of the days with each against the days without. */
static gboolean
read_activities (TendDatabase        *database,
                 TendInsightsReport  *report,
                 gint64               from,
                 gint64               until,
                 const DayStats      *days,
                 double               all_sum_of_means,
                 GError             **error)
{
  g_autoptr(GHashTable) by_tag = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                        g_free, g_free);
  guint32 first_julian = g_date_get_julian (&report->first);
  guint n_period_days = g_date_days_between (&report->first, &report->last) + 1;
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  ActivityDays *activity;
  int rc;

  stmt = prepare_period (database,
                         "SELECT et.tag_id, t.name, " LOCAL_DAY " AS day, count (*) "
                         "FROM entries e JOIN entry_tags et ON et.entry_id = e.id "
                         "  JOIN tags t ON t.id = et.tag_id "
                         "WHERE " IN_PERIOD
                         "GROUP BY et.tag_id, day",
                         from, until, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 tag_id = sqlite3_column_int64 (stmt, 0);
      gint64 julian = sqlite3_column_int64 (stmt, 2) + UNIX_EPOCH_JULIAN;

      activity = g_hash_table_lookup (by_tag, &tag_id);
      if (activity == NULL)
        {
          activity = g_new0 (ActivityDays, 1);
          activity->count = g_new0 (TendInsightsCount, 1);
          activity->count->name = g_utf8_make_valid ((const char *) sqlite3_column_text (stmt, 1),
                                                     -1);
          g_ptr_array_add (report->activities, activity->count);
          g_hash_table_insert (by_tag, g_memdup2 (&tag_id, sizeof tag_id), activity);
        }

      activity->count->n_entries += (guint) sqlite3_column_int (stmt, 3);
      activity->count->n_days++;

      if (julian >= first_julian && julian - first_julian < n_period_days)
        {
          const DayStats *day = &days[julian - first_julian];

          if (day->n_entries > 0)
            activity->sum_of_means += (double) day->sum / day->n_entries;
        }
    }

  if (!finish_period (database, stmt, rc, error))
    return FALSE;

  g_hash_table_iter_init (&iter, by_tag);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &activity))
    {
      guint n_with = activity->count->n_days;
      guint n_without = report->n_days - n_with;
      TendInsightsComparison *comparison;

      if (n_with < TEND_INSIGHTS_MIN_ACTIVITY_DAYS ||
          n_without < TEND_INSIGHTS_MIN_ACTIVITY_DAYS)
        {
          report->n_activities_short++;
          continue;
        }

      comparison = g_new0 (TendInsightsComparison, 1);
      comparison->name = g_strdup (activity->count->name);
      comparison->n_days_with = n_with;
      comparison->n_days_without = n_without;
      comparison->mean_with = activity->sum_of_means / n_with;
      comparison->mean_without = (all_sum_of_means - activity->sum_of_means) / n_without;
      g_ptr_array_add (report->activity_moods, comparison);
    }

  g_ptr_array_sort (report->activities, compare_counts);
  g_ptr_array_sort (report->activity_moods, compare_comparisons);

  return TRUE;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint value_a = *(const guint *) a;
  guint value_b = *(const guint *) b;

  return value_a < value_b ? -1 : value_a > value_b;
}

/* Screen time and mood: the days with both check-ins and active time, split at their
 * median active time. With an even number of days the median is the lower of the two
 * middle values, so the days "above" are never more than half. */
static gboolean
read_screen_time (TendUsage           *usage,
                  TendInsightsReport  *report,
                  const DayStats      *days,
                  GError             **error)
{
  g_autoptr(GArray) usage_days = NULL;
  g_autoptr(GArray) active = g_array_new (FALSE, FALSE, sizeof (guint));
  double sum_with = 0, sum_without = 0;

  report->screen_time.name = NULL;

  if (usage == NULL)
    return TRUE;

  usage_days = tend_usage_get_days (usage, &report->first, &report->last, error);
  if (usage_days == NULL)
    return FALSE;

  /* tend_usage_get_days() gives one day for each day of the period, in order. */
  for (guint i = 0; i < usage_days->len; i++)
    {
      const TendUsageDay *usage_day = &g_array_index (usage_days, TendUsageDay, i);

      if (usage_day->active_s > 0 && days[i].n_entries > 0)
        g_array_append_val (active, usage_day->active_s);
    }

  report->n_screen_days = active->len;
  if (active->len == 0)
    return TRUE;

  g_array_sort (active, compare_uint);
  report->median_active_s = g_array_index (active, guint, (active->len - 1) / 2);

  if (report->n_screen_days < TEND_INSIGHTS_MIN_SCREEN_TIME_DAYS)
    return TRUE;

  for (guint i = 0; i < usage_days->len; i++)
    {
      const TendUsageDay *usage_day = &g_array_index (usage_days, TendUsageDay, i);
      double mean;

      if (usage_day->active_s == 0 || days[i].n_entries == 0)
        continue;

      mean = (double) days[i].sum / days[i].n_entries;
      if (usage_day->active_s > report->median_active_s)
        {
          report->screen_time.n_days_with++;
          sum_with += mean;
        }
      else
        {
          report->screen_time.n_days_without++;
          sum_without += mean;
        }
    }

  if (report->screen_time.n_days_with > 0)
    report->screen_time.mean_with = sum_with / report->screen_time.n_days_with;
  if (report->screen_time.n_days_without > 0)
    report->screen_time.mean_without = sum_without / report->screen_time.n_days_without;
  report->has_screen_time = TRUE;

  return TRUE;
}

/**
 * tend_insights_compute:
 * @journal: the journal
 * @usage: (nullable): the usage history, or %NULL to leave screen time out
 * @period: a week, month or year
 * @day: any day of the period
 * @first_weekday: the day weeks start on, for the week period and the year's points
 *
 * Computes everything the Insights page shows for the period that holds @day. This
 * reads the database: call tend_insights_compute_async() from the user interface.
 *
 * Days are the local days of the check-ins (their own UTC offsets). Screen time is
 * compared on the days with both check-ins and active time: with an even number of them,
 * the median is the lower of the two middle values.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
TendInsightsReport *
tend_insights_compute (TendJournal         *journal,
                       TendUsage           *usage,
                       TendInsightsPeriod   period,
                       const GDate         *day,
                       GDateWeekday         first_weekday,
                       GError             **error)
{
  g_autoptr(TendInsightsReport) report = NULL;
  g_autofree DayStats *days = NULL;
  TendDatabase *database;
  GDate year_first, year_last;
  double sum_of_means = 0;
  gint64 from, until;
  guint n_days;

  g_return_val_if_fail (TEND_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (usage == NULL || TEND_IS_USAGE (usage), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_date_valid_weekday (first_weekday))
    first_weekday = G_DATE_MONDAY;

  database = tend_journal_get_database (journal);
  report = report_new ();
  report->period = period;
  tend_insights_period_get_range (period, day, first_weekday, &report->first, &report->last);

  n_days = g_date_days_between (&report->first, &report->last) + 1;
  days = g_new0 (DayStats, n_days);
  from = day_start_seconds (&report->first);
  until = day_start_seconds (&report->last) + 86400;

  if (!read_days (database, report, from, until, days, error))
    return NULL;

  for (guint i = 0; i < n_days; i++)
    {
      if (days[i].n_entries == 0)
        continue;

      report->n_entries += days[i].n_entries;
      report->n_days++;
      sum_of_means += (double) days[i].sum / days[i].n_entries;
    }
  if (report->n_days > 0)
    report->mean = sum_of_means / report->n_days;

  make_points (report, days, first_weekday);

  if (!read_emotions (database, report, from, until, error) ||
      !read_activities (database, report, from, until, days, sum_of_means, error) ||
      !read_screen_time (usage, report, days, error))
    return NULL;

  report->year = g_date_get_year (&report->last);
  if (period == TEND_INSIGHTS_PERIOD_YEAR)
    {
      /* The same days as tend_journal_get_day_moods() gives, already at hand. */
      report->year_days = g_array_new (FALSE, FALSE, sizeof (TendDayMood));
      for (guint i = 0; i < n_days; i++)
        {
          TendDayMood year_day = { .n_entries = days[i].n_entries };

          if (days[i].n_entries == 0)
            continue;

          g_date_clear (&year_day.day, 1);
          g_date_set_julian (&year_day.day, g_date_get_julian (&report->first) + i);
          year_day.mean = (double) days[i].sum / days[i].n_entries;
          g_array_append_val (report->year_days, year_day);
        }
    }
  else
    {
      g_date_clear (&year_first, 1);
      g_date_clear (&year_last, 1);
      g_date_set_dmy (&year_first, 1, G_DATE_JANUARY, report->year);
      g_date_set_dmy (&year_last, 31, G_DATE_DECEMBER, report->year);
      report->year_days = tend_journal_get_day_moods (journal, &year_first, &year_last, error);
      if (report->year_days == NULL)
        return NULL;
    }

  return g_steal_pointer (&report);
}

/* Async -------------------------------------------------------------------------------- */

typedef struct
{
  TendUsage          *usage;
  TendInsightsPeriod  period;
  GDate               day;
  GDateWeekday        first_weekday;
} ComputeData;

static void
compute_data_free (ComputeData *data)
{
  g_clear_object (&data->usage);
  g_free (data);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeData *data = task_data;
  TendInsightsReport *report;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  report = tend_insights_compute (TEND_JOURNAL (source_object), data->usage, data->period,
                                  &data->day, data->first_weekday, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) tend_insights_report_free);
}

/**
 * tend_insights_compute_async:
 *
 * Computes the report of tend_insights_compute() in a thread. @callback runs in the
 * thread-default main context of the caller; a cancelled computation finishes with
 * %G_IO_ERROR_CANCELLED.
 */
void
tend_insights_compute_async (TendJournal         *journal,
                             TendUsage           *usage,
                             TendInsightsPeriod   period,
                             const GDate         *day,
                             GDateWeekday         first_weekday,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ComputeData *data;

  g_return_if_fail (TEND_IS_JOURNAL (journal));
  g_return_if_fail (usage == NULL || TEND_IS_USAGE (usage));
  g_return_if_fail (day != NULL && g_date_valid (day));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ComputeData, 1);
  data->usage = usage != NULL ? g_object_ref (usage) : NULL;
  data->period = period;
  data->day = *day;
  data->first_weekday = first_weekday;

  task = g_task_new (journal, cancellable, callback, user_data);
  g_task_set_source_tag (task, tend_insights_compute_async);
  g_task_set_task_data (task, data, (GDestroyNotify) compute_data_free);
  tend_task_run_in_thread (task, compute_thread);
}

/**
 * tend_insights_compute_finish:
 *
 * Returns: (transfer full): the report, or %NULL with @error set (%G_IO_ERROR_CANCELLED
 *   when it was cancelled)
 */
TendInsightsReport *
tend_insights_compute_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tend_insights_compute_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
