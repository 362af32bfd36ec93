/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-usage-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tend-date.h"
#include "tend-duration.h"
#include "tend-monitor-dbus.h"
#include "tend-usage-format.h"
#include "tend-usage-page.h"

/* The Screen Time page. While usage time is off it offers to turn it on. Once on, it shows
 * today's active time and breaks, what the background monitor sees now, the last 14 days
 * as a chart (or a list) and the reminders.
 *
 * The days are read from the journal's database (TendUsage), where the monitor writes
 * them: when the page is shown, and once a minute while it stays shown. The monitor's
 * live state comes from its D-Bus interface; the page never starts the monitor. */

#define N_DAYS 14

struct _TendUsagePage
{
  AdwBin                parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  GtkStack             *today_stack;
  GtkLabel             *today_label;
  GtkLabel             *today_details_label;
  GtkLabel             *empty_title_label;
  GtkLabel             *empty_label;
  AdwActionRow         *state_row;
  GtkImage             *state_icon;
  AdwActionRow         *paused_row;
  AdwPreferencesGroup  *chart_group;
  GtkToggleButton      *list_toggle;
  GtkStack             *chart_stack;
  TendUsageChart       *chart;
  GtkLabel             *selected_label;
  GtkLabel             *goal_legend_label;
  GtkListBox           *day_list;
  AdwSwitchRow         *break_row;
  AdwActionRow         *pause_row;
  GtkWidget            *pause_button;
  GtkWidget            *resume_button;
  GtkWidget            *turn_on_button;

  /* Owned */
  TendContext          *context;
  TendUsage            *usage;
  GSettings            *settings;
  TendDBusMonitor1     *monitor;
  GCancellable         *cancellable;
  char                 *state_text;

  guint                 refresh_id;
};

G_DEFINE_FINAL_TYPE (TendUsagePage, tend_usage_page, ADW_TYPE_BIN)

static GDateTime *
get_now (TendUsagePage *self)
{
  if (self->context != NULL)
    return tend_clock_get_now (tend_context_get_clock (self->context));

  return g_date_time_new_now_local ();
}

static void
set_state (TendUsagePage *self,
           const char    *icon_name,
           const char    *title,
           const char    *subtitle)
{
  g_free (self->state_text);
  self->state_text = g_strdup (title);

  gtk_image_set_from_icon_name (self->state_icon, icon_name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->state_row), title);
  adw_action_row_set_subtitle (self->state_row, subtitle != NULL ? subtitle : "");
}

/* What the monitor sees now, in words. */
static void
update_state (TendUsagePage *self)
{
  g_autofree char *owner = NULL;
  g_autoptr(GDateTime) now = get_now (self);
  const char *error;
  gint64 stretch_start;

  if (self->monitor != NULL)
    owner = g_dbus_proxy_get_name_owner (G_DBUS_PROXY (self->monitor));

  if (owner == NULL)
    {
      set_state (self, "media-playback-stop-symbolic",
                 _("Screen time is not being recorded right now"),
                 _("Tend’s small background monitor is not running. It starts at login "
                   "while Start at Login is on in Preferences."));
      return;
    }

  error = tend_dbus_monitor1_get_source_error (self->monitor);
  if (error != NULL && error[0] != '\0')
    {
      set_state (self, "dialog-warning-symbolic",
                 _("Tend cannot tell when this computer is in use"), error);
      return;
    }

  if (tend_dbus_monitor1_get_locked (self->monitor))
    {
      set_state (self, "system-lock-screen-symbolic", _("Locked"),
                 _("Locked time does not count"));
      return;
    }

  if (!tend_dbus_monitor1_get_active (self->monitor))
    {
      set_state (self, "user-idle-symbolic", _("Away"), _("Idle time does not count"));
      return;
    }

  stretch_start = tend_dbus_monitor1_get_stretch_start (self->monitor);
  if (stretch_start > 0 && stretch_start <= g_date_time_to_unix (now))
    {
      g_autoptr(GDateTime) start = g_date_time_new_from_unix_local (stretch_start);
      g_autofree char *since = tend_date_format_time (start);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      gint64 seconds = g_date_time_to_unix (now) - stretch_start;

      if (seconds < 60)
        title = g_strdup (_("Active for less than a minute"));
      else
        {
          g_autofree char *duration = tend_usage_format_duration ((guint) MIN (seconds, G_MAXUINT));

          /* Translators: The current stretch of continuous use, as in “Active for 35
           * minutes”. */
          title = g_strdup_printf (_("Active for %s"), duration);
        }

      /* Translators: When the current stretch of use began, as in “Since 14:05”. */
      subtitle = g_strdup_printf (_("Since %s, without a break"), since);
      set_state (self, "tend-usage-symbolic", title, subtitle);
      return;
    }

  set_state (self, "tend-usage-symbolic", _("Active"), NULL);
}

