/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>

#include <glib/gstdio.h>

#include <adwaita.h>

#include "tend-application.h"
#include "tend-background.h"
#include "tend-test-utils.h"
#include "tend-test-widgets.h"

/* The background monitor is started, and starts at login, as the settings say. On a
 * private D-Bus of the test's own: "the monitor" is tests/fake-bus-name, started by D-Bus
 * from a service file as the installed one is, and the Background portal is a fake one
 * that answers as xdg-desktop-portal does, through the Response signal of its Request. */

#define PORTAL_BUS_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH "/org/freedesktop/portal/desktop"
#define REQUEST_PATH_PREFIX "/org/freedesktop/portal/desktop/request/"
#define MONITOR_EXEC LIBEXECDIR "/tend-monitor"

static GTestDBus *bus;
static char *services_dir;
static GDBusConnection *observer; /* the test's own connection, to look at the bus */

/* ---------------------------------------------------------------------------------------
 * The bus and the fake monitor */

static GVariant *
bus_call (const char         *method,
          GVariant           *parameters,
          const GVariantType *reply_type,
          GError            **error)
{
  return g_dbus_connection_call_sync (observer, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                      "org.freedesktop.DBus", method, parameters, reply_type,
                                      G_DBUS_CALL_FLAGS_NONE, -1, NULL, error);
}

static gboolean
name_has_owner (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = bus_call ("NameHasOwner", g_variant_new ("(s)", name),
                                        G_VARIANT_TYPE ("(b)"), &error);
  gboolean owned;

  g_assert_no_error (error);
  g_variant_get (reply, "(b)", &owned);
  return owned;
}

static char *
get_service_path (void)
{
  return g_build_filename (services_dir, MONITOR_BUS_NAME ".service", NULL);
}

