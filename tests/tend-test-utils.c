/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
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
