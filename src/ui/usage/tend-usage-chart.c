/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-usage-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tend-chart-cursor.h"
#include "tend-usage-chart.h"
#include "tend-usage-format.h"

/* A bar for each day's screen time, oldest first in the reading direction (so from the
 * right in Arabic), today in the full accent colour and the days before it lighter. The
 * daily goal, when there is one, is a dashed line across. The scale is in whole hours,
 * with a line for each step on the end side.
 *
 * One bar is selected: arrows, Home and End move the selection, a click picks a bar, and
 * the page says what the selected day holds. Its value is also the chart's accessible
 * description, and it is announced as it changes. */

#define MIN_HEIGHT     150
#define NATURAL_HEIGHT 190
#define BAR_RADIUS     4.f
#define LABEL_GAP      6.f

struct _TendUsageChart
{
  GtkWidget  parent_instance;

  /* Owned */
  GArray    *days;     /* of TendUsageDay, oldest first */
  GDate      today;
  guint      goal_s;
  int        selected; /* index in days, or -1 */
};

G_DEFINE_FINAL_TYPE (TendUsageChart, tend_usage_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

/* Where everything goes, worked out again for each frame. */
typedef struct
{
  float plot_start;  /* x of the plot's left edge */
  float plot_width;
  float plot_top;
  float plot_bottom;
  float slot_width;
  float bar_width;
  float axis_x;      /* x of the scale's labels: their left edge in LTR, right edge in RTL */
  float label_top;   /* y of the days' numbers */
  gboolean rtl;
} Layout;

/**
 * tend_usage_chart_get_scale:
 *
 * Returns: the seconds at the top of the chart: whole hours, enough for the longest day
 *   and the goal
 */
guint
tend_usage_chart_get_scale (TendUsageChart *self)
{
  guint longest, step, hours;

  g_return_val_if_fail (TEND_IS_USAGE_CHART (self), 3600);

  longest = self->goal_s;
  for (guint i = 0; self->days != NULL && i < self->days->len; i++)
    longest = MAX (longest, g_array_index (self->days, TendUsageDay, i).active_s);

  hours = MAX (1, (longest + 3599) / 3600);
  step = hours <= 4 ? 1 : hours <= 8 ? 2 : hours <= 12 ? 3 : 6;
  return ((hours + step - 1) / step) * step * 3600;
}

static guint
get_step_hours (TendUsageChart *self)
{
  guint hours = tend_usage_chart_get_scale (self) / 3600;

  return hours <= 4 ? 1 : hours <= 8 ? 2 : hours <= 12 ? 3 : 6;
}

static PangoLayout *
make_layout (TendUsageChart *self,
             const char     *text,
             gboolean        bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (bold)
    {
      g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

      pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attributes);
    }

  return layout;
}

static char *
format_scale_label (guint hours)
{
  return tend_usage_format_short_duration (hours * 3600);
}

static void
compute_layout (TendUsageChart *self,
                Layout         *layout)
{
  float width = gtk_widget_get_width (GTK_WIDGET (self));
  float height = gtk_widget_get_height (GTK_WIDGET (self));
  guint scale_hours = tend_usage_chart_get_scale (self) / 3600;
  guint step = get_step_hours (self);
  guint n = self->days != NULL ? MAX (self->days->len, 1) : 1;
  int axis_width = 0, text_height = 0;

  for (guint hours = step; hours <= scale_hours; hours += step)
    {
      g_autofree char *text = format_scale_label (hours);
      g_autoptr(PangoLayout) label = make_layout (self, text, FALSE);
      int w, h;

      pango_layout_get_pixel_size (label, &w, &h);
      axis_width = MAX (axis_width, w);
      text_height = MAX (text_height, h);
    }

  layout->rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  layout->plot_width = MAX (width - axis_width - LABEL_GAP, 1);
  layout->plot_start = layout->rtl ? width - layout->plot_width : 0;
  layout->axis_x = layout->rtl ? layout->plot_start - LABEL_GAP : layout->plot_width + LABEL_GAP;
  layout->plot_top = text_height / 2.f + 1;
  layout->label_top = height - text_height;
  layout->plot_bottom = MAX (layout->label_top - LABEL_GAP, layout->plot_top + 1);
  layout->slot_width = layout->plot_width / n;
  layout->bar_width = CLAMP (layout->slot_width * 0.6f, 3.f, 32.f);
}

/* The left edge of day @index's slot, days running from the start side. */
static float
slot_x (const Layout *layout,
        guint         n,
        guint         index)
{
  guint visual = layout->rtl ? n - 1 - index : index;

  return layout->plot_start + visual * layout->slot_width;
}

