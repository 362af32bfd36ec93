/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TendMonitor: the background monitor's work, wired together.
 *
 * An activity source says when the person is using the computer; the usage tracker stores
 * the spans of that use; the reminders work out what is due and when; the notifier shows
 * it. Everything is driven by events: a change of activity, lock or settings, a notice's
 * button, or one of three timers:
 * - while active only, a tick a minute that writes the open span's end;
 * - one timeout to the next moment anything is due (a reminder, the end of a pause, the
 *   end of a natural break while a break notice waits, the end of the goal notice's day),
 *   recomputed after every change;
 * - one timeout to the daily check-in reminder.
 * While idle, nothing here wakes up: the activity source has its own slow check, if any.
 *
 * Lock (from the portal's session monitor) counts as idle, and so does a session that is
 * ending. The live state is exported as io.github.tendapp.Tend.Monitor1 for the app. */

#define G_LOG_DOMAIN "tend-monitor"

#include "config.h"

#include <glib/gi18n.h>
#include <libportal/portal.h>

#include "tend-date.h"
#include "tend-journal.h"
#include "tend-monitor.h"
#include "tend-monitor-dbus.h"

#define HOUR_S         (60 * 60)
#define MINUTES_A_DAY  (24 * 60)

struct _TendMonitor
{
  GObject                parent_instance;

  /* Owned */
  TendDatabase          *database;  /* NULL when the journal could not be opened */
  TendJournal           *journal;
  TendClock             *clock;
  GSettings             *settings;
  TendNotifier          *notifier;  /* NULL until a notification server answers */
  TendUsage             *usage;
  TendReminders         *reminders;
  TendIdleSource        *source;
  char                  *source_error;
  TendDBusMonitor1      *skeleton;
  GDBusConnection       *connection;
  GFileMonitor          *journal_monitor;
  XdpPortal             *portal;
  GCancellable          *cancellable;
  char                  *background_status;

  TendMonitorSourceFunc  source_func;
  gpointer               source_data;
  GDestroyNotify         source_destroy;

  guint                  tick_id;
  guint                  due_id;
  guint                  check_in_id;

  gint64                 paused_setting;      /* reminders-paused-until as last read */
  gint64                 idle_since;          /* unix s: the last input, or the lock */
  guint                  check_in_day;        /* Julian local day whose check-in is settled */
  guint                  check_in_shown_day;  /* the day of the check-in notice shown */
  guint                  goal_shown_day;      /* the usage day of the goal notice shown */

  gboolean               started;
  gboolean               tracking;
  gboolean               active;
  gboolean               locked;
  gboolean               ending;
  gboolean               sandboxed;
  gboolean               session_monitored;
  gboolean               evaluating;
  gboolean               evaluate_again;
};

G_DEFINE_FINAL_TYPE (TendMonitor, tend_monitor, G_TYPE_OBJECT)

static void evaluate (TendMonitor *self);

/* Time ----------------------------------------------------------------------------- */

static gint64
now_unix (TendMonitor *self)
{
  g_autoptr(GDateTime) now = tend_clock_get_now (self->clock);

  return g_date_time_to_unix (now);
}

static guint
local_julian_day (gint64 unix_s)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_s);
  g_autoptr(GDate) day = g_date_new_dmy (g_date_time_get_day_of_month (time),
                                         g_date_time_get_month (time),
                                         g_date_time_get_year (time));

  return g_date_get_julian (day);
}

/* The unix time of @minute (after local midnight) on the local day of @unix_s, plus
 * @add_days days. */
static gint64
local_time_on (gint64 unix_s,
               guint  minute,
               int    add_days)
{
  g_autoptr(GDateTime) day = g_date_time_new_from_unix_local (unix_s);
  g_autoptr(GDateTime) moved = g_date_time_add_days (day, add_days);
  int year, month, mday;

  g_date_time_get_ymd (moved, &year, &month, &mday);

  /* A time that the change to summer time skips comes an hour later. */
  for (guint hour = minute / 60; hour < 24; hour++)
    {
      g_autoptr(GDateTime) at = g_date_time_new_local (year, month, mday, hour, minute % 60, 0);

      if (at != NULL)
        return g_date_time_to_unix (at);
    }

  return g_date_time_to_unix (moved);
}

static guint
usage_julian_day (gint64 unix_s)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_s);
  GDate day;

  tend_usage_get_day_of (time, &day);
  return g_date_get_julian (&day);
}

static gint64
next_usage_day_start (gint64 unix_s)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_s);
  GDate day;

  tend_usage_get_day_of (time, &day);
  g_date_add_days (&day, 1);
  return tend_usage_get_day_start (&day);
}

static guint
timeout_add_at (TendMonitor *self,
                gint64       at,
                GSourceFunc  func)
{
  gint64 delay = at - now_unix (self);

  return g_timeout_add_seconds ((guint) CLAMP (delay, 1, G_MAXUINT / 1000), func, self);
}

/* Notices -------------------------------------------------------------------------- */

static void notice_action_cb    (TendMonitor *self,
                                 guint        kind,
                                 const char  *action_id,
                                 const char  *activation_token);
static void notice_dismissed_cb (TendMonitor *self,
                                 guint        kind);

