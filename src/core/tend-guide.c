/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "tend-guide-library.h"
#include "tend-guide-private.h"

struct _TendGuide
{
  GObject    parent_instance;

  char      *id;
  char      *topic;
  char      *title;
  char      *summary;
  char      *keywords;   /* words a reader may search for, not shown; may be NULL */
  guint      reading_minutes;
  GDate      reviewed;
  GPtrArray *sections;   /* TendGuideSection */
  GPtrArray *exercises;  /* TendGuideExercise */
  GPtrArray *more_help;  /* TendGuideBlock; NULL until <more-help> is read */
  GStrv      related;
  GPtrArray *sources;    /* TendGuideSource */
};

G_DEFINE_FINAL_TYPE (TendGuide, tend_guide, G_TYPE_OBJECT)

G_DEFINE_QUARK (tend-guide-error-quark, tend_guide_error)

/* Boxed parts ---------------------------------------------------------------------------- */

static gpointer
copy_block (gconstpointer block,
            gpointer      user_data)
{
  return tend_guide_block_copy (block);
}

static GPtrArray *
copy_blocks (GPtrArray *blocks)
{
  return g_ptr_array_copy (blocks, copy_block, NULL);
}

TendGuideBlock *
tend_guide_block_copy (const TendGuideBlock *block)
{
  TendGuideBlock *copy;

  g_return_val_if_fail (block != NULL, NULL);

  copy = g_new0 (TendGuideBlock, 1);
  copy->kind = block->kind;
  copy->text = g_strdup (block->text);
  copy->items = g_strdupv (block->items);
  return copy;
}

void
tend_guide_block_free (TendGuideBlock *block)
{
  if (block == NULL)
    return;

  g_free (block->text);
  g_strfreev (block->items);
  g_free (block);
}

G_DEFINE_BOXED_TYPE (TendGuideBlock, tend_guide_block, tend_guide_block_copy,
                     tend_guide_block_free)

static TendGuideSection *
tend_guide_section_new (const char *id)
{
  TendGuideSection *section = g_new0 (TendGuideSection, 1);

  section->id = g_strdup (id);
  section->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) tend_guide_block_free);
  return section;
}

TendGuideSection *
tend_guide_section_copy (const TendGuideSection *section)
{
  TendGuideSection *copy;

  g_return_val_if_fail (section != NULL, NULL);

  copy = g_new0 (TendGuideSection, 1);
  copy->id = g_strdup (section->id);
  copy->title = g_strdup (section->title);
  copy->blocks = copy_blocks (section->blocks);
  return copy;
}

void
tend_guide_section_free (TendGuideSection *section)
{
  if (section == NULL)
    return;

  g_free (section->id);
  g_free (section->title);
  g_clear_pointer (&section->blocks, g_ptr_array_unref);
  g_free (section);
}

G_DEFINE_BOXED_TYPE (TendGuideSection, tend_guide_section, tend_guide_section_copy,
                     tend_guide_section_free)

static TendGuideExercise *
tend_guide_exercise_new (const char            *id,
                         TendGuideExerciseKind  kind)
{
  TendGuideExercise *exercise = g_new0 (TendGuideExercise, 1);

  exercise->id = g_strdup (id);
  exercise->kind = kind;
  exercise->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) tend_guide_block_free);
  return exercise;
}

TendGuideExercise *
tend_guide_exercise_copy (const TendGuideExercise *exercise)
{
  TendGuideExercise *copy;

  g_return_val_if_fail (exercise != NULL, NULL);

  copy = g_new0 (TendGuideExercise, 1);
  copy->id = g_strdup (exercise->id);
  copy->kind = exercise->kind;
  copy->title = g_strdup (exercise->title);
  copy->blocks = copy_blocks (exercise->blocks);
  copy->steps = g_strdupv (exercise->steps);
  return copy;
}

void
tend_guide_exercise_free (TendGuideExercise *exercise)
{
  if (exercise == NULL)
    return;

  g_free (exercise->id);
  g_free (exercise->title);
  g_clear_pointer (&exercise->blocks, g_ptr_array_unref);
  g_strfreev (exercise->steps);
  g_free (exercise);
}

G_DEFINE_BOXED_TYPE (TendGuideExercise, tend_guide_exercise, tend_guide_exercise_copy,
                     tend_guide_exercise_free)

TendGuideSource *
tend_guide_source_copy (const TendGuideSource *source)
{
  TendGuideSource *copy;

  g_return_val_if_fail (source != NULL, NULL);

  copy = g_new0 (TendGuideSource, 1);
  copy->publisher = g_strdup (source->publisher);
  copy->title = g_strdup (source->title);
  copy->url = g_strdup (source->url);
  copy->year = source->year;
  copy->language = g_strdup (source->language);
  return copy;
}

