/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-mood-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "tend-chart-cursor.h"
#include "tend-chart-draw.h"
#include "tend-mood-chart.h"

/* Mood over time: a point for each day (a week, a month) or week (a year), oldest first in
 * the reading direction (so from the right in Arabic). A point is a dot at its mean in the
 * colour of that mood, over a bar from its lowest to its highest check-in; a line in the
 * accent colour joins neighbours. A point without check-ins is a gap: the line breaks.
 * Points after today are not drawn and cannot be selected. The moods' icons make the
 * scale, on the start side.
 *
 * One point is selected: arrows, Home and End move the selection, a click picks a point.
 * Its value is the chart's accessible description, announced as it changes. */

#define MIN_HEIGHT     160
#define NATURAL_HEIGHT 200
#define ICON_SIZE      16.f
#define GAP            6.f
#define LINE_WIDTH     2.f

struct _TendMoodChart
{
  GtkWidget           parent_instance;

  /* Owned */
  TendInsightsPeriod  period;
  GArray             *points;   /* of TendInsightsPoint, oldest first */
  GDate               today;
  int                 selected; /* index in points, or -1 */
  GtkWidget          *swatches[TEND_CHART_N_MOODS];
};

G_DEFINE_FINAL_TYPE (TendMoodChart, tend_mood_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  float    plot_start;
  float    plot_width;
  float    plot_top;
  float    plot_bottom;
  float    slot_width;
  float    axis_x;     /* the icons' left edge */
  float    label_top;
  gboolean rtl;
} Layout;

static guint
get_n_points (TendMoodChart *self)
{
  return self->points != NULL ? self->points->len : 0;
}

static const TendInsightsPoint *
get_point (TendMoodChart *self,
           guint          index)
{
  return &g_array_index (self->points, TendInsightsPoint, index);
}

static gboolean
is_future (TendMoodChart           *self,
           const TendInsightsPoint *point)
{
  return g_date_valid (&self->today) && g_date_compare (&point->first, &self->today) > 0;
}

/* The points up to today: the ones drawn and selectable. They come first. */
static guint
get_n_present (TendMoodChart *self)
{
  guint n = 0;

  while (n < get_n_points (self) && !is_future (self, get_point (self, n)))
    n++;

  return n;
}

static gboolean
contains_today (TendMoodChart           *self,
                const TendInsightsPoint *point)
{
  return g_date_valid (&self->today) &&
         g_date_compare (&point->first, &self->today) <= 0 &&
         g_date_compare (&point->last, &self->today) >= 0;
}

static void
compute_layout (TendMoodChart *self,
                Layout        *layout)
{
  float width = gtk_widget_get_width (GTK_WIDGET (self));
  float height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autoptr(PangoLayout) probe = tend_chart_make_layout (GTK_WIDGET (self), "Mg", FALSE, TRUE);
  guint n = MAX (get_n_points (self), 1);
  int text_height;

  pango_layout_get_pixel_size (probe, NULL, &text_height);

  layout->rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  layout->plot_width = MAX (width - ICON_SIZE - GAP, 1);
  layout->plot_start = layout->rtl ? 0 : width - layout->plot_width;
  layout->axis_x = layout->rtl ? width - ICON_SIZE : 0;
  layout->plot_top = ICON_SIZE / 2 + 1;
  layout->label_top = height - text_height;
  layout->plot_bottom = MAX (layout->label_top - GAP - ICON_SIZE / 2, layout->plot_top + 1);
  layout->slot_width = layout->plot_width / n;
}

static float
slot_x (const Layout *layout,
        guint         n,
        guint         index)
{
  guint visual = layout->rtl ? n - 1 - index : index;

  return layout->plot_start + visual * layout->slot_width;
}

static float
center_x (const Layout *layout,
          guint         n,
          guint         index)
{
  return slot_x (layout, n, index) + layout->slot_width / 2;
}

static float
value_y (const Layout *layout,
         double        mean)
{
  double fraction = (CLAMP (mean, TEND_MOOD_FIRST, TEND_MOOD_LAST) - TEND_MOOD_FIRST) /
                    (TEND_MOOD_LAST - TEND_MOOD_FIRST);

  return layout->plot_bottom - (layout->plot_bottom - layout->plot_top) * fraction;
}

