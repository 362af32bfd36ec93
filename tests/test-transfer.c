/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "tend-context.h"
#include "tend-emotion.h"
#include "tend-export.h"
#include "tend-import.h"
#include "tend-test-utils.h"

/* Export and import on real journals in temporary folders: what goes out comes back the
 * same, and a bad file changes nothing. */

typedef struct
{
  char        *data_dir;
  TendContext *context;
  TendJournal *journal;
  char        *other_dir;
  TendContext *other_context;
  TendJournal *other;      /* an empty journal to import into */
  char        *files_dir;  /* where the test writes its files */
} Fixture;

static TendContext *
open_context (const char   *data_dir,
              TendJournal **journal)
{
  g_autoptr(GError) error = NULL;
  TendContext *context = tend_context_new (data_dir, NULL);

  g_assert_true (tend_context_open (context, &error));
  g_assert_no_error (error);
  *journal = tend_context_get_journal (context);
  return context;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->data_dir = tend_test_make_data_dir ();
  fixture->context = open_context (fixture->data_dir, &fixture->journal);
  fixture->other_dir = tend_test_make_data_dir ();
  fixture->other_context = open_context (fixture->other_dir, &fixture->other);
  fixture->files_dir = g_build_filename (fixture->data_dir, "files", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->files_dir, 0700), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->context);
  g_assert_finalize_object (fixture->other_context);
  g_free (fixture->data_dir);
  g_free (fixture->other_dir);
  g_free (fixture->files_dir);
}

static GFile *
test_file (Fixture    *fixture,
           const char *name)
{
  g_autofree char *path = g_build_filename (fixture->files_dir, name, NULL);

  return g_file_new_for_path (path);
}

static GFile *
write_test_file (Fixture    *fixture,
                 const char *name,
                 const char *contents,
                 gssize      length)
{
  GFile *file = test_file (fixture, name);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
  return file;
}

static GFile *
data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return g_file_new_for_path (path);
}

static char *
read_file (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

static guint
count_entries (TendJournal *journal)
{
  return g_list_model_get_n_items (G_LIST_MODEL (tend_journal_get_entries (journal)));
}

static TendEntry *
get_entry (TendJournal *journal,
           guint        position)
{
  return g_list_model_get_item (G_LIST_MODEL (tend_journal_get_entries (journal)), position);
}

static TendEntry *
add_entry (TendJournal        *journal,
           const char         *when,
           TendMood            mood,
           TendEnergy          energy,
           const char * const *emotions,
           const char * const *tags,
           const char         *note)
{
  g_autoptr(GDateTime) occurred_at = tend_test_date_time (when);
  g_autoptr(GError) error = NULL;
  TendEntry *entry = tend_entry_new (mood, note, occurred_at);

  tend_entry_set_energy (entry, energy);
  tend_entry_set_emotions (entry, emotions);
  tend_entry_set_tags (entry, tags);
  g_assert_true (tend_journal_add (journal, entry, &error));
  g_assert_no_error (error);
  return entry;
}

static void
fill_journal (TendJournal *journal)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TendEntry) a = NULL;
  g_autoptr(TendEntry) b = NULL;
  g_autoptr(TendEntry) c = NULL;
  g_autoptr(TendEntry) d = NULL;
  g_autoptr(TendTag) walk = NULL;

  a = add_entry (journal, "2026-11-20T08:15:00+05:30", TEND_MOOD_GREAT, TEND_ENERGY_HIGH,
                 (const char *[]) { "calm", "grateful", NULL },
                 (const char *[]) { "Walk", "Family", NULL },
                 "A morning walk.\nThe air was “crisp”, and I said \"hello\" to a neighbour.");
  b = add_entry (journal, "2026-11-20T23:59:59-08:00", TEND_MOOD_AWFUL, TEND_ENERGY_NONE,
                 NULL, NULL, "");
  c = add_entry (journal, "2026-11-21T12:00:00Z", TEND_MOOD_OKAY, TEND_ENERGY_LOW,
                 (const char *[]) { "worried", NULL },
                 (const char *[]) { "Work", NULL },
                 "=1+2, a note that looks like a formula\r\nand ünïcødé 🌱");
  /* Two check-ins at the same second keep their order. */
  d = add_entry (journal, "2026-11-21T12:00:00Z", TEND_MOOD_GOOD, TEND_ENERGY_MEDIUM,
                 NULL, (const char *[]) { "Walk", NULL }, "The same second");

  g_assert_true (tend_journal_create_tag (journal, "Unused", &error));
  g_assert_no_error (error);
  for (guint i = 0; walk == NULL; i++)
    {
      g_autoptr(TendTag) tag = g_list_model_get_item (tend_journal_get_tags (journal), i);

      g_assert_nonnull (tag);
      if (g_str_equal (tend_tag_get_name (tag), "Walk"))
        walk = g_steal_pointer (&tag);
    }
  g_assert_true (tend_journal_set_tag_hidden (journal, walk, TRUE, &error));
  g_assert_no_error (error);
}

