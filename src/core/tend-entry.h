/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tend-mood.h"

G_BEGIN_DECLS

#define TEND_TYPE_ENTRY (tend_entry_get_type ())

G_DECLARE_FINAL_TYPE (TendEntry, tend_entry, TEND, ENTRY, GObject)

TendEntry          *tend_entry_new             (TendMood            mood,
                                                const char         *note,
                                                GDateTime          *occurred_at);
TendEntry          *tend_entry_copy            (TendEntry          *self);
gboolean            tend_entry_equal           (TendEntry          *a,
                                                TendEntry          *b);
gint64              tend_entry_get_id          (TendEntry          *self);
const char         *tend_entry_get_uuid        (TendEntry          *self);
gboolean            tend_entry_is_readable     (TendEntry          *self);
TendMood            tend_entry_get_mood        (TendEntry          *self);
void                tend_entry_set_mood        (TendEntry          *self,
                                                TendMood            mood);
TendEnergy          tend_entry_get_energy      (TendEntry          *self);
void                tend_entry_set_energy      (TendEntry          *self,
                                                TendEnergy          energy);
const char * const *tend_entry_get_emotions    (TendEntry          *self);
void                tend_entry_set_emotions    (TendEntry          *self,
                                                const char * const *emotions);
const char * const *tend_entry_get_tags        (TendEntry          *self);
void                tend_entry_set_tags        (TendEntry          *self,
                                                const char * const *tags);
const char         *tend_entry_get_note        (TendEntry          *self);
void                tend_entry_set_note        (TendEntry          *self,
                                                const char         *note);
GDateTime          *tend_entry_get_occurred_at (TendEntry          *self);
void                tend_entry_set_occurred_at (TendEntry          *self,
                                                GDateTime          *occurred_at);
gint64              tend_entry_get_created_at  (TendEntry          *self);
gint64              tend_entry_get_updated_at  (TendEntry          *self);
const char         *tend_entry_get_snippet     (TendEntry          *self);
int                 tend_entry_compare         (TendEntry          *a,
                                                TendEntry          *b);
char               *tend_tag_name_normalize    (const char         *name);

G_END_DECLS
