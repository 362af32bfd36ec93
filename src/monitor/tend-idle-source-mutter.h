/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tend-idle-source.h"

G_BEGIN_DECLS

/* The slow GetIdletime check, in seconds: idle inhibitors (a film, a call) stop the idle
 * watch from firing, and this finds the idleness anyway. */
#define TEND_IDLE_SOURCE_MUTTER_DEFAULT_CHECK_INTERVAL 180

#define TEND_TYPE_IDLE_SOURCE_MUTTER (tend_idle_source_mutter_get_type ())

G_DECLARE_FINAL_TYPE (TendIdleSourceMutter, tend_idle_source_mutter, TEND, IDLE_SOURCE_MUTTER,
                      TendIdleSource)

TendIdleSource *tend_idle_source_mutter_new (GDBusConnection *connection);

G_END_DECLS
