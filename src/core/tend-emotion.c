/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tend-emotion.h"

/* Our own selection, after the circumplex model that Apple's State of Mind and How We
 * Feel use: common words, none clinical, the pleasant ones first. */
static const struct {
  const char  *nick;
  const char  *label;
  TendValence  valence;
} emotions[] = {
  { "calm",         NC_("emotion", "Calm"),         TEND_VALENCE_PLEASANT },
  { "content",      NC_("emotion", "Content"),      TEND_VALENCE_PLEASANT },
  { "grateful",     NC_("emotion", "Grateful"),     TEND_VALENCE_PLEASANT },
  { "happy",        NC_("emotion", "Happy"),        TEND_VALENCE_PLEASANT },
  { "hopeful",      NC_("emotion", "Hopeful"),      TEND_VALENCE_PLEASANT },
  { "joyful",       NC_("emotion", "Joyful"),       TEND_VALENCE_PLEASANT },
  { "loved",        NC_("emotion", "Loved"),        TEND_VALENCE_PLEASANT },
  { "peaceful",     NC_("emotion", "Peaceful"),     TEND_VALENCE_PLEASANT },
  { "proud",        NC_("emotion", "Proud"),        TEND_VALENCE_PLEASANT },
  { "relieved",     NC_("emotion", "Relieved"),     TEND_VALENCE_PLEASANT },
  { "confident",    NC_("emotion", "Confident"),    TEND_VALENCE_PLEASANT },
  { "excited",      NC_("emotion", "Excited"),      TEND_VALENCE_PLEASANT },
  { "amused",       NC_("emotion", "Amused"),       TEND_VALENCE_PLEASANT },
  { "inspired",     NC_("emotion", "Inspired"),     TEND_VALENCE_PLEASANT },
  { "rested",       NC_("emotion", "Rested"),       TEND_VALENCE_PLEASANT },
  { "angry",        NC_("emotion", "Angry"),        TEND_VALENCE_UNPLEASANT },
  { "annoyed",      NC_("emotion", "Annoyed"),      TEND_VALENCE_UNPLEASANT },
  { "anxious",      NC_("emotion", "Anxious"),      TEND_VALENCE_UNPLEASANT },
  { "ashamed",      NC_("emotion", "Ashamed"),      TEND_VALENCE_UNPLEASANT },
  { "disappointed", NC_("emotion", "Disappointed"), TEND_VALENCE_UNPLEASANT },
  { "drained",      NC_("emotion", "Drained"),      TEND_VALENCE_UNPLEASANT },
  { "frustrated",   NC_("emotion", "Frustrated"),   TEND_VALENCE_UNPLEASANT },
  { "guilty",       NC_("emotion", "Guilty"),       TEND_VALENCE_UNPLEASANT },
  { "hopeless",     NC_("emotion", "Hopeless"),     TEND_VALENCE_UNPLEASANT },
  { "lonely",       NC_("emotion", "Lonely"),       TEND_VALENCE_UNPLEASANT },
  { "overwhelmed",  NC_("emotion", "Overwhelmed"),  TEND_VALENCE_UNPLEASANT },
  { "sad",          NC_("emotion", "Sad"),          TEND_VALENCE_UNPLEASANT },
  { "scared",       NC_("emotion", "Scared"),       TEND_VALENCE_UNPLEASANT },
  { "stressed",     NC_("emotion", "Stressed"),     TEND_VALENCE_UNPLEASANT },
  { "worried",      NC_("emotion", "Worried"),      TEND_VALENCE_UNPLEASANT },
};

guint
tend_emotion_get_n_emotions (void)
{
  return G_N_ELEMENTS (emotions);
}

const char *
tend_emotion_get_nick (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (emotions), NULL);

  return emotions[index].nick;
}

/**
 * tend_emotion_lookup:
 *
 * Returns: the place of @nick in the catalogue, or -1 when it is not one of ours
 */
int
tend_emotion_lookup (const char *nick)
{
  for (guint i = 0; nick != NULL && i < G_N_ELEMENTS (emotions); i++)
    if (g_str_equal (nick, emotions[i].nick))
      return (int) i;

  return -1;
}

gboolean
tend_emotion_is_valid (const char *nick)
{
  return tend_emotion_lookup (nick) >= 0;
}

const char *
tend_emotion_get_label (const char *nick)
{
  int index = tend_emotion_lookup (nick);

  g_return_val_if_fail (index >= 0, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "emotion", emotions[index].label);
}

TendValence
tend_emotion_get_valence (const char *nick)
{
  int index = tend_emotion_lookup (nick);

  g_return_val_if_fail (index >= 0, TEND_VALENCE_PLEASANT);

  return emotions[index].valence;
}

/**
 * tend_emotion_normalize:
 * @nicks: (nullable): emotion nicks in any order, possibly repeated
 *
 * Returns: (transfer full): the known nicks of @nicks, once each, in catalogue order
 */
char **
tend_emotion_normalize (const char * const *nicks)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (emotions); i++)
    if (nicks != NULL && g_strv_contains (nicks, emotions[i].nick))
      g_strv_builder_add (builder, emotions[i].nick);

  return g_strv_builder_end (builder);
}
