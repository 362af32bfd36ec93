/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-year-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "tend-chart-cursor.h"
#include "tend-chart-draw.h"
#include "tend-year-grid.h"

/* A year in pixels: a row for each month, with its short name on the start side, and a
 * cell for each of its days from the start side (so from the right in Arabic). A day with
 * check-ins is filled with the colour of its mean mood, a day without is an outline, days
 * after today are faint, and days a month lacks are left out.
 *
 * The cursor is on one day: the arrows, Home, End, Page Up and Page Down move it, and
 * Enter, Space or a click activate its day. The day's mood and check-ins are the grid's
 * accessible description, announced as the cursor moves. */

#define N_MONTHS      12
#define N_COLUMNS     31
#define MIN_ROW_PITCH 18.f
#define MIN_PITCH     7.f
#define GAP           6.f

struct _TendYearGrid
{
  GtkWidget    parent_instance;

  /* Owned */
  int          year;       /* 0 before set_days() */
  GArray      *days;       /* of TendDayMood, in order */
  int          by_day[366]; /* day of the year - 1 → index in days, or -1 */
  GDate        today;
  GDate        cursor;
  GtkWidget   *swatches[TEND_CHART_N_MOODS];
};

G_DEFINE_FINAL_TYPE (TendYearGrid, tend_year_grid, GTK_TYPE_WIDGET)

enum {
  DAY_ACTIVATED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

typedef struct
{
  float    label_width;  /* the months' names */
  float    header_height;/* the days' numbers */
  float    grid_start;   /* x of the grid's start edge: its left in LTR, its right in RTL */
  float    pitch;        /* a cell and its gap, across */
  float    row_pitch;    /* a row and its gap: at least a line of text */
  float    cell;         /* a cell's width */
  float    cell_height;
  gboolean rtl;
} Layout;

static float
measure_label_width (TendYearGrid *self)
{
  int widest = 0;

  for (int month = G_DATE_JANUARY; month <= G_DATE_DECEMBER; month++)
    {
      GDate day;
      g_autofree char *name = NULL;
      g_autoptr(PangoLayout) label = NULL;
      int w;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, 1, month, 2000);
      /* Translators: a month's row in the year in pixels; see strftime(3) */
      /* xgettext:no-c-format (a g_date_time_format() format) */
      name = tend_chart_format_date (&day, C_("insights", "%b"));
      label = tend_chart_make_layout (GTK_WIDGET (self), name, FALSE, TRUE);
      pango_layout_get_pixel_size (label, &w, NULL);
      widest = MAX (widest, w);
    }

  return widest;
}

static float
measure_text_height (TendYearGrid *self)
{
  g_autoptr(PangoLayout) probe = tend_chart_make_layout (GTK_WIDGET (self), "31", FALSE, TRUE);
  int h;

  pango_layout_get_pixel_size (probe, NULL, &h);
  return h;
}

static float
measure_header_height (TendYearGrid *self)
{
  return measure_text_height (self) + 2;
}

/* Rows keep one height, at least a line of text; columns share the width, as wide as the
 * rows are high at most: square cells when there is room, taller than wide at 360 pixels,
 * never a name over another. */
static float
measure_row_pitch (TendYearGrid *self)
{
  return MAX (MIN_ROW_PITCH, tend_chart_ceil (measure_text_height (self)) + 3);
}

static float
pitch_for_width (float width,
                 float label_width,
                 float row_pitch)
{
  return CLAMP (tend_chart_floor ((width - label_width - GAP - 4) / N_COLUMNS), MIN_PITCH, row_pitch);
}

static void
compute_layout (TendYearGrid *self,
                Layout       *layout)
{
  float width = gtk_widget_get_width (GTK_WIDGET (self));

  layout->rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  layout->label_width = measure_label_width (self);
  layout->header_height = measure_header_height (self);
  layout->row_pitch = measure_row_pitch (self);
  layout->pitch = pitch_for_width (width, layout->label_width, layout->row_pitch);
  layout->cell = layout->pitch - (layout->pitch >= 14 ? 2 : 1);
  layout->cell_height = layout->row_pitch - 2;
  layout->grid_start = layout->rtl ? width - layout->label_width - GAP
                                   : layout->label_width + GAP;
}

