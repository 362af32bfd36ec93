/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <locale.h>

/* Runs the built `tend` as a person would in a terminal without a display: it must import
 * and export without GTK, say what it did in one line, and exit with the documented
 * status. */

typedef struct
{
  char       *home;      /* XDG_DATA_HOME of the runs */
  char       *files;     /* where the test writes its files */
  const char *lang;      /* LANG of the runs, with LC_ALL unset; NULL for LC_ALL=C.UTF-8 */
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("cli-%u", ++counter);

  fixture->home = g_build_filename (g_get_user_data_dir (), name, "data", NULL);
  fixture->files = g_build_filename (g_get_user_data_dir (), name, "files", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->home, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (fixture->files, 0700), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->home);
  g_free (fixture->files);
}

static void
run_tend (Fixture  *fixture,
          Run      *run,
          ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *tend = g_test_build_filename (G_TEST_BUILT, "..", "src", "tend", NULL);
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, tend);
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "DBUS_SESSION_BUS_ADDRESS");
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", fixture->home, TRUE);
  if (fixture->lang != NULL)
    {
      g_subprocess_launcher_unsetenv (launcher, "LC_ALL");
      g_subprocess_launcher_unsetenv (launcher, "LC_MESSAGES");
      g_subprocess_launcher_setenv (launcher, "LANG", fixture->lang, TRUE);
    }
  else
    g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "", TRUE);
  g_subprocess_launcher_set_cwd (launcher, fixture->files);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);

  g_test_message ("tend %s → %d\n%s%s", (const char *) argv->pdata[1], run->status,
                  run->out, run->err);
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static void
test_import_export (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *daylio = data_path ("daylio.csv");
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *json_path = g_build_filename (fixture->files, "journal.json", NULL);
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) again = { 0 };

  run_tend (fixture, &first, "--import", daylio, NULL);
  g_assert_cmpint (first.status, ==, 0);
  expected = g_strdup_printf ("Imported 6 check-ins from %s\n", daylio);
  g_assert_cmpstr (first.out, ==, expected);
  g_assert_cmpstr (first.err, ==, "");

  /* The same file again adds nothing, and says so. */
  run_tend (fixture, &second, "--import", daylio, NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Nothing new to import from %s\n", daylio);
  g_assert_cmpstr (second.out, ==, expected);

  /* A relative name is in the current folder. */
  run_tend (fixture, &export, "--export", "journal.json", NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Exported 6 check-ins to %s\n", json_path);
  g_assert_cmpstr (export.out, ==, expected);
  g_assert_cmpstr (export.err, ==, "");
  g_assert_true (g_file_get_contents (json_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"format\" : \"tend-journal\""));

  /* Our own export, back into the same journal: nothing new. */
  run_tend (fixture, &again, "--import", json_path, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_true (g_str_has_prefix (again.out, "Nothing new to import"));
}

static void
test_bad_file (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *bad = data_path ("daylio-unknown-mood.csv");
  g_autofree char *md = g_build_filename (fixture->files, "journal.md", NULL);
  g_auto(Run) run = { 0 };
  g_auto(Run) export = { 0 };

  run_tend (fixture, &run, "--import", bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err,
                                   "tend: Line 6: the mood “fantastic” is not one Tend knows."));
  g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);  /* one line */

  /* Nothing was added. */
  run_tend (fixture, &export, "--export", md, NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_true (g_str_has_prefix (export.out, "Exported 0 check-ins to "));
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(Run) unknown_import = { 0 };
  g_auto(Run) unknown_export = { 0 };
  g_auto(Run) markdown = { 0 };
  g_auto(Run) both = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) help = { 0 };

  run_tend (fixture, &unknown_import, "--import", "notes.txt", NULL);
  g_assert_cmpint (unknown_import.status, ==, 2);
  g_assert_cmpstr (unknown_import.err, ==,
                   "tend: Tend can import files ending in .json or .csv.\n");

  run_tend (fixture, &unknown_export, "--export", "notes.txt", NULL);
  g_assert_cmpint (unknown_export.status, ==, 2);
  g_assert_cmpstr (unknown_export.err, ==,
                   "tend: Tend can export to files ending in .json, .csv or .md.\n");

  run_tend (fixture, &markdown, "--import", "journal.md", NULL);
  g_assert_cmpint (markdown.status, ==, 2);
  g_assert_true (g_str_has_prefix (markdown.err, "tend: Tend exports Markdown for reading"));

  run_tend (fixture, &both, "--import", "a.json", "--export", "b.json", NULL);
  g_assert_cmpint (both.status, ==, 2);
  g_assert_cmpstr (both.err, ==, "tend: Give either --import or --export, not both.\n");

  run_tend (fixture, &missing, "--import", "missing.json", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_true (g_str_has_prefix (missing.err, "tend: Tend could not read "));
  g_assert_true (g_str_has_suffix (missing.err, "\n"));

  run_tend (fixture, &help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--export=FILE"));
  g_assert_nonnull (strstr (help.out, "--import=FILE"));
  g_assert_nonnull (strstr (help.out, "--check-in"));
  g_assert_nonnull (strstr (help.out, "--help-now"));
  g_assert_nonnull (strstr (help.out, "--list-helplines"));
}

static gboolean
locale_is_installed (const char *name)
{
  locale_t locale = newlocale (LC_ALL_MASK, name, (locale_t) 0);

  if (locale == (locale_t) 0)
    return FALSE;

  freelocale (locale);
  return TRUE;
}

/* The helplines on the command line: no display, no journal, one country. */
static void
test_list_helplines (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(Run) france = { 0 };
  g_auto(Run) lower = { 0 };
  g_auto(Run) region = { 0 };
  g_auto(Run) from_lang = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) two = { 0 };
  g_auto(Run) stray = { 0 };

  run_tend (fixture, &france, "--list-helplines", "FR", NULL);
  g_assert_cmpint (france.status, ==, 0);
  g_assert_cmpstr (france.err, ==, "");
  g_assert_true (g_str_has_prefix (france.out, "France\n\nEmergency: 15 (Ambulance), 112 (All "
                                                "emergency services)\n"));
  g_assert_nonnull (strstr (france.out, "\n  Call: 3114\n"));
  g_assert_nonnull (strstr (france.out, "Last checked on December 7, 2026, against "));
  g_assert_nonnull (strstr (france.out, "call your emergency number.\n"));
  g_assert_true (g_str_has_suffix (france.out, "\nTend’s list of helplines was last reviewed on "
                                   "December 7, 2026.\n"));

  run_tend (fixture, &lower, "--list-helplines", "fr", NULL);
  g_assert_cmpint (lower.status, ==, 0);
  g_assert_cmpstr (lower.out, ==, france.out);

  /* The C locale names no country: every number Tend knows, with where it applies. */
  run_tend (fixture, &region, "--list-helplines", NULL);
  g_assert_cmpint (region.status, ==, 0);
  g_assert_true (g_str_has_prefix (region.out, "Other Countries\n\nThe emergency number is "));
  g_assert_nonnull (strstr (region.out, "\n  112: Belgium, "));

  /* From the region of LANG. GTK refuses a locale the C library lacks, so this needs one
   * that is installed: build-aux/dev's build root has en_US.UTF-8. */
  if (locale_is_installed ("en_US.UTF-8"))
    {
      fixture->lang = "en_US.UTF-8";
      run_tend (fixture, &from_lang, "--list-helplines", NULL);
      fixture->lang = NULL;
      g_assert_cmpint (from_lang.status, ==, 0);
      g_assert_true (g_str_has_prefix (from_lang.out, "United States\n\nEmergency: 911 "));
      g_assert_nonnull (strstr (from_lang.out, "\n  Text: 741741\n"));
    }
  else
    g_test_message ("en_US.UTF-8 is not installed: not trying the region of LANG");

  run_tend (fixture, &unknown, "--list-helplines", "XX", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_cmpstr (unknown.out, ==, "");
  g_assert_true (g_str_has_prefix (unknown.err, "tend: Tend has no helplines for “XX”. Give one "
                                                "of: AE, AU, BE, "));

  run_tend (fixture, &two, "--list-helplines", "FR", "DE", NULL);
  g_assert_cmpint (two.status, ==, 2);
  g_assert_cmpstr (two.err, ==, "tend: Give --list-helplines one country at most.\n");

  run_tend (fixture, &stray, "FR", NULL);
  g_assert_cmpint (stray.status, ==, 2);
  g_assert_cmpstr (stray.err, ==, "tend: Tend does not take “FR”; see tend --help.\n");
}

/* A damaged journal: the command line says so in one line, exits 1, and leaves the file
 * where it is, unchanged, for the window to recover from (it used to move it aside, and the
 * next run made a new, empty journal without a word). */
static void
test_damaged_journal (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *daylio = data_path ("daylio.csv");
  g_autofree char *journal = g_build_filename (fixture->home, "tend", "journal.db", NULL);
  g_autofree char *folder = g_path_get_dirname (journal);
  g_autofree char *contents = NULL;
  g_autofree char *after = NULL;
  gsize length = 0, after_length = 0;
  g_auto(Run) import = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) import_again = { 0 };
  const char *message = "tend: Your journal file is damaged, so Tend cannot read it. It has not "
                        "been changed: open Tend to restore a backup or start a new journal.\n";

  run_tend (fixture, &import, "--import", daylio, NULL);
  g_assert_cmpint (import.status, ==, 0);

  g_assert_true (g_file_get_contents (journal, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  g_assert_true (g_file_set_contents (journal, contents, length / 2, NULL));

  run_tend (fixture, &export, "--export", "journal.json", NULL);
  g_assert_cmpint (export.status, ==, 1);
  g_assert_cmpstr (export.out, ==, "");
  g_assert_cmpstr (export.err, ==, message);

  /* Still damaged the next time: nothing was put in its place */
  run_tend (fixture, &again, "--export", "journal.json", NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_cmpstr (again.err, ==, message);
  run_tend (fixture, &import_again, "--import", daylio, NULL);
  g_assert_cmpint (import_again.status, ==, 1);
  g_assert_cmpstr (import_again.err, ==, message);

  g_assert_true (g_file_get_contents (journal, &after, &after_length, NULL));
  g_assert_cmpuint (after_length, ==, length / 2);
  g_assert_true (memcmp (after, contents, after_length) == 0);
  {
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, "journal.db.damaged"));
  }
}

#define add_test(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add_test ("/cli/import-export", test_import_export);
  add_test ("/cli/bad-file", test_bad_file);
  add_test ("/cli/damaged-journal", test_damaged_journal);
  add_test ("/cli/usage", test_usage);
  add_test ("/cli/list-helplines", test_list_helplines);

  return g_test_run ();
}
