/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tend-backup.h"
#include "tend-context.h"
#include "tend-database.h"
#include "tend-test-utils.h"

/* Backups, restoring them, and a damaged journal, on real files with a manual clock. */

static TendContext *
open_context (const char *data_dir,
              const char *now)
{
  g_autoptr(GDateTime) time = tend_test_date_time (now);
  g_autoptr(TendClock) clock = tend_clock_new_manual (time);
  g_autoptr(GError) error = NULL;
  TendContext *context = tend_context_new (data_dir, clock);

  g_assert_true (tend_context_open (context, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tend_context_get_state (context), ==, TEND_CONTEXT_STATE_OPEN);
  return context;
}

/* Everything of a closed journal into its main file: a connection still closing on
 * another thread (the backup's worker may let go of its own a moment after its result
 * arrived, as seen under valgrind) leaves the last writes in the write-ahead log, where a
 * cut through the main file would miss them. */
static void
checkpoint_file (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  /* That connection may still be closing: wait for it, bounded */
  sqlite3_busy_timeout (db, 30 * 1000);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* Closes the journal for good (the database goes on the main thread, at most an iteration
 * after the last worker's result), then folds the write-ahead log in as the last close
 * does. */
static void
close_context (TendContext **context)
{
  TendDatabase *database = tend_context_get_database (*context);
  g_autofree char *path = NULL;

  if (database != NULL)
    path = g_strdup (tend_database_get_path (database));
  tend_test_unref_and_wait (g_steal_pointer (context), database);

  if (path != NULL && g_file_test (path, G_FILE_TEST_EXISTS))
    checkpoint_file (path);
}

static void
set_now (TendContext *context,
         const char  *now)
{
  g_autoptr(GDateTime) time = tend_test_date_time (now);

  tend_clock_set_now (tend_context_get_clock (context), time);
}

/* Adds @n check-ins, one a day back from 14 November 2026, with a note long enough that
 * the journal spans many pages. */
static void
add_entries (TendContext *context,
             guint        n,
             const char  *note)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) last = tend_test_date_time ("2026-11-14T20:00:00+01:00");
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_days (last, -(int) i);
      g_autofree char *text = g_strdup_printf ("%s %u. %s", note, i,
                                               "The day was long, and the evening quiet.");

      g_ptr_array_add (entries, tend_entry_new (1 + i % 5, text, when));
    }

  g_assert_true (tend_journal_import (tend_context_get_journal (context), entries, NULL, &n_added,
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, n);
}

static GPtrArray *
copy_entries (TendContext *context)
{
  GListModel *list = G_LIST_MODEL (tend_journal_get_entries (tend_context_get_journal (context)));
  GPtrArray *copies = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TendEntry) entry = g_list_model_get_item (list, i);

      g_ptr_array_add (copies, tend_entry_copy (entry));
    }

  return copies;
}

