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

/**
 * tend_mood_from_nick:
 *
 * Returns: the mood whose nick is @nick, or %TEND_MOOD_NONE
 */
TendMood
tend_mood_from_nick (const char *nick)
{
  for (int mood = TEND_MOOD_FIRST; nick != NULL && mood <= TEND_MOOD_LAST; mood++)
    if (g_str_equal (nick, moods[mood].nick))
      return mood;

  return TEND_MOOD_NONE;
}

static const struct {
  const char *nick;
  const char *label;
} energies[] = {
  [TEND_ENERGY_LOW]    = { "low",    NC_("energy", "Low") },
  [TEND_ENERGY_MEDIUM] = { "medium", NC_("energy", "Medium") },
  [TEND_ENERGY_HIGH]   = { "high",   NC_("energy", "High") },
};

gboolean
tend_energy_is_valid (int energy)
{
  return energy >= TEND_ENERGY_FIRST && energy <= TEND_ENERGY_LAST;
}

const char *
tend_energy_get_label (TendEnergy energy)
{
  g_return_val_if_fail (tend_energy_is_valid (energy), NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "energy", energies[energy].label);
}

const char *
tend_energy_get_nick (TendEnergy energy)
{
  g_return_val_if_fail (tend_energy_is_valid (energy), NULL);

  return energies[energy].nick;
}

/**
 * tend_energy_from_nick:
 *
 * Returns: the level whose nick is @nick, or %TEND_ENERGY_NONE
 */
TendEnergy
tend_energy_from_nick (const char *nick)
{
  for (int energy = TEND_ENERGY_FIRST; nick != NULL && energy <= TEND_ENERGY_LAST; energy++)
    if (g_str_equal (nick, energies[energy].nick))
      return energy;

  return TEND_ENERGY_NONE;
}
