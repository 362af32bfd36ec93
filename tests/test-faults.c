/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE /* unshare() */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <sqlite3.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tend-text.h"
#include "tend-backup.h"
#include "tend-context.h"
#include "tend-export.h"
#include "tend-test-faults.h"
#include "tend-test-utils.h"
#include "tend-test-vfs.h"

/* Faults of the disk, on real files: a disk that fills up (a VFS that refuses writes, a
 * full device, a full file system), and a data folder Tend may only read. Each time Tend
 * must say what happened in plain words, lose nothing already saved, and work again once
 * the fault is gone. */

static TendContext *
open_context (const char *data_dir)
{
  g_autoptr(GDateTime) now = tend_test_date_time ("2026-11-21T10:30:00Z");
  g_autoptr(TendClock) clock = tend_clock_new_manual (now);
  g_autoptr(GError) error = NULL;
  TendContext *context = tend_context_new (data_dir, clock);

  g_assert_true (tend_context_open (context, &error));
  g_assert_no_error (error);
  return context;
}

/* The journal's database goes with the context. */
static void
close_context (TendContext **context)
{
  TendDatabase *database = tend_context_get_database (*context);

  tend_test_unref_and_wait (g_steal_pointer (context), database);
}

static TendEntry *
make_entry (guint       i,
            const char *note)
{
  g_autoptr(GDateTime) last = tend_test_date_time ("2026-11-14T20:00:00+01:00");
  g_autoptr(GDateTime) when = g_date_time_add_hours (last, -(int) i * 7);
  g_autofree char *text = g_strdup_printf ("%s %u: the evening was quiet, the tea warm.", note, i);
  const char *emotions[] = { "calm", "tired", NULL };
  const char *tags[] = { "Family", "Rest", NULL };
  TendEntry *entry = tend_entry_new (1 + i % 5, text, when);

  tend_entry_set_emotions (entry, i % 2 ? emotions : emotions + 1);
  tend_entry_set_tags (entry, i % 3 ? tags : tags + 1);
  return entry;
}

static void
add_entries (TendContext *context,
             guint        n,
             const char  *note)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (entries, make_entry (i, note));

  g_assert_true (tend_journal_import (tend_context_get_journal (context), entries, NULL, &n_added,
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, n);
}

static guint
n_entries (TendContext *context)
{
  return g_list_model_get_n_items (G_LIST_MODEL (tend_journal_get_entries (tend_context_get_journal (context))));
}

/* The notes of the journal as stored, newest first, read from the file by SQLite alone. */
static char *
stored_notes (const char *journal_path)
{
  g_autoptr(GString) notes = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (journal_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT note FROM entries ORDER BY occurred_at DESC",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (notes, "%s\n", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free_and_steal (g_steal_pointer (&notes));
}

static void
assert_integrity (const char *journal_path)
{
  g_autofree char *result = tend_test_integrity_check (journal_path);

  g_assert_cmpstr (result, ==, "ok");
}

static void
assert_disk_full (const GError *error)
{
  g_assert_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, "The disk is full"));
  g_assert_nonnull (strstr (error->message, "safe"));
}

/* Disk full: nothing written ----------------------------------------------------------- */

