/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "tend-application.h"
#include "tend-breathing-exercise.h"
#include "tend-guides-page.h"
#include "tend-monitor-dbus.h"
#include "tend-preferences-dialog.h"
#include "tend-reminders.h"
#include "tend-test-utils.h"
#include "tend-test-wait.h"
#include "tend-test-widgets.h"
#include "tend-time-row.h"
#include "tend-usage-page.h"
#include "tend-usage-settings-page.h"
#include "tend-window.h"

/* The Usage page and its preferences, on real windows: usage time read from a journal in
 * a temporary folder, the background monitor stood in for by its D-Bus skeleton on a
 * private bus, and the app's actions from a registered TendApplication. The context's
 * clock reads 2026-11-21 10:30 UTC (TZ=UTC). */

static GTestDBus *bus;
static TendApplication *application;

#define HOUR 3600
#define MINUTE 60

static gint64
at (const char *iso8601)
{
  g_autoptr(GDateTime) time = tend_test_date_time (iso8601);

  return g_date_time_to_unix (time);
}

static void
add_span (TendContext *context,
          const char  *start,
          const char  *end)
{
  TendDatabase *database = tend_context_get_database (context);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  tend_database_lock (database);
  stmt = tend_database_prepare (database,
                                "INSERT INTO usage_intervals (started_at, ended_at) VALUES (?1, ?2)",
                                &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, at (start));
  sqlite3_bind_int64 (stmt, 2, at (end));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  tend_database_unlock (database);
}

static TendWindow *
open_window (TendContext *context)
{
  TendWindow *window = tend_window_new (application, context);

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 700);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static TendUsagePage *
get_page (TendWindow *window)
{
  return TEND_USAGE_PAGE (tend_test_find_descendant (GTK_WIDGET (window), TEND_TYPE_USAGE_PAGE));
}

static gpointer
template_child (TendUsagePage *page,
                const char    *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (page), TEND_TYPE_USAGE_PAGE, name);
}

static const char *
visible_child (TendUsagePage *page,
               const char    *stack)
{
  return gtk_stack_get_visible_child_name (template_child (page, stack));
}

static const char *
label_text (TendUsagePage *page,
            const char    *name)
{
  return gtk_label_get_label (template_child (page, name));
}

static void
close_window (TendWindow  *window,
              TendContext *context)
{
  gtk_window_destroy (GTK_WINDOW (window));

  /* A setting changed just before (reset_settings) may have sent Insights to recompute
   * on a worker thread, which holds the context until it returns: wait for it, bounded. */
  g_object_add_weak_pointer (G_OBJECT (context), (gpointer *) &context);
  g_object_unref (context);
  WAIT_FOR (context == NULL);
}

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

/* Off: the first-run offer; Turn On records usage time and shows the days. */
static void
test_turn_on (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = open_window (context);
  TendUsagePage *page = get_page (window);
  GtkWidget *button;

  reset_settings ();
  tend_window_show_page (window, "usage");
  g_assert_cmpstr (tend_window_get_page (window), ==, "usage");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (visible_child (page, "stack"), ==, "off");

  button = tend_test_find_action_button (GTK_WIDGET (page), "usage.turn-on");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  tend_test_click (button);

  g_assert_true (g_settings_get_boolean (settings, "usage-tracking"));
  /* Break reminders wait until chosen, and the page offers them */
  g_assert_false (g_settings_get_boolean (settings, "break-reminders"));
  g_assert_cmpstr (visible_child (page, "stack"), ==, "on");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (template_child (page, "break_row")));

  /* Nothing recorded yet is said calmly, without a chart */
  g_assert_cmpstr (visible_child (page, "today_stack"), ==, "empty");
  g_assert_false (gtk_widget_get_visible (template_child (page, "chart_group")));

  /* And off again from anywhere brings the offer back */
  g_settings_set_boolean (settings, "usage-tracking", FALSE);
  g_assert_cmpstr (visible_child (page, "stack"), ==, "off");

  reset_settings ();
  close_window (window, context);
}

static gboolean
press_key (TendUsageChart *chart,
           guint           keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (chart));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }

  return handled;
}

