/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-helplines"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "tend-helplines.h"

/* The helplines Tend shows under "Get Help Now": resources/helplines/helplines.json,
 * compiled into a resource of the core's own so the command line and the tests read the
 * same file as the app. The file holds facts only (names, numbers, codes, dates,
 * addresses); every sentence shown with them is written here and translated.
 *
 * The file is checked whole when it is read. The messages say which field is wrong, as
 * "countries[4].lines[0].phone[1]", for whoever edits the file: they are not translated,
 * because the file Tend ships is checked by the tests and never fails for its users. */

#define BUILTIN_PATH "/io/github/tendapp/Tend/helplines/helplines.json"

/* Made by glib-compile-resources from resources/helplines/helplines.gresource.xml. */
GResource *tend_helplines_data_get_resource (void);

struct _TendHelplines
{
  GObject    parent_instance;

  GPtrArray *countries; /* TendHelplineCountry */
  char      *reviewed_by;
  GDate      reviewed_on;
  GDate      next_review;
};

G_DEFINE_FINAL_TYPE (TendHelplines, tend_helplines, G_TYPE_OBJECT)

G_DEFINE_QUARK (tend-helplines-error-quark, tend_helplines_error)

/* The countries Tend has a name for. A code in the file must be one of these, so every
 * country in the chooser has a translated name. @languages are the languages most people
 * there read, for putting their countries first when a locale names a language but no
 * country. */
static const struct {
  const char *code;
  const char *name;
  const char *languages;
} country_names[] = {
  { "AE", N_("United Arab Emirates"), "ar" },
  { "AU", N_("Australia"), "en" },
  { "BE", N_("Belgium"), "fr nl de" },
  { "BH", N_("Bahrain"), "ar" },
  { "BR", N_("Brazil"), "pt" },
  { "CA", N_("Canada"), "en fr" },
  { "CH", N_("Switzerland"), "de fr it" },
  { "CI", N_("Côte d’Ivoire"), "fr" },
  { "CM", N_("Cameroon"), "fr en" },
  { "DE", N_("Germany"), "de" },
  { "DZ", N_("Algeria"), "ar fr" },
  { "EG", N_("Egypt"), "ar" },
  { "ES", N_("Spain"), "es" },
  { "FR", N_("France"), "fr" },
  { "GB", N_("United Kingdom"), "en" },
  { "IE", N_("Ireland"), "en" },
  { "IN", N_("India"), "hi en" },
  { "IQ", N_("Iraq"), "ar" },
  { "IT", N_("Italy"), "it" },
  { "JO", N_("Jordan"), "ar" },
  { "JP", N_("Japan"), "ja" },
  { "KR", N_("South Korea"), "ko" },
  { "KW", N_("Kuwait"), "ar" },
  { "LB", N_("Lebanon"), "ar fr" },
  { "LU", N_("Luxembourg"), "fr de" },
  { "MA", N_("Morocco"), "ar fr" },
  { "MC", N_("Monaco"), "fr" },
  { "MX", N_("Mexico"), "es" },
  { "NL", N_("Netherlands"), "nl" },
  { "NZ", N_("New Zealand"), "en" },
  { "OM", N_("Oman"), "ar" },
  { "PS", N_("Palestine"), "ar" },
  { "QA", N_("Qatar"), "ar" },
  { "SA", N_("Saudi Arabia"), "ar" },
  { "SN", N_("Senegal"), "fr" },
  { "TN", N_("Tunisia"), "ar fr" },
  { "US", N_("United States"), "en es" },
  { TEND_HELPLINES_OTHER, N_("Other Countries"), "" },
};

static const struct {
  const char *code;
  const char *name;
} language_names[] = {
  { "ar", NC_("language", "Arabic") },
  { "de", NC_("language", "German") },
  { "en", NC_("language", "English") },
  { "es", NC_("language", "Spanish") },
  { "fr", NC_("language", "French") },
  { "hi", NC_("language", "Hindi") },
  { "it", NC_("language", "Italian") },
  { "ja", NC_("language", "Japanese") },
  { "ko", NC_("language", "Korean") },
  { "nl", NC_("language", "Dutch") },
  { "pt", NC_("language", "Portuguese") },
};

static const char * const service_nicks[] = {
  [TEND_EMERGENCY_GENERAL] = "general",
  [TEND_EMERGENCY_AMBULANCE] = "ambulance",
  [TEND_EMERGENCY_POLICE] = "police",
  [TEND_EMERGENCY_FIRE] = "fire",
};

static const char * const offer_nicks[] = {
  [TEND_HELPLINE_OFFER_CRISIS] = "crisis",
  [TEND_HELPLINE_OFFER_LISTENING] = "listening",
  [TEND_HELPLINE_OFFER_YOUTH] = "youth",
  [TEND_HELPLINE_OFFER_COUNSELLING] = "counselling",
  [TEND_HELPLINE_OFFER_LOCAL] = "local",
  [TEND_HELPLINE_OFFER_EATING_DISORDERS] = "eating-disorders",
  [TEND_HELPLINE_OFFER_BULLYING] = "bullying",
};

static const char * const hours_nicks[] = {
  [TEND_HELPLINE_HOURS_ALWAYS] = "always",
  [TEND_HELPLINE_HOURS_VARIES] = "varies",
};

static void
emergency_number_free (TendEmergencyNumber *number)
{
  g_free (number->number);
  g_free (number);
}

static void
helpline_free (TendHelpline *line)
{
  g_free (line->name);
  g_strfreev (line->phones);
  g_free (line->text_number);
  g_free (line->text_keyword);
  g_free (line->whatsapp);
  g_free (line->website);
  g_strfreev (line->languages);
  g_free (line->source);
  g_free (line);
}

static void
country_free (TendHelplineCountry *country)
{
  g_free (country->code);
  g_clear_pointer (&country->emergency, g_ptr_array_unref);
  g_clear_pointer (&country->lines, g_ptr_array_unref);
  g_free (country);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TendHelplineCountry, country_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TendHelpline, helpline_free)

/* Reading and checking ------------------------------------------------------------------ */

static gboolean G_GNUC_PRINTF (3, 4)
set_invalid (GError     **error,
             const char  *path,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, TEND_HELPLINES_ERROR, TEND_HELPLINES_ERROR_INVALID,
               "helplines.json: %s: %s", path, message);
  return FALSE;
}

