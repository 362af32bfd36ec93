/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tend-entry.h"

G_BEGIN_DECLS

/* Only the journal, which stores entries, gives them an id and a uuid. */
TendEntry *_tend_entry_new_stored (gint64      id,
                                   const char *uuid,
                                   TendMood    mood,
                                   const char *note,
                                   GDateTime  *occurred_at);
void       _tend_entry_set_id     (TendEntry  *self,
                                   gint64      id);

G_END_DECLS
