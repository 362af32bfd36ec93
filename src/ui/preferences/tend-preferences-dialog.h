/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tend-context.h"

G_BEGIN_DECLS

#define TEND_TYPE_PREFERENCES_DIALOG (tend_preferences_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TendPreferencesDialog, tend_preferences_dialog, TEND, PREFERENCES_DIALOG,
                      AdwPreferencesDialog)

TendPreferencesDialog *tend_preferences_dialog_new (TendContext *context);

G_END_DECLS
