/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tend-reminders.h"
#include "tend-test-usage.h"
#include "tend-test-utils.h"

/* The tests run with TZ=UTC, so local times below are UTC times. */

typedef struct
{
  TendDatabase  *database;
  TendClock     *clock;
  TendUsage     *usage;
  TendReminders *reminders;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *dir = tend_test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(GDateTime) start = tend_test_date_time ((const char *) data);
  g_autoptr(GError) error = NULL;

  fixture->database = tend_database_open (path, &error);
  g_assert_no_error (error);
  fixture->clock = tend_clock_new_manual (start);
  fixture->usage = tend_usage_new (fixture->database, fixture->clock);
  fixture->reminders = tend_reminders_new (fixture->usage);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->reminders);
  g_clear_object (&fixture->usage);
  g_clear_object (&fixture->clock);
  g_clear_object (&fixture->database);
}

static gint64
at (const char *iso8601)
{
  g_autoptr(GDateTime) time = tend_test_date_time (iso8601);

  return g_date_time_to_unix (time);
}

static void
set_active (Fixture  *fixture,
            gboolean  active)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tend_usage_set_active (fixture->usage, active, tend_test_clock_now_s (fixture->clock), &error));
  g_assert_no_error (error);
}

/* What is due next, and when (unix s, 0 for nothing). */
static TendReminderKind
next_due (Fixture *fixture,
          gint64  *when)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) time = NULL;
  TendReminderKind kind;

  kind = tend_reminders_next_due (fixture->reminders, &time, &error);
  g_assert_no_error (error);
  g_assert_true ((kind == TEND_REMINDER_NONE) == (time == NULL));
  *when = time != NULL ? g_date_time_to_unix (time) : 0;
  return kind;
}

static void
assert_due (Fixture          *fixture,
            TendReminderKind  expected_kind,
            gint64            expected_when)
{
  gint64 when = 0;
  TendReminderKind kind = next_due (fixture, &when);

  g_assert_cmpint (kind, ==, expected_kind);
  g_assert_cmpint (when, ==, expected_when);
}

static void
test_off_by_default (Fixture       *fixture,
                     gconstpointer  data)
{
  g_assert_false (tend_reminders_get_break_enabled (fixture->reminders));
  g_assert_false (tend_reminders_get_eye_rest_enabled (fixture->reminders));
  g_assert_cmpuint (tend_reminders_get_break_interval (fixture->reminders), ==, 50);
  g_assert_cmpuint (tend_reminders_get_break_length (fixture->reminders), ==, 5);
  g_assert_cmpuint (tend_reminders_get_daily_goal (fixture->reminders), ==, 0);

  set_active (fixture, TRUE);
  tend_test_run_for (fixture->usage, fixture->clock, 3 * 60 * 60);
  assert_due (fixture, TEND_REMINDER_NONE, 0);
}

/* A break is due after 50 minutes of continuous use, once. */
static void
test_continuous_use (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 start = tend_test_clock_now_s (fixture->clock);

  tend_reminders_set_break_enabled (fixture->reminders, TRUE);

  /* Nothing is due while nobody is there */
  assert_due (fixture, TEND_REMINDER_NONE, 0);

  set_active (fixture, TRUE);
  assert_due (fixture, TEND_REMINDER_BREAK, start + 50 * 60);
  tend_test_run_for (fixture->usage, fixture->clock, 30 * 60);
  assert_due (fixture, TEND_REMINDER_BREAK, start + 50 * 60);

  /* Three minutes idle (shorter than a break) do not count, and move the time on */
  set_active (fixture, FALSE);
  assert_due (fixture, TEND_REMINDER_NONE, 0);
  tend_test_run_for (fixture->usage, fixture->clock, 3 * 60);
  set_active (fixture, TRUE);
  assert_due (fixture, TEND_REMINDER_BREAK, start + 53 * 60);

  tend_test_run_for (fixture->usage, fixture->clock, 23 * 60);
  assert_due (fixture, TEND_REMINDER_BREAK, tend_test_clock_now_s (fixture->clock));
  tend_reminders_shown (fixture->reminders, TEND_REMINDER_BREAK);
  assert_due (fixture, TEND_REMINDER_NONE, 0);
  tend_test_run_for (fixture->usage, fixture->clock, 30 * 60);
  assert_due (fixture, TEND_REMINDER_NONE, 0);
  g_assert_false (tend_reminders_is_stale (fixture->reminders, TEND_REMINDER_BREAK));
}

/* Time away at least as long as a break is the break: the reminder is stale, and the next
 * one comes 50 minutes into the next stretch. */
