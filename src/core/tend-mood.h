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

gboolean    tend_mood_is_valid      (int      mood);
const char *tend_mood_get_label     (TendMood mood);
const char *tend_mood_get_nick      (TendMood mood);
const char *tend_mood_get_icon_name (TendMood mood);

G_END_DECLS
