/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TendIdleSourceXss: activity from an X11 server, for X11 desktops other than GNOME
 * (Xfce, MATE, Cinnamon).
 *
 * Where the server has the SYNC extension's IDLETIME counter (every X.Org server since
 * 1.7, Xvfb included), two alarms on it say everything, with no timer at all: one fires
 * when the idle time rises past the threshold, the other, set only while idle, when input
 * sets it back to zero. An idle desktop never wakes the source, and a return is seen at
 * once.
 *
 * Otherwise the MIT-SCREEN-SAVER extension only answers "how long since the last input",
 * so the source asks when the answer can next matter instead of polling:
 * - while active, it sleeps until the moment idleness could begin (threshold minus the
 *   idle time), then asks again: a person who keeps typing costs one wake-up per threshold;
 * - while idle, it asks every idle-check-interval seconds (one wake-up a minute by default),
 *   and wakes at once when the server's own screen saver turns off (ScreenSaverNotify).
 * A return is thus seen up to a minute late, and dated at the last input then seen.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <X11/Xlib.h>
#include <X11/extensions/scrnsaver.h>
#include <X11/extensions/sync.h>

#include "tend-idle-source-xss.h"

struct _TendIdleSourceXss
{
  TendIdleSource parent_instance;

  /* Owned */
  char              *display_name;
  Display           *display;
  XScreenSaverInfo  *info;
  guint              fd_id;
  guint              timeout_id;

  guint              idle_check_interval;
  gboolean           use_idletime;
  int                event_base;

  /* With the SYNC extension's IDLETIME counter */
  gboolean           have_idletime;
  int                sync_event_base;
  XSyncCounter       idletime;
  XSyncAlarm         idle_alarm;    /* the idle time rises past the threshold */
  XSyncAlarm         active_alarm;  /* input, while idle */
};

G_DEFINE_FINAL_TYPE (TendIdleSourceXss, tend_idle_source_xss, TEND_TYPE_IDLE_SOURCE)

