/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-journal"

#include "config.h"

#include <glib/gi18n.h>

#include "tend-emotion.h"
#include "tend-entry-list-private.h"
#include "tend-entry-private.h"
#include "tend-journal.h"
#include "tend-task.h"

/* The journal: every write goes through here, in one transaction each, and then into the
 * lists that views hold, so they change only once something is safely stored.
 *
 * Threads: the database connection is shared and serialized, and each transaction holds
 * the database lock. Writes may run on a worker thread; lists, tags and drafts are used
 * on the main thread. */
struct _TendJournal
{
  GObject        parent_instance;

  /* Owned */
  TendDatabase  *database;
  TendEntryList *entries;  /* every entry */
  GPtrArray     *lists;    /* TendEntryList, weak: the filtered lists in use */
  GListStore    *tags;     /* TendTag, in the user's order */

  guint          generation; /* counts writes, for searches that run meanwhile */
};

G_DEFINE_FINAL_TYPE (TendJournal, tend_journal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS,
};

enum {
  CHANGED,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The Julian day number of 1970-01-01, for turning days into seconds. */
#define UNIX_EPOCH_JULIAN 719163

/* Separates tag names that SQLite joins; tag names never hold control characters. */
#define TAG_SEPARATOR "\x1f"

static void
tend_journal_dispose (GObject *object)
{
  TendJournal *self = TEND_JOURNAL (object);

  g_clear_object (&self->entries);
  g_clear_object (&self->tags);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (tend_journal_parent_class)->dispose (object);
}

static void
list_finalized_cb (gpointer  data,
                   GObject  *where_the_object_was)
{
  TendJournal *self = data;

  g_ptr_array_remove (self->lists, where_the_object_was);
}

static void
tend_journal_finalize (GObject *object)
{
  TendJournal *self = TEND_JOURNAL (object);

  for (guint i = 0; i < self->lists->len; i++)
    g_object_weak_unref (g_ptr_array_index (self->lists, i), list_finalized_cb, self);
  g_ptr_array_unref (self->lists);

  G_OBJECT_CLASS (tend_journal_parent_class)->finalize (object);
}

static void
tend_journal_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TendJournal *self = TEND_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_journal_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TendJournal *self = TEND_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_journal_class_init (TendJournalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tend_journal_dispose;
  object_class->finalize = tend_journal_finalize;
  object_class->get_property = tend_journal_get_property;
  object_class->set_property = tend_journal_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, TEND_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TendJournal::changed:
   *
   * Something was stored, changed or removed; for views that summarize, such as the
   * calendar.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tend_journal_init (TendJournal *self)
{
  self->lists = g_ptr_array_new ();
  self->tags = g_list_store_new (TEND_TYPE_TAG);
}

TendJournal *
tend_journal_new (TendDatabase *database)
{
  g_return_val_if_fail (TEND_IS_DATABASE (database), NULL);

  return g_object_new (TEND_TYPE_JOURNAL, "database", database, NULL);
}

/**
 * tend_journal_get_database:
 *
 * Returns: (transfer none): the database the journal is stored in
 */
TendDatabase *
tend_journal_get_database (TendJournal *self)
{
  g_return_val_if_fail (TEND_IS_JOURNAL (self), NULL);

  return self->database;
}

/**
 * tend_journal_get_entries:
 *
 * Returns: (transfer none): every entry, the newest first; empty before tend_journal_load()
 */
TendEntryList *
tend_journal_get_entries (TendJournal *self)
{
  g_return_val_if_fail (TEND_IS_JOURNAL (self), NULL);

  if (self->entries == NULL)
    self->entries = _tend_entry_list_new (self, NULL,
                                          g_array_new (FALSE, FALSE, sizeof (TendEntrySlot)));

  return self->entries;
}

/**
 * tend_journal_get_tags:
 *
 * Returns: (transfer none): a list of #TendTag, hidden ones too, in the user's order
 */
GListModel *
tend_journal_get_tags (TendJournal *self)
{
  g_return_val_if_fail (TEND_IS_JOURNAL (self), NULL);

  return G_LIST_MODEL (self->tags);
}

/* Reading ------------------------------------------------------------------------------ */

static GDateTime *
date_time_from_row (gint64 unix_seconds,
                    int    utc_offset)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (utc_offset);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);

  if (zone == NULL || utc == NULL)
    return NULL;

  return g_date_time_to_timezone (utc, zone);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

#define SELECT_ENTRY \
  "SELECT e.id, e.uuid, e.occurred_at, e.utc_offset, e.mood, e.energy, e.note, " \
  "       e.created_at, e.updated_at, " \
  "       (SELECT group_concat (emotion, ' ') FROM entry_emotions WHERE entry_id = e.id), " \
  "       (SELECT group_concat (t.name, char (31) ORDER BY t.position, t.id) " \
  "          FROM entry_tags et JOIN tags t ON t.id = et.tag_id WHERE et.entry_id = e.id) " \
  "FROM entries e "

/* Builds an entry from a row of SELECT_ENTRY, or NULL for an unreadable row. */
static TendEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) occurred_at = NULL;
  g_autofree char *note = NULL;
  g_auto(GStrv) emotions = NULL;
  g_auto(GStrv) tags = NULL;
  TendEntry *entry;
  const char *uuid = (const char *) sqlite3_column_text (stmt, 1);
  int mood = sqlite3_column_int (stmt, 4);
  int energy = sqlite3_column_int (stmt, 5);

  occurred_at = date_time_from_row (sqlite3_column_int64 (stmt, 2), sqlite3_column_int (stmt, 3));

  /* The schema's CHECK keeps moods valid; a row that is still unreadable is skipped (a
   * list shows a stand-in for it) rather than taking the whole journal down with it. */
  if (occurred_at == NULL || uuid == NULL || !tend_mood_is_valid (mood))
    {
      g_message ("Skipping unreadable journal entry %" G_GINT64_FORMAT,
                 (gint64) sqlite3_column_int64 (stmt, 0));
      return NULL;
    }

  /* A note that another program left as invalid UTF-8 is shown with replacement
   * characters; the stored bytes are not touched until the entry is edited. */
  note = g_utf8_make_valid (column_text (stmt, 6), -1);
  emotions = g_strsplit (column_text (stmt, 9), " ", -1);
  tags = g_strsplit (column_text (stmt, 10), TAG_SEPARATOR, -1);

  entry = _tend_entry_new_stored (sqlite3_column_int64 (stmt, 0), uuid, mood, note, occurred_at);
  tend_entry_set_energy (entry, tend_energy_is_valid (energy) ? energy : TEND_ENERGY_NONE);
  tend_entry_set_emotions (entry, (const char * const *) emotions);
  tend_entry_set_tags (entry, (const char * const *) tags);
  _tend_entry_set_times (entry, sqlite3_column_int64 (stmt, 7), sqlite3_column_int64 (stmt, 8));

  return entry;
}

/* Reads one entry on the main thread, for a list; with @match, the searched text, the
 * entry also gets the snippet of its note that matched. */
TendEntry *
_tend_journal_fetch (TendJournal *self,
                     gint64       id,
                     const char  *match)
{
  g_autoptr(GError) error = NULL;
  TendEntry *entry = NULL;
  sqlite3_stmt *stmt;

  tend_database_lock (self->database);

  stmt = tend_database_prepare (self->database, SELECT_ENTRY "WHERE e.id = ?1", &error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        entry = entry_from_row (stmt);
      sqlite3_reset (stmt);
    }

  tend_database_unlock (self->database);

  /* The list shows a stand-in for it; this is for whoever looks at the log. */
  if (error != NULL)
    g_message ("Could not read entry %" G_GINT64_FORMAT ": %s", id, error->message);

  if (entry != NULL && match != NULL)
    {
      g_autofree char *snippet = tend_filter_make_snippet (tend_entry_get_note (entry), match, 240);

      _tend_entry_set_snippet (entry, snippet != NULL ? snippet : "");
    }

  return entry;
}

