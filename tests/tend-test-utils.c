/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib-object.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "tend-test-utils.h"

/* A fresh folder for a journal, inside the test's isolated data directory. */
char *
tend_test_make_data_dir (void)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("tend-%u", ++counter);

  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

GDateTime *
tend_test_date_time (const char *iso8601)
{
  GDateTime *dt = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (dt);
  return dt;
}

char *
tend_test_checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

guint
tend_test_file_mode (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_mode & 0777;
}

static gboolean
timed_out_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds; fails the test after ten seconds. */
void
tend_test_wait_until (gboolean (*condition) (gpointer data),
                      gpointer   data)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (10, timed_out_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout_id);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Drops @object, then runs the main loop until @owned (an object @object owns, or %NULL)
 * is finalized too. A worker lets go of its task, and of what the task holds, on the main
 * thread an iteration after the task's result (tend_task_run_in_thread()); this fails the
 * test when anything keeps @owned alive for good. */
void
tend_test_unref_and_wait (gpointer object,
                          gpointer owned)
{
  if (owned != NULL)
    g_object_add_weak_pointer (owned, &owned);
  g_object_unref (object);
  tend_test_wait_until (is_null, &owned);
}

/* Writes noise over the root page of the entries table of the journal at @path, which the
 * open journal's lists never read again: only a full check finds it. The file is replaced
 * whole (a connection still open keeps the old one); fold the write-ahead log in first. */
void
tend_test_damage_entries_table (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 root_page = 0, page_size = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage, (SELECT page_size FROM pragma_page_size) "
                                           "FROM sqlite_schema WHERE name = 'entries'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  root_page = sqlite3_column_int64 (stmt, 0);
  page_size = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpint ((gint64) length, >=, root_page * page_size);
  for (gint64 i = (root_page - 1) * page_size; i < root_page * page_size; i++)
    contents[i] = (char) (i * 37 % 251);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/**
 * tend_test_percentile:
 * @samples: doubles, sorted in place
 * @fraction: 0.5 for the median, 0.95 for the 95th percentile, 1 for the largest
 *
 * For the benchmarks: the sample nearest to @fraction of the way through @samples.
 */
double
tend_test_percentile (GArray *samples,
                      double  fraction)
{
  guint index;

  g_return_val_if_fail (samples->len > 0, 0);

  g_array_sort (samples, compare_doubles);
  index = (guint) (fraction * (samples->len - 1) + 0.5);
  return g_array_index (samples, double, MIN (index, samples->len - 1));
}
