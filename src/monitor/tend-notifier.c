/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TendNotifier: the background monitor's reminders, shown through libnotify (no GTK).
 *
 * Each notice is one NotifyNotification kept while it is shown, so that showing the same
 * kind again updates it in place (the server replaces it by id) instead of stacking a
 * second one. Tend never makes sounds of its own and never asks for the urgent priority:
 * every notice carries "suppress-sound" and a normal (or low) urgency.
 *
 * A NotifyNotification must outlive the libnotify callback that reports its action or
 * its closing, so a notice leaving the notifier is released from an idle callback.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "tend-duration.h"
#include "tend-notifier.h"

/* The notices that can be shown at the same time. Both break kinds use SLOT_BREAK. */
typedef enum
{
  SLOT_BREAK,
  SLOT_EYE_REST,
  SLOT_GOAL_PASSED,
  SLOT_CHECK_IN,
  N_SLOTS
} Slot;

struct _TendNotifier
{
  GObject parent_instance;

  /* Owned */
  NotifyNotification *notices[N_SLOTS];

  /* The kind each shown notice is (the break slot holds either break kind) */
  TendNoticeKind      kinds[N_SLOTS];
};

G_DEFINE_FINAL_TYPE (TendNotifier, tend_notifier, G_TYPE_OBJECT)

G_DEFINE_QUARK (tend-notifier-error-quark, tend_notifier_error)

