/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tend-mood.h"

G_BEGIN_DECLS

/* A check-in being written: kept while typing so nothing is lost to a crash. Unlike an
 * entry it may have no mood yet. */
typedef struct
{
  char        *entry_uuid;  /* the entry being edited, or NULL for a new check-in */
  TendMood     mood;        /* may be TEND_MOOD_NONE */
  TendEnergy   energy;
  char       **emotions;
  char       **tags;
  char        *note;
  GDateTime   *occurred_at; /* NULL: now */
  gint64       saved_at;
} TendDraft;

#define TEND_TYPE_DRAFT (tend_draft_get_type ())

GType      tend_draft_get_type (void) G_GNUC_CONST;
TendDraft *tend_draft_new      (void);
TendDraft *tend_draft_copy     (const TendDraft *self);
void       tend_draft_free     (TendDraft       *self);
gboolean   tend_draft_is_empty (const TendDraft *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TendDraft, tend_draft_free)

G_END_DECLS