/* The path of @member in the object at @path; the top object's path is %NULL. */
static char *
member_path (const char *path,
             const char *member)
{
  return path != NULL ? g_strdup_printf ("%s.%s", path, member) : g_strdup (member);
}

static gboolean
check_members (JsonObject          *object,
               const char          *path,
               const char * const  *known,
               GError             **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      return set_invalid (error, path != NULL ? path : "(top)",
                          "“%s” is not a field Tend knows; is it misspelt?",
                          (const char *) l->data);

  return TRUE;
}

/* The string in @object's @member, or %NULL with @error set when it is missing (and
 * @required), empty, or not a string. */
static const char *
get_string (JsonObject  *object,
            const char  *path,
            const char  *member,
            gboolean     required,
            GError     **error)
{
  g_autofree char *where = member_path (path, member);
  JsonNode *node = json_object_get_member (object, member);
  const char *value;

  if (node == NULL)
    {
      if (required)
        set_invalid (error, where, "this field is missing");
      return NULL;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      set_invalid (error, where, "this field must be a string");
      return NULL;
    }

  value = json_node_get_string (node);
  if (*value == '\0' || g_unichar_isspace (g_utf8_get_char (value)) ||
      g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (value + strlen (value)))))
    {
      set_invalid (error, where, "this field must not be empty or start or end with a space");
      return NULL;
    }

  return value;
}

static JsonArray *
get_array (JsonObject  *object,
           const char  *path,
           const char  *member,
           gboolean     required,
           GError     **error)
{
  g_autofree char *where = member_path (path, member);
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      if (required)
        set_invalid (error, where, "this field is missing");
      return NULL;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_invalid (error, where, "this field must be a list, in [ ]");
      return NULL;
    }

  return json_node_get_array (node);
}

/* Reads an optional boolean into @value; FALSE with @error set when it is not one. */
static gboolean
get_boolean (JsonObject  *object,
             const char  *path,
             const char  *member,
             gboolean    *present,
             gboolean    *value,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *present = node != NULL;
  *value = FALSE;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_autofree char *where = member_path (path, member);

      return set_invalid (error, where, "this field must be true or false");
    }

  *value = json_node_get_boolean (node);
  return TRUE;
}

static int
find_nick (const char * const *nicks,
           guint               n_nicks,
           const char         *value)
{
  for (guint i = 0; i < n_nicks; i++)
    if (g_str_equal (nicks[i], value))
      return (int) i;

  return -1;
}

static char *
join_nicks (const char * const *nicks,
            guint               n_nicks)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < n_nicks; i++)
    g_string_append_printf (joined, "%s“%s”", i == 0 ? "" : ", ", nicks[i]);

  return g_string_free (joined, FALSE);
}

static gboolean
get_nick (JsonObject         *object,
          const char         *path,
          const char         *member,
          const char * const *nicks,
          guint               n_nicks,
          int                *value,
          GError            **error)
{
  const char *text = get_string (object, path, member, TRUE, error);
  g_autofree char *where = NULL;
  g_autofree char *allowed = NULL;

  if (text == NULL)
    return FALSE;

  *value = find_nick (nicks, n_nicks, text);
  if (*value >= 0)
    return TRUE;

  where = member_path (path, member);
  allowed = join_nicks (nicks, n_nicks);
  return set_invalid (error, where, "“%s” is not one of %s", text, allowed);
}

/* Digits, spaces, + and - only, with at least one digit: what a person dials. */
static gboolean
check_number (const char  *number,
              const char  *path,
              GError     **error)
{
  gboolean has_digit = FALSE;

  for (const char *p = number; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        has_digit = TRUE;
      else if (*p != ' ' && *p != '+' && *p != '-')
        return set_invalid (error, path,
                            "“%s” may only have digits, spaces, + and - in it", number);
    }

  if (!has_digit)
    return set_invalid (error, path, "“%s” has no digits", number);

  return TRUE;
}

static const char *
get_number (JsonObject  *object,
            const char  *path,
            const char  *member,
            gboolean     required,
            GError     **error)
{
  g_autofree char *where = member_path (path, member);
  const char *number = get_string (object, path, member, required, error);

  if (number == NULL || !check_number (number, where, error))
    return NULL;

  return number;
}

static guint
parse_digits (const char *text,
              guint       n_digits)
{
  guint value = 0;

  for (guint i = 0; i < n_digits; i++)
    value = value * 10 + (guint) (text[i] - '0');

  return value;
}

