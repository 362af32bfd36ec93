/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tend-filter.h"
#include "tend-text.h"

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

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* The folded words of @text, for matching. */
static GPtrArray *
fold_terms (const char *text)
{
  GPtrArray *terms = g_ptr_array_new_with_free_func (g_free);
  const char *start = NULL;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && is_word_char (c))
        {
          if (start == NULL)
            start = p;
          continue;
        }

      if (start != NULL)
        g_ptr_array_add (terms, tend_text_fold (start, p - start));
      start = NULL;

      if (c == 0)
        break;
    }

  return terms;
}

/**
 * tend_filter_make_snippet:
 * @note: the text to show
 * @text: what was searched for
 * @max_chars: about how many characters to show
 *
 * Shows where @note matches a search: each word that begins with a searched word, ignoring
 * case and accents, is put between U+0002 and U+0003, and a long note is cut to the part
 * around the first match, with "…" where it was cut. This is done here rather than with
 * FTS5's snippet(), which would search the whole journal again for every row shown.
 *
 * Returns: (transfer full) (nullable): the snippet, or %NULL when nothing in @note matches
 */
char *
tend_filter_make_snippet (const char *note,
                          const char *text,
                          guint       max_chars)
{
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GArray) ranges = NULL;  /* byte offsets: start, end, start, end… */
  g_autoptr(GString) snippet = NULL;
  const char *start = NULL;
  const char *from, *to;
  glong n_chars;

  if (note == NULL || text == NULL || *note == '\0')
    return NULL;

  terms = fold_terms (text);
  if (terms->len == 0)
    return NULL;

  ranges = g_array_new (FALSE, FALSE, sizeof (gsize));
  for (const char *p = note;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && is_word_char (c))
        {
          if (start == NULL)
            start = p;
          continue;
        }

      if (start != NULL)
        {
          g_autofree char *word = tend_text_fold (start, p - start);

          for (guint i = 0; i < terms->len; i++)
            if (g_str_has_prefix (word, g_ptr_array_index (terms, i)))
              {
                gsize range[2] = { start - note, p - note };

                g_array_append_vals (ranges, range, 2);
                break;
              }
        }
      start = NULL;

      if (c == 0)
        break;
    }

  if (ranges->len == 0)
    return NULL;

  /* The part of the note to show: from a little before the first match */
  n_chars = g_utf8_strlen (note, -1);
  from = note;
  if ((guint) n_chars > max_chars)
    {
      const char *first = note + g_array_index (ranges, gsize, 0);
      guint back = max_chars / 5;

      from = first;
      for (guint i = 0; i < back && from > note; i++)
        from = g_utf8_prev_char (from);
      /* Start at a word */
      while (from > note && from < first && !g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (from))))
        from = g_utf8_next_char (from);
    }
  to = from;
  for (guint i = 0; i < max_chars && *to != '\0'; i++)
    to = g_utf8_next_char (to);

  snippet = g_string_new (from > note ? "…" : "");
  for (const char *p = from; p < to; )
    {
      gsize offset = p - note;
      gboolean marked = FALSE;

      for (guint i = 0; i < ranges->len; i += 2)
        if (g_array_index (ranges, gsize, i) == offset)
          {
            gsize end = MIN (g_array_index (ranges, gsize, i + 1), (gsize) (to - note));

            g_string_append_c (snippet, '\002');
            g_string_append_len (snippet, p, end - offset);
            g_string_append_c (snippet, '\003');
            p = note + end;
            marked = TRUE;
            break;
          }

      if (!marked)
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (snippet, p, next - p);
          p = next;
        }
    }
  if (*to != '\0')
    g_string_append (snippet, "…");

  return g_string_free_and_steal (g_steal_pointer (&snippet));
}