static int
index_at (TendMoodChart *self,
          double         x)
{
  Layout layout;
  int visual, index;
  guint n = get_n_points (self);

  if (n == 0)
    return -1;

  compute_layout (self, &layout);
  visual = tend_chart_floor ((x - layout.plot_start) / layout.slot_width);
  if (visual < 0 || visual >= (int) n)
    return -1;

  index = layout.rtl ? (int) n - 1 - visual : visual;
  return index < (int) get_n_present (self) ? index : -1;
}

/* The days of a point: "Tuesday, November 18", or "November 17 to 23" for a week. */
static char *
format_when (TendMoodChart           *self,
             const TendInsightsPoint *point)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (g_date_compare (&point->first, &point->last) == 0)
    return tend_chart_format_day (&point->first);

  /* Translators: a day in a range of days, as "November 17"; see strftime(3) */
  first = tend_chart_format_date (&point->first, C_("insights", "%B %-d"));
  last = tend_chart_format_date (&point->last, C_("insights", "%B %-d"));
  /* Translators: a week of the mood chart, as "November 17 to November 23" */
  return g_strdup_printf (C_("insights", "%s to %s"), first, last);
}

static char *
describe_point (TendMoodChart           *self,
                const TendInsightsPoint *point)
{
  g_autofree char *when = format_when (self, point);
  g_autofree char *mean = NULL;
  g_autofree char *checkins = NULL;

  if (point->n_entries == 0)
    /* Translators: a day or a week of the mood chart without check-ins */
    return g_strdup_printf (_("%s: no check-ins"), when);

  mean = tend_chart_format_mean (point->mean);
  checkins = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u check-in", "%u check-ins",
                                           point->n_entries),
                              point->n_entries);

  if (point->lowest == point->highest)
    /* Translators: a day or a week of the mood chart, as "Tuesday, November 18: average mood
     * 4.0 (Good), 2 check-ins" */
    return g_strdup_printf (_("%s: average mood %s (%s), %s"), when, mean,
                            tend_mood_get_label (tend_chart_round_mood (point->mean)), checkins);

  /* Translators: a day or a week of the mood chart, as "Tuesday, November 18: average mood
   * 3.7 (Good), 3 check-ins, from Okay to Great" */
  return g_strdup_printf (_("%s: average mood %s (%s), %s, from %s to %s"), when, mean,
                          tend_mood_get_label (tend_chart_round_mood (point->mean)), checkins,
                          tend_mood_get_label (CLAMP (point->lowest, TEND_MOOD_FIRST, TEND_MOOD_LAST)),
                          tend_mood_get_label (CLAMP (point->highest, TEND_MOOD_FIRST, TEND_MOOD_LAST)));
}

/* The label under a point, or NULL for none. @step is in days for a month, in months for
 * a year. */
static char *
make_x_label (TendMoodChart           *self,
              guint                    index,
              guint                    step)
{
  const TendInsightsPoint *point = get_point (self, index);

  switch (self->period)
    {
    case TEND_INSIGHTS_PERIOD_WEEK:
      /* Translators: a weekday under the mood chart of a week; see strftime(3) */
      return tend_chart_format_date (&point->first, C_("insights", "%a"));

    case TEND_INSIGHTS_PERIOD_MONTH:
      if ((g_date_get_day (&point->first) - 1) % step != 0)
        return NULL;
      return g_strdup_printf ("%u", g_date_get_day (&point->first));

    case TEND_INSIGHTS_PERIOD_YEAR:
    default:
      /* The week where a month begins */
      if (g_date_get_day (&point->first) != 1 &&
          g_date_get_month (&point->first) == g_date_get_month (&point->last))
        return NULL;
      else
        {
          GDate month_start = point->last;

          if ((g_date_get_month (&month_start) - 1) % step != 0)
            return NULL;
          g_date_set_day (&month_start, 1);
          /* Translators: a month under the mood chart of a year; see strftime(3). Where
           * the language has no short names that read well (glibc's Arabic ones are cut
           * words), use %B, the whole name: the chart leaves out names that would not fit. */
          /* xgettext:no-c-format (a g_date_time_format() format) */
          return tend_chart_format_date (&month_start, C_("insights", "%b"));
        }
    }
}

