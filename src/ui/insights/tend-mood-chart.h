/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tend-insights.h"

G_BEGIN_DECLS

#define TEND_TYPE_MOOD_CHART (tend_mood_chart_get_type ())

/* Mood over time. Each point a dot at its mean, a vertical bar from lowest to highest (the
 * spread), a line joining consecutive points; a gap breaks the line and leaves the space
 * empty. Y axis: moods 1–5 (icons on the start side), X labels suited to the period
 * (weekday names, day numbers every few days, month names). Points after @today are the
 * future: drawn as nothing, not gaps. */
G_DECLARE_FINAL_TYPE (TendMoodChart, tend_mood_chart, TEND, MOOD_CHART, GtkWidget)

GtkWidget *tend_mood_chart_new          (void);
void       tend_mood_chart_set_points   (TendMoodChart      *self,
                                         TendInsightsPeriod  period,
                                         GArray             *points,
                                         const GDate        *today);
int        tend_mood_chart_get_selected (TendMoodChart      *self);
void       tend_mood_chart_set_selected (TendMoodChart      *self,
                                         int                 index);
char      *tend_mood_chart_get_summary  (TendMoodChart      *self);

G_END_DECLS
