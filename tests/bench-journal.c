/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <gio/gio.h>
#include <stdlib.h>

#include "bench-journal-data.h"
#include "tend-entry-row.h"
#include "tend-journal-page.h"
#include "tend-test-utils.h"
#include "tend-window.h"

/* The journal benchmark, run by "build-aux/dev bench":
 *
 *   bench-journal CACHE_DIR
 *
 * On a journal of 100,000 check-ins over ten years (generated once into CACHE_DIR and
 * copied for each run, so runs start equal), it measures the time to the first frame of
 * the Journal page with rows (the median of several windows, opened on the page or
 * switched to it), search latency, save latency and resident memory. It prints a table,
 * then lines of name=value for scripts. */

#define N_ENTRIES TEND_BENCH_N_ENTRIES
#define N_SAVES   200
#define N_ROUNDS  5
#define ROWS_READ 20  /* what a window shows of a result at once */
#define N_WINDOWS 7   /* windows opened for each figure of the first frames */

static const char * const queries[] = {
  "walk", "coffee", "été", "ete", "travail", "sleep", "anx", "river sam", "mum",
  "tired", "a", "the", "meeting report", "calme", "عمل", "نمت", "grateful", "work",
  "rain", "zzzz", "balcon", "promenade rivière",
};

/* Measuring ------------------------------------------------------------------------------ */

static double
rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmRSS:");
  if (line == NULL)
    return 0;
  return g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024.0;
}

static gboolean
has_rows (GtkWidget *widget)
{
  if (TEND_IS_ENTRY_ROW (widget) && gtk_widget_get_mapped (widget) &&
      tend_entry_row_get_entry (TEND_ENTRY_ROW (widget)) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_rows (child))
      return TRUE;

  return FALSE;
}

/* The Journal page's list of check-ins (other list views are in popovers). */
static GtkListView *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    {
      GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (widget));

      if (GTK_IS_NO_SELECTION (model) &&
          g_list_model_get_item_type (gtk_no_selection_get_model (GTK_NO_SELECTION (model))) == TEND_TYPE_ENTRY)
        return GTK_LIST_VIEW (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListView *found = find_list_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Frames of a window, from a start: the first frame drawn, the first with rows, and the
 * first with every entry in the list view's model (a long list is shown a few rows a
 * frame after the first). */
typedef struct
{
  GtkWidget *window;
  guint      n_entries;
  gint64     started;
  gint64     any_frame;
  gint64     first_rows;
  gint64     all_rows;
} Frames;

static void
after_paint_cb (GdkFrameClock *clock,
                Frames        *frames)
{
  gint64 now = g_get_monotonic_time ();
  GtkListView *list_view;

  if (frames->started == 0)
    return;
  if (frames->any_frame == 0)
    frames->any_frame = now;
  if (frames->first_rows == 0 && has_rows (frames->window))
    frames->first_rows = now;
  list_view = find_list_view (frames->window);
  if (frames->first_rows != 0 && frames->all_rows == 0 && list_view != NULL &&
      gtk_widget_get_mapped (GTK_WIDGET (list_view)) &&
      g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list_view))) == frames->n_entries)
    frames->all_rows = now;
}

static void
window_realized_cb (GtkWidget *window,
                    Frames    *frames)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), frames);
}

static void
wait_for (gint64 *when)
{
  while (*when == 0)
    g_main_context_iteration (NULL, TRUE);
}

/* Opens a new window on @page and waits for it to draw its rows. */
static GtkWidget *
open_window (TendContext *context,
             const char  *page,
             Frames      *frames)
{
  memset (frames, 0, sizeof *frames);
  frames->n_entries = g_list_model_get_n_items (G_LIST_MODEL (tend_journal_get_entries (tend_context_get_journal (context))));
  frames->started = g_get_monotonic_time ();
  frames->window = GTK_WIDGET (tend_window_new (NULL, context));
  g_signal_connect (frames->window, "realize", G_CALLBACK (window_realized_cb), frames);
  tend_window_show_page (TEND_WINDOW (frames->window), page);
  gtk_window_present (GTK_WINDOW (frames->window));
  wait_for (&frames->any_frame);

  return frames->window;
}

