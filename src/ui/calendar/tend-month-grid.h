/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tend-journal.h"

G_BEGIN_DECLS

#define TEND_TYPE_MONTH_GRID (tend_month_grid_get_type ())

G_DECLARE_FINAL_TYPE (TendMonthGrid, tend_month_grid, TEND, MONTH_GRID, GtkWidget)

GtkWidget   *tend_month_grid_new              (void);
void         tend_month_grid_set_journal      (TendMonthGrid *self,
                                               TendJournal   *journal);
void         tend_month_grid_set_today        (TendMonthGrid *self,
                                               const GDate   *today);
const GDate *tend_month_grid_get_today        (TendMonthGrid *self);
const GDate *tend_month_grid_get_selected_day (TendMonthGrid *self);
void         tend_month_grid_select_day       (TendMonthGrid *self,
                                               const GDate   *day);
const GDate *tend_month_grid_get_cursor       (TendMonthGrid *self);
const char  *tend_month_grid_get_title        (TendMonthGrid *self);
GtkWidget   *tend_month_grid_get_day_cell     (TendMonthGrid *self,
                                               const GDate   *day);
guint        tend_month_grid_get_week_start   (void);

G_END_DECLS
