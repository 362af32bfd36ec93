/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-time-row"

#include "config.h"

#include <glib/gi18n.h>

#include "tend-time-row.h"
#include "tend-date.h"
#include "tend-usage-format.h"

/* A row to choose a time of day (“20:00”, or “8:00 PM” on a 12-hour clock) or a duration
 * (“2 h 30 min”), as minutes in its "minutes" property, ready for g_settings_bind().
 *
 * The row shows the value on a button, so that it fits 360 pixels; the button (or the
 * row) opens a popover with the hours and the minutes in spin buttons of their own, each
 * with an accessible name, as GNOME Calendar chooses times. On a 12-hour clock the hours
 * say AM or PM themselves (“8 PM”), and going past 11 AM goes on to 12 PM. A time of day
 * always reads hours first, from left to right, as digits do in right-to-left languages
 * too. */

#define MINUTES_IN_DAY 1440

struct _TendTimeRow
{
  AdwActionRow   parent_instance;

  /* Owned by the row's widget tree */
  GtkMenuButton *button;
  GtkWidget     *box;
  GtkSpinButton *hour_spin;
  GtkLabel      *separator_label;
  GtkSpinButton *minute_spin;
  char          *periods[2]; /* the locale's AM and PM */

  guint          minutes;
  guint          minimum;
  gboolean       duration;
  gboolean       use_12h;
  gboolean       updating;
};

G_DEFINE_FINAL_TYPE (TendTimeRow, tend_time_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_MINUTES,
  PROP_DURATION,
  PROP_MINIMUM,
  PROP_USE_12H,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static guint
get_maximum (TendTimeRow *self)
{
  return self->duration ? MINUTES_IN_DAY : MINUTES_IN_DAY - 1;
}

static void
update_button (TendTimeRow *self)
{
  g_autofree char *text = NULL;

  if (self->duration)
    text = tend_usage_format_short_duration (self->minutes * 60);
  else
    {
      g_autoptr(GDateTime) time = g_date_time_new_local (2026, 1, 1, self->minutes / 60,
                                                         self->minutes % 60, 0);

      text = tend_date_format_clock (time, self->use_12h);
    }

  gtk_menu_button_set_label (self->button, text);
}

static gboolean hour_output_cb   (GtkSpinButton *spin,
                                  TendTimeRow   *self);
static gboolean minute_output_cb (GtkSpinButton *spin,
                                  TendTimeRow   *self);

/* Shows self->minutes in the spin buttons, without writing it back. */
static void
update_widgets (TendTimeRow *self)
{
  guint hours = self->minutes / 60;
  guint minutes = self->minutes % 60;

  self->updating = TRUE;

  gtk_spin_button_set_range (self->hour_spin, 0, self->duration ? MINUTES_IN_DAY / 60 : 23);
  gtk_spin_button_set_wrap (self->hour_spin, !self->duration);
  gtk_spin_button_set_wrap (self->minute_spin, !self->duration);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->hour_spin),
                                self->duration ? 3 : self->use_12h ? 5 : 2);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->hour_spin),
                                    self->duration ? 3 : self->use_12h ? 5 : 2);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->minute_spin), self->duration ? 5 : 2);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->minute_spin), self->duration ? 5 : 2);

  gtk_spin_button_set_value (self->hour_spin, hours);
  gtk_spin_button_set_value (self->minute_spin, minutes);
  /* The text, as the value may be the same and the clock another */
  hour_output_cb (self->hour_spin, self);
  minute_output_cb (self->minute_spin, self);
  gtk_widget_set_visible (GTK_WIDGET (self->separator_label), !self->duration);
  update_button (self);
  gtk_widget_set_direction (self->box, self->duration ? GTK_TEXT_DIR_NONE : GTK_TEXT_DIR_LTR);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->hour_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->duration ? _("Hours") : _("Hour"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->minute_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->duration ? _("Minutes") : _("Minute"), -1);

  self->updating = FALSE;
}