/**
 * tend_journal_lookup:
 *
 * Returns: (transfer full) (nullable): the stored entry with @uuid, or %NULL
 */
TendEntry *
tend_journal_lookup (TendJournal *self,
                     const char  *uuid)
{
  g_autoptr(GError) error = NULL;
  TendEntry *entry = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TEND_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  tend_database_lock (self->database);
  stmt = tend_database_prepare (self->database, SELECT_ENTRY "WHERE e.uuid = ?1", &error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        entry = entry_from_row (stmt);
      sqlite3_reset (stmt);
    }
  tend_database_unlock (self->database);

  return entry;
}

static gint64
day_start_seconds (const GDate *day)
{
  return ((gint64) g_date_get_julian (day) - UNIX_EPOCH_JULIAN) * 86400;
}

/* The conditions of @filter, with named parameters that bind_filter() fills. */
static char *
filter_sql (const TendFilter *filter,
            gboolean          one_entry)
{
  g_autoptr(GString) sql = g_string_new ("SELECT e.id, e.occurred_at, e.utc_offset, e.mood "
                                         "FROM entries e WHERE 1");
  g_autofree char *match = NULL;

  if (filter != NULL)
    {
      match = tend_filter_build_match (tend_filter_get_text (filter));
      if (match != NULL)
        g_string_append (sql, " AND e.id IN (SELECT rowid FROM entries_fts "
                              "WHERE entries_fts MATCH :match)");
      if (tend_filter_get_moods (filter) != 0)
        g_string_append (sql, " AND ((1 << e.mood) & :moods) != 0");
      if (tend_filter_get_emotion (filter) != NULL)
        g_string_append (sql, " AND EXISTS (SELECT 1 FROM entry_emotions "
                              "WHERE entry_id = e.id AND emotion = :emotion)");
      if (tend_filter_get_tag (filter) != NULL)
        g_string_append (sql, " AND EXISTS (SELECT 1 FROM entry_tags et JOIN tags t "
                              "ON t.id = et.tag_id WHERE et.entry_id = e.id AND t.name = :tag)");
      if (g_date_valid (tend_filter_get_from (filter)))
        g_string_append (sql, " AND e.occurred_at + e.utc_offset >= :from");
      if (g_date_valid (tend_filter_get_until (filter)))
        g_string_append (sql, " AND e.occurred_at + e.utc_offset < :until");
    }

  if (one_entry)
    g_string_append (sql, " AND e.id = :id");
  else
    g_string_append (sql, " ORDER BY e.occurred_at DESC, e.id DESC");

  return g_string_free_and_steal (g_steal_pointer (&sql));
}

static void
bind_filter (sqlite3_stmt     *stmt,
             const TendFilter *filter)
{
  int index;

  if (filter == NULL)
    return;

  if ((index = sqlite3_bind_parameter_index (stmt, ":match")) > 0)
    {
      g_autofree char *match = tend_filter_build_match (tend_filter_get_text (filter));

      sqlite3_bind_text (stmt, index, match, -1, SQLITE_TRANSIENT);
    }
  if ((index = sqlite3_bind_parameter_index (stmt, ":moods")) > 0)
    sqlite3_bind_int (stmt, index, (int) tend_filter_get_moods (filter));
  if ((index = sqlite3_bind_parameter_index (stmt, ":emotion")) > 0)
    sqlite3_bind_text (stmt, index, tend_filter_get_emotion (filter), -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":tag")) > 0)
    sqlite3_bind_text (stmt, index, tend_filter_get_tag (filter), -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":from")) > 0)
    sqlite3_bind_int64 (stmt, index, day_start_seconds (tend_filter_get_from (filter)));
  if ((index = sqlite3_bind_parameter_index (stmt, ":until")) > 0)
    sqlite3_bind_int64 (stmt, index, day_start_seconds (tend_filter_get_until (filter)) + 86400);
}

/* Runs on any thread. */
static GArray *
load_slots (TendDatabase      *database,
            const TendFilter  *filter,
            GError           **error)
{
  g_autofree char *sql = filter_sql (filter, FALSE);
  g_autoptr(GArray) slots = g_array_sized_new (FALSE, FALSE, sizeof (TendEntrySlot), 256);
  sqlite3_stmt *stmt;
  int rc;

  tend_database_lock (database);

  stmt = tend_database_prepare (database, sql, error);
  if (stmt == NULL)
    {
      tend_database_unlock (database);
      return NULL;
    }

  bind_filter (stmt, filter);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TendEntrySlot slot = {
        .id = sqlite3_column_int64 (stmt, 0),
        .occurred_at = sqlite3_column_int64 (stmt, 1),
        .utc_offset = sqlite3_column_int (stmt, 2),
        .mood = sqlite3_column_int (stmt, 3),
      };

      g_array_append_val (slots, slot);
    }

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      tend_database_set_error_from_sqlite (database, rc, error);
      tend_database_unlock (database);
      return NULL;
    }

  tend_database_unlock (database);
  return g_steal_pointer (&slots);
}


/* Filtering fast: SQLite finds the ids that the text, emotion and tag parts keep (the
 * index lookups are quick), and the list of every entry, already in time order in memory,
 * is walked once to keep those ids whose mood and day also match. Ordering tens of
 * thousands of matches by time in SQL would take longer than all of that. */

static void
bitmap_add (GArray *bits,
            gint64  id)
{
  guint byte;

  if (id < 0 || id > G_MAXUINT32)
    return;

  byte = (guint) (id / 8);
  if (byte >= bits->len)
    g_array_set_size (bits, MAX (byte + 1, bits->len * 2));
  g_array_index (bits, guint8, byte) |= 1 << (id % 8);
}

static gboolean
bitmap_has (GArray *bits,
            gint64  id)
{
  guint byte;

  if (id < 0 || id > G_MAXUINT32)
    return FALSE;

  byte = (guint) (id / 8);
  return byte < bits->len && (g_array_index (bits, guint8, byte) & (1 << (id % 8))) != 0;
}