static void
assert_same_entries (GPtrArray   *expected,
                     TendContext *context)
{
  g_autoptr(GPtrArray) actual = copy_entries (context);

  g_assert_cmpuint (actual->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_true (tend_entry_equal (g_ptr_array_index (expected, i),
                                     g_ptr_array_index (actual, i)));
}

static gboolean
result_arrived (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **slot)
{
  tend_test_wait_until (result_arrived, slot);
  return *slot;
}

static TendBackup *
back_up (TendContext *context,
         gboolean     once_a_day,
         GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tend_context_back_up_async (context, once_a_day, NULL, store_result_cb, &result);
  return tend_context_back_up_finish (context, wait_for_result (&result), error);
}

static GPtrArray *
list_backups (TendContext *context)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *backups;

  tend_context_list_backups_async (context, NULL, store_result_cb, &result);
  backups = tend_context_list_backups_finish (context, wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (backups);
  return backups;
}

static gboolean
restore (TendContext  *context,
         TendBackup   *backup,
         GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tend_context_restore_async (context, backup, NULL, store_result_cb, &result);
  return tend_context_restore_finish (context, wait_for_result (&result), error);
}

static gboolean
check (TendContext  *context,
       GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tend_context_check_async (context, NULL, store_result_cb, &result);
  return tend_context_check_finish (context, wait_for_result (&result), error);
}

static TendBackup *
recover (TendContext  *context,
         gboolean      restore_backup,
         GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tend_context_recover_async (context, restore_backup, NULL, store_result_cb, &result);
  return tend_context_recover_finish (context, wait_for_result (&result), error);
}

static char *
format_day (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%d");
}

static void
test_backup_is_made_and_restored (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  g_autoptr(TendContext) context = open_context (data_dir, "2026-11-14T21:00:00Z");
  g_autofree char *folder = tend_context_get_backup_folder (context);
  g_autoptr(TendBackup) backup = NULL;
  g_autoptr(TendBackup) again = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_day = NULL;
  g_autofree char *last_day = NULL;
  TendJournal *journal = tend_context_get_journal (context);
  TendEntryList *entries = tend_journal_get_entries (journal);

  add_entries (context, 212, "Walked by the river");
  before = copy_entries (context);

  backup = back_up (context, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);

  /* Named after the day, private, and holding what the journal held */
  g_assert_true (g_str_has_suffix (tend_backup_get_path (backup),
                                   "/backups/journal-2026-11-14-210000.db"));
  g_assert_cmpuint (tend_test_file_mode (folder), ==, 0700);
  g_assert_cmpuint (tend_test_file_mode (tend_backup_get_path (backup)), ==, 0600);
  g_assert_true (tend_backup_is_usable (backup));
  g_assert_null (tend_backup_get_problem (backup));
  g_assert_cmpuint (tend_backup_get_n_entries (backup), ==, 212);
  first_day = format_day (tend_backup_get_first_entry_at (backup));
  last_day = format_day (tend_backup_get_last_entry_at (backup));
  g_assert_cmpstr (first_day, ==, "2026-04-17");
  g_assert_cmpstr (last_day, ==, "2026-11-14");

  /* Nothing but the backup itself is left in the folder */
  {
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    const char *name;
    guint n_files = 0;

    while ((name = g_dir_read_name (dir)) != NULL)
      n_files++;
    g_assert_cmpuint (n_files, ==, 1);
  }

  /* Once a day: a second start the same day makes none */
  set_now (context, "2026-11-14T23:59:00Z");
  again = back_up (context, TRUE, &error);
  g_assert_no_error (error);
  g_assert_null (again);

  /* The journal changes, then the backup is restored */
  add_entries (context, 3, "Another day");
  {
    g_autoptr(TendEntry) newest = g_list_model_get_item (G_LIST_MODEL (entries), 0);

    g_assert_true (tend_journal_remove (journal, newest, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (entries)), ==, 214);

  g_assert_true (restore (context, backup, &error));
  g_assert_no_error (error);
  assert_same_entries (before, context);
  g_assert_true (tend_context_get_journal (context) == journal);

  /* The journal as it was before the restore was kept as a backup */
  backups = list_backups (context);
  g_assert_cmpuint (backups->len, ==, 2);
  g_assert_true (g_str_has_suffix (tend_backup_get_path (g_ptr_array_index (backups, 0)),
                                   "/journal-2026-11-14-235900.db"));
  g_assert_cmpuint (tend_backup_get_n_entries (g_ptr_array_index (backups, 0)), ==, 214);

  /* And the journal still works and stays in WAL mode */
  add_entries (context, 1, "After the restore");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (entries)), ==, 213);
  close_context (&context);

  context = open_context (data_dir, "2026-11-15T08:00:00Z");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tend_journal_get_entries (tend_context_get_journal (context)))),
                    ==, 213);
  {
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (tend_database_get_handle (tend_context_get_database (context)),
                        "PRAGMA journal_mode", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_finalize (stmt);
  }
}

static void
test_back_up_now_twice (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  g_autoptr(TendContext) context = open_context (data_dir, "2026-11-14T21:00:00Z");
  g_autoptr(TendBackup) first = NULL;
  g_autoptr(TendBackup) second = NULL;
  g_autoptr(GError) error = NULL;

  add_entries (context, 2, "Quiet");
  first = back_up (context, FALSE, &error);
  g_assert_no_error (error);
  second = back_up (context, FALSE, &error);
  g_assert_no_error (error);

  /* The same second: the second one never overwrites the first */
  g_assert_true (g_str_has_suffix (tend_backup_get_path (first), "/journal-2026-11-14-210000.db"));
  g_assert_true (g_str_has_suffix (tend_backup_get_path (second), "/journal-2026-11-14-210000-2.db"));
  g_assert_true (g_file_test (tend_backup_get_path (first), G_FILE_TEST_EXISTS));
}

