/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-calendar-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tend-calendar-page.h"
#include "tend-date.h"
#include "tend-entry-row.h"
#include "tend-month-grid.h"

/* The month, coloured by mood, and the check-ins of the day picked in it: beside the month
 * on a wide window, under it on a narrow one. */
struct _TendCalendarPage
{
  AdwBreakpointBin  parent_instance;

  /* Template widgets */
  TendMonthGrid    *month_grid;
  GtkLabel         *day_label;
  GtkStack         *day_stack;
  GtkListBox       *entry_list;
  GtkLabel         *empty_label;
  GtkWidget        *add_button;

  /* Owned */
  TendContext      *context;
  TendEntryList    *entries;
};

G_DEFINE_FINAL_TYPE (TendCalendarPage, tend_calendar_page, ADW_TYPE_BREAKPOINT_BIN)

enum {
  SIGNAL_ENTRY_ACTIVATED,
  SIGNAL_CHECK_IN_REQUESTED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static GDateTime *
get_now (TendCalendarPage *self)
{
  if (self->context == NULL)
    return g_date_time_new_now_local ();

  return tend_clock_get_now (tend_context_get_clock (self->context));
}

static void
update_today (TendCalendarPage *self)
{
  g_autoptr(GDateTime) now = get_now (self);
  g_autoptr(GDateTime) local_now = g_date_time_to_local (now);
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (local_now),
                  g_date_time_get_month (local_now), g_date_time_get_year (local_now));
  tend_month_grid_set_today (self->month_grid, &today);
}

static void
update_visible_page (TendCalendarPage *self)
{
  gboolean empty = self->entries == NULL ||
                   g_list_model_get_n_items (G_LIST_MODEL (self->entries)) == 0;

  gtk_stack_set_visible_child_name (self->day_stack, empty ? "empty" : "entries");
}

static void
row_activated_cb (TendCalendarPage *self,
                  GtkListBoxRow    *row)
{
  GtkWidget *entry_row = gtk_list_box_row_get_child (row);
  TendEntry *entry = tend_entry_row_get_entry (TEND_ENTRY_ROW (entry_row));

  if (entry != NULL)
    g_signal_emit (self, signals[SIGNAL_ENTRY_ACTIVATED], 0, entry);
}

/* Lists the check-ins of the day picked; the journal keeps the list up to date. */
static void
selected_day_changed_cb (TendCalendarPage *self)
{
  const GDate *day = tend_month_grid_get_selected_day (self->month_grid);
  g_autoptr(TendFilter) filter = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;

  if (self->entries != NULL)
    g_signal_handlers_disconnect_by_data (self->entries, self);
  g_clear_object (&self->entries);
  gtk_list_box_bind_model (self->entry_list, NULL, NULL, NULL, NULL);

  if (!g_date_valid (day))
    return;

  time = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                g_date_get_day (day), 12, 0, 0);
  now = get_now (self);
  heading = tend_date_format_day (time, now);
  gtk_label_set_label (self->day_label, heading);

  /* A check-in can be added for today or a day before, not for a day to come. */
  {
    g_autoptr(GDateTime) local_now = g_date_time_to_local (now);
    GDate today;

    g_date_clear (&today, 1);
    g_date_set_dmy (&today, g_date_time_get_day_of_month (local_now),
                    g_date_time_get_month (local_now), g_date_time_get_year (local_now));
    gtk_widget_set_visible (self->add_button, g_date_compare (day, &today) <= 0);
  }

  gtk_label_set_label (self->empty_label, _("No check-ins on this day"));

  if (self->context != NULL)
    {
      filter = tend_filter_new ();
      tend_filter_set_range (filter, day, day);
      self->entries = tend_journal_query (tend_context_get_journal (self->context), filter,
                                          &error);
      if (self->entries == NULL)
        gtk_label_set_label (self->empty_label, error->message);
    }

  if (self->entries != NULL)
    {
      g_signal_connect_object (self->entries, "items-changed",
                               G_CALLBACK (update_visible_page), self, G_CONNECT_SWAPPED);
      gtk_list_box_bind_model (self->entry_list, G_LIST_MODEL (self->entries),
                               tend_entry_row_create_list_row, NULL, NULL);
    }

  update_visible_page (self);
}

