/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-import"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "tend-emotion.h"
#include "tend-entry-private.h"
#include "tend-import.h"
#include "tend-task.h"

/* Reading a file into entries: Tend's own JSON and CSV, and Daylio's CSV. The whole file
 * is read and checked before the journal is touched, and then stored in one transaction,
 * so a file with one bad line adds nothing. Every problem is told in plain words with the
 * line it is on. */

#define UTF8_BOM "\xef\xbb\xbf"

static gboolean G_GNUC_PRINTF (3, 4)
set_invalid (GError     **error,
             guint        line,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, TEND_TRANSFER_ERROR, TEND_TRANSFER_ERROR_INVALID, message);
  return FALSE;
}

/* A version 8 UUID (RFC 9562) made from a SHA-256 of @name: the same name always gives
 * the same uuid, so importing a file again finds its rows already there. */
static char *
uuid_from_name (const char *name)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;

  g_checksum_update (checksum, (const guchar *) name, -1);
  g_checksum_get_digest (checksum, digest, &length);

  digest[6] = (digest[6] & 0x0f) | 0x80;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

static GDateTime *
whole_seconds (GDateTime *date_time)
{
  return g_date_time_add (date_time, -(GTimeSpan) g_date_time_get_microsecond (date_time));
}

/* Parses an ISO 8601 time with its offset from UTC; "" gives 0. */
static gboolean
parse_unix_time (const char *text,
                 gint64     *seconds)
{
  g_autoptr(GDateTime) date_time = NULL;

  *seconds = 0;
  if (text == NULL || *text == '\0')
    return TRUE;

  date_time = g_date_time_new_from_iso8601 (text, NULL);
  if (date_time == NULL)
    return FALSE;

  *seconds = g_date_time_to_unix (date_time);
  return TRUE;
}

typedef struct
{
  guint       line;
  const char *uuid;      /* nullable: made from the content */
  GDateTime  *occurred_at;
  int         mood;
  int         energy;
  GStrv       emotions;  /* nullable */
  GStrv       tags;      /* nullable */
  const char *note;
  gint64      created_at;
  gint64      updated_at;
} EntryFields;

static TendEntry *
build_entry (const EntryFields  *fields,
             GError            **error)
{
  g_autoptr(GDateTime) occurred_at = whole_seconds (fields->occurred_at);
  g_autofree char *uuid = NULL;
  TendEntry *entry;

  if (!tend_mood_is_valid (fields->mood))
    {
      set_invalid (error, fields->line, _("Line %u: the mood %d is not between 1 and 5."),
                   fields->line, fields->mood);
      return NULL;
    }

  if (fields->energy != TEND_ENERGY_NONE && !tend_energy_is_valid (fields->energy))
    {
      set_invalid (error, fields->line, _("Line %u: the energy %d is not between 1 and 3."),
                   fields->line, fields->energy);
      return NULL;
    }

  for (guint i = 0; fields->emotions != NULL && fields->emotions[i] != NULL; i++)
    if (!tend_emotion_is_valid (fields->emotions[i]))
      {
        set_invalid (error, fields->line, _("Line %u: the emotion “%s” is not one Tend knows."),
                     fields->line, fields->emotions[i]);
        return NULL;
      }

  if (fields->uuid != NULL)
    {
      if (!g_uuid_string_is_valid (fields->uuid))
        {
          set_invalid (error, fields->line, _("Line %u: “%s” is not a valid UUID."),
                       fields->line, fields->uuid);
          return NULL;
        }
      uuid = g_ascii_strdown (fields->uuid, -1);
    }
  else
    {
      g_autofree char *when = g_date_time_format_iso8601 (occurred_at);
      g_autofree char *emotions = fields->emotions ? g_strjoinv (" ", fields->emotions) : NULL;
      g_autofree char *tags = fields->tags ? g_strjoinv ("\x1f", fields->tags) : NULL;
      g_autofree char *name = g_strdup_printf ("tend\x1e%s\x1e%d\x1e%d\x1e%s\x1e%s\x1e%s",
                                               when, fields->mood, fields->energy,
                                               emotions ? emotions : "", tags ? tags : "",
                                               fields->note ? fields->note : "");

      uuid = uuid_from_name (name);
    }

  entry = _tend_entry_new_stored (0, uuid, fields->mood, fields->note, occurred_at);
  tend_entry_set_energy (entry, fields->energy);
  tend_entry_set_emotions (entry, (const char * const *) fields->emotions);
  tend_entry_set_tags (entry, (const char * const *) fields->tags);
  _tend_entry_set_times (entry, fields->created_at, fields->updated_at);

  return entry;
}

