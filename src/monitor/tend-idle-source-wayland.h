/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tend-idle-source.h"

G_BEGIN_DECLS

#define TEND_TYPE_IDLE_SOURCE_WAYLAND (tend_idle_source_wayland_get_type ())

G_DECLARE_FINAL_TYPE (TendIdleSourceWayland, tend_idle_source_wayland, TEND,
                      IDLE_SOURCE_WAYLAND, TendIdleSource)

TendIdleSource *tend_idle_source_wayland_new                    (const char *display_name);

gboolean        tend_idle_source_wayland_get_ignores_inhibitors (TendIdleSourceWayland *self);

G_END_DECLS