static void
close_window (GtkWidget *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static double
ms_since (gint64 started,
          gint64 when)
{
  return (when - started) / 1000.0;
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

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache_dir = NULL;
  g_autofree char *cached_db = NULL;
  g_autofree char *work_dir = NULL;
  g_autofree char *work_db = NULL;
  g_autoptr(TendContext) context = NULL;
  g_autoptr(GArray) search_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) save_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GArray) empty_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first_rows_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) all_rows_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) switch_ms = g_array_new (FALSE, FALSE, sizeof (double));
  Frames frames = { 0 };
  TendJournal *journal;
  double first_window_ms = 0, open_ms, rss, search_p50, search_p95, save_p50, save_p95;
  double rows_p50, rows_max;
  gint64 started;

  if (argc != 2)
    {
      g_printerr ("usage: bench-journal CACHE_DIR\n");
      return EXIT_FAILURE;
    }

  gtk_init ();
  adw_init ();

  cache_dir = g_build_filename (argv[1], "journal-100k", NULL);
  cached_db = g_build_filename (cache_dir, "journal.db", NULL);
  if (!g_file_test (cached_db, G_FILE_TEST_EXISTS))
    tend_bench_generate_journal (cache_dir);

  work_dir = g_dir_make_tmp ("tend-bench-XXXXXX", &error);
  g_assert_no_error (error);
  work_db = g_build_filename (work_dir, "journal.db", NULL);
  if (!copy_file (cached_db, work_db, &error))
    g_error ("%s", error->message);

  /* The same window on an empty journal, for comparison: what GTK itself costs. The first
   * window of the process also pays for loading fonts, icons and the renderer. */
  {
    g_autofree char *empty_dir = g_build_filename (work_dir, "empty", NULL);
    g_autoptr(TendContext) empty = tend_context_new (empty_dir, NULL);

    if (!tend_context_open (empty, &error))
      g_error ("%s", error->message);
    for (guint i = 0; i < N_WINDOWS; i++)
      {
        GtkWidget *window = open_window (empty, "journal", &frames);
        double ms = ms_since (frames.started, frames.any_frame);

        if (i == 0)
          first_window_ms = ms;
        else
          g_array_append_val (empty_ms, ms);
        close_window (window);
      }
  }

  /* Opening the journal: reads the list of ids and times, not the entries */
  started = g_get_monotonic_time ();
  context = tend_context_new (work_dir, NULL);
  if (!tend_context_open (context, &error))
    g_error ("%s", error->message);
  open_ms = (g_get_monotonic_time () - started) / 1000.0;
  journal = tend_context_get_journal (context);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tend_journal_get_entries (journal))),
                    ==, N_ENTRIES);

  /* A new window opened on the Journal page: its first frame with rows, and the frame
   * with every entry in the list */
  for (guint i = 0; i < N_WINDOWS; i++)
    {
      GtkWidget *window = open_window (context, "journal", &frames);
      double ms;

      wait_for (&frames.first_rows);
      ms = ms_since (frames.started, frames.first_rows);
      g_array_append_val (first_rows_ms, ms);
      wait_for (&frames.all_rows);
      ms = ms_since (frames.started, frames.all_rows);
      g_array_append_val (all_rows_ms, ms);
      close_window (window);
    }

  /* A window open on the Today page, switched to the Journal page */
  for (guint i = 0; i < N_WINDOWS; i++)
    {
      GtkWidget *window = open_window (context, "today", &frames);
      double ms;

      frames.started = g_get_monotonic_time ();
      frames.any_frame = frames.first_rows = frames.all_rows = 0;
      tend_window_show_page (TEND_WINDOW (window), "journal");
      wait_for (&frames.first_rows);
      ms = ms_since (frames.started, frames.first_rows);
      g_array_append_val (switch_ms, ms);
      if (i + 1 < N_WINDOWS)
        close_window (window);
    }
  rss = rss_mb ();

  /* Search: the query, and the rows a window shows of its result */
  for (guint round = 0; round <= N_ROUNDS; round++)
    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        g_autoptr(TendFilter) filter = tend_filter_new ();
        g_autoptr(TendEntryList) list = NULL;
        double ms;

        tend_filter_set_text (filter, queries[i]);
        started = g_get_monotonic_time ();
        list = tend_journal_query (journal, filter, &error);
        g_assert_no_error (error);
        for (guint row = 0; row < ROWS_READ && row < g_list_model_get_n_items (G_LIST_MODEL (list)); row++)
          g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), row));
        ms = (g_get_monotonic_time () - started) / 1000.0;

        if (round == 0)
          continue;  /* warming the caches */
        g_array_append_val (search_ms, ms);
        if (round == 1)
          g_print ("  search %-22s %8u entries %8.2f ms\n", queries[i],
                   g_list_model_get_n_items (G_LIST_MODEL (list)), ms);
      }

  /* Saving, with the window showing the journal and one search open */
  {
    g_autoptr(TendFilter) filter = tend_filter_new ();
    g_autoptr(TendEntryList) open_search = NULL;

    tend_filter_set_text (filter, "walk");
    open_search = tend_journal_query (journal, filter, &error);
    g_assert_no_error (error);

    for (guint i = 0; i < N_SAVES; i++)
      {
        g_autoptr(TendEntry) entry = tend_bench_make_entry (rand, i, TEND_BENCH_END, 60);
        double ms;

        started = g_get_monotonic_time ();
        if (!tend_journal_add (journal, entry, &error))
          g_error ("%s", error->message);
        ms = (g_get_monotonic_time () - started) / 1000.0;
        g_array_append_val (save_ms, ms);
      }
  }

  rows_p50 = tend_test_percentile (first_rows_ms, 0.5);
  rows_max = tend_test_percentile (first_rows_ms, 1.0);
  search_p50 = tend_test_percentile (search_ms, 0.5);
  search_p95 = tend_test_percentile (search_ms, 0.95);
  save_p50 = tend_test_percentile (save_ms, 0.5);
  save_p95 = tend_test_percentile (save_ms, 0.95);

  g_print ("\n");
  g_print ("  %-38s %10s %10s\n", "measure", "value", "target");
  g_print ("  %-38s %10.1f %10s\n", "first window of the process (ms)", first_window_ms, "");
  g_print ("  %-38s %10.1f %10s\n", "new window, empty journal (ms)", tend_test_percentile (empty_ms, 0.5), "");
  g_print ("  %-38s %10.1f %10s\n", "open the journal (ms)", open_ms, "");
  g_print ("  %-38s %10.1f %10s\n", "new window, first rows (ms)", rows_p50, "< 100");
  g_print ("  %-38s %10.1f %10s\n", "new window, first rows, slowest (ms)", rows_max, "");
  g_print ("  %-38s %10.1f %10s\n", "new window, all 200 rows (ms)", tend_test_percentile (all_rows_ms, 0.5), "");
  g_print ("  %-38s %10.1f %10s\n", "Today to Journal, first rows (ms)", tend_test_percentile (switch_ms, 0.5), "");
  g_print ("  %-38s %10.2f %10s\n", "search median (ms)", search_p50, "");
  g_print ("  %-38s %10.2f %10s\n", "search p95 (ms)", search_p95, "< 10");
  g_print ("  %-38s %10.2f %10s\n", "save median (ms)", save_p50, "");
  g_print ("  %-38s %10.2f %10s\n", "save p95 (ms)", save_p95, "< 5");
  g_print ("  %-38s %10.1f %10s\n", "resident memory, Journal shown (MB)", rss, "");
  g_print ("\n");
  g_print ("journal_first_rows_ms=%.1f\n", rows_p50);
  g_print ("journal_switch_rows_ms=%.1f\n", tend_test_percentile (switch_ms, 0.5));
  g_print ("search_p50_ms=%.2f\n", search_p50);
  g_print ("search_p95_ms=%.2f\n", search_p95);
  g_print ("save_p95_ms=%.2f\n", save_p95);
  g_print ("journal_rss_mb=%.1f\n", rss);

  close_window (frames.window);
  g_clear_object (&context);
  g_spawn_sync (NULL, (char *[]) { "rm", "-rf", "--one-file-system", work_dir, NULL }, NULL,
                G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);

  return EXIT_SUCCESS;
}
