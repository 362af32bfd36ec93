/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tend-guide-library.h"

G_BEGIN_DECLS

#define TEND_TYPE_GUIDES_PAGE (tend_guides_page_get_type ())

G_DECLARE_FINAL_TYPE (TendGuidesPage, tend_guides_page, TEND, GUIDES_PAGE, AdwBin)

TendGuideLibrary *tend_guides_page_get_library    (TendGuidesPage   *self);
void              tend_guides_page_set_library    (TendGuidesPage   *self,
                                                   TendGuideLibrary *library);
gboolean          tend_guides_page_open_guide     (TendGuidesPage   *self,
                                                   const char       *id,
                                                   const char       *section_id);
void              tend_guides_page_start_exercise (TendGuidesPage   *self,
                                                   const char       *kind);
void              tend_guides_page_start_search   (TendGuidesPage   *self,
                                                   const char       *text);
void              tend_guides_page_show_library   (TendGuidesPage   *self);
GtkWidget        *tend_guides_page_get_visible    (TendGuidesPage   *self);

G_END_DECLS
