/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tend-context.h"

G_BEGIN_DECLS

#define TEND_TYPE_CALENDAR_PAGE (tend_calendar_page_get_type ())

G_DECLARE_FINAL_TYPE (TendCalendarPage, tend_calendar_page, TEND, CALENDAR_PAGE, AdwBreakpointBin)

void           tend_calendar_page_set_context (TendCalendarPage *self,
                                               TendContext      *context);
TendEntryList *tend_calendar_page_get_entries (TendCalendarPage *self);
void           tend_calendar_page_show_day    (TendCalendarPage *self,
                                               const GDate      *day);

G_END_DECLS
