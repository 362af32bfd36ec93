/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-guide-library"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "tend-filter.h"
#include "tend-guide-library.h"
#include "tend-guide-private.h"

/* The built-in guides, compiled into tend-core from the list in resources/guides/meson.build.
 * Calling this (rather than looking the files up by path) is also what makes the linker keep
 * them in every program that uses the library. */
GResource *tend_guides_get_resource (void);

#define GUIDES_PATH RESOURCE_PATH "/guides/"

/* About how many characters of a section a search result shows */
#define SNIPPET_CHARS 160

struct _TendGuideLibrary
{
  GObject     parent_instance;

  /* Owned */
  GListStore *guides;  /* TendGuide, by topic, then as listed */
  GHashTable *by_id;   /* id → TendGuide, borrowed from guides */

  GMutex      mutex;   /* guards index */
  sqlite3    *index;   /* in memory, made by the first search */
};

G_DEFINE_FINAL_TYPE (TendGuideLibrary, tend_guide_library, G_TYPE_OBJECT)

static const struct
{
  const char *id;
  const char *title;
} topics[] = {
  /* Translators: a topic of the guides */
  { "feelings", NC_("guide topic", "Feelings") },
  /* Translators: a topic of the guides */
  { "relationships", NC_("guide topic", "People and Connection") },
  /* Translators: a topic of the guides */
  { "hard-times", NC_("guide topic", "Hard Times") },
  /* Translators: a topic of the guides */
  { "body", NC_("guide topic", "Body and Habits") },
};

static const char * const topic_ids[] = { "feelings", "relationships", "hard-times", "body", NULL };

G_STATIC_ASSERT (G_N_ELEMENTS (topic_ids) == G_N_ELEMENTS (topics) + 1);

/* Matches ------------------------------------------------------------------------------- */

TendGuideMatch *
tend_guide_match_copy (const TendGuideMatch *match)
{
  TendGuideMatch *copy;

  g_return_val_if_fail (match != NULL, NULL);

  copy = g_new0 (TendGuideMatch, 1);
  copy->guide = g_object_ref (match->guide);
  copy->section_id = g_strdup (match->section_id);
  copy->section_title = g_strdup (match->section_title);
  copy->snippet = g_strdup (match->snippet);
  return copy;
}

void
tend_guide_match_free (TendGuideMatch *match)
{
  if (match == NULL)
    return;

  g_clear_object (&match->guide);
  g_free (match->section_id);
  g_free (match->section_title);
  g_free (match->snippet);
  g_free (match);
}

G_DEFINE_BOXED_TYPE (TendGuideMatch, tend_guide_match, tend_guide_match_copy,
                     tend_guide_match_free)

/* The library ---------------------------------------------------------------------------- */

static void
tend_guide_library_finalize (GObject *object)
{
  TendGuideLibrary *self = TEND_GUIDE_LIBRARY (object);

  g_clear_pointer (&self->index, sqlite3_close);
  g_mutex_clear (&self->mutex);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_object (&self->guides);

  G_OBJECT_CLASS (tend_guide_library_parent_class)->finalize (object);
}

static void
tend_guide_library_class_init (TendGuideLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tend_guide_library_finalize;
}

static void
tend_guide_library_init (TendGuideLibrary *self)
{
  g_mutex_init (&self->mutex);
  self->guides = g_list_store_new (TEND_TYPE_GUIDE);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

static guint
topic_position (const char *topic)
{
  for (guint i = 0; topic_ids[i] != NULL; i++)
    if (g_str_equal (topic_ids[i], topic))
      return i;

  g_assert_not_reached ();
}

static int
compare_topics (gconstpointer a,
                gconstpointer b)
{
  TendGuide *guide_a = *(TendGuide **) a;
  TendGuide *guide_b = *(TendGuide **) b;

  return (int) topic_position (tend_guide_get_topic (guide_a)) -
         (int) topic_position (tend_guide_get_topic (guide_b));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* A library of the guides in @files, each a (name, contents) pair, in the order listed. */
static TendGuideLibrary *
library_new (GPtrArray  *names,
             GPtrArray  *files,
             GError    **error)
{
  g_autoptr(TendGuideLibrary) self = g_object_new (TEND_TYPE_GUIDE_LIBRARY, NULL);
  g_autoptr(GPtrArray) guides = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) names_by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < files->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      TendGuide *guide = _tend_guide_new_from_data (g_ptr_array_index (files, i), name, error);
      const char *other;

      if (guide == NULL)
        return NULL;
      g_ptr_array_add (guides, guide);

      other = g_hash_table_lookup (names_by_id, tend_guide_get_id (guide));
      if (other != NULL)
        {
          g_set_error (error, TEND_GUIDE_ERROR, TEND_GUIDE_ERROR_INVALID,
                       "%s and %s have the same id, “%s”; each guide needs its own.",
                       other, name, tend_guide_get_id (guide));
          return NULL;
        }
      g_hash_table_insert (names_by_id, (gpointer) tend_guide_get_id (guide), (gpointer) name);
    }

  /* A stable sort: within a topic, guides stay as listed. */
  g_ptr_array_sort (guides, compare_topics);

  for (guint i = 0; i < guides->len; i++)
    {
      TendGuide *guide = g_ptr_array_index (guides, i);

      g_list_store_append (self->guides, guide);
      g_hash_table_insert (self->by_id, (gpointer) tend_guide_get_id (guide), guide);
    }

  return g_steal_pointer (&self);
}

