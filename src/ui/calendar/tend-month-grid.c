/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-month-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "tend-date.h"
#include "tend-month-grid.h"

/* A month of days, coloured by the mean mood of each day's check-ins. Six weeks are always
 * shown, so the grid keeps its height from month to month. One cell, the cursor, takes the
 * keyboard focus; arrows move it, and Enter, Space or a click picks its day. */

#define N_WEEKS 6
#define N_CELLS (N_WEEKS * 7)

typedef struct
{
  GtkWidget *button;
  GtkLabel  *number_label;
  GtkImage  *mood_image;
  GDate      day;
  char      *mood_class;
} Cell;

struct _TendMonthGrid
{
  GtkWidget    parent_instance;

  /* Template widgets */
  GtkLabel    *title_label;
  GtkGrid     *grid;

  /* Owned */
  TendJournal *journal;
  Cell         cells[N_CELLS];
  GDate        month;       /* The first day of the month shown */
  GDate        first_shown; /* The first day of the first week shown */
  GDate        today;
  GDate        selected;
  GDate        cursor;
  char        *title;
};

G_DEFINE_FINAL_TYPE (TendMonthGrid, tend_month_grid, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SELECTED_DAY,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

/**
 * tend_month_grid_get_week_start:
 *
 * Returns: the first day of the week in the current locale, 0 for Sunday to 6 for Saturday
 */
guint
tend_month_grid_get_week_start (void)
{
  return tend_date_get_first_weekday () % 7;
}

static GDateTime *
date_to_date_time (const GDate *day)
{
  return g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                g_date_get_day (day), 12, 0, 0);
}

static int
cell_index (TendMonthGrid *self,
            const GDate   *day)
{
  gint64 index;

  if (!g_date_valid (day) || !g_date_valid (&self->first_shown))
    return -1;

  index = (gint64) g_date_get_julian (day) - g_date_get_julian (&self->first_shown);
  return index >= 0 && index < N_CELLS ? (int) index : -1;
}

/* The mood a day's mean rounds to: 3.5 and above is good. */
static TendMood
mood_of_mean (double mean)
{
  return (TendMood) CLAMP ((int) (mean + 0.5), TEND_MOOD_FIRST, TEND_MOOD_LAST);
}

