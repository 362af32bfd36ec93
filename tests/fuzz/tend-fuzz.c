/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "tend-entry.h"
#include "tend-import.h"
#include "tend-mood.h"
#include "tend-tag.h"
#include "tend-fuzz.h"

/* A critical or a warning is a bug the input found. GLib would stop on a breakpoint trap,
 * which libFuzzer does not catch; abort() is a crash it reports and keeps the input of. */
static GLogWriterOutput
write_log_cb (GLogLevelFlags   level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  g_log_writer_standard_streams (level, fields, n_fields, user_data);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();

  return G_LOG_WRITER_HANDLED;
}

/* Runs once, before the first input. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* As the tests run: a fixed zone and locale, so a crash reproduces anywhere. */
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "", TRUE);
  setlocale (LC_ALL, "");

  g_log_set_writer_func (write_log_cb, NULL, NULL);
  return 0;
}

/* Every string a parser hands on is whole UTF-8: the interface, SQLite's FTS and the
 * exporters all rely on it. */
void
tend_fuzz_check_text (const char *text)
{
  g_assert_nonnull (text);
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *escaped = g_strescape (text, NULL);

      g_error ("not UTF-8: “%s”", escaped);
    }
}

static void
check_strv (const char * const *strv)
{
  g_assert_nonnull (strv);
  for (guint i = 0; strv[i] != NULL; i++)
    tend_fuzz_check_text (strv[i]);
}

/* What tend_import_parse() promises: entries or an error in plain words, never both; each
 * entry whole (a valid uuid, mood, energy, emotions, UTF-8 text), the oldest first. */
void
tend_fuzz_check_import (GPtrArray    *entries,
                        GPtrArray    *tags,
                        const GError *error)
{
  if (entries == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == TEND_TRANSFER_ERROR);
      tend_fuzz_check_text (error->message);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_null (tags);
      return;
    }

  g_assert_null (error);
  g_assert_nonnull (tags);

  for (guint i = 0; i < entries->len; i++)
    {
      TendEntry *entry = g_ptr_array_index (entries, i);
      TendEnergy energy = tend_entry_get_energy (entry);
      const char * const *emotions = tend_entry_get_emotions (entry);

      g_assert_true (TEND_IS_ENTRY (entry));
      g_assert_true (g_uuid_string_is_valid (tend_entry_get_uuid (entry)));
      g_assert_true (tend_mood_is_valid (tend_entry_get_mood (entry)));
      g_assert_true (energy == TEND_ENERGY_NONE || tend_energy_is_valid (energy));
      check_strv (emotions);
      check_strv (tend_entry_get_tags (entry));
      tend_fuzz_check_text (tend_entry_get_note (entry));
      g_assert_nonnull (tend_entry_get_occurred_at (entry));

      if (i > 0)
        g_assert_cmpint (g_date_time_compare (
                           tend_entry_get_occurred_at (g_ptr_array_index (entries, i - 1)),
                           tend_entry_get_occurred_at (entry)), <=, 0);
    }

  for (guint i = 0; i < tags->len; i++)
    {
      TendTag *tag = g_ptr_array_index (tags, i);
      g_autofree char *again = NULL;

      tend_fuzz_check_text (tend_tag_get_name (tag));
      /* Names are kept as the journal stores them: normalizing again changes nothing. */
      again = tend_tag_name_normalize (tend_tag_get_name (tag));
      g_assert_cmpstr (again, ==, tend_tag_get_name (tag));
    }
}

static gboolean
has_bar (const char * const *tags)
{
  for (guint i = 0; tags[i] != NULL; i++)
    if (strchr (tags[i], '|') != NULL)
      return TRUE;

  return FALSE;
}