/* Runs on any thread; the caller holds the database lock. */
static GArray *
load_bitmap (TendDatabase  *database,
             const char    *sql,
             const char    *value,
             GError       **error)
{
  g_autoptr(GArray) bits = g_array_sized_new (FALSE, TRUE, 1, 4096);
  sqlite3_stmt *stmt;
  int rc;

  stmt = tend_database_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    bitmap_add (bits, sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      tend_database_set_error_from_sqlite (database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&bits);
}

static void
bitmap_intersect (GArray **into,
                  GArray  *other)
{
  if (*into == NULL)
    {
      *into = other;
      return;
    }

  for (guint i = 0; i < (*into)->len; i++)
    g_array_index (*into, guint8, i) &= i < other->len ? g_array_index (other, guint8, i) : 0;
  g_array_unref (other);
}

/* Runs on any thread. Sets @bits to the ids the filter's text, emotion and tag keep, or to
 * NULL when those parts keep every entry. */
static gboolean
load_filter_ids (TendDatabase      *database,
                 const TendFilter  *filter,
                 GArray           **bits,
                 GError           **error)
{
  g_autofree char *match = tend_filter_build_match (tend_filter_get_text (filter));
  GArray *part;

  *bits = NULL;
  tend_database_lock (database);

  if (match != NULL)
    {
      part = load_bitmap (database, "SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?1",
                          match, error);
      if (part == NULL)
        goto failed;
      bitmap_intersect (bits, part);
    }

  if (tend_filter_get_emotion (filter) != NULL)
    {
      part = load_bitmap (database, "SELECT entry_id FROM entry_emotions WHERE emotion = ?1",
                          tend_filter_get_emotion (filter), error);
      if (part == NULL)
        goto failed;
      bitmap_intersect (bits, part);
    }

  if (tend_filter_get_tag (filter) != NULL)
    {
      part = load_bitmap (database,
                          "SELECT et.entry_id FROM entry_tags et JOIN tags t ON t.id = et.tag_id "
                          "WHERE t.name = ?1",
                          tend_filter_get_tag (filter), error);
      if (part == NULL)
        goto failed;
      bitmap_intersect (bits, part);
    }

  tend_database_unlock (database);
  return TRUE;

failed:
  g_clear_pointer (bits, g_array_unref);
  tend_database_unlock (database);
  return FALSE;
}

/* The slots of @all that @filter keeps, in the same order. */
static GArray *
walk_slots (GArray           *all,
            const TendFilter *filter,
            GArray           *bits)
{
  GArray *kept = g_array_sized_new (FALSE, FALSE, sizeof (TendEntrySlot), 256);
  guint moods = tend_filter_get_moods (filter);
  gboolean has_from = g_date_valid (tend_filter_get_from (filter));
  gboolean has_until = g_date_valid (tend_filter_get_until (filter));
  gint64 from = has_from ? day_start_seconds (tend_filter_get_from (filter)) : 0;
  gint64 until = has_until ? day_start_seconds (tend_filter_get_until (filter)) + 86400 : 0;

  for (guint i = 0; i < all->len; i++)
    {
      const TendEntrySlot *slot = &g_array_index (all, TendEntrySlot, i);
      gint64 local = slot->occurred_at + slot->utc_offset;

      if (bits != NULL && !bitmap_has (bits, slot->id))
        continue;
      if (moods != 0 && (moods & TEND_FILTER_MOOD (slot->mood)) == 0)
        continue;
      if ((has_from && local < from) || (has_until && local >= until))
        continue;

      g_array_append_val (kept, *slot);
    }

  return kept;
}

static GArray *
query_slots (TendJournal       *self,
             const TendFilter  *filter,
             GError           **error)
{
  g_autoptr(GArray) bits = NULL;

  if (filter == NULL)
    filter = tend_entry_list_get_filter (tend_journal_get_entries (self));

  if (!load_filter_ids (self->database, filter, &bits, error))
    return NULL;

  return walk_slots (_tend_entry_list_get_slots (tend_journal_get_entries (self)), filter, bits);
}

static gboolean
filter_matches (TendJournal      *self,
                const TendFilter *filter,
                gint64            id)
{
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gboolean matches = FALSE;

  if (filter == NULL || tend_filter_is_empty (filter))
    return TRUE;

  sql = filter_sql (filter, TRUE);
  tend_database_lock (self->database);
  stmt = tend_database_prepare (self->database, sql, &error);
  if (stmt != NULL)
    {
      bind_filter (stmt, filter);
      sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":id"), id);
      matches = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
    }
  tend_database_unlock (self->database);

  if (error != NULL)
    g_warning ("Could not check entry %" G_GINT64_FORMAT " against a search: %s",
               id, error->message);

  return matches;
}

static void
track_list (TendJournal   *self,
            TendEntryList *list)
{
  g_ptr_array_add (self->lists, list);
  g_object_weak_ref (G_OBJECT (list), list_finalized_cb, self);
}

/**
 * tend_journal_query:
 * @filter: (nullable): what to keep; %NULL keeps everything
 *
 * Returns: (transfer full): a list of the entries @filter keeps, kept up to date as the
 *   journal changes, or %NULL with @error set
 */
TendEntryList *
tend_journal_query (TendJournal       *self,
                    const TendFilter  *filter,
                    GError           **error)
{
  GArray *slots;
  TendEntryList *list;

  g_return_val_if_fail (TEND_IS_JOURNAL (self), NULL);

  slots = query_slots (self, filter, error);
  if (slots == NULL)
    return NULL;

  list = _tend_entry_list_new (self, filter, slots);
  track_list (self, list);
  return list;
}

typedef struct
{
  TendFilter *filter;
  GArray     *bits;
  guint       generation;
} QueryData;

static void
query_data_free (QueryData *data)
{
  tend_filter_free (data->filter);
  g_clear_pointer (&data->bits, g_array_unref);
  g_free (data);
}

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  QueryData *data = task_data;
  GError *error = NULL;

  if (!load_filter_ids (TEND_JOURNAL (source_object)->database, data->filter, &data->bits, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * tend_journal_query_async:
 *
 * Like tend_journal_query(), reading on a worker thread; for searching as the user types.
 */
void
tend_journal_query_async (TendJournal         *self,
                          const TendFilter    *filter,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  QueryData *data;

  g_return_if_fail (TEND_IS_JOURNAL (self));

  data = g_new0 (QueryData, 1);
  data->filter = filter != NULL ? tend_filter_copy (filter) : tend_filter_new ();
  data->generation = self->generation;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tend_journal_query_async);
  g_task_set_task_data (task, data, (GDestroyNotify) query_data_free);
  tend_task_run_in_thread (task, query_thread);
}

/**
 * tend_journal_query_finish:
 *
 * Returns: (transfer full): the list, or %NULL with @error set
 */
TendEntryList *
tend_journal_query_finish (TendJournal   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  QueryData *data;
  GArray *slots;
  TendEntryList *list;

  g_return_val_if_fail (TEND_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  /* A write that landed while the worker searched may have changed which ids match. */
  data = g_task_get_task_data (G_TASK (result));
  if (data->generation != self->generation)
    slots = query_slots (self, data->filter, error);
  else
    slots = walk_slots (_tend_entry_list_get_slots (tend_journal_get_entries (self)),
                        data->filter, data->bits);
  if (slots == NULL)
    return NULL;

  list = _tend_entry_list_new (self, data->filter, slots);
  track_list (self, list);
  return list;
}

/* Tags ---------------------------------------------------------------------------------- */

static gboolean
same_tag (TendTag *a,
          TendTag *b)
{
  return tend_tag_get_id (a) == tend_tag_get_id (b) &&
         g_str_equal (tend_tag_get_name (a), tend_tag_get_name (b)) &&
         tend_tag_get_hidden (a) == tend_tag_get_hidden (b);
}

static gboolean
load_tags (TendJournal  *self,
           GError      **error)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  guint n_old;
  gboolean same;
  int rc;

  tend_database_lock (self->database);
  stmt = tend_database_prepare (self->database,
                                "SELECT t.id, t.name, t.hidden FROM tags t "
                                "ORDER BY t.position, t.id",
                                error);
  if (stmt == NULL)
    {
      tend_database_unlock (self->database);
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *name = g_utf8_make_valid (column_text (stmt, 1), -1);

      g_ptr_array_add (tags, _tend_tag_new (sqlite3_column_int64 (stmt, 0), name,
                                            sqlite3_column_int (stmt, 2)));
    }
  sqlite3_reset (stmt);
  tend_database_unlock (self->database);

  if (rc != SQLITE_DONE)
    return tend_database_set_error_from_sqlite (self->database, rc, error);

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->tags));
  same = n_old == tags->len;
  for (guint i = 0; same && i < tags->len; i++)
    {
      g_autoptr(TendTag) old = g_list_model_get_item (G_LIST_MODEL (self->tags), i);

      same = same_tag (old, g_ptr_array_index (tags, i));
    }

  if (!same)
    g_list_store_splice (self->tags, 0, n_old, tags->pdata, tags->len);

  return TRUE;
}

/**
 * tend_journal_count_tag_uses:
 *
 * Counts the entries that carry each tag. This reads every entry's tags, so it is for
 * showing Preferences, not for each save.
 *
 * Returns: (transfer full): tag id (gint64) → number of entries (GUINT_TO_POINTER), or
 *   %NULL with @error set
 */