static gboolean
any_reminder_on (TendUsagePage *self)
{
  return g_settings_get_boolean (self->settings, "break-reminders") ||
         g_settings_get_boolean (self->settings, "eye-rest") ||
         g_settings_get_uint (self->settings, "daily-goal") > 0 ||
         g_settings_get_boolean (self->settings, "check-in-reminder");
}

static void
update_reminders (TendUsagePage *self)
{
  g_autoptr(GDateTime) now = get_now (self);
  gint64 paused_until = g_settings_get_int64 (self->settings, "reminders-paused-until");
  guint interval = g_settings_get_uint (self->settings, "break-interval");
  g_autofree char *subtitle = NULL;
  gboolean paused = paused_until > g_date_time_to_unix (now);

  /* Translators: The subtitle of “Break Reminders”. */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "After %u minute of continuous use",
                                           "After %u minutes of continuous use", interval),
                              interval);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->break_row), subtitle);

  gtk_widget_set_visible (GTK_WIDGET (self->paused_row), paused);
  gtk_widget_set_visible (GTK_WIDGET (self->pause_row), !paused && any_reminder_on (self));

  if (paused)
    {
      g_autoptr(GDateTime) until = g_date_time_new_from_unix_local (paused_until);
      g_autofree char *time = tend_date_format_time (until);
      g_autofree char *title = NULL;

      if (tend_date_same_day (until, now))
        /* Translators: %s is a time of day, as in “Reminders paused until 15:30”. */
        title = g_strdup_printf (_("Reminders paused until %s"), time);
      else
        /* Translators: %s is a time of day, as in “Reminders paused until tomorrow at 03:00”. */
        title = g_strdup_printf (_("Reminders paused until tomorrow at %s"), time);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->paused_row), title);
    }
}

static void
update_selected_label (TendUsagePage *self)
{
  int selected = tend_usage_chart_get_selected (self->chart);
  g_autoptr(GDateTime) now = get_now (self);
  g_autofree char *text = NULL;
  GDate today;

  if (selected < 0)
    {
      gtk_label_set_label (self->selected_label, "");
      return;
    }

  tend_usage_get_day_of (now, &today);
  text = tend_usage_format_describe_day (tend_usage_chart_get_day (self->chart, selected), &today);
  gtk_label_set_label (self->selected_label, text);
}

static void
chart_selected_cb (TendUsagePage *self)
{
  update_selected_label (self);
}

static void
list_toggled_cb (TendUsagePage *self)
{
  gboolean list = gtk_toggle_button_get_active (self->list_toggle);
  const char *label = list ? _("Show as Chart") : _("Show as List");

  gtk_stack_set_visible_child_name (self->chart_stack, list ? "list" : "chart");
  gtk_button_set_icon_name (GTK_BUTTON (self->list_toggle),
                            list ? "tend-usage-chart-symbolic" : "view-list-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->list_toggle), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
fill_list (TendUsagePage *self,
           GArray        *days,
           const GDate   *today)
{
  gtk_list_box_remove_all (self->day_list);

  /* Newest first, as a journal reads */
  for (guint i = days->len; i-- > 0;)
    {
      const TendUsageDay *day = &g_array_index (days, TendUsageDay, i);
      g_autofree char *name = tend_usage_format_day (&day->day, today);
      g_autofree char *value = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (day->active_s < 60)
        value = g_strdup (_("No screen time"));
      else
        {
          g_autofree char *active = tend_usage_format_duration (day->active_s);

          /* Translators: A day's screen time and breaks, as in “2 hours 35 minutes, 3
           * breaks”. */
          value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u break", "%s, %u breaks",
                                                day->n_breaks),
                                   active, day->n_breaks);
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
      adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "property");
      gtk_list_box_append (self->day_list, row);
    }
}

