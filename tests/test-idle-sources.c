/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Activity sources: GNOME's idle monitor against a fake org.gnome.Mutter.IdleMonitor on a
 * private bus, and the XScreenSaver extension of the real Xvfb the tests run in, with input
 * made by xdotool. Every wait is on the main loop, bounded by a generous timeout. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <X11/Xlib.h>

#include "tend-fake-compositor.h"
#include "tend-idle-source.h"
#include "tend-idle-source-mutter.h"
#include "tend-idle-source-xss.h"
#include "tend-test-idle.h"
#include "tend-test-wait.h"

#define MUTTER_BUS   "org.gnome.Mutter.IdleMonitor"
#define MUTTER_PATH  "/org/gnome/Mutter/IdleMonitor/Core"
#define MUTTER_IFACE "org.gnome.Mutter.IdleMonitor"

#define SECOND G_USEC_PER_SEC

static GTestDBus *bus;
/* Kept before g_test_dbus_up(), which unsets DISPLAY. */
static char *x_display;
/* Xvfb resets when its last client leaves, and refuses connections meanwhile: this one
 * stays for the whole program. */
static Display *held_display;

/* A fake org.gnome.Mutter.IdleMonitor, served from its own thread and connection -------- */

static const char fake_xml[] =
  "<node>"
  "  <interface name='" MUTTER_IFACE "'>"
  "    <method name='GetIdletime'><arg name='idletime' direction='out' type='t'/></method>"
  "    <method name='AddIdleWatch'>"
  "      <arg name='interval' direction='in' type='t'/>"
  "      <arg name='id' direction='out' type='u'/>"
  "    </method>"
  "    <method name='AddUserActiveWatch'><arg name='id' direction='out' type='u'/></method>"
  "    <method name='RemoveWatch'><arg name='id' direction='in' type='u'/></method>"
  "    <signal name='WatchFired'><arg name='id' type='u'/></signal>"
  "  </interface>"
  "</node>";

typedef struct
{
  guint32  id;
  guint64  interval;  /* 0: a user-active watch */
  char    *owner;
} Watch;

typedef struct
{
  GMutex           lock;
  GMainContext    *context;
  GMainLoop       *loop;
  GThread         *thread;
  GDBusConnection *connection;
  guint            registration_id;

  /* Under the lock */
  guint64          idletime;
  GArray          *watches;
  guint32          next_id;
  guint            n_idletime_calls;
} FakeMutter;

static void
watch_clear (Watch *watch)
{
  g_free (watch->owner);
}

static void
fake_method_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  FakeMutter *fake = user_data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fake->lock);

  if (g_str_equal (method_name, "GetIdletime"))
    {
      fake->n_idletime_calls++;
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(t)", fake->idletime));
    }
  else if (g_str_equal (method_name, "AddIdleWatch") ||
           g_str_equal (method_name, "AddUserActiveWatch"))
    {
      Watch watch = { ++fake->next_id, 0, g_strdup (sender) };

      if (g_str_equal (method_name, "AddIdleWatch"))
        g_variant_get (parameters, "(t)", &watch.interval);
      g_array_append_val (fake->watches, watch);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", watch.id));
    }
  else if (g_str_equal (method_name, "RemoveWatch"))
    {
      guint32 id;

      g_variant_get (parameters, "(u)", &id);
      for (guint i = 0; i < fake->watches->len; i++)
        if (g_array_index (fake->watches, Watch, i).id == id)
          g_array_remove_index (fake->watches, i);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
}

static const GDBusInterfaceVTable fake_vtable = { fake_method_cb, NULL, NULL, { 0 } };

static gpointer
fake_thread (gpointer user_data)
{
  FakeMutter *fake = user_data;

  g_main_context_push_thread_default (fake->context);
  g_main_loop_run (fake->loop);
  g_main_context_pop_thread_default (fake->context);

  return NULL;
}

