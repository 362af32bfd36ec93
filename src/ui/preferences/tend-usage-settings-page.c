/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-usage-settings-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tend-time-row.h"
#include "tend-usage-settings-page.h"

/* The Screen Time page of Preferences: recording usage time, starting at login, break
 * reminders, eye rest, the daily goal, the check-in reminder and quiet hours, each row
 * bound to its GSettings key. What counts screen time (breaks, eye rest, the goal) waits,
 * insensitive, until screen time is recorded, and says so; the check-in reminder and
 * quiet hours work without it. */

/* The goal a person starts from when turning it on: the 24-hour day's sixth. */
#define DEFAULT_DAILY_GOAL_MIN (4 * 60)

struct _TendUsageSettingsPage
{
  AdwPreferencesPage  parent_instance;

  /* Template widgets */
  AdwSwitchRow       *tracking_row;
  AdwSwitchRow       *autostart_row;
  AdwSwitchRow       *break_row;
  AdwSpinRow         *interval_row;
  AdwSpinRow         *length_row;
  AdwSwitchRow       *eye_rest_row;
  AdwExpanderRow     *goal_row;
  TendTimeRow        *goal_time_row;
  AdwExpanderRow     *check_in_row;
  TendTimeRow        *check_in_time_row;
  AdwExpanderRow     *quiet_row;
  TendTimeRow        *quiet_start_row;
  TendTimeRow        *quiet_end_row;

  /* Owned */
  GSettings          *settings;
};

G_DEFINE_FINAL_TYPE (TendUsageSettingsPage, tend_usage_settings_page, ADW_TYPE_PREFERENCES_PAGE)

static void
set_needs_tracking (GtkWidget  *row,
                    gboolean    tracking,
                    gboolean    sensitive,
                    const char *subtitle)
{
  gtk_widget_set_sensitive (row, tracking && sensitive);

  if (ADW_IS_EXPANDER_ROW (row))
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row),
                                   tracking ? subtitle : _("Available once screen time is recorded"));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                 tracking ? subtitle : _("Available once screen time is recorded"));
}

static void
update_sensitivity (TendUsageSettingsPage *self)
{
  gboolean tracking = g_settings_get_boolean (self->settings, "usage-tracking");
  gboolean breaks = g_settings_get_boolean (self->settings, "break-reminders");

  set_needs_tracking (GTK_WIDGET (self->break_row), tracking, TRUE,
                      _("A notification suggests a break after a stretch of continuous use"));
  set_needs_tracking (GTK_WIDGET (self->interval_row), tracking, breaks,
                      _("Minutes of continuous use before a reminder"));
  set_needs_tracking (GTK_WIDGET (self->length_row), tracking, TRUE,
                      _("Minutes away that count as a break"));
  set_needs_tracking (GTK_WIDGET (self->eye_rest_row), tracking, TRUE,
                      _("The 20-20-20 rule: after every 20 minutes of use, a reminder to look "
                        "at something 20 feet (6 meters) away for 20 seconds"));
  set_needs_tracking (GTK_WIDGET (self->goal_row), tracking, TRUE,
                      _("One gentle notice when the day’s screen time passes it"));
}

static void
settings_changed_cb (TendUsageSettingsPage *self,
                     const char            *key)
{
  if (g_str_equal (key, "usage-tracking") || g_str_equal (key, "break-reminders"))
    update_sensitivity (self);
}

/* The goal's switch is on while there is a goal; turning it on starts from the last goal
 * or from 4 hours, and off sets no goal (0). */
static gboolean
goal_to_enabled (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  g_value_set_boolean (value, g_variant_get_uint32 (variant) > 0);
  return TRUE;
}

static GVariant *
enabled_to_goal (const GValue       *value,
                 const GVariantType *expected_type,
                 gpointer            user_data)
{
  TendUsageSettingsPage *self = user_data;
  guint goal = tend_time_row_get_minutes (self->goal_time_row);

  if (!g_value_get_boolean (value))
    return g_variant_new_uint32 (0);

  return g_variant_new_uint32 (goal > 0 ? goal : DEFAULT_DAILY_GOAL_MIN);
}

