/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bench-journal-data.h"
#include "tend-context.h"
#include "tend-emotion.h"

/* The journal the benchmarks share: bench-journal and bench-insights generate it once into
 * _build/bench and copy it for each run. */

#define BATCH 5000

static const char * const sentences[] = {
  "Walked by the river with Sam, the light was beautiful.",
  "Long meeting, and the report is late again.",
  "Slept badly; too much coffee in the afternoon.",
  "Called Mum, which helped a little.",
  "Cooked dinner with friends and laughed a lot.",
  "Tired after work, went to bed early.",
  "Rain all day, read a novel on the sofa.",
  "Felt anxious before the interview, then relieved.",
  "A quiet Sunday in the garden.",
  "Ran five kilometres before breakfast.",
  "Une promenade au bord de la rivière, l’été est enfin là.",
  "Réunion interminable au travail, je suis épuisé.",
  "Café sur le balcon avant de commencer la journée.",
  "Dîner chez mes parents, c’était agréable et très calme.",
  "Journée difficile, mais j’ai réussi à me reposer un peu.",
  "Pluie toute la journée ; j’ai lu près de la fenêtre.",
  "نمت جيدًا أخيرًا. قهوة على الشرفة قبل العمل.",
  "اجتماع طويل، والتقرير متأخر مرة أخرى.",
  "مشيت مع صديقي على ضفة النهر.",
  "يوم هادئ في البيت مع العائلة.",
};

static const char * const tag_names[] = {
  "Work", "Family", "Friends", "Sleep", "Exercise", "Outdoors", "Food", "Rest",
  "Travail", "Famille", "عمل",
};

static const int offsets[] = { 0, 3600, 7200, -18000, 10800 };

TendEntry *
tend_bench_make_entry (GRand *rand,
            guint  index,
            gint64 start,
            gint64 step)
{
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *uuid = NULL;
  const char *emotions[4] = { NULL };
  const char *tags[3] = { NULL };
  TendEntry *entry;
  guint n_sentences = g_rand_int_range (rand, 0, 100) < 15 ? 0 : g_rand_int_range (rand, 1, 9);
  guint n_emotions = g_rand_int_range (rand, 0, 4);
  guint n_tags = g_rand_int_range (rand, 0, 3);

  for (guint i = 0; i < n_sentences; i++)
    {
      if (i > 0)
        g_string_append (note, g_rand_int_range (rand, 0, 5) == 0 ? "\n\n" : " ");
      g_string_append (note, sentences[g_rand_int_range (rand, 0, G_N_ELEMENTS (sentences))]);
    }

  zone = g_time_zone_new_offset (offsets[g_rand_int_range (rand, 0, G_N_ELEMENTS (offsets))]);
  utc = g_date_time_new_from_unix_utc (start + (gint64) index * step +
                                       g_rand_int_range (rand, 0, (gint32) step));
  when = g_date_time_to_timezone (utc, zone);

  entry = tend_entry_new (g_rand_int_range (rand, TEND_MOOD_FIRST, TEND_MOOD_LAST + 1),
                          note->str, when);
  tend_entry_set_energy (entry, g_rand_int_range (rand, TEND_ENERGY_NONE, TEND_ENERGY_LAST + 1));
  for (guint i = 0; i < n_emotions; i++)
    emotions[i] = tend_emotion_get_nick (g_rand_int_range (rand, 0, tend_emotion_get_n_emotions ()));
  tend_entry_set_emotions (entry, emotions);
  for (guint i = 0; i < n_tags; i++)
    tags[i] = tag_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (tag_names))];
  tend_entry_set_tags (entry, tags);

  return entry;
}

/**
 * tend_bench_fill_journal:
 * @n_entries: how many check-ins
 * @n_years: over how many years, ending at %TEND_BENCH_END
 *
 * Makes the journal in @data_dir (which must not hold one) with the same seed, so two
 * journals of the same size are the same.
 */
void
tend_bench_fill_journal (const char *data_dir,
                         guint       n_entries,
                         guint       n_years)
{
  g_autoptr(TendContext) context = tend_context_new (data_dir, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261121);
  g_autoptr(GError) error = NULL;
  gint64 end = TEND_BENCH_END;
  gint64 step = (gint64) n_years * 365 * 86400 / n_entries;
  gint64 start = end - (gint64) n_entries * step;
  gint64 began = g_get_monotonic_time ();

  g_print ("Generating a journal of %u entries over %u years in %s (once)…\n",
           n_entries, n_years, data_dir);
  if (!tend_context_open (context, &error))
    g_error ("%s", error->message);

  for (guint done = 0; done < n_entries; done += BATCH)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = done; i < done + BATCH && i < n_entries; i++)
        g_ptr_array_add (batch, tend_bench_make_entry (rand, i, start, step));
      if (!tend_journal_import (tend_context_get_journal (context), batch, NULL, NULL, &error))
        g_error ("%s", error->message);
    }

  g_print ("Generated in %.1f s\n", (g_get_monotonic_time () - began) / 1e6);
}

void
tend_bench_generate_journal (const char *data_dir)
{
  tend_bench_fill_journal (data_dir, TEND_BENCH_N_ENTRIES, TEND_BENCH_N_YEARS);
}

/**
 * tend_bench_add_usage:
 * @n_days: how many days of screen time, ending on the day of %TEND_BENCH_END
 *
 * Adds screen time as the background monitor records it: five to nine spans a day, each
 * between 10 and 90 minutes, in one transaction.
 */
void
tend_bench_add_usage (TendDatabase *database,
                      guint         n_days)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(GError) error = NULL;
  gint64 day_start = TEND_BENCH_END - TEND_BENCH_END % 86400;
  sqlite3_stmt *stmt;
  guint n = 0;

  tend_database_lock (database);
  if (!tend_database_begin (database, &error))
    g_error ("%s", error->message);
  stmt = tend_database_prepare (database,
                                "INSERT INTO usage_intervals (started_at, ended_at) VALUES (?1, ?2)",
                                &error);
  if (stmt == NULL)
    g_error ("%s", error->message);

  for (gint64 day = n_days - 1; day >= 0; day--)
    {
      gint64 at = day_start - day * 86400 + 7 * 3600;
      int n_spans = g_rand_int_range (rand, 5, 10);

      for (int i = 0; i < n_spans; i++)
        {
          gint64 length = g_rand_int_range (rand, 10, 91) * 60;

          sqlite3_bind_int64 (stmt, 1, at);
          sqlite3_bind_int64 (stmt, 2, at + length);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            g_error ("Could not add screen time");
          sqlite3_reset (stmt);
          at += length + g_rand_int_range (rand, 5, 60) * 60;
          n++;
        }
    }

  if (!tend_database_commit (database, &error))
    g_error ("%s", error->message);
  tend_database_unlock (database);
  g_print ("Added %u spans of screen time over %u days\n", n, n_days);
}