/* Today's total, the breaks and the 14 days of the chart, from a real journal file. */
static void
test_days (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = open_window (context);
  TendUsagePage *page = get_page (window);
  TendUsageChart *chart = tend_usage_page_get_chart (page);
  GtkListBox *list;
  GtkWidget *first_row;

  reset_settings ();
  g_settings_set_boolean (settings, "usage-tracking", TRUE);

  /* Today (from 03:00): 90 and 40 minutes, a 10-minute break between */
  add_span (context, "2026-11-21T08:00:00Z", "2026-11-21T09:30:00Z");
  add_span (context, "2026-11-21T09:40:00Z", "2026-11-21T10:20:00Z");
  /* Yesterday: 3 hours, and 1 hour after midnight, which is still yesterday, with the
   * two hours between them as a break */
  add_span (context, "2026-11-20T20:00:00Z", "2026-11-20T23:00:00Z");
  add_span (context, "2026-11-21T01:00:00Z", "2026-11-21T02:00:00Z");
  /* The first day shown, and the day before it, which is not */
  add_span (context, "2026-11-08T10:00:00Z", "2026-11-08T11:00:00Z");
  add_span (context, "2026-11-07T08:00:00Z", "2026-11-07T16:00:00Z");

  /* Read when the page is shown */
  tend_window_show_page (window, "usage");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (visible_child (page, "stack"), ==, "on");
  g_assert_cmpstr (visible_child (page, "today_stack"), ==, "today");
  g_assert_cmpstr (label_text (page, "today_label"), ==, "2 h 10 min");
  g_assert_cmpstr (label_text (page, "today_details_label"), ==, "1 break");

  g_assert_cmpuint (tend_usage_chart_get_n_days (chart), ==, 14);
  g_assert_cmpint (g_date_get_day (&tend_usage_chart_get_day (chart, 0)->day), ==, 8);
  g_assert_cmpuint (tend_usage_chart_get_day (chart, 0)->active_s, ==, 1 * HOUR);
  g_assert_cmpuint (tend_usage_chart_get_day (chart, 12)->active_s, ==, 4 * HOUR);
  g_assert_cmpuint (tend_usage_chart_get_day (chart, 13)->active_s, ==, 130 * MINUTE);
  g_assert_cmpuint (tend_usage_chart_get_day (chart, 13)->n_breaks, ==, 1);
  for (guint i = 1; i < 12; i++)
    g_assert_cmpuint (tend_usage_chart_get_day (chart, i)->active_s, ==, 0);
  g_assert_cmpuint (tend_usage_chart_get_scale (chart), ==, 4 * HOUR);
  /* The mean of the days before today that had any use */
  g_assert_cmpstr (adw_preferences_group_get_description (template_child (page, "chart_group")), ==,
                   "2 hours 30 minutes a day on average");

  /* Today is selected and said; the keyboard goes from day to day */
  g_assert_cmpint (tend_usage_chart_get_selected (chart), ==, 13);
  g_assert_cmpstr (label_text (page, "selected_label"), ==, "Today: 2 hours 10 minutes, 1 break");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Screen time of the last 14 days");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Today: 2 hours 10 minutes, 1 break");
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (chart)));

  g_assert_true (press_key (chart, GDK_KEY_Left));
  g_assert_cmpint (tend_usage_chart_get_selected (chart), ==, 12);
  g_assert_cmpstr (label_text (page, "selected_label"), ==, "Yesterday: 4 hours, 1 break");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Yesterday: 4 hours, 1 break");
  g_assert_true (press_key (chart, GDK_KEY_Home));
  g_assert_cmpint (tend_usage_chart_get_selected (chart), ==, 0);
  g_assert_cmpstr (label_text (page, "selected_label"), ==, "Sunday, November 8: 1 hour, 0 breaks");
  g_assert_true (press_key (chart, GDK_KEY_Left));
  g_assert_cmpint (tend_usage_chart_get_selected (chart), ==, 0);
  g_assert_true (press_key (chart, GDK_KEY_Right));
  g_assert_cmpstr (label_text (page, "selected_label"), ==, "Monday, November 9: no screen time");

  /* Mirrored from right to left: the left arrow goes on to later days */
  gtk_widget_set_direction (GTK_WIDGET (chart), GTK_TEXT_DIR_RTL);
  g_assert_true (press_key (chart, GDK_KEY_Left));
  g_assert_cmpint (tend_usage_chart_get_selected (chart), ==, 2);
  g_assert_true (press_key (chart, GDK_KEY_End));
  g_assert_cmpint (tend_usage_chart_get_selected (chart), ==, 13);
  gtk_widget_set_direction (GTK_WIDGET (chart), GTK_TEXT_DIR_NONE);

  /* The goal is drawn and explained, and it can raise the scale */
  g_settings_set_uint (settings, "daily-goal", 5 * 60);
  g_assert_cmpuint (tend_usage_chart_get_goal (chart), ==, 5 * HOUR);
  g_assert_cmpuint (tend_usage_chart_get_scale (chart), ==, 6 * HOUR);
  g_assert_true (gtk_widget_get_visible (template_child (page, "goal_legend_label")));
  g_assert_cmpstr (label_text (page, "today_details_label"), ==, "1 break · Goal: 5 hours");

  /* The same days as a list, newest first */
  gtk_toggle_button_set_active (template_child (page, "list_toggle"), TRUE);
  g_assert_cmpstr (visible_child (page, "chart_stack"), ==, "list");
  list = template_child (page, "day_list");
  first_row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first_row)), ==, "Today");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (first_row)), ==,
                   "2 hours 10 minutes, 1 break");
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 13));
  g_assert_null (gtk_list_box_get_row_at_index (list, 14));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (template_child (page, "list_toggle")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Show as Chart");
  gtk_toggle_button_set_active (template_child (page, "list_toggle"), FALSE);

  /* What the monitor writes meanwhile shows the next time the page is */
  tend_window_show_page (window, "today");
  add_span (context, "2026-11-21T10:21:00Z", "2026-11-21T10:26:00Z");
  tend_window_show_page (window, "usage");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (label_text (page, "today_label"), ==, "2 h 15 min");

  reset_settings ();
  close_window (window, context);
}

