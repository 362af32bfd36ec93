/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TEND_TYPE_HELP_DIALOG (tend_help_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TendHelpDialog, tend_help_dialog, TEND, HELP_DIALOG, AdwDialog)

TendHelpDialog *tend_help_dialog_new         (void);
const char     *tend_help_dialog_get_country (TendHelpDialog *self);

G_END_DECLS
