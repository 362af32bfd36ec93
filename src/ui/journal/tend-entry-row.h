/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tend-entry.h"

G_BEGIN_DECLS

#define TEND_TYPE_ENTRY_ROW (tend_entry_row_get_type ())

G_DECLARE_FINAL_TYPE (TendEntryRow, tend_entry_row, TEND, ENTRY_ROW, AdwBin)

GtkWidget  *tend_entry_row_new             (void);
void        tend_entry_row_set_search      (TendEntryRow *self,
                                            const char   *text);
void        tend_entry_row_set_entry       (TendEntryRow *self,
                                            TendEntry    *entry);
TendEntry  *tend_entry_row_get_entry       (TendEntryRow *self);
const char *tend_entry_row_get_note_markup (TendEntryRow *self);
char       *tend_entry_row_describe        (TendEntryRow *self);
GtkWidget  *tend_entry_row_create_list_row (gpointer      item,
                                            gpointer      user_data);

G_END_DECLS