/* The goal's time row keeps the last goal while there is none, for when it comes back. */
static gboolean
goal_to_minutes (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  TendUsageSettingsPage *self = user_data;
  guint goal = g_variant_get_uint32 (variant);

  if (goal == 0)
    goal = MAX (tend_time_row_get_minutes (self->goal_time_row), DEFAULT_DAILY_GOAL_MIN);

  g_value_set_uint (value, goal);
  return TRUE;
}

static GVariant *
minutes_to_goal (const GValue       *value,
                 const GVariantType *expected_type,
                 gpointer            user_data)
{
  TendUsageSettingsPage *self = user_data;

  /* Choosing a time does not turn on a goal that is off. */
  if (g_settings_get_uint (self->settings, "daily-goal") == 0)
    return NULL;

  return g_variant_new_uint32 (g_value_get_uint (value));
}

static void
tend_usage_settings_page_dispose (GObject *object)
{
  TendUsageSettingsPage *self = TEND_USAGE_SETTINGS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TEND_TYPE_USAGE_SETTINGS_PAGE);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tend_usage_settings_page_parent_class)->dispose (object);
}

static void
tend_usage_settings_page_class_init (TendUsageSettingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tend_usage_settings_page_dispose;

  g_type_ensure (TEND_TYPE_TIME_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/tend-usage-settings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TendUsageSettingsPage, tracking_row);
  gtk_widget_class_bind_template_child (widget_class, TendUsageSettingsPage, autostart_row);
  gtk_widget_class_bind_template_child (widget_class, TendUsageSettingsPage, break_row);
  gtk_widget_class_bind_template_child (widget_class, TendUsageSettingsPage, interval_row);
  gtk_widget_class_bind_template_child (widget_class, TendUsageSettingsPage, length_row);
  gtk_widget_class_bind_template_child (widget_class, TendUsageSettingsPage, eye_rest_row);
  gtk_widget_class_bind_template_child (widget_class, TendUsageSettingsPage, goal_row);
  gtk_widget_class_bind_template_child (widget_class, TendUsageSettingsPage, goal_time_row);
  gtk_widget_class_bind_template_child (widget_class, TendUsageSettingsPage, check_in_row);
  gtk_widget_class_bind_template_child (widget_class, TendUsageSettingsPage, check_in_time_row);
  gtk_widget_class_bind_template_child (widget_class, TendUsageSettingsPage, quiet_row);
  gtk_widget_class_bind_template_child (widget_class, TendUsageSettingsPage, quiet_start_row);
  gtk_widget_class_bind_template_child (widget_class, TendUsageSettingsPage, quiet_end_row);
}

static void
tend_usage_settings_page_init (TendUsageSettingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_APP_ID);

  g_settings_bind (self->settings, "usage-tracking", self->tracking_row, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "autostart", self->autostart_row, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "break-reminders", self->break_row, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "break-interval", self->interval_row, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "break-length", self->length_row, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "eye-rest", self->eye_rest_row, "active",
                   G_SETTINGS_BIND_DEFAULT);

  g_settings_bind_with_mapping (self->settings, "daily-goal", self->goal_time_row, "minutes",
                                G_SETTINGS_BIND_DEFAULT, goal_to_minutes, minutes_to_goal,
                                self, NULL);
  g_settings_bind_with_mapping (self->settings, "daily-goal", self->goal_row, "enable-expansion",
                                G_SETTINGS_BIND_DEFAULT, goal_to_enabled, enabled_to_goal,
                                self, NULL);

  g_settings_bind (self->settings, "check-in-reminder", self->check_in_row, "enable-expansion",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "check-in-reminder-time", self->check_in_time_row, "minutes",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "quiet-hours", self->quiet_row, "enable-expansion",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "quiet-hours-start", self->quiet_start_row, "minutes",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "quiet-hours-end", self->quiet_end_row, "minutes",
                   G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  update_sensitivity (self);
}

AdwPreferencesPage *
tend_usage_settings_page_new (void)
{
  return g_object_new (TEND_TYPE_USAGE_SETTINGS_PAGE, NULL);
}