/* The left edge of column @column (0 for the 1st). */
static float
column_x (const Layout *layout,
          int           column)
{
  if (layout->rtl)
    return layout->grid_start - (column + 1) * layout->pitch;

  return layout->grid_start + column * layout->pitch;
}

static float
row_y (const Layout *layout,
       int           row)
{
  return layout->header_height + row * layout->row_pitch;
}

static const TendDayMood *
lookup_day (TendYearGrid *self,
            const GDate  *day)
{
  int index;

  if (self->days == NULL || g_date_get_year (day) != self->year)
    return NULL;

  index = self->by_day[g_date_get_day_of_year (day) - 1];
  return index >= 0 ? &g_array_index (self->days, TendDayMood, index) : NULL;
}

static gboolean
is_future (TendYearGrid *self,
           const GDate  *day)
{
  return g_date_valid (&self->today) && g_date_compare (day, &self->today) > 0;
}

static char *
describe_day (TendYearGrid *self,
              const GDate  *day)
{
  const TendDayMood *mood = lookup_day (self, day);
  g_autofree char *when = tend_chart_format_day (day);
  g_autofree char *mean = NULL;

  if (mood == NULL || mood->n_entries == 0)
    /* Translators: a day of the year in pixels without check-ins */
    return g_strdup_printf (_("%s: no check-ins"), when);

  mean = tend_chart_format_mean (mood->mean);
  /* Translators: a day of the year in pixels, as "Tuesday, November 18: Good (3.8),
   * 2 check-ins" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s (%s), %u check-in",
                                       "%s: %s (%s), %u check-ins", mood->n_entries),
                          when, tend_mood_get_label (tend_chart_round_mood (mood->mean)), mean,
                          mood->n_entries);
}

static void
snapshot_labels (TendYearGrid  *self,
                 GtkSnapshot   *snapshot,
                 const Layout  *layout,
                 const GdkRGBA *foreground)
{
  static const int numbers[] = { 1, 5, 10, 15, 20, 25, 31 };
  float width = gtk_widget_get_width (GTK_WIDGET (self));
  GdkRGBA dimmed = *foreground;
  float last_end = -G_MAXFLOAT;

  dimmed.alpha *= 0.65;

  for (int month = G_DATE_JANUARY; month <= G_DATE_DECEMBER; month++)
    {
      GDate day;
      g_autofree char *name = NULL;
      g_autoptr(PangoLayout) label = NULL;
      int w, h;
      float x;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, 1, month, self->year);
      /* xgettext:no-c-format (a g_date_time_format() format) */
      name = tend_chart_format_date (&day, C_("insights", "%b"));
      label = tend_chart_make_layout (GTK_WIDGET (self), name, FALSE, TRUE);
      pango_layout_get_pixel_size (label, &w, &h);
      x = layout->rtl ? width - w : 0;
      tend_chart_append_layout_at (snapshot, label, x,
                                   row_y (layout, month - 1) + (layout->cell_height - h) / 2, &dimmed);
    }

  /* The days' numbers over the columns, where they fit */
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", numbers[i]);
      g_autoptr(PangoLayout) label = tend_chart_make_layout (GTK_WIDGET (self), text, FALSE, TRUE);
      float x, start;
      int w, h;

      pango_layout_get_pixel_size (label, &w, &h);
      x = column_x (layout, numbers[i] - 1) + (layout->cell - w) / 2;
      start = layout->rtl ? -(x + w) : x;
      if (start < last_end + 4)
        continue;
      last_end = start + w;
      tend_chart_append_layout_at (snapshot, label, x, 0, &dimmed);
    }
}

