/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tend-entry.h"
#include "tend-filter.h"

G_BEGIN_DECLS

#define TEND_TYPE_ENTRY_LIST (tend_entry_list_get_type ())

G_DECLARE_FINAL_TYPE (TendEntryList, tend_entry_list, TEND, ENTRY_LIST, GObject)

const TendFilter *tend_entry_list_get_filter    (TendEntryList *self);
gboolean          tend_entry_list_get_day_range (TendEntryList *self,
                                                 guint          position,
                                                 guint         *out_start,
                                                 guint         *out_end);
guint             tend_entry_list_find          (TendEntryList *self,
                                                 gint64         id);

G_END_DECLS
