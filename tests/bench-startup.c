/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-journal-data.h"
#include "tend-context.h"
#include "tend-test-utils.h"

/* The startup benchmark, run by "build-aux/dev bench startup":
 *
 *   bench-startup [--runs N] FLOOR TEND CACHE_DIR
 *
 * It starts FLOOR (tests/bench-floor.c, a bare libadwaita window) and TEND alternately, N
 * times each (15 by default) on each of two journals: an empty one and one of ten years
 * (about 3 check-ins a day with notes, tags and emotions, and ten years of screen time),
 * generated once into CACHE_DIR. Each start gets fresh XDG folders with a copy of the
 * journal. build-aux/dev runs it under one Xvfb and one private session bus, as a desktop
 * has.
 *
 * Time: from just before the spawn to the first frame of the main window, which both
 * programs report on the fd named by TEND_BENCH_FIRST_FRAME_FD. Memory: VmRSS once it
 * settles (polled every 100 ms after the first frame until it moves less than 1% in a
 * second, 10 s at most). Then the program gets SIGTERM.
 *
 * It prints a table (median, min, max), then name=value lines, the last four for the
 * ten-year journal. It exits non-zero when the harness fails, never on the targets. */

#define N_RUNS_DEFAULT     15
#define N_YEARS            10
#define N_ENTRIES          (N_YEARS * 365 * 3)  /* about 3 check-ins a day */
#define FIRST_FRAME_FD     3
#define FIRST_FRAME_WAIT_S 60
#define RSS_POLL_MS        100
#define RSS_SETTLE_MS      1000
#define RSS_WAIT_MS        10000

typedef enum {
  PROGRAM_FLOOR,
  PROGRAM_TEND,
  N_PROGRAMS,
} Program;

typedef struct
{
  const char *name;
  const char *title;
  char       *journal;  /* a journal.db to copy, or NULL for none */
  GArray     *ms[N_PROGRAMS];
  GArray     *rss_mb[N_PROGRAMS];
} Scenario;

static const char *program_names[N_PROGRAMS] = { "floor", "Tend" };

static int
read_rss_kb (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  if (line == NULL)
    return -1;
  return (int) g_ascii_strtoll (line + strlen ("VmRSS:"), NULL, 10);
}

/* VmRSS once it moves less than 1% over a second, or after RSS_WAIT_MS. */
static int
settled_rss_kb (GPid pid)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (int));
  guint window = RSS_SETTLE_MS / RSS_POLL_MS + 1;  /* samples spanning a second */

  for (guint waited = 0; waited <= RSS_WAIT_MS; waited += RSS_POLL_MS)
    {
      int kb = read_rss_kb (pid);
      int low = G_MAXINT, high = 0;

      if (kb < 0)
        return -1;
      g_array_append_val (samples, kb);

      if (samples->len >= window)
        {
          for (guint i = samples->len - window; i < samples->len; i++)
            {
              low = MIN (low, g_array_index (samples, int, i));
              high = MAX (high, g_array_index (samples, int, i));
            }
          if ((high - low) * 100 < kb)
            return kb;
        }

      g_usleep (RSS_POLL_MS * 1000);
    }

  return g_array_index (samples, int, samples->len - 1);
}

/* Waits up to @seconds for @fd to give a line; returns the number on it, or -1. */
static gint64
read_first_frame (int fd,
                  int seconds)
{
  char buffer[64];
  gsize length = 0;
  gint64 deadline = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;

  while (length < sizeof buffer - 1)
    {
      struct pollfd pfd = { fd, POLLIN, 0 };
      gint64 left = (deadline - g_get_monotonic_time ()) / 1000;
      ssize_t n;
      int ready;

      if (left <= 0)
        return -1;
      ready = poll (&pfd, 1, (int) left);
      if (ready < 0 && errno == EINTR)
        continue;
      if (ready <= 0)
        return -1;

      n = read (fd, buffer + length, sizeof buffer - 1 - length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      length += n;
      if (memchr (buffer, '\n', length) != NULL)
        break;
    }

  buffer[length] = '\0';
  if (length == 0 || strchr (buffer, '\n') == NULL)
    return -1;
  return g_ascii_strtoll (buffer, NULL, 10);
}

static void
stop (GPid pid)
{
  int status;

  kill (pid, SIGTERM);
  for (guint i = 0; i < 500; i++)
    {
      if (waitpid (pid, &status, WNOHANG) == pid)
        return;
      g_usleep (10 * 1000);
    }
  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);
}