static void
take_notifier (TendMonitor  *self,
               TendNotifier *notifier)
{
  self->notifier = notifier;
  g_signal_connect_object (notifier, "action", G_CALLBACK (notice_action_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (notifier, "dismissed", G_CALLBACK (notice_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
show_notice (TendMonitor    *self,
             TendNoticeKind  kind,
             guint           minutes)
{
  g_autoptr(GError) error = NULL;

  /* A notification server may come up after the monitor, as at login. */
  if (self->notifier == NULL)
    {
      TendNotifier *notifier = tend_notifier_new (&error);

      if (notifier == NULL)
        {
          g_printerr ("%s\n", error->message);
          return;
        }
      take_notifier (self, notifier);
    }

  if (!tend_notifier_show (self->notifier, kind, minutes, &error))
    g_printerr ("%s\n", error->message);
}

static gboolean
is_shown (TendMonitor    *self,
          TendNoticeKind  kind)
{
  return self->notifier != NULL && tend_notifier_is_shown (self->notifier, kind);
}

static void
withdraw (TendMonitor    *self,
          TendNoticeKind  kind)
{
  if (is_shown (self, kind))
    tend_notifier_withdraw (self->notifier, kind);
}

static void
withdraw_break (TendMonitor *self)
{
  withdraw (self, TEND_NOTICE_BREAK);
  withdraw (self, TEND_NOTICE_BREAK_OFFER_PAUSE);
}

static gboolean
break_shown (TendMonitor *self)
{
  return is_shown (self, TEND_NOTICE_BREAK) || is_shown (self, TEND_NOTICE_BREAK_OFFER_PAUSE);
}

/* The app's actions ------------------------------------------------------------------ */

static void
action_activated_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_printerr ("Tend could not be opened: %s\n", error->message);
}

/* Calls org.freedesktop.Application.ActivateAction on Tend, which D-Bus starts if needed. */
static void
activate_app_action (TendMonitor *self,
                     const char  *name,
                     GVariant    *parameter,
                     const char  *activation_token)
{
  GVariantBuilder parameters;
  GVariantBuilder platform_data;

  if (self->connection == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
      if (self->connection == NULL)
        {
          g_printerr ("Tend could not be opened: %s\n", error->message);
          return;
        }
    }

  g_variant_builder_init (&parameters, G_VARIANT_TYPE ("av"));
  if (parameter != NULL)
    g_variant_builder_add (&parameters, "v", parameter);

  /* The click's token goes with the call, so the window may take the focus (GTK reads
   * "activation-token" on Wayland and "desktop-startup-id" on X11). */
  g_variant_builder_init (&platform_data, G_VARIANT_TYPE_VARDICT);
  if (activation_token != NULL && *activation_token != '\0')
    {
      g_variant_builder_add (&platform_data, "{sv}", "activation-token",
                             g_variant_new_string (activation_token));
      g_variant_builder_add (&platform_data, "{sv}", "desktop-startup-id",
                             g_variant_new_string (activation_token));
    }

  g_dbus_connection_call (self->connection, APP_ID, APP_PATH, "org.freedesktop.Application",
                          "ActivateAction",
                          g_variant_new ("(sava{sv})", name, &parameters, &platform_data),
                          NULL, G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable,
                          action_activated_cb, NULL);
}

/* Activity --------------------------------------------------------------------------- */

static void
report_usage_error (GError *error)
{
  g_printerr ("Usage time could not be recorded: %s\n", error->message);
}

static gboolean
tick_cb (gpointer user_data)
{
  TendMonitor *self = TEND_MONITOR (user_data);
  g_autoptr(GError) error = NULL;

  if (self->usage != NULL && !tend_usage_tick (self->usage, &error))
    report_usage_error (error);
  evaluate (self);

  return G_SOURCE_CONTINUE;
}

/* Works out whether the person counts as active (input, unlocked, not logging out) and
 * records a change, dated @at (unix s). */
static void
update_activity (TendMonitor *self,
                 gint64       at)
{
  g_autoptr(GError) error = NULL;
  gboolean active;
  gint64 now = now_unix (self);

  active = self->started && self->tracking && self->source != NULL &&
           tend_idle_source_is_active (self->source) && !self->locked && !self->ending;
  if (active == self->active)
    return;

  at = MIN (at, now);
  self->active = active;
  if (!active)
    self->idle_since = at;

  if (self->usage != NULL && !tend_usage_set_active (self->usage, active, at, &error))
    report_usage_error (error);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (active)
    self->tick_id = g_timeout_add_seconds (TEND_MONITOR_TICK_S, tick_cb, self);

  evaluate (self);
}

static void
source_changed_cb (TendIdleSource *source,
                   gint64          since,
                   TendMonitor    *self)
{
  update_activity (self, since / G_USEC_PER_SEC);
}

/* The source stopped working for good (the Wayland compositor went away): nobody counts
 * as present from then on, and the app is told why. */
static void
source_error_cb (TendIdleSource *source,
                 GParamSpec     *pspec,
                 TendMonitor    *self)
{
  const GError *error = tend_idle_source_get_error (source);

  if (error == NULL)
    return;

  g_free (self->source_error);
  self->source_error = g_strdup (error->message);
  g_printerr ("%s\n", error->message);
  evaluate (self);
}

static TendIdleSource *
new_best_source (gpointer   user_data,
                 GError   **error)
{
  return tend_idle_source_new_best (error);
}

static void
start_tracking (TendMonitor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->tracking)
    return;

  self->tracking = TRUE;
  self->source = self->source_func (self->source_data, &error);
  if (self->source == NULL)
    {
      self->source_error = g_strdup (error->message);
      g_printerr ("%s\n", error->message);
      evaluate (self);
      return;
    }

  g_signal_connect_object (self->source, "active", G_CALLBACK (source_changed_cb), self, 0);
  g_signal_connect_object (self->source, "idle", G_CALLBACK (source_changed_cb), self, 0);
  g_signal_connect_object (self->source, "notify::error", G_CALLBACK (source_error_cb), self, 0);
  update_activity (self, tend_idle_source_get_since (self->source) / G_USEC_PER_SEC);
  evaluate (self);
}

static void
stop_tracking (TendMonitor *self)
{
  if (!self->tracking)
    return;

  self->tracking = FALSE;
  update_activity (self, now_unix (self));

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  g_clear_object (&self->source);
  g_clear_pointer (&self->source_error, g_free);

  withdraw_break (self);
  withdraw (self, TEND_NOTICE_EYE_REST);
  withdraw (self, TEND_NOTICE_GOAL_PASSED);
}

/* Settings --------------------------------------------------------------------------- */

static GDateTime *
get_paused_until (TendMonitor *self)
{
  if (self->reminders != NULL)
    return tend_reminders_get_paused_until (self->reminders);

  if (self->paused_setting > now_unix (self))
    return g_date_time_new_from_unix_local (self->paused_setting);

  return NULL;
}

static void
apply_pause (TendMonitor *self)
{
  gint64 paused = g_settings_get_int64 (self->settings, "reminders-paused-until");
  g_autoptr(GDateTime) until = NULL;

  if (paused == self->paused_setting)
    return;

  self->paused_setting = paused;
  if (paused > now_unix (self))
    until = g_date_time_new_from_unix_local (paused);

  if (self->reminders != NULL)
    tend_reminders_set_paused_until (self->reminders, until);

  /* A pause holds back what is on screen too; the check-in notice stays, as it is a
   * reminder of the day rather than of the moment. */
  if (until != NULL)
    {
      withdraw_break (self);
      withdraw (self, TEND_NOTICE_EYE_REST);
    }
}

/* A time of day in the settings, in minutes after midnight (the schema keeps it in range). */
static guint
get_minute (TendMonitor *self,
            const char  *key)
{
  return MIN (g_settings_get_uint (self->settings, key), MINUTES_A_DAY - 1);
}

static void
apply_settings (TendMonitor *self)
{
  GSettings *settings = self->settings;
  TendReminders *reminders = self->reminders;

  if (reminders != NULL)
    {
      tend_reminders_set_break_enabled (reminders,
                                        g_settings_get_boolean (settings, "break-reminders"));
      tend_reminders_set_break_interval (reminders,
                                         MAX (1, g_settings_get_uint (settings, "break-interval")));
      tend_reminders_set_break_length (reminders,
                                       MAX (1, g_settings_get_uint (settings, "break-length")));
      tend_reminders_set_eye_rest_enabled (reminders,
                                           g_settings_get_boolean (settings, "eye-rest"));
      tend_reminders_set_daily_goal (reminders, g_settings_get_uint (settings, "daily-goal"));
      if (g_settings_get_boolean (settings, "quiet-hours"))
        tend_reminders_set_quiet_hours (reminders, get_minute (self, "quiet-hours-start"),
                                        get_minute (self, "quiet-hours-end"));
      else
        tend_reminders_set_quiet_hours (reminders, -1, -1);
    }

  apply_pause (self);

  if (g_settings_get_boolean (self->settings, "usage-tracking"))
    start_tracking (self);
  else
    stop_tracking (self);
}

static guint
get_check_in_minute (TendMonitor *self)
{
  return get_minute (self, "check-in-reminder-time");
}

/* A check-in reminder whose time has already passed today waits for tomorrow, rather
 * than coming the moment it is turned on or the monitor starts. */
static void
settle_past_check_in (TendMonitor *self)
{
  gint64 now = now_unix (self);

  if (now >= local_time_on (now, get_check_in_minute (self), 0))
    self->check_in_day = local_julian_day (now);
}

/* Started again on a day whose goal is already passed (after a logout, or a crash), the
 * monitor has said so already, or the goal was passed while it did not run: either way,
 * the notice waits for tomorrow. */
static void
settle_passed_goal (TendMonitor *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  guint goal = g_settings_get_uint (self->settings, "daily-goal");
  guint total;
  GDate today;

  if (self->reminders == NULL || goal == 0)
    return;

  now = tend_clock_get_now (self->clock);
  tend_usage_get_day_of (now, &today);
  total = tend_usage_get_day_total (self->usage, &today, &error);
  if (error == NULL && total >= goal * 60)
    tend_reminders_shown (self->reminders, TEND_REMINDER_GOAL_PASSED);
}

static void
settings_changed_cb (TendMonitor *self,
                     const char  *key)
{
  if (!self->started)
    return;

  if (g_strcmp0 (key, "check-in-reminder") == 0 || g_strcmp0 (key, "check-in-reminder-time") == 0)
    settle_past_check_in (self);

  apply_settings (self);
  evaluate (self);
}

/* Reminders -------------------------------------------------------------------------- */

static void
show_reminder (TendMonitor      *self,
               TendReminderKind  kind)
{
  g_autoptr(GError) error = NULL;
  guint minutes;

  switch (kind)
    {
    case TEND_REMINDER_BREAK:
      minutes = tend_usage_get_continuous (self->usage, &error) / 60;
      show_notice (self,
                   tend_reminders_should_offer_pause (self->reminders)
                     ? TEND_NOTICE_BREAK_OFFER_PAUSE : TEND_NOTICE_BREAK,
                   minutes);
      break;

    case TEND_REMINDER_EYE_REST:
      show_notice (self, TEND_NOTICE_EYE_REST, 0);
      break;

    case TEND_REMINDER_GOAL_PASSED:
      self->goal_shown_day = usage_julian_day (now_unix (self));
      show_notice (self, TEND_NOTICE_GOAL_PASSED, tend_reminders_get_daily_goal (self->reminders));
      break;

    case TEND_REMINDER_NONE:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
due_cb (gpointer user_data)
{
  TendMonitor *self = TEND_MONITOR (user_data);

  self->due_id = 0;
  evaluate (self);

  return G_SOURCE_REMOVE;
}

static gint64
earliest (gint64 a,
          gint64 b)
{
  if (a == 0)
    return b;
  if (b == 0)
    return a;
  return MIN (a, b);
}

/* Shows what is due now, and sets the timer to the next moment anything changes. */
static void
show_due_reminders (TendMonitor *self)
{
  g_autoptr(GDateTime) paused_until = NULL;
  gint64 now = now_unix (self);
  gint64 wake = 0;

  g_clear_handle_id (&self->due_id, g_source_remove);

  if (self->reminders == NULL || !self->tracking)
    return;

  /* Each reminder is shown once, so this ends; the bound only guards against a bug. */
  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(GDateTime) when = NULL;
      g_autoptr(GError) error = NULL;
      TendReminderKind kind;

      kind = tend_reminders_next_due (self->reminders, &when, &error);
      if (error != NULL)
        {
          g_printerr ("Reminders could not be worked out: %s\n", error->message);
          break;
        }
      if (kind == TEND_REMINDER_NONE)
        break;
      if (g_date_time_to_unix (when) > now)
        {
          wake = g_date_time_to_unix (when);
          break;
        }

      show_reminder (self, kind);
      tend_reminders_shown (self->reminders, kind);
    }

  /* The end of a pause changes what the app and the status line say. */
  paused_until = get_paused_until (self);
  if (paused_until != NULL)
    wake = earliest (wake, g_date_time_to_unix (paused_until));

  /* A natural break withdraws the break notice as soon as it is long enough. */
  if (!self->active && break_shown (self))
    {
      gint64 break_over = self->idle_since + tend_usage_get_break_length (self->usage);

      if (break_over > now)
        wake = earliest (wake, break_over);
    }

  if (is_shown (self, TEND_NOTICE_GOAL_PASSED))
    wake = earliest (wake, next_usage_day_start (now));

  if (wake != 0)
    self->due_id = timeout_add_at (self, wake, due_cb);
}

static void
withdraw_stale (TendMonitor *self)
{
  gint64 now = now_unix (self);

  if (break_shown (self) &&
      (!self->tracking || tend_reminders_is_stale (self->reminders, TEND_REMINDER_BREAK)))
    withdraw_break (self);

  if (is_shown (self, TEND_NOTICE_EYE_REST) &&
      (!self->tracking || tend_reminders_is_stale (self->reminders, TEND_REMINDER_EYE_REST)))
    withdraw (self, TEND_NOTICE_EYE_REST);

  if (is_shown (self, TEND_NOTICE_GOAL_PASSED) && self->goal_shown_day != usage_julian_day (now))
    withdraw (self, TEND_NOTICE_GOAL_PASSED);

  if (is_shown (self, TEND_NOTICE_CHECK_IN) &&
      (self->check_in_shown_day != local_julian_day (now) ||
       !g_settings_get_boolean (self->settings, "check-in-reminder")))
    withdraw (self, TEND_NOTICE_CHECK_IN);
}

static void
expire_pause (TendMonitor *self)
{
  g_autoptr(GDateTime) paused_until = NULL;

  if (self->paused_setting == 0)
    return;

  /* Written back, so the app never shows a pause that has ended. */
  paused_until = get_paused_until (self);
  if (paused_until == NULL)
    {
      self->paused_setting = 0;
      g_settings_set_int64 (self->settings, "reminders-paused-until", 0);
    }
}

/* The check-in reminder ---------------------------------------------------------------- */

static gint64
quiet_end_after (TendMonitor *self,
                 gint64       time)
{
  guint end = get_minute (self, "quiet-hours-end");
  gint64 at = local_time_on (time, end, 0);

  return at > time ? at : local_time_on (time, end, 1);
}

/* When a pause or quiet hours that hold reminders back at @now end; 0 when none does. */
static gint64
held_until (TendMonitor *self,
            gint64       now)
{
  g_autoptr(GDateTime) paused_until = get_paused_until (self);
  gint64 t = now;

  /* A pause and quiet hours each end within a day, so this settles quickly. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GDateTime) time = NULL;

      if (paused_until != NULL && g_date_time_to_unix (paused_until) > t)
        t = g_date_time_to_unix (paused_until);

      time = g_date_time_new_from_unix_local (t);
      if (self->reminders != NULL && tend_reminders_is_quiet_at (self->reminders, time))
        t = quiet_end_after (self, t);
    }

  return t > now ? t : 0;
}

/* Returns whether the journal has an entry on @julian_day (local), or -1 when it could
 * not be read. */
static int
has_entry_on (TendMonitor *self,
              guint        julian_day)
{
  g_autoptr(GArray) days = NULL;
  g_autoptr(GError) error = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_julian (&day, julian_day);
  days = tend_journal_get_day_moods (self->journal, &day, &day, &error);
  if (days == NULL)
    {
      g_printerr ("The journal could not be read: %s\n", error->message);
      return -1;
    }

  return days->len > 0;
}

static void
stop_watching_journal (TendMonitor *self)
{
  if (self->journal_monitor == NULL)
    return;

  g_file_monitor_cancel (self->journal_monitor);
  g_signal_handlers_disconnect_by_data (self->journal_monitor, self);
  g_clear_object (&self->journal_monitor);
}

/* The app writes check-ins in its own process: a change of the journal's files is the
 * only sign of one. */
static void
journal_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    TendMonitor       *self)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *journal_name = g_path_get_basename (tend_database_get_path (self->database));

  if (!g_str_has_prefix (name, journal_name))
    return;

  if (!is_shown (self, TEND_NOTICE_CHECK_IN))
    {
      stop_watching_journal (self);
      return;
    }

  if (has_entry_on (self, self->check_in_shown_day) == 1)
    {
      withdraw (self, TEND_NOTICE_CHECK_IN);
      stop_watching_journal (self);
    }
}

static void
watch_journal (TendMonitor *self)
{
  g_autofree char *folder = g_path_get_dirname (tend_database_get_path (self->database));
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(GError) error = NULL;

  if (self->journal_monitor != NULL)
    return;

  self->journal_monitor = g_file_monitor_directory (file, G_FILE_MONITOR_NONE, NULL, &error);
  if (self->journal_monitor == NULL)
    {
      g_debug ("The journal cannot be watched: %s", error->message);
      return;
    }

  g_signal_connect (self->journal_monitor, "changed", G_CALLBACK (journal_changed_cb), self);
}

static gboolean
check_in_cb (gpointer user_data)
{
  TendMonitor *self = TEND_MONITOR (user_data);

  self->check_in_id = 0;
  evaluate (self);

  return G_SOURCE_REMOVE;
}

static void
check_in (TendMonitor *self)
{
  gint64 now = now_unix (self);
  guint today = local_julian_day (now);
  guint minute = get_check_in_minute (self);
  gint64 at = local_time_on (now, minute, 0);
  gint64 next;

  g_clear_handle_id (&self->check_in_id, g_source_remove);

  if (!is_shown (self, TEND_NOTICE_CHECK_IN))
    stop_watching_journal (self);

  if (self->journal == NULL || !g_settings_get_boolean (self->settings, "check-in-reminder"))
    return;

  if (self->check_in_day != today)
    {
      gint64 held;

      if (now < at)
        {
          self->check_in_id = timeout_add_at (self, at, check_in_cb);
          return;
        }

      held = held_until (self, now);
      if (held != 0 && local_julian_day (held) == today)
        {
          self->check_in_id = timeout_add_at (self, held, check_in_cb);
          return;
        }

      /* Held back past the end of the day, or due now. */
      self->check_in_day = today;
      if (held == 0 && has_entry_on (self, today) == 0)
        {
          show_notice (self, TEND_NOTICE_CHECK_IN, 0);
          self->check_in_shown_day = today;
          if (is_shown (self, TEND_NOTICE_CHECK_IN))
            watch_journal (self);
        }
    }

  /* Tomorrow's reminder; midnight first while today's is on screen, to withdraw it. */
  next = local_time_on (now, minute, 1);
  if (is_shown (self, TEND_NOTICE_CHECK_IN))
    next = MIN (next, local_time_on (now, 0, 1));
  self->check_in_id = timeout_add_at (self, next, check_in_cb);
}

/* State for the app ------------------------------------------------------------------ */

static void
update_properties (TendMonitor *self)
{
  TendDBusMonitor1 *skeleton = self->skeleton;
  const char *source = "";
  const char *source_error = "";
  gint64 stretch_start = 0;

  if (skeleton == NULL)
    return;

  /* A source that failed on the way (its compositor gone) no longer tells anything. */
  if (self->tracking && self->source_error != NULL)
    source_error = self->source_error;
  else if (self->tracking && self->source != NULL)
    source = tend_idle_source_get_name (self->source);

  if (self->active && self->usage != NULL)
    tend_usage_get_stretch (self->usage, tend_usage_get_break_length (self->usage),
                            &stretch_start, NULL);

  if (g_strcmp0 (tend_dbus_monitor1_get_source (skeleton), source) != 0)
    tend_dbus_monitor1_set_source (skeleton, source);
  if (g_strcmp0 (tend_dbus_monitor1_get_source_error (skeleton), source_error) != 0)
    tend_dbus_monitor1_set_source_error (skeleton, source_error);
  if (tend_dbus_monitor1_get_active (skeleton) != self->active)
    tend_dbus_monitor1_set_active (skeleton, self->active);
  if (tend_dbus_monitor1_get_locked (skeleton) != self->locked)
    tend_dbus_monitor1_set_locked (skeleton, self->locked);
  if (tend_dbus_monitor1_get_stretch_start (skeleton) != stretch_start)
    tend_dbus_monitor1_set_stretch_start (skeleton, stretch_start);
}

static void
background_status_set_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!xdp_portal_set_background_status_finish (XDP_PORTAL (object), result, &error))
    g_debug ("The background status could not be set: %s", error->message);
}

/* GNOME's Background Apps list shows this line under Tend's name. */
static void
update_background_status (TendMonitor *self)
{
  g_autoptr(GDateTime) paused_until = NULL;
  g_autofree char *status = NULL;

  if (self->portal == NULL || !self->sandboxed)
    return;

  paused_until = get_paused_until (self);
  if (paused_until != NULL)
    {
      g_autofree char *time = tend_date_format_time (paused_until);

      /* Translators: a status line in GNOME's list of background apps; %s is a time,
       * such as "15:30". */
      status = g_strdup_printf (_("Reminders paused until %s"), time);
    }
  else if (self->tracking)
    {
      /* Translators: a status line in GNOME's list of background apps. */
      status = g_strdup (_("Recording screen time"));
    }
  else
    {
      g_autoptr(GDateTime) at = NULL;
      g_autofree char *time = NULL;

      at = g_date_time_new_from_unix_local (local_time_on (now_unix (self),
                                                           get_check_in_minute (self), 0));
      time = tend_date_format_time (at);
      /* Translators: a status line in GNOME's list of background apps; %s is a time,
       * such as "20:00". */
      status = g_strdup_printf (_("Check-in reminder at %s"), time);
    }

  if (g_strcmp0 (status, self->background_status) == 0)
    return;

  g_free (self->background_status);
  self->background_status = g_steal_pointer (&status);
  xdp_portal_set_background_status (self->portal, self->background_status, self->cancellable,
                                    background_status_set_cb, NULL);
}

/* Runs after every change. Settings written from here (the end of a pause) come back
 * through settings_changed_cb, which then only asks for one more round. */
static void
evaluate (TendMonitor *self)
{
  if (!self->started)
    return;

  if (self->evaluating)
    {
      self->evaluate_again = TRUE;
      return;
    }

  self->evaluating = TRUE;
  do
    {
      self->evaluate_again = FALSE;
      expire_pause (self);
      update_properties (self);
      withdraw_stale (self);
      show_due_reminders (self);
      check_in (self);
      update_background_status (self);
    }
  while (self->evaluate_again);
  self->evaluating = FALSE;
}

/* Notices' buttons ---------------------------------------------------------------------- */

static void
notice_action_cb (TendMonitor *self,
                  guint        kind,
                  const char  *action_id,
                  const char  *activation_token)
{
  g_debug ("Notice %u: %s", kind, action_id);

  if (g_strcmp0 (action_id, TEND_NOTICE_ACTION_TAKE_BREAK) == 0)
    {
      activate_app_action (self, "take-break", NULL, activation_token);
    }
  else if (g_strcmp0 (action_id, TEND_NOTICE_ACTION_SNOOZE) == 0)
    {
      if (self->reminders != NULL)
        tend_reminders_snooze (self->reminders);
    }
  else if (g_strcmp0 (action_id, TEND_NOTICE_ACTION_PAUSE_HOUR) == 0)
    {
      g_settings_set_int64 (self->settings, "reminders-paused-until", now_unix (self) + HOUR_S);
    }
  else if (g_strcmp0 (action_id, TEND_NOTICE_ACTION_OPEN_USAGE) == 0)
    {
      activate_app_action (self, "show-page", g_variant_new_string ("usage"),
                           activation_token);
    }
  else if (g_strcmp0 (action_id, TEND_NOTICE_ACTION_CHECK_IN) == 0)
    {
      activate_app_action (self, "check-in", NULL, activation_token);
    }

  evaluate (self);
}

static void
notice_dismissed_cb (TendMonitor *self,
                     guint        kind)
{
  evaluate (self);
}

/* Lock and logout, from the portal ------------------------------------------------------ */

static void
session_state_changed_cb (XdpPortal            *portal,
                          gboolean              screensaver_active,
                          XdpLoginSessionState  state,
                          TendMonitor          *self)
{
  tend_monitor_set_locked (self, screensaver_active);

  switch (state)
    {
    case XDP_LOGIN_SESSION_QUERY_END:
      /* Logging out: the open span ends now, in case nothing more comes. */
      tend_monitor_set_session_ending (self, TRUE);
      xdp_portal_session_monitor_query_end_response (portal);
      break;

    case XDP_LOGIN_SESSION_ENDING:
      tend_monitor_set_session_ending (self, TRUE);
      break;

    case XDP_LOGIN_SESSION_RUNNING:
    default:
      tend_monitor_set_session_ending (self, FALSE);
      break;
    }
}

static void
session_monitor_started_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!xdp_portal_session_monitor_start_finish (XDP_PORTAL (object), result, &error))
    {
      /* After a cancellation, the monitor may be gone. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No session monitor, so lock and logout are not seen: %s", error->message);
      return;
    }

  TEND_MONITOR (user_data)->session_monitored = TRUE;
}

/* GObject ---------------------------------------------------------------------------- */

static void
tend_monitor_dispose (GObject *object)
{
  TendMonitor *self = TEND_MONITOR (object);

  tend_monitor_stop (self);

  g_cancellable_cancel (self->cancellable);
  if (self->portal != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->portal, self);
      if (self->session_monitored)
        xdp_portal_session_monitor_stop (self->portal);
    }
  g_clear_object (&self->portal);

  if (self->skeleton != NULL)
    g_dbus_interface_skeleton_unexport (G_DBUS_INTERFACE_SKELETON (self->skeleton));
  g_clear_object (&self->skeleton);
  g_clear_object (&self->connection);

  if (self->source_destroy != NULL)
    g_clear_pointer (&self->source_data, self->source_destroy);
  self->source_destroy = NULL;

  g_clear_object (&self->notifier);
  g_clear_object (&self->reminders);
  g_clear_object (&self->usage);
  g_clear_object (&self->journal);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (tend_monitor_parent_class)->dispose (object);
}

