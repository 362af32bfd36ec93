/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tend-entry-list.h"
#include "tend-journal.h"

G_BEGIN_DECLS

/* Where an entry sits in a list: enough to order it and find its day without reading it. */
typedef struct
{
  gint64 id;
  gint64 occurred_at;
  gint32 utc_offset;
  gint32 mood;
} TendEntrySlot;

TendEntryList *_tend_entry_list_new     (TendJournal      *journal,
                                         const TendFilter *filter,
                                         GArray           *slots);
void           _tend_entry_list_stored  (TendEntryList    *self,
                                         const TendEntrySlot *slot,
                                         gboolean          matches);
void           _tend_entry_list_removed (TendEntryList    *self,
                                         gint64            id);
void           _tend_entry_list_refresh (TendEntryList    *self);
void           _tend_entry_list_reset   (TendEntryList    *self,
                                         GArray           *slots);
GArray        *_tend_entry_list_get_slots (TendEntryList  *self);

/* From the journal */
TendEntry     *_tend_journal_fetch      (TendJournal      *journal,
                                         gint64            id,
                                         const char       *match);

G_END_DECLS
