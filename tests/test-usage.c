/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "tend-database-private.h"
#include "tend-journal.h"
#include "tend-test-usage.h"
#include "tend-test-utils.h"
#include "tend-usage.h"

/* The tests run with TZ=UTC, so local times below are UTC times. */

typedef struct
{
  char         *path;
  TendDatabase *database;
  TendClock    *clock;
  TendUsage    *usage;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *dir = tend_test_make_data_dir ();
  g_autoptr(GDateTime) start = tend_test_date_time ((const char *) data);
  g_autoptr(GError) error = NULL;

  fixture->path = g_build_filename (dir, "journal.db", NULL);
  fixture->database = tend_database_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->clock = tend_clock_new_manual (start);
  fixture->usage = tend_usage_new (fixture->database, fixture->clock);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->usage);
  g_clear_object (&fixture->clock);
  g_clear_object (&fixture->database);
  g_clear_pointer (&fixture->path, g_free);
}

static void
set_active (Fixture  *fixture,
            gboolean  active,
            gint64    at)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tend_usage_set_active (fixture->usage, active, at, &error));
  g_assert_no_error (error);
}

static guint
day_total (Fixture    *fixture,
           const char *ymd)
{
  g_autoptr(GError) error = NULL;
  GDate day;
  guint total;

  g_date_clear (&day, 1);
  g_date_set_parse (&day, ymd);
  g_assert_true (g_date_valid (&day));
  total = tend_usage_get_day_total (fixture->usage, &day, &error);
  g_assert_no_error (error);
  return total;
}

static guint
continuous (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  guint seconds = tend_usage_get_continuous (fixture->usage, &error);

  g_assert_no_error (error);
  return seconds;
}

static gint64
count_rows (Fixture *fixture)
{
  gint64 n = -1;
  g_autoptr(GError) error = NULL;

  g_assert_true (_tend_database_query_int64 (tend_database_get_handle (fixture->database),
                                             "SELECT count(*) FROM usage_intervals",
                                             &n, &error));
  g_assert_no_error (error);
  return n;
}

static gint64
stored_total (Fixture *fixture)
{
  gint64 n = -1;
  g_autoptr(GError) error = NULL;

  g_assert_true (_tend_database_query_int64 (tend_database_get_handle (fixture->database),
                                             "SELECT total(ended_at - started_at) "
                                             "FROM usage_intervals",
                                             &n, &error));
  g_assert_no_error (error);
  return n;
}

/* An hour of use with input all along: one span, stored as it grows. */
static void
test_continuous_use (Fixture       *fixture,
                     gconstpointer  data)
{
  g_assert_false (tend_usage_is_active (fixture->usage));
  g_assert_cmpuint (continuous (fixture), ==, 0);

  set_active (fixture, TRUE, tend_test_clock_now_s (fixture->clock));
  g_assert_true (tend_usage_is_active (fixture->usage));
  g_assert_cmpint (count_rows (fixture), ==, 1);

  tend_test_run_for (fixture->usage, fixture->clock, 30 * 60);
  g_assert_cmpuint (continuous (fixture), ==, 30 * 60);
  /* Written as it happens, not at the end */
  g_assert_cmpint (stored_total (fixture), ==, 30 * 60);

  tend_test_run_for (fixture->usage, fixture->clock, 30 * 60 + 20);
  g_assert_cmpuint (continuous (fixture), ==, 60 * 60 + 20);
  g_assert_cmpuint (day_total (fixture, "2026-11-20"), ==, 60 * 60 + 20);
  g_assert_cmpint (count_rows (fixture), ==, 1);

  /* The open span counts up to now between ticks too */
  tend_test_clock_set_s (fixture->clock, tend_test_clock_now_s (fixture->clock) + 30);
  g_assert_cmpuint (day_total (fixture, "2026-11-20"), ==, 60 * 60 + 50);
}

/* Idle time does not count; a gap shorter than a break keeps the stretch going, a gap as
 * long as a break ends it. */