static void
tend_monitor_finalize (GObject *object)
{
  TendMonitor *self = TEND_MONITOR (object);

  g_clear_object (&self->cancellable);
  g_free (self->background_status);
  g_free (self->source_error);

  G_OBJECT_CLASS (tend_monitor_parent_class)->finalize (object);
}

static void
tend_monitor_class_init (TendMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tend_monitor_dispose;
  object_class->finalize = tend_monitor_finalize;
}

static void
tend_monitor_init (TendMonitor *self)
{
  self->cancellable = g_cancellable_new ();
  self->source_func = new_best_source;
}

/**
 * tend_monitor_new:
 * @database: (nullable): the journal database, or %NULL when it could not be opened:
 *   then nothing is recorded and the check-in reminder is off
 * @clock: where the time comes from
 * @settings: Tend's settings, watched for changes
 * @notifier: (nullable): what shows notices, or %NULL to make one when the first notice
 *   is due (the notification server may not be there yet at login)
 *
 * Returns: (transfer full): a monitor, which does nothing until tend_monitor_start()
 */
TendMonitor *
tend_monitor_new (TendDatabase *database,
                  TendClock    *clock,
                  GSettings    *settings,
                  TendNotifier *notifier)
{
  TendMonitor *self;

  g_return_val_if_fail (database == NULL || TEND_IS_DATABASE (database), NULL);
  g_return_val_if_fail (TEND_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (notifier == NULL || TEND_IS_NOTIFIER (notifier), NULL);

  self = g_object_new (TEND_TYPE_MONITOR, NULL);
  self->clock = g_object_ref (clock);
  self->settings = g_object_ref (settings);
  if (notifier != NULL)
    take_notifier (self, g_object_ref (notifier));

  if (database != NULL)
    {
      self->database = g_object_ref (database);
      self->journal = tend_journal_new (database);
      self->usage = tend_usage_new (database, clock);
      self->reminders = tend_reminders_new (self->usage);
    }

  return self;
}

/**
 * tend_monitor_set_source_func:
 * @func: makes and starts an activity source each time usage time is turned on
 *
 * By default, the monitor uses tend_idle_source_new_best(). Call before
 * tend_monitor_start().
 */
void
tend_monitor_set_source_func (TendMonitor           *self,
                              TendMonitorSourceFunc  func,
                              gpointer               user_data,
                              GDestroyNotify         destroy)
{
  g_return_if_fail (TEND_IS_MONITOR (self));
  g_return_if_fail (func != NULL);
  g_return_if_fail (!self->started);

  if (self->source_destroy != NULL)
    self->source_destroy (self->source_data);

  self->source_func = func;
  self->source_data = user_data;
  self->source_destroy = destroy;
}

/**
 * tend_monitor_export:
 * @connection: the session bus
 *
 * Exports the live state as io.github.tendapp.Tend.Monitor1 at %MONITOR_OBJECT_PATH, and
 * calls the app's actions on @connection.
 */
gboolean
tend_monitor_export (TendMonitor      *self,
                     GDBusConnection  *connection,
                     GError          **error)
{
  g_autoptr(TendDBusMonitor1) skeleton = NULL;

  g_return_val_if_fail (TEND_IS_MONITOR (self), FALSE);
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), FALSE);
  g_return_val_if_fail (self->skeleton == NULL, FALSE);

  skeleton = tend_dbus_monitor1_skeleton_new ();
  tend_dbus_monitor1_set_source (skeleton, "");
  tend_dbus_monitor1_set_source_error (skeleton, "");
  if (!g_dbus_interface_skeleton_export (G_DBUS_INTERFACE_SKELETON (skeleton), connection,
                                         MONITOR_OBJECT_PATH, error))
    return FALSE;

  self->skeleton = g_steal_pointer (&skeleton);
  self->connection = g_object_ref (connection);
  update_properties (self);
  return TRUE;
}

