/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tend-text.h"
#include "tend-database-private.h"

/* 'Tend' in ASCII, so a file of ours can be told from any other SQLite file. */
#define TEND_APPLICATION_ID 0x54656e64

struct _TendDatabase
{
  GObject  parent_instance;

  /* Owned */
  char    *path;
  sqlite3 *db;
  gboolean read_only; /* the folder or the file may only be read: opened for reading */
  dev_t    device;    /* the file that was opened, to notice it removed or replaced */
  ino_t    inode;

  /* Held for each transaction, so the threads that share the connection never write
   * into each other's transactions. */
  GRecMutex lock;
  GHashTable *statements; /* SQL text → sqlite3_stmt, used under the lock */
};

G_DEFINE_FINAL_TYPE (TendDatabase, tend_database, G_TYPE_OBJECT)
G_DEFINE_QUARK (tend-database-error-quark, tend_database_error)

/* Migrations: migrations[N] takes a journal from version N to N + 1. They only ever add;
 * nothing a user wrote is dropped or rewritten. */
typedef gboolean (*MigrateFunc) (sqlite3 *db, GError **error);

static gboolean exec_sql (sqlite3     *db,
                          const char  *sql,
                          GError     **error);
static void set_error_from_code (int          rc,
                                 const char  *detail,
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

/* Version 2: energy, emotions, tags, full-text search, drafts. */
static gboolean
migrate_1_to_2 (sqlite3  *db,
                GError  **error)
{
  static const char *default_tags[] = {
    NC_("tag", "Work"), NC_("tag", "Family"), NC_("tag", "Friends"), NC_("tag", "Partner"),
    NC_("tag", "Sleep"), NC_("tag", "Exercise"), NC_("tag", "Outdoors"), NC_("tag", "Food"),
    NC_("tag", "Money"), NC_("tag", "Health"), NC_("tag", "Screens"), NC_("tag", "Chores"),
    NC_("tag", "Learning"), NC_("tag", "Hobbies"), NC_("tag", "Rest"),
  };
  sqlite3_stmt *stmt = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (!exec_sql (db,
                 "ALTER TABLE entries ADD COLUMN energy INTEGER "
                 "  CHECK (energy IS NULL OR energy BETWEEN 1 AND 3);"
                 "CREATE TABLE tags ("
                 "  id         INTEGER PRIMARY KEY,"
                 "  name       TEXT    NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),"
                 "  position   INTEGER NOT NULL DEFAULT 0,"
                 "  hidden     INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),"
                 "  created_at INTEGER NOT NULL"
                 ");"
                 "CREATE TABLE entry_tags ("
                 "  entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,"
                 "  tag_id   INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,"
                 "  PRIMARY KEY (entry_id, tag_id)"
                 ") WITHOUT ROWID;"
                 "CREATE INDEX entry_tags_by_tag ON entry_tags (tag_id, entry_id);"
                 "CREATE TABLE entry_emotions ("
                 "  entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,"
                 "  emotion  TEXT    NOT NULL,"
                 "  PRIMARY KEY (entry_id, emotion)"
                 ") WITHOUT ROWID;"
                 "CREATE INDEX entry_emotions_by_emotion ON entry_emotions (emotion, entry_id);"
                 /* Holds a copy of each note so matches can be highlighted; the emotions
                  * and tags columns hold their names as shown, so people find what
                  * they see. Accents are folded: 'ete' finds 'été'. */
                 "CREATE VIRTUAL TABLE entries_fts USING fts5 ("
                 "  note, emotions, tags,"
                 "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'"
                 ");"
                 "INSERT INTO entries_fts (rowid, note, emotions, tags) "
                 "  SELECT id, note, '', '' FROM entries;"
                 "CREATE TABLE drafts ("
                 "  slot        TEXT    PRIMARY KEY,"
                 "  entry_uuid  TEXT,"
                 "  mood        INTEGER,"
                 "  energy      INTEGER,"
                 "  emotions    TEXT    NOT NULL DEFAULT '',"
                 "  tags        TEXT    NOT NULL DEFAULT '',"
                 "  note        TEXT    NOT NULL DEFAULT '',"
                 "  occurred_at INTEGER,"
                 "  utc_offset  INTEGER NOT NULL DEFAULT 0,"
                 "  saved_at    INTEGER NOT NULL"
                 ");"
                 "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
                 /* Lists read only this index, never the notes, to open fast. */
                 "DROP INDEX entries_by_time;"
                 "CREATE INDEX entries_by_time "
                 "  ON entries (occurred_at DESC, id DESC, utc_offset, mood);",
                 error))
    return FALSE;

  if (sqlite3_prepare_v2 (db, "INSERT OR IGNORE INTO tags (name, position, created_at) "
                              "VALUES (?1, ?2, ?3)", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_error_from_code (sqlite3_errcode (db), sqlite3_errmsg (db), error);
      return FALSE;
    }

  /* The default activities are named in the language of the day the journal is made;
   * from then on they are the user's own, to rename or hide. */
  for (guint i = 0; i < G_N_ELEMENTS (default_tags); i++)
    {
      int rc;

      sqlite3_bind_text (stmt, 1, g_dpgettext2 (GETTEXT_PACKAGE, "tag", default_tags[i]), -1,
                         SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_int64 (stmt, 3, now);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);

      if (rc != SQLITE_DONE)
        {
          set_error_from_code (rc, sqlite3_errmsg (db), error);
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }

  sqlite3_finalize (stmt);
  return TRUE;
}

/* Version 3: usage time. Only the spans of active use are kept, never input events; the
 * span being used is written as it grows, so a crash loses at most its last minute. */
static gboolean
migrate_2_to_3 (sqlite3  *db,
                GError  **error)
{
  return exec_sql (db,
                   "CREATE TABLE usage_intervals ("
                   "  id         INTEGER PRIMARY KEY,"
                   "  started_at INTEGER NOT NULL,"
                   "  ended_at   INTEGER NOT NULL CHECK (ended_at >= started_at)"
                   ");"
                   "CREATE INDEX usage_intervals_by_end ON usage_intervals (ended_at, started_at);",
                   error);
}

static const MigrateFunc migrations[] = {
  migrate_0_to_1,
  migrate_1_to_2,
  migrate_2_to_3,
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
                   _("The disk is full, so this was not saved. Everything saved before is "
                     "safe. Free some space and try again."));
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_READ_ONLY,
                   _("Tend is not allowed to write to its journal file, so this was not "
                     "saved. Everything saved before is safe."));
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

/* Refused writes in a folder Tend may only read say which folder, so it can be fixed. */
static gboolean
set_read_only_error (TendDatabase  *self,
                     GError       **error)
{
  g_autofree char *dirname = g_path_get_dirname (self->path);
  g_autofree char *folder = tend_text_format_path (dirname);

  g_set_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_READ_ONLY,
               /* Translators: %s is a folder, such as /home/ana/.local/share/tend */
               _("Tend is not allowed to write in the folder %s, so this was not saved. "
                 "Everything saved before is safe."), folder);
  return FALSE;
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

  if (self->read_only && ((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_PERM))
    return set_read_only_error (self, error);

  set_error_from_code (rc, self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc),
                       error);
  return FALSE;
}

static gboolean
set_closed_error (GError **error)
{
  g_set_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_CANNOT_OPEN,
               _("Your journal is not open, so nothing could be read or saved."));
  return FALSE;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  char *message = NULL;
  int rc;

  if (db == NULL)
    return set_closed_error (error);

  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      set_error_from_code (rc, message != NULL ? message : sqlite3_errstr (rc), error);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

/**
 * _tend_database_query_int64:
 * @sql: a statement whose first row's first column is a number
 *
 * Reads one number, such as a PRAGMA's value, with errors in plain words.
 */
gboolean
_tend_database_query_int64 (sqlite3     *db,
                            const char  *sql,
                            gint64      *value,
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

  *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           int         *value,
           GError     **error)
{
  gint64 wide = 0;

  if (!_tend_database_query_int64 (db, sql, &wide, error))
    return FALSE;

  *value = (int) wide;
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
 * -wal and -shm files the same permissions as the journal itself. Sets @read_only when
 * the journal is there but Tend may only read it or its folder (which must hold the
 * -wal and -shm files): it is then opened for reading, so it can at least be shown. */
static gboolean
prepare_file (const char  *path,
              gboolean    *read_only,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  *read_only = FALSE;
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR) &&
      (g_access (dir, W_OK) != 0 || g_access (path, W_OK) != 0))
    {
      if (g_access (path, R_OK) == 0)
        {
          g_debug ("%s may only be read", path);
          *read_only = TRUE;
          return TRUE;
        }
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_CANNOT_OPEN,
                   _("Tend could not create the folder for its journal, %s: %s."),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0 && (errno == EACCES || errno == EROFS) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *folder = tend_text_format_path (dir);

      g_set_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_READ_ONLY,
                   /* Translators: %s is a folder, such as /home/ana/.local/share/tend */
                   _("Tend is not allowed to write in the folder %s, so it cannot start "
                     "your journal there."), folder);
      return FALSE;
    }

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

