/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-background"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libportal/portal.h>
#include <libportal-gtk4/portal-gtk4.h>

#include "tend-background.h"

/* The background monitor (tend-monitor) records usage time and sends the reminders; it
 * runs while usage time or the check-in reminder is on, and ends by itself when both are
 * off. This makes the rest of the world match the settings: the monitor is started now, by
 * its D-Bus name, and at login, through the Background portal in a sandbox or an XDG
 * autostart file on a plain install. */

G_DEFINE_QUARK (tend-background-error-quark, tend_background_error)

#define MONITOR_COMMAND LIBEXECDIR "/tend-monitor"

#define NO_PORTAL_MESSAGE \
  _("This desktop offers Tend no way to start at login, so starting at login was turned " \
    "off. Usage time is still recorded once Tend has been opened.")

typedef struct
{
  GSettings *settings;
  GtkWindow *parent;       /* nullable */
  gboolean   needed;       /* usage-tracking || check-in-reminder */
  gboolean   at_login;     /* needed && autostart */
} SyncData;

static void
sync_data_free (SyncData *data)
{
  g_clear_object (&data->settings);
  g_clear_object (&data->parent);
  g_free (data);
}

/**
 * tend_background_is_sandboxed:
 *
 * Returns: whether Tend runs in a Flatpak sandbox, where only the Background portal can
 *   make it start at login. %TEND_BACKGROUND_SANDBOXED_ENV overrides it.
 */
gboolean
tend_background_is_sandboxed (void)
{
  const char *forced = g_getenv (TEND_BACKGROUND_SANDBOXED_ENV);

  if (forced != NULL && *forced != '\0')
    return g_strcmp0 (forced, "0") != 0;

  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

/**
 * tend_background_get_autostart_path:
 *
 * Returns: (transfer full): where the XDG autostart file of the monitor goes
 */
char *
tend_background_get_autostart_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", MONITOR_BUS_NAME ".desktop",
                           NULL);
}

/**
 * tend_background_error_get_title:
 *
 * Returns: a short line for a toast about @error; its message says the rest
 */
const char *
tend_background_error_get_title (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == TEND_BACKGROUND_ERROR)
    {
      switch ((TendBackgroundError) error->code)
        {
        case TEND_BACKGROUND_ERROR_NO_MONITOR:
          /* Translators: A toast, short to fit a narrow window; "Details" says more. */
          return _("Part of Tend is missing");
        case TEND_BACKGROUND_ERROR_MONITOR_FAILED:
          /* Translators: A toast, short to fit a narrow window; "Details" says more. */
          return _("Part of Tend did not start");
        case TEND_BACKGROUND_ERROR_REFUSED:
          /* Translators: A toast, short to fit a narrow window; "Details" says more. */
          return _("Not starting at login");
        case TEND_BACKGROUND_ERROR_NO_PORTAL:
        case TEND_BACKGROUND_ERROR_FAILED:
        default:
          break;
        }
    }

  /* Translators: A toast, short to fit a narrow window; "Details" says more. */
  return _("Cannot start at login");
}

/* The state file that says Tend asked the portal for autostart, so that turning it off
 * asks again without autostart, and never asks when nothing was ever asked: asking shows
 * the person a question the first time. */
static char *
get_portal_marker_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "tend", "portal-autostart", NULL);
}

static void
set_portal_marker (gboolean set)
{
  g_autofree char *path = get_portal_marker_path ();
  g_autoptr(GError) error = NULL;

  if (!set)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        g_message ("Could not remove %s: %s", path, g_strerror (errno));
      return;
    }

  {
    g_autofree char *dir = g_path_get_dirname (path);

    if (g_mkdir_with_parents (dir, 0700) != 0 ||
        !g_file_set_contents (path, "", 0, &error))
      g_message ("Could not write %s: %s", path,
                 error != NULL ? error->message : g_strerror (errno));
  }
}

/* The Exec= value for one argument, quoted as the Desktop Entry Specification asks when
 * the path holds a reserved character. */