/**
 * tend_guide_library_new:
 *
 * Reads every guide built into Tend (those listed in resources/guides/meson.build), in the
 * current language. There may be none.
 *
 * Returns: (transfer full): the library, or %NULL when a guide cannot be read
 */
TendGuideLibrary *
tend_guide_library_new (GError **error)
{
  GResource *resource = tend_guides_get_resource ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) children = NULL;

  children = g_resource_enumerate_children (resource, GUIDES_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                            &local_error);
  if (children == NULL &&
      !g_error_matches (local_error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    if (g_str_has_suffix (children[i], ".xml"))
      g_ptr_array_add (names, g_strdup (children[i]));
  /* The list in meson.build is sorted, and so are these. */
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_strconcat (GUIDES_PATH, g_ptr_array_index (names, i), NULL);
      GBytes *xml = g_resource_lookup_data (resource, path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);

      if (xml == NULL)
        return NULL;
      g_ptr_array_add (files, xml);
    }

  return library_new (names, files, error);
}

/**
 * tend_guide_library_new_for_directory:
 * @directory: a folder of guides
 *
 * Reads every file ending in .xml in @directory, by name, as guides in the current
 * language. For tests and for trying a guide out.
 *
 * Returns: (transfer full): the library, or %NULL when a guide cannot be read
 */
TendGuideLibrary *
tend_guide_library_new_for_directory (GFile   *directory,
                                      GError **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  g_return_val_if_fail (G_IS_FILE (directory), NULL);

  enumerator = g_file_enumerate_children (directory, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, error);
  if (enumerator == NULL)
    return NULL;

  for (;;)
    {
      GFileInfo *info;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, error))
        return NULL;
      if (info == NULL)
        break;

      if (g_str_has_suffix (g_file_info_get_name (info), ".xml"))
        g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) file = g_file_get_child (directory, g_ptr_array_index (names, i));
      GBytes *xml = g_file_load_bytes (file, NULL, NULL, error);

      if (xml == NULL)
        return NULL;
      g_ptr_array_add (files, xml);
    }

  return library_new (names, files, error);
}

/**
 * tend_guide_library_get_guides:
 *
 * Returns: (transfer none): every guide, by topic (in the order of
 *   tend_guide_library_get_topics()), then as listed
 */
GListModel *
tend_guide_library_get_guides (TendGuideLibrary *self)
{
  g_return_val_if_fail (TEND_IS_GUIDE_LIBRARY (self), NULL);

  return G_LIST_MODEL (self->guides);
}

/**
 * tend_guide_library_lookup:
 * @id: the id of a guide, such as "sleep"
 *
 * Returns: (nullable) (transfer none): the guide, or %NULL when there is none by that id
 */
TendGuide *
tend_guide_library_lookup (TendGuideLibrary *self,
                           const char       *id)
{
  g_return_val_if_fail (TEND_IS_GUIDE_LIBRARY (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, id);
}

/**
 * tend_guide_library_get_topics:
 *
 * Returns: (transfer none): the ids of the topics, in the order they are shown
 */
const char * const *
tend_guide_library_get_topics (void)
{
  return topic_ids;
}

/**
 * tend_guide_library_topic_title:
 * @topic: a topic id
 *
 * Returns: (nullable): the topic's title in the current language, or %NULL for an unknown
 *   topic
 */
const char *
tend_guide_library_topic_title (const char *topic)
{
  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    if (g_strcmp0 (topics[i].id, topic) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "guide topic", topics[i].title);

  return NULL;
}

/* Search --------------------------------------------------------------------------------- */

static void
append_blocks (GString   *text,
               GPtrArray *blocks)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      TendGuideBlock *block = g_ptr_array_index (blocks, i);

      if (block->kind == TEND_GUIDE_BLOCK_PARAGRAPH)
        g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", block->text);
      else
        for (guint j = 0; block->items[j] != NULL; j++)
          g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", block->items[j]);
    }
}