/* Opens a journal that may only be read. Its write-ahead log is read when SQLite can (it
 * needs a -shm file there); otherwise the file alone, as it was at its last clean close. */
static sqlite3 *
open_read_only_handle (const char  *path,
                       GError     **error)
{
  static const char * const modes[] = { "mode=ro", "immutable=1" };
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *escaped = g_uri_escape_string (absolute, "/", FALSE);
  int rc = SQLITE_CANTOPEN;

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autofree char *uri = g_strdup_printf ("file:%s?%s", escaped, modes[i]);
      sqlite3 *db = NULL;
      gint64 version;

      rc = sqlite3_open_v2 (uri, &db,
                            SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX |
                            SQLITE_OPEN_EXRESCODE,
                            NULL);
      if (rc == SQLITE_OK &&
          _tend_database_query_int64 (db, "PRAGMA user_version", &version, NULL))
        {
          sqlite3_busy_timeout (db, 5000);
          return db;
        }

      if (db != NULL)
        rc = sqlite3_errcode (db);
      sqlite3_close (db);
    }

  set_error_from_code (rc, sqlite3_errstr (rc), error);
  return NULL;
}

static sqlite3 *
open_handle (const char  *path,
             gboolean    *read_only,
             GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  if (!prepare_file (path, read_only, error))
    return NULL;

  if (*read_only)
    return open_read_only_handle (path, error);

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
                      gboolean  read_only,
                      GError  **error)
{
  /* A journal that may only be read keeps the mode it was written in. */
  if (read_only)
    return exec_sql (db, "PRAGMA foreign_keys = ON;", error);

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

/* A journal that may only be read is used as it is, and only when it needs no migration. */
static gboolean
migrate_or_refuse (TendDatabase  *self,
                   sqlite3       *db,
                   int            version,
                   GError       **error)
{
  if (!self->read_only)
    return migrate (db, version, TEND_DATABASE_SCHEMA_VERSION, error);

  if (version == TEND_DATABASE_SCHEMA_VERSION)
    return TRUE;

  return set_read_only_error (self, error);
}

static void
remember_file (TendDatabase *self)
{
  GStatBuf buf;

  if (g_stat (self->path, &buf) == 0)
    {
      self->device = buf.st_dev;
      self->inode = buf.st_ino;
    }
}

/* A journal removed while open would take every later write with it when Tend quits; such
 * a write is refused instead, saying what happened. */
static gboolean
check_file_still_there (TendDatabase  *self,
                        GError       **error)
{
  g_autofree char *shown = NULL;
  GStatBuf buf;

  if (self->inode == 0 ||
      (g_stat (self->path, &buf) == 0 && buf.st_dev == self->device && buf.st_ino == self->inode))
    return TRUE;

  shown = tend_text_format_path (self->path);
  g_set_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_CANNOT_OPEN,
               /* Translators: %s is a file, such as /home/ana/.local/share/tend/journal.db */
               _("Your journal file, %s, was removed or replaced while Tend was open, so "
                 "this was not saved. Close Tend and open it again."), shown);
  return FALSE;
}

