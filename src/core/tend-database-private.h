/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tend-database.h"

G_BEGIN_DECLS

/* For the tests: a journal file left at an earlier schema version, as an older Tend left it. */
gboolean _tend_database_create_at_version (const char  *path,
                                           int          version,
                                           GError     **error);

/* Sets @error to a message in plain words for an SQLite result code. Returns %FALSE. */
gboolean _tend_database_set_error         (int            rc,
                                           const char    *detail,
                                           GError       **error);

int      _tend_database_get_application_id (void);
gboolean _tend_database_query_int64       (sqlite3       *db,
                                           const char    *sql,
                                           gint64        *value,
                                           GError       **error);

/* For the context, which moves a damaged journal aside and puts a journal back in place
 * under the same TendDatabase, so every view built on the journal stays valid. */
void     _tend_database_close             (TendDatabase  *self);
gboolean _tend_database_reopen            (TendDatabase  *self,
                                           GError       **error);
gboolean _tend_database_replace_contents  (TendDatabase  *self,
                                           sqlite3       *source,
                                           GError       **error);

G_END_DECLS
