/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tend-database.h"
#include "tend-draft.h"
#include "tend-entry.h"
#include "tend-entry-list.h"
#include "tend-filter.h"
#include "tend-tag.h"

G_BEGIN_DECLS

#define TEND_TYPE_JOURNAL (tend_journal_get_type ())

G_DECLARE_FINAL_TYPE (TendJournal, tend_journal, TEND, JOURNAL, GObject)

/* One day of the calendar: the mean mood of the entries written that day. */
typedef struct
{
  GDate  day;
  double mean;
  guint  n_entries;
} TendDayMood;

TendJournal   *tend_journal_new             (TendDatabase         *database);
TendDatabase  *tend_journal_get_database    (TendJournal          *self);
gboolean       tend_journal_load            (TendJournal          *self,
                                             GError              **error);
TendEntryList *tend_journal_get_entries     (TendJournal          *self);
GListModel    *tend_journal_get_tags        (TendJournal          *self);
TendEntry     *tend_journal_lookup          (TendJournal          *self,
                                             const char           *uuid);

TendEntryList *tend_journal_query           (TendJournal          *self,
                                             const TendFilter     *filter,
                                             GError              **error);
void           tend_journal_query_async     (TendJournal          *self,
                                             const TendFilter     *filter,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
TendEntryList *tend_journal_query_finish    (TendJournal          *self,
                                             GAsyncResult         *result,
                                             GError              **error);

gboolean       tend_journal_add             (TendJournal          *self,
                                             TendEntry            *entry,
                                             GError              **error);
void           tend_journal_add_async       (TendJournal          *self,
                                             TendEntry            *entry,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean       tend_journal_add_finish      (TendJournal          *self,
                                             GAsyncResult         *result,
                                             GError              **error);
gboolean       tend_journal_update          (TendJournal          *self,
                                             TendEntry            *entry,
                                             GError              **error);
void           tend_journal_update_async    (TendJournal          *self,
                                             TendEntry            *entry,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean       tend_journal_update_finish   (TendJournal          *self,
                                             GAsyncResult         *result,
                                             GError              **error);
gboolean       tend_journal_remove          (TendJournal          *self,
                                             TendEntry            *entry,
                                             GError              **error);
gboolean       tend_journal_restore         (TendJournal          *self,
                                             TendEntry            *entry,
                                             GError              **error);
gboolean       tend_journal_import          (TendJournal          *self,
                                             GPtrArray            *entries,
                                             GPtrArray            *tags,
                                             guint                *n_added,
                                             GError              **error);
void           tend_journal_import_async    (TendJournal          *self,
                                             GPtrArray            *entries,
                                             GPtrArray            *tags,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean       tend_journal_import_finish   (TendJournal          *self,
                                             GAsyncResult         *result,
                                             guint                *n_added,
                                             GError              **error);
GPtrArray     *tend_journal_read_entries    (TendJournal          *self,
                                             const TendFilter     *filter,
                                             GError              **error);
void           tend_journal_unload          (TendJournal          *self);
gboolean       tend_journal_reload          (TendJournal          *self,
                                             GError              **error);

GHashTable    *tend_journal_count_tag_uses  (TendJournal          *self,
                                             GError              **error);
gboolean       tend_journal_create_tag      (TendJournal          *self,
                                             const char           *name,
                                             GError              **error);
gboolean       tend_journal_rename_tag      (TendJournal          *self,
                                             TendTag              *tag,
                                             const char           *name,
                                             GError              **error);
gboolean       tend_journal_set_tag_hidden  (TendJournal          *self,
                                             TendTag              *tag,
                                             gboolean              hidden,
                                             GError              **error);
gboolean       tend_journal_move_tag        (TendJournal          *self,
                                             TendTag              *tag,
                                             guint                 position,
                                             GError              **error);

GArray        *tend_journal_get_day_moods   (TendJournal          *self,
                                             const GDate          *first,
                                             const GDate          *last,
                                             GError              **error);

gboolean       tend_journal_save_draft      (TendJournal          *self,
                                             const char           *slot,
                                             const TendDraft      *draft,
                                             GError              **error);
TendDraft     *tend_journal_load_draft      (TendJournal          *self,
                                             const char           *slot);
gboolean       tend_journal_clear_draft     (TendJournal          *self,
                                             const char           *slot,
                                             GError              **error);

G_END_DECLS
