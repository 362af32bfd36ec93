/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tend-mood.h"

G_BEGIN_DECLS

/* What the Insights charts share: mood colours read through the stylesheet, the accent
 * colour, text and icons drawn into a snapshot. Private to src/ui/insights. */

#define TEND_CHART_N_MOODS 5

/* Without libm, which tend-ui does not link */
static inline int
tend_chart_floor (double x)
{
  int i = (int) x;

  return x < i ? i - 1 : i;
}

static inline int
tend_chart_ceil (double x)
{
  int i = (int) x;

  return x > i ? i + 1 : i;
}

void         tend_chart_add_mood_swatches   (GtkWidget       *chart,
                                             GtkWidget      **swatches);
void         tend_chart_remove_mood_swatches (GtkWidget     **swatches);
void         tend_chart_get_mood_color      (GtkWidget      **swatches,
                                             TendMood         mood,
                                             GdkRGBA         *color);
TendMood     tend_chart_round_mood          (double           mean);
void         tend_chart_get_accent          (GtkWidget       *chart,
                                             GdkRGBA         *accent_bg,
                                             GdkRGBA         *accent);
void         tend_chart_follow_style        (GtkWidget       *chart);
PangoLayout *tend_chart_make_layout         (GtkWidget       *chart,
                                             const char      *text,
                                             gboolean         bold,
                                             gboolean         small);
void         tend_chart_append_layout_at    (GtkSnapshot     *snapshot,
                                             PangoLayout     *layout,
                                             float            x,
                                             float            y,
                                             const GdkRGBA   *color);
void         tend_chart_append_line         (GtkSnapshot     *snapshot,
                                             float            x0,
                                             float            y0,
                                             float            x1,
                                             float            y1,
                                             float            width,
                                             const GdkRGBA   *color);
void         tend_chart_append_rounded_rect (GtkSnapshot     *snapshot,
                                             const graphene_rect_t *rect,
                                             float            radius,
                                             const GdkRGBA   *fill,
                                             const GdkRGBA   *border,
                                             float            border_width);
void         tend_chart_append_icon         (GtkSnapshot     *snapshot,
                                             GtkWidget       *chart,
                                             const char      *icon_name,
                                             float            x,
                                             float            y,
                                             float            size,
                                             const GdkRGBA   *color);
char        *tend_chart_format_mean         (double           mean);
GDateTime   *tend_chart_date_time           (const GDate     *day);
char        *tend_chart_format_day          (const GDate     *day);
char        *tend_chart_format_date         (const GDate     *day,
                                             const char      *format);

G_END_DECLS
