/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-reminders"

#include "config.h"

#include "tend-reminders.h"

/* When reminders are due, worked out from the usage and the clock alone: no timers here.
 * The monitor asks tend_reminders_next_due() after every change and tick, and sets a
 * timer for the time it answers; when that time comes it asks again, shows what is due
 * and says so with tend_reminders_shown().
 *
 * A break reminder belongs to one stretch of use (named by the time it began). A natural
 * break ends the stretch, so the reminder shown for it is stale and the snoozes made in
 * it are forgotten. */
struct _TendReminders
{
  GObject    parent_instance;

  /* Owned */
  TendUsage *usage;
  GDateTime *paused_until;

  /* Settings */
  gboolean   break_enabled;
  guint      break_interval_min;
  gboolean   eye_rest_enabled;
  guint      daily_goal_min;
  int        quiet_start; /* minutes after midnight, or -1 */
  int        quiet_end;

  /* State */
  gint64     break_shown_stretch;  /* the stretch a break reminder is showing for, or 0 */
  gint64     snooze_stretch;       /* the stretch the snoozes were made in */
  guint      n_snoozes;            /* snoozes in a row in that stretch */
  gint64     snoozed_until;
  gint64     eye_shown_stretch;
  guint      eye_shown_active;     /* active seconds of that stretch when it was shown */
  guint      goal_shown_day;       /* Julian day of the usage day, or 0 */
};

G_DEFINE_FINAL_TYPE (TendReminders, tend_reminders, G_TYPE_OBJECT)

static void
tend_reminders_finalize (GObject *object)
{
  TendReminders *self = TEND_REMINDERS (object);

  g_clear_object (&self->usage);
  g_clear_pointer (&self->paused_until, g_date_time_unref);

  G_OBJECT_CLASS (tend_reminders_parent_class)->finalize (object);
}

static void
tend_reminders_class_init (TendRemindersClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tend_reminders_finalize;
}

static void
tend_reminders_init (TendReminders *self)
{
  self->break_interval_min = TEND_REMINDERS_DEFAULT_BREAK_INTERVAL_MIN;
  self->quiet_start = -1;
  self->quiet_end = -1;
}

/**
 * tend_reminders_new:
 * @usage: the usage tracker, whose clock the reminders read
 *
 * Returns: (transfer full): reminders with the default settings: all off, a break after
 *   50 minutes of use when turned on, breaks of 5 minutes
 */
TendReminders *
tend_reminders_new (TendUsage *usage)
{
  TendReminders *self;

  g_return_val_if_fail (TEND_IS_USAGE (usage), NULL);

  self = g_object_new (TEND_TYPE_REMINDERS, NULL);
  self->usage = g_object_ref (usage);
  tend_usage_set_break_length (usage, TEND_REMINDERS_DEFAULT_BREAK_LENGTH_MIN * 60);
  return self;
}

void
tend_reminders_set_break_enabled (TendReminders *self,
                                  gboolean       enabled)
{
  g_return_if_fail (TEND_IS_REMINDERS (self));

  self->break_enabled = !!enabled;
}

gboolean
tend_reminders_get_break_enabled (TendReminders *self)
{
  g_return_val_if_fail (TEND_IS_REMINDERS (self), FALSE);

  return self->break_enabled;
}

void
tend_reminders_set_break_interval (TendReminders *self,
                                   guint          minutes)
{
  g_return_if_fail (TEND_IS_REMINDERS (self));
  g_return_if_fail (minutes > 0);

  self->break_interval_min = minutes;
}

guint
tend_reminders_get_break_interval (TendReminders *self)
{
  g_return_val_if_fail (TEND_IS_REMINDERS (self), 0);

  return self->break_interval_min;
}

/**
 * tend_reminders_set_break_length:
 * @minutes: the shortest time away that counts as a break
 *
 * Also sets the break length of the usage tracker, so the stretches and the days' breaks
 * agree with the reminders.
 */
void
tend_reminders_set_break_length (TendReminders *self,
                                 guint          minutes)
{
  g_return_if_fail (TEND_IS_REMINDERS (self));
  g_return_if_fail (minutes > 0);

  tend_usage_set_break_length (self->usage, minutes * 60);
}

guint
tend_reminders_get_break_length (TendReminders *self)
{
  g_return_val_if_fail (TEND_IS_REMINDERS (self), 0);

  return tend_usage_get_break_length (self->usage) / 60;
}

