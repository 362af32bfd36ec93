/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-usage-format"

#include "config.h"

#include <glib/gi18n.h>

#include "tend-date.h"
#include "tend-duration.h"
#include "tend-usage-format.h"

/* Durations, times and days as the Usage page and its settings show them. Durations in
 * sentences are in words (tend_usage_format_duration(), “2 hours 35 minutes”); where they
 * stand as figures, on the chart's scale, as today's total or on a button, they are short
 * (“2 h 35 min”). */

/**
 * tend_usage_format_short_duration:
 * @seconds: a duration; what is under a minute is left out
 *
 * Returns: (transfer full): @seconds in hours and minutes, short: “2 h 35 min”, “3 h”,
 *   “35 min”
 */
char *
tend_usage_format_short_duration (guint seconds)
{
  guint minutes = (seconds / 60) % 60;
  guint hours = seconds / 3600;
  g_autofree char *hours_text = NULL;
  g_autofree char *minutes_text = NULL;

  /* Translators: A number of hours, short, as in “2 h 35 min”. */
  hours_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u h", "%u h", hours), hours);
  /* Translators: A number of minutes, short, as in “2 h 35 min”. */
  minutes_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u min", "%u min", minutes),
                                  minutes);

  if (hours == 0)
    return g_steal_pointer (&minutes_text);

  if (minutes == 0)
    return g_steal_pointer (&hours_text);

  /* Translators: Hours and minutes, as in “2 h 35 min”: the first %s is the hours, the
   * second the minutes. */
  return g_strdup_printf (C_("duration", "%s %s"), hours_text, minutes_text);
}

static GDateTime *
noon_of (const GDate *day)
{
  return g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                g_date_get_day (day), 12, 0, 0);
}

/**
 * tend_usage_format_day:
 *
 * Returns: (transfer full): “Today”, “Yesterday” or the weekday and date of @day
 */
char *
tend_usage_format_day (const GDate *day,
                       const GDate *today)
{
  g_autoptr(GDateTime) day_time = noon_of (day);
  g_autoptr(GDateTime) today_time = noon_of (today);

  return tend_date_format_day (day_time, today_time);
}

/**
 * tend_usage_format_describe_day:
 *
 * Returns: (transfer full): what @day holds, in a sentence for the chart's keyboard and
 *   screen-reader users: “Yesterday: 2 hours 35 minutes, 3 breaks”
 */
char *
tend_usage_format_describe_day (const TendUsageDay *day,
                                const GDate        *today)
{
  g_autofree char *name = tend_usage_format_day (&day->day, today);
  g_autofree char *active = NULL;
  g_autofree char *breaks = NULL;

  if (day->active_s < 60)
    /* Translators: A day without screen time, as in “Yesterday: no screen time”. */
    return g_strdup_printf (_("%s: no screen time"), name);

  active = tend_usage_format_duration (day->active_s);
  /* Translators: Breaks taken in a day, as in “Yesterday: 2 hours 35 minutes, 3 breaks”. */
  breaks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u break", "%u breaks", day->n_breaks),
                            day->n_breaks);

  /* Translators: A day's screen time and breaks, as in “Yesterday: 2 hours 35 minutes, 3
   * breaks”. */
  return g_strdup_printf (_("%s: %s, %s"), name, active, breaks);
}