/* Only "YYYY-MM-DD", and a day that exists. */
static gboolean
parse_iso_date (const char *text,
                GDate      *date)
{
  guint year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = parse_digits (text, 4);
  month = parse_digits (text + 5, 2);
  day = parse_digits (text + 8, 2);

  if (month < 1 || month > 12 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/* An absolute address with a host, and https unless @allow_http. */
static gboolean
check_address (const char  *address,
               const char  *path,
               gboolean     allow_http,
               GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (address, G_URI_FLAGS_NONE, NULL);
  const char *scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;

  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return set_invalid (error, path, "“%s” is not a whole web address", address);

  if (g_ascii_strcasecmp (scheme, "https") != 0 &&
      !(allow_http && g_ascii_strcasecmp (scheme, "http") == 0))
    return set_invalid (error, path, "“%s” must start with https://", address);

  return TRUE;
}

static TendHelpline *
read_line (JsonNode    *node,
           const char  *path,
           GError     **error)
{
  static const char * const known[] = {
    "name", "offers", "phone", "text", "whatsapp", "hours", "free", "website", "languages",
    "more_languages", "verified_on", "source", NULL
  };
  g_autoptr(TendHelpline) line = g_new0 (TendHelpline, 1);
  g_autoptr(GStrvBuilder) phones = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) languages = g_strv_builder_new ();
  g_autofree char *where = NULL;
  JsonObject *object;
  JsonArray *array;
  JsonNode *text_node;
  const char *value;
  gboolean present, free_to_call;
  int nick;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_invalid (error, path, "each line must be an object, in { }");
      return NULL;
    }
  object = json_node_get_object (node);

  if (!check_members (object, path, known, error))
    return NULL;

  if ((value = get_string (object, path, "name", TRUE, error)) == NULL)
    return NULL;
  line->name = g_strdup (value);

  if (!get_nick (object, path, "offers", offer_nicks, G_N_ELEMENTS (offer_nicks), &nick, error))
    return NULL;
  line->offer = nick;

  if (!get_nick (object, path, "hours", hours_nicks, G_N_ELEMENTS (hours_nicks), &nick, error))
    return NULL;
  line->hours = nick;

  array = get_array (object, path, "phone", FALSE, error);
  if (array == NULL && *error != NULL)
    return NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *phone = json_array_get_element (array, i);

      g_clear_pointer (&where, g_free);
      where = g_strdup_printf ("%s.phone[%u]", path, i);
      if (!JSON_NODE_HOLDS_VALUE (phone) || json_node_get_value_type (phone) != G_TYPE_STRING)
        {
          set_invalid (error, where, "each phone number must be a string");
          return NULL;
        }
      if (!check_number (json_node_get_string (phone), where, error))
        return NULL;
      g_strv_builder_add (phones, json_node_get_string (phone));
    }
  line->phones = g_strv_builder_end (phones);

  text_node = json_object_get_member (object, "text");
  if (text_node != NULL)
    {
      static const char * const text_known[] = { "number", "keyword", NULL };
      JsonObject *text;
      const char *keyword;

      g_clear_pointer (&where, g_free);
      where = g_strdup_printf ("%s.text", path);
      if (!JSON_NODE_HOLDS_OBJECT (text_node))
        {
          set_invalid (error, where, "this field must be an object, in { }");
          return NULL;
        }
      text = json_node_get_object (text_node);
      if (!check_members (text, where, text_known, error))
        return NULL;
      if ((value = get_number (text, where, "number", TRUE, error)) == NULL)
        return NULL;
      line->text_number = g_strdup (value);

      keyword = get_string (text, where, "keyword", FALSE, error);
      if (keyword == NULL && *error != NULL)
        return NULL;
      for (const char *p = keyword; p != NULL && *p != '\0'; p++)
        if (!g_ascii_isalnum (*p))
          {
            g_autofree char *keyword_path = g_strdup_printf ("%s.keyword", where);

            set_invalid (error, keyword_path, "“%s” may only have letters and digits in it",
                         keyword);
            return NULL;
          }
      line->text_keyword = g_strdup (keyword);
    }

  if (line->phones[0] == NULL && line->text_number == NULL)
    {
      set_invalid (error, path, "a line needs a “phone” list or a “text” number");
      return NULL;
    }

  value = get_number (object, path, "whatsapp", FALSE, error);
  if (value == NULL && *error != NULL)
    return NULL;
  line->whatsapp = g_strdup (value);

  if (!get_boolean (object, path, "free", &present, &free_to_call, error))
    return NULL;
  line->cost = !present ? TEND_HELPLINE_COST_UNKNOWN :
               free_to_call ? TEND_HELPLINE_COST_FREE : TEND_HELPLINE_COST_CHARGED;

  value = get_string (object, path, "website", FALSE, error);
  if (value == NULL && *error != NULL)
    return NULL;
  if (value != NULL)
    {
      g_clear_pointer (&where, g_free);
      where = g_strdup_printf ("%s.website", path);
      if (!check_address (value, where, FALSE, error))
        return NULL;
      line->website = g_strdup (value);
    }

  if ((array = get_array (object, path, "languages", TRUE, error)) == NULL)
    return NULL;
  if (json_array_get_length (array) == 0)
    {
      g_clear_pointer (&where, g_free);
      where = g_strdup_printf ("%s.languages", path);
      set_invalid (error, where, "give at least one language");
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *language = json_array_get_element (array, i);

      g_clear_pointer (&where, g_free);
      where = g_strdup_printf ("%s.languages[%u]", path, i);
      if (!JSON_NODE_HOLDS_VALUE (language) ||
          json_node_get_value_type (language) != G_TYPE_STRING)
        {
          set_invalid (error, where, "each language must be a string");
          return NULL;
        }
      if (tend_helplines_get_language_name (json_node_get_string (language)) == NULL)
        {
          set_invalid (error, where,
                       "“%s” is not a language Tend has a name for (see language_names in "
                       "src/core/tend-helplines.c)", json_node_get_string (language));
          return NULL;
        }
      g_strv_builder_add (languages, json_node_get_string (language));
    }
  line->languages = g_strv_builder_end (languages);

  if (!get_boolean (object, path, "more_languages", &present, &line->more_languages, error))
    return NULL;

  if ((value = get_string (object, path, "verified_on", TRUE, error)) == NULL)
    return NULL;
  if (!parse_iso_date (value, &line->verified_on))
    {
      g_clear_pointer (&where, g_free);
      where = g_strdup_printf ("%s.verified_on", path);
      set_invalid (error, where, "“%s” is not a date written as YYYY-MM-DD", value);
      return NULL;
    }

  if ((value = get_string (object, path, "source", TRUE, error)) == NULL)
    return NULL;
  g_clear_pointer (&where, g_free);
  where = g_strdup_printf ("%s.source", path);
  if (!check_address (value, where, TRUE, error))
    return NULL;
  line->source = g_strdup (value);

  return g_steal_pointer (&line);
}