/* A service file for MONITOR_BUS_NAME as data/ has one, running the fake monitor. */
static void
install_monitor_service (void)
{
  g_autofree char *path = get_service_path ();
  g_autofree char *fake = g_test_build_filename (G_TEST_BUILT, "fake-bus-name", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_test (fake, G_FILE_TEST_IS_EXECUTABLE));
  contents = g_strdup_printf ("[D-BUS Service]\nName=%s\nExec=%s %s\n",
                              MONITOR_BUS_NAME, fake, MONITOR_BUS_NAME);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
name_vanished_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
wait_for_name_to_vanish (const char *name)
{
  gboolean vanished = FALSE;
  guint watch_id = g_bus_watch_name_on_connection (observer, name, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                   NULL, name_vanished_cb, &vanished, NULL);

  tend_test_wait_until (is_true, &vanished);
  g_bus_unwatch_name (watch_id);
}

/* Ends the fake monitor as the session's end would, if it runs. */
static void
stop_monitor (void)
{
  g_autoptr(GVariant) reply = NULL;
  guint32 pid;

  if (!name_has_owner (MONITOR_BUS_NAME))
    return;

  reply = bus_call ("GetConnectionUnixProcessID", g_variant_new ("(s)", MONITOR_BUS_NAME),
                    G_VARIANT_TYPE ("(u)"), NULL);
  g_assert_nonnull (reply);
  g_variant_get (reply, "(u)", &pid);
  g_assert_cmpint (kill ((pid_t) pid, SIGTERM), ==, 0);
  wait_for_name_to_vanish (MONITOR_BUS_NAME);
}

/* ---------------------------------------------------------------------------------------
 * The fake Background portal */

typedef enum
{
  ANSWER_ALLOW,        /* response 0, background and autostart as asked */
  ANSWER_DISMISS,      /* response 1: the dialog was closed */
  ANSWER_DENY,         /* response 0, background false */
} PortalAnswer;

typedef struct
{
  char     *parent_window;
  GVariant *options;
} PortalRequest;

typedef struct
{
  GDBusConnection *connection;
  guint            owner_id;
  guint            object_id;
  gboolean         owned;
  PortalAnswer     answer;
  GPtrArray       *requests;  /* of PortalRequest */
} FakePortal;

static void
portal_request_free (PortalRequest *request)
{
  g_free (request->parent_window);
  g_variant_unref (request->options);
  g_free (request);
}

static const char background_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Background'>"
  "    <method name='RequestBackground'>"
  "      <arg type='s' name='parent_window' direction='in'/>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='o' name='handle' direction='out'/>"
  "    </method>"
  "    <property name='version' type='u' access='read'/>"
  "  </interface>"
  "</node>";

static void
background_method_cb (GDBusConnection       *connection,
                      const char            *sender,
                      const char            *object_path,
                      const char            *interface_name,
                      const char            *method_name,
                      GVariant              *parameters,
                      GDBusMethodInvocation *invocation,
                      gpointer               user_data)
{
  FakePortal *portal = user_data;
  PortalRequest *request = g_new0 (PortalRequest, 1);
  g_autofree char *escaped_sender = g_strdup (sender + 1);
  g_autofree char *handle = NULL;
  const char *token = NULL;
  gboolean autostart = FALSE;
  GVariantBuilder results;
  guint32 response;

  g_assert_cmpstr (method_name, ==, "RequestBackground");
  g_variant_get (parameters, "(s@a{sv})", &request->parent_window, &request->options);
  g_ptr_array_add (portal->requests, request);

  /* The Request object's path, as xdg-desktop-portal makes it and libportal expects it. */
  g_assert_true (g_variant_lookup (request->options, "handle_token", "&s", &token));
  g_strdelimit (escaped_sender, ".", '_');
  handle = g_strconcat (REQUEST_PATH_PREFIX, escaped_sender, "/", token, NULL);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", handle));

  g_variant_lookup (request->options, "autostart", "b", &autostart);
  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  switch (portal->answer)
    {
    case ANSWER_ALLOW:
      response = 0;
      g_variant_builder_add (&results, "{sv}", "background", g_variant_new_boolean (TRUE));
      g_variant_builder_add (&results, "{sv}", "autostart", g_variant_new_boolean (autostart));
      break;
    case ANSWER_DENY:
      response = 0;
      g_variant_builder_add (&results, "{sv}", "background", g_variant_new_boolean (FALSE));
      g_variant_builder_add (&results, "{sv}", "autostart", g_variant_new_boolean (FALSE));
      break;
    case ANSWER_DISMISS:
    default:
      response = 1;
      break;
    }

  g_dbus_connection_emit_signal (connection, sender, handle, "org.freedesktop.portal.Request",
                                 "Response", g_variant_new ("(ua{sv})", response, &results),
                                 NULL);
}

static GVariant *
background_get_property_cb (GDBusConnection  *connection,
                            const char       *sender,
                            const char       *object_path,
                            const char       *interface_name,
                            const char       *property_name,
                            GError          **error,
                            gpointer          user_data)
{
  return g_variant_new_uint32 (2);
}

static void
portal_name_acquired_cb (GDBusConnection *connection,
                         const char      *name,
                         gpointer         user_data)
{
  FakePortal *portal = user_data;

  portal->owned = TRUE;
}

static FakePortal *
fake_portal_start (PortalAnswer answer)
{
  static const GDBusInterfaceVTable vtable = {
    background_method_cb, background_get_property_cb, NULL,
  };
  g_autoptr(GDBusNodeInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  FakePortal *portal = g_new0 (FakePortal, 1);

  portal->answer = answer;
  portal->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) portal_request_free);
  portal->connection = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                                               G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                               G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                               NULL, NULL, &error);
  g_assert_no_error (error);

  info = g_dbus_node_info_new_for_xml (background_xml, &error);
  g_assert_no_error (error);
  portal->object_id = g_dbus_connection_register_object (portal->connection, PORTAL_OBJECT_PATH,
                                                         info->interfaces[0], &vtable, portal,
                                                         NULL, &error);
  g_assert_no_error (error);

  portal->owner_id = g_bus_own_name_on_connection (portal->connection, PORTAL_BUS_NAME,
                                                   G_BUS_NAME_OWNER_FLAGS_DO_NOT_QUEUE,
                                                   portal_name_acquired_cb, NULL, portal, NULL);
  tend_test_wait_until (is_true, &portal->owned);
  return portal;
}

