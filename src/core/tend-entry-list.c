/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-entry-list"

#include "config.h"

#include "tend-entry-list-private.h"
#include "tend-entry-private.h"

/* 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, the range of a GDateTime */
#define TEND_ENTRY_LIST_MIN_TIME G_GINT64_CONSTANT (-62135596800)
#define TEND_ENTRY_LIST_MAX_TIME G_GINT64_CONSTANT (253402300799)

/* A list of check-ins, the newest first: the whole journal, or what a filter keeps. It
 * holds only each entry's id, time and mood, 24 bytes an entry, and reads an entry from the
 * database when a view asks for it, so a journal of 100,000 entries opens at once and
 * costs a few megabytes. Entries that are in use are kept, so asking twice gives the
 * same object. The journal keeps its lists up to date as it writes. */
struct _TendEntryList
{
  GObject      parent_instance;

  /* Unowned: the journal owns its lists, or outlives them */
  TendJournal *journal;

  /* Owned */
  TendFilter  *filter;
  char        *match;  /* the searched text, for snippets; NULL without text */
  GArray      *slots;  /* TendEntrySlot, newest first */
  GHashTable  *alive;  /* id → TendEntry, weak */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TendEntryList, tend_entry_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
tend_entry_list_get_item_type (GListModel *model)
{
  return TEND_TYPE_ENTRY;
}

static guint
tend_entry_list_get_n_items (GListModel *model)
{
  return TEND_ENTRY_LIST (model)->slots->len;
}

static void
entry_finalized_cb (gpointer  data,
                    GObject  *where_the_object_was)
{
  TendEntryList *self = data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->alive);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == (gpointer) where_the_object_was)
      {
        g_hash_table_iter_remove (&iter);
        break;
      }
}

static void
forget_entry (gpointer data,
              gpointer user_data)
{
  g_object_weak_unref (data, entry_finalized_cb, user_data);
}

/* The stand-in of an entry that cannot be read, at the slot's time: in its own time zone
 * when that can be shown, else in UTC, else at the nearest time GLib can hold. */
static TendEntry *
new_unreadable (const TendEntrySlot *slot)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (slot->utc_offset);

  utc = g_date_time_new_from_unix_utc (CLAMP (slot->occurred_at, TEND_ENTRY_LIST_MIN_TIME,
                                              TEND_ENTRY_LIST_MAX_TIME));
  g_assert (utc != NULL);
  if (zone != NULL)
    local = g_date_time_to_timezone (utc, zone);

  return _tend_entry_new_unreadable (slot->id, local != NULL ? local : utc);
}

static gpointer
tend_entry_list_get_item (GListModel *model,
                          guint       position)
{
  TendEntryList *self = TEND_ENTRY_LIST (model);
  const TendEntrySlot *slot;
  TendEntry *entry;

  if (position >= self->slots->len)
    return NULL;

  slot = &g_array_index (self->slots, TendEntrySlot, position);
  entry = g_hash_table_lookup (self->alive, &slot->id);
  if (entry != NULL)
    return g_object_ref (entry);

  /* A list must hand out an item for every position it counts: a row that cannot be read
   * now (damaged, or the journal closed under a view) is shown as such, never as nothing. */
  entry = self->journal != NULL ? _tend_journal_fetch (self->journal, slot->id, self->match)
                                : NULL;
  if (entry == NULL)
    entry = new_unreadable (slot);

  g_hash_table_insert (self->alive, g_memdup2 (&slot->id, sizeof slot->id), entry);
  g_object_weak_ref (G_OBJECT (entry), entry_finalized_cb, self);

  return entry;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = tend_entry_list_get_item_type;
  iface->get_n_items = tend_entry_list_get_n_items;
  iface->get_item = tend_entry_list_get_item;
}

static void
drop_alive (TendEntryList *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->alive);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      forget_entry (value, self);
      g_hash_table_iter_remove (&iter);
    }
}

static void
tend_entry_list_dispose (GObject *object)
{
  TendEntryList *self = TEND_ENTRY_LIST (object);

  if (self->alive != NULL)
    drop_alive (self);
  g_clear_weak_pointer (&self->journal);

  G_OBJECT_CLASS (tend_entry_list_parent_class)->dispose (object);
}

static void
tend_entry_list_finalize (GObject *object)
{
  TendEntryList *self = TEND_ENTRY_LIST (object);

  g_clear_pointer (&self->filter, tend_filter_free);
  g_clear_pointer (&self->match, g_free);
  g_clear_pointer (&self->slots, g_array_unref);
  g_clear_pointer (&self->alive, g_hash_table_unref);

  G_OBJECT_CLASS (tend_entry_list_parent_class)->finalize (object);
}

static void
tend_entry_list_class_init (TendEntryListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tend_entry_list_dispose;
  object_class->finalize = tend_entry_list_finalize;
}

