/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tend-backup.h"
#include "tend-database-private.h"

/* One copy of the journal in the backups folder, named after the local time it was made:
 * journal-YYYY-MM-DD-HHMMSS.db, with -2, -3… when two are made in the same second.
 *
 * A copy is made with SQLite's online backup API from a read-only connection of its own,
 * a few hundred pages at a time, so the app keeps writing meanwhile; it is written under a
 * temporary name, checked with PRAGMA quick_check and only then renamed, so a backup under
 * a real name is always whole. What a backup holds is read when it is listed, from the file
 * opened read-only. */
struct _TendBackup
{
  GObject    parent_instance;

  /* Owned */
  char      *path;
  GDateTime *made_at;
  GError    *problem;
  guint      n_entries;
  GDateTime *first_entry_at;
  GDateTime *last_entry_at;
};

G_DEFINE_FINAL_TYPE (TendBackup, tend_backup, G_TYPE_OBJECT)

#define PARTIAL_PREFIX ".partial-"
#define PAGES_PER_STEP 256

static void
tend_backup_finalize (GObject *object)
{
  TendBackup *self = TEND_BACKUP (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->made_at, g_date_time_unref);
  g_clear_pointer (&self->first_entry_at, g_date_time_unref);
  g_clear_pointer (&self->last_entry_at, g_date_time_unref);
  g_clear_error (&self->problem);

  G_OBJECT_CLASS (tend_backup_parent_class)->finalize (object);
}

static void
tend_backup_class_init (TendBackupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tend_backup_finalize;
}

static void
tend_backup_init (TendBackup *self)
{
}

/**
 * tend_backup_get_folder:
 *
 * Returns: (transfer full): where the backups of the journal in @data_dir are kept
 */
char *
tend_backup_get_folder (const char *data_dir)
{
  g_return_val_if_fail (data_dir != NULL, NULL);

  return g_build_filename (data_dir, "backups", NULL);
}

/**
 * tend_backup_name_for_time:
 *
 * Returns: (transfer full): the file name of a backup made at @made_at, local time
 */
char *
tend_backup_name_for_time (GDateTime *made_at)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (made_at);

  return g_date_time_format (local, "journal-%Y-%m-%d-%H%M%S.db");
}

/* Reads the time from a backup's name, or returns %NULL for any other file. */
static GDateTime *
parse_name (const char *name)
{
  int year, month, day, hour, minute, second, consumed = 0;
  unsigned int copy = 0;

  if (sscanf (name, "journal-%4d-%2d-%2d-%2d%2d%2d%n", &year, &month, &day,
              &hour, &minute, &second, &consumed) != 6 ||
      consumed != (int) strlen ("journal-YYYY-MM-DD-HHMMSS"))
    return NULL;

  name += consumed;
  if (sscanf (name, "-%u%n", &copy, &consumed) == 1 && copy >= 2)
    name += consumed;

  if (!g_str_equal (name, ".db"))
    return NULL;

  if (!g_date_valid_dmy (day, month, year) || hour > 23 || minute > 59 || second > 59)
    return NULL;

  return g_date_time_new_local (year, month, day, hour, minute, second);
}

static sqlite3 *
open_read_only (const char  *path,
                gboolean     immutable,
                GError     **error)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = NULL;
  g_autoptr(GError) uri_error = NULL;
  sqlite3 *db = NULL;
  int rc;

  uri = g_filename_to_uri (absolute, NULL, &uri_error);
  if (uri == NULL)
    {
      g_set_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_CANNOT_OPEN,
                   "%s", uri_error->message);
      return NULL;
    }

  /* immutable: a backup never changes, and reading it must not leave -wal or -shm files
   * beside it; the journal itself is read through its write-ahead log as usual. */
  if (immutable)
    {
      g_autofree char *plain = g_steal_pointer (&uri);

      uri = g_strconcat (plain, "?immutable=1", NULL);
    }

  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
                                  SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      _tend_database_set_error (rc, db != NULL ? sqlite3_errmsg (db) : NULL, error);
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_busy_timeout (db, 5000);
  return db;
}