static char *
describe_day (const GDate *day,
              double       mean,
              guint        n_entries)
{
  g_autoptr(GDateTime) time = date_to_date_time (day);
  g_autofree char *date = NULL;

  /* Translators: A day of the calendar, read by screen readers, as in “Friday, November
   * 14, 2026”. See the strftime(3) manual for the codes; %-d is the day of the month
   * without padding. */
  date = g_date_time_format (time, C_("calendar day", "%A, %B %-d, %Y"));

  if (n_entries == 0)
    /* Translators: A day of the calendar without check-ins, read by screen readers. %s is
     * the date, as in “Friday, November 14, 2026”. */
    return g_strdup_printf (C_("calendar day", "%s, no check-ins"), date);

  /* Translators: A day of the calendar, read by screen readers: the date, the mean mood of
   * the day's check-ins (such as “Good”) and their number, as in “Friday, November 14,
   * 2026, mood: Good, 2 check-ins”. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, mood: %s, %u check-in",
                                       "%s, mood: %s, %u check-ins", n_entries),
                          date,
                          tend_mood_get_label (mood_of_mean (mean)),
                          n_entries);
}

static void
set_cell_mood (TendMonthGrid *self,
               Cell          *cell,
               double         mean,
               guint          n_entries)
{
  g_autofree char *label = NULL;

  if (cell->mood_class != NULL)
    {
      gtk_widget_remove_css_class (cell->button, cell->mood_class);
      g_clear_pointer (&cell->mood_class, g_free);
    }

  if (n_entries > 0)
    {
      TendMood mood = mood_of_mean (mean);

      cell->mood_class = g_strdup_printf ("mood-%s", tend_mood_get_nick (mood));
      gtk_widget_add_css_class (cell->button, cell->mood_class);
      gtk_image_set_from_icon_name (cell->mood_image, tend_mood_get_icon_name (mood));
    }
  else
    {
      gtk_image_clear (cell->mood_image);
    }

  label = describe_day (&cell->day, mean, n_entries);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* Reads the moods of the weeks shown, in one query. */
static void
update_moods (TendMonthGrid *self)
{
  g_autoptr(GArray) days = NULL;
  g_autoptr(GError) error = NULL;
  GDate last;
  guint next = 0;

  if (!g_date_valid (&self->first_shown))
    return;

  last = self->first_shown;
  g_date_add_days (&last, N_CELLS - 1);

  if (self->journal != NULL)
    {
      days = tend_journal_get_day_moods (self->journal, &self->first_shown, &last, &error);
      if (days == NULL)
        g_warning ("Could not read the moods of the month: %s", error->message);
    }

  for (guint i = 0; i < N_CELLS; i++)
    {
      Cell *cell = &self->cells[i];
      const TendDayMood *found = NULL;

      /* Both are in order of days. */
      while (days != NULL && next < days->len &&
             g_date_compare (&g_array_index (days, TendDayMood, next).day, &cell->day) < 0)
        next++;
      if (days != NULL && next < days->len &&
          g_date_compare (&g_array_index (days, TendDayMood, next).day, &cell->day) == 0)
        found = &g_array_index (days, TendDayMood, next);

      set_cell_mood (self, cell, found != NULL ? found->mean : 0, found != NULL ? found->n_entries : 0);
    }
}

static void
update_marks (TendMonthGrid *self)
{
  int cursor = cell_index (self, &self->cursor);

  for (int i = 0; i < N_CELLS; i++)
    {
      Cell *cell = &self->cells[i];

      if (g_date_valid (&self->today) && g_date_compare (&cell->day, &self->today) == 0)
        gtk_widget_add_css_class (cell->button, "today");
      else
        gtk_widget_remove_css_class (cell->button, "today");

      if (g_date_valid (&self->selected) && g_date_compare (&cell->day, &self->selected) == 0)
        gtk_widget_add_css_class (cell->button, "selected");
      else
        gtk_widget_remove_css_class (cell->button, "selected");

      /* Tab enters the grid on the cursor only. */
      gtk_widget_set_focusable (cell->button, i == cursor);
    }
}

/* Shows the month of @day. */
static void
show_month (TendMonthGrid *self,
            const GDate   *day)
{
  g_autoptr(GDateTime) time = NULL;
  guint offset;

  if (g_date_valid (&self->month) &&
      g_date_get_year (&self->month) == g_date_get_year (day) &&
      g_date_get_month (&self->month) == g_date_get_month (day))
    return;

  g_date_set_dmy (&self->month, 1, g_date_get_month (day), g_date_get_year (day));
  offset = (g_date_get_weekday (&self->month) % 7 + 7 - tend_month_grid_get_week_start ()) % 7;
  self->first_shown = self->month;
  g_date_subtract_days (&self->first_shown, offset);

  for (guint i = 0; i < N_CELLS; i++)
    {
      Cell *cell = &self->cells[i];
      g_autofree char *number = NULL;

      cell->day = self->first_shown;
      g_date_add_days (&cell->day, i);

      number = g_strdup_printf ("%u", g_date_get_day (&cell->day));
      gtk_label_set_label (cell->number_label, number);

      if (g_date_get_month (&cell->day) == g_date_get_month (&self->month))
        gtk_widget_remove_css_class (cell->button, "other-month");
      else
        gtk_widget_add_css_class (cell->button, "other-month");
    }

  time = date_to_date_time (&self->month);
  g_free (self->title);
  /* Translators: The title of the calendar, as in “November 2026”. See the strftime(3)
   * manual for the codes; %OB is the name of the month on its own (nominative case). */
  self->title = g_date_time_format (time, C_("calendar month", "%OB %Y"));
  gtk_label_set_label (self->title_label, self->title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);

  update_moods (self);
}

static gboolean
has_focus_in_cells (TendMonthGrid *self)
{
  /* The focus of the window, which stays while another window is active. */
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->grid));
}

/* Moves the cursor to @day, turning the month when @day is in another. */
static void
move_cursor (TendMonthGrid *self,
             const GDate   *day)
{
  gboolean had_focus = has_focus_in_cells (self);
  int index;

  if (!g_date_valid (day))
    return;

  self->cursor = *day;
  if (cell_index (self, day) < 0 ||
      g_date_get_month (day) != g_date_get_month (&self->month) ||
      g_date_get_year (day) != g_date_get_year (&self->month))
    show_month (self, day);

  update_marks (self);

  index = cell_index (self, day);
  g_assert (index >= 0);
  if (had_focus)
    gtk_widget_grab_focus (self->cells[index].button);
}

static void
pick_cursor (TendMonthGrid *self)
{
  tend_month_grid_select_day (self, &self->cursor);
}

static void
cell_clicked_cb (GtkButton     *button,
                 TendMonthGrid *self)
{
  for (guint i = 0; i < N_CELLS; i++)
    if (self->cells[i].button == GTK_WIDGET (button))
      {
        GDate day = self->cells[i].day;

        tend_month_grid_select_day (self, &day);
        gtk_widget_grab_focus (self->cells[cell_index (self, &day)].button);
        return;
      }
}

static void
move_days_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TendMonthGrid *self = TEND_MONTH_GRID (widget);
  int n_days = g_variant_get_int32 (parameter);
  GDate day = self->cursor;

  if (n_days > 0)
    g_date_add_days (&day, n_days);
  else
    g_date_subtract_days (&day, -n_days);
  move_cursor (self, &day);
}

