/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The background monitor, put together from parts the test drives: a fake activity
 * source, a manual clock, settings in memory, a real journal file, and the real notifier
 * talking to a fake notification server on a private bus. The same fake plays Tend
 * (org.freedesktop.Application) to receive the notices' actions.
 *
 * The clock moves a minute at a time while active, with tend_monitor_check() after each
 * step, as the monitor's own tick does. Nothing waits for real time, except for answers
 * on the bus and the journal file's change, each bounded by a generous timeout. */

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gio.h>
#include <gio/gsettingsbackend.h>
#include <libnotify/notify.h>

#include "tend-journal.h"
#include "tend-monitor.h"
#include "tend-monitor-dbus.h"
#include "tend-test-dunst.h"
#include "tend-test-usage.h"
#include "tend-test-utils.h"
#include "tend-test-wait.h"


#define NOTIFICATIONS_BUS   "org.freedesktop.Notifications"
#define NOTIFICATIONS_PATH  "/org/freedesktop/Notifications"
#define NOTIFICATIONS_IFACE "org.freedesktop.Notifications"
#define APPLICATION_IFACE   "org.freedesktop.Application"

#define BREAK_TITLE    "Time for a Break"
#define EYE_REST_TITLE "Rest Your Eyes"
#define GOAL_TITLE     "Daily Goal Reached"
#define CHECK_IN_TITLE "How Are You Today?"

/* Closed reasons of the notification specification. */
#define CLOSED_DISMISSED 2
#define CLOSED_BY_CALL   3

static GTestDBus *bus;
/* Kept before g_test_dbus_up(), which unsets DISPLAY. */
static char *x_display;
/* Why the test with dunst cannot run (no display, no dunst), or NULL */
static char *no_dunst;

/* A fake desktop: a notification server and Tend's org.freedesktop.Application ---------- */

static const char desktop_xml[] =
  "<node>"
  "  <interface name='" NOTIFICATIONS_IFACE "'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "    </method>"
  "    <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "    <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "    <signal name='ActivationToken'><arg type='u'/><arg type='s'/></signal>"
  "  </interface>"
  "  <interface name='" APPLICATION_IFACE "'>"
  "    <method name='Activate'><arg type='a{sv}' direction='in'/></method>"
  "    <method name='Open'>"
  "      <arg type='as' direction='in'/><arg type='a{sv}' direction='in'/>"
  "    </method>"
  "    <method name='ActivateAction'>"
  "      <arg type='s' direction='in'/><arg type='av' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

#define FAKE_ACTIVATION_TOKEN "click-token-1"

typedef struct
{
  guint32   id;
  char     *summary;
  char     *body;
  GStrv     actions;
  GVariant *hints;
  gboolean  open;
} Notice;

typedef struct
{
  GMutex           lock;
  GMainContext    *context;
  GMainLoop       *loop;
  GThread         *thread;
  GDBusConnection *connection;
  GDBusNodeInfo   *node;
  guint            notifications_id;
  guint            application_id;

  /* Under the lock */
  GPtrArray       *notices;       /* of Notice, in the order they were first shown */
  GPtrArray       *app_calls;     /* of "action parameters" strings */
  guint32          next_id;
} FakeDesktop;

static FakeDesktop *desktop;

static void
notice_free (Notice *notice)
{
  g_free (notice->summary);
  g_free (notice->body);
  g_strfreev (notice->actions);
  g_clear_pointer (&notice->hints, g_variant_unref);
  g_free (notice);
}

static Notice *
find_notice_locked (FakeDesktop *fake,
                    guint32      id)
{
  for (guint i = 0; i < fake->notices->len; i++)
    {
      Notice *notice = g_ptr_array_index (fake->notices, i);

      if (notice->id == id)
        return notice;
    }

  return NULL;
}

static void
emit_closed (FakeDesktop *fake,
             guint32      id,
             guint32      reason)
{
  g_autoptr(GError) error = NULL;

  g_dbus_connection_emit_signal (fake->connection, NULL, NOTIFICATIONS_PATH, NOTIFICATIONS_IFACE,
                                 "NotificationClosed", g_variant_new ("(uu)", id, reason), &error);
  g_assert_no_error (error);
}

static void
notifications_method_cb (GDBusConnection       *connection,
                         const char            *sender,
                         const char            *object_path,
                         const char            *interface_name,
                         const char            *method_name,
                         GVariant              *parameters,
                         GDBusMethodInvocation *invocation,
                         gpointer               user_data)
{
  FakeDesktop *fake = user_data;

  if (g_str_equal (method_name, "Notify"))
    {
      const char *app_name, *icon, *summary, *body;
      g_autofree const char **actions = NULL;
      g_autoptr(GVariant) hints = NULL;
      guint32 replaces_id;
      gint32 timeout;
      Notice *notice;

      g_variant_get (parameters, "(&su&s&s&s^a&s@a{sv}i)", &app_name, &replaces_id, &icon,
                     &summary, &body, &actions, &hints, &timeout);

      g_mutex_lock (&fake->lock);
      notice = replaces_id != 0 ? find_notice_locked (fake, replaces_id) : NULL;
      if (notice == NULL)
        {
          notice = g_new0 (Notice, 1);
          notice->id = ++fake->next_id;
          g_ptr_array_add (fake->notices, notice);
        }
      g_free (notice->summary);
      g_free (notice->body);
      g_strfreev (notice->actions);
      g_clear_pointer (&notice->hints, g_variant_unref);
      notice->summary = g_strdup (summary);
      notice->body = g_strdup (body);
      notice->actions = g_strdupv ((char **) actions);
      notice->hints = g_variant_ref (hints);
      notice->open = TRUE;
      g_mutex_unlock (&fake->lock);

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", notice->id));
    }
  else if (g_str_equal (method_name, "CloseNotification"))
    {
      gboolean was_open = FALSE;
      guint32 id;
      Notice *notice;

      g_variant_get (parameters, "(u)", &id);
      g_mutex_lock (&fake->lock);
      notice = find_notice_locked (fake, id);
      if (notice != NULL)
        {
          was_open = notice->open;
          notice->open = FALSE;
        }
      g_mutex_unlock (&fake->lock);

      g_dbus_method_invocation_return_value (invocation, NULL);
      if (was_open)
        emit_closed (fake, id, CLOSED_BY_CALL);
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    {
      const char *caps[] = { "actions", "body", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else if (g_str_equal (method_name, "GetServerInformation"))
    {
      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(ssss)", "fake", "Tend tests",
                                                            "1", "1.2"));
    }
}

static void
application_method_cb (GDBusConnection       *connection,
                       const char            *sender,
                       const char            *object_path,
                       const char            *interface_name,
                       const char            *method_name,
                       GVariant              *parameters,
                       GDBusMethodInvocation *invocation,
                       gpointer               user_data)
{
  FakeDesktop *fake = user_data;

  if (g_str_equal (method_name, "ActivateAction"))
    {
      g_autoptr(GVariant) action_parameters = NULL;
      g_autoptr(GVariant) platform_data = NULL;
      g_autofree char *printed = NULL;
      const char *name;

      const char *token = NULL;

      g_variant_get (parameters, "(&s@av@a{sv})", &name, &action_parameters, &platform_data);
      printed = g_variant_print (action_parameters, FALSE);
      g_variant_lookup (platform_data, "activation-token", "&s", &token);

      g_mutex_lock (&fake->lock);
      g_ptr_array_add (fake->app_calls, g_strdup_printf ("%s %s token=%s", name, printed,
                                                         token != NULL ? token : "none"));
      g_mutex_unlock (&fake->lock);
    }

  g_dbus_method_invocation_return_value (invocation, NULL);
}

static const GDBusInterfaceVTable notifications_vtable = {
  notifications_method_cb, NULL, NULL, { 0 }
};
static const GDBusInterfaceVTable application_vtable = {
  application_method_cb, NULL, NULL, { 0 }
};

static gpointer
desktop_thread (gpointer user_data)
{
  FakeDesktop *fake = user_data;

  g_main_context_push_thread_default (fake->context);
  g_main_loop_run (fake->loop);
  g_main_context_pop_thread_default (fake->context);

  return NULL;
}

static void
request_name (GDBusConnection *connection,
              const char      *name)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 result;

  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus",
                                       "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "RequestName", g_variant_new ("(su)", name, 4),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  g_assert_cmpuint (result, ==, 1);  /* primary owner */
}