static char *
quote_exec_argument (const char *argument)
{
  static const char reserved[] = " \t\n\"'\\><~|&;$*?#()`";
  GString *quoted;

  if (strpbrk (argument, reserved) == NULL && strchr (argument, '%') == NULL)
    return g_strdup (argument);

  quoted = g_string_new ("\"");
  for (const char *p = argument; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '`' || *p == '$' || *p == '\\')
        g_string_append_c (quoted, '\\');
      if (*p == '%')
        g_string_append_c (quoted, '%');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');

  return g_string_free (quoted, FALSE);
}

/* What Tend writes, always the same for one install: a file with anything else in it was
 * not written by this Tend, or was changed since, and is left as it is. The name is Tend's,
 * which is not translated, so the file does not change with the language. */
static char *
make_autostart_contents (void)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *exec = quote_exec_argument (MONITOR_COMMAND);
  const char *group = G_KEY_FILE_DESKTOP_GROUP;

  g_key_file_set_string (key_file, group, G_KEY_FILE_DESKTOP_KEY_TYPE,
                         G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  g_key_file_set_string (key_file, group, G_KEY_FILE_DESKTOP_KEY_NAME, "Tend");
  g_key_file_set_string (key_file, group, G_KEY_FILE_DESKTOP_KEY_ICON, APP_ID);
  g_key_file_set_string (key_file, group, G_KEY_FILE_DESKTOP_KEY_EXEC, exec);
  g_key_file_set_boolean (key_file, group, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (key_file, group, "X-GNOME-Autostart-enabled", TRUE);

  return g_key_file_to_data (key_file, NULL, NULL);
}

typedef enum
{
  AUTOSTART_FILE_ABSENT,
  AUTOSTART_FILE_OURS,
  AUTOSTART_FILE_OTHER,
} AutostartFileState;

static AutostartFileState
get_autostart_file_state (const char *path,
                          const char *ours)
{
  g_autofree char *contents = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
    return AUTOSTART_FILE_ABSENT;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK) &&
      g_file_get_contents (path, &contents, NULL, NULL) &&
      g_strcmp0 (contents, ours) == 0)
    return AUTOSTART_FILE_OURS;

  return AUTOSTART_FILE_OTHER;
}

/* Writes or removes the XDG autostart file. A file Tend did not write, or that was changed
 * after, is the person's (or another tool's): it is never overwritten nor removed. */
