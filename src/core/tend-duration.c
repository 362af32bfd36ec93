/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tend-duration.h"

/**
 * tend_usage_format_duration:
 * @seconds: a length of time
 *
 * Formats a length of time in whole words, for sentences and the Usage page: “3 hours”,
 * “1 hour 30 minutes”, “45 minutes”. Seconds are dropped (a total is never rounded up
 * past what was used); under a minute reads “Less than a minute”, and nothing at all
 * “0 minutes”.
 *
 * Returns: (transfer full): the duration, translated
 */
char *
tend_usage_format_duration (guint seconds)
{
  guint hours = seconds / 3600;
  guint minutes = (seconds % 3600) / 60;
  g_autofree char *hours_text = NULL;
  g_autofree char *minutes_text = NULL;

  if (seconds > 0 && seconds < 60)
    /* Translators: A length of time shorter than a minute, as in “Active for less than a
     * minute”; it can also start a sentence. */
    return g_strdup (_("Less than a minute"));

  if (hours > 0)
    /* Translators: A number of hours in a duration, as in “3 hours”. */
    hours_text = g_strdup_printf (ngettext ("%u hour", "%u hours", hours), hours);

  if (minutes > 0 || hours == 0)
    /* Translators: A number of minutes in a duration, as in “45 minutes”. */
    minutes_text = g_strdup_printf (ngettext ("%u minute", "%u minutes", minutes), minutes);

  if (hours_text == NULL)
    return g_steal_pointer (&minutes_text);

  if (minutes_text == NULL)
    return g_steal_pointer (&hours_text);

  /* Translators: A duration of hours and minutes, as in “1 hour 30 minutes”: the first %s
   * is the hours (“1 hour”), the second the minutes (“30 minutes”). Write %2$s %1$s to
   * swap them, and add a word between them if your language needs one. */
  return g_strdup_printf (C_("duration", "%s %s"), hours_text, minutes_text);
}
