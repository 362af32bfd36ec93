/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  tend_date_same_day   (GDateTime *a,
                                GDateTime *b);
char     *tend_date_format_day (GDateTime *day,
                                GDateTime *now);
char     *tend_date_format_long_day (GDateTime *day,
                                     GDateTime *now);
char     *tend_date_format_time (GDateTime *time);
gboolean  tend_date_uses_12h_clock (void);
char     *tend_date_format_clock (GDateTime *time,
                                  gboolean   use_12h);

GDateWeekday tend_date_get_first_weekday (void);

G_END_DECLS
