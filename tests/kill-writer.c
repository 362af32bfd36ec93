/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tend-context.h"
#include "tend-emotion.h"

/* kill-writer DATA_DIR SEED: writes check-ins into the journal in DATA_DIR through the core,
 * as fast as it can, until it is killed; tests/test-kill-loop.c kills it with SIGKILL.
 *
 * It says on standard output, one whole line at a time written straight to the pipe, what it
 * is about to do and what is done:
 *   ready                      the journal is open
 *   saved UUID VERSION         an add or an update returned success: it is on disk
 *   updating UUID VERSION      an update starts (it may or may not be on disk when killed)
 *   deleting UUID              a removal starts
 *   deleted UUID               a removal returned success
 * Each note reads "Kill loop UUID version VERSION: ..." so the test can tell versions apart. */

static void
say (const char *format,
     ...) G_GNUC_PRINTF (1, 2);

static void
say (const char *format,
     ...)
{
  g_autofree char *line = NULL;
  va_list args;
  gssize length;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);

  length = (gssize) strlen (line);
  /* One write() per line: the test reads every line written before the kill. */
  if (write (STDOUT_FILENO, line, length) != length)
    exit (3);
}

static const char *words[] = {
  "walked", "by", "the", "river", "slept", "badly", "called", "mum", "été", "café", "rain",
  "tired", "but", "glad", "long", "meeting", "choir", "tonight", "garden", "bread", "ça va",
  "مرحبا", "quiet", "evening",
};

static char *
make_note (GRand      *rand,
           const char *uuid,
           guint       version)
{
  g_autoptr(GString) note = g_string_new (NULL);
  guint n_words = g_rand_int_range (rand, 0, 40);

  g_string_append_printf (note, "Kill loop %s version %u:", uuid, version);
  for (guint i = 0; i < n_words; i++)
    g_string_append_printf (note, " %s", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);

  return g_string_free_and_steal (g_steal_pointer (&note));
}

static void
vary (TendEntry *entry,
      GRand     *rand)
{
  const char *tag_names[] = { "Family", "Rest", "Work", "Kill loop", "Choir", "Été" };
  g_autoptr(GPtrArray) emotions = g_ptr_array_new ();
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  guint n_emotions = tend_emotion_get_n_emotions ();

  for (guint i = g_rand_int_range (rand, 0, 4); i > 0; i--)
    g_ptr_array_add (emotions, (gpointer) tend_emotion_get_nick (g_rand_int_range (rand, 0, n_emotions)));
  g_ptr_array_add (emotions, NULL);

  for (guint i = g_rand_int_range (rand, 0, 3); i > 0; i--)
    g_ptr_array_add (tags, (gpointer) tag_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (tag_names))]);
  g_ptr_array_add (tags, NULL);

  tend_entry_set_mood (entry, g_rand_int_range (rand, TEND_MOOD_AWFUL, TEND_MOOD_GREAT + 1));
  tend_entry_set_energy (entry, g_rand_int_range (rand, TEND_ENERGY_NONE, TEND_ENERGY_HIGH + 1));
  tend_entry_set_emotions (entry, (const char * const *) emotions->pdata);
  tend_entry_set_tags (entry, (const char * const *) tags->pdata);
}

typedef struct
{
  char  *uuid;
  guint  version;
} Written;

static void
written_free (Written *written)
{
  g_free (written->uuid);
  g_free (written);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TendContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func ((GDestroyNotify) written_free);
  g_autoptr(GDateTime) start = g_date_time_new_now_local ();
  TendJournal *journal;

  if (argc != 3)
    {
      g_printerr ("Usage: kill-writer DATA_DIR SEED\n");
      return 2;
    }

  rand = g_rand_new_with_seed ((guint32) g_ascii_strtoull (argv[2], NULL, 10));
  context = tend_context_new (argv[1], NULL);
  if (!tend_context_open (context, &error))
    {
      g_printerr ("kill-writer: %s\n", error->message);
      return 1;
    }
  journal = tend_context_get_journal (context);
  say ("ready\n");

  for (guint n = 0; ; n++)
    {
      guint choice = g_rand_int_range (rand, 0, 10);

      if (choice < 7 || written->len == 0)
        {
          g_autoptr(GDateTime) when = g_date_time_add_minutes (start, -(int) g_rand_int_range (rand, 0, 60 * 24 * 90));
          g_autoptr(TendEntry) entry = tend_entry_new (TEND_MOOD_OKAY, "", when);
          g_autofree char *note = make_note (rand, tend_entry_get_uuid (entry), 1);
          Written *item;

          tend_entry_set_note (entry, note);
          vary (entry, rand);
          if (!tend_journal_add (journal, entry, &error))
            break;

          say ("saved %s 1\n", tend_entry_get_uuid (entry));
          item = g_new0 (Written, 1);
          item->uuid = g_strdup (tend_entry_get_uuid (entry));
          item->version = 1;
          g_ptr_array_add (written, item);
        }
      else if (choice < 9)
        {
          Written *item = g_ptr_array_index (written, g_rand_int_range (rand, 0, written->len));
          g_autoptr(TendEntry) stored = tend_journal_lookup (journal, item->uuid);
          g_autoptr(TendEntry) changed = NULL;
          g_autofree char *note = NULL;

          if (stored == NULL)
            {
              g_printerr ("kill-writer: %s is missing\n", item->uuid);
              return 4;
            }

          changed = tend_entry_copy (stored);
          note = make_note (rand, item->uuid, item->version + 1);
          tend_entry_set_note (changed, note);
          vary (changed, rand);
          say ("updating %s %u\n", item->uuid, item->version + 1);
          if (!tend_journal_update (journal, changed, &error))
            break;

          item->version++;
          say ("saved %s %u\n", item->uuid, item->version);
        }
      else
        {
          guint index = g_rand_int_range (rand, 0, written->len);
          Written *item = g_ptr_array_index (written, index);
          g_autoptr(TendEntry) stored = tend_journal_lookup (journal, item->uuid);

          say ("deleting %s\n", item->uuid);
          if (stored == NULL || !tend_journal_remove (journal, stored, &error))
            {
              if (error == NULL)
                g_printerr ("kill-writer: %s is missing\n", item->uuid);
              break;
            }

          say ("deleted %s\n", item->uuid);
          g_ptr_array_remove_index_fast (written, index);
        }
    }

  g_printerr ("kill-writer: %s\n", error != NULL ? error->message : "stopped");
  return 1;
}
