/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-journal-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tend-date.h"
#include "tend-day-sections.h"
#include "tend-emotion.h"
#include "tend-entry-row.h"
#include "tend-journal-page.h"
#include "tend-transfer.h"

/* Every check-in, the newest first, under a heading for each day; searched as the user
 * types and filtered by mood, feeling, tag and date. Searches run in the journal's
 * worker thread and are cancelled by the next keystroke; only the rows on screen are
 * ever read. */
struct _TendJournalPage
{
  AdwBin           parent_instance;

  /* Template widgets */
  GtkSearchBar    *search_bar;
  GtkSearchEntry  *search_entry;
  GtkMenuButton   *filter_button;
  AdwWrapBox      *chips_box;
  GtkLabel        *count_label;
  GtkWidget       *results_box;
  GtkBox          *mood_box;
  AdwComboRow     *emotion_row;
  AdwComboRow     *tag_row;
  AdwComboRow     *range_row;
  AdwActionRow    *from_row;
  AdwActionRow    *until_row;
  GtkMenuButton   *from_button;
  GtkMenuButton   *until_button;
  GtkCalendar     *from_calendar;
  GtkCalendar     *until_calendar;
  GtkStack        *stack;
  GtkListView     *list_view;

  /* Owned */
  TendContext     *context;
  GListModel      *shown;        /* the TendEntryList on screen */
  TendDaySections *sections;
  TendFilter      *filter;       /* what @shown keeps, or what is being searched for */
  GCancellable    *cancellable;  /* of the search under way */
  GtkStringList   *tag_names;    /* "Any Activity", then every tag's name */
  GtkWidget       *mood_buttons[TEND_MOOD_LAST + 1];

  guint            reveal_tick;  /* shows more rows of a long list each frame */
  guint            reveal_frames;

  gboolean         search_mode;
  gboolean         resetting;    /* the filter controls are being set by code */
};

/* A long list is shown from its first rows, and more of it each frame after the first:
 * GtkListView keeps a row for each of up to 200 items, and 200 rows would be made,
 * measured and drawn before the first frame. */
#define FIRST_ROWS       16
#define ROWS_PER_FRAME   24
#define LIST_VIEW_ROWS   200

G_DEFINE_FINAL_TYPE (TendJournalPage, tend_journal_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SEARCH_MODE,
  N_PROPS,
};

enum {
  SIGNAL_CHECK_IN_REQUESTED,
  SIGNAL_ENTRY_ACTIVATED,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

enum {
  RANGE_ALL_TIME,
  RANGE_LAST_7_DAYS,
  RANGE_LAST_30_DAYS,
  RANGE_THIS_YEAR,
  RANGE_CUSTOM,
};

static void apply_filter (TendJournalPage *self);

/* Rows and results ---------------------------------------------------------------------- */

static guint
n_journal_entries (TendJournalPage *self)
{
  if (self->context == NULL)
    return 0;

  return g_list_model_get_n_items (G_LIST_MODEL (tend_journal_get_entries (tend_context_get_journal (self->context))));
}

/* Exports what the search and filters found, in the format the file name chooses. */
static void
export_results_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TendJournalPage *self = TEND_JOURNAL_PAGE (widget);

  if (self->context == NULL || self->shown == NULL)
    return;

  tend_transfer_export (GTK_WINDOW (gtk_widget_get_root (widget)),
                        tend_context_get_journal (self->context), self->shown);
}

static void
update_visible_page (TendJournalPage *self)
{
  guint n_shown = self->shown != NULL ? g_list_model_get_n_items (self->shown) : 0;
  gboolean filtered = self->filter != NULL && !tend_filter_is_empty (self->filter);

  if (n_journal_entries (self) == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (n_shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "entries");

  if (filtered && self->shown != NULL)
    {
      /* Translators: How many check-ins a search or filter found. */
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u check-in",
                                                             "%u check-ins", n_shown),
                                                n_shown);

      gtk_label_set_label (self->count_label, count);
    }
  gtk_widget_set_visible (self->results_box, filtered && self->shown != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.export-results",
                                 filtered && n_shown > 0);
}

