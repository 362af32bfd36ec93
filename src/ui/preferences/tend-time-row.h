/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TEND_TYPE_TIME_ROW (tend_time_row_get_type ())

G_DECLARE_FINAL_TYPE (TendTimeRow, tend_time_row, TEND, TIME_ROW, AdwActionRow)

GtkWidget     *tend_time_row_new          (void);
guint          tend_time_row_get_minutes  (TendTimeRow *self);
void           tend_time_row_set_minutes  (TendTimeRow *self,
                                           guint        minutes);
gboolean       tend_time_row_get_duration (TendTimeRow *self);
void           tend_time_row_set_duration (TendTimeRow *self,
                                           gboolean     duration);
guint          tend_time_row_get_minimum  (TendTimeRow *self);
void           tend_time_row_set_minimum  (TendTimeRow *self,
                                           guint        minimum);
gboolean       tend_time_row_get_use_12h  (TendTimeRow *self);
void           tend_time_row_set_use_12h  (TendTimeRow *self,
                                           gboolean     use_12h);
GtkSpinButton *tend_time_row_get_hour_spin   (TendTimeRow *self);
GtkSpinButton *tend_time_row_get_minute_spin (TendTimeRow *self);
GtkMenuButton *tend_time_row_get_button      (TendTimeRow *self);

G_END_DECLS