static TendHelplineCountry *
read_country (JsonNode    *node,
              const char  *path,
              GError     **error)
{
  static const char * const known[] = { "code", "emergency", "lines", NULL };
  g_autoptr(TendHelplineCountry) country = g_new0 (TendHelplineCountry, 1);
  JsonObject *object;
  JsonArray *array;
  const char *code;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_invalid (error, path, "each country must be an object, in { }");
      return NULL;
    }
  object = json_node_get_object (node);

  if (!check_members (object, path, known, error))
    return NULL;

  if ((code = get_string (object, path, "code", TRUE, error)) == NULL)
    return NULL;
  if (tend_helplines_get_country_name (code) == NULL)
    {
      g_autofree char *where = g_strdup_printf ("%s.code", path);

      set_invalid (error, where,
                   "“%s” is not a country Tend has a name for (see country_names in "
                   "src/core/tend-helplines.c)", code);
      return NULL;
    }
  country->code = g_strdup (code);

  country->emergency = g_ptr_array_new_with_free_func ((GDestroyNotify) emergency_number_free);
  if ((array = get_array (object, path, "emergency", TRUE, error)) == NULL)
    return NULL;
  /* "Other Countries" names no number: the dialog lists those of the countries Tend
   * knows, with where each applies. */
  if (g_str_equal (code, TEND_HELPLINES_OTHER) != (json_array_get_length (array) == 0))
    {
      g_autofree char *where = g_strdup_printf ("%s.emergency", path);

      set_invalid (error, where, g_str_equal (code, TEND_HELPLINES_OTHER)
                                   ? "“other” lists no emergency number: no number is the "
                                     "same everywhere"
                                   : "give at least one emergency number");
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      static const char * const number_known[] = { "number", "service", NULL };
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf ("%s.emergency[%u]", path, i);
      TendEmergencyNumber *number;
      const char *digits;
      int service;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          set_invalid (error, where, "each emergency number must be an object, in { }");
          return NULL;
        }
      if (!check_members (json_node_get_object (element), where, number_known, error))
        return NULL;
      if ((digits = get_number (json_node_get_object (element), where, "number", TRUE,
                                error)) == NULL)
        return NULL;
      if (!get_nick (json_node_get_object (element), where, "service", service_nicks,
                     G_N_ELEMENTS (service_nicks), &service, error))
        return NULL;

      number = g_new0 (TendEmergencyNumber, 1);
      number->number = g_strdup (digits);
      number->service = service;
      g_ptr_array_add (country->emergency, number);
    }

  country->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) helpline_free);
  if ((array = get_array (object, path, "lines", TRUE, error)) == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s.lines[%u]", path, i);
      TendHelpline *line = read_line (json_array_get_element (array, i), where, error);

      if (line == NULL)
        return NULL;
      g_ptr_array_add (country->lines, line);
    }

  return g_steal_pointer (&country);
}

/* The review of the whole file that a release needs: who read every line against its
 * source, on which day, and by when the next reading is due. */
static gboolean
read_review (JsonObject     *root,
             TendHelplines  *self,
             GError        **error)
{
  const char *value;

  if ((value = get_string (root, NULL, "reviewed_by", TRUE, error)) == NULL)
    return FALSE;
  self->reviewed_by = g_strdup (value);

  if ((value = get_string (root, NULL, "reviewed_on", TRUE, error)) == NULL)
    return FALSE;
  if (!parse_iso_date (value, &self->reviewed_on))
    {
      set_invalid (error, "reviewed_on", "“%s” is not a date written as YYYY-MM-DD", value);
      return FALSE;
    }

  if ((value = get_string (root, NULL, "next_review", TRUE, error)) == NULL)
    return FALSE;
  if (!parse_iso_date (value, &self->next_review))
    {
      set_invalid (error, "next_review", "“%s” is not a date written as YYYY-MM-DD", value);
      return FALSE;
    }
  if (g_date_compare (&self->next_review, &self->reviewed_on) <= 0 ||
      g_date_days_between (&self->reviewed_on, &self->next_review) > 366)
    {
      set_invalid (error, "next_review",
                   "“%s” must be after reviewed_on, and within a year of it", value);
      return FALSE;
    }

  return TRUE;
}

static GPtrArray *
read_countries (GBytes         *json,
                TendHelplines  *self,
                GError        **error)
{
  static const char * const known[] = {
    "version", "reviewed_by", "reviewed_on", "next_review", "countries", NULL
  };
  /* Not json_parser_new_immutable(): json-glib 1.10 aborts in json_parser_get_root() on
   * an immutable parser's root after a value followed by more text, as in 9{}. */
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) countries = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gsize size;
  const char *data = g_bytes_get_data (json, &size);
  JsonObject *root;
  JsonNode *version;
  JsonArray *array;

  /* Empty bytes may have no data at all: json-glib wants a pointer, and says the file is
   * empty. */
  if (data == NULL)
    data = "";

  /* json-glib quotes what it stumbles on in its messages, which must be UTF-8. */
  if (!g_utf8_validate_len (data, size, NULL))
    {
      g_set_error_literal (error, TEND_HELPLINES_ERROR, TEND_HELPLINES_ERROR_PARSE,
                           "helplines.json: the file is not UTF-8 text");
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, (gssize) size, &parse_error))
    {
      /* json-glib may quote a string cut in the middle of a character. */
      g_autofree char *reason = g_utf8_make_valid (parse_error->message, -1);

      g_set_error (error, TEND_HELPLINES_ERROR, TEND_HELPLINES_ERROR_PARSE,
                   "helplines.json: %s", reason);
      return NULL;
    }

  /* Blank text parses, to no root at all. */
  if (json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      set_invalid (error, "(top)", "the file must hold one object, in { }");
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  version = json_object_get_member (root, "version");
  if (version == NULL)
    {
      set_invalid (error, "version", "this field is missing");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) < 1)
    {
      set_invalid (error, "version", "this field must be a whole number from 1");
      return NULL;
    }
  if (json_node_get_int (version) > TEND_HELPLINES_FORMAT_VERSION)
    {
      g_set_error (error, TEND_HELPLINES_ERROR, TEND_HELPLINES_ERROR_TOO_NEW,
                   "helplines.json: version: %" G_GINT64_FORMAT " is newer than the %d this "
                   "Tend reads", json_node_get_int (version), TEND_HELPLINES_FORMAT_VERSION);
      return NULL;
    }

  if (!check_members (root, NULL, known, error))
    return NULL;

  if (!read_review (root, self, error))
    return NULL;

  if ((array = get_array (root, NULL, "countries", TRUE, error)) == NULL)
    return NULL;

  countries = g_ptr_array_new_with_free_func ((GDestroyNotify) country_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("countries[%u]", i);
      TendHelplineCountry *country = read_country (json_array_get_element (array, i), where,
                                                   error);

      if (country == NULL)
        return NULL;

      g_ptr_array_add (countries, country);
      for (guint j = 0; j < country->lines->len; j++)
        {
          TendHelpline *line = g_ptr_array_index (country->lines, j);

          /* A line read again since the review was not part of it: the review moves on. */
          if (g_date_compare (&line->verified_on, &self->reviewed_on) > 0)
            {
              g_autofree char *line_path = g_strdup_printf ("%s.lines[%u].verified_on",
                                                            where, j);

              set_invalid (error, line_path, "the line was checked after reviewed_on, the "
                           "day of the whole file's review");
              return NULL;
            }
        }
      if (!g_hash_table_add (seen, country->code))
        {
          g_autofree char *code_path = g_strdup_printf ("%s.code", where);

          set_invalid (error, code_path, "“%s” is in the file twice", country->code);
          return NULL;
        }
    }

  if (!g_hash_table_contains (seen, TEND_HELPLINES_OTHER))
    {
      set_invalid (error, "countries",
                   "there must be an entry with the code “other”, for every other country");
      return NULL;
    }

  return g_steal_pointer (&countries);
}

