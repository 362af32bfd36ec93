/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tend-guide-library.h"

/* The guides: every guide listed in resources/guides/meson.build follows the rules of the
 * format, the fixtures in tests/data/guides/ parse or fail as they should, search finds
 * and ranks guides, and translations reach them (through the ITS rules in po/its/). */

static char *
source_path (const char *first,
             ...)
{
  g_autofree char *relative = NULL;
  va_list args;

  va_start (args, first);
  relative = g_build_filename_valist (first, &args);
  va_end (args);

  return g_test_build_filename (G_TEST_DIST, "..", relative, NULL);
}

static GFile *
fixture (const char *folder,
         const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "guides", folder, name,
                                                 NULL);

  return g_file_new_for_path (path);
}

static TendGuideLibrary *
good_library (void)
{
  g_autoptr(GFile) folder = fixture ("good", NULL);
  g_autoptr(GError) error = NULL;
  TendGuideLibrary *library = tend_guide_library_new_for_directory (folder, &error);

  g_assert_no_error (error);
  g_assert_nonnull (library);
  return library;
}

static TendGuideLibrary *
listed_library (void)
{
  g_autoptr(GError) error = NULL;
  TendGuideLibrary *library = tend_guide_library_new (&error);

  g_assert_no_error (error);
  g_assert_nonnull (library);
  return library;
}

/* The rules of the format ------------------------------------------------------------------ */

static guint
count_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " ", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      n++;

  return n;
}

static guint
count_block_words (GPtrArray *blocks)
{
  guint n = 0;

  for (guint i = 0; i < blocks->len; i++)
    {
      TendGuideBlock *block = g_ptr_array_index (blocks, i);

      if (block->kind == TEND_GUIDE_BLOCK_PARAGRAPH)
        {
          g_assert_nonnull (block->text);
          g_assert_cmpstr (block->text, !=, "");
          n += count_words (block->text);
        }
      else
        {
          g_assert_cmpint (block->kind, ==, TEND_GUIDE_BLOCK_LIST);
          g_assert_nonnull (block->items);
          g_assert_cmpuint (g_strv_length (block->items), >=, 1);
          for (guint j = 0; block->items[j] != NULL; j++)
            n += count_words (block->items[j]);
        }
    }

  return n;
}

/* What GUIDES-SPEC.md asks of every guide. */
static void
check_guide (TendGuideLibrary *library,
             TendGuide        *guide)
{
  const char *id = tend_guide_get_id (guide);
  GPtrArray *sections = tend_guide_get_sections (guide);
  GPtrArray *exercises = tend_guide_get_exercises (guide);
  GPtrArray *more_help = tend_guide_get_more_help (guide);
  GPtrArray *sources = tend_guide_get_sources (guide);
  const char * const *related = tend_guide_get_related (guide);
  static const char * const languages[] = { "en", "fr", "ar", NULL };
  guint words, expected_minutes;

  g_test_message ("checking the guide “%s”", id);

  g_assert_true (g_strv_contains (tend_guide_library_get_topics (), tend_guide_get_topic (guide)));
  g_assert_cmpstr (tend_guide_get_title (guide), !=, "");
  g_assert_cmpuint (g_utf8_strlen (tend_guide_get_summary (guide), -1), <, 100);
  g_assert_true (g_date_valid (tend_guide_get_reviewed (guide)));
  words = count_words (tend_guide_get_title (guide)) + count_words (tend_guide_get_summary (guide));

  g_assert_cmpuint (sections->len, >=, 3);
  g_assert_cmpuint (sections->len, <=, 6);
  for (guint i = 0; i < sections->len; i++)
    {
      TendGuideSection *section = g_ptr_array_index (sections, i);

      g_assert_cmpstr (section->title, !=, "");
      g_assert_cmpuint (section->blocks->len, >=, 1);
      words += count_words (section->title) + count_block_words (section->blocks);
    }

  g_assert_cmpuint (exercises->len, >=, 1);
  for (guint i = 0; i < exercises->len; i++)
    {
      TendGuideExercise *exercise = g_ptr_array_index (exercises, i);
      guint n_steps = g_strv_length (exercise->steps);

      g_assert_cmpstr (exercise->title, !=, "");
      g_assert_cmpuint (exercise->blocks->len, >=, 1);
      if (exercise->kind == TEND_GUIDE_EXERCISE_STEPS)
        {
          g_assert_cmpuint (n_steps, >=, 3);
          g_assert_cmpuint (n_steps, <=, 8);
        }
      else
        g_assert_cmpuint (n_steps, ==, 0);

      words += count_words (exercise->title) + count_block_words (exercise->blocks);
      for (guint j = 0; j < n_steps; j++)
        words += count_words (exercise->steps[j]);
    }

  g_assert_nonnull (more_help);
  g_assert_cmpuint (more_help->len, >=, 1);
  words += count_block_words (more_help);

  g_assert_cmpuint (g_strv_length ((GStrv) related), >=, 1);
  g_assert_cmpuint (g_strv_length ((GStrv) related), <=, 3);
  for (guint i = 0; related[i] != NULL; i++)
    {
      g_assert_cmpstr (related[i], !=, id);
      g_assert_nonnull (tend_guide_library_lookup (library, related[i]));
    }

  /* What a reader of each language sees: at least two sources, and not a wall of them. */
  for (guint l = 0; languages[l] != NULL; l++)
    {
      guint n = 0;

      for (guint i = 0; i < sources->len; i++)
        n += tend_guide_source_is_for_language (g_ptr_array_index (sources, i), languages[l]);
      g_assert_cmpuint (n, >=, 2);
      g_assert_cmpuint (n, <=, 6);
    }
  for (guint i = 0; i < sources->len; i++)
    {
      TendGuideSource *source = g_ptr_array_index (sources, i);

      /* Editions in one language are for the languages Tend is translated into. */
      if (source->language != NULL)
        g_assert_true (g_strv_contains (languages, source->language));

      g_assert_cmpstr (source->publisher, !=, "");
      g_assert_cmpstr (source->title, !=, "");
      g_assert_true (g_str_has_prefix (source->url, "https://"));
      g_assert_cmpuint (source->year, >=, 1950);
      g_assert_cmpuint (source->year, <=, 2100);
    }

  /* Words / 200, rounded up; one minute either way for how words are counted. */
  expected_minutes = (words + 199) / 200;
  g_test_message ("%u words: %u minutes; the guide says %u", words, expected_minutes,
                  tend_guide_get_reading_minutes (guide));
  g_assert_cmpuint (tend_guide_get_reading_minutes (guide) + 1, >=, expected_minutes);
  g_assert_cmpuint (tend_guide_get_reading_minutes (guide), <=, expected_minutes + 1);
}

