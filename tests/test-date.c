/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tend-date.h"
#include "tend-test-utils.h"

/* Runs in the C locale and UTC, where the formats are the untranslated English ones. */
static void
test_day_headings (void)
{
  g_autoptr(GDateTime) now = tend_test_date_time ("2026-11-21T10:30:00Z");
  g_autoptr(GDateTime) earlier_today = tend_test_date_time ("2026-11-21T00:05:00Z");
  g_autoptr(GDateTime) last_night = tend_test_date_time ("2026-11-20T23:59:00Z");
  g_autoptr(GDateTime) this_year = tend_test_date_time ("2026-03-05T12:00:00Z");
  g_autoptr(GDateTime) last_year = tend_test_date_time ("2025-11-21T12:00:00Z");
  g_autofree char *today = tend_date_format_day (earlier_today, now);
  g_autofree char *yesterday = tend_date_format_day (last_night, now);
  g_autofree char *march = tend_date_format_day (this_year, now);
  g_autofree char *older = tend_date_format_day (last_year, now);
  g_autofree char *time = tend_date_format_time (earlier_today);

  g_assert_cmpstr (today, ==, "Today");
  g_assert_cmpstr (yesterday, ==, "Yesterday");
  g_assert_cmpstr (march, ==, "Thursday, March 5");
  g_assert_cmpstr (older, ==, "Friday, November 21, 2025");
  g_assert_cmpstr (time, ==, "00:05");
}

static void
test_same_day (void)
{
  g_autoptr(GDateTime) a = tend_test_date_time ("2026-11-21T00:00:00Z");
  g_autoptr(GDateTime) b = tend_test_date_time ("2026-11-21T23:59:59Z");
  g_autoptr(GDateTime) c = tend_test_date_time ("2026-11-22T00:00:00Z");
  /* Written in another zone, the day is the reader's local day. */
  g_autoptr(GDateTime) d = tend_test_date_time ("2026-11-22T01:00:00+02:00");

  g_assert_true (tend_date_same_day (a, b));
  g_assert_false (tend_date_same_day (b, c));
  g_assert_true (tend_date_same_day (d, b));
}

/* Every time of day in Tend goes through one rule, so the journal, the editor, Screen
 * Time and the backups never disagree about the clock. */
static void
test_clock (void)
{
  g_autoptr(GDateTime) afternoon = tend_test_date_time ("2026-11-21T15:30:00Z");
  g_autoptr(GDateTime) midnight = tend_test_date_time ("2026-11-21T00:05:00Z");
  g_autofree char *pm = tend_date_format_clock (afternoon, TRUE);
  g_autofree char *am = tend_date_format_clock (midnight, TRUE);
  g_autofree char *h24 = tend_date_format_clock (afternoon, FALSE);
  g_autofree char *chosen = tend_date_format_clock (afternoon, tend_date_uses_12h_clock ());
  g_autofree char *shown = tend_date_format_time (afternoon);

  g_assert_cmpstr (pm, ==, "3:30 PM");
  g_assert_cmpstr (am, ==, "12:05 AM");
  g_assert_cmpstr (h24, ==, "15:30");
  g_assert_cmpstr (shown, ==, chosen);
  /* Read once: the answer does not change within a run */
  g_assert_cmpint (tend_date_uses_12h_clock (), ==, tend_date_uses_12h_clock ());
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/day-headings", test_day_headings);
  g_test_add_func ("/date/same-day", test_same_day);
  g_test_add_func ("/date/clock", test_clock);

  return g_test_run ();
}