static void
widgets_changed_cb (TendTimeRow *self)
{
  guint hours, minutes, value;

  if (self->updating)
    return;

  hours = (guint) gtk_spin_button_get_value_as_int (self->hour_spin);
  minutes = (guint) gtk_spin_button_get_value_as_int (self->minute_spin);
  value = hours * 60 + minutes;
  tend_time_row_set_minutes (self, value);

  /* What was clamped shows as it is kept. */
  if (self->minutes != value)
    update_widgets (self);
}

static void
set_text (GtkSpinButton *spin,
          const char    *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                  text, -1);
}

/* Minutes with two digits in a time, “08:05”; with their unit in a duration, “5 min”. */
static gboolean
minute_output_cb (GtkSpinButton *spin,
                  TendTimeRow   *self)
{
  int minutes = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = NULL;

  if (self->duration)
    /* Translators: The minutes of a duration, short, as in “4 h” and “30 min”. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min", "%d min", minutes), minutes);
  else
    text = g_strdup_printf ("%02d", minutes);

  set_text (spin, text);
  return TRUE;
}

/* The number at the start of what was typed, as in “30 min”. */
static int
minute_input_cb (GtkSpinButton *spin,
                 double        *new_value,
                 TendTimeRow   *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;
  gint64 minutes;

  while (g_ascii_isspace (*text))
    text++;

  minutes = g_ascii_strtoll (text, &end, 10);
  if (end == text || minutes < 0 || minutes > 59)
    return GTK_INPUT_ERROR;

  *new_value = (double) minutes;
  return TRUE;
}

/* Hours: “08” on a 24-hour clock, “8 AM” on a 12-hour one, “4 h” in a duration. */
static gboolean
hour_output_cb (GtkSpinButton *spin,
                TendTimeRow   *self)
{
  int hours = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = NULL;

  if (self->duration)
    /* Translators: The hours of a duration, short, as in “4 h” and “30 min”. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d h", "%d h", hours), hours);
  else if (self->use_12h)
    /* Translators: An hour on a 12-hour clock, as in “8 PM”: the hour, then AM or PM. */
    text = g_strdup_printf (C_("12-hour clock", "%d %s"), hours % 12 == 0 ? 12 : hours % 12,
                            self->periods[hours >= 12 ? 1 : 0]);
  else
    text = g_strdup_printf ("%02d", hours);

  set_text (spin, text);
  return TRUE;
}

/* Reads what was typed in the hours: a number, and on a 12-hour clock AM or PM (else the
 * half of the day shown before). */
static int
hour_input_cb (GtkSpinButton *spin,
               double        *new_value,
               TendTimeRow   *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  g_autofree char *folded = g_utf8_casefold (text, -1);
  char *end = NULL;
  gint64 hours;

  while (g_ascii_isspace (*text))
    text++;

  hours = g_ascii_strtoll (text, &end, 10);
  if (end == text || hours < 0)
    return GTK_INPUT_ERROR;

  if (self->use_12h && !self->duration)
    {
      gboolean pm = gtk_spin_button_get_value_as_int (spin) >= 12;

      if (hours < 1 || hours > 12)
        return GTK_INPUT_ERROR;

      for (guint i = 0; i < G_N_ELEMENTS (self->periods); i++)
        {
          g_autofree char *period = g_utf8_casefold (self->periods[i], -1);

          if (strstr (folded, period) != NULL)
            pm = i == 1;
        }

      hours = hours % 12 + (pm ? 12 : 0);
    }

  *new_value = (double) hours;
  return TRUE;
}

static void
title_changed_cb (TendTimeRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));

  /* Each control says which time it sets. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->hour_spin),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->minute_spin),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title, -1);
}

/* The locale's names for the two halves of the day, or “AM” and “PM”. */
static void
get_periods (TendTimeRow *self)
{
  g_autoptr(GDateTime) morning = g_date_time_new_local (2026, 1, 1, 9, 0, 0);
  g_autoptr(GDateTime) evening = g_date_time_new_local (2026, 1, 1, 21, 0, 0);

  self->periods[0] = g_date_time_format (morning, "%p");
  self->periods[1] = g_date_time_format (evening, "%p");

  if (self->periods[0] == NULL || self->periods[0][0] == '\0' ||
      self->periods[1] == NULL || self->periods[1][0] == '\0' ||
      g_str_equal (self->periods[0], self->periods[1]))
    {
      g_set_str (&self->periods[0], C_("time of day", "AM"));
      g_set_str (&self->periods[1], C_("time of day", "PM"));
    }
}

