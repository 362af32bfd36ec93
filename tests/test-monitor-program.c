/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real tend-monitor program, on a private session bus and the Xvfb the tests run in
 * (its XScreenSaver source, moved by xdotool), with settings in a key file and a journal
 * in temporary folders. These tests wait for real time to pass (the crash test for about
 * a minute and a half): the monitor writes its span once a minute, and that is what they
 * check. They time nothing. */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <X11/Xlib.h>

#include "tend-monitor-dbus.h"
#include "tend-usage.h"
#include "tend-test-wait.h"

/* Idle after two seconds without input, instead of two minutes. */
#define IDLE_THRESHOLD "--idle-threshold=2"

static GTestDBus *bus;
/* Kept before g_test_dbus_up(), which unsets DISPLAY. */
static char *x_display;
/* Xvfb resets when its last client leaves, and refuses connections meanwhile: this one
 * stays for the whole program. */
static Display *held_display;

/* Waiting ---------------------------------------------------------------------------- */

/* Lets @ms milliseconds of real time pass, the main loop running. */
static void
let_time_pass (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, tend_test_wait_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Input on the X display. */
static void
move_pointer (void)
{
  static guint step;
  g_autofree char *x = g_strdup_printf ("%u", 100 + step % 40);
  g_autofree char *y = g_strdup_printf ("%u", 100 + step % 30);
  const char *argv[] = { "xdotool", "mousemove", x, y, NULL };
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "DISPLAY", x_display, TRUE);
  g_autoptr(GError) error = NULL;
  int status;

  step++;
  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
}

/* The program --------------------------------------------------------------------------- */

typedef struct
{
  GPid     pid;
  gboolean exited;
  int      wait_status;
} Program;

typedef struct
{
  char             *dir;
  char             *config_home;
  char             *data_home;
  GDBusConnection  *connection;
  gboolean          name_owned;
  guint             watch_id;
} Fixture;

static void
write_settings (Fixture    *fixture,
                const char *keys)
{
  g_autofree char *folder = g_build_filename (fixture->config_home, "glib-2.0", "settings", NULL);
  g_autofree char *path = g_build_filename (folder, "keyfile", NULL);
  g_autofree char *contents = g_strdup_printf ("[io/github/tendapp/Tend]\n%s", keys);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

static void
name_appeared_cb (GDBusConnection *connection,
                  const char      *name,
                  const char      *owner,
                  gpointer         user_data)
{
  ((Fixture *) user_data)->name_owned = TRUE;
}

static void
name_vanished_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  ((Fixture *) user_data)->name_owned = FALSE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("tend-monitor-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->config_home = g_build_filename (fixture->dir, "config", NULL);
  fixture->data_home = g_build_filename (fixture->dir, "data", NULL);

  fixture->connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  fixture->watch_id = g_bus_watch_name_on_connection (fixture->connection, MONITOR_BUS_NAME,
                                                      G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                      name_appeared_cb, name_vanished_cb,
                                                      fixture, NULL);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) error = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL)
    {
      GFile *child = NULL;

      g_assert_true (g_file_enumerator_iterate (children, NULL, &child, NULL, &error));
      g_assert_no_error (error);
      if (child == NULL)
        break;
      remove_tree (child);
    }

  g_assert_true (g_file_delete (file, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->dir);

  g_bus_unwatch_name (fixture->watch_id);
  g_clear_object (&fixture->connection);
  remove_tree (dir);
  g_free (fixture->dir);
  g_free (fixture->config_home);
  g_free (fixture->data_home);
}

static void
child_exited_cb (GPid     pid,
                 int      wait_status,
                 gpointer user_data)
{
  Program *program = user_data;

  program->exited = TRUE;
  program->wait_status = wait_status;
  g_spawn_close_pid (pid);
}

