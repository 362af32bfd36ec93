/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <sqlite3.h>

#include "tend-date.h"
#include "tend-insights.h"
#include "tend-journal.h"
#include "tend-test-utils.h"
#include "tend-usage.h"

/* The insights engine on real journal files with check-ins whose answers are worked out
 * by hand in the comments. The tests run with TZ=UTC; check-ins carry their own offsets. */

typedef struct
{
  TendDatabase *database;
  TendJournal  *journal;
  TendClock    *clock;
  TendUsage    *usage;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *dir = tend_test_make_data_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) now = tend_test_date_time ("2027-03-01T12:00:00Z");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  path = g_build_filename (dir, "journal.db", NULL);
  fixture->database = tend_database_open (path, &error);
  g_assert_no_error (error);
  fixture->journal = tend_journal_new (fixture->database);
  g_assert_true (tend_journal_load (fixture->journal, &error));
  g_assert_no_error (error);
  fixture->clock = tend_clock_new_manual (now);
  fixture->usage = tend_usage_new (fixture->database, fixture->clock);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->usage);
  g_clear_object (&fixture->clock);
  g_clear_object (&fixture->journal);
  g_clear_object (&fixture->database);
}

/* Adds a check-in; @tags and @emotions are comma-separated, or NULL. */
static void
add (Fixture    *fixture,
     const char *iso8601,
     TendMood    mood,
     const char *emotions,
     const char *tags)
{
  g_autoptr(GDateTime) when = tend_test_date_time (iso8601);
  g_autoptr(TendEntry) entry = tend_entry_new (mood, "", when);
  g_autoptr(GError) error = NULL;

  if (emotions != NULL)
    {
      g_auto(GStrv) list = g_strsplit (emotions, ",", -1);

      tend_entry_set_emotions (entry, (const char * const *) list);
    }
  if (tags != NULL)
    {
      g_auto(GStrv) list = g_strsplit (tags, ",", -1);

      tend_entry_set_tags (entry, (const char * const *) list);
    }

  g_assert_true (tend_journal_add (fixture->journal, entry, &error));
  g_assert_no_error (error);
}

static void
add_usage (Fixture *fixture,
           gint64   started_at,
           gint64   ended_at)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO usage_intervals (started_at, ended_at) "
                                          "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                                          started_at, ended_at);
  g_autoptr(GError) error = NULL;

  g_assert_true (tend_database_exec (fixture->database, sql, &error));
  g_assert_no_error (error);
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
assert_day (const GDate *date,
            int          year,
            int          month,
            int          day)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_year (date), ==, year);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_day (date), ==, day);
}

