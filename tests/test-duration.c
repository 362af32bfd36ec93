/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tend-duration.h"

/* Runs in the C locale, where the words are the untranslated English ones. */
static void
check_duration (guint       seconds,
                const char *expected)
{
  g_autofree char *text = tend_usage_format_duration (seconds);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_durations (void)
{
  check_duration (0, "0 minutes");
  check_duration (1, "Less than a minute");
  check_duration (59, "Less than a minute");
  check_duration (60, "1 minute");
  check_duration (119, "1 minute");
  check_duration (45 * 60, "45 minutes");
  check_duration (3600, "1 hour");
  check_duration (3 * 3600, "3 hours");
  check_duration (3 * 3600 + 59, "3 hours");
  check_duration (3600 + 30 * 60, "1 hour 30 minutes");
  check_duration (2 * 3600 + 60, "2 hours 1 minute");
  check_duration (25 * 3600, "25 hours");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/duration/words", test_durations);

  return g_test_run ();
}
