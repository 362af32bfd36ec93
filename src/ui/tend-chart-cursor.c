/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tend-chart-cursor.h"

/**
 * tend_chart_cursor_move:
 * @chart: the chart, for its text direction
 * @keyval: the key pressed
 * @state: the modifiers held
 * @selected: the item the cursor is on, or -1
 * @n_items: how many items the row has
 * @index: (out): the item the key moves the cursor to
 *
 * Left and Right move to the item before and after (mirrored in right-to-left
 * languages, where the row is), Home and End to the first and the last.
 *
 * Returns: %FALSE for any other key, with Control or Alt, or on an empty row
 */
gboolean
tend_chart_cursor_move (GtkWidget       *chart,
                        guint            keyval,
                        GdkModifierType  state,
                        int              selected,
                        int              n_items,
                        int             *index)
{
  gboolean rtl = gtk_widget_get_direction (chart) == GTK_TEXT_DIR_RTL;

  if (n_items <= 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      *index = selected + (rtl ? 1 : -1);
      break;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      *index = selected + (rtl ? -1 : 1);
      break;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      *index = 0;
      break;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      *index = n_items - 1;
      break;

    default:
      return FALSE;
    }

  return TRUE;
}

/**
 * tend_chart_cursor_describe:
 * @text: (nullable): what the cursor is on, or %NULL when it is on nothing
 * @announce: whether to say it now (the cursor moved by a key)
 *
 * Makes @text the chart's accessible description.
 */
void
tend_chart_cursor_describe (GtkWidget  *chart,
                            const char *text,
                            gboolean    announce)
{
  if (text == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text, -1);
  if (announce)
    gtk_accessible_announce (GTK_ACCESSIBLE (chart), text,
                             GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
}