/* The average over the days before today that had any use. */
static void
update_summary (TendUsagePage *self,
                GArray        *days)
{
  guint64 total = 0;
  guint n = 0;

  for (guint i = 0; i + 1 < days->len; i++)
    {
      const TendUsageDay *day = &g_array_index (days, TendUsageDay, i);

      if (day->active_s >= 60)
        {
          total += day->active_s;
          n++;
        }
    }

  if (n == 0)
    adw_preferences_group_set_description (self->chart_group, NULL);
  else
    {
      g_autofree char *average = tend_usage_format_duration ((guint) (total / n));
      g_autofree char *text = NULL;

      /* Translators: The mean screen time of the days with any, as in “2 hours 10 minutes a
       * day on average”. */
      text = g_strdup_printf (_("%s a day on average"), average);
      adw_preferences_group_set_description (self->chart_group, text);
    }
}

static void
update_days (TendUsagePage *self)
{
  g_autoptr(GDateTime) now = get_now (self);
  g_autoptr(GArray) days = NULL;
  g_autoptr(GError) error = NULL;
  const TendUsageDay *today_usage;
  guint goal_min = g_settings_get_uint (self->settings, "daily-goal");
  gboolean any = FALSE;
  GDate today, first;

  if (self->usage == NULL)
    return;

  tend_usage_set_break_length (self->usage,
                               MAX (1, g_settings_get_uint (self->settings, "break-length")) * 60);
  tend_usage_get_day_of (now, &today);
  first = today;
  g_date_subtract_days (&first, N_DAYS - 1);

  days = tend_usage_get_days (self->usage, &first, &today, &error);
  if (days == NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: %s says why screen time could not be read, in plain words. */
      text = g_strdup_printf (_("Nothing recorded has been lost. %s"), error->message);
      gtk_label_set_label (self->empty_title_label, _("Screen Time Could Not Be Read"));
      gtk_label_set_label (self->empty_label, text);
      gtk_stack_set_visible_child_name (self->today_stack, "empty");
      gtk_widget_set_visible (GTK_WIDGET (self->chart_group), FALSE);
      return;
    }

  for (guint i = 0; i < days->len; i++)
    any |= g_array_index (days, TendUsageDay, i).active_s >= 60;

  gtk_label_set_label (self->empty_title_label, _("Nothing Recorded Yet"));
  gtk_label_set_label (self->empty_label,
                       _("Screen time shows here after a few minutes of use. There is nothing "
                         "to do in the meantime."));
  gtk_stack_set_visible_child_name (self->today_stack, any ? "today" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->chart_group), any);

  today_usage = &g_array_index (days, TendUsageDay, days->len - 1);
  {
    g_autofree char *total = tend_usage_format_short_duration (today_usage->active_s);
    g_autofree char *breaks = NULL;
    g_autofree char *details = NULL;

    if (today_usage->active_s < 60)
      g_set_str (&total, _("Under a minute"));

    if (today_usage->n_breaks == 0)
      breaks = g_strdup (_("No breaks yet"));
    else
      /* Translators: Breaks taken today. */
      breaks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u break", "%u breaks",
                                             today_usage->n_breaks),
                                today_usage->n_breaks);

    if (goal_min > 0)
      {
        g_autofree char *goal = tend_usage_format_duration (goal_min * 60);

        /* Translators: Today's breaks, then the daily goal, as in “3 breaks · Goal: 4
         * hours”. */
        details = g_strdup_printf (_("%s · Goal: %s"), breaks, goal);
      }
    else
      details = g_steal_pointer (&breaks);

    gtk_label_set_label (self->today_label, total);
    gtk_label_set_label (self->today_details_label, details);
  }

  tend_usage_chart_set_goal (self->chart, goal_min * 60);
  tend_usage_chart_set_days (self->chart, days, &today);
  update_selected_label (self);
  update_summary (self, days);
  fill_list (self, days, &today);

  gtk_widget_set_visible (GTK_WIDGET (self->goal_legend_label), goal_min > 0);
  if (goal_min > 0)
    {
      g_autofree char *goal = tend_usage_format_duration (goal_min * 60);
      g_autofree char *legend = NULL;

      /* Translators: What the chart's dashed line is, as in “The dashed line is your daily
       * goal: 4 hours”. */
      legend = g_strdup_printf (_("The dashed line is your daily goal: %s"), goal);
      gtk_label_set_label (self->goal_legend_label, legend);
    }
}

/**
 * tend_usage_page_refresh:
 *
 * Reads the days and the settings again. The page does it by itself when it is shown and
 * once a minute while it is.
 */