/* JSON ---------------------------------------------------------------------------------- */

/* json-glib tells the line only while it parses: this notes where each object starts. */
typedef struct
{
  GArray     *open;   /* guint: lines of the objects being parsed */
  GHashTable *lines;  /* JsonObject → its first line */
} LineTracker;

static void
object_start_cb (JsonParser  *parser,
                 LineTracker *tracker)
{
  guint line = json_parser_get_current_line (parser);

  g_array_append_val (tracker->open, line);
}

static void
object_end_cb (JsonParser  *parser,
               JsonObject  *object,
               LineTracker *tracker)
{
  guint line = 0;

  if (tracker->open->len > 0)
    {
      line = g_array_index (tracker->open, guint, tracker->open->len - 1);
      g_array_set_size (tracker->open, tracker->open->len - 1);
    }

  g_hash_table_insert (tracker->lines, object, GUINT_TO_POINTER (line));
}

static guint
line_of (LineTracker *tracker,
         JsonObject  *object)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (tracker->lines, object));
}

static gboolean
set_type_error (GError     **error,
                guint        line,
                const char  *member)
{
  return set_invalid (error, line, _("Line %u: the value of “%s” is not one Tend can read."),
                      line, member);
}

static void
set_not_a_journal (GError **error)
{
  g_set_error_literal (error, TEND_TRANSFER_ERROR, TEND_TRANSFER_ERROR_NOT_A_JOURNAL,
                       _("This JSON file is not a journal exported by Tend."));
}

/* A string member: absent or null gives NULL with no error. */
static gboolean
get_string (JsonObject   *object,
            const char   *member,
            guint         line,
            const char  **out,
            GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return set_type_error (error, line, member);

  *out = json_node_get_string (node);
  return TRUE;
}

/* An integer member: absent or null gives 0 with no error. */
static gboolean
get_int (JsonObject  *object,
         const char  *member,
         guint        line,
         int         *out,
         GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 value;

  *out = 0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return set_type_error (error, line, member);

  value = json_node_get_int (node);
  *out = (int) CLAMP (value, G_MININT, G_MAXINT);
  return TRUE;
}

static gboolean
get_strv (JsonObject  *object,
          const char  *member,
          guint        line,
          GStrv       *out,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return set_type_error (error, line, member);

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return set_type_error (error, line, member);

      g_strv_builder_add (builder, json_node_get_string (element));
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

static TendEntry *
entry_from_json (JsonObject   *object,
                 guint         line,
                 GError      **error)
{
  EntryFields fields = { .line = line };
  g_auto(GStrv) emotions = NULL;
  g_auto(GStrv) tags = NULL;
  g_autoptr(GDateTime) occurred_at = NULL;
  const char *occurred_text = NULL;
  const char *created_text = NULL;
  const char *updated_text = NULL;

  if (!get_string (object, "uuid", line, &fields.uuid, error) ||
      !get_string (object, "occurred_at", line, &occurred_text, error) ||
      !get_int (object, "mood", line, &fields.mood, error) ||
      !get_int (object, "energy", line, &fields.energy, error) ||
      !get_strv (object, "emotions", line, &emotions, error) ||
      !get_strv (object, "tags", line, &tags, error) ||
      !get_string (object, "note", line, &fields.note, error) ||
      !get_string (object, "created_at", line, &created_text, error) ||
      !get_string (object, "updated_at", line, &updated_text, error))
    return NULL;

  if (occurred_text == NULL)
    {
      set_invalid (error, line, _("Line %u: the check-in has no “%s”."), line, "occurred_at");
      return NULL;
    }
  if (!json_object_has_member (object, "mood"))
    {
      set_invalid (error, line, _("Line %u: the check-in has no “%s”."), line, "mood");
      return NULL;
    }

  occurred_at = g_date_time_new_from_iso8601 (occurred_text, NULL);
  if (occurred_at == NULL)
    {
      set_invalid (error, line, _("Line %u: the time “%s” is not one Tend can read."),
                   line, occurred_text);
      return NULL;
    }
  if (!parse_unix_time (created_text, &fields.created_at))
    {
      set_invalid (error, line, _("Line %u: the time “%s” is not one Tend can read."),
                   line, created_text);
      return NULL;
    }
  if (!parse_unix_time (updated_text, &fields.updated_at))
    {
      set_invalid (error, line, _("Line %u: the time “%s” is not one Tend can read."),
                   line, updated_text);
      return NULL;
    }

  fields.occurred_at = occurred_at;
  fields.emotions = emotions;
  fields.tags = tags;

  return build_entry (&fields, error);
}

static int
compare_tag_positions (gconstpointer a,
                       gconstpointer b)
{
  const gint64 *pa = a, *pb = b;

  return (pa[1] > pb[1]) - (pa[1] < pb[1]);
}

static GPtrArray *
tags_from_json (JsonArray    *array,
                LineTracker  *tracker,
                GError      **error)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_object_unref);

  /* Pairs of (index, position), sorted by position; g_array_sort() keeps ties in order. */
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      int position = (int) i;
      gint64 pair[2];

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *object = json_node_get_object (node);

          if (json_object_has_member (object, "position") &&
              !get_int (object, "position", line_of (tracker, object), &position, error))
            return NULL;
        }

      pair[0] = i;
      pair[1] = position;
      g_array_append_vals (order, pair, 1);
    }
  g_array_sort (order, compare_tag_positions);

  for (guint i = 0; i < order->len; i++)
    {
      gint64 index = ((gint64 *) order->data)[i * 2];
      JsonNode *node = json_array_get_element (array, (guint) index);
      JsonObject *object;
      JsonNode *hidden;
      const char *name = NULL;
      g_autofree char *clean = NULL;
      guint line;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          set_not_a_journal (error);
          return NULL;
        }

      object = json_node_get_object (node);
      line = line_of (tracker, object);
      if (!get_string (object, "name", line, &name, error))
        return NULL;

      hidden = json_object_get_member (object, "hidden");
      if (hidden != NULL && !JSON_NODE_HOLDS_NULL (hidden) &&
          (!JSON_NODE_HOLDS_VALUE (hidden) || json_node_get_value_type (hidden) != G_TYPE_BOOLEAN))
        {
          set_type_error (error, line, "hidden");
          return NULL;
        }

      clean = tend_tag_name_normalize (name);
      if (clean == NULL)
        continue;

      g_ptr_array_add (tags, _tend_tag_new (0, clean,
                                            hidden != NULL && !JSON_NODE_HOLDS_NULL (hidden) &&
                                            json_node_get_boolean (hidden)));
    }

  return g_steal_pointer (&tags);
}

