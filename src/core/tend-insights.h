/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tend-database.h"
#include "tend-journal.h"
#include "tend-usage.h"

G_BEGIN_DECLS

/* A pattern is shown only when this many days stand behind each side of it. */
#define TEND_INSIGHTS_MIN_ACTIVITY_DAYS    5
#define TEND_INSIGHTS_MIN_SCREEN_TIME_DAYS 14

/**
 * TendInsightsPeriod:
 * @TEND_INSIGHTS_PERIOD_WEEK: a week, starting on the locale's first weekday
 * @TEND_INSIGHTS_PERIOD_MONTH: a calendar month
 * @TEND_INSIGHTS_PERIOD_YEAR: a calendar year
 */
typedef enum
{
  TEND_INSIGHTS_PERIOD_WEEK,
  TEND_INSIGHTS_PERIOD_MONTH,
  TEND_INSIGHTS_PERIOD_YEAR,
} TendInsightsPeriod;

/**
 * TendTimeOfDay:
 * @TEND_TIME_OF_DAY_MORNING: from 05:00 to 11:59, local time of the check-in
 * @TEND_TIME_OF_DAY_AFTERNOON: from 12:00 to 16:59
 * @TEND_TIME_OF_DAY_EVENING: from 17:00 to 21:59
 * @TEND_TIME_OF_DAY_NIGHT: from 22:00 to 04:59
 */
typedef enum
{
  TEND_TIME_OF_DAY_MORNING,
  TEND_TIME_OF_DAY_AFTERNOON,
  TEND_TIME_OF_DAY_EVENING,
  TEND_TIME_OF_DAY_NIGHT,
  TEND_N_TIMES_OF_DAY,
} TendTimeOfDay;

/* One point of "mood over time": a day (week and month) or a week (year). A point with
 * no check-ins (n_entries == 0) is a gap, and is kept as one. */
typedef struct
{
  GDate  first;
  GDate  last;      /* the same as first for a day */
  guint  n_entries;
  guint  n_days;    /* days with check-ins */
  double mean;      /* the mean of the daily means: each day counts once */
  guint8 lowest;    /* the lowest and highest single check-in (1 to 5) */
  guint8 highest;
} TendInsightsPoint;

/* Check-ins grouped by weekday or by time of day. */
typedef struct
{
  guint  n_entries;
  guint  n_days;
  double mean;      /* the mean of the check-ins; 0 when n_entries is 0 */
} TendInsightsMean;

/* How often an emotion or an activity was chosen. */
typedef struct
{
  char *name;       /* an emotion's nick, or an activity's name as the user wrote it */
  guint n_entries;
  guint n_days;
} TendInsightsCount;

/* Days with and days without something (an activity; more than the median screen time).
 * Each day's mood is the mean of its check-ins; these are means of those. */
typedef struct
{
  char  *name;            /* the activity; NULL for screen time */
  guint  n_days_with;
  guint  n_days_without;
  double mean_with;
  double mean_without;
} TendInsightsComparison;

typedef struct
{
  TendInsightsPeriod period;
  GDate              first;         /* the period, both days included */
  GDate              last;

  guint              n_entries;
  guint              n_days;        /* days with check-ins */
  double             mean;          /* the mean of the daily means */

  GArray            *points;        /* TendInsightsPoint: every day or week, in order */

  TendInsightsMean   weekdays[7];   /* [0] is Monday: G_DATE_MONDAY - 1 */
  TendInsightsMean   times_of_day[TEND_N_TIMES_OF_DAY];

  GPtrArray         *emotions;      /* TendInsightsCount, most chosen first */
  GPtrArray         *activities;    /* TendInsightsCount, most chosen first */

  /* TendInsightsComparison for each activity with at least
   * TEND_INSIGHTS_MIN_ACTIVITY_DAYS days with it and as many without, the largest
   * difference first; n_activities_short counts the others chosen in the period. */
  GPtrArray         *activity_moods;
  guint              n_activities_short;

  /* Days in the period with both check-ins and active screen time. The comparison is
   * filled only when there are TEND_INSIGHTS_MIN_SCREEN_TIME_DAYS of them: "with" is
   * the days above the median active time, "without" the days at or below it. */
  guint              n_screen_days;
  guint              median_active_s;
  gboolean           has_screen_time;
  TendInsightsComparison screen_time;

  /* The calendar year of the period's last day: TendDayMood for each day with check-ins,
   * in order (a year in pixels). */
  int                year;
  GArray            *year_days;
} TendInsightsReport;

void                tend_insights_period_get_range  (TendInsightsPeriod    period,
                                                     const GDate          *day,
                                                     GDateWeekday          first_weekday,
                                                     GDate                *first,
                                                     GDate                *last);
void                tend_insights_period_step       (TendInsightsPeriod    period,
                                                     GDate                *day,
                                                     int                   steps);

TendInsightsReport *tend_insights_compute           (TendJournal          *journal,
                                                     TendUsage            *usage,
                                                     TendInsightsPeriod    period,
                                                     const GDate          *day,
                                                     GDateWeekday          first_weekday,
                                                     GError              **error);
void                tend_insights_compute_async     (TendJournal          *journal,
                                                     TendUsage            *usage,
                                                     TendInsightsPeriod    period,
                                                     const GDate          *day,
                                                     GDateWeekday          first_weekday,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
TendInsightsReport *tend_insights_compute_finish    (GAsyncResult         *result,
                                                     GError              **error);

void                tend_insights_report_free       (TendInsightsReport   *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TendInsightsReport, tend_insights_report_free)

G_END_DECLS