static TendInsightsReport *
compute (Fixture            *fixture,
         TendUsage          *usage,
         TendInsightsPeriod  period,
         GDate               day,
         GDateWeekday        first_weekday)
{
  g_autoptr(GError) error = NULL;
  TendInsightsReport *report;

  report = tend_insights_compute (fixture->journal, usage, period, &day, first_weekday, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static const TendInsightsPoint *
point (TendInsightsReport *report,
       guint               index)
{
  g_assert_cmpuint (index, <, report->points->len);
  return &g_array_index (report->points, TendInsightsPoint, index);
}

static void
assert_count (TendInsightsReport *report,
              GPtrArray          *counts,
              guint               index,
              const char         *name,
              guint               n_entries,
              guint               n_days)
{
  const TendInsightsCount *count;

  g_assert_cmpuint (index, <, counts->len);
  count = g_ptr_array_index (counts, index);
  g_assert_cmpstr (count->name, ==, name);
  g_assert_cmpuint (count->n_entries, ==, n_entries);
  g_assert_cmpuint (count->n_days, ==, n_days);
}

static void
assert_mean (const TendInsightsMean *mean,
             guint                   n_entries,
             guint                   n_days,
             double                  value)
{
  g_assert_cmpuint (mean->n_entries, ==, n_entries);
  g_assert_cmpuint (mean->n_days, ==, n_days);
  g_assert_cmpfloat_with_epsilon (mean->mean, value, 1e-9);
}

/* Periods ------------------------------------------------------------------------------ */

static void
assert_range (TendInsightsPeriod period,
              GDate              day,
              GDateWeekday       first_weekday,
              int                y1,
              int                m1,
              int                d1,
              int                y2,
              int                m2,
              int                d2)
{
  GDate first, last;

  tend_insights_period_get_range (period, &day, first_weekday, &first, &last);
  assert_day (&first, y1, m1, d1);
  assert_day (&last, y2, m2, d2);
}

static void
test_period_ranges (void)
{
  /* 31 December 2026 is a Thursday: its week runs into 2027. */
  assert_range (TEND_INSIGHTS_PERIOD_WEEK, make_day (2026, 12, 31), G_DATE_MONDAY,
                2026, 12, 28, 2027, 1, 3);
  assert_range (TEND_INSIGHTS_PERIOD_WEEK, make_day (2026, 12, 31), G_DATE_SUNDAY,
                2026, 12, 27, 2027, 1, 2);
  /* 3 January 2027 is a Sunday: the last day of one week, the first of another. */
  assert_range (TEND_INSIGHTS_PERIOD_WEEK, make_day (2027, 1, 3), G_DATE_MONDAY,
                2026, 12, 28, 2027, 1, 3);
  assert_range (TEND_INSIGHTS_PERIOD_WEEK, make_day (2027, 1, 3), G_DATE_SUNDAY,
                2027, 1, 3, 2027, 1, 9);
  /* Saturday-first weeks, as in Egypt. */
  assert_range (TEND_INSIGHTS_PERIOD_WEEK, make_day (2027, 1, 3), G_DATE_SATURDAY,
                2027, 1, 2, 2027, 1, 8);

  assert_range (TEND_INSIGHTS_PERIOD_MONTH, make_day (2028, 2, 14), G_DATE_MONDAY,
                2028, 2, 1, 2028, 2, 29);
  assert_range (TEND_INSIGHTS_PERIOD_MONTH, make_day (2026, 2, 28), G_DATE_MONDAY,
                2026, 2, 1, 2026, 2, 28);
  assert_range (TEND_INSIGHTS_PERIOD_MONTH, make_day (2026, 12, 31), G_DATE_MONDAY,
                2026, 12, 1, 2026, 12, 31);

  assert_range (TEND_INSIGHTS_PERIOD_YEAR, make_day (2028, 2, 29), G_DATE_SUNDAY,
                2028, 1, 1, 2028, 12, 31);
}

static void
assert_step (TendInsightsPeriod period,
             GDate              day,
             int                steps,
             int                year,
             int                month,
             int                day_of_month)
{
  tend_insights_period_step (period, &day, steps);
  assert_day (&day, year, month, day_of_month);
}

static void
test_period_steps (void)
{
  assert_step (TEND_INSIGHTS_PERIOD_WEEK, make_day (2026, 12, 31), 1, 2027, 1, 7);
  assert_step (TEND_INSIGHTS_PERIOD_WEEK, make_day (2026, 12, 31), -2, 2026, 12, 17);
  assert_step (TEND_INSIGHTS_PERIOD_WEEK, make_day (2028, 2, 26), 1, 2028, 3, 4);
  assert_step (TEND_INSIGHTS_PERIOD_WEEK, make_day (2026, 5, 5), 0, 2026, 5, 5);

  /* A day that the month lacks becomes its last day. */
  assert_step (TEND_INSIGHTS_PERIOD_MONTH, make_day (2028, 3, 31), -1, 2028, 2, 29);
  assert_step (TEND_INSIGHTS_PERIOD_MONTH, make_day (2026, 3, 31), -1, 2026, 2, 28);
  assert_step (TEND_INSIGHTS_PERIOD_MONTH, make_day (2026, 12, 15), 1, 2027, 1, 15);
  assert_step (TEND_INSIGHTS_PERIOD_MONTH, make_day (2026, 1, 15), 13, 2027, 2, 15);

  assert_step (TEND_INSIGHTS_PERIOD_YEAR, make_day (2028, 2, 29), 1, 2029, 2, 28);
  assert_step (TEND_INSIGHTS_PERIOD_YEAR, make_day (2028, 2, 29), -4, 2024, 2, 29);
}

/* The locale decides the first day of the week: Sunday in the United States, Monday in
 * France, Saturday in Egypt. */
static void
test_first_weekday_follows_the_locale (void)
{
  static const struct { const char *locale; GDateWeekday weekday; } cases[] = {
    { "en_US.UTF-8", G_DATE_SUNDAY },
    { "fr_FR.UTF-8", G_DATE_MONDAY },
    { "ar_EG.UTF-8", G_DATE_SATURDAY },
  };
  g_autofree char *saved = g_strdup (setlocale (LC_TIME, NULL));
  guint tried = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (setlocale (LC_TIME, cases[i].locale) == NULL)
        continue;
      tried++;
      g_assert_cmpint (tend_date_get_first_weekday (), ==, cases[i].weekday);
    }
  setlocale (LC_TIME, saved);
  g_assert_true (g_date_valid_weekday (tend_date_get_first_weekday ()));

  if (tried == 0)
    g_test_skip ("none of en_US, fr_FR and ar_EG is installed");
}

/* A week --------------------------------------------------------------------------------- */

/* The week of Monday 16 to Sunday 22 November 2026:
 *
 *   Mon 16  08:00 4 (calm, joyful, drained; Work)  20:00 2 (drained; Work)  mean 3
 *   Tue 17  nothing: a gap
 *   Wed 18  04:59 1 (night)  05:00 5 (morning; calm)                          mean 3
 *   Thu 19  12:00 4 (calm; Walk)                                              mean 4
 *   Fri 20  23:30 at +02:00 5 (night)                                         mean 5
 *   Sat 21  00:30 at +02:00 1, which is Friday 22:30 in UTC (night)           mean 1
 *   Sun 22  10:00 at -05:00 3 (Outdoors)  21:00 at -05:00 5, which is Monday 02:00 in
 *           UTC (evening; joyful)                                             mean 4
 *
 * and outside it Sunday 15 at 23:00 and Monday 23 at 01:00 (+02:00, Sunday in UTC). */
static void
add_week (Fixture *fixture)
{
  add (fixture, "2026-11-15T23:00:00Z", TEND_MOOD_GREAT, "sad", "Outside");
  add (fixture, "2026-11-16T08:00:00Z", TEND_MOOD_GOOD, "calm,joyful,drained", "Work");
  add (fixture, "2026-11-16T20:00:00Z", TEND_MOOD_BAD, "drained", "Work");
  add (fixture, "2026-11-18T04:59:00Z", TEND_MOOD_AWFUL, NULL, NULL);
  add (fixture, "2026-11-18T05:00:00Z", TEND_MOOD_GREAT, "calm", NULL);
  add (fixture, "2026-11-19T12:00:00Z", TEND_MOOD_GOOD, "calm", "Walk");
  add (fixture, "2026-11-20T23:30:00+02:00", TEND_MOOD_GREAT, NULL, NULL);
  add (fixture, "2026-11-21T00:30:00+02:00", TEND_MOOD_AWFUL, NULL, NULL);
  add (fixture, "2026-11-22T10:00:00-05:00", TEND_MOOD_OKAY, NULL, "Outdoors");
  add (fixture, "2026-11-22T21:00:00-05:00", TEND_MOOD_GREAT, "joyful", NULL);
  add (fixture, "2026-11-23T01:00:00+02:00", TEND_MOOD_GREAT, "sad", "Outside");
}

static void
test_week (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(TendInsightsReport) report = NULL;
  static const struct { guint n_entries; double mean; guint8 lowest, highest; } days[] = {
    { 2, 3, 2, 4 }, { 0, 0, 0, 0 }, { 2, 3, 1, 5 }, { 1, 4, 4, 4 },
    { 1, 5, 5, 5 }, { 1, 1, 1, 1 }, { 2, 4, 3, 5 },
  };

  add_week (fixture);
  report = compute (fixture, NULL, TEND_INSIGHTS_PERIOD_WEEK, make_day (2026, 11, 19),
                    G_DATE_MONDAY);

  g_assert_cmpint (report->period, ==, TEND_INSIGHTS_PERIOD_WEEK);
  assert_day (&report->first, 2026, 11, 16);
  assert_day (&report->last, 2026, 11, 22);
  g_assert_cmpuint (report->n_entries, ==, 9);
  g_assert_cmpuint (report->n_days, ==, 6);
  /* (3 + 3 + 4 + 5 + 1 + 4) / 6: each day counts once, whatever its check-ins. */
  g_assert_cmpfloat_with_epsilon (report->mean, 20.0 / 6, 1e-9);

  g_assert_cmpuint (report->points->len, ==, 7);
  for (guint i = 0; i < 7; i++)
    {
      const TendInsightsPoint *p = point (report, i);

      assert_day (&p->first, 2026, 11, 16 + i);
      assert_day (&p->last, 2026, 11, 16 + i);
      g_assert_cmpuint (p->n_entries, ==, days[i].n_entries);
      g_assert_cmpuint (p->n_days, ==, days[i].n_entries > 0 ? 1 : 0);
      g_assert_cmpfloat_with_epsilon (p->mean, days[i].mean, 1e-9);
      g_assert_cmpuint (p->lowest, ==, days[i].lowest);
      g_assert_cmpuint (p->highest, ==, days[i].highest);
    }

  /* Weekdays: means of the check-ins. */
  assert_mean (&report->weekdays[G_DATE_MONDAY - 1], 2, 1, 3);
  assert_mean (&report->weekdays[G_DATE_TUESDAY - 1], 0, 0, 0);
  assert_mean (&report->weekdays[G_DATE_WEDNESDAY - 1], 2, 1, 3);
  assert_mean (&report->weekdays[G_DATE_THURSDAY - 1], 1, 1, 4);
  assert_mean (&report->weekdays[G_DATE_FRIDAY - 1], 1, 1, 5);
  assert_mean (&report->weekdays[G_DATE_SATURDAY - 1], 1, 1, 1);
  assert_mean (&report->weekdays[G_DATE_SUNDAY - 1], 2, 1, 4);

  /* Morning: Mon 08:00 4, Wed 05:00 5, Sun 10:00 3. Afternoon: Thu 12:00 4. Evening:
   * Mon 20:00 2, Sun 21:00 5. Night: Wed 04:59 1, Fri 23:30 5, Sat 00:30 1. */
  assert_mean (&report->times_of_day[TEND_TIME_OF_DAY_MORNING], 3, 3, 4);
  assert_mean (&report->times_of_day[TEND_TIME_OF_DAY_AFTERNOON], 1, 1, 4);
  assert_mean (&report->times_of_day[TEND_TIME_OF_DAY_EVENING], 2, 2, 3.5);
  assert_mean (&report->times_of_day[TEND_TIME_OF_DAY_NIGHT], 3, 3, 7.0 / 3);

  /* calm 3; drained and joyful 2 each, by name; "sad" is outside the week. */
  g_assert_cmpuint (report->emotions->len, ==, 3);
  assert_count (report, report->emotions, 0, "calm", 3, 3);
  assert_count (report, report->emotions, 1, "drained", 2, 1);
  assert_count (report, report->emotions, 2, "joyful", 2, 2);

  g_assert_cmpuint (report->activities->len, ==, 3);
  assert_count (report, report->activities, 0, "Work", 2, 1);
  assert_count (report, report->activities, 1, "Outdoors", 1, 1);
  assert_count (report, report->activities, 2, "Walk", 1, 1);

  /* Nothing has five days with it and five without in a week. */
  g_assert_cmpuint (report->activity_moods->len, ==, 0);
  g_assert_cmpuint (report->n_activities_short, ==, 3);

  g_assert_cmpuint (report->n_screen_days, ==, 0);
  g_assert_false (report->has_screen_time);

  /* The year in pixels: every day with check-ins in 2026, the two outside the week too. */
  g_assert_cmpint (report->year, ==, 2026);
  g_assert_cmpuint (report->year_days->len, ==, 8);
  assert_day (&g_array_index (report->year_days, TendDayMood, 0).day, 2026, 11, 15);
  assert_day (&g_array_index (report->year_days, TendDayMood, 7).day, 2026, 11, 23);
}

/* The same check-ins in a Sunday-first week: Sunday 15 to Saturday 21. */
static void
test_week_from_sunday (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TendInsightsReport) report = NULL;

  add_week (fixture);
  report = compute (fixture, NULL, TEND_INSIGHTS_PERIOD_WEEK, make_day (2026, 11, 21),
                    G_DATE_SUNDAY);

  assert_day (&report->first, 2026, 11, 15);
  assert_day (&report->last, 2026, 11, 21);
  /* Sun 15 5, Mon 3, Wed 3, Thu 4, Fri 5, Sat 1. */
  g_assert_cmpuint (report->n_entries, ==, 8);
  g_assert_cmpuint (report->n_days, ==, 6);
  g_assert_cmpfloat_with_epsilon (report->mean, 21.0 / 6, 1e-9);
  g_assert_cmpuint (point (report, 0)->n_entries, ==, 1);
  g_assert_cmpuint (point (report, 2)->n_entries, ==, 0);
  assert_mean (&report->weekdays[G_DATE_SUNDAY - 1], 1, 1, 5);
  assert_count (report, report->activities, 0, "Work", 2, 1);
  assert_count (report, report->activities, 1, "Outside", 1, 1);
  assert_count (report, report->activities, 2, "Walk", 1, 1);
  g_assert_cmpuint (report->activities->len, ==, 3);
}