static void
tend_year_grid_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  TendYearGrid *self = TEND_YEAR_GRID (widget);
  GdkRGBA foreground, accent_bg, accent, outline, faint, today_ring;
  Layout layout;
  float radius;

  if (self->year == 0)
    return;

  gtk_widget_get_color (widget, &foreground);
  tend_chart_get_accent (widget, &accent_bg, &accent);
  compute_layout (self, &layout);
  radius = MAX (2, layout.cell / 4);

  outline = foreground;
  outline.alpha *= 0.25;
  faint = foreground;
  faint.alpha *= 0.06;
  today_ring = foreground;
  today_ring.alpha *= 0.85;

  snapshot_labels (self, snapshot, &layout, &foreground);

  for (int month = G_DATE_JANUARY; month <= G_DATE_DECEMBER; month++)
    {
      int n_days = g_date_get_days_in_month (month, self->year);

      for (int d = 1; d <= n_days; d++)
        {
          GDate day;
          const TendDayMood *mood;
          graphene_rect_t cell;

          g_date_clear (&day, 1);
          g_date_set_dmy (&day, d, month, self->year);
          mood = lookup_day (self, &day);
          cell = GRAPHENE_RECT_INIT (column_x (&layout, d - 1), row_y (&layout, month - 1),
                                     layout.cell, layout.cell_height);

          if (mood != NULL && mood->n_entries > 0)
            {
              GdkRGBA color;

              tend_chart_get_mood_color (self->swatches, tend_chart_round_mood (mood->mean), &color);
              tend_chart_append_rounded_rect (snapshot, &cell, radius, &color, NULL, 0);
            }
          else if (is_future (self, &day))
            {
              tend_chart_append_rounded_rect (snapshot, &cell, radius, &faint, NULL, 0);
            }
          else
            {
              tend_chart_append_rounded_rect (snapshot, &cell, radius, NULL, &outline, 1);
            }

          if (g_date_valid (&self->today) && g_date_compare (&day, &self->today) == 0)
            {
              graphene_rect_t ring;

              graphene_rect_inset_r (&cell, -1.5f, -1.5f, &ring);
              tend_chart_append_rounded_rect (snapshot, &ring, radius + 1.5f, NULL, &today_ring, 1.5f);
            }

          if (gtk_widget_has_visible_focus (widget) && g_date_compare (&day, &self->cursor) == 0)
            {
              graphene_rect_t ring;

              graphene_rect_inset_r (&cell, -3, -3, &ring);
              tend_chart_append_rounded_rect (snapshot, &ring, radius + 3, NULL, &accent, 2);
            }
        }
    }
}

static void
tend_year_grid_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  TendYearGrid *self = TEND_YEAR_GRID (widget);
  float label_width = measure_label_width (self);
  float row_pitch = measure_row_pitch (self);

  /* Room for the cursor's ring on every side */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = tend_chart_ceil (label_width + GAP + N_COLUMNS * MIN_PITCH + 4);
      *natural = tend_chart_ceil (label_width + GAP + N_COLUMNS * row_pitch + 4);
    }
  else
    {
      *minimum = *natural = tend_chart_ceil (measure_header_height (self) +
                                             N_MONTHS * row_pitch + 4);
    }
}

static gboolean
day_at (TendYearGrid *self,
        double        x,
        double        y,
        GDate        *day)
{
  Layout layout;
  int row, column;

  compute_layout (self, &layout);
  row = tend_chart_floor ((y - layout.header_height) / layout.row_pitch);
  if (layout.rtl)
    column = tend_chart_floor ((layout.grid_start - x) / layout.pitch);
  else
    column = tend_chart_floor ((x - layout.grid_start) / layout.pitch);

  if (self->year == 0 || row < 0 || row >= N_MONTHS || column < 0 || column >= N_COLUMNS ||
      !g_date_valid_dmy (column + 1, row + 1, self->year))
    return FALSE;

  g_date_clear (day, 1);
  g_date_set_dmy (day, column + 1, row + 1, self->year);
  return TRUE;
}

static gboolean
tend_year_grid_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_mode,
                              GtkTooltip *tooltip)
{
  TendYearGrid *self = TEND_YEAR_GRID (widget);
  g_autofree char *text = NULL;
  GDate day;

  if (keyboard_mode)
    {
      if (!g_date_valid (&self->cursor))
        return FALSE;
      day = self->cursor;
    }
  else if (!day_at (self, x, y, &day))
    {
      return FALSE;
    }

  text = describe_day (self, &day);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
update_description (TendYearGrid *self,
                    gboolean      announce)
{
  g_autofree char *text = NULL;

  if (g_date_valid (&self->cursor))
    text = describe_day (self, &self->cursor);
  tend_chart_cursor_describe (GTK_WIDGET (self), text, announce);
}

/* Moves the cursor to @day, kept inside the year. */
static void
move_cursor (TendYearGrid *self,
             const GDate  *day,
             gboolean      announce)
{
  GDate first, last, target = *day;

  if (self->year == 0)
    return;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, G_DATE_JANUARY, self->year);
  g_date_set_dmy (&last, 31, G_DATE_DECEMBER, self->year);
  g_date_clamp (&target, &first, &last);

  if (g_date_valid (&self->cursor) && g_date_compare (&target, &self->cursor) == 0)
    return;

  self->cursor = target;
  update_description (self, announce);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
move_days (TendYearGrid *self,
           int           days)
{
  GDate day = self->cursor;
  GDate first;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, G_DATE_JANUARY, self->year);
  if (days > 0)
    g_date_add_days (&day, days);
  else if (g_date_days_between (&first, &day) >= -days)
    g_date_subtract_days (&day, -days);
  else
    day = first;

  move_cursor (self, &day, TRUE);
}