static void
assert_same_journals (TendJournal *a,
                      TendJournal *b)
{
  GListModel *tags_a = tend_journal_get_tags (a);
  GListModel *tags_b = tend_journal_get_tags (b);

  g_assert_cmpuint (count_entries (a), ==, count_entries (b));
  for (guint i = 0; i < count_entries (a); i++)
    {
      g_autoptr(TendEntry) entry_a = get_entry (a, i);
      g_autoptr(TendEntry) entry_b = get_entry (b, i);

      g_assert_true (tend_entry_equal (entry_a, entry_b));
      g_assert_cmpstr (tend_entry_get_uuid (entry_a), ==, tend_entry_get_uuid (entry_b));
      g_assert_cmpstr (tend_entry_get_note (entry_a), ==, tend_entry_get_note (entry_b));
      g_assert_cmpint (tend_entry_get_created_at (entry_a), ==,
                       tend_entry_get_created_at (entry_b));
      g_assert_cmpint (tend_entry_get_updated_at (entry_a), ==,
                       tend_entry_get_updated_at (entry_b));
    }

  g_assert_cmpuint (g_list_model_get_n_items (tags_a), ==, g_list_model_get_n_items (tags_b));
  for (guint i = 0; i < g_list_model_get_n_items (tags_a); i++)
    {
      g_autoptr(TendTag) tag_a = g_list_model_get_item (tags_a, i);
      g_autoptr(TendTag) tag_b = g_list_model_get_item (tags_b, i);

      g_assert_cmpstr (tend_tag_get_name (tag_a), ==, tend_tag_get_name (tag_b));
      g_assert_cmpint (tend_tag_get_hidden (tag_a), ==, tend_tag_get_hidden (tag_b));
    }
}

static void
export_to (Fixture        *fixture,
           GListModel     *entries,
           GFile          *file,
           guint           expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  guint n_exported = 0;

  g_assert_true (tend_export_file (fixture->journal, entries, tend_file_format_from_name (name),
                                   file, NULL, &n_exported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_exported, ==, expected);
}

static void
import_ok (TendJournal *journal,
           GFile       *file,
           guint        expected_read,
           guint        expected_added)
{
  g_autoptr(GError) error = NULL;
  guint n_read = 0, n_added = 0;

  g_assert_true (tend_import_file (journal, file, NULL, &n_read, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_read, ==, expected_read);
  g_assert_cmpuint (n_added, ==, expected_added);
}

static char *
import_fails (TendJournal *journal,
              GFile       *file,
              int          code)
{
  g_autoptr(GError) error = NULL;
  guint before = count_entries (journal);

  g_assert_false (tend_import_file (journal, file, NULL, NULL, NULL, &error));
  g_assert_error (error, TEND_TRANSFER_ERROR, code);
  g_assert_cmpuint (count_entries (journal), ==, before);
  return g_strdup (error->message);
}

static void
test_json_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = test_file (fixture, "journal.json");
  g_autofree char *text = NULL;

  fill_journal (fixture->journal);
  export_to (fixture, NULL, file, 4);

  text = read_file (file);
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\" : \"tend-journal\",\n"
                                         "  \"version\" : 1,\n"));
  g_assert_nonnull (strstr (text, "\"occurred_at\" : \"2026-11-20T08:15:00+05:30\""));
  g_assert_nonnull (strstr (text, "\"mood_label\" : \"great\""));
  g_assert_nonnull (strstr (text, "\"energy\" : null"));

  import_ok (fixture->other, file, 4, 4);
  assert_same_journals (fixture->journal, fixture->other);
}

