/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tend-helplines.h"

/* The helplines file Tend ships, the checks a changed file has to pass, and the country
 * Tend starts on. Runs in the C locale, where the words are the untranslated English. */

static void
test_builtin_is_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TendHelplines) helplines = tend_helplines_new_builtin (&error);
  const TendHelplineCountry *country;
  GPtrArray *countries;
  TendEmergencyNumber *number;
  TendHelpline *line;

  g_assert_no_error (error);
  g_assert_nonnull (helplines);

  countries = tend_helplines_get_countries (helplines);
  g_assert_cmpuint (countries->len, >=, 2);

  /* What the reader promises of every entry. */
  for (guint i = 0; i < countries->len; i++)
    {
      country = g_ptr_array_index (countries, i);

      g_assert_nonnull (tend_helplines_get_country_name (country->code));
      /* Other Countries names no number as everyone's */
      g_assert_cmpuint (country->emergency->len, >=,
                        g_str_equal (country->code, TEND_HELPLINES_OTHER) ? 0 : 1);

      for (guint j = 0; j < country->lines->len; j++)
        {
          line = g_ptr_array_index (country->lines, j);

          g_assert_true (line->phones[0] != NULL || line->text_number != NULL);
          g_assert_true (g_date_valid (&line->verified_on));
          g_assert_true (line->website == NULL || g_str_has_prefix (line->website, "https://"));
          g_assert_true (g_str_has_prefix (line->source, "http"));
          g_assert_nonnull (line->languages[0]);
        }
    }

  /* A few facts from the research note, so a wrong edit of the file shows. */
  country = tend_helplines_lookup (helplines, "fr");
  g_assert_nonnull (country);
  g_assert_cmpstr (country->code, ==, "FR");
  number = g_ptr_array_index (country->emergency, 0);
  g_assert_cmpstr (number->number, ==, "15");
  g_assert_cmpint (number->service, ==, TEND_EMERGENCY_AMBULANCE);
  line = g_ptr_array_index (country->lines, 0);
  g_assert_cmpstr (line->phones[0], ==, "3114");
  g_assert_cmpint (line->hours, ==, TEND_HELPLINE_HOURS_ALWAYS);
  g_assert_cmpint (line->cost, ==, TEND_HELPLINE_COST_FREE);

  country = tend_helplines_lookup (helplines, "US");
  line = g_ptr_array_index (country->lines, 1);
  g_assert_cmpstr (line->name, ==, "Crisis Text Line");
  g_assert_null (line->phones[0]);
  g_assert_cmpstr (line->text_number, ==, "741741");
  /* No word to start with: the service's own page names none */
  g_assert_null (line->text_keyword);

  /* Every other country: no number presented as everyone's, and no lines. */
  country = tend_helplines_lookup (helplines, TEND_HELPLINES_OTHER);
  g_assert_nonnull (country);
  g_assert_cmpuint (country->emergency->len, ==, 0);
  g_assert_cmpuint (country->lines->len, ==, 0);
  g_assert_nonnull (tend_helplines_get_emergency_note (TEND_HELPLINES_OTHER));

  /* Egypt: the ambulance first, and the Ministry of Health's line */
  country = tend_helplines_lookup (helplines, "EG");
  number = g_ptr_array_index (country->emergency, 0);
  g_assert_cmpstr (number->number, ==, "123");
  g_assert_cmpint (number->service, ==, TEND_EMERGENCY_AMBULANCE);
  g_assert_cmpuint (country->lines->len, >, 0);

  g_assert_null (tend_helplines_lookup (helplines, "ZZ"));
  g_assert_null (tend_helplines_lookup (helplines, NULL));
}

/* The safety net of every reader: each country of the file has an emergency number, and
 * each line the address it was read at and the day it was read there. The countries where
 * people read Arabic or French are all there. */
static void
test_every_country_has_a_net (void)
{
  static const char * const wanted[] = {
    "EG", "SA", "AE", "MA", "DZ", "TN", "LB", "JO", "IQ", "KW", "QA", "BH", "OM", "PS",
    "FR", "BE", "LU", "MC", "SN", "CI", "CM", "CA", "CH",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TendHelplines) helplines = tend_helplines_new_builtin (&error);
  GPtrArray *countries;

  g_assert_no_error (error);
  countries = tend_helplines_get_countries (helplines);

  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    g_assert_nonnull (tend_helplines_lookup (helplines, wanted[i]));

  for (guint i = 0; i < countries->len; i++)
    {
      const TendHelplineCountry *country = g_ptr_array_index (countries, i);

      if (g_str_equal (country->code, TEND_HELPLINES_OTHER))
        continue;
      g_assert_cmpuint (country->emergency->len, >, 0);
      for (guint j = 0; j < country->lines->len; j++)
        {
          const TendHelpline *line = g_ptr_array_index (country->lines, j);

          g_assert_true (g_str_has_prefix (line->source, "https://") ||
                         g_str_has_prefix (line->source, "http://"));
          g_assert_true (g_date_valid (&line->verified_on));
        }
    }
}