static void
tend_entry_list_init (TendEntryList *self)
{
  self->alive = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

TendEntryList *
_tend_entry_list_new (TendJournal      *journal,
                      const TendFilter *filter,
                      GArray           *slots)
{
  TendEntryList *self = g_object_new (TEND_TYPE_ENTRY_LIST, NULL);

  g_set_weak_pointer (&self->journal, journal);
  self->filter = filter != NULL ? tend_filter_copy (filter) : tend_filter_new ();
  self->match = g_strdup (tend_filter_get_text (self->filter));
  self->slots = slots;

  return self;
}

/**
 * tend_entry_list_get_filter:
 *
 * Returns: (transfer none): what the list keeps of the journal
 */
const TendFilter *
tend_entry_list_get_filter (TendEntryList *self)
{
  g_return_val_if_fail (TEND_IS_ENTRY_LIST (self), NULL);

  return self->filter;
}

static gint64
local_day (const TendEntrySlot *slot)
{
  gint64 local = slot->occurred_at + slot->utc_offset;

  return local >= 0 ? local / 86400 : (local - 86399) / 86400;
}

/**
 * tend_entry_list_get_day_range:
 * @out_start: (out): the first position of the day of @position
 * @out_end: (out): the position after its last
 *
 * Finds the entries written on the same day as the one at @position, in the time zone
 * each was written in, without reading any of them.
 *
 * Returns: %FALSE when @position is past the end
 */
gboolean
tend_entry_list_get_day_range (TendEntryList *self,
                               guint          position,
                               guint         *out_start,
                               guint         *out_end)
{
  const TendEntrySlot *slots;
  gint64 day;
  guint start, end;

  g_return_val_if_fail (TEND_IS_ENTRY_LIST (self), FALSE);

  if (position >= self->slots->len)
    return FALSE;

  slots = (const TendEntrySlot *) (gpointer) self->slots->data;
  day = local_day (&slots[position]);

  for (start = position; start > 0 && local_day (&slots[start - 1]) == day; start--)
    ;
  for (end = position + 1; end < self->slots->len && local_day (&slots[end]) == day; end++)
    ;

  *out_start = start;
  *out_end = end;
  return TRUE;
}

/**
 * tend_entry_list_find:
 *
 * Returns: the position of the entry with @id, or %G_MAXUINT when the list lacks it
 */
guint
tend_entry_list_find (TendEntryList *self,
                      gint64         id)
{
  g_return_val_if_fail (TEND_IS_ENTRY_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->slots->len; i++)
    if (g_array_index (self->slots, TendEntrySlot, i).id == id)
      return i;

  return G_MAXUINT;
}

static int
compare_slots (const TendEntrySlot *a,
               const TendEntrySlot *b)
{
  if (a->occurred_at != b->occurred_at)
    return a->occurred_at > b->occurred_at ? -1 : 1;

  return (b->id > a->id) - (b->id < a->id);
}

static void
forget_id (TendEntryList *self,
           gint64         id)
{
  TendEntry *entry = g_hash_table_lookup (self->alive, &id);

  if (entry == NULL)
    return;

  forget_entry (entry, self);
  g_hash_table_remove (self->alive, &id);
}

/* The journal stored the entry of @slot, new or changed, which @matches the filter or
 * not. The list gains, loses, moves or refreshes it. */
void
_tend_entry_list_stored (TendEntryList       *self,
                         const TendEntrySlot *slot,
                         gboolean             matches)
{
  guint old_position = tend_entry_list_find (self, slot->id);
  guint position = 0, end;

  forget_id (self, slot->id);

  if (old_position != G_MAXUINT)
    {
      const TendEntrySlot *old = &g_array_index (self->slots, TendEntrySlot, old_position);

      if (matches && old->occurred_at == slot->occurred_at)
        {
          g_array_index (self->slots, TendEntrySlot, old_position) = *slot;
          g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 1);
          return;
        }

      g_array_remove_index (self->slots, old_position);
      g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);
    }

  if (!matches)
    return;

  /* Binary search: new check-ins usually land at the top, back-dated ones further down. */
  end = self->slots->len;
  while (position < end)
    {
      guint middle = position + (end - position) / 2;

      if (compare_slots (&g_array_index (self->slots, TendEntrySlot, middle), slot) < 0)
        position = middle + 1;
      else
        end = middle;
    }

  g_array_insert_val (self->slots, position, *slot);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

void
_tend_entry_list_removed (TendEntryList *self,
                          gint64         id)
{
  guint position = tend_entry_list_find (self, id);

  forget_id (self, id);

  if (position == G_MAXUINT)
    return;

  g_array_remove_index (self->slots, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

/* Entries in use are read again, after a change that touches many, such as a renamed
 * tag; views redraw them where they are. */
void
_tend_entry_list_refresh (TendEntryList *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->alive);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);

  drop_alive (self);

  for (guint i = 0; i < ids->len; i++)
    {
      guint position = tend_entry_list_find (self, g_array_index (ids, gint64, i));

      if (position != G_MAXUINT)
        g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
    }
}

/* After a change too large to follow entry by entry, such as an import or a restored
 * backup, the list takes @slots as its new content. */
void
_tend_entry_list_reset (TendEntryList *self,
                        GArray        *slots)
{
  guint old_len = self->slots->len;

  drop_alive (self);
  g_array_unref (self->slots);
  self->slots = slots;

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->slots->len);
}

/* The list's slots, newest first, for the journal to filter without reading entries. */
GArray *
_tend_entry_list_get_slots (TendEntryList *self)
{
  return self->slots;
}