static void
test_json_idempotent (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = test_file (fixture, "journal.json");

  fill_journal (fixture->journal);
  export_to (fixture, NULL, file, 4);

  import_ok (fixture->other, file, 4, 4);
  import_ok (fixture->other, file, 4, 0);
  g_assert_cmpuint (count_entries (fixture->other), ==, 4);

  /* Into the journal it came from, nothing is new either. */
  import_ok (fixture->journal, file, 4, 0);
}

static void
test_export_filtered (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = test_file (fixture, "walks.json");
  g_autoptr(TendFilter) filter = tend_filter_new ();
  g_autoptr(TendEntryList) list = NULL;
  g_autoptr(GError) error = NULL;

  fill_journal (fixture->journal);
  tend_filter_set_tag (filter, "Walk");
  list = tend_journal_query (fixture->journal, filter, &error);
  g_assert_no_error (error);

  export_to (fixture, G_LIST_MODEL (list), file, 2);
  import_ok (fixture->other, file, 2, 2);
  g_assert_cmpuint (count_entries (fixture->other), ==, 2);
}

static void
test_csv_quoting (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GFile) file = test_file (fixture, "journal.csv");
  g_autoptr(TendEntry) entry = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected_row = NULL;
  g_auto(GStrv) lines = NULL;

  entry = add_entry (fixture->journal, "2026-11-21T09:30:00+01:00", TEND_MOOD_GOOD,
                     TEND_ENERGY_HIGH, (const char *[]) { "calm", "happy", NULL },
                     (const char *[]) { "Tea, hot", NULL },
                     "She said \"yes\", then\nwe left");
  export_to (fixture, NULL, file, 1);
  text = read_file (file);

  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);  /* header, row, and "" after the last CRLF */
  g_assert_cmpstr (lines[0], ==, "uuid,occurred_at,mood,mood_label,energy,energy_label,"
                                 "emotions,tags,note,created_at,updated_at");
  expected_row = g_strdup_printf ("%s,2026-11-21T09:30:00+01:00,4,good,3,high,calm | happy,"
                                  "\"Tea, hot\",\"She said \"\"yes\"\", then\nwe left\",",
                                  tend_entry_get_uuid (entry));
  g_assert_true (g_str_has_prefix (lines[1], expected_row));
  g_assert_cmpstr (lines[2], ==, "");

  /* Tend reads its own CSV back. */
  import_ok (fixture->other, file, 1, 1);
  assert_same_journals (fixture->journal, fixture->other);
}