static void
tend_helplines_finalize (GObject *object)
{
  TendHelplines *self = TEND_HELPLINES (object);

  g_clear_pointer (&self->countries, g_ptr_array_unref);
  g_clear_pointer (&self->reviewed_by, g_free);

  G_OBJECT_CLASS (tend_helplines_parent_class)->finalize (object);
}

static void
tend_helplines_class_init (TendHelplinesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tend_helplines_finalize;
}

static void
tend_helplines_init (TendHelplines *self)
{
}

/**
 * tend_helplines_new_from_bytes:
 * @json: the text of a helplines.json
 *
 * Reads and checks @json as a whole.
 *
 * Returns: (transfer full) (nullable): the helplines, or %NULL with @error naming the
 *   first field that is wrong
 */
TendHelplines *
tend_helplines_new_from_bytes (GBytes  *json,
                               GError **error)
{
  g_autoptr(TendHelplines) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (TEND_TYPE_HELPLINES, NULL);

  /* The readers test *error, so they always get somewhere to put it. */
  self->countries = read_countries (json, self, &local_error);
  if (self->countries == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * tend_helplines_new_builtin:
 *
 * Returns: (transfer full) (nullable): the helplines Tend ships
 */
TendHelplines *
tend_helplines_new_builtin (GError **error)
{
  g_autoptr(GBytes) json = NULL;

  json = g_resource_lookup_data (tend_helplines_data_get_resource (), BUILTIN_PATH,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (json == NULL)
    return NULL;

  return tend_helplines_new_from_bytes (json, error);
}

/**
 * tend_helplines_get_countries:
 *
 * Returns: (transfer none) (element-type TendHelplineCountry): the countries, in the file's
 *   order
 */
GPtrArray *
tend_helplines_get_countries (TendHelplines *self)
{
  g_return_val_if_fail (TEND_IS_HELPLINES (self), NULL);

  return self->countries;
}

/**
 * tend_helplines_get_reviewed_by:
 *
 * Returns: who last read every line of the file against its source
 */
const char *
tend_helplines_get_reviewed_by (TendHelplines *self)
{
  g_return_val_if_fail (TEND_IS_HELPLINES (self), NULL);

  return self->reviewed_by;
}

/**
 * tend_helplines_get_reviewed_on:
 *
 * Returns: (transfer none): the day of that review
 */
const GDate *
tend_helplines_get_reviewed_on (TendHelplines *self)
{
  g_return_val_if_fail (TEND_IS_HELPLINES (self), NULL);

  return &self->reviewed_on;
}

/**
 * tend_helplines_get_next_review:
 *
 * Returns: (transfer none): the day by which the file must be reviewed again; no release
 *   should ship after it with the file as it is
 */
const GDate *
tend_helplines_get_next_review (TendHelplines *self)
{
  g_return_val_if_fail (TEND_IS_HELPLINES (self), NULL);

  return &self->next_review;
}

/**
 * tend_helplines_is_review_due:
 * @today: the day to judge on
 *
 * Returns: whether @today is past the next review, so the numbers must be read again
 *   before a release
 */
gboolean
tend_helplines_is_review_due (TendHelplines *self,
                              const GDate   *today)
{
  g_return_val_if_fail (TEND_IS_HELPLINES (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  return g_date_compare (today, &self->next_review) > 0;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GHashTable *keys = user_data;
  const char *code_a = *(const char * const *) a;
  const char *code_b = *(const char * const *) b;
  gboolean other_a = g_str_equal (code_a, TEND_HELPLINES_OTHER);
  gboolean other_b = g_str_equal (code_b, TEND_HELPLINES_OTHER);

  if (other_a != other_b)
    return other_a ? 1 : -1;

  return strcmp (g_hash_table_lookup (keys, code_a), g_hash_table_lookup (keys, code_b));
}

/**
 * tend_helplines_list_codes_by_name:
 *
 * Returns: (transfer full): the codes of the countries, sorted by their names in the
 *   current language, with %TEND_HELPLINES_OTHER last
 */
GStrv
tend_helplines_list_codes_by_name (TendHelplines *self)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  g_return_val_if_fail (TEND_IS_HELPLINES (self), NULL);

  for (guint i = 0; i < self->countries->len; i++)
    {
      TendHelplineCountry *country = g_ptr_array_index (self->countries, i);

      g_hash_table_insert (keys, country->code,
                           g_utf8_collate_key (tend_helplines_get_country_name (country->code),
                                               -1));
      g_ptr_array_add (codes, g_strdup (country->code));
    }

  g_ptr_array_sort_with_data (codes, compare_names, keys);
  g_ptr_array_add (codes, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&codes), FALSE);
}

/**
 * tend_helplines_lookup:
 * @code: a country code, in upper or lower case, or %TEND_HELPLINES_OTHER
 *
 * Returns: (transfer none) (nullable): the country, or %NULL when the file has none for @code
 */
const TendHelplineCountry *
tend_helplines_lookup (TendHelplines *self,
                       const char    *code)
{
  g_return_val_if_fail (TEND_IS_HELPLINES (self), NULL);

  if (code == NULL)
    return NULL;

  for (guint i = 0; i < self->countries->len; i++)
    {
      TendHelplineCountry *country = g_ptr_array_index (self->countries, i);

      if (g_ascii_strcasecmp (country->code, code) == 0)
        return country;
    }

  return NULL;
}

/* The locale --------------------------------------------------------------------------- */

/**
 * tend_helplines_get_locale:
 *
 * Returns: (nullable): the locale messages are shown in, from the environment as the C
 *   library reads it (LC_ALL, then LC_MESSAGES, then LANG), whether or not it is installed
 */
const char *
tend_helplines_get_locale (void)
{
  static const char * const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      const char *value = g_getenv (vars[i]);

      if (value != NULL && *value != '\0')
        return value;
    }

  return NULL;
}

/**
 * tend_helplines_region_from_locale:
 * @locale: (nullable): a locale name, as "fr_CA.UTF-8" or "de_CH@euro"
 *
 * Returns: (transfer full) (nullable): the country of @locale in upper case, as "CA", or
 *   %NULL when it names none
 */
char *
tend_helplines_region_from_locale (const char *locale)
{
  const char *start;
  gsize length;

  if (locale == NULL)
    return NULL;

  start = strchr (locale, '_');
  if (start == NULL)
    return NULL;
  start++;

  length = strcspn (start, ".@");
  if (length != 2 || !g_ascii_isalpha (start[0]) || !g_ascii_isalpha (start[1]))
    return NULL;

  return g_ascii_strup (start, 2);
}

/**
 * tend_helplines_language_from_locale:
 * @locale: (nullable): a locale name, as "ar_EG.UTF-8" or "fr"
 *
 * Returns: (transfer full) (nullable): the language of @locale in lower case, as "ar", or
 *   %NULL for none (as for "C" and "POSIX")
 */
char *
tend_helplines_language_from_locale (const char *locale)
{
  gsize length;

  if (locale == NULL)
    return NULL;

  length = strcspn (locale, "_.@");
  if ((length != 2 && length != 3) || g_ascii_strncasecmp (locale, "C", length) == 0)
    return NULL;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalpha (locale[i]))
      return NULL;

  return g_ascii_strdown (locale, length);
}

/**
 * tend_helplines_get_default_country:
 * @locale: (nullable): a locale name, or %NULL for the one of the environment
 *
 * Returns: (nullable): the code of the country of @locale when the file has one for it,
 *   %TEND_HELPLINES_OTHER when it has none, and %NULL when @locale names no country (as
 *   "ar" or "C.UTF-8"): then the person is asked
 */
const char *
tend_helplines_get_default_country (TendHelplines *self,
                                    const char    *locale)
{
  g_autofree char *region = NULL;
  const TendHelplineCountry *country;

  g_return_val_if_fail (TEND_IS_HELPLINES (self), NULL);

  region = tend_helplines_region_from_locale (locale != NULL ? locale
                                                             : tend_helplines_get_locale ());
  if (region == NULL)
    return NULL;

  country = tend_helplines_lookup (self, region);
  return country != NULL ? country->code : TEND_HELPLINES_OTHER;
}

static gboolean
country_reads (const char *code,
               const char *language)
{
  for (guint i = 0; language != NULL && i < G_N_ELEMENTS (country_names); i++)
    if (g_str_equal (country_names[i].code, code))
      {
        g_auto(GStrv) languages = g_strsplit (country_names[i].languages, " ", -1);

        return g_strv_contains ((const char * const *) languages, language);
      }

  return FALSE;
}

/**
 * tend_helplines_list_codes_for_language:
 * @language: (nullable): a language code, as "ar"
 *
 * Returns: (transfer full): the codes of the countries, those where most people read
 *   @language first, each part sorted by name, with %TEND_HELPLINES_OTHER last: the order of
 *   the chooser when the locale names a language but no country
 */
GStrv
tend_helplines_list_codes_for_language (TendHelplines *self,
                                        const char    *language)
{
  g_auto(GStrv) codes = NULL;
  g_autoptr(GStrvBuilder) first = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) rest = g_strv_builder_new ();
  g_auto(GStrv) rest_codes = NULL;

  g_return_val_if_fail (TEND_IS_HELPLINES (self), NULL);

  codes = tend_helplines_list_codes_by_name (self);
  for (guint i = 0; codes[i] != NULL; i++)
    g_strv_builder_add (country_reads (codes[i], language) ? first : rest, codes[i]);

  rest_codes = g_strv_builder_end (rest);
  g_strv_builder_addv (first, (const char **) rest_codes);
  return g_strv_builder_end (first);
}

