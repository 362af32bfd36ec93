/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tend-date.h"
#include "tend-day-sections.h"
#include "tend-entry-list.h"

/* Passes a list of entries through unchanged and groups it into days for GtkListView's
 * section headers. The list is already in time order, so a day's entries are neighbours
 * and a section is found by looking at the entries next to a position; nothing is sorted
 * or copied. */
struct _TendDaySections
{
  GObject     parent_instance;

  /* Owned */
  GListModel *entries;
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
tend_day_sections_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (TEND_DAY_SECTIONS (model)->entries);
}

static gpointer
tend_day_sections_get_item (GListModel *model,
                            guint       position)
{
  return g_list_model_get_item (TEND_DAY_SECTIONS (model)->entries, position);
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
  guint n_items = g_list_model_get_n_items (self->entries);
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
    return;

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
  guint n_items = g_list_model_get_n_items (self->entries);
  guint first = position, last = position + added, start, end;

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
