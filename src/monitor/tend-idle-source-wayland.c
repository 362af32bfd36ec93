/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TendIdleSourceWayland: activity from the compositor's ext-idle-notify-v1 protocol, on
 * Wayland desktops other than GNOME (KDE Plasma, Sway and the other wlroots compositors,
 * COSMIC, Hyprland).
 *
 * The compositor does the watching: one notification object, made with the threshold,
 * sends "idled" once that long has passed without input and "resumed" at the next input.
 * The display's socket is a GSource of the main loop, so the monitor sleeps until the
 * compositor says something: no thread, no timer.
 *
 * When the compositor goes away (the session ended, or it crashed), the source fails: it
 * goes idle and sets its error. A Wayland connection cannot move to another compositor.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <wayland-client.h>

#include "ext-idle-notify-v1-client-protocol.h"
#include "tend-idle-source-wayland.h"

/* The version that has get_input_idle_notification. */
#define NOTIFIER_VERSION_INPUT 2

struct _TendIdleSourceWayland
{
  TendIdleSource parent_instance;

  /* Owned */
  char                            *display_name;
  struct wl_display               *display;
  struct wl_registry              *registry;
  struct wl_seat                  *seat;
  struct ext_idle_notifier_v1     *notifier;
  struct ext_idle_notification_v1 *notification;
  GSource                         *display_source;

  guint32                          notifier_version;
  gboolean                         ignores_inhibitors;
};

G_DEFINE_FINAL_TYPE (TendIdleSourceWayland, tend_idle_source_wayland, TEND_TYPE_IDLE_SOURCE)

