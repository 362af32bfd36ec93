/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-journal"

#include "config.h"

#include <glib/gi18n.h>

#include "tend-entry-private.h"
#include "tend-journal.h"

/* The journal's check-ins as a GListModel, the newest first. Writes go to the database
 * first; an entry appears in the model only once it is safely stored. */
struct _TendJournal
{
  GObject       parent_instance;

  /* Owned */
  TendDatabase *database;
  GPtrArray    *entries; /* TendEntry, sorted by tend_entry_compare() */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TendJournal, tend_journal, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static GType
tend_journal_get_item_type (GListModel *model)
{
  return TEND_TYPE_ENTRY;
}

static guint
tend_journal_get_n_items (GListModel *model)
{
  return TEND_JOURNAL (model)->entries->len;
}

static gpointer
tend_journal_get_item (GListModel *model,
                       guint       position)
{
  TendJournal *self = TEND_JOURNAL (model);

  if (position >= self->entries->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->entries, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = tend_journal_get_item_type;
  iface->get_n_items = tend_journal_get_n_items;
  iface->get_item = tend_journal_get_item;
}

static void
tend_journal_dispose (GObject *object)
{
  TendJournal *self = TEND_JOURNAL (object);

  g_clear_object (&self->database);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (tend_journal_parent_class)->dispose (object);
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
  object_class->get_property = tend_journal_get_property;
  object_class->set_property = tend_journal_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, TEND_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tend_journal_init (TendJournal *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
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

/**
 * tend_journal_load:
 *
 * Reads every check-in from the database, replacing what the model held.
 */
gboolean
tend_journal_load (TendJournal  *self,
                   GError      **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  guint old_len;
  int rc;

  g_return_val_if_fail (TEND_IS_JOURNAL (self), FALSE);

  db = tend_database_get_handle (self->database);
  rc = sqlite3_prepare_v2 (db,
                           "SELECT id, uuid, occurred_at, utc_offset, mood, note FROM entries "
                           "ORDER BY occurred_at DESC, id DESC",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return tend_database_set_error_from_sqlite (self->database, rc, error);

  loaded = g_ptr_array_new_with_free_func (g_object_unref);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) occurred_at = NULL;
      g_autofree char *note = NULL;
      const char *uuid = (const char *) sqlite3_column_text (stmt, 1);
      const char *stored_note = (const char *) sqlite3_column_text (stmt, 5);
      int mood = sqlite3_column_int (stmt, 4);

      occurred_at = date_time_from_row (sqlite3_column_int64 (stmt, 2),
                                        sqlite3_column_int (stmt, 3));

      /* A note that another program left as invalid UTF-8 is shown with replacement
       * characters; the stored bytes are not touched. */
      note = g_utf8_make_valid (stored_note != NULL ? stored_note : "", -1);

      /* The schema's CHECK keeps moods valid; a row that is still unreadable is skipped
       * with a warning rather than taking the whole journal down with it. */
      if (occurred_at == NULL || uuid == NULL || !tend_mood_is_valid (mood))
        {
          g_warning ("Skipping unreadable journal entry %" G_GINT64_FORMAT,
                     (gint64) sqlite3_column_int64 (stmt, 0));
          continue;
        }

      g_ptr_array_add (loaded, _tend_entry_new_stored (sqlite3_column_int64 (stmt, 0),
                                                       uuid, mood, note, occurred_at));
    }

  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return tend_database_set_error_from_sqlite (self->database, rc, error);

  old_len = self->entries->len;
  g_ptr_array_unref (self->entries);
  self->entries = g_steal_pointer (&loaded);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->entries->len);

  return TRUE;
}

/* Runs on any thread: the connection is serialized. */
static gboolean
insert_entry (TendDatabase  *database,
              TendEntry     *entry,
              gint64        *id,
              GError       **error)
{
  sqlite3 *db = tend_database_get_handle (database);
  GDateTime *occurred_at = tend_entry_get_occurred_at (entry);
  sqlite3_stmt *stmt = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "INSERT INTO entries "
                           "(uuid, occurred_at, utc_offset, mood, note, created_at, updated_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) RETURNING id",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return tend_database_set_error_from_sqlite (database, rc, error);

  sqlite3_bind_text (stmt, 1, tend_entry_get_uuid (entry), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (occurred_at));
  sqlite3_bind_int (stmt, 3, (int) (g_date_time_get_utc_offset (occurred_at) / G_USEC_PER_SEC));
  sqlite3_bind_int (stmt, 4, tend_entry_get_mood (entry));
  sqlite3_bind_text (stmt, 5, tend_entry_get_note (entry), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, now);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }

  if (rc != SQLITE_DONE)
    {
      tend_database_set_error_from_sqlite (database, rc, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  sqlite3_finalize (stmt);
  return TRUE;
}

static void
insert_into_model (TendJournal *self,
                   TendEntry   *entry,
                   gint64       id)
{
  guint position = 0;
  guint end = self->entries->len;

  _tend_entry_set_id (entry, id);

  /* Binary search: new check-ins usually land at the top, back-dated ones further down. */
  while (position < end)
    {
      guint middle = position + (end - position) / 2;

      if (tend_entry_compare (g_ptr_array_index (self->entries, middle), entry) < 0)
        position = middle + 1;
      else
        end = middle;
    }

  g_ptr_array_insert (self->entries, position, g_object_ref (entry));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

/**
 * tend_journal_add:
 * @entry: a check-in that is not stored yet
 *
 * Stores @entry and, once it is on disk, shows it in the model. This blocks on the disk;
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

  if (!insert_entry (self->database, entry, &id, error))
    return FALSE;

  insert_into_model (self, entry, id);
  return TRUE;
}

typedef struct
{
  TendDatabase *database;
  TendEntry    *entry;
  gint64        id;
} AddData;

static void
add_data_free (AddData *data)
{
  g_clear_object (&data->database);
  g_clear_object (&data->entry);
  g_free (data);
}

static void
add_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  AddData *data = task_data;
  GError *error = NULL;

  if (insert_entry (data->database, data->entry, &data->id, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
add_inserted_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  TendJournal *self = TEND_JOURNAL (object);
  g_autoptr(GTask) task = user_data;
  AddData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Stored: from here the check-in is shown even if the caller has gone away. */
  if (self->entries != NULL)
    insert_into_model (self, data->entry, data->id);

  g_task_return_boolean (task, TRUE);
}

/**
 * tend_journal_add_async:
 *
 * Stores @entry on a worker thread; the model gains it on the main thread once it is on
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
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  AddData *data;

  g_return_if_fail (TEND_IS_JOURNAL (self));
  g_return_if_fail (TEND_IS_ENTRY (entry));
  g_return_if_fail (tend_entry_get_id (entry) == 0);

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, tend_journal_add_async);

  data = g_new0 (AddData, 1);
  data->database = g_object_ref (self->database);
  data->entry = g_object_ref (entry);

  inner = g_task_new (self, NULL, add_inserted_cb, g_steal_pointer (&outer));
  g_task_set_task_data (inner, data, (GDestroyNotify) add_data_free);
  g_task_run_in_thread (inner, add_thread);
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