static void
test_breaks (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = NULL;
  gint64 started_at = 0, first_start;
  GDate day;

  first_start = tend_test_clock_now_s (fixture->clock);
  set_active (fixture, TRUE, first_start);
  tend_test_run_for (fixture->usage, fixture->clock, 20 * 60);

  /* Idle for 3 minutes: idle began at the last input, two minutes before the source
   * noticed. */
  tend_test_run_for (fixture->usage, fixture->clock, 2 * 60);
  set_active (fixture, FALSE, tend_test_clock_now_s (fixture->clock) - 2 * 60);
  g_assert_cmpuint (continuous (fixture), ==, 20 * 60);
  tend_test_run_for (fixture->usage, fixture->clock, 60);
  set_active (fixture, TRUE, tend_test_clock_now_s (fixture->clock));
  tend_test_run_for (fixture->usage, fixture->clock, 10 * 60);
  g_assert_cmpuint (continuous (fixture), ==, 30 * 60);
  g_assert_cmpuint (tend_usage_get_stretch (fixture->usage, 300, &started_at, &error),
                    ==, 30 * 60);
  g_assert_cmpint (started_at, ==, first_start);

  /* Away for 5 minutes: a break. The stretch is over as soon as the break is long enough,
   * before the user comes back. */
  set_active (fixture, FALSE, tend_test_clock_now_s (fixture->clock));
  tend_test_run_for (fixture->usage, fixture->clock, 4 * 60);
  g_assert_cmpuint (continuous (fixture), ==, 30 * 60);
  tend_test_run_for (fixture->usage, fixture->clock, 60);
  g_assert_cmpuint (continuous (fixture), ==, 0);
  g_assert_cmpuint (tend_usage_get_stretch (fixture->usage, 300, &started_at, &error), ==, 0);
  g_assert_cmpint (started_at, ==, 0);

  set_active (fixture, TRUE, tend_test_clock_now_s (fixture->clock));
  tend_test_run_for (fixture->usage, fixture->clock, 5 * 60);
  g_assert_cmpuint (continuous (fixture), ==, 5 * 60);

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 20, 11, 2026);
  days = tend_usage_get_days (fixture->usage, &day, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 1);
  g_assert_cmpuint (g_array_index (days, TendUsageDay, 0).active_s, ==, 35 * 60);
  /* The 3-minute gap is not a break; the 5-minute one is */
  g_assert_cmpuint (g_array_index (days, TendUsageDay, 0).n_breaks, ==, 1);

  /* With a longer break length, neither gap is a break */
  tend_usage_set_break_length (fixture->usage, 10 * 60);
  g_assert_cmpuint (continuous (fixture), ==, 35 * 60);
}

/* Days run from 03:00 to 03:00: a span from 02:30 to 03:30 counts 30 minutes on each. */
static void
test_day_boundary (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GDateTime) late = tend_test_date_time ("2026-11-21T02:59:59Z");
  g_autoptr(GDateTime) early = tend_test_date_time ("2026-11-21T03:00:00Z");
  GDate first, last, day;

  /* The fixture starts at 2026-11-21 02:30 */
  set_active (fixture, TRUE, tend_test_clock_now_s (fixture->clock));
  tend_test_run_for (fixture->usage, fixture->clock, 60 * 60);
  set_active (fixture, FALSE, tend_test_clock_now_s (fixture->clock));

  g_assert_cmpuint (day_total (fixture, "2026-11-20"), ==, 30 * 60);
  g_assert_cmpuint (day_total (fixture, "2026-11-21"), ==, 30 * 60);
  g_assert_cmpuint (day_total (fixture, "2026-11-22"), ==, 0);

  tend_usage_get_day_of (late, &day);
  g_assert_cmpint (g_date_get_day (&day), ==, 20);
  tend_usage_get_day_of (early, &day);
  g_assert_cmpint (g_date_get_day (&day), ==, 21);

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 19, 11, 2026);
  g_date_set_dmy (&last, 22, 11, 2026);
  days = tend_usage_get_days (fixture->usage, &first, &last, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 4);
  g_assert_cmpint (g_date_get_day (&g_array_index (days, TendUsageDay, 0).day), ==, 19);
  g_assert_cmpuint (g_array_index (days, TendUsageDay, 0).active_s, ==, 0);
  g_assert_cmpuint (g_array_index (days, TendUsageDay, 1).active_s, ==, 30 * 60);
  g_assert_cmpuint (g_array_index (days, TendUsageDay, 2).active_s, ==, 30 * 60);
  g_assert_cmpint (g_date_get_day (&g_array_index (days, TendUsageDay, 3).day), ==, 22);
  g_assert_cmpuint (g_array_index (days, TendUsageDay, 3).active_s, ==, 0);
}

