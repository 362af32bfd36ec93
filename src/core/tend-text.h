/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *tend_text_fold        (const char *text,
                             gssize      length);
char *tend_text_format_path (const char *path);

G_END_DECLS