static FakeDesktop *
fake_desktop_new (void)
{
  FakeDesktop *fake = g_new0 (FakeDesktop, 1);
  g_autoptr(GError) error = NULL;

  g_mutex_init (&fake->lock);
  fake->notices = g_ptr_array_new_with_free_func ((GDestroyNotify) notice_free);
  fake->app_calls = g_ptr_array_new_with_free_func (g_free);
  fake->context = g_main_context_new ();
  fake->loop = g_main_loop_new (fake->context, FALSE);

  /* Calls are dispatched to the thread-default context at registration: the fake's own. */
  g_main_context_push_thread_default (fake->context);
  fake->connection = g_dbus_connection_new_for_address_sync (
    g_test_dbus_get_bus_address (bus),
    G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
    NULL, NULL, &error);
  g_assert_no_error (error);
  fake->node = g_dbus_node_info_new_for_xml (desktop_xml, &error);
  g_assert_no_error (error);
  fake->notifications_id = g_dbus_connection_register_object (fake->connection, NOTIFICATIONS_PATH,
                                                              fake->node->interfaces[0],
                                                              &notifications_vtable, fake, NULL,
                                                              &error);
  g_assert_no_error (error);
  fake->application_id = g_dbus_connection_register_object (fake->connection, APP_PATH,
                                                            fake->node->interfaces[1],
                                                            &application_vtable, fake, NULL,
                                                            &error);
  g_assert_no_error (error);
  g_main_context_pop_thread_default (fake->context);

  request_name (fake->connection, NOTIFICATIONS_BUS);
  request_name (fake->connection, APP_ID);

  fake->thread = g_thread_new ("fake-desktop", desktop_thread, fake);

  return fake;
}

/* Leaves the notifications to another server, or takes them back. */
static void
fake_desktop_serve_notifications (FakeDesktop *fake,
                                  gboolean     serve)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  if (serve)
    {
      request_name (fake->connection, NOTIFICATIONS_BUS);
      return;
    }

  reply = g_dbus_connection_call_sync (fake->connection, "org.freedesktop.DBus",
                                       "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "ReleaseName", g_variant_new ("(s)", NOTIFICATIONS_BUS),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       &error);
  g_assert_no_error (error);
}

static void
fake_desktop_free (FakeDesktop *fake)
{
  g_autoptr(GError) error = NULL;

  g_main_loop_quit (fake->loop);
  g_thread_join (fake->thread);
  g_dbus_connection_unregister_object (fake->connection, fake->notifications_id);
  g_dbus_connection_unregister_object (fake->connection, fake->application_id);
  g_dbus_connection_close_sync (fake->connection, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (fake->connection);
  g_dbus_node_info_unref (fake->node);
  g_main_loop_unref (fake->loop);
  g_main_context_unref (fake->context);
  g_ptr_array_unref (fake->notices);
  g_ptr_array_unref (fake->app_calls);
  g_mutex_clear (&fake->lock);
  g_free (fake);
}

static void
fake_desktop_reset (FakeDesktop *fake)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fake->lock);

  g_ptr_array_set_size (fake->notices, 0);
  g_ptr_array_set_size (fake->app_calls, 0);
}

/* The id of the open notice titled @summary, or 0. */
static guint32
fake_desktop_find_open (FakeDesktop *fake,
                        const char  *summary)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fake->lock);

  for (guint i = 0; i < fake->notices->len; i++)
    {
      Notice *notice = g_ptr_array_index (fake->notices, i);

      if (notice->open && g_str_equal (notice->summary, summary))
        return notice->id;
    }

  return 0;
}

static guint
fake_desktop_count_open (FakeDesktop *fake)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fake->lock);
  guint n = 0;

  for (guint i = 0; i < fake->notices->len; i++)
    n += ((Notice *) g_ptr_array_index (fake->notices, i))->open;

  return n;
}

static gboolean
fake_desktop_has_action (FakeDesktop *fake,
                         guint32      id,
                         const char  *action)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fake->lock);
  Notice *notice = find_notice_locked (fake, id);

  g_assert_nonnull (notice);
  /* Actions come in pairs: identifier, label. */
  for (guint i = 0; notice->actions[i] != NULL && notice->actions[i + 1] != NULL; i += 2)
    if (g_str_equal (notice->actions[i], action))
      return TRUE;

  return FALSE;
}

static char *
fake_desktop_get_body (FakeDesktop *fake,
                       guint32      id)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fake->lock);
  Notice *notice = find_notice_locked (fake, id);

  g_assert_nonnull (notice);
  return g_strdup (notice->body);
}

/* The person clicks a button: the server says so, then closes the notice. */
static void
fake_desktop_invoke (FakeDesktop *fake,
                     guint32      id,
                     const char  *action)
{
  g_autoptr(GError) error = NULL;
  Notice *notice;

  g_mutex_lock (&fake->lock);
  notice = find_notice_locked (fake, id);
  g_assert_nonnull (notice);
  g_assert_true (notice->open);
  notice->open = FALSE;
  g_mutex_unlock (&fake->lock);

  /* As GNOME Shell does, the click's activation token just before the action */
  g_dbus_connection_emit_signal (fake->connection, NULL, NOTIFICATIONS_PATH, NOTIFICATIONS_IFACE,
                                 "ActivationToken",
                                 g_variant_new ("(us)", id, FAKE_ACTIVATION_TOKEN), &error);
  g_assert_no_error (error);
  g_dbus_connection_emit_signal (fake->connection, NULL, NOTIFICATIONS_PATH, NOTIFICATIONS_IFACE,
                                 "ActionInvoked", g_variant_new ("(us)", id, action), &error);
  g_assert_no_error (error);
  emit_closed (fake, id, CLOSED_DISMISSED);
}