/* Runs PRAGMA quick_check, which reads every page of the file. */
static gboolean
quick_check (sqlite3  *db,
             GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      _tend_database_set_error (rc, sqlite3_errmsg (db), error);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  if (!ok)
    g_debug ("quick_check: %s", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (!ok)
    g_set_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_CORRUPT,
                 _("The journal file is damaged."));
  return ok;
}

static void
set_damaged_backup_error (GError **error)
{
  g_set_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_CORRUPT,
               _("This backup is damaged, so it cannot be restored."));
}

/* Checks that @db is a whole Tend journal this version can read. */
static gboolean
check_journal (sqlite3     *db,
               const char  *path,
               GError     **error)
{
  gint64 application_id = 0, version = 0, page_size = 0, page_count = 0;
  GStatBuf buf;

  if (!_tend_database_query_int64 (db, "PRAGMA application_id", &application_id, error) ||
      !_tend_database_query_int64 (db, "PRAGMA user_version", &version, error) ||
      !_tend_database_query_int64 (db, "PRAGMA page_size", &page_size, error) ||
      !_tend_database_query_int64 (db, "PRAGMA page_count", &page_count, error))
    return FALSE;

  /* A file cut short, by a full disk or a copy stopped half way; or to nothing at all. */
  if (g_stat (path, &buf) != 0 || page_count == 0 || buf.st_size < page_size * page_count)
    {
      set_damaged_backup_error (error);
      return FALSE;
    }

  if (application_id != _tend_database_get_application_id () || version < 1)
    {
      g_set_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_NOT_A_JOURNAL,
                   _("This file is not a Tend journal."));
      return FALSE;
    }

  if (version > TEND_DATABASE_SCHEMA_VERSION)
    {
      g_set_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_TOO_NEW,
                   _("This backup was made by a newer version of Tend. Update Tend to "
                     "restore it."));
      return FALSE;
    }

  return TRUE;
}

static GDateTime *
entry_time (sqlite3_stmt *stmt)
{
  gint64 occurred_at = sqlite3_column_int64 (stmt, 0);
  int utc_offset = sqlite3_column_int (stmt, 1);
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (utc_offset);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (occurred_at);

  return g_date_time_to_timezone (utc, zone);
}

static gboolean
read_entry_time (sqlite3     *db,
                 const char  *sql,
                 GDateTime  **time,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    *time = entry_time (stmt);
  else if (rc != SQLITE_DONE)
    _tend_database_set_error (rc, sqlite3_errmsg (db), error);

  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

static gboolean
read_contents (TendBackup  *self,
               GError     **error)
{
  sqlite3 *db;
  gint64 n_entries = 0;
  gboolean ok;

  db = open_read_only (self->path, TRUE, error);
  if (db == NULL)
    return FALSE;

  ok = check_journal (db, self->path, error) &&
       _tend_database_query_int64 (db, "SELECT count(*) FROM entries", &n_entries, error) &&
       read_entry_time (db, "SELECT occurred_at, utc_offset FROM entries "
                            "ORDER BY occurred_at ASC, id ASC LIMIT 1",
                        &self->first_entry_at, error) &&
       read_entry_time (db, "SELECT occurred_at, utc_offset FROM entries "
                            "ORDER BY occurred_at DESC, id DESC LIMIT 1",
                        &self->last_entry_at, error);
  sqlite3_close (db);

  self->n_entries = (guint) CLAMP (n_entries, 0, G_MAXUINT);
  return ok;
}

/**
 * tend_backup_read:
 * @path: a backup file
 *
 * Reads what a backup holds. A backup that cannot be read is still returned, with
 * tend_backup_is_usable() %FALSE and the reason in tend_backup_get_problem().
 *
 * Returns: (transfer full) (nullable): the backup, or %NULL if @path is not named as one
 */
TendBackup *
tend_backup_read (const char *path)
{
  g_autofree char *name = NULL;
  g_autoptr(GDateTime) made_at = NULL;
  g_autoptr(GError) error = NULL;
  TendBackup *self;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_path_get_basename (path);
  made_at = parse_name (name);
  if (made_at == NULL)
    return NULL;

  self = g_object_new (TEND_TYPE_BACKUP, NULL);
  self->path = g_strdup (path);
  self->made_at = g_steal_pointer (&made_at);

  if (!read_contents (self, &error))
    {
      /* Whatever went wrong inside, the person only needs to know it cannot be used. */
      if (g_error_matches (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_TOO_NEW) ||
          g_error_matches (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_NOT_A_JOURNAL))
        self->problem = g_steal_pointer (&error);
      else
        set_damaged_backup_error (&self->problem);
      g_clear_pointer (&self->first_entry_at, g_date_time_unref);
      g_clear_pointer (&self->last_entry_at, g_date_time_unref);
      self->n_entries = 0;
    }

  return self;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  TendBackup *backup_a = *(TendBackup **) a;
  TendBackup *backup_b = *(TendBackup **) b;
  int cmp = g_date_time_compare (backup_b->made_at, backup_a->made_at);

  return cmp != 0 ? cmp : g_strcmp0 (backup_b->path, backup_a->path);
}

/**
 * tend_backup_list:
 * @folder: the backups folder; a missing one has no backups
 *
 * Reads every backup in @folder. This opens each file, so call it off the main thread.
 *
 * Returns: (transfer full) (element-type TendBackup): the backups, newest first
 */
GPtrArray *
tend_backup_list (const char  *folder,
                  GError     **error)
{
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (folder != NULL, NULL);

  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&backups);

      g_set_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_CANNOT_OPEN,
                   _("Tend could not read its backups folder, %s: %s."),
                   folder, local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      TendBackup *backup = tend_backup_read (path);

      if (backup != NULL)
        g_ptr_array_add (backups, backup);
    }

  g_ptr_array_sort (backups, compare_newest_first);
  return g_steal_pointer (&backups);
}