/* Finds the line in json-glib's "<data>:LINE:COLUMN: Parse error: …" message. */
static guint
json_error_line (const GError *error)
{
  const char *p = strstr (error->message, ">:");
  guint64 line = 0;

  if (p != NULL)
    line = g_ascii_strtoull (p + 2, NULL, 10);

  return (guint) MIN (line, G_MAXUINT);
}

static GPtrArray *
parse_json (const char  *text,
            gsize        length,
            GPtrArray  **out_tags,
            GError     **error)
{
  /* Not json_parser_new_immutable(): json-glib 1.10 aborts in json_parser_get_root() on
   * an immutable parser's root after a value followed by more text, as in 9{}. */
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) tags = NULL;
  LineTracker tracker;
  JsonNode *root;
  JsonObject *object;
  JsonNode *node;
  const char *format = NULL;
  int version = 0;
  gboolean parsed;

  tracker.open = g_array_new (FALSE, FALSE, sizeof (guint));
  tracker.lines = g_hash_table_new (NULL, NULL);
  g_signal_connect (parser, "object-start", G_CALLBACK (object_start_cb), &tracker);
  g_signal_connect (parser, "object-end", G_CALLBACK (object_end_cb), &tracker);

  parsed = json_parser_load_from_data (parser, text, (gssize) length, &local_error);
  g_signal_handlers_disconnect_by_data (parser, &tracker);
  g_array_unref (tracker.open);

  if (!parsed)
    {
      guint line = json_error_line (local_error);

      g_hash_table_unref (tracker.lines);
      if (line > 0)
        g_set_error (error, TEND_TRANSFER_ERROR, TEND_TRANSFER_ERROR_INVALID,
                     _("Line %u: the file is not valid JSON here."), line);
      else
        g_set_error_literal (error, TEND_TRANSFER_ERROR, TEND_TRANSFER_ERROR_INVALID,
                             _("The file is not valid JSON."));
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    goto not_a_journal;

  object = json_node_get_object (root);
  node = json_object_get_member (object, "format");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    format = json_node_get_string (node);
  node = json_object_get_member (object, "version");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_INT64)
    version = (int) CLAMP (json_node_get_int (node), G_MININT, G_MAXINT);

  if (g_strcmp0 (format, TEND_JSON_FORMAT_NAME) != 0 || version < 1)
    goto not_a_journal;

  if (version > TEND_JSON_FORMAT_VERSION)
    {
      g_hash_table_unref (tracker.lines);
      g_set_error (error, TEND_TRANSFER_ERROR, TEND_TRANSFER_ERROR_TOO_NEW,
                   _("This journal was exported by a newer version of Tend (format version %d). "
                     "Update Tend, then import it again."),
                   version);
      return NULL;
    }

  node = json_object_get_member (object, "entries");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    goto not_a_journal;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (node), i);
      TendEntry *entry;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        goto not_a_journal;

      entry = entry_from_json (json_node_get_object (element),
                               line_of (&tracker, json_node_get_object (element)), error);
      if (entry == NULL)
        {
          g_hash_table_unref (tracker.lines);
          return NULL;
        }
      g_ptr_array_add (entries, entry);
    }

  node = json_object_get_member (object, "tags");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    tags = tags_from_json (json_node_get_array (node), &tracker, error);
  else
    tags = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_unref (tracker.lines);

  if (tags == NULL)
    return NULL;

  *out_tags = g_steal_pointer (&tags);
  return g_steal_pointer (&entries);

