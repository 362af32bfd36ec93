/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tend-clock.h"
#include "tend-usage.h"

G_BEGIN_DECLS

gint64 tend_test_clock_now_s (TendClock *clock);
void   tend_test_clock_set_s (TendClock *clock,
                              gint64     unix_s);
void   tend_test_run_for     (TendUsage *usage,
                              TendClock *clock,
                              gint64     seconds);

G_END_DECLS