static void
stop_revealing (TendJournalPage *self)
{
  if (self->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->reveal_tick);
  self->reveal_tick = 0;
}

static gboolean
reveal_rows_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  TendJournalPage *self = TEND_JOURNAL_PAGE (user_data);
  guint limit;

  /* The first call comes before the first frame is drawn: that frame keeps the start. */
  if (self->reveal_frames++ == 0)
    return G_SOURCE_CONTINUE;

  limit = tend_day_sections_get_limit (self->sections) + ROWS_PER_FRAME;
  if (limit >= LIST_VIEW_ROWS)
    {
      self->reveal_tick = 0;
      tend_day_sections_set_limit (self->sections, G_MAXUINT);
      return G_SOURCE_REMOVE;
    }

  tend_day_sections_set_limit (self->sections, limit);
  return G_SOURCE_CONTINUE;
}

/* A list given while the page is already on screen (the page is made when first shown)
 * is anchored at its first row, below that row's day heading: back to the very top. */
static gboolean
show_top_cb (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (widget));
  guint *frames = user_data;

  /* The first call comes before the list is laid out */
  if ((*frames)++ == 0)
    return G_SOURCE_CONTINUE;

  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));

  return G_SOURCE_REMOVE;
}

static void
show_list (TendJournalPage *self,
           GListModel      *list)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  stop_revealing (self);
  if (self->sections != NULL)
    g_signal_handlers_disconnect_by_data (self->sections, self);
  g_clear_object (&self->sections);
  g_set_object (&self->shown, list);

  self->sections = tend_day_sections_new (list);
  if (g_list_model_get_n_items (list) > FIRST_ROWS)
    {
      tend_day_sections_set_limit (self->sections, FIRST_ROWS);
      self->reveal_frames = 0;
      self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view),
                                                        reveal_rows_cb, self, NULL);
    }
  g_signal_connect_object (self->sections, "items-changed",
                           G_CALLBACK (update_visible_page), self, G_CONNECT_SWAPPED);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sections)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), show_top_cb,
                                g_new0 (guint, 1), g_free);

  update_visible_page (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TendJournalPage          *self)
{
  gtk_list_item_set_child (item, tend_entry_row_new ());
  gtk_list_item_set_activatable (item, TRUE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             TendJournalPage          *self)
{
  TendEntryRow *row = TEND_ENTRY_ROW (gtk_list_item_get_child (item));
  g_autofree char *description = NULL;
  const char *text = NULL;

  if (TEND_IS_ENTRY_LIST (self->shown))
    text = tend_filter_get_text (tend_entry_list_get_filter (TEND_ENTRY_LIST (self->shown)));

  tend_entry_row_set_search (row, text);
  tend_entry_row_set_entry (row, gtk_list_item_get_item (item));
  description = tend_entry_row_describe (row);
  gtk_list_item_set_accessible_label (item, description);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               TendJournalPage          *self)
{
  tend_entry_row_set_entry (TEND_ENTRY_ROW (gtk_list_item_get_child (item)), NULL);
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
row_activated_cb (TendJournalPage *self,
                  guint            position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (self->list_view));
  g_autoptr(TendEntry) entry = g_list_model_get_item (model, position);

  /* A check-in that could not be read has nothing to edit. */
  if (entry != NULL && tend_entry_is_readable (entry))
    g_signal_emit (self, signals[SIGNAL_ENTRY_ACTIVATED], 0, entry);
}

static void
check_in_clicked_cb (TendJournalPage *self)
{
  g_signal_emit (self, signals[SIGNAL_CHECK_IN_REQUESTED], 0);
}

/* Filters ------------------------------------------------------------------------------- */

static void
local_today (TendJournalPage *self,
             GDate           *today)
{
  g_autoptr(GDateTime) now = tend_clock_get_now (tend_context_get_clock (self->context));
  g_autoptr(GDateTime) local = g_date_time_to_local (now);

  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

static void
calendar_get_date (GtkCalendar *calendar,
                   GDate       *date)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                  g_date_time_get_year (day));
}