not_a_journal:
  g_hash_table_unref (tracker.lines);
  set_not_a_journal (error);
  return NULL;
}

/* CSV ----------------------------------------------------------------------------------- */

typedef struct
{
  const char *p;
  const char *end;
  guint       line;
} CsvReader;

/* Reads the next record of RFC 4180 CSV, also taking bare LF line ends. A line break
 * inside quotes is kept as LF.
 *
 * Returns: the cells, or %NULL at the end or with @error set */
static GPtrArray *
csv_read_record (CsvReader  *reader,
                 guint      *record_line,
                 GError    **error)
{
  g_autoptr(GPtrArray) cells = NULL;
  const char *p = reader->p;
  const char *end = reader->end;

  if (p >= end)
    return NULL;

  cells = g_ptr_array_new_with_free_func (g_free);
  *record_line = reader->line;

  for (;;)
    {
      g_autoptr(GString) cell = g_string_new (NULL);

      if (p < end && *p == '"')
        {
          p++;
          for (;;)
            {
              if (p >= end)
                {
                  set_invalid (error, *record_line,
                               _("Line %u: a quoted cell is never closed."), *record_line);
                  return NULL;
                }
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (cell, '"');
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }
              if (*p == '\r' && p + 1 < end && p[1] == '\n')
                p++;
              if (*p == '\n')
                reader->line++;
              g_string_append_c (cell, *p);
              p++;
            }
        }

      /* Unquoted text, or what a lax writer left after the closing quote. */
      while (p < end && *p != ',' && *p != '\r' && *p != '\n')
        g_string_append_c (cell, *p++);

      g_ptr_array_add (cells, g_string_free_and_steal (g_steal_pointer (&cell)));

      if (p < end && *p == ',')
        {
          p++;
          continue;
        }

      if (p < end && *p == '\r')
        p++;
      if (p < end && *p == '\n')
        p++;
      reader->line++;
      break;
    }

  reader->p = p;
  return g_steal_pointer (&cells);
}

static gboolean
record_is_blank (GPtrArray *cells)
{
  return cells->len == 1 && *(const char *) g_ptr_array_index (cells, 0) == '\0';
}

static int
find_column (GPtrArray  *header,
             const char *name)
{
  for (guint i = 0; i < header->len; i++)
    {
      g_autofree char *column = g_ascii_strdown (g_ptr_array_index (header, i), -1);

      if (g_str_equal (g_strstrip (column), name))
        return (int) i;
    }

  return -1;
}

static const char *
cell_at (GPtrArray *cells,
         int        column)
{
  if (column < 0 || (guint) column >= cells->len)
    return "";

  return g_ptr_array_index (cells, column);
}

/* Cells joined by “|”, as Daylio writes activities and Tend emotions and tags. */
static GStrv
split_list (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "|", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

/* “21:30”, “9:30 pm”, “9:30 PM”, “9:30 p.m.”, with or without seconds. */
static gboolean
parse_clock_time (const char *text,
                  int        *hour,
                  int        *minute)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);
  char *p = g_strstrip (lower);
  char *suffix;
  guint64 h, m;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  h = g_ascii_strtoull (p, &p, 10);
  if (*p++ != ':' || !g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
    return FALSE;
  m = g_ascii_strtoull (p, &p, 10);
  if (*p == ':')
    {
      p++;
      if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
        return FALSE;
      p += 2;
    }
  if (m > 59)
    return FALSE;

  suffix = g_strstrip (p);
  if (*suffix == '\0')
    {
      if (h > 23)
        return FALSE;
    }
  else
    {
      gboolean pm;

      if (g_str_equal (suffix, "am") || g_str_equal (suffix, "a.m."))
        pm = FALSE;
      else if (g_str_equal (suffix, "pm") || g_str_equal (suffix, "p.m."))
        pm = TRUE;
      else
        return FALSE;

      if (h < 1 || h > 12)
        return FALSE;
      h = h % 12 + (pm ? 12 : 0);
    }

  *hour = (int) h;
  *minute = (int) m;
  return TRUE;
}

