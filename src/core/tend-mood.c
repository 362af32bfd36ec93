/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tend-mood.h"

typedef struct
{
  const char *nick;
  const char *label;
  const char *icon_name;
} MoodInfo;

static const MoodInfo moods[] = {
  [TEND_MOOD_AWFUL] = { "awful", NC_("mood", "Awful"), "tend-mood-awful-symbolic" },
  [TEND_MOOD_BAD]   = { "bad",   NC_("mood", "Bad"),   "tend-mood-bad-symbolic" },
  [TEND_MOOD_OKAY]  = { "okay",  NC_("mood", "Okay"),  "tend-mood-okay-symbolic" },
  [TEND_MOOD_GOOD]  = { "good",  NC_("mood", "Good"),  "tend-mood-good-symbolic" },
  [TEND_MOOD_GREAT] = { "great", NC_("mood", "Great"), "tend-mood-great-symbolic" },
};

gboolean
tend_mood_is_valid (int mood)
{
  return mood >= TEND_MOOD_FIRST && mood <= TEND_MOOD_LAST;
}

/**
 * tend_mood_get_label:
 *
 * Returns: the translated name of @mood, as the picker and the journal show it.
 */
const char *
tend_mood_get_label (TendMood mood)
{
  g_return_val_if_fail (tend_mood_is_valid (mood), NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "mood", moods[mood].label);
}

/**
 * tend_mood_get_nick:
 *
 * Returns: a stable English name of @mood, for CSS classes and file formats.
 */
const char *
tend_mood_get_nick (TendMood mood)
{
  g_return_val_if_fail (tend_mood_is_valid (mood), NULL);

  return moods[mood].nick;
}

const char *
tend_mood_get_icon_name (TendMood mood)
{
  g_return_val_if_fail (tend_mood_is_valid (mood), NULL);

  return moods[mood].icon_name;
}
