/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE /* pipe2() */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tend-context.h"
#include "tend-export.h"
#include "tend-test-faults.h"
#include "tend-test-utils.h"

/* Killed at any moment, Tend loses nothing it said was saved. A writer program
 * (tests/kill-writer.c) adds, changes and deletes check-ins through the core in a loop and
 * is killed with SIGKILL at a random point, again and again on the same journal; then
 * SQLite's integrity check must pass, the search index must agree with the notes, and
 * every check-in whose save was reported done must be there, at least as new as reported.
 * The command line's import is killed the same way: an import is there whole or not at
 * all. The seed is printed; TEND_KILL_LOOP_SEED runs one again. */

#define N_KILLS 200
#define N_IMPORT_KILLS 30

typedef struct
{
  guint    done_version;    /* the newest version reported saved, 0 for none */
  guint    started_version; /* the newest version a write was started for */
  gboolean deleting;        /* a removal was started: it may or may not have happened */
  gboolean deleted;         /* a removal was reported done */
} Reported;

typedef struct
{
  GHashTable *reported;     /* uuid → Reported */
  guint       n_saved;
  guint       n_runs_with_saves;
  guint       n_killed_before_ready;
} Ledger;

static guint64
now_ms (void)
{
  return (guint64) (g_get_monotonic_time () / 1000);
}

/* Reads what the child wrote until @deadline_ms (or its end), without blocking. */
static void
read_until (int      fd,
            GString *out,
            guint64  deadline_ms,
            gboolean until_ready)
{
  for (;;)
    {
      struct pollfd pfd = { .fd = fd, .events = POLLIN };
      guint64 now = now_ms ();
      char buffer[4096];
      gssize n;
      int timeout;

      if (until_ready && strstr (out->str, "ready\n") != NULL)
        return;
      if (now >= deadline_ms)
        return;

      timeout = (int) (deadline_ms - now);
      if (poll (&pfd, 1, timeout) <= 0)
        continue;

      n = read (fd, buffer, sizeof buffer);
      if (n <= 0)
        return;
      g_string_append_len (out, buffer, n);
    }
}

static void
drain (int      fd,
       GString *out)
{
  char buffer[4096];
  gssize n;

  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (out, buffer, n);
}

/* Starts @argv with its output on a pipe, kills it with SIGKILL after @delay_ms (counted from
 * its "ready" line when @after_ready, else from the start), and returns all it wrote. */
static char *
run_and_kill (const char * const *argv,
              const char * const *envp,
              guint               delay_ms,
              gboolean            after_ready,
              gboolean           *was_killed)
{
  g_autoptr(GString) out = g_string_new (NULL);
  int fds[2];
  int status = 0;
  pid_t pid;

  g_assert_cmpint (pipe2 (fds, O_CLOEXEC), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      dup2 (fds[1], STDOUT_FILENO);
      execve (argv[0], (char * const *) argv, (char * const *) envp);
      _exit (127);
    }
  close (fds[1]);

  if (after_ready)
    read_until (fds[0], out, now_ms () + 10000, TRUE);
  read_until (fds[0], out, now_ms () + delay_ms, FALSE);

  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  drain (fds[0], out);
  close (fds[0]);

  *was_killed = WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL;
  if (!*was_killed)
    g_test_message ("%s ended by itself (status %d): %s", argv[0], status, out->str);

  return g_string_free_and_steal (g_steal_pointer (&out));
}

static Reported *
reported_for (Ledger     *ledger,
              const char *uuid)
{
  Reported *reported = g_hash_table_lookup (ledger->reported, uuid);

  if (reported == NULL)
    {
      reported = g_new0 (Reported, 1);
      g_hash_table_insert (ledger->reported, g_strdup (uuid), reported);
    }
  return reported;
}

