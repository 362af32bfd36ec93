/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tend-clock.h"
#include "tend-database.h"
#include "tend-idle-source.h"
#include "tend-notifier.h"
#include "tend-reminders.h"
#include "tend-usage.h"

G_BEGIN_DECLS

/* While active, seconds between two writes of the open span's end: a little under a
 * minute, so that a late timer and whole seconds still lose less than a minute in a crash. */
#define TEND_MONITOR_TICK_S 58

/**
 * TendMonitorSourceFunc:
 * @user_data: the data given with the function
 * @error: where to say, in plain words, why no source works
 *
 * Makes and starts an activity source, each time usage time is turned on.
 *
 * Returns: (transfer full) (nullable): a started source, or %NULL with @error set
 */
typedef TendIdleSource *(*TendMonitorSourceFunc) (gpointer   user_data,
                                                  GError   **error);

#define TEND_TYPE_MONITOR (tend_monitor_get_type ())

G_DECLARE_FINAL_TYPE (TendMonitor, tend_monitor, TEND, MONITOR, GObject)

TendMonitor   *tend_monitor_new              (TendDatabase          *database,
                                              TendClock             *clock,
                                              GSettings             *settings,
                                              TendNotifier          *notifier);
void           tend_monitor_set_source_func  (TendMonitor           *self,
                                              TendMonitorSourceFunc  func,
                                              gpointer               user_data,
                                              GDestroyNotify         destroy);
gboolean       tend_monitor_export           (TendMonitor           *self,
                                              GDBusConnection       *connection,
                                              GError               **error);
void           tend_monitor_watch_session    (TendMonitor           *self);
void           tend_monitor_start            (TendMonitor           *self);
void           tend_monitor_stop             (TendMonitor           *self);
void           tend_monitor_check            (TendMonitor           *self);
gboolean       tend_monitor_is_needed        (TendMonitor           *self);

void           tend_monitor_set_locked       (TendMonitor           *self,
                                              gboolean               locked);
void           tend_monitor_set_session_ending (TendMonitor         *self,
                                              gboolean               ending);

TendUsage     *tend_monitor_get_usage        (TendMonitor           *self);
TendReminders *tend_monitor_get_reminders    (TendMonitor           *self);
TendIdleSource *tend_monitor_get_source      (TendMonitor           *self);

G_END_DECLS
