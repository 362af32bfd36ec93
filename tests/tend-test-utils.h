/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char      *tend_test_make_data_dir (void);
GDateTime *tend_test_date_time     (const char *iso8601);
char      *tend_test_checksum_file (const char *path);
guint      tend_test_file_mode     (const char *path);
void       tend_test_damage_entries_table (const char *path);
void       tend_test_unref_and_wait (gpointer   object,
                                    gpointer   owned);
void       tend_test_wait_until    (gboolean   (*condition) (gpointer data),
                                    gpointer     data);
double     tend_test_percentile    (GArray     *samples,
                                    double      fraction);

G_END_DECLS
