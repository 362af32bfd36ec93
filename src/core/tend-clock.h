/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TEND_TYPE_CLOCK (tend_clock_get_type ())

G_DECLARE_FINAL_TYPE (TendClock, tend_clock, TEND, CLOCK, GObject)

TendClock *tend_clock_new_system   (void);
TendClock *tend_clock_new_manual   (GDateTime *now);
GDateTime *tend_clock_get_now      (TendClock *self);
void       tend_clock_set_now      (TendClock *self,
                                    GDateTime *now);

G_END_DECLS