static gboolean
parse_day (const char *text,
           GDate      *date)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  unsigned int year, month, day;
  int consumed = 0;

  if (sscanf (copy, "%4u-%2u-%2u%n", &year, &month, &day, &consumed) != 3 ||
      copy[consumed] != '\0' || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static const struct {
  const char *name;
  TendMood    mood;
} daylio_moods[] = {
  { "rad",   TEND_MOOD_GREAT },
  { "good",  TEND_MOOD_GOOD },
  { "meh",   TEND_MOOD_OKAY },
  { "bad",   TEND_MOOD_BAD },
  { "awful", TEND_MOOD_AWFUL },
};

static TendMood
daylio_mood (const char *name)
{
  g_autofree char *lower = g_strstrip (g_ascii_strdown (name, -1));

  for (guint i = 0; i < G_N_ELEMENTS (daylio_moods); i++)
    if (g_str_equal (lower, daylio_moods[i].name))
      return daylio_moods[i].mood;

  return TEND_MOOD_NONE;
}

static gboolean
check_cells (GPtrArray  *cells,
             guint       n_columns,
             guint       line,
             GError    **error)
{
  if (cells->len >= n_columns)
    return TRUE;

  return set_invalid (error, line,
                      g_dngettext (GETTEXT_PACKAGE,
                                   /* Translators: the plural follows the number of cells */
                                   "Line %u has %u cell, but the first line has a different number (%u).",
                                   "Line %u has %u cells, but the first line has a different number (%u).",
                                   cells->len),
                      line, cells->len, n_columns);
}

static TendEntry *
entry_from_daylio (GPtrArray   *header,
                   GPtrArray   *cells,
                   guint        line,
                   GError     **error)
{
  const char *full_date = cell_at (cells, find_column (header, "full_date"));
  const char *time = cell_at (cells, find_column (header, "time"));
  const char *mood_name = cell_at (cells, find_column (header, "mood"));
  const char *activities = cell_at (cells, find_column (header, "activities"));
  const char *note_title = cell_at (cells, find_column (header, "note_title"));
  const char *note_text = cell_at (cells, find_column (header, "note"));
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) occurred_at = NULL;
  g_auto(GStrv) tags = NULL;
  g_autofree char *title = g_strstrip (g_strdup (note_title));
  g_autofree char *body = g_strstrip (g_strdup (note_text));
  g_autofree char *note = NULL;
  g_autofree char *name = NULL;
  g_autofree char *uuid = NULL;
  EntryFields fields = { .line = line };
  GDate day;
  int hour, minute;

  if (!check_cells (cells, header->len, line, error))
    return NULL;

  if (!parse_day (full_date, &day))
    {
      set_invalid (error, line, _("Line %u: the date “%s” is not one Tend can read."),
                   line, full_date);
      return NULL;
    }
  if (!parse_clock_time (time, &hour, &minute))
    {
      set_invalid (error, line, _("Line %u: the time “%s” is not one Tend can read."),
                   line, time);
      return NULL;
    }

  fields.mood = daylio_mood (mood_name);
  if (fields.mood == TEND_MOOD_NONE)
    {
      set_invalid (error, line,
                   /* Translators: rad, good, meh, bad and awful are Daylio's names; keep them. */
                   _("Line %u: the mood “%s” is not one Tend knows. Tend reads Daylio’s moods "
                     "rad, good, meh, bad and awful."),
                   line, mood_name);
      return NULL;
    }

  /* Daylio writes the time of the phone, without its time zone. */
  occurred_at = g_date_time_new (zone, g_date_get_year (&day), g_date_get_month (&day),
                                 g_date_get_day (&day), hour, minute, 0);
  if (occurred_at == NULL)
    {
      set_invalid (error, line, _("Line %u: the time “%s” is not one Tend can read."),
                   line, time);
      return NULL;
    }

  if (*title != '\0' && *body != '\0')
    note = g_strconcat (title, "\n\n", body, NULL);
  else
    note = g_strconcat (title, body, NULL);

  /* The row itself names the check-in, so the same row always gives the same uuid. */
  name = g_strjoin ("\x1e", "daylio", full_date, time, mood_name, activities, note_title,
                    note_text, NULL);
  uuid = uuid_from_name (name);
  tags = split_list (activities);

  fields.uuid = uuid;
  fields.occurred_at = occurred_at;
  fields.tags = tags;
  fields.note = note;
  return build_entry (&fields, error);
}