static GtkSpinButton *
make_spin (guint upper)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, upper, 1));

  /* Not numeric: the text has a unit, or AM and PM, read back by the "input" handlers. */
  gtk_spin_button_set_numeric (spin, FALSE);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (spin), GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_valign (GTK_WIDGET (spin), GTK_ALIGN_CENTER);
  return spin;
}

static void
tend_time_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TendTimeRow *self = TEND_TIME_ROW (object);

  switch (prop_id)
    {
    case PROP_MINUTES:
      g_value_set_uint (value, self->minutes);
      break;

    case PROP_DURATION:
      g_value_set_boolean (value, self->duration);
      break;

    case PROP_MINIMUM:
      g_value_set_uint (value, self->minimum);
      break;

    case PROP_USE_12H:
      g_value_set_boolean (value, self->use_12h);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_time_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TendTimeRow *self = TEND_TIME_ROW (object);

  switch (prop_id)
    {
    case PROP_MINUTES:
      tend_time_row_set_minutes (self, g_value_get_uint (value));
      break;

    case PROP_DURATION:
      tend_time_row_set_duration (self, g_value_get_boolean (value));
      break;

    case PROP_MINIMUM:
      tend_time_row_set_minimum (self, g_value_get_uint (value));
      break;

    case PROP_USE_12H:
      tend_time_row_set_use_12h (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_time_row_finalize (GObject *object)
{
  TendTimeRow *self = TEND_TIME_ROW (object);

  g_free (self->periods[0]);
  g_free (self->periods[1]);

  G_OBJECT_CLASS (tend_time_row_parent_class)->finalize (object);
}

static void
tend_time_row_class_init (TendTimeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tend_time_row_finalize;
  object_class->get_property = tend_time_row_get_property;
  object_class->set_property = tend_time_row_set_property;

  /**
   * TendTimeRow:minutes:
   *
   * The time, in minutes after midnight; or the duration, in minutes.
   */
  properties[PROP_MINUTES] =
    g_param_spec_uint ("minutes", NULL, NULL, 0, MINUTES_IN_DAY, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TendTimeRow:duration:
   *
   * Whether the row sets a duration (up to 24 hours) rather than a time of day.
   */
  properties[PROP_DURATION] =
    g_param_spec_boolean ("duration", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TendTimeRow:minimum:
   *
   * The fewest minutes the row can be set to.
   */
  properties[PROP_MINIMUM] =
    g_param_spec_uint ("minimum", NULL, NULL, 0, MINUTES_IN_DAY, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TendTimeRow:use-12h:
   *
   * Whether a time of day shows on a 12-hour clock, with AM and PM. By default, as GNOME's
   * clock or the locale has it.
   */
  properties[PROP_USE_12H] =
    g_param_spec_boolean ("use-12h", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tend_time_row_init (TendTimeRow *self)
{
  get_periods (self);

  GtkWidget *popover;

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (self->box, 6);
  gtk_widget_set_margin_bottom (self->box, 6);
  gtk_widget_set_margin_start (self->box, 6);
  gtk_widget_set_margin_end (self->box, 6);

  self->hour_spin = make_spin (23);
  self->separator_label = GTK_LABEL (gtk_label_new (":"));
  self->minute_spin = make_spin (59);
  gtk_spin_button_set_increments (self->minute_spin, 5, 15);

  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->hour_spin));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->separator_label));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->minute_spin));

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), self->box);
  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_popover (self->button, popover);
  gtk_menu_button_set_always_show_arrow (self->button, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));

  g_signal_connect_object (self->hour_spin, "value-changed",
                           G_CALLBACK (widgets_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->minute_spin, "value-changed",
                           G_CALLBACK (widgets_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->minute_spin, "output",
                           G_CALLBACK (minute_output_cb), self, 0);
  g_signal_connect_object (self->minute_spin, "input",
                           G_CALLBACK (minute_input_cb), self, 0);
  g_signal_connect_object (self->hour_spin, "output",
                           G_CALLBACK (hour_output_cb), self, 0);
  g_signal_connect_object (self->hour_spin, "input",
                           G_CALLBACK (hour_input_cb), self, 0);
  g_signal_connect_object (self, "notify::title",
                           G_CALLBACK (title_changed_cb), self, G_CONNECT_SWAPPED);

  self->use_12h = tend_date_uses_12h_clock ();
  update_widgets (self);
}

GtkWidget *
tend_time_row_new (void)
{
  return g_object_new (TEND_TYPE_TIME_ROW, NULL);
}

guint
tend_time_row_get_minutes (TendTimeRow *self)
{
  g_return_val_if_fail (TEND_IS_TIME_ROW (self), 0);

  return self->minutes;
}

/**
 * tend_time_row_set_minutes:
 * @minutes: minutes after midnight, or of the duration; kept between the minimum and a
 *   day
 */
void
tend_time_row_set_minutes (TendTimeRow *self,
                           guint        minutes)
{
  g_return_if_fail (TEND_IS_TIME_ROW (self));

  minutes = CLAMP (minutes, self->minimum, get_maximum (self));
  if (self->minutes == minutes)
    return;

  self->minutes = minutes;
  update_widgets (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINUTES]);
}