/* The person closes the notice. */
static void
fake_desktop_dismiss (FakeDesktop *fake,
                      guint32      id)
{
  g_mutex_lock (&fake->lock);
  find_notice_locked (fake, id)->open = FALSE;
  g_mutex_unlock (&fake->lock);

  emit_closed (fake, id, CLOSED_DISMISSED);
}

static gboolean
fake_desktop_has_app_call (FakeDesktop *fake,
                           const char  *call)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fake->lock);

  for (guint i = 0; i < fake->app_calls->len; i++)
    if (g_str_equal (g_ptr_array_index (fake->app_calls, i), call))
      return TRUE;

  return FALSE;
}

/* A fake activity source the test moves ------------------------------------------------ */

#define FAKE_TYPE_SOURCE (fake_source_get_type ())
G_DECLARE_FINAL_TYPE (FakeSource, fake_source, FAKE, SOURCE, TendIdleSource)

struct _FakeSource
{
  TendIdleSource parent_instance;

  gint64         start_since;  /* unix s */
};

G_DEFINE_FINAL_TYPE (FakeSource, fake_source, TEND_TYPE_IDLE_SOURCE)

static gboolean
fake_source_start (TendIdleSource  *source,
                   GError         **error)
{
  /* Found idle, since the last input a while ago. */
  tend_idle_source_update (source, FALSE, FAKE_SOURCE (source)->start_since * G_USEC_PER_SEC);
  return TRUE;
}

static void
fake_source_class_init (FakeSourceClass *klass)
{
  TEND_IDLE_SOURCE_CLASS (klass)->start = fake_source_start;
  TEND_IDLE_SOURCE_CLASS (klass)->name = "fake";
}

static void
fake_source_init (FakeSource *self)
{
}

/* The fixture --------------------------------------------------------------------------- */

typedef struct
{
  char             *data_dir;
  TendDatabase     *database;
  TendClock        *clock;
  GSettingsBackend *backend;
  GSettings        *settings;
  TendNotifier     *notifier;
  TendMonitor      *monitor;
  FakeSource       *source;        /* the monitor's, while it has one */
  gboolean          source_fails;
  guint             n_sources;
} Fixture;

static TendIdleSource *
make_source (gpointer   user_data,
             GError   **error)
{
  Fixture *fixture = user_data;
  TendIdleSource *source;

  if (fixture->source_fails)
    {
      g_set_error_literal (error, TEND_IDLE_SOURCE_ERROR, TEND_IDLE_SOURCE_ERROR_UNAVAILABLE,
                           "Nothing here tells when the computer is in use.");
      return NULL;
    }

  source = g_object_new (FAKE_TYPE_SOURCE, NULL);
  FAKE_SOURCE (source)->start_since = tend_test_clock_now_s (fixture->clock) - 600;
  g_assert_true (tend_idle_source_start (source, error));
  fixture->source = FAKE_SOURCE (source);
  g_object_add_weak_pointer (G_OBJECT (source), (gpointer *) &fixture->source);
  fixture->n_sources++;

  return source;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) start = tend_test_date_time ((const char *) data);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fake_desktop_reset (desktop);

  fixture->data_dir = tend_test_make_data_dir ();
  path = g_build_filename (fixture->data_dir, "journal.db", NULL);
  fixture->database = tend_database_open (path, &error);
  g_assert_no_error (error);
  fixture->clock = tend_clock_new_manual (start);
  fixture->backend = g_memory_settings_backend_new ();
  fixture->settings = g_settings_new_with_backend (BASE_APP_ID, fixture->backend);
  fixture->notifier = tend_notifier_new (&error);
  g_assert_no_error (error);

  g_settings_set_boolean (fixture->settings, "usage-tracking", TRUE);
  g_settings_set_boolean (fixture->settings, "break-reminders", TRUE);

  fixture->monitor = tend_monitor_new (fixture->database, fixture->clock, fixture->settings,
                                       fixture->notifier);
  tend_monitor_set_source_func (fixture->monitor, make_source, fixture, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->monitor);
  g_assert_null (fixture->source);
  g_clear_object (&fixture->notifier);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->backend);
  g_clear_object (&fixture->clock);
  g_clear_object (&fixture->database);
  g_clear_pointer (&fixture->data_dir, g_free);

  /* The notices of a notifier that goes away go with it. */
  WAIT_FOR (fake_desktop_count_open (desktop) == 0);
}

static gint64
now_s (Fixture *fixture)
{
  return tend_test_clock_now_s (fixture->clock);
}

static void
set_clock (Fixture    *fixture,
           const char *iso8601)
{
  g_autoptr(GDateTime) time = tend_test_date_time (iso8601);

  tend_clock_set_now (fixture->clock, time);
  tend_monitor_check (fixture->monitor);
}

/* Input now (or the last input now, for idle). */
static void
set_active (Fixture  *fixture,
            gboolean  active)
{
  g_assert_nonnull (fixture->source);
  tend_idle_source_update (TEND_IDLE_SOURCE (fixture->source), active,
                           now_s (fixture) * G_USEC_PER_SEC);
}

/* Moves the clock on by @seconds, a minute at a time, checking after each step. */
static void
run_for (Fixture *fixture,
         gint64   seconds)
{
  gint64 end = now_s (fixture) + seconds;

  while (now_s (fixture) < end)
    {
      tend_test_clock_set_s (fixture->clock, MIN (now_s (fixture) + 60, end));
      tend_monitor_check (fixture->monitor);
    }
}

static gboolean
shown (Fixture        *fixture,
       TendNoticeKind  kind)
{
  return tend_notifier_is_shown (fixture->notifier, kind);
}

static guint
today_total (Fixture *fixture)
{
  g_autoptr(GDateTime) now = tend_clock_get_now (fixture->clock);
  g_autoptr(GError) error = NULL;
  GDate day;
  guint total;

  tend_usage_get_day_of (now, &day);
  total = tend_usage_get_day_total (tend_monitor_get_usage (fixture->monitor), &day, &error);
  g_assert_no_error (error);
  return total;
}

/* Writes a check-in through a connection of its own, as the app does. */
static void
write_check_in (Fixture    *fixture,
                const char *iso8601)
{
  g_autofree char *path = g_build_filename (fixture->data_dir, "journal.db", NULL);
  g_autoptr(TendDatabase) database = NULL;
  g_autoptr(TendJournal) journal = NULL;
  g_autoptr(GDateTime) when = tend_test_date_time (iso8601);
  g_autoptr(TendEntry) entry = tend_entry_new (TEND_MOOD_GOOD, "", when);
  g_autoptr(GError) error = NULL;

  database = tend_database_open (path, &error);
  g_assert_no_error (error);
  journal = tend_journal_new (database);
  g_assert_true (tend_journal_add (journal, entry, &error));
  g_assert_no_error (error);
}

