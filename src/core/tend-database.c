/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tend-database-private.h"

/* 'Tend' in ASCII, so a file of ours can be told from any other SQLite file. */
#define TEND_APPLICATION_ID 0x54656e64

struct _TendDatabase
{
  GObject  parent_instance;

  /* Owned */
  char    *path;
  sqlite3 *db;
};

G_DEFINE_FINAL_TYPE (TendDatabase, tend_database, G_TYPE_OBJECT)
G_DEFINE_QUARK (tend-database-error-quark, tend_database_error)

/* Migrations: migrations[N] takes a journal from version N to N + 1. They only ever add;
 * nothing a user wrote is dropped or rewritten. */
typedef gboolean (*MigrateFunc) (sqlite3 *db, GError **error);

static gboolean exec_sql (sqlite3     *db,
                          const char  *sql,
                          GError     **error);

static gboolean
migrate_0_to_1 (sqlite3  *db,
                GError  **error)
{
  return exec_sql (db,
                   "CREATE TABLE entries ("
                   "  id          INTEGER PRIMARY KEY,"
                   "  uuid        TEXT    NOT NULL UNIQUE,"
                   "  occurred_at INTEGER NOT NULL,"
                   "  utc_offset  INTEGER NOT NULL DEFAULT 0,"
                   "  mood        INTEGER NOT NULL CHECK (mood BETWEEN 1 AND 5),"
                   "  note        TEXT    NOT NULL DEFAULT '',"
                   "  created_at  INTEGER NOT NULL,"
                   "  updated_at  INTEGER NOT NULL"
                   ");"
                   "CREATE INDEX entries_by_time ON entries (occurred_at DESC, id DESC);",
                   error);
}

static const MigrateFunc migrations[] = {
  migrate_0_to_1,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == TEND_DATABASE_SCHEMA_VERSION);

static void
set_error_from_code (int          rc,
                     const char  *detail,
                     GError     **error)
{
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_DISK_FULL,
                   _("The disk is full, so Tend could not save. Free some space and try again."));
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_READ_ONLY,
                   _("Tend is not allowed to write to its journal file."));
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_CORRUPT,
                   _("The journal file is damaged."));
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
      g_set_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_CANNOT_OPEN,
                   _("The journal file could not be read or written (%s)."), detail);
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_INVALID,
                   _("The check-in could not be stored because it is not valid (%s)."), detail);
      break;

    default:
      g_set_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_FAILED,
                   _("The journal could not be used (%s)."), detail);
      break;
    }
}

/**
 * tend_database_set_error_from_sqlite:
 * @rc: a result code from SQLite
 *
 * Sets @error to a message in plain words for a failed SQLite call.
 *
 * Returns: %FALSE, so callers can `return tend_database_set_error_from_sqlite (…)`
 */