enum {
  PROP_0,
  PROP_DISPLAY,
  PROP_IDLE_CHECK_INTERVAL,
  PROP_USE_IDLETIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void check_idle_time (TendIdleSourceXss *self);

static gint64
ms_before (gint64 now,
           gint64 ms)
{
  return now - MAX (ms, 0) * 1000;
}

static gint64
sync_value_to_ms (XSyncValue value)
{
  return ((gint64) XSyncValueHigh32 (value) << 32) | XSyncValueLow32 (value);
}

static XSyncAlarm
create_alarm (TendIdleSourceXss *self,
              XSyncTestType      test_type,
              gint64             wait_ms)
{
  XSyncAlarmAttributes attributes = { 0 };

  attributes.trigger.counter = self->idletime;
  attributes.trigger.value_type = XSyncAbsolute;
  attributes.trigger.test_type = test_type;
  XSyncIntsToValue (&attributes.trigger.wait_value, (unsigned int) (wait_ms & 0xffffffff),
                    (int) (wait_ms >> 32));
  XSyncIntToValue (&attributes.delta, 0);
  attributes.events = True;

  return XSyncCreateAlarm (self->display,
                           XSyncCACounter | XSyncCAValueType | XSyncCATestType | XSyncCAValue |
                           XSyncCADelta | XSyncCAEvents,
                           &attributes);
}

static void
destroy_active_alarm (TendIdleSourceXss *self)
{
  if (self->active_alarm == None)
    return;

  XSyncDestroyAlarm (self->display, self->active_alarm);
  self->active_alarm = None;
  XFlush (self->display);
}

static gboolean
query_idletime (TendIdleSourceXss *self,
                gint64            *idle_ms)
{
  XSyncValue value;

  if (!XSyncQueryCounter (self->display, self->idletime, &value))
    return FALSE;

  *idle_ms = sync_value_to_ms (value);
  return TRUE;
}

/* Idle since @idle_ms ago: wait for input. */
static void
sync_go_idle (TendIdleSourceXss *self,
              gint64             idle_ms)
{
  guint threshold = tend_idle_source_get_threshold (TEND_IDLE_SOURCE (self));
  gint64 now = g_get_real_time ();

  tend_idle_source_update (TEND_IDLE_SOURCE (self), FALSE, ms_before (now, idle_ms));

  /* Fires when input sets the idle time back below a millisecond. */
  if (self->active_alarm == None)
    self->active_alarm = create_alarm (self, XSyncNegativeTransition, 1);
  XFlush (self->display);

  /* Input between the idle alarm and the new one would not be seen until the next. */
  if (query_idletime (self, &idle_ms) && idle_ms < threshold)
    {
      destroy_active_alarm (self);
      tend_idle_source_update (TEND_IDLE_SOURCE (self), TRUE,
                               ms_before (g_get_real_time (), idle_ms));
    }
}

static void
handle_alarm (TendIdleSourceXss     *self,
              XSyncAlarmNotifyEvent *event)
{
  if (event->state == XSyncAlarmDestroyed)
    return;

  if (event->alarm == self->idle_alarm)
    {
      sync_go_idle (self, sync_value_to_ms (event->counter_value));
    }
  else if (event->alarm == self->active_alarm)
    {
      destroy_active_alarm (self);
      tend_idle_source_update (TEND_IDLE_SOURCE (self), TRUE,
                               ms_before (g_get_real_time (),
                                          sync_value_to_ms (event->counter_value)));
    }
}

/* Returns whether the server's screen saver changed state. */
static gboolean
drain_events (TendIdleSourceXss *self)
{
  gboolean saver_changed = FALSE;

  while (XPending (self->display) > 0)
    {
      XEvent event;

      XNextEvent (self->display, &event);
      if (event.type == self->event_base + ScreenSaverNotify)
        saver_changed = TRUE;
      else if (self->have_idletime && event.type == self->sync_event_base + XSyncAlarmNotify)
        handle_alarm (self, (XSyncAlarmNotifyEvent *) &event);
    }

  return saver_changed;
}

static gboolean
check_timeout_cb (gpointer user_data)
{
  TendIdleSourceXss *self = TEND_IDLE_SOURCE_XSS (user_data);

  self->timeout_id = 0;
  check_idle_time (self);

  return G_SOURCE_REMOVE;
}

static void
check_idle_time (TendIdleSourceXss *self)
{
  guint threshold = tend_idle_source_get_threshold (TEND_IDLE_SOURCE (self));
  gint64 now = g_get_real_time ();
  gulong idle_ms;

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (!XScreenSaverQueryInfo (self->display, DefaultRootWindow (self->display), self->info))
    {
      g_debug ("XScreenSaver: the idle time could not be read");
      idle_ms = 0;
    }
  else
    {
      idle_ms = self->info->idle;
    }
  /* The reply may have brought events that the file descriptor will not announce again. */
  drain_events (self);

  if (idle_ms >= threshold)
    {
      tend_idle_source_update (TEND_IDLE_SOURCE (self), FALSE, now - (gint64) idle_ms * 1000);
      self->timeout_id = g_timeout_add_seconds (self->idle_check_interval, check_timeout_cb, self);
    }
  else
    {
      tend_idle_source_update (TEND_IDLE_SOURCE (self), TRUE, now - (gint64) idle_ms * 1000);
      /* One millisecond past the moment idleness could begin, so that it has begun. */
      self->timeout_id = g_timeout_add (threshold - idle_ms + 1, check_timeout_cb, self);
    }
}

static gboolean
x_events_cb (int          fd,
             GIOCondition condition,
             gpointer     user_data)
{
  TendIdleSourceXss *self = TEND_IDLE_SOURCE_XSS (user_data);

  if (drain_events (self) && !self->have_idletime)
    check_idle_time (self);

  return G_SOURCE_CONTINUE;
}

/* Finds the server's IDLETIME counter, if it has one. */
static gboolean
find_idletime (TendIdleSourceXss *self)
{
  XSyncSystemCounter *counters;
  int error_base, major, minor, n_counters;

  if (!XSyncQueryExtension (self->display, &self->sync_event_base, &error_base) ||
      !XSyncInitialize (self->display, &major, &minor))
    return FALSE;

  counters = XSyncListSystemCounters (self->display, &n_counters);
  for (int i = 0; counters != NULL && i < n_counters; i++)
    {
      if (g_strcmp0 (counters[i].name, "IDLETIME") == 0)
        {
          self->idletime = counters[i].counter;
          self->have_idletime = TRUE;
        }
    }
  if (counters != NULL)
    XSyncFreeSystemCounterList (counters);

  return self->have_idletime;
}

static gboolean
tend_idle_source_xss_start (TendIdleSource  *source,
                            GError         **error)
{
  TendIdleSourceXss *self = TEND_IDLE_SOURCE_XSS (source);
  int error_base;

  self->display = XOpenDisplay (self->display_name);
  if (self->display == NULL)
    {
      g_set_error_literal (error, TEND_IDLE_SOURCE_ERROR, TEND_IDLE_SOURCE_ERROR_UNAVAILABLE,
                           _("No X11 display could be reached."));
      return FALSE;
    }

  if (!XScreenSaverQueryExtension (self->display, &self->event_base, &error_base))
    {
      g_set_error_literal (error, TEND_IDLE_SOURCE_ERROR, TEND_IDLE_SOURCE_ERROR_UNAVAILABLE,
                           _("The X11 display does not tell how long it has been idle."));
      return FALSE;
    }

  self->info = XScreenSaverAllocInfo ();
  self->fd_id = g_unix_fd_add (ConnectionNumber (self->display), G_IO_IN, x_events_cb, self);

  if (self->use_idletime && find_idletime (self))
    {
      gint64 idle_ms = 0;
      guint threshold = tend_idle_source_get_threshold (source);

      g_debug ("XScreenSaver source: following the SYNC extension's IDLETIME counter");
      self->idle_alarm = create_alarm (self, XSyncPositiveTransition, threshold);
      if (!query_idletime (self, &idle_ms))
        idle_ms = 0;

      if (idle_ms >= threshold)
        sync_go_idle (self, idle_ms);
      else
        tend_idle_source_update (source, TRUE, ms_before (g_get_real_time (), idle_ms));
      XFlush (self->display);
      /* The replies may have brought events that the file descriptor will not announce. */
      drain_events (self);

      return TRUE;
    }

  XScreenSaverSelectInput (self->display, DefaultRootWindow (self->display),
                           ScreenSaverNotifyMask);
  check_idle_time (self);

  return TRUE;
}

static void
tend_idle_source_xss_dispose (GObject *object)
{
  TendIdleSourceXss *self = TEND_IDLE_SOURCE_XSS (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->fd_id, g_source_remove);
  if (self->display != NULL && self->idle_alarm != None)
    XSyncDestroyAlarm (self->display, self->idle_alarm);
  self->idle_alarm = None;
  if (self->display != NULL)
    destroy_active_alarm (self);
  g_clear_pointer (&self->info, XFree);
  g_clear_pointer (&self->display, XCloseDisplay);

  G_OBJECT_CLASS (tend_idle_source_xss_parent_class)->dispose (object);
}

static void
tend_idle_source_xss_finalize (GObject *object)
{
  TendIdleSourceXss *self = TEND_IDLE_SOURCE_XSS (object);

  g_free (self->display_name);

  G_OBJECT_CLASS (tend_idle_source_xss_parent_class)->finalize (object);
}

static void
tend_idle_source_xss_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TendIdleSourceXss *self = TEND_IDLE_SOURCE_XSS (object);