/* A year ------------------------------------------------------------------------------- */

/* 2028 is a leap year starting on a Saturday and ending on a Sunday:
 *
 *   Sat 1 January 2 · Sun 2 January 4 and 5 · Tue 29 February 3 · Sun 31 December 1
 *   and Friday 31 December 2027 5, outside. */
static void
add_leap_year (Fixture *fixture)
{
  add (fixture, "2027-12-31T12:00:00Z", TEND_MOOD_GREAT, NULL, NULL);
  add (fixture, "2028-01-01T09:00:00Z", TEND_MOOD_BAD, NULL, NULL);
  add (fixture, "2028-01-02T09:00:00Z", TEND_MOOD_GOOD, NULL, NULL);
  add (fixture, "2028-01-02T18:00:00Z", TEND_MOOD_GREAT, NULL, NULL);
  add (fixture, "2028-02-29T18:00:00Z", TEND_MOOD_OKAY, NULL, NULL);
  add (fixture, "2028-12-31T18:00:00Z", TEND_MOOD_AWFUL, NULL, NULL);
}

static void
test_year_from_monday (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TendInsightsReport) report = NULL;
  const TendInsightsPoint *p;

  add_leap_year (fixture);
  report = compute (fixture, NULL, TEND_INSIGHTS_PERIOD_YEAR, make_day (2028, 6, 1),
                    G_DATE_MONDAY);

  assert_day (&report->first, 2028, 1, 1);
  assert_day (&report->last, 2028, 12, 31);
  g_assert_cmpuint (report->n_entries, ==, 5);
  g_assert_cmpuint (report->n_days, ==, 4);
  g_assert_cmpfloat_with_epsilon (report->mean, (2 + 4.5 + 3 + 1) / 4, 1e-9);

  /* Saturday and Sunday, then 52 whole weeks from Monday 3 January to Sunday 31
   * December. */
  g_assert_cmpuint (report->points->len, ==, 53);
  p = point (report, 0);
  assert_day (&p->first, 2028, 1, 1);
  assert_day (&p->last, 2028, 1, 2);
  g_assert_cmpuint (p->n_entries, ==, 3);
  g_assert_cmpuint (p->n_days, ==, 2);
  g_assert_cmpfloat_with_epsilon (p->mean, (2 + 4.5) / 2, 1e-9);
  g_assert_cmpuint (p->lowest, ==, 2);
  g_assert_cmpuint (p->highest, ==, 5);

  p = point (report, 1);
  assert_day (&p->first, 2028, 1, 3);
  assert_day (&p->last, 2028, 1, 9);
  g_assert_cmpuint (p->n_entries, ==, 0);
  g_assert_cmpuint (p->n_days, ==, 0);

  /* The week of 29 February: Monday 28 February to Sunday 5 March. */
  p = point (report, 9);
  assert_day (&p->first, 2028, 2, 28);
  assert_day (&p->last, 2028, 3, 5);
  g_assert_cmpuint (p->n_entries, ==, 1);
  g_assert_cmpfloat_with_epsilon (p->mean, 3, 1e-9);

  p = point (report, 52);
  assert_day (&p->first, 2028, 12, 25);
  assert_day (&p->last, 2028, 12, 31);
  g_assert_cmpuint (p->n_entries, ==, 1);
  g_assert_cmpuint (p->lowest, ==, 1);

  for (guint i = 1; i < report->points->len; i++)
    {
      GDate after = point (report, i - 1)->last;

      g_date_add_days (&after, 1);
      g_assert_cmpint (g_date_compare (&after, &point (report, i)->first), ==, 0);
    }

  /* The year in pixels is what the calendar shows for those days. */
  g_assert_cmpint (report->year, ==, 2028);
  g_assert_cmpuint (report->year_days->len, ==, 4);
  assert_day (&g_array_index (report->year_days, TendDayMood, 2).day, 2028, 2, 29);
  {
    GDate first = make_day (2028, 1, 1), last = make_day (2028, 12, 31);
    g_autoptr(GArray) calendar = tend_journal_get_day_moods (fixture->journal, &first, &last, NULL);
    g_autoptr(TendInsightsReport) week = NULL;

    g_assert_cmpuint (calendar->len, ==, report->year_days->len);
    for (guint i = 0; i < calendar->len; i++)
      {
        const TendDayMood *a = &g_array_index (calendar, TendDayMood, i);
        const TendDayMood *b = &g_array_index (report->year_days, TendDayMood, i);

        g_assert_cmpint (g_date_compare (&a->day, &b->day), ==, 0);
        g_assert_cmpfloat_with_epsilon (a->mean, b->mean, 1e-9);
        g_assert_cmpuint (a->n_entries, ==, b->n_entries);
      }

    /* A week's report has the year of its last day: this one ends on 2 January 2028. */
    week = compute (fixture, NULL, TEND_INSIGHTS_PERIOD_WEEK, make_day (2027, 12, 31),
                    G_DATE_MONDAY);
    g_assert_cmpint (week->year, ==, 2028);
    g_assert_cmpuint (week->year_days->len, ==, 4);
    g_assert_cmpfloat_with_epsilon (g_array_index (week->year_days, TendDayMood, 1).mean, 4.5,
                                    1e-9);
  }
}

