/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tend-date.h"

/* Dates as people read them, in their language. The strftime-style formats are
 * translatable because the order of day and month differs between languages. */

/**
 * tend_date_same_day:
 *
 * Returns: whether @a and @b fall on the same calendar day in the local time zone
 */
gboolean
tend_date_same_day (GDateTime *a,
                    GDateTime *b)
{
  g_autoptr(GDateTime) local_a = g_date_time_to_local (a);
  g_autoptr(GDateTime) local_b = g_date_time_to_local (b);
  int ya, ma, da, yb, mb, db;

  g_date_time_get_ymd (local_a, &ya, &ma, &da);
  g_date_time_get_ymd (local_b, &yb, &mb, &db);

  return ya == yb && ma == mb && da == db;
}

static gboolean
is_yesterday (GDateTime *day,
              GDateTime *now)
{
  g_autoptr(GDateTime) local_now = g_date_time_to_local (now);
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (local_now, -1);

  return tend_date_same_day (day, yesterday);
}

/**
 * tend_date_format_long_day:
 *
 * Returns: (transfer full): the weekday and date of @day, with the year only when it is
 *   not the year of @now: “Saturday, November 21”
 */
char *
tend_date_format_long_day (GDateTime *day,
                           GDateTime *now)
{
  g_autoptr(GDateTime) local_day = g_date_time_to_local (day);
  g_autoptr(GDateTime) local_now = g_date_time_to_local (now);

  if (g_date_time_get_year (local_day) == g_date_time_get_year (local_now))
    /* Translators: A day in the current year, as in “Saturday, November 21”. See the
     * strftime(3) manual for the codes; %-d is the day of the month without padding. */
    return g_date_time_format (local_day, C_("day heading", "%A, %B %-d"));

  /* Translators: A day in another year, as in “Friday, November 21, 2025”. See the
   * strftime(3) manual for the codes; %-d is the day of the month without padding. */
  return g_date_time_format (local_day, C_("day heading", "%A, %B %-d, %Y"));
}

/**
 * tend_date_format_day:
 *
 * Returns: (transfer full): “Today”, “Yesterday” or the long form of @day
 */
char *
tend_date_format_day (GDateTime *day,
                      GDateTime *now)
{
  if (tend_date_same_day (day, now))
    return g_strdup (C_("day heading", "Today"));

  if (is_yesterday (day, now))
    return g_strdup (C_("day heading", "Yesterday"));

  return tend_date_format_long_day (day, now);
}

/**
 * tend_date_format_time:
 *
 * Returns: (transfer full): the local time of day of @time, as in “14:05”
 */
char *
tend_date_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local_time = g_date_time_to_local (time);

  /* Translators: The time of a check-in. Use %H:%M for a 24-hour clock, or %-I:%M %p for
   * a 12-hour one, whichever is usual in your language. */
  return g_date_time_format (local_time, C_("time of day", "%H:%M"));
}