static void
test_natural_break (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 back;

  tend_reminders_set_break_enabled (fixture->reminders, TRUE);
  set_active (fixture, TRUE);
  tend_test_run_for (fixture->usage, fixture->clock, 50 * 60);
  tend_reminders_shown (fixture->reminders, TEND_REMINDER_BREAK);
  g_assert_false (tend_reminders_is_stale (fixture->reminders, TEND_REMINDER_BREAK));

  set_active (fixture, FALSE);
  tend_test_run_for (fixture->usage, fixture->clock, 4 * 60);
  g_assert_false (tend_reminders_is_stale (fixture->reminders, TEND_REMINDER_BREAK));
  tend_test_run_for (fixture->usage, fixture->clock, 60);
  g_assert_true (tend_reminders_is_stale (fixture->reminders, TEND_REMINDER_BREAK));

  tend_test_run_for (fixture->usage, fixture->clock, 10 * 60);
  back = tend_test_clock_now_s (fixture->clock);
  set_active (fixture, TRUE);
  g_assert_true (tend_reminders_is_stale (fixture->reminders, TEND_REMINDER_BREAK));
  assert_due (fixture, TEND_REMINDER_BREAK, back + 50 * 60);

  /* The usage tracker counts breaks of the same length */
  tend_reminders_set_break_length (fixture->reminders, 15);
  g_assert_cmpuint (tend_usage_get_break_length (fixture->usage), ==, 15 * 60);
}

/* "In 10 minutes" brings the reminder back 10 minutes later; after two snoozes in a row
 * the reminder offers a pause instead, until a break is taken. */
static void
test_snooze (Fixture       *fixture,
             gconstpointer  data)
{
  tend_reminders_set_break_enabled (fixture->reminders, TRUE);
  set_active (fixture, TRUE);
  tend_test_run_for (fixture->usage, fixture->clock, 50 * 60);
  assert_due (fixture, TEND_REMINDER_BREAK, tend_test_clock_now_s (fixture->clock));
  tend_reminders_shown (fixture->reminders, TEND_REMINDER_BREAK);
  g_assert_false (tend_reminders_should_offer_pause (fixture->reminders));

  tend_reminders_snooze (fixture->reminders);
  assert_due (fixture, TEND_REMINDER_BREAK, tend_test_clock_now_s (fixture->clock) + 10 * 60);
  g_assert_false (tend_reminders_should_offer_pause (fixture->reminders));
  tend_test_run_for (fixture->usage, fixture->clock, 10 * 60);
  assert_due (fixture, TEND_REMINDER_BREAK, tend_test_clock_now_s (fixture->clock));
  tend_reminders_shown (fixture->reminders, TEND_REMINDER_BREAK);

  tend_reminders_snooze (fixture->reminders);
  g_assert_true (tend_reminders_should_offer_pause (fixture->reminders));
  tend_test_run_for (fixture->usage, fixture->clock, 10 * 60);
  assert_due (fixture, TEND_REMINDER_BREAK, tend_test_clock_now_s (fixture->clock));
  tend_reminders_shown (fixture->reminders, TEND_REMINDER_BREAK);
  g_assert_true (tend_reminders_should_offer_pause (fixture->reminders));

  /* A break ends the run of snoozes */
  set_active (fixture, FALSE);
  tend_test_run_for (fixture->usage, fixture->clock, 6 * 60);
  set_active (fixture, TRUE);
  g_assert_false (tend_reminders_should_offer_pause (fixture->reminders));
  tend_test_run_for (fixture->usage, fixture->clock, 50 * 60);
  tend_reminders_shown (fixture->reminders, TEND_REMINDER_BREAK);
  tend_reminders_snooze (fixture->reminders);
  g_assert_false (tend_reminders_should_offer_pause (fixture->reminders));

  /* So does a pause */
  tend_reminders_snooze (fixture->reminders);
  g_assert_true (tend_reminders_should_offer_pause (fixture->reminders));
  tend_reminders_pause (fixture->reminders, TEND_REMINDERS_PAUSE_1_HOUR);
  g_assert_false (tend_reminders_should_offer_pause (fixture->reminders));
}

/* Quiet hours from 22:00 to 07:00 span midnight; a reminder due in them waits for their
 * end, and comes then only if it is still due. */
