/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The ext-idle-notify-v1 activity source, against a fake compositor (tend-fake-compositor.c)
 * on a private socket in a temporary XDG_RUNTIME_DIR, that the test tells when nobody is
 * there and when someone is back; then against a real one, Sway on its headless backend,
 * with input typed by wtype. Every wait is on the main loop, bounded by a generous
 * timeout. */

#include "config.h"

#include <signal.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "tend-fake-compositor.h"
#include "tend-idle-source.h"
#include "tend-idle-source-wayland.h"
#include "tend-test-idle.h"
#include "tend-test-wait.h"

#define SECOND G_USEC_PER_SEC

/* The socket tend_idle_source_new_best() finds through WAYLAND_DISPLAY. */
#define BEST_SOCKET "tend-test-best"

static char *runtime_dir;
static char *x_display;

/* Lets the loop run through whatever the compositor has sent, without waiting for more. */
static void
settle (void)
{
  gboolean done = FALSE;

  g_timeout_add (200, tend_test_wait_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The source ---------------------------------------------------------------------- */

/* Version 2: an input-only notification; idled and resumed move the source. */
static void
test_input_notification (void)
{
  TendFakeCompositor *fake = tend_fake_compositor_new ("tend-test-v2", 2);
  g_autoptr(TendIdleSource) source = NULL;
  g_autoptr(GError) error = NULL;
  Record record = { 0 };
  gint64 before, after;
  gboolean input_only;
  guint timeout;

  /* A one-second threshold, so that real time can pass it. */
  source = g_object_new (TEND_TYPE_IDLE_SOURCE_WAYLAND, "display", "tend-test-v2",
                         "threshold", 1000, NULL);
  record_source (source, &record);
  before = g_get_real_time ();
  g_assert_true (tend_idle_source_start (source, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tend_idle_source_get_name (source), ==, "ext-idle-notify");
  g_assert_true (tend_idle_source_wayland_get_ignores_inhibitors (
    TEND_IDLE_SOURCE_WAYLAND (source)));

  /* A new notification is not idle: active from the start. */
  g_assert_true (tend_idle_source_is_active (source));
  g_assert_cmpint (tend_idle_source_get_since (source), >=, before);
  g_assert_cmpint (tend_idle_source_get_since (source), <=, g_get_real_time ());

  WAIT_FOR (tend_fake_compositor_count_notifications (fake) == 1);
  g_assert_cmpuint (tend_fake_compositor_get_bound_version (fake), ==, 2);
  g_assert_cmpuint (tend_fake_compositor_count_seat_binds (fake), ==, 1);
  g_assert_true (tend_fake_compositor_get_notification (fake, &timeout, &input_only));
  g_assert_true (input_only);
  g_assert_cmpuint (timeout, ==, 1000);
  WAIT_FOR (g_get_real_time () >= tend_idle_source_get_since (source) + 2 * SECOND);

  /* Idle since the last input: the threshold before "idled" arrived. */
  before = g_get_real_time ();
  tend_fake_compositor_idle (fake);
  WAIT_FOR (record.n_idle == 1);
  after = g_get_real_time ();
  g_assert_false (tend_idle_source_is_active (source));
  g_assert_cmpint (record.idle_since, >=, before - SECOND);
  g_assert_cmpint (record.idle_since, <=, after - SECOND);
  g_assert_cmpuint (record.n_active, ==, 0);

  /* Active since "resumed" arrived. */
  before = g_get_real_time ();
  tend_fake_compositor_resume (fake);
  WAIT_FOR (record.n_active == 1);
  g_assert_true (tend_idle_source_is_active (source));
  g_assert_cmpint (record.active_since, >=, before);
  g_assert_cmpint (record.active_since, <=, g_get_real_time ());

  /* The same notification says it again. */
  tend_fake_compositor_idle (fake);
  WAIT_FOR (record.n_idle == 2);
  tend_fake_compositor_resume (fake);
  WAIT_FOR (record.n_active == 2);
  g_assert_cmpuint (tend_fake_compositor_count_notifications (fake), ==, 1);

  /* A source that goes away takes its notification with it. */
  g_clear_object (&source);
  WAIT_FOR (tend_fake_compositor_count_notifications (fake) == 0);
  g_assert_cmpuint (record.n_idle, ==, 2);
  g_assert_cmpuint (record.n_active, ==, 2);

  tend_fake_compositor_free (fake);
}

/* Version 1: the plain notification, at the default threshold. Idleness never begins before
 * the source started. */
static void
test_version_1 (void)
{
  TendFakeCompositor *fake = tend_fake_compositor_new ("tend-test-v1", 1);
  g_autoptr(TendIdleSource) source = tend_idle_source_wayland_new ("tend-test-v1");
  g_autoptr(GError) error = NULL;
  Record record = { 0 };
  gboolean input_only;
  gint64 started;
  guint timeout;

  record_source (source, &record);
  g_assert_true (tend_idle_source_start (source, &error));
  g_assert_no_error (error);
  g_assert_false (tend_idle_source_wayland_get_ignores_inhibitors (
    TEND_IDLE_SOURCE_WAYLAND (source)));
  started = tend_idle_source_get_since (source);

  WAIT_FOR (tend_fake_compositor_count_notifications (fake) == 1);
  g_assert_cmpuint (tend_fake_compositor_get_bound_version (fake), ==, 1);
  g_assert_true (tend_fake_compositor_get_notification (fake, &timeout, &input_only));
  g_assert_false (input_only);
  g_assert_cmpuint (timeout, ==, TEND_IDLE_SOURCE_DEFAULT_THRESHOLD_MS);

  /* "idled" at once (a test, not two minutes): the last input cannot be before the start. */
  tend_fake_compositor_idle (fake);
  WAIT_FOR (record.n_idle == 1);
  g_assert_cmpint (record.idle_since, ==, started);

  tend_fake_compositor_resume (fake);
  WAIT_FOR (record.n_active == 1);

  g_clear_object (&source);
  WAIT_FOR (tend_fake_compositor_count_notifications (fake) == 0);
  tend_fake_compositor_free (fake);
}

static void
assert_lost (TendIdleSource *source)
{
  const GError *error = tend_idle_source_get_error (source);

  g_assert_nonnull (error);
  g_assert_error ((GError *) error, TEND_IDLE_SOURCE_ERROR, TEND_IDLE_SOURCE_ERROR_UNAVAILABLE);
  g_assert_cmpstr (error->message, ==, "The connection to the Wayland display was lost.");
  g_assert_false (tend_idle_source_is_active (source));
}

static void
idle_with_error_cb (TendIdleSource *source,
                    gint64          since,
                    gboolean       *error_known)
{
  *error_known = tend_idle_source_get_error (source) != NULL;
}

/* The compositor quits while someone is there: idle from then on, with an error in plain
 * words (already set when "idle" is emitted), and nothing more from the source. */
static void
test_compositor_exit_active (void)
{
  TendFakeCompositor *fake = tend_fake_compositor_new ("tend-test-exit", 2);
  g_autoptr(TendIdleSource) source = tend_idle_source_wayland_new ("tend-test-exit");
  g_autoptr(GError) error = NULL;
  Record record = { 0 };
  gboolean error_notified = FALSE;
  gboolean error_known = FALSE;
  gint64 before;

  record_source (source, &record);
  g_signal_connect_swapped (source, "notify::error", G_CALLBACK (tend_test_wait_flag_cb), &error_notified);
  g_signal_connect (source, "idle", G_CALLBACK (idle_with_error_cb), &error_known);
  g_assert_true (tend_idle_source_start (source, &error));
  g_assert_no_error (error);
  g_assert_null (tend_idle_source_get_error (source));
  WAIT_FOR (tend_fake_compositor_count_notifications (fake) == 1);

  before = g_get_real_time ();
  tend_fake_compositor_free (fake);
  WAIT_FOR (tend_idle_source_get_error (source) != NULL);
  g_assert_true (error_notified);
  g_assert_true (error_known);
  assert_lost (source);
  g_assert_cmpuint (record.n_idle, ==, 1);
  g_assert_cmpint (record.idle_since, >=, before);
  g_assert_cmpint (record.idle_since, <=, g_get_real_time ());

  /* A new compositor on the same socket is not the one the source knew. */
  fake = tend_fake_compositor_new ("tend-test-exit", 2);
  settle ();
  g_assert_cmpuint (tend_fake_compositor_count_notifications (fake), ==, 0);
  g_assert_cmpuint (record.n_idle, ==, 1);
  g_assert_cmpuint (record.n_active, ==, 0);

  g_clear_object (&source);
  tend_fake_compositor_free (fake);
}

/* The compositor quits while nobody is there: still idle since the last input. */
static void
test_compositor_exit_idle (void)
{
  TendFakeCompositor *fake = tend_fake_compositor_new ("tend-test-exit", 1);
  g_autoptr(TendIdleSource) source = tend_idle_source_wayland_new ("tend-test-exit");
  g_autoptr(GError) error = NULL;
  Record record = { 0 };
  gint64 idle_since;

  record_source (source, &record);
  g_assert_true (tend_idle_source_start (source, &error));
  g_assert_no_error (error);
  WAIT_FOR (tend_fake_compositor_count_notifications (fake) == 1);
  tend_fake_compositor_idle (fake);
  WAIT_FOR (record.n_idle == 1);
  idle_since = tend_idle_source_get_since (source);

  tend_fake_compositor_free (fake);
  WAIT_FOR (tend_idle_source_get_error (source) != NULL);
  assert_lost (source);
  g_assert_cmpuint (record.n_idle, ==, 1);
  g_assert_cmpint (tend_idle_source_get_since (source), ==, idle_since);
}

static void
test_no_notifier (void)
{
  TendFakeCompositor *fake = tend_fake_compositor_new ("tend-test-none", 0);
  g_autoptr(TendIdleSource) source = tend_idle_source_wayland_new ("tend-test-none");
  g_autoptr(GError) error = NULL;

  g_assert_false (tend_idle_source_start (source, &error));
  g_assert_error (error, TEND_IDLE_SOURCE_ERROR, TEND_IDLE_SOURCE_ERROR_UNAVAILABLE);
  g_assert_cmpstr (error->message, ==, "This desktop does not tell apps when nobody is using it.");
  g_assert_false (tend_idle_source_is_started (source));

  /* It let go of the compositor: freeing both is quiet. */
  g_clear_object (&source);
  tend_fake_compositor_free (fake);
}

static void
test_no_display (void)
{
  g_autoptr(TendIdleSource) source = tend_idle_source_wayland_new ("tend-test-nobody-here");
  g_autoptr(GError) error = NULL;

  g_assert_false (tend_idle_source_start (source, &error));
  g_assert_error (error, TEND_IDLE_SOURCE_ERROR, TEND_IDLE_SOURCE_ERROR_UNAVAILABLE);
  g_assert_cmpstr (error->message, ==, "No Wayland display could be reached.");
}

/* A real compositor: Sway, headless ------------------------------------------------- */

/* The socket Sway made in the runtime folder ("wayland-1": it leaves wayland-0 alone). */
static char *
find_sway_socket (void)
{
  g_autoptr(GDir) dir = g_dir_open (runtime_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "wayland-") && !g_str_has_suffix (name, ".lock"))
      return g_strdup (name);

  return NULL;
}

static void
type_key (const char *socket)
{
  const char *argv[] = { "wtype", "a", NULL };
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "WAYLAND_DISPLAY", socket, TRUE);
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
}

static void
exited_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  *(gboolean *) user_data = TRUE;
}