/* The monitor, stood in for by its skeleton on the private bus */
typedef struct
{
  GDBusConnection  *connection;
  TendDBusMonitor1 *skeleton;
  guint             owner_id;
  gboolean          owned;
} FakeMonitor;

static void
fake_name_acquired_cb (GDBusConnection *connection,
                       const char      *name,
                       gpointer         user_data)
{
  ((FakeMonitor *) user_data)->owned = TRUE;
}

static gboolean
fake_is_owned (gpointer data)
{
  return ((FakeMonitor *) data)->owned;
}

static void
fake_monitor_start (FakeMonitor *fake)
{
  g_autoptr(GError) error = NULL;

  fake->connection = g_dbus_connection_new_for_address_sync (
    g_test_dbus_get_bus_address (bus),
    G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
    NULL, NULL, &error);
  g_assert_no_error (error);

  fake->skeleton = tend_dbus_monitor1_skeleton_new ();
  g_assert_true (g_dbus_interface_skeleton_export (G_DBUS_INTERFACE_SKELETON (fake->skeleton),
                                                   fake->connection, MONITOR_OBJECT_PATH,
                                                   &error));
  g_assert_no_error (error);
  fake->owned = FALSE;
  fake->owner_id = g_bus_own_name_on_connection (fake->connection, MONITOR_BUS_NAME,
                                                 G_BUS_NAME_OWNER_FLAGS_NONE,
                                                 fake_name_acquired_cb, NULL, fake, NULL);
  tend_test_wait_until (fake_is_owned, fake);
}

static void
fake_monitor_stop (FakeMonitor *fake)
{
  g_bus_unown_name (fake->owner_id);
  g_dbus_interface_skeleton_unexport (G_DBUS_INTERFACE_SKELETON (fake->skeleton));
  g_dbus_connection_close_sync (fake->connection, NULL, NULL);
  g_clear_object (&fake->skeleton);
  g_clear_object (&fake->connection);
}

typedef struct
{
  TendUsagePage *page;
  const char    *text;
} StateWait;

static gboolean
state_is (gpointer data)
{
  StateWait *wait = data;

  return g_strcmp0 (tend_usage_page_get_state_text (wait->page), wait->text) == 0;
}

static void
wait_for_state (TendUsagePage *page,
                const char    *text)
{
  StateWait wait = { page, text };

  tend_test_wait_until (state_is, &wait);
}