/* Words -------------------------------------------------------------------------------- */

/**
 * tend_helplines_get_disclaimer:
 *
 * Returns: what Tend is not, and what to do in danger, in one or two sentences
 */
const char *
tend_helplines_get_disclaimer (void)
{
  return _("Tend is not a crisis service. If you or someone else is in danger right now, "
           "call your emergency number.");
}

/**
 * tend_helplines_get_no_lines_note:
 *
 * Returns: what to say where Tend lists no helplines
 */
const char *
tend_helplines_get_no_lines_note (void)
{
  return _("Tend has no helplines listed for this country. A doctor or a local health service "
           "can tell you where to find support near you.");
}

/**
 * tend_helplines_get_country_name:
 *
 * Returns: (nullable): the translated name of the country @code, or %NULL when Tend has none
 */
const char *
tend_helplines_get_country_name (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (country_names); i++)
    if (g_str_equal (country_names[i].code, code))
      return _(country_names[i].name);

  return NULL;
}

/**
 * tend_helplines_format_country_names:
 * @codes: country codes
 *
 * Returns: (transfer full): the names of the countries, joined as a list
 */
char *
tend_helplines_format_country_names (const char * const *codes)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      if (i > 0)
        /* Translators: Joins the names of countries, as in “Belgium, France, Ireland”. */
        g_string_append (names, C_("list of countries", ", "));
      g_string_append (names, tend_helplines_get_country_name (codes[i]));
    }

  return g_string_free_and_steal (g_steal_pointer (&names));
}

/**
 * tend_helplines_get_language_name:
 *
 * Returns: (nullable): the translated name of the language @code, or %NULL when Tend has none
 */
const char *
tend_helplines_get_language_name (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (language_names); i++)
    if (g_str_equal (language_names[i].code, code))
      return g_dpgettext2 (GETTEXT_PACKAGE, "language", language_names[i].name);

  return NULL;
}

/**
 * tend_helplines_get_emergency_note:
 *
 * Returns: (nullable): a word to go with the emergency number of @code, or %NULL
 */