/* The review a release needs: someone read the whole file against its sources, and the
 * next reading is due within six months. */
static void
test_review (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TendHelplines) helplines = tend_helplines_new_builtin (&error);
  const GDate *reviewed_on, *next_review;
  GPtrArray *countries;
  GDate day;

  g_assert_no_error (error);
  g_assert_cmpstr (tend_helplines_get_reviewed_by (helplines), !=, "");
  reviewed_on = tend_helplines_get_reviewed_on (helplines);
  next_review = tend_helplines_get_next_review (helplines);
  g_assert_true (g_date_valid (reviewed_on));
  g_assert_true (g_date_valid (next_review));
  g_assert_cmpint (g_date_days_between (reviewed_on, next_review), >, 0);
  g_assert_cmpint (g_date_days_between (reviewed_on, next_review), <=, 184);

  /* Every line was read at its source on or before the review's day. */
  countries = tend_helplines_get_countries (helplines);
  for (guint i = 0; i < countries->len; i++)
    {
      const TendHelplineCountry *country = g_ptr_array_index (countries, i);

      for (guint j = 0; j < country->lines->len; j++)
        {
          const TendHelpline *line = g_ptr_array_index (country->lines, j);

          g_assert_cmpint (g_date_compare (&line->verified_on, reviewed_on), <=, 0);
        }
    }

  /* Due the day after the next review, not on it. */
  day = *next_review;
  g_assert_false (tend_helplines_is_review_due (helplines, &day));
  g_date_add_days (&day, 1);
  g_assert_true (tend_helplines_is_review_due (helplines, &day));
  day = *reviewed_on;
  g_assert_false (tend_helplines_is_review_due (helplines, &day));
}

/* A small valid file; each bad case below changes one thing in it. */
static const char valid_file[] =
  "{ \"version\": 1, \"reviewed_by\": \"A. Reviewer\", \"reviewed_on\": \"2026-11-23\","
  "  \"next_review\": \"2027-05-23\", \"countries\": ["
  "  { \"code\": \"FR\","
  "    \"emergency\": [ { \"number\": \"15\", \"service\": \"ambulance\" } ],"
  "    \"lines\": [ {"
  "      \"name\": \"3114\", \"offers\": \"crisis\", \"phone\": [\"3114\"],"
  "      \"text\": { \"number\": \"31 14\", \"keyword\": \"HELLO\" },"
  "      \"hours\": \"always\", \"free\": true, \"website\": \"https://3114.fr\","
  "      \"languages\": [\"fr\"], \"verified_on\": \"2026-11-22\","
  "      \"source\": \"https://3114.fr/\" } ] },"
  "  { \"code\": \"other\", \"emergency\": [],"
  "    \"lines\": [] } ] }";

static TendHelplines *
read_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return tend_helplines_new_from_bytes (bytes, error);
}

static char *
replace (const char *text,
         const char *from,
         const char *to)
{
  g_autoptr(GString) changed = g_string_new (text);

  g_assert_nonnull (strstr (text, from));
  g_string_replace (changed, from, to, 1);
  return g_string_free (g_steal_pointer (&changed), FALSE);
}