static Program *
start_monitor (Fixture    *fixture,
               const char *option)
{
  const char *argv[] = { MONITOR_PROGRAM, option, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  Program *program = g_new0 (Program, 1);

  envp = g_environ_setenv (envp, "DBUS_SESSION_BUS_ADDRESS", g_test_dbus_get_bus_address (bus),
                           TRUE);
  envp = g_environ_setenv (envp, "DISPLAY", x_display, TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "keyfile", TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", fixture->config_home, TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", fixture->data_home, TRUE);
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_unsetenv (envp, "XDG_SESSION_TYPE");

  g_spawn_async (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                 &program->pid, &error);
  g_assert_no_error (error);
  g_child_watch_add (program->pid, child_exited_cb, program);

  return program;
}

static void
assert_exited_cleanly (Program *program)
{
  WAIT_FOR (program->exited);
  g_assert_true (WIFEXITED (program->wait_status));
  g_assert_cmpint (WEXITSTATUS (program->wait_status), ==, 0);
}

static TendDBusMonitor1 *
connect_to_monitor (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  TendDBusMonitor1 *proxy;

  WAIT_FOR (fixture->name_owned);
  proxy = tend_dbus_monitor1_proxy_new_sync (fixture->connection,
                                             G_DBUS_PROXY_FLAGS_DO_NOT_AUTO_START,
                                             MONITOR_BUS_NAME, MONITOR_OBJECT_PATH, NULL, &error);
  g_assert_no_error (error);
  return proxy;
}

/* The active seconds stored in the journal, over yesterday and today (a test may run
 * across 03:00). */
static guint
stored_total (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->data_home, "tend", "journal.db", NULL);
  g_autoptr(TendDatabase) database = NULL;
  g_autoptr(TendClock) clock = tend_clock_new_system ();
  g_autoptr(TendUsage) usage = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GArray) days = NULL;
  g_autoptr(GError) error = NULL;
  GDate first, last;
  guint total = 0;

  database = tend_database_open (path, &error);
  g_assert_no_error (error);
  usage = tend_usage_new (database, clock);
  tend_usage_get_day_of (now, &last);
  first = last;
  g_date_subtract_days (&first, 1);
  days = tend_usage_get_days (usage, &first, &last, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < days->len; i++)
    total += g_array_index (days, TendUsageDay, i).active_s;

  return total;
}

/* Tests --------------------------------------------------------------------------------- */

static void
test_xscreensaver (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree Program *monitor = NULL;
  g_autofree Program *second = NULL;
  g_autoptr(TendDBusMonitor1) proxy = NULL;

  write_settings (fixture, "usage-tracking=true\n");
  monitor = start_monitor (fixture, IDLE_THRESHOLD);
  proxy = connect_to_monitor (fixture);

  WAIT_FOR (g_strcmp0 (tend_dbus_monitor1_get_source (proxy), "xscreensaver") == 0);
  g_assert_cmpstr (tend_dbus_monitor1_get_source_error (proxy), ==, "");
  g_assert_false (tend_dbus_monitor1_get_locked (proxy));

  /* Active with input, idle two seconds after it, twice. */
  WAIT_FOR (!tend_dbus_monitor1_get_active (proxy));
  for (guint round = 0; round < 2; round++)
    {
      move_pointer ();
      WAIT_FOR (tend_dbus_monitor1_get_active (proxy));
      g_assert_cmpint (tend_dbus_monitor1_get_stretch_start (proxy), >, 0);
      WAIT_FOR (!tend_dbus_monitor1_get_active (proxy));
      g_assert_cmpint (tend_dbus_monitor1_get_stretch_start (proxy), ==, 0);
    }

  /* One at a time: a second monitor finds the name taken and leaves quietly. */
  second = start_monitor (fixture, IDLE_THRESHOLD);
  assert_exited_cleanly (second);
  g_assert_false (monitor->exited);
  g_assert_true (fixture->name_owned);

  /* Usage time turned off, and no check-in reminder: nothing left to do. */
  write_settings (fixture, "usage-tracking=false\n");
  assert_exited_cleanly (monitor);
  WAIT_FOR (!fixture->name_owned);
}

/* With nothing turned on, it does not even take the name. */
static void
test_nothing_to_do (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree Program *monitor = NULL;

  write_settings (fixture, "usage-tracking=false\ncheck-in-reminder=false\n");
  monitor = start_monitor (fixture, IDLE_THRESHOLD);
  assert_exited_cleanly (monitor);
  g_assert_false (fixture->name_owned);
}