static gboolean
update_autostart_file (gboolean   wanted,
                       GError   **error)
{
  g_autofree char *path = tend_background_get_autostart_path ();
  g_autofree char *ours = make_autostart_contents ();
  g_autoptr(GError) local_error = NULL;

  switch (get_autostart_file_state (path, ours))
    {
    case AUTOSTART_FILE_OTHER:
      g_debug ("%s was not written by Tend; it is left as it is", path);
      return TRUE;

    case AUTOSTART_FILE_OURS:
      if (!wanted && g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_message ("Could not remove %s: %s", path, g_strerror (saved_errno));
          g_set_error (error, TEND_BACKGROUND_ERROR, TEND_BACKGROUND_ERROR_FAILED,
                       /* Translators: %s is the path of a file; the next sentence is the reason. */
                       _("Tend could not stop starting at login: %s could not be removed (%s)."),
                       path, g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;

    case AUTOSTART_FILE_ABSENT:
    default:
      if (!wanted)
        return TRUE;
      break;
    }

  {
    g_autofree char *dir = g_path_get_dirname (path);

    if (g_mkdir_with_parents (dir, 0755) != 0)
      g_set_error_literal (&local_error, G_FILE_ERROR, g_file_error_from_errno (errno),
                           g_strerror (errno));
    else
      g_file_set_contents (path, ours, -1, &local_error);
  }

  if (local_error != NULL)
    {
      g_message ("Could not write %s: %s", path, local_error->message);
      g_set_error (error, TEND_BACKGROUND_ERROR, TEND_BACKGROUND_ERROR_FAILED,
                   /* Translators: %s is a short reason, such as “Permission denied”. */
                   _("Tend could not arrange to start at login, because a file in your "
                     "settings folder could not be written (%s)."),
                   local_error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_missing_portal (const GError *error)
{
  return g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_INTERFACE) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT);
}

static void
background_requested_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SyncData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean allowed;

  /* libportal gives FALSE without an error when the answer was "no", and
   * G_IO_ERROR_CANCELLED when the dialog was dismissed. */
  allowed = xdp_portal_request_background_finish (XDP_PORTAL (object), result, &error);

  if (!data->at_login)
    {
      /* Asked without autostart, which drops the portal's autostart entry whatever the
       * answer. A "no" to running in the background was the person's own answer, just
       * given or remembered, and needs no more words. Without an answer the entry may
       * still be there: asked again next time. */
      if (error == NULL || is_missing_portal (error))
        set_portal_marker (FALSE);
      else
        g_message ("The Background portal did not drop Tend's autostart: %s", error->message);

      g_task_return_boolean (task, TRUE);
      return;
    }

  if (allowed)
    {
      set_portal_marker (TRUE);
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (error != NULL && is_missing_portal (error))
    {
      /* An autostart file would be written inside the sandbox, where nothing reads it. */
      g_message ("No Background portal: %s", error->message);
      g_settings_set_boolean (data->settings, "autostart", FALSE);
      g_task_return_new_error (task, TEND_BACKGROUND_ERROR, TEND_BACKGROUND_ERROR_NO_PORTAL,
                               "%s",
                               NO_PORTAL_MESSAGE);
      return;
    }

  if (error == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_settings_set_boolean (data->settings, "autostart", FALSE);
      g_task_return_new_error (task, TEND_BACKGROUND_ERROR, TEND_BACKGROUND_ERROR_REFUSED,
                               "%s",
                               _("Starting at login was turned off. To allow it later, let "
                                 "Tend run in the background in Settings, under Apps, then "
                                 "turn starting at login back on in Tend’s preferences."));
      return;
    }

  g_message ("The Background portal failed: %s", error->message);
  g_task_return_new_error (task, TEND_BACKGROUND_ERROR, TEND_BACKGROUND_ERROR_FAILED, "%s",
                           _("Tend could not arrange to start at login. It will try again "
                             "the next time it opens."));
}

static void
request_background (GTask *task)
{
  SyncData *data = g_task_get_task_data (task);
  g_autoptr(XdpPortal) portal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XdpParent) parent = NULL;
  GPtrArray *commandline;
  const char *reason;

  portal = xdp_portal_initable_new (&error);
  if (portal == NULL)
    {
      g_message ("No portal: %s", error->message);
      if (!data->at_login)
        {
          g_task_return_boolean (task, TRUE);
          return;
        }

      g_settings_set_boolean (data->settings, "autostart", FALSE);
      g_task_return_new_error (task, TEND_BACKGROUND_ERROR, TEND_BACKGROUND_ERROR_NO_PORTAL,
                               "%s",
                               NO_PORTAL_MESSAGE);
      return;
    }

  /* libportal exports the window to name it to the portal, which needs it realized; and
   * it would never answer for a window it cannot export. */
  if (data->parent != NULL && gtk_widget_get_realized (GTK_WIDGET (data->parent)))
    parent = xdp_parent_new_gtk (data->parent);

  /* In the sandbox the portal runs "flatpak run --command=ARGV0 APP_ID", and libexecdir is
   * not in the sandbox's PATH: the command is the full path, as in the D-Bus service file.
   * libportal takes the array. */
  commandline = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (commandline, g_strdup (MONITOR_COMMAND));

  if (data->at_login)
    /* Translators: Shown by the desktop when Tend asks to start at login. */
    reason = _("Tend records usage time and sends your reminders in the background, from "
               "when you log in.");
  else
    /* Translators: Shown by the desktop when Tend asks to keep running after its window
     * is closed. */
    reason = _("Tend records usage time and sends your reminders in the background, also "
               "after its window is closed.");

  /* No cancellable: libportal 0.9 drops a cancelled request without ever answering. */
  xdp_portal_request_background (portal, parent, (char *) reason, commandline,
                                 data->at_login ? XDP_BACKGROUND_FLAG_AUTOSTART
                                                : XDP_BACKGROUND_FLAG_NONE,
                                 NULL, background_requested_cb, g_object_ref (task));
}

/* The second step: starting at login, or no longer. */
static void
update_autostart (GTask *task)
{
  SyncData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* A file left by a plain install of Tend goes whenever starting at login is off. */
  if (!update_autostart_file (data->at_login && !tend_background_is_sandboxed (), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* On a plain install the XDG autostart file does it: the portal names an app by its
   * sandbox, or by the systemd scope it was launched in, which a host app started from a
   * terminal, a session script or another launcher often lacks, so it cannot reliably tell
   * which program should start at login. */
  if (!tend_background_is_sandboxed ())
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* In the sandbox the portal also gives the permission to run without a window, which the
   * monitor needs whenever it runs; without it the desktop may end it. */
  if (data->needed)
    {
      request_background (task);
      return;
    }

  {
    g_autofree char *marker = get_portal_marker_path ();

    if (g_file_test (marker, G_FILE_TEST_EXISTS))
      {
        request_background (task);
        return;
      }
  }

  g_task_return_boolean (task, TRUE);
}

static void
monitor_started_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply != NULL)
    {
      update_autostart (task);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_message ("Could not start %s: %s", MONITOR_BUS_NAME, error->message);

  if (g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_EXEC_FAILED) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_FILE_INVALID))
    g_task_return_new_error (task, TEND_BACKGROUND_ERROR, TEND_BACKGROUND_ERROR_NO_MONITOR,
                             "%s",
                             _("Usage time and reminders need a part of Tend that is not "
                               "installed. Installing Tend again should bring it back."));
  else
    g_task_return_new_error (task, TEND_BACKGROUND_ERROR, TEND_BACKGROUND_ERROR_MONITOR_FAILED,
                             "%s",
                             _("The part of Tend that records usage time and sends reminders "
                               "did not start. Tend will try again the next time it opens."));
}

static void
session_bus_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;

  bus = g_bus_get_finish (result, &error);
  if (bus == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      g_message ("No session bus: %s", error->message);
      g_task_return_new_error (task, TEND_BACKGROUND_ERROR, TEND_BACKGROUND_ERROR_MONITOR_FAILED,
                               "%s",
                               _("The part of Tend that records usage time and sends "
                                 "reminders did not start. Tend will try again the next "
                                 "time it opens."));
      return;
    }

  /* A ping reaches the monitor if it runs, whoever started it; otherwise D-Bus starts it
   * from its service file first. (StartServiceByName would fail without a service file
   * even while the name has an owner.) In Flatpak the exported service file runs it in a
   * sandbox of its own, so it outlives the window. */
  g_dbus_connection_call (bus, MONITOR_BUS_NAME, "/",
                          "org.freedesktop.DBus.Peer", "Ping",
                          NULL, G_VARIANT_TYPE_UNIT,
                          G_DBUS_CALL_FLAGS_NONE, -1, cancellable, monitor_started_cb,
                          g_steal_pointer (&task));
}