  switch (prop_id)
    {
    case PROP_DISPLAY:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_IDLE_CHECK_INTERVAL:
      g_value_set_uint (value, self->idle_check_interval);
      break;

    case PROP_USE_IDLETIME:
      g_value_set_boolean (value, self->use_idletime);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_idle_source_xss_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TendIdleSourceXss *self = TEND_IDLE_SOURCE_XSS (object);

  switch (prop_id)
    {
    case PROP_DISPLAY:
      self->display_name = g_value_dup_string (value);
      break;

    case PROP_IDLE_CHECK_INTERVAL:
      self->idle_check_interval = g_value_get_uint (value);
      break;

    case PROP_USE_IDLETIME:
      self->use_idletime = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_idle_source_xss_class_init (TendIdleSourceXssClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TendIdleSourceClass *source_class = TEND_IDLE_SOURCE_CLASS (klass);

  object_class->dispose = tend_idle_source_xss_dispose;
  object_class->finalize = tend_idle_source_xss_finalize;
  object_class->get_property = tend_idle_source_xss_get_property;
  object_class->set_property = tend_idle_source_xss_set_property;

  source_class->start = tend_idle_source_xss_start;
  source_class->name = "xscreensaver";

  /**
   * TendIdleSourceXss:display:
   *
   * The X11 display name, or %NULL for `$DISPLAY`.
   */
  properties[PROP_DISPLAY] =
    g_param_spec_string ("display", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * TendIdleSourceXss:idle-check-interval:
   *
   * While idle, seconds between two looks at the idle time, on a server without the
   * IDLETIME counter (with it, nothing needs looking at).
   */
  properties[PROP_IDLE_CHECK_INTERVAL] =
    g_param_spec_uint ("idle-check-interval", NULL, NULL,
                       1, G_MAXUINT / 1000, TEND_IDLE_SOURCE_XSS_DEFAULT_IDLE_CHECK_INTERVAL,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * TendIdleSourceXss:use-idletime:
   *
   * Whether to follow the SYNC extension's IDLETIME counter when the server has one,
   * rather than look at the idle time now and then; %FALSE only to test the latter.
   */
  properties[PROP_USE_IDLETIME] =
    g_param_spec_boolean ("use-idletime", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tend_idle_source_xss_init (TendIdleSourceXss *self)
{
  self->idle_check_interval = TEND_IDLE_SOURCE_XSS_DEFAULT_IDLE_CHECK_INTERVAL;
}

/**
 * tend_idle_source_xss_new:
 * @display_name: (nullable): an X11 display name, or %NULL for `$DISPLAY`
 *
 * Returns: (transfer full): a source to start with tend_idle_source_start()
 */
TendIdleSource *
tend_idle_source_xss_new (const char *display_name)
{
  return g_object_new (TEND_TYPE_IDLE_SOURCE_XSS, "display", display_name, NULL);
}
