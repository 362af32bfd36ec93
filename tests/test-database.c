/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tend-database-private.h"
#include "tend-entry.h"
#include "tend-journal.h"
#include "tend-test-utils.h"

static char *
journal_path (const char *dir)
{
  return g_build_filename (dir, "journal.db", NULL);
}

static char *
pragma_text (TendDatabase *db,
             const char   *pragma)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (tend_database_get_handle (db), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static void
test_create (void)
{
  g_autofree char *dir = tend_test_make_data_dir ();
  g_autofree char *nested = g_build_filename (dir, "deeper", NULL);
  g_autofree char *path = journal_path (nested);
  g_autoptr(GError) error = NULL;
  g_autoptr(TendDatabase) db = NULL;
  g_autofree char *journal_mode = NULL;
  g_autofree char *synchronous = NULL;
  g_autofree char *foreign_keys = NULL;
  g_autofree char *user_version = NULL;
  g_autofree char *current_version = g_strdup_printf ("%d", TEND_DATABASE_SCHEMA_VERSION);

  g_assert_false (g_file_test (nested, G_FILE_TEST_EXISTS));

  db = tend_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  g_assert_cmpstr (tend_database_get_path (db), ==, path);
  g_assert_cmpuint (tend_test_file_mode (nested), ==, 0700);
  g_assert_cmpuint (tend_test_file_mode (path), ==, 0600);

  journal_mode = pragma_text (db, "journal_mode");
  synchronous = pragma_text (db, "synchronous");
  foreign_keys = pragma_text (db, "foreign_keys");
  user_version = pragma_text (db, "user_version");
  g_assert_cmpstr (user_version, ==, current_version);
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpstr (synchronous, ==, "2"); /* FULL */
  g_assert_cmpstr (foreign_keys, ==, "1");
}

static void
test_reopen (void)
{
  g_autofree char *dir = tend_test_make_data_dir ();
  g_autofree char *path = journal_path (dir);
  g_autoptr(GDateTime) when = tend_test_date_time ("2026-11-20T21:15:00Z");
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(TendDatabase) db = tend_database_open (path, &error);
    g_autoptr(TendJournal) journal = NULL;
    g_autoptr(TendEntry) entry = tend_entry_new (TEND_MOOD_BAD, "A long day.", when);

    g_assert_no_error (error);
    journal = tend_journal_new (db);
    g_assert_true (tend_journal_load (journal, &error));
    g_assert_true (tend_journal_add (journal, entry, &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr(TendDatabase) db = tend_database_open (path, &error);
    g_autoptr(TendJournal) journal = NULL;
    g_autoptr(TendEntry) entry = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (tend_test_file_mode (path), ==, 0600);
    journal = tend_journal_new (db);
    g_assert_true (tend_journal_load (journal, &error));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tend_journal_get_entries (journal))), ==, 1);
    entry = g_list_model_get_item (G_LIST_MODEL (tend_journal_get_entries (journal)), 0);
    g_assert_cmpint (tend_entry_get_mood (entry), ==, TEND_MOOD_BAD);
    g_assert_cmpstr (tend_entry_get_note (entry), ==, "A long day.");
  }
}

/* A journal left at each earlier schema version, holding what that version could hold,
 * opens at the current version with nothing lost. */
static void
test_migrate_from_every_version (void)
{
  for (int version = 0; version < TEND_DATABASE_SCHEMA_VERSION; version++)
    {
      g_autofree char *dir = tend_test_make_data_dir ();
      g_autofree char *path = journal_path (dir);
      g_autoptr(GError) error = NULL;
      g_autoptr(TendDatabase) db = NULL;
      g_autoptr(TendJournal) journal = NULL;
      guint expected = 0;

      g_test_message ("Migrating from version %d", version);

      g_assert_true (_tend_database_create_at_version (path, version, &error));
      g_assert_no_error (error);

      if (version >= 1)
        {
          raw_exec (path,
                    "INSERT INTO entries (uuid, occurred_at, utc_offset, mood, note, "
                    "created_at, updated_at) VALUES "
                    "('0b3c3a4e-5d0f-4a43-9d57-4f7d2b9b1c11', 1763600000, 3600, 4, 'kept', "
                    "1763600000, 1763600000)");
          expected = 1;
        }

      db = tend_database_open (path, &error);
      g_assert_no_error (error);
      {
        g_autofree char *user_version = pragma_text (db, "user_version");
        g_autofree char *current_version = g_strdup_printf ("%d", TEND_DATABASE_SCHEMA_VERSION);

        g_assert_cmpstr (user_version, ==, current_version);
      }

      journal = tend_journal_new (db);
      g_assert_true (tend_journal_load (journal, &error));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tend_journal_get_entries (journal))), ==, expected);
    }
}

static void
test_newer_version_is_left_alone (void)
{
  g_autofree char *dir = tend_test_make_data_dir ();
  g_autofree char *path = journal_path (dir);
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TendDatabase) db = NULL;

  g_assert_true (_tend_database_create_at_version (path, TEND_DATABASE_SCHEMA_VERSION, &error));
  sql = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA user_version = %d",
                         TEND_DATABASE_SCHEMA_VERSION + 1);
  raw_exec (path, sql);
  before = tend_test_checksum_file (path);

  db = tend_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_TOO_NEW);

  after = tend_test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_other_files_are_left_alone (void)
{
  g_autofree char *dir = tend_test_make_data_dir ();
  g_autofree char *path = journal_path (dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TendDatabase) db = NULL;

  /* Another program's SQLite file */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  raw_exec (path, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup')");
  before = tend_test_checksum_file (path);

  db = tend_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_NOT_A_JOURNAL);
  after = tend_test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);

  /* Not SQLite at all */
  g_assert_true (g_file_set_contents (path, "These are not the bytes of a database.\n", -1, NULL));
  before = tend_test_checksum_file (path);

  db = tend_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_CORRUPT);
  after = tend_test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_permissions_are_tightened (void)
{
  g_autofree char *dir = tend_test_make_data_dir ();
  g_autofree char *path = journal_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(TendDatabase) db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  db = tend_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tend_test_file_mode (path), ==, 0600);
}

static void
test_invalid_mood_is_refused (void)
{
  g_autofree char *dir = tend_test_make_data_dir ();
  g_autofree char *path = journal_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(TendDatabase) db = tend_database_open (path, &error);
  int rc;

  g_assert_no_error (error);
  rc = sqlite3_exec (tend_database_get_handle (db),
                     "INSERT INTO entries (uuid, occurred_at, mood, created_at, updated_at) "
                     "VALUES ('x', 0, 9, 0, 0)",
                     NULL, NULL, NULL);
  g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/database/create", test_create);
  g_test_add_func ("/database/reopen", test_reopen);
  g_test_add_func ("/database/migrate-from-every-version", test_migrate_from_every_version);
  g_test_add_func ("/database/newer-version-is-left-alone", test_newer_version_is_left_alone);
  g_test_add_func ("/database/other-files-are-left-alone", test_other_files_are_left_alone);
  g_test_add_func ("/database/permissions-are-tightened", test_permissions_are_tightened);
  g_test_add_func ("/database/invalid-mood-is-refused", test_invalid_mood_is_refused);

  return g_test_run ();
}
