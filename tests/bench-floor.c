/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>

/* The floor of "build-aux/dev bench startup": the least a libadwaita app can show, one
 * AdwApplicationWindow holding an AdwToolbarView with an AdwHeaderBar, at Tend's default
 * size. tests/bench-startup.c starts it and Tend alternately and compares them.
 *
 * Like Tend, with TEND_BENCH_FIRST_FRAME_FD set, the first frame in which the window was
 * drawn (its frame clock's "after-paint" once it is mapped) writes the monotonic time in
 * microseconds as one line to that fd, once. */

static void
after_paint_cb (GdkFrameClock *frame_clock,
                GtkWidget     *window)
{
  const char *fd_text = g_getenv ("TEND_BENCH_FIRST_FRAME_FD");
  gint64 now = g_get_monotonic_time ();
  int fd;

  /* Drawn only once the surface is on screen (on X11, after the server maps it): until
   * then a frame paints nothing. */
  if (!gtk_widget_get_mapped (window) ||
      !gdk_surface_get_mapped (gtk_native_get_surface (GTK_NATIVE (window))))
    return;

  g_signal_handlers_disconnect_by_func (frame_clock, after_paint_cb, window);
  if (fd_text == NULL)
    return;

  fd = (int) g_ascii_strtoll (fd_text, NULL, 10);
  if (fd > 2)
    {
      dprintf (fd, "%" G_GINT64_FORMAT "\n", now);
      g_close (fd, NULL);
    }
}

static void
window_realized_cb (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (after_paint_cb), window, 0);
}

static void
activate_cb (GApplication *application)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));
  GtkWidget *toolbar_view = adw_toolbar_view_new ();

  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar_view), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), toolbar_view);
  gtk_window_set_title (GTK_WINDOW (window), "Floor");
  /* Tend's default size (the window-width and window-height settings). */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 680);

  g_signal_connect (window, "realize", G_CALLBACK (window_realized_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application = NULL;

  application = adw_application_new ("io.github.tendapp.Tend.BenchFloor",
                                     G_APPLICATION_NON_UNIQUE);
  g_signal_connect (application, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (application), argc, argv);
}