static void
calendar_set_date (GtkCalendar *calendar,
                   const GDate *date)
{
  g_autoptr(GDateTime) day = g_date_time_new_local (g_date_get_year (date),
                                                    g_date_get_month (date),
                                                    g_date_get_day (date), 12, 0, 0);

  gtk_calendar_select_day (calendar, day);
}

/* The days of the custom range, in order whichever way they were picked. */
static void
custom_range (TendJournalPage *self,
              GDate           *from,
              GDate           *until)
{
  calendar_get_date (self->from_calendar, from);
  calendar_get_date (self->until_calendar, until);
  if (g_date_compare (from, until) > 0)
    {
      GDate swap = *from;

      *from = *until;
      *until = swap;
    }
}

static char *
format_range_day (const GDate *date)
{
  g_autoptr(GDateTime) day = g_date_time_new_local (g_date_get_year (date),
                                                    g_date_get_month (date),
                                                    g_date_get_day (date), 12, 0, 0);

  /* Translators: A day at either end of a date range in the journal's filters, as in
   * “21 Nov 2026”. See the GLib reference for g_date_time_format(). */
  return g_date_time_format (day, C_("date range", "%-d %b %Y"));
}

static TendFilter *
build_filter (TendJournalPage *self)
{
  TendFilter *filter = tend_filter_new ();
  guint emotion = adw_combo_row_get_selected (self->emotion_row);
  guint tag = adw_combo_row_get_selected (self->tag_row);
  guint range = adw_combo_row_get_selected (self->range_row);

  if (gtk_search_bar_get_search_mode (self->search_bar))
    tend_filter_set_text (filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  for (TendMood mood = TEND_MOOD_FIRST; mood <= TEND_MOOD_LAST; mood++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->mood_buttons[mood])))
      tend_filter_add_mood (filter, mood);

  if (emotion != GTK_INVALID_LIST_POSITION && emotion > 0)
    tend_filter_set_emotion (filter, tend_emotion_get_nick (emotion - 1));

  if (tag != GTK_INVALID_LIST_POSITION && tag > 0)
    tend_filter_set_tag (filter, gtk_string_list_get_string (self->tag_names, tag));

  if (range == RANGE_CUSTOM)
    {
      GDate from, until;

      custom_range (self, &from, &until);
      tend_filter_set_range (filter, &from, &until);
    }
  else if (range != RANGE_ALL_TIME && range != GTK_INVALID_LIST_POSITION && self->context != NULL)
    {
      GDate from;

      local_today (self, &from);
      if (range == RANGE_LAST_7_DAYS)
        g_date_subtract_days (&from, 6);
      else if (range == RANGE_LAST_30_DAYS)
        g_date_subtract_days (&from, 29);
      else
        g_date_set_dmy (&from, 1, G_DATE_JANUARY, g_date_get_year (&from));
      tend_filter_set_range (filter, &from, NULL);
    }

  return filter;
}

static void
remove_chip_cb (GtkWidget       *chip,
                TendJournalPage *self)
{
  const char *kind = g_object_get_data (G_OBJECT (chip), "filter-kind");

  if (g_str_equal (kind, "mood"))
    {
      TendMood mood = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chip), "filter-mood"));

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->mood_buttons[mood]), FALSE);
    }
  else if (g_str_equal (kind, "emotion"))
    adw_combo_row_set_selected (self->emotion_row, 0);
  else if (g_str_equal (kind, "tag"))
    adw_combo_row_set_selected (self->tag_row, 0);
  else
    adw_combo_row_set_selected (self->range_row, RANGE_ALL_TIME);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
