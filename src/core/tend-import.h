/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tend-export.h"
#include "tend-journal.h"

G_BEGIN_DECLS

/* The biggest file Tend imports: far above any real journal, well below trouble. */
#define TEND_IMPORT_MAX_SIZE (64 * 1024 * 1024)

gboolean   tend_import_check_format (TendFileFormat format,
                                     GError       **error);
GPtrArray *tend_import_parse       (GBytes         *contents,
                                    TendFileFormat  format,
                                    GPtrArray     **tags,
                                    GError        **error);
gboolean   tend_import_file        (TendJournal    *journal,
                                    GFile          *file,
                                    GCancellable   *cancellable,
                                    guint          *n_read,
                                    guint          *n_added,
                                    GError        **error);
void       tend_import_file_async  (TendJournal    *journal,
                                    GFile          *file,
                                    GCancellable   *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer        user_data);
gboolean   tend_import_file_finish (TendJournal    *journal,
                                    GAsyncResult   *result,
                                    guint          *n_read,
                                    guint          *n_added,
                                    GError        **error);

G_END_DECLS