/**
 * tend_background_sync_async:
 * @settings: Tend's settings
 * @parent: (nullable): the window a question from the desktop belongs to
 *
 * Makes the background monitor run, and start at login, as @settings say: it is needed
 * while usage-tracking or check-in-reminder is on, and starts at login when autostart is
 * on too. It is started now if needed; when it is not, it ends by itself. Running it again
 * with the same settings changes nothing.
 *
 * When the person does not allow Tend to start at login, or the desktop cannot do it,
 * autostart is turned off and the error (%TEND_BACKGROUND_ERROR) says so in plain words.
 */
void
tend_background_sync_async (GSettings           *settings,
                            GtkWindow           *parent,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SyncData *data;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (SyncData, 1);
  data->settings = g_object_ref (settings);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->needed = g_settings_get_boolean (settings, "usage-tracking") ||
                 g_settings_get_boolean (settings, "check-in-reminder");
  data->at_login = data->needed && g_settings_get_boolean (settings, "autostart");

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tend_background_sync_async);
  g_task_set_task_data (task, data, (GDestroyNotify) sync_data_free);

  if (data->needed)
    g_bus_get (G_BUS_TYPE_SESSION, cancellable, session_bus_cb, g_steal_pointer (&task));
  else
    update_autostart (task);
}

/**
 * tend_background_sync_finish:
 *
 * Returns: %TRUE when the world matches the settings
 */
gboolean
tend_background_sync_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, tend_background_sync_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
