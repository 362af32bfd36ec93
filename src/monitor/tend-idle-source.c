/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TendIdleSource: where the monitor learns that the person is using the computer or not.
 *
 * A source starts out "active" or "idle" as tend_idle_source_start() finds it, then emits
 * "active" or "idle" on each change only. The argument of both signals is the realtime
 * (g_get_real_time(), microseconds) at which the new state began: for "idle", the moment of
 * the last input (not that moment plus the threshold), so the tracker can count exactly.
 *
 * A source whose desktop goes away after it started (the compositor quit) cannot come back:
 * it goes idle, sets its "error" property in plain words, and says nothing more.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tend-idle-source.h"
#include "tend-idle-source-mutter.h"
#include "tend-idle-source-wayland.h"
#include "tend-idle-source-xss.h"

typedef struct
{
  GError  *error;
  guint    threshold_ms;
  gint64   since;
  gboolean active;
  gboolean started;
} TendIdleSourcePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TendIdleSource, tend_idle_source, G_TYPE_OBJECT)

G_DEFINE_QUARK (tend-idle-source-error-quark, tend_idle_source_error)

enum {
  PROP_0,
  PROP_THRESHOLD,
  PROP_ACTIVE,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_ACTIVE,
  SIGNAL_IDLE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
tend_idle_source_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TendIdleSource *self = TEND_IDLE_SOURCE (object);
  TendIdleSourcePrivate *priv = tend_idle_source_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_THRESHOLD:
      g_value_set_uint (value, priv->threshold_ms);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, priv->active);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, priv->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_idle_source_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TendIdleSource *self = TEND_IDLE_SOURCE (object);
  TendIdleSourcePrivate *priv = tend_idle_source_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_THRESHOLD:
      priv->threshold_ms = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_idle_source_finalize (GObject *object)
{
  TendIdleSource *self = TEND_IDLE_SOURCE (object);
  TendIdleSourcePrivate *priv = tend_idle_source_get_instance_private (self);

  g_clear_error (&priv->error);

  G_OBJECT_CLASS (tend_idle_source_parent_class)->finalize (object);
}