/* A year of daily starts, then three weeks away: the last seven days with backups are
 * kept, and the newest of each month for a year. */
static void
test_retention_over_a_year (void)
{
  static const char * const expected[] = {
    "journal-2026-01-31-090000.db", "journal-2026-02-28-090000.db",
    "journal-2026-03-31-090000.db", "journal-2026-04-30-090000.db",
    "journal-2026-05-31-090000.db", "journal-2026-06-30-090000.db",
    "journal-2026-07-31-090000.db", "journal-2026-08-31-090000.db",
    "journal-2026-09-30-090000.db", "journal-2026-10-31-090000.db",
    "journal-2026-11-30-090000.db", "journal-2026-12-15-090000.db",
    "journal-2026-12-16-090000.db", "journal-2026-12-17-090000.db",
    "journal-2026-12-18-090000.db", "journal-2026-12-19-090000.db",
    "journal-2026-12-20-090000.db", "journal-2027-01-15-090000.db",
  };
  g_autofree char *data_dir = tend_test_make_data_dir ();
  g_autoptr(TendContext) context = open_context (data_dir, "2026-01-01T09:00:00Z");
  g_autoptr(GDateTime) day = tend_test_date_time ("2026-01-01T09:00:00Z");
  g_autoptr(GDateTime) back = tend_test_date_time ("2027-01-15T09:00:00Z");
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  guint n_made = 0;

  add_entries (context, 1, "A day");

  while (TRUE)
    {
      g_autoptr(TendBackup) backup = NULL;
      GDateTime *next;

      tend_clock_set_now (tend_context_get_clock (context), day);
      backup = back_up (context, TRUE, &error);
      g_assert_no_error (error);
      g_assert_nonnull (backup);
      n_made++;

      if (g_date_time_equal (day, back))
        break;

      next = g_date_time_add_days (day, 1);
      if (g_date_time_get_month (next) == 12 && g_date_time_get_day_of_month (next) == 21)
        {
          g_date_time_unref (next);
          next = g_date_time_ref (back);
        }
      g_date_time_unref (day);
      day = next;
    }

  g_assert_cmpuint (n_made, ==, 355);

  backups = list_backups (context);
  g_assert_cmpuint (backups->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < backups->len; i++)
    {
      g_autofree char *name = g_path_get_basename (tend_backup_get_path (g_ptr_array_index (backups, i)));

      /* Newest first */
      g_assert_cmpstr (name, ==, expected[G_N_ELEMENTS (expected) - 1 - i]);
    }
}

static void
truncate_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  g_assert_true (g_file_set_contents (path, contents, length / 2, NULL));
}

static void
test_truncated_backup_is_unusable (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  g_autoptr(TendContext) context = open_context (data_dir, "2026-11-14T21:00:00Z");
  g_autoptr(TendBackup) good = NULL;
  g_autoptr(TendBackup) cut = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GError) error = NULL;
  TendBackup *listed;

  add_entries (context, 300, "Long evening");
  good = back_up (context, FALSE, &error);
  g_assert_no_error (error);
  set_now (context, "2026-11-15T21:00:00Z");
  cut = back_up (context, FALSE, &error);
  g_assert_no_error (error);
  truncate_file (tend_backup_get_path (cut));

  backups = list_backups (context);
  g_assert_cmpuint (backups->len, ==, 2);
  listed = g_ptr_array_index (backups, 0);
  g_assert_cmpstr (tend_backup_get_path (listed), ==, tend_backup_get_path (cut));
  g_assert_false (tend_backup_is_usable (listed));
  g_assert_error (tend_backup_get_problem (listed), TEND_DATABASE_ERROR,
                  TEND_DATABASE_ERROR_CORRUPT);
  g_assert_cmpuint (tend_backup_get_n_entries (listed), ==, 0);
  g_assert_true (tend_backup_is_usable (g_ptr_array_index (backups, 1)));

  /* Restoring it changes nothing */
  add_entries (context, 1, "Still here");
  before = copy_entries (context);
  g_assert_false (restore (context, listed, &error));
  g_assert_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_CORRUPT);
  assert_same_entries (before, context);
}

