/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TEND_TYPE_DAY_SECTIONS (tend_day_sections_get_type ())

G_DECLARE_FINAL_TYPE (TendDaySections, tend_day_sections, TEND, DAY_SECTIONS, GObject)

TendDaySections *tend_day_sections_new       (GListModel      *entries);
guint            tend_day_sections_get_limit (TendDaySections *self);
void             tend_day_sections_set_limit (TendDaySections *self,
                                              guint            limit);

G_END_DECLS
