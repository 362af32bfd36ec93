/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *tend_usage_format_duration (guint seconds);

G_END_DECLS
