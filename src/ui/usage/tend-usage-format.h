/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tend-usage.h"

G_BEGIN_DECLS

char     *tend_usage_format_short_duration (guint               seconds);
char     *tend_usage_format_day            (const GDate        *day,
                                            const GDate        *today);
char     *tend_usage_format_describe_day   (const TendUsageDay *day,
                                            const GDate        *today);

G_END_DECLS