static void
test_year_from_sunday (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TendInsightsReport) report = NULL;
  const TendInsightsPoint *p;

  add_leap_year (fixture);
  report = compute (fixture, NULL, TEND_INSIGHTS_PERIOD_YEAR, make_day (2028, 12, 31),
                    G_DATE_SUNDAY);

  /* Saturday 1 January alone, 52 weeks from Sunday 2 January, Sunday 31 December alone. */
  g_assert_cmpuint (report->points->len, ==, 54);
  p = point (report, 0);
  assert_day (&p->first, 2028, 1, 1);
  assert_day (&p->last, 2028, 1, 1);
  g_assert_cmpuint (p->n_entries, ==, 1);
  g_assert_cmpfloat_with_epsilon (p->mean, 2, 1e-9);

  p = point (report, 1);
  assert_day (&p->first, 2028, 1, 2);
  assert_day (&p->last, 2028, 1, 8);
  g_assert_cmpuint (p->n_entries, ==, 2);
  g_assert_cmpfloat_with_epsilon (p->mean, 4.5, 1e-9);

  p = point (report, 53);
  assert_day (&p->first, 2028, 12, 31);
  assert_day (&p->last, 2028, 12, 31);
  g_assert_cmpuint (p->n_entries, ==, 1);
}

/* Activities and mood ------------------------------------------------------------------ */