/* Break reminders ----------------------------------------------------------------------- */

static void
test_break_after_interval (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *body = NULL;
  guint32 id;

  tend_monitor_start (fixture->monitor);
  g_assert_nonnull (fixture->source);
  g_assert_cmpuint (today_total (fixture), ==, 0);

  set_active (fixture, TRUE);
  run_for (fixture, 49 * 60 + 59);
  g_assert_false (shown (fixture, TEND_NOTICE_BREAK));
  g_assert_cmpuint (fake_desktop_find_open (desktop, BREAK_TITLE), ==, 0);

  run_for (fixture, 1);
  g_assert_true (shown (fixture, TEND_NOTICE_BREAK));
  id = fake_desktop_find_open (desktop, BREAK_TITLE);
  g_assert_cmpuint (id, !=, 0);
  body = fake_desktop_get_body (desktop, id);
  g_assert_nonnull (strstr (body, "50 minutes"));
  g_assert_true (fake_desktop_has_action (desktop, id, "take-break"));
  g_assert_true (fake_desktop_has_action (desktop, id, "snooze"));

  /* The time was recorded as it went. */
  g_assert_cmpuint (today_total (fixture), ==, 50 * 60);

  /* Shown once for this stretch. */
  run_for (fixture, 5 * 60);
  g_assert_cmpuint (fake_desktop_count_open (desktop), ==, 1);
}

/* Short pauses in the use, under the break length, do not restart the count. */
static void
test_break_after_short_pauses (Fixture       *fixture,
                               gconstpointer  data)
{
  g_settings_set_uint (fixture->settings, "break-interval", 30);
  tend_monitor_start (fixture->monitor);

  set_active (fixture, TRUE);
  run_for (fixture, 20 * 60);
  set_active (fixture, FALSE);
  run_for (fixture, 4 * 60);
  set_active (fixture, TRUE);
  run_for (fixture, 9 * 60);
  g_assert_false (shown (fixture, TEND_NOTICE_BREAK));
  run_for (fixture, 60);
  g_assert_true (shown (fixture, TEND_NOTICE_BREAK));
}

static void
test_snooze_and_offer_pause (Fixture       *fixture,
                             gconstpointer  data)
{
  guint32 id;

  tend_monitor_start (fixture->monitor);
  set_active (fixture, TRUE);
  run_for (fixture, 50 * 60);
  id = fake_desktop_find_open (desktop, BREAK_TITLE);
  g_assert_cmpuint (id, !=, 0);

  /* "In 10 Minutes" */
  fake_desktop_invoke (desktop, id, "snooze");
  WAIT_FOR (!shown (fixture, TEND_NOTICE_BREAK));
  run_for (fixture, 9 * 60 + 59);
  g_assert_false (shown (fixture, TEND_NOTICE_BREAK));
  g_assert_cmpuint (fake_desktop_find_open (desktop, BREAK_TITLE), ==, 0);
  run_for (fixture, 1);
  g_assert_true (shown (fixture, TEND_NOTICE_BREAK));
  id = fake_desktop_find_open (desktop, BREAK_TITLE);
  g_assert_true (fake_desktop_has_action (desktop, id, "snooze"));

  /* Twice in a row: the next one offers an hour's pause instead. */
  fake_desktop_invoke (desktop, id, "snooze");
  WAIT_FOR (!shown (fixture, TEND_NOTICE_BREAK));
  run_for (fixture, 10 * 60);
  g_assert_false (shown (fixture, TEND_NOTICE_BREAK));
  g_assert_true (shown (fixture, TEND_NOTICE_BREAK_OFFER_PAUSE));
  id = fake_desktop_find_open (desktop, BREAK_TITLE);
  g_assert_cmpuint (id, !=, 0);
  g_assert_true (fake_desktop_has_action (desktop, id, "pause-hour"));
  g_assert_true (fake_desktop_has_action (desktop, id, "take-break"));
  g_assert_false (fake_desktop_has_action (desktop, id, "snooze"));

  /* "Pause for an Hour" */
  fake_desktop_invoke (desktop, id, "pause-hour");
  WAIT_FOR (g_settings_get_int64 (fixture->settings, "reminders-paused-until") != 0);
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, "reminders-paused-until"), ==,
                   now_s (fixture) + 60 * 60);
  run_for (fixture, 59 * 60);
  g_assert_cmpuint (fake_desktop_count_open (desktop), ==, 0);

  /* The pause ends, and the stretch has gone on: the reminder comes again. */
  run_for (fixture, 60);
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, "reminders-paused-until"), ==, 0);
  g_assert_true (shown (fixture, TEND_NOTICE_BREAK));
}

static void
test_natural_break (Fixture       *fixture,
                    gconstpointer  data)
{
  tend_monitor_start (fixture->monitor);
  set_active (fixture, TRUE);
  run_for (fixture, 50 * 60);
  g_assert_true (shown (fixture, TEND_NOTICE_BREAK));

  /* Away: after four minutes the reminder still stands; at five it is a break. */
  set_active (fixture, FALSE);
  run_for (fixture, 4 * 60 + 59);
  g_assert_true (shown (fixture, TEND_NOTICE_BREAK));
  run_for (fixture, 1);
  g_assert_false (shown (fixture, TEND_NOTICE_BREAK));
  WAIT_FOR (fake_desktop_find_open (desktop, BREAK_TITLE) == 0);

  /* Back: a new stretch, with its own 50 minutes. */
  set_active (fixture, TRUE);
  run_for (fixture, 49 * 60);
  g_assert_false (shown (fixture, TEND_NOTICE_BREAK));
  run_for (fixture, 60);
  g_assert_true (shown (fixture, TEND_NOTICE_BREAK));
}

/* A locked screen counts as away, and toward a break. */
static void
test_lock (Fixture       *fixture,
           gconstpointer  data)
{
  tend_monitor_start (fixture->monitor);
  set_active (fixture, TRUE);
  run_for (fixture, 50 * 60);
  g_assert_true (shown (fixture, TEND_NOTICE_BREAK));

  /* Locked while the source still sees input (typing the password). */
  tend_monitor_set_locked (fixture->monitor, TRUE);
  run_for (fixture, 5 * 60);
  g_assert_false (shown (fixture, TEND_NOTICE_BREAK));
  g_assert_cmpuint (today_total (fixture), ==, 50 * 60);

  tend_monitor_set_locked (fixture->monitor, FALSE);
  run_for (fixture, 10 * 60);
  g_assert_cmpuint (today_total (fixture), ==, 60 * 60);

  /* Logging out ends the span. */
  tend_monitor_set_session_ending (fixture->monitor, TRUE);
  run_for (fixture, 10 * 60);
  g_assert_cmpuint (today_total (fixture), ==, 60 * 60);
  g_assert_false (tend_usage_is_active (tend_monitor_get_usage (fixture->monitor)));
}