void
tend_guide_source_free (TendGuideSource *source)
{
  if (source == NULL)
    return;

  g_free (source->publisher);
  g_free (source->title);
  g_free (source->url);
  g_free (source->language);
  g_free (source);
}

/**
 * tend_guide_source_is_for_language:
 * @source: a source
 * @language: (nullable): the reader's language, as `fr` or `fr_BE`
 *
 * Whether to show @source to a reader of @language: a source written for everyone (most
 * of them, in English) always, and an edition in one language (the French edition of a
 * WHO guide) only to its readers.
 */
gboolean
tend_guide_source_is_for_language (const TendGuideSource *source,
                                   const char            *language)
{
  gsize length;

  g_return_val_if_fail (source != NULL, FALSE);

  if (source->language == NULL)
    return TRUE;
  if (language == NULL)
    return FALSE;

  length = strlen (source->language);
  return strncmp (language, source->language, length) == 0 &&
         (language[length] == '\0' || strchr ("_.@-", language[length]) != NULL);
}

G_DEFINE_BOXED_TYPE (TendGuideSource, tend_guide_source, tend_guide_source_copy,
                     tend_guide_source_free)

/* The object ---------------------------------------------------------------------------- */

static void
tend_guide_finalize (GObject *object)
{
  TendGuide *self = TEND_GUIDE (object);

  g_free (self->id);
  g_free (self->topic);
  g_free (self->title);
  g_free (self->summary);
  g_free (self->keywords);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->exercises, g_ptr_array_unref);
  g_clear_pointer (&self->more_help, g_ptr_array_unref);
  g_strfreev (self->related);
  g_clear_pointer (&self->sources, g_ptr_array_unref);

  G_OBJECT_CLASS (tend_guide_parent_class)->finalize (object);
}

static void
tend_guide_class_init (TendGuideClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tend_guide_finalize;
}

static void
tend_guide_init (TendGuide *self)
{
  g_date_clear (&self->reviewed, 1);
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) tend_guide_section_free);
  self->exercises = g_ptr_array_new_with_free_func ((GDestroyNotify) tend_guide_exercise_free);
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) tend_guide_source_free);
}

/* Parsing -------------------------------------------------------------------------------- */

/* Which element may be inside which, with the attributes it may have. */
typedef struct
{
  const char *parent;
  const char *element;
  const char *attributes[5];
  gboolean    text;  /* holds plain text, and nothing else */
} ElementRule;

static const ElementRule element_rules[] = {
  { NULL, "guide", { "id", "topic", "reading-minutes", "reviewed", NULL }, FALSE },
  { "guide", "title", { NULL }, TRUE },
  { "guide", "summary", { NULL }, TRUE },
  { "guide", "keywords", { NULL }, TRUE },
  { "guide", "section", { "id", NULL }, FALSE },
  { "guide", "exercise", { "id", "kind", NULL }, FALSE },
  { "guide", "more-help", { NULL }, FALSE },
  { "guide", "related", { NULL }, FALSE },
  { "guide", "sources", { NULL }, FALSE },
  { "section", "title", { NULL }, TRUE },
  { "section", "p", { NULL }, TRUE },
  { "section", "list", { NULL }, FALSE },
  { "exercise", "title", { NULL }, TRUE },
  { "exercise", "p", { NULL }, TRUE },
  { "exercise", "list", { NULL }, FALSE },
  { "exercise", "step", { NULL }, TRUE },
  { "more-help", "p", { NULL }, TRUE },
  { "more-help", "list", { NULL }, FALSE },
  { "list", "item", { NULL }, TRUE },
  { "related", "guide", { "ref", NULL }, FALSE },
  { "sources", "source", { "publisher", "year", "url", "lang", NULL }, TRUE },
};

typedef struct
{
  TendGuide         *guide;
  const char        *file_name;
  GString           *text;       /* of the element of text being read, else NULL */
  TendGuideSection  *section;    /* being read */
  TendGuideExercise *exercise;   /* being read */
  GPtrArray         *blocks;     /* where <p> and <list> go (borrowed) */
  GPtrArray         *items;      /* of the <list> being read */
  GPtrArray         *steps;      /* of the exercise being read */
  GPtrArray         *related;
  TendGuideSource   *source;     /* being read */
  GHashTable        *part_ids;   /* of sections and exercises, which share one namespace */
  gboolean           seen_sources;
  gboolean           seen_guide;
} Parser;