static void
move_months_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TendMonthGrid *self = TEND_MONTH_GRID (widget);
  int n_months = g_variant_get_int32 (parameter);
  GDate day = self->cursor;

  /* GDate keeps the day of the month where it can, and takes the last day otherwise. */
  if (n_months > 0)
    g_date_add_months (&day, n_months);
  else
    g_date_subtract_months (&day, -n_months);
  move_cursor (self, &day);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TendMonthGrid *self = TEND_MONTH_GRID (widget);

  tend_month_grid_select_day (self, &self->today);
}

static void
pick_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  pick_cursor (TEND_MONTH_GRID (widget));
}

/* Left and Right follow the direction of the text: in Arabic the next day is on the left. */
static gboolean
move_sideways (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  int steps = g_variant_get_int32 (args);

  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    steps = -steps;

  return gtk_widget_activate_action (widget, "month-grid.move-days", "i", steps);
}

static void
journal_changed_cb (TendMonthGrid *self)
{
  update_moods (self);
}

static void
build_cells (TendMonthGrid *self)
{
  guint week_start = tend_month_grid_get_week_start ();

  for (guint column = 0; column < 7; column++)
    {
      /* 1 January 2023 was a Sunday. */
      g_autoptr(GDateTime) sample = g_date_time_new_local (2023, 1, 1 + (week_start + column) % 7,
                                                           12, 0, 0);
      g_autofree char *short_name = g_date_time_format (sample, "%a");
      g_autofree char *long_name = g_date_time_format (sample, "%A");
      GtkWidget *label = gtk_label_new (short_name);

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (label, long_name);
      gtk_widget_add_css_class (label, "weekday");
      gtk_widget_add_css_class (label, "dimmed");
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, long_name,
                                      -1);
      gtk_grid_attach (self->grid, label, (int) column, 0, 1, 1);
    }

  for (guint i = 0; i < N_CELLS; i++)
    {
      Cell *cell = &self->cells[i];
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *number = gtk_label_new (NULL);
      GtkWidget *image = gtk_image_new ();

      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (number, "number");
      gtk_widget_add_css_class (number, "numeric");
      gtk_widget_set_halign (number, GTK_ALIGN_CENTER);
      gtk_image_set_pixel_size (GTK_IMAGE (image), 14);
      gtk_widget_add_css_class (image, "mood-icon");
      gtk_box_append (GTK_BOX (box), number);
      gtk_box_append (GTK_BOX (box), image);

      cell->button = gtk_button_new ();
      cell->number_label = GTK_LABEL (number);
      cell->mood_image = GTK_IMAGE (image);
      gtk_button_set_child (GTK_BUTTON (cell->button), box);
      gtk_widget_add_css_class (cell->button, "day");
      gtk_widget_add_css_class (cell->button, "flat");
      gtk_widget_set_focusable (cell->button, FALSE);
      g_signal_connect_object (cell->button, "clicked", G_CALLBACK (cell_clicked_cb), self, 0);
      gtk_grid_attach (self->grid, cell->button, (int) (i % 7), (int) (1 + i / 7), 1, 1);
    }
}

static void
tend_month_grid_dispose (GObject *object)
{
  TendMonthGrid *self = TEND_MONTH_GRID (object);
  GtkWidget *child;

  tend_month_grid_set_journal (self, NULL);
  for (guint i = 0; i < N_CELLS; i++)
    g_clear_pointer (&self->cells[i].mood_class, g_free);
  g_clear_pointer (&self->title, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), TEND_TYPE_MONTH_GRID);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tend_month_grid_parent_class)->dispose (object);
}

static void
tend_month_grid_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TendMonthGrid *self = TEND_MONTH_GRID (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SELECTED_DAY:
      g_value_set_boxed (value, g_date_valid (&self->selected) ? &self->selected : NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_month_grid_class_init (TendMonthGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const guint left_keys[] = { GDK_KEY_Left, GDK_KEY_KP_Left };
  static const guint right_keys[] = { GDK_KEY_Right, GDK_KEY_KP_Right };

  object_class->dispose = tend_month_grid_dispose;
  object_class->get_property = tend_month_grid_get_property;

  /**
   * TendMonthGrid:title:
   *
   * The month shown, as in “November 2026”.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * TendMonthGrid:selected-day:
   *
   * The day picked last, whose check-ins are shown.
   */
  properties[PROP_SELECTED_DAY] =
    g_param_spec_boxed ("selected-day", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/tend-month-grid.ui");
  gtk_widget_class_bind_template_child (widget_class, TendMonthGrid, title_label);
  gtk_widget_class_bind_template_child (widget_class, TendMonthGrid, grid);
  gtk_widget_class_set_css_name (widget_class, "monthgrid");

  gtk_widget_class_install_action (widget_class, "month-grid.move-days", "i", move_days_action);
  gtk_widget_class_install_action (widget_class, "month-grid.move-months", "i",
                                   move_months_action);
  gtk_widget_class_install_action (widget_class, "month-grid.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "month-grid.pick", NULL, pick_action);

  for (guint i = 0; i < G_N_ELEMENTS (left_keys); i++)
    {
      gtk_widget_class_add_binding (widget_class, left_keys[i], 0, move_sideways, "i", -1);
      gtk_widget_class_add_binding (widget_class, right_keys[i], 0, move_sideways, "i", 1);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0,
                                       "month-grid.move-days", "i", -7);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0,
                                       "month-grid.move-days", "i", -7);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0,
                                       "month-grid.move-days", "i", 7);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0,
                                       "month-grid.move-days", "i", 7);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0,
                                       "month-grid.move-months", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Up, 0,
                                       "month-grid.move-months", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0,
                                       "month-grid.move-months", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Down, 0,
                                       "month-grid.move-months", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0,
                                       "month-grid.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Home, 0,
                                       "month-grid.today", NULL);
}