void
tend_usage_page_refresh (TendUsagePage *self)
{
  gboolean tracking;

  g_return_if_fail (TEND_IS_USAGE_PAGE (self));

  tracking = g_settings_get_boolean (self->settings, "usage-tracking");
  gtk_stack_set_visible_child_name (self->stack, tracking ? "on" : "off");
  if (!tracking)
    return;

  update_days (self);
  update_state (self);
  update_reminders (self);
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  tend_usage_page_refresh (user_data);
  return G_SOURCE_CONTINUE;
}

static void
settings_changed_cb (TendUsagePage *self,
                     const char    *key)
{
  if (g_str_has_prefix (key, "window-"))
    return;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    tend_usage_page_refresh (self);
}

static void
monitor_changed_cb (TendUsagePage *self)
{
  update_state (self);
}

/* The page holds no reference for the proxy being made, so that it goes with its window;
 * its dispose cancels the making, and then this callback touches nothing of it. */
static void
monitor_ready_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TendDBusMonitor1) monitor = NULL;
  g_autoptr(GError) error = NULL;
  TendUsagePage *self;

  monitor = tend_dbus_monitor1_proxy_new_for_bus_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (monitor == NULL)
    {
      g_debug ("No session bus to reach the monitor on: %s", error->message);
      return;
    }

  self = TEND_USAGE_PAGE (user_data);
  self->monitor = g_steal_pointer (&monitor);
  g_signal_connect_object (self->monitor, "notify::g-name-owner",
                           G_CALLBACK (monitor_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->monitor, "g-properties-changed",
                           G_CALLBACK (monitor_changed_cb), self, G_CONNECT_SWAPPED);
  update_state (self);
}

static void
turn_on_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TendUsagePage *self = TEND_USAGE_PAGE (widget);

  /* Break reminders stay as they are (off at first): the page offers them next. */
  g_settings_set_boolean (self->settings, "usage-tracking", TRUE);
  tend_usage_page_refresh (self);
}

static void
show_definitions_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  TendUsagePage *self = TEND_USAGE_PAGE (widget);
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GDateTime) day_start = NULL;
  g_autofree char *breaks = NULL;
  g_autofree char *days = NULL;
  g_autofree char *start = NULL;
  guint length = g_settings_get_uint (self->settings, "break-length");

  builder = gtk_builder_new_from_resource (RESOURCE_PATH "/ui/tend-usage-definitions.ui");

  breaks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Time away (idle, locked or suspended) that lasts at "
                                         "least %u minute counts as a break. A break ends a "
                                         "stretch of continuous use, and a break reminder still "
                                         "on screen goes away. You can change the length of a "
                                         "break in Preferences.",
                                         "Time away (idle, locked or suspended) that lasts at "
                                         "least %u minutes counts as a break. A break ends a "
                                         "stretch of continuous use, and a break reminder still "
                                         "on screen goes away. You can change the length of a "
                                         "break in Preferences.",
                                         length),
                            length);
  gtk_label_set_label (GTK_LABEL (gtk_builder_get_object (builder, "breaks_label")), breaks);

  day_start = g_date_time_new_local (2026, 1, 1, TEND_USAGE_DAY_START_HOUR, 0, 0);
  start = tend_date_format_time (day_start);
  /* Translators: %s is a time of day, as in “03:00”. */
  days = g_strdup_printf (_("Days start at %s, so a late night counts with its evening. Time "
                            "that runs past %s is split between the two days."), start, start);
  gtk_label_set_label (GTK_LABEL (gtk_builder_get_object (builder, "days_label")), days);

  adw_dialog_present (ADW_DIALOG (gtk_builder_get_object (builder, "dialog")), widget);
}

static void
tend_usage_page_map (GtkWidget *widget)
{
  TendUsagePage *self = TEND_USAGE_PAGE (widget);

  GTK_WIDGET_CLASS (tend_usage_page_parent_class)->map (widget);

  tend_usage_page_refresh (self);
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add_seconds (60, refresh_timeout_cb, self);
}

static void
tend_usage_page_unmap (GtkWidget *widget)
{
  TendUsagePage *self = TEND_USAGE_PAGE (widget);

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  GTK_WIDGET_CLASS (tend_usage_page_parent_class)->unmap (widget);
}