/**
 * tend_monitor_watch_session:
 *
 * Follows lock and logout through the portal's session monitor, and, in a Flatpak, says
 * what the monitor does in GNOME's list of background apps. Without a portal, lock and
 * logout are not seen, and nothing else changes.
 */
void
tend_monitor_watch_session (TendMonitor *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TEND_IS_MONITOR (self));
  g_return_if_fail (self->portal == NULL);

  self->portal = xdp_portal_initable_new (&error);
  if (self->portal == NULL)
    {
      g_debug ("No portal: %s", error->message);
      return;
    }

  self->sandboxed = xdp_portal_running_under_flatpak ();
  g_signal_connect (self->portal, "session-state-changed",
                    G_CALLBACK (session_state_changed_cb), self);
  xdp_portal_session_monitor_start (self->portal, NULL, XDP_SESSION_MONITOR_FLAG_NONE,
                                    self->cancellable, session_monitor_started_cb, self);
  update_background_status (self);
}

/**
 * tend_monitor_start:
 *
 * Reads the settings and starts what they ask for: usage time and its reminders, the
 * check-in reminder.
 */
void
tend_monitor_start (TendMonitor *self)
{
  g_return_if_fail (TEND_IS_MONITOR (self));

  if (self->started)
    return;

  self->started = TRUE;
  /* Connected before the first read, as GSettings asks. */
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  settle_past_check_in (self);
  apply_settings (self);
  settle_passed_goal (self);
  evaluate (self);
}