/* Only whole lines count: one cut by the kill was never reported. */
static void
record (Ledger     *ledger,
        const char *output)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  guint n_lines = g_strv_length (lines);
  gboolean saved_any = FALSE;

  for (guint i = 0; i + 1 < n_lines; i++)
    {
      char uuid[64];
      guint version;

      if (sscanf (lines[i], "saved %63s %u", uuid, &version) == 2)
        {
          Reported *reported = reported_for (ledger, uuid);

          reported->done_version = MAX (reported->done_version, version);
          reported->started_version = MAX (reported->started_version, version);
          ledger->n_saved++;
          saved_any = TRUE;
        }
      else if (sscanf (lines[i], "updating %63s %u", uuid, &version) == 2)
        reported_for (ledger, uuid)->started_version = version;
      else if (sscanf (lines[i], "deleting %63s", uuid) == 1)
        reported_for (ledger, uuid)->deleting = TRUE;
      else if (sscanf (lines[i], "deleted %63s", uuid) == 1)
        reported_for (ledger, uuid)->deleted = TRUE;
      else
        g_assert_cmpstr (lines[i], ==, "ready");
    }

  if (saved_any)
    ledger->n_runs_with_saves++;
}

static void
check_journal (Ledger     *ledger,
               const char *path)
{
  g_autofree char *integrity = tend_test_integrity_check (path);
  g_autoptr(GHashTable) stored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_present = 0;

  g_assert_cmpstr (integrity, ==, "ok");

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT uuid, note FROM entries", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *uuid = (const char *) sqlite3_column_text (stmt, 0);
      const char *note = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *prefix = g_strdup_printf ("Kill loop %s version ", uuid);
      guint version;

      g_assert_true (g_str_has_prefix (note, prefix));
      version = (guint) g_ascii_strtoull (note + strlen (prefix), NULL, 10);
      g_hash_table_insert (stored, g_strdup (uuid), GUINT_TO_POINTER (version));
    }
  sqlite3_finalize (stmt);

  /* Found by a search for its own uuid's first part, as a person would search */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM entries_fts WHERE entries_fts MATCH 'kill'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpuint (sqlite3_column_int (stmt, 0), ==, g_hash_table_size (stored));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_hash_table_iter_init (&iter, ledger->reported);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Reported *reported = value;
      gpointer found;
      gboolean present = g_hash_table_lookup_extended (stored, key, NULL, &found);

      if (reported->deleted)
        {
          if (present)
            g_error ("%s was reported deleted but is still there", (const char *) key);
          continue;
        }

      if (reported->done_version == 0 || reported->deleting)
        continue;

      if (!present)
        g_error ("%s was reported saved (version %u) but is missing", (const char *) key,
                 reported->done_version);
      n_present++;

      if (GPOINTER_TO_UINT (found) < reported->done_version ||
          GPOINTER_TO_UINT (found) > reported->started_version)
        g_error ("%s is at version %u, but version %u was reported saved (and %u started)",
                 (const char *) key, GPOINTER_TO_UINT (found), reported->done_version,
                 reported->started_version);
    }

  g_test_message ("%u check-ins in the journal, %u of them checked against what was reported",
                  g_hash_table_size (stored), n_present);
}

static guint32
get_seed (void)
{
  const char *fixed = g_getenv ("TEND_KILL_LOOP_SEED");

  if (fixed != NULL)
    return (guint32) g_ascii_strtoull (fixed, NULL, 10);

  return g_random_int ();
}

static void
assert_nothing_moved_aside (const char *data_dir)
{
  g_autoptr(GDir) dir = g_dir_open (data_dir, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, "journal.db.damaged"));
}

static void
test_kill_writer (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  g_autofree char *path = g_build_filename (data_dir, "journal.db", NULL);
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GRand) rand = NULL;
  Ledger ledger = { 0 };
  guint32 seed = get_seed ();
  guint n_killed = 0;

  ledger.reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  rand = g_rand_new_with_seed (seed);
  g_test_message ("Seed %u (TEND_KILL_LOOP_SEED=%u runs this again)", seed, seed);

  for (guint i = 0; i < N_KILLS; i++)
    {
      g_autofree char *run_seed = g_strdup_printf ("%u", g_rand_int (rand));
      const char *argv[] = { KILL_WRITER, data_dir, run_seed, NULL };
      /* Mostly while writing; one run in four from the start, through opening the journal
       * and recovering from the kill before. */
      gboolean after_ready = g_rand_int_range (rand, 0, 4) != 0;
      guint delay_ms = after_ready ? g_rand_int_range (rand, 1, 40) : g_rand_int_range (rand, 0, 25);
      g_autofree char *output = NULL;
      gboolean killed = FALSE;

      output = run_and_kill (argv, (const char * const *) envp, delay_ms, after_ready, &killed);
      g_assert_true (killed);
      n_killed++;
      if (strstr (output, "ready\n") == NULL)
        ledger.n_killed_before_ready++;
      record (&ledger, output);

      /* Now and then, the journal is checked between kills too */
      if (i % 50 == 49)
        check_journal (&ledger, path);
    }

  check_journal (&ledger, path);
  assert_nothing_moved_aside (data_dir);

  g_test_message ("Killed the writer %u times (%u before the journal was open, %u runs "
                  "reported saves); %u saves reported done, all there",
                  n_killed, ledger.n_killed_before_ready, ledger.n_runs_with_saves,
                  ledger.n_saved);
  g_print ("# kills=%u saves=%u seed=%u\n", n_killed, ledger.n_saved, seed);
  g_assert_cmpuint (n_killed, >=, 200);
  /* The kills fell where the writing is, not only at start-up */
  g_assert_cmpuint (ledger.n_runs_with_saves, >=, N_KILLS / 2);
  g_hash_table_unref (ledger.reported);
}

