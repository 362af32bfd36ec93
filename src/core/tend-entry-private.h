/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tend-entry.h"

G_BEGIN_DECLS

/* Only the journal, which stores entries, gives them an id, a uuid and their times. */
TendEntry *_tend_entry_new_stored (gint64      id,
                                   const char *uuid,
                                   TendMood    mood,
                                   const char *note,
                                   GDateTime  *occurred_at);
TendEntry *_tend_entry_new_unreadable (gint64     id,
                                       GDateTime *occurred_at);
void       _tend_entry_set_id     (TendEntry  *self,
                                   gint64      id);
void       _tend_entry_set_uuid   (TendEntry  *self,
                                   const char *uuid);
void       _tend_entry_set_times  (TendEntry  *self,
                                   gint64      created_at,
                                   gint64      updated_at);
void       _tend_entry_set_snippet (TendEntry *self,
                                   const char *snippet);

G_END_DECLS