static void
test_listed_guides_follow_the_rules (void)
{
  g_autoptr(TendGuideLibrary) library = listed_library ();
  GListModel *guides = tend_guide_library_get_guides (library);
  guint n_guides = g_list_model_get_n_items (guides);

  g_test_message ("%u guides listed in resources/guides/meson.build", n_guides);
  for (guint i = 0; i < n_guides; i++)
    {
      g_autoptr(TendGuide) guide = g_list_model_get_item (guides, i);

      check_guide (library, guide);
    }
}

/* A guide written but left out of resources/guides/meson.build would never be shown. */
static void
test_every_guide_file_is_listed (void)
{
  g_autoptr(TendGuideLibrary) library = listed_library ();
  g_autofree char *folder_path = source_path ("resources", "guides", NULL);
  g_autoptr(GDir) folder = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_files = 0;

  folder = g_dir_open (folder_path, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *id = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(TendGuide) guide = NULL;

      if (!g_str_has_suffix (name, ".xml"))
        continue;

      n_files++;
      id = g_strndup (name, strlen (name) - strlen (".xml"));
      path = g_build_filename (folder_path, name, NULL);
      file = g_file_new_for_path (path);
      guide = tend_guide_new_from_file (file, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (tend_guide_get_id (guide), ==, id);
      if (tend_guide_library_lookup (library, id) == NULL)
        g_test_fail_printf ("resources/guides/%s is not listed in resources/guides/meson.build",
                            name);
    }

  g_assert_cmpuint (n_files, ==, g_list_model_get_n_items (tend_guide_library_get_guides (library)));
}

static void
check_order (TendGuideLibrary *library)
{
  GListModel *guides = tend_guide_library_get_guides (library);
  const char * const *topics = tend_guide_library_get_topics ();
  guint topic = 0;

  for (guint i = 0; i < g_list_model_get_n_items (guides); i++)
    {
      g_autoptr(TendGuide) guide = g_list_model_get_item (guides, i);

      while (topics[topic] != NULL && g_strcmp0 (topics[topic], tend_guide_get_topic (guide)) != 0)
        topic++;
      g_assert_nonnull (topics[topic]);
    }
}

static void
test_listed_guides_by_topic (void)
{
  g_autoptr(TendGuideLibrary) library = listed_library ();

  check_order (library);
}

static void
test_topics (void)
{
  const char * const *topics = tend_guide_library_get_topics ();
  static const char * const expected[] = { "feelings", "relationships", "hard-times", "body",
                                           NULL };

  g_assert_cmpstrv (topics, expected);
  g_assert_cmpstr (tend_guide_library_topic_title ("feelings"), ==, "Feelings");
  g_assert_cmpstr (tend_guide_library_topic_title ("relationships"), ==, "People and Connection");
  g_assert_cmpstr (tend_guide_library_topic_title ("hard-times"), ==, "Hard Times");
  g_assert_cmpstr (tend_guide_library_topic_title ("body"), ==, "Body and Habits");
  g_assert_null (tend_guide_library_topic_title ("weather"));
}

/* Fixtures ------------------------------------------------------------------------------- */

static void
test_good_fixtures_follow_the_rules (void)
{
  g_autoptr(TendGuideLibrary) library = good_library ();
  GListModel *guides = tend_guide_library_get_guides (library);
  g_autoptr(TendGuide) first = g_list_model_get_item (guides, 0);

  g_assert_cmpuint (g_list_model_get_n_items (guides), ==, 2);
  /* By topic: feelings before body, though sleep.xml sorts after anxiety.xml anyway. */
  g_assert_cmpstr (tend_guide_get_id (first), ==, "anxiety");
  check_order (library);

  for (guint i = 0; i < g_list_model_get_n_items (guides); i++)
    {
      g_autoptr(TendGuide) guide = g_list_model_get_item (guides, i);

      check_guide (library, guide);
    }
}

static void
test_fixture_parsed (void)
{
  g_autoptr(GFile) file = fixture ("good", "sleep.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(TendGuide) guide = tend_guide_new_from_file (file, &error);
  GPtrArray *sections, *exercises, *sources;
  TendGuideSection *section;
  TendGuideExercise *exercise;
  TendGuideBlock *block;
  TendGuideSource *source;
  static const char * const related[] = { "anxiety", NULL };

  g_assert_no_error (error);
  g_assert_cmpstr (tend_guide_get_id (guide), ==, "sleep");
  g_assert_cmpstr (tend_guide_get_topic (guide), ==, "body");
  g_assert_cmpstr (tend_guide_get_title (guide), ==, "Sleeping Well");
  g_assert_cmpstr (tend_guide_get_summary (guide), ==,
                   "Small, steady habits that make a restful night more likely.");
  g_assert_cmpuint (tend_guide_get_reading_minutes (guide), ==, 2);
  g_assert_cmpuint (g_date_get_year (tend_guide_get_reviewed (guide)), ==, 2026);
  g_assert_cmpuint (g_date_get_month (tend_guide_get_reviewed (guide)), ==, 11);
  g_assert_cmpuint (g_date_get_day (tend_guide_get_reviewed (guide)), ==, 20);

  sections = tend_guide_get_sections (guide);
  g_assert_cmpuint (sections->len, ==, 3);
  section = g_ptr_array_index (sections, 0);
  g_assert_cmpstr (section->id, ==, "why-sleep-matters");
  g_assert_cmpstr (section->title, ==, "Why Sleep Matters");
  g_assert_cmpuint (section->blocks->len, ==, 2);
  block = g_ptr_array_index (section->blocks, 0);
  g_assert_cmpint (block->kind, ==, TEND_GUIDE_BLOCK_PARAGRAPH);
  /* Line breaks and indentation collapse to single spaces; &amp; is "&". */
  g_assert_cmpstr (block->text, ==,
                   "Sleep lets your body recover and your mind sort through the day. After a "
                   "few short nights, everything can feel heavier & harder than it is.");
  g_assert_null (block->items);

  section = g_ptr_array_index (sections, 1);
  block = g_ptr_array_index (section->blocks, 0);
  g_assert_cmpint (block->kind, ==, TEND_GUIDE_BLOCK_LIST);
  g_assert_null (block->text);
  g_assert_cmpuint (g_strv_length (block->items), ==, 4);
  g_assert_cmpstr (block->items[3], ==, "Put screens away half an hour before bed.");

  exercises = tend_guide_get_exercises (guide);
  g_assert_cmpuint (exercises->len, ==, 1);
  exercise = g_ptr_array_index (exercises, 0);
  g_assert_cmpstr (exercise->id, ==, "slow-breathing");
  g_assert_cmpint (exercise->kind, ==, TEND_GUIDE_EXERCISE_BREATHING);
  g_assert_cmpstr (exercise->title, ==, "Breathe Slowly Before Bed");
  g_assert_cmpuint (exercise->blocks->len, ==, 1);
  g_assert_nonnull (exercise->steps);
  g_assert_cmpuint (g_strv_length (exercise->steps), ==, 0);

  g_assert_cmpuint (tend_guide_get_more_help (guide)->len, ==, 2);
  g_assert_cmpstrv (tend_guide_get_related (guide), related);

  sources = tend_guide_get_sources (guide);
  g_assert_cmpuint (sources->len, ==, 2);
  source = g_ptr_array_index (sources, 1);
  g_assert_cmpstr (source->publisher, ==, "World Health Organization");
  g_assert_cmpstr (source->title, ==,
                   "Doing What Matters in Times of Stress: An Illustrated Guide");
  g_assert_cmpstr (source->url, ==, "https://www.who.int/publications/i/item/9789240003927");
  g_assert_cmpuint (source->year, ==, 2020);
}

static void
test_fixture_steps (void)
{
  g_autoptr(GFile) file = fixture ("good", "anxiety.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(TendGuide) guide = tend_guide_new_from_file (file, &error);
  TendGuideExercise *steps, *grounding;

  g_assert_no_error (error);
  g_assert_cmpuint (tend_guide_get_exercises (guide)->len, ==, 2);
  steps = g_ptr_array_index (tend_guide_get_exercises (guide), 0);
  grounding = g_ptr_array_index (tend_guide_get_exercises (guide), 1);
  g_assert_cmpint (steps->kind, ==, TEND_GUIDE_EXERCISE_STEPS);
  g_assert_cmpuint (g_strv_length (steps->steps), ==, 3);
  g_assert_cmpstr (steps->steps[1], ==,
                   "When a worry comes at another time, note it down and let it wait.");
  g_assert_cmpint (grounding->kind, ==, TEND_GUIDE_EXERCISE_GROUNDING);
}

static void
test_new_from_bytes (void)
{
  g_autoptr(GFile) file = fixture ("good", "sleep.xml");
  g_autoptr(GBytes) xml = g_file_load_bytes (file, NULL, NULL, NULL);
  g_autoptr(GBytes) bad = g_bytes_new_static ("<guide>", 7);
  g_autoptr(GError) error = NULL;
  g_autoptr(TendGuide) guide = tend_guide_new_from_bytes (xml, &error);
  g_autoptr(TendGuide) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (tend_guide_get_id (guide), ==, "sleep");

  none = tend_guide_new_from_bytes (bad, &error);
  g_assert_null (none);
  g_assert_error (error, TEND_GUIDE_ERROR, TEND_GUIDE_ERROR_MISSING);
}

static void
test_bad_fixtures (void)
{
  static const struct {
    const char *name;
    TendGuideError code;
    const char *says;
  } cases[] = {
    { "malformed.xml", TEND_GUIDE_ERROR_MALFORMED, "not well-formed XML" },
    { "missing-title.xml", TEND_GUIDE_ERROR_MISSING, "has no <title>" },
    { "no-exercise.xml", TEND_GUIDE_ERROR_MISSING, "has no <exercise>" },
    { "unknown-kind.xml", TEND_GUIDE_ERROR_INVALID, "kind “timer”" },
    { "invalid-utf8.xml", TEND_GUIDE_ERROR_ENCODING, "line 6: the file is not UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = fixture ("bad", cases[i].name);
      g_autoptr(GError) error = NULL;
      g_autoptr(TendGuide) guide = tend_guide_new_from_file (file, &error);

      g_test_message ("%s: %s", cases[i].name, error != NULL ? error->message : "no error");
      g_assert_null (guide);
      g_assert_error (error, TEND_GUIDE_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, cases[i].name));
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
}

/* Small mistakes, each named with its line. */
static void
test_bad_guides_in_memory (void)
{
  static const struct {
    const char *xml;
    TendGuideError code;
    const char *says;
  } cases[] = {
    { "<book/>", TEND_GUIDE_ERROR_INVALID, "line 1: a guide starts with <guide>, not <book>" },
    { "<guide id='x' topic='weather' reading-minutes='1' reviewed='2026-01-01'/>",
      TEND_GUIDE_ERROR_INVALID, "the topic “weather” is not one of" },
    { "<guide id='x' topic='body' reading-minutes='1'/>",
      TEND_GUIDE_ERROR_MISSING, "<guide> needs a “reviewed” attribute" },
    { "<guide id='x' topic='body' reading-minutes='1' reviewed='2026-02-30'/>",
      TEND_GUIDE_ERROR_INVALID, "reviewed must be a date" },
    { "<guide id='X Y' topic='body' reading-minutes='1' reviewed='2026-01-01'/>",
      TEND_GUIDE_ERROR_INVALID, "the id “X Y” must be" },
    { "<guide id='x' topic='body' reading-minutes='1' reviewed='2026-01-01'>\n"
      "<title>A <em>b</em></title></guide>",
      TEND_GUIDE_ERROR_INVALID, "line 2: <title> holds plain text only" },
    { "<guide id='x' topic='body' reading-minutes='1' reviewed='2026-01-01'>\n"
      "<title>A</title><title>B</title></guide>",
      TEND_GUIDE_ERROR_INVALID, "a second <title>" },
    { "<guide id='x' topic='body' reading-minutes='1' reviewed='2026-01-01'>Hello</guide>",
      TEND_GUIDE_ERROR_INVALID, "text cannot be directly inside <guide>" },
    { "<guide id='x' topic='body' reading-minutes='1' reviewed='2026-01-01'><p>A</p></guide>",
      TEND_GUIDE_ERROR_INVALID, "<p> cannot be inside <guide>" },
    { "<guide id='x' topic='body' reading-minutes='1' reviewed='2026-01-01' colour='red'/>",
      TEND_GUIDE_ERROR_INVALID, "attribute “colour”" },
    { "<guide id='x' topic='body' reading-minutes='1' reviewed='2026-01-01'>"
      "<section id='a'><title>  </title></section></guide>",
      TEND_GUIDE_ERROR_MISSING, "<title> is empty" },
    { "<guide id='x' topic='body' reading-minutes='1' reviewed='2026-01-01'>"
      "<section id='a'><title>A</title><p>B</p></section>"
      "<exercise id='a' kind='breathing'><title>A</title><p>B</p></exercise></guide>",
      TEND_GUIDE_ERROR_INVALID, "two sections or exercises have the id “a”" },
    { "<guide id='x' topic='body' reading-minutes='1' reviewed='2026-01-01'>"
      "<exercise id='a' kind='steps'><title>A</title><p>B</p></exercise></guide>",
      TEND_GUIDE_ERROR_MISSING, "is of the kind steps, but has no <step>" },
    { "<guide id='x' topic='body' reading-minutes='1' reviewed='2026-01-01'>"
      "<exercise id='a' kind='grounding'><title>A</title><p>B</p><step>C</step></exercise>"
      "</guide>",
      TEND_GUIDE_ERROR_INVALID, "has steps" },
    { "<guide id='x' topic='body' reading-minutes='1' reviewed='2026-01-01'><sources>"
      "<source publisher='P' year='2020' url='http://example.org'>T</source></sources></guide>",
      TEND_GUIDE_ERROR_INVALID, "must start with https://" },
    { "<guide id='x' topic='body' reading-minutes='1' reviewed='2026-01-01'><sources>"
      "<source publisher='P' year='2020' url='https://example.org' lang='French'>T</source>"
      "</sources></guide>",
      TEND_GUIDE_ERROR_INVALID, "a language code such as fr, not “French”" },
    { "<guide id='x' topic='body' reading-minutes='1' reviewed='2026-01-01'>"
      "<section id='a'><title>A</title><list></list></section></guide>",
      TEND_GUIDE_ERROR_MISSING, "<list> has no <item>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) xml = g_bytes_new_static (cases[i].xml, strlen (cases[i].xml));
      g_autoptr(GError) error = NULL;
      g_autoptr(TendGuide) guide = tend_guide_new_from_bytes (xml, &error);

      g_test_message ("%s → %s", cases[i].xml, error != NULL ? error->message : "no error");
      g_assert_null (guide);
      g_assert_error (error, TEND_GUIDE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
}

/* An edition in one language is shown to its readers only; other sources to everyone. */
static void
test_source_languages (void)
{
  static const char xml[] =
    "<guide id='x' topic='body' reading-minutes='1' reviewed='2026-01-01'>"
    "<title>A</title><summary>B</summary><section id='c'><title>C</title><p>D</p></section>"
    "<exercise id='e' kind='breathing'><title>E</title><p>F</p></exercise>"
    "<more-help><p>G</p></more-help><sources>"
    "<source publisher='P' year='2020' url='https://example.org/en'>In English</source>"
    "<source publisher='P' year='2020' url='https://example.org/fr' lang='fr'>En français</source>"
    "</sources></guide>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(TendGuide) guide = tend_guide_new_from_bytes (bytes, &error);
  GPtrArray *sources;
  TendGuideSource *everyone, *french;
  g_autoptr(TendGuideSource) copy = NULL;

  g_assert_no_error (error);
  sources = tend_guide_get_sources (guide);
  g_assert_cmpuint (sources->len, ==, 2);
  everyone = g_ptr_array_index (sources, 0);
  french = g_ptr_array_index (sources, 1);
  g_assert_null (everyone->language);
  g_assert_cmpstr (french->language, ==, "fr");

  g_assert_true (tend_guide_source_is_for_language (everyone, "ar_EG.UTF-8"));
  g_assert_true (tend_guide_source_is_for_language (everyone, NULL));
  g_assert_true (tend_guide_source_is_for_language (french, "fr"));
  g_assert_true (tend_guide_source_is_for_language (french, "fr_BE.UTF-8"));
  g_assert_true (tend_guide_source_is_for_language (french, "fr@euro"));
  g_assert_false (tend_guide_source_is_for_language (french, "fur"));
  g_assert_false (tend_guide_source_is_for_language (french, "fy_NL"));
  g_assert_false (tend_guide_source_is_for_language (french, "C"));
  g_assert_false (tend_guide_source_is_for_language (french, NULL));

  copy = tend_guide_source_copy (french);
  g_assert_cmpstr (copy->language, ==, "fr");
}

static void
test_duplicate_ids (void)
{
  g_autofree char *folder_path = g_build_filename (g_get_user_cache_dir (), "twice", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(GFile) original = fixture ("good", "sleep.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(TendGuideLibrary) library = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder_path, 0700), ==, 0);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("sleep-%u.xml", i);
      g_autoptr(GFile) copy = g_file_get_child (folder, name);

      g_assert_true (g_file_copy (original, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }

  library = tend_guide_library_new_for_directory (folder, &error);
  g_assert_null (library);
  g_assert_error (error, TEND_GUIDE_ERROR, TEND_GUIDE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "sleep-0.xml and sleep-1.xml have the same id"));
}

/* Search --------------------------------------------------------------------------------- */

static GPtrArray *
search (TendGuideLibrary *library,
        const char       *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *matches = tend_guide_library_search (library, text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (matches);
  return matches;
}

/* The ids of the guides @text finds, best first, joined with "|". */
static char *
search_ids (TendGuideLibrary *library,
            const char       *text)
{
  g_autoptr(GPtrArray) matches = search (library, text);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < matches->len; i++)
    {
      TendGuideMatch *match = g_ptr_array_index (matches, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? "|" : "", tend_guide_get_id (match->guide));
    }

  return g_string_free_and_steal (g_steal_pointer (&ids));
}

#define assert_finds(library, text, expected) \
  G_STMT_START { \
    g_autofree char *found_ = search_ids ((library), (text)); \
    g_assert_cmpstr (found_, ==, (expected)); \
  } G_STMT_END

static void
test_search_title_words (void)
{
  g_autoptr(TendGuideLibrary) library = good_library ();

  assert_finds (library, "sleeping", "sleep");
  assert_finds (library, "Sleepi", "sleep");          /* the start of a word */
  assert_finds (library, "s", "sleep|anxiety");       /* one letter */
  assert_finds (library, "SLÉÉPÎNG WÉLL", "sleep");   /* case and accents */
  assert_finds (library, "anx wor", "anxiety");
  assert_finds (library, "worry", "anxiety");
  assert_finds (library, "sleeping zebra", "");        /* every word must be there */
  assert_finds (library, "zzz", "");
  assert_finds (library, "", "");
  assert_finds (library, " “!” ", "");                 /* no words */
  assert_finds (library, "\"sleep\" OR NEAR(", "");   /* no query syntax gets through */
}

static void
test_search_title_above_body (void)
{
  g_autoptr(TendGuideLibrary) library = good_library ();
  g_autoptr(GPtrArray) matches = NULL;
  TendGuideMatch *match;

  /* "Sleeping Well" is a title; "keep people from sleep" is in a section of the other. */
  matches = search (library, "sleep");
  g_assert_cmpuint (matches->len, ==, 2);
  match = g_ptr_array_index (matches, 0);
  g_assert_cmpstr (tend_guide_get_id (match->guide), ==, "sleep");
  /* Its best section is the one about sleep, though "sleep" starts the guide's title in
   * every one of its sections. */
  g_assert_cmpstr (match->section_id, ==, "why-sleep-matters");
  g_assert_true (g_str_has_prefix (match->snippet, "\002Sleep\003 lets your body"));
  match = g_ptr_array_index (matches, 1);
  g_assert_cmpstr (tend_guide_get_id (match->guide), ==, "anxiety");
  g_assert_cmpstr (match->section_id, ==, "worry-at-night");
  g_assert_cmpstr (match->section_title, ==, "Worry at Night");
  g_assert_nonnull (strstr (match->snippet, "keep people from \002sleep\003."));
}

static void
test_search_gives_the_section (void)
{
  g_autoptr(TendGuideLibrary) library = good_library ();
  g_autoptr(GPtrArray) caffeine = search (library, "caffeine");
  g_autoptr(GPtrArray) worry_time = search (library, "worry time");
  g_autoptr(GPtrArray) across = search (library, "anxiety night");
  g_autoptr(GPtrArray) summary = search (library, "settle");
  TendGuideMatch *match;

  g_assert_cmpuint (caffeine->len, ==, 1);
  match = g_ptr_array_index (caffeine, 0);
  g_assert_cmpstr (tend_guide_get_id (match->guide), ==, "sleep");
  g_assert_cmpstr (match->section_id, ==, "what-helps");
  g_assert_cmpstr (match->section_title, ==, "What Helps");
  g_assert_nonnull (strstr (match->snippet, "Have no \002caffeine\003 after lunch"));

  /* An exercise is found as a section is. */
  g_assert_cmpuint (worry_time->len, ==, 1);
  match = g_ptr_array_index (worry_time, 0);
  g_assert_cmpstr (match->section_id, ==, "worry-time");
  g_assert_cmpstr (match->section_title, ==, "Set a Time for Worry");

  /* Words of the title and of a section find that section. */
  g_assert_cmpuint (across->len, ==, 1);
  match = g_ptr_array_index (across, 0);
  g_assert_cmpstr (match->section_id, ==, "worry-at-night");
  g_assert_nonnull (strstr (match->snippet, "grow at \002night\003"));

  /* Only the summary matches: the guide as a whole, its summary as the snippet. */
  g_assert_cmpuint (summary->len, ==, 1);
  match = g_ptr_array_index (summary, 0);
  g_assert_cmpstr (tend_guide_get_id (match->guide), ==, "anxiety");
  g_assert_null (match->section_id);
  g_assert_null (match->section_title);
  g_assert_cmpstr (match->snippet, ==,
                   "What worry does to the body, and ways to let it \002settle\003.");
}

static void
test_search_one_match_per_guide (void)
{
  g_autoptr(TendGuideLibrary) library = good_library ();
  g_autoptr(GPtrArray) matches = search (library, "the");
  g_autoptr(TendGuideMatch) copy = NULL;

  g_assert_cmpuint (matches->len, ==, 2);
  g_assert_true (((TendGuideMatch *) g_ptr_array_index (matches, 0))->guide !=
                 ((TendGuideMatch *) g_ptr_array_index (matches, 1))->guide);

  copy = tend_guide_match_copy (g_ptr_array_index (matches, 0));
  g_assert_true (copy->guide == ((TendGuideMatch *) g_ptr_array_index (matches, 0))->guide);
}

static void
test_search_empty_library (void)
{
  g_autofree char *folder_path = g_build_filename (g_get_user_cache_dir (), "empty", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TendGuideLibrary) library = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder_path, 0700), ==, 0);
  library = tend_guide_library_new_for_directory (folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tend_guide_library_get_guides (library)), ==, 0);
  assert_finds (library, "sleep", "");
}

/* Every listed guide is found by the words of its title, first. */
static void
check_titles_findable (TendGuideLibrary *library)
{
  GListModel *guides = tend_guide_library_get_guides (library);

  for (guint i = 0; i < g_list_model_get_n_items (guides); i++)
    {
      g_autoptr(TendGuide) guide = g_list_model_get_item (guides, i);
      g_autoptr(GPtrArray) matches = search (library, tend_guide_get_title (guide));
      gboolean found = FALSE;

      for (guint j = 0; j < matches->len; j++)
        found |= ((TendGuideMatch *) g_ptr_array_index (matches, j))->guide == guide;

      if (!found)
        g_test_fail_printf ("The guide “%s” is not found by its title, “%s”",
                            tend_guide_get_id (guide), tend_guide_get_title (guide));
    }
}

/* A search for a topic, even in one word, gives the guide on that topic first: someone
 * who types “suicide” or “انتحار” finds Thoughts of Suicide before the guides that only
 * mention it. The words are those readers use, in each language, which the guides' titles
 * often do not. */
typedef struct
{
  const char *words;
  const char *guide;
} TopicSearch;

static const TopicSearch english_topics[] = {
  { "suicide", "suicidal-thoughts" }, { "suicidal", "suicidal-thoughts" },
  { "self-harm", "self-harm" }, { "self harm", "self-harm" }, { "anorexia", "eating-disorders" },
  { "bulimia", "eating-disorders" }, { "bullying", "bullying" },
  { "postnatal depression", "new-parents" }, { "insomnia", "sleep" }, { "debt", "money" },
  { "bereavement", "grief" }, { "panic", "anxiety" }, { "crisis", "after-crisis" },
  { "stigma", "speaking-up" }, { "support group", "peer-support" }, { "addiction", "alcohol-drugs" },
  { NULL, NULL }
};

static const TopicSearch french_topics[] = {
  { "suicide", "suicidal-thoughts" }, { "suicidaires", "suicidal-thoughts" },
  { "automutilation", "self-harm" }, { "scarification", "self-harm" },
  { "anorexie", "eating-disorders" }, { "boulimie", "eating-disorders" },
  { "harcèlement", "bullying" }, { "harcelement", "bullying" },
  { "dépression post-partum", "new-parents" }, { "insomnie", "sleep" }, { "dettes", "money" },
  { "deuil", "grief" }, { "crise d’angoisse", "anxiety" }, { NULL, NULL }
};

static const TopicSearch arabic_topics[] = {
  { "انتحار", "suicidal-thoughts" }, { "الانتحار", "suicidal-thoughts" },
  { "إيذاء النفس", "self-harm" }, { "فقدان الشهية", "eating-disorders" },
  { "الشره المرضي", "eating-disorders" }, { "تنمر", "bullying" }, { "التنمر", "bullying" },
  { "اكتئاب ما بعد الولادة", "new-parents" }, { "الأرق", "sleep" }, { "الديون", "money" },
  { "الحزن على فقيد", "grief" }, { NULL, NULL }
};

static void
check_topics_first (TendGuideLibrary  *library,
                    const TopicSearch *topics)
{
  for (guint i = 0; topics[i].words != NULL; i++)
    {
      g_autoptr(GPtrArray) matches = search (library, topics[i].words);
      const char *first = matches->len > 0 ?
        tend_guide_get_id (((TendGuideMatch *) g_ptr_array_index (matches, 0))->guide) : NULL;

      g_test_message ("“%s” → %s", topics[i].words, first != NULL ? first : "nothing");
      if (g_strcmp0 (first, topics[i].guide) != 0)
        g_test_fail_printf ("A search for “%s” gives “%s” first, not “%s”", topics[i].words,
                            first != NULL ? first : "nothing", topics[i].guide);
    }
}

static void
test_search_listed_titles (void)
{
  g_autoptr(TendGuideLibrary) library = listed_library ();

  check_titles_findable (library);
}

static void
test_search_listed_topics (void)
{
  g_autoptr(TendGuideLibrary) library = listed_library ();

  check_topics_first (library, english_topics);
}

/* Languages ------------------------------------------------------------------------------ */

static gboolean
locale_available (const char *locale)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  gboolean available = setlocale (LC_ALL, locale) != NULL;

  setlocale (LC_ALL, saved);
  return available;
}

static const char *
locale_for (const char *language)
{
  return g_str_equal (language, "fr") ? "fr_FR.UTF-8" : "ar_EG.UTF-8";
}

/* Runs the current test again in a process in @language, its catalogues in @catalogues. */
static void
run_in_language (const char *language,
                 const char *catalogues)
{
  g_auto(GStrv) envp = g_get_environ ();

  envp = g_environ_setenv (envp, "LC_ALL", locale_for (language), TRUE);
  envp = g_environ_setenv (envp, "LANGUAGE", language, TRUE);
  envp = g_environ_setenv (envp, "TEND_TEST_CATALOGUES", catalogues, TRUE);
  g_test_trap_subprocess_with_envp (NULL, (const char * const *) envp, 0,
                                    G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* In the process run_in_language() started. */
static void
enter_language (void)
{
  g_assert_nonnull (setlocale (LC_ALL, ""));
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TEND_TEST_CATALOGUES"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}

static void
run_tool (const char          *folder,
          const char * const  *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *po_folder = source_path ("po", NULL);
  g_autofree char *err = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, folder);
  /* Where xgettext finds po/its/tend-guide.loc, as `meson compile tend-pot` does. */
  g_subprocess_launcher_setenv (launcher, "GETTEXTDATADIRS", po_folder, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("%s failed: %s", argv[0], err);
}

static gboolean
have_tools (const char * const *tools)
{
  for (guint i = 0; tools[i] != NULL; i++)
    {
      g_autofree char *path = g_find_program_in_path (tools[i]);

      if (path == NULL)
        {
          g_autofree char *skip = g_strdup_printf ("%s is not installed", tools[i]);

          g_test_skip (skip);
          return FALSE;
        }
    }

  return TRUE;
}

/* Compiles @po into a catalogue for @language under @folder. */
static void
compile_catalogue (const char *folder,
                   const char *language,
                   const char *po)
{
  g_autofree char *mo = g_build_filename (folder, language, "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *mo_folder = g_path_get_dirname (mo);

  g_assert_cmpint (g_mkdir_with_parents (mo_folder, 0700), ==, 0);
  run_tool (folder, (const char * const[]) { "msgfmt", "--check", "-o", mo, po, NULL });
}

static void
assert_prefixed (const char *text)
{
  if (!g_str_has_prefix (text, "XX "))
    g_test_fail_printf ("“%s” was not translated", text);
}

static void
assert_blocks_prefixed (GPtrArray *blocks)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      TendGuideBlock *block = g_ptr_array_index (blocks, i);

      if (block->kind == TEND_GUIDE_BLOCK_PARAGRAPH)
        assert_prefixed (block->text);
      else
        for (guint j = 0; block->items[j] != NULL; j++)
          assert_prefixed (block->items[j]);
    }
}

static void
check_every_string_translated (TendGuideLibrary *library)
{
  GListModel *guides = tend_guide_library_get_guides (library);

  for (guint i = 0; i < g_list_model_get_n_items (guides); i++)
    {
      g_autoptr(TendGuide) guide = g_list_model_get_item (guides, i);
      GPtrArray *sections = tend_guide_get_sections (guide);
      GPtrArray *exercises = tend_guide_get_exercises (guide);
      GPtrArray *sources = tend_guide_get_sources (guide);

      assert_prefixed (tend_guide_get_title (guide));
      assert_prefixed (tend_guide_get_summary (guide));
      for (guint j = 0; j < sections->len; j++)
        {
          TendGuideSection *section = g_ptr_array_index (sections, j);

          assert_prefixed (section->title);
          assert_blocks_prefixed (section->blocks);
        }
      for (guint j = 0; j < exercises->len; j++)
        {
          TendGuideExercise *exercise = g_ptr_array_index (exercises, j);

          assert_prefixed (exercise->title);
          assert_blocks_prefixed (exercise->blocks);
          for (guint k = 0; exercise->steps[k] != NULL; k++)
            assert_prefixed (exercise->steps[k]);
        }
      assert_blocks_prefixed (tend_guide_get_more_help (guide));
      for (guint j = 0; j < sources->len; j++)
        g_assert_false (g_str_has_prefix (((TendGuideSource *) g_ptr_array_index (sources, j))->title,
                                          "XX "));
    }
}

/* The strings xgettext extracts with po/its/ are exactly the strings the parser looks up:
 * every guide (the fixtures and every listed one) is extracted, each string "translated"
 * as itself with "XX " before it, and every string a reader sees must come back that way. */
static void
test_extracted_strings_are_looked_up (void)
{
  static const char * const tools[] = { "xgettext", "msginit", "msgen", "msgfilter", "msgfmt",
                                        NULL };

  if (g_test_subprocess ())
    {
      g_autoptr(TendGuideLibrary) good = NULL;
      g_autoptr(TendGuideLibrary) listed = NULL;

      enter_language ();
      good = good_library ();
      listed = listed_library ();
      check_every_string_translated (good);
      check_every_string_translated (listed);
      return;
    }

  if (!locale_available ("fr_FR.UTF-8"))
    {
      g_test_skip ("the fr_FR.UTF-8 locale is not installed");
      return;
    }
  if (!have_tools (tools))
    return;

  {
    g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "xx", NULL);
    g_autofree char *guides_path = source_path ("resources", "guides", NULL);
    g_autofree char *pot_path = g_build_filename (folder, "guides.pot", NULL);
    g_autofree char *pot = NULL;
    g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GDir) dir = NULL;
    g_autoptr(TendGuideLibrary) good = good_library ();
    const char *name;

    g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);

    g_ptr_array_add (argv, g_strdup ("xgettext"));
    g_ptr_array_add (argv, g_strdup ("--from-code=UTF-8"));
    g_ptr_array_add (argv, g_strdup ("--output=guides.pot"));
    g_ptr_array_add (argv, g_test_build_filename (G_TEST_DIST, "data", "guides", "good",
                                                  "sleep.xml", NULL));
    g_ptr_array_add (argv, g_test_build_filename (G_TEST_DIST, "data", "guides", "good",
                                                  "anxiety.xml", NULL));
    dir = g_dir_open (guides_path, 0, NULL);
    g_assert_nonnull (dir);
    while ((name = g_dir_read_name (dir)) != NULL)
      if (g_str_has_suffix (name, ".xml"))
        g_ptr_array_add (argv, g_build_filename (guides_path, name, NULL));
    g_ptr_array_add (argv, NULL);
    run_tool (folder, (const char * const *) argv->pdata);

    /* Source titles stay as published. */
    g_assert_true (g_file_get_contents (pot_path, &pot, NULL, NULL));
    g_assert_nonnull (strstr (pot, "msgid \"Sleeping Well\""));
    g_assert_null (strstr (pot, "msgid \"Insomnia\""));
    g_assert_null (strstr (pot, "msgid \"NHS\""));

    run_tool (folder, (const char * const[]) { "msginit", "--no-translator", "--locale=fr_FR.UTF-8",
                                               "--input=guides.pot", "--output=fr.po", NULL });
    run_tool (folder, (const char * const[]) { "msgen", "--output=en.po", "fr.po", NULL });
    run_tool (folder, (const char * const[]) { "msgfilter", "--keep-header", "--input=en.po",
                                               "--output=xx.po", "sed", "-e", "s/^/XX /",
                                               NULL });
    compile_catalogue (folder, "fr", "xx.po");

    run_in_language ("fr", folder);
  }
}

/* The fixtures in French and Arabic (a few strings of sleep.xml, in tests/data/guides/po/):
 * translated where there is a translation, English elsewhere, and searched in what the
 * reader sees. */
static void
test_search_fixtures_in_language (gconstpointer data)
{
  const char *language = data;
  static const char * const tools[] = { "msgfmt", NULL };

  if (g_test_subprocess ())
    {
      g_autoptr(TendGuideLibrary) library = NULL;
      g_autoptr(GPtrArray) matches = NULL;
      TendGuide *sleep;
      TendGuideMatch *match;
      gboolean french = g_str_equal (language, "fr");

      enter_language ();
      library = good_library ();
      sleep = tend_guide_library_lookup (library, "sleep");
      g_assert_cmpstr (tend_guide_get_title (sleep), ==, french ? "Bien dormir" : "النوم الجيد");
      /* Untranslated strings stay in English. */
      g_assert_cmpstr (((TendGuideSection *) g_ptr_array_index (tend_guide_get_sections (sleep), 2))->title,
                       ==, "When You Lie Awake");

      assert_finds (library, french ? "dormir" : "النوم", "sleep");
      assert_finds (library, french ? "BIEN DORM" : "الجيد", "sleep");
      assert_finds (library, "Sleeping", "");  /* the English title is gone */

      matches = search (library, french ? "cafeine" : "كافيين");
      g_assert_cmpuint (matches->len, ==, 1);
      match = g_ptr_array_index (matches, 0);
      g_assert_cmpstr (match->section_id, ==, "what-helps");
      g_assert_cmpstr (match->section_title, ==, french ? "Ce qui aide" : "ما الذي يساعد");
      g_assert_nonnull (strstr (match->snippet, french ? "\002caféine\003" : "\002كافيين\003"));
      return;
    }

  if (!locale_available (locale_for (language)))
    {
      g_test_skip ("the locale is not installed");
      return;
    }
  if (!have_tools (tools))
    return;

  {
    g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), language, NULL);
    g_autofree char *po_name = g_strdup_printf ("%s.po", language);
    g_autofree char *po = g_test_build_filename (G_TEST_DIST, "data", "guides", "po", po_name,
                                                 NULL);

    compile_catalogue (folder, language, po);
    run_in_language (language, folder);
  }
}

/* The listed guides in French and Arabic, with Tend's own catalogues as built: whatever
 * their translation, each guide is found by its title as the reader sees it. */
static void
test_search_listed_in_language (gconstpointer data)
{
  const char *language = data;
  const char *localedir = g_getenv ("TEND_LOCALEDIR");

  if (g_test_subprocess ())
    {
      g_autoptr(TendGuideLibrary) library = NULL;

      enter_language ();
      library = listed_library ();
      check_titles_findable (library);
      check_topics_first (library, g_str_equal (language, "fr") ? french_topics : arabic_topics);
      g_test_message ("%u guides, found by their titles in %s",
                      g_list_model_get_n_items (tend_guide_library_get_guides (library)),
                      language);
      return;
    }

  if (!locale_available (locale_for (language)))
    {
      g_test_skip ("the locale is not installed");
      return;
    }
  if (localedir == NULL)
    {
      g_test_skip ("TEND_LOCALEDIR is not set; run the tests with meson test");
      return;
    }

  run_in_language (language, localedir);
}

/* What fuzzing found (tests/fuzz/fuzz-guide.c): each is refused in plain UTF-8 words. */
static void
test_fuzzed_guides (void)
{
  static const struct {
    const char *xml;
    TendGuideError code;
    const char *says;
  } cases[] = {
    /* GMarkup takes a file of comments alone; it used to give a guide with no id. */
    { "<?xml version=\"1.0\"?>\n<!-- only a comment -->", TEND_GUIDE_ERROR_MISSING,
      "guide: there is no <guide> in it." },
    /* GMarkup takes two root elements: the second guide's id replaced (and leaked) the
     * first's. */
    { "<guide id='a' topic='body' reading-minutes='1' reviewed='2026-01-01'>"
      "<title>A</title><summary>B</summary><section id='c'><title>C</title><p>D</p></section>"
      "<exercise id='e' kind='breathing'><title>E</title><p>F</p></exercise>"
      "<more-help><p>G</p></more-help></guide>\n"
      "<guide id='b' topic='body' reading-minutes='1' reviewed='2026-01-01'/>",
      TEND_GUIDE_ERROR_INVALID, "guide, line 2: there is a second <guide>" },
    /* GMarkup quotes the first byte of U+0612 alone: that message was not UTF-8. */
    { "<guide id='x' reading\xd8\x92minutes='1'/>", TEND_GUIDE_ERROR_MALFORMED,
      "guide is not well-formed XML: " },
  };
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(TendGuide) none = NULL;

  /* Empty bytes have no data at all: it used to be passed on to memchr(). */
  none = tend_guide_new_from_bytes (empty, &error);
  g_assert_null (none);
  g_assert_error (error, TEND_GUIDE_ERROR, TEND_GUIDE_ERROR_MALFORMED);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) xml = g_bytes_new_static (cases[i].xml, strlen (cases[i].xml));
      g_autoptr(TendGuide) guide = NULL;

      g_clear_error (&error);
      guide = tend_guide_new_from_bytes (xml, &error);
      g_test_message ("%s → %s", cases[i].xml, error != NULL ? error->message : "no error");
      g_assert_null (guide);
      g_assert_error (error, TEND_GUIDE_ERROR, cases[i].code);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_true (g_str_has_prefix (error->message, cases[i].says));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/guides/listed/follow-the-rules", test_listed_guides_follow_the_rules);
  g_test_add_func ("/guides/listed/every-file-is-listed", test_every_guide_file_is_listed);
  g_test_add_func ("/guides/listed/by-topic", test_listed_guides_by_topic);
  g_test_add_func ("/guides/listed/titles-findable", test_search_listed_titles);
  g_test_add_func ("/guides/listed/topic-first", test_search_listed_topics);
  g_test_add_data_func ("/guides/listed/french", "fr", test_search_listed_in_language);
  g_test_add_data_func ("/guides/listed/arabic", "ar", test_search_listed_in_language);
  g_test_add_func ("/guides/topics", test_topics);
  g_test_add_func ("/guides/fixtures/follow-the-rules", test_good_fixtures_follow_the_rules);
  g_test_add_func ("/guides/fixtures/parsed", test_fixture_parsed);
  g_test_add_func ("/guides/fixtures/steps", test_fixture_steps);
  g_test_add_func ("/guides/fixtures/from-bytes", test_new_from_bytes);
  g_test_add_func ("/guides/fixtures/bad-files", test_bad_fixtures);
  g_test_add_func ("/guides/fixtures/bad-in-memory", test_bad_guides_in_memory);
  g_test_add_func ("/guides/fixtures/duplicate-ids", test_duplicate_ids);
  g_test_add_func ("/guides/fixtures/source-languages", test_source_languages);
  g_test_add_func ("/guides/fixtures/fuzzed", test_fuzzed_guides);
  g_test_add_func ("/guides/search/title-words", test_search_title_words);
  g_test_add_func ("/guides/search/title-above-body", test_search_title_above_body);
  g_test_add_func ("/guides/search/gives-the-section", test_search_gives_the_section);
  g_test_add_func ("/guides/search/one-match-per-guide", test_search_one_match_per_guide);
  g_test_add_func ("/guides/search/empty-library", test_search_empty_library);
  g_test_add_func ("/guides/translation/extracted-strings", test_extracted_strings_are_looked_up);
  g_test_add_data_func ("/guides/translation/french", "fr", test_search_fixtures_in_language);
  g_test_add_data_func ("/guides/translation/arabic", "ar", test_search_fixtures_in_language);

  return g_test_run ();
}