/* Quiet hours and pauses ------------------------------------------------------------------ */

static void
test_quiet_hours (Fixture       *fixture,
                  gconstpointer  data)
{
  /* 12:00 to 13:00; the break is due at 12:20. */
  g_settings_set_boolean (fixture->settings, "quiet-hours", TRUE);
  g_settings_set_uint (fixture->settings, "quiet-hours-start", 12 * 60);
  g_settings_set_uint (fixture->settings, "quiet-hours-end", 13 * 60);
  tend_monitor_start (fixture->monitor);

  set_active (fixture, TRUE);
  run_for (fixture, 89 * 60);  /* 12:59 */
  g_assert_cmpuint (fake_desktop_count_open (desktop), ==, 0);
  run_for (fixture, 60);
  g_assert_true (shown (fixture, TEND_NOTICE_BREAK));
}

static void
test_pause_expires (Fixture       *fixture,
                    gconstpointer  data)
{
  tend_monitor_start (fixture->monitor);
  set_active (fixture, TRUE);
  run_for (fixture, 40 * 60);

  /* Paused from the app for 30 minutes, across the moment the break is due. */
  g_settings_set_int64 (fixture->settings, "reminders-paused-until", now_s (fixture) + 30 * 60);
  run_for (fixture, 29 * 60);
  g_assert_false (shown (fixture, TEND_NOTICE_BREAK));
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, "reminders-paused-until"), !=, 0);

  run_for (fixture, 60);
  g_assert_true (shown (fixture, TEND_NOTICE_BREAK));
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, "reminders-paused-until"), ==, 0);
}

/* A pause that begins while a reminder is on screen takes it away. */
static void
test_pause_withdraws (Fixture       *fixture,
                      gconstpointer  data)
{
  tend_monitor_start (fixture->monitor);
  set_active (fixture, TRUE);
  run_for (fixture, 50 * 60);
  g_assert_true (shown (fixture, TEND_NOTICE_BREAK));

  g_settings_set_int64 (fixture->settings, "reminders-paused-until", now_s (fixture) + 30 * 60);
  g_assert_false (shown (fixture, TEND_NOTICE_BREAK));
  WAIT_FOR (fake_desktop_count_open (desktop) == 0);
}

/* The check-in reminder ----------------------------------------------------------------- */

static void
test_check_in (Fixture       *fixture,
               gconstpointer  data)
{
  guint32 id;

  g_settings_set_boolean (fixture->settings, "usage-tracking", FALSE);
  g_settings_set_boolean (fixture->settings, "check-in-reminder", TRUE);
  g_settings_set_uint (fixture->settings, "check-in-reminder-time", 20 * 60);
  tend_monitor_start (fixture->monitor);
  g_assert_null (fixture->source);

  set_clock (fixture, "2026-03-02T19:59:59Z");
  g_assert_false (shown (fixture, TEND_NOTICE_CHECK_IN));
  set_clock (fixture, "2026-03-02T20:00:00Z");
  g_assert_true (shown (fixture, TEND_NOTICE_CHECK_IN));
  id = fake_desktop_find_open (desktop, CHECK_IN_TITLE);
  g_assert_cmpuint (id, !=, 0);
  g_assert_true (fake_desktop_has_action (desktop, id, "check-in"));

  /* Once a day. */
  fake_desktop_dismiss (desktop, id);
  WAIT_FOR (!shown (fixture, TEND_NOTICE_CHECK_IN));
  set_clock (fixture, "2026-03-02T22:00:00Z");
  set_clock (fixture, "2026-03-03T19:00:00Z");
  g_assert_false (shown (fixture, TEND_NOTICE_CHECK_IN));

  /* The next day, "Check In" opens one in Tend. */
  set_clock (fixture, "2026-03-03T20:00:00Z");
  id = fake_desktop_find_open (desktop, CHECK_IN_TITLE);
  g_assert_cmpuint (id, !=, 0);
  fake_desktop_invoke (desktop, id, "check-in");
  WAIT_FOR (fake_desktop_has_app_call (desktop, "check-in [] token=" FAKE_ACTIVATION_TOKEN));
}

static void
test_check_in_skipped (Fixture       *fixture,
                       gconstpointer  data)
{
  g_settings_set_boolean (fixture->settings, "check-in-reminder", TRUE);
  g_settings_set_uint (fixture->settings, "check-in-reminder-time", 20 * 60);
  tend_monitor_start (fixture->monitor);

  /* Written this morning (yesterday's does not count). */
  write_check_in (fixture, "2026-03-01T21:00:00Z");
  write_check_in (fixture, "2026-03-02T08:30:00Z");
  set_clock (fixture, "2026-03-02T20:00:00Z");
  g_assert_false (shown (fixture, TEND_NOTICE_CHECK_IN));

  set_clock (fixture, "2026-03-03T20:00:00Z");
  g_assert_true (shown (fixture, TEND_NOTICE_CHECK_IN));
}

static void
test_check_in_withdrawn (Fixture       *fixture,
                         gconstpointer  data)
{
  g_settings_set_boolean (fixture->settings, "check-in-reminder", TRUE);
  g_settings_set_uint (fixture->settings, "check-in-reminder-time", 20 * 60);
  tend_monitor_start (fixture->monitor);

  set_clock (fixture, "2026-03-02T20:00:00Z");
  g_assert_true (shown (fixture, TEND_NOTICE_CHECK_IN));

  /* Tend saves a check-in: the journal file changes, and the reminder goes. */
  set_clock (fixture, "2026-03-02T20:05:00Z");
  write_check_in (fixture, "2026-03-02T20:05:00Z");
  WAIT_FOR (!shown (fixture, TEND_NOTICE_CHECK_IN));
  WAIT_FOR (fake_desktop_find_open (desktop, CHECK_IN_TITLE) == 0);
}