/* Day numbers of a month every day, every other day or every week; months of a year every
 * month, every other month or every quarter: as the width allows, evenly. */
static guint
get_label_step (TendMoodChart *self,
                const Layout  *layout)
{
  int widest = 0;

  if (self->period == TEND_INSIGHTS_PERIOD_MONTH)
    {
      g_autoptr(PangoLayout) probe = tend_chart_make_layout (GTK_WIDGET (self), "28", FALSE, TRUE);

      pango_layout_get_pixel_size (probe, &widest, NULL);
      if (widest + 4 <= layout->slot_width)
        return 1;
      if (widest + 4 <= 2 * layout->slot_width)
        return 2;
      return 7;
    }

  if (self->period != TEND_INSIGHTS_PERIOD_YEAR)
    return 1;

  for (int month = G_DATE_JANUARY; month <= G_DATE_DECEMBER; month++)
    {
      GDate day;
      g_autofree char *name = NULL;
      g_autoptr(PangoLayout) label = NULL;
      int w;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, 1, month, 2000);
      /* xgettext:no-c-format (a g_date_time_format() format) */
      name = tend_chart_format_date (&day, C_("insights", "%b"));
      label = tend_chart_make_layout (GTK_WIDGET (self), name, FALSE, TRUE);
      pango_layout_get_pixel_size (label, &w, NULL);
      widest = MAX (widest, w);
    }

  /* A month is at least four weeks */
  if (widest + 4 <= 4 * layout->slot_width)
    return 1;
  if (widest + 4 <= 8 * layout->slot_width)
    return 2;
  return 3;
}

static void
snapshot_axes (TendMoodChart *self,
               GtkSnapshot   *snapshot,
               const Layout  *layout,
               const GdkRGBA *foreground,
               const GdkRGBA *accent)
{
  GdkRGBA grid = *foreground, dimmed = *foreground;
  float plot_end = layout->plot_start + layout->plot_width;
  guint n = get_n_points (self), step = get_label_step (self, layout);
  float last_end = -G_MAXFLOAT;

  grid.alpha *= 0.12;
  dimmed.alpha *= 0.65;

  for (int mood = TEND_MOOD_FIRST; mood <= TEND_MOOD_LAST; mood++)
    {
      float y = value_y (layout, mood);
      GdkRGBA color;

      tend_chart_append_line (snapshot, layout->plot_start, y, plot_end, y, 1, &grid);
      tend_chart_get_mood_color (self->swatches, mood, &color);
      tend_chart_append_icon (snapshot, GTK_WIDGET (self), tend_mood_get_icon_name (mood),
                              layout->axis_x, y - ICON_SIZE / 2, ICON_SIZE, &color);
    }

  /* The labels go in the reading direction, each where it does not touch the last. */
  for (guint i = 0; i < n; i++)
    {
      const TendInsightsPoint *point = get_point (self, i);
      g_autofree char *text = make_x_label (self, i, step);
      g_autoptr(PangoLayout) label = NULL;
      gboolean today = contains_today (self, point) && self->period != TEND_INSIGHTS_PERIOD_YEAR;
      float x, start, end;
      int w, h;

      if (text == NULL)
        continue;

      label = tend_chart_make_layout (GTK_WIDGET (self), text, today, TRUE);
      pango_layout_get_pixel_size (label, &w, &h);
      if (self->period == TEND_INSIGHTS_PERIOD_YEAR)
        {
          /* A month's name starts at its first week */
          x = layout->rtl ? slot_x (layout, n, i) + layout->slot_width - w : slot_x (layout, n, i);
        }
      else
        {
          x = center_x (layout, n, i) - w / 2.f;
        }
      x = CLAMP (x, 0, gtk_widget_get_width (GTK_WIDGET (self)) - w);

      start = layout->rtl ? -(x + w) : x;
      end = start + w;
      if (start < last_end + 4)
        continue;
      last_end = end;

      tend_chart_append_layout_at (snapshot, label, x, layout->label_top,
                                   today ? accent : is_future (self, point) ? &grid : &dimmed);
    }
}