static void
test_csv_formulas (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const notes[] = {
    "=HYPERLINK(\"http://example.com\",\"click\")", "+1", "-2+3", "@SUM(A1)", "\tTab",
    "\rReturn", "'quoted", "plain",
  };
  static const char * const cells[] = {
    "\"'=HYPERLINK(\"\"http://example.com\"\",\"\"click\"\")\"", "'+1", "'-2+3", "'@SUM(A1)",
    "'\tTab", "\"'\rReturn\"", "''quoted", "plain",
  };
  g_autoptr(GFile) file = test_file (fixture, "journal.csv");
  g_autofree char *text = NULL;

  for (guint i = 0; i < 3; i++)
    {
      static const char * const in[] = { "=1", "a=1", "" };
      static const char * const out[] = { "'=1", "a=1", "" };
      g_autofree char *cell = tend_csv_neutralize_cell (in[i]);

      g_assert_cmpstr (cell, ==, out[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_autofree char *when = g_strdup_printf ("2026-11-%02uT10:00:00Z", i + 1);
      g_autoptr(TendEntry) entry = add_entry (fixture->journal, when, TEND_MOOD_OKAY,
                                              TEND_ENERGY_NONE, NULL,
                                              (const char *[]) { "-tag", NULL }, notes[i]);
    }

  export_to (fixture, NULL, file, G_N_ELEMENTS (notes));
  text = read_file (file);

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autofree char *cell = g_strdup_printf (",'-tag,%s,", cells[i]);

      g_assert_nonnull (strstr (text, cell));
    }

  /* No cell of the file starts a formula. */
  g_assert_null (strstr (text, ",="));
  g_assert_null (strstr (text, ",+"));
  g_assert_null (strstr (text, ",-"));
  g_assert_null (strstr (text, ",@"));

  /* The quotes come off again on import. */
  import_ok (fixture->other, file, G_N_ELEMENTS (notes), G_N_ELEMENTS (notes));
  assert_same_journals (fixture->journal, fixture->other);
}

static void
test_daylio (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GFile) file = data_file ("daylio.csv");
  static const struct {
    const char *when;
    TendMood    mood;
    const char *tags;
    const char *note;
  } expected[] = {
    { "2024-03-12T21:30:00Z", TEND_MOOD_GREAT, "Friends,movies,good meal",
      "Movie night\n\nSaw a film with Sam.\nLaughed a lot, ate too much popcorn." },
    { "2024-03-12T12:15:00Z", TEND_MOOD_OKAY, "Work", "" },
    { "2024-03-12T07:05:00Z", TEND_MOOD_GOOD, "Walk,sleep early", "Woke up rested" },
    { "2024-03-11T22:40:00Z", TEND_MOOD_BAD, "Work,stress",
      "Long day\n\nThe \"quarterly\" review ran late." },
    { "2024-03-10T00:00:00Z", TEND_MOOD_AWFUL, "", "" },
    { "2024-03-09T20:00:00Z", TEND_MOOD_GOOD, "Family,Walk", "Café with Mum" },
  };

  guint n_tags = g_list_model_get_n_items (tend_journal_get_tags (fixture->journal));

  import_ok (fixture->journal, file, G_N_ELEMENTS (expected), G_N_ELEMENTS (expected));
  g_assert_cmpuint (count_entries (fixture->journal), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(TendEntry) entry = get_entry (fixture->journal, i);
      g_autoptr(GDateTime) when = tend_test_date_time (expected[i].when);
      g_autofree char *tags = g_strjoinv (",", (char **) tend_entry_get_tags (entry));

      g_assert_true (g_date_time_equal (tend_entry_get_occurred_at (entry), when));
      g_assert_cmpint (tend_entry_get_mood (entry), ==, expected[i].mood);
      g_assert_cmpint (tend_entry_get_energy (entry), ==, TEND_ENERGY_NONE);
      g_assert_cmpstr (tags, ==, expected[i].tags);
      g_assert_cmpstr (tend_entry_get_note (entry), ==, expected[i].note);
      g_assert_true (g_uuid_string_is_valid (tend_entry_get_uuid (entry)));
    }

  /* Activities became tags, in the journal's order; “work”, “friends” and “family” are
   * the journal's own “Work”, “Friends” and “Family”, and “walk” is “Walk”. */
  g_assert_cmpuint (g_list_model_get_n_items (tend_journal_get_tags (fixture->journal)), ==,
                    n_tags + 5);

  /* The same file again adds nothing: the uuids come from the rows. */
  import_ok (fixture->journal, file, G_N_ELEMENTS (expected), 0);
  g_assert_cmpuint (count_entries (fixture->journal), ==, G_N_ELEMENTS (expected));

  /* And into another journal, the same uuids. */
  import_ok (fixture->other, file, G_N_ELEMENTS (expected), G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(TendEntry) a = get_entry (fixture->journal, i);
      g_autoptr(TendEntry) b = get_entry (fixture->other, i);

      g_assert_cmpstr (tend_entry_get_uuid (a), ==, tend_entry_get_uuid (b));
    }
}

static void
test_daylio_bad_last_row (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GFile) file = data_file ("daylio-unknown-mood.csv");
  g_autoptr(TendEntry) entry = NULL;
  g_autofree char *message = NULL;
  guint n_tags;

  entry = add_entry (fixture->journal, "2026-11-21T09:30:00Z", TEND_MOOD_GOOD,
                     TEND_ENERGY_NONE, NULL, NULL, "Already here");

  /* The first rows are good, the last is not: nothing is added. */
  n_tags = g_list_model_get_n_items (tend_journal_get_tags (fixture->journal));
  message = import_fails (fixture->journal, file, TEND_TRANSFER_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (message,
                                   "Line 6: the mood “fantastic” is not one Tend knows."));
  g_assert_cmpuint (count_entries (fixture->journal), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (tend_journal_get_tags (fixture->journal)), ==,
                    n_tags);
}