static void
test_monitor_state (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window;
  TendUsagePage *page;
  AdwActionRow *state_row;
  FakeMonitor fake = { NULL };

  reset_settings ();
  g_settings_set_boolean (settings, "usage-tracking", TRUE);
  window = open_window (context);
  page = get_page (window);
  state_row = template_child (page, "state_row");
  tend_window_show_page (window, "usage");

  /* Not running: said calmly, and the page does not start it */
  wait_for_state (page, "Screen time is not being recorded right now");

  /* Active: for how long, from the start of the stretch, on the context's clock */
  fake_monitor_start (&fake);
  tend_dbus_monitor1_set_source (fake.skeleton, "mutter");
  tend_dbus_monitor1_set_active (fake.skeleton, TRUE);
  tend_dbus_monitor1_set_stretch_start (fake.skeleton, at ("2026-11-21T09:55:00Z"));
  wait_for_state (page, "Active for 35 minutes");
  g_assert_cmpstr (adw_action_row_get_subtitle (state_row), ==, "Since 09:55, without a break");

  tend_dbus_monitor1_set_locked (fake.skeleton, TRUE);
  tend_dbus_monitor1_set_active (fake.skeleton, FALSE);
  tend_dbus_monitor1_set_stretch_start (fake.skeleton, 0);
  wait_for_state (page, "Locked");

  tend_dbus_monitor1_set_locked (fake.skeleton, FALSE);
  wait_for_state (page, "Away");

  /* No source: the monitor's reason, in its words */
  tend_dbus_monitor1_set_source (fake.skeleton, "");
  tend_dbus_monitor1_set_source_error (fake.skeleton,
                                       "Neither GNOME’s idle monitor nor the X screen saver answers.");
  wait_for_state (page, "Tend cannot tell when this computer is in use");
  g_assert_cmpstr (adw_action_row_get_subtitle (state_row), ==,
                   "Neither GNOME’s idle monitor nor the X screen saver answers.");

  /* Gone again */
  fake_monitor_stop (&fake);
  wait_for_state (page, "Screen time is not being recorded right now");

  reset_settings ();
  close_window (window, context);
}