static FakeMutter *
fake_mutter_new (guint64 idletime)
{
  FakeMutter *fake = g_new0 (FakeMutter, 1);
  g_autoptr(GDBusNodeInfo) node = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 result;

  g_mutex_init (&fake->lock);
  fake->idletime = idletime;
  fake->watches = g_array_new (FALSE, TRUE, sizeof (Watch));
  g_array_set_clear_func (fake->watches, (GDestroyNotify) watch_clear);
  fake->context = g_main_context_new ();
  fake->loop = g_main_loop_new (fake->context, FALSE);

  /* Calls are dispatched to the thread-default context at registration: the fake's own. */
  g_main_context_push_thread_default (fake->context);
  fake->connection = g_dbus_connection_new_for_address_sync (
    g_test_dbus_get_bus_address (bus),
    G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
    NULL, NULL, &error);
  g_assert_no_error (error);
  node = g_dbus_node_info_new_for_xml (fake_xml, &error);
  g_assert_no_error (error);
  fake->registration_id = g_dbus_connection_register_object (fake->connection, MUTTER_PATH,
                                                             node->interfaces[0], &fake_vtable,
                                                             fake, NULL, &error);
  g_assert_no_error (error);
  g_main_context_pop_thread_default (fake->context);

  reply = g_dbus_connection_call_sync (fake->connection, "org.freedesktop.DBus",
                                       "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "RequestName", g_variant_new ("(su)", MUTTER_BUS, 4),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  g_assert_cmpuint (result, ==, 1);  /* primary owner */

  fake->thread = g_thread_new ("fake-mutter", fake_thread, fake);

  return fake;
}

static void
fake_mutter_free (FakeMutter *fake)
{
  g_autoptr(GError) error = NULL;

  g_main_loop_quit (fake->loop);
  g_thread_join (fake->thread);
  g_dbus_connection_unregister_object (fake->connection, fake->registration_id);
  g_dbus_connection_close_sync (fake->connection, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (fake->connection);
  g_main_loop_unref (fake->loop);
  g_main_context_unref (fake->context);
  g_array_unref (fake->watches);
  g_mutex_clear (&fake->lock);
  g_free (fake);
}

/* Counts user-active watches for interval 0, idle watches of that interval otherwise. */
static guint
fake_mutter_count_watches (FakeMutter *fake,
                           guint64     interval)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fake->lock);
  guint n = 0;

  for (guint i = 0; i < fake->watches->len; i++)
    if (g_array_index (fake->watches, Watch, i).interval == interval)
      n++;

  return n;
}

static guint
fake_mutter_count_all_watches (FakeMutter *fake)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fake->lock);

  return fake->watches->len;
}

static guint
fake_mutter_count_idletime_calls (FakeMutter *fake)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fake->lock);

  return fake->n_idletime_calls;
}

static void
fire (FakeMutter *fake,
      GPtrArray  *fired)
{
  for (guint i = 0; i < fired->len; i++)
    {
      Watch *watch = g_ptr_array_index (fired, i);
      g_autoptr(GError) error = NULL;

      g_dbus_connection_emit_signal (fake->connection, watch->owner, MUTTER_PATH, MUTTER_IFACE,
                                     "WatchFired", g_variant_new ("(u)", watch->id), &error);
      g_assert_no_error (error);
    }
}

static void
watch_free (Watch *watch)
{
  watch_clear (watch);
  g_free (watch);
}

/* No input for @idletime ms; fires the idle watches it reaches unless @inhibited. */
static void
fake_mutter_go_idle (FakeMutter *fake,
                     guint64     idletime,
                     gboolean    inhibited)
{
  g_autoptr(GPtrArray) fired = g_ptr_array_new_with_free_func ((GDestroyNotify) watch_free);

  g_mutex_lock (&fake->lock);
  fake->idletime = idletime;
  for (guint i = 0; i < fake->watches->len && !inhibited; i++)
    {
      Watch *watch = &g_array_index (fake->watches, Watch, i);

      if (watch->interval != 0 && watch->interval <= idletime)
        g_ptr_array_add (fired, g_memdup2 (&(Watch) { watch->id, watch->interval,
                                                      g_strdup (watch->owner) },
                                           sizeof (Watch)));
    }
  g_mutex_unlock (&fake->lock);

  fire (fake, fired);
}