void
tend_reminders_set_eye_rest_enabled (TendReminders *self,
                                     gboolean       enabled)
{
  g_return_if_fail (TEND_IS_REMINDERS (self));

  self->eye_rest_enabled = !!enabled;
}

gboolean
tend_reminders_get_eye_rest_enabled (TendReminders *self)
{
  g_return_val_if_fail (TEND_IS_REMINDERS (self), FALSE);

  return self->eye_rest_enabled;
}

/**
 * tend_reminders_set_daily_goal:
 * @minutes: the daily screen time after which one gentle notice is due, or 0 for none
 */
void
tend_reminders_set_daily_goal (TendReminders *self,
                               guint          minutes)
{
  g_return_if_fail (TEND_IS_REMINDERS (self));

  self->daily_goal_min = minutes;
}

guint
tend_reminders_get_daily_goal (TendReminders *self)
{
  g_return_val_if_fail (TEND_IS_REMINDERS (self), 0);

  return self->daily_goal_min;
}

/**
 * tend_reminders_set_quiet_hours:
 * @start_minute: when quiet hours begin, in minutes after local midnight, or -1 for none
 * @end_minute: when they end; before @start_minute when they span midnight
 *
 * No reminder is shown during quiet hours. Equal times mean no quiet hours.
 */
void
tend_reminders_set_quiet_hours (TendReminders *self,
                                int            start_minute,
                                int            end_minute)
{
  g_return_if_fail (TEND_IS_REMINDERS (self));
  g_return_if_fail (start_minute >= -1 && start_minute < 24 * 60);
  g_return_if_fail (end_minute >= -1 && end_minute < 24 * 60);

  if (start_minute < 0 || end_minute < 0 || start_minute == end_minute)
    start_minute = end_minute = -1;

  self->quiet_start = start_minute;
  self->quiet_end = end_minute;
}

gboolean
tend_reminders_is_quiet_at (TendReminders *self,
                            GDateTime     *time)
{
  g_autoptr(GDateTime) local = NULL;
  int minute;

  g_return_val_if_fail (TEND_IS_REMINDERS (self), FALSE);
  g_return_val_if_fail (time != NULL, FALSE);

  if (self->quiet_start < 0)
    return FALSE;

  local = g_date_time_to_local (time);
  minute = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);

  if (self->quiet_start < self->quiet_end)
    return minute >= self->quiet_start && minute < self->quiet_end;

  return minute >= self->quiet_start || minute < self->quiet_end;
}

/* The first end of quiet hours after @time. */
static GDateTime *
quiet_end_after (TendReminders *self,
                 GDateTime     *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autoptr(GDateTime) end = NULL;

  end = g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                               g_date_time_get_day_of_month (local),
                               self->quiet_end / 60, self->quiet_end % 60, 0);
  if (g_date_time_compare (end, local) <= 0)
    {
      GDateTime *next = g_date_time_add_days (end, 1);

      g_date_time_unref (end);
      end = next;
    }

  return g_steal_pointer (&end);
}

static GDateTime *
get_now (TendReminders *self)
{
  return tend_clock_get_now (tend_usage_get_clock (self->usage));
}

static gint64
get_now_unix (TendReminders *self)
{
  g_autoptr(GDateTime) now = get_now (self);

  return g_date_time_to_unix (now);
}

/**
 * tend_reminders_get_paused_until:
 *
 * Returns: (transfer full) (nullable): when the pause ends, or %NULL when reminders are
 *   not paused (a pause that has run out is forgotten)
 */
GDateTime *
tend_reminders_get_paused_until (TendReminders *self)
{
  g_return_val_if_fail (TEND_IS_REMINDERS (self), NULL);

  if (self->paused_until != NULL && g_date_time_to_unix (self->paused_until) <= get_now_unix (self))
    g_clear_pointer (&self->paused_until, g_date_time_unref);

  return self->paused_until != NULL ? g_date_time_ref (self->paused_until) : NULL;
}

/**
 * tend_reminders_set_paused_until:
 * @until: (nullable): when reminders start again, or %NULL to start them now
 *
 * Pauses every reminder until @until, at most %TEND_REMINDERS_LONGEST_PAUSE_S from now:
 * a pause always ends. For bringing back a pause that was stored.
 */