/* January 2027, one check-in a day from the 1st to the 15th at noon: mood 5 on days 1–5,
 * 3 on days 6–10, 2 on days 11–15, and a second 5 on day 1.
 *
 *   Exercise  days 1–5 (6 check-ins)   5 with, 10 without: with 5, without 2.5
 *   Work      days 1–10                10 with, 5 without: with 4, without 2
 *   Reading   days 1–4 (hidden)        4 days with: just under
 *   Music     days 1–11                4 days without: just under */
static void
test_activities_and_mood (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TendInsightsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const TendInsightsComparison *comparison;
  GListModel *tags;

  for (guint day = 1; day <= 15; day++)
    {
      g_autofree char *when = g_strdup_printf ("2027-01-%02uT12:00:00Z", day);
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autofree char *joined = NULL;

      if (day <= 5)
        g_ptr_array_add (names, "Exercise");
      if (day <= 10)
        g_ptr_array_add (names, "Work");
      if (day <= 4)
        g_ptr_array_add (names, "Reading");
      if (day <= 11)
        g_ptr_array_add (names, "Music");
      g_ptr_array_add (names, NULL);
      joined = g_strjoinv (",", (char **) names->pdata);

      add (fixture, when, day <= 5 ? TEND_MOOD_GREAT : day <= 10 ? TEND_MOOD_OKAY : TEND_MOOD_BAD,
           NULL, joined);
    }
  add (fixture, "2027-01-01T18:00:00Z", TEND_MOOD_GREAT, NULL, "Exercise");

  /* A hidden activity still counts where it was chosen. */
  tags = tend_journal_get_tags (fixture->journal);
  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(TendTag) tag = g_list_model_get_item (tags, i);

      if (g_str_equal (tend_tag_get_name (tag), "Reading"))
        {
          g_assert_true (tend_journal_set_tag_hidden (fixture->journal, tag, TRUE, &error));
          g_assert_no_error (error);
        }
    }

  report = compute (fixture, fixture->usage, TEND_INSIGHTS_PERIOD_MONTH, make_day (2027, 1, 9),
                    G_DATE_MONDAY);

  g_assert_cmpuint (report->n_entries, ==, 16);
  g_assert_cmpuint (report->n_days, ==, 15);
  g_assert_cmpuint (report->points->len, ==, 31);
  g_assert_cmpuint (point (report, 14)->n_entries, ==, 1);
  g_assert_cmpuint (point (report, 15)->n_entries, ==, 0);

  g_assert_cmpuint (report->activities->len, ==, 4);
  assert_count (report, report->activities, 0, "Music", 11, 11);
  assert_count (report, report->activities, 1, "Work", 10, 10);
  assert_count (report, report->activities, 2, "Exercise", 6, 5);
  assert_count (report, report->activities, 3, "Reading", 4, 4);

  g_assert_cmpuint (report->activity_moods->len, ==, 2);
  g_assert_cmpuint (report->n_activities_short, ==, 2);

  comparison = g_ptr_array_index (report->activity_moods, 0);
  g_assert_cmpstr (comparison->name, ==, "Exercise");
  g_assert_cmpuint (comparison->n_days_with, ==, 5);
  g_assert_cmpuint (comparison->n_days_without, ==, 10);
  g_assert_cmpfloat_with_epsilon (comparison->mean_with, 5, 1e-9);
  g_assert_cmpfloat_with_epsilon (comparison->mean_without, 2.5, 1e-9);

  comparison = g_ptr_array_index (report->activity_moods, 1);
  g_assert_cmpstr (comparison->name, ==, "Work");
  g_assert_cmpuint (comparison->n_days_with, ==, 10);
  g_assert_cmpuint (comparison->n_days_without, ==, 5);
  g_assert_cmpfloat_with_epsilon (comparison->mean_with, 4, 1e-9);
  g_assert_cmpfloat_with_epsilon (comparison->mean_without, 2, 1e-9);

  /* No usage time at all. */
  g_assert_cmpuint (report->n_screen_days, ==, 0);
  g_assert_false (report->has_screen_time);
}

