/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-bar-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "tend-bar-chart.h"
#include "tend-chart-cursor.h"
#include "tend-chart-draw.h"

/* Mean mood per category: a bar for each, in the reading order (so from the right in
 * Arabic), its height the mean on a scale of five, the mood's icon on top in the mood's
 * colour. Under it the category's name and how many check-ins stand behind it. A
 * category without check-ins keeps its empty track and says "–".
 *
 * One bar is selected: arrows, Home and End move the selection, a click picks a bar. Its
 * value is the chart's accessible description, announced as it changes. */

#define MIN_HEIGHT     150
#define NATURAL_HEIGHT 180
#define ICON_SIZE      16.f
#define GAP            4.f
#define BAR_RADIUS     6.f

typedef struct
{
  char             *label;
  char             *long_label;
  TendInsightsMean  mean;
} Bar;

struct _TendBarChart
{
  GtkWidget  parent_instance;

  /* Owned */
  GArray    *bars;     /* of Bar */
  int        selected; /* index in bars, or -1 */
  GtkWidget *swatches[TEND_CHART_N_MOODS];
};

G_DEFINE_FINAL_TYPE (TendBarChart, tend_bar_chart, GTK_TYPE_WIDGET)

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
  float    bar_width;
  float    label_top;
  float    count_top;
  gboolean rtl;
} Layout;

static void
clear_bar (Bar *bar)
{
  g_clear_pointer (&bar->label, g_free);
  g_clear_pointer (&bar->long_label, g_free);
}

static guint
get_n_bars (TendBarChart *self)
{
  return self->bars->len;
}

static const Bar *
get_bar (TendBarChart *self,
         guint         index)
{
  return &g_array_index (self->bars, Bar, index);
}

