/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tend-filter.h"

struct _TendFilter
{
  char  *text;
  char  *emotion;
  char  *tag;
  GDate  from;   /* invalid when not set */
  GDate  until;  /* invalid when not set; inclusive */
  guint  moods;  /* TEND_FILTER_MOOD() bits; 0 keeps every mood */
};

G_DEFINE_BOXED_TYPE (TendFilter, tend_filter, tend_filter_copy, tend_filter_free)

TendFilter *
tend_filter_new (void)
{
  TendFilter *self = g_new0 (TendFilter, 1);

  g_date_clear (&self->from, 1);
  g_date_clear (&self->until, 1);
  return self;
}

TendFilter *
tend_filter_copy (const TendFilter *self)
{
  TendFilter *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->text = g_strdup (self->text);
  copy->emotion = g_strdup (self->emotion);
  copy->tag = g_strdup (self->tag);
  return copy;
}

void
tend_filter_free (TendFilter *self)
{
  if (self == NULL)
    return;

  g_free (self->text);
  g_free (self->emotion);
  g_free (self->tag);
  g_free (self);
}

static gboolean
date_equal (const GDate *a,
            const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);

  return g_date_compare (a, b) == 0;
}

gboolean
tend_filter_equal (const TendFilter *a,
                   const TendFilter *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strcmp0 (a->text, b->text) == 0 &&
         g_strcmp0 (a->emotion, b->emotion) == 0 &&
         g_strcmp0 (a->tag, b->tag) == 0 &&
         a->moods == b->moods &&
         date_equal (&a->from, &b->from) &&
         date_equal (&a->until, &b->until);
}

/**
 * tend_filter_is_empty:
 *
 * Returns: whether the filter keeps every entry
 */
gboolean
tend_filter_is_empty (const TendFilter *self)
{
  g_autofree char *match = NULL;

  g_return_val_if_fail (self != NULL, TRUE);

  match = tend_filter_build_match (self->text);
  return match == NULL && self->emotion == NULL && self->tag == NULL && self->moods == 0 &&
         !g_date_valid (&self->from) && !g_date_valid (&self->until);
}

const char *
tend_filter_get_text (const TendFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

void
tend_filter_set_text (TendFilter *self,
                      const char *text)
{
  g_return_if_fail (self != NULL);

  g_set_str (&self->text, text != NULL && *text != '\0' ? text : NULL);
}

guint
tend_filter_get_moods (const TendFilter *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->moods;
}

/**
 * tend_filter_set_moods:
 * @moods: TEND_FILTER_MOOD() of each mood to keep, or 0 for all
 */
void
tend_filter_set_moods (TendFilter *self,
                       guint       moods)
{
  g_return_if_fail (self != NULL);

  self->moods = moods & (TEND_FILTER_MOOD (TEND_MOOD_LAST + 1) - TEND_FILTER_MOOD (TEND_MOOD_FIRST));
}

void
tend_filter_add_mood (TendFilter *self,
                      TendMood    mood)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (tend_mood_is_valid (mood));

  self->moods |= TEND_FILTER_MOOD (mood);
}

const char *
tend_filter_get_emotion (const TendFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->emotion;
}

void
tend_filter_set_emotion (TendFilter *self,
                         const char *emotion)
{
  g_return_if_fail (self != NULL);

  g_set_str (&self->emotion, emotion);
}

const char *
tend_filter_get_tag (const TendFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->tag;
}

void
tend_filter_set_tag (TendFilter *self,
                     const char *tag)
{
  g_return_if_fail (self != NULL);

  g_set_str (&self->tag, tag);
}

/**
 * tend_filter_get_from:
 *
 * Returns: (transfer none): the first day kept; invalid when there is no lower bound
 */
const GDate *
tend_filter_get_from (const TendFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->from;
}

/**
 * tend_filter_get_until:
 *
 * Returns: (transfer none): the last day kept; invalid when there is no upper bound
 */
const GDate *
tend_filter_get_until (const TendFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->until;
}

/**
 * tend_filter_set_range:
 * @from: (nullable): the first day to keep, in the days as the entries were written
 * @until: (nullable): the last day to keep
 */
void
tend_filter_set_range (TendFilter  *self,
                       const GDate *from,
                       const GDate *until)
{
  g_return_if_fail (self != NULL);

  g_date_clear (&self->from, 1);
  g_date_clear (&self->until, 1);
  if (from != NULL && g_date_valid (from))
    self->from = *from;
  if (until != NULL && g_date_valid (until))
    self->until = *until;
}

/**
 * tend_filter_build_match:
 * @text: (nullable): what someone typed into the search
 *
 * Turns typed text into an FTS5 query: every word must appear, each as the start of a
 * word, so results narrow as the user types. Only letters and digits reach FTS5, so no
 * input can form query syntax.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL when @text has no words
 */
char *
tend_filter_build_match (const char *text)
{
  g_autofree char *valid = NULL;
  g_autoptr(GString) match = NULL;
  g_autoptr(GString) word = NULL;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  match = g_string_new (NULL);
  word = g_string_new (NULL);

  for (const char *p = valid;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0)
        {
          if (match->len > 0)
            g_string_append_c (match, ' ');
          g_string_append_printf (match, "\"%s\"*", word->str);
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
    }

  if (match->len == 0)
    return NULL;

  return g_string_free_and_steal (g_steal_pointer (&match));
}
