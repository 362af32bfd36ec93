/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tend-context.h"
#include "tend-entry-editor.h"

G_BEGIN_DECLS

#define TEND_TYPE_TODAY_PAGE (tend_today_page_get_type ())

G_DECLARE_FINAL_TYPE (TendTodayPage, tend_today_page, TEND, TODAY_PAGE, AdwBin)

void tend_today_page_set_context (TendTodayPage *self,
                                  TendContext   *context);
void             tend_today_page_focus_mood  (TendTodayPage *self);
TendEntryEditor *tend_today_page_get_editor  (TendTodayPage *self);

G_END_DECLS
