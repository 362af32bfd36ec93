/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#ifdef __GLIBC__
#include <langinfo.h>
#include <string.h>
#endif

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

static gboolean
read_uses_12h_clock (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* The desktop's own choice first, as GNOME Calendar and the top bar follow it */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);

  if (schema != NULL && g_settings_schema_has_key (schema, "clock-format"))
    {
      g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);
      g_autofree char *format = g_settings_get_string (settings, "clock-format");

      return g_str_equal (format, "12h");
    }

  /* Else the locale's usual clock */
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
 * tend_date_uses_12h_clock:
 *
 * Whether times are shown on a 12-hour clock: the desktop's clock format where it has
 * one, else the locale's usual clock. Read once, so every time in a run agrees.
 */
gboolean
tend_date_uses_12h_clock (void)
{
  static gsize answer = 0;

  if (g_once_init_enter (&answer))
    g_once_init_leave (&answer, read_uses_12h_clock () ? 2 : 1);

  return answer == 2;
}

/**
 * tend_date_format_clock:
 * @use_12h: whether on a 12-hour clock
 *
 * Returns: (transfer full): the local time of day of @time: “15:30” or “3:30 PM”
 */
char *
tend_date_format_clock (GDateTime *time,
                        gboolean   use_12h)
{
  g_autoptr(GDateTime) local_time = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  local_time = g_date_time_to_local (time);

  if (use_12h)
    /* Translators: A time of day on a 12-hour clock, as in “3:30 PM”. See the strftime(3)
     * manual for the codes. */
    return g_date_time_format (local_time, C_("12-hour time", "%-l:%M %p"));

  /* Translators: A time of day on a 24-hour clock, as in “15:30”. See the strftime(3)
   * manual for the codes. */
  return g_date_time_format (local_time, C_("24-hour time", "%H:%M"));
}

/**
 * tend_date_format_time:
 *
 * Returns: (transfer full): the local time of day of @time, as in “14:05” or “2:05 PM”,
 *   on the clock of tend_date_uses_12h_clock()
 */
char *
tend_date_format_time (GDateTime *time)
{
  return tend_date_format_clock (time, tend_date_uses_12h_clock ());
}

/**
 * tend_date_get_first_weekday:
 *
 * Returns: the day weeks start on in the current locale (LC_TIME)
 */
GDateWeekday
tend_date_get_first_weekday (void)
{
#ifdef __GLIBC__
  /* As GtkCalendar does: the locale gives the weekday a week starts on as 1 to 7, counted
   * from the day its week origin falls on (a Sunday or a Monday). */
  union { unsigned int word; char *string; } langinfo;
  int first_weekday;
  int week_1stday = 0;
  int sunday_based;

  langinfo.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = langinfo.string[0];
  langinfo.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  if (langinfo.word == 19971201)
    week_1stday = 1;
  else if (langinfo.word != 19971130)
    g_debug ("Unknown _NL_TIME_WEEK_1STDAY %u", langinfo.word);

  /* 0 for Sunday to 6 for Saturday; GDateWeekday counts Sunday as 7. */
  sunday_based = (week_1stday + first_weekday - 1 + 7) % 7;

  return sunday_based == 0 ? G_DATE_SUNDAY : (GDateWeekday) sunday_based;
#else
  return G_DATE_MONDAY;
#endif
}