enum {
  ACTION,
  DISMISSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static Slot
slot_for_kind (TendNoticeKind kind)
{
  switch (kind)
    {
    case TEND_NOTICE_BREAK:
    case TEND_NOTICE_BREAK_OFFER_PAUSE:
      return SLOT_BREAK;
    case TEND_NOTICE_EYE_REST:
      return SLOT_EYE_REST;
    case TEND_NOTICE_GOAL_PASSED:
      return SLOT_GOAL_PASSED;
    case TEND_NOTICE_CHECK_IN:
      return SLOT_CHECK_IN;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_valid_kind (TendNoticeKind kind)
{
  return kind >= TEND_NOTICE_BREAK && kind <= TEND_NOTICE_CHECK_IN;
}

/* What clicking the notice itself does: its first action. */
static const char *
get_default_action (TendNoticeKind kind)
{
  switch (kind)
    {
    case TEND_NOTICE_BREAK:
    case TEND_NOTICE_BREAK_OFFER_PAUSE:
      return TEND_NOTICE_ACTION_TAKE_BREAK;
    case TEND_NOTICE_GOAL_PASSED:
      return TEND_NOTICE_ACTION_OPEN_USAGE;
    case TEND_NOTICE_CHECK_IN:
      return TEND_NOTICE_ACTION_CHECK_IN;
    case TEND_NOTICE_EYE_REST:
      return NULL;
    default:
      g_assert_not_reached ();
    }
}

static Slot
find_slot (TendNotifier       *self,
           NotifyNotification *notice)
{
  for (Slot slot = 0; slot < N_SLOTS; slot++)
    {
      if (self->notices[slot] == notice)
        return slot;
    }

  return N_SLOTS;
}

/* Takes the notice out of the notifier for good: nothing it reports reaches the notifier
 * any more. The last reference goes in an idle callback, as libnotify may be inside one of
 * the notice's own callbacks. */
static void
retire_notice (TendNotifier       *self,
               NotifyNotification *notice,
               gboolean            close)
{
  g_signal_handlers_disconnect_by_data (notice, self);
  notify_notification_clear_actions (notice);

  if (close)
    {
      g_autoptr(GError) error = NULL;

      /* Already gone from the server (it restarted, say) is fine: it is not shown. */
      if (!notify_notification_close (notice, &error))
        g_debug ("Could not close a notice: %s", error->message);
    }

  g_idle_add_once ((GSourceOnceFunc) g_object_unref, notice);
}

static void
notice_action_cb (NotifyNotification *notice,
                  char               *action,
                  gpointer            user_data)
{
  TendNotifier *self = TEND_NOTIFIER (user_data);
  g_autoptr(TendNotifier) hold = g_object_ref (self);
  g_autofree char *action_id = NULL;
  TendNoticeKind kind;
  Slot slot;

  slot = find_slot (self, notice);
  if (slot == N_SLOTS)
    return;

  kind = self->kinds[slot];
  if (g_strcmp0 (action, "default") == 0)
    action_id = g_strdup (get_default_action (kind));
  else
    action_id = g_strdup (action);

  if (action_id == NULL)
    return;

  /* The notice has done its work. Out of its slot first, so that a handler may show the
   * same kind again. */
  self->notices[slot] = NULL;
  retire_notice (self, notice, TRUE);

  /* The server's activation token, when it gives one, lets the window Tend opens take
   * the focus the click gave, as the desktop's focus rules ask. */
  g_signal_emit (self, signals[ACTION], 0, (guint) kind, action_id,
                 notify_notification_get_activation_token (notice));
}

static void
notice_closed_cb (NotifyNotification *notice,
                  TendNotifier       *self)
{
  g_autoptr(TendNotifier) hold = g_object_ref (self);
  TendNoticeKind kind;
  Slot slot;

  slot = find_slot (self, notice);
  if (slot == N_SLOTS)
    return;

  kind = self->kinds[slot];
  self->notices[slot] = NULL;
  retire_notice (self, notice, FALSE);

  g_debug ("Notice %u closed by the server (reason %d)", kind,
           notify_notification_get_closed_reason (notice));
  g_signal_emit (self, signals[DISMISSED], 0, (guint) kind);
}

static void
tend_notifier_dispose (GObject *object)
{
  TendNotifier *self = (TendNotifier *) object;

  for (Slot slot = 0; slot < N_SLOTS; slot++)
    {
      NotifyNotification *notice = g_steal_pointer (&self->notices[slot]);

      if (notice != NULL)
        retire_notice (self, notice, TRUE);
    }

  G_OBJECT_CLASS (tend_notifier_parent_class)->dispose (object);
}

static void
tend_notifier_class_init (TendNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tend_notifier_dispose;

  /**
   * TendNotifier::action:
   * @kind: the #TendNoticeKind of the notice
   * @action_id: what the person chose, one of the TEND_NOTICE_ACTION_* ids
   * @activation_token: (nullable): the token the notification server gave for the click,
   *   to pass on to the window it opens
   *
   * A button of a notice, or the notice itself, was clicked. The notice is closed.
   */
  signals[ACTION] =
    g_signal_new ("action",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_STRING, G_TYPE_STRING);

  /**
   * TendNotifier::dismissed:
   * @kind: the #TendNoticeKind of the notice
   *
   * The person closed a notice, or it expired. Not emitted after
   * tend_notifier_withdraw() or an action.
   */
  signals[DISMISSED] =
    g_signal_new ("dismissed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
tend_notifier_init (TendNotifier *self)
{
}

/**
 * tend_notifier_new:
 *
 * Connects to the desktop's notification service (through the notification portal in a
 * sandbox).
 *
 * Returns: (transfer full) (nullable): a notifier, or %NULL with @error set in plain words
 *   when no notification service answers
 */
TendNotifier *
tend_notifier_new (GError **error)
{
  g_autofree char *server_name = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The application name servers show; it is the app's name, not a sentence. */
  if (!notify_is_initted () && !notify_init ("Tend"))
    {
      g_set_error_literal (error, TEND_NOTIFIER_ERROR, TEND_NOTIFIER_ERROR_NO_SERVER,
                           /* Translators: Shown in Tend when its background monitor cannot
                            * show notifications at all. */
                           _("Notifications could not be set up, so reminders cannot be shown."));
      return NULL;
    }

  if (!notify_get_server_info (&server_name, NULL, NULL, NULL))
    {
      g_set_error_literal (error, TEND_NOTIFIER_ERROR, TEND_NOTIFIER_ERROR_NO_SERVER,
                           /* Translators: Shown in Tend when nothing on the desktop shows
                            * notifications (a bare window manager, say). */
                           _("No notification service is running on this desktop, so "
                             "reminders cannot be shown."));
      return NULL;
    }

  g_debug ("Notifications are shown by %s", server_name);

  return g_object_new (TEND_TYPE_NOTIFIER, NULL);
}

static void
add_action (TendNotifier       *self,
            NotifyNotification *notice,
            const char         *action_id,
            const char         *label)
{
  notify_notification_add_action (notice, action_id, label, notice_action_cb, self, NULL);
}

/* Both break kinds start with "Take a Break", which clicking the notice itself does too. */
static void
add_break_action (TendNotifier       *self,
                  NotifyNotification *notice)
{
  /* Translators: A button of the break reminder: it opens Tend's breathing exercise. */
  const char *label = C_("notification action", "Take a Break");

  add_action (self, notice, "default", label);
  add_action (self, notice, TEND_NOTICE_ACTION_TAKE_BREAK, label);
}

/* Sets the words, actions and hints of a notice of @kind. */
static void
fill_notice (TendNotifier       *self,
             NotifyNotification *notice,
             TendNoticeKind      kind,
             guint               minutes)
{
  g_autofree char *body = NULL;
  const char *title = NULL;
  const char *label;
  NotifyUrgency urgency = NOTIFY_URGENCY_NORMAL;
  int timeout = NOTIFY_EXPIRES_DEFAULT;

  notify_notification_clear_actions (notice);
  notify_notification_clear_hints (notice);

  switch (kind)
    {
    case TEND_NOTICE_BREAK:
      /* Translators: The title of the break reminder, a notification. */
      title = _("Time for a Break");
      body = g_strdup_printf (
        /* Translators: The text of the break reminder; %u is a number of minutes of
         * continuous use, at least a few. */
        ngettext ("You have been using the computer for %u minute. A few minutes away "
                  "could feel good.",
                  "You have been using the computer for %u minutes. A few minutes away "
                  "could feel good.",
                  minutes),
        minutes);
      add_break_action (self, notice);
      /* Translators: A button of the break reminder: reminds again in ten minutes. */
      label = C_("notification action", "In 10 Minutes");
      add_action (self, notice, TEND_NOTICE_ACTION_SNOOZE, label);
      break;

    case TEND_NOTICE_BREAK_OFFER_PAUSE:
      /* Translators: The title of the break reminder, a notification. */
      title = _("Time for a Break");
      /* Translators: The text of the break reminder after it was put off twice in a row. */
      body = g_strdup (_("Still in the middle of something? Reminders can rest for an "
                         "hour."));
      add_break_action (self, notice);
      /* Translators: A button of the break reminder: no reminders for the next hour. */
      label = C_("notification action", "Pause for an Hour");
      add_action (self, notice, TEND_NOTICE_ACTION_PAUSE_HOUR, label);
      break;

    case TEND_NOTICE_EYE_REST:
      /* Translators: The title of the eye rest reminder (20-20-20), a notification. */
      title = _("Rest Your Eyes");
      /* Translators: The text of the eye rest reminder, a notification. */
      body = g_strdup (_("Look at something far away for 20 seconds."));
      urgency = NOTIFY_URGENCY_LOW;
      timeout = TEND_NOTICE_EYE_REST_TIMEOUT_MS;
      /* Not kept in the notification list once it has gone. */
      notify_notification_set_hint (notice, "transient", g_variant_new_boolean (TRUE));
      break;

    case TEND_NOTICE_GOAL_PASSED:
      {
        g_autofree char *goal = tend_usage_format_duration (minutes * 60);

        /* Translators: The title of the notification that today's screen time has passed
         * the daily goal the person chose. */
        title = _("Daily Goal Reached");
        /* Translators: The text of that notification; %s is the goal, a duration such as
         * “3 hours” or “1 hour 30 minutes”. */
        body = g_strdup_printf (_("Today’s screen time has reached your goal of %s."), goal);
        /* Translators: What clicking the daily goal notification does: it shows Tend's
         * Usage page. Some notification lists show it as a button. */
        label = C_("notification action", "Show Screen Time");
        add_action (self, notice, "default", label);
      }
      break;

    case TEND_NOTICE_CHECK_IN:
      /* Translators: The title of the daily check-in reminder, a notification. */
      title = _("How Are You Today?");
      /* Translators: The text of the daily check-in reminder. */
      body = g_strdup (_("A check-in takes a few seconds, whenever you are ready."));
      /* Translators: The button of the daily check-in reminder: it opens a new check-in. */
      label = C_("notification action", "Check In");
      /* Clicking the notice itself does the same. */
      add_action (self, notice, "default", label);
      add_action (self, notice, TEND_NOTICE_ACTION_CHECK_IN, label);
      break;

    default:
      g_assert_not_reached ();
    }

  notify_notification_update (notice, title, body, APP_ID);
  notify_notification_set_urgency (notice, urgency);
  notify_notification_set_timeout (notice, timeout);
  notify_notification_set_hint (notice, "desktop-entry", g_variant_new_string (APP_ID));
  notify_notification_set_hint (notice, "suppress-sound", g_variant_new_boolean (TRUE));
}

/**
 * tend_notifier_show:
 * @kind: what to show
 * @minutes: for the break kinds, the minutes of continuous use; for %TEND_NOTICE_GOAL_PASSED,
 *   the daily goal; otherwise 0
 *
 * Shows a notice, or updates the one of the same kind already shown; the two break kinds
 * replace each other.
 *
 * Returns: whether the notice is shown; if not, @error says why in plain words
 */
gboolean
tend_notifier_show (TendNotifier    *self,
                    TendNoticeKind   kind,
                    guint            minutes,
                    GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  NotifyNotification *notice;
  Slot slot;

  g_return_val_if_fail (TEND_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (is_valid_kind (kind), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  slot = slot_for_kind (kind);
  notice = g_steal_pointer (&self->notices[slot]);
  if (notice == NULL)
    {
      notice = notify_notification_new ("", NULL, NULL);
      g_signal_connect (notice, "closed", G_CALLBACK (notice_closed_cb), self);
    }

  fill_notice (self, notice, kind, minutes);

  if (!notify_notification_show (notice, &local_error))
    {
      /* Whatever the server still shows of an earlier version, its actions are gone. */
      retire_notice (self, notice, FALSE);
      g_dbus_error_strip_remote_error (local_error);
      g_set_error (error, TEND_NOTIFIER_ERROR, TEND_NOTIFIER_ERROR_FAILED,
                   /* Translators: A reminder could not be shown; %s is the reason the
                    * desktop gave, often technical. */
                   _("The desktop did not show the reminder: %s"), local_error->message);
      return FALSE;
    }

  self->notices[slot] = notice;
  self->kinds[slot] = kind;

  return TRUE;
}

/**
 * tend_notifier_withdraw:
 * @kind: what to withdraw; either break kind withdraws the break notice, whichever it is
 *
 * Closes the notice of @kind if it is shown, without emitting "dismissed".
 */
void
tend_notifier_withdraw (TendNotifier   *self,
                        TendNoticeKind  kind)
{
  NotifyNotification *notice;

  g_return_if_fail (TEND_IS_NOTIFIER (self));
  g_return_if_fail (is_valid_kind (kind));

  notice = g_steal_pointer (&self->notices[slot_for_kind (kind)]);
  if (notice != NULL)
    retire_notice (self, notice, TRUE);
}

/**
 * tend_notifier_is_shown:
 *
 * Returns: whether a notice of exactly @kind is shown
 */
gboolean
tend_notifier_is_shown (TendNotifier   *self,
                        TendNoticeKind  kind)
{
  Slot slot;

  g_return_val_if_fail (TEND_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (is_valid_kind (kind), FALSE);

  slot = slot_for_kind (kind);

  return self->notices[slot] != NULL && self->kinds[slot] == kind;
}