/* Screen time and mood ----------------------------------------------------------------- */

/* February 2027: on day d (1 to 14) a check-in at noon and d × 10 minutes of use from
 * 10:00; mood 4 on days 1–7, 2 on days 8–14. Day 20 has use but no check-in, day 21 a
 * check-in but no use: neither counts. */
static void
test_screen_time (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TendInsightsReport) before = NULL;
  g_autoptr(TendInsightsReport) report = NULL;
  g_autoptr(TendInsightsReport) without_usage = NULL;
  GDate day = make_day (2027, 2, 1);

  for (guint d = 1; d <= 14; d++)
    {
      gint64 start = tend_usage_get_day_start (&day) + 7 * 3600;

      add_usage (fixture, start, start + d * 600);
      g_date_add_days (&day, 1);
    }
  day = make_day (2027, 2, 20);
  add_usage (fixture, tend_usage_get_day_start (&day) + 7 * 3600,
             tend_usage_get_day_start (&day) + 9 * 3600);
  add (fixture, "2027-02-21T12:00:00Z", TEND_MOOD_GREAT, NULL, NULL);

  /* Thirteen days: one short. The lower median of 10 … 130 minutes is the 7th, 70. */
  for (guint d = 1; d <= 13; d++)
    {
      g_autofree char *when = g_strdup_printf ("2027-02-%02uT12:00:00Z", d);

      add (fixture, when, d <= 7 ? TEND_MOOD_GOOD : TEND_MOOD_BAD, NULL, NULL);
    }
  before = compute (fixture, fixture->usage, TEND_INSIGHTS_PERIOD_MONTH, make_day (2027, 2, 1),
                    G_DATE_MONDAY);
  g_assert_cmpuint (before->n_screen_days, ==, 13);
  g_assert_cmpuint (before->median_active_s, ==, 70 * 60);
  g_assert_false (before->has_screen_time);
  g_assert_cmpuint (before->screen_time.n_days_with, ==, 0);
  g_assert_cmpuint (before->screen_time.n_days_without, ==, 0);

  /* Fourteen: the lower median of 10 … 140 minutes is 70; days 8–14 are above it. */
  add (fixture, "2027-02-14T12:00:00Z", TEND_MOOD_BAD, NULL, NULL);
  report = compute (fixture, fixture->usage, TEND_INSIGHTS_PERIOD_MONTH, make_day (2027, 2, 1),
                    G_DATE_MONDAY);
  g_assert_cmpuint (report->n_screen_days, ==, 14);
  g_assert_cmpuint (report->median_active_s, ==, 70 * 60);
  g_assert_true (report->has_screen_time);
  g_assert_null (report->screen_time.name);
  g_assert_cmpuint (report->screen_time.n_days_with, ==, 7);
  g_assert_cmpuint (report->screen_time.n_days_without, ==, 7);
  g_assert_cmpfloat_with_epsilon (report->screen_time.mean_with, 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (report->screen_time.mean_without, 4, 1e-9);

  /* Without the usage history there is no screen time. */
  without_usage = compute (fixture, NULL, TEND_INSIGHTS_PERIOD_MONTH, make_day (2027, 2, 1),
                           G_DATE_MONDAY);
  g_assert_cmpuint (without_usage->n_screen_days, ==, 0);
  g_assert_false (without_usage->has_screen_time);
  g_assert_cmpuint (without_usage->n_entries, ==, report->n_entries);
}