static void
remove_tree (const char *path)
{
  g_spawn_sync (NULL, (char *[]) { "rm", "-rf", "--one-file-system", (char *) path, NULL },
                NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) destination = g_file_new_for_path (to);

  return g_file_copy (source, destination, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

/* One start of @program on a copy of @journal: the time to its first frame, and its memory
 * once settled. */
static gboolean
launch (const char  *program,
        const char  *journal,
        double      *ms,
        double      *rss_mb,
        GError     **error)
{
  g_autofree char *home = NULL;
  g_autofree char *data_dir = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *fd_text = g_strdup_printf ("%d", FIRST_FRAME_FD);
  const char *argv[] = { program, NULL };
  static const char * const folders[] = { "data", "config", "cache", "state" };
  static const char * const variables[] = {
    "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
  };
  int fds[2];
  GPid pid;
  gint64 started, first_frame;
  int kb;

  home = g_dir_make_tmp ("tend-startup-XXXXXX", error);
  if (home == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *folder = g_build_filename (home, folders[i], NULL);

      g_mkdir_with_parents (folder, 0700);
      envp = g_environ_setenv (envp, variables[i], folder, TRUE);
    }

  data_dir = g_build_filename (home, "data", "tend", NULL);
  g_mkdir_with_parents (data_dir, 0700);
  if (journal != NULL)
    {
      g_autofree char *db = g_build_filename (data_dir, "journal.db", NULL);

      if (!copy_file (journal, db, error))
        {
          remove_tree (home);
          return FALSE;
        }
    }

  envp = g_environ_setenv (envp, "TEND_BENCH_FIRST_FRAME_FD", fd_text, TRUE);
  envp = g_environ_setenv (envp, "GTK_A11Y", "none", TRUE);
  envp = g_environ_setenv (envp, "NO_AT_BRIDGE", "1", TRUE);
  envp = g_environ_setenv (envp, "GDK_DEBUG", "no-portals", TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);

  if (!g_unix_open_pipe (fds, O_CLOEXEC, error))
    {
      remove_tree (home);
      return FALSE;
    }

  started = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes_and_fds (NULL, argv, (const char * const *) envp,
                                         G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                         -1, -1, -1, &fds[1], (int[]) { FIRST_FRAME_FD }, 1,
                                         &pid, NULL, NULL, NULL, error))
    {
      g_close (fds[0], NULL);
      g_close (fds[1], NULL);
      remove_tree (home);
      return FALSE;
    }
  g_close (fds[1], NULL);

  first_frame = read_first_frame (fds[0], FIRST_FRAME_WAIT_S);
  g_close (fds[0], NULL);
  kb = first_frame > 0 ? settled_rss_kb (pid) : -1;
  stop (pid);
  remove_tree (home);

  if (first_frame <= 0 || kb < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "%s gave no first frame within %d s, or ended before its memory settled",
                   program, FIRST_FRAME_WAIT_S);
      return FALSE;
    }

  *ms = (first_frame - started) / 1000.0;
  *rss_mb = kb / 1024.0;
  return TRUE;
}

/* The journals, made once into @cache_dir: an empty one (as Tend leaves it on its first
 * start), and ten years of check-ins and screen time. */