void
tend_reminders_set_paused_until (TendReminders *self,
                                 GDateTime     *until)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) longest = NULL;

  g_return_if_fail (TEND_IS_REMINDERS (self));

  g_clear_pointer (&self->paused_until, g_date_time_unref);
  if (until == NULL)
    return;

  now = get_now (self);
  if (g_date_time_compare (until, now) <= 0)
    return;

  longest = g_date_time_add_seconds (now, TEND_REMINDERS_LONGEST_PAUSE_S);
  self->paused_until = g_date_time_to_local (g_date_time_compare (until, longest) < 0
                                               ? until : longest);

  /* A pause stands instead of the snoozes, and a break reminder shown before it is
   * shown again when it ends if the stretch goes on. */
  self->n_snoozes = 0;
  self->snoozed_until = 0;
  self->break_shown_stretch = 0;
}

/**
 * tend_reminders_pause:
 * @length: for how long: 30 minutes, an hour, or until tomorrow (the next 03:00)
 */
void
tend_reminders_pause (TendReminders      *self,
                      TendRemindersPause  length)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) until = NULL;
  GDate day;

  g_return_if_fail (TEND_IS_REMINDERS (self));

  now = get_now (self);

  switch (length)
    {
    case TEND_REMINDERS_PAUSE_30_MINUTES:
      until = g_date_time_add_minutes (now, 30);
      break;

    case TEND_REMINDERS_PAUSE_1_HOUR:
      until = g_date_time_add_hours (now, 1);
      break;

    case TEND_REMINDERS_PAUSE_UNTIL_TOMORROW:
      tend_usage_get_day_of (now, &day);
      g_date_add_days (&day, 1);
      until = g_date_time_new_from_unix_local (tend_usage_get_day_start (&day));
      break;

    default:
      g_return_if_reached ();
    }

  tend_reminders_set_paused_until (self, until);
}

typedef struct
{
  gint64 now;
  gboolean active;
  gint64 break_stretch;
  guint break_active;
  gint64 eye_stretch;
  guint eye_active;
} Snapshot;