/* An empty journal, and async ---------------------------------------------------------- */

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TendInsightsReport) report = NULL;

  report = compute (fixture, fixture->usage, TEND_INSIGHTS_PERIOD_MONTH, make_day (2027, 2, 14),
                    G_DATE_MONDAY);

  g_assert_cmpuint (report->n_entries, ==, 0);
  g_assert_cmpuint (report->n_days, ==, 0);
  g_assert_cmpfloat (report->mean, ==, 0);
  g_assert_cmpuint (report->points->len, ==, 28);
  for (guint i = 0; i < report->points->len; i++)
    {
      g_assert_cmpuint (point (report, i)->n_entries, ==, 0);
      g_assert_cmpfloat (point (report, i)->mean, ==, 0);
    }
  for (guint i = 0; i < 7; i++)
    assert_mean (&report->weekdays[i], 0, 0, 0);
  for (guint i = 0; i < TEND_N_TIMES_OF_DAY; i++)
    assert_mean (&report->times_of_day[i], 0, 0, 0);
  g_assert_cmpuint (report->emotions->len, ==, 0);
  g_assert_cmpuint (report->activities->len, ==, 0);
  g_assert_cmpuint (report->activity_moods->len, ==, 0);
  g_assert_cmpuint (report->n_activities_short, ==, 0);
  g_assert_cmpuint (report->n_screen_days, ==, 0);
  g_assert_false (report->has_screen_time);
  g_assert_cmpint (report->year, ==, 2027);
  g_assert_cmpuint (report->year_days->len, ==, 0);
}

