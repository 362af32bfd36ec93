/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  tend_test_vfs_install       (void);
void  tend_test_vfs_arm           (guint n_writes_before_full);
void  tend_test_vfs_disarm        (void);
guint tend_test_vfs_get_n_refused (void);

G_END_DECLS