/* Asks for a new check-in on the day picked: at this time of day, or now for today. */
static void
add_clicked_cb (TendCalendarPage *self)
{
  const GDate *day = tend_month_grid_get_selected_day (self->month_grid);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GDateTime) time = NULL;

  if (!g_date_valid (day))
    return;

  now = get_now (self);
  local_now = g_date_time_to_local (now);
  if (g_date_get_year (day) != g_date_time_get_year (local_now) ||
      g_date_get_month (day) != (GDateMonth) g_date_time_get_month (local_now) ||
      g_date_get_day (day) != g_date_time_get_day_of_month (local_now))
    time = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                  g_date_get_day (day), g_date_time_get_hour (local_now),
                                  g_date_time_get_minute (local_now), 0);

  g_signal_emit (self, signals[SIGNAL_CHECK_IN_REQUESTED], 0, time);
}

static void
tend_calendar_page_map (GtkWidget *widget)
{
  TendCalendarPage *self = TEND_CALENDAR_PAGE (widget);

  /* The day may have changed since the page was last shown. */
  if (self->context != NULL)
    update_today (self);

  GTK_WIDGET_CLASS (tend_calendar_page_parent_class)->map (widget);
}

static void
tend_calendar_page_dispose (GObject *object)
{
  TendCalendarPage *self = TEND_CALENDAR_PAGE (object);

  if (self->entries != NULL)
    g_signal_handlers_disconnect_by_data (self->entries, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TEND_TYPE_CALENDAR_PAGE);
  g_clear_object (&self->entries);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (tend_calendar_page_parent_class)->dispose (object);
}

static void
tend_calendar_page_class_init (TendCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tend_calendar_page_dispose;
  widget_class->map = tend_calendar_page_map;

  /**
   * TendCalendarPage::entry-activated:
   * @entry: the check-in
   *
   * A check-in of the day was activated, to be opened.
   */
  signals[SIGNAL_ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TEND_TYPE_ENTRY);

  /**
   * TendCalendarPage::check-in-requested:
   * @time: (nullable): when the new check-in happened; %NULL for now
   *
   * Asks for a new check-in on the day picked.
   */
  signals[SIGNAL_CHECK_IN_REQUESTED] =
    g_signal_new ("check-in-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DATE_TIME);

  g_type_ensure (TEND_TYPE_MONTH_GRID);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/tend-calendar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TendCalendarPage, month_grid);
  gtk_widget_class_bind_template_child (widget_class, TendCalendarPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, TendCalendarPage, day_label);
  gtk_widget_class_bind_template_child (widget_class, TendCalendarPage, day_stack);
  gtk_widget_class_bind_template_child (widget_class, TendCalendarPage, entry_list);
  gtk_widget_class_bind_template_child (widget_class, TendCalendarPage, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, selected_day_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
tend_calendar_page_init (TendCalendarPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_visible_page (self);
}

/**
 * tend_calendar_page_set_context:
 * @context: Tend's data, with its journal open
 *
 * Shows the current month, with today picked.
 */
void
tend_calendar_page_set_context (TendCalendarPage *self,
                                TendContext      *context)
{
  g_return_if_fail (TEND_IS_CALENDAR_PAGE (self));
  g_return_if_fail (TEND_IS_CONTEXT (context));
  g_return_if_fail (tend_context_get_journal (context) != NULL);

  if (!g_set_object (&self->context, context))
    return;

  update_today (self);
  tend_month_grid_set_journal (self->month_grid, tend_context_get_journal (context));
  tend_month_grid_select_day (self->month_grid, tend_month_grid_get_today (self->month_grid));
  /* Picking the day the grid already had does not notify. */
  selected_day_changed_cb (self);
}

/**
 * tend_calendar_page_get_entries:
 *
 * Returns: (transfer none) (nullable): the check-ins of the day picked
 */
TendEntryList *
tend_calendar_page_get_entries (TendCalendarPage *self)
{
  g_return_val_if_fail (TEND_IS_CALENDAR_PAGE (self), NULL);

  return self->entries;
}

/**
 * tend_calendar_page_show_day:
 * @day: a valid day
 *
 * Shows the month of @day with @day picked, and its check-ins listed.
 */
void
tend_calendar_page_show_day (TendCalendarPage *self,
                             const GDate      *day)
{
  g_return_if_fail (TEND_IS_CALENDAR_PAGE (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  tend_month_grid_select_day (self->month_grid, day);
}