static void
computed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) cancelled_result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(TendInsightsReport) report = NULL;
  g_autoptr(TendInsightsReport) none = NULL;
  g_autoptr(GError) error = NULL;
  GDate day = make_day (2026, 11, 20);

  add_week (fixture);

  tend_insights_compute_async (fixture->journal, fixture->usage, TEND_INSIGHTS_PERIOD_WEEK,
                               &day, G_DATE_MONDAY, NULL, computed_cb, &result);
  tend_test_wait_until (has_result, &result);
  report = tend_insights_compute_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  assert_day (&report->first, 2026, 11, 16);
  g_assert_cmpuint (report->n_entries, ==, 9);
  g_assert_cmpuint (report->emotions->len, ==, 3);

  g_cancellable_cancel (cancellable);
  tend_insights_compute_async (fixture->journal, fixture->usage, TEND_INSIGHTS_PERIOD_WEEK,
                               &day, G_DATE_MONDAY, cancellable, computed_cb,
                               &cancelled_result);
  tend_test_wait_until (has_result, &cancelled_result);
  none = tend_insights_compute_finish (cancelled_result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (none);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/insights/period-ranges", test_period_ranges);
  g_test_add_func ("/insights/period-steps", test_period_steps);
  g_test_add_func ("/insights/first-weekday-follows-the-locale",
                   test_first_weekday_follows_the_locale);
  ADD ("/insights/week", test_week);
  ADD ("/insights/week-from-sunday", test_week_from_sunday);
  ADD ("/insights/year-from-monday", test_year_from_monday);
  ADD ("/insights/year-from-sunday", test_year_from_sunday);
  ADD ("/insights/activities-and-mood", test_activities_and_mood);
  ADD ("/insights/screen-time", test_screen_time);
  ADD ("/insights/empty", test_empty);
  ADD ("/insights/async", test_async);

  return g_test_run ();
}