/* A Tend JSON file of @n check-ins, written by the exporter. */
static void
write_import_file (const char *file,
                   guint       n)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) last = tend_test_date_time ("2026-11-14T20:00:00+01:00");
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_hours (last, -(int) i);
      g_autoptr(TendEntry) probe = tend_entry_new (TEND_MOOD_GOOD, "", when);
      g_autofree char *note = g_strdup_printf ("Kill loop %s version 1: imported %u",
                                               tend_entry_get_uuid (probe), i);

      tend_entry_set_note (probe, note);
      g_ptr_array_add (entries, g_steal_pointer (&probe));
    }

  bytes = tend_export_to_bytes (entries, tags, TEND_FILE_FORMAT_JSON, last);
  g_assert_true (g_file_set_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
}

static guint
count_entries (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n;

  /* Killed before the journal was made, there is none, or no table yet. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return 0;
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM entries", -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      return 0;
    }
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* `tend --import FILE`, killed at random: each import is in the journal whole or not at all,
 * and one reported done is there. */
static void
test_kill_cli_import (void)
{
  g_autofree char *home = g_build_filename (g_get_user_data_dir (), "cli-home", NULL);
  g_autofree char *data_dir = g_build_filename (home, "tend", NULL);
  g_autofree char *path = g_build_filename (data_dir, "journal.db", NULL);
  g_autofree char *files = g_build_filename (g_get_user_data_dir (), "cli-files", NULL);
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GRand) rand = NULL;
  guint32 seed = get_seed ();
  guint n_expected = 0;
  guint n_whole = 0;
  guint n_killed = 0;

  g_assert_cmpint (g_mkdir_with_parents (home, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (files, 0700), ==, 0);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", home, TRUE);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_unsetenv (envp, "DBUS_SESSION_BUS_ADDRESS");
  rand = g_rand_new_with_seed (seed);
  g_test_message ("Seed %u", seed);

  for (guint i = 0; i < N_IMPORT_KILLS; i++)
    {
      g_autofree char *file = g_strdup_printf ("%s/import-%u.json", files, i);
      const char *argv[] = { TEND_PROGRAM, "--import", file, NULL };
      g_autofree char *output = NULL;
      gboolean killed = FALSE;
      guint n_before, n_after;
      guint n = 100 + g_rand_int_range (rand, 0, 400);

      write_import_file (file, n);
      n_before = count_entries (path);
      output = run_and_kill (argv, (const char * const *) envp,
                             g_rand_int_range (rand, 20, 150), FALSE, &killed);
      n_after = count_entries (path);
      n_killed += killed;

      if (g_str_has_prefix (output, "Imported "))
        g_assert_cmpuint (n_after, ==, n_before + n);
      else
        g_assert_true (n_after == n_before || n_after == n_before + n);

      n_whole += n_after != n_before;
      n_expected = n_after;
    }

  {
    g_autofree char *integrity = tend_test_integrity_check (path);

    g_assert_cmpstr (integrity, ==, "ok");
  }
  assert_nothing_moved_aside (data_dir);
  g_test_message ("Ran tend --import %u times, killed %u times; %u imports went in whole, "
                  "none in part; %u check-ins", N_IMPORT_KILLS, n_killed, n_whole, n_expected);
  g_print ("# import-kills=%u\n", n_killed);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/kill-loop/writer", test_kill_writer);
  g_test_add_func ("/kill-loop/cli-import", test_kill_cli_import);

  return g_test_run ();
}