/* A pause shows with its end, and Resume ends it. */
static void
test_paused (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window;
  TendUsagePage *page;
  GtkWidget *paused_row, *pause_row, *resume;

  reset_settings ();
  g_settings_set_boolean (settings, "usage-tracking", TRUE);
  window = open_window (context);
  page = get_page (window);
  paused_row = template_child (page, "paused_row");
  pause_row = template_child (page, "pause_row");
  tend_window_show_page (window, "usage");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* Nothing to pause while no reminder is on */
  g_assert_false (gtk_widget_get_visible (paused_row));
  g_assert_false (gtk_widget_get_visible (pause_row));
  g_settings_set_boolean (settings, "break-reminders", TRUE);
  g_assert_true (gtk_widget_get_visible (pause_row));
  g_assert_cmpstr (adw_action_row_get_subtitle (template_child (page, "break_row")), ==,
                   "After 50 minutes of continuous use");
  g_settings_set_uint (settings, "break-interval", 30);
  g_assert_cmpstr (adw_action_row_get_subtitle (template_child (page, "break_row")), ==,
                   "After 30 minutes of continuous use");

  g_settings_set_int64 (settings, "reminders-paused-until", at ("2026-11-21T15:30:00Z"));
  g_assert_true (gtk_widget_get_visible (paused_row));
  g_assert_false (gtk_widget_get_visible (pause_row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (paused_row)), ==,
                   "Reminders paused until 15:30");

  g_settings_set_int64 (settings, "reminders-paused-until", at ("2026-11-22T03:00:00Z"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (paused_row)), ==,
                   "Reminders paused until tomorrow at 03:00");

  resume = tend_test_find_action_button (paused_row, "app.resume-reminders");
  g_assert_nonnull (resume);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  tend_test_click (resume);
  g_assert_cmpint (g_settings_get_int64 (settings, "reminders-paused-until"), ==, 0);
  g_assert_false (gtk_widget_get_visible (paused_row));
  g_assert_true (gtk_widget_get_visible (pause_row));

  /* A pause that has ended is not shown */
  g_settings_set_int64 (settings, "reminders-paused-until", at ("2026-11-21T10:00:00Z"));
  g_assert_false (gtk_widget_get_visible (paused_row));

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (template_child (page, "pause_button")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Pause Reminders");

  reset_settings ();
  close_window (window, context);
}

/* The app's actions, as the page's menu and the monitor's notifications use them. */
static void
test_app_actions (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = open_window (context);
  GActionGroup *actions = G_ACTION_GROUP (application);
  const struct {
    const char *nick;
    TendRemindersPause length;
  } pauses[] = {
    { "30-minutes", TEND_REMINDERS_PAUSE_30_MINUTES },
    { "1-hour", TEND_REMINDERS_PAUSE_1_HOUR },
    { "until-tomorrow", TEND_REMINDERS_PAUSE_UNTIL_TOMORROW },
  };
  GtkWidget *visible;

  reset_settings ();

  /* The app's own clock is the real one: the pause ends as far from the time it was
   * asked for as the core says. */
  for (guint i = 0; i < G_N_ELEMENTS (pauses); i++)
    {
      g_autoptr(GDateTime) before = g_date_time_new_now_local ();
      g_autoptr(GDateTime) after = NULL;
      gint64 until;

      g_action_group_activate_action (actions, "pause-reminders",
                                      g_variant_new_string (pauses[i].nick));
      after = g_date_time_new_now_local ();
      until = g_settings_get_int64 (settings, "reminders-paused-until");
      g_assert_cmpint (until, >=, tend_reminders_get_pause_end (pauses[i].length, before));
      g_assert_cmpint (until, <=, tend_reminders_get_pause_end (pauses[i].length, after));
      g_assert_cmpint (until, <=, g_date_time_to_unix (after) + 24 * HOUR);
    }

  g_action_group_activate_action (actions, "resume-reminders", NULL);
  g_assert_cmpint (g_settings_get_int64 (settings, "reminders-paused-until"), ==, 0);

  /* Take a break: the breathing exercise, on Guides */
  g_action_group_activate_action (actions, "take-break", NULL);
  g_assert_cmpstr (tend_window_get_page (window), ==, "guides");
  tend_test_wait_for_draws (GTK_WIDGET (window), 2);
  visible = tend_guides_page_get_visible (TEND_GUIDES_PAGE (tend_test_find_descendant (GTK_WIDGET (window),
                                                                                      TEND_TYPE_GUIDES_PAGE)));
  g_assert_nonnull (tend_test_find_descendant (visible, TEND_TYPE_BREATHING_EXERCISE));

  /* And the page by name */
  g_action_group_activate_action (actions, "show-page", g_variant_new_string ("usage"));
  g_assert_cmpstr (tend_window_get_page (window), ==, "usage");

  reset_settings ();
  close_window (window, context);
}

static AdwPreferencesPage *
open_settings_page (GtkWidget **window)
{
  AdwPreferencesPage *page = tend_usage_settings_page_new ();

  *window = adw_window_new ();
  adw_window_set_content (ADW_WINDOW (*window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (*window), 600, 900);
  gtk_window_present (GTK_WINDOW (*window));
  gtk_test_widget_wait_for_draw (*window);
  return page;
}

static gpointer
settings_child (AdwPreferencesPage *page,
                const char         *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (page), TEND_TYPE_USAGE_SETTINGS_PAGE, name);
}

/* Each row writes its key; what counts screen time waits until it is recorded. */
static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  const char * const need_tracking[] = { "break_row", "interval_row", "length_row",
                                         "eye_rest_row", "goal_row" };
  GtkWidget *window;
  AdwPreferencesPage *page;
  TendTimeRow *goal_time, *check_in_time, *quiet_start;

  reset_settings ();
  page = open_settings_page (&window);
  g_assert_cmpstr (adw_preferences_page_get_name (page), ==, "usage");

  for (guint i = 0; i < G_N_ELEMENTS (need_tracking); i++)
    {
      GtkWidget *row = settings_child (page, need_tracking[i]);
      const char *subtitle = ADW_IS_EXPANDER_ROW (row)
                               ? adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row))
                               : adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

      g_assert_false (gtk_widget_is_sensitive (row));
      g_assert_cmpstr (subtitle, ==, "Available once screen time is recorded");
    }
  g_assert_true (gtk_widget_is_sensitive (settings_child (page, "check_in_row")));
  g_assert_true (gtk_widget_is_sensitive (settings_child (page, "quiet_row")));
  g_assert_true (gtk_widget_is_sensitive (settings_child (page, "autostart_row")));

  adw_switch_row_set_active (settings_child (page, "tracking_row"), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "usage-tracking"));
  g_assert_true (gtk_widget_is_sensitive (settings_child (page, "break_row")));
  g_assert_true (gtk_widget_is_sensitive (settings_child (page, "length_row")));
  g_assert_cmpstr (adw_action_row_get_subtitle (settings_child (page, "length_row")), ==,
                   "Minutes away that count as a break");
  /* The interval waits for break reminders */
  g_assert_false (gtk_widget_is_sensitive (settings_child (page, "interval_row")));
  adw_switch_row_set_active (settings_child (page, "break_row"), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "break-reminders"));
  g_assert_true (gtk_widget_is_sensitive (settings_child (page, "interval_row")));

  adw_switch_row_set_active (settings_child (page, "autostart_row"), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "autostart"));

  adw_spin_row_set_value (settings_child (page, "interval_row"), 30);
  g_assert_cmpuint (g_settings_get_uint (settings, "break-interval"), ==, 30);
  adw_spin_row_set_value (settings_child (page, "interval_row"), 500);
  g_assert_cmpuint (g_settings_get_uint (settings, "break-interval"), ==, 180);
  adw_spin_row_set_value (settings_child (page, "length_row"), 10);
  g_assert_cmpuint (g_settings_get_uint (settings, "break-length"), ==, 10);
  adw_switch_row_set_active (settings_child (page, "eye_rest_row"), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "eye-rest"));

  /* The goal: 4 hours when turned on, then hours and minutes, and none when off */
  goal_time = settings_child (page, "goal_time_row");
  adw_expander_row_set_enable_expansion (settings_child (page, "goal_row"), TRUE);
  g_assert_cmpuint (g_settings_get_uint (settings, "daily-goal"), ==, 240);
  gtk_spin_button_set_value (tend_time_row_get_hour_spin (goal_time), 2);
  gtk_spin_button_set_value (tend_time_row_get_minute_spin (goal_time), 30);
  g_assert_cmpuint (g_settings_get_uint (settings, "daily-goal"), ==, 150);
  g_assert_cmpstr (gtk_menu_button_get_label (tend_time_row_get_button (goal_time)), ==,
                   "2 h 30 min");
  gtk_spin_button_set_value (tend_time_row_get_hour_spin (goal_time), 0);
  gtk_spin_button_set_value (tend_time_row_get_minute_spin (goal_time), 0);
  g_assert_cmpuint (g_settings_get_uint (settings, "daily-goal"), ==, 15);
  adw_expander_row_set_enable_expansion (settings_child (page, "goal_row"), FALSE);
  g_assert_cmpuint (g_settings_get_uint (settings, "daily-goal"), ==, 0);
  g_settings_set_uint (settings, "daily-goal", 90);
  g_assert_true (adw_expander_row_get_enable_expansion (settings_child (page, "goal_row")));
  g_assert_cmpuint (tend_time_row_get_minutes (goal_time), ==, 90);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (tend_time_row_get_hour_spin (goal_time)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Hours");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (tend_time_row_get_minute_spin (goal_time)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Minutes");

  /* The check-in reminder and its time */
  check_in_time = settings_child (page, "check_in_time_row");
  g_assert_cmpuint (tend_time_row_get_minutes (check_in_time), ==, 20 * 60);
  adw_expander_row_set_enable_expansion (settings_child (page, "check_in_row"), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "check-in-reminder"));
  gtk_spin_button_set_value (tend_time_row_get_hour_spin (check_in_time), 21);
  gtk_spin_button_set_value (tend_time_row_get_minute_spin (check_in_time), 15);
  g_assert_cmpuint (g_settings_get_uint (settings, "check-in-reminder-time"), ==, 21 * 60 + 15);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (tend_time_row_get_hour_spin (check_in_time)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Hour");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (tend_time_row_get_minute_spin (check_in_time)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Minute");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (tend_time_row_get_hour_spin (check_in_time)),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Time");

  /* Quiet hours, on a 24-hour clock and on a 12-hour one */
  quiet_start = settings_child (page, "quiet_start_row");
  adw_expander_row_set_enable_expansion (settings_child (page, "quiet_row"), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "quiet-hours"));
  tend_time_row_set_use_12h (quiet_start, FALSE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tend_time_row_get_hour_spin (quiet_start))), ==,
                   "22");
  g_assert_cmpstr (gtk_menu_button_get_label (tend_time_row_get_button (quiet_start)), ==, "22:00");
  tend_time_row_set_use_12h (quiet_start, TRUE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tend_time_row_get_hour_spin (quiet_start))), ==,
                   "10 PM");
  g_assert_cmpstr (gtk_menu_button_get_label (tend_time_row_get_button (quiet_start)), ==, "10:00 PM");
  gtk_editable_set_text (GTK_EDITABLE (tend_time_row_get_hour_spin (quiet_start)), "9");
  gtk_spin_button_update (tend_time_row_get_hour_spin (quiet_start));
  g_assert_cmpuint (g_settings_get_uint (settings, "quiet-hours-start"), ==, 21 * 60);
  gtk_editable_set_text (GTK_EDITABLE (tend_time_row_get_hour_spin (quiet_start)), "11 am");
  gtk_spin_button_update (tend_time_row_get_hour_spin (quiet_start));
  g_assert_cmpuint (g_settings_get_uint (settings, "quiet-hours-start"), ==, 11 * 60);
  gtk_spin_button_spin (tend_time_row_get_hour_spin (quiet_start), GTK_SPIN_STEP_FORWARD, 1);
  g_assert_cmpuint (g_settings_get_uint (settings, "quiet-hours-start"), ==, 12 * 60);
  g_settings_set_uint (settings, "quiet-hours-end", 7 * 60 + 45);
  g_assert_cmpuint (tend_time_row_get_minutes (settings_child (page, "quiet_end_row")), ==, 7 * 60 + 45);

  /* Off again: the rows wait, and keep what was chosen */
  adw_switch_row_set_active (settings_child (page, "tracking_row"), FALSE);
  g_assert_false (gtk_widget_is_sensitive (settings_child (page, "eye_rest_row")));
  g_assert_true (g_settings_get_boolean (settings, "eye-rest"));

  gtk_window_destroy (GTK_WINDOW (window));
  reset_settings ();
}