static void
test_daylio_times (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct {
    const char *time;
    const char *expected;  /* NULL: refused */
  } times[] = {
    { "9:30 pm", "21:30" }, { "9:30 PM", "21:30" }, { "09:30 a.m.", "09:30" },
    { "12:05 am", "00:05" }, { "12:05 pm", "12:05" }, { "21:30", "21:30" },
    { "0:00", "00:00" }, { "21:30:15", "21:30" }, { "13:00 pm", NULL }, { "24:00", NULL },
    { "noon", NULL }, { "9.30", NULL }, { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autofree char *csv = g_strdup_printf ("full_date,date,weekday,time,mood,activities,"
                                              "note_title,note\n"
                                              "2024-03-12,March 12,Tuesday,%s,meh,,,\n",
                                              times[i].time);
      g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));
      g_autoptr(GPtrArray) entries = NULL;
      g_autoptr(GError) error = NULL;

      entries = tend_import_parse (bytes, TEND_FILE_FORMAT_CSV, NULL, &error);
      if (times[i].expected == NULL)
        {
          g_autofree char *message = g_strdup_printf ("Line 2: the time “%s” is not one "
                                                      "Tend can read.", times[i].time);

          g_assert_error (error, TEND_TRANSFER_ERROR, TEND_TRANSFER_ERROR_INVALID);
          g_assert_cmpstr (error->message, ==, message);
          g_assert_null (entries);
        }
      else
        {
          g_autofree char *time = NULL;

          g_assert_no_error (error);
          g_assert_cmpuint (entries->len, ==, 1);
          time = g_date_time_format (tend_entry_get_occurred_at (entries->pdata[0]), "%H:%M");
          g_assert_cmpstr (time, ==, times[i].expected);
        }
    }
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *contents;
    int         code;
    const char *message;
  } files[] = {
    { "empty.json", "", TEND_TRANSFER_ERROR_EMPTY, "The file is empty." },
    { "blank.csv", "\xef\xbb\xbf \r\n\n", TEND_TRANSFER_ERROR_EMPTY, "The file is empty." },
    { "latin1.csv", "full_date,date,weekday,time,mood,activities,note_title,note\n"
                    "2024-03-12,March 12,Tuesday,9:30,meh,,,Caf\xe9\n",
      TEND_TRANSFER_ERROR_NOT_UTF8,
      "Line 2 is not UTF-8 text. Save the file as UTF-8, then import it again." },
    { "nul.json", "{\"format\": \"tend-journal\"\0}", TEND_TRANSFER_ERROR_NOT_UTF8,
      "Line 1 is not UTF-8 text. Save the file as UTF-8, then import it again." },
    { "other.json", "{\"type\": \"FeatureCollection\", \"features\": []}",
      TEND_TRANSFER_ERROR_NOT_A_JOURNAL, "This JSON file is not a journal exported by Tend." },
    { "array.json", "[1, 2, 3]",
      TEND_TRANSFER_ERROR_NOT_A_JOURNAL, "This JSON file is not a journal exported by Tend." },
    { "newer.json", "{\"format\": \"tend-journal\", \"version\": 2, \"entries\": []}",
      TEND_TRANSFER_ERROR_TOO_NEW,
      "This journal was exported by a newer version of Tend (format version 2). "
      "Update Tend, then import it again." },
    { "broken.json", "{\n  \"format\": \"tend-journal\",\n  \"version\": 1,\n  \"entries\": [\n",
      TEND_TRANSFER_ERROR_INVALID, NULL },
    { "mood.json", "{\n  \"format\": \"tend-journal\",\n  \"version\": 1,\n  \"entries\": [\n"
                   "    {\"occurred_at\": \"2026-11-21T09:30:00+01:00\", \"mood\": 3},\n"
                   "    {\n      \"occurred_at\": \"2026-11-21T10:30:00+01:00\",\n"
                   "      \"mood\": 9\n    }\n  ]\n}\n",
      TEND_TRANSFER_ERROR_INVALID, "Line 6: the mood 9 is not between 1 and 5." },
    { "emotion.json", "{\"format\": \"tend-journal\", \"version\": 1, \"entries\": [\n"
                      "{\"occurred_at\": \"2026-11-21T09:30:00Z\", \"mood\": 3, "
                      "\"emotions\": [\"calm\", \"smug\"]}]}",
      TEND_TRANSFER_ERROR_INVALID, "Line 2: the emotion “smug” is not one Tend knows." },
    { "time.json", "{\"format\": \"tend-journal\", \"version\": 1, \"entries\": [\n"
                   "{\"occurred_at\": \"yesterday\", \"mood\": 3}]}",
      TEND_TRANSFER_ERROR_INVALID, "Line 2: the time “yesterday” is not one Tend can read." },
    { "type.json", "{\"format\": \"tend-journal\", \"version\": 1, \"entries\": [\n"
                   "{\"occurred_at\": \"2026-11-21T09:30:00Z\", \"mood\": \"good\"}]}",
      TEND_TRANSFER_ERROR_INVALID, "Line 2: the value of “mood” is not one Tend can read." },
    /* Found by fuzzing: json-glib aborted on a value followed by more text. */
    { "value-then-object.json", "9{\"format\": \"tend-journal\", \"version\": 1, \"entries\": []}",
      TEND_TRANSFER_ERROR_NOT_A_JOURNAL, "This JSON file is not a journal exported by Tend." },
    { "other.csv", "name,email\nSam,sam@example.com\n", TEND_TRANSFER_ERROR_NOT_A_JOURNAL,
      "This CSV file is neither a Tend export nor a Daylio export: its first line does not "
      "name the columns Tend reads." },
    { "quote.csv", "full_date,date,weekday,time,mood,activities,note_title,note\n"
                   "2024-03-12,March 12,Tuesday,9:30,meh,,,\"never closed\n\n",
      TEND_TRANSFER_ERROR_INVALID, "Line 2: a quoted cell is never closed." },
    { "short.csv", "full_date,date,weekday,time,mood,activities,note_title,note\n"
                   "2024-03-12,March 12,Tuesday,9:30,meh\n",
      TEND_TRANSFER_ERROR_INVALID, "Line 2 has 5 cells, but the first line has a different number (8)." },
    { "date.csv", "full_date,date,weekday,time,mood,activities,note_title,note\n"
                  "12/03/2024,March 12,Tuesday,9:30,meh,,,\n",
      TEND_TRANSFER_ERROR_INVALID, "Line 2: the date “12/03/2024” is not one Tend can read." },
    { "journal.md", "# Tend Journal\n", TEND_TRANSFER_ERROR_EXPORT_ONLY,
      "Tend exports Markdown for reading, but cannot import it. Import a .json or .csv file "
      "instead." },
    { "journal.txt", "hello", TEND_TRANSFER_ERROR_UNKNOWN_FORMAT,
      "Tend can import files ending in .json or .csv." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      gssize length = g_str_equal (files[i].name, "nul.json") ? 27 : -1;
      g_autoptr(GFile) file = write_test_file (fixture, files[i].name, files[i].contents, length);
      g_autofree char *message = NULL;

      g_test_message ("%s", files[i].name);
      message = import_fails (fixture->journal, file, files[i].code);
      if (files[i].message != NULL)
        g_assert_cmpstr (message, ==, files[i].message);
      else
        g_assert_true (g_str_has_prefix (message, "Line "));
    }

  g_assert_cmpuint (count_entries (fixture->journal), ==, 0);
}