static gboolean
make_private_folder (const char  *folder,
                     GError     **error)
{
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, TEND_DATABASE_ERROR,
                   saved_errno == ENOSPC ? TEND_DATABASE_ERROR_DISK_FULL
                                         : TEND_DATABASE_ERROR_CANNOT_OPEN,
                   _("Tend could not create its backups folder, %s: %s."),
                   folder, g_strerror (saved_errno));
      return FALSE;
    }

  if (g_chmod (folder, 0700) != 0)
    g_debug ("Could not set the permissions of %s: %s", folder, g_strerror (errno));

  return TRUE;
}

/* Removes a temporary copy of ours and the files SQLite may have left beside it. */
static void
remove_scratch (const char *path)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        g_debug ("Could not remove %s: %s", file, g_strerror (errno));
    }
}

static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, TEND_DATABASE_ERROR,
                   saved_errno == ENOSPC ? TEND_DATABASE_ERROR_DISK_FULL
                   : saved_errno == EACCES || saved_errno == EROFS ? TEND_DATABASE_ERROR_READ_ONLY
                   : TEND_DATABASE_ERROR_CANNOT_OPEN,
                   _("Tend could not write %s: %s."), path, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

/* Copies the database of @source into the new file @path, in short steps. */
static gboolean
copy_database (sqlite3     *source,
               const char  *path,
               GError     **error)
{
  sqlite3 *destination = NULL;
  sqlite3_backup *backup;
  guint n_busy = 0;
  int rc;

  if (!create_private_file (path, error))
    return FALSE;

  rc = sqlite3_open_v2 (path, &destination,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      _tend_database_set_error (rc, destination != NULL ? sqlite3_errmsg (destination) : NULL,
                                error);
      sqlite3_close (destination);
      return FALSE;
    }

  backup = sqlite3_backup_init (destination, "main", source, "main");
  if (backup == NULL)
    {
      _tend_database_set_error (sqlite3_errcode (destination), sqlite3_errmsg (destination),
                                error);
      sqlite3_close (destination);
      return FALSE;
    }

  /* Each step holds a read lock on the journal only briefly; the app's writes go on in
   * between (and a write from another connection makes the copy start over). */
  do
    {
      rc = sqlite3_backup_step (backup, PAGES_PER_STEP);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while (rc == SQLITE_OK || ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && ++n_busy < 500));

  sqlite3_backup_finish (backup);

  /* The copy says it is in WAL mode like the journal; a backup is read-only, and in
   * rollback mode it can be read without making -wal or -shm files beside it. */
  if (rc == SQLITE_DONE)
    rc = sqlite3_exec (destination, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      _tend_database_set_error (rc, sqlite3_errmsg (destination), error);
      sqlite3_close (destination);
      return FALSE;
    }

  rc = sqlite3_close (destination);
  if (rc != SQLITE_OK)
    return _tend_database_set_error (rc, NULL, error);

  return TRUE;
}