GHashTable *
tend_journal_count_tag_uses (TendJournal  *self,
                             GError      **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TEND_IS_JOURNAL (self), NULL);

  tend_database_lock (self->database);
  stmt = tend_database_prepare (self->database,
                                "SELECT tag_id, count (*) FROM entry_tags GROUP BY tag_id", error);
  if (stmt == NULL)
    {
      tend_database_unlock (self->database);
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (counts, g_memdup2 (&id, sizeof id),
                           GUINT_TO_POINTER ((guint) sqlite3_column_int (stmt, 1)));
    }
  sqlite3_reset (stmt);
  tend_database_unlock (self->database);

  if (rc != SQLITE_DONE)
    {
      tend_database_set_error_from_sqlite (self->database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&counts);
}

/* Keeps the tags column of the search index in step with the names of an entry's tags. */
static gboolean
index_tags_of_tag (TendDatabase  *database,
                   gint64         tag_id,
                   GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = tend_database_prepare (database,
                                "UPDATE entries_fts SET tags = "
                                "  (SELECT group_concat (t.name, ' ') FROM entry_tags et "
                                "   JOIN tags t ON t.id = et.tag_id WHERE et.entry_id = entries_fts.rowid) "
                                "WHERE rowid IN (SELECT entry_id FROM entry_tags WHERE tag_id = ?1)",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, tag_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return tend_database_set_error_from_sqlite (database, rc, error);

  return TRUE;
}

static gboolean
set_tag_name_error (const char  *name,
                    GError     **error)
{
  g_set_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_INVALID,
               _("There is already an activity named “%s”."), name);
  return FALSE;
}

static gboolean
tag_name_taken (TendJournal *self,
                const char  *name,
                gint64       except_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tags));
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TendTag) tag = g_list_model_get_item (G_LIST_MODEL (self->tags), i);
      g_autofree char *other = g_utf8_casefold (tend_tag_get_name (tag), -1);

      if (tend_tag_get_id (tag) != except_id && g_str_equal (folded, other))
        return TRUE;
    }

  return FALSE;
}

static gboolean
run_tag_statement (TendJournal  *self,
                   const char   *sql,
                   gint64        id,
                   const char   *text,
                   gint64        number,
                   GError      **error)
{
  sqlite3_stmt *stmt = tend_database_prepare (self->database, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 2, number);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return tend_database_set_error_from_sqlite (self->database, rc, error);

  return TRUE;
}

/**
 * tend_journal_create_tag:
 *
 * Adds a tag at the end of the user's list.
 */
gboolean
tend_journal_create_tag (TendJournal  *self,
                         const char   *name,
                         GError      **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (TEND_IS_JOURNAL (self), FALSE);

  clean = tend_tag_name_normalize (name);
  if (clean == NULL)
    {
      g_set_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_INVALID,
                   _("An activity needs a name."));
      return FALSE;
    }

  if (tag_name_taken (self, clean, 0))
    return set_tag_name_error (clean, error);

  if (!tend_database_begin (self->database, error))
    return FALSE;

  if (!run_tag_statement (self,
                          "INSERT INTO tags (name, position, created_at) "
                          "SELECT ?2, coalesce (max (position) + 1, 0), ?1 FROM tags",
                          g_get_real_time () / G_USEC_PER_SEC, clean, 0, error))
    {
      tend_database_rollback (self->database);
      return FALSE;
    }

  if (!tend_database_commit (self->database, error))
    return FALSE;

  return load_tags (self, error);
}

static void
refresh_lists (TendJournal *self)
{
  _tend_entry_list_refresh (tend_journal_get_entries (self));
  for (guint i = 0; i < self->lists->len; i++)
    _tend_entry_list_refresh (g_ptr_array_index (self->lists, i));
}

/**
 * tend_journal_rename_tag:
 *
 * Renames @tag; entries that carry it show the new name.
 */
gboolean
tend_journal_rename_tag (TendJournal  *self,
                         TendTag      *tag,
                         const char   *name,
                         GError      **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (TEND_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (TEND_IS_TAG (tag), FALSE);

  clean = tend_tag_name_normalize (name);
  if (clean == NULL)
    {
      g_set_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_INVALID,
                   _("An activity needs a name."));
      return FALSE;
    }

  if (tag_name_taken (self, clean, tend_tag_get_id (tag)))
    return set_tag_name_error (clean, error);

  if (!tend_database_begin (self->database, error))
    return FALSE;

  if (!run_tag_statement (self, "UPDATE tags SET name = ?2 WHERE id = ?1",
                          tend_tag_get_id (tag), clean, 0, error) ||
      !index_tags_of_tag (self->database, tend_tag_get_id (tag), error))
    {
      tend_database_rollback (self->database);
      return FALSE;
    }

  if (!tend_database_commit (self->database, error))
    return FALSE;

  refresh_lists (self);
  self->generation++;
  g_signal_emit (self, signals[CHANGED], 0);
  return load_tags (self, error);
}

/**
 * tend_journal_set_tag_hidden:
 *
 * Hides @tag from the check-in form, or shows it again. Entries keep their tags.
 */