static void
test_huge_file (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) file = test_file (fixture, "huge.json");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *message = NULL;
  int fd;

  /* A sparse file: big to the system, nothing on the disk. */
  fd = g_open (path, O_CREAT | O_WRONLY, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) TEND_IMPORT_MAX_SIZE + 1), ==, 0);
  close (fd);

  message = import_fails (fixture->journal, file, TEND_TRANSFER_ERROR_TOO_BIG);
  g_assert_true (g_str_has_prefix (message, "The file is too big to import (67.1"));
  g_assert_nonnull (strstr (message, "Tend imports files of up to 67.1"));
}

static void
test_missing_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) file = test_file (fixture, "nowhere.json");
  g_autoptr(GError) error = NULL;

  g_assert_false (tend_import_file (fixture->journal, file, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nowhere.json"));
}

static void
test_markdown (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GFile) file = test_file (fixture, "journal.md");
  g_autoptr(TendEntry) a = NULL;
  g_autoptr(TendEntry) b = NULL;
  g_autoptr(TendEntry) c = NULL;
  g_autofree char *text = NULL;
  const char *day1, *day2, *entry_a, *entry_b, *entry_c;

  a = add_entry (fixture->journal, "2026-11-20T08:15:00Z", TEND_MOOD_GREAT, TEND_ENERGY_HIGH,
                 (const char *[]) { "calm", "grateful", NULL },
                 (const char *[]) { "Walk", "Family", NULL },
                 "# Not a heading\nSecond line\n\n- not a list");
  b = add_entry (fixture->journal, "2026-11-21T07:00:00Z", TEND_MOOD_BAD, TEND_ENERGY_NONE,
                 NULL, NULL, "");
  c = add_entry (fixture->journal, "2026-11-21T21:45:00Z", TEND_MOOD_OKAY, TEND_ENERGY_NONE,
                 NULL, (const char *[]) { "Work", NULL }, "Evening");

  export_to (fixture, NULL, file, 3);
  text = read_file (file);

  g_assert_true (g_str_has_prefix (text, "# Tend Journal\n\n3 check-ins, exported on "));
  day2 = strstr (text, "\n## Saturday, November 21, 2026\n");
  day1 = strstr (text, "\n## Friday, November 20, 2026\n");
  entry_c = strstr (text, "\n### 21:45 · Okay\n\nActivities: Work\n\nEvening\n");
  entry_b = strstr (text, "\n### 07:00 · Bad\n\n## Friday");
  entry_a = strstr (text, "\n### 08:15 · Great\n\nEnergy: High  \nEmotions: Calm, Grateful  \n"
                          "Activities: Family, Walk\n\n"
                          "\\# Not a heading  \nSecond line\n\n\\- not a list\n");
  g_assert_nonnull (day1);
  g_assert_nonnull (day2);
  g_assert_nonnull (entry_a);
  g_assert_nonnull (entry_b);
  g_assert_nonnull (entry_c);

  /* Newest day first, each check-in under its own day, each day once. */
  g_assert_true (day2 < entry_c && entry_c < entry_b && entry_b < day1 && day1 < entry_a);
  g_assert_null (strstr (day2 + 1, "\n## Saturday"));
  g_assert_true (g_str_has_suffix (text, "\\- not a list\n"));
}

