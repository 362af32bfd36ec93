/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define TEND_DATABASE_ERROR (tend_database_error_quark ())

typedef enum
{
  TEND_DATABASE_ERROR_FAILED,
  TEND_DATABASE_ERROR_CANNOT_OPEN,
  TEND_DATABASE_ERROR_NOT_A_JOURNAL,
  TEND_DATABASE_ERROR_TOO_NEW,
  TEND_DATABASE_ERROR_CORRUPT,
  TEND_DATABASE_ERROR_DISK_FULL,
  TEND_DATABASE_ERROR_READ_ONLY,
  TEND_DATABASE_ERROR_INVALID,
} TendDatabaseError;

/* The schema version this build writes; every version below it is migrated on open. */
#define TEND_DATABASE_SCHEMA_VERSION 3

#define TEND_TYPE_DATABASE (tend_database_get_type ())

G_DECLARE_FINAL_TYPE (TendDatabase, tend_database, TEND, DATABASE, GObject)

GQuark        tend_database_error_quark          (void);
TendDatabase *tend_database_open                 (const char    *path,
                                                  GError       **error);
const char   *tend_database_get_path             (TendDatabase  *self);
sqlite3      *tend_database_get_handle           (TendDatabase  *self);
gboolean      tend_database_is_read_only         (TendDatabase  *self);
gboolean      tend_database_set_error_from_sqlite (TendDatabase *self,
                                                  int            rc,
                                                  GError       **error);
void          tend_database_lock                 (TendDatabase  *self);
void          tend_database_unlock               (TendDatabase  *self);
gboolean      tend_database_exec                 (TendDatabase  *self,
                                                  const char    *sql,
                                                  GError       **error);
gboolean      tend_database_begin                (TendDatabase  *self,
                                                  GError       **error);
gboolean      tend_database_commit               (TendDatabase  *self,
                                                  GError       **error);
void          tend_database_rollback             (TendDatabase  *self);
sqlite3_stmt *tend_database_prepare              (TendDatabase  *self,
                                                  const char    *sql,
                                                  GError       **error);

G_END_DECLS