/* Takes away the quote that Tend's export puts before a cell a spreadsheet would run. */
static const char *
tend_cell (GPtrArray *header,
           GPtrArray *cells,
           const char *column)
{
  const char *cell = cell_at (cells, find_column (header, column));

  return cell[0] == '\'' ? cell + 1 : cell;
}

static gboolean
parse_number (const char *text,
              int        *value)
{
  guint64 number;

  if (*text == '\0')
    {
      *value = 0;
      return TRUE;
    }

  if (!g_ascii_string_to_unsigned (text, 10, 0, 1000, &number, NULL))
    return FALSE;

  *value = (int) number;
  return TRUE;
}

static TendEntry *
entry_from_tend_csv (GPtrArray   *header,
                     GPtrArray   *cells,
                     guint        line,
                     GError     **error)
{
  const char *occurred_text = tend_cell (header, cells, "occurred_at");
  const char *mood_text = tend_cell (header, cells, "mood");
  const char *energy_text = tend_cell (header, cells, "energy");
  const char *created_text = tend_cell (header, cells, "created_at");
  const char *updated_text = tend_cell (header, cells, "updated_at");
  g_autoptr(GDateTime) occurred_at = NULL;
  g_auto(GStrv) emotions = split_list (tend_cell (header, cells, "emotions"));
  g_auto(GStrv) tags = split_list (tend_cell (header, cells, "tags"));
  EntryFields fields = { .line = line };

  if (!check_cells (cells, header->len, line, error))
    return NULL;

  occurred_at = g_date_time_new_from_iso8601 (occurred_text, NULL);
  if (occurred_at == NULL)
    {
      set_invalid (error, line, _("Line %u: the time “%s” is not one Tend can read."),
                   line, occurred_text);
      return NULL;
    }
  if (*mood_text == '\0' || !parse_number (mood_text, &fields.mood))
    {
      set_invalid (error, line, _("Line %u: the mood “%s” is not one Tend knows."),
                   line, mood_text);
      return NULL;
    }
  if (!parse_number (energy_text, &fields.energy))
    {
      set_invalid (error, line, _("Line %u: the energy “%s” is not one Tend knows."),
                   line, energy_text);
      return NULL;
    }
  if (!parse_unix_time (created_text, &fields.created_at))
    {
      set_invalid (error, line, _("Line %u: the time “%s” is not one Tend can read."),
                   line, created_text);
      return NULL;
    }
  if (!parse_unix_time (updated_text, &fields.updated_at))
    {
      set_invalid (error, line, _("Line %u: the time “%s” is not one Tend can read."),
                   line, updated_text);
      return NULL;
    }

  fields.uuid = *tend_cell (header, cells, "uuid") != '\0' ? tend_cell (header, cells, "uuid")
                                                           : NULL;
  fields.occurred_at = occurred_at;
  fields.emotions = emotions;
  fields.tags = tags;
  fields.note = tend_cell (header, cells, "note");
  return build_entry (&fields, error);
}

typedef TendEntry *(*RowReader) (GPtrArray  *header,
                                 GPtrArray  *cells,
                                 guint       line,
                                 GError    **error);

static GPtrArray *
parse_csv (const char  *text,
           gsize        length,
           GError     **error)
{
  CsvReader reader = { text, text + length, 1 };
  g_autoptr(GPtrArray) header = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  RowReader read_row;
  guint line;

  header = csv_read_record (&reader, &line, error);
  if (header == NULL)
    return NULL;

  if (find_column (header, "full_date") >= 0 && find_column (header, "time") >= 0 &&
      find_column (header, "mood") >= 0)
    read_row = entry_from_daylio;
  else if (find_column (header, "uuid") >= 0 && find_column (header, "occurred_at") >= 0 &&
           find_column (header, "mood") >= 0)
    read_row = entry_from_tend_csv;
  else
    {
      g_set_error_literal (error, TEND_TRANSFER_ERROR, TEND_TRANSFER_ERROR_NOT_A_JOURNAL,
                           _("This CSV file is neither a Tend export nor a Daylio export: its "
                             "first line does not name the columns Tend reads."));
      return NULL;
    }

  for (;;)
    {
      g_autoptr(GPtrArray) cells = csv_read_record (&reader, &line, &local_error);
      TendEntry *entry;

      if (cells == NULL)
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          break;
        }

      if (record_is_blank (cells))
        continue;

      entry = read_row (header, cells, line, error);
      if (entry == NULL)
        return NULL;
      g_ptr_array_add (entries, entry);
    }

  return g_steal_pointer (&entries);
}