/* A suspend shows as a late tick: the span ends at the tick before it, the suspended time
 * does not count, and as it is longer than a break it is a break. */
static void
test_suspend_gap (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = NULL;
  GDate day;

  set_active (fixture, TRUE, tend_test_clock_now_s (fixture->clock));
  tend_test_run_for (fixture->usage, fixture->clock, 20 * 60);

  /* Suspended for 40 minutes; at resume the first tick is late */
  tend_test_clock_set_s (fixture->clock, tend_test_clock_now_s (fixture->clock) + 40 * 60);
  g_assert_cmpuint (day_total (fixture, "2026-11-20"), ==, 20 * 60);
  g_assert_cmpuint (continuous (fixture), ==, 0);
  g_assert_true (tend_usage_tick (fixture->usage, &error));
  g_assert_no_error (error);
  g_assert_true (tend_usage_is_active (fixture->usage));
  g_assert_cmpuint (continuous (fixture), ==, 0);

  tend_test_run_for (fixture->usage, fixture->clock, 10 * 60);
  g_assert_cmpuint (day_total (fixture, "2026-11-20"), ==, 30 * 60);
  g_assert_cmpuint (continuous (fixture), ==, 10 * 60);
  g_assert_cmpint (stored_total (fixture), ==, 30 * 60);

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 20, 11, 2026);
  days = tend_usage_get_days (fixture->usage, &day, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_array_index (days, TendUsageDay, 0).n_breaks, ==, 1);

  /* Suspended again, and at resume the source reports idle since before the suspend:
   * the span still ends at the last tick. */
  tend_test_clock_set_s (fixture->clock, tend_test_clock_now_s (fixture->clock) + 30 * 60);
  set_active (fixture, FALSE, tend_test_clock_now_s (fixture->clock) - 2 * 60);
  g_assert_cmpuint (day_total (fixture, "2026-11-20"), ==, 30 * 60);
  g_assert_cmpint (stored_total (fixture), ==, 30 * 60);
}

/* A suspend shorter than a break does not end the stretch, and is not counted. */
static void
test_short_suspend (Fixture       *fixture,
                    gconstpointer  data)
{
  set_active (fixture, TRUE, tend_test_clock_now_s (fixture->clock));
  tend_test_run_for (fixture->usage, fixture->clock, 20 * 60);
  /* The first tick after the resume starts counting again */
  tend_test_clock_set_s (fixture->clock, tend_test_clock_now_s (fixture->clock) + 3 * 60);
  tend_test_run_for (fixture->usage, fixture->clock, 2 * 60);
  g_assert_cmpuint (continuous (fixture), ==, 21 * 60);
  g_assert_cmpuint (day_total (fixture, "2026-11-20"), ==, 21 * 60);
}

/* The clock set back an hour: nothing is counted twice or negative. */
static void
test_clock_set_back (Fixture       *fixture,
                     gconstpointer  data)
{
  set_active (fixture, TRUE, tend_test_clock_now_s (fixture->clock));
  tend_test_run_for (fixture->usage, fixture->clock, 20 * 60);
  tend_test_clock_set_s (fixture->clock, tend_test_clock_now_s (fixture->clock) - 60 * 60);
  tend_test_run_for (fixture->usage, fixture->clock, 10 * 60);
  set_active (fixture, FALSE, tend_test_clock_now_s (fixture->clock));
  /* The minute between the change and the tick that noticed it is not known */
  g_assert_cmpuint (day_total (fixture, "2026-11-20"), ==, 29 * 60);
  g_assert_cmpint (stored_total (fixture), ==, 29 * 60);
}

