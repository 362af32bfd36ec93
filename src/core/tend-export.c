/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <unistd.h>

#include "tend-emotion.h"
#include "tend-export.h"
#include "tend-task.h"

/* Writing the journal out: JSON to keep or move it (lossless, see the README for the
 * schema), CSV for spreadsheets, Markdown to read. Files are written whole to a
 * temporary file that then takes the place of the old one, so a failed export never
 * leaves half a file. */

G_DEFINE_QUARK (tend-transfer-error-quark, tend_transfer_error)

/* Between the names of several emotions or tags in one CSV cell, as Daylio does. */
#define CSV_LIST_SEPARATOR " | "

/**
 * tend_file_format_from_name:
 * @name: a file name or path
 *
 * Returns: the format that @name's extension stands for, ignoring case
 */
TendFileFormat
tend_file_format_from_name (const char *name)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (name != NULL, TEND_FILE_FORMAT_UNKNOWN);

  lower = g_ascii_strdown (name, -1);
  if (g_str_has_suffix (lower, ".json"))
    return TEND_FILE_FORMAT_JSON;
  if (g_str_has_suffix (lower, ".csv"))
    return TEND_FILE_FORMAT_CSV;
  if (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown"))
    return TEND_FILE_FORMAT_MARKDOWN;

  return TEND_FILE_FORMAT_UNKNOWN;
}

const char *
tend_file_format_get_extension (TendFileFormat format)
{
  switch (format)
    {
    case TEND_FILE_FORMAT_JSON:
      return "json";
    case TEND_FILE_FORMAT_CSV:
      return "csv";
    case TEND_FILE_FORMAT_MARKDOWN:
      return "md";
    case TEND_FILE_FORMAT_UNKNOWN:
    default:
      return NULL;
    }
}

static char *
format_iso8601 (GDateTime *date_time)
{
  g_autofree char *rest = g_date_time_format (date_time, "-%m-%dT%H:%M:%S%:z");

  /* %Y has no leading zeros, and ISO 8601 (and so the import) wants four digits: the
   * year 24 is 0024. */
  return g_strdup_printf ("%04d%s", g_date_time_get_year (date_time), rest);
}

static char *
format_unix_time (gint64 seconds)
{
  g_autoptr(GDateTime) date_time = NULL;

  if (seconds <= 0)
    return NULL;

  date_time = g_date_time_new_from_unix_utc (seconds);
  return date_time != NULL ? format_iso8601 (date_time) : NULL;
}

/* JSON ---------------------------------------------------------------------------------- */

static void
add_string_array (JsonBuilder        *builder,
                  const char         *member,
                  const char * const *strings)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; strings[i] != NULL; i++)
    json_builder_add_string_value (builder, strings[i]);
  json_builder_end_array (builder);
}

static void
add_time_member (JsonBuilder *builder,
                 const char  *member,
                 gint64       seconds)
{
  g_autofree char *text = format_unix_time (seconds);

  json_builder_set_member_name (builder, member);
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

static GBytes *
export_json (GPtrArray *entries,
             GPtrArray *tags,
             GDateTime *exported_at)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *exported_text = format_iso8601 (exported_at);
  g_autoptr(GString) text = g_string_new (NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, TEND_JSON_FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, TEND_JSON_FORMAT_VERSION);
  json_builder_set_member_name (builder, "exported_at");
  json_builder_add_string_value (builder, exported_text);

  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; tags != NULL && i < tags->len; i++)
    {
      TendTag *tag = g_ptr_array_index (tags, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, tend_tag_get_name (tag));
      json_builder_set_member_name (builder, "hidden");
      json_builder_add_boolean_value (builder, tend_tag_get_hidden (tag));
      json_builder_set_member_name (builder, "position");
      json_builder_add_int_value (builder, i);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      TendEntry *entry = g_ptr_array_index (entries, i);
      TendEnergy energy = tend_entry_get_energy (entry);
      g_autofree char *occurred_at = format_iso8601 (tend_entry_get_occurred_at (entry));

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, tend_entry_get_uuid (entry));
      json_builder_set_member_name (builder, "occurred_at");
      json_builder_add_string_value (builder, occurred_at);
      json_builder_set_member_name (builder, "mood");
      json_builder_add_int_value (builder, tend_entry_get_mood (entry));
      json_builder_set_member_name (builder, "mood_label");
      json_builder_add_string_value (builder, tend_mood_get_nick (tend_entry_get_mood (entry)));
      json_builder_set_member_name (builder, "energy");
      if (energy != TEND_ENERGY_NONE)
        json_builder_add_int_value (builder, energy);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "energy_label");
      if (energy != TEND_ENERGY_NONE)
        json_builder_add_string_value (builder, tend_energy_get_nick (energy));
      else
        json_builder_add_null_value (builder);
      add_string_array (builder, "emotions", tend_entry_get_emotions (entry));
      add_string_array (builder, "tags", tend_entry_get_tags (entry));
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, tend_entry_get_note (entry));
      add_time_member (builder, "created_at", tend_entry_get_created_at (entry));
      add_time_member (builder, "updated_at", tend_entry_get_updated_at (entry));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_to_gstring (generator, text);
  g_string_append_c (text, '\n');

  return g_string_free_to_bytes (g_steal_pointer (&text));
}

