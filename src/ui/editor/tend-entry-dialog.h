/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tend-context.h"
#include "tend-entry-editor.h"

G_BEGIN_DECLS

#define TEND_TYPE_ENTRY_DIALOG (tend_entry_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TendEntryDialog, tend_entry_dialog, TEND, ENTRY_DIALOG, AdwDialog)

#define TEND_ENTRY_DIALOG_DRAFT_SLOT "edit"

TendEntryDialog *tend_entry_dialog_new        (TendContext     *context,
                                               TendEntry       *entry,
                                               const TendDraft *draft);
TendEntry       *tend_entry_dialog_get_entry  (TendEntryDialog *self);
TendEntryEditor *tend_entry_dialog_get_editor (TendEntryDialog *self);

G_END_DECLS
