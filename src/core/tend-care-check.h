/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean tend_care_check_matches        (const char *text);
gboolean tend_care_check_search_matches (const char *text);

G_END_DECLS
