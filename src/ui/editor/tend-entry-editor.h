/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tend-context.h"

G_BEGIN_DECLS

#define TEND_TYPE_ENTRY_EDITOR (tend_entry_editor_get_type ())

G_DECLARE_FINAL_TYPE (TendEntryEditor, tend_entry_editor, TEND, ENTRY_EDITOR, AdwBin)

void       tend_entry_editor_set_context  (TendEntryEditor *self,
                                           TendContext     *context);
TendMood   tend_entry_editor_get_mood     (TendEntryEditor *self);
void       tend_entry_editor_set_time     (TendEntryEditor *self,
                                           GDateTime       *occurred_at);
void       tend_entry_editor_select_mood  (TendEntryEditor *self,
                                           TendMood         mood);
void       tend_entry_editor_focus_mood   (TendEntryEditor *self);
void       tend_entry_editor_load_entry   (TendEntryEditor *self,
                                           TendEntry       *entry);
void       tend_entry_editor_load_draft   (TendEntryEditor *self,
                                           const TendDraft *draft);
void       tend_entry_editor_clear        (TendEntryEditor *self);
TendEntry *tend_entry_editor_build_entry  (TendEntryEditor *self,
                                           TendEntry       *base);
TendDraft *tend_entry_editor_build_draft  (TendEntryEditor *self);
void       tend_entry_editor_set_editable (TendEntryEditor *self,
                                           gboolean         editable);

G_END_DECLS