static void
tend_usage_page_dispose (GObject *object)
{
  TendUsagePage *self = TEND_USAGE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  /* The bin's child is a template child: it goes once. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TEND_TYPE_USAGE_PAGE);
  g_clear_object (&self->cancellable);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  g_clear_object (&self->usage);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->state_text, g_free);

  G_OBJECT_CLASS (tend_usage_page_parent_class)->dispose (object);
}

static void
tend_usage_page_class_init (TendUsagePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tend_usage_page_dispose;
  widget_class->map = tend_usage_page_map;
  widget_class->unmap = tend_usage_page_unmap;

  g_type_ensure (TEND_TYPE_USAGE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/tend-usage-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TendUsagePage, stack);
  gtk_widget_class_bind_template_child (widget_class, TendUsagePage, today_stack);
  gtk_widget_class_bind_template_child (widget_class, TendUsagePage, today_label);
  gtk_widget_class_bind_template_child (widget_class, TendUsagePage, today_details_label);
  gtk_widget_class_bind_template_child (widget_class, TendUsagePage, empty_title_label);
  gtk_widget_class_bind_template_child (widget_class, TendUsagePage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, TendUsagePage, state_row);
  gtk_widget_class_bind_template_child (widget_class, TendUsagePage, state_icon);
  gtk_widget_class_bind_template_child (widget_class, TendUsagePage, paused_row);
  gtk_widget_class_bind_template_child (widget_class, TendUsagePage, chart_group);
  gtk_widget_class_bind_template_child (widget_class, TendUsagePage, list_toggle);
  gtk_widget_class_bind_template_child (widget_class, TendUsagePage, chart_stack);
  gtk_widget_class_bind_template_child (widget_class, TendUsagePage, chart);
  gtk_widget_class_bind_template_child (widget_class, TendUsagePage, selected_label);
  gtk_widget_class_bind_template_child (widget_class, TendUsagePage, goal_legend_label);
  gtk_widget_class_bind_template_child (widget_class, TendUsagePage, day_list);
  gtk_widget_class_bind_template_child (widget_class, TendUsagePage, break_row);
  gtk_widget_class_bind_template_child (widget_class, TendUsagePage, pause_row);
  gtk_widget_class_bind_template_child (widget_class, TendUsagePage, pause_button);
  gtk_widget_class_bind_template_child (widget_class, TendUsagePage, resume_button);
  gtk_widget_class_bind_template_child (widget_class, TendUsagePage, turn_on_button);
  gtk_widget_class_bind_template_callback (widget_class, chart_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_toggled_cb);

  gtk_widget_class_install_action (widget_class, "usage.turn-on", NULL, turn_on_action);
  gtk_widget_class_install_action (widget_class, "usage.show-definitions", NULL,
                                   show_definitions_action);
}

static void
tend_usage_page_init (TendUsagePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (BASE_APP_ID);
  g_settings_bind (self->settings, "break-reminders", self->break_row, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (self->stack,
                                    g_settings_get_boolean (self->settings, "usage-tracking")
                                      ? "on" : "off");
  set_state (self, "media-playback-stop-symbolic",
             _("Screen time is not being recorded right now"), NULL);
}

/**
 * tend_usage_page_set_context:
 * @context: Tend's data, with its journal open
 *
 * Reads usage time from @context's database, and starts listening to the background
 * monitor (without starting it).
 */
void
tend_usage_page_set_context (TendUsagePage *self,
                             TendContext   *context)
{
  g_return_if_fail (TEND_IS_USAGE_PAGE (self));
  g_return_if_fail (TEND_IS_CONTEXT (context));
  g_return_if_fail (tend_context_get_database (context) != NULL);

  if (!g_set_object (&self->context, context))
    return;

  g_clear_object (&self->usage);
  self->usage = tend_usage_new (tend_context_get_database (context),
                                tend_context_get_clock (context));

  if (self->monitor == NULL)
    tend_dbus_monitor1_proxy_new_for_bus (G_BUS_TYPE_SESSION,
                                          G_DBUS_PROXY_FLAGS_DO_NOT_AUTO_START,
                                          MONITOR_BUS_NAME, MONITOR_OBJECT_PATH,
                                          self->cancellable, monitor_ready_cb, self);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    tend_usage_page_refresh (self);
}

/**
 * tend_usage_page_get_chart:
 *
 * Returns: (transfer none): the chart of the last 14 days
 */
TendUsageChart *
tend_usage_page_get_chart (TendUsagePage *self)
{
  g_return_val_if_fail (TEND_IS_USAGE_PAGE (self), NULL);

  return self->chart;
}

/**
 * tend_usage_page_get_state_text:
 *
 * Returns: what the page says the monitor sees now, as in “Active for 35 min”
 */
const char *
tend_usage_page_get_state_text (TendUsagePage *self)
{
  g_return_val_if_fail (TEND_IS_USAGE_PAGE (self), NULL);

  return self->state_text;
}