/* Preferences opens on the page by its name, as app.preferences-page('usage') does. */
static void
test_preferences_page_name (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = open_window (context);
  TendPreferencesDialog *dialog = tend_preferences_dialog_new (context);

  adw_preferences_dialog_set_visible_page_name (ADW_PREFERENCES_DIALOG (dialog), "usage");
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (adw_preferences_dialog_get_visible_page_name (ADW_PREFERENCES_DIALOG (dialog)),
                   ==, "usage");
  g_assert_true (TEND_IS_USAGE_SETTINGS_PAGE (adw_preferences_dialog_get_visible_page (ADW_PREFERENCES_DIALOG (dialog))));

  adw_dialog_force_close (ADW_DIALOG (dialog));
  close_window (window, context);
}

/* Every control of the page has a name a screen reader can say. */
static void
test_accessible_names (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = open_window (context);
  TendUsagePage *page = get_page (window);

  reset_settings ();
  tend_window_show_page (window, "usage");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (gtk_button_get_label (template_child (page, "turn_on_button")), ==, "_Turn On");

  g_settings_set_boolean (settings, "usage-tracking", TRUE);
  add_span (context, "2026-11-21T08:00:00Z", "2026-11-21T09:00:00Z");
  tend_usage_page_refresh (page);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (template_child (page, "list_toggle")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Show as List");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (template_child (page, "pause_button")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Pause Reminders");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (template_child (page, "day_list")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Screen time of the last 14 days");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (tend_usage_page_get_chart (page)),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Today: 1 hour, 0 breaks");
  g_assert_cmpstr (gtk_button_get_label (template_child (page, "resume_button")), ==, "_Resume");

  reset_settings ();
  close_window (window, context);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  int status;

  /* A private session bus, for the stand-in monitor and the app's actions, up before GTK
   * and libadwaita connect to one. g_test_dbus_up() unsets DISPLAY: it is put back. */
  display = g_strdup (g_getenv ("DISPLAY"));
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  tend_test_widgets_init (&argc, &argv);

  application = tend_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/usage-page/turn-on", test_turn_on);
  g_test_add_func ("/usage-page/days", test_days);
  g_test_add_func ("/usage-page/monitor-state", test_monitor_state);
  g_test_add_func ("/usage-page/paused", test_paused);
  g_test_add_func ("/usage-page/app-actions", test_app_actions);
  g_test_add_func ("/usage-page/accessible-names", test_accessible_names);
  g_test_add_func ("/usage-preferences/rows", test_preferences);
  g_test_add_func ("/usage-preferences/page-name", test_preferences_page_name);

  status = g_test_run ();

  /* The bus goes before the process: it must not take the process with it. GTK and the
   * app still hold the connection, so the bus is stopped rather than torn down (which
   * waits for the connection to go, as would unreffing the GTestDBus). */
  g_dbus_connection_set_exit_on_close (g_application_get_dbus_connection (G_APPLICATION (application)),
                                       FALSE);
  g_test_dbus_stop (bus);
  tend_test_widgets_cleanup ();
  return status;
}
