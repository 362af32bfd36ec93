/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tend-date.h"
#include "tend-day-sections.h"
#include "tend-entry-list.h"

/* Passes a list of entries through unchanged and groups it into days for GtkListView's
 * section headers. The list is already in time order, so a day's entries are neighbours
 * and a section is found by looking at the entries next to a position; nothing is sorted
 * or copied.
 *
 * It can also show only the first entries of the list, up to a limit that the journal
 * page raises a few rows a frame. A list view makes a row for each of up to 200 items
 * around its first one, whatever its height, so a long journal shown whole costs 200
 * rows before its first frame; shown from a short start, the first frame needs only the
 * rows that fit, and the others follow over the next frames. */
struct _TendDaySections
{
  GObject     parent_instance;

  /* Owned */
  GListModel *entries;

  guint       limit;  /* G_MAXUINT: the whole list */
};

static void list_model_iface_init (GListModelInterface *iface);
static void section_model_iface_init (GtkSectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TendDaySections, tend_day_sections, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SECTION_MODEL,
                                                      section_model_iface_init))

static GType
tend_day_sections_get_item_type (GListModel *model)
{
  return TEND_TYPE_ENTRY;
}

static guint
n_shown (TendDaySections *self)
{
  return MIN (g_list_model_get_n_items (self->entries), self->limit);
}

static guint
tend_day_sections_get_n_items (GListModel *model)
{
  return n_shown (TEND_DAY_SECTIONS (model));
}

static gpointer
tend_day_sections_get_item (GListModel *model,
                            guint       position)
{
  TendDaySections *self = TEND_DAY_SECTIONS (model);

  if (position >= self->limit)
    return NULL;

  return g_list_model_get_item (self->entries, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = tend_day_sections_get_item_type;
  iface->get_n_items = tend_day_sections_get_n_items;
  iface->get_item = tend_day_sections_get_item;
}

static gboolean
same_day_at (GListModel *entries,
             guint       position,
             GDateTime  *day)
{
  g_autoptr(TendEntry) entry = g_list_model_get_item (entries, position);

  return tend_date_same_day (tend_entry_get_occurred_at (entry), day);
}

static void
tend_day_sections_get_section (GtkSectionModel *model,
                               guint            position,
                               guint           *out_start,
                               guint           *out_end)
{
  TendDaySections *self = TEND_DAY_SECTIONS (model);
  guint n_items = n_shown (self);
  g_autoptr(TendEntry) entry = NULL;
  GDateTime *day;
  guint start, end;

  if (position >= n_items)
    {
      *out_start = n_items;
      *out_end = G_MAXUINT;
      return;
    }

  /* The journal's lists know each entry's day without reading it. */
  if (TEND_IS_ENTRY_LIST (self->entries) &&
      tend_entry_list_get_day_range (TEND_ENTRY_LIST (self->entries), position, out_start, out_end))
    {
      *out_end = MIN (*out_end, n_items);
      return;
    }

  entry = g_list_model_get_item (self->entries, position);
  day = tend_entry_get_occurred_at (entry);

  for (start = position; start > 0 && same_day_at (self->entries, start - 1, day); start--)
    ;
  for (end = position + 1; end < n_items && same_day_at (self->entries, end, day); end++)
    ;

  *out_start = start;
  *out_end = end;
}

static void
section_model_iface_init (GtkSectionModelInterface *iface)
{
  iface->get_section = tend_day_sections_get_section;
}

static void
entries_changed_cb (TendDaySections *self,
                    guint            position,
                    guint            removed,
                    guint            added)
{
  guint n_items = n_shown (self);
  guint first = position, last = position + added, start, end;

  if (self->limit != G_MAXUINT)
    {
      /* Only the shown start of the list can change; when the change moves entries
       * across the limit, everything from the change to the limit is replaced. */
      guint n_before = MIN (g_list_model_get_n_items (self->entries) - added + removed,
                            self->limit);

      if (position >= self->limit)
        return;
      removed = n_before - position;
      added = n_items - position;
      last = position + added;
    }

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);

  /* A change can join or split only the days on either side of it: from the start of
   * the day before it to the end of the day after it. Nothing further is looked at, so
   * a check-in saved into a long journal costs the same as into a short one. */
  if (n_items == 0)
    return;
  if (first > 0)
    {
      tend_day_sections_get_section (GTK_SECTION_MODEL (self), first - 1, &start, &end);
      first = start;
    }
  if (last < n_items)
    {
      tend_day_sections_get_section (GTK_SECTION_MODEL (self), last, &start, &end);
      last = end;
    }
  last = MIN (last, n_items);
  if (last > first)
    gtk_section_model_sections_changed (GTK_SECTION_MODEL (self), first, last - first);
}

static void
tend_day_sections_dispose (GObject *object)
{
  TendDaySections *self = TEND_DAY_SECTIONS (object);

  g_clear_object (&self->entries);

  G_OBJECT_CLASS (tend_day_sections_parent_class)->dispose (object);
}

static void
tend_day_sections_class_init (TendDaySectionsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tend_day_sections_dispose;
}

static void
tend_day_sections_init (TendDaySections *self)
{
  self->limit = G_MAXUINT;
}

/**
 * tend_day_sections_new:
 * @entries: a list of #TendEntry in time order
 */
TendDaySections *
tend_day_sections_new (GListModel *entries)
{
  TendDaySections *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (entries), NULL);

  self = g_object_new (TEND_TYPE_DAY_SECTIONS, NULL);
  self->entries = g_object_ref (entries);
  g_signal_connect_object (entries, "items-changed",
                           G_CALLBACK (entries_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * tend_day_sections_get_limit:
 *
 * Returns: how many entries of the list are shown at most; %G_MAXUINT for all of them
 */
guint
tend_day_sections_get_limit (TendDaySections *self)
{
  g_return_val_if_fail (TEND_IS_DAY_SECTIONS (self), G_MAXUINT);

  return self->limit;
}

/**
 * tend_day_sections_set_limit:
 * @limit: how many entries of the list to show at most; %G_MAXUINT for all of them
 *
 * Shows only the first entries of the list, or more of them, or all of them.
 */
void
tend_day_sections_set_limit (TendDaySections *self,
                             guint            limit)
{
  guint n_before, n_after;

  g_return_if_fail (TEND_IS_DAY_SECTIONS (self));

  if (limit == self->limit)
    return;

  n_before = n_shown (self);
  self->limit = limit;
  n_after = n_shown (self);

  if (n_after > n_before)
    g_list_model_items_changed (G_LIST_MODEL (self), n_before, 0, n_after - n_before);
  else if (n_after < n_before)
    g_list_model_items_changed (G_LIST_MODEL (self), n_after, n_before - n_after, 0);
  else
    return;

  /* The last shown day may have been cut short, or be cut short now. */
  if (MIN (n_before, n_after) > 0)
    {
      guint start, end;

      tend_day_sections_get_section (GTK_SECTION_MODEL (self), MIN (n_before, n_after) - 1,
                                     &start, &end);
      gtk_section_model_sections_changed (GTK_SECTION_MODEL (self), start,
                                          MIN (end, MAX (n_before, n_after)) - start);
    }
}
