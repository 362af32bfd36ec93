/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tend-mood.h"

G_BEGIN_DECLS

#define TEND_TYPE_ENTRY (tend_entry_get_type ())

G_DECLARE_FINAL_TYPE (TendEntry, tend_entry, TEND, ENTRY, GObject)

TendEntry  *tend_entry_new             (TendMood    mood,
                                        const char *note,
                                        GDateTime  *occurred_at);
gint64      tend_entry_get_id          (TendEntry  *self);
const char *tend_entry_get_uuid        (TendEntry  *self);
TendMood    tend_entry_get_mood        (TendEntry  *self);
const char *tend_entry_get_note        (TendEntry  *self);
GDateTime  *tend_entry_get_occurred_at (TendEntry  *self);
int         tend_entry_compare         (TendEntry  *a,
                                        TendEntry  *b);

G_END_DECLS