gboolean
tend_journal_set_tag_hidden (TendJournal  *self,
                             TendTag      *tag,
                             gboolean      hidden,
                             GError      **error)
{
  g_return_val_if_fail (TEND_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (TEND_IS_TAG (tag), FALSE);

  tend_database_lock (self->database);
  if (!run_tag_statement (self, "UPDATE tags SET hidden = ?2 WHERE id = ?1",
                          tend_tag_get_id (tag), NULL, !!hidden, error))
    {
      tend_database_unlock (self->database);
      return FALSE;
    }
  tend_database_unlock (self->database);

  return load_tags (self, error);
}

/**
 * tend_journal_move_tag:
 * @position: the new place of @tag in the user's list
 */
gboolean
tend_journal_move_tag (TendJournal  *self,
                       TendTag      *tag,
                       guint         position,
                       GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n;
  gint64 moved;

  g_return_val_if_fail (TEND_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (TEND_IS_TAG (tag), FALSE);

  moved = tend_tag_get_id (tag);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->tags));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TendTag) other = g_list_model_get_item (G_LIST_MODEL (self->tags), i);
      gint64 id = tend_tag_get_id (other);

      if (id != moved)
        g_array_append_val (ids, id);
    }

  g_array_insert_val (ids, MIN (position, ids->len), moved);

  if (!tend_database_begin (self->database, error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    if (!run_tag_statement (self, "UPDATE tags SET position = ?2 WHERE id = ?1",
                            g_array_index (ids, gint64, i), NULL, i, error))
      {
        tend_database_rollback (self->database);
        return FALSE;
      }

  if (!tend_database_commit (self->database, error))
    return FALSE;

  refresh_lists (self);
  return load_tags (self, error);
}

/* Writing ------------------------------------------------------------------------------ */

typedef enum
{
  STORE_NEW,
  STORE_UPDATE,
  STORE_RESTORE,
  STORE_IMPORT,
} StoreMode;

static char *
emotion_labels (const char * const *emotions)
{
  g_autoptr(GString) labels = g_string_new (NULL);

  for (guint i = 0; emotions[i] != NULL; i++)
    {
      if (!tend_emotion_is_valid (emotions[i]))
        continue;
      if (labels->len > 0)
        g_string_append_c (labels, ' ');
      g_string_append (labels, tend_emotion_get_label (emotions[i]));
    }

  return g_string_free_and_steal (g_steal_pointer (&labels));
}

static gboolean
step_done (TendDatabase  *database,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tend_database_set_error_from_sqlite (database, rc, error);

  return TRUE;
}

/* Writes @entry's row, emotions, tags and search text; the caller holds a transaction.
 * Sets @added to FALSE when an import finds the entry already there. Runs on any thread. */
static gboolean
store_entry (TendDatabase  *database,
             TendEntry     *entry,
             StoreMode      mode,
             gint64         now,
             gint64        *id,
             gboolean      *added,
             GError       **error)
{
  GDateTime *occurred_at = tend_entry_get_occurred_at (entry);
  const char * const *emotions = tend_entry_get_emotions (entry);
  const char * const *tags = tend_entry_get_tags (entry);
  g_autofree char *labels = NULL;
  sqlite3_stmt *stmt;
  gint64 created = tend_entry_get_created_at (entry);
  gint64 updated = tend_entry_get_updated_at (entry);
  int rc;

  *added = TRUE;

  switch (mode)
    {
    case STORE_NEW:
      stmt = tend_database_prepare (database,
                                    "INSERT INTO entries (uuid, occurred_at, utc_offset, mood, "
                                    "  energy, note, created_at, updated_at) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
                                    error);
      created = updated = now;
      break;

    case STORE_IMPORT:
      stmt = tend_database_prepare (database,
                                    "INSERT INTO entries (uuid, occurred_at, utc_offset, mood, "
                                    "  energy, note, created_at, updated_at) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                                    "ON CONFLICT (uuid) DO NOTHING RETURNING id",
                                    error);
      if (created <= 0)
        created = now;
      if (updated <= 0)
        updated = created;
      break;

    case STORE_RESTORE:
      stmt = tend_database_prepare (database,
                                    "INSERT INTO entries (uuid, occurred_at, utc_offset, mood, "
                                    "  energy, note, created_at, updated_at, id) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id",
                                    error);
      break;

    case STORE_UPDATE:
    default:
      stmt = tend_database_prepare (database,
                                    "UPDATE entries SET occurred_at = ?2, utc_offset = ?3, "
                                    "  mood = ?4, energy = ?5, note = ?6, updated_at = ?8 "
                                    "WHERE uuid = ?1 RETURNING id",
                                    error);
      updated = now;
      break;
    }

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, tend_entry_get_uuid (entry), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (occurred_at));
  sqlite3_bind_int (stmt, 3, (int) (g_date_time_get_utc_offset (occurred_at) / G_USEC_PER_SEC));
  sqlite3_bind_int (stmt, 4, tend_entry_get_mood (entry));
  if (tend_entry_get_energy (entry) != TEND_ENERGY_NONE)
    sqlite3_bind_int (stmt, 5, tend_entry_get_energy (entry));
  sqlite3_bind_text (stmt, 6, tend_entry_get_note (entry), -1, SQLITE_TRANSIENT);
  if (mode != STORE_UPDATE)
    sqlite3_bind_int64 (stmt, 7, created);
  sqlite3_bind_int64 (stmt, 8, updated);
  if (mode == STORE_RESTORE)
    sqlite3_bind_int64 (stmt, 9, tend_entry_get_id (entry));

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  else if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      if (mode == STORE_IMPORT)
        {
          *added = FALSE;
          return TRUE;
        }

      g_set_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_INVALID,
                   _("This check-in is no longer in the journal."));
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return tend_database_set_error_from_sqlite (database, rc, error);

  /* Emotions */
  stmt = tend_database_prepare (database, "DELETE FROM entry_emotions WHERE entry_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *id);
  if (!step_done (database, stmt, error))
    return FALSE;

  for (guint i = 0; emotions[i] != NULL; i++)
    {
      stmt = tend_database_prepare (database,
                                    "INSERT OR IGNORE INTO entry_emotions (entry_id, emotion) "
                                    "VALUES (?1, ?2)",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *id);
      sqlite3_bind_text (stmt, 2, emotions[i], -1, SQLITE_TRANSIENT);
      if (!step_done (database, stmt, error))
        return FALSE;
    }

  /* Tags, made when new */
  stmt = tend_database_prepare (database, "DELETE FROM entry_tags WHERE entry_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *id);
  if (!step_done (database, stmt, error))
    return FALSE;

  for (guint i = 0; tags[i] != NULL; i++)
    {
      stmt = tend_database_prepare (database,
                                    "INSERT INTO tags (name, position, created_at) "
                                    "SELECT ?1, coalesce (max (position) + 1, 0), ?2 FROM tags "
                                    "WHERE true ON CONFLICT (name) DO NOTHING",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, tags[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, now);
      if (!step_done (database, stmt, error))
        return FALSE;

      stmt = tend_database_prepare (database,
                                    "INSERT OR IGNORE INTO entry_tags (entry_id, tag_id) "
                                    "SELECT ?1, id FROM tags WHERE name = ?2",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *id);
      sqlite3_bind_text (stmt, 2, tags[i], -1, SQLITE_TRANSIENT);
      if (!step_done (database, stmt, error))
        return FALSE;
    }

  /* Search text */
  stmt = tend_database_prepare (database, "DELETE FROM entries_fts WHERE rowid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *id);
  if (!step_done (database, stmt, error))
    return FALSE;

  labels = emotion_labels (emotions);
  stmt = tend_database_prepare (database,
                                "INSERT INTO entries_fts (rowid, note, emotions, tags) "
                                "VALUES (?1, ?2, ?3, "
                                "  (SELECT group_concat (t.name, ' ') FROM entry_tags et "
                                "   JOIN tags t ON t.id = et.tag_id WHERE et.entry_id = ?1))",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *id);
  sqlite3_bind_text (stmt, 2, tend_entry_get_note (entry), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, labels, -1, SQLITE_TRANSIENT);
  if (!step_done (database, stmt, error))
    return FALSE;

  return TRUE;
}

/* Stores one entry in its own transaction. Runs on any thread. */
static gboolean
store_one (TendDatabase  *database,
           TendEntry     *entry,
           StoreMode      mode,
           gint64        *id,
           GError       **error)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gboolean added;

  if (!tend_database_begin (database, error))
    return FALSE;

  if (!store_entry (database, entry, mode, now, id, &added, error))
    {
      tend_database_rollback (database);
      return FALSE;
    }

  return tend_database_commit (database, error);
}

static TendEntrySlot
slot_of (TendEntry *entry,
         gint64     id)
{
  GDateTime *occurred_at = tend_entry_get_occurred_at (entry);

  return (TendEntrySlot) {
    .id = id,
    .occurred_at = g_date_time_to_unix (occurred_at),
    .utc_offset = (gint32) (g_date_time_get_utc_offset (occurred_at) / G_USEC_PER_SEC),
    .mood = tend_entry_get_mood (entry),
  };
}

/* After a write: the lists gain, move or redraw the entry. */
static void
entry_stored (TendJournal *self,
              TendEntry   *entry,
              gint64       id)
{
  TendEntrySlot slot = slot_of (entry, id);
  g_autoptr(GError) error = NULL;

  _tend_entry_list_stored (tend_journal_get_entries (self), &slot, TRUE);
  for (guint i = 0; i < self->lists->len; i++)
    {
      TendEntryList *list = g_ptr_array_index (self->lists, i);

      _tend_entry_list_stored (list, &slot,
                               filter_matches (self, tend_entry_list_get_filter (list), id));
    }

  if (!load_tags (self, &error))
    g_warning ("Could not read the tags again: %s", error->message);

  self->generation++;
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * tend_journal_add:
 * @entry: a check-in that is not stored yet
 *
 * Stores @entry and, once it is on disk, shows it in the lists. This blocks on the disk;
 * the interface uses tend_journal_add_async().
 */
gboolean
tend_journal_add (TendJournal  *self,
                  TendEntry    *entry,
                  GError      **error)
{
  gint64 id = 0;

  g_return_val_if_fail (TEND_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (TEND_IS_ENTRY (entry), FALSE);
  g_return_val_if_fail (tend_entry_get_id (entry) == 0, FALSE);

  if (!store_one (self->database, entry, STORE_NEW, &id, error))
    return FALSE;

  _tend_entry_set_id (entry, id);
  entry_stored (self, entry, id);
  return TRUE;
}

/**
 * tend_journal_update:
 * @entry: a changed copy of a stored entry (see tend_entry_copy())
 *
 * Stores the new version of an entry; lists show it once it is on disk.
 */
gboolean
tend_journal_update (TendJournal  *self,
                     TendEntry    *entry,
                     GError      **error)
{
  gint64 id = 0;

  g_return_val_if_fail (TEND_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (TEND_IS_ENTRY (entry), FALSE);

  if (!store_one (self->database, entry, STORE_UPDATE, &id, error))
    return FALSE;

  entry_stored (self, entry, id);
  return TRUE;
}

typedef struct
{
  TendDatabase *database;
  TendEntry    *entry;
  StoreMode     mode;
  gint64        id;
} StoreData;

static void
store_data_free (StoreData *data)
{
  g_clear_object (&data->database);
  g_clear_object (&data->entry);
  g_free (data);
}

static void
store_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  StoreData *data = task_data;
  GError *error = NULL;

  if (store_one (data->database, data->entry, data->mode, &data->id, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
store_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  TendJournal *self = TEND_JOURNAL (object);
  g_autoptr(GTask) task = user_data;
  StoreData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Stored: from here the check-in is shown even if the caller has gone away. */
  if (data->mode == STORE_NEW)
    _tend_entry_set_id (data->entry, data->id);
  if (self->database != NULL)
    entry_stored (self, data->entry, data->id);

  g_task_return_boolean (task, TRUE);
}

static void
store_async (TendJournal         *self,
             TendEntry           *entry,
             StoreMode            mode,
             gpointer             source_tag,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  StoreData *data;

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, source_tag);

  data = g_new0 (StoreData, 1);
  data->database = g_object_ref (self->database);
  data->entry = g_object_ref (entry);
  data->mode = mode;

  inner = g_task_new (self, NULL, store_done_cb, g_steal_pointer (&outer));
  g_task_set_task_data (inner, data, (GDestroyNotify) store_data_free);
  tend_task_run_in_thread (inner, store_thread);
}

/**
 * tend_journal_add_async:
 *
 * Stores @entry on a worker thread; the lists gain it on the main thread once it is on
 * disk, before @callback runs. Cancelling only stops waiting: a write that has begun
 * completes, so nothing is half-saved.
 */
void
tend_journal_add_async (TendJournal         *self,
                        TendEntry           *entry,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (TEND_IS_JOURNAL (self));
  g_return_if_fail (TEND_IS_ENTRY (entry));
  g_return_if_fail (tend_entry_get_id (entry) == 0);

  store_async (self, entry, STORE_NEW, tend_journal_add_async, cancellable, callback, user_data);
}

gboolean
tend_journal_add_finish (TendJournal   *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (TEND_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * tend_journal_update_async:
 *
 * Like tend_journal_update(), writing on a worker thread.
 */
void
tend_journal_update_async (TendJournal         *self,
                           TendEntry           *entry,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (TEND_IS_JOURNAL (self));
  g_return_if_fail (TEND_IS_ENTRY (entry));

  store_async (self, entry, STORE_UPDATE, tend_journal_update_async, cancellable, callback,
               user_data);
}

gboolean
tend_journal_update_finish (TendJournal   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return tend_journal_add_finish (self, result, error);
}

/**
 * tend_journal_remove:
 * @entry: a stored entry
 *
 * Deletes @entry. The object keeps what it held, so tend_journal_restore() can put it
 * back, as the Undo of a deletion does.
 */
gboolean
tend_journal_remove (TendJournal  *self,
                     TendEntry    *entry,
                     GError      **error)
{
  gint64 id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TEND_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (TEND_IS_ENTRY (entry), FALSE);
  g_return_val_if_fail (tend_entry_get_id (entry) > 0, FALSE);

  id = tend_entry_get_id (entry);

  if (!tend_database_begin (self->database, error))
    return FALSE;

  stmt = tend_database_prepare (self->database, "DELETE FROM entries_fts WHERE rowid = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (step_done (self->database, stmt, error))
        {
          stmt = tend_database_prepare (self->database, "DELETE FROM entries WHERE id = ?1", error);
          if (stmt != NULL)
            sqlite3_bind_int64 (stmt, 1, id);
        }
      else
        stmt = NULL;
    }

  if (stmt == NULL || !step_done (self->database, stmt, error))
    {
      tend_database_rollback (self->database);
      return FALSE;
    }

  if (!tend_database_commit (self->database, error))
    return FALSE;

  _tend_entry_list_removed (tend_journal_get_entries (self), id);
  for (guint i = 0; i < self->lists->len; i++)
    _tend_entry_list_removed (g_ptr_array_index (self->lists, i), id);

  if (!load_tags (self, error))
    return FALSE;

  self->generation++;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * tend_journal_restore:
 * @entry: an entry removed with tend_journal_remove()
 *
 * Puts a removed entry back exactly as it was, with its id and uuid.
 */
gboolean
tend_journal_restore (TendJournal  *self,
                      TendEntry    *entry,
                      GError      **error)
{
  gint64 id = 0;

  g_return_val_if_fail (TEND_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (TEND_IS_ENTRY (entry), FALSE);
  g_return_val_if_fail (tend_entry_get_id (entry) > 0, FALSE);

  if (!store_one (self->database, entry, STORE_RESTORE, &id, error))
    return FALSE;

  entry_stored (self, entry, id);
  return TRUE;
}

/**
 * tend_journal_reload:
 *
 * Reads every list and the tags again, after the file changed under the journal, such as
 * after tend_journal_import().
 */
gboolean
tend_journal_reload (TendJournal  *self,
                     GError      **error)
{
  GArray *slots;

  g_return_val_if_fail (TEND_IS_JOURNAL (self), FALSE);

  slots = load_slots (self->database, NULL, error);
  if (slots == NULL)
    return FALSE;
  _tend_entry_list_reset (tend_journal_get_entries (self), slots);

  for (guint i = 0; i < self->lists->len; i++)
    {
      TendEntryList *list = g_ptr_array_index (self->lists, i);

      slots = query_slots (self, tend_entry_list_get_filter (list), error);
      if (slots == NULL)
        return FALSE;
      _tend_entry_list_reset (list, slots);
    }

  if (!load_tags (self, error))
    return FALSE;

  self->generation++;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * tend_journal_unload:
 *
 * Empties every list and the tags, for when the journal's file is closed under it (found
 * damaged and moved aside): no view is left counting check-ins that can no longer be
 * read. tend_journal_reload() fills them again from the file put in its place.
 */
void
tend_journal_unload (TendJournal *self)
{
  g_return_if_fail (TEND_IS_JOURNAL (self));

  _tend_entry_list_reset (tend_journal_get_entries (self),
                          g_array_new (FALSE, FALSE, sizeof (TendEntrySlot)));
  for (guint i = 0; i < self->lists->len; i++)
    _tend_entry_list_reset (g_ptr_array_index (self->lists, i),
                            g_array_new (FALSE, FALSE, sizeof (TendEntrySlot)));
  g_list_store_remove_all (self->tags);
  self->generation++;
}

/* Adds the tags of an imported file that the journal lacks, at the end of the user's list,
 * hidden or not as the file says; tags the journal has keep their place and state. The
 * caller holds a transaction. Runs on any thread. */
static gboolean
store_tags (TendDatabase  *database,
            GPtrArray     *tags,
            gint64         now,
            GError       **error)
{
  for (guint i = 0; tags != NULL && i < tags->len; i++)
    {
      TendTag *tag = g_ptr_array_index (tags, i);
      sqlite3_stmt *stmt;

      stmt = tend_database_prepare (database,
                                    "INSERT INTO tags (name, position, hidden, created_at) "
                                    "SELECT ?1, coalesce (max (position) + 1, 0), ?2, ?3 FROM tags "
                                    "WHERE true ON CONFLICT (name) DO NOTHING",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, tend_tag_get_name (tag), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, !!tend_tag_get_hidden (tag));
      sqlite3_bind_int64 (stmt, 3, now);
      if (!step_done (database, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* The whole of an import, in one transaction. Runs on any thread. */
static gboolean
import_entries (TendDatabase  *database,
                GPtrArray     *entries,
                GPtrArray     *tags,
                guint         *n_added,
                GError       **error)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint added_count = 0;

  if (!tend_database_begin (database, error))
    return FALSE;

  if (!store_tags (database, tags, now, error))
    {
      tend_database_rollback (database);
      return FALSE;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      gint64 id = 0;
      gboolean added = FALSE;

      if (!store_entry (database, g_ptr_array_index (entries, i), STORE_IMPORT, now,
                        &id, &added, error))
        {
          tend_database_rollback (database);
          return FALSE;
        }

      added_count += added;
    }

  if (!tend_database_commit (database, error))
    return FALSE;

  *n_added = added_count;
  return TRUE;
}

/**
 * tend_journal_import:
 * @entries: (element-type TendEntry): entries read from a file
 * @tags: (element-type TendTag) (nullable): tags to add when missing, in the file's order
 * @n_added: (out) (optional): how many were new
 *
 * Stores @entries in one transaction: all of them or, on any error, none. An entry whose
 * uuid is already in the journal is skipped, so importing a file twice adds nothing the
 * second time. Tags of @tags that the journal lacks are added with their hidden state,
 * before the tags of the entries.
 */
gboolean
tend_journal_import (TendJournal  *self,
                     GPtrArray    *entries,
                     GPtrArray    *tags,
                     guint        *n_added,
                     GError      **error)
{
  guint added_count = 0;

  g_return_val_if_fail (TEND_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (entries != NULL, FALSE);

  if (!import_entries (self->database, entries, tags, &added_count, error))
    return FALSE;

  if (n_added != NULL)
    *n_added = added_count;

  return tend_journal_reload (self, error);
}

typedef struct
{
  TendDatabase *database;
  GPtrArray    *entries;
  GPtrArray    *tags;
  guint         n_added;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->database);
  g_clear_pointer (&data->entries, g_ptr_array_unref);
  g_clear_pointer (&data->tags, g_ptr_array_unref);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  GError *error = NULL;

  if (import_entries (data->database, data->entries, data->tags, &data->n_added, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  TendJournal *self = TEND_JOURNAL (object);
  g_autoptr(GTask) task = user_data;
  ImportData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  /* Once committed, the lists are read again even if the caller has gone away. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) ||
      !tend_journal_reload (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_int (task, data->n_added);
}

/**
 * tend_journal_import_async:
 *
 * Like tend_journal_import(), writing on a worker thread; the lists are read again on
 * the main thread before @callback runs. Cancelling only stops waiting: an import that
 * has begun completes or rolls back as a whole.
 */
void
tend_journal_import_async (TendJournal         *self,
                           GPtrArray           *entries,
                           GPtrArray           *tags,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  ImportData *data;

  g_return_if_fail (TEND_IS_JOURNAL (self));
  g_return_if_fail (entries != NULL);

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, tend_journal_import_async);

  data = g_new0 (ImportData, 1);
  data->database = g_object_ref (self->database);
  data->entries = g_ptr_array_ref (entries);
  data->tags = tags != NULL ? g_ptr_array_ref (tags) : NULL;

  inner = g_task_new (self, NULL, import_done_cb, g_steal_pointer (&outer));
  g_task_set_task_data (inner, data, (GDestroyNotify) import_data_free);
  tend_task_run_in_thread (inner, import_thread);
}

gboolean
tend_journal_import_finish (TendJournal   *self,
                            GAsyncResult  *result,
                            guint         *n_added,
                            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gssize added_count;

  g_return_val_if_fail (TEND_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  added_count = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (n_added != NULL)
    *n_added = (guint) added_count;

  return TRUE;
}

/**
 * tend_journal_read_entries:
 * @filter: (nullable): what to keep; %NULL keeps everything
 *
 * Reads every entry @filter keeps at once, the newest first, for an export. Unlike the
 * lists, this may run on any thread.
 *
 * Returns: (transfer container) (element-type TendEntry): the entries, or %NULL with
 *   @error set
 */
GPtrArray *
tend_journal_read_entries (TendJournal       *self,
                           const TendFilter  *filter,
                           GError           **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GArray) slots = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TEND_IS_JOURNAL (self), NULL);

  /* One lock for the whole read, so the entries are those of one moment. */
  tend_database_lock (self->database);

  slots = load_slots (self->database, filter, error);
  if (slots == NULL)
    {
      tend_database_unlock (self->database);
      return NULL;
    }

  entries = g_ptr_array_new_full (slots->len, g_object_unref);
  for (guint i = 0; i < slots->len; i++)
    {
      TendEntry *entry = NULL;
      int rc;

      stmt = tend_database_prepare (self->database, SELECT_ENTRY "WHERE e.id = ?1", error);
      if (stmt == NULL)
        {
          tend_database_unlock (self->database);
          return NULL;
        }

      sqlite3_bind_int64 (stmt, 1, g_array_index (slots, TendEntrySlot, i).id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        entry = entry_from_row (stmt);
      sqlite3_reset (stmt);

      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          tend_database_set_error_from_sqlite (self->database, rc, error);
          tend_database_unlock (self->database);
          return NULL;
        }

      if (entry != NULL)
        g_ptr_array_add (entries, entry);
    }

  tend_database_unlock (self->database);
  return g_steal_pointer (&entries);
}

/* The search index names emotions in the language of the day; when that changes, the
 * names are written again. */
static gboolean
index_emotion_labels (TendJournal  *self,
                      GError      **error)
{
  g_autoptr(GString) signature = g_string_new (NULL);
  g_autofree char *checksum = NULL;
  g_autofree char *stored = NULL;
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < tend_emotion_get_n_emotions (); i++)
    {
      g_string_append (signature, tend_emotion_get_label (tend_emotion_get_nick (i)));
      g_string_append_c (signature, '\n');
    }
  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, signature->str, -1);

  tend_database_lock (self->database);
  stmt = tend_database_prepare (self->database,
                                "SELECT value FROM meta WHERE key = 'emotion-labels'", error);
  if (stmt == NULL)
    {
      tend_database_unlock (self->database);
      return FALSE;
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    stored = g_strdup (column_text (stmt, 0));
  sqlite3_reset (stmt);
  tend_database_unlock (self->database);

  /* A journal that may only be read is searched with the names it was written with. */
  if (g_strcmp0 (stored, checksum) == 0 || tend_database_is_read_only (self->database))
    return TRUE;

  if (!tend_database_begin (self->database, error))
    return FALSE;

  stmt = tend_database_prepare (self->database,
                                "SELECT entry_id, group_concat (emotion, ' ') "
                                "FROM entry_emotions GROUP BY entry_id",
                                error);
  if (stmt == NULL)
    goto failed;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_auto(GStrv) nicks = g_strsplit (column_text (stmt, 1), " ", -1);
      g_autofree char *labels = emotion_labels ((const char * const *) nicks);
      sqlite3_stmt *update;

      update = tend_database_prepare (self->database,
                                      "UPDATE entries_fts SET emotions = ?2 WHERE rowid = ?1",
                                      error);
      if (update == NULL)
        goto failed;
      sqlite3_bind_int64 (update, 1, sqlite3_column_int64 (stmt, 0));
      sqlite3_bind_text (update, 2, labels, -1, SQLITE_TRANSIENT);
      if (!step_done (self->database, update, error))
        goto failed;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      tend_database_set_error_from_sqlite (self->database, rc, error);
      goto failed;
    }

  stmt = tend_database_prepare (self->database,
                                "INSERT OR REPLACE INTO meta (key, value) "
                                "VALUES ('emotion-labels', ?1)",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, checksum, -1, SQLITE_TRANSIENT);
  if (!step_done (self->database, stmt, error))
    goto failed;

  return tend_database_commit (self->database, error);

failed:
  tend_database_rollback (self->database);
  return FALSE;
}

/**
 * tend_journal_load:
 *
 * Reads the list of entries and the tags, replacing what the journal held.
 */
gboolean
tend_journal_load (TendJournal  *self,
                   GError      **error)
{
  g_return_val_if_fail (TEND_IS_JOURNAL (self), FALSE);

  if (!index_emotion_labels (self, error))
    return FALSE;

  return tend_journal_reload (self, error);
}

/* Calendar ----------------------------------------------------------------------------- */

/**
 * tend_journal_get_day_moods:
 * @first: the first day
 * @last: the last day, included
 *
 * Returns: (transfer full) (element-type TendDayMood): the days from @first to @last that
 *   have entries, in order, with their mean mood; %NULL with @error set on failure
 */
GArray *
tend_journal_get_day_moods (TendJournal  *self,
                            const GDate  *first,
                            const GDate  *last,
                            GError      **error)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (TendDayMood));
  sqlite3_stmt *stmt;
  gint64 from, until;
  int rc;

  g_return_val_if_fail (TEND_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (g_date_valid (first) && g_date_valid (last), NULL);

  from = day_start_seconds (first);
  until = day_start_seconds (last) + 86400;

  tend_database_lock (self->database);
  stmt = tend_database_prepare (self->database,
                                "SELECT (occurred_at + utc_offset) / 86400 AS day, avg (mood), "
                                "  count (*) FROM entries "
                                "WHERE occurred_at BETWEEN ?1 - 86400 AND ?2 + 86400 "
                                "  AND occurred_at + utc_offset >= ?1 "
                                "  AND occurred_at + utc_offset < ?2 "
                                "GROUP BY day ORDER BY day",
                                error);
  if (stmt == NULL)
    {
      tend_database_unlock (self->database);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, until);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TendDayMood day = { 0 };

      g_date_clear (&day.day, 1);
      g_date_set_julian (&day.day, (guint32) (sqlite3_column_int64 (stmt, 0) + UNIX_EPOCH_JULIAN));
      day.mean = sqlite3_column_double (stmt, 1);
      day.n_entries = (guint) sqlite3_column_int (stmt, 2);
      g_array_append_val (days, day);
    }
  sqlite3_reset (stmt);
  tend_database_unlock (self->database);

  if (rc != SQLITE_DONE)
    {
      tend_database_set_error_from_sqlite (self->database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&days);
}

/* Drafts ------------------------------------------------------------------------------- */

/**
 * tend_journal_save_draft:
 * @slot: which editor the draft belongs to, such as "check-in"
 *
 * Keeps @draft on disk until tend_journal_clear_draft(), replacing the slot's last one.
 */
gboolean
tend_journal_save_draft (TendJournal      *self,
                         const char       *slot,
                         const TendDraft  *draft,
                         GError          **error)
{
  g_autofree char *emotions = NULL;
  g_autofree char *tags = NULL;
  sqlite3_stmt *stmt;
  gboolean ret;

  g_return_val_if_fail (TEND_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (slot != NULL, FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  emotions = g_strjoinv (" ", draft->emotions);
  tags = g_strjoinv (TAG_SEPARATOR, draft->tags);

  tend_database_lock (self->database);
  stmt = tend_database_prepare (self->database,
                                "INSERT OR REPLACE INTO drafts (slot, entry_uuid, mood, energy, "
                                "  emotions, tags, note, occurred_at, utc_offset, saved_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                error);
  if (stmt == NULL)
    {
      tend_database_unlock (self->database);
      return FALSE;
    }

  sqlite3_bind_text (stmt, 1, slot, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, draft->entry_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, draft->mood);
  sqlite3_bind_int (stmt, 4, draft->energy);
  sqlite3_bind_text (stmt, 5, emotions, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, tags, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, draft->note != NULL ? draft->note : "", -1, SQLITE_TRANSIENT);
  if (draft->occurred_at != NULL)
    {
      sqlite3_bind_int64 (stmt, 8, g_date_time_to_unix (draft->occurred_at));
      sqlite3_bind_int (stmt, 9,
                        (int) (g_date_time_get_utc_offset (draft->occurred_at) / G_USEC_PER_SEC));
    }
  else
    sqlite3_bind_int (stmt, 9, 0);
  sqlite3_bind_int64 (stmt, 10, g_get_real_time () / G_USEC_PER_SEC);

  ret = step_done (self->database, stmt, error);
  tend_database_unlock (self->database);

  return ret;
}

/**
 * tend_journal_load_draft:
 *
 * Returns: (transfer full) (nullable): the draft kept in @slot, or %NULL
 */
TendDraft *
tend_journal_load_draft (TendJournal *self,
                         const char  *slot)
{
  g_autoptr(GError) error = NULL;
  TendDraft *draft = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TEND_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (slot != NULL, NULL);

  tend_database_lock (self->database);
  stmt = tend_database_prepare (self->database,
                                "SELECT entry_uuid, mood, energy, emotions, tags, note, "
                                "  occurred_at, utc_offset, saved_at FROM drafts WHERE slot = ?1",
                                &error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, slot, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_auto(GStrv) emotions = g_strsplit (column_text (stmt, 3), " ", -1);
          g_auto(GStrv) tags = g_strsplit (column_text (stmt, 4), TAG_SEPARATOR, -1);
          int mood = sqlite3_column_int (stmt, 1);
          int energy = sqlite3_column_int (stmt, 2);

          draft = tend_draft_new ();
          if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
            draft->entry_uuid = g_strdup (column_text (stmt, 0));
          draft->mood = tend_mood_is_valid (mood) ? mood : TEND_MOOD_NONE;
          draft->energy = tend_energy_is_valid (energy) ? energy : TEND_ENERGY_NONE;
          g_strfreev (draft->emotions);
          draft->emotions = tend_emotion_normalize ((const char * const *) emotions);
          g_strfreev (draft->tags);
          draft->tags = g_strdupv (tags[0] != NULL && tags[0][0] != '\0' ? tags : NULL);
          if (draft->tags == NULL)
            draft->tags = g_new0 (char *, 1);
          g_free (draft->note);
          draft->note = g_utf8_make_valid (column_text (stmt, 5), -1);
          if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
            draft->occurred_at = date_time_from_row (sqlite3_column_int64 (stmt, 6),
                                                     sqlite3_column_int (stmt, 7));
          draft->saved_at = sqlite3_column_int64 (stmt, 8);
        }
      sqlite3_reset (stmt);
    }
  tend_database_unlock (self->database);

  if (error != NULL)
    g_warning ("Could not read the draft: %s", error->message);

  return draft;
}

gboolean
tend_journal_clear_draft (TendJournal  *self,
                          const char   *slot,
                          GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean ret;

  g_return_val_if_fail (TEND_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (slot != NULL, FALSE);

  tend_database_lock (self->database);
  stmt = tend_database_prepare (self->database, "DELETE FROM drafts WHERE slot = ?1", error);
  if (stmt == NULL)
    {
      tend_database_unlock (self->database);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, slot, -1, SQLITE_TRANSIENT);
  ret = step_done (self->database, stmt, error);
  tend_database_unlock (self->database);

  return ret;
}