static void
test_bad_files (void)
{
  static const struct {
    const char *from;
    const char *to;
    int         code;
    const char *message;
  } cases[] = {
    { "{ \"version\"", "[ \"version\"", TEND_HELPLINES_ERROR_PARSE, "helplines.json: " },
    { "\"version\": 1", "\"version\": 2", TEND_HELPLINES_ERROR_TOO_NEW,
      "helplines.json: version: 2 is newer than the 1 this Tend reads" },
    { "\"version\": 1", "\"version\": \"1\"", TEND_HELPLINES_ERROR_INVALID,
      "helplines.json: version: this field must be a whole number from 1" },
    { " \"verified_on\": \"2026-11-22\",", "", TEND_HELPLINES_ERROR_INVALID,
      "helplines.json: countries[0].lines[0].verified_on: this field is missing" },
    { "2026-11-22", "2026-02-30", TEND_HELPLINES_ERROR_INVALID,
      "helplines.json: countries[0].lines[0].verified_on: “2026-02-30” is not a date written as "
      "YYYY-MM-DD" },
    { "2026-11-22", "22/11/2026", TEND_HELPLINES_ERROR_INVALID,
      "countries[0].lines[0].verified_on: “22/11/2026”" },
    { "[\"3114\"]", "[\"3114\", \"31.14\"]", TEND_HELPLINES_ERROR_INVALID,
      "helplines.json: countries[0].lines[0].phone[1]: “31.14” may only have digits, spaces, + "
      "and - in it" },
    { "\"31 14\"", "\"+-\"", TEND_HELPLINES_ERROR_INVALID,
      "helplines.json: countries[0].lines[0].text.number: “+-” has no digits" },
    { "\"HELLO\"", "\"HI THERE\"", TEND_HELPLINES_ERROR_INVALID,
      "countries[0].lines[0].text.keyword: “HI THERE” may only have letters and digits" },
    { "\"15\"", "\"15a\"", TEND_HELPLINES_ERROR_INVALID,
      "helplines.json: countries[0].emergency[0].number: “15a” may only have digits" },
    { "[ { \"number\": \"15\", \"service\": \"ambulance\" } ]", "[]",
      TEND_HELPLINES_ERROR_INVALID,
      "helplines.json: countries[0].emergency: give at least one emergency number" },
    { "\"ambulance\"", "\"firemen\"", TEND_HELPLINES_ERROR_INVALID,
      "helplines.json: countries[0].emergency[0].service: “firemen” is not one of “general”, "
      "“ambulance”, “police”, “fire”" },
    { "\"other\", \"emergency\": []",
      "\"other\", \"emergency\": [ { \"number\": \"112\", \"service\": \"general\" } ]",
      TEND_HELPLINES_ERROR_INVALID,
      "helplines.json: countries[1].emergency: “other” lists no emergency number" },
    { "https://3114.fr\"", "http://3114.fr\"", TEND_HELPLINES_ERROR_INVALID,
      "helplines.json: countries[0].lines[0].website: “http://3114.fr” must start with https://" },
    { "\"source\": \"https://3114.fr/\"", "\"source\": \"3114.fr\"", TEND_HELPLINES_ERROR_INVALID,
      "helplines.json: countries[0].lines[0].source: “3114.fr” is not a whole web address" },
    { "\"free\": true", "\"free\": \"yes\"", TEND_HELPLINES_ERROR_INVALID,
      "helplines.json: countries[0].lines[0].free: this field must be true or false" },
    { "\"hours\": \"always\"", "\"hours\": \"24/7\"", TEND_HELPLINES_ERROR_INVALID,
      "helplines.json: countries[0].lines[0].hours: “24/7” is not one of “always”, “varies”" },
    { "\"languages\": [\"fr\"]", "\"languages\": [\"xx\"]", TEND_HELPLINES_ERROR_INVALID,
      "helplines.json: countries[0].lines[0].languages[0]: “xx” is not a language" },
    { "\"languages\": [\"fr\"]", "\"languages\": []", TEND_HELPLINES_ERROR_INVALID,
      "helplines.json: countries[0].lines[0].languages: give at least one language" },
    { "\"name\": \"3114\"", "\"name\": \"\"", TEND_HELPLINES_ERROR_INVALID,
      "helplines.json: countries[0].lines[0].name: this field must not be empty" },
    { "\"verified_on\"", "\"verifed_on\"", TEND_HELPLINES_ERROR_INVALID,
      "helplines.json: countries[0].lines[0]: “verifed_on” is not a field Tend knows" },
    { "\"phone\": [\"3114\"],", "", TEND_HELPLINES_ERROR_INVALID, NULL },
    { "\"code\": \"FR\"", "\"code\": \"XX\"", TEND_HELPLINES_ERROR_INVALID,
      "helplines.json: countries[0].code: “XX” is not a country Tend has a name for" },
    { "\"code\": \"other\", \"emergency\": []",
      "\"code\": \"FR\", \"emergency\": [ { \"number\": \"15\", \"service\": \"ambulance\" } ]",
      TEND_HELPLINES_ERROR_INVALID,
      "helplines.json: countries[1].code: “FR” is in the file twice" },
    { "\"code\": \"other\", \"emergency\": []",
      "\"code\": \"DE\", \"emergency\": [ { \"number\": \"112\", \"service\": \"general\" } ]",
      TEND_HELPLINES_ERROR_INVALID,
      "helplines.json: countries: there must be an entry with the code “other”" },
    { " \"reviewed_by\": \"A. Reviewer\",", "", TEND_HELPLINES_ERROR_INVALID,
      "helplines.json: reviewed_by: this field is missing" },
    { "\"A. Reviewer\"", "\"\"", TEND_HELPLINES_ERROR_INVALID,
      "helplines.json: reviewed_by: this field must not be empty" },
    { "\"2026-11-23\"", "\"23 November\"", TEND_HELPLINES_ERROR_INVALID,
      "helplines.json: reviewed_on: “23 November” is not a date written as YYYY-MM-DD" },
    { "  \"next_review\": \"2027-05-23\",", "", TEND_HELPLINES_ERROR_INVALID,
      "helplines.json: next_review: this field is missing" },
    { "\"2027-05-23\"", "\"2026-11-23\"", TEND_HELPLINES_ERROR_INVALID,
      "helplines.json: next_review: “2026-11-23” must be after reviewed_on, and within a year "
      "of it" },
    { "\"2027-05-23\"", "\"2027-11-25\"", TEND_HELPLINES_ERROR_INVALID,
      "helplines.json: next_review: “2027-11-25” must be after reviewed_on" },
    { "\"2026-11-22\"", "\"2026-11-24\"", TEND_HELPLINES_ERROR_INVALID,
      "helplines.json: countries[0].lines[0].verified_on: the line was checked after "
      "reviewed_on" },
    { "\"countries\"", "\"lands\"", TEND_HELPLINES_ERROR_INVALID,
      "helplines.json: (top): “lands” is not a field Tend knows" },
  };

  /* The template itself is fine, and so is a line with a text number but no phone. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TendHelplines) helplines = read_text (valid_file, &error);
    g_autofree char *text_only = replace (valid_file, "\"phone\": [\"3114\"],", "");
    g_autoptr(TendHelplines) texts = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (helplines);
    texts = read_text (text_only, &error);
    g_assert_no_error (error);
    g_assert_nonnull (texts);
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = replace (valid_file, cases[i].from, cases[i].to);
      g_autoptr(GError) error = NULL;
      g_autoptr(TendHelplines) helplines = NULL;

      /* Taking both the phone and the text away leaves a line nobody can reach. */
      if (cases[i].message == NULL)
        {
          g_autofree char *no_text = replace (text, "\"text\": { \"number\": \"31 14\", "
                                              "\"keyword\": \"HELLO\" },", "");

          g_free (text);
          text = g_steal_pointer (&no_text);
        }

      helplines = read_text (text, &error);
      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(no error)");
      g_assert_null (helplines);
      g_assert_error (error, TEND_HELPLINES_ERROR, cases[i].code);

      if (cases[i].message != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].message));
      else
        g_assert_cmpstr (error->message, ==, "helplines.json: countries[0].lines[0]: a line "
                                             "needs a “phone” list or a “text” number");
    }
}

