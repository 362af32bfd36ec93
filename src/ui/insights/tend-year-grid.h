/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tend-journal.h"

G_BEGIN_DECLS

#define TEND_TYPE_YEAR_GRID (tend_year_grid_get_type ())

/* A year in pixels. Twelve rows (months, short names on the start side), up to 31 columns
 * (day of month); a day with check-ins is filled with the colour of its rounded mean mood,
 * a day without is an outline, days that do not exist are absent, days after @today are
 * faint. Left/Right ±1 day (mirrored in RTL), Up/Down ±1 month (same day, clamped),
 * Home/End first/last day of the month, PageUp/PageDown ±1 month too; Enter/Space or a
 * click activates the day ("day-activated", with a const GDate *). Its mood and number of
 * check-ins are the accessible description. */
G_DECLARE_FINAL_TYPE (TendYearGrid, tend_year_grid, TEND, YEAR_GRID, GtkWidget)

GtkWidget *tend_year_grid_new         (void);
void       tend_year_grid_set_days    (TendYearGrid *self,
                                       int           year,
                                       GArray       *days,
                                       const GDate  *today);
gboolean   tend_year_grid_get_cursor  (TendYearGrid *self,
                                       GDate        *day);
void       tend_year_grid_set_cursor  (TendYearGrid *self,
                                       const GDate  *day);
char      *tend_year_grid_get_summary (TendYearGrid *self);

G_END_DECLS