add_chip (TendJournalPage *self,
          const char      *label,
          const char      *kind,
          TendMood         mood)
{
  GtkWidget *chip = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *text = gtk_label_new (label);
  GtkWidget *icon = gtk_image_new_from_icon_name ("window-close-symbolic");
  g_autofree char *spoken = NULL;

  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_button_set_child (GTK_BUTTON (chip), box);
  gtk_widget_add_css_class (chip, "filter-chip");
  gtk_widget_set_tooltip_text (chip, _("Remove Filter"));

  /* Translators: The name of a button that removes one filter, as in “Remove filter:
   * Good”. */
  spoken = g_strdup_printf (_("Remove filter: %s"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);

  g_object_set_data (G_OBJECT (chip), "filter-kind", (gpointer) kind);
  g_object_set_data (G_OBJECT (chip), "filter-mood", GINT_TO_POINTER (mood));
  g_signal_connect_object (chip, "clicked", G_CALLBACK (remove_chip_cb), self, 0);

  adw_wrap_box_append (self->chips_box, chip);
}

/* One button for each filter in use, to see it and take it off. */
static void
update_chips (TendJournalPage *self)
{
  GtkWidget *child;
  guint emotion = adw_combo_row_get_selected (self->emotion_row);
  guint tag = adw_combo_row_get_selected (self->tag_row);
  guint range = adw_combo_row_get_selected (self->range_row);
  gboolean any = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    adw_wrap_box_remove (self->chips_box, child);

  for (TendMood mood = TEND_MOOD_FIRST; mood <= TEND_MOOD_LAST; mood++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->mood_buttons[mood])))
      {
        add_chip (self, tend_mood_get_label (mood), "mood", mood);
        any = TRUE;
      }

  if (emotion != GTK_INVALID_LIST_POSITION && emotion > 0)
    {
      add_chip (self, tend_emotion_get_label (tend_emotion_get_nick (emotion - 1)), "emotion", 0);
      any = TRUE;
    }

  if (tag != GTK_INVALID_LIST_POSITION && tag > 0)
    {
      add_chip (self, gtk_string_list_get_string (self->tag_names, tag), "tag", 0);
      any = TRUE;
    }

  if (range == RANGE_CUSTOM)
    {
      GDate from, until;
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;
      g_autofree char *label = NULL;

      custom_range (self, &from, &until);
      first = format_range_day (&from);
      last = format_range_day (&until);
      /* Translators: A date range, from its first day to its last, both included. */
      label = g_strdup_printf (C_("date range", "%s – %s"), first, last);
      add_chip (self, label, "range", 0);
      any = TRUE;
    }
  else if (range != GTK_INVALID_LIST_POSITION && range != RANGE_ALL_TIME)
    {
      GListModel *ranges = adw_combo_row_get_model (self->range_row);

      add_chip (self, gtk_string_list_get_string (GTK_STRING_LIST (ranges), range), "range", 0);
      any = TRUE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->chips_box), any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.clear-filters", any);

  if (any)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "filters-active");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "filters-active");
}

static void
query_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TendJournalPage) self = user_data;
  g_autoptr(TendEntryList) list = NULL;
  g_autoptr(GError) error = NULL;

  list = tend_journal_query_finish (TEND_JOURNAL (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (list != NULL &&
      tend_filter_equal (tend_entry_list_get_filter (list), self->filter))
    {
      g_clear_object (&self->cancellable);
      show_list (self, G_LIST_MODEL (list));
    }
  else if (error != NULL)
    {
      /* The journal was closed under the search (found damaged): the search runs again
       * once the journal is back, as it is forgotten here. */
      g_message ("Could not search the journal: %s", error->message);
      g_clear_pointer (&self->filter, tend_filter_free);
    }
}

/* Shows what the search and the filters keep: the whole journal at once when nothing is
 * asked, or the result of a query run on the worker thread. */
static void
apply_filter (TendJournalPage *self)
{
  g_autoptr(TendFilter) filter = NULL;
  TendJournal *journal;

  if (self->context == NULL || self->resetting)
    return;

  journal = tend_context_get_journal (self->context);
  filter = build_filter (self);
  update_chips (self);

  if (self->filter != NULL && tend_filter_equal (filter, self->filter))
    return;

  g_clear_pointer (&self->filter, tend_filter_free);
  self->filter = g_steal_pointer (&filter);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (tend_filter_is_empty (self->filter))
    {
      show_list (self, G_LIST_MODEL (tend_journal_get_entries (journal)));
      return;
    }

  self->cancellable = g_cancellable_new ();
  tend_journal_query_async (journal, self->filter, self->cancellable, query_done_cb,
                            g_object_ref (self));
}

static void
filter_changed_cb (TendJournalPage *self)
{
  apply_filter (self);
}

static void
update_range_buttons (TendJournalPage *self)
{
  GDate from, until;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  calendar_get_date (self->from_calendar, &from);
  calendar_get_date (self->until_calendar, &until);
  first = format_range_day (&from);
  last = format_range_day (&until);
  gtk_menu_button_set_label (self->from_button, first);
  gtk_menu_button_set_label (self->until_button, last);
}

/* A custom range starts as the last 30 days, and shows its two days to change. */
static void
range_changed_cb (TendJournalPage *self)
{
  gboolean custom = adw_combo_row_get_selected (self->range_row) == RANGE_CUSTOM;

  if (custom && !gtk_widget_get_visible (GTK_WIDGET (self->from_row)) && self->context != NULL)
    {
      GDate from, until;

      self->resetting = TRUE;
      local_today (self, &until);
      from = until;
      g_date_subtract_days (&from, 29);
      calendar_set_date (self->from_calendar, &from);
      calendar_set_date (self->until_calendar, &until);
      self->resetting = FALSE;
      update_range_buttons (self);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->from_row), custom);
  gtk_widget_set_visible (GTK_WIDGET (self->until_row), custom);
  apply_filter (self);
}