static void
test_quiet_hours (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) t2300 = tend_test_date_time ("2026-11-20T23:00:00Z");
  g_autoptr(GDateTime) t0659 = tend_test_date_time ("2026-11-21T06:59:00Z");
  g_autoptr(GDateTime) t0700 = tend_test_date_time ("2026-11-21T07:00:00Z");
  g_autoptr(GDateTime) t2159 = tend_test_date_time ("2026-11-20T21:59:00Z");
  g_autoptr(GDateTime) t1230 = tend_test_date_time ("2026-11-20T12:30:00Z");

  tend_reminders_set_break_enabled (fixture->reminders, TRUE);
  tend_reminders_set_quiet_hours (fixture->reminders, 22 * 60, 7 * 60);
  g_assert_true (tend_reminders_is_quiet_at (fixture->reminders, t2300));
  g_assert_true (tend_reminders_is_quiet_at (fixture->reminders, t0659));
  g_assert_false (tend_reminders_is_quiet_at (fixture->reminders, t0700));
  g_assert_false (tend_reminders_is_quiet_at (fixture->reminders, t2159));
  g_assert_false (tend_reminders_is_quiet_at (fixture->reminders, t1230));

  /* The fixture starts at 21:30: the break would be due at 22:20 */
  set_active (fixture, TRUE);
  assert_due (fixture, TEND_REMINDER_BREAK, at ("2026-11-21T07:00:00Z"));
  tend_test_run_for (fixture->usage, fixture->clock, 60 * 60);
  assert_due (fixture, TEND_REMINDER_BREAK, at ("2026-11-21T07:00:00Z"));

  /* After the night, the stretch is over, and nothing is left to show at 07:00 */
  set_active (fixture, FALSE);
  tend_test_clock_set_s (fixture->clock, at ("2026-11-21T07:00:00Z"));
  assert_due (fixture, TEND_REMINDER_NONE, 0);
  set_active (fixture, TRUE);
  assert_due (fixture, TEND_REMINDER_BREAK, at ("2026-11-21T07:50:00Z"));

  /* Quiet hours within a day */
  tend_reminders_set_quiet_hours (fixture->reminders, 7 * 60 + 30, 8 * 60);
  g_assert_true (tend_reminders_is_quiet_at (fixture->reminders, t0700) == FALSE);
  assert_due (fixture, TEND_REMINDER_BREAK, at ("2026-11-21T08:00:00Z"));

  /* Equal times, or none, mean no quiet hours */
  tend_reminders_set_quiet_hours (fixture->reminders, 8 * 60, 8 * 60);
  assert_due (fixture, TEND_REMINDER_BREAK, at ("2026-11-21T07:50:00Z"));
  tend_reminders_set_quiet_hours (fixture->reminders, -1, -1);
  g_assert_false (tend_reminders_is_quiet_at (fixture->reminders, t2300));
}

static gint64
paused_until (Fixture *fixture)
{
  g_autoptr(GDateTime) until = tend_reminders_get_paused_until (fixture->reminders);

  return until != NULL ? g_date_time_to_unix (until) : 0;
}

/* Every pause ends: 30 minutes, an hour, or the next 03:00; a reminder due during it
 * comes when it ends. */
static void
test_pause (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GDateTime) far = tend_test_date_time ("2027-01-01T00:00:00Z");
  gint64 start = tend_test_clock_now_s (fixture->clock);

  tend_reminders_set_break_enabled (fixture->reminders, TRUE);
  set_active (fixture, TRUE);
  tend_test_run_for (fixture->usage, fixture->clock, 40 * 60);

  tend_reminders_pause (fixture->reminders, TEND_REMINDERS_PAUSE_30_MINUTES);
  g_assert_cmpint (paused_until (fixture), ==, start + 70 * 60);
  assert_due (fixture, TEND_REMINDER_BREAK, start + 70 * 60);
  tend_test_run_for (fixture->usage, fixture->clock, 30 * 60);
  g_assert_cmpint (paused_until (fixture), ==, 0);
  assert_due (fixture, TEND_REMINDER_BREAK, tend_test_clock_now_s (fixture->clock));

  tend_reminders_pause (fixture->reminders, TEND_REMINDERS_PAUSE_1_HOUR);
  g_assert_cmpint (paused_until (fixture), ==, tend_test_clock_now_s (fixture->clock) + 60 * 60);
  assert_due (fixture, TEND_REMINDER_BREAK, tend_test_clock_now_s (fixture->clock) + 60 * 60);
  tend_test_run_for (fixture->usage, fixture->clock, 60 * 60);
  g_assert_cmpint (paused_until (fixture), ==, 0);

  /* The fixture started at 10:00: until tomorrow is the next day's 03:00 */
  tend_reminders_pause (fixture->reminders, TEND_REMINDERS_PAUSE_UNTIL_TOMORROW);
  g_assert_cmpint (paused_until (fixture), ==, at ("2026-11-21T03:00:00Z"));
  tend_test_clock_set_s (fixture->clock, at ("2026-11-21T02:59:59Z"));
  g_assert_cmpint (paused_until (fixture), ==, at ("2026-11-21T03:00:00Z"));
  tend_test_clock_set_s (fixture->clock, at ("2026-11-21T03:00:00Z"));
  g_assert_cmpint (paused_until (fixture), ==, 0);

  /* After midnight, "tomorrow" starts at the coming 03:00 */
  tend_test_clock_set_s (fixture->clock, at ("2026-11-22T01:00:00Z"));
  tend_reminders_pause (fixture->reminders, TEND_REMINDERS_PAUSE_UNTIL_TOMORROW);
  g_assert_cmpint (paused_until (fixture), ==, at ("2026-11-22T03:00:00Z"));

  /* A stored pause is kept to a day at most, and one in the past is none */
  tend_reminders_set_paused_until (fixture->reminders, far);
  g_assert_cmpint (paused_until (fixture), ==, at ("2026-11-23T01:00:00Z"));
  tend_reminders_set_paused_until (fixture->reminders, NULL);
  g_assert_cmpint (paused_until (fixture), ==, 0);
}