const char *
tend_helplines_get_emergency_note (const char *code)
{
  if (g_strcmp0 (code, TEND_HELPLINES_OTHER) == 0)
    return _("The emergency number is not the same in every country. Call the one of the "
             "country you are in. These are the numbers Tend knows, and where they apply.");

  return NULL;
}

static int
compare_shared (gconstpointer a,
                gconstpointer b)
{
  const TendSharedNumber *x = *(const TendSharedNumber * const *) a;
  const TendSharedNumber *y = *(const TendSharedNumber * const *) b;
  guint n_x = g_strv_length (x->codes), n_y = g_strv_length (y->codes);

  if (n_x != n_y)
    return n_x > n_y ? -1 : 1;

  return strcmp (x->number, y->number);
}

void
tend_shared_number_free (TendSharedNumber *shared)
{
  g_free (shared->number);
  g_strfreev (shared->codes);
  g_free (shared);
}

/**
 * tend_helplines_list_emergency_numbers:
 *
 * The emergency numbers that reach an ambulance, fire and rescue or every service (not the
 * police alone) in at least two of the countries of the file, each with the codes of the
 * countries where it does, in the order of their names: what "Other Countries" shows. Those
 * that work in the most countries come first.
 *
 * Returns: (transfer container) (element-type TendSharedNumber): the numbers
 */
GPtrArray *
tend_helplines_list_emergency_numbers (TendHelplines *self)
{
  g_autoptr(GHashTable) by_number = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) codes = NULL;
  GPtrArray *numbers;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (TEND_IS_HELPLINES (self), NULL);

  numbers = g_ptr_array_new_with_free_func ((GDestroyNotify) tend_shared_number_free);
  codes = tend_helplines_list_codes_by_name (self);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      const TendHelplineCountry *country = tend_helplines_lookup (self, codes[i]);

      for (guint j = 0; j < country->emergency->len; j++)
        {
          TendEmergencyNumber *number = g_ptr_array_index (country->emergency, j);
          GStrvBuilder *builder;

          if (number->service == TEND_EMERGENCY_POLICE)
            continue;

          builder = g_hash_table_lookup (by_number, number->number);
          if (builder == NULL)
            {
              builder = g_strv_builder_new ();
              g_hash_table_insert (by_number, number->number, builder);
            }
          g_strv_builder_add (builder, country->code);
        }
    }

  g_hash_table_iter_init (&iter, by_number);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) where = g_strv_builder_end (value);
      TendSharedNumber *shared;

      g_strv_builder_unref (value);
      if (g_strv_length (where) < 2)
        continue;

      shared = g_new0 (TendSharedNumber, 1);
      shared->number = g_strdup (key);
      shared->codes = g_steal_pointer (&where);
      g_ptr_array_add (numbers, shared);
    }

  g_ptr_array_sort (numbers, compare_shared);
  return numbers;
}