/**
 * tend_monitor_stop:
 *
 * Ends the open span of use, withdraws the notices on screen and stops every timer.
 */
void
tend_monitor_stop (TendMonitor *self)
{
  g_return_if_fail (TEND_IS_MONITOR (self));

  if (!self->started)
    return;

  g_signal_handlers_disconnect_by_func (self->settings, settings_changed_cb, self);
  stop_tracking (self);
  self->started = FALSE;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->due_id, g_source_remove);
  g_clear_handle_id (&self->check_in_id, g_source_remove);
  stop_watching_journal (self);
  withdraw (self, TEND_NOTICE_CHECK_IN);
  update_properties (self);
}

/**
 * tend_monitor_check:
 *
 * Looks at the clock again now: writes the open span's end, shows what is due, withdraws
 * what is stale, and sets the timers again. The timers do this by themselves; tests call
 * it after moving a manual clock (by at most a minute at a time while active, as a longer
 * gap looks like a suspend).
 */
void
tend_monitor_check (TendMonitor *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TEND_IS_MONITOR (self));

  if (self->active && self->usage != NULL && !tend_usage_tick (self->usage, &error))
    report_usage_error (error);

  evaluate (self);
}

/**
 * tend_monitor_is_needed:
 *
 * Returns: whether usage time or the check-in reminder is on, so the monitor has work
 */