static void
parser_clear (Parser *parser)
{
  if (parser->text != NULL)
    g_string_free (parser->text, TRUE);
  g_clear_pointer (&parser->section, tend_guide_section_free);
  g_clear_pointer (&parser->exercise, tend_guide_exercise_free);
  g_clear_pointer (&parser->items, g_ptr_array_unref);
  g_clear_pointer (&parser->steps, g_ptr_array_unref);
  g_clear_pointer (&parser->related, g_ptr_array_unref);
  g_clear_pointer (&parser->source, tend_guide_source_free);
  g_clear_pointer (&parser->part_ids, g_hash_table_unref);
  g_clear_object (&parser->guide);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parser, parser_clear)

G_GNUC_PRINTF (5, 6)
static void
set_error (GMarkupParseContext  *context,
           const Parser         *parser,
           GError              **error,
           TendGuideError        code,
           const char           *format,
           ...)
{
  g_autofree char *problem = NULL;
  va_list args;
  int line = 0;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  if (context != NULL)
    {
      g_markup_parse_context_get_position (context, &line, NULL);
      g_set_error (error, TEND_GUIDE_ERROR, code, "%s, line %d: %s", parser->file_name, line,
                   problem);
    }
  else
    g_set_error (error, TEND_GUIDE_ERROR, code, "%s: %s", parser->file_name, problem);
}

/* As xgettext reads an element with ITS's default space handling: each run of spaces, tabs
 * and line breaks becomes one space, and none is left at either end. The translation is
 * looked up by exactly this text. */
static char *
collapse_whitespace (const char *text)
{
  GString *collapsed = g_string_sized_new (strlen (text));
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n')
        {
          space = TRUE;
          continue;
        }

      if (space && collapsed->len > 0)
        g_string_append_c (collapsed, ' ');
      space = FALSE;
      g_string_append_c (collapsed, *p);
    }

  return g_string_free_and_steal (collapsed);
}

static char *
translate (const char *text)
{
  return g_strdup (g_dgettext (GETTEXT_PACKAGE, text));
}

static gboolean
is_valid_id (const char *id)
{
  gboolean after_dash = TRUE;

  if (id == NULL || *id == '\0')
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (*p == '-')
        {
          if (after_dash)
            return FALSE;
          after_dash = TRUE;
        }
      else if (g_ascii_islower (*p) || g_ascii_isdigit (*p))
        after_dash = FALSE;
      else
        return FALSE;
    }

  return !after_dash;
}

static gboolean
parse_iso_date (const char *text,
                GDate      *date)
{
  guint64 year, month, day;
  g_auto(GStrv) parts = NULL;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  parts = g_strsplit (text, "-", 3);
  if (!g_ascii_string_to_unsigned (parts[0], 10, 1, 9999, &year, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &month, NULL) ||
      !g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &day, NULL) ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static const char *
get_attribute (const char **names,
               const char **values,
               const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];

  return NULL;
}

/* The attribute @name, which must be there. */
static const char *
require_attribute (GMarkupParseContext  *context,
                   Parser               *parser,
                   const char           *element,
                   const char          **names,
                   const char          **values,
                   const char           *name,
                   GError              **error)
{
  const char *value = get_attribute (names, values, name);

  if (value == NULL || *value == '\0')
    set_error (context, parser, error, TEND_GUIDE_ERROR_MISSING,
               "<%s> needs a “%s” attribute.", element, name);
  return value != NULL && *value != '\0' ? value : NULL;
}

static const ElementRule *
find_rule (const char *parent,
           const char *element)
{
  for (guint i = 0; i < G_N_ELEMENTS (element_rules); i++)
    if (g_strcmp0 (element_rules[i].parent, parent) == 0 &&
        g_str_equal (element_rules[i].element, element))
      return &element_rules[i];

  return NULL;
}

static gboolean
start_guide (GMarkupParseContext  *context,
             Parser               *parser,
             const char          **names,
             const char          **values,
             GError              **error)
{
  TendGuide *guide = parser->guide;
  const char *id, *topic, *minutes, *reviewed;
  const char * const *topics = tend_guide_library_get_topics ();
  guint64 n_minutes;

  if (!(id = require_attribute (context, parser, "guide", names, values, "id", error)) ||
      !(topic = require_attribute (context, parser, "guide", names, values, "topic", error)) ||
      !(minutes = require_attribute (context, parser, "guide", names, values, "reading-minutes",
                                     error)) ||
      !(reviewed = require_attribute (context, parser, "guide", names, values, "reviewed", error)))
    return FALSE;

  if (!is_valid_id (id))
    {
      set_error (context, parser, error, TEND_GUIDE_ERROR_INVALID,
                 "the id “%s” must be lowercase letters and digits, words joined by “-”.", id);
      return FALSE;
    }

  if (!g_strv_contains (topics, topic))
    {
      g_autofree char *known = g_strjoinv (", ", (GStrv) topics);

      set_error (context, parser, error, TEND_GUIDE_ERROR_INVALID,
                 "the topic “%s” is not one of %s.", topic, known);
      return FALSE;
    }

  if (!g_ascii_string_to_unsigned (minutes, 10, 1, 600, &n_minutes, NULL))
    {
      set_error (context, parser, error, TEND_GUIDE_ERROR_INVALID,
                 "reading-minutes must be a whole number of minutes, not “%s”.", minutes);
      return FALSE;
    }

  if (!parse_iso_date (reviewed, &guide->reviewed))
    {
      set_error (context, parser, error, TEND_GUIDE_ERROR_INVALID,
                 "reviewed must be a date written as 2026-11-22, not “%s”.", reviewed);
      return FALSE;
    }

  guide->id = g_strdup (id);
  guide->topic = g_strdup (topic);
  guide->reading_minutes = (guint) n_minutes;
  return TRUE;
}