/* Tend stopped without closing its span (a crash): at most the last minute is lost, and
 * a new tracker on the same file counts on from there. */
static void
test_crash (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TendDatabase) database = NULL;
  g_autoptr(TendUsage) usage = NULL;
  gint64 crashed_at;

  set_active (fixture, TRUE, tend_test_clock_now_s (fixture->clock));
  tend_test_run_for (fixture->usage, fixture->clock, 25 * 60);
  /* 59 seconds after the last tick, the process dies */
  tend_test_clock_set_s (fixture->clock, tend_test_clock_now_s (fixture->clock) + 59);
  crashed_at = tend_test_clock_now_s (fixture->clock);
  g_clear_object (&fixture->usage);
  g_clear_object (&fixture->database);

  tend_test_clock_set_s (fixture->clock, crashed_at + 10 * 60);
  database = tend_database_open (fixture->path, &error);
  g_assert_no_error (error);
  usage = tend_usage_new (database, fixture->clock);
  g_assert_false (tend_usage_is_active (usage));
  {
    GDate day;
    guint total;

    g_date_clear (&day, 1);
    g_date_set_dmy (&day, 20, 11, 2026);
    total = tend_usage_get_day_total (usage, &day, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (total, <=, 25 * 60 + 59);
    g_assert_cmpuint (total, >=, 25 * 60 + 59 - 60);

    g_assert_true (tend_usage_set_active (usage, TRUE, tend_test_clock_now_s (fixture->clock), &error));
    fixture->usage = g_steal_pointer (&usage);
    fixture->database = g_steal_pointer (&database);
    tend_test_run_for (fixture->usage, fixture->clock, 5 * 60);
    g_assert_cmpuint (day_total (fixture, "2026-11-20"), ==, total + 5 * 60);
  }
}

/* Two spans stored over each other (two trackers at once) count once. */
static void
test_overlapping_rows (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TendUsage) other = tend_usage_new (fixture->database, fixture->clock);
  g_autoptr(GError) error = NULL;

  set_active (fixture, TRUE, tend_test_clock_now_s (fixture->clock));
  tend_test_run_for (fixture->usage, fixture->clock, 10 * 60);
  g_assert_true (tend_usage_set_active (other, TRUE, tend_test_clock_now_s (fixture->clock) - 5 * 60, &error));
  tend_test_run_for (fixture->usage, fixture->clock, 10 * 60);
  g_assert_true (tend_usage_tick (other, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture), >=, 2);
  g_assert_cmpuint (day_total (fixture, "2026-11-20"), ==, 20 * 60);
  g_assert_cmpuint (continuous (fixture), ==, 20 * 60);
}

/* A journal of schema version 2, as the previous Tend left it, opens at version 3 with
 * the usage table added and every check-in, tag and emotion kept. */
