/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tend-monitor: Tend's small background program. It records usage time and shows the
 * reminders while usage time or the check-in reminder is on, and exits by itself when
 * both are off. D-Bus starts it by name (the app asks for it), and so does the autostart
 * at login. One runs at a time: a second one finds the name taken and leaves quietly.
 *
 *   tend-monitor [--idle-threshold SECONDS]
 */

#define G_LOG_DOMAIN "tend-monitor"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <locale.h>

#include "tend-context.h"
#include "tend-monitor.h"

/* org.freedesktop.DBus.RequestName's flags and replies. */
#define NAME_FLAG_DO_NOT_QUEUE 4
#define NAME_REPLY_PRIMARY_OWNER 1
#define NAME_REPLY_ALREADY_OWNER 4

typedef struct
{
  GMainLoop   *loop;
  TendMonitor *monitor;
} Run;

static gboolean
quit_cb (gpointer user_data)
{
  Run *run = user_data;

  g_main_loop_quit (run->loop);
  return G_SOURCE_CONTINUE;
}

static void
settings_changed_cb (GSettings  *settings,
                     const char *key,
                     Run        *run)
{
  if (!tend_monitor_is_needed (run->monitor))
    {
      g_debug ("Usage time and the check-in reminder are off: nothing left to do");
      g_main_loop_quit (run->loop);
    }
}

static void
connection_closed_cb (GDBusConnection *connection,
                      gboolean         remote_peer_vanished,
                      GError          *error,
                      Run             *run)
{
  g_debug ("The session bus has gone away");
  g_main_loop_quit (run->loop);
}

static TendIdleSource *
new_source_with_threshold (gpointer   user_data,
                           GError   **error)
{
  return tend_idle_source_new_best_full (GPOINTER_TO_UINT (user_data), error);
}

/* Returns whether this process now owns the monitor's name. */
static gboolean
own_name (GDBusConnection  *connection,
          GError          **error)
{
  g_autoptr(GVariant) reply = NULL;
  guint32 result;

  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus",
                                       "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "RequestName",
                                       g_variant_new ("(su)", MONITOR_BUS_NAME,
                                                      NAME_FLAG_DO_NOT_QUEUE),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, error);
  if (reply == NULL)
    return FALSE;

  g_variant_get (reply, "(u)", &result);
  return result == NAME_REPLY_PRIMARY_OWNER || result == NAME_REPLY_ALREADY_OWNER;
}

static TendDatabase *
open_journal (TendClock *clock)
{
  g_autoptr(TendContext) context = tend_context_new (NULL, clock);
  g_autofree char *path = tend_context_get_journal_path (context);
  g_autoptr(GError) error = NULL;
  TendDatabase *database;

  /* Never tend_context_open(): a damaged journal is the app's to deal with, with the
   * person; the monitor leaves it exactly as it is. */
  database = tend_database_open (path, &error);
  if (database == NULL)
    g_printerr (_("Usage time is not recorded and the check-in reminder is off: %s\n"),
                error->message);

  return database;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(TendClock) clock = NULL;
  g_autoptr(TendDatabase) database = NULL;
  g_autoptr(TendNotifier) notifier = NULL;
  g_autoptr(TendMonitor) monitor = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  const char *localedir;
  int idle_threshold = 0;
  Run run = { 0 };
  GOptionEntry entries[] = {
    { "idle-threshold", 0, 0, G_OPTION_ARG_INT, &idle_threshold,
      N_("For trying things out: idle after this many seconds without input, instead of 120"),
      N_("SECONDS") },
    { NULL }
  };

  localedir = g_getenv ("TEND_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("tend-monitor");

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Tend’s background monitor: records usage time and shows "
                                  "reminders."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (option_context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (idle_threshold < 0)
    {
      g_printerr (_("The idle threshold is a number of seconds, at least 1.\n"));
      return 2;
    }

  settings = g_settings_new (BASE_APP_ID);
  if (!g_settings_get_boolean (settings, "usage-tracking") &&
      !g_settings_get_boolean (settings, "check-in-reminder"))
    {
      g_debug ("Usage time and the check-in reminder are off: nothing to do");
      return 0;
    }

  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (connection == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  /* The open span is closed before leaving, even when the bus goes first. */
  g_dbus_connection_set_exit_on_close (connection, FALSE);

  clock = tend_clock_new_system ();
  database = open_journal (clock);

  notifier = tend_notifier_new (&error);
  if (notifier == NULL)
    {
      g_debug ("No notifications yet: %s", error->message);
      g_clear_error (&error);
    }

  monitor = tend_monitor_new (database, clock, settings, notifier);
  if (idle_threshold > 0)
    {
      guint threshold_ms = (guint) MIN (idle_threshold, 24 * 60 * 60) * 1000;

      tend_monitor_set_source_func (monitor, new_source_with_threshold,
                                    GUINT_TO_POINTER (threshold_ms), NULL);
    }
  /* Exported before the name is taken, so the app never sees the name without the state. */
  if (!tend_monitor_export (monitor, connection, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* Nothing has been recorded or shown yet: a second monitor leaves it to the first. */
  if (!own_name (connection, &error))
    {
      if (error != NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_debug ("Another monitor is running");
      return 0;
    }

  loop = g_main_loop_new (NULL, FALSE);
  run.loop = loop;
  run.monitor = monitor;

  g_unix_signal_add (SIGTERM, quit_cb, &run);
  g_unix_signal_add (SIGINT, quit_cb, &run);
  g_signal_connect (settings, "changed::usage-tracking", G_CALLBACK (settings_changed_cb), &run);
  g_signal_connect (settings, "changed::check-in-reminder", G_CALLBACK (settings_changed_cb), &run);
  g_signal_connect (connection, "closed", G_CALLBACK (connection_closed_cb), &run);

  tend_monitor_start (monitor);
  tend_monitor_watch_session (monitor);
  /* Turned off between the first look and now. */
  if (tend_monitor_is_needed (monitor))
    g_main_loop_run (loop);

  tend_monitor_stop (monitor);
  g_signal_handlers_disconnect_by_data (settings, &run);
  g_signal_handlers_disconnect_by_data (connection, &run);
  g_clear_object (&monitor);
  g_clear_object (&notifier);
  if (!g_dbus_connection_is_closed (connection))
    g_dbus_connection_flush_sync (connection, NULL, NULL);

  return 0;
}