/* The daily goal notice comes once, when the day's use passes the goal; days start at
 * 03:00, so use after midnight still counts for the evening before. */
static void
test_day_boundary (Fixture       *fixture,
                   gconstpointer  data)
{
  tend_reminders_set_daily_goal (fixture->reminders, 60);

  /* The fixture starts at 02:00: 30 minutes of the evening's use so far */
  set_active (fixture, TRUE);
  tend_test_run_for (fixture->usage, fixture->clock, 30 * 60);
  /* The goal would be passed at 03:00, when a new day begins: not due */
  assert_due (fixture, TEND_REMINDER_NONE, 0);
  tend_test_run_for (fixture->usage, fixture->clock, 30 * 60);
  /* 03:00: the new day has 0 minutes */
  assert_due (fixture, TEND_REMINDER_GOAL_PASSED, at ("2026-11-21T04:00:00Z"));
  tend_test_run_for (fixture->usage, fixture->clock, 60 * 60);
  assert_due (fixture, TEND_REMINDER_GOAL_PASSED, at ("2026-11-21T04:00:00Z"));
  tend_reminders_shown (fixture->reminders, TEND_REMINDER_GOAL_PASSED);
  assert_due (fixture, TEND_REMINDER_NONE, 0);
  tend_test_run_for (fixture->usage, fixture->clock, 60 * 60);
  assert_due (fixture, TEND_REMINDER_NONE, 0);

  /* The next day it can come again */
  set_active (fixture, FALSE);
  tend_test_clock_set_s (fixture->clock, at ("2026-11-22T09:00:00Z"));
  set_active (fixture, TRUE);
  assert_due (fixture, TEND_REMINDER_GOAL_PASSED, at ("2026-11-22T10:00:00Z"));
}

/* A suspend longer than a break is a break. */
static void
test_suspend_gap (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 resumed;

  tend_reminders_set_break_enabled (fixture->reminders, TRUE);
  set_active (fixture, TRUE);
  tend_test_run_for (fixture->usage, fixture->clock, 45 * 60);
  tend_reminders_shown (fixture->reminders, TEND_REMINDER_BREAK);

  resumed = tend_test_clock_now_s (fixture->clock) + 20 * 60;
  tend_test_clock_set_s (fixture->clock, resumed);
  g_assert_true (tend_reminders_is_stale (fixture->reminders, TEND_REMINDER_BREAK));
  g_assert_true (tend_usage_tick (fixture->usage, &error));
  g_assert_no_error (error);
  assert_due (fixture, TEND_REMINDER_BREAK, resumed + 50 * 60);

  /* A short one is not */
  tend_test_run_for (fixture->usage, fixture->clock, 30 * 60);
  tend_test_clock_set_s (fixture->clock, tend_test_clock_now_s (fixture->clock) + 2 * 60);
  g_assert_true (tend_usage_tick (fixture->usage, &error));
  g_assert_no_error (error);
  assert_due (fixture, TEND_REMINDER_BREAK, resumed + 50 * 60 + 2 * 60);
}