/* What fuzzing found (tests/fuzz/fuzz-helplines.c): each is refused in UTF-8 words. */
static void
test_fuzzed (void)
{
  static const struct {
    const char *text;
    const char *message;
  } cases[] = {
    /* json-glib 1.10 aborted on an immutable parser's root after a value and more text. */
    { "1 {\"version\": 1, \"countries\": []}", NULL },
    /* No root at all. */
    { "  \n", NULL },
    /* json-glib quotes a string cut in the middle of a character. */
    { "{\"version\": 1, \"countries\": [\"\xe3\x83\xa9\xe3\x83", NULL },
    { "{\"version\": 1, \"countries\": [\"\xff\"]}", "helplines.json: the file is not UTF-8 text" },
  };
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(TendHelplines) none = NULL;

  /* Empty bytes have no data at all, which json-glib refused with a critical. */
  none = tend_helplines_new_from_bytes (empty, &error);
  g_assert_null (none);
  g_assert_error (error, TEND_HELPLINES_ERROR, TEND_HELPLINES_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "helplines.json: (top): the file must hold one object, "
                                       "in { }");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TendHelplines) helplines = NULL;

      g_clear_error (&error);
      helplines = read_text (cases[i].text, &error);
      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(no error)");
      g_assert_null (helplines);
      g_assert_nonnull (error);
      g_assert_true (error->domain == TEND_HELPLINES_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_region_from_locale (void)
{
  static const struct {
    const char *locale;
    const char *region;
  } cases[] = {
    { "fr_CA.UTF-8", "CA" },
    { "fr_CA", "CA" },
    { "de_CH@euro", "CH" },
    { "ja_JP.eucJP", "JP" },
    { "sr_RS.UTF-8@latin", "RS" },
    { "en_gb", "GB" },
    { "es_419.UTF-8", NULL },
    { "fr", NULL },
    { "C", NULL },
    { "C.UTF-8", NULL },
    { "POSIX", NULL },
    { "", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *region = tend_helplines_region_from_locale (cases[i].locale);

      g_assert_cmpstr (region, ==, cases[i].region);
    }
}

static void
test_default_country (void)
{
  static const struct {
    const char *locale;
    const char *country;
  } cases[] = {
    { "fr_CA.UTF-8", "CA" },
    { "fr_FR.UTF-8", "FR" },
    { "en_US", "US" },
    { "en_GB.UTF-8", "GB" },
    { "pt_BR.UTF-8", "BR" },
    { "de_CH@euro", "CH" },
    { "ko_KR.UTF-8", "KR" },
    { "ar_EG.UTF-8", "EG" },
    { "ar_MA.UTF-8", "MA" },
    { "fr_BE.UTF-8", "BE" },
    /* A country the file has no entry for */
    { "es_AR.UTF-8", TEND_HELPLINES_OTHER },
    /* No country: the person is asked */
    { "ar", NULL },
    { "fr", NULL },
    { "C.UTF-8", NULL },
    { "", NULL },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TendHelplines) helplines = tend_helplines_new_builtin (&error);

  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (tend_helplines_get_default_country (helplines, cases[i].locale), ==,
                     cases[i].country);

  /* From the environment, in the order the C library reads it. */
  g_setenv ("LC_ALL", "", TRUE);
  g_setenv ("LC_MESSAGES", "", TRUE);
  g_setenv ("LANG", "nl_NL.UTF-8", TRUE);
  g_assert_cmpstr (tend_helplines_get_default_country (helplines, NULL), ==, "NL");

  g_setenv ("LC_MESSAGES", "en_IE.UTF-8", TRUE);
  g_assert_cmpstr (tend_helplines_get_default_country (helplines, NULL), ==, "IE");

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_assert_null (tend_helplines_get_default_country (helplines, NULL));
}

/* A locale that names a language but no country puts that language's countries first. */
static void
test_codes_for_language (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TendHelplines) helplines = tend_helplines_new_builtin (&error);
  g_auto(GStrv) arabic = NULL;
  g_auto(GStrv) french = NULL;
  g_auto(GStrv) none = NULL;
  g_auto(GStrv) by_name = NULL;
  g_autofree char *language = NULL;
  guint n;

  g_assert_no_error (error);

  arabic = tend_helplines_list_codes_for_language (helplines, "ar");
  by_name = tend_helplines_list_codes_by_name (helplines);
  n = g_strv_length (by_name);
  g_assert_cmpuint (g_strv_length (arabic), ==, n);
  /* Algeria, Bahrain, Egypt, … by their names, before Australia */
  g_assert_cmpstr (arabic[0], ==, "DZ");
  g_assert_true (g_strv_contains ((const char * const *) arabic, "EG"));
  for (guint i = 0; i < 14; i++)
    g_assert_cmpstr (arabic[i], !=, "AU");
  g_assert_cmpstr (arabic[n - 1], ==, TEND_HELPLINES_OTHER);

  french = tend_helplines_list_codes_for_language (helplines, "fr");
  g_assert_cmpstr (french[0], ==, "DZ");
  g_assert_cmpstr (french[1], ==, "BE");

  none = tend_helplines_list_codes_for_language (helplines, NULL);
  g_assert_true (g_strv_equal ((const char * const *) none, (const char * const *) by_name));

  language = tend_helplines_language_from_locale ("ar_EG.UTF-8");
  g_assert_cmpstr (language, ==, "ar");
  g_clear_pointer (&language, g_free);
  language = tend_helplines_language_from_locale ("fr");
  g_assert_cmpstr (language, ==, "fr");
  g_assert_null (tend_helplines_language_from_locale ("C.UTF-8"));
  g_assert_null (tend_helplines_language_from_locale ("POSIX"));
  g_assert_null (tend_helplines_language_from_locale (""));
}

static void
test_names_and_words (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TendHelplines) helplines = tend_helplines_new_builtin (&error);
  g_auto(GStrv) codes = NULL;
  const TendHelplineCountry *country;
  TendHelpline *line;
  guint n;

  g_assert_no_error (error);

  codes = tend_helplines_list_codes_by_name (helplines);
  n = g_strv_length (codes);
  g_assert_cmpuint (n, ==, tend_helplines_get_countries (helplines)->len);
  g_assert_cmpstr (codes[0], ==, "DZ");  /* Algeria */
  g_assert_cmpstr (codes[n - 1], ==, TEND_HELPLINES_OTHER);
  for (guint i = 1; i + 1 < n; i++)
    g_assert_cmpint (g_utf8_collate (tend_helplines_get_country_name (codes[i - 1]),
                                     tend_helplines_get_country_name (codes[i])), <, 0);

  g_assert_cmpstr (tend_helplines_get_country_name ("GB"), ==, "United Kingdom");
  g_assert_cmpstr (tend_helplines_get_country_name (TEND_HELPLINES_OTHER), ==,
                   "Other Countries");
  g_assert_cmpstr (tend_helplines_get_country_name ("EG"), ==, "Egypt");
  g_assert_null (tend_helplines_get_country_name ("ZZ"));
  g_assert_cmpstr (tend_helplines_get_language_name ("fr"), ==, "French");
  g_assert_cmpstr (tend_helplines_get_language_name ("ar"), ==, "Arabic");

  country = tend_helplines_lookup (helplines, "IN");
  line = g_ptr_array_index (country->lines, 0);
  {
    g_autofree char *languages = tend_helpline_format_languages (line);
    g_autofree char *checked = tend_helpline_format_verified_on (line);

    g_assert_cmpstr (languages, ==, "Hindi, English and other languages");
    g_assert_cmpstr (checked, ==, "December 7, 2026");
  }
}