/* Sections and exercises are told apart by an id unique in the guide. */
static gboolean
claim_part_id (GMarkupParseContext  *context,
               Parser               *parser,
               const char           *element,
               const char           *id,
               GError              **error)
{
  if (!is_valid_id (id))
    {
      set_error (context, parser, error, TEND_GUIDE_ERROR_INVALID,
                 "the id “%s” of a <%s> must be lowercase letters and digits, words joined "
                 "by “-”.", id, element);
      return FALSE;
    }

  if (!g_hash_table_add (parser->part_ids, g_strdup (id)))
    {
      set_error (context, parser, error, TEND_GUIDE_ERROR_INVALID,
                 "two sections or exercises have the id “%s”.", id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
start_exercise (GMarkupParseContext  *context,
                Parser               *parser,
                const char          **names,
                const char          **values,
                GError              **error)
{
  static const char * const kinds[] = { "steps", "breathing", "grounding", NULL };
  const char *id, *kind;

  if (!(id = require_attribute (context, parser, "exercise", names, values, "id", error)) ||
      !(kind = require_attribute (context, parser, "exercise", names, values, "kind", error)) ||
      !claim_part_id (context, parser, "exercise", id, error))
    return FALSE;

  for (guint i = 0; kinds[i] != NULL; i++)
    if (g_str_equal (kind, kinds[i]))
      {
        parser->exercise = tend_guide_exercise_new (id, (TendGuideExerciseKind) i);
        parser->blocks = parser->exercise->blocks;
        parser->steps = g_ptr_array_new_null_terminated (8, g_free, TRUE);
        return TRUE;
      }

  set_error (context, parser, error, TEND_GUIDE_ERROR_INVALID,
             "the exercise “%s” is of the kind “%s”, which Tend does not know: use steps, "
             "breathing or grounding.", id, kind);
  return FALSE;
}

static gboolean
start_source (GMarkupParseContext  *context,
              Parser               *parser,
              const char          **names,
              const char          **values,
              GError              **error)
{
  const char *publisher, *year, *url, *lang;
  guint64 n_year;

  if (!(publisher = require_attribute (context, parser, "source", names, values, "publisher",
                                       error)) ||
      !(year = require_attribute (context, parser, "source", names, values, "year", error)) ||
      !(url = require_attribute (context, parser, "source", names, values, "url", error)))
    return FALSE;

  if (!g_ascii_string_to_unsigned (year, 10, 1000, 9999, &n_year, NULL))
    {
      set_error (context, parser, error, TEND_GUIDE_ERROR_INVALID,
                 "the year of a source must be written as 2020, not “%s”.", year);
      return FALSE;
    }

  if (!g_str_has_prefix (url, "https://") || strlen (url) <= strlen ("https://"))
    {
      set_error (context, parser, error, TEND_GUIDE_ERROR_INVALID,
                 "the url of a source must start with https://, and “%s” does not.", url);
      return FALSE;
    }

  /* As ISO 639 writes them: two or three small letters. */
  lang = get_attribute (names, values, "lang");
  if (lang != NULL &&
      (strlen (lang) < 2 || strlen (lang) > 3 ||
       strspn (lang, "abcdefghijklmnopqrstuvwxyz") != strlen (lang)))
    {
      set_error (context, parser, error, TEND_GUIDE_ERROR_INVALID,
                 "the lang of a source must be a language code such as fr, not “%s”.", lang);
      return FALSE;
    }

  parser->source = g_new0 (TendGuideSource, 1);
  parser->source->publisher = g_strdup (publisher);
  parser->source->language = g_strdup (lang);
  parser->source->url = g_strdup (url);
  parser->source->year = (guint) n_year;
  return TRUE;
}

/* An element that may appear once. */
static gboolean
check_once (GMarkupParseContext  *context,
            Parser               *parser,
            const char           *element,
            gboolean              seen,
            GError              **error)
{
  if (seen)
    set_error (context, parser, error, TEND_GUIDE_ERROR_INVALID,
               "there is a second <%s>; there must be only one.", element);
  return !seen;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Parser *parser = user_data;
  TendGuide *guide = parser->guide;
  const GSList *stack = g_markup_parse_context_get_element_stack (context);
  const char *parent = stack->next != NULL ? stack->next->data : NULL;
  const ElementRule *rule;

  if (parser->text != NULL)
    {
      set_error (context, parser, error, TEND_GUIDE_ERROR_INVALID,
                 "<%s> holds plain text only, so <%s> cannot be inside it.", parent, element);
      return;
    }

  rule = find_rule (parent, element);
  if (rule == NULL)
    {
      if (parent == NULL)
        set_error (context, parser, error, TEND_GUIDE_ERROR_INVALID,
                   "a guide starts with <guide>, not <%s>.", element);
      else
        set_error (context, parser, error, TEND_GUIDE_ERROR_INVALID,
                   "<%s> cannot be inside <%s>.", element, parent);
      return;
    }

  for (guint i = 0; names[i] != NULL; i++)
    if (!g_strv_contains (rule->attributes, names[i]))
      {
        set_error (context, parser, error, TEND_GUIDE_ERROR_INVALID,
                   "<%s> has an attribute “%s”, which Tend does not know.", element, names[i]);
        return;
      }

  if (g_str_equal (element, "guide") && parent == NULL)
    {
      /* GMarkup takes more than one root element. */
      if (parser->seen_guide)
        {
          set_error (context, parser, error, TEND_GUIDE_ERROR_INVALID,
                     "there is a second <guide>; a file holds one guide.");
          return;
        }
      parser->seen_guide = TRUE;

      if (!start_guide (context, parser, names, values, error))
        return;
    }
  else if (g_str_equal (element, "keywords"))
    {
      if (!check_once (context, parser, element, guide->keywords != NULL, error))
        return;
    }
  else if (g_str_equal (element, "title") || g_str_equal (element, "summary"))
    {
      TendGuideSection *section = parser->section;
      TendGuideExercise *exercise = parser->exercise;
      gboolean seen;

      if (g_str_equal (parent, "guide"))
        seen = g_str_equal (element, "title") ? guide->title != NULL : guide->summary != NULL;
      else if (g_str_equal (parent, "section"))
        seen = section->title != NULL;
      else
        seen = exercise->title != NULL;

      if (!check_once (context, parser, element, seen, error))
        return;
    }
  else if (g_str_equal (element, "section"))
    {
      const char *id = require_attribute (context, parser, "section", names, values, "id", error);

      if (id == NULL || !claim_part_id (context, parser, "section", id, error))
        return;

      parser->section = tend_guide_section_new (id);
      parser->blocks = parser->section->blocks;
    }
  else if (g_str_equal (element, "exercise"))
    {
      if (!start_exercise (context, parser, names, values, error))
        return;
    }
  else if (g_str_equal (element, "more-help"))
    {
      if (!check_once (context, parser, element, guide->more_help != NULL, error))
        return;

      guide->more_help = g_ptr_array_new_with_free_func ((GDestroyNotify) tend_guide_block_free);
      parser->blocks = guide->more_help;
    }
  else if (g_str_equal (element, "related"))
    {
      if (!check_once (context, parser, element, parser->related != NULL, error))
        return;

      parser->related = g_ptr_array_new_null_terminated (4, g_free, TRUE);
    }
  else if (g_str_equal (element, "sources"))
    {
      if (!check_once (context, parser, element, parser->seen_sources, error))
        return;

      parser->seen_sources = TRUE;
    }
  else if (g_str_equal (element, "list"))
    parser->items = g_ptr_array_new_null_terminated (8, g_free, TRUE);
  else if (g_str_equal (element, "guide"))  /* in <related> */
    {
      const char *ref = require_attribute (context, parser, "guide", names, values, "ref", error);

      if (ref == NULL)
        return;

      if (!is_valid_id (ref))
        {
          set_error (context, parser, error, TEND_GUIDE_ERROR_INVALID,
                     "“%s” is not the id of a guide.", ref);
          return;
        }

      g_ptr_array_add (parser->related, g_strdup (ref));
    }
  else if (g_str_equal (element, "source"))
    {
      if (!start_source (context, parser, names, values, error))
        return;
    }

  if (rule->text)
    parser->text = g_string_new (NULL);
}

static void
add_paragraph (Parser *parser,
               char   *text)
{
  TendGuideBlock *block = g_new0 (TendGuideBlock, 1);

  block->kind = TEND_GUIDE_BLOCK_PARAGRAPH;
  block->text = text;
  g_ptr_array_add (parser->blocks, block);
}

/* The end of an element of plain text, such as <p> or <title>. */
static void
end_text (GMarkupParseContext  *context,
          Parser               *parser,
          const char           *element,
          const char           *parent,
          GError              **error)
{
  TendGuide *guide = parser->guide;
  g_autofree char *text = collapse_whitespace (parser->text->str);

  g_string_free (g_steal_pointer (&parser->text), TRUE);

  if (*text == '\0')
    {
      set_error (context, parser, error, TEND_GUIDE_ERROR_MISSING, "<%s> is empty.", element);
      return;
    }

  if (g_str_equal (element, "source"))
    {
      parser->source->title = g_steal_pointer (&text);
      g_ptr_array_add (guide->sources, g_steal_pointer (&parser->source));
    }
  else if (g_str_equal (element, "title") && g_str_equal (parent, "guide"))
    guide->title = translate (text);
  else if (g_str_equal (element, "summary"))
    guide->summary = translate (text);
  else if (g_str_equal (element, "keywords"))
    guide->keywords = translate (text);
  else if (g_str_equal (element, "title") && g_str_equal (parent, "section"))
    parser->section->title = translate (text);
  else if (g_str_equal (element, "title"))
    parser->exercise->title = translate (text);
  else if (g_str_equal (element, "p"))
    add_paragraph (parser, translate (text));
  else if (g_str_equal (element, "item"))
    g_ptr_array_add (parser->items, translate (text));
  else if (g_str_equal (element, "step"))
    g_ptr_array_add (parser->steps, translate (text));
  else
    g_assert_not_reached ();
}

static gboolean
end_exercise (GMarkupParseContext  *context,
              Parser               *parser,
              GError              **error)
{
  TendGuideExercise *exercise = parser->exercise;

  if (exercise->title == NULL)
    {
      set_error (context, parser, error, TEND_GUIDE_ERROR_MISSING,
                 "the exercise “%s” has no <title>.", exercise->id);
      return FALSE;
    }

  if (exercise->blocks->len == 0)
    {
      set_error (context, parser, error, TEND_GUIDE_ERROR_MISSING,
                 "the exercise “%s” has no <p> to introduce it.", exercise->id);
      return FALSE;
    }

  if (exercise->kind == TEND_GUIDE_EXERCISE_STEPS && parser->steps->len == 0)
    {
      set_error (context, parser, error, TEND_GUIDE_ERROR_MISSING,
                 "the exercise “%s” is of the kind steps, but has no <step>.", exercise->id);
      return FALSE;
    }

  if (exercise->kind != TEND_GUIDE_EXERCISE_STEPS && parser->steps->len > 0)
    {
      set_error (context, parser, error, TEND_GUIDE_ERROR_INVALID,
                 "the exercise “%s” has steps, but Tend runs its own steps for the kinds "
                 "breathing and grounding: use the kind steps, or remove them.", exercise->id);
      return FALSE;
    }

  exercise->steps = (GStrv) g_ptr_array_free (g_steal_pointer (&parser->steps), FALSE);
  g_ptr_array_add (parser->guide->exercises, g_steal_pointer (&parser->exercise));
  parser->blocks = NULL;
  return TRUE;
}

static void
end_guide (GMarkupParseContext  *context,
           Parser               *parser,
           GError              **error)
{
  TendGuide *guide = parser->guide;

  if (guide->title == NULL)
    set_error (context, parser, error, TEND_GUIDE_ERROR_MISSING, "the guide has no <title>.");
  else if (guide->summary == NULL)
    set_error (context, parser, error, TEND_GUIDE_ERROR_MISSING, "the guide has no <summary>.");
  else if (guide->sections->len == 0)
    set_error (context, parser, error, TEND_GUIDE_ERROR_MISSING,
               "the guide has no <section>.");
  else if (guide->exercises->len == 0)
    set_error (context, parser, error, TEND_GUIDE_ERROR_MISSING,
               "the guide has no <exercise>; every guide needs at least one.");
  else if (guide->more_help == NULL)
    set_error (context, parser, error, TEND_GUIDE_ERROR_MISSING,
               "the guide has no <more-help>; every guide says when to look for more help.");
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  Parser *parser = user_data;
  const GSList *stack = g_markup_parse_context_get_element_stack (context);
  const char *parent = stack->next != NULL ? stack->next->data : NULL;

  if (parser->text != NULL)
    {
      end_text (context, parser, element, parent, error);
      return;
    }

  if (g_str_equal (element, "list"))
    {
      TendGuideBlock *block;

      if (parser->items->len == 0)
        {
          set_error (context, parser, error, TEND_GUIDE_ERROR_MISSING,
                     "<list> has no <item>.");
          return;
        }

      block = g_new0 (TendGuideBlock, 1);
      block->kind = TEND_GUIDE_BLOCK_LIST;
      block->items = (GStrv) g_ptr_array_free (g_steal_pointer (&parser->items), FALSE);
      g_ptr_array_add (parser->blocks, block);
    }
  else if (g_str_equal (element, "section"))
    {
      if (parser->section->title == NULL)
        set_error (context, parser, error, TEND_GUIDE_ERROR_MISSING,
                   "the section “%s” has no <title>.", parser->section->id);
      else if (parser->section->blocks->len == 0)
        set_error (context, parser, error, TEND_GUIDE_ERROR_MISSING,
                   "the section “%s” has no text: add a <p> or a <list>.", parser->section->id);
      else
        {
          g_ptr_array_add (parser->guide->sections, g_steal_pointer (&parser->section));
          parser->blocks = NULL;
        }
    }
  else if (g_str_equal (element, "exercise"))
    end_exercise (context, parser, error);
  else if (g_str_equal (element, "more-help"))
    {
      if (parser->guide->more_help->len == 0)
        set_error (context, parser, error, TEND_GUIDE_ERROR_MISSING,
                   "<more-help> has no text: add a <p> or a <list>.");
      parser->blocks = NULL;
    }
  else if (g_str_equal (element, "guide") && parent == NULL)
    end_guide (context, parser, error);
}

static void
read_text (GMarkupParseContext  *context,
           const char           *text,
           gsize                 length,
           gpointer              user_data,
           GError              **error)
{
  Parser *parser = user_data;

  if (parser->text != NULL)
    {
      g_string_append_len (parser->text, text, length);
      return;
    }

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      {
        const char *element = g_markup_parse_context_get_element (context);

        set_error (context, parser, error, TEND_GUIDE_ERROR_INVALID,
                   "text cannot be directly inside <%s>: put it in a <p>.",
                   element != NULL ? element : "guide");
        return;
      }
}

static const GMarkupParser markup_parser = {
  .start_element = start_element,
  .end_element = end_element,
  .text = read_text,
};

static int
line_of (const char *data,
         const char *position)
{
  int line = 1;

  for (const char *p = data; p < position; p++)
    if (*p == '\n')
      line++;

  return line;
}

/**
 * _tend_guide_new_from_data:
 * @xml: the guide's file
 * @file_name: the file's name, for messages
 *
 * Reads a guide, translating its strings with the current locale.
 *
 * Returns: (transfer full): the guide, or %NULL with @error set in the TEND_GUIDE_ERROR
 *   domain, saying in plain words what is wrong where
 */
TendGuide *
_tend_guide_new_from_data (GBytes      *xml,
                           const char  *file_name,
                           GError     **error)
{
  g_auto(Parser) parser = { 0 };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *normalized = NULL;
  const char *data, *end;
  gsize length;

  g_return_val_if_fail (xml != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (xml, &length);
  parser.file_name = file_name;
  /* Empty bytes may have no data at all; the parsers below want a pointer. */
  if (data == NULL)
    data = "";

  if (!g_utf8_validate_len (data, length, &end))
    {
      g_set_error (error, TEND_GUIDE_ERROR, TEND_GUIDE_ERROR_ENCODING,
                   "%s, line %d: the file is not UTF-8 text. Save it as UTF-8.",
                   file_name, line_of (data, end));
      return NULL;
    }

  /* Line ends as an XML parser (and so xgettext) reads them. */
  if (memchr (data, '\r', length) != NULL)
    {
      GString *lines = g_string_new_len (data, length);

      g_string_replace (lines, "\r\n", "\n", 0);
      g_string_replace (lines, "\r", "\n", 0);
      length = lines->len;
      data = normalized = g_string_free_and_steal (lines);
    }

  parser.guide = g_object_new (TEND_TYPE_GUIDE, NULL);
  parser.part_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  context = g_markup_parse_context_new (&markup_parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &parser,
                                        NULL);

  if (!g_markup_parse_context_parse (context, data, length, &local_error) ||
      !g_markup_parse_context_end_parse (context, &local_error))
    {
      if (local_error->domain == TEND_GUIDE_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        {
          /* GMarkup may quote one byte of a character, as in “\330”: no longer UTF-8. */
          g_autofree char *reason = g_utf8_make_valid (local_error->message, -1);

          g_set_error (error, TEND_GUIDE_ERROR, TEND_GUIDE_ERROR_MALFORMED,
                       "%s is not well-formed XML: %s", file_name, reason);
        }
      return NULL;
    }

  /* GMarkup takes a file of comments alone, with no element at all. */
  if (parser.guide->id == NULL)
    {
      set_error (NULL, &parser, error, TEND_GUIDE_ERROR_MISSING, "there is no <guide> in it.");
      return NULL;
    }

  if (parser.related != NULL)
    parser.guide->related = (GStrv) g_ptr_array_free (g_steal_pointer (&parser.related), FALSE);
  else
    parser.guide->related = g_new0 (char *, 1);

  return g_steal_pointer (&parser.guide);
}

/**
 * tend_guide_new_from_bytes:
 * @xml: a guide in Tend's format
 *
 * Reads a guide, translating its strings with the current locale.
 *
 * Returns: (transfer full): the guide, or %NULL with @error set in the TEND_GUIDE_ERROR
 *   domain
 */
TendGuide *
tend_guide_new_from_bytes (GBytes  *xml,
                           GError **error)
{
  return _tend_guide_new_from_data (xml, "guide", error);
}

/**
 * tend_guide_new_from_file:
 * @file: a guide in Tend's format
 *
 * Reads a guide, translating its strings with the current locale. Error messages name the
 * file.
 *
 * Returns: (transfer full): the guide, or %NULL with @error set
 */
TendGuide *
tend_guide_new_from_file (GFile   *file,
                          GError **error)
{
  g_autoptr(GBytes) xml = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  xml = g_file_load_bytes (file, NULL, NULL, error);
  if (xml == NULL)
    return NULL;

  return _tend_guide_new_from_data (xml, name, error);
}

/* Accessors ------------------------------------------------------------------------------ */

const char *
tend_guide_get_id (TendGuide *self)
{
  g_return_val_if_fail (TEND_IS_GUIDE (self), NULL);

  return self->id;
}

/**
 * tend_guide_get_topic:
 *
 * Returns: the id of the guide's topic, one of tend_guide_library_get_topics()
 */
const char *
tend_guide_get_topic (TendGuide *self)
{
  g_return_val_if_fail (TEND_IS_GUIDE (self), NULL);

  return self->topic;
}

const char *
tend_guide_get_title (TendGuide *self)
{
  g_return_val_if_fail (TEND_IS_GUIDE (self), NULL);

  return self->title;
}

const char *
tend_guide_get_summary (TendGuide *self)
{
  g_return_val_if_fail (TEND_IS_GUIDE (self), NULL);

  return self->summary;
}

/**
 * tend_guide_get_keywords:
 *
 * Returns: (nullable): the words, in the current language, that a reader may search for
 *   to find the guide although its title and summary do not use them (“suicide” for
 *   After a Crisis), separated by commas; never shown
 */
const char *
tend_guide_get_keywords (TendGuide *self)
{
  g_return_val_if_fail (TEND_IS_GUIDE (self), NULL);

  return self->keywords;
}

guint
tend_guide_get_reading_minutes (TendGuide *self)
{
  g_return_val_if_fail (TEND_IS_GUIDE (self), 0);

  return self->reading_minutes;
}

/**
 * tend_guide_get_reviewed:
 *
 * Returns: (transfer none): the day the guide was last checked against its sources
 */
GDate *
tend_guide_get_reviewed (TendGuide *self)
{
  g_return_val_if_fail (TEND_IS_GUIDE (self), NULL);

  return &self->reviewed;
}

/**
 * tend_guide_get_sections:
 *
 * Returns: (transfer none) (element-type TendGuideSection): the sections, in order
 */
GPtrArray *
tend_guide_get_sections (TendGuide *self)
{
  g_return_val_if_fail (TEND_IS_GUIDE (self), NULL);

  return self->sections;
}

/**
 * tend_guide_get_exercises:
 *
 * Returns: (transfer none) (element-type TendGuideExercise): the exercises, at least one
 */
GPtrArray *
tend_guide_get_exercises (TendGuide *self)
{
  g_return_val_if_fail (TEND_IS_GUIDE (self), NULL);

  return self->exercises;
}

/**
 * tend_guide_get_more_help:
 *
 * Returns: (transfer none) (element-type TendGuideBlock): when and where to look for more
 *   help
 */
GPtrArray *
tend_guide_get_more_help (TendGuide *self)
{
  g_return_val_if_fail (TEND_IS_GUIDE (self), NULL);

  return self->more_help;
}

/**
 * tend_guide_get_related:
 *
 * Returns: (transfer none): the ids of related guides; may be empty, never %NULL
 */
const char * const *
tend_guide_get_related (TendGuide *self)
{
  g_return_val_if_fail (TEND_IS_GUIDE (self), NULL);

  return (const char * const *) self->related;
}

/**
 * tend_guide_get_sources:
 *
 * Returns: (transfer none) (element-type TendGuideSource): where the guide's advice comes
 *   from
 */
GPtrArray *
tend_guide_get_sources (TendGuide *self)
{
  g_return_val_if_fail (TEND_IS_GUIDE (self), NULL);

  return self->sources;
}