static gboolean
verify_file (const char  *path,
             GError     **error)
{
  sqlite3 *db = open_read_only (path, TRUE, error);
  gboolean ok;

  if (db == NULL)
    return FALSE;

  ok = check_journal (db, path, error) && quick_check (db, error);
  sqlite3_close (db);

  return ok;
}

static void
sync_folder (const char *folder)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* A name for a new backup that no file has yet. */
static char *
free_backup_path (const char *folder,
                  GDateTime  *now)
{
  g_autofree char *name = tend_backup_name_for_time (now);
  char *path = g_build_filename (folder, name, NULL);

  for (guint copy = 2; g_file_test (path, G_FILE_TEST_EXISTS); copy++)
    {
      g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".db"));
      g_autofree char *numbered = g_strdup_printf ("%s-%u.db", stem, copy);

      g_free (path);
      path = g_build_filename (folder, numbered, NULL);
    }

  return path;
}

/**
 * tend_backup_create:
 * @journal_path: the journal to copy; it may be in use by the app
 * @folder: the backups folder, made (0700) when missing
 * @now: the time of the backup, which names it
 *
 * Copies the journal into @folder, checks the copy and gives it its name. This reads the
 * whole journal, so call it off the main thread.
 *
 * Returns: (transfer full): the new backup, or %NULL with @error set
 */
TendBackup *
tend_backup_create (const char  *journal_path,
                    const char  *folder,
                    GDateTime   *now,
                    GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *source;
  gboolean ok;

  g_return_val_if_fail (journal_path != NULL, NULL);
  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (!make_private_folder (folder, error))
    return NULL;

  path = free_backup_path (folder, now);
  name = g_path_get_basename (path);
  partial = g_strconcat (folder, G_DIR_SEPARATOR_S, PARTIAL_PREFIX, name, NULL);
  remove_scratch (partial); /* left by a crash */

  source = open_read_only (journal_path, FALSE, error);
  if (source == NULL)
    return NULL;

  ok = copy_database (source, partial, &local_error);
  sqlite3_close (source);

  if (ok && !verify_file (partial, &local_error))
    {
      g_clear_error (&local_error);
      g_set_error (&local_error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_CORRUPT,
                   _("The copy of your journal did not pass its check, so no backup was "
                     "kept. Your journal itself may be damaged."));
      ok = FALSE;
    }

  if (ok && g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (&local_error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_CANNOT_OPEN,
                   _("Tend could not write %s: %s."), path, g_strerror (saved_errno));
      ok = FALSE;
    }

  if (!ok)
    {
      remove_scratch (partial);

      /* The message says what a full disk means here: only today's copy is missing. */
      if (g_error_matches (local_error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_DISK_FULL))
        {
          g_clear_error (&local_error);
          g_set_error (&local_error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_DISK_FULL,
                       _("The disk is full, so no backup was made. Your journal and your "
                         "older backups are safe. Free some space and try again."));
        }

      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  sync_folder (folder);
  g_debug ("Backed up the journal to %s", path);

  return tend_backup_read (path);
}

/**
 * tend_backup_verify:
 *
 * Reads every page of the backup with PRAGMA quick_check, to be sure it can be restored.
 * Call it off the main thread.
 */
gboolean
tend_backup_verify (TendBackup  *self,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TEND_IS_BACKUP (self), FALSE);

  if (self->problem != NULL)
    {
      g_propagate_error (error, g_error_copy (self->problem));
      return FALSE;
    }

  if (!verify_file (self->path, &local_error))
    {
      if (g_error_matches (local_error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_TOO_NEW))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_damaged_backup_error (error);
      return FALSE;
    }

  return TRUE;
}