/* Input now: the user-active watches fire once and are gone. */
static void
fake_mutter_input (FakeMutter *fake)
{
  g_autoptr(GPtrArray) fired = g_ptr_array_new_with_free_func ((GDestroyNotify) watch_free);

  g_mutex_lock (&fake->lock);
  fake->idletime = 0;
  for (guint i = fake->watches->len; i > 0; i--)
    {
      Watch *watch = &g_array_index (fake->watches, Watch, i - 1);

      if (watch->interval == 0)
        {
          g_ptr_array_add (fired, g_memdup2 (&(Watch) { watch->id, 0, g_strdup (watch->owner) },
                                             sizeof (Watch)));
          g_array_remove_index (fake->watches, i - 1);
        }
    }
  g_mutex_unlock (&fake->lock);

  fire (fake, fired);
}

static void
assert_time_near (gint64 time,
                  gint64 expected)
{
  /* Wide enough for a slow machine, narrow enough to tell 120 s from 0 or from 300 s. */
  g_assert_cmpint (time, >=, expected - 5 * SECOND);
  g_assert_cmpint (time, <=, expected + 5 * SECOND);
}

/* The Mutter source ---------------------------------------------------------------- */

static void
test_mutter_watches (void)
{
  FakeMutter *fake = fake_mutter_new (0);
  g_autoptr(TendIdleSource) source = NULL;
  g_autoptr(GError) error = NULL;
  Record record = { 0 };
  gint64 before, after;

  /* A one-second threshold, so that real time can pass it. */
  source = g_object_new (TEND_TYPE_IDLE_SOURCE_MUTTER, "threshold", 1000, NULL);
  record_source (source, &record);
  g_assert_true (tend_idle_source_start (source, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tend_idle_source_get_name (source), ==, "mutter");
  g_assert_true (tend_idle_source_is_active (source));
  g_assert_cmpuint (fake_mutter_count_watches (fake, 1000), ==, 1);
  g_assert_cmpuint (fake_mutter_count_watches (fake, 0), ==, 0);
  WAIT_FOR (g_get_real_time () >= tend_idle_source_get_since (source) + 2 * SECOND);

  /* A second without input: idle since the last input, a second before the watch fired. */
  before = g_get_real_time ();
  fake_mutter_go_idle (fake, 1000, FALSE);
  WAIT_FOR (record.n_idle == 1);
  after = g_get_real_time ();
  g_assert_false (tend_idle_source_is_active (source));
  g_assert_cmpint (record.idle_since, >=, before - SECOND);
  g_assert_cmpint (record.idle_since, <=, after - SECOND);
  g_assert_cmpuint (record.n_active, ==, 0);

  /* It waits for the person to come back. */
  WAIT_FOR (fake_mutter_count_watches (fake, 0) == 1);
  before = g_get_real_time ();
  fake_mutter_input (fake);
  WAIT_FOR (record.n_active == 1);
  g_assert_true (tend_idle_source_is_active (source));
  g_assert_cmpint (record.active_since, >=, before);
  g_assert_cmpint (record.active_since, <=, g_get_real_time ());

  /* The idle watch stays and fires again. */
  fake_mutter_go_idle (fake, 1000, FALSE);
  WAIT_FOR (record.n_idle == 2);
  WAIT_FOR (fake_mutter_count_watches (fake, 0) == 1);

  /* A source that goes away takes its watches with it. */
  g_clear_object (&source);
  WAIT_FOR (fake_mutter_count_all_watches (fake) == 0);
  g_assert_cmpuint (record.n_idle, ==, 2);
  g_assert_cmpuint (record.n_active, ==, 1);

  fake_mutter_free (fake);
}

static void
test_mutter_default_threshold (void)
{
  FakeMutter *fake = fake_mutter_new (0);
  g_autoptr(TendIdleSource) source = tend_idle_source_mutter_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (tend_idle_source_start (source, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tend_idle_source_get_threshold (source), ==, 120000);
  g_assert_cmpuint (fake_mutter_count_watches (fake, 120000), ==, 1);

  g_clear_object (&source);
  WAIT_FOR (fake_mutter_count_all_watches (fake) == 0);
  fake_mutter_free (fake);
}

/* Idleness never begins before the active time it ends: a source started after the last
 * input does not count time from before it started. */
static void
test_mutter_idle_after_start (void)
{
  FakeMutter *fake = fake_mutter_new (5000);
  g_autoptr(TendIdleSource) source = tend_idle_source_mutter_new (NULL);
  g_autoptr(GError) error = NULL;
  Record record = { 0 };
  gint64 started;

  record_source (source, &record);
  g_assert_true (tend_idle_source_start (source, &error));
  g_assert_no_error (error);
  started = tend_idle_source_get_since (source);

  fake_mutter_go_idle (fake, 120000, FALSE);
  WAIT_FOR (record.n_idle == 1);
  g_assert_cmpint (record.idle_since, ==, started);

  g_clear_object (&source);
  fake_mutter_free (fake);
}

/* An idle inhibitor (a film) stops the idle watch; the slow check still sees idleness. */
static void
test_mutter_inhibited (void)
{
  FakeMutter *fake = fake_mutter_new (0);
  g_autoptr(TendIdleSource) source = NULL;
  g_autoptr(GError) error = NULL;
  Record record = { 0 };
  gint64 before;

  source = g_object_new (TEND_TYPE_IDLE_SOURCE_MUTTER, "threshold", 1000, "check-interval", 1,
                         NULL);
  record_source (source, &record);
  g_assert_true (tend_idle_source_start (source, &error));
  g_assert_no_error (error);
  g_assert_true (tend_idle_source_is_active (source));
  WAIT_FOR (g_get_real_time () >= tend_idle_source_get_since (source) + 3 * SECOND);

  /* No watch fires; the check finds 1.5 s without input. */
  before = g_get_real_time ();
  fake_mutter_go_idle (fake, 1500, TRUE);
  WAIT_FOR (record.n_idle == 1);
  g_assert_false (tend_idle_source_is_active (source));
  g_assert_cmpint (record.idle_since, >=, before - 1500 * 1000);
  g_assert_cmpint (record.idle_since, <=, g_get_real_time () - 1500 * 1000);

  WAIT_FOR (fake_mutter_count_watches (fake, 0) == 1);
  fake_mutter_input (fake);
  WAIT_FOR (record.n_active == 1);
  g_assert_true (tend_idle_source_is_active (source));

  g_clear_object (&source);
  fake_mutter_free (fake);
}

/* Away, with a user-active watch: the slow check stops, so an idle desktop never wakes
 * the source; back, it starts again, for the inhibitors. */
static void
test_mutter_quiet_while_idle (void)
{
  FakeMutter *fake = fake_mutter_new (0);
  g_autoptr(TendIdleSource) source = NULL;
  g_autoptr(GError) error = NULL;
  Record record = { 0 };
  guint n_calls;

  source = g_object_new (TEND_TYPE_IDLE_SOURCE_MUTTER, "threshold", 1000, "check-interval", 1,
                         NULL);
  record_source (source, &record);
  g_assert_true (tend_idle_source_start (source, &error));
  g_assert_no_error (error);

  /* Active: it looks every second. */
  n_calls = fake_mutter_count_idletime_calls (fake);
  WAIT_FOR (fake_mutter_count_idletime_calls (fake) >= n_calls + 2);

  fake_mutter_go_idle (fake, 1000, FALSE);
  WAIT_FOR (record.n_idle == 1);
  WAIT_FOR (fake_mutter_count_watches (fake, 0) == 1);
  n_calls = fake_mutter_count_idletime_calls (fake);
  WAIT_FOR (g_get_real_time () >= tend_idle_source_get_since (source) + 5 * SECOND);
  g_assert_cmpuint (fake_mutter_count_idletime_calls (fake), <=, n_calls + 1);

  fake_mutter_input (fake);
  WAIT_FOR (record.n_active == 1);
  n_calls = fake_mutter_count_idletime_calls (fake);
  WAIT_FOR (fake_mutter_count_idletime_calls (fake) >= n_calls + 2);

  g_clear_object (&source);
  fake_mutter_free (fake);
}

/* Started while nobody is there: idle at once, without a signal, then active on input. */
static void
test_mutter_starts_idle (void)
{
  FakeMutter *fake = fake_mutter_new (200000);
  g_autoptr(TendIdleSource) source = tend_idle_source_mutter_new (NULL);
  g_autoptr(GError) error = NULL;
  Record record = { 0 };
  gint64 before = g_get_real_time ();

  record_source (source, &record);
  g_assert_true (tend_idle_source_start (source, &error));
  g_assert_no_error (error);
  g_assert_false (tend_idle_source_is_active (source));
  assert_time_near (tend_idle_source_get_since (source), before - 200 * SECOND);
  g_assert_cmpuint (record.n_idle, ==, 0);

  WAIT_FOR (fake_mutter_count_watches (fake, 0) == 1);
  fake_mutter_input (fake);
  WAIT_FOR (record.n_active == 1);
  g_assert_cmpuint (record.n_idle, ==, 0);

  g_clear_object (&source);
  fake_mutter_free (fake);
}

/* gnome-shell restarted (X11): the new monitor gets the watches again. */
static void
test_mutter_restart (void)
{
  FakeMutter *fake = fake_mutter_new (0);
  g_autoptr(TendIdleSource) source = tend_idle_source_mutter_new (NULL);
  g_autoptr(GError) error = NULL;
  Record record = { 0 };

  record_source (source, &record);
  g_assert_true (tend_idle_source_start (source, &error));
  g_assert_no_error (error);

  fake_mutter_free (fake);
  fake = fake_mutter_new (0);
  WAIT_FOR (fake_mutter_count_watches (fake, 120000) == 1);

  fake_mutter_go_idle (fake, 120000, FALSE);
  WAIT_FOR (record.n_idle == 1);
  WAIT_FOR (fake_mutter_count_watches (fake, 0) == 1);
  fake_mutter_input (fake);
  WAIT_FOR (record.n_active == 1);

  g_clear_object (&source);
  fake_mutter_free (fake);
}

static void
test_mutter_absent (void)
{
  g_autoptr(TendIdleSource) source = tend_idle_source_mutter_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (tend_idle_source_start (source, &error));
  g_assert_error (error, TEND_IDLE_SOURCE_ERROR, TEND_IDLE_SOURCE_ERROR_UNAVAILABLE);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_false (tend_idle_source_is_started (source));
}

static void
test_best_is_mutter (void)
{
  FakeMutter *fake = fake_mutter_new (0);
  g_autoptr(TendIdleSource) source = NULL;
  g_autoptr(GError) error = NULL;

  source = tend_idle_source_new_best (&error);
  g_assert_no_error (error);
  g_assert_nonnull (source);
  g_assert_true (tend_idle_source_is_started (source));
  g_assert_cmpstr (tend_idle_source_get_name (source), ==, "mutter");

  g_clear_object (&source);
  WAIT_FOR (fake_mutter_count_all_watches (fake) == 0);
  fake_mutter_free (fake);
}

/* GNOME's idle monitor comes first, even where a Wayland compositor offers
 * ext-idle-notify-v1 (as the fake one does on WAYLAND_DISPLAY). */
static void
test_best_mutter_before_wayland (void)
{
  FakeMutter *fake = fake_mutter_new (0);
  TendFakeCompositor *compositor = tend_fake_compositor_new (g_getenv ("WAYLAND_DISPLAY"), 2);
  g_autoptr(TendIdleSource) source = NULL;
  g_autoptr(GError) error = NULL;

  source = tend_idle_source_new_best (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (tend_idle_source_get_name (source), ==, "mutter");
  g_assert_cmpuint (tend_fake_compositor_count_notifications (compositor), ==, 0);

  g_clear_object (&source);
  WAIT_FOR (fake_mutter_count_all_watches (fake) == 0);
  tend_fake_compositor_free (compositor);
  fake_mutter_free (fake);
}

/* The XScreenSaver source, on the real Xvfb --------------------------------------- */

static void
move_pointer (int x,
              int y)
{
  g_autofree char *x_text = g_strdup_printf ("%d", x);
  g_autofree char *y_text = g_strdup_printf ("%d", y);
  const char *argv[] = { "xdotool", "mousemove", x_text, y_text, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "DISPLAY", x_display, TRUE);

  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
}

/* @data: whether to follow the IDLETIME counter (else the idle time is looked at). */
static void
test_xss_input (gconstpointer data)
{
  gboolean use_idletime = GPOINTER_TO_INT (data);
  g_autoptr(TendIdleSource) source = NULL;
  g_autoptr(GError) error = NULL;
  Record record = { 0 };
  gint64 before;

  if (x_display == NULL)
    {
      g_test_skip ("No X11 display");
      return;
    }

  /* A one-second threshold, and a look every second while idle (without the counter;
   * with it, a minute, to show that nothing is looked at). */
  source = g_object_new (TEND_TYPE_IDLE_SOURCE_XSS, "display", x_display, "threshold", 1000,
                         "idle-check-interval", use_idletime ? 60 : 1,
                         "use-idletime", use_idletime, NULL);
  record_source (source, &record);
  g_assert_true (tend_idle_source_start (source, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tend_idle_source_get_name (source), ==, "xscreensaver");

  WAIT_FOR (!tend_idle_source_is_active (source));

  for (guint round = 1; round <= 2; round++)
    {
      guint n_idle = record.n_idle;

      before = g_get_real_time ();
      move_pointer (100 * round, 100 * round);
      WAIT_FOR (record.n_active == round);
      g_assert_true (tend_idle_source_is_active (source));
      /* Active since the input xdotool made (the idle time is in whole milliseconds). */
      g_assert_cmpint (record.active_since, >=, before - 1000);
      g_assert_cmpint (record.active_since, <=, g_get_real_time ());

      /* Idle again a second later, since that same input. */
      WAIT_FOR (record.n_idle == n_idle + 1);
      g_assert_false (tend_idle_source_is_active (source));
      g_assert_cmpint (record.idle_since, >=, record.active_since);
      g_assert_cmpint (record.idle_since, <=, record.active_since + SECOND);
    }
}

static void
test_xss_no_display (void)
{
  g_autoptr(TendIdleSource) source = tend_idle_source_xss_new (":4711");
  g_autoptr(GError) error = NULL;

  g_assert_false (tend_idle_source_start (source, &error));
  g_assert_error (error, TEND_IDLE_SOURCE_ERROR, TEND_IDLE_SOURCE_ERROR_UNAVAILABLE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *runtime_dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* The private bus is the session bus of this process: g_bus_get() finds it. */
  x_display = g_strdup (g_getenv ("DISPLAY"));
  if (x_display != NULL)
    held_display = XOpenDisplay (x_display);
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);

  /* A fake Wayland compositor's socket, in a private runtime folder (g_test_dbus_up() unsets
   * XDG_RUNTIME_DIR); set before any other thread runs. */
  runtime_dir = g_dir_make_tmp ("tend-idle-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_RUNTIME_DIR", runtime_dir, TRUE);
  g_setenv ("WAYLAND_DISPLAY", "tend-test-wayland", TRUE);

  g_test_add_func ("/idle-source/mutter/watches", test_mutter_watches);
  g_test_add_func ("/idle-source/mutter/default-threshold", test_mutter_default_threshold);
  g_test_add_func ("/idle-source/mutter/idle-after-start", test_mutter_idle_after_start);
  g_test_add_func ("/idle-source/mutter/inhibited", test_mutter_inhibited);
  g_test_add_func ("/idle-source/mutter/quiet-while-idle", test_mutter_quiet_while_idle);
  g_test_add_func ("/idle-source/mutter/starts-idle", test_mutter_starts_idle);
  g_test_add_func ("/idle-source/mutter/restart", test_mutter_restart);
  g_test_add_func ("/idle-source/mutter/absent", test_mutter_absent);
  g_test_add_func ("/idle-source/best/mutter", test_best_is_mutter);
  g_test_add_func ("/idle-source/best/mutter-before-wayland", test_best_mutter_before_wayland);
  g_test_add_data_func ("/idle-source/xscreensaver/input", GINT_TO_POINTER (TRUE),
                        test_xss_input);
  g_test_add_data_func ("/idle-source/xscreensaver/input-looked-at", GINT_TO_POINTER (FALSE),
                        test_xss_input);
  g_test_add_func ("/idle-source/xscreensaver/no-display", test_xss_no_display);

  status = g_test_run ();

  g_test_dbus_down (bus);
  g_object_unref (bus);
  g_clear_pointer (&held_display, XCloseDisplay);
  g_free (x_display);
  g_rmdir (runtime_dir);

  return status;
}