static void
test_export_replaces_whole (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GFile) file = write_test_file (fixture, "old.json", "old contents", -1);
  g_autoptr(GFile) missing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TendEntry) entry = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;

  entry = add_entry (fixture->journal, "2026-11-21T09:30:00Z", TEND_MOOD_GOOD,
                     TEND_ENERGY_NONE, NULL, NULL, "");
  export_to (fixture, NULL, file, 1);
  text = read_file (file);
  g_assert_true (g_str_has_prefix (text, "{"));

  /* A private journal stays private. */
  path = g_file_get_path (file);
  g_assert_cmpuint (tend_test_file_mode (path), ==, 0600);

  missing = test_file (fixture, "no-such-folder/journal.json");
  g_assert_false (tend_export_file (fixture->journal, NULL, TEND_FILE_FORMAT_JSON, missing,
                                    NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_query_exists (missing, NULL));
}

static void
test_export_failure_keeps_old_file (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (fixture->files_dir, "locked", NULL);
  g_autofree char *path = g_build_filename (dir, "journal.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TendEntry) entry = NULL;
  g_autofree char *text = NULL;

  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));
  entry = add_entry (fixture->journal, "2026-11-21T09:30:00Z", TEND_MOOD_GOOD,
                     TEND_ENERGY_NONE, NULL, NULL, "");

  /* Stopped before the end. */
  g_cancellable_cancel (cancellable);
  g_assert_false (tend_export_file (fixture->journal, NULL, TEND_FILE_FORMAT_JSON, file,
                                    cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  text = read_file (file);
  g_assert_cmpstr (text, ==, "old contents");
  g_clear_pointer (&text, g_free);

  /* Refused by the system; root is let through, so only others can check this. */
  if (geteuid () == 0)
    return;

  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  g_assert_false (tend_export_file (fixture->journal, NULL, TEND_FILE_FORMAT_JSON, file,
                                    NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "journal.json"));

  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  text = read_file (file);
  g_assert_cmpstr (text, ==, "old contents");
}

typedef struct
{
  GAsyncResult *result;
} AsyncData;

static void
async_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncData *data = user_data;

  data->result = g_object_ref (result);
}

