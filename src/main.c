/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tend-application.h"

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

  app = tend_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