enum {
  PROP_0,
  PROP_DISPLAY,
  PROP_IGNORES_INHIBITORS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void display_lost (TendIdleSourceWayland *self);

/* The display in the main loop ----------------------------------------------------------
 *
 * libwayland's reading protocol: prepare a read before the loop sleeps (which fails while
 * events already read wait in the queue: dispatch those first), then read after the poll,
 * or cancel the read if the socket had nothing. Each prepared read is read or cancelled. */

typedef struct
{
  GSource                source;
  TendIdleSourceWayland *self;  /* borrowed: the source is destroyed in dispose */
  gpointer               fd_tag;
  gboolean               reading;
  gboolean               broken;
} DisplaySource;

static gboolean
display_source_prepare (GSource *source,
                        int     *timeout)
{
  DisplaySource *display_source = (DisplaySource *) source;
  struct wl_display *display = display_source->self->display;

  *timeout = -1;
  if (display_source->broken)
    return TRUE;

  /* A read prepared before a wake-up that only dispatched other sources still stands. */
  if (display_source->reading)
    return FALSE;

  if (wl_display_prepare_read (display) != 0)
    return TRUE;
  display_source->reading = TRUE;

  /* Requests reach the compositor before the loop sleeps. */
  if (wl_display_flush (display) < 0 && errno != EAGAIN)
    {
      wl_display_cancel_read (display);
      display_source->reading = FALSE;
      display_source->broken = TRUE;
      return TRUE;
    }

  return FALSE;
}

static gboolean
display_source_check (GSource *source)
{
  DisplaySource *display_source = (DisplaySource *) source;
  struct wl_display *display = display_source->self->display;
  GIOCondition revents = g_source_query_unix_fd (source, display_source->fd_tag);

  if (display_source->reading)
    {
      display_source->reading = FALSE;
      if ((revents & G_IO_IN) == 0)
        wl_display_cancel_read (display);
      else if (wl_display_read_events (display) < 0)
        display_source->broken = TRUE;
    }

  /* A closed socket with data left is read first; reading at its end fails. */
  if ((revents & (G_IO_HUP | G_IO_ERR)) != 0 && (revents & G_IO_IN) == 0)
    display_source->broken = TRUE;

  return display_source->broken || (revents & G_IO_IN) != 0;
}

static gboolean
display_source_dispatch (GSource     *source,
                         GSourceFunc  callback,
                         gpointer     user_data)
{
  DisplaySource *display_source = (DisplaySource *) source;
  /* A signal handler may drop the last other reference while libwayland dispatches. */
  g_autoptr(TendIdleSourceWayland) self = g_object_ref (display_source->self);

  if (!display_source->broken && wl_display_dispatch_pending (self->display) < 0)
    display_source->broken = TRUE;

  if (display_source->broken)
    {
      display_lost (self);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static GSourceFuncs display_source_funcs = {
  display_source_prepare,
  display_source_check,
  display_source_dispatch,
  NULL,
  NULL,
  NULL,
};

static GSource *
display_source_new (TendIdleSourceWayland *self)
{
  GSource *source = g_source_new (&display_source_funcs, sizeof (DisplaySource));
  DisplaySource *display_source = (DisplaySource *) source;

  g_source_set_static_name (source, "[tend] Wayland display");
  display_source->self = self;
  display_source->fd_tag = g_source_add_unix_fd (source, wl_display_get_fd (self->display),
                                                  G_IO_IN | G_IO_HUP | G_IO_ERR);

  return source;
}

/* The protocol --------------------------------------------------------------------- */

static void
notification_idled_cb (void                            *data,
                       struct ext_idle_notification_v1 *notification)
{
  TendIdleSource *source = TEND_IDLE_SOURCE (data);
  guint threshold = tend_idle_source_get_threshold (source);

  /* Sent once the threshold has passed without input: the last input was then. */
  tend_idle_source_update (source, FALSE, g_get_real_time () - (gint64) threshold * 1000);
}

static void
notification_resumed_cb (void                            *data,
                         struct ext_idle_notification_v1 *notification)
{
  tend_idle_source_update (TEND_IDLE_SOURCE (data), TRUE, g_get_real_time ());
}

static const struct ext_idle_notification_v1_listener notification_listener = {
  notification_idled_cb,
  notification_resumed_cb,
};

static void
registry_global_cb (void               *data,
                    struct wl_registry *registry,
                    uint32_t            name,
                    const char         *interface,
                    uint32_t            version)
{
  TendIdleSourceWayland *self = TEND_IDLE_SOURCE_WAYLAND (data);

  if (self->notifier == NULL && g_str_equal (interface, ext_idle_notifier_v1_interface.name))
    {
      self->notifier_version = MIN (version, NOTIFIER_VERSION_INPUT);
      self->notifier = wl_registry_bind (registry, name, &ext_idle_notifier_v1_interface,
                                         self->notifier_version);
    }
  else if (self->seat == NULL && g_str_equal (interface, wl_seat_interface.name))
    {
      /* The first seat: a desktop session has one. Version 1 is all a notification needs. */
      self->seat = wl_registry_bind (registry, name, &wl_seat_interface, 1);
    }
}

static void
registry_global_remove_cb (void               *data,
                           struct wl_registry *registry,
                           uint32_t            name)
{
}

static const struct wl_registry_listener registry_listener = {
  registry_global_cb,
  registry_global_remove_cb,
};

static void
disconnect (TendIdleSourceWayland *self)
{
  if (self->display_source != NULL)
    {
      if (((DisplaySource *) self->display_source)->reading)
        wl_display_cancel_read (self->display);
      g_source_destroy (self->display_source);
      g_clear_pointer (&self->display_source, g_source_unref);
    }

  g_clear_pointer (&self->notification, ext_idle_notification_v1_destroy);
  g_clear_pointer (&self->notifier, ext_idle_notifier_v1_destroy);
  g_clear_pointer (&self->seat, wl_seat_destroy);
  g_clear_pointer (&self->registry, wl_registry_destroy);
  if (self->display != NULL)
    {
      /* The compositor forgets the notification at once, not when it notices the hang-up. */
      wl_display_flush (self->display);
      g_clear_pointer (&self->display, wl_display_disconnect);
    }
}

static void
display_lost (TendIdleSourceWayland *self)
{
  g_autoptr(GError) error = NULL;
  int code = wl_display_get_error (self->display);

  if (code == EPROTO)
    {
      const struct wl_interface *interface = NULL;
      guint32 protocol_code = wl_display_get_protocol_error (self->display, &interface, NULL);

      g_debug ("ext-idle-notify: protocol error %u on %s", protocol_code,
               interface != NULL ? interface->name : "the display");
    }
  else
    {
      g_debug ("ext-idle-notify: the Wayland connection is lost: %s", g_strerror (code));
    }

  disconnect (self);
  error = g_error_new_literal (TEND_IDLE_SOURCE_ERROR, TEND_IDLE_SOURCE_ERROR_UNAVAILABLE,
                               _("The connection to the Wayland display was lost."));
  tend_idle_source_fail (TEND_IDLE_SOURCE (self), error);
}

static gboolean
tend_idle_source_wayland_start (TendIdleSource  *source,
                                GError         **error)
{
  TendIdleSourceWayland *self = TEND_IDLE_SOURCE_WAYLAND (source);
  guint threshold = tend_idle_source_get_threshold (source);

  self->display = wl_display_connect (self->display_name);
  if (self->display == NULL)
    {
      g_debug ("ext-idle-notify: %s", g_strerror (errno));
      g_set_error_literal (error, TEND_IDLE_SOURCE_ERROR, TEND_IDLE_SOURCE_ERROR_UNAVAILABLE,
                           _("No Wayland display could be reached."));
      return FALSE;
    }

  self->registry = wl_display_get_registry (self->display);
  wl_registry_add_listener (self->registry, &registry_listener, self);
  if (wl_display_roundtrip (self->display) < 0)
    {
      g_debug ("ext-idle-notify: %s", g_strerror (wl_display_get_error (self->display)));
      disconnect (self);
      g_set_error_literal (error, TEND_IDLE_SOURCE_ERROR, TEND_IDLE_SOURCE_ERROR_UNAVAILABLE,
                           _("The Wayland display does not answer."));
      return FALSE;
    }
  /* Its later events are of no use: the notification stays valid if its global goes. */
  g_clear_pointer (&self->registry, wl_registry_destroy);

  if (self->notifier == NULL)
    {
      disconnect (self);
      g_set_error_literal (error, TEND_IDLE_SOURCE_ERROR, TEND_IDLE_SOURCE_ERROR_UNAVAILABLE,
                           _("This desktop does not tell apps when nobody is using it."));
      return FALSE;
    }

  if (self->seat == NULL)
    {
      disconnect (self);
      g_set_error_literal (error, TEND_IDLE_SOURCE_ERROR, TEND_IDLE_SOURCE_ERROR_UNAVAILABLE,
                           _("The Wayland display has no keyboard or pointer to watch."));
      return FALSE;
    }

  if (self->notifier_version >= NOTIFIER_VERSION_INPUT)
    {
      /* get_input_idle_notification (version 2): only input counts, and idle inhibitors are
       * ignored. A film or a call that keeps the screen on does not mean someone is at the
       * keyboard, and the Mutter source sees through inhibitors the same way. */
      self->notification =
        ext_idle_notifier_v1_get_input_idle_notification (self->notifier, threshold, self->seat);
      self->ignores_inhibitors = TRUE;
    }
  else
    {
      /* get_idle_notification (version 1), the only kind older compositors have: while an
       * idle inhibitor is held (a film, a call), the person counts as present. */
      self->notification =
        ext_idle_notifier_v1_get_idle_notification (self->notifier, threshold, self->seat);
    }
  ext_idle_notification_v1_add_listener (self->notification, &notification_listener, self);

  if (wl_display_flush (self->display) < 0 && errno != EAGAIN)
    {
      g_debug ("ext-idle-notify: %s", g_strerror (errno));
      disconnect (self);
      g_set_error_literal (error, TEND_IDLE_SOURCE_ERROR, TEND_IDLE_SOURCE_ERROR_UNAVAILABLE,
                           _("The Wayland display does not answer."));
      return FALSE;
    }

  /* A new notification is not idle: it counts the threshold from now. */
  tend_idle_source_update (source, TRUE, g_get_real_time ());

  self->display_source = display_source_new (self);
  g_source_attach (self->display_source, g_main_context_get_thread_default ());
  if (self->ignores_inhibitors)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IGNORES_INHIBITORS]);

  return TRUE;
}

static void
tend_idle_source_wayland_dispose (GObject *object)
{
  TendIdleSourceWayland *self = TEND_IDLE_SOURCE_WAYLAND (object);

  disconnect (self);

  G_OBJECT_CLASS (tend_idle_source_wayland_parent_class)->dispose (object);
}

static void
tend_idle_source_wayland_finalize (GObject *object)
{
  TendIdleSourceWayland *self = TEND_IDLE_SOURCE_WAYLAND (object);

  g_free (self->display_name);

  G_OBJECT_CLASS (tend_idle_source_wayland_parent_class)->finalize (object);
}

static void
tend_idle_source_wayland_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  TendIdleSourceWayland *self = TEND_IDLE_SOURCE_WAYLAND (object);

