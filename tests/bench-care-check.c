/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>

#include "tend-care-check.h"
#include "tend-test-utils.h"

/* The care check's benchmark, run by "build-aux/dev bench":
 *
 *   bench-care-check
 *
 * Checks a megabyte of everyday English, French and Arabic journal text (no phrase in it,
 * so every word is compared to the end), and the same with one phrase at its very end, 21
 * times each; prints the median, then lines of name=value for scripts: care_check_ms (the
 * median over the mixed megabyte, the target is under 50 ms) and care_check_ar_ms (a
 * megabyte of Arabic alone). */

#define N_RUNS 21

static const char everyday[] =
  "Long day at work, but the walk home by the river helped. Called my sister. "
  "Journée chargée, mais le dîner avec les enfants m’a remis d’aplomb. "
  "الجو حار اليوم، لكن القهوة مع صديقتي كانت جميلة. ";

static const char everyday_ar[] =
  "ذهبت إلى السوق صباحًا، ثم قرأت قليلًا قبل النوم، وكان يومًا هادئًا. ";

static double
median_ms (const char *text)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < N_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      (void) tend_care_check_matches (text);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (samples, ms);
    }

  return tend_test_percentile (samples, 0.5);
}

static char *
repeat_to_megabyte (const char *piece,
                    const char *ending)
{
  GString *text = g_string_new (NULL);

  while (text->len < 1024 * 1024)
    g_string_append (text, piece);
  if (ending != NULL)
    g_string_append (text, ending);

  return g_string_free (text, FALSE);
}

int
main (void)
{
  g_autofree char *mixed = repeat_to_megabyte (everyday, NULL);
  g_autofree char *arabic = repeat_to_megabyte (everyday_ar, NULL);
  g_autofree char *at_end = repeat_to_megabyte (everyday, " I want to die.");
  double mixed_ms, arabic_ms, end_ms;

  /* The lists are built on first use; that is not what is measured. */
  g_assert_false (tend_care_check_matches ("warm up"));
  g_assert_false (tend_care_check_matches (mixed));
  g_assert_true (tend_care_check_matches (at_end));

  mixed_ms = median_ms (mixed);
  arabic_ms = median_ms (arabic);
  end_ms = median_ms (at_end);

  g_print ("Care check, median of %d runs over 1 MiB\n", N_RUNS);
  g_print ("  en, fr and ar, nothing found   %7.1f ms\n", mixed_ms);
  g_print ("  ar alone, nothing found        %7.1f ms\n", arabic_ms);
  g_print ("  a phrase at the very end       %7.1f ms\n", end_ms);
  g_print ("care_check_ms=%.1f\n", mixed_ms);
  g_print ("care_check_ar_ms=%.1f\n", arabic_ms);
  return 0;
}