static void
tend_month_grid_init (TendMonthGrid *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_date_clear (&self->month, 1);
  g_date_clear (&self->first_shown, 1);
  g_date_clear (&self->today, 1);
  g_date_clear (&self->selected, 1);
  g_date_clear (&self->cursor, 1);

  build_cells (self);

  /* Until tend_month_grid_set_today() says otherwise. */
  g_date_set_dmy (&self->today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  tend_month_grid_select_day (self, &self->today);
}

GtkWidget *
tend_month_grid_new (void)
{
  return g_object_new (TEND_TYPE_MONTH_GRID, NULL);
}

/**
 * tend_month_grid_set_journal:
 * @journal: (nullable): the journal whose moods colour the days
 */
void
tend_month_grid_set_journal (TendMonthGrid *self,
                             TendJournal   *journal)
{
  g_return_if_fail (TEND_IS_MONTH_GRID (self));
  g_return_if_fail (journal == NULL || TEND_IS_JOURNAL (journal));

  if (self->journal == journal)
    return;

  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_data (self->journal, self);
  g_set_object (&self->journal, journal);
  if (journal != NULL)
    g_signal_connect_object (journal, "changed", G_CALLBACK (journal_changed_cb), self,
                             G_CONNECT_SWAPPED);

  update_moods (self);
}

/**
 * tend_month_grid_set_today:
 * @today: the current day, which is marked
 */
void
tend_month_grid_set_today (TendMonthGrid *self,
                           const GDate   *today)
{
  g_return_if_fail (TEND_IS_MONTH_GRID (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  self->today = *today;
  update_marks (self);
}

const GDate *
tend_month_grid_get_today (TendMonthGrid *self)
{
  g_return_val_if_fail (TEND_IS_MONTH_GRID (self), NULL);

  return &self->today;
}

/**
 * tend_month_grid_select_day:
 * @day: the day to pick
 *
 * Shows the month of @day with the cursor on it, and makes it the selected day.
 */
void
tend_month_grid_select_day (TendMonthGrid *self,
                            const GDate   *day)
{
  gboolean changed;

  g_return_if_fail (TEND_IS_MONTH_GRID (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  changed = !g_date_valid (&self->selected) || g_date_compare (&self->selected, day) != 0;
  self->selected = *day;
  move_cursor (self, day);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_DAY]);
}

/**
 * tend_month_grid_get_selected_day:
 *
 * Returns: (transfer none): the day picked last
 */
const GDate *
tend_month_grid_get_selected_day (TendMonthGrid *self)
{
  g_return_val_if_fail (TEND_IS_MONTH_GRID (self), NULL);

  return &self->selected;
}

/**
 * tend_month_grid_get_cursor:
 *
 * Returns: (transfer none): the day that has, or gets, the keyboard focus
 */
const GDate *
tend_month_grid_get_cursor (TendMonthGrid *self)
{
  g_return_val_if_fail (TEND_IS_MONTH_GRID (self), NULL);

  return &self->cursor;
}

const char *
tend_month_grid_get_title (TendMonthGrid *self)
{
  g_return_val_if_fail (TEND_IS_MONTH_GRID (self), NULL);

  return self->title;
}

/**
 * tend_month_grid_get_day_cell:
 *
 * Returns: (transfer none) (nullable): the button of @day, if its week is shown
 */
GtkWidget *
tend_month_grid_get_day_cell (TendMonthGrid *self,
                              const GDate   *day)
{
  int index;

  g_return_val_if_fail (TEND_IS_MONTH_GRID (self), NULL);
  g_return_val_if_fail (day != NULL, NULL);

  index = cell_index (self, day);
  return index >= 0 ? self->cells[index].button : NULL;
}
