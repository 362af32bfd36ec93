/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-usage-format"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#ifdef __GLIBC__
#include <langinfo.h>
#endif

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

/**
 * tend_usage_format_uses_12h:
 *
 * Returns: whether times of day read best on a 12-hour clock: as GNOME's clock format
 *   says where it is set, else as the locale does
 */
gboolean
tend_usage_format_uses_12h (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);

  if (schema != NULL && g_settings_schema_has_key (schema, "clock-format"))
    {
      g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);
      g_autofree char *format = g_settings_get_string (settings, "clock-format");

      return g_str_equal (format, "12h");
    }

#ifdef __GLIBC__
  {
    const char *format = nl_langinfo (T_FMT);

    return strstr (format, "%r") != NULL || strstr (format, "%p") != NULL ||
           strstr (format, "%I") != NULL || strstr (format, "%l") != NULL;
  }
#else
  return FALSE;
#endif
}

/**
 * tend_usage_format_time_of_day:
 *
 * Returns: (transfer full): the local time of day of @time: “15:30”, or “3:30 PM” where a
 *   12-hour clock is usual
 */
char *
tend_usage_format_time_of_day (GDateTime *time)
{
  return tend_usage_format_clock (time, tend_usage_format_uses_12h ());
}

/**
 * tend_usage_format_clock:
 * @use_12h: whether on a 12-hour clock
 *
 * Returns: (transfer full): the local time of day of @time: “15:30” or “3:30 PM”
 */
char *
tend_usage_format_clock (GDateTime *time,
                         gboolean   use_12h)
{
  g_autoptr(GDateTime) local_time = g_date_time_to_local (time);

  if (use_12h)
    /* Translators: A time of day on a 12-hour clock, as in “3:30 PM”. See the strftime(3)
     * manual for the codes. */
    return g_date_time_format (local_time, C_("12-hour time", "%-l:%M %p"));

  /* Translators: A time of day on a 24-hour clock, as in “15:30”. See the strftime(3)
   * manual for the codes. */
  return g_date_time_format (local_time, C_("24-hour time", "%H:%M"));
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