  switch (prop_id)
    {
    case PROP_DISPLAY:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_IGNORES_INHIBITORS:
      g_value_set_boolean (value, tend_idle_source_wayland_get_ignores_inhibitors (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_idle_source_wayland_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  TendIdleSourceWayland *self = TEND_IDLE_SOURCE_WAYLAND (object);

  switch (prop_id)
    {
    case PROP_DISPLAY:
      self->display_name = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_idle_source_wayland_class_init (TendIdleSourceWaylandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TendIdleSourceClass *source_class = TEND_IDLE_SOURCE_CLASS (klass);

  object_class->dispose = tend_idle_source_wayland_dispose;
  object_class->finalize = tend_idle_source_wayland_finalize;
  object_class->get_property = tend_idle_source_wayland_get_property;
  object_class->set_property = tend_idle_source_wayland_set_property;

  source_class->start = tend_idle_source_wayland_start;
  source_class->name = "ext-idle-notify";

  /**
   * TendIdleSourceWayland:display:
   *
   * The Wayland display (a socket name or path), or %NULL for `$WAYLAND_DISPLAY`.
   */
  properties[PROP_DISPLAY] =
    g_param_spec_string ("display", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * TendIdleSourceWayland:ignores-inhibitors:
   *
   * Whether the started source watches input alone (the compositor has version 2 of the
   * protocol), so that idle inhibitors do not hide that nobody is there.
   */
  properties[PROP_IGNORES_INHIBITORS] =
    g_param_spec_boolean ("ignores-inhibitors", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tend_idle_source_wayland_init (TendIdleSourceWayland *self)
{
}

/**
 * tend_idle_source_wayland_new:
 * @display_name: (nullable): a Wayland display, or %NULL for `$WAYLAND_DISPLAY`
 *
 * Returns: (transfer full): a source to start with tend_idle_source_start()
 */
TendIdleSource *
tend_idle_source_wayland_new (const char *display_name)
{
  return g_object_new (TEND_TYPE_IDLE_SOURCE_WAYLAND, "display", display_name, NULL);
}

/**
 * tend_idle_source_wayland_get_ignores_inhibitors:
 *
 * Returns: whether the started source asked for an input-only notification (version 2 of
 *   the protocol), which idle inhibitors do not hold back
 */
gboolean
tend_idle_source_wayland_get_ignores_inhibitors (TendIdleSourceWayland *self)
{
  g_return_val_if_fail (TEND_IS_IDLE_SOURCE_WAYLAND (self), FALSE);

  return self->ignores_inhibitors;
}
