/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tend-context.h"
#include "tend-test-utils.h"

/* Searching and filtering the journal, on a real file, through TendJournal and TendFilter
 * as the Journal page uses them. */

typedef struct
{
  char        *data_dir;
  TendContext *context;
  TendJournal *journal;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->data_dir = tend_test_make_data_dir ();
  fixture->context = tend_context_new (fixture->data_dir, NULL);
  g_assert_true (tend_context_open (fixture->context, &error));
  g_assert_no_error (error);
  fixture->journal = tend_context_get_journal (fixture->context);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fixture->journal = NULL;
  g_assert_finalize_object (fixture->context);
  g_free (fixture->data_dir);
}

static TendEntry *
add_full (Fixture            *fixture,
          TendMood            mood,
          const char         *note,
          const char         *when,
          const char * const *emotions,
          const char * const *tags)
{
  g_autoptr(GDateTime) occurred_at = tend_test_date_time (when);
  g_autoptr(GError) error = NULL;
  TendEntry *entry = tend_entry_new (mood, note, occurred_at);

  tend_entry_set_emotions (entry, emotions);
  tend_entry_set_tags (entry, tags);
  g_assert_true (tend_journal_add (fixture->journal, entry, &error));
  g_assert_no_error (error);

  return entry;
}

static void
add (Fixture    *fixture,
     TendMood    mood,
     const char *note,
     const char *when)
{
  g_autoptr(TendEntry) entry = add_full (fixture, mood, note, when, NULL, NULL);
}

static TendEntryList *
query (Fixture          *fixture,
       const TendFilter *filter)
{
  g_autoptr(GError) error = NULL;
  TendEntryList *list = tend_journal_query (fixture->journal, filter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

/* The notes of what @filter keeps, newest first, joined with "|". */
static char *
found (Fixture          *fixture,
       const TendFilter *filter)
{
  g_autoptr(TendEntryList) list = query (fixture, filter);
  g_autoptr(GString) notes = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TendEntry) entry = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (i > 0)
        g_string_append_c (notes, '|');
      g_string_append (notes, tend_entry_get_note (entry));
    }

  return g_string_free_and_steal (g_steal_pointer (&notes));
}

static char *
search (Fixture    *fixture,
        const char *text)
{
  g_autoptr(TendFilter) filter = tend_filter_new ();

  tend_filter_set_text (filter, text);
  return found (fixture, filter);
}

#define assert_search(fixture, text, expected) \
  G_STMT_START { \
    g_autofree char *_found = search (fixture, text); \
    g_assert_cmpstr (_found, ==, expected); \
  } G_STMT_END

#define assert_filter(fixture, filter, expected) \
  G_STMT_START { \
    g_autofree char *_found = found (fixture, filter); \
    g_assert_cmpstr (_found, ==, expected); \
  } G_STMT_END

static void
test_prefix (Fixture       *fixture,
             gconstpointer  data)
{
  add (fixture, TEND_MOOD_GOOD, "Walking by the river", "2026-03-01T10:00:00Z");
  add (fixture, TEND_MOOD_OKAY, "A long day at work", "2026-03-02T10:00:00Z");

  assert_search (fixture, "walk", "Walking by the river");
  assert_search (fixture, "WALK", "Walking by the river");
  assert_search (fixture, "w", "A long day at work|Walking by the river");
  assert_search (fixture, "alking", "");
  assert_search (fixture, "", "A long day at work|Walking by the river");
  assert_search (fixture, "   ", "A long day at work|Walking by the river");
}