static void
fake_portal_stop (FakePortal *portal)
{
  g_bus_unown_name (portal->owner_id);
  g_dbus_connection_unregister_object (portal->connection, portal->object_id);
  wait_for_name_to_vanish (PORTAL_BUS_NAME);
  g_dbus_connection_close_sync (portal->connection, NULL, NULL);
  g_object_unref (portal->connection);
  g_ptr_array_unref (portal->requests);
  g_free (portal);
}

static gboolean
request_asked_autostart (PortalRequest *request)
{
  gboolean autostart = FALSE;

  g_assert_true (g_variant_lookup (request->options, "autostart", "b", &autostart));
  return autostart;
}

/* ---------------------------------------------------------------------------------------
 * The fixture */

typedef struct
{
  GSettings *settings;
  char      *autostart_path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *service = get_service_path ();
  g_autofree char *marker = g_build_filename (g_get_user_state_dir (), "tend",
                                              "portal-autostart", NULL);

  fixture->settings = g_settings_new (BASE_APP_ID);
  g_settings_reset (fixture->settings, "usage-tracking");
  g_settings_reset (fixture->settings, "check-in-reminder");
  g_settings_reset (fixture->settings, "autostart");
  g_assert_false (g_settings_get_boolean (fixture->settings, "usage-tracking"));
  g_assert_false (g_settings_get_boolean (fixture->settings, "check-in-reminder"));
  g_assert_true (g_settings_get_boolean (fixture->settings, "autostart"));

  fixture->autostart_path = tend_background_get_autostart_path ();
  g_unlink (fixture->autostart_path);
  g_unlink (marker);
  g_unlink (service);
  stop_monitor ();
  g_unsetenv (TEND_BACKGROUND_SANDBOXED_ENV);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  stop_monitor ();
  g_clear_object (&fixture->settings);
  g_clear_pointer (&fixture->autostart_path, g_free);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} SyncResult;

static void
synced_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  SyncResult *sync = user_data;

  sync->ok = tend_background_sync_finish (result, &sync->error);
  sync->done = TRUE;
}

/* Runs tend_background_sync_async() to its end. */
static gboolean
sync_background (GSettings  *settings,
                 GtkWindow  *parent,
                 GError    **error)
{
  SyncResult sync = { 0 };

  tend_background_sync_async (settings, parent, NULL, synced_cb, &sync);
  tend_test_wait_until (is_true, &sync.done);
  g_assert_true (sync.ok == (sync.error == NULL));
  if (sync.error != NULL)
    g_propagate_error (error, sync.error);
  return sync.ok;
}

static void
assert_synced (GSettings *settings,
               GtkWindow *parent)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sync_background (settings, parent, &error));
  g_assert_no_error (error);
}

/* Plain words: nothing of D-Bus, of the portal or of paths the person never sees. */
static void
assert_plain_words (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_cmpuint (strlen (error->message), >, 20);
  g_assert_null (strstr (error->message, "DBus"));
  g_assert_null (strstr (error->message, "org."));
  g_assert_null (strstr (error->message, "portal"));
  g_assert_null (strstr (error->message, "tend-monitor"));
  g_assert_nonnull (tend_background_error_get_title (error));
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* A presented window, realized, for the portal's question to belong to. */
static GtkWindow *
open_parent_window (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_realized (GTK_WIDGET (window)));
  return window;
}

/* ---------------------------------------------------------------------------------------
 * A plain install: the XDG autostart file */