static void
test_format_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TendHelplines) helplines = tend_helplines_new_builtin (&error);
  g_autofree char *france = NULL;
  g_autofree char *other = NULL;

  g_assert_no_error (error);

  france = tend_helplines_format_text (helplines, "FR");
  g_assert_true (g_str_has_prefix (france, "France\n\nEmergency: 15 (Ambulance), 112 (All "
                                           "emergency services)\n"));
  g_assert_nonnull (strstr (france, "\n  Call: 3114\n"));
  g_assert_nonnull (strstr (france, "\n  Open day and night, every day · Free\n"));
  g_assert_nonnull (strstr (france, "\n  Website: https://3114.fr\n"));
  g_assert_nonnull (strstr (france, "\n  Languages: French\n"));
  g_assert_nonnull (strstr (france, "\n  Last checked on December 7, 2026, against "
                                    "https://3114.fr/que-se-passe-t-il-quand-je-contacte-le-3114/\n"));
  g_assert_nonnull (strstr (france, "call your emergency number.\n"));
  g_assert_true (g_str_has_suffix (france, "\nTend’s list of helplines was last reviewed on "
                                   "December 7, 2026.\n"));

  /* Other Countries: no number first, but the shared ones with where they apply */
  other = tend_helplines_format_text (helplines, TEND_HELPLINES_OTHER);
  g_assert_true (g_str_has_prefix (other, "Other Countries\n\nThe emergency number is not"));
  g_assert_null (strstr (other, "Emergency: "));
  g_assert_nonnull (strstr (other, "\n  112: Belgium, France, "));
  g_assert_nonnull (strstr (other, "\n  911: Canada, "));
  g_assert_null (strstr (other, "\n  9999: "));
  g_assert_nonnull (strstr (other, tend_helplines_get_no_lines_note ()));
  g_assert_null (strstr (other, "Call: "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/helplines/builtin-is-valid", test_builtin_is_valid);
  g_test_add_func ("/helplines/bad-files", test_bad_files);
  g_test_add_func ("/helplines/review", test_review);
  g_test_add_func ("/helplines/fuzzed", test_fuzzed);
  g_test_add_func ("/helplines/region-from-locale", test_region_from_locale);
  g_test_add_func ("/helplines/every-country-has-a-net", test_every_country_has_a_net);
  g_test_add_func ("/helplines/default-country", test_default_country);
  g_test_add_func ("/helplines/codes-for-language", test_codes_for_language);
  g_test_add_func ("/helplines/names-and-words", test_names_and_words);
  g_test_add_func ("/helplines/format-text", test_format_text);

  return g_test_run ();
}