gboolean
tend_time_row_get_duration (TendTimeRow *self)
{
  g_return_val_if_fail (TEND_IS_TIME_ROW (self), FALSE);

  return self->duration;
}

void
tend_time_row_set_duration (TendTimeRow *self,
                            gboolean     duration)
{
  g_return_if_fail (TEND_IS_TIME_ROW (self));

  duration = !!duration;
  if (self->duration == duration)
    return;

  self->duration = duration;
  update_widgets (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
  tend_time_row_set_minutes (self, self->minutes);
}

guint
tend_time_row_get_minimum (TendTimeRow *self)
{
  g_return_val_if_fail (TEND_IS_TIME_ROW (self), 0);

  return self->minimum;
}

void
tend_time_row_set_minimum (TendTimeRow *self,
                           guint        minimum)
{
  g_return_if_fail (TEND_IS_TIME_ROW (self));

  minimum = MIN (minimum, MINUTES_IN_DAY);
  if (self->minimum == minimum)
    return;

  self->minimum = minimum;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINIMUM]);
  tend_time_row_set_minutes (self, self->minutes);
}

gboolean
tend_time_row_get_use_12h (TendTimeRow *self)
{
  g_return_val_if_fail (TEND_IS_TIME_ROW (self), FALSE);

  return self->use_12h;
}

void
tend_time_row_set_use_12h (TendTimeRow *self,
                           gboolean     use_12h)
{
  g_return_if_fail (TEND_IS_TIME_ROW (self));

  use_12h = !!use_12h;
  if (self->use_12h == use_12h)
    return;

  self->use_12h = use_12h;
  update_widgets (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USE_12H]);
}

/**
 * tend_time_row_get_hour_spin:
 *
 * Returns: (transfer none): the spin button of the hours
 */
GtkSpinButton *
tend_time_row_get_hour_spin (TendTimeRow *self)
{
  g_return_val_if_fail (TEND_IS_TIME_ROW (self), NULL);

  return self->hour_spin;
}

/**
 * tend_time_row_get_button:
 *
 * Returns: (transfer none): the button that shows the time and opens the spin buttons
 */
GtkMenuButton *
tend_time_row_get_button (TendTimeRow *self)
{
  g_return_val_if_fail (TEND_IS_TIME_ROW (self), NULL);

  return self->button;
}

/**
 * tend_time_row_get_minute_spin:
 *
 * Returns: (transfer none): the spin button of the minutes
 */
GtkSpinButton *
tend_time_row_get_minute_spin (TendTimeRow *self)
{
  g_return_val_if_fail (TEND_IS_TIME_ROW (self), NULL);

  return self->minute_spin;
}
