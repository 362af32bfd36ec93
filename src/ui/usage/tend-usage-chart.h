/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tend-usage.h"

G_BEGIN_DECLS

#define TEND_TYPE_USAGE_CHART (tend_usage_chart_get_type ())

G_DECLARE_FINAL_TYPE (TendUsageChart, tend_usage_chart, TEND, USAGE_CHART, GtkWidget)

GtkWidget          *tend_usage_chart_new          (void);
void                tend_usage_chart_set_days     (TendUsageChart *self,
                                                   GArray         *days,
                                                   const GDate    *today);
guint               tend_usage_chart_get_n_days   (TendUsageChart *self);
const TendUsageDay *tend_usage_chart_get_day      (TendUsageChart *self,
                                                   guint           index);
void                tend_usage_chart_set_goal     (TendUsageChart *self,
                                                   guint           seconds);
guint               tend_usage_chart_get_goal     (TendUsageChart *self);
int                 tend_usage_chart_get_selected (TendUsageChart *self);
void                tend_usage_chart_set_selected (TendUsageChart *self,
                                                   int             index);
guint               tend_usage_chart_get_scale    (TendUsageChart *self);

G_END_DECLS