static void
tend_idle_source_class_init (TendIdleSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tend_idle_source_finalize;
  object_class->get_property = tend_idle_source_get_property;
  object_class->set_property = tend_idle_source_set_property;

  /**
   * TendIdleSource:threshold:
   *
   * How long without input, in milliseconds, before the person counts as away.
   */
  properties[PROP_THRESHOLD] =
    g_param_spec_uint ("threshold", NULL, NULL,
                       100, G_MAXUINT, TEND_IDLE_SOURCE_DEFAULT_THRESHOLD_MS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TendIdleSource:error:
   *
   * Why a started source stopped working, in plain words; %NULL while it works.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TendIdleSource::active:
   * @since: the realtime, in microseconds, at which use began again
   */
  signals[SIGNAL_ACTIVE] =
    g_signal_new ("active", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * TendIdleSource::idle:
   * @since: the realtime, in microseconds, of the last input
   */
  signals[SIGNAL_IDLE] =
    g_signal_new ("idle", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
tend_idle_source_init (TendIdleSource *self)
{
  TendIdleSourcePrivate *priv = tend_idle_source_get_instance_private (self);

  priv->threshold_ms = TEND_IDLE_SOURCE_DEFAULT_THRESHOLD_MS;
  priv->active = TRUE;
}

/**
 * tend_idle_source_start:
 *
 * Begins watching. On success, tend_idle_source_is_active() and
 * tend_idle_source_get_since() tell the state found, and the "active" and "idle" signals
 * report each change from then on. On failure, @error says in plain words why.
 */
gboolean
tend_idle_source_start (TendIdleSource  *self,
                        GError         **error)
{
  TendIdleSourcePrivate *priv = tend_idle_source_get_instance_private (self);

  g_return_val_if_fail (TEND_IS_IDLE_SOURCE (self), FALSE);
  g_return_val_if_fail (!priv->started, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  priv->since = g_get_real_time ();
  if (!TEND_IDLE_SOURCE_GET_CLASS (self)->start (self, error))
    return FALSE;

  priv->started = TRUE;
  return TRUE;
}

gboolean
tend_idle_source_is_started (TendIdleSource *self)
{
  TendIdleSourcePrivate *priv = tend_idle_source_get_instance_private (self);

  g_return_val_if_fail (TEND_IS_IDLE_SOURCE (self), FALSE);

  return priv->started;
}

gboolean
tend_idle_source_is_active (TendIdleSource *self)
{
  TendIdleSourcePrivate *priv = tend_idle_source_get_instance_private (self);

  g_return_val_if_fail (TEND_IS_IDLE_SOURCE (self), FALSE);

  return priv->active;
}

/**
 * tend_idle_source_get_since:
 *
 * Returns: the realtime, in microseconds, at which the current state began
 */
gint64
tend_idle_source_get_since (TendIdleSource *self)
{
  TendIdleSourcePrivate *priv = tend_idle_source_get_instance_private (self);

  g_return_val_if_fail (TEND_IS_IDLE_SOURCE (self), 0);

  return priv->since;
}

const char *
tend_idle_source_get_name (TendIdleSource *self)
{
  g_return_val_if_fail (TEND_IS_IDLE_SOURCE (self), NULL);

  return TEND_IDLE_SOURCE_GET_CLASS (self)->name;
}

guint
tend_idle_source_get_threshold (TendIdleSource *self)
{
  TendIdleSourcePrivate *priv = tend_idle_source_get_instance_private (self);

  g_return_val_if_fail (TEND_IS_IDLE_SOURCE (self), 0);

  return priv->threshold_ms;
}

/**
 * tend_idle_source_get_error:
 *
 * Returns: (nullable): why the source stopped working after it started, or %NULL
 */
const GError *
tend_idle_source_get_error (TendIdleSource *self)
{
  TendIdleSourcePrivate *priv = tend_idle_source_get_instance_private (self);

  g_return_val_if_fail (TEND_IS_IDLE_SOURCE (self), NULL);

  return priv->error;
}

static void
set_state (TendIdleSource *self,
           gboolean        active,
           gint64          since)
{
  TendIdleSourcePrivate *priv = tend_idle_source_get_instance_private (self);

  active = !!active;
  if (priv->started && priv->active == active)
    return;

  /* A state cannot begin before the one it ends. */
  if (priv->started)
    since = MAX (since, priv->since);

  priv->since = since;
  if (priv->active != active)
    {
      priv->active = active;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
    }

  if (priv->started)
    g_signal_emit (self, signals[active ? SIGNAL_ACTIVE : SIGNAL_IDLE], 0, since);
}

/**
 * tend_idle_source_update:
 * @active: whether the person is using the computer
 * @since: the realtime, in microseconds, at which that state began
 *
 * For subclasses. During start() this sets the state found without a signal; after it, a
 * change of state emits "active" or "idle", and the same state again does nothing. A
 * source that failed changes no more.
 */
void
tend_idle_source_update (TendIdleSource *self,
                         gboolean        active,
                         gint64          since)
{
  TendIdleSourcePrivate *priv = tend_idle_source_get_instance_private (self);

  g_return_if_fail (TEND_IS_IDLE_SOURCE (self));

  if (priv->error == NULL)
    set_state (self, active, since);
}

/**
 * tend_idle_source_fail:
 * @error: why, in plain words
 *
 * For subclasses, once started: the source can no longer tell anything. Nobody can be
 * seen using the computer from then on, so it goes idle from now (if it was active), sets
 * #TendIdleSource:error, and ignores later updates.
 */
void
tend_idle_source_fail (TendIdleSource *self,
                       const GError   *error)
{
  TendIdleSourcePrivate *priv = tend_idle_source_get_instance_private (self);

  g_return_if_fail (TEND_IS_IDLE_SOURCE (self));
  g_return_if_fail (priv->started);
  g_return_if_fail (error != NULL);

  if (priv->error != NULL)
    return;

  /* Set first, so that a handler of the "idle" that follows can tell why. */
  priv->error = g_error_copy (error);
  set_state (self, FALSE, g_get_real_time ());
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/**
 * tend_idle_source_new_best:
 *
 * Finds a way to tell when the computer is in use, and starts it: GNOME's idle monitor
 * first, then the compositor's ext-idle-notify-v1 in a Wayland session (KDE Plasma, Sway
 * and other wlroots desktops, COSMIC), then the XScreenSaver extension of an X11 session.
 *
 * Returns: (transfer full): a started source, or %NULL with @error in plain words
 */
TendIdleSource *
tend_idle_source_new_best (GError **error)
{
  return tend_idle_source_new_best_full (TEND_IDLE_SOURCE_DEFAULT_THRESHOLD_MS, error);
}

/**
 * tend_idle_source_new_best_full:
 * @threshold_ms: how long without input before the person counts as away
 *
 * As tend_idle_source_new_best(), with another threshold than two minutes: for trying
 * the monitor out and for its tests.
 *
 * Returns: (transfer full): a started source, or %NULL with @error in plain words
 */
TendIdleSource *
tend_idle_source_new_best_full (guint    threshold_ms,
                                GError **error)
{
  g_autoptr(TendIdleSource) mutter = NULL;
  g_autoptr(TendIdleSource) wayland = NULL;
  g_autoptr(TendIdleSource) xss = NULL;
  g_autoptr(GError) mutter_error = NULL;
  g_autoptr(GError) wayland_error = NULL;
  g_autoptr(GError) xss_error = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  mutter = g_object_new (TEND_TYPE_IDLE_SOURCE_MUTTER, "threshold", threshold_ms, NULL);
  if (tend_idle_source_start (mutter, &mutter_error))
    return g_steal_pointer (&mutter);
  g_debug ("No GNOME idle monitor: %s", mutter_error->message);

  if (g_getenv ("WAYLAND_DISPLAY") != NULL)
    {
      wayland = tend_idle_source_wayland_new (NULL);
      if (tend_idle_source_start (wayland, &wayland_error))
        return g_steal_pointer (&wayland);
      g_debug ("No Wayland idle notifications: %s", wayland_error->message);

      /* Not XScreenSaver then: Xwayland only sees input given to X11 windows, so its idle
       * time would be wrong. */
      g_set_error (error, TEND_IDLE_SOURCE_ERROR, TEND_IDLE_SOURCE_ERROR_UNAVAILABLE,
                   _("Tend cannot tell when this computer is in use. %s"),
                   wayland_error->message);
      return NULL;
    }

  /* A Wayland session whose display this process cannot see: Xwayland would be wrong too. */
  if (g_strcmp0 (g_getenv ("XDG_SESSION_TYPE"), "wayland") == 0)
    {
      g_set_error (error, TEND_IDLE_SOURCE_ERROR, TEND_IDLE_SOURCE_ERROR_UNAVAILABLE,
                   _("Tend cannot tell when this computer is in use: this desktop does not "
                     "share that with apps."));
      return NULL;
    }

  xss = g_object_new (TEND_TYPE_IDLE_SOURCE_XSS, "threshold", threshold_ms, NULL);
  if (tend_idle_source_start (xss, &xss_error))
    return g_steal_pointer (&xss);
  g_debug ("No XScreenSaver idle time: %s", xss_error->message);

  g_set_error (error, TEND_IDLE_SOURCE_ERROR, TEND_IDLE_SOURCE_ERROR_UNAVAILABLE,
               _("Tend cannot tell when this computer is in use. %s"), xss_error->message);
  return NULL;
}
