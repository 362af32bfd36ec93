/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  TEND_NOTICE_BREAK,              /* "Time for a Break": actions take-break, snooze */
  TEND_NOTICE_BREAK_OFFER_PAUSE,  /* after two snoozes in a row: take-break, pause-hour */
  TEND_NOTICE_EYE_REST,           /* no buttons; low urgency; transient; expires by itself */
  TEND_NOTICE_GOAL_PASSED,        /* default action open-usage */
  TEND_NOTICE_CHECK_IN,           /* check-in (button and default action) */
} TendNoticeKind;

#define TEND_NOTICE_ACTION_TAKE_BREAK "take-break"
#define TEND_NOTICE_ACTION_SNOOZE     "snooze"
#define TEND_NOTICE_ACTION_PAUSE_HOUR "pause-hour"
#define TEND_NOTICE_ACTION_OPEN_USAGE "open-usage"
#define TEND_NOTICE_ACTION_CHECK_IN   "check-in"

/* The eye-rest notice leaves by itself after this long. */
#define TEND_NOTICE_EYE_REST_TIMEOUT_MS 30000

#define TEND_NOTIFIER_ERROR (tend_notifier_error_quark ())

typedef enum
{
  TEND_NOTIFIER_ERROR_NO_SERVER,  /* nothing on the session bus shows notifications */
  TEND_NOTIFIER_ERROR_FAILED,     /* the notification service refused or failed */
} TendNotifierError;

/* TendNotifier: the monitor's reminders as desktop notifications (libnotify).
 *
 * One notice of each kind at most; the two break kinds share one notice and replace each
 * other. Signals:
 * - "action" (guint kind, const char *action_id): a button or the default action was
 *   used (clicking the notice itself counts as the kind's first action; EYE_REST has
 *   none). The notice is then closed, without "dismissed".
 * - "dismissed" (guint kind): the person closed the notice or it expired; never after
 *   tend_notifier_withdraw() or an action.
 * Disposing the notifier closes the notices it still shows: their buttons would no
 * longer reach anyone. */
#define TEND_TYPE_NOTIFIER (tend_notifier_get_type ())

G_DECLARE_FINAL_TYPE (TendNotifier, tend_notifier, TEND, NOTIFIER, GObject)

GQuark        tend_notifier_error_quark (void);

TendNotifier *tend_notifier_new         (GError         **error);
gboolean      tend_notifier_show        (TendNotifier    *self,
                                         TendNoticeKind   kind,
                                         guint            minutes,
                                         GError         **error);
void          tend_notifier_withdraw    (TendNotifier    *self,
                                         TendNoticeKind   kind);
gboolean      tend_notifier_is_shown    (TendNotifier    *self,
                                         TendNoticeKind   kind);

G_END_DECLS