static void
range_day_selected_cb (TendJournalPage *self)
{
  if (self->resetting)
    return;

  update_range_buttons (self);
  gtk_menu_button_popdown (self->from_button);
  gtk_menu_button_popdown (self->until_button);
  apply_filter (self);
}

static void
search_changed_cb (TendJournalPage *self)
{
  apply_filter (self);
}

/* Enter in the search entry goes to the first result. */
static void
search_activated_cb (TendJournalPage *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "entries") == 0)
    gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
}

static void
reset_filters (TendJournalPage *self)
{
  self->resetting = TRUE;
  for (TendMood mood = TEND_MOOD_FIRST; mood <= TEND_MOOD_LAST; mood++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->mood_buttons[mood]), FALSE);
  adw_combo_row_set_selected (self->emotion_row, 0);
  adw_combo_row_set_selected (self->tag_row, 0);
  adw_combo_row_set_selected (self->range_row, RANGE_ALL_TIME);
  self->resetting = FALSE;
}

static void
search_mode_changed_cb (TendJournalPage *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    return;

  /* Closing the search shows the whole journal again. */
  self->resetting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->resetting = FALSE;
  reset_filters (self);
  apply_filter (self);

  if (gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
mood_toggled_cb (TendJournalPage *self)
{
  apply_filter (self);
}

static void
tags_changed_cb (TendJournalPage *self)
{
  GListModel *tags = tend_journal_get_tags (tend_context_get_journal (self->context));
  guint selected = adw_combo_row_get_selected (self->tag_row);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  g_autofree char *kept = NULL;
  guint n = g_list_model_get_n_items (tags);
  guint new_selected = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    kept = g_strdup (gtk_string_list_get_string (self->tag_names, selected));

  /* The tag chosen stays chosen while a tag of that name exists. */
  g_strv_builder_add (builder, C_("tag filter", "Any Activity"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TendTag) tag = g_list_model_get_item (tags, i);

      if (kept != NULL && g_str_equal (kept, tend_tag_get_name (tag)))
        new_selected = i + 1;
      g_strv_builder_add (builder, tend_tag_get_name (tag));
    }
  names = g_strv_builder_end (builder);

  self->resetting = TRUE;
  gtk_string_list_splice (self->tag_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->tag_names)),
                          (const char * const *) names);
  adw_combo_row_set_selected (self->tag_row, new_selected);
  self->resetting = FALSE;

  apply_filter (self);
}

/* Actions ------------------------------------------------------------------------------- */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  tend_journal_page_start_search (TEND_JOURNAL_PAGE (widget),
                                  g_variant_get_string (parameter, NULL));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TendJournalPage *self = TEND_JOURNAL_PAGE (widget);

  reset_filters (self);
  apply_filter (self);
}

