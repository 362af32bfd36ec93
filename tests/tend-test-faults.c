/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <linux/capability.h>
#include <sqlite3.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "tend-test-faults.h"

/**
 * tend_test_drop_file_capabilities:
 *
 * The tests run as root in the build environment, and root reads and writes any file
 * whatever its mode. This drops what lets it (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH and
 * CAP_FOWNER) from this process for good, so a folder of mode 0555 is read-only to it as
 * to anyone. Call it in a subprocess (g_test_trap_subprocess()).
 *
 * Returns: %TRUE when file modes now apply to this process
 */
gboolean
tend_test_drop_file_capabilities (void)
{
  static const int dropped[] = { CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER };
  struct __user_cap_header_struct header = { .version = _LINUX_CAPABILITY_VERSION_3 };
  struct __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3] = { 0 };

  if (geteuid () != 0)
    return TRUE;

  if (syscall (SYS_capget, &header, data) != 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    {
      guint index = CAP_TO_INDEX (dropped[i]);
      guint32 mask = CAP_TO_MASK (dropped[i]);

      data[index].effective &= ~mask;
      data[index].permitted &= ~mask;
      data[index].inheritable &= ~mask;
      /* Nor may a program this one starts get them back. */
      prctl (PR_CAPBSET_DROP, dropped[i], 0, 0, 0);
    }

  if (syscall (SYS_capset, &header, data) != 0)
    return FALSE;

  return TRUE;
}

void
tend_test_set_mode (const char *path,
                    guint       mode)
{
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

/**
 * tend_test_integrity_check:
 *
 * Runs PRAGMA integrity_check and the full-text index's own check on a journal, from a
 * connection of its own.
 *
 * Returns: (transfer full): "ok", or what SQLite found
 */
char *
tend_test_integrity_check (const char *journal_path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) result = g_string_new (NULL);
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (journal_path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (result->len > 0)
        g_string_append_c (result, '\n');
      g_string_append (result, (const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);

  /* The search index agrees with the notes it was built from. */
  if (sqlite3_exec (db, "INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)",
                    NULL, NULL, &message) != SQLITE_OK)
    {
      g_string_append_printf (result, "\nentries_fts: %s", message);
      sqlite3_free (message);
    }

  /* Every check-in has its note in the index, and the index nothing else. */
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT (SELECT count(*) FROM entries e WHERE NOT EXISTS "
                                       "  (SELECT 1 FROM entries_fts f WHERE f.rowid = e.id AND f.note = e.note)), "
                                       " (SELECT count(*) FROM entries_fts f WHERE f.rowid NOT IN (SELECT id FROM entries))",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  if (sqlite3_column_int (stmt, 0) != 0 || sqlite3_column_int (stmt, 1) != 0)
    g_string_append_printf (result, "\nentries_fts: %d notes missing, %d rows too many",
                            sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1));
  sqlite3_finalize (stmt);

  sqlite3_close (db);
  return g_string_free_and_steal (g_steal_pointer (&result));
}
