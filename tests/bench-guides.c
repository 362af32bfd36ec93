/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>

#include "tend-guide-library.h"

/* The guides benchmark, run by "build-aux/dev bench" after the journal's:
 *
 *   bench-guides [FOLDER]
 *
 * Over the guides built into Tend (or the test fixtures, while none is listed; or the guides
 * in FOLDER), it measures
 * reading the library, the first search (which indexes every guide) and search as you type:
 * each query typed a letter at a time, as the Guides page and GNOME Shell search. It prints
 * a table, then lines of name=value for scripts. */

#define N_ROUNDS 5

static const char * const queries[] = {
  "stress", "sleep", "breathing", "worry", "anxious", "talk to someone", "money", "grief",
  "alcohol", "children screens", "lonely", "panic", "help", "feel", "a", "the", "zzzz",
  "été", "sommeil", "نوم",
};

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *times,
            double  fraction)
{
  guint position;

  g_array_sort (times, compare_doubles);
  position = (guint) (fraction * (times->len - 1) + 0.5);
  return g_array_index (times, double, position);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static TendGuideLibrary *
open_library (const char  *folder,
              const char **where)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TendGuideLibrary) library = NULL;

  if (folder != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (folder);

      library = tend_guide_library_new_for_directory (file, &error);
      if (library == NULL)
        g_error ("%s", error->message);
      *where = folder;
      return g_steal_pointer (&library);
    }

  library = tend_guide_library_new (&error);
  if (library == NULL)
    g_error ("%s", error->message);
  *where = "the built-in guides";

  if (g_list_model_get_n_items (tend_guide_library_get_guides (library)) == 0)
    {
      g_autoptr(GFile) fixtures = g_file_new_for_path (GUIDE_FIXTURES_DIR);

      g_clear_object (&library);
      library = tend_guide_library_new_for_directory (fixtures, &error);
      if (library == NULL)
        g_error ("%s", error->message);
      *where = "the test fixtures (no guide is listed yet)";
    }

  return g_steal_pointer (&library);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TendGuideLibrary) library = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = NULL;
  const char *where = NULL;
  double load_ms, first_ms, p50, p95, slowest;
  guint n_guides;
  gint64 start;

  start = g_get_monotonic_time ();
  library = open_library (argc > 1 ? argv[1] : NULL, &where);
  load_ms = ms_since (start);
  n_guides = g_list_model_get_n_items (tend_guide_library_get_guides (library));

  start = g_get_monotonic_time ();
  first = tend_guide_library_search (library, "stress", &error);
  first_ms = ms_since (start);
  if (first == NULL)
    g_error ("%s", error->message);

  for (guint round = 0; round < N_ROUNDS; round++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        const char *query = queries[q];

        /* Each prefix, as the words are typed. */
        for (const char *end = g_utf8_next_char (query);; end = g_utf8_next_char (end))
          {
            g_autofree char *typed = g_strndup (query, end - query);
            g_autoptr(GPtrArray) matches = NULL;

            double elapsed;

            start = g_get_monotonic_time ();
            matches = tend_guide_library_search (library, typed, &error);
            elapsed = ms_since (start);
            g_array_append_val (times, elapsed);
            if (matches == NULL)
              g_error ("%s", error->message);

            if (*end == '\0')
              break;
          }
      }

  p50 = percentile (times, 0.50);
  p95 = percentile (times, 0.95);
  slowest = g_array_index (times, double, times->len - 1);

  g_print ("\nGuides: %u, from %s\n", n_guides, where);
  g_print ("%-40s %8.2f ms\n", "read and translate every guide", load_ms);
  g_print ("%-40s %8.2f ms\n", "first search (builds the index)", first_ms);
  g_print ("%-40s %8.3f ms\n", "search median", p50);
  g_print ("%-40s %8.3f ms\n", "search p95", p95);
  g_print ("%-40s %8.3f ms\n", "search slowest", slowest);
  g_print ("(%u searches: %zu queries typed a letter at a time, %d rounds)\n\n", times->len,
           G_N_ELEMENTS (queries), N_ROUNDS);

  g_print ("guides_count=%u\n", n_guides);
  g_print ("guides_load_ms=%.2f\n", load_ms);
  g_print ("guides_first_search_ms=%.2f\n", first_ms);
  g_print ("guides_search_p50_ms=%.3f\n", p50);
  g_print ("guides_search_p95_ms=%.3f\n", p95);

  return 0;
}
