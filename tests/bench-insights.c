/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <stdlib.h>

#include "bench-journal-data.h"
#include "tend-context.h"
#include "tend-insights.h"
#include "tend-test-utils.h"
#include "tend-usage.h"

/* The Insights benchmark, run by "build-aux/dev bench" (and "bench insights"):
 *
 *   bench-insights CACHE_DIR
 *
 * On the journal of bench-journal (100,000 check-ins over ten years, generated once into
 * CACHE_DIR and copied), with screen time added to the copy for its last year, it times
 * tend_insights_compute() for what the Insights page shows first: the week, the month and
 * the year of the journal's newest check-in (Wednesday 18 November 2026), weeks from
 * Monday. Each is computed N_RUNS times after a warm-up; it prints a table, then
 * insights_ms= (the median of the year, the slowest), insights_week_ms= and
 * insights_month_ms=. */

#define N_RUNS 15

/* A year of screen time before the newest check-in: five to nine spans a day, each
 * between 10 and 90 minutes, in one transaction. */
static void
add_usage (TendDatabase *database)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(GError) error = NULL;
  gint64 day_start = TEND_BENCH_END - TEND_BENCH_END % 86400;
  sqlite3_stmt *stmt;
  guint n = 0;

  tend_database_lock (database);
  if (!tend_database_begin (database, &error))
    g_error ("%s", error->message);
  stmt = tend_database_prepare (database,
                                "INSERT INTO usage_intervals (started_at, ended_at) VALUES (?1, ?2)",
                                &error);
  if (stmt == NULL)
    g_error ("%s", error->message);

  for (int day = 365; day >= 0; day--)
    {
      gint64 at = day_start - (gint64) day * 86400 + 7 * 3600;
      int n_spans = g_rand_int_range (rand, 5, 10);

      for (int i = 0; i < n_spans; i++)
        {
          gint64 length = g_rand_int_range (rand, 10, 91) * 60;

          sqlite3_bind_int64 (stmt, 1, at);
          sqlite3_bind_int64 (stmt, 2, at + length);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            g_error ("Could not add screen time");
          sqlite3_reset (stmt);
          at += length + g_rand_int_range (rand, 5, 60) * 60;
          n++;
        }
    }

  if (!tend_database_commit (database, &error))
    g_error ("%s", error->message);
  tend_database_unlock (database);
  g_print ("Added %u spans of screen time over a year\n", n);
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) destination = g_file_new_for_path (to);

  return g_file_copy (source, destination, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

static double
time_report (TendJournal         *journal,
             TendUsage           *usage,
             TendInsightsPeriod   period,
             const GDate         *day,
             TendInsightsReport **report_out)
{
  g_autoptr(GError) error = NULL;
  TendInsightsReport *report;
  gint64 started = g_get_monotonic_time ();

  report = tend_insights_compute (journal, usage, period, day, G_DATE_MONDAY, &error);
  if (report == NULL)
    g_error ("%s", error->message);
  started = g_get_monotonic_time () - started;

  if (report_out != NULL)
    *report_out = report;
  else
    tend_insights_report_free (report);

  return started / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  static const struct { TendInsightsPeriod period; const char *name; } periods[] = {
    { TEND_INSIGHTS_PERIOD_WEEK, "week" },
    { TEND_INSIGHTS_PERIOD_MONTH, "month" },
    { TEND_INSIGHTS_PERIOD_YEAR, "year" },
  };
  g_autofree char *cache_dir = NULL;
  g_autofree char *cached_db = NULL;
  g_autofree char *work_dir = NULL;
  g_autofree char *work_db = NULL;
  g_autoptr(TendContext) context = NULL;
  g_autoptr(TendUsage) usage = NULL;
  g_autoptr(GError) error = NULL;
  double medians[G_N_ELEMENTS (periods)];
  GDate day;

  setlocale (LC_ALL, "");

  if (argc != 2)
    {
      g_printerr ("usage: bench-insights CACHE_DIR\n");
      return EXIT_FAILURE;
    }

  cache_dir = g_build_filename (argv[1], "journal-100k", NULL);
  cached_db = g_build_filename (cache_dir, "journal.db", NULL);
  if (!g_file_test (cached_db, G_FILE_TEST_EXISTS))
    tend_bench_generate_journal (cache_dir);

  work_dir = g_dir_make_tmp ("tend-bench-XXXXXX", &error);
  g_assert_no_error (error);
  work_db = g_build_filename (work_dir, "journal.db", NULL);
  if (!copy_file (cached_db, work_db, &error))
    g_error ("%s", error->message);

  context = tend_context_new (work_dir, NULL);
  if (!tend_context_open (context, &error))
    g_error ("%s", error->message);
  add_usage (tend_context_get_database (context));
  usage = tend_usage_new (tend_context_get_database (context), tend_context_get_clock (context));

  g_date_clear (&day, 1);
  g_date_set_julian (&day, (guint32) (TEND_BENCH_END / 86400 + 719163));

  g_print ("\nInsights of the week, month and year of %d-%02d-%02d (%d check-ins in the journal, "
           "%d runs each):\n\n",
           g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day),
           TEND_BENCH_N_ENTRIES, N_RUNS);
  g_print ("%-7s %-25s %9s %6s %11s %9s %9s %9s\n",
           "period", "days", "check-ins", "points", "activities", "p50 ms", "p95 ms", "max ms");

  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    {
      g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(TendInsightsReport) report = NULL;
      char first[16], last[16];
      double max = 0;

      /* A warm-up, which also gives the figures shown. */
      time_report (tend_context_get_journal (context), usage, periods[p].period, &day, &report);

      for (guint run = 0; run < N_RUNS; run++)
        {
          double ms = time_report (tend_context_get_journal (context), usage,
                                   periods[p].period, &day, NULL);

          g_array_append_val (samples, ms);
          max = MAX (max, ms);
        }

      g_date_strftime (first, sizeof first, "%Y-%m-%d", &report->first);
      g_date_strftime (last, sizeof last, "%Y-%m-%d", &report->last);
      medians[p] = tend_test_percentile (samples, 0.5);
      g_print ("%-7s %s – %s %9u %6u %11u %9.2f %9.2f %9.2f\n",
               periods[p].name, first, last, report->n_entries, report->points->len,
               report->activities->len, medians[p], tend_test_percentile (samples, 0.95), max);
      g_print ("        (%u days with check-ins, %u with screen time, %u activities compared)\n",
               report->n_days, report->n_screen_days, report->activity_moods->len);
    }

  g_print ("\ninsights_ms=%.2f\n", medians[2]);
  g_print ("insights_week_ms=%.2f\n", medians[0]);
  g_print ("insights_month_ms=%.2f\n", medians[1]);

  return EXIT_SUCCESS;
}
