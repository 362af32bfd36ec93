/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tend-guide.h"

G_BEGIN_DECLS

#define TEND_TYPE_GUIDE_ROW (tend_guide_row_get_type ())

G_DECLARE_FINAL_TYPE (TendGuideRow, tend_guide_row, TEND, GUIDE_ROW, AdwActionRow)

GtkWidget  *tend_guide_row_new                 (TendGuide    *guide);
TendGuide  *tend_guide_row_get_guide           (TendGuideRow *self);
const char *tend_guide_row_get_section_id      (TendGuideRow *self);
void        tend_guide_row_set_section         (TendGuideRow *self,
                                                const char   *section_id,
                                                const char   *subtitle);
void        tend_guide_row_set_match           (TendGuideRow *self,
                                                const char   *section_id,
                                                const char   *section_title,
                                                const char   *snippet);

const char *tend_guide_row_get_icon_name       (const char   *guide_id);
char       *tend_guide_row_format_reading_time (guint         minutes);

G_END_DECLS
