/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean tend_test_drop_file_capabilities (void);
void     tend_test_set_mode               (const char *path,
                                           guint       mode);
char    *tend_test_integrity_check        (const char *journal_path);

G_END_DECLS
