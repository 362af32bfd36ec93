/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tend-test-usage.h"

/* A manual clock, in unix seconds, for the usage and reminders tests. */
gint64
tend_test_clock_now_s (TendClock *clock)
{
  g_autoptr(GDateTime) now = tend_clock_get_now (clock);

  return g_date_time_to_unix (now);
}

void
tend_test_clock_set_s (TendClock *clock,
                       gint64     unix_s)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (unix_s);

  tend_clock_set_now (clock, now);
}

/* Moves @clock on by @seconds, ticking @usage once a minute as the monitor does. */
void
tend_test_run_for (TendUsage *usage,
                   TendClock *clock,
                   gint64     seconds)
{
  g_autoptr(GError) error = NULL;
  gint64 end = tend_test_clock_now_s (clock) + seconds;

  while (tend_test_clock_now_s (clock) < end)
    {
      tend_test_clock_set_s (clock, MIN (tend_test_clock_now_s (clock) + 60, end));
      g_assert_true (tend_usage_tick (usage, &error));
      g_assert_no_error (error);
    }
}
