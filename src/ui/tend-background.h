/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TEND_BACKGROUND_ERROR (tend_background_error_quark ())

/**
 * TendBackgroundError:
 * @TEND_BACKGROUND_ERROR_NO_MONITOR: the background monitor is not installed
 * @TEND_BACKGROUND_ERROR_MONITOR_FAILED: it is installed, but did not start
 * @TEND_BACKGROUND_ERROR_REFUSED: the person did not allow Tend to start at login
 * @TEND_BACKGROUND_ERROR_NO_PORTAL: in a sandbox, and the desktop has no Background portal
 * @TEND_BACKGROUND_ERROR_FAILED: starting at login could not be arranged for another reason
 *
 * Every message is in plain words, for the person.
 */
typedef enum
{
  TEND_BACKGROUND_ERROR_NO_MONITOR,
  TEND_BACKGROUND_ERROR_MONITOR_FAILED,
  TEND_BACKGROUND_ERROR_REFUSED,
  TEND_BACKGROUND_ERROR_NO_PORTAL,
  TEND_BACKGROUND_ERROR_FAILED,
} TendBackgroundError;

/* "1" or "0" forces the sandboxed or the plain way, for the tests; unset, Tend looks for
 * /.flatpak-info. */
#define TEND_BACKGROUND_SANDBOXED_ENV "TEND_SANDBOXED"

GQuark       tend_background_error_quark        (void);
gboolean     tend_background_is_sandboxed       (void);
char        *tend_background_get_autostart_path (void);
const char  *tend_background_error_get_title    (const GError        *error);
void         tend_background_sync_async         (GSettings           *settings,
                                                 GtkWindow           *parent,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean     tend_background_sync_finish        (GAsyncResult        *result,
                                                 GError             **error);

G_END_DECLS
