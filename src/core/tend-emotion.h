/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The curated emotions a check-in can name, half pleasant and half unpleasant. Their
 * nicks are stored and exported, so they never change; the labels are translated. */
typedef enum
{
  TEND_VALENCE_PLEASANT,
  TEND_VALENCE_UNPLEASANT,
} TendValence;

guint        tend_emotion_get_n_emotions (void);
const char  *tend_emotion_get_nick       (guint        index);
int          tend_emotion_lookup         (const char  *nick);
gboolean     tend_emotion_is_valid       (const char  *nick);
const char  *tend_emotion_get_label      (const char  *nick);
TendValence  tend_emotion_get_valence    (const char  *nick);
char       **tend_emotion_normalize      (const char * const *nicks);

G_END_DECLS