static void
test_disk_full_refuses_writes (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  g_autofree char *path = g_build_filename (data_dir, "journal.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(TendContext) context = open_context (data_dir);
  TendJournal *journal = tend_context_get_journal (context);
  g_autoptr(TendEntry) stored = NULL;
  g_autoptr(TendEntry) changed = NULL;
  g_autoptr(TendEntry) fresh = make_entry (100, "Written on a full disk");
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(TendDraft) draft = tend_draft_new ();
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  add_entries (context, 20, "Before");
  before = stored_notes (path);
  stored = g_list_model_get_item (G_LIST_MODEL (tend_journal_get_entries (journal)), 0);

  /* The disk is full from the next write on */
  tend_test_vfs_arm (0);

  g_assert_false (tend_journal_add (journal, fresh, &error));
  assert_disk_full (error);
  g_assert_cmpint (tend_entry_get_id (fresh), ==, 0);
  g_clear_error (&error);

  changed = tend_entry_copy (stored);
  tend_entry_set_note (changed, "A change that does not fit");
  g_assert_false (tend_journal_update (journal, changed, &error));
  assert_disk_full (error);
  g_clear_error (&error);

  for (guint i = 0; i < 200; i++)
    g_ptr_array_add (batch, make_entry (1000 + i, "Imported"));
  g_assert_false (tend_journal_import (journal, batch, NULL, &n_added, &error));
  assert_disk_full (error);
  g_clear_error (&error);

  draft->mood = TEND_MOOD_GOOD;
  g_set_str (&draft->note, "Half a thought");
  g_assert_false (tend_journal_save_draft (journal, "check-in", draft, &error));
  assert_disk_full (error);
  g_clear_error (&error);
  g_assert_cmpuint (tend_test_vfs_get_n_refused (), >, 0);

  /* The disk fills up in the middle of writing the import, part of it already in the
   * write-ahead log: none of it counts. */
  tend_test_vfs_arm (3);
  g_assert_false (tend_journal_import (journal, batch, NULL, &n_added, &error));
  assert_disk_full (error);
  g_clear_error (&error);

  /* Nothing changed: not in the lists, not in the file */
  g_assert_cmpuint (n_entries (context), ==, 20);
  {
    g_autoptr(TendEntry) first = g_list_model_get_item (G_LIST_MODEL (tend_journal_get_entries (journal)), 0);

    g_assert_true (tend_entry_equal (first, stored));
  }

  /* Space again: the same writes go through */
  tend_test_vfs_disarm ();
  after = stored_notes (path);
  g_assert_cmpstr (after, ==, before);
  assert_integrity (path);

  g_assert_true (tend_journal_add (journal, fresh, &error));
  g_assert_no_error (error);
  g_assert_true (tend_journal_update (journal, changed, &error));
  g_assert_no_error (error);
  g_assert_true (tend_journal_import (journal, batch, NULL, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 200);
  g_assert_true (tend_journal_save_draft (journal, "check-in", draft, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_entries (context), ==, 221);

  close_context (&context);
  assert_integrity (path);

  /* And all of it is there after opening again */
  context = open_context (data_dir);
  g_assert_cmpuint (n_entries (context), ==, 221);
  {
    g_autoptr(TendEntry) again = tend_journal_lookup (tend_context_get_journal (context),
                                                      tend_entry_get_uuid (changed));

    g_assert_cmpstr (tend_entry_get_note (again), ==, "A change that does not fit");
  }
  close_context (&context);
}

/* The disk fills at every point of one import in turn: each time, all or nothing. */
static void
test_disk_full_at_every_write (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  g_autofree char *path = g_build_filename (data_dir, "journal.db", NULL);
  g_autoptr(TendContext) context = open_context (data_dir);
  TendJournal *journal = tend_context_get_journal (context);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_failed = 0;
  guint expected = 5;

  add_entries (context, 5, "Before");
  for (guint i = 0; i < 40; i++)
    g_ptr_array_add (batch, make_entry (500 + i, "Batch"));

  for (guint n_writes = 0; ; n_writes++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TendEntry) one = make_entry (900 + n_writes, "One more");
      guint n_added = 0;
      gboolean ok;

      tend_test_vfs_arm (n_writes);
      ok = tend_journal_add (journal, one, &error) &&
           tend_journal_import (journal, batch, NULL, &n_added, &error);
      tend_test_vfs_disarm ();

      if (ok)
        {
          expected += 1 + n_added;
          g_assert_cmpuint (n_entries (context), ==, expected);
          break;
        }

      assert_disk_full (error);
      n_failed++;
      /* The single check-in went in, or not, whole; the import never did. */
      expected += tend_entry_get_id (one) != 0 ? 1 : 0;
      g_assert_cmpuint (n_entries (context), ==, expected);
      assert_integrity (path);

      /* What was added stays; an import the next round adds again only what is new. */
      if (tend_entry_get_id (one) != 0)
        {
          g_autoptr(TendEntry) found = tend_journal_lookup (journal, tend_entry_get_uuid (one));

          g_assert_nonnull (found);
        }
    }

  g_test_message ("The disk filled up at %u points before the writes went through", n_failed);
  g_assert_cmpuint (n_failed, >, 2);

  close_context (&context);
  assert_integrity (path);
  context = open_context (data_dir);
  g_assert_cmpuint (n_entries (context), ==, expected);
  close_context (&context);
}

/* Disk full: backups ------------------------------------------------------------------- */

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

static TendBackup *
back_up (TendContext  *context,
         GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tend_context_back_up_async (context, FALSE, NULL, store_result_cb, &result);
  tend_test_wait_until (result_arrived, &result);
  return tend_context_back_up_finish (context, result, error);
}

static guint
n_files_in (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_disk_full_backup (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  g_autoptr(TendContext) context = open_context (data_dir);
  g_autofree char *folder = tend_context_get_backup_folder (context);
  g_autoptr(TendBackup) first = NULL;
  g_autoptr(TendBackup) refused = NULL;
  g_autoptr(TendBackup) later = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *checksum_after = NULL;
  g_autoptr(GError) error = NULL;

  add_entries (context, 300, "Kept");
  first = back_up (context, &error);
  g_assert_no_error (error);
  checksum = tend_test_checksum_file (tend_backup_get_path (first));

  {
    g_autoptr(GDateTime) next_day = tend_test_date_time ("2026-11-22T10:30:00Z");

    tend_clock_set_now (tend_context_get_clock (context), next_day);
  }

  /* Full after a few pages of the copy */
  tend_test_vfs_arm (4);
  refused = back_up (context, &error);
  tend_test_vfs_disarm ();
  g_assert_null (refused);
  g_assert_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_DISK_FULL);
  g_assert_cmpstr (error->message, ==,
                   "The disk is full, so no backup was made. Your journal and your older "
                   "backups are safe. Free some space and try again.");
  g_clear_error (&error);

  /* The older backup is as it was, and no part of the new one is left */
  g_assert_cmpuint (n_files_in (folder), ==, 1);
  checksum_after = tend_test_checksum_file (tend_backup_get_path (first));
  g_assert_cmpstr (checksum_after, ==, checksum);
  g_assert_true (tend_backup_verify (first, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_entries (context), ==, 300);

  later = back_up (context, &error);
  g_assert_no_error (error);
  g_assert_nonnull (later);
  g_assert_cmpuint (n_files_in (folder), ==, 2);

  close_context (&context);
}

/* Disk full: export -------------------------------------------------------------------- */

static void
assert_export_disk_full (const GError *error,
                         const char   *name)
{
  g_autofree char *expected = g_strdup_printf ("The disk is full, so “\u2068%s\u2069” was not written. "
                                               "Your journal is unchanged. Free some space "
                                               "and try again.", name);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpstr (error->message, ==, expected);
}

/* A real ENOSPC from the kernel: /dev/full takes nothing. It is written to as it is, a
 * device, never replaced by a file. */
static void
test_export_to_dev_full (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  g_autoptr(TendContext) context = open_context (data_dir);
  g_autoptr(GFile) full = g_file_new_for_path ("/dev/full");
  g_autoptr(GError) error = NULL;
  GStatBuf buf;
  guint n_exported = 99;

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("There is no /dev/full here");
      close_context (&context);
      return;
    }

  add_entries (context, 50, "Exported");
  g_assert_false (tend_export_file (tend_context_get_journal (context), NULL,
                                    TEND_FILE_FORMAT_JSON, full, NULL, &n_exported, &error));
  assert_export_disk_full (error, "/dev/full");

  g_assert_cmpint (g_stat ("/dev/full", &buf), ==, 0);
  g_assert_true (S_ISCHR (buf.st_mode));
  g_assert_cmpuint (n_entries (context), ==, 50);

  close_context (&context);
}

/* A file system that is full: the file asked for is not left behind in part, and a file
 * of that name already there is left as it was. The test mounts a small tmpfs in a mount
 * namespace of its own, in a subprocess, where it may (as root in the build root). */
static void
test_export_to_full_folder (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *mount_point = NULL;
  g_autofree char *new_file = NULL;
  g_autofree char *old_file = NULL;
  g_autoptr(TendContext) context = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_test_subprocess ())
    {
      if (geteuid () != 0)
        {
          g_test_skip ("Only root may mount the small file system this test fills");
          return;
        }

      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  mount_point = g_build_filename (g_get_user_data_dir (), "full-disk", NULL);
  g_assert_cmpint (g_mkdir_with_parents (mount_point, 0700), ==, 0);
  if (unshare (CLONE_NEWNS) != 0 ||
      mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
      mount ("tend-test", mount_point, "tmpfs", 0, "size=32k,mode=0700") != 0)
    g_error ("Could not mount a small file system on %s: %s", mount_point, g_strerror (errno));

  data_dir = tend_test_make_data_dir ();
  context = open_context (data_dir);
  add_entries (context, 400, "Longer than the disk");

  /* A new file */
  new_file = g_build_filename (mount_point, "journal.json", NULL);
  file = g_file_new_for_path (new_file);
  g_assert_false (tend_export_file (tend_context_get_journal (context), NULL,
                                    TEND_FILE_FORMAT_JSON, file, NULL, NULL, &error));
  assert_export_disk_full (error, new_file);
  g_clear_error (&error);
  g_assert_false (g_file_test (new_file, G_FILE_TEST_EXISTS));

  /* Over an older export */
  old_file = g_build_filename (mount_point, "older.csv", NULL);
  g_assert_true (g_file_set_contents (old_file, "an older export\n", -1, NULL));
  g_clear_object (&file);
  file = g_file_new_for_path (old_file);
  g_assert_false (tend_export_file (tend_context_get_journal (context), NULL,
                                    TEND_FILE_FORMAT_CSV, file, NULL, NULL, &error));
  assert_export_disk_full (error, old_file);
  g_assert_true (g_file_get_contents (old_file, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "an older export\n");

  /* Nothing hidden is left either */
  dir = g_dir_open (mount_point, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_cmpstr (name, ==, "older.csv");

  g_assert_cmpuint (n_entries (context), ==, 400);
  close_context (&context);
  umount (mount_point);
}

/* Read-only data folder ----------------------------------------------------------------- */

static char *
make_read_only_journal (guint n)
{
  char *data_dir = tend_test_make_data_dir ();
  g_autofree char *path = g_build_filename (data_dir, "journal.db", NULL);
  g_autoptr(TendContext) context = open_context (data_dir);

  add_entries (context, n, "Only to be read");
  close_context (&context);

  tend_test_set_mode (path, 0444);
  tend_test_set_mode (data_dir, 0555);
  return data_dir;
}

static void
restore_modes (const char *data_dir)
{
  g_autofree char *path = g_build_filename (data_dir, "journal.db", NULL);

  tend_test_set_mode (data_dir, 0700);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    tend_test_set_mode (path, 0600);
}

static void
assert_read_only_error (const GError *error,
                        const char   *data_dir)
{
  g_autofree char *expected = g_strdup_printf ("Tend is not allowed to write in the folder \u2068%s\u2069, "
                                               "so this was not saved. Everything saved "
                                               "before is safe.", data_dir);

  g_assert_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
in_read_only_subprocess (const char *data_dir,
                         const char *test_path)
{
  g_autofree char *checksum = NULL;
  g_autofree char *checksum_after = NULL;
  g_autofree char *path = g_build_filename (data_dir, "journal.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  checksum = tend_test_checksum_file (path);
  g_setenv ("TEND_TEST_READ_ONLY_DIR", data_dir, TRUE);
  g_test_trap_subprocess (test_path, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  restore_modes (data_dir);
  g_test_trap_assert_passed ();

  /* The journal was not touched, nor anything made beside it */
  checksum_after = tend_test_checksum_file (path);
  g_assert_cmpstr (checksum_after, ==, checksum);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  assert_integrity (path);
}

static void
test_read_only_folder (void)
{
  const char *data_dir = g_getenv ("TEND_TEST_READ_ONLY_DIR");
  g_autoptr(TendContext) context = NULL;
  g_autoptr(TendEntry) fresh = NULL;
  g_autoptr(TendEntry) changed = NULL;
  g_autoptr(TendEntry) newest = NULL;
  g_autoptr(TendDraft) draft = tend_draft_new ();
  g_autoptr(TendFilter) filter = tend_filter_new ();
  g_autoptr(TendEntryList) found = NULL;
  g_autoptr(TendBackup) backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) export = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *probe = NULL;
  TendJournal *journal;
  guint n_exported = 0;

  if (!g_test_subprocess ())
    {
      g_autofree char *dir = make_read_only_journal (30);

      in_read_only_subprocess (dir, "/read-only/folder");
      return;
    }

  g_assert_true (tend_test_drop_file_capabilities ());
  probe = g_build_filename (data_dir, "probe", NULL);
  g_assert_false (g_file_set_contents (probe, "", 0, NULL));

  /* It opens, and shows everything */
  context = open_context (data_dir);
  g_assert_cmpint (tend_context_get_state (context), ==, TEND_CONTEXT_STATE_OPEN);
  g_assert_true (tend_database_is_read_only (tend_context_get_database (context)));
  journal = tend_context_get_journal (context);
  g_assert_cmpuint (n_entries (context), ==, 30);
  g_assert_cmpuint (g_list_model_get_n_items (tend_journal_get_tags (journal)), >=, 15);

  tend_filter_set_text (filter, "quiet");
  found = tend_journal_query (journal, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 30);

  /* Every write is refused, saying where and that nothing is lost */
  fresh = make_entry (77, "Refused");
  g_assert_false (tend_journal_add (journal, fresh, &error));
  assert_read_only_error (error, data_dir);
  g_clear_error (&error);

  newest = g_list_model_get_item (G_LIST_MODEL (tend_journal_get_entries (journal)), 0);
  changed = tend_entry_copy (newest);
  tend_entry_set_mood (changed, TEND_MOOD_GREAT);
  g_assert_false (tend_journal_update (journal, changed, &error));
  assert_read_only_error (error, data_dir);
  g_clear_error (&error);

  g_assert_false (tend_journal_remove (journal, newest, &error));
  assert_read_only_error (error, data_dir);
  g_clear_error (&error);

  g_assert_false (tend_journal_create_tag (journal, "Choir", &error));
  assert_read_only_error (error, data_dir);
  g_clear_error (&error);

  draft->mood = TEND_MOOD_OKAY;
  g_set_str (&draft->note, "Kept in memory only");
  g_assert_false (tend_journal_save_draft (journal, "check-in", draft, &error));
  assert_read_only_error (error, data_dir);
  g_clear_error (&error);
  g_assert_cmpuint (n_entries (context), ==, 30);

  /* No backup can go there, and that is said too */
  backup = back_up (context, &error);
  g_assert_null (backup);
  g_assert_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_CANNOT_OPEN);
  g_assert_nonnull (strstr (error->message, "backups folder"));
  g_clear_error (&error);

  /* The daily check and backup do not try, and nothing is moved aside */
  tend_context_run_maintenance (context);
  g_assert_cmpint (tend_context_get_state (context), ==, TEND_CONTEXT_STATE_OPEN);

  /* Exporting elsewhere still works: a way to take everything out */
  export_path = g_build_filename (g_get_user_data_dir (), "read-only-export.json", NULL);
  export = g_file_new_for_path (export_path);
  g_assert_true (tend_export_file (journal, NULL, TEND_FILE_FORMAT_JSON, export, NULL,
                                   &n_exported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_exported, ==, 30);

  close_context (&context);
}

/* After a crash the newest check-ins are still in the write-ahead log: they are shown too,
 * though the folder may only be read. */
static void
test_read_only_folder_after_crash (void)
{
  const char *data_dir = g_getenv ("TEND_TEST_READ_ONLY_DIR");
  g_autoptr(TendContext) context = NULL;

  if (!g_test_subprocess ())
    {
      g_autofree char *dir = tend_test_make_data_dir ();
      g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_autoptr(TendContext) writer = open_context (dir);
      sqlite3 *db = NULL;

      add_entries (writer, 12, "Checkpointed");
      close_context (&writer);

      /* Three more, left in the log as a killed Tend leaves them */
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "INSERT INTO entries (uuid, occurred_at, mood, note, created_at, updated_at) "
                                         "VALUES ('a', 1, 3, 'In the log', 1, 1), ('b', 2, 3, 'In the log', 1, 1), "
                                         "       ('c', 3, 3, 'In the log', 1, 1)",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
      g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

      tend_test_set_mode (path, 0444);
      tend_test_set_mode (wal, 0444);
      if (g_file_test (shm, G_FILE_TEST_EXISTS))
        tend_test_set_mode (shm, 0444);
      tend_test_set_mode (dir, 0555);

      g_setenv ("TEND_TEST_READ_ONLY_DIR", dir, TRUE);
      g_test_trap_subprocess ("/read-only/folder-after-crash", 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      restore_modes (dir);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_true (tend_test_drop_file_capabilities ());
  context = open_context (data_dir);
  g_assert_true (tend_database_is_read_only (tend_context_get_database (context)));
  g_assert_cmpuint (n_entries (context), ==, 15);
  close_context (&context);
}

/* No journal yet, in a folder Tend may only read: it says so, and which folder. */
static void
test_read_only_folder_without_journal (void)
{
  const char *data_dir = g_getenv ("TEND_TEST_READ_ONLY_DIR");
  g_autoptr(GDateTime) now = tend_test_date_time ("2026-11-21T10:30:00Z");
  g_autoptr(TendClock) clock = tend_clock_new_manual (now);
  g_autoptr(TendContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  if (!g_test_subprocess ())
    {
      g_autofree char *dir = tend_test_make_data_dir ();

      g_assert_cmpint (g_mkdir_with_parents (dir, 0555), ==, 0);
      tend_test_set_mode (dir, 0555);
      g_setenv ("TEND_TEST_READ_ONLY_DIR", dir, TRUE);
      g_test_trap_subprocess ("/read-only/folder-without-journal", 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      restore_modes (dir);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_true (tend_test_drop_file_capabilities ());
  context = tend_context_new (data_dir, clock);
  g_assert_false (tend_context_open (context, &error));
  expected = g_strdup_printf ("Tend is not allowed to write in the folder \u2068%s\u2069, so it cannot "
                              "start your journal there.", data_dir);
  g_assert_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpint (tend_context_get_state (context), ==, TEND_CONTEXT_STATE_FAILED);
  g_assert_cmpstr (tend_context_get_open_error (context)->message, ==, expected);
}

/* Damaged backups, missing folders -------------------------------------------------------- */

/* A backup cut short anywhere, even by a byte, is never offered nor restored, and trying to
 * restore it anyway leaves the journal as it was. */
static void
test_backup_truncated_at_any_length (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  g_autofree char *path = g_build_filename (data_dir, "journal.db", NULL);
  g_autoptr(TendContext) context = open_context (data_dir);
  g_autofree char *folder = tend_context_get_backup_folder (context);
  g_autoptr(TendBackup) good = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  gsize length = 0;

  add_entries (context, 300, "Backed up");
  good = back_up (context, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (tend_backup_get_path (good), &contents, &length, NULL));
  g_assert_cmpuint (length, >, 3 * 4096);
  add_entries (context, 3, "After the backup");
  before = stored_notes (path);

  {
    gsize lengths[] = { 0, 1, 100, 4095, 4096, 8192, length / 2, length - 4096, length - 1 };

    for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
      {
        g_autofree char *name = g_strdup_printf ("journal-2026-11-%02u-103000.db", i + 1);
        g_autofree char *cut_path = g_build_filename (folder, name, NULL);
        g_autoptr(TendBackup) cut = NULL;
        g_autoptr(GAsyncResult) result = NULL;
        g_autoptr(GError) restore_error = NULL;
        g_autofree char *after = NULL;

        g_test_message ("A backup of %" G_GSIZE_FORMAT " bytes cut to %" G_GSIZE_FORMAT,
                        length, lengths[i]);
        g_assert_true (g_file_set_contents (cut_path, contents, lengths[i], NULL));

        cut = tend_backup_read (cut_path);
        g_assert_nonnull (cut);
        g_assert_false (tend_backup_is_usable (cut));
        g_assert_nonnull (tend_backup_get_problem (cut));
        g_assert_cmpstr (tend_backup_get_problem (cut)->message, ==,
                         "This backup is damaged, so it cannot be restored.");

        tend_context_restore_async (context, cut, NULL, store_result_cb, &result);
        tend_test_wait_until (result_arrived, &result);
        g_assert_false (tend_context_restore_finish (context, result, &restore_error));
        g_assert_nonnull (restore_error);

        after = stored_notes (path);
        g_assert_cmpstr (after, ==, before);
        g_assert_cmpint (tend_context_get_state (context), ==, TEND_CONTEXT_STATE_OPEN);
        g_assert_cmpuint (n_entries (context), ==, 303);
        g_unlink (cut_path);
      }
  }

  /* The good one is still good */
  g_assert_true (tend_backup_verify (good, &error));
  g_assert_no_error (error);
  close_context (&context);
  assert_integrity (path);
}

static void
remove_tree (const char *dir)
{
  g_assert_true (g_spawn_sync (NULL, (char *[]) { "rm", "-rf", "--one-file-system", (char *) dir, NULL },
                               NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

/* The data folder removed while Tend is open: what it shows stays, a save says plainly
 * that the journal file is gone instead of writing into a deleted file, and the next start
 * makes the folder and a new journal. */
static void
test_data_dir_removed_while_open (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  g_autofree char *path = g_build_filename (data_dir, "journal.db", NULL);
  g_autoptr(TendContext) context = open_context (data_dir);
  g_autoptr(TendEntry) fresh = make_entry (42, "After the folder went");
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  add_entries (context, 3, "Before the folder went");
  remove_tree (data_dir);

  g_assert_false (tend_journal_add (tend_context_get_journal (context), fresh, &error));
  expected = g_strdup_printf ("Your journal file, \u2068%s\u2069, was removed or replaced while Tend was "
                              "open, so this was not saved. Close Tend and open it again.", path);
  g_assert_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_CANNOT_OPEN);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpuint (n_entries (context), ==, 3);
  close_context (&context);

  /* The next start */
  context = open_context (data_dir);
  g_assert_cmpint (tend_context_get_state (context), ==, TEND_CONTEXT_STATE_OPEN);
  g_assert_cmpuint (n_entries (context), ==, 0);
  g_clear_error (&error);
  g_assert_true (tend_journal_add (tend_context_get_journal (context), fresh, &error));
  g_assert_no_error (error);
  close_context (&context);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* Paths in messages: the home folder as ~, any file system encoding shown, and isolated
 * so that in Arabic the slashes stay where they belong. */
static void
test_path_in_messages (void)
{
  g_autofree char *in_home = g_build_filename (g_get_home_dir (), ".local", "share", "tend", NULL);
  g_autofree char *home_shown = tend_text_format_path (in_home);
  g_autofree char *elsewhere = tend_text_format_path ("/media/usb/tend");
  /* Latin-1 "café", not UTF-8 */
  g_autofree char *latin1 = tend_text_format_path ("/tmp/caf\xe9");

  g_assert_cmpstr (home_shown, ==, "\u2068~/.local/share/tend\u2069");
  g_assert_cmpstr (elsewhere, ==, "\u2068/media/usb/tend\u2069");
  g_assert_true (g_utf8_validate (latin1, -1, NULL));
  g_assert_true (g_str_has_prefix (latin1, "\u2068/tmp/caf"));
  g_assert_true (g_str_has_suffix (latin1, "\u2069"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  tend_test_vfs_install ();

  g_test_add_func ("/messages/path-in-messages", test_path_in_messages);
  g_test_add_func ("/disk-full/refuses-writes", test_disk_full_refuses_writes);
  g_test_add_func ("/disk-full/at-every-write", test_disk_full_at_every_write);
  g_test_add_func ("/disk-full/backup", test_disk_full_backup);
  g_test_add_func ("/disk-full/export-to-dev-full", test_export_to_dev_full);
  g_test_add_func ("/disk-full/export-to-full-folder", test_export_to_full_folder);
  g_test_add_func ("/read-only/folder", test_read_only_folder);
  g_test_add_func ("/read-only/folder-after-crash", test_read_only_folder_after_crash);
  g_test_add_func ("/read-only/folder-without-journal", test_read_only_folder_without_journal);
  g_test_add_func ("/recovery/backup-truncated-at-any-length", test_backup_truncated_at_any_length);
  g_test_add_func ("/recovery/data-dir-removed-while-open", test_data_dir_removed_while_open);

  return g_test_run ();
}