/* Files --------------------------------------------------------------------------------- */

static int
compare_occurred_at (gconstpointer a,
                     gconstpointer b)
{
  TendEntry *entry_a = *(TendEntry **) a;
  TendEntry *entry_b = *(TendEntry **) b;

  return g_date_time_compare (tend_entry_get_occurred_at (entry_a),
                              tend_entry_get_occurred_at (entry_b));
}

/**
 * tend_import_check_format:
 *
 * Returns: whether Tend imports files of @format; if not, @error says so in plain words
 */
gboolean
tend_import_check_format (TendFileFormat   format,
                          GError         **error)
{
  if (format == TEND_FILE_FORMAT_MARKDOWN)
    {
      g_set_error_literal (error, TEND_TRANSFER_ERROR, TEND_TRANSFER_ERROR_EXPORT_ONLY,
                           _("Tend exports Markdown for reading, but cannot import it. Import "
                             "a .json or .csv file instead."));
      return FALSE;
    }

  if (format != TEND_FILE_FORMAT_JSON && format != TEND_FILE_FORMAT_CSV)
    {
      g_set_error_literal (error, TEND_TRANSFER_ERROR, TEND_TRANSFER_ERROR_UNKNOWN_FORMAT,
                           _("Tend can import files ending in .json or .csv."));
      return FALSE;
    }

  return TRUE;
}

/**
 * tend_import_parse:
 * @contents: the whole file
 * @format: its format, from its name
 * @tags: (out) (transfer container) (element-type TendTag) (optional): the file's list of
 *   tags, in its order; empty for CSV
 *
 * Reads a file without touching any journal.
 *
 * Returns: (transfer container) (element-type TendEntry): the entries, the oldest first,
 *   or %NULL with @error set to a message in plain words
 */
GPtrArray *
tend_import_parse (GBytes          *contents,
                   TendFileFormat   format,
                   GPtrArray      **tags,
                   GError         **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) file_tags = NULL;
  const char *text;
  const char *invalid = NULL;
  gsize length;
  gboolean blank = TRUE;

  g_return_val_if_fail (contents != NULL, NULL);

  if (!tend_import_check_format (format, error))
    return NULL;

  text = g_bytes_get_data (contents, &length);
  if (length > TEND_IMPORT_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (TEND_IMPORT_MAX_SIZE);

      g_set_error (error, TEND_TRANSFER_ERROR, TEND_TRANSFER_ERROR_TOO_BIG,
                   _("The file is too big to import (%s). Tend imports files of up to %s."),
                   size, limit);
      return NULL;
    }

  if (length >= 3 && memcmp (text, UTF8_BOM, 3) == 0)
    {
      text += 3;
      length -= 3;
    }

  if (!g_utf8_validate_len (text, length, &invalid))
    {
      guint line = 1;

      for (const char *p = text; p < invalid; p++)
        line += *p == '\n';

      g_set_error (error, TEND_TRANSFER_ERROR, TEND_TRANSFER_ERROR_NOT_UTF8,
                   _("Line %u is not UTF-8 text. Save the file as UTF-8, then import it again."),
                   line);
      return NULL;
    }

  for (gsize i = 0; blank && i < length; i++)
    blank = g_ascii_isspace (text[i]);
  if (blank)
    {
      g_set_error_literal (error, TEND_TRANSFER_ERROR, TEND_TRANSFER_ERROR_EMPTY,
                           _("The file is empty."));
      return NULL;
    }

  if (format == TEND_FILE_FORMAT_JSON)
    entries = parse_json (text, length, &file_tags, error);
  else
    entries = parse_csv (text, length, error);

  if (entries == NULL)
    return NULL;

  /* Files list the newest first; stored the oldest first, entries of the same second
   * keep their order in the journal. */
  for (guint i = 0; i < entries->len / 2; i++)
    {
      gpointer *a = &entries->pdata[i];
      gpointer *b = &entries->pdata[entries->len - 1 - i];
      gpointer swap = *a;

      *a = *b;
      *b = swap;
    }
  g_ptr_array_sort (entries, compare_occurred_at);

  if (tags != NULL)
    *tags = file_tags != NULL ? g_steal_pointer (&file_tags)
                              : g_ptr_array_new_with_free_func (g_object_unref);

  return g_steal_pointer (&entries);
}