static void
assert_autostart_file_is_tends (const char *path)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *name = NULL;
  g_autofree char *type = NULL;
  g_autofree char *validator = g_find_program_in_path ("desktop-file-validate");

  g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);

  type = g_key_file_get_string (key_file, "Desktop Entry", "Type", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (type, ==, "Application");
  exec = g_key_file_get_string (key_file, "Desktop Entry", "Exec", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (exec, ==, MONITOR_EXEC);
  name = g_key_file_get_string (key_file, "Desktop Entry", "Name", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Tend");
  g_assert_true (g_key_file_get_boolean (key_file, "Desktop Entry", "NoDisplay", &error));
  g_assert_no_error (error);
  g_assert_true (g_key_file_get_boolean (key_file, "Desktop Entry", "X-GNOME-Autostart-enabled",
                                         &error));
  g_assert_no_error (error);

  if (validator != NULL)
    {
      g_autofree char *output = NULL;
      int status = 0;

      g_spawn_sync (NULL, (char *[]) { validator, (char *) path, NULL }, NULL,
                    G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &output, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (output, ==, "");
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
}

static void
test_autostart_file (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *path = fixture->autostart_path;
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;

  g_setenv (TEND_BACKGROUND_SANDBOXED_ENV, "0", TRUE);
  install_monitor_service ();

  /* Nothing needs the monitor: nothing is written, and nothing is started. */
  assert_synced (fixture->settings, NULL);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (name_has_owner (MONITOR_BUS_NAME));

  /* Usage time on: the monitor starts now, and at login. */
  g_settings_set_boolean (fixture->settings, "usage-tracking", TRUE);
  assert_synced (fixture->settings, NULL);
  g_assert_true (name_has_owner (MONITOR_BUS_NAME));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  assert_autostart_file_is_tends (path);
  first = read_file (path);

  /* Again: the same. */
  assert_synced (fixture->settings, NULL);
  again = read_file (path);
  g_assert_cmpstr (again, ==, first);
  g_assert_true (name_has_owner (MONITOR_BUS_NAME));

  /* Starting at login off: the file goes; the monitor is not stopped, it watches the
   * settings itself. */
  g_settings_set_boolean (fixture->settings, "autostart", FALSE);
  assert_synced (fixture->settings, NULL);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (name_has_owner (MONITOR_BUS_NAME));

  g_settings_set_boolean (fixture->settings, "autostart", TRUE);
  assert_synced (fixture->settings, NULL);
  assert_autostart_file_is_tends (path);

  /* The check-in reminder alone needs it too. */
  g_settings_set_boolean (fixture->settings, "usage-tracking", FALSE);
  g_settings_set_boolean (fixture->settings, "check-in-reminder", TRUE);
  assert_synced (fixture->settings, NULL);
  assert_autostart_file_is_tends (path);

  /* Both off: the file goes. */
  g_settings_set_boolean (fixture->settings, "check-in-reminder", FALSE);
  assert_synced (fixture->settings, NULL);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_settings_get_boolean (fixture->settings, "autostart"));
}

/* A file of the same name that Tend did not write, or that was changed since (here, as a
 * startup-applications tool turns an entry off): it is the person's, and Tend neither
 * overwrites it nor removes it. */
static void
test_autostart_file_not_tends (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *path = fixture->autostart_path;
  const char *theirs = "[Desktop Entry]\nType=Application\nName=Tend\n"
                       "Exec=" MONITOR_EXEC "\nX-GNOME-Autostart-enabled=false\n";
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *after_on = NULL;
  g_autofree char *after_off = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv (TEND_BACKGROUND_SANDBOXED_ENV, "0", TRUE);
  install_monitor_service ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_file_set_contents (path, theirs, -1, &error);
  g_assert_no_error (error);

  g_settings_set_boolean (fixture->settings, "usage-tracking", TRUE);
  assert_synced (fixture->settings, NULL);
  after_on = read_file (path);
  g_assert_cmpstr (after_on, ==, theirs);
  g_assert_true (name_has_owner (MONITOR_BUS_NAME));

  g_settings_set_boolean (fixture->settings, "usage-tracking", FALSE);
  assert_synced (fixture->settings, NULL);
  after_off = read_file (path);
  g_assert_cmpstr (after_off, ==, theirs);

  g_unlink (path);
}

/* ---------------------------------------------------------------------------------------
 * Starting the monitor now */

static void
test_monitor_start (Fixture       *fixture,
                    gconstpointer  data)
{
  g_setenv (TEND_BACKGROUND_SANDBOXED_ENV, "0", TRUE);
  install_monitor_service ();
  g_settings_set_boolean (fixture->settings, "autostart", FALSE);

  g_assert_false (name_has_owner (MONITOR_BUS_NAME));
  g_settings_set_boolean (fixture->settings, "usage-tracking", TRUE);
  assert_synced (fixture->settings, NULL);
  g_assert_true (name_has_owner (MONITOR_BUS_NAME));

  /* Running already: still fine. */
  assert_synced (fixture->settings, NULL);
  g_assert_true (name_has_owner (MONITOR_BUS_NAME));

  /* The check-in reminder alone starts it too. */
  stop_monitor ();
  g_settings_set_boolean (fixture->settings, "usage-tracking", FALSE);
  g_settings_set_boolean (fixture->settings, "check-in-reminder", TRUE);
  assert_synced (fixture->settings, NULL);
  g_assert_true (name_has_owner (MONITOR_BUS_NAME));

  /* Not needed: it is not started. */
  stop_monitor ();
  g_settings_set_boolean (fixture->settings, "check-in-reminder", FALSE);
  assert_synced (fixture->settings, NULL);
  g_assert_false (name_has_owner (MONITOR_BUS_NAME));
}

static void
test_monitor_missing (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_setenv (TEND_BACKGROUND_SANDBOXED_ENV, "0", TRUE);
  g_settings_set_boolean (fixture->settings, "usage-tracking", TRUE);

  g_assert_false (sync_background (fixture->settings, NULL, &error));
  g_assert_error (error, TEND_BACKGROUND_ERROR, TEND_BACKGROUND_ERROR_NO_MONITOR);
  assert_plain_words (error);
  g_test_message ("%s: %s", tend_background_error_get_title (error), error->message);

  /* Nothing is set to start at login what is not there, and the setting stays. */
  g_assert_false (g_file_test (fixture->autostart_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_settings_get_boolean (fixture->settings, "autostart"));
}

/* A monitor started some other way (at login, by hand) is found by its name, with no
 * service file at all. */
static void
test_monitor_running_without_service (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv (TEND_BACKGROUND_SANDBOXED_ENV, "0", TRUE);
  g_settings_set_boolean (fixture->settings, "autostart", FALSE);

  reply = g_dbus_connection_call_sync (observer, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", MONITOR_BUS_NAME, 0x4),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, &error);
  g_assert_no_error (error);
  g_assert_true (name_has_owner (MONITOR_BUS_NAME));

  g_settings_set_boolean (fixture->settings, "usage-tracking", TRUE);
  assert_synced (fixture->settings, NULL);

  g_clear_pointer (&reply, g_variant_unref);
  reply = g_dbus_connection_call_sync (observer, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "ReleaseName",
                                       g_variant_new ("(s)", MONITOR_BUS_NAME),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, &error);
  g_assert_no_error (error);
}

/* ---------------------------------------------------------------------------------------
 * In a sandbox: the Background portal */

static void
test_portal_autostart (Fixture       *fixture,
                       gconstpointer  data)
{
  FakePortal *portal = fake_portal_start (ANSWER_ALLOW);
  GtkWindow *window = open_parent_window ();
  PortalRequest *request;
  const char *reason = NULL;
  g_autofree const char **commandline = NULL;

  g_setenv (TEND_BACKGROUND_SANDBOXED_ENV, "1", TRUE);
  install_monitor_service ();

  /* Nothing needed: the portal is not asked, so nobody sees a question. */
  assert_synced (fixture->settings, window);
  g_assert_cmpuint (portal->requests->len, ==, 0);

  g_settings_set_boolean (fixture->settings, "usage-tracking", TRUE);
  assert_synced (fixture->settings, window);
  g_assert_true (name_has_owner (MONITOR_BUS_NAME));
  g_assert_cmpuint (portal->requests->len, ==, 1);
  request = g_ptr_array_index (portal->requests, 0);
  g_assert_true (g_str_has_prefix (request->parent_window, "x11:"));
  g_assert_true (request_asked_autostart (request));
  g_assert_true (g_variant_lookup (request->options, "commandline", "^a&s", &commandline));
  g_assert_cmpuint (g_strv_length ((char **) commandline), ==, 1);
  g_assert_cmpstr (commandline[0], ==, MONITOR_EXEC);
  g_assert_true (g_variant_lookup (request->options, "reason", "&s", &reason));
  g_assert_cmpuint (strlen (reason), >, 0);

  /* The portal writes its own autostart entry; Tend writes none in the sandbox. */
  g_assert_false (g_file_test (fixture->autostart_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_settings_get_boolean (fixture->settings, "autostart"));

  /* Without a window: the portal is asked all the same. */
  assert_synced (fixture->settings, NULL);
  g_assert_cmpuint (portal->requests->len, ==, 2);
  request = g_ptr_array_index (portal->requests, 1);
  g_assert_cmpstr (request->parent_window, ==, "");
  g_assert_true (request_asked_autostart (request));

  /* Starting at login off while usage time is on: asked again, without autostart, which
   * drops the portal's entry and keeps the permission to run in the background. */
  g_settings_set_boolean (fixture->settings, "autostart", FALSE);
  assert_synced (fixture->settings, window);
  g_assert_cmpuint (portal->requests->len, ==, 3);
  g_assert_false (request_asked_autostart (g_ptr_array_index (portal->requests, 2)));

  /* Nothing needed after autostart was given: asked once more without it... */
  g_settings_set_boolean (fixture->settings, "autostart", TRUE);
  assert_synced (fixture->settings, window);
  g_assert_cmpuint (portal->requests->len, ==, 4);
  g_assert_true (request_asked_autostart (g_ptr_array_index (portal->requests, 3)));
  g_settings_set_boolean (fixture->settings, "usage-tracking", FALSE);
  assert_synced (fixture->settings, window);
  g_assert_cmpuint (portal->requests->len, ==, 5);
  g_assert_false (request_asked_autostart (g_ptr_array_index (portal->requests, 4)));

  /* ...and then no more. */
  assert_synced (fixture->settings, window);
  g_assert_cmpuint (portal->requests->len, ==, 5);

  gtk_window_destroy (window);
  fake_portal_stop (portal);
}

static void
test_portal_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  static const PortalAnswer answers[] = { ANSWER_DISMISS, ANSWER_DENY };

  g_setenv (TEND_BACKGROUND_SANDBOXED_ENV, "1", TRUE);
  install_monitor_service ();

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      FakePortal *portal = fake_portal_start (answers[i]);
      g_autoptr(GError) error = NULL;

      g_settings_set_boolean (fixture->settings, "autostart", TRUE);
      g_settings_set_boolean (fixture->settings, "usage-tracking", TRUE);
      g_assert_false (sync_background (fixture->settings, NULL, &error));
      g_assert_error (error, TEND_BACKGROUND_ERROR, TEND_BACKGROUND_ERROR_REFUSED);
      assert_plain_words (error);
      g_assert_nonnull (strstr (error->message, "Settings"));
      g_test_message ("%s: %s", tend_background_error_get_title (error), error->message);

      g_assert_cmpuint (portal->requests->len, ==, 1);
      g_assert_true (request_asked_autostart (g_ptr_array_index (portal->requests, 0)));
      g_assert_false (g_settings_get_boolean (fixture->settings, "autostart"));

      /* The monitor was started all the same; starting at login is what was refused. */
      g_assert_true (name_has_owner (MONITOR_BUS_NAME));
      g_assert_false (g_file_test (fixture->autostart_path, G_FILE_TEST_EXISTS));

      /* Now autostart is off, and that is what the world is like. */
      assert_synced (fixture->settings, NULL);
      g_assert_false (g_settings_get_boolean (fixture->settings, "autostart"));

      fake_portal_stop (portal);
    }
}

/* In a sandbox, with no portal to ask: an autostart file would be written inside the
 * sandbox, where nothing reads it, so Tend says so and turns starting at login off. */
static void
test_no_portal (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_setenv (TEND_BACKGROUND_SANDBOXED_ENV, "1", TRUE);
  install_monitor_service ();
  g_assert_false (name_has_owner (PORTAL_BUS_NAME));

  g_settings_set_boolean (fixture->settings, "usage-tracking", TRUE);
  g_assert_false (sync_background (fixture->settings, NULL, &error));
  g_assert_error (error, TEND_BACKGROUND_ERROR, TEND_BACKGROUND_ERROR_NO_PORTAL);
  assert_plain_words (error);
  g_test_message ("%s: %s", tend_background_error_get_title (error), error->message);
  g_assert_false (g_settings_get_boolean (fixture->settings, "autostart"));
  g_assert_true (name_has_owner (MONITOR_BUS_NAME));
  g_assert_false (g_file_test (fixture->autostart_path, G_FILE_TEST_EXISTS));

  /* With starting at login off, there is nothing to ask and nothing wrong. */
  assert_synced (fixture->settings, NULL);
}

/* ---------------------------------------------------------------------------------------
 * The application: when it runs the above, and how it tells the person */

typedef struct
{
  FakePortal *portal;
  guint       n_requests;
} RequestWait;

static gboolean
has_requests (gpointer data)
{
  RequestWait *wait = data;

  return wait->portal->requests->len >= wait->n_requests;
}

static void
wait_for_requests (FakePortal *portal,
                   guint       n_requests)
{
  RequestWait wait = { portal, n_requests };

  tend_test_wait_until (has_requests, &wait);
}

static gboolean
has_text (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
shows_label (gpointer data)
{
  LabelWait *wait = data;
  GtkWidget *label = tend_test_find_first (wait->root, has_text, wait->text);

  return label != NULL && gtk_widget_get_mapped (label);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
autostart_is_off (gpointer data)
{
  return !g_settings_get_boolean (data, "autostart");
}

typedef struct
{
  Fixture         *fixture;
  FakePortal      *portal;
  TendApplication *application;
} AppTest;

/* Runs from the application's main loop, as a person would use it. */
static void
use_application_cb (gpointer user_data)
{
  AppTest *test = user_data;
  GSettings *settings = test->fixture->settings;
  FakePortal *portal = test->portal;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (test->application));
  g_autoptr(GError) refusal = NULL;
  AdwDialog *preferences;
  PortalRequest *request;
  LabelWait label_wait;
  const char *refused_title;

  g_assert_nonnull (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* Usage time was on when Tend started: once its window is shown, the monitor is seen
   * to, with the window as the parent of the question. */
  wait_for_requests (portal, 1);
  request = g_ptr_array_index (portal->requests, 0);
  g_assert_false (request_asked_autostart (request));
  g_assert_true (g_str_has_prefix (request->parent_window, "x11:"));
  g_assert_true (name_has_owner (MONITOR_BUS_NAME));

  /* Switches changed together make one question, asked as they ended. */
  g_settings_set_boolean (settings, "check-in-reminder", TRUE);
  g_settings_set_boolean (settings, "autostart", TRUE);
  wait_for_requests (portal, 2);
  g_assert_true (request_asked_autostart (g_ptr_array_index (portal->requests, 1)));
  g_assert_cmpuint (portal->requests->len, ==, 2);

  /* Refused, with Preferences open where the switches are: the switch goes back off, and
   * Preferences says so calmly. */
  g_action_group_activate_action (G_ACTION_GROUP (test->application), "preferences", NULL);
  preferences = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_PREFERENCES_DIALOG (preferences));
  portal->answer = ANSWER_DENY;
  g_settings_set_boolean (settings, "check-in-reminder", FALSE);
  wait_for_requests (portal, 3);
  g_assert_true (request_asked_autostart (g_ptr_array_index (portal->requests, 2)));
  tend_test_wait_until (autostart_is_off, settings);

  refusal = g_error_new_literal (TEND_BACKGROUND_ERROR, TEND_BACKGROUND_ERROR_REFUSED, "");
  refused_title = tend_background_error_get_title (refusal);
  label_wait.root = GTK_WIDGET (preferences);
  label_wait.text = refused_title;
  tend_test_wait_until (shows_label, &label_wait);

  /* Its details tell how to allow it later. */
  tend_test_click (tend_test_find_labelled (GTK_WIDGET (preferences), "_Details"));
  {
    AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));

    g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
    g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, refused_title);
    g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), "Settings"));
    adw_dialog_force_close (dialog);
  }
  adw_dialog_force_close (preferences);

  /* With autostart off, asked once more without it: the monitor is still needed. */
  wait_for_requests (portal, 4);
  g_assert_false (request_asked_autostart (g_ptr_array_index (portal->requests, 3)));

  g_action_group_activate_action (G_ACTION_GROUP (test->application), "quit", NULL);
}