static void
compute_layout (TendBarChart *self,
                Layout       *layout)
{
  float width = gtk_widget_get_width (GTK_WIDGET (self));
  float height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autoptr(PangoLayout) probe = tend_chart_make_layout (GTK_WIDGET (self), "Mg", FALSE, FALSE);
  g_autoptr(PangoLayout) small = tend_chart_make_layout (GTK_WIDGET (self), "0", FALSE, TRUE);
  guint n = MAX (get_n_bars (self), 1);
  int text_height, small_height;

  pango_layout_get_pixel_size (probe, NULL, &text_height);
  pango_layout_get_pixel_size (small, NULL, &small_height);

  layout->rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  layout->plot_start = 0;
  layout->plot_width = MAX (width, 1);
  layout->plot_top = ICON_SIZE + 2 * GAP;
  layout->count_top = height - small_height;
  layout->label_top = layout->count_top - text_height;
  layout->plot_bottom = MAX (layout->label_top - GAP, layout->plot_top + 1);
  layout->slot_width = layout->plot_width / n;
  layout->bar_width = CLAMP (layout->slot_width * 0.55f, 6.f, 40.f);
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
value_y (const Layout *layout,
         double        mean)
{
  double fraction = CLAMP (mean / TEND_MOOD_LAST, 0.0, 1.0);

  return layout->plot_bottom - (layout->plot_bottom - layout->plot_top) * fraction;
}

static int
index_at (TendBarChart *self,
          double        x)
{
  Layout layout;
  int visual;
  guint n = get_n_bars (self);

  if (n == 0)
    return -1;

  compute_layout (self, &layout);
  visual = tend_chart_floor ((x - layout.plot_start) / layout.slot_width);
  if (visual < 0 || visual >= (int) n)
    return -1;

  return layout.rtl ? (int) n - 1 - visual : visual;
}

static char *
describe_bar (const Bar *bar)
{
  g_autofree char *mean = NULL;

  if (bar->mean.n_entries == 0)
    /* Translators: a category of a chart of mean moods (a weekday, a time of day) */
    return g_strdup_printf (_("%s: no check-ins"), bar->long_label);

  mean = tend_chart_format_mean (bar->mean.mean);
  /* Translators: a category of a chart of average moods, as "Monday: average mood 3.4 (Okay),
   * 12 check-ins" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: average mood %s (%s), %u check-in",
                                       "%s: average mood %s (%s), %u check-ins",
                                       bar->mean.n_entries),
                          bar->long_label, mean,
                          tend_mood_get_label (tend_chart_round_mood (bar->mean.mean)),
                          bar->mean.n_entries);
}

static void
snapshot_bar (TendBarChart  *self,
              GtkSnapshot   *snapshot,
              const Layout  *layout,
              guint          index,
              const GdkRGBA *foreground,
              const GdkRGBA *accent_bg)
{
  const Bar *bar = get_bar (self, index);
  float x = slot_x (layout, get_n_bars (self), index);
  float bar_x = x + (layout->slot_width - layout->bar_width) / 2;
  gboolean selected = (int) index == self->selected && gtk_widget_has_focus (GTK_WIDGET (self));
  g_autoptr(PangoLayout) label = tend_chart_make_layout (GTK_WIDGET (self), bar->label, selected, FALSE);
  g_autoptr(PangoLayout) count = NULL;
  g_autofree char *count_text = NULL;
  GdkRGBA track = *foreground, dimmed = *foreground;
  int w, h;

  track.alpha *= 0.06;
  dimmed.alpha *= 0.65;

  tend_chart_append_rounded_rect (snapshot,
                                  &GRAPHENE_RECT_INIT (bar_x, layout->plot_top, layout->bar_width,
                                                       layout->plot_bottom - layout->plot_top),
                                  BAR_RADIUS, &track, NULL, 0);

  if (bar->mean.n_entries > 0)
    {
      float top = MIN (value_y (layout, bar->mean.mean), layout->plot_bottom - 2);
      TendMood mood = tend_chart_round_mood (bar->mean.mean);
      GdkRGBA mood_color;

      tend_chart_append_rounded_rect (snapshot,
                                      &GRAPHENE_RECT_INIT (bar_x, top, layout->bar_width,
                                                           layout->plot_bottom - top),
                                      BAR_RADIUS, accent_bg, NULL, 0);
      tend_chart_get_mood_color (self->swatches, mood, &mood_color);
      tend_chart_append_icon (snapshot, GTK_WIDGET (self), tend_mood_get_icon_name (mood),
                              x + (layout->slot_width - ICON_SIZE) / 2, top - ICON_SIZE - GAP,
                              ICON_SIZE, &mood_color);
      count_text = g_strdup_printf ("%u", bar->mean.n_entries);
    }
  else
    {
      count_text = g_strdup ("–");
    }

  /* Centred in its slot, shortened when it does not fit, in either direction */
  pango_layout_set_width (label, (int) (layout->slot_width - 2) * PANGO_SCALE);
  pango_layout_set_alignment (label, PANGO_ALIGN_CENTER);
  pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  tend_chart_append_layout_at (snapshot, label, x + 1, layout->label_top,
                               selected ? foreground : &dimmed);

  count = tend_chart_make_layout (GTK_WIDGET (self), count_text, FALSE, TRUE);
  pango_layout_get_pixel_size (count, &w, &h);
  tend_chart_append_layout_at (snapshot, count, x + (layout->slot_width - w) / 2,
                               layout->count_top, &dimmed);
}

static void
snapshot_selection (TendBarChart  *self,
                    GtkSnapshot   *snapshot,
                    const Layout  *layout,
                    const GdkRGBA *foreground,
                    const GdkRGBA *accent)
{
  float x = slot_x (layout, get_n_bars (self), self->selected);
  float height = gtk_widget_get_height (GTK_WIDGET (self));
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x + 1, 0, layout->slot_width - 2, height);
  GdkRGBA faint = *foreground;

  faint.alpha *= 0.07;
  tend_chart_append_rounded_rect (snapshot, &bounds, 8, &faint,
                                  gtk_widget_has_visible_focus (GTK_WIDGET (self)) ? accent : NULL, 2);
}

