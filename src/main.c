/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tend-application.h"

/* Without a session bus, GLib would try to start one for each first use of the bus
 * (`dbus-launch --autolaunch`, seconds each on X11): registering the application,
 * libadwaita's settings, the usage page's monitor. Tend never waits for that: with no bus
 * address and no bus at $XDG_RUNTIME_DIR/bus, the address is set empty, so each use fails
 * at once and Tend runs on its own (as one more instance, without the search provider). */
static void
never_autolaunch_a_bus (void)
{
  const char *runtime_dir = g_getenv ("XDG_RUNTIME_DIR");
  g_autofree char *user_bus = NULL;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL)
    return;

  user_bus = runtime_dir != NULL ? g_build_filename (runtime_dir, "bus", NULL) : NULL;
  if (user_bus != NULL && g_file_test (user_bus, G_FILE_TEST_EXISTS))
    return;

  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "", TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TendApplication) app = NULL;
  const char *localedir;

  /* `meson devenv` points this at the build's catalogues, so an uninstalled build is
   * translated too. */
  localedir = g_getenv ("TEND_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  never_autolaunch_a_bus ();
  app = tend_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