static void
application_activated_cb (GApplication *application,
                          gpointer      user_data)
{
  g_idle_add_once (use_application_cb, user_data);
}

static void
test_application (Fixture       *fixture,
                  gconstpointer  data)
{
  AppTest test = { fixture, fake_portal_start (ANSWER_ALLOW), tend_application_new () };
  char *argv[] = { (char *) "tend", NULL };

  g_setenv (TEND_BACKGROUND_SANDBOXED_ENV, "1", TRUE);
  install_monitor_service ();
  g_settings_set_boolean (fixture->settings, "usage-tracking", TRUE);
  g_settings_set_boolean (fixture->settings, "autostart", FALSE);

  g_signal_connect_after (test.application, "activate", G_CALLBACK (application_activated_cb),
                          &test);
  g_assert_cmpint (g_application_run (G_APPLICATION (test.application), 1, argv), ==, 0);

  /* Gone once the answer to the last question is in: nothing of it is left waiting. */
  g_object_add_weak_pointer (G_OBJECT (test.application), (gpointer *) &test.application);
  g_object_unref (test.application);
  tend_test_wait_until (is_null, &test.application);
  g_assert_cmpuint (test.portal->requests->len, ==, 4);
  fake_portal_stop (test.portal);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* GTK and libadwaita start without a session bus: libadwaita keeps its connection for
   * good, and the private bus can only be taken down once nobody holds one. Then every
   * connection of this process, libportal's and the application's, goes to the private
   * bus. GTestDBus unsets DISPLAY, which GTK has used by then. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/tend-test-no-bus", TRUE);
  tend_test_widgets_init (&argc, &argv);

  services_dir = g_dir_make_tmp ("tend-test-services-XXXXXX", &error);
  g_assert_no_error (error);
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_add_service_dir (bus, services_dir);
  g_test_dbus_up (bus);
  observer = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                                     G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                     G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                     NULL, NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add ("/background/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("autostart-file", test_autostart_file);
  ADD ("autostart-file-not-tends", test_autostart_file_not_tends);
  ADD ("monitor-start", test_monitor_start);
  ADD ("monitor-missing", test_monitor_missing);
  ADD ("monitor-running-without-service", test_monitor_running_without_service);
  ADD ("portal-autostart", test_portal_autostart);
  ADD ("portal-refused", test_portal_refused);
  ADD ("no-portal", test_no_portal);
  ADD ("application", test_application);

  status = g_test_run ();

  g_dbus_connection_close_sync (observer, NULL, NULL);
  g_clear_object (&observer);
  g_test_dbus_down (bus);
  g_clear_object (&bus);
  g_spawn_sync (NULL, (char *[]) { "rm", "-rf", "--one-file-system", services_dir, NULL }, NULL,
                G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  g_free (services_dir);
  tend_test_widgets_cleanup ();

  return status;
}