static void
snapshot_points (TendMoodChart *self,
                 GtkSnapshot   *snapshot,
                 const Layout  *layout,
                 const GdkRGBA *foreground,
                 const GdkRGBA *accent_bg)
{
  guint n = get_n_points (self), n_present = get_n_present (self);
  float spread_width = CLAMP (layout->slot_width * 0.45f, 3.f, 10.f);
  float radius = CLAMP (layout->slot_width * 0.3f, 3.f, 5.5f);
  GdkRGBA spread = *foreground;

  spread.alpha *= 0.14;

  /* The spread under everything */
  for (guint i = 0; i < n_present; i++)
    {
      const TendInsightsPoint *point = get_point (self, i);
      float x = center_x (layout, n, i);
      float top, bottom;

      if (point->n_entries == 0 || point->lowest == point->highest)
        continue;

      top = value_y (layout, point->highest) - spread_width / 2;
      bottom = value_y (layout, point->lowest) + spread_width / 2;
      tend_chart_append_rounded_rect (snapshot,
                                      &GRAPHENE_RECT_INIT (x - spread_width / 2, top,
                                                           spread_width, bottom - top),
                                      spread_width / 2, &spread, NULL, 0);
    }

  /* The line, broken by gaps */
  {
    g_autoptr(GskPathBuilder) builder = gsk_path_builder_new ();
    g_autoptr(GskPath) path = NULL;
    g_autoptr(GskStroke) stroke = gsk_stroke_new (LINE_WIDTH);
    gboolean drawing = FALSE;

    gsk_stroke_set_line_join (stroke, GSK_LINE_JOIN_ROUND);
    gsk_stroke_set_line_cap (stroke, GSK_LINE_CAP_ROUND);

    for (guint i = 0; i < n_present; i++)
      {
        const TendInsightsPoint *point = get_point (self, i);
        float x = center_x (layout, n, i), y;

        if (point->n_entries == 0)
          {
            drawing = FALSE;
            continue;
          }

        y = value_y (layout, point->mean);
        if (drawing)
          gsk_path_builder_line_to (builder, x, y);
        else
          gsk_path_builder_move_to (builder, x, y);
        drawing = TRUE;
      }

    path = gsk_path_builder_free_to_path (g_steal_pointer (&builder));
    gtk_snapshot_append_stroke (snapshot, path, stroke, accent_bg);
  }

  /* The dots on top, in their mood's colour */
  for (guint i = 0; i < n_present; i++)
    {
      const TendInsightsPoint *point = get_point (self, i);
      float x = center_x (layout, n, i), y;
      GdkRGBA color;

      if (point->n_entries == 0)
        continue;

      y = value_y (layout, point->mean);
      tend_chart_get_mood_color (self->swatches, tend_chart_round_mood (point->mean), &color);
      tend_chart_append_rounded_rect (snapshot,
                                      &GRAPHENE_RECT_INIT (x - radius, y - radius,
                                                           2 * radius, 2 * radius),
                                      radius, &color, NULL, 0);
    }
}

static void
snapshot_selection (TendMoodChart *self,
                    GtkSnapshot   *snapshot,
                    const Layout  *layout,
                    const GdkRGBA *foreground,
                    const GdkRGBA *accent)
{
  float x = slot_x (layout, get_n_points (self), self->selected);
  float height = gtk_widget_get_height (GTK_WIDGET (self));
  float width = MAX (layout->slot_width, 6);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x + (layout->slot_width - width) / 2, 0, width, height);
  GdkRGBA faint = *foreground;

  faint.alpha *= 0.08;
  tend_chart_append_rounded_rect (snapshot, &bounds, MIN (6, width / 2), &faint,
                                  gtk_widget_has_visible_focus (GTK_WIDGET (self)) ? accent : NULL, 2);
}