/* The check-in reminder alone keeps it running, without an activity source. */
static void
test_check_in_only (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree Program *monitor = NULL;
  g_autoptr(TendDBusMonitor1) proxy = NULL;

  write_settings (fixture, "usage-tracking=false\ncheck-in-reminder=true\n");
  monitor = start_monitor (fixture, IDLE_THRESHOLD);
  proxy = connect_to_monitor (fixture);
  g_assert_cmpstr (tend_dbus_monitor1_get_source (proxy), ==, "");
  g_assert_false (tend_dbus_monitor1_get_active (proxy));

  /* SIGTERM: it leaves cleanly. */
  kill (monitor->pid, SIGTERM);
  assert_exited_cleanly (monitor);
}

/* Killed mid-span, the monitor loses at most the minute since it last wrote; started
 * again, it does not count anything twice. */
static void
test_crash (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree Program *monitor = NULL;
  g_autofree Program *again = NULL;
  g_autoptr(TendDBusMonitor1) proxy = NULL;
  gint64 first_input, killed_at, restarted_at, stopped_at;
  guint before, after;

  write_settings (fixture, "usage-tracking=true\n");
  monitor = start_monitor (fixture, IDLE_THRESHOLD);
  proxy = connect_to_monitor (fixture);
  WAIT_FOR (g_strcmp0 (tend_dbus_monitor1_get_source (proxy), "xscreensaver") == 0);
  WAIT_FOR (!tend_dbus_monitor1_get_active (proxy));

  /* Input every second for 70 s: one write at the minute, then killed 12 s later. */
  first_input = g_get_real_time () / G_USEC_PER_SEC;
  while (g_get_real_time () / G_USEC_PER_SEC < first_input + 70)
    {
      move_pointer ();
      let_time_pass (1000);
    }
  g_assert_true (tend_dbus_monitor1_get_active (proxy));
  kill (monitor->pid, SIGKILL);
  killed_at = (g_get_real_time () + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
  WAIT_FOR (monitor->exited);
  g_assert_true (WIFSIGNALED (monitor->wait_status));
  WAIT_FOR (!fixture->name_owned);
  g_clear_object (&proxy);

  before = stored_total (fixture);
  g_test_message ("active for %" G_GINT64_FORMAT " s, stored %u s",
                  killed_at - first_input, before);
  g_assert_cmpint (before, <=, killed_at - first_input);
  g_assert_cmpint (before, >=, killed_at - first_input - 60);

  /* Started again, with ten seconds more of input, then stopped. */
  restarted_at = g_get_real_time () / G_USEC_PER_SEC;
  again = start_monitor (fixture, IDLE_THRESHOLD);
  proxy = connect_to_monitor (fixture);
  for (guint i = 0; i < 10; i++)
    {
      move_pointer ();
      let_time_pass (1000);
    }
  g_assert_true (tend_dbus_monitor1_get_active (proxy));
  kill (again->pid, SIGTERM);
  stopped_at = (g_get_real_time () + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
  assert_exited_cleanly (again);

  after = stored_total (fixture);
  g_test_message ("stored %u s after the restart", after);
  /* Never more than the time since the first input; at least the new ten seconds more. */
  g_assert_cmpint (after, <=, stopped_at - first_input);
  g_assert_cmpint (after, >=, before + 10 - 2);
  g_assert_cmpint (after, <=, before + (stopped_at - restarted_at) + 3);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  x_display = g_strdup (g_getenv ("DISPLAY"));
  if (x_display == NULL)
    {
      g_test_skip ("No X11 display");
      return g_test_run ();
    }

  held_display = XOpenDisplay (x_display);
  g_assert_nonnull (held_display);
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);

  g_test_add ("/monitor-program/xscreensaver", Fixture, NULL, fixture_set_up,
              test_xscreensaver, fixture_tear_down);
  g_test_add ("/monitor-program/nothing-to-do", Fixture, NULL, fixture_set_up,
              test_nothing_to_do, fixture_tear_down);
  g_test_add ("/monitor-program/check-in-only", Fixture, NULL, fixture_set_up,
              test_check_in_only, fixture_tear_down);
  g_test_add ("/monitor-program/crash", Fixture, NULL, fixture_set_up, test_crash,
              fixture_tear_down);

  status = g_test_run ();

  g_test_dbus_down (bus);
  g_object_unref (bus);
  XCloseDisplay (held_display);
  g_free (x_display);

  return status;
}