/* Part @part of @guide, its sections then its exercises, as a heading and its text. */
static void
get_part (TendGuide   *guide,
          guint        part,
          const char **id,
          const char **heading,
          char       **body)
{
  GPtrArray *sections = tend_guide_get_sections (guide);
  GPtrArray *exercises = tend_guide_get_exercises (guide);
  g_autoptr(GString) text = g_string_new (NULL);

  if (part < sections->len)
    {
      TendGuideSection *section = g_ptr_array_index (sections, part);

      *id = section->id;
      *heading = section->title;
      append_blocks (text, section->blocks);
    }
  else
    {
      TendGuideExercise *exercise = g_ptr_array_index (exercises, part - sections->len);

      *id = exercise->id;
      *heading = exercise->title;
      append_blocks (text, exercise->blocks);
      for (guint i = 0; exercise->steps[i] != NULL; i++)
        g_string_append_printf (text, " %s", exercise->steps[i]);
    }

  *body = g_string_free_and_steal (g_steal_pointer (&text));
}

static gboolean
check_sqlite (int          rc,
              sqlite3     *db,
              GError     **error)
{
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not search the guides: %s",
               db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

/* One row for each section and exercise, each with the guide's title and summary, so that a
 * search for words spread over the title and a section finds that section. */
static gboolean
build_index (TendGuideLibrary  *self,
             GError           **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *insert = NULL;
  guint n_guides = g_list_model_get_n_items (G_LIST_MODEL (self->guides));
  int rc;

  rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (!check_sqlite (rc, db, error))
    goto failed;

  rc = sqlite3_exec (db,
                     "CREATE VIRTUAL TABLE parts USING fts5 ("
                     "  title, keywords, summary, heading, body, guide UNINDEXED,"
                     "  part UNINDEXED,"
                     "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');"
                     "BEGIN;",
                     NULL, NULL, NULL);
  if (!check_sqlite (rc, db, error))
    goto failed;

  rc = sqlite3_prepare_v2 (db,
                           "INSERT INTO parts (title, keywords, summary, heading, body, guide,"
                           " part) VALUES (?, ?, ?, ?, ?, ?, ?)", -1, &insert, NULL);
  if (!check_sqlite (rc, db, error))
    goto failed;

  for (guint i = 0; i < n_guides; i++)
    {
      g_autoptr(TendGuide) guide = g_list_model_get_item (G_LIST_MODEL (self->guides), i);
      guint n_parts = tend_guide_get_sections (guide)->len + tend_guide_get_exercises (guide)->len;

      for (guint part = 0; part < n_parts; part++)
        {
          g_autofree char *body = NULL;
          const char *id, *heading;

          get_part (guide, part, &id, &heading, &body);
          sqlite3_bind_text (insert, 1, tend_guide_get_title (guide), -1, SQLITE_STATIC);
          sqlite3_bind_text (insert, 2, tend_guide_get_keywords (guide), -1, SQLITE_STATIC);
          sqlite3_bind_text (insert, 3, tend_guide_get_summary (guide), -1, SQLITE_STATIC);
          sqlite3_bind_text (insert, 4, heading, -1, SQLITE_STATIC);
          sqlite3_bind_text (insert, 5, body, -1, SQLITE_STATIC);
          sqlite3_bind_int (insert, 6, (int) i);
          sqlite3_bind_int (insert, 7, (int) part);
          rc = sqlite3_step (insert);
          sqlite3_reset (insert);
          sqlite3_clear_bindings (insert);
          if (!check_sqlite (rc, db, error))
            goto failed;
        }
    }

  g_clear_pointer (&insert, sqlite3_finalize);
  rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (!check_sqlite (rc, db, error))
    goto failed;

  self->index = db;
  return TRUE;

failed:
  g_clear_pointer (&insert, sqlite3_finalize);
  g_clear_pointer (&db, sqlite3_close);
  return FALSE;
}

/* The start of @text, cut at about @max_chars with "…". */
static char *
cut_text (const char *text,
          guint       max_chars)
{
  const char *end = text;
  g_autofree char *start = NULL;

  for (guint i = 0; i < max_chars && *end != '\0'; i++)
    end = g_utf8_next_char (end);

  if (*end == '\0')
    return g_strdup (text);

  start = g_strndup (text, end - text);
  return g_strconcat (start, "…", NULL);
}

static TendGuideMatch *
make_match (TendGuide  *guide,
            guint       part,
            const char *text)
{
  TendGuideMatch *match = g_new0 (TendGuideMatch, 1);
  g_autofree char *body = NULL;
  g_autofree char *heading_snippet = NULL;
  const char *id, *heading;

  match->guide = g_object_ref (guide);

  get_part (guide, part, &id, &heading, &body);
  match->snippet = tend_filter_make_snippet (body, text, SNIPPET_CHARS);
  heading_snippet = tend_filter_make_snippet (heading, text, SNIPPET_CHARS);

  if (match->snippet != NULL || heading_snippet != NULL)
    {
      match->section_id = g_strdup (id);
      match->section_title = g_strdup (heading);
      if (match->snippet == NULL)
        match->snippet = cut_text (body, SNIPPET_CHARS);
    }
  else
    {
      /* Only the guide's title or summary matched: the guide as a whole is the answer. */
      match->snippet = tend_filter_make_snippet (tend_guide_get_summary (guide), text,
                                                 SNIPPET_CHARS);
      if (match->snippet == NULL)
        match->snippet = g_strdup (tend_guide_get_summary (guide));
    }

  return match;
}

/* A guide a search found, at its best part. */
typedef struct
{
  guint  guide;       /* position in the list */
  guint  part;        /* see get_part() */
  double guide_rank;  /* the best of its parts' */
  double part_rank;   /* of that part */
} Found;

static int
compare_found (gconstpointer a,
               gconstpointer b)
{
  const Found *x = a, *y = b;

  if (x->guide_rank != y->guide_rank)
    return x->guide_rank < y->guide_rank ? -1 : 1;

  return (int) x->guide - (int) y->guide;
}

/**
 * tend_guide_library_search:
 * @text: the words typed
 *
 * Finds the guides where every word of @text appears, each as the start of a word, with
 * case and accents ignored (as the Journal's search does). Titles count most, then
 * summaries, then section titles, then the text of sections and exercises. Each guide is
 * found once, at the section or exercise that matches best.
 *
 * The first search of a library indexes its guides (in memory, a few milliseconds for
 * Tend's guides). Safe to call from any thread.
 *
 * Returns: (transfer full) (element-type TendGuideMatch): the guides found, best
 *   first; empty when @text has no words; %NULL with @error set if the index fails
 */
GPtrArray *
tend_guide_library_search (TendGuideLibrary  *self,
                           const char        *text,
                           GError           **error)
{
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GArray) found = NULL;
  g_autofree char *query = NULL;
  g_autofree int *found_at = NULL;
  guint n_guides = g_list_model_get_n_items (G_LIST_MODEL (self->guides));
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (TEND_IS_GUIDE_LIBRARY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  matches = g_ptr_array_new_with_free_func ((GDestroyNotify) tend_guide_match_free);
  query = tend_filter_build_match (text);
  if (query == NULL || n_guides == 0)
    return g_steal_pointer (&matches);

  locker = g_mutex_locker_new (&self->mutex);
  if (self->index == NULL && !build_index (self, error))
    return NULL;

  /* Two ranks for each part found, both bm25 with weights for title, keywords, summary,
   * heading and body (more negative is better). The first ranks the guides: what the title,
   * the keywords and the summary say counts most, so the guide on a topic comes before those
   * that mention it. The second picks the section of a guide: the guide's title is in each
   * of its rows, and would otherwise outweigh what the sections say. */
  rc = sqlite3_prepare_v2 (self->index,
                           "SELECT guide, part, bm25 (parts, 10.0, 10.0, 5.0, 3.0, 1.0),"
                           " bm25 (parts, 0.0, 0.0, 0.0, 3.0, 1.0) FROM parts WHERE parts MATCH ?"
                           " ORDER BY rowid",
                           -1, &stmt, NULL);
  if (!check_sqlite (rc, self->index, error))
    return NULL;

  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  found = g_array_new (FALSE, FALSE, sizeof (Found));
  found_at = g_new (int, n_guides);
  for (guint i = 0; i < n_guides; i++)
    found_at[i] = -1;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Found row = {
        .guide = (guint) sqlite3_column_int (stmt, 0),
        .part = (guint) sqlite3_column_int (stmt, 1),
        .guide_rank = sqlite3_column_double (stmt, 2),
        .part_rank = sqlite3_column_double (stmt, 3),
      };
      Found *best;

      if (found_at[row.guide] < 0)
        {
          found_at[row.guide] = (int) found->len;
          g_array_append_val (found, row);
          continue;
        }

      best = &g_array_index (found, Found, found_at[row.guide]);
      if (row.part_rank < best->part_rank)
        {
          best->part = row.part;
          best->part_rank = row.part_rank;
        }
      best->guide_rank = MIN (best->guide_rank, row.guide_rank);
    }
  if (!check_sqlite (rc, self->index, error))
    {
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);

  g_array_sort (found, compare_found);
  for (guint i = 0; i < found->len; i++)
    {
      Found *row = &g_array_index (found, Found, i);
      g_autoptr(TendGuide) guide = g_list_model_get_item (G_LIST_MODEL (self->guides), row->guide);

      g_ptr_array_add (matches, make_match (guide, row->part, text));
    }

  return g_steal_pointer (&matches);
}