static void
test_migrate_from_version_2 (void)
{
  g_autofree char *dir = tend_test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TendDatabase) database = NULL;
  g_autoptr(TendJournal) journal = NULL;
  g_autoptr(TendEntry) entry = NULL;
  g_autoptr(TendClock) clock = NULL;
  g_autoptr(TendUsage) usage = NULL;
  g_autoptr(GDateTime) now = tend_test_date_time ("2026-11-20T10:00:00Z");
  const char *const *tags;
  const char *const *emotions;
  sqlite3 *db = NULL;
  gint64 value = 0;
  GDate day;

  g_assert_true (g_mkdir_with_parents (dir, 0700) == 0);
  g_assert_true (_tend_database_create_at_version (path, 2, &error));
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO entries (uuid, occurred_at, utc_offset, mood, "
                                 "  energy, note, created_at, updated_at) VALUES "
                                 "('0b3c3a4e-5d0f-4a43-9d57-4f7d2b9b1c11', 1763600000, 3600, 4, 2, "
                                 "  'a walk by the river', 1763600000, 1763600000),"
                                 "('5f0e8b8c-2b9a-4d8e-8f33-2d6b1f0c7a22', 1763700000, 0, 2, NULL, "
                                 "  '', 1763700000, 1763700000);"
                                 "INSERT INTO entries_fts (rowid, note, emotions, tags) "
                                 "  SELECT id, note, '', '' FROM entries;"
                                 "INSERT INTO entry_tags (entry_id, tag_id) "
                                 "  SELECT 1, id FROM tags WHERE name = 'Outdoors';"
                                 "INSERT INTO entry_emotions VALUES (1, 'calm');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (_tend_database_query_int64 (db, "PRAGMA user_version", &value, NULL), ==, TRUE);
  g_assert_cmpint (value, ==, 2);
  g_assert_cmpint (sqlite3_exec (db, "SELECT * FROM usage_intervals", NULL, NULL, NULL),
                   !=, SQLITE_OK);
  sqlite3_close (db);

  database = tend_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (_tend_database_query_int64 (tend_database_get_handle (database),
                                             "PRAGMA user_version", &value, &error));
  g_assert_cmpint (value, ==, 3);
  g_assert_true (_tend_database_query_int64 (tend_database_get_handle (database),
                                             "SELECT count(*) FROM usage_intervals",
                                             &value, &error));
  g_assert_cmpint (value, ==, 0);

  journal = tend_journal_new (database);
  g_assert_true (tend_journal_load (journal, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tend_journal_get_entries (journal))),
                    ==, 2);
  entry = tend_journal_lookup (journal, "0b3c3a4e-5d0f-4a43-9d57-4f7d2b9b1c11");
  g_assert_nonnull (entry);
  g_assert_cmpstr (tend_entry_get_note (entry), ==, "a walk by the river");
  g_assert_cmpint (tend_entry_get_energy (entry), ==, 2);
  tags = (const char *const *) tend_entry_get_tags (entry);
  g_assert_nonnull (tags);
  g_assert_cmpstr (tags[0], ==, "Outdoors");
  emotions = (const char *const *) tend_entry_get_emotions (entry);
  g_assert_nonnull (emotions);
  g_assert_cmpstr (emotions[0], ==, "calm");
  g_assert_cmpuint (g_list_model_get_n_items (tend_journal_get_tags (journal)), ==, 15);

  /* And usage time can be stored in it */
  clock = tend_clock_new_manual (now);
  usage = tend_usage_new (database, clock);
  g_assert_true (tend_usage_set_active (usage, TRUE, g_date_time_to_unix (now) - 60, &error));
  g_assert_no_error (error);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 20, 11, 2026);
  g_assert_cmpuint (tend_usage_get_day_total (usage, &day, &error), ==, 60);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, start, func) \
  g_test_add (path, Fixture, start, fixture_set_up, func, fixture_tear_down)

  ADD ("/usage/continuous-use", "2026-11-20T09:00:00Z", test_continuous_use);
  ADD ("/usage/breaks", "2026-11-20T09:00:00Z", test_breaks);
  ADD ("/usage/day-boundary", "2026-11-21T02:30:00Z", test_day_boundary);
  ADD ("/usage/suspend-gap", "2026-11-20T09:00:00Z", test_suspend_gap);
  ADD ("/usage/short-suspend", "2026-11-20T09:00:00Z", test_short_suspend);
  ADD ("/usage/clock-set-back", "2026-11-20T09:00:00Z", test_clock_set_back);
  ADD ("/usage/crash", "2026-11-20T09:00:00Z", test_crash);
  ADD ("/usage/overlapping-rows", "2026-11-20T09:00:00Z", test_overlapping_rows);
  g_test_add_func ("/usage/migrate-from-version-2", test_migrate_from_version_2);

#undef ADD

  return g_test_run ();
}