typedef struct
{
  GFile     *file;
  GPtrArray *entries;
  GPtrArray *tags;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->file);
  g_clear_pointer (&job->entries, g_ptr_array_unref);
  g_clear_pointer (&job->tags, g_ptr_array_unref);
  g_free (job);
}

/* Reads and checks the file. Runs on any thread. */
static gboolean
import_job_read (ImportJob     *job,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_basename (job->file);
  TendFileFormat format = tend_file_format_from_name (name);

  if (!tend_import_check_format (format, error))
    return FALSE;

  info = g_file_query_info (job->file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info != NULL && g_file_info_get_size (info) > TEND_IMPORT_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (TEND_IMPORT_MAX_SIZE);

      g_set_error (error, TEND_TRANSFER_ERROR, TEND_TRANSFER_ERROR_TOO_BIG,
                   _("The file is too big to import (%s). Tend imports files of up to %s."),
                   size, limit);
      return FALSE;
    }

  if (info != NULL)
    contents = g_file_load_bytes (job->file, cancellable, NULL, &local_error);

  if (contents == NULL)
    {
      g_autofree char *parse_name = g_file_get_parse_name (job->file);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      g_set_error (error, G_IO_ERROR, local_error->code,
                   /* Translators: %s is a file name, then the reason from the system. */
                   _("Tend could not read “%s”: %s"), parse_name, local_error->message);
      return FALSE;
    }

  job->entries = tend_import_parse (contents, format, &job->tags, error);
  return job->entries != NULL;
}

/**
 * tend_import_file:
 * @n_read: (out) (optional): how many entries the file holds
 * @n_added: (out) (optional): how many of those were new to the journal
 *
 * Reads @file, its format told by its name, and adds its entries to @journal in one
 * transaction: all or, on any problem, none. This blocks; the interface uses
 * tend_import_file_async().
 */
gboolean
tend_import_file (TendJournal   *journal,
                  GFile         *file,
                  GCancellable  *cancellable,
                  guint         *n_read,
                  guint         *n_added,
                  GError       **error)
{
  ImportJob job = { .file = file };
  gboolean ok;

  g_return_val_if_fail (TEND_IS_JOURNAL (journal), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  ok = import_job_read (&job, cancellable, error) &&
       tend_journal_import (journal, job.entries, job.tags, n_added, error);

  if (ok && n_read != NULL)
    *n_read = job.entries->len;

  g_clear_pointer (&job.entries, g_ptr_array_unref);
  g_clear_pointer (&job.tags, g_ptr_array_unref);
  return ok;
}

static void
import_read_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;

  if (import_job_read (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
import_stored_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  guint n_added = 0;

  if (!tend_journal_import_finish (TEND_JOURNAL (object), result, &n_added, &error))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, n_added);
}

static void
import_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportJob *job = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  tend_journal_import_async (TEND_JOURNAL (object), job->entries, job->tags,
                             g_task_get_cancellable (task), import_stored_cb,
                             g_object_ref (task));
}

/**
 * tend_import_file_async:
 *
 * Like tend_import_file(): reads and stores on worker threads; the journal's lists show
 * the new entries before @callback runs.
 */
void
tend_import_file_async (TendJournal         *journal,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) read_task = NULL;
  ImportJob *job;

  g_return_if_fail (TEND_IS_JOURNAL (journal));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (ImportJob, 1);
  job->file = g_object_ref (file);

  task = g_task_new (journal, cancellable, callback, user_data);
  g_task_set_source_tag (task, tend_import_file_async);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);

  read_task = g_task_new (journal, cancellable, import_read_cb, g_object_ref (task));
  g_task_set_task_data (read_task, job, NULL);
  tend_task_run_in_thread (read_task, import_read_thread);
}

gboolean
tend_import_file_finish (TendJournal   *journal,
                         GAsyncResult  *result,
                         guint         *n_read,
                         guint         *n_added,
                         GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  ImportJob *job;
  gssize count;

  g_return_val_if_fail (TEND_IS_JOURNAL (journal), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, journal), FALSE);

  count = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  job = g_task_get_task_data (G_TASK (result));
  if (n_read != NULL)
    *n_read = job->entries->len;
  if (n_added != NULL)
    *n_added = (guint) count;

  return TRUE;
}
