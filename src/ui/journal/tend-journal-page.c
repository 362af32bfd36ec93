/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-journal-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tend-date.h"
#include "tend-day-sections.h"
#include "tend-entry-row.h"
#include "tend-journal-page.h"

/* Every check-in, the newest first, under a heading for each day. */
struct _TendJournalPage
{
  AdwBin           parent_instance;

  /* Template widgets */
  GtkStack        *stack;
  GtkListView     *list_view;

  /* Owned */
  TendContext     *context;
  TendDaySections *sections;
};

G_DEFINE_FINAL_TYPE (TendJournalPage, tend_journal_page, ADW_TYPE_BIN)

enum {
  SIGNAL_CHECK_IN_REQUESTED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static void
update_visible_page (TendJournalPage *self)
{
  gboolean empty = self->sections == NULL ||
                   g_list_model_get_n_items (G_LIST_MODEL (self->sections)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "entries");
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TendJournalPage          *self)
{
  gtk_list_item_set_child (item, tend_entry_row_new ());
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             TendJournalPage          *self)
{
  TendEntryRow *row = TEND_ENTRY_ROW (gtk_list_item_get_child (item));
  g_autofree char *description = NULL;

  tend_entry_row_set_entry (row, gtk_list_item_get_item (item));
  description = tend_entry_row_describe (row);
  gtk_list_item_set_accessible_label (item, description);
}

static void
setup_header_cb (GtkSignalListItemFactory *factory,
                 GtkListHeader            *header,
                 TendJournalPage          *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "day-heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_list_header_set_child (header, label);
}

static void
bind_header_cb (GtkSignalListItemFactory *factory,
                GtkListHeader            *header,
                TendJournalPage          *self)
{
  TendEntry *entry = gtk_list_header_get_item (header);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;

  if (entry == NULL || self->context == NULL)
    return;

  now = tend_clock_get_now (tend_context_get_clock (self->context));
  text = tend_date_format_day (tend_entry_get_occurred_at (entry), now);
  gtk_label_set_label (GTK_LABEL (gtk_list_header_get_child (header)), text);
}

static void
check_in_clicked_cb (TendJournalPage *self)
{
  g_signal_emit (self, signals[SIGNAL_CHECK_IN_REQUESTED], 0);
}

static void
tend_journal_page_dispose (GObject *object)
{
  TendJournalPage *self = TEND_JOURNAL_PAGE (object);

  g_clear_object (&self->sections);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (tend_journal_page_parent_class)->dispose (object);
}

static void
tend_journal_page_class_init (TendJournalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tend_journal_page_dispose;

  /**
   * TendJournalPage::check-in-requested:
   *
   * The empty journal's button asks for a first check-in.
   */
  signals[SIGNAL_CHECK_IN_REQUESTED] =
    g_signal_new ("check-in-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/tend-journal-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TendJournalPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TendJournalPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, check_in_clicked_cb);
}

static void
tend_journal_page_init (TendJournalPage *self)
{
  GtkListItemFactory *factory;
  GtkListItemFactory *header_factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  header_factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (header_factory, "setup", G_CALLBACK (setup_header_cb), self, 0);
  g_signal_connect_object (header_factory, "bind", G_CALLBACK (bind_header_cb), self, 0);
  gtk_list_view_set_header_factory (self->list_view, header_factory);
  g_object_unref (header_factory);

  update_visible_page (self);
}

/**
 * tend_journal_page_set_context:
 * @context: Tend's data, with its journal open
 */
void
tend_journal_page_set_context (TendJournalPage *self,
                               TendContext     *context)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (TEND_IS_JOURNAL_PAGE (self));
  g_return_if_fail (TEND_IS_CONTEXT (context));
  g_return_if_fail (tend_context_get_journal (context) != NULL);

  if (!g_set_object (&self->context, context))
    return;

  if (self->sections != NULL)
    g_signal_handlers_disconnect_by_data (self->sections, self);
  g_clear_object (&self->sections);

  self->sections = tend_day_sections_new (G_LIST_MODEL (tend_journal_get_entries (tend_context_get_journal (context))));
  g_signal_connect_object (self->sections, "items-changed",
                           G_CALLBACK (update_visible_page), self, G_CONNECT_SWAPPED);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sections)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  update_visible_page (self);
}