static char *
journal_path (const char *data_dir)
{
  return g_build_filename (data_dir, "journal.db", NULL);
}

/* Two backups, the newer one truncated, and a journal cut in half: Tend moves the journal
 * aside, unchanged, and restores the newest good backup. */
static void
test_damaged_at_start_is_moved_aside_and_restored (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  g_autofree char *path = journal_path (data_dir);
  g_autofree char *checksum = NULL;
  g_autofree char *moved = NULL;
  g_autoptr(TendContext) context = open_context (data_dir, "2026-11-14T21:00:00Z");
  g_autoptr(TendBackup) good = NULL;
  g_autoptr(TendBackup) cut = NULL;
  g_autoptr(TendBackup) restored = NULL;
  g_autoptr(GPtrArray) in_backup = NULL;
  g_autoptr(GError) error = NULL;

  add_entries (context, 400, "Walked by the river");
  good = back_up (context, FALSE, &error);
  g_assert_no_error (error);
  in_backup = copy_entries (context);

  add_entries (context, 1, "Lunch outside");
  set_now (context, "2026-11-15T21:00:00Z");
  cut = back_up (context, FALSE, &error);
  g_assert_no_error (error);
  truncate_file (tend_backup_get_path (cut));
  close_context (&context);

  /* The journal itself is cut short, as by a full disk */
  truncate_file (path);
  checksum = tend_test_checksum_file (path);

  context = tend_context_new (data_dir, NULL);
  g_assert_false (tend_context_open (context, &error));
  g_assert_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_cmpint (tend_context_get_state (context), ==, TEND_CONTEXT_STATE_DAMAGED);
  g_assert_null (tend_context_get_journal (context));
  g_assert_nonnull (tend_context_get_open_error (context));

  /* Moved aside, byte for byte */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  moved = g_strdup (tend_context_get_damaged_path (context));
  g_assert_nonnull (moved);
  g_assert_true (g_str_has_prefix (moved, path));
  g_assert_true (g_regex_match_simple ("journal\\.db\\.damaged-[0-9]{8}-[0-9]{6}$", moved, 0, 0));
  {
    g_autofree char *after = tend_test_checksum_file (moved);

    g_assert_cmpstr (after, ==, checksum);
  }

  /* The newest backup is truncated: the one before it is restored */
  restored = recover (context, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  g_assert_cmpstr (tend_backup_get_path (restored), ==, tend_backup_get_path (good));
  g_assert_cmpint (tend_context_get_state (context), ==, TEND_CONTEXT_STATE_OPEN);
  g_assert_null (tend_context_get_open_error (context));
  assert_same_entries (in_backup, context);

  /* The damaged file is still there */
  g_assert_true (g_file_test (moved, G_FILE_TEST_EXISTS));
  close_context (&context);

  context = open_context (data_dir, "2026-11-16T08:00:00Z");
  assert_same_entries (in_backup, context);
}

/* Damage found by the check after start: the same journal object goes on, empty. */
static void
test_damage_found_later_and_new_journal (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  g_autofree char *path = journal_path (data_dir);
  g_autofree char *checksum = NULL;
  g_autoptr(TendContext) context = open_context (data_dir, "2026-11-14T21:00:00Z");
  g_autoptr(TendBackup) backup = NULL;
  g_autoptr(GError) error = NULL;
  TendJournal *journal;
  TendEntryList *entries;
  GListModel *tags;

  add_entries (context, 400, "Walked by the river");
  g_assert_true (check (context, &error));
  g_assert_no_error (error);
  close_context (&context);

  tend_test_damage_entries_table (path);
  checksum = tend_test_checksum_file (path);

  context = open_context (data_dir, "2026-11-14T21:30:00Z");
  journal = tend_context_get_journal (context);
  entries = tend_journal_get_entries (journal);
  tags = tend_journal_get_tags (journal);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (entries)), ==, 400);

  g_assert_false (check (context, &error));
  g_assert_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_cmpint (tend_context_get_state (context), ==, TEND_CONTEXT_STATE_DAMAGED);
  {
    g_autofree char *expected = g_strconcat (path, ".damaged-20261114-213000", NULL);

    g_assert_cmpstr (tend_context_get_damaged_path (context), ==, expected);
  }
  {
    g_autofree char *after = tend_test_checksum_file (tend_context_get_damaged_path (context));

    g_assert_cmpstr (after, ==, checksum);
  }

  /* While damaged, nothing is written anywhere, and nothing is backed up */
  {
    g_autoptr(GDateTime) when = tend_test_date_time ("2026-11-14T21:31:00Z");
    g_autoptr(TendEntry) entry = tend_entry_new (TEND_MOOD_GOOD, "", when);

    g_assert_false (tend_journal_add (journal, entry, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
  backup = back_up (context, FALSE, &error);
  g_assert_null (backup);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* No backup exists, so restoring fails and the state stays */
  g_assert_null (recover (context, TRUE, &error));
  g_assert_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_cmpint (tend_context_get_state (context), ==, TEND_CONTEXT_STATE_DAMAGED);

  /* A new journal, behind the same objects */
  g_assert_null (recover (context, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tend_context_get_state (context), ==, TEND_CONTEXT_STATE_OPEN);
  g_assert_true (tend_context_get_journal (context) == journal);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (entries)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (tags), >, 0);
  add_entries (context, 1, "A new start");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (entries)), ==, 1);
  g_assert_true (check (context, &error));
  g_assert_no_error (error);
}