static void
tend_mood_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  TendMoodChart *self = TEND_MOOD_CHART (widget);
  GdkRGBA foreground, accent_bg, accent;
  Layout layout;

  if (get_n_points (self) == 0)
    return;

  gtk_widget_get_color (widget, &foreground);
  tend_chart_get_accent (widget, &accent_bg, &accent);
  compute_layout (self, &layout);

  if (self->selected >= 0)
    snapshot_selection (self, snapshot, &layout, &foreground, &accent);

  snapshot_axes (self, snapshot, &layout, &foreground, &accent);
  snapshot_points (self, snapshot, &layout, &foreground, &accent_bg);
}

static void
tend_mood_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = MIN_HEIGHT;
      *natural = NATURAL_HEIGHT;
    }
  else
    {
      *minimum = 200;
      *natural = 480;
    }
}

static gboolean
tend_mood_chart_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_mode,
                               GtkTooltip *tooltip)
{
  TendMoodChart *self = TEND_MOOD_CHART (widget);
  int index = keyboard_mode ? self->selected : index_at (self, x);
  g_autofree char *text = NULL;

  if (index < 0)
    return FALSE;

  text = describe_point (self, get_point (self, index));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
update_description (TendMoodChart *self,
                    gboolean       announce)
{
  g_autofree char *text = NULL;

  if (self->selected >= 0)
    text = describe_point (self, get_point (self, self->selected));
  tend_chart_cursor_describe (GTK_WIDGET (self), text, announce);
}

static void
select_point (TendMoodChart *self,
              int            index,
              gboolean       announce)
{
  int n = (int) get_n_present (self);

  index = n == 0 ? -1 : CLAMP (index, 0, n - 1);
  if (index == self->selected)
    return;

  self->selected = index;
  update_description (self, announce);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static gboolean
key_pressed_cb (TendMoodChart   *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  int index;

  if (!tend_chart_cursor_move (GTK_WIDGET (self), keyval, state, self->selected,
                               (int) (get_n_present (self)), &index))
    return GDK_EVENT_PROPAGATE;

  select_point (self, index, TRUE);
  return GDK_EVENT_STOP;
}

static void
pressed_cb (TendMoodChart *self,
            int            n_press,
            double         x,
            double         y)
{
  int index = index_at (self, x);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (index >= 0)
    select_point (self, index, FALSE);
}

static void
tend_mood_chart_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TendMoodChart *self = TEND_MOOD_CHART (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_int (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_mood_chart_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TendMoodChart *self = TEND_MOOD_CHART (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      tend_mood_chart_set_selected (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_mood_chart_dispose (GObject *object)
{
  TendMoodChart *self = TEND_MOOD_CHART (object);

  tend_chart_remove_mood_swatches (self->swatches);

  G_OBJECT_CLASS (tend_mood_chart_parent_class)->dispose (object);
}

static void
tend_mood_chart_finalize (GObject *object)
{
  TendMoodChart *self = TEND_MOOD_CHART (object);

  g_clear_pointer (&self->points, g_array_unref);

  G_OBJECT_CLASS (tend_mood_chart_parent_class)->finalize (object);
}

static void
tend_mood_chart_class_init (TendMoodChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tend_mood_chart_dispose;
  object_class->finalize = tend_mood_chart_finalize;
  object_class->get_property = tend_mood_chart_get_property;
  object_class->set_property = tend_mood_chart_set_property;
  widget_class->snapshot = tend_mood_chart_snapshot;
  widget_class->measure = tend_mood_chart_measure;
  widget_class->query_tooltip = tend_mood_chart_query_tooltip;

  /**
   * TendMoodChart:selected:
   *
   * The point described, as an index in the points (oldest first), or -1.
   */
  properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "moodchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tend_mood_chart_init (TendMoodChart *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->selected = -1;
  g_date_clear (&self->today, 1);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  tend_chart_add_mood_swatches (GTK_WIDGET (self), self->swatches);
  tend_chart_follow_style (GTK_WIDGET (self));
}

GtkWidget *
tend_mood_chart_new (void)
{
  return g_object_new (TEND_TYPE_MOOD_CHART, NULL);
}

/**
 * tend_mood_chart_set_points:
 * @period: what a point is: a day (a week, a month) or a week (a year)
 * @points: (element-type TendInsightsPoint): every day or week of the period, in order
 * @today: today; points after it are not drawn
 *
 * Shows @points. The selection stays on the same date when it is still shown, else it
 * moves to the last point up to today.
 */
void
tend_mood_chart_set_points (TendMoodChart      *self,
                            TendInsightsPeriod  period,
                            GArray             *points,
                            const GDate        *today)
{
  GDate selected_day;
  int selected = -1, before;
  guint n_present;

  g_return_if_fail (TEND_IS_MOOD_CHART (self));
  g_return_if_fail (points != NULL);
  g_return_if_fail (today != NULL && g_date_valid (today));

  g_date_clear (&selected_day, 1);
  if (self->selected >= 0 && self->period == period)
    selected_day = get_point (self, self->selected)->first;

  g_clear_pointer (&self->points, g_array_unref);
  self->points = g_array_ref (points);
  self->period = period;
  self->today = *today;

  n_present = get_n_present (self);
  for (guint i = 0; g_date_valid (&selected_day) && i < n_present; i++)
    if (g_date_compare (&get_point (self, i)->first, &selected_day) == 0)
      selected = (int) i;

  if (selected < 0)
    selected = (int) n_present - 1;

  before = self->selected;
  self->selected = selected;
  update_description (self, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (selected != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

int
tend_mood_chart_get_selected (TendMoodChart *self)
{
  g_return_val_if_fail (TEND_IS_MOOD_CHART (self), -1);

  return self->selected;
}

/**
 * tend_mood_chart_set_selected:
 * @index: a point's index, oldest first; out of range moves to the nearest point up to
 *   today
 */
void
tend_mood_chart_set_selected (TendMoodChart *self,
                              int            index)
{
  g_return_if_fail (TEND_IS_MOOD_CHART (self));

  select_point (self, index, FALSE);
}

/**
 * tend_mood_chart_get_summary:
 *
 * Returns: (transfer full): a sentence that says what the chart shows: the mean mood,
 *   how many days stand behind it, and the highest and lowest points
 */
char *
tend_mood_chart_get_summary (TendMoodChart *self)
{
  const TendInsightsPoint *highest = NULL, *lowest = NULL;
  double sum = 0;
  guint n_days = 0;
  g_autofree char *mean = NULL;
  g_autofree char *first = NULL;
  g_autofree char *high_when = NULL;
  g_autofree char *low_when = NULL;
  g_autofree char *high_mean = NULL;
  g_autofree char *low_mean = NULL;

  g_return_val_if_fail (TEND_IS_MOOD_CHART (self), NULL);

  for (guint i = 0; i < get_n_present (self); i++)
    {
      const TendInsightsPoint *point = get_point (self, i);

      if (point->n_entries == 0)
        continue;

      sum += point->mean * point->n_days;
      n_days += point->n_days;
      if (highest == NULL || point->mean > highest->mean)
        highest = point;
      if (lowest == NULL || point->mean < lowest->mean)
        lowest = point;
    }

  if (n_days == 0)
    return g_strdup (_("No check-ins in this period."));

  mean = tend_chart_format_mean (sum / n_days);
  /* Translators: the start of the mood chart's summary, as "An average mood of 3.6 (Good)
   * over 21 days with check-ins." */
  first = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "An average mood of %s (%s) over %u day with check-ins.",
                                        "An average mood of %s (%s) over %u days with check-ins.",
                                        n_days),
                           mean, tend_mood_get_label (tend_chart_round_mood (sum / n_days)), n_days);

  if (highest == lowest || highest->mean == lowest->mean)
    return g_steal_pointer (&first);

  high_when = format_when (self, highest);
  low_when = format_when (self, lowest);
  high_mean = tend_chart_format_mean (highest->mean);
  low_mean = tend_chart_format_mean (lowest->mean);

  /* Translators: the mood chart's summary: its start, then the highest and the lowest
   * day or week, as "… Highest: Saturday, November 22 (4.5). Lowest: Monday, November 17
   * (2.0)." */
  return g_strdup_printf (_("%s Highest: %s (%s). Lowest: %s (%s)."),
                          first, high_when, high_mean, low_when, low_mean);
}
