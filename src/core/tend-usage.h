/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tend-clock.h"
#include "tend-database.h"

G_BEGIN_DECLS

/* Input in the last two minutes counts as active use. */
#define TEND_USAGE_IDLE_THRESHOLD_S 120

/* A tick at least this late means the computer was suspended (or the clock was set):
 * the time since the tick before is not counted. */
#define TEND_USAGE_SUSPEND_GAP_S 90

/* Usage days start at this local hour, as in GNOME's screen time. */
#define TEND_USAGE_DAY_START_HOUR 3

#define TEND_USAGE_DEFAULT_BREAK_LENGTH_S (5 * 60)

/* One usage day: the active time in it and the breaks taken during it. */
typedef struct
{
  GDate day;
  guint active_s;
  guint n_breaks;
} TendUsageDay;

#define TEND_TYPE_USAGE (tend_usage_get_type ())

G_DECLARE_FINAL_TYPE (TendUsage, tend_usage, TEND, USAGE, GObject)

TendUsage *tend_usage_new                 (TendDatabase  *database,
                                           TendClock     *clock);
TendClock *tend_usage_get_clock           (TendUsage     *self);
guint      tend_usage_get_break_length    (TendUsage     *self);
void       tend_usage_set_break_length    (TendUsage     *self,
                                           guint          seconds);

gboolean   tend_usage_is_active           (TendUsage     *self);
gboolean   tend_usage_set_active          (TendUsage     *self,
                                           gboolean       active,
                                           gint64         at_unix_s,
                                           GError       **error);
gboolean   tend_usage_tick                (TendUsage     *self,
                                           GError       **error);

guint      tend_usage_get_day_total       (TendUsage     *self,
                                           const GDate   *day,
                                           GError       **error);
GArray    *tend_usage_get_days            (TendUsage     *self,
                                           const GDate   *first,
                                           const GDate   *last,
                                           GError       **error);
guint      tend_usage_get_continuous      (TendUsage     *self,
                                           GError       **error);
guint      tend_usage_get_stretch         (TendUsage     *self,
                                           guint          gap_s,
                                           gint64        *started_at,
                                           GError       **error);

void       tend_usage_get_day_of          (GDateTime     *time,
                                           GDate         *day);
gint64     tend_usage_get_day_start       (const GDate   *day);

G_END_DECLS