static void
test_diacritics (Fixture       *fixture,
                 gconstpointer  data)
{
  add (fixture, TEND_MOOD_GOOD, "Un bel été à la plage", "2026-03-01T10:00:00Z");
  add (fixture, TEND_MOOD_OKAY, "Cafe with Noe", "2026-03-02T10:00:00Z");

  assert_search (fixture, "ete", "Un bel été à la plage");
  assert_search (fixture, "été", "Un bel été à la plage");
  assert_search (fixture, "ÉTÉ", "Un bel été à la plage");
  assert_search (fixture, "café", "Cafe with Noe");
  assert_search (fixture, "noé", "Cafe with Noe");
  /* Decomposed: e followed by a combining acute accent */
  assert_search (fixture, "e\xcc\x81te\xcc\x81", "Un bel été à la plage");
}

static void
test_words_are_anded (Fixture       *fixture,
                      gconstpointer  data)
{
  add (fixture, TEND_MOOD_GOOD, "Coffee with Sam", "2026-03-01T10:00:00Z");
  add (fixture, TEND_MOOD_OKAY, "Tea with Sam", "2026-03-02T10:00:00Z");
  add (fixture, TEND_MOOD_OKAY, "Coffee alone", "2026-03-03T10:00:00Z");

  assert_search (fixture, "coffee sam", "Coffee with Sam");
  assert_search (fixture, "sam  coff", "Coffee with Sam");
  assert_search (fixture, "sam", "Tea with Sam|Coffee with Sam");
  assert_search (fixture, "coffee tea", "");
}

static void
test_emotions_and_tags_searchable (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(TendEntry) a = NULL;
  g_autoptr(TendEntry) b = NULL;

  a = add_full (fixture, TEND_MOOD_BAD, "Hard evening", "2026-03-01T20:00:00Z",
                (const char *[]) { "anxious", "drained", NULL },
                (const char *[]) { "Work", NULL });
  b = add_full (fixture, TEND_MOOD_GOOD, "Lovely morning", "2026-03-02T08:00:00Z",
                (const char *[]) { "grateful", NULL },
                (const char *[]) { "Gardening club", NULL });

  /* Emotions by their labels as shown, tags by their names */
  assert_search (fixture, "anxious", "Hard evening");
  assert_search (fixture, "anx", "Hard evening");
  assert_search (fixture, "grateful", "Lovely morning");
  assert_search (fixture, "work", "Hard evening");
  assert_search (fixture, "garden", "Lovely morning");
  assert_search (fixture, "club", "Lovely morning");
  assert_search (fixture, "evening drained", "Hard evening");
  assert_search (fixture, "morning drained", "");
}

