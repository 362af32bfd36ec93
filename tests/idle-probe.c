/* SPDX-License-Identifier: GPL-3.0-or-later */
/* idle-probe: a developer tool, not a test. It starts an activity source, prints each change,
 * and at the end how often the process woke up (voluntary context switches), to check that
 * a source stays event-driven.
 *
 *   idle-probe [--source best|mutter|ext-idle-notify|xscreensaver] [--seconds N]
 *              [--threshold MS]
 */

#include "config.h"

#include <sys/resource.h>

#include "tend-idle-source.h"
#include "tend-idle-source-mutter.h"
#include "tend-idle-source-wayland.h"
#include "tend-idle-source-xss.h"

static void
changed_cb (TendIdleSource *source,
            gint64          since,
            gpointer        user_data)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local_usec (since);
  g_autofree char *text = g_date_time_format (time, "%H:%M:%S");

  g_print ("%s since %s\n", (const char *) user_data, text);
}

static void
error_cb (TendIdleSource *source,
          GParamSpec     *pspec,
          gpointer        user_data)
{
  g_print ("stopped: %s\n", tend_idle_source_get_error (source)->message);
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static long
count_wakeups (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_nvcsw;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *source_name = NULL;
  int seconds = 300;
  int threshold = TEND_IDLE_SOURCE_DEFAULT_THRESHOLD_MS;
  GOptionEntry entries[] = {
    { "source", 0, 0, G_OPTION_ARG_STRING, &source_name,
      "best, mutter, ext-idle-notify or xscreensaver", "NAME" },
    { "seconds", 0, 0, G_OPTION_ARG_INT, &seconds, "How long to watch", "N" },
    { "threshold", 0, 0, G_OPTION_ARG_INT, &threshold, "Idle after this many ms", "MS" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(TendIdleSource) source = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  long wakeups;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (source_name == NULL || g_str_equal (source_name, "best"))
    source = tend_idle_source_new_best (&error);
  else
    {
      if (g_str_equal (source_name, "mutter"))
        source = g_object_new (TEND_TYPE_IDLE_SOURCE_MUTTER, "threshold", threshold, NULL);
      else if (g_str_equal (source_name, "ext-idle-notify"))
        source = g_object_new (TEND_TYPE_IDLE_SOURCE_WAYLAND, "threshold", threshold, NULL);
      else if (g_str_equal (source_name, "xscreensaver"))
        source = g_object_new (TEND_TYPE_IDLE_SOURCE_XSS, "threshold", threshold, NULL);
      else
        {
          g_printerr ("No source called %s\n", source_name);
          return 2;
        }
      if (!tend_idle_source_start (source, &error))
        g_clear_object (&source);
    }

  if (source == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("source=%s threshold_ms=%u\n", tend_idle_source_get_name (source),
           tend_idle_source_get_threshold (source));
  if (TEND_IS_IDLE_SOURCE_WAYLAND (source))
    g_print ("ignores_inhibitors=%s\n",
             tend_idle_source_wayland_get_ignores_inhibitors (TEND_IDLE_SOURCE_WAYLAND (source)) ?
             "true" : "false");
  changed_cb (source, tend_idle_source_get_since (source),
              tend_idle_source_is_active (source) ? "started active" : "started idle");
  g_signal_connect (source, "active", G_CALLBACK (changed_cb), "active");
  g_signal_connect (source, "idle", G_CALLBACK (changed_cb), "idle");
  g_signal_connect (source, "notify::error", G_CALLBACK (error_cb), NULL);
  g_timeout_add_seconds (seconds, quit_cb, loop);

  wakeups = count_wakeups ();
  g_main_loop_run (loop);
  wakeups = count_wakeups () - wakeups;

  g_print ("seconds=%d wakeups=%ld wakeups_per_min=%.2f\n", seconds, wakeups,
           wakeups * 60.0 / seconds);

  return 0;
}
