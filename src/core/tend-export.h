/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tend-journal.h"

G_BEGIN_DECLS

/**
 * TendFileFormat:
 *
 * The kinds of file Tend exports to and imports from, told apart by the file name's
 * extension. Markdown is for reading, and only exported.
 */
typedef enum
{
  TEND_FILE_FORMAT_UNKNOWN,
  TEND_FILE_FORMAT_JSON,
  TEND_FILE_FORMAT_CSV,
  TEND_FILE_FORMAT_MARKDOWN,
} TendFileFormat;

#define TEND_TRANSFER_ERROR (tend_transfer_error_quark ())

typedef enum
{
  TEND_TRANSFER_ERROR_UNKNOWN_FORMAT,
  TEND_TRANSFER_ERROR_EXPORT_ONLY,
  TEND_TRANSFER_ERROR_EMPTY,
  TEND_TRANSFER_ERROR_TOO_BIG,
  TEND_TRANSFER_ERROR_NOT_UTF8,
  TEND_TRANSFER_ERROR_NOT_A_JOURNAL,
  TEND_TRANSFER_ERROR_TOO_NEW,
  TEND_TRANSFER_ERROR_INVALID,
} TendTransferError;

/* The "format" and "version" of Tend's JSON; see the README for the version rule. */
#define TEND_JSON_FORMAT_NAME    "tend-journal"
#define TEND_JSON_FORMAT_VERSION 1

GQuark          tend_transfer_error_quark     (void);
TendFileFormat  tend_file_format_from_name    (const char     *name);
const char     *tend_file_format_get_extension (TendFileFormat format);
char           *tend_csv_neutralize_cell      (const char     *cell);

GBytes         *tend_export_to_bytes          (GPtrArray      *entries,
                                               GPtrArray      *tags,
                                               TendFileFormat  format,
                                               GDateTime      *exported_at);

gboolean        tend_export_file              (TendJournal    *journal,
                                               GListModel     *entries,
                                               TendFileFormat  format,
                                               GFile          *file,
                                               GCancellable   *cancellable,
                                               guint          *n_exported,
                                               GError        **error);
void            tend_export_file_async        (TendJournal    *journal,
                                               GListModel     *entries,
                                               TendFileFormat  format,
                                               GFile          *file,
                                               GCancellable   *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer        user_data);
gboolean        tend_export_file_finish       (TendJournal    *journal,
                                               GAsyncResult   *result,
                                               guint          *n_exported,
                                               GError        **error);

G_END_DECLS
