/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>
#include <glib-unix.h>
#include <signal.h>

/* fake-bus-name NAME: owns NAME on the bus that started it until SIGTERM or SIGINT, so the
 * tests can have D-Bus start "the monitor" without running one. Exits 1 if it cannot own
 * NAME. */

static int status = 0;

static void
name_lost_cb (GDBusConnection *connection,
              const char      *name,
              gpointer         user_data)
{
  g_printerr ("fake-bus-name: %s was lost or could not be owned\n", name);
  status = 1;
  g_main_loop_quit (user_data);
}

static gboolean
signalled_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GMainLoop) loop = NULL;
  guint owner_id;

  if (argc != 2 || !g_dbus_is_name (argv[1]))
    {
      g_printerr ("Usage: fake-bus-name NAME\n");
      return 2;
    }

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, signalled_cb, loop);
  g_unix_signal_add (SIGINT, signalled_cb, loop);

  /* The starter bus: the one whose daemon started this program. */
  owner_id = g_bus_own_name (G_BUS_TYPE_STARTER, argv[1], G_BUS_NAME_OWNER_FLAGS_DO_NOT_QUEUE,
                             NULL, NULL, name_lost_cb, loop, NULL);
  g_main_loop_run (loop);
  g_bus_unown_name (owner_id);

  return status;
}
