/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The keyboard cursor of a chart whose items stand in a row (the usage chart, the mood
 * chart, the bar chart): which item a key moves to, and what a screen reader hears. */

gboolean tend_chart_cursor_move     (GtkWidget       *chart,
                                     guint            keyval,
                                     GdkModifierType  state,
                                     int              selected,
                                     int              n_items,
                                     int             *index);
void     tend_chart_cursor_describe (GtkWidget       *chart,
                                     const char      *text,
                                     gboolean         announce);

G_END_DECLS
