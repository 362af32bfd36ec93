/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tend-usage.h"

G_BEGIN_DECLS

char     *tend_usage_format_short_duration (guint               seconds);
gboolean  tend_usage_format_uses_12h       (void);
char     *tend_usage_format_time_of_day    (GDateTime          *time);
char     *tend_usage_format_clock          (GDateTime          *time,
                                            gboolean            use_12h);
char     *tend_usage_format_day            (const GDate        *day,
                                            const GDate        *today);
char     *tend_usage_format_describe_day   (const TendUsageDay *day,
                                            const GDate        *today);

G_END_DECLS