static void
tend_bar_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  TendBarChart *self = TEND_BAR_CHART (widget);
  GdkRGBA foreground, accent_bg, accent;
  Layout layout;

  if (get_n_bars (self) == 0)
    return;

  gtk_widget_get_color (widget, &foreground);
  tend_chart_get_accent (widget, &accent_bg, &accent);
  compute_layout (self, &layout);

  /* The selected bar stands out only while the chart has the focus (the keyboard moved
   * there, or a bar was clicked): otherwise the first bar would read as the best. */
  if (self->selected >= 0 && gtk_widget_has_focus (widget))
    snapshot_selection (self, snapshot, &layout, &foreground, &accent);

  for (guint i = 0; i < get_n_bars (self); i++)
    snapshot_bar (self, snapshot, &layout, i, &foreground, &accent_bg);
}

static void
tend_bar_chart_measure (GtkWidget      *widget,
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
      *minimum = 160;
      *natural = 400;
    }
}

static gboolean
tend_bar_chart_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_mode,
                              GtkTooltip *tooltip)
{
  TendBarChart *self = TEND_BAR_CHART (widget);
  int index = keyboard_mode ? self->selected : index_at (self, x);
  g_autofree char *text = NULL;

  if (index < 0)
    return FALSE;

  text = describe_bar (get_bar (self, index));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
update_description (TendBarChart *self,
                    gboolean      announce)
{
  g_autofree char *text = NULL;

  if (self->selected >= 0)
    text = describe_bar (get_bar (self, self->selected));
  tend_chart_cursor_describe (GTK_WIDGET (self), text, announce);
}

static void
select_bar (TendBarChart *self,
            int           index,
            gboolean      announce)
{
  int n = (int) get_n_bars (self);

  index = n == 0 ? -1 : CLAMP (index, 0, n - 1);
  if (index == self->selected)
    return;

  self->selected = index;
  update_description (self, announce);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static gboolean
key_pressed_cb (TendBarChart    *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  int index;

  if (!tend_chart_cursor_move (GTK_WIDGET (self), keyval, state, self->selected,
                               (int) (get_n_bars (self)), &index))
    return GDK_EVENT_PROPAGATE;

  select_bar (self, index, TRUE);
  return GDK_EVENT_STOP;
}

static void
pressed_cb (TendBarChart *self,
            int           n_press,
            double        x,
            double        y)
{
  int index = index_at (self, x);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (index >= 0)
    select_bar (self, index, FALSE);
}

static void
tend_bar_chart_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TendBarChart *self = TEND_BAR_CHART (object);

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
tend_bar_chart_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TendBarChart *self = TEND_BAR_CHART (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      tend_bar_chart_set_selected (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_bar_chart_dispose (GObject *object)
{
  TendBarChart *self = TEND_BAR_CHART (object);

  tend_chart_remove_mood_swatches (self->swatches);

  G_OBJECT_CLASS (tend_bar_chart_parent_class)->dispose (object);
}

static void
tend_bar_chart_finalize (GObject *object)
{
  TendBarChart *self = TEND_BAR_CHART (object);

  g_clear_pointer (&self->bars, g_array_unref);

  G_OBJECT_CLASS (tend_bar_chart_parent_class)->finalize (object);
}

static void
tend_bar_chart_class_init (TendBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tend_bar_chart_dispose;
  object_class->finalize = tend_bar_chart_finalize;
  object_class->get_property = tend_bar_chart_get_property;
  object_class->set_property = tend_bar_chart_set_property;
  widget_class->snapshot = tend_bar_chart_snapshot;
  widget_class->measure = tend_bar_chart_measure;
  widget_class->query_tooltip = tend_bar_chart_query_tooltip;

  /**
   * TendBarChart:selected:
   *
   * The category described, as an index in the bars, or -1.
   */
  properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tend_bar_chart_init (TendBarChart *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->selected = -1;
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, (GDestroyNotify) clear_bar);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  /* The selection shows only with the focus */
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (gtk_widget_queue_draw), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (gtk_widget_queue_draw), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  tend_chart_add_mood_swatches (GTK_WIDGET (self), self->swatches);
  tend_chart_follow_style (GTK_WIDGET (self));
}

GtkWidget *
tend_bar_chart_new (void)
{
  return g_object_new (TEND_TYPE_BAR_CHART, NULL);
}

/**
 * tend_bar_chart_set_bars:
 * @n_bars: how many categories
 * @labels: (array length=n_bars): their short names, shown under the bars
 * @long_labels: (array length=n_bars): their full names, read aloud
 * @means: (array length=n_bars): the check-ins of each
 *
 * Shows the categories, in order. The selection stays on the same index when there are
 * as many bars, else it moves to the first.
 */
void
tend_bar_chart_set_bars (TendBarChart           *self,
                         guint                   n_bars,
                         const char * const     *labels,
                         const char * const     *long_labels,
                         const TendInsightsMean *means)
{
  int selected;

  g_return_if_fail (TEND_IS_BAR_CHART (self));
  g_return_if_fail (n_bars == 0 || (labels != NULL && long_labels != NULL && means != NULL));

  selected = n_bars == get_n_bars (self) ? self->selected : 0;

  g_array_set_size (self->bars, 0);
  for (guint i = 0; i < n_bars; i++)
    {
      Bar bar = {
        .label = g_strdup (labels[i]),
        .long_label = g_strdup (long_labels[i]),
        .mean = means[i],
      };

      g_array_append_val (self->bars, bar);
    }

  if (n_bars == 0)
    selected = -1;
  else
    selected = CLAMP (selected, 0, (int) n_bars - 1);

  if (selected != self->selected)
    {
      self->selected = selected;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }

  update_description (self, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
tend_bar_chart_get_selected (TendBarChart *self)
{
  g_return_val_if_fail (TEND_IS_BAR_CHART (self), -1);

  return self->selected;
}

/**
 * tend_bar_chart_set_selected:
 * @index: a bar's index; out of range moves to the nearest bar
 */
void
tend_bar_chart_set_selected (TendBarChart *self,
                             int           index)
{
  g_return_if_fail (TEND_IS_BAR_CHART (self));

  select_bar (self, index, FALSE);
}

/**
 * tend_bar_chart_get_summary:
 *
 * Returns: (transfer full): a sentence that says what the chart shows: the highest and
 *   the lowest categories, or that there are no check-ins
 */
char *
tend_bar_chart_get_summary (TendBarChart *self)
{
  const Bar *highest = NULL, *lowest = NULL;
  guint n_with = 0;
  g_autofree char *high_mean = NULL;
  g_autofree char *low_mean = NULL;

  g_return_val_if_fail (TEND_IS_BAR_CHART (self), NULL);

  for (guint i = 0; i < get_n_bars (self); i++)
    {
      const Bar *bar = get_bar (self, i);

      if (bar->mean.n_entries == 0)
        continue;

      n_with++;
      if (highest == NULL || bar->mean.mean > highest->mean.mean)
        highest = bar;
      if (lowest == NULL || bar->mean.mean < lowest->mean.mean)
        lowest = bar;
    }

  if (n_with == 0)
    return g_strdup (_("No check-ins to compare yet."));

  high_mean = tend_chart_format_mean (highest->mean.mean);
  if (n_with == 1)
    /* Translators: the summary of a chart of mean moods by weekday or time of day when
     * only one has check-ins, as "Only Monday has check-ins: an average mood of 3.4." */
    return g_strdup_printf (_("Only %s has check-ins: an average mood of %s."),
                            highest->long_label, high_mean);

  if (highest->mean.mean == lowest->mean.mean)
    /* Translators: the summary of a chart of average moods, as "The same average mood, 3.4, for
     * each with check-ins." */
    return g_strdup_printf (_("The same average mood, %s, for each with check-ins."), high_mean);

  low_mean = tend_chart_format_mean (lowest->mean.mean);
  /* Translators: the summary of a chart of mean moods by weekday or time of day, as
   * "Highest average mood: Saturday (4.1). Lowest: Monday (2.9)." */
  return g_strdup_printf (_("Highest average mood: %s (%s). Lowest: %s (%s)."),
                          highest->long_label, high_mean, lowest->long_label, low_mean);
}
