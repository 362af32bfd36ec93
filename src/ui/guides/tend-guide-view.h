/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tend-guide-library.h"

G_BEGIN_DECLS

#define TEND_TYPE_GUIDE_VIEW (tend_guide_view_get_type ())

G_DECLARE_FINAL_TYPE (TendGuideView, tend_guide_view, TEND, GUIDE_VIEW, AdwNavigationPage)

TendGuideView *tend_guide_view_new                 (TendGuideLibrary *library,
                                                    TendGuide        *guide);
TendGuide     *tend_guide_view_get_guide           (TendGuideView    *self);
void           tend_guide_view_scroll_to_section   (TendGuideView    *self,
                                                    const char       *section_id);
const char    *tend_guide_view_get_current_section (TendGuideView    *self);
GtkWidget     *tend_guide_view_get_section_heading (TendGuideView    *self,
                                                    const char       *section_id);
const char    *tend_guide_view_get_section_title   (TendGuide        *guide,
                                                    const char       *section_id);

G_END_DECLS