static void
test_snippet_marks_matches (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(TendFilter) filter = tend_filter_new ();
  g_autoptr(TendEntryList) list = NULL;
  g_autoptr(TendEntry) entry = NULL;

  add (fixture, TEND_MOOD_GOOD, "Un bel été à la plage", "2026-03-01T10:00:00Z");
  tend_filter_set_text (filter, "ete");
  list = query (fixture, filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  entry = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (tend_entry_get_snippet (entry), ==, "Un bel \002été\003 à la plage");
}

static void
add_filter_fixture (Fixture *fixture)
{
  g_autoptr(TendEntry) a = NULL;
  g_autoptr(TendEntry) b = NULL;
  g_autoptr(TendEntry) c = NULL;
  g_autoptr(TendEntry) d = NULL;

  a = add_full (fixture, TEND_MOOD_AWFUL, "a", "2026-01-10T09:00:00Z",
                (const char *[]) { "anxious", NULL }, (const char *[]) { "Work", NULL });
  b = add_full (fixture, TEND_MOOD_GOOD, "b", "2026-02-10T09:00:00Z",
                (const char *[]) { "calm", NULL }, (const char *[]) { "Family", NULL });
  c = add_full (fixture, TEND_MOOD_GOOD, "c walk", "2026-03-10T09:00:00Z",
                (const char *[]) { "anxious", "calm", NULL }, (const char *[]) { "Work", NULL });
  d = add_full (fixture, TEND_MOOD_GREAT, "d walk", "2026-04-10T09:00:00Z", NULL, NULL);
}

static void
set_range (TendFilter *filter,
           int         from_year,
           int         from_month,
           int         from_day,
           int         until_year,
           int         until_month,
           int         until_day)
{
  GDate from, until;

  g_date_clear (&from, 1);
  g_date_clear (&until, 1);
  if (from_year > 0)
    g_date_set_dmy (&from, from_day, from_month, from_year);
  if (until_year > 0)
    g_date_set_dmy (&until, until_day, until_month, until_year);
  tend_filter_set_range (filter, &from, &until);
}

static void
test_each_filter (Fixture       *fixture,
                  gconstpointer  data)
{
  add_filter_fixture (fixture);

  {
    g_autoptr(TendFilter) filter = tend_filter_new ();

    tend_filter_set_moods (filter, TEND_FILTER_MOOD (TEND_MOOD_GOOD));
    assert_filter (fixture, filter, "c walk|b");
    tend_filter_add_mood (filter, TEND_MOOD_AWFUL);
    assert_filter (fixture, filter, "c walk|b|a");
  }
  {
    g_autoptr(TendFilter) filter = tend_filter_new ();

    tend_filter_set_emotion (filter, "anxious");
    assert_filter (fixture, filter, "c walk|a");
  }
  {
    g_autoptr(TendFilter) filter = tend_filter_new ();

    tend_filter_set_tag (filter, "Work");
    assert_filter (fixture, filter, "c walk|a");
    tend_filter_set_tag (filter, "family");
    assert_filter (fixture, filter, "b");
    tend_filter_set_tag (filter, "Nobody's tag");
    assert_filter (fixture, filter, "");
  }
  {
    g_autoptr(TendFilter) filter = tend_filter_new ();

    set_range (filter, 2026, 2, 10, 2026, 3, 10);
    assert_filter (fixture, filter, "c walk|b");
    set_range (filter, 2026, 3, 1, 0, 0, 0);
    assert_filter (fixture, filter, "d walk|c walk");
    set_range (filter, 0, 0, 0, 2026, 2, 9);
    assert_filter (fixture, filter, "a");
  }
}

static void
test_filters_combine (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TendFilter) filter = tend_filter_new ();

  add_filter_fixture (fixture);

  tend_filter_set_text (filter, "walk");
  assert_filter (fixture, filter, "d walk|c walk");
  tend_filter_set_moods (filter, TEND_FILTER_MOOD (TEND_MOOD_GOOD) | TEND_FILTER_MOOD (TEND_MOOD_GREAT));
  assert_filter (fixture, filter, "d walk|c walk");
  tend_filter_set_emotion (filter, "calm");
  assert_filter (fixture, filter, "c walk");
  tend_filter_set_tag (filter, "Work");
  assert_filter (fixture, filter, "c walk");
  set_range (filter, 2026, 3, 11, 0, 0, 0);
  assert_filter (fixture, filter, "");

  /* Without the text, the same filters */
  tend_filter_set_text (filter, NULL);
  set_range (filter, 2026, 1, 1, 2026, 12, 31);
  assert_filter (fixture, filter, "c walk");
  tend_filter_set_moods (filter, TEND_FILTER_MOOD (TEND_MOOD_AWFUL));
  assert_filter (fixture, filter, "");
}

/* A day is the day on the writer's clock, in the time zone each entry was written in. */
static void
test_range_uses_each_entry_offset (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(TendFilter) filter = tend_filter_new ();

  /* 1 March on the writer's clock, though 2 March in UTC */
  add (fixture, TEND_MOOD_OKAY, "late in New York", "2026-03-01T23:30:00-05:00");
  /* 2 March on the writer's clock, though 1 March in UTC */
  add (fixture, TEND_MOOD_OKAY, "early in Paris", "2026-03-02T00:30:00+02:00");
  /* The first and last second of 3 March */
  add (fixture, TEND_MOOD_OKAY, "first second", "2026-03-03T00:00:00+09:00");
  add (fixture, TEND_MOOD_OKAY, "last second", "2026-03-03T23:59:59-08:00");
  add (fixture, TEND_MOOD_OKAY, "next day", "2026-03-04T00:00:00-08:00");

  set_range (filter, 2026, 3, 2, 2026, 3, 2);
  assert_filter (fixture, filter, "early in Paris");
  set_range (filter, 2026, 3, 1, 2026, 3, 1);
  assert_filter (fixture, filter, "late in New York");
  set_range (filter, 2026, 3, 3, 2026, 3, 3);
  assert_filter (fixture, filter, "last second|first second");
  set_range (filter, 2026, 3, 4, 0, 0, 0);
  assert_filter (fixture, filter, "next day");
}