/* The same day of another month of the year, or its last day when it is shorter. */
static void
move_months (TendYearGrid *self,
             int           months)
{
  int month = CLAMP ((int) g_date_get_month (&self->cursor) + months, G_DATE_JANUARY, G_DATE_DECEMBER);
  int d = MIN (g_date_get_day (&self->cursor), g_date_get_days_in_month (month, self->year));
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, d, month, self->year);
  move_cursor (self, &day, TRUE);
}

static void
activate_cursor (TendYearGrid *self)
{
  GDate day = self->cursor;

  if (g_date_valid (&day))
    g_signal_emit (self, signals[DAY_ACTIVATED], 0, &day);
}

static gboolean
key_pressed_cb (TendYearGrid    *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  if (self->year == 0 || !g_date_valid (&self->cursor) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_days (self, rtl ? 1 : -1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_days (self, rtl ? -1 : 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      move_months (self, -1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      move_months (self, 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      {
        GDate day = self->cursor;

        g_date_set_day (&day, 1);
        move_cursor (self, &day, TRUE);
      }
      return GDK_EVENT_STOP;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      {
        GDate day = self->cursor;

        g_date_set_day (&day, g_date_get_days_in_month (g_date_get_month (&day), self->year));
        move_cursor (self, &day, TRUE);
      }
      return GDK_EVENT_STOP;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      activate_cursor (self);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
released_cb (TendYearGrid *self,
             int           n_press,
             double        x,
             double        y)
{
  GDate day;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (!day_at (self, x, y, &day))
    return;

  move_cursor (self, &day, FALSE);
  activate_cursor (self);
}

static void
tend_year_grid_dispose (GObject *object)
{
  TendYearGrid *self = TEND_YEAR_GRID (object);

  tend_chart_remove_mood_swatches (self->swatches);

  G_OBJECT_CLASS (tend_year_grid_parent_class)->dispose (object);
}

static void
tend_year_grid_finalize (GObject *object)
{
  TendYearGrid *self = TEND_YEAR_GRID (object);

  g_clear_pointer (&self->days, g_array_unref);

  G_OBJECT_CLASS (tend_year_grid_parent_class)->finalize (object);
}

static void
tend_year_grid_class_init (TendYearGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tend_year_grid_dispose;
  object_class->finalize = tend_year_grid_finalize;
  widget_class->snapshot = tend_year_grid_snapshot;
  widget_class->measure = tend_year_grid_measure;
  widget_class->query_tooltip = tend_year_grid_query_tooltip;

  /**
   * TendYearGrid::day-activated:
   * @day: (type gpointer): the day, a const GDate *
   *
   * A day was chosen with Enter, Space or a click; days without check-ins too.
   */
  signals[DAY_ACTIVATED] =
    g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_css_name (widget_class, "yeargrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tend_year_grid_init (TendYearGrid *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  g_date_clear (&self->today, 1);
  g_date_clear (&self->cursor, 1);
  for (guint i = 0; i < G_N_ELEMENTS (self->by_day); i++)
    self->by_day[i] = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_swapped (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  tend_chart_add_mood_swatches (GTK_WIDGET (self), self->swatches);
  tend_chart_follow_style (GTK_WIDGET (self));
}

GtkWidget *
tend_year_grid_new (void)
{
  return g_object_new (TEND_TYPE_YEAR_GRID, NULL);
}

/**
 * tend_year_grid_set_days:
 * @year: the year shown
 * @days: (element-type TendDayMood): its days with check-ins, in order
 * @today: today; the days after it are faint
 *
 * Shows @year. The cursor stays on its day when it is in @year, else it goes to today
 * when today is in @year, else to the last day with check-ins, else to the year's first
 * day.
 */
void
tend_year_grid_set_days (TendYearGrid *self,
                         int           year,
                         GArray       *days,
                         const GDate  *today)
{
  GDate cursor;

  g_return_if_fail (TEND_IS_YEAR_GRID (self));
  g_return_if_fail (g_date_valid_year (year));
  g_return_if_fail (days != NULL);
  g_return_if_fail (today != NULL && g_date_valid (today));

  g_clear_pointer (&self->days, g_array_unref);
  self->days = g_array_ref (days);
  self->year = year;
  self->today = *today;

  for (guint i = 0; i < G_N_ELEMENTS (self->by_day); i++)
    self->by_day[i] = -1;
  for (guint i = 0; i < days->len; i++)
    {
      const TendDayMood *day = &g_array_index (days, TendDayMood, i);

      if (g_date_valid (&day->day) && g_date_get_year (&day->day) == (GDateYear) year)
        self->by_day[g_date_get_day_of_year (&day->day) - 1] = (int) i;
    }

  if (g_date_valid (&self->cursor) && g_date_get_year (&self->cursor) == (GDateYear) year)
    cursor = self->cursor;
  else if (g_date_get_year (today) == (GDateYear) year)
    cursor = *today;
  else if (days->len > 0 && g_date_get_year (&g_array_index (days, TendDayMood, days->len - 1).day) == (GDateYear) year)
    cursor = g_array_index (days, TendDayMood, days->len - 1).day;
  else
    {
      g_date_clear (&cursor, 1);
      g_date_set_dmy (&cursor, 1, G_DATE_JANUARY, year);
    }

  self->cursor = cursor;
  update_description (self, FALSE);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * tend_year_grid_get_cursor:
 * @day: (out): where to put the cursor's day
 *
 * Returns: whether there is a cursor (a year is shown)
 */
gboolean
tend_year_grid_get_cursor (TendYearGrid *self,
                           GDate        *day)
{
  g_return_val_if_fail (TEND_IS_YEAR_GRID (self), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  if (!g_date_valid (&self->cursor))
    return FALSE;

  *day = self->cursor;
  return TRUE;
}

/**
 * tend_year_grid_set_cursor:
 * @day: a day; a day outside the year moves to its nearest end
 */
void
tend_year_grid_set_cursor (TendYearGrid *self,
                           const GDate  *day)
{
  g_return_if_fail (TEND_IS_YEAR_GRID (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  move_cursor (self, day, FALSE);
}

/**
 * tend_year_grid_get_summary:
 *
 * Returns: (transfer full): a sentence that says what the grid shows: how many days have
 *   check-ins, and how many of them were of each mood
 */
char *
tend_year_grid_get_summary (TendYearGrid *self)
{
  guint counts[TEND_MOOD_LAST + 1] = { 0, };
  guint n_days = 0;
  g_autoptr(GString) list = g_string_new (NULL);

  g_return_val_if_fail (TEND_IS_YEAR_GRID (self), NULL);

  if (self->year == 0)
    return g_strdup ("");

  for (guint i = 0; i < self->days->len; i++)
    {
      const TendDayMood *day = &g_array_index (self->days, TendDayMood, i);

      if (day->n_entries == 0 || g_date_get_year (&day->day) != (GDateYear) self->year)
        continue;

      counts[tend_chart_round_mood (day->mean)]++;
      n_days++;
    }

  if (n_days == 0)
    /* Translators: the year in pixels' summary, as "No check-ins in 2026." */
    return g_strdup_printf (_("No check-ins in %d."), self->year);

  for (int mood = TEND_MOOD_LAST; mood >= TEND_MOOD_FIRST; mood--)
    {
      g_autofree char *item = NULL;

      if (counts[mood] == 0)
        continue;

      /* Translators: how many days of the year in pixels had a mood, as "Good: 40" */
      item = g_strdup_printf (C_("insights", "%s: %u"), tend_mood_get_label (mood), counts[mood]);
      if (list->len > 0)
        /* Translators: between the items of a list, as in "Great: 10, Good: 40" */
        g_string_append (list, C_("insights", ", "));
      g_string_append (list, item);
    }

  /* Translators: the year in pixels' summary, as "In 2026, 120 days with check-ins.
   * Great: 10, Good: 40, Okay: 50, Bad: 15, Awful: 5." */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %d, %u day with check-ins. %s.",
                                       "In %d, %u days with check-ins. %s.", n_days),
                          self->year, n_days, list->str);
}