static char *
prepare_journal (const char *cache_dir,
                 const char *name,
                 guint       n_entries)
{
  g_autofree char *dir = g_build_filename (cache_dir, name, NULL);
  g_autofree char *db = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *partial = g_strconcat (dir, ".partial", NULL);
  g_autoptr(GError) error = NULL;

  if (g_file_test (db, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&db);

  remove_tree (partial);
  if (n_entries > 0)
    tend_bench_fill_journal (partial, n_entries, N_YEARS);

  {
    g_autoptr(TendContext) context = tend_context_new (partial, NULL);

    if (!tend_context_open (context, &error))
      g_error ("%s", error->message);
    if (n_entries > 0)
      tend_bench_add_usage (tend_context_get_database (context), N_YEARS * 365);
  }

  remove_tree (dir);
  if (g_rename (partial, dir) != 0)
    g_error ("Could not rename %s: %s", partial, g_strerror (errno));
  return g_steal_pointer (&db);
}

static double
median (GArray *samples)
{
  return tend_test_percentile (samples, 0.5);
}

static void
print_row (const char *what,
           GArray     *samples,
           const char *unit)
{
  g_print ("  %-28s %9.1f %9.1f %9.1f  %s\n", what, tend_test_percentile (samples, 0.5),
           tend_test_percentile (samples, 0.0), tend_test_percentile (samples, 1.0), unit);
}

static double
load_average (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return -1;
  return g_ascii_strtod (text, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *size = NULL;
  int n_runs = N_RUNS_DEFAULT;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Starts of each program on each journal", "N" },
    { NULL }
  };
  Scenario scenarios[] = {
    { "empty", "empty journal", NULL, },
    { "ten-years", "10-year journal", NULL, },
  };
  const char *programs[N_PROGRAMS];
  GStatBuf info;

  setlocale (LC_ALL, "");
  options = g_option_context_new ("FLOOR TEND CACHE_DIR");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error) || argc != 4 || n_runs < 1)
    {
      g_printerr ("usage: bench-startup [--runs N] FLOOR TEND CACHE_DIR\n");
      return EXIT_FAILURE;
    }
  programs[PROGRAM_FLOOR] = argv[1];
  programs[PROGRAM_TEND] = argv[2];

  scenarios[0].journal = prepare_journal (argv[3], "startup-empty", 0);
  scenarios[1].journal = prepare_journal (argv[3], "startup-10y", N_ENTRIES);
  for (guint s = 0; s < G_N_ELEMENTS (scenarios); s++)
    for (guint p = 0; p < N_PROGRAMS; p++)
      {
        scenarios[s].ms[p] = g_array_new (FALSE, FALSE, sizeof (double));
        scenarios[s].rss_mb[p] = g_array_new (FALSE, FALSE, sizeof (double));
      }

  g_stat (scenarios[1].journal, &info);
  size = g_format_size (info.st_size);
  g_print ("Startup: floor %s against Tend %s, %d starts each on each journal, alternating\n",
           programs[PROGRAM_FLOOR], programs[PROGRAM_TEND], n_runs);
  g_print ("  10-year journal: %d check-ins, %d days of screen time, %s\n",
           N_ENTRIES, N_YEARS * 365, size);
  g_print ("  GSK_RENDERER=%s, load average %.2f at the start\n",
           g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "(GTK's choice)",
           load_average ());

  /* One start of each first, not counted: it fills the page cache. Then pairs, the order
   * swapped each round so neither program always goes first. */
  for (int run = -1; run < n_runs; run++)
    for (guint s = 0; s < G_N_ELEMENTS (scenarios); s++)
      for (guint k = 0; k < N_PROGRAMS; k++)
        {
          Program p = (run >= 0 && run % 2 == 1) ? N_PROGRAMS - 1 - k : k;
          const char *journal = p == PROGRAM_TEND ? scenarios[s].journal : NULL;
          double ms, rss;

          if (!launch (programs[p], journal, &ms, &rss, &error))
            {
              g_printerr ("bench-startup: %s\n", error->message);
              return EXIT_FAILURE;
            }
          if (run < 0)
            continue;
          g_array_append_val (scenarios[s].ms[p], ms);
          g_array_append_val (scenarios[s].rss_mb[p], rss);
          g_print ("  run %2d %-10s %-6s %8.1f ms %7.1f MB\n", run + 1, scenarios[s].name,
                   program_names[p], ms, rss);
        }

  g_print ("\n  %-28s %9s %9s %9s\n", "measure", "median", "min", "max");
  for (guint s = 0; s < G_N_ELEMENTS (scenarios); s++)
    for (guint p = 0; p < N_PROGRAMS; p++)
      {
        g_autofree char *what = g_strdup_printf ("%s, %s", program_names[p], scenarios[s].title);

        print_row (what, scenarios[s].ms[p], "ms to the first frame");
      }
  for (guint s = 0; s < G_N_ELEMENTS (scenarios); s++)
    for (guint p = 0; p < N_PROGRAMS; p++)
      {
        g_autofree char *what = g_strdup_printf ("%s, %s", program_names[p], scenarios[s].title);

        print_row (what, scenarios[s].rss_mb[p], "MB resident, settled");
      }
  g_print ("  load average %.2f at the end\n\n", load_average ());

  for (guint s = 0; s < G_N_ELEMENTS (scenarios); s++)
    {
      double floor_ms = median (scenarios[s].ms[PROGRAM_FLOOR]);
      double tend_ms = median (scenarios[s].ms[PROGRAM_TEND]);
      double delta = median (scenarios[s].rss_mb[PROGRAM_TEND]) -
                     median (scenarios[s].rss_mb[PROGRAM_FLOOR]);
      const char *prefix = s == 0 ? "empty_" : "";

      g_print ("%sstartup_floor_ms=%.1f\n", prefix, floor_ms);
      g_print ("%sstartup_tend_ms=%.1f\n", prefix, tend_ms);
      g_print ("%sstartup_ratio=%.3f\n", prefix, tend_ms / floor_ms);
      g_print ("%srss_delta_mb=%.1f\n", prefix, delta);
    }

  for (guint s = 0; s < G_N_ELEMENTS (scenarios); s++)
    {
      g_free (scenarios[s].journal);
      for (guint p = 0; p < N_PROGRAMS; p++)
        {
          g_array_unref (scenarios[s].ms[p]);
          g_array_unref (scenarios[s].rss_mb[p]);
        }
    }

  return EXIT_SUCCESS;
}
