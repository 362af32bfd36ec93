/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-chart-draw"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tend-chart-draw.h"

/* The mood colours live in style.css (.mood-awful … .mood-great set --mood-color, and the
 * "moodswatch" rule turns it into the colour). Five hidden children of the chart carry
 * those classes, so light, dark and any later change of the stylesheet reach the chart
 * through gtk_widget_get_color(). */
void
tend_chart_add_mood_swatches (GtkWidget  *chart,
                              GtkWidget **swatches)
{
  for (int mood = TEND_MOOD_FIRST; mood <= TEND_MOOD_LAST; mood++)
    {
      GtkWidget *swatch = g_object_new (GTK_TYPE_BOX,
                                        "css-name", "moodswatch",
                                        "visible", FALSE,
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                        NULL);
      g_autofree char *class = g_strconcat ("mood-", tend_mood_get_nick (mood), NULL);

      gtk_widget_add_css_class (swatch, class);
      gtk_widget_set_parent (swatch, chart);
      swatches[mood - TEND_MOOD_FIRST] = swatch;
    }
}

void
tend_chart_remove_mood_swatches (GtkWidget **swatches)
{
  for (guint i = 0; i < TEND_CHART_N_MOODS; i++)
    g_clear_pointer (&swatches[i], gtk_widget_unparent);
}

void
tend_chart_get_mood_color (GtkWidget **swatches,
                           TendMood    mood,
                           GdkRGBA    *color)
{
  g_assert (tend_mood_is_valid (mood));

  gtk_widget_get_color (swatches[mood - TEND_MOOD_FIRST], color);
}

/* The mood a mean stands for: halves go up, as people read "3.5" as nearer Good. */
TendMood
tend_chart_round_mood (double mean)
{
  return CLAMP (tend_chart_floor (mean + 0.5), TEND_MOOD_FIRST, TEND_MOOD_LAST);
}

void
tend_chart_get_accent (GtkWidget *chart,
                       GdkRGBA   *accent_bg,
                       GdkRGBA   *accent)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr(GdkRGBA) accent_rgba = adw_style_manager_get_accent_color_rgba (manager);

  *accent_bg = *accent_rgba;
  adw_accent_color_to_standalone_rgba (adw_style_manager_get_accent_color (manager),
                                       adw_style_manager_get_dark (manager), accent);
}

/* The accent comes from the style manager, not from CSS: redraw when it changes. */
void
tend_chart_follow_style (GtkWidget *chart)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_signal_connect_object (manager, "notify::accent-color-rgba",
                           G_CALLBACK (gtk_widget_queue_draw), chart, G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), chart, G_CONNECT_SWAPPED);
}

PangoLayout *
tend_chart_make_layout (GtkWidget  *chart,
                        const char *text,
                        gboolean    bold,
                        gboolean    small)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (chart, text);
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

  if (bold)
    pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (small)
    pango_attr_list_insert (attributes, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attributes);

  return layout;
}

void
tend_chart_append_layout_at (GtkSnapshot   *snapshot,
                             PangoLayout   *layout,
                             float          x,
                             float          y,
                             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (tend_chart_floor (x + 0.5),
                                                          tend_chart_floor (y + 0.5)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

void
tend_chart_append_line (GtkSnapshot   *snapshot,
                        float          x0,
                        float          y0,
                        float          x1,
                        float          y1,
                        float          width,
                        const GdkRGBA *color)
{
  g_autoptr(GskPathBuilder) builder = gsk_path_builder_new ();
  g_autoptr(GskPath) path = NULL;
  g_autoptr(GskStroke) stroke = gsk_stroke_new (width);

  gsk_path_builder_move_to (builder, x0, y0);
  gsk_path_builder_line_to (builder, x1, y1);
  path = gsk_path_builder_free_to_path (g_steal_pointer (&builder));
  gtk_snapshot_append_stroke (snapshot, path, stroke, color);
}

/* A rounded rectangle, filled and or outlined (inside its bounds); NULL for neither. */
void
tend_chart_append_rounded_rect (GtkSnapshot           *snapshot,
                                const graphene_rect_t *rect,
                                float                  radius,
                                const GdkRGBA         *fill,
                                const GdkRGBA         *border,
                                float                  border_width)
{
  GskRoundedRect area;

  radius = MIN (radius, MIN (rect->size.width, rect->size.height) / 2);
  gsk_rounded_rect_init_from_rect (&area, rect, radius);

  if (fill != NULL)
    {
      gtk_snapshot_push_rounded_clip (snapshot, &area);
      gtk_snapshot_append_color (snapshot, fill, rect);
      gtk_snapshot_pop (snapshot);
    }

  if (border != NULL)
    {
      const float widths[4] = { border_width, border_width, border_width, border_width };
      const GdkRGBA colors[4] = { *border, *border, *border, *border };

      gtk_snapshot_append_border (snapshot, &area, widths, colors);
    }
}

/* A symbolic icon of @size pixels with its top left corner at @x, @y, in @color. */
void
tend_chart_append_icon (GtkSnapshot   *snapshot,
                        GtkWidget     *chart,
                        const char    *icon_name,
                        float          x,
                        float          y,
                        float          size,
                        const GdkRGBA *color)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (chart));
  g_autoptr(GtkIconPaintable) icon = NULL;
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  icon = gtk_icon_theme_lookup_icon (theme, icon_name, NULL, (int) size,
                                     gtk_widget_get_scale_factor (chart),
                                     gtk_widget_get_direction (chart), 0);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (tend_chart_floor (x + 0.5),
                                                          tend_chart_floor (y + 0.5)));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                            size, size, colors, G_N_ELEMENTS (colors));
  gtk_snapshot_restore (snapshot);
}

/* A mean mood as people read it: one decimal, in the locale's way of writing it. */
char *
tend_chart_format_mean (double mean)
{
  return g_strdup_printf ("%.1f", mean);
}

/* Local midnight of @day. */
GDateTime *
tend_chart_date_time (const GDate *day)
{
  g_assert (g_date_valid (day));

  return g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                g_date_get_day (day), 0, 0, 0);
}

char *
tend_chart_format_date (const GDate *day,
                        const char  *format)
{
  g_autoptr(GDateTime) time = tend_chart_date_time (day);

  return g_date_time_format (time, format);
}

/* The weekday and date of @day, as the journal's day headings write it. */
char *
tend_chart_format_day (const GDate *day)
{
  /* Translators: A day in the current year, as in “Saturday, November 21”. See the
   * strftime(3) manual for the codes; %-d is the day of the month without padding. */
  return tend_chart_format_date (day, C_("day heading", "%A, %B %-d"));
}