/* Eye rest: every 20 minutes of use; any time away is rest enough. */
static void
test_eye_rest (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 start = tend_test_clock_now_s (fixture->clock);

  tend_reminders_set_eye_rest_enabled (fixture->reminders, TRUE);
  tend_reminders_set_break_enabled (fixture->reminders, TRUE);
  set_active (fixture, TRUE);
  assert_due (fixture, TEND_REMINDER_EYE_REST, start + 20 * 60);
  tend_test_run_for (fixture->usage, fixture->clock, 20 * 60);
  tend_reminders_shown (fixture->reminders, TEND_REMINDER_EYE_REST);
  assert_due (fixture, TEND_REMINDER_EYE_REST, start + 40 * 60);
  tend_test_run_for (fixture->usage, fixture->clock, 20 * 60);
  tend_reminders_shown (fixture->reminders, TEND_REMINDER_EYE_REST);
  /* The break comes before the third eye rest */
  assert_due (fixture, TEND_REMINDER_BREAK, start + 50 * 60);

  tend_reminders_set_break_enabled (fixture->reminders, FALSE);
  g_assert_false (tend_reminders_is_stale (fixture->reminders, TEND_REMINDER_EYE_REST));
  set_active (fixture, FALSE);
  tend_test_run_for (fixture->usage, fixture->clock, 60);
  g_assert_true (tend_reminders_is_stale (fixture->reminders, TEND_REMINDER_EYE_REST));
  set_active (fixture, TRUE);
  assert_due (fixture, TEND_REMINDER_EYE_REST, tend_test_clock_now_s (fixture->clock) + 20 * 60);
}

static gint64
pause_end (const char *nick,
           const char *now_iso8601)
{
  g_autoptr(GDateTime) now = tend_test_date_time (now_iso8601);
  TendRemindersPause length;

  g_assert_true (tend_reminders_pause_from_nick (nick, &length));
  return tend_reminders_get_pause_end (length, now);
}

/* The ends of the pauses the app writes to reminders-paused-until. */
static void
test_pause_end (void)
{
  TendRemindersPause length;

  g_assert_cmpint (pause_end ("30-minutes", "2026-11-21T10:30:00Z"), ==, at ("2026-11-21T11:00:00Z"));
  g_assert_cmpint (pause_end ("1-hour", "2026-11-21T23:30:00Z"), ==, at ("2026-11-22T00:30:00Z"));

  /* Until tomorrow: the next 03:00, which after midnight is the same date */
  g_assert_cmpint (pause_end ("until-tomorrow", "2026-11-21T10:30:00Z"), ==, at ("2026-11-22T03:00:00Z"));
  g_assert_cmpint (pause_end ("until-tomorrow", "2026-11-21T23:59:00Z"), ==, at ("2026-11-22T03:00:00Z"));
  g_assert_cmpint (pause_end ("until-tomorrow", "2026-11-22T01:00:00Z"), ==, at ("2026-11-22T03:00:00Z"));
  g_assert_cmpint (pause_end ("until-tomorrow", "2026-11-22T02:59:59Z"), ==, at ("2026-11-22T03:00:00Z"));
  g_assert_cmpint (pause_end ("until-tomorrow", "2026-11-22T03:00:00Z"), ==, at ("2026-11-23T03:00:00Z"));

  /* A day of 25 hours, when the clocks go back, still pauses for 24 hours at most */
  g_setenv ("TZ", "Europe/Paris", TRUE);
  g_assert_cmpint (pause_end ("until-tomorrow", "2026-10-24T03:00:00+02:00"), ==,
                   at ("2026-10-25T02:00:00+01:00"));
  g_assert_cmpint (pause_end ("until-tomorrow", "2026-10-24T12:00:00+02:00"), ==,
                   at ("2026-10-25T03:00:00+01:00"));
  g_setenv ("TZ", "UTC", TRUE);

  g_assert_false (tend_reminders_pause_from_nick ("forever", &length));
  g_assert_false (tend_reminders_pause_from_nick ("", &length));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, start, func) \
  g_test_add (path, Fixture, start, fixture_set_up, func, fixture_tear_down)

  ADD ("/reminders/off-by-default", "2026-11-20T09:00:00Z", test_off_by_default);
  ADD ("/reminders/continuous-use", "2026-11-20T09:00:00Z", test_continuous_use);
  ADD ("/reminders/natural-break", "2026-11-20T09:00:00Z", test_natural_break);
  ADD ("/reminders/snooze", "2026-11-20T09:00:00Z", test_snooze);
  ADD ("/reminders/quiet-hours", "2026-11-20T21:30:00Z", test_quiet_hours);
  ADD ("/reminders/pause", "2026-11-20T10:00:00Z", test_pause);
  ADD ("/reminders/day-boundary", "2026-11-21T02:00:00Z", test_day_boundary);
  ADD ("/reminders/suspend-gap", "2026-11-20T09:00:00Z", test_suspend_gap);
  ADD ("/reminders/eye-rest", "2026-11-20T09:00:00Z", test_eye_rest);

#undef ADD

  g_test_add_func ("/reminders/pause-end", test_pause_end);

  return g_test_run ();
}