/**
 * tend_backup_restore_into:
 * @database: the journal to replace, open
 *
 * Checks the backup, brings a copy of it up to the current schema beside the journal,
 * and replaces the journal's contents with it in one step. The caller keeps a backup of
 * the journal first, and reloads the journal after. Call it off the main thread.
 */
gboolean
tend_backup_restore_into (TendBackup    *self,
                          TendDatabase  *database,
                          GError       **error)
{
  g_autofree char *scratch = NULL;
  g_autoptr(TendDatabase) upgraded = NULL;
  sqlite3 *source;
  gboolean ok;

  g_return_val_if_fail (TEND_IS_BACKUP (self), FALSE);
  g_return_val_if_fail (TEND_IS_DATABASE (database), FALSE);

  if (!tend_backup_verify (self, error))
    return FALSE;

  scratch = g_strconcat (tend_database_get_path (database), ".restoring", NULL);
  remove_scratch (scratch);

  source = open_read_only (self->path, TRUE, error);
  if (source == NULL)
    return FALSE;
  ok = copy_database (source, scratch, error);
  sqlite3_close (source);

  /* A backup from an older Tend is migrated like a journal would be. */
  if (ok)
    {
      upgraded = tend_database_open (scratch, error);
      ok = upgraded != NULL;
      g_clear_object (&upgraded);
    }

  if (ok)
    {
      source = open_read_only (scratch, FALSE, error);
      ok = source != NULL && _tend_database_replace_contents (database, source, error);
      sqlite3_close (source);
    }

  remove_scratch (scratch);
  return ok;
}

static int
day_number (GDateTime *time)
{
  int year, month, day;

  g_date_time_get_ymd (time, &year, &month, &day);
  return year * 10000 + month * 100 + day;
}

/**
 * tend_backup_select_expired:
 * @backups: (element-type TendBackup): backups, in any order
 * @now: the time now
 *
 * Every backup of the newest %TEND_BACKUP_KEEP_DAYS days that have one is kept, and the
 * newest backup of each month of the last %TEND_BACKUP_KEEP_MONTHS months; the rest
 * expire. Counting days that have backups, rather than calendar days, keeps a week of
 * backups through a month without Tend.
 *
 * Returns: (transfer container) (element-type TendBackup): the backups to remove
 */
GPtrArray *
tend_backup_select_expired (GPtrArray *backups,
                            GDateTime *now)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GDateTime) local_now = g_date_time_to_local (now);
  g_autoptr(GDateTime) year_ago = g_date_time_add_months (local_now, -TEND_BACKUP_KEEP_MONTHS);
  GPtrArray *expired = g_ptr_array_new_with_free_func (g_object_unref);
  int oldest_monthly = day_number (year_ago);
  guint n_days = 0;
  int last_day = -1;
  int last_month = -1;

  g_return_val_if_fail (backups != NULL, expired);

  /* Borrowed: a copy would unref the backups a second time. */
  g_ptr_array_extend (sorted, backups, NULL, NULL);
  g_ptr_array_sort (sorted, compare_newest_first);

  for (guint i = 0; i < sorted->len; i++)
    {
      TendBackup *backup = g_ptr_array_index (sorted, i);
      int day = day_number (backup->made_at);
      int month = day / 100;
      gboolean keep = FALSE;

      if (day != last_day)
        {
          n_days++;
          last_day = day;
        }

      if (n_days <= TEND_BACKUP_KEEP_DAYS)
        keep = TRUE;

      /* The newest of its month: sorted newest first, it is the first seen. */
      if (month != last_month)
        {
          last_month = month;
          if (day >= oldest_monthly)
            keep = TRUE;
        }

      if (!keep)
        g_ptr_array_add (expired, g_object_ref (backup));
    }

  return expired;
}

/**
 * tend_backup_prune:
 *
 * Removes the backups in @folder that tend_backup_select_expired() gives up, and any
 * temporary copy a crash left behind.
 */