static gboolean
has_result (gpointer user_data)
{
  return ((AsyncData *) user_data)->result != NULL;
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GFile) file = test_file (fixture, "journal.json");
  g_autoptr(GFile) bad = data_file ("daylio-unknown-mood.csv");
  g_autoptr(GError) error = NULL;
  AsyncData async = { NULL };
  guint n_exported = 0, n_read = 0, n_added = 0;

  fill_journal (fixture->journal);

  tend_export_file_async (fixture->journal, NULL, TEND_FILE_FORMAT_JSON, file, NULL,
                          async_done_cb, &async);
  tend_test_wait_until (has_result, &async);
  g_assert_true (tend_export_file_finish (fixture->journal, async.result, &n_exported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_exported, ==, 4);
  g_clear_object (&async.result);

  tend_import_file_async (fixture->other, file, NULL, async_done_cb, &async);
  tend_test_wait_until (has_result, &async);
  /* The list shows the entries by the time the callback runs. */
  g_assert_cmpuint (count_entries (fixture->other), ==, 4);
  g_assert_true (tend_import_file_finish (fixture->other, async.result, &n_read, &n_added,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_read, ==, 4);
  g_assert_cmpuint (n_added, ==, 4);
  g_clear_object (&async.result);
  assert_same_journals (fixture->journal, fixture->other);

  tend_import_file_async (fixture->other, bad, NULL, async_done_cb, &async);
  tend_test_wait_until (has_result, &async);
  g_assert_false (tend_import_file_finish (fixture->other, async.result, &n_read, &n_added,
                                           &error));
  g_assert_error (error, TEND_TRANSFER_ERROR, TEND_TRANSFER_ERROR_INVALID);
  g_assert_cmpuint (count_entries (fixture->other), ==, 4);
  g_clear_object (&async.result);
}

/* Found by fuzzing: the export wrote the year 24 as "24", which no import reads. Every
 * year the import takes comes back, through JSON and CSV. */
static void
test_early_years (void)
{
  static const char * const times[] = {
    "0001-01-01T00:00:00+14:00", "0024-02-29T23:59:59-09:30", "0999-12-31T12:00:00Z",
    "9999-12-31T23:59:59Z",
  };
  static const TendFileFormat formats[] = { TEND_FILE_FORMAT_JSON, TEND_FILE_FORMAT_CSV };
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = tend_test_date_time ("2026-11-22T10:00:00Z");

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(GDateTime) occurred_at = tend_test_date_time (times[i]);

      g_ptr_array_insert (entries, 0, tend_entry_new (TEND_MOOD_OKAY, times[i], occurred_at));
    }

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr(GBytes) bytes = tend_export_to_bytes (entries, tags, formats[f], now);
      g_autoptr(GPtrArray) again = NULL;
      g_autoptr(GError) error = NULL;

      again = tend_import_parse (bytes, formats[f], NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (again->len, ==, entries->len);
      for (guint i = 0; i < again->len; i++)
        {
          /* Files list the newest first; the import gives the oldest first. */
          TendEntry *entry = g_ptr_array_index (entries, entries->len - 1 - i);

          g_assert_true (tend_entry_equal (entry, g_ptr_array_index (again, i)));
        }
    }
}

#define add_test(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add_test ("/transfer/json/round-trip", test_json_round_trip);
  add_test ("/transfer/json/idempotent", test_json_idempotent);
  add_test ("/transfer/json/filtered", test_export_filtered);
  add_test ("/transfer/csv/quoting", test_csv_quoting);
  add_test ("/transfer/csv/formulas", test_csv_formulas);
  add_test ("/transfer/daylio/sample", test_daylio);
  add_test ("/transfer/daylio/bad-last-row", test_daylio_bad_last_row);
  add_test ("/transfer/daylio/times", test_daylio_times);
  add_test ("/transfer/import/bad-files", test_bad_files);
  g_test_add_func ("/transfer/export/early-years", test_early_years);
  add_test ("/transfer/import/huge-file", test_huge_file);
  add_test ("/transfer/import/missing-file", test_missing_file);
  add_test ("/transfer/markdown", test_markdown);
  add_test ("/transfer/export/replaces-whole", test_export_replaces_whole);
  add_test ("/transfer/export/failure-keeps-old-file", test_export_failure_keeps_old_file);
  add_test ("/transfer/async", test_async);

  return g_test_run ();
}
