/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tend-idle-source.h"

G_BEGIN_DECLS

/* While idle, seconds between two looks at the idle time: at most one wake-up a minute. */
#define TEND_IDLE_SOURCE_XSS_DEFAULT_IDLE_CHECK_INTERVAL 60

#define TEND_TYPE_IDLE_SOURCE_XSS (tend_idle_source_xss_get_type ())

G_DECLARE_FINAL_TYPE (TendIdleSourceXss, tend_idle_source_xss, TEND, IDLE_SOURCE_XSS,
                      TendIdleSource)

TendIdleSource *tend_idle_source_xss_new (const char *display_name);

G_END_DECLS