static float
value_y (TendUsageChart *self,
         const Layout   *layout,
         guint           seconds)
{
  double fraction = (double) seconds / tend_usage_chart_get_scale (self);

  return layout->plot_bottom - (layout->plot_bottom - layout->plot_top) * MIN (fraction, 1.0);
}

static int
index_at (TendUsageChart *self,
          double          x)
{
  Layout layout;
  int visual;
  guint n;

  if (self->days == NULL || self->days->len == 0)
    return -1;

  n = self->days->len;
  compute_layout (self, &layout);
  visual = (int) floor ((x - layout.plot_start) / layout.slot_width);
  if (visual < 0 || visual >= (int) n)
    return -1;

  return layout.rtl ? (int) n - 1 - visual : visual;
}

static void
get_colors (TendUsageChart *self,
            GdkRGBA        *foreground,
            GdkRGBA        *accent_bg,
            GdkRGBA        *accent)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr(GdkRGBA) accent_rgba = adw_style_manager_get_accent_color_rgba (manager);

  gtk_widget_get_color (GTK_WIDGET (self), foreground);
  *accent_bg = *accent_rgba;
  adw_accent_color_to_standalone_rgba (adw_style_manager_get_accent_color (manager),
                                       adw_style_manager_get_dark (manager), accent);
}

static void
append_line (GtkSnapshot   *snapshot,
             float          x0,
             float          x1,
             float          y,
             float          width,
             const float   *dash,
             guint          n_dash,
             const GdkRGBA *color)
{
  g_autoptr(GskPathBuilder) builder = gsk_path_builder_new ();
  g_autoptr(GskPath) path = NULL;
  g_autoptr(GskStroke) stroke = gsk_stroke_new (width);

  gsk_path_builder_move_to (builder, x0, y);
  gsk_path_builder_line_to (builder, x1, y);
  path = gsk_path_builder_free_to_path (g_steal_pointer (&builder));
  if (n_dash > 0)
    gsk_stroke_set_dash (stroke, dash, n_dash);
  gtk_snapshot_append_stroke (snapshot, path, stroke, color);
}

static void
append_layout_at (GtkSnapshot   *snapshot,
                  PangoLayout   *layout,
                  float          x,
                  float          y,
                  const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
snapshot_scale (TendUsageChart *self,
                GtkSnapshot    *snapshot,
                const Layout   *layout,
                const GdkRGBA  *foreground)
{
  guint scale_hours = tend_usage_chart_get_scale (self) / 3600;
  guint step = get_step_hours (self);
  GdkRGBA grid = *foreground, dimmed = *foreground;
  float plot_end = layout->plot_start + layout->plot_width;

  grid.alpha *= 0.12;
  dimmed.alpha *= 0.65;

  append_line (snapshot, layout->plot_start, plot_end, layout->plot_bottom, 1, NULL, 0, &grid);

  for (guint hours = step; hours <= scale_hours; hours += step)
    {
      float y = value_y (self, layout, hours * 3600);
      g_autofree char *text = format_scale_label (hours);
      g_autoptr(PangoLayout) label = make_layout (self, text, FALSE);
      int w, h;

      append_line (snapshot, layout->plot_start, plot_end, y, 1, NULL, 0, &grid);
      pango_layout_get_pixel_size (label, &w, &h);
      append_layout_at (snapshot, label, layout->rtl ? layout->axis_x - w : layout->axis_x,
                        y - h / 2.f, &dimmed);
    }
}

static void
snapshot_day (TendUsageChart *self,
              GtkSnapshot    *snapshot,
              const Layout   *layout,
              guint           index,
              const GdkRGBA  *foreground,
              const GdkRGBA  *accent_bg,
              const GdkRGBA  *accent)
{
  const TendUsageDay *day = &g_array_index (self->days, TendUsageDay, index);
  gboolean is_today = g_date_compare (&day->day, &self->today) == 0;
  float x = slot_x (layout, self->days->len, index);
  float bar_x = x + (layout->slot_width - layout->bar_width) / 2;
  g_autofree char *number = g_strdup_printf ("%u", g_date_get_day (&day->day));
  g_autoptr(PangoLayout) label = make_layout (self, number, is_today);
  GdkRGBA label_color = *foreground;
  int w, h;

  if (day->active_s > 0)
    {
      float top = MIN (value_y (self, layout, day->active_s), layout->plot_bottom - 2);
      float radius = MIN (BAR_RADIUS, layout->bar_width / 2);
      GskRoundedRect bar;
      GdkRGBA color = *accent_bg;

      if (!is_today)
        color.alpha *= 0.45;

      gsk_rounded_rect_init (&bar,
                             &GRAPHENE_RECT_INIT (bar_x, top, layout->bar_width,
                                                  layout->plot_bottom - top),
                             &GRAPHENE_SIZE_INIT (radius, radius),
                             &GRAPHENE_SIZE_INIT (radius, radius),
                             &GRAPHENE_SIZE_INIT (0, 0),
                             &GRAPHENE_SIZE_INIT (0, 0));
      gtk_snapshot_push_rounded_clip (snapshot, &bar);
      gtk_snapshot_append_color (snapshot, &color, &bar.bounds);
      gtk_snapshot_pop (snapshot);
    }

  if (is_today)
    label_color = *accent;
  else
    label_color.alpha *= 0.65;

  pango_layout_get_pixel_size (label, &w, &h);
  append_layout_at (snapshot, label, x + (layout->slot_width - w) / 2, layout->label_top,
                    &label_color);
}

/* The selected day has a faint background, and the focus ring while the keyboard is on
 * the chart. */
static void
snapshot_selection (TendUsageChart *self,
                    GtkSnapshot    *snapshot,
                    const Layout   *layout,
                    const GdkRGBA  *foreground,
                    const GdkRGBA  *accent)
{
  float x = slot_x (layout, self->days->len, self->selected);
  float height = gtk_widget_get_height (GTK_WIDGET (self));
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x + 1, 0, layout->slot_width - 2, height);
  GskRoundedRect area;
  GdkRGBA faint = *foreground;

  faint.alpha *= 0.07;
  gsk_rounded_rect_init_from_rect (&area, &bounds, 6);
  gtk_snapshot_push_rounded_clip (snapshot, &area);
  gtk_snapshot_append_color (snapshot, &faint, &bounds);
  gtk_snapshot_pop (snapshot);

  if (gtk_widget_has_visible_focus (GTK_WIDGET (self)))
    {
      GdkRGBA ring = *accent;
      const float widths[4] = { 2, 2, 2, 2 };
      const GdkRGBA colors[4] = { ring, ring, ring, ring };

      gtk_snapshot_append_border (snapshot, &area, widths, colors);
    }
}