/* CSV ----------------------------------------------------------------------------------- */

/**
 * tend_csv_neutralize_cell:
 *
 * Spreadsheets run a cell that begins with = + - @ (or a tab or carriage return) as a
 * formula, which a hostile note could abuse. As OWASP recommends, such a cell gets a
 * single quote in front. A cell that already begins with a quote gets one more, so that
 * Tend can take exactly one away when it reads its own CSV back.
 *
 * Returns: (transfer full): @cell, safe to put in a spreadsheet
 */
char *
tend_csv_neutralize_cell (const char *cell)
{
  g_return_val_if_fail (cell != NULL, NULL);

  if (cell[0] != '\0' && strchr ("=+-@\t\r'", cell[0]) != NULL)
    return g_strconcat ("'", cell, NULL);

  return g_strdup (cell);
}

/* One cell as RFC 4180 wants it: quoted when it holds a quote, a comma or a line break. */
static void
append_csv_cell (GString    *out,
                 const char *cell,
                 gboolean    first)
{
  g_autofree char *safe = tend_csv_neutralize_cell (cell != NULL ? cell : "");

  if (!first)
    g_string_append_c (out, ',');

  if (strpbrk (safe, "\",\r\n") == NULL)
    {
      g_string_append (out, safe);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = safe; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static GBytes *
export_csv (GPtrArray *entries)
{
  static const char * const header[] = {
    "uuid", "occurred_at", "mood", "mood_label", "energy", "energy_label", "emotions",
    "tags", "note", "created_at", "updated_at",
  };
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    append_csv_cell (out, header[i], i == 0);
  g_string_append (out, "\r\n");

  for (guint i = 0; i < entries->len; i++)
    {
      TendEntry *entry = g_ptr_array_index (entries, i);
      TendEnergy energy = tend_entry_get_energy (entry);
      g_autofree char *occurred_at = format_iso8601 (tend_entry_get_occurred_at (entry));
      g_autofree char *mood = g_strdup_printf ("%d", tend_entry_get_mood (entry));
      g_autofree char *energy_text = NULL;
      g_autofree char *emotions = g_strjoinv (CSV_LIST_SEPARATOR,
                                              (char **) tend_entry_get_emotions (entry));
      g_autofree char *tags = g_strjoinv (CSV_LIST_SEPARATOR,
                                          (char **) tend_entry_get_tags (entry));
      g_autofree char *created_at = format_unix_time (tend_entry_get_created_at (entry));
      g_autofree char *updated_at = format_unix_time (tend_entry_get_updated_at (entry));

      if (energy != TEND_ENERGY_NONE)
        energy_text = g_strdup_printf ("%d", energy);

      append_csv_cell (out, tend_entry_get_uuid (entry), TRUE);
      append_csv_cell (out, occurred_at, FALSE);
      append_csv_cell (out, mood, FALSE);
      append_csv_cell (out, tend_mood_get_nick (tend_entry_get_mood (entry)), FALSE);
      append_csv_cell (out, energy_text, FALSE);
      append_csv_cell (out, energy != TEND_ENERGY_NONE ? tend_energy_get_nick (energy) : NULL,
                       FALSE);
      append_csv_cell (out, emotions, FALSE);
      append_csv_cell (out, tags, FALSE);
      append_csv_cell (out, tend_entry_get_note (entry), FALSE);
      append_csv_cell (out, created_at, FALSE);
      append_csv_cell (out, updated_at, FALSE);
      g_string_append (out, "\r\n");
    }

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/* Markdown ------------------------------------------------------------------------------ */

static gboolean
starts_block (const char *line)
{
  const char *p = line;

  if (*p != '\0' && strchr ("#>-+*=_`~|<", *p) != NULL)
    return TRUE;

  /* An ordered list item: digits, then a period or a parenthesis. */
  while (g_ascii_isdigit (*p))
    p++;
  return p != line && (*p == '.' || *p == ')');
}

/* The note as Markdown shows it: each line kept as a line, and nothing in it read as a
 * heading, a list or a quote. */
static void
append_markdown_note (GString    *out,
                      const char *note)
{
  g_auto(GStrv) lines = g_strsplit (note, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    g_strchomp (lines[i]);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      gboolean last = lines[i + 1] == NULL;

      if (starts_block (line))
        g_string_append_c (out, '\\');
      g_string_append (out, line);

      if (!last && *line != '\0' && *lines[i + 1] != '\0')
        g_string_append (out, "  \n");
      else
        g_string_append_c (out, '\n');
    }
}

static char *
join_labels (const char * const *items,
             const char *       (*get_label) (const char *))
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) labels = NULL;

  for (guint i = 0; items[i] != NULL; i++)
    g_strv_builder_add (builder, get_label != NULL ? get_label (items[i]) : items[i]);

  labels = g_strv_builder_end (builder);
  /* Translators: Between the names of emotions or tags in an exported journal. */
  return g_strjoinv (C_("list separator", ", "), labels);
}

static char *
format_export_day (GDateTime *date_time)
{
  /* The same format as the journal's headings of days in other years. */
  return g_date_time_format (date_time, C_("day heading", "%A, %B %-d, %Y"));
}

static GBytes *
export_markdown (GPtrArray *entries,
                 GDateTime *exported_at)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *exported_day = format_export_day (exported_at);
  int last_year = 0, last_month = 0, last_day = 0;

  g_string_append_printf (out, "# %s\n\n", _("Tend Journal"));
  g_string_append_printf (out,
                          /* Translators: The first line of an exported journal; %s is a day. */
                          ngettext ("%u check-in, exported on %s.",
                                    "%u check-ins, exported on %s.", entries->len),
                          entries->len, exported_day);
  g_string_append_c (out, '\n');

  for (guint i = 0; i < entries->len; i++)
    {
      TendEntry *entry = g_ptr_array_index (entries, i);
      GDateTime *occurred_at = tend_entry_get_occurred_at (entry);
      TendEnergy energy = tend_entry_get_energy (entry);
      const char * const *emotions = tend_entry_get_emotions (entry);
      const char * const *tags = tend_entry_get_tags (entry);
      g_autofree char *time = NULL;
      g_autoptr(GPtrArray) details = NULL;
      int year, month, day;

      /* Days as the writer lived them: in the time zone of each check-in. */
      g_date_time_get_ymd (occurred_at, &year, &month, &day);
      if (year != last_year || month != last_month || day != last_day)
        {
          g_autofree char *heading = format_export_day (occurred_at);

          g_string_append_printf (out, "\n## %s\n", heading);
          last_year = year;
          last_month = month;
          last_day = day;
        }

      time = g_date_time_format (occurred_at, C_("time of day", "%H:%M"));
      g_string_append_printf (out, "\n### %s · %s\n", time,
                              tend_mood_get_label (tend_entry_get_mood (entry)));

      details = g_ptr_array_new_with_free_func (g_free);
      if (energy != TEND_ENERGY_NONE)
        /* Translators: A line of an exported check-in, as in “Energy: High”. */
        g_ptr_array_add (details, g_strdup_printf (_("Energy: %s"),
                                                   tend_energy_get_label (energy)));
      if (emotions[0] != NULL)
        {
          g_autofree char *labels = join_labels (emotions, tend_emotion_get_label);

          /* Translators: A line of an exported check-in, as in “Emotions: Calm, Grateful”. */
          g_ptr_array_add (details, g_strdup_printf (_("Emotions: %s"), labels));
        }
      if (tags[0] != NULL)
        {
          g_autofree char *names = join_labels (tags, NULL);

          /* Translators: A line of an exported check-in, as in “Tags: Work, Walk”. */
          g_ptr_array_add (details, g_strdup_printf (_("Activities: %s"), names));
        }
      if (details->len > 0)
        {
          g_autofree char *lines = NULL;

          g_ptr_array_add (details, NULL);
          lines = g_strjoinv ("  \n", (char **) details->pdata);
          g_string_append_printf (out, "\n%s\n", lines);
        }

      if (*tend_entry_get_note (entry) != '\0')
        {
          g_string_append_c (out, '\n');
          append_markdown_note (out, tend_entry_get_note (entry));
        }
    }

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/**
 * tend_export_to_bytes:
 * @entries: (element-type TendEntry): the entries, the newest first
 * @tags: (element-type TendTag) (nullable): the journal's tags in the user's order, for JSON
 * @exported_at: the time of the export, written in JSON and Markdown
 *
 * Returns: (transfer full): the file's contents
 */
GBytes *
tend_export_to_bytes (GPtrArray      *entries,
                      GPtrArray      *tags,
                      TendFileFormat  format,
                      GDateTime      *exported_at)
{
  g_return_val_if_fail (entries != NULL, NULL);
  g_return_val_if_fail (exported_at != NULL, NULL);

  switch (format)
    {
    case TEND_FILE_FORMAT_JSON:
      return export_json (entries, tags, exported_at);
    case TEND_FILE_FORMAT_CSV:
      return export_csv (entries);
    case TEND_FILE_FORMAT_MARKDOWN:
      return export_markdown (entries, exported_at);
    case TEND_FILE_FORMAT_UNKNOWN:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Files --------------------------------------------------------------------------------- */

typedef struct
{
  TendFilter     *filter;   /* what to read, when entries is NULL */
  GPtrArray      *entries;  /* TendEntry, already gathered */
  GPtrArray      *tags;     /* TendTag */
  GFile          *file;
  GDateTime      *exported_at;
  TendFileFormat  format;
  guint           n_exported;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->filter, tend_filter_free);
  g_clear_pointer (&job->entries, g_ptr_array_unref);
  g_clear_pointer (&job->tags, g_ptr_array_unref);
  g_clear_object (&job->file);
  g_clear_pointer (&job->exported_at, g_date_time_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

/* Takes on the calling thread what only it may read: the tags, and the entries of a list
 * that is not one of the journal's (those are read again on the worker by their filter). */
static ExportJob *
export_job_new (TendJournal    *journal,
                GListModel     *entries,
                TendFileFormat  format,
                GFile          *file)
{
  ExportJob *job = g_new0 (ExportJob, 1);
  GListModel *tags = tend_journal_get_tags (journal);
  guint n_tags = g_list_model_get_n_items (tags);

  job->format = format;
  job->file = g_object_ref (file);
  job->exported_at = g_date_time_new_now_local ();

  job->tags = g_ptr_array_new_full (n_tags, g_object_unref);
  for (guint i = 0; i < n_tags; i++)
    g_ptr_array_add (job->tags, g_list_model_get_item (tags, i));

  if (entries == NULL)
    {
      job->filter = NULL;
    }
  else if (TEND_IS_ENTRY_LIST (entries))
    {
      const TendFilter *filter = tend_entry_list_get_filter (TEND_ENTRY_LIST (entries));

      job->filter = filter != NULL ? tend_filter_copy (filter) : NULL;
    }
  else
    {
      guint n = g_list_model_get_n_items (entries);

      job->entries = g_ptr_array_new_full (n, g_object_unref);
      for (guint i = 0; i < n; i++)
        {
          TendEntry *entry = g_list_model_get_item (entries, i);

          if (entry != NULL)
            g_ptr_array_add (job->entries, entry);
        }
    }

  return job;
}

static gboolean
write_stream (GOutputStream  *stream,
              GBytes         *bytes,
              GCancellable   *cancellable,
              GError        **error)
{
  gboolean ok;

  ok = g_output_stream_write_all (stream, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, cancellable, error);

  /* Closing reports the last of a full disk too. */
  if (!g_output_stream_close (stream, cancellable, ok ? error : NULL))
    ok = FALSE;

  return ok;
}

/* Puts a written file on the disk before it is renamed into place. */
static gboolean
sync_file (GFile   *file,
           GError **error)
{
  const char *path = g_file_peek_path (file);
  int fd;

  if (path == NULL)
    return TRUE;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

/* Writes @bytes to @file so that it is either as it was or whole, never a part: into a
 * hidden file beside it, synced, then renamed over it. (GLib's g_file_replace_contents()
 * writes a file that does not exist yet in place, and leaves a part of it on a full disk.)
 * A destination that is not a file, such as a pipe or a device, is written straight to. */
static gboolean
write_whole_file (GFile         *file,
                  GBytes        *bytes,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) temporary = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autofree char *basename = g_file_get_basename (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
    {
      stream = g_file_append_to (file, G_FILE_CREATE_NONE, cancellable, error);
      return stream != NULL &&
             write_stream (G_OUTPUT_STREAM (stream), bytes, cancellable, error);
    }

  if (parent == NULL || basename == NULL)
    return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    NULL, FALSE,
                                    G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                    NULL, cancellable, error);

  for (guint attempt = 0; stream == NULL; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x", basename, g_random_int ());
      g_autoptr(GError) local_error = NULL;

      g_clear_object (&temporary);
      temporary = g_file_get_child (parent, name);
      stream = g_file_create (temporary, G_FILE_CREATE_PRIVATE, cancellable, &local_error);
      if (stream == NULL &&
          (attempt >= 10 || !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS)))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (!write_stream (G_OUTPUT_STREAM (stream), bytes, cancellable, error) ||
      !sync_file (temporary, error) ||
      !g_file_move (temporary, file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                    cancellable, NULL, NULL, error))
    {
      g_file_delete (temporary, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

/* Runs on any thread. */
static gboolean
export_job_run (ExportJob     *job,
                TendJournal   *journal,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  if (job->format == TEND_FILE_FORMAT_UNKNOWN)
    {
      g_set_error_literal (error, TEND_TRANSFER_ERROR, TEND_TRANSFER_ERROR_UNKNOWN_FORMAT,
                           _("Tend can export to files ending in .json, .csv or .md."));
      return FALSE;
    }

  if (job->entries == NULL)
    {
      job->entries = tend_journal_read_entries (journal, job->filter, error);
      if (job->entries == NULL)
        return FALSE;
    }

  bytes = tend_export_to_bytes (job->entries, job->tags, job->format, job->exported_at);

  if (!write_whole_file (job->file, bytes, cancellable, &local_error))
    {
      g_autofree char *parse_name = g_file_get_parse_name (job->file);
      /* Isolated, so a path reads left to right within right-to-left text */
      g_autofree char *name = g_strdup_printf ("\u2068%s\u2069", parse_name);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                       /* Translators: %s is a file name. */
                       _("The disk is full, so “%s” was not written. Your journal is "
                         "unchanged. Free some space and try again."), name);
          return FALSE;
        }

      g_set_error (error, G_IO_ERROR, local_error->code,
                   /* Translators: %s is a file name, then the reason from the system. */
                   _("Tend could not write “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  job->n_exported = job->entries->len;
  return TRUE;
}

/**
 * tend_export_file:
 * @entries: (nullable): the entries to export, as a #TendEntryList of @journal or any
 *   list of #TendEntry; %NULL exports the whole journal
 * @n_exported: (out) (optional): how many entries the file holds
 *
 * Writes @entries to @file, replacing it whole. This blocks on the disk; the interface
 * uses tend_export_file_async().
 */
gboolean
tend_export_file (TendJournal     *journal,
                  GListModel      *entries,
                  TendFileFormat   format,
                  GFile           *file,
                  GCancellable    *cancellable,
                  guint           *n_exported,
                  GError         **error)
{
  g_autoptr(ExportJob) job = NULL;

  g_return_val_if_fail (TEND_IS_JOURNAL (journal), FALSE);
  g_return_val_if_fail (entries == NULL || G_IS_LIST_MODEL (entries), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  job = export_job_new (journal, entries, format, file);
  if (!export_job_run (job, journal, cancellable, error))
    return FALSE;

  if (n_exported != NULL)
    *n_exported = job->n_exported;

  return TRUE;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (export_job_run (job, source_object, cancellable, &error))
    g_task_return_int (task, job->n_exported);
  else
    g_task_return_error (task, error);
}

/**
 * tend_export_file_async:
 *
 * Like tend_export_file(), reading and writing on a worker thread.
 */
void
tend_export_file_async (TendJournal         *journal,
                        GListModel          *entries,
                        TendFileFormat       format,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TEND_IS_JOURNAL (journal));
  g_return_if_fail (entries == NULL || G_IS_LIST_MODEL (entries));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (journal, cancellable, callback, user_data);
  g_task_set_source_tag (task, tend_export_file_async);
  g_task_set_task_data (task, export_job_new (journal, entries, format, file),
                        (GDestroyNotify) export_job_free);
  tend_task_run_in_thread (task, export_thread);
}

gboolean
tend_export_file_finish (TendJournal   *journal,
                         GAsyncResult  *result,
                         guint         *n_exported,
                         GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gssize count;

  g_return_val_if_fail (TEND_IS_JOURNAL (journal), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, journal), FALSE);

  count = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (n_exported != NULL)
    *n_exported = (guint) count;

  return TRUE;
}