gboolean
tend_database_set_error_from_sqlite (TendDatabase  *self,
                                     int            rc,
                                     GError       **error)
{
  g_return_val_if_fail (TEND_IS_DATABASE (self), FALSE);

  set_error_from_code (rc, sqlite3_errmsg (self->db), error);
  return FALSE;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  char *message = NULL;
  int rc;

  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      set_error_from_code (rc, message != NULL ? message : sqlite3_errstr (rc), error);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           int         *value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      set_error_from_code (rc, sqlite3_errmsg (db), error);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  *value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
count_tables (sqlite3 *db,
              int     *n_tables,
              GError **error)
{
  return query_int (db, "SELECT count(*) FROM sqlite_schema", n_tables, error);
}

/* Creates the file with owner-only permissions before SQLite sees it; SQLite gives its
 * -wal and -shm files the same permissions as the journal itself. */
static gboolean
prepare_file (const char  *path,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_CANNOT_OPEN,
                   _("Tend could not create the folder for its journal, %s: %s."),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, TEND_DATABASE_ERROR,
                   saved_errno == EACCES || saved_errno == EROFS
                     ? TEND_DATABASE_ERROR_READ_ONLY
                     : TEND_DATABASE_ERROR_CANNOT_OPEN,
                   _("Tend could not open its journal, %s: %s."),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  /* A journal is private: tighten a file that an older tool left readable by others. */
  if (fchmod (fd, 0600) != 0)
    g_debug ("Could not set the permissions of %s: %s", path, g_strerror (errno));
  close (fd);

  return TRUE;
}

static sqlite3 *
open_handle (const char  *path,
             GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  if (!prepare_file (path, error))
    return NULL;

  rc = sqlite3_open_v2 (path, &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_code (rc, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc), error);
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_busy_timeout (db, 5000);
  sqlite3_extended_result_codes (db, 1);
  return db;
}

static gboolean
configure_connection (sqlite3  *db,
                      GError  **error)
{
  /* WAL keeps the file consistent through a crash; synchronous=FULL makes each saved
   * check-in survive a power cut too, which costs little at a journal's write rate. */
  return exec_sql (db,
                   "PRAGMA journal_mode = WAL;"
                   "PRAGMA synchronous = FULL;"
                   "PRAGMA foreign_keys = ON;"
                   "PRAGMA secure_delete = ON;",
                   error);
}

static gboolean
check_identity (sqlite3  *db,
                int      *version,
                GError  **error)
{
  int application_id = 0;
  int n_tables = 0;

  if (!query_int (db, "PRAGMA application_id", &application_id, error) ||
      !query_int (db, "PRAGMA user_version", version, error) ||
      !count_tables (db, &n_tables, error))
    return FALSE;

  if (application_id == 0 && *version == 0 && n_tables == 0)
    return TRUE; /* A new, empty file */

  if (application_id != TEND_APPLICATION_ID)
    {
      g_set_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_NOT_A_JOURNAL,
                   _("This file is not a Tend journal."));
      return FALSE;
    }

  if (*version > TEND_DATABASE_SCHEMA_VERSION)
    {
      g_set_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_TOO_NEW,
                   _("This journal was written by a newer version of Tend. "
                     "Update Tend to open it; the file has not been changed."));
      return FALSE;
    }

  return TRUE;
}

/* Runs the migrations from @from up to @to, each in its own transaction. */
static gboolean
migrate (sqlite3  *db,
         int       from,
         int       to,
         GError  **error)
{
  for (int version = from; version < to; version++)
    {
      g_autofree char *set_version = NULL;

      if (!exec_sql (db, "BEGIN IMMEDIATE", error))
        return FALSE;

      set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                     TEND_APPLICATION_ID, version + 1);

      if (!migrations[version] (db, error) || !exec_sql (db, set_version, error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }

      if (!exec_sql (db, "COMMIT", error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }

      g_debug ("Migrated the journal to version %d", version + 1);
    }

  return TRUE;
}

static void
tend_database_finalize (GObject *object)
{
  TendDatabase *self = TEND_DATABASE (object);

  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (tend_database_parent_class)->finalize (object);
}

static void
tend_database_class_init (TendDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tend_database_finalize;
}

static void
tend_database_init (TendDatabase *self)
{
}

/**
 * tend_database_open:
 * @path: the journal file; it and its folder are made when missing
 *
 * Opens a journal, creating it or bringing an older one up to the current schema. A file
 * that is not a journal, or one from a newer Tend, is left exactly as it was.
 *
 * Returns: (transfer full): the open journal database, or %NULL with @error set
 */
TendDatabase *
tend_database_open (const char  *path,
                    GError     **error)
{
  g_autoptr(TendDatabase) self = NULL;
  int version = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (TEND_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->db = open_handle (path, error);

  if (self->db == NULL ||
      !check_identity (self->db, &version, error) ||
      !configure_connection (self->db, error) ||
      !migrate (self->db, version, TEND_DATABASE_SCHEMA_VERSION, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
tend_database_get_path (TendDatabase *self)
{
  g_return_val_if_fail (TEND_IS_DATABASE (self), NULL);

  return self->path;
}

/**
 * tend_database_get_handle:
 *
 * Returns: (transfer none): the SQLite connection, opened in serialized mode so the
 *   core's worker threads may share it
 */
sqlite3 *
tend_database_get_handle (TendDatabase *self)
{
  g_return_val_if_fail (TEND_IS_DATABASE (self), NULL);

  return self->db;
}

gboolean
_tend_database_create_at_version (const char  *path,
                                  int          version,
                                  GError     **error)
{
  sqlite3 *db;
  gboolean ret;

  g_return_val_if_fail (version >= 0 && version <= TEND_DATABASE_SCHEMA_VERSION, FALSE);

  db = open_handle (path, error);
  if (db == NULL)
    return FALSE;

  ret = configure_connection (db, error) && migrate (db, 0, version, error);
  sqlite3_close (db);

  return ret;
}