static void
test_check_in_held (Fixture       *fixture,
                    gconstpointer  data)
{
  g_settings_set_boolean (fixture->settings, "check-in-reminder", TRUE);
  g_settings_set_uint (fixture->settings, "check-in-reminder-time", 20 * 60);
  g_settings_set_boolean (fixture->settings, "quiet-hours", TRUE);
  g_settings_set_uint (fixture->settings, "quiet-hours-start", 19 * 60 + 30);
  g_settings_set_uint (fixture->settings, "quiet-hours-end", 20 * 60 + 30);
  tend_monitor_start (fixture->monitor);

  /* Quiet hours move it to their end. */
  set_clock (fixture, "2026-03-02T20:00:00Z");
  g_assert_false (shown (fixture, TEND_NOTICE_CHECK_IN));
  set_clock (fixture, "2026-03-02T20:30:00Z");
  g_assert_true (shown (fixture, TEND_NOTICE_CHECK_IN));

  /* A pause past midnight skips the day. */
  set_clock (fixture, "2026-03-03T18:00:00Z");
  g_assert_false (shown (fixture, TEND_NOTICE_CHECK_IN));
  g_settings_set_int64 (fixture->settings, "reminders-paused-until",
                        now_s (fixture) + 8 * 60 * 60);
  set_clock (fixture, "2026-03-03T20:30:00Z");
  g_assert_false (shown (fixture, TEND_NOTICE_CHECK_IN));
  set_clock (fixture, "2026-03-04T02:00:00Z");
  g_assert_false (shown (fixture, TEND_NOTICE_CHECK_IN));
}

/* The daily goal --------------------------------------------------------------------------- */

static void
test_goal_once_a_day (Fixture       *fixture,
                      gconstpointer  data)
{
  guint32 id;

  g_settings_set_boolean (fixture->settings, "break-reminders", FALSE);
  g_settings_set_uint (fixture->settings, "daily-goal", 90);
  tend_monitor_start (fixture->monitor);

  /* An hour in the morning, half an hour after lunch. */
  set_active (fixture, TRUE);
  run_for (fixture, 60 * 60);
  set_active (fixture, FALSE);
  set_clock (fixture, "2026-03-02T13:00:00Z");
  set_active (fixture, TRUE);
  run_for (fixture, 29 * 60);
  g_assert_false (shown (fixture, TEND_NOTICE_GOAL_PASSED));
  run_for (fixture, 60);
  g_assert_true (shown (fixture, TEND_NOTICE_GOAL_PASSED));
  id = fake_desktop_find_open (desktop, GOAL_TITLE);
  g_assert_cmpuint (id, !=, 0);

  /* Once a day, however long the day goes on. */
  fake_desktop_dismiss (desktop, id);
  WAIT_FOR (!shown (fixture, TEND_NOTICE_GOAL_PASSED));
  run_for (fixture, 3 * 60 * 60);
  g_assert_false (shown (fixture, TEND_NOTICE_GOAL_PASSED));
  g_assert_cmpuint (fake_desktop_count_open (desktop), ==, 0);

  /* The next day afresh; the notice opens the Usage page. */
  set_active (fixture, FALSE);
  set_clock (fixture, "2026-03-03T09:00:00Z");
  set_active (fixture, TRUE);
  run_for (fixture, 90 * 60);
  id = fake_desktop_find_open (desktop, GOAL_TITLE);
  g_assert_cmpuint (id, !=, 0);
  g_assert_true (fake_desktop_has_action (desktop, id, "default"));
  fake_desktop_invoke (desktop, id, "default");
  WAIT_FOR (fake_desktop_has_app_call (desktop, "show-page [<'usage'>] token=" FAKE_ACTIVATION_TOKEN));
}

/* Started again the same day (after a logout), the monitor does not tell it twice. */
static void
test_goal_not_again_after_restart (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_settings_set_boolean (fixture->settings, "break-reminders", FALSE);
  g_settings_set_uint (fixture->settings, "daily-goal", 30);
  tend_monitor_start (fixture->monitor);

  set_active (fixture, TRUE);
  run_for (fixture, 30 * 60);
  g_assert_true (shown (fixture, TEND_NOTICE_GOAL_PASSED));
  g_clear_object (&fixture->monitor);
  g_assert_false (shown (fixture, TEND_NOTICE_GOAL_PASSED));
  WAIT_FOR (fake_desktop_count_open (desktop) == 0);

  fixture->monitor = tend_monitor_new (fixture->database, fixture->clock, fixture->settings,
                                       fixture->notifier);
  tend_monitor_set_source_func (fixture->monitor, make_source, fixture, NULL);
  tend_monitor_start (fixture->monitor);
  set_active (fixture, TRUE);
  run_for (fixture, 60 * 60);
  g_assert_false (shown (fixture, TEND_NOTICE_GOAL_PASSED));
  g_assert_cmpuint (fake_desktop_count_open (desktop), ==, 0);
  g_assert_cmpuint (today_total (fixture), ==, 90 * 60);
}

/* Passing 03:00 takes the goal notice away: it spoke of the day before. */
static void
test_goal_withdrawn_next_day (Fixture       *fixture,
                              gconstpointer  data)
{
  g_settings_set_boolean (fixture->settings, "break-reminders", FALSE);
  g_settings_set_uint (fixture->settings, "daily-goal", 30);
  tend_monitor_start (fixture->monitor);

  set_active (fixture, TRUE);
  run_for (fixture, 30 * 60);  /* 02:30 */
  g_assert_true (shown (fixture, TEND_NOTICE_GOAL_PASSED));
  run_for (fixture, 29 * 60);
  g_assert_true (shown (fixture, TEND_NOTICE_GOAL_PASSED));
  run_for (fixture, 60);
  g_assert_false (shown (fixture, TEND_NOTICE_GOAL_PASSED));
}

/* Eye rest -------------------------------------------------------------------------------- */

static void
test_eye_rest (Fixture       *fixture,
               gconstpointer  data)
{
  g_settings_set_boolean (fixture->settings, "break-reminders", FALSE);
  g_settings_set_boolean (fixture->settings, "eye-rest", TRUE);
  tend_monitor_start (fixture->monitor);

  set_active (fixture, TRUE);
  run_for (fixture, 19 * 60);
  g_assert_false (shown (fixture, TEND_NOTICE_EYE_REST));
  run_for (fixture, 60);
  g_assert_true (shown (fixture, TEND_NOTICE_EYE_REST));
  g_assert_cmpuint (fake_desktop_find_open (desktop, EYE_REST_TITLE), !=, 0);
}

/* The actions reach Tend ----------------------------------------------------------------- */

static void
test_take_break_action (Fixture       *fixture,
                        gconstpointer  data)
{
  guint32 id;

  tend_monitor_start (fixture->monitor);
  set_active (fixture, TRUE);
  run_for (fixture, 50 * 60);
  id = fake_desktop_find_open (desktop, BREAK_TITLE);
  g_assert_cmpuint (id, !=, 0);

  fake_desktop_invoke (desktop, id, "take-break");
  WAIT_FOR (fake_desktop_has_app_call (desktop, "take-break [] token=" FAKE_ACTIVATION_TOKEN));
  WAIT_FOR (!shown (fixture, TEND_NOTICE_BREAK));
}

/* The state on the bus ---------------------------------------------------------------------- */

static void
proxy_ready_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  TendDBusMonitor1 **proxy = user_data;
  g_autoptr(GError) error = NULL;

  *proxy = tend_dbus_monitor1_proxy_new_finish (result, &error);
  g_assert_no_error (error);
}