static void
clear_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TendJournalPage *self = TEND_JOURNAL_PAGE (widget);

  reset_filters (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  apply_filter (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  TendJournalPage *self = TEND_JOURNAL_PAGE (widget);

  if (!self->search_mode)
    return FALSE;

  tend_journal_page_set_search_mode (self, FALSE);
  return TRUE;
}

/* Class --------------------------------------------------------------------------------- */

static void
tend_journal_page_dispose (GObject *object)
{
  TendJournalPage *self = TEND_JOURNAL_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_revealing (self);
  if (self->sections != NULL)
    g_signal_handlers_disconnect_by_data (self->sections, self);
  g_clear_object (&self->sections);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->filter, tend_filter_free);
  g_clear_object (&self->tag_names);
  g_clear_object (&self->context);

  gtk_widget_dispose_template (GTK_WIDGET (self), TEND_TYPE_JOURNAL_PAGE);

  G_OBJECT_CLASS (tend_journal_page_parent_class)->dispose (object);
}

static void
tend_journal_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TendJournalPage *self = TEND_JOURNAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, self->search_mode);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_journal_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TendJournalPage *self = TEND_JOURNAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      tend_journal_page_set_search_mode (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_journal_page_class_init (TendJournalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tend_journal_page_dispose;
  object_class->get_property = tend_journal_page_get_property;
  object_class->set_property = tend_journal_page_set_property;

  /**
   * TendJournalPage:search-mode:
   *
   * Whether the search bar, with its filters, is open.
   */
  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TendJournalPage::check-in-requested:
   *
   * The empty journal's button asks for a first check-in.
   */
  signals[SIGNAL_CHECK_IN_REQUESTED] =
    g_signal_new ("check-in-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * TendJournalPage::entry-activated:
   * @entry: the check-in
   *
   * A check-in was clicked, or chosen with Enter, to be opened.
   */
  signals[SIGNAL_ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TEND_TYPE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/tend-journal-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TendJournalPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, TendJournalPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TendJournalPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, TendJournalPage, chips_box);
  gtk_widget_class_bind_template_child (widget_class, TendJournalPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, TendJournalPage, results_box);
  gtk_widget_class_install_action (widget_class, "journal.export-results", NULL,
                                   export_results_action);
  gtk_widget_class_bind_template_child (widget_class, TendJournalPage, mood_box);
  gtk_widget_class_bind_template_child (widget_class, TendJournalPage, emotion_row);
  gtk_widget_class_bind_template_child (widget_class, TendJournalPage, tag_row);
  gtk_widget_class_bind_template_child (widget_class, TendJournalPage, range_row);
  gtk_widget_class_bind_template_child (widget_class, TendJournalPage, from_row);
  gtk_widget_class_bind_template_child (widget_class, TendJournalPage, until_row);
  gtk_widget_class_bind_template_child (widget_class, TendJournalPage, from_button);
  gtk_widget_class_bind_template_child (widget_class, TendJournalPage, until_button);
  gtk_widget_class_bind_template_child (widget_class, TendJournalPage, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, TendJournalPage, until_calendar);
  gtk_widget_class_bind_template_child (widget_class, TendJournalPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TendJournalPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, check_in_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, range_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, range_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "journal.search", "s", search_action);
  gtk_widget_class_install_action (widget_class, "journal.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "journal.clear-search", NULL,
                                   clear_search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "journal.search", "s", "");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

static void
tend_journal_page_init (TendJournalPage *self)
{
  GtkListItemFactory *factory;
  GtkListItemFactory *header_factory;
  g_autoptr(GtkStringList) emotions = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  header_factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (header_factory, "setup", G_CALLBACK (setup_header_cb), self, 0);
  g_signal_connect_object (header_factory, "bind", G_CALLBACK (bind_header_cb), self, 0);
  gtk_list_view_set_header_factory (self->list_view, header_factory);
  g_object_unref (header_factory);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  for (TendMood mood = TEND_MOOD_FIRST; mood <= TEND_MOOD_LAST; mood++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      g_autofree char *mood_class = g_strdup_printf ("mood-%s", tend_mood_get_nick (mood));

      gtk_button_set_icon_name (GTK_BUTTON (button), tend_mood_get_icon_name (mood));
      gtk_widget_set_tooltip_text (button, tend_mood_get_label (mood));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tend_mood_get_label (mood), -1);
      gtk_widget_add_css_class (button, "mood-toggle");
      gtk_widget_add_css_class (button, mood_class);
      g_signal_connect_object (button, "toggled", G_CALLBACK (mood_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->mood_box, button);
      self->mood_buttons[mood] = button;
    }

  emotions = gtk_string_list_new (NULL);
  gtk_string_list_append (emotions, C_("emotion filter", "Any Emotion"));
  for (guint i = 0; i < tend_emotion_get_n_emotions (); i++)
    gtk_string_list_append (emotions, tend_emotion_get_label (tend_emotion_get_nick (i)));
  self->resetting = TRUE;
  adw_combo_row_set_model (self->emotion_row, G_LIST_MODEL (emotions));

  self->tag_names = gtk_string_list_new ((const char * const[]) { C_("tag filter", "Any Activity"), NULL });
  adw_combo_row_set_model (self->tag_row, G_LIST_MODEL (self->tag_names));
  self->resetting = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.clear-filters", FALSE);
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
  TendJournal *journal;

  g_return_if_fail (TEND_IS_JOURNAL_PAGE (self));
  g_return_if_fail (TEND_IS_CONTEXT (context));
  g_return_if_fail (tend_context_get_journal (context) != NULL);

  if (self->context != NULL)
    {
      TendJournal *old_journal = tend_context_get_journal (self->context);

      g_signal_handlers_disconnect_by_data (tend_journal_get_tags (old_journal), self);
      g_signal_handlers_disconnect_by_data (old_journal, self);
    }

  if (!g_set_object (&self->context, context))
    return;

  journal = tend_context_get_journal (context);
  g_signal_connect_object (tend_journal_get_tags (journal), "items-changed",
                           G_CALLBACK (tags_changed_cb), self, G_CONNECT_SWAPPED);
  /* The empty journal's page depends on the whole journal, not only what is shown. */
  g_signal_connect_object (tend_journal_get_entries (journal), "items-changed",
                           G_CALLBACK (update_visible_page), self, G_CONNECT_SWAPPED);

  /* A search that could not run (self->filter forgotten) runs again after a change. */
  g_signal_connect_object (journal, "changed", G_CALLBACK (apply_filter), self,
                           G_CONNECT_SWAPPED);

  g_clear_pointer (&self->filter, tend_filter_free);
  tags_changed_cb (self);
}

/**
 * tend_journal_page_get_search_mode:
 *
 * Returns: whether the search bar is open
 */
gboolean
tend_journal_page_get_search_mode (TendJournalPage *self)
{
  g_return_val_if_fail (TEND_IS_JOURNAL_PAGE (self), FALSE);

  return self->search_mode;
}

/**
 * tend_journal_page_set_search_mode:
 *
 * Opens or closes the search bar; closing it shows the whole journal again.
 */
void
tend_journal_page_set_search_mode (TendJournalPage *self,
                                   gboolean         search_mode)
{
  g_return_if_fail (TEND_IS_JOURNAL_PAGE (self));

  search_mode = !!search_mode;
  if (self->search_mode == search_mode)
    return;

  self->search_mode = search_mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

/**
 * tend_journal_page_start_search:
 * @text: (nullable): words to search for, or %NULL or "" to keep those typed before
 *
 * Opens the search bar and puts the keyboard focus in it.
 */
void
tend_journal_page_start_search (TendJournalPage *self,
                                const char      *text)
{
  g_return_if_fail (TEND_IS_JOURNAL_PAGE (self));

  tend_journal_page_set_search_mode (self, TRUE);
  if (text != NULL && text[0] != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
      gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * tend_journal_page_get_search_entry:
 *
 * Returns: (transfer none): the search entry, for tests
 */
GtkEditable *
tend_journal_page_get_search_entry (TendJournalPage *self)
{
  g_return_val_if_fail (TEND_IS_JOURNAL_PAGE (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}