gboolean
tend_monitor_is_needed (TendMonitor *self)
{
  g_return_val_if_fail (TEND_IS_MONITOR (self), FALSE);

  return g_settings_get_boolean (self->settings, "usage-tracking") ||
         g_settings_get_boolean (self->settings, "check-in-reminder");
}

/**
 * tend_monitor_set_locked:
 * @locked: whether the session is locked
 *
 * Locked time counts as idle, and toward a break.
 */
void
tend_monitor_set_locked (TendMonitor *self,
                         gboolean     locked)
{
  g_return_if_fail (TEND_IS_MONITOR (self));

  locked = !!locked;
  if (locked == self->locked)
    return;

  self->locked = locked;
  update_activity (self, now_unix (self));
  evaluate (self);
}

/**
 * tend_monitor_set_session_ending:
 * @ending: whether the session is logging out
 *
 * Ends the open span when the session starts to log out; a logout that is cancelled
 * starts a new one.
 */
void
tend_monitor_set_session_ending (TendMonitor *self,
                                 gboolean     ending)
{
  g_return_if_fail (TEND_IS_MONITOR (self));

  ending = !!ending;
  if (ending == self->ending)
    return;

  self->ending = ending;
  update_activity (self, now_unix (self));
}

/**
 * tend_monitor_get_usage:
 *
 * Returns: (transfer none) (nullable): the usage tracker, %NULL without a journal
 */
TendUsage *
tend_monitor_get_usage (TendMonitor *self)
{
  g_return_val_if_fail (TEND_IS_MONITOR (self), NULL);

  return self->usage;
}

/**
 * tend_monitor_get_reminders:
 *
 * Returns: (transfer none) (nullable): the reminders, %NULL without a journal
 */
TendReminders *
tend_monitor_get_reminders (TendMonitor *self)
{
  g_return_val_if_fail (TEND_IS_MONITOR (self), NULL);

  return self->reminders;
}

/**
 * tend_monitor_get_source:
 *
 * Returns: (transfer none) (nullable): the activity source, while usage time is on and
 *   one works
 */
TendIdleSource *
tend_monitor_get_source (TendMonitor *self)
{
  g_return_val_if_fail (TEND_IS_MONITOR (self), NULL);

  return self->source;
}