/* A proxy on a connection of its own, as the app's would be. */
static TendDBusMonitor1 *
make_proxy (GDBusConnection  *exported_on,
            GDBusConnection **connection)
{
  TendDBusMonitor1 *proxy = NULL;
  g_autoptr(GError) error = NULL;

  *connection = g_dbus_connection_new_for_address_sync (
    g_test_dbus_get_bus_address (bus),
    G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
    NULL, NULL, &error);
  g_assert_no_error (error);
  tend_dbus_monitor1_proxy_new (*connection, G_DBUS_PROXY_FLAGS_NONE,
                                g_dbus_connection_get_unique_name (exported_on),
                                MONITOR_OBJECT_PATH, NULL, proxy_ready_cb, &proxy);
  WAIT_FOR (proxy != NULL);

  return proxy;
}

static void
test_dbus_properties (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GDBusConnection) session = NULL;
  g_autoptr(GDBusConnection) app_connection = NULL;
  g_autoptr(TendDBusMonitor1) proxy = NULL;
  g_autoptr(GError) error = NULL;
  gint64 started;

  session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tend_monitor_export (fixture->monitor, session, &error));
  g_assert_no_error (error);
  tend_monitor_start (fixture->monitor);
  proxy = make_proxy (session, &app_connection);

  g_assert_cmpstr (tend_dbus_monitor1_get_source (proxy), ==, "fake");
  g_assert_cmpstr (tend_dbus_monitor1_get_source_error (proxy), ==, "");
  g_assert_false (tend_dbus_monitor1_get_active (proxy));
  g_assert_false (tend_dbus_monitor1_get_locked (proxy));
  g_assert_cmpint (tend_dbus_monitor1_get_stretch_start (proxy), ==, 0);

  started = now_s (fixture);
  set_active (fixture, TRUE);
  WAIT_FOR (tend_dbus_monitor1_get_active (proxy));
  WAIT_FOR (tend_dbus_monitor1_get_stretch_start (proxy) == started);

  /* A short pause keeps the stretch. */
  run_for (fixture, 10 * 60);
  set_active (fixture, FALSE);
  WAIT_FOR (!tend_dbus_monitor1_get_active (proxy));
  WAIT_FOR (tend_dbus_monitor1_get_stretch_start (proxy) == 0);
  run_for (fixture, 2 * 60);
  set_active (fixture, TRUE);
  WAIT_FOR (tend_dbus_monitor1_get_stretch_start (proxy) == started);

  /* Locked: not active; a break long enough starts a new stretch. */
  tend_monitor_set_locked (fixture->monitor, TRUE);
  WAIT_FOR (tend_dbus_monitor1_get_locked (proxy));
  WAIT_FOR (!tend_dbus_monitor1_get_active (proxy));
  run_for (fixture, 5 * 60);
  tend_monitor_set_locked (fixture->monitor, FALSE);
  WAIT_FOR (!tend_dbus_monitor1_get_locked (proxy));
  WAIT_FOR (tend_dbus_monitor1_get_active (proxy));
  WAIT_FOR (tend_dbus_monitor1_get_stretch_start (proxy) == now_s (fixture));

  /* Usage time turned off: no source, and nothing active. */
  g_settings_set_boolean (fixture->settings, "usage-tracking", FALSE);
  WAIT_FOR (g_strcmp0 (tend_dbus_monitor1_get_source (proxy), "") == 0);
  WAIT_FOR (!tend_dbus_monitor1_get_active (proxy));
  g_assert_null (fixture->source);
  g_assert_false (tend_usage_is_active (tend_monitor_get_usage (fixture->monitor)));

  /* And on again: a new source. */
  g_settings_set_boolean (fixture->settings, "usage-tracking", TRUE);
  WAIT_FOR (g_strcmp0 (tend_dbus_monitor1_get_source (proxy), "fake") == 0);
  g_assert_cmpuint (fixture->n_sources, ==, 2);
}

/* No source works: the app is told why, in plain words; the check-in reminder still comes. */
static void
test_source_error (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDBusConnection) session = NULL;
  g_autoptr(GDBusConnection) app_connection = NULL;
  g_autoptr(TendDBusMonitor1) proxy = NULL;
  g_autoptr(GError) error = NULL;

  fixture->source_fails = TRUE;
  g_settings_set_boolean (fixture->settings, "check-in-reminder", TRUE);
  g_settings_set_uint (fixture->settings, "check-in-reminder-time", 20 * 60);

  session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tend_monitor_export (fixture->monitor, session, &error));
  tend_monitor_start (fixture->monitor);
  proxy = make_proxy (session, &app_connection);

  g_assert_cmpstr (tend_dbus_monitor1_get_source (proxy), ==, "");
  g_assert_cmpstr (tend_dbus_monitor1_get_source_error (proxy), ==,
                   "Nothing here tells when the computer is in use.");
  g_assert_false (tend_dbus_monitor1_get_active (proxy));

  set_clock (fixture, "2026-03-02T20:00:00Z");
  g_assert_true (shown (fixture, TEND_NOTICE_CHECK_IN));

  /* Turned off, the error goes too: usage time is simply off. */
  g_settings_set_boolean (fixture->settings, "usage-tracking", FALSE);
  WAIT_FOR (g_strcmp0 (tend_dbus_monitor1_get_source_error (proxy), "") == 0);
}

/* A source that stops working later (a compositor gone) says so, and nobody is active. */
static void
test_source_lost (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDBusConnection) session = NULL;
  g_autoptr(GDBusConnection) app_connection = NULL;
  g_autoptr(TendDBusMonitor1) proxy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) lost = g_error_new_literal (TEND_IDLE_SOURCE_ERROR,
                                                TEND_IDLE_SOURCE_ERROR_UNAVAILABLE,
                                                "The connection to the display was lost.");

  session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tend_monitor_export (fixture->monitor, session, &error));
  tend_monitor_start (fixture->monitor);
  proxy = make_proxy (session, &app_connection);

  set_active (fixture, TRUE);
  WAIT_FOR (tend_dbus_monitor1_get_active (proxy));
  g_assert_cmpstr (tend_dbus_monitor1_get_source_error (proxy), ==, "");

  run_for (fixture, 60);
  tend_idle_source_fail (TEND_IDLE_SOURCE (fixture->source), lost);
  WAIT_FOR (g_strcmp0 (tend_dbus_monitor1_get_source_error (proxy),
                       "The connection to the display was lost.") == 0);
  WAIT_FOR (!tend_dbus_monitor1_get_active (proxy));
  g_assert_false (tend_usage_is_active (tend_monitor_get_usage (fixture->monitor)));
}