const char *
tend_emergency_service_get_label (TendEmergencyService service)
{
  switch (service)
    {
    case TEND_EMERGENCY_GENERAL:
      return C_("emergency service", "All emergency services");
    case TEND_EMERGENCY_AMBULANCE:
      return C_("emergency service", "Ambulance");
    case TEND_EMERGENCY_POLICE:
      return C_("emergency service", "Police");
    case TEND_EMERGENCY_FIRE:
      return C_("emergency service", "Fire and rescue");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
tend_helpline_describe_offer (const TendHelpline *line)
{
  g_return_val_if_fail (line != NULL, NULL);

  switch (line->offer)
    {
    case TEND_HELPLINE_OFFER_CRISIS:
      return _("Support through a crisis or thoughts of suicide, for you or for someone you "
               "are worried about");
    case TEND_HELPLINE_OFFER_LISTENING:
      return _("Someone to listen, whatever is weighing on you");
    case TEND_HELPLINE_OFFER_YOUTH:
      return _("Support for children and young people");
    case TEND_HELPLINE_OFFER_COUNSELLING:
      return _("Counseling for your mental health and well-being");
    case TEND_HELPLINE_OFFER_LOCAL:
      return _("Puts you through to the public counseling service where you live");
    case TEND_HELPLINE_OFFER_EATING_DISORDERS:
      return _("Support with eating disorders and body image, for you or for someone you "
               "care about");
    case TEND_HELPLINE_OFFER_BULLYING:
      return _("Support with bullying and harassment, at school, at work and online");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
tend_helpline_describe_hours (const TendHelpline *line)
{
  g_return_val_if_fail (line != NULL, NULL);

  switch (line->hours)
    {
    case TEND_HELPLINE_HOURS_ALWAYS:
      return _("Open day and night, every day");
    case TEND_HELPLINE_HOURS_VARIES:
      return _("Opening hours vary");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * tend_helpline_describe_cost:
 *
 * Returns: (nullable): what a call costs, or %NULL when the file does not say
 */
const char *
tend_helpline_describe_cost (const TendHelpline *line)
{
  g_return_val_if_fail (line != NULL, NULL);

  switch (line->cost)
    {
    case TEND_HELPLINE_COST_FREE:
      return C_("helpline cost", "Free");
    case TEND_HELPLINE_COST_CHARGED:
      return C_("helpline cost", "Charges may apply");
    case TEND_HELPLINE_COST_UNKNOWN:
    default:
      return NULL;
    }
}

/**
 * tend_helpline_format_details:
 *
 * Returns: (transfer full): when @line answers and what it costs, as “Open day and night,
 *   every day · Free”
 */
char *
tend_helpline_format_details (const TendHelpline *line)
{
  const char *cost;

  g_return_val_if_fail (line != NULL, NULL);

  cost = tend_helpline_describe_cost (line);
  if (cost == NULL)
    return g_strdup (tend_helpline_describe_hours (line));

  /* Translators: When a helpline answers and what it costs, as in “Open day and night,
   * every day · Free”. */
  return g_strdup_printf (C_("helpline details", "%s · %s"), tend_helpline_describe_hours (line),
                          cost);
}

/**
 * tend_helpline_format_languages:
 *
 * Returns: (transfer full): the languages @line answers in, as “English, French”
 */
char *
tend_helpline_format_languages (const TendHelpline *line)
{
  g_autoptr(GString) names = g_string_new (NULL);

  g_return_val_if_fail (line != NULL, NULL);

  for (guint i = 0; line->languages[i] != NULL; i++)
    {
      if (i > 0)
        /* Translators: Between the names of languages in a list, as in “English, French”. */
        g_string_append (names, C_("list of languages", ", "));
      g_string_append (names, tend_helplines_get_language_name (line->languages[i]));
    }

  if (line->more_languages)
    /* Translators: %s is a list of languages, as in “Hindi, English”. */
    return g_strdup_printf (_("%s and other languages"), names->str);

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/**
 * tend_helpline_format_verified_on:
 *
 * Returns: (transfer full): the day the numbers of @line were last checked, in words
 */
static char *
format_day (const GDate *date)
{
  g_autoptr(GDateTime) day = g_date_time_new_utc (g_date_get_year (date),
                                                  g_date_get_month (date),
                                                  g_date_get_day (date), 0, 0, 0);

  /* Translators: The day a helpline's numbers were last checked, as in “November 22, 2026”.
   * See the strftime(3) manual for the codes; %-d is the day of the month without padding. */
  return g_date_time_format (day, C_("helpline check date", "%B %-d, %Y"));
}

char *
tend_helpline_format_verified_on (const TendHelpline *line)
{
  g_return_val_if_fail (line != NULL, NULL);

  return format_day (&line->verified_on);
}

/* Plain text, for the command line ------------------------------------------------------ */

/**
 * tend_helplines_format_text:
 * @code: a code from the file
 *
 * Returns: (transfer full): the emergency numbers and the helplines of @code in plain text,
 *   ending with a newline
 */
char *
tend_helplines_format_text (TendHelplines *self,
                            const char    *code)
{
  const TendHelplineCountry *country;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) emergency = g_string_new (NULL);
  const char *note;

  g_return_val_if_fail (TEND_IS_HELPLINES (self), NULL);

  country = tend_helplines_lookup (self, code);
  g_return_val_if_fail (country != NULL, NULL);

  g_string_append_printf (text, "%s\n\n", tend_helplines_get_country_name (country->code));

  for (guint i = 0; i < country->emergency->len; i++)
    {
      TendEmergencyNumber *number = g_ptr_array_index (country->emergency, i);

      if (i > 0)
        g_string_append (emergency, C_("list of emergency numbers", ", "));
      /* Translators: An emergency number and who answers it, as in “15 (Ambulance)”. */
      g_string_append_printf (emergency, C_("emergency number", "%s (%s)"), number->number,
                              tend_emergency_service_get_label (number->service));
    }
  if (emergency->len > 0)
    {
      /* Translators: %s is a list of emergency numbers, as in “15 (Ambulance), 112 (All
       * emergency services)”. */
      g_string_append_printf (text, _("Emergency: %s"), emergency->str);
      g_string_append_c (text, '\n');
    }

  note = tend_helplines_get_emergency_note (country->code);
  if (note != NULL)
    g_string_append_printf (text, "%s\n", note);

  if (country->emergency->len == 0)
    {
      g_autoptr(GPtrArray) shared = tend_helplines_list_emergency_numbers (self);

      for (guint i = 0; i < shared->len; i++)
        {
          TendSharedNumber *number = g_ptr_array_index (shared, i);
          g_autofree char *where =
            tend_helplines_format_country_names ((const char * const *) number->codes);

          g_string_append_printf (text, "  %s: %s\n", number->number, where);
        }
    }

  for (guint i = 0; i < country->lines->len; i++)
    {
      TendHelpline *line = g_ptr_array_index (country->lines, i);
      g_autofree char *languages = tend_helpline_format_languages (line);
      g_autofree char *checked = tend_helpline_format_verified_on (line);
      g_autofree char *details = tend_helpline_format_details (line);

      g_string_append_printf (text, "\n%s\n  %s\n", line->name,
                              tend_helpline_describe_offer (line));

      for (guint j = 0; line->phones[j] != NULL; j++)
        {
          g_string_append (text, "  ");
          /* Translators: %s is a phone number. */
          g_string_append_printf (text, _("Call: %s"), line->phones[j]);
          g_string_append_c (text, '\n');
        }

      if (line->text_number != NULL)
        {
          g_string_append (text, "  ");
          if (line->text_keyword != NULL)
            /* Translators: A text message to send: the first %s is a word, the second a
             * number, as in “Text: HOME to 741741”. */
            g_string_append_printf (text, _("Text: %s to %s"), line->text_keyword,
                                    line->text_number);
          else
            /* Translators: %s is the number to send a text message to. */
            g_string_append_printf (text, _("Text: %s"), line->text_number);
          g_string_append_c (text, '\n');
        }

      if (line->whatsapp != NULL)
        {
          g_string_append (text, "  ");
          /* Translators: %s is a WhatsApp number. */
          g_string_append_printf (text, _("WhatsApp: %s"), line->whatsapp);
          g_string_append_c (text, '\n');
        }

      g_string_append_printf (text, "  %s\n", details);

      if (line->website != NULL)
        {
          g_string_append (text, "  ");
          /* Translators: %s is a web address. */
          g_string_append_printf (text, _("Website: %s"), line->website);
          g_string_append_c (text, '\n');
        }

      g_string_append (text, "  ");
      /* Translators: %s is a list of languages. */
      g_string_append_printf (text, _("Languages: %s"), languages);
      g_string_append_c (text, '\n');

      g_string_append (text, "  ");
      /* Translators: The first %s is a date, the second the web address the helpline's
       * numbers were checked against. */
      g_string_append_printf (text, _("Last checked on %s, against %s"), checked,
                              line->source);
      g_string_append_c (text, '\n');
    }

  if (country->lines->len == 0)
    g_string_append_printf (text, "\n%s\n", tend_helplines_get_no_lines_note ());

  g_string_append_printf (text, "\n%s\n", tend_helplines_get_disclaimer ());

  {
    g_autofree char *reviewed = format_day (&self->reviewed_on);

    /* Translators: %s is a date, as in “December 7, 2026”: the day someone last read every
     * helpline in Tend against its source. */
    g_string_append_printf (text, _("Tend’s list of helplines was last reviewed on %s."),
                            reviewed);
    g_string_append_c (text, '\n');
  }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