static void
tend_usage_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  TendUsageChart *self = TEND_USAGE_CHART (widget);
  GdkRGBA foreground, accent_bg, accent;
  Layout layout;

  if (self->days == NULL || self->days->len == 0)
    return;

  get_colors (self, &foreground, &accent_bg, &accent);
  compute_layout (self, &layout);

  if (self->selected >= 0)
    snapshot_selection (self, snapshot, &layout, &foreground, &accent);

  snapshot_scale (self, snapshot, &layout, &foreground);

  for (guint i = 0; i < self->days->len; i++)
    snapshot_day (self, snapshot, &layout, i, &foreground, &accent_bg, &accent);

  if (self->goal_s > 0)
    {
      static const float dash[] = { 5, 4 };
      GdkRGBA goal = foreground;

      goal.alpha *= 0.8;
      append_line (snapshot, layout.plot_start, layout.plot_start + layout.plot_width,
                   value_y (self, &layout, self->goal_s), 1.5, dash, G_N_ELEMENTS (dash), &goal);
    }
}

static void
tend_usage_chart_measure (GtkWidget      *widget,
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
      /* 14 days stay legible at 360 pixels, with the page's margins. */
      *minimum = 200;
      *natural = 480;
    }
}

static gboolean
tend_usage_chart_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard_mode,
                                GtkTooltip *tooltip)
{
  TendUsageChart *self = TEND_USAGE_CHART (widget);
  int index = keyboard_mode ? self->selected : index_at (self, x);
  g_autofree char *text = NULL;

  if (index < 0)
    return FALSE;

  text = tend_usage_format_describe_day (&g_array_index (self->days, TendUsageDay, index),
                                         &self->today);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
update_description (TendUsageChart *self,
                    gboolean        announce)
{
  g_autofree char *text = NULL;

  if (self->selected >= 0)
    text = tend_usage_format_describe_day (&g_array_index (self->days, TendUsageDay, self->selected),
                                           &self->today);
  tend_chart_cursor_describe (GTK_WIDGET (self), text, announce);
}

static void
select_day (TendUsageChart *self,
            int             index,
            gboolean        announce)
{
  if (self->days == NULL || self->days->len == 0)
    index = -1;
  else
    index = CLAMP (index, 0, (int) self->days->len - 1);

  if (index == self->selected)
    return;

  self->selected = index;
  update_description (self, announce);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static gboolean
key_pressed_cb (TendUsageChart  *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  int index;

  if (!tend_chart_cursor_move (GTK_WIDGET (self), keyval, state, self->selected,
                               (int) (self->days != NULL ? self->days->len : 0), &index))
    return GDK_EVENT_PROPAGATE;

  select_day (self, index, TRUE);
  return GDK_EVENT_STOP;
}

static void
pressed_cb (TendUsageChart *self,
            int             n_press,
            double          x,
            double          y)
{
  int index = index_at (self, x);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (index >= 0)
    select_day (self, index, FALSE);
}

static void
tend_usage_chart_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TendUsageChart *self = TEND_USAGE_CHART (object);

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
tend_usage_chart_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TendUsageChart *self = TEND_USAGE_CHART (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      tend_usage_chart_set_selected (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_usage_chart_finalize (GObject *object)
{
  TendUsageChart *self = TEND_USAGE_CHART (object);

  g_clear_pointer (&self->days, g_array_unref);

  G_OBJECT_CLASS (tend_usage_chart_parent_class)->finalize (object);
}

static void
tend_usage_chart_class_init (TendUsageChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = tend_usage_chart_finalize;
  object_class->get_property = tend_usage_chart_get_property;
  object_class->set_property = tend_usage_chart_set_property;
  widget_class->snapshot = tend_usage_chart_snapshot;
  widget_class->measure = tend_usage_chart_measure;
  widget_class->query_tooltip = tend_usage_chart_query_tooltip;

  /**
   * TendUsageChart:selected:
   *
   * The day the page describes, as an index in the days (oldest first), or -1.
   */
  properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "usagechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tend_usage_chart_init (TendUsageChart *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
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

  /* The colours come from the style manager, not from CSS: follow it. */
  g_signal_connect_object (manager, "notify::accent-color-rgba",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
tend_usage_chart_new (void)
{
  return g_object_new (TEND_TYPE_USAGE_CHART, NULL);
}

/**
 * tend_usage_chart_set_days:
 * @days: (element-type TendUsageDay): the days to show, oldest first
 * @today: the usage day of today, drawn in the full accent colour
 *
 * Shows @days. The selection stays on the same date when it is still shown, else it
 * moves to the last day.
 */
void
tend_usage_chart_set_days (TendUsageChart *self,
                           GArray         *days,
                           const GDate    *today)
{
  GDate selected_day;
  int selected = -1;
  int before;

  g_return_if_fail (TEND_IS_USAGE_CHART (self));
  g_return_if_fail (days != NULL);
  g_return_if_fail (today != NULL && g_date_valid (today));

  g_date_clear (&selected_day, 1);
  if (self->selected >= 0)
    selected_day = g_array_index (self->days, TendUsageDay, self->selected).day;

  g_clear_pointer (&self->days, g_array_unref);
  self->days = g_array_ref (days);
  self->today = *today;

  for (guint i = 0; g_date_valid (&selected_day) && i < days->len; i++)
    if (g_date_compare (&g_array_index (days, TendUsageDay, i).day, &selected_day) == 0)
      selected = (int) i;

  before = self->selected;
  if (selected < 0)
    selected = (int) days->len - 1;
  self->selected = selected;
  update_description (self, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (selected != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

guint
tend_usage_chart_get_n_days (TendUsageChart *self)
{
  g_return_val_if_fail (TEND_IS_USAGE_CHART (self), 0);

  return self->days != NULL ? self->days->len : 0;
}

/**
 * tend_usage_chart_get_day:
 *
 * Returns: (transfer none): the day at @index, oldest first
 */
const TendUsageDay *
tend_usage_chart_get_day (TendUsageChart *self,
                          guint           index)
{
  g_return_val_if_fail (TEND_IS_USAGE_CHART (self), NULL);
  g_return_val_if_fail (index < tend_usage_chart_get_n_days (self), NULL);

  return &g_array_index (self->days, TendUsageDay, index);
}

/**
 * tend_usage_chart_set_goal:
 * @seconds: the daily goal, or 0 for none
 */
void
tend_usage_chart_set_goal (TendUsageChart *self,
                           guint           seconds)
{
  g_return_if_fail (TEND_IS_USAGE_CHART (self));

  if (self->goal_s == seconds)
    return;

  self->goal_s = seconds;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
tend_usage_chart_get_goal (TendUsageChart *self)
{
  g_return_val_if_fail (TEND_IS_USAGE_CHART (self), 0);

  return self->goal_s;
}

int
tend_usage_chart_get_selected (TendUsageChart *self)
{
  g_return_val_if_fail (TEND_IS_USAGE_CHART (self), -1);

  return self->selected;
}

/**
 * tend_usage_chart_set_selected:
 * @index: a day's index, oldest first; out of range moves to the nearest day
 */
void
tend_usage_chart_set_selected (TendUsageChart *self,
                               int             index)
{
  g_return_if_fail (TEND_IS_USAGE_CHART (self));

  select_day (self, index, FALSE);
}
