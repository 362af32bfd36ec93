/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tend-database.h"
#include "tend-entry.h"

G_BEGIN_DECLS

#define TEND_TYPE_JOURNAL (tend_journal_get_type ())

G_DECLARE_FINAL_TYPE (TendJournal, tend_journal, TEND, JOURNAL, GObject)

TendJournal  *tend_journal_new          (TendDatabase         *database);
TendDatabase *tend_journal_get_database (TendJournal          *self);
gboolean      tend_journal_load         (TendJournal          *self,
                                         GError              **error);
gboolean      tend_journal_add          (TendJournal          *self,
                                         TendEntry            *entry,
                                         GError              **error);
void          tend_journal_add_async    (TendJournal          *self,
                                         TendEntry            *entry,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean      tend_journal_add_finish   (TendJournal          *self,
                                         GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