/* Stopping closes the open span: nothing counts after it. */
static void
test_stop_closes_span (Fixture       *fixture,
                       gconstpointer  data)
{
  tend_monitor_start (fixture->monitor);
  set_active (fixture, TRUE);
  run_for (fixture, 10 * 60 + 30);
  tend_monitor_stop (fixture->monitor);
  g_assert_null (fixture->source);
  g_assert_false (tend_usage_is_active (tend_monitor_get_usage (fixture->monitor)));

  tend_test_clock_set_s (fixture->clock, now_s (fixture) + 60 * 60);
  g_assert_cmpuint (today_total (fixture), ==, 10 * 60 + 30);
}

/* End to end, with a real notification server ----------------------------------------- */

static TendTestDunstNotice *
find_in (GPtrArray  *notices,
         const char *body_part)
{
  for (guint i = 0; i < notices->len; i++)
    {
      TendTestDunstNotice *notice = g_ptr_array_index (notices, i);

      if (strstr (notice->body, body_part) != NULL)
        return notice;
    }

  g_error ("dunst received no notice saying “%s”", body_part);
}

/* The break reminder in dunst: its words and buttons, and "In 10 Minutes" clicked there. */
static void
test_dunst_end_to_end (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TendTestDunst) dunst = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autofree char *actions = NULL;
  TendTestDunstNotice *notice;
  guint32 id;

  if (no_dunst != NULL)
    {
      g_test_skip (no_dunst);
      return;
    }

  fake_desktop_serve_notifications (desktop, FALSE);
  dunst = tend_test_dunst_start (x_display, g_test_dbus_get_bus_address (bus));

  tend_monitor_start (fixture->monitor);
  set_active (fixture, TRUE);
  run_for (fixture, 49 * 60 + 59);
  g_assert_cmpuint (tend_test_dunst_get_n_shown (dunst), ==, 0);
  run_for (fixture, 1);
  g_assert_true (shown (fixture, TEND_NOTICE_BREAK));
  id = tend_test_dunst_find_shown (dunst, BREAK_TITLE);

  /* "In 10 Minutes", chosen in dunst. */
  tend_test_dunst_invoke_action (dunst, id, "snooze");
  WAIT_FOR (!shown (fixture, TEND_NOTICE_BREAK));
  run_for (fixture, 9 * 60 + 59);
  g_assert_false (shown (fixture, TEND_NOTICE_BREAK));
  g_assert_cmpuint (tend_test_dunst_get_n_shown (dunst), ==, 0);
  run_for (fixture, 1);
  g_assert_true (shown (fixture, TEND_NOTICE_BREAK));
  tend_test_dunst_find_shown (dunst, BREAK_TITLE);

  /* What dunst received, both times. */
  notices = tend_test_dunst_read_back (dunst);
  notice = find_in (notices, "for 50 minutes");
  g_assert_cmpstr (notice->summary, ==, BREAK_TITLE);
  g_assert_cmpstr (notice->body, ==, "You have been using the computer for 50 minutes. "
                                     "A few minutes away could feel good.");
  g_assert_cmpstr (notice->app_name, ==, "Tend");
  g_assert_cmpstr (notice->urgency, ==, "NORMAL");

  /* The one still shown was read with its buttons. */
  notice = find_in (notices, "for 60 minutes");
  g_assert_cmpstr (notice->summary, ==, BREAK_TITLE);
  actions = tend_test_dunst_format_actions (notice);
  g_assert_cmpstr (actions, ==,
                   "default=Take a Break|snooze=In 10 Minutes|take-break=Take a Break");

  /* The notices go before dunst does; then the fake serves the next tests again. */
  g_clear_object (&fixture->monitor);
  g_clear_object (&fixture->notifier);
  g_clear_pointer (&dunst, tend_test_dunst_stop);
  fake_desktop_serve_notifications (desktop, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dunst_path = g_find_program_in_path ("dunst");
  int status;

  g_test_init (&argc, &argv, NULL);

  x_display = g_strdup (g_getenv ("DISPLAY"));
  if (x_display == NULL)
    no_dunst = g_strdup ("No X display for dunst");
  else if (dunst_path == NULL)
    no_dunst = g_strdup ("dunst is not installed");

  /* The private bus is the session bus of this process: libnotify finds the fake there. */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  desktop = fake_desktop_new ();

#define ADD(path, func, start) \
  g_test_add ("/monitor/" path, Fixture, start, fixture_set_up, func, fixture_tear_down)

  ADD ("break/after-interval", test_break_after_interval, "2026-03-02T09:00:00Z");
  ADD ("break/after-short-pauses", test_break_after_short_pauses, "2026-03-02T09:00:00Z");
  ADD ("break/snooze-and-offer-pause", test_snooze_and_offer_pause, "2026-03-02T09:00:00Z");
  ADD ("break/natural-break", test_natural_break, "2026-03-02T09:00:00Z");
  ADD ("break/lock", test_lock, "2026-03-02T09:00:00Z");
  ADD ("break/take-break", test_take_break_action, "2026-03-02T09:00:00Z");
  ADD ("hold/quiet-hours", test_quiet_hours, "2026-03-02T11:30:00Z");
  ADD ("hold/pause-expires", test_pause_expires, "2026-03-02T09:00:00Z");
  ADD ("hold/pause-withdraws", test_pause_withdraws, "2026-03-02T09:00:00Z");
  ADD ("check-in/at-its-time", test_check_in, "2026-03-02T09:00:00Z");
  ADD ("check-in/skipped", test_check_in_skipped, "2026-03-02T09:00:00Z");
  ADD ("check-in/withdrawn", test_check_in_withdrawn, "2026-03-02T09:00:00Z");
  ADD ("check-in/held", test_check_in_held, "2026-03-02T09:00:00Z");
  ADD ("goal/once-a-day", test_goal_once_a_day, "2026-03-02T09:00:00Z");
  ADD ("goal/withdrawn-next-day", test_goal_withdrawn_next_day, "2026-03-02T02:00:00Z");
  ADD ("goal/not-again-after-restart", test_goal_not_again_after_restart,
       "2026-03-02T09:00:00Z");
  ADD ("eye-rest", test_eye_rest, "2026-03-02T09:00:00Z");
  ADD ("dbus/properties", test_dbus_properties, "2026-03-02T09:00:00Z");
  ADD ("dbus/source-error", test_source_error, "2026-03-02T09:00:00Z");
  ADD ("dbus/source-lost", test_source_lost, "2026-03-02T09:00:00Z");
  ADD ("stop", test_stop_closes_span, "2026-03-02T09:00:00Z");
  ADD ("zz-dunst/end-to-end", test_dunst_end_to_end, "2026-03-02T09:00:00Z");

  status = g_test_run ();

  /* Notices are released from idle callbacks, and each asks libnotify for its proxy;
   * libnotify then holds the bus until notify_uninit(). */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  notify_uninit ();
  fake_desktop_free (desktop);
  g_test_dbus_down (bus);
  g_object_unref (bus);
  g_free (x_display);
  g_free (no_dunst);

  return status;
}
