/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <stdlib.h>

#include "tend-care-check.h"

/* care-check-eval: how well the care check does on a labelled corpus.
 *
 *   care-check-eval [--check] [--show-misses] FILE
 *
 * FILE has one sentence a line, "LABEL<TAB>LANG<TAB>TEXT": LABEL 1 when the card should
 * show, 0 when it should not. Prints, for each language in the order first seen and then
 * for all, "LANG recall=R false_alarm=F (n=N)"; the last two lines are "recall=R" and
 * "false_alarm=F" for all. With --check it exits 1 when a language is below the targets
 * (recall of at least 0.95, false alarms of at most 0.03). --show-misses prints each
 * sentence it gets wrong, for whoever tunes the lists; nothing is printed otherwise. */

#define TARGET_RECALL      0.95
#define TARGET_FALSE_ALARM 0.03

typedef struct
{
  char  *language;
  guint  true_positive;
  guint  false_negative;
  guint  false_positive;
  guint  true_negative;
} Tally;

static double
recall (const Tally *tally)
{
  guint positives = tally->true_positive + tally->false_negative;

  return positives > 0 ? (double) tally->true_positive / positives : 1.0;
}

static double
false_alarm (const Tally *tally)
{
  guint negatives = tally->false_positive + tally->true_negative;

  return negatives > 0 ? (double) tally->false_positive / negatives : 0.0;
}

static void
tally_free (Tally *tally)
{
  g_free (tally->language);
  g_free (tally);
}

int
main (int   argc,
      char *argv[])
{
  gboolean check = FALSE, show_misses = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) tallies = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  Tally all = { 0 };
  gboolean below = FALSE;
  const GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_NONE, &check, "Exit 1 below the targets", NULL },
    { "show-misses", 0, 0, G_OPTION_ARG_NONE, &show_misses, "Print each sentence missed", NULL },
    G_OPTION_ENTRY_NULL
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("FILE");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("care-check-eval: %s\n", error != NULL ? error->message : "give one FILE");
      return 2;
    }

  if (!g_file_get_contents (argv[1], &contents, NULL, &error))
    {
      g_printerr ("care-check-eval: %s\n", error->message);
      return 2;
    }

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      Tally *tally = NULL;
      gboolean wanted, shown;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      fields = g_strsplit (lines[i], "\t", 3);
      if (g_strv_length (fields) != 3 || (!g_str_equal (fields[0], "0") &&
                                          !g_str_equal (fields[0], "1")))
        {
          g_printerr ("care-check-eval: %s:%u: not LABEL<TAB>LANG<TAB>TEXT\n", argv[1], i + 1);
          return 2;
        }

      for (guint j = 0; j < tallies->len && tally == NULL; j++)
        if (g_str_equal (((Tally *) g_ptr_array_index (tallies, j))->language, fields[1]))
          tally = g_ptr_array_index (tallies, j);
      if (tally == NULL)
        {
          tally = g_new0 (Tally, 1);
          tally->language = g_strdup (fields[1]);
          g_ptr_array_add (tallies, tally);
        }

      wanted = g_str_equal (fields[0], "1");
      shown = tend_care_check_matches (fields[2]);
      if (wanted && shown)
        tally->true_positive++, all.true_positive++;
      else if (wanted)
        tally->false_negative++, all.false_negative++;
      else if (shown)
        tally->false_positive++, all.false_positive++;
      else
        tally->true_negative++, all.true_negative++;

      if (show_misses && wanted != shown)
        g_printerr ("%s %s: %s\n", wanted ? "missed" : "false alarm", fields[1], fields[2]);
    }

  for (guint i = 0; i < tallies->len; i++)
    {
      const Tally *tally = g_ptr_array_index (tallies, i);

      g_print ("%s recall=%.3f false_alarm=%.3f (n=%u)\n", tally->language, recall (tally),
               false_alarm (tally), tally->true_positive + tally->false_negative +
               tally->false_positive + tally->true_negative);
      below |= recall (tally) < TARGET_RECALL || false_alarm (tally) > TARGET_FALSE_ALARM;
    }
  g_print ("recall=%.3f\nfalse_alarm=%.3f\n", recall (&all), false_alarm (&all));

  if (check && below)
    {
      g_printerr ("care-check-eval: below the targets (recall >= %.2f and false alarms <= "
                  "%.2f in each language)\n", TARGET_RECALL, TARGET_FALSE_ALARM);
      return 1;
    }

  return 0;
}