/* What Tend imports, it can export; and what it exports, it imports again unchanged. */
void
tend_fuzz_check_round_trip (GPtrArray      *entries,
                            GPtrArray      *tags,
                            TendFileFormat  format)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (1795392000);
  g_autoptr(GPtrArray) sorted = g_ptr_array_copy (entries, (GCopyFunc) g_object_ref, NULL);
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) again_tags = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_set_free_func (sorted, g_object_unref);

  /* Exports list the newest first, as the journal does. */
  for (guint i = 0; i < sorted->len / 2; i++)
    {
      gpointer swap = sorted->pdata[i];

      sorted->pdata[i] = sorted->pdata[sorted->len - 1 - i];
      sorted->pdata[sorted->len - 1 - i] = swap;
    }

  exported = tend_export_to_bytes (sorted, tags, format, now);
  g_assert_nonnull (exported);

  /* An empty journal exports as a file with no entries, which a CSV cannot tell from an
   * empty file. */
  if (entries->len == 0 && format == TEND_FILE_FORMAT_CSV)
    return;

  again = tend_import_parse (exported, format, &again_tags, &error);
  if (again == NULL)
    g_error ("Tend could not import its own export: %s\n%.*s", error->message,
             (int) MIN (g_bytes_get_size (exported), 4096),
             (const char *) g_bytes_get_data (exported, NULL));

  g_assert_cmpuint (again->len, ==, entries->len);
  expected = g_ptr_array_new_with_free_func (g_object_unref);

  /* JSON keeps the list of tags, in its order, with what is hidden. */
  if (format == TEND_FILE_FORMAT_JSON)
    {
      g_assert_cmpuint (again_tags->len, ==, tags->len);
      for (guint i = 0; i < tags->len; i++)
        {
          TendTag *a = g_ptr_array_index (tags, i);
          TendTag *b = g_ptr_array_index (again_tags, i);

          g_assert_cmpstr (tend_tag_get_name (a), ==, tend_tag_get_name (b));
          g_assert_cmpint (tend_tag_get_hidden (a), ==, tend_tag_get_hidden (b));
        }
    }
  for (guint i = 0; i < entries->len; i++)
    {
      TendEntry *a = g_ptr_array_index (entries, i);
      TendEntry *b = g_ptr_array_index (again, i);

      g_assert_cmpstr (tend_entry_get_uuid (a), ==, tend_entry_get_uuid (b));

      /* CSV is for spreadsheets, and not quite lossless: as the README says, it joins tags
       * with “|”, so a tag with one in its name comes back split; and its reader takes a
       * CRLF inside a quoted cell for a line break, "\n". Everything else comes back. */
      if (format == TEND_FILE_FORMAT_CSV)
        {
          g_autoptr(GString) note = g_string_new (tend_entry_get_note (a));
          TendEntry *copy = tend_entry_copy (a);

          g_string_replace (note, "\r\n", "\n", 0);
          tend_entry_set_note (copy, note->str);
          if (has_bar (tend_entry_get_tags (a)))
            tend_entry_set_tags (copy, tend_entry_get_tags (b));
          g_ptr_array_add (expected, copy);
          a = copy;
        }

      if (!tend_entry_equal (a, b))
        {
          g_autofree char *when_a = g_date_time_format_iso8601 (tend_entry_get_occurred_at (a));
          g_autofree char *when_b = g_date_time_format_iso8601 (tend_entry_get_occurred_at (b));
          g_autofree char *emotions_a = g_strjoinv ("|", (GStrv) tend_entry_get_emotions (a));
          g_autofree char *emotions_b = g_strjoinv ("|", (GStrv) tend_entry_get_emotions (b));
          g_autofree char *tags_a = g_strjoinv ("”, “", (GStrv) tend_entry_get_tags (a));
          g_autofree char *tags_b = g_strjoinv ("”, “", (GStrv) tend_entry_get_tags (b));
          g_autofree char *note_a = g_strescape (tend_entry_get_note (a), "");
          g_autofree char *note_b = g_strescape (tend_entry_get_note (b), "");

          g_error ("entry %u changed on the way out and back through %s:\n"
                   "  %s mood %d energy %d emotions [%s] tags [“%s”] note “%s”\n"
                   "  %s mood %d energy %d emotions [%s] tags [“%s”] note “%s”",
                   i, tend_file_format_get_extension (format),
                   when_a, tend_entry_get_mood (a), tend_entry_get_energy (a), emotions_a,
                   tags_a, note_a,
                   when_b, tend_entry_get_mood (b), tend_entry_get_energy (b), emotions_b,
                   tags_b, note_b);
        }
    }
}
