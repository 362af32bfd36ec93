/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TendMood:
 *
 * The five levels of a check-in, from the lowest to the highest. The numbers are stored
 * in the journal and exported, so they never change.
 */
typedef enum
{
  TEND_MOOD_NONE  = 0,
  TEND_MOOD_AWFUL = 1,
  TEND_MOOD_BAD   = 2,
  TEND_MOOD_OKAY  = 3,
  TEND_MOOD_GOOD  = 4,
  TEND_MOOD_GREAT = 5,
} TendMood;

#define TEND_MOOD_FIRST TEND_MOOD_AWFUL
#define TEND_MOOD_LAST  TEND_MOOD_GREAT

/**
 * TendEnergy:
 *
 * How much energy the writer had, when they said. Stored and exported as numbers.
 */
typedef enum
{
  TEND_ENERGY_NONE   = 0,
  TEND_ENERGY_LOW    = 1,
  TEND_ENERGY_MEDIUM = 2,
  TEND_ENERGY_HIGH   = 3,
} TendEnergy;

#define TEND_ENERGY_FIRST TEND_ENERGY_LOW
#define TEND_ENERGY_LAST  TEND_ENERGY_HIGH

gboolean    tend_mood_is_valid      (int      mood);
TendMood    tend_mood_from_nick     (const char *nick);
const char *tend_mood_get_label     (TendMood mood);
const char *tend_mood_get_nick      (TendMood mood);
const char *tend_mood_get_icon_name (TendMood mood);

gboolean    tend_energy_is_valid    (int        energy);
const char *tend_energy_get_label   (TendEnergy energy);
const char *tend_energy_get_nick    (TendEnergy energy);
TendEnergy  tend_energy_from_nick   (const char *nick);

G_END_DECLS
