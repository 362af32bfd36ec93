/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tend-draft.h"

G_DEFINE_BOXED_TYPE (TendDraft, tend_draft, tend_draft_copy, tend_draft_free)

TendDraft *
tend_draft_new (void)
{
  TendDraft *self = g_new0 (TendDraft, 1);

  self->emotions = g_new0 (char *, 1);
  self->tags = g_new0 (char *, 1);
  self->note = g_strdup ("");
  return self;
}

TendDraft *
tend_draft_copy (const TendDraft *self)
{
  TendDraft *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->entry_uuid = g_strdup (self->entry_uuid);
  copy->emotions = g_strdupv (self->emotions);
  copy->tags = g_strdupv (self->tags);
  copy->note = g_strdup (self->note);
  copy->occurred_at = self->occurred_at != NULL ? g_date_time_ref (self->occurred_at) : NULL;
  return copy;
}

void
tend_draft_free (TendDraft *self)
{
  if (self == NULL)
    return;

  g_free (self->entry_uuid);
  g_strfreev (self->emotions);
  g_strfreev (self->tags);
  g_free (self->note);
  g_clear_pointer (&self->occurred_at, g_date_time_unref);
  g_free (self);
}

/**
 * tend_draft_is_empty:
 *
 * Returns: whether the draft holds nothing the writer chose or typed
 */
gboolean
tend_draft_is_empty (const TendDraft *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->mood == TEND_MOOD_NONE && self->energy == TEND_ENERGY_NONE &&
         (self->emotions == NULL || self->emotions[0] == NULL) &&
         (self->tags == NULL || self->tags[0] == NULL) &&
         (self->note == NULL || self->note[0] == '\0');
}