gboolean
tend_backup_prune (const char  *folder,
                   GDateTime   *now,
                   GError     **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GPtrArray) expired = NULL;

  g_return_val_if_fail (folder != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  backups = tend_backup_list (folder, error);
  if (backups == NULL)
    return FALSE;

  expired = tend_backup_select_expired (backups, now);
  for (guint i = 0; i < expired->len; i++)
    {
      TendBackup *backup = g_ptr_array_index (expired, i);

      if (g_unlink (backup->path) != 0)
        g_debug ("Could not remove %s: %s", backup->path, g_strerror (errno));
      else
        g_debug ("Removed the old backup %s", backup->path);
    }

  return TRUE;
}

/**
 * tend_backup_made_on_day:
 * @backups: (element-type TendBackup): backups
 * @day: a time on the day in question
 *
 * Returns: whether one of @backups was made on the local day of @day
 */
gboolean
tend_backup_made_on_day (GPtrArray *backups,
                         GDateTime *day)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (day);
  int wanted = day_number (local);

  for (guint i = 0; i < backups->len; i++)
    {
      TendBackup *backup = g_ptr_array_index (backups, i);

      if (day_number (backup->made_at) == wanted)
        return TRUE;
    }

  return FALSE;
}

const char *
tend_backup_get_path (TendBackup *self)
{
  g_return_val_if_fail (TEND_IS_BACKUP (self), NULL);

  return self->path;
}

/**
 * tend_backup_get_made_at:
 *
 * Returns: (transfer none): when the backup was made, local time
 */
GDateTime *
tend_backup_get_made_at (TendBackup *self)
{
  g_return_val_if_fail (TEND_IS_BACKUP (self), NULL);

  return self->made_at;
}

/**
 * tend_backup_is_usable:
 *
 * Returns: whether the backup could be read when it was listed, and so may be restored
 */
gboolean
tend_backup_is_usable (TendBackup *self)
{
  g_return_val_if_fail (TEND_IS_BACKUP (self), FALSE);

  return self->problem == NULL;
}

/**
 * tend_backup_get_problem:
 *
 * Returns: (transfer none) (nullable): why the backup cannot be used, in plain words
 */
const GError *
tend_backup_get_problem (TendBackup *self)
{
  g_return_val_if_fail (TEND_IS_BACKUP (self), NULL);

  return self->problem;
}

guint
tend_backup_get_n_entries (TendBackup *self)
{
  g_return_val_if_fail (TEND_IS_BACKUP (self), 0);

  return self->n_entries;
}

/**
 * tend_backup_get_first_entry_at:
 *
 * Returns: (transfer none) (nullable): when the oldest check-in it holds was written, in
 *   the zone it was written in
 */
GDateTime *
tend_backup_get_first_entry_at (TendBackup *self)
{
  g_return_val_if_fail (TEND_IS_BACKUP (self), NULL);

  return self->first_entry_at;
}

/**
 * tend_backup_get_last_entry_at:
 *
 * Returns: (transfer none) (nullable): when the newest check-in it holds was written
 */
GDateTime *
tend_backup_get_last_entry_at (TendBackup *self)
{
  g_return_val_if_fail (TEND_IS_BACKUP (self), NULL);

  return self->last_entry_at;
}

/**
 * tend_backup_check_journal:
 * @journal_path: the journal, which may be in use
 *
 * Reads every page of the journal with PRAGMA quick_check, from a read-only connection of
 * its own, so the app goes on meanwhile. This takes about 3 ms for every thousand
 * check-ins: call it off the main thread.
 *
 * Returns: %FALSE with %TEND_DATABASE_ERROR_CORRUPT when the journal is damaged, or
 *   another error when it could not be read
 */
gboolean
tend_backup_check_journal (const char  *journal_path,
                           GError     **error)
{
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (journal_path != NULL, FALSE);

  db = open_read_only (journal_path, FALSE, error);
  if (db == NULL)
    return FALSE;

  ok = quick_check (db, error);
  sqlite3_close (db);

  return ok;
}