static void
tend_database_finalize (GObject *object)
{
  TendDatabase *self = TEND_DATABASE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_rec_mutex_clear (&self->lock);

  G_OBJECT_CLASS (tend_database_parent_class)->finalize (object);
}

static void
tend_database_class_init (TendDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tend_database_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
tend_database_init (TendDatabase *self)
{
  g_rec_mutex_init (&self->lock);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
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
  self->db = open_handle (path, &self->read_only, error);

  if (self->db == NULL ||
      !check_identity (self->db, &version, error) ||
      !configure_connection (self->db, self->read_only, error) ||
      !migrate_or_refuse (self, self->db, version, error))
    {
      /* Without a checkpoint, so a file Tend cannot use is left as it was found. */
      _tend_database_close (self);
      return NULL;
    }

  remember_file (self);
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

/**
 * tend_database_is_read_only:
 *
 * Returns: whether the journal could only be opened for reading, because Tend may not
 *   write in its folder or to its file; every write then fails with
 *   %TEND_DATABASE_ERROR_READ_ONLY, in words that name the folder
 */
gboolean
tend_database_is_read_only (TendDatabase *self)
{
  g_return_val_if_fail (TEND_IS_DATABASE (self), FALSE);

  return self->read_only;
}

gboolean
_tend_database_create_at_version (const char  *path,
                                  int          version,
                                  GError     **error)
{
  sqlite3 *db;
  gboolean read_only = FALSE;
  gboolean ret;

  g_return_val_if_fail (version >= 0 && version <= TEND_DATABASE_SCHEMA_VERSION, FALSE);

  db = open_handle (path, &read_only, error);
  if (db == NULL)
    return FALSE;

  ret = configure_connection (db, read_only, error) && migrate (db, 0, version, error);
  sqlite3_close (db);

  return ret;
}

/**
 * tend_database_lock:
 *
 * Takes the connection for a sequence of statements that must not interleave with
 * another thread's, such as a transaction. It may be taken again by the same thread.
 */
void
tend_database_lock (TendDatabase *self)
{
  g_return_if_fail (TEND_IS_DATABASE (self));

  g_rec_mutex_lock (&self->lock);
}

void
tend_database_unlock (TendDatabase *self)
{
  g_return_if_fail (TEND_IS_DATABASE (self));

  g_rec_mutex_unlock (&self->lock);
}

/**
 * tend_database_exec:
 *
 * Runs statements without results, with errors in plain words.
 */
gboolean
tend_database_exec (TendDatabase  *self,
                    const char    *sql,
                    GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TEND_IS_DATABASE (self), FALSE);

  if (exec_sql (self->db, sql, &local_error))
    return TRUE;

  if (self->read_only &&
      g_error_matches (local_error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_READ_ONLY))
    return set_read_only_error (self, error);

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * tend_database_begin:
 *
 * Locks the connection and begins a write transaction; end it with
 * tend_database_commit() or tend_database_rollback(), which unlock.
 */
gboolean
tend_database_begin (TendDatabase  *self,
                     GError       **error)
{
  g_return_val_if_fail (TEND_IS_DATABASE (self), FALSE);

  g_rec_mutex_lock (&self->lock);
  if (self->read_only && self->db != NULL)
    {
      g_rec_mutex_unlock (&self->lock);
      return set_read_only_error (self, error);
    }

  if ((self->db != NULL && !check_file_still_there (self, error)) ||
      !exec_sql (self->db, "BEGIN IMMEDIATE", error))
    {
      g_rec_mutex_unlock (&self->lock);
      return FALSE;
    }

  return TRUE;
}

gboolean
tend_database_commit (TendDatabase  *self,
                      GError       **error)
{
  gboolean ret;

  g_return_val_if_fail (TEND_IS_DATABASE (self), FALSE);

  ret = exec_sql (self->db, "COMMIT", error);
  if (!ret && self->db != NULL)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_rec_mutex_unlock (&self->lock);

  return ret;
}

void
tend_database_rollback (TendDatabase *self)
{
  g_return_if_fail (TEND_IS_DATABASE (self));

  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_rec_mutex_unlock (&self->lock);
}

/**
 * tend_database_prepare:
 * @sql: one statement
 *
 * Returns a prepared statement for @sql, kept for the life of the connection and reset
 * with its bindings cleared. Use it while holding tend_database_lock().
 *
 * Returns: (transfer none): the statement, or %NULL with @error set
 */
sqlite3_stmt *
tend_database_prepare (TendDatabase  *self,
                       const char    *sql,
                       GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TEND_IS_DATABASE (self), NULL);

  if (self->db == NULL)
    {
      set_closed_error (error);
      return NULL;
    }

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      tend_database_set_error_from_sqlite (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* Closes the connection and forgets its statements, leaving the files exactly as they are:
 * no checkpoint is run, so a damaged journal's write-ahead log is not folded into it.
 * Until _tend_database_reopen(), every use of the database fails with a plain error. */
void
_tend_database_close (TendDatabase *self)
{
  g_return_if_fail (TEND_IS_DATABASE (self));

  g_rec_mutex_lock (&self->lock);
  g_hash_table_remove_all (self->statements);
  if (self->db != NULL)
    {
      sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
      sqlite3_close (self->db);
      self->db = NULL;
    }
  g_rec_mutex_unlock (&self->lock);
}

/* Opens the file at the database's path again (a new journal when there is none). */
gboolean
_tend_database_reopen (TendDatabase  *self,
                       GError       **error)
{
  int version = 0;
  sqlite3 *db;

  g_return_val_if_fail (TEND_IS_DATABASE (self), FALSE);

  g_rec_mutex_lock (&self->lock);
  _tend_database_close (self);

  db = open_handle (self->path, &self->read_only, error);
  if (db == NULL ||
      !check_identity (db, &version, error) ||
      !configure_connection (db, self->read_only, error) ||
      !migrate_or_refuse (self, db, version, error))
    {
      g_clear_pointer (&db, sqlite3_close);
      g_rec_mutex_unlock (&self->lock);
      return FALSE;
    }

  self->db = db;
  remember_file (self);
  g_rec_mutex_unlock (&self->lock);
  return TRUE;
}

/* Makes the journal a copy of @source, in one step that every other reader of the file
 * sees whole (SQLite's backup API writes through the journal's own write-ahead log).
 * @source must already be a journal of the current schema version. */
gboolean
_tend_database_replace_contents (TendDatabase  *self,
                                 sqlite3       *source,
                                 GError       **error)
{
  sqlite3_backup *backup;
  guint n_busy = 0;
  int rc;

  g_return_val_if_fail (TEND_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  g_rec_mutex_lock (&self->lock);

  if (self->db == NULL)
    {
      g_rec_mutex_unlock (&self->lock);
      return set_closed_error (error);
    }

  /* A statement left stepped holds a read transaction, which would stop the copy; and
   * the tables are new afterwards, so every statement is prepared again. */
  g_hash_table_remove_all (self->statements);

  backup = sqlite3_backup_init (self->db, "main", source, "main");
  if (backup == NULL)
    {
      set_error_from_code (sqlite3_errcode (self->db), sqlite3_errmsg (self->db), error);
      g_rec_mutex_unlock (&self->lock);
      return FALSE;
    }

  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (50);
    }
  while (rc == SQLITE_OK || ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && ++n_busy < 200));

  sqlite3_backup_finish (backup);
  g_rec_mutex_unlock (&self->lock);

  if (rc != SQLITE_DONE)
    {
      set_error_from_code (rc, sqlite3_errstr (rc), error);
      return FALSE;
    }

  return TRUE;
}

gboolean
_tend_database_set_error (int          rc,
                          const char  *detail,
                          GError     **error)
{
  set_error_from_code (rc, detail != NULL ? detail : sqlite3_errstr (rc), error);
  return FALSE;
}

/* The application id Tend writes in each journal, for the backups to check theirs. */
int
_tend_database_get_application_id (void)
{
  return TEND_APPLICATION_ID;
}