static void
test_other_file_is_not_moved (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  g_autofree char *path = journal_path (data_dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(TendContext) context = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (data_dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE recipes (name TEXT)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  before = tend_test_checksum_file (path);

  context = tend_context_new (data_dir, NULL);
  g_assert_false (tend_context_open (context, &error));
  g_assert_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_NOT_A_JOURNAL);
  g_assert_cmpint (tend_context_get_state (context), ==, TEND_CONTEXT_STATE_FAILED);
  g_assert_null (tend_context_get_damaged_path (context));

  after = tend_test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_missing_data_dir_is_created (void)
{
  g_autofree char *parent = tend_test_make_data_dir ();
  g_autofree char *data_dir = g_build_filename (parent, "deeper", "tend", NULL);
  g_autoptr(TendContext) context = NULL;
  g_autoptr(TendBackup) backup = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (g_file_test (parent, G_FILE_TEST_EXISTS));
  context = open_context (data_dir, "2026-11-14T21:00:00Z");
  g_assert_cmpuint (tend_test_file_mode (data_dir), ==, 0700);

  backup = back_up (context, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  g_assert_cmpuint (tend_backup_get_n_entries (backup), ==, 0);
  g_assert_null (tend_backup_get_first_entry_at (backup));
}

/* Files in the backups folder that are not backups are listed as nothing, and kept. */
static void
test_other_files_in_backups_folder (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  g_autoptr(TendContext) context = open_context (data_dir, "2026-11-14T21:00:00Z");
  g_autofree char *folder = tend_context_get_backup_folder (context);
  g_autofree char *notes = g_build_filename (folder, "notes.txt", NULL);
  g_autofree char *fake = g_build_filename (folder, "journal-2026-11-13-100000.db", NULL);
  g_autoptr(GPtrArray) backups = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (notes, "mine", -1, NULL));
  g_assert_true (g_file_set_contents (fake, "not a database", -1, NULL));

  backups = list_backups (context);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_false (tend_backup_is_usable (g_ptr_array_index (backups, 0)));
  g_assert_true (g_file_test (notes, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/backup/made-and-restored", test_backup_is_made_and_restored);
  g_test_add_func ("/backup/back-up-now-twice", test_back_up_now_twice);
  g_test_add_func ("/backup/retention-over-a-year", test_retention_over_a_year);
  g_test_add_func ("/backup/truncated-backup-is-unusable", test_truncated_backup_is_unusable);
  g_test_add_func ("/backup/other-files-in-backups-folder", test_other_files_in_backups_folder);
  g_test_add_func ("/recovery/damaged-at-start", test_damaged_at_start_is_moved_aside_and_restored);
  g_test_add_func ("/recovery/damage-found-later", test_damage_found_later_and_new_journal);
  g_test_add_func ("/recovery/other-file-is-not-moved", test_other_file_is_not_moved);
  g_test_add_func ("/recovery/missing-data-dir-is-created", test_missing_data_dir_is_created);

  return g_test_run ();
}