static guint
n_items (TendEntryList *list)
{
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
test_filtered_list_follows_changes (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(TendFilter) filter = tend_filter_new ();
  g_autoptr(TendEntryList) list = NULL;
  g_autoptr(TendEntry) walk = NULL;
  g_autoptr(TendEntry) copy = NULL;
  g_autoptr(TendEntry) other = NULL;
  g_autoptr(GError) error = NULL;

  add (fixture, TEND_MOOD_GOOD, "Swimming", "2026-03-01T10:00:00Z");
  tend_filter_set_text (filter, "walk");
  tend_filter_set_moods (filter, TEND_FILTER_MOOD (TEND_MOOD_GOOD));
  list = query (fixture, filter);
  g_assert_cmpuint (n_items (list), ==, 0);

  /* Added: gains it */
  walk = add_full (fixture, TEND_MOOD_GOOD, "Walked home", "2026-03-02T10:00:00Z", NULL, NULL);
  g_assert_cmpuint (n_items (list), ==, 1);

  /* Added, but another mood: no change */
  other = add_full (fixture, TEND_MOOD_BAD, "Walked in the rain", "2026-03-03T10:00:00Z",
                    NULL, NULL);
  g_assert_cmpuint (n_items (list), ==, 1);

  /* Updated out of the filter: loses it; and back in: gains it */
  copy = tend_entry_copy (walk);
  tend_entry_set_note (copy, "Drove home");
  g_assert_true (tend_journal_update (fixture->journal, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (list), ==, 0);

  tend_entry_set_note (copy, "Walked home at last");
  g_assert_true (tend_journal_update (fixture->journal, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (list), ==, 1);

  {
    g_autoptr(TendEntry) shown = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_cmpstr (tend_entry_get_note (shown), ==, "Walked home at last");
    g_assert_cmpstr (tend_entry_get_snippet (shown), ==, "\002Walked\003 home at last");
  }

  /* The other entry updated into the filter: gains it, in time order */
  tend_entry_set_mood (other, TEND_MOOD_GOOD);
  g_assert_true (tend_journal_update (fixture->journal, other, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (list), ==, 2);

  {
    g_autoptr(TendEntry) first = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_cmpstr (tend_entry_get_note (first), ==, "Walked in the rain");
  }

  /* Removed: loses it */
  g_assert_true (tend_journal_remove (fixture->journal, other, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (list), ==, 1);
}

static void
test_query_syntax_is_plain_text (Fixture       *fixture,
                                 gconstpointer  data)
{
  static const char * const queries[] = {
    "\"", "\"\"", "\"walk", "walk\"", "*", "**", "walk*", "*walk", "(", ")", "(walk",
    "walk)", "()", "NEAR", "NEAR(walk sam)", "NEAR/2", "walk AND", "AND", "OR", "NOT",
    "walk OR", "OR walk", "NOT walk", "AND OR NOT", "-walk", "walk -sam", "+walk",
    "^walk", "note:walk", "{note}: walk", ":", "'", "''", "walk's", "\\", "%", "_",
    "a\"b\"c", "\x01\x02\x03", "\xff\xfe", "walk\nsam", "😀", "walk😀",
  };

  add (fixture, TEND_MOOD_GOOD, "walk with Sam and not alone, or near the river", "2026-03-01T10:00:00Z");

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(TendFilter) filter = tend_filter_new ();
      g_autoptr(TendEntryList) list = NULL;
      g_autoptr(GError) error = NULL;

      tend_filter_set_text (filter, queries[i]);
      list = tend_journal_query (fixture->journal, filter, &error);
      g_assert_no_error (error);
      g_assert_nonnull (list);
    }

  /* The words of the query syntax are words like any other. */
  assert_search (fixture, "AND", "walk with Sam and not alone, or near the river");
  assert_search (fixture, "near", "walk with Sam and not alone, or near the river");
  assert_search (fixture, "NOT walk", "walk with Sam and not alone, or near the river");
  assert_search (fixture, "walk OR tea", "");
  assert_search (fixture, "\"walk\"", "walk with Sam and not alone, or near the river");
  assert_search (fixture, "(sam)", "walk with Sam and not alone, or near the river");
}

static void
test_tag_rename_reflected (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TendEntry) entry = NULL;
  g_autoptr(TendTag) tag = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *tags = tend_journal_get_tags (fixture->journal);
  guint n = g_list_model_get_n_items (tags);

  entry = add_full (fixture, TEND_MOOD_GOOD, "Evening", "2026-03-01T20:00:00Z", NULL,
                    (const char *[]) { "Choir", NULL });
  assert_search (fixture, "choir", "Evening");

  for (guint i = 0; i < g_list_model_get_n_items (tags) && tag == NULL; i++)
    {
      g_autoptr(TendTag) candidate = g_list_model_get_item (tags, i);

      if (g_str_equal (tend_tag_get_name (candidate), "Choir"))
        tag = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (tag);
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, n + 1);

  g_assert_true (tend_journal_rename_tag (fixture->journal, tag, "Singing", &error));
  g_assert_no_error (error);

  assert_search (fixture, "choir", "");
  assert_search (fixture, "sing", "Evening");

  {
    g_autoptr(TendFilter) filter = tend_filter_new ();

    tend_filter_set_tag (filter, "Singing");
    assert_filter (fixture, filter, "Evening");
    tend_filter_set_tag (filter, "Choir");
    assert_filter (fixture, filter, "");
  }
}

static void
query_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  TendEntryList **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = tend_journal_query_finish (TEND_JOURNAL (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static void
test_query_async (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TendFilter) filter = tend_filter_new ();
  g_autoptr(TendEntryList) list = NULL;

  add (fixture, TEND_MOOD_GOOD, "Walking by the river", "2026-03-01T10:00:00Z");
  add (fixture, TEND_MOOD_OKAY, "A long day at work", "2026-03-02T10:00:00Z");

  tend_filter_set_text (filter, "riv");
  tend_journal_query_async (fixture->journal, filter, NULL, query_done_cb, &list);
  tend_test_wait_until (is_set, &list);
  g_assert_cmpuint (n_items (list), ==, 1);

  /* The list follows later changes like a synchronous one. */
  add (fixture, TEND_MOOD_OKAY, "River again", "2026-03-03T10:00:00Z");
  g_assert_cmpuint (n_items (list), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/search/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("prefix", test_prefix);
  ADD ("diacritics", test_diacritics);
  ADD ("words-are-anded", test_words_are_anded);
  ADD ("emotions-and-tags", test_emotions_and_tags_searchable);
  ADD ("snippet-marks-matches", test_snippet_marks_matches);
  ADD ("each-filter", test_each_filter);
  ADD ("filters-combine", test_filters_combine);
  ADD ("range-uses-each-entry-offset", test_range_uses_each_entry_offset);
  ADD ("filtered-list-follows-changes", test_filtered_list_follows_changes);
  ADD ("query-syntax-is-plain-text", test_query_syntax_is_plain_text);
  ADD ("tag-rename-reflected", test_tag_rename_reflected);
  ADD ("query-async", test_query_async);

#undef ADD

  return g_test_run ();
}
