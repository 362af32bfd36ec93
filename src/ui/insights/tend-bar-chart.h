/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tend-insights.h"

G_BEGIN_DECLS

#define TEND_TYPE_BAR_CHART (tend_bar_chart_get_type ())

/* Mean mood per category (weekdays, times of day). One bar per category on a 1–5 scale
 * with the mood icon at its top, the category label under it and the number of check-ins
 * under that; a category with none shows an empty slot and "–"; bars in the accent
 * colour. */
G_DECLARE_FINAL_TYPE (TendBarChart, tend_bar_chart, TEND, BAR_CHART, GtkWidget)

GtkWidget *tend_bar_chart_new          (void);
void       tend_bar_chart_set_bars     (TendBarChart           *self,
                                        guint                   n_bars,
                                        const char * const     *labels,
                                        const char * const     *long_labels,
                                        const TendInsightsMean *means);
int        tend_bar_chart_get_selected (TendBarChart           *self);
void       tend_bar_chart_set_selected (TendBarChart           *self,
                                        int                     index);
char      *tend_bar_chart_get_summary  (TendBarChart           *self);

G_END_DECLS