static gboolean
take_snapshot (TendReminders  *self,
               Snapshot       *snapshot,
               GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  snapshot->now = get_now_unix (self);
  snapshot->active = tend_usage_is_active (self->usage);
  snapshot->break_active = tend_usage_get_stretch (self->usage,
                                                   tend_usage_get_break_length (self->usage),
                                                   &snapshot->break_stretch, &local_error);
  if (local_error == NULL)
    snapshot->eye_active = tend_usage_get_stretch (self->usage, TEND_REMINDERS_EYE_REST_LENGTH_S,
                                                   &snapshot->eye_stretch, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* The time a break reminder is due, if the use goes on; 0 when none is. */
static gint64
break_due (TendReminders  *self,
           const Snapshot *snapshot)
{
  gint64 due;

  if (!self->break_enabled || !snapshot->active || snapshot->break_stretch == 0 ||
      self->break_shown_stretch == snapshot->break_stretch)
    return 0;

  due = snapshot->now + (gint64) self->break_interval_min * 60 - snapshot->break_active;
  if (self->snooze_stretch == snapshot->break_stretch)
    due = MAX (due, self->snoozed_until);

  return MAX (due, snapshot->now);
}

static gint64
eye_rest_due (TendReminders  *self,
              const Snapshot *snapshot)
{
  guint from = 0;

  if (!self->eye_rest_enabled || !snapshot->active || snapshot->eye_stretch == 0)
    return 0;

  if (self->eye_shown_stretch == snapshot->eye_stretch)
    from = self->eye_shown_active;

  return MAX (snapshot->now,
              snapshot->now + (gint64) from + TEND_REMINDERS_EYE_REST_INTERVAL_S
                - snapshot->eye_active);
}

static gint64
goal_due (TendReminders   *self,
          const Snapshot  *snapshot,
          GError         **error)
{
  g_autoptr(GDateTime) now = NULL;
  GDate today;
  guint total;
  gint64 due;

  if (self->daily_goal_min == 0 || !snapshot->active)
    return 0;

  now = g_date_time_new_from_unix_local (snapshot->now);
  tend_usage_get_day_of (now, &today);
  if (self->goal_shown_day == g_date_get_julian (&today))
    return 0;

  total = tend_usage_get_day_total (self->usage, &today, error);
  due = snapshot->now + MAX ((gint64) self->daily_goal_min * 60 - (gint64) total, 0);

  /* Not passed today: tomorrow's use is counted afresh. */
  g_date_add_days (&today, 1);
  if (due >= tend_usage_get_day_start (&today))
    return 0;

  return due;
}

/**
 * tend_reminders_next_due:
 * @when: (out) (optional) (transfer full): when it is due, if anything is
 *
 * Says which reminder comes next, and when, if the use goes on as now. When @when is not
 * later than now, show the reminder now and call tend_reminders_shown(). Pauses and quiet
 * hours move the time to when they end; nothing is due while the user is away. Ask again
 * after each change, each tick and when @when comes: the answer may have changed.
 *
 * Returns: the reminder due next, or %TEND_REMINDER_NONE
 */
TendReminderKind
tend_reminders_next_due (TendReminders  *self,
                         GDateTime     **when,
                         GError        **error)
{
  g_autoptr(GDateTime) paused_until = NULL;
  g_autoptr(GDateTime) due_time = NULL;
  TendReminderKind kind = TEND_REMINDER_NONE;
  Snapshot snapshot = { 0 };
  gint64 due = 0, candidate;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TEND_IS_REMINDERS (self), TEND_REMINDER_NONE);

  if (when != NULL)
    *when = NULL;

  if (!take_snapshot (self, &snapshot, error))
    return TEND_REMINDER_NONE;

  if ((candidate = break_due (self, &snapshot)) != 0)
    {
      due = candidate;
      kind = TEND_REMINDER_BREAK;
    }

  if ((candidate = eye_rest_due (self, &snapshot)) != 0 && (due == 0 || candidate < due))
    {
      due = candidate;
      kind = TEND_REMINDER_EYE_REST;
    }

  candidate = goal_due (self, &snapshot, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return TEND_REMINDER_NONE;
    }
  if (candidate != 0 && (due == 0 || candidate < due))
    {
      due = candidate;
      kind = TEND_REMINDER_GOAL_PASSED;
    }

  if (kind == TEND_REMINDER_NONE)
    return TEND_REMINDER_NONE;

  due_time = g_date_time_new_from_unix_local (due);

  /* A pause ends within a day and quiet hours within a day, so this settles quickly. */
  paused_until = tend_reminders_get_paused_until (self);
  for (guint i = 0; i < 3; i++)
    {
      if (paused_until != NULL && g_date_time_compare (due_time, paused_until) < 0)
        {
          g_date_time_unref (due_time);
          due_time = g_date_time_ref (paused_until);
        }

      if (tend_reminders_is_quiet_at (self, due_time))
        {
          GDateTime *end = quiet_end_after (self, due_time);

          g_date_time_unref (due_time);
          due_time = end;
        }
    }

  if (when != NULL)
    *when = g_steal_pointer (&due_time);

  return kind;
}

/**
 * tend_reminders_shown:
 * @kind: the reminder that was just shown
 *
 * Records that @kind was shown, so it is not due again until it is snoozed or, for eye
 * rest, until the next 20 minutes of use; the daily goal notice comes once a day.
 */
void
tend_reminders_shown (TendReminders    *self,
                      TendReminderKind  kind)
{
  Snapshot snapshot = { 0 };
  g_autoptr(GDateTime) now = NULL;
  GDate today;

  g_return_if_fail (TEND_IS_REMINDERS (self));

  if (!take_snapshot (self, &snapshot, NULL))
    return;

  switch (kind)
    {
    case TEND_REMINDER_BREAK:
      self->break_shown_stretch = snapshot.break_stretch;
      break;

    case TEND_REMINDER_EYE_REST:
      self->eye_shown_stretch = snapshot.eye_stretch;
      self->eye_shown_active = snapshot.eye_active;
      break;

    case TEND_REMINDER_GOAL_PASSED:
      now = g_date_time_new_from_unix_local (snapshot.now);
      tend_usage_get_day_of (now, &today);
      self->goal_shown_day = g_date_get_julian (&today);
      break;

    case TEND_REMINDER_NONE:
    default:
      break;
    }
}

/**
 * tend_reminders_is_stale:
 * @kind: a reminder that was shown
 *
 * A reminder is stale once the user has had the rest it asked for anyway: a break
 * reminder after a natural break (away for at least the break length), an eye rest
 * reminder after time away from the screen. Withdraw a stale reminder's notification.
 *
 * Returns: whether the reminder shown for @kind is stale
 */
gboolean
tend_reminders_is_stale (TendReminders    *self,
                         TendReminderKind  kind)
{
  Snapshot snapshot = { 0 };

  g_return_val_if_fail (TEND_IS_REMINDERS (self), FALSE);

  if (!take_snapshot (self, &snapshot, NULL))
    return FALSE;

  switch (kind)
    {
    case TEND_REMINDER_BREAK:
      return self->break_shown_stretch != 0 &&
             self->break_shown_stretch != snapshot.break_stretch;

    case TEND_REMINDER_EYE_REST:
      return self->eye_shown_stretch != 0 && self->eye_shown_stretch != snapshot.eye_stretch;

    case TEND_REMINDER_GOAL_PASSED:
    case TEND_REMINDER_NONE:
    default:
      return FALSE;
    }
}

/**
 * tend_reminders_snooze:
 *
 * The break reminder comes back in %TEND_REMINDERS_SNOOZE_S seconds if the stretch goes
 * on. After two snoozes in a row, tend_reminders_should_offer_pause() is %TRUE.
 */
void
tend_reminders_snooze (TendReminders *self)
{
  Snapshot snapshot = { 0 };

  g_return_if_fail (TEND_IS_REMINDERS (self));

  if (!take_snapshot (self, &snapshot, NULL) || snapshot.break_stretch == 0)
    return;

  if (self->snooze_stretch != snapshot.break_stretch)
    {
      self->snooze_stretch = snapshot.break_stretch;
      self->n_snoozes = 0;
    }

  self->n_snoozes++;
  self->snoozed_until = snapshot.now + TEND_REMINDERS_SNOOZE_S;
  self->break_shown_stretch = 0;
}

/**
 * tend_reminders_should_offer_pause:
 *
 * Returns: %TRUE when the break reminder was snoozed twice in a row in this stretch, so
 *   the next one offers to pause reminders for an hour instead of snoozing again
 */
gboolean
tend_reminders_should_offer_pause (TendReminders *self)
{
  Snapshot snapshot = { 0 };

  g_return_val_if_fail (TEND_IS_REMINDERS (self), FALSE);

  if (self->n_snoozes < 2 || !take_snapshot (self, &snapshot, NULL))
    return FALSE;

  return snapshot.break_stretch != 0 && snapshot.break_stretch == self->snooze_stretch;
}

/**
 * tend_reminders_pause_from_nick:
 * @nick: "30-minutes", "1-hour" or "until-tomorrow", as in the app's pause-reminders action
 * @length: (out): the pause it names
 *
 * Returns: %FALSE when @nick names no pause
 */
gboolean
tend_reminders_pause_from_nick (const char         *nick,
                                TendRemindersPause *length)
{
  static const struct {
    const char *nick;
    TendRemindersPause length;
  } pauses[] = {
    { "30-minutes", TEND_REMINDERS_PAUSE_30_MINUTES },
    { "1-hour", TEND_REMINDERS_PAUSE_1_HOUR },
    { "until-tomorrow", TEND_REMINDERS_PAUSE_UNTIL_TOMORROW },
  };

  g_return_val_if_fail (length != NULL, FALSE);

  for (guint i = 0; nick != NULL && i < G_N_ELEMENTS (pauses); i++)
    {
      if (g_str_equal (nick, pauses[i].nick))
        {
          *length = pauses[i].length;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * tend_reminders_get_pause_end:
 * @length: for how long
 * @now: the time the pause starts
 *
 * Works out when a pause that starts at @now ends, for the reminders-paused-until
 * setting: 30 minutes or an hour later, or, until tomorrow, at the start of the next usage
 * day (03:00 local time). A pause never lasts more than %TEND_REMINDERS_LONGEST_PAUSE_S,
 * even over a day made longer by a change of clocks.
 *
 * Returns: the unix time (s) at which the pause ends
 */
gint64
tend_reminders_get_pause_end (TendRemindersPause  length,
                              GDateTime          *now)
{
  gint64 start, end;
  GDate day;

  g_return_val_if_fail (now != NULL, 0);

  start = g_date_time_to_unix (now);

  switch (length)
    {
    case TEND_REMINDERS_PAUSE_30_MINUTES:
      end = start + 30 * 60;
      break;

    case TEND_REMINDERS_PAUSE_1_HOUR:
      end = start + 60 * 60;
      break;

    case TEND_REMINDERS_PAUSE_UNTIL_TOMORROW:
      tend_usage_get_day_of (now, &day);
      g_date_add_days (&day, 1);
      end = tend_usage_get_day_start (&day);
      break;

    default:
      g_return_val_if_reached (0);
    }

  return MIN (end, start + TEND_REMINDERS_LONGEST_PAUSE_S);
}
