/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tend-application.h"
#include "tend-context.h"

G_BEGIN_DECLS

#define TEND_TYPE_WINDOW (tend_window_get_type ())

G_DECLARE_FINAL_TYPE (TendWindow, tend_window, TEND, WINDOW, AdwApplicationWindow)

TendWindow  *tend_window_new            (TendApplication *application,
                                         TendContext     *context);
void         tend_window_show_page      (TendWindow      *self,
                                         const char      *name);
const char  *tend_window_get_page       (TendWindow      *self);
void         tend_window_start_check_in (TendWindow      *self);
void         tend_window_open_entry     (TendWindow      *self,
                                         TendEntry       *entry);
void         tend_window_show_guide     (TendWindow      *self,
                                         const char      *id);
void         tend_window_search_guides  (TendWindow      *self,
                                         const char      *text);
void         tend_window_add_toast      (TendWindow      *self,
                                         AdwToast        *toast);
void         tend_window_make_pages     (TendWindow      *self);

G_END_DECLS
