/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tend-usage.h"

G_BEGIN_DECLS

typedef enum
{
  TEND_REMINDER_NONE,
  TEND_REMINDER_BREAK,
  TEND_REMINDER_EYE_REST,
  TEND_REMINDER_GOAL_PASSED,
} TendReminderKind;

typedef enum
{
  TEND_REMINDERS_PAUSE_30_MINUTES,
  TEND_REMINDERS_PAUSE_1_HOUR,
  TEND_REMINDERS_PAUSE_UNTIL_TOMORROW,
} TendRemindersPause;

#define TEND_REMINDERS_DEFAULT_BREAK_INTERVAL_MIN 50
#define TEND_REMINDERS_DEFAULT_BREAK_LENGTH_MIN   5
#define TEND_REMINDERS_SNOOZE_S                   (10 * 60)
#define TEND_REMINDERS_EYE_REST_INTERVAL_S        (20 * 60)
#define TEND_REMINDERS_EYE_REST_LENGTH_S          20
/* A pause never lasts longer than this, whatever was asked. */
#define TEND_REMINDERS_LONGEST_PAUSE_S            (24 * 60 * 60)

#define TEND_TYPE_REMINDERS (tend_reminders_get_type ())

G_DECLARE_FINAL_TYPE (TendReminders, tend_reminders, TEND, REMINDERS, GObject)

TendReminders   *tend_reminders_new                 (TendUsage          *usage);

void             tend_reminders_set_break_enabled   (TendReminders      *self,
                                                     gboolean            enabled);
gboolean         tend_reminders_get_break_enabled   (TendReminders      *self);
void             tend_reminders_set_break_interval  (TendReminders      *self,
                                                     guint               minutes);
guint            tend_reminders_get_break_interval  (TendReminders      *self);
void             tend_reminders_set_break_length    (TendReminders      *self,
                                                     guint               minutes);
guint            tend_reminders_get_break_length    (TendReminders      *self);
void             tend_reminders_set_eye_rest_enabled (TendReminders     *self,
                                                     gboolean            enabled);
gboolean         tend_reminders_get_eye_rest_enabled (TendReminders     *self);
void             tend_reminders_set_daily_goal      (TendReminders      *self,
                                                     guint               minutes);
guint            tend_reminders_get_daily_goal      (TendReminders      *self);
void             tend_reminders_set_quiet_hours     (TendReminders      *self,
                                                     int                 start_minute,
                                                     int                 end_minute);
gboolean         tend_reminders_is_quiet_at         (TendReminders      *self,
                                                     GDateTime          *time);

TendReminderKind tend_reminders_next_due            (TendReminders      *self,
                                                     GDateTime         **when,
                                                     GError            **error);
void             tend_reminders_shown               (TendReminders      *self,
                                                     TendReminderKind    kind);
gboolean         tend_reminders_is_stale            (TendReminders      *self,
                                                     TendReminderKind    kind);
void             tend_reminders_snooze              (TendReminders      *self);
gboolean         tend_reminders_should_offer_pause  (TendReminders      *self);

void             tend_reminders_pause               (TendReminders      *self,
                                                     TendRemindersPause  length);
void             tend_reminders_set_paused_until    (TendReminders      *self,
                                                     GDateTime          *until);
GDateTime       *tend_reminders_get_paused_until    (TendReminders      *self);

gboolean         tend_reminders_pause_from_nick     (const char         *nick,
                                                     TendRemindersPause *length);
gint64           tend_reminders_get_pause_end       (TendRemindersPause  length,
                                                     GDateTime          *now);

G_END_DECLS
