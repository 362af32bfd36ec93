/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tend-context.h"

G_BEGIN_DECLS

#define TEND_TYPE_JOURNAL_PAGE (tend_journal_page_get_type ())

G_DECLARE_FINAL_TYPE (TendJournalPage, tend_journal_page, TEND, JOURNAL_PAGE, AdwBin)

void         tend_journal_page_set_context      (TendJournalPage *self,
                                                 TendContext     *context);
gboolean     tend_journal_page_get_search_mode  (TendJournalPage *self);
void         tend_journal_page_set_search_mode  (TendJournalPage *self,
                                                 gboolean         search_mode);
void         tend_journal_page_start_search     (TendJournalPage *self,
                                                 const char      *text);
GtkEditable *tend_journal_page_get_search_entry (TendJournalPage *self);

G_END_DECLS
