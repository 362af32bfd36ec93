/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib-unix.h>
#include <stdlib.h>

#include "tend-monitor-dbus.h"

/* A stand-in for the background monitor, for screenshots of the Usage page: it owns
 * the monitor's bus name on the session bus and shows the state it is given, until it is
 * stopped.
 *
 *   fake-monitor [--active] [--locked] [--stretch-minutes N] [--source NAME] [--error TEXT]
 */

static gboolean active;
static gboolean locked;
static int stretch_minutes;
static char *source = NULL;
static char *source_error = NULL;

static const GOptionEntry entries[] = {
  { "active", 0, 0, G_OPTION_ARG_NONE, &active, "Someone is using the computer", NULL },
  { "locked", 0, 0, G_OPTION_ARG_NONE, &locked, "The session is locked", NULL },
  { "stretch-minutes", 0, 0, G_OPTION_ARG_INT, &stretch_minutes,
    "The current stretch of use began N minutes ago", "N" },
  { "source", 0, 0, G_OPTION_ARG_STRING, &source, "The activity source", "NAME" },
  { "error", 0, 0, G_OPTION_ARG_STRING, &source_error, "Why no source works", "TEXT" },
  { NULL }
};

static void
bus_acquired_cb (GDBusConnection *connection,
                 const char      *name,
                 gpointer         user_data)
{
  TendDBusMonitor1 *monitor = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_dbus_interface_skeleton_export (G_DBUS_INTERFACE_SKELETON (monitor), connection,
                                         MONITOR_OBJECT_PATH, &error))
    {
      g_printerr ("fake-monitor: %s\n", error->message);
      exit (EXIT_FAILURE);
    }
}

static gboolean acquired;

static void
name_acquired_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  acquired = TRUE;
}

/* Also when the bus goes away at the end of a screenshot: then quietly. */
static void
name_lost_cb (GDBusConnection *connection,
              const char      *name,
              gpointer         user_data)
{
  if (acquired)
    exit (EXIT_SUCCESS);

  g_printerr ("fake-monitor: could not own %s\n", name);
  exit (EXIT_FAILURE);
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(TendDBusMonitor1) monitor = tend_dbus_monitor1_skeleton_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  guint owner_id;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("fake-monitor: %s\n", error->message);
      return EXIT_FAILURE;
    }

  tend_dbus_monitor1_set_source (monitor, source != NULL ? source : "mutter");
  tend_dbus_monitor1_set_source_error (monitor, source_error != NULL ? source_error : "");
  tend_dbus_monitor1_set_active (monitor, active);
  tend_dbus_monitor1_set_locked (monitor, locked);
  if (active && stretch_minutes > 0)
    tend_dbus_monitor1_set_stretch_start (monitor, g_get_real_time () / G_USEC_PER_SEC -
                                                   stretch_minutes * 60);

  owner_id = g_bus_own_name (G_BUS_TYPE_SESSION, MONITOR_BUS_NAME, G_BUS_NAME_OWNER_FLAGS_NONE,
                             bus_acquired_cb, name_acquired_cb, name_lost_cb, monitor, NULL);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_main_loop_run (loop);
  g_bus_unown_name (owner_id);

  return EXIT_SUCCESS;
}