static void
test_sway (void)
{
  g_autofree char *sway_path = g_find_program_in_path ("sway");
  g_autofree char *wtype_path = g_find_program_in_path ("wtype");
  g_autofree char *config = g_build_filename (runtime_dir, "sway.conf", NULL);
  g_autofree char *log = g_build_filename (runtime_dir, "sway.log", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) sway = NULL;
  g_autoptr(TendIdleSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *socket = NULL;
  Record record = { 0 };
  gboolean exited = FALSE;
  gint64 before;

  if (sway_path == NULL || wtype_path == NULL)
    {
      g_test_skip ("Sway or wtype is not installed");
      return;
    }

  /* No outputs, no input devices, no X11: a compositor for clients alone. */
  g_file_set_contents (config, "xwayland disable\n", -1, &error);
  g_assert_no_error (error);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_set_stderr_file_path (launcher, log);
  g_subprocess_launcher_setenv (launcher, "WLR_BACKENDS", "headless", TRUE);
  g_subprocess_launcher_setenv (launcher, "WLR_RENDERER", "pixman", TRUE);
  g_subprocess_launcher_setenv (launcher, "WLR_LIBINPUT_NO_DEVICES", "1", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  sway = g_subprocess_launcher_spawn (launcher, &error, sway_path, "--config", config, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (sway, NULL, exited_cb, &exited);

  WAIT_FOR ((socket = find_sway_socket ()) != NULL || exited);
  if (socket == NULL)
    {
      g_autofree char *text = NULL;

      g_file_get_contents (log, &text, NULL, NULL);
      g_error ("Sway did not start:\n%s", text);
    }

  /* A one-second threshold: Sway's own timer says when a second has passed without input. */
  source = g_object_new (TEND_TYPE_IDLE_SOURCE_WAYLAND, "display", socket, "threshold", 1000,
                         NULL);
  record_source (source, &record);
  g_assert_true (tend_idle_source_start (source, &error));
  g_assert_no_error (error);
  g_test_message ("Sway's notification: %s",
                  tend_idle_source_wayland_get_ignores_inhibitors (
                    TEND_IDLE_SOURCE_WAYLAND (source)) ?
                  "input only (version 2)" : "plain (version 1)");
  WAIT_FOR (record.n_idle == 1);

  for (guint round = 1; round <= 2; round++)
    {
      before = g_get_real_time ();
      type_key (socket);
      WAIT_FOR (record.n_active == round);
      g_assert_cmpint (record.active_since, >=, before);
      g_assert_cmpint (record.active_since, <=, g_get_real_time ());

      /* Idle again a second later, since that same input. */
      WAIT_FOR (record.n_idle == round + 1);
      g_assert_cmpint (record.idle_since, >=, record.active_since);
      g_assert_cmpint (record.idle_since, <=, record.active_since + SECOND);
    }

  /* Sway quits: the source says so, and stays idle. */
  g_subprocess_send_signal (sway, SIGTERM);
  WAIT_FOR (tend_idle_source_get_error (source) != NULL);
  assert_lost (source);
  g_assert_cmpuint (record.n_idle, ==, 3);
  g_assert_cmpuint (record.n_active, ==, 2);

  WAIT_FOR (exited);
  g_remove (config);
  g_remove (log);
}

/* The best source, with no GNOME idle monitor on the bus ---------------------------- */

static void
test_best_is_wayland (void)
{
  TendFakeCompositor *fake = tend_fake_compositor_new (BEST_SOCKET, 2);
  g_autoptr(TendIdleSource) source = NULL;
  g_autoptr(GError) error = NULL;

  source = tend_idle_source_new_best (&error);
  g_assert_no_error (error);
  g_assert_nonnull (source);
  g_assert_true (tend_idle_source_is_started (source));
  g_assert_cmpstr (tend_idle_source_get_name (source), ==, "ext-idle-notify");
  WAIT_FOR (tend_fake_compositor_count_notifications (fake) == 1);

  g_clear_object (&source);
  WAIT_FOR (tend_fake_compositor_count_notifications (fake) == 0);
  tend_fake_compositor_free (fake);
}

/* A Wayland desktop without the protocol: a plain-words reason, and never XScreenSaver,
 * whose Xwayland would only see input given to X11 windows. */
static void
test_best_without_notifier (void)
{
  TendFakeCompositor *fake = tend_fake_compositor_new (BEST_SOCKET, 0);
  g_autoptr(TendIdleSource) source = NULL;
  g_autoptr(GError) error = NULL;

  if (x_display == NULL)
    g_test_message ("No X11 display: XScreenSaver could not have been chosen anyway");

  source = tend_idle_source_new_best (&error);
  g_assert_null (source);
  g_assert_error (error, TEND_IDLE_SOURCE_ERROR, TEND_IDLE_SOURCE_ERROR_UNAVAILABLE);
  g_assert_cmpstr (error->message, ==,
                   "Tend cannot tell when this computer is in use. "
                   "This desktop does not tell apps when nobody is using it.");

  tend_fake_compositor_free (fake);
}

static void
test_best_without_compositor (void)
{
  g_autoptr(TendIdleSource) source = NULL;
  g_autoptr(GError) error = NULL;

  source = tend_idle_source_new_best (&error);
  g_assert_null (source);
  g_assert_error (error, TEND_IDLE_SOURCE_ERROR, TEND_IDLE_SOURCE_ERROR_UNAVAILABLE);
  g_assert_cmpstr (error->message, ==,
                   "Tend cannot tell when this computer is in use. "
                   "No Wayland display could be reached.");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GTestDBus) bus = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* A private bus without GNOME's idle monitor. g_test_dbus_up() unsets DISPLAY and
   * XDG_RUNTIME_DIR. The X11 display is given back, so that the best source could pick
   * XScreenSaver if it wrongly tried it. */
  x_display = g_strdup (g_getenv ("DISPLAY"));
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  if (x_display != NULL)
    g_setenv ("DISPLAY", x_display, TRUE);

  /* Set before any other thread runs: the compositors' sockets go in a private runtime
   * folder, and the best source finds the one named by WAYLAND_DISPLAY. */
  runtime_dir = g_dir_make_tmp ("tend-wayland-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_RUNTIME_DIR", runtime_dir, TRUE);
  g_setenv ("WAYLAND_DISPLAY", BEST_SOCKET, TRUE);

  g_test_add_func ("/idle-source/wayland/input-notification", test_input_notification);
  g_test_add_func ("/idle-source/wayland/version-1", test_version_1);
  g_test_add_func ("/idle-source/wayland/compositor-exit-active", test_compositor_exit_active);
  g_test_add_func ("/idle-source/wayland/compositor-exit-idle", test_compositor_exit_idle);
  g_test_add_func ("/idle-source/wayland/no-notifier", test_no_notifier);
  g_test_add_func ("/idle-source/wayland/no-display", test_no_display);
  g_test_add_func ("/idle-source/wayland/sway", test_sway);
  g_test_add_func ("/idle-source/best/wayland", test_best_is_wayland);
  g_test_add_func ("/idle-source/best/wayland-without-notifier", test_best_without_notifier);
  g_test_add_func ("/idle-source/best/wayland-without-compositor", test_best_without_compositor);

  status = g_test_run ();

  g_test_dbus_down (bus);
  g_rmdir (runtime_dir);
  g_free (runtime_dir);
  g_free (x_display);

  return status;
}
