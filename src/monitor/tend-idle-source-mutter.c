/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TendIdleSourceMutter: activity from GNOME's org.gnome.Mutter.IdleMonitor, on Wayland and
 * X11 alike.
 *
 * Event-driven: one idle watch (Mutter fires it each time the idle time reaches the
 * threshold) and, while idle, a one-shot user-active watch that fires on the next input.
 * Idle inhibitors (a film, a call, a presentation) stop the idle watch from firing, while
 * GetIdletime still tells the raw time since the last input, so a slow check asks for it
 * every few minutes while the person is active (and while away without a user-active
 * watch; with one, an idle desktop never wakes the source). Mutter drops a client's watches
 * when its name leaves the bus; when the monitor comes back (gnome-shell restarted on X11),
 * the watches are added again.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tend-idle-source-mutter.h"

#define MUTTER_BUS   "org.gnome.Mutter.IdleMonitor"
#define MUTTER_PATH  "/org/gnome/Mutter/IdleMonitor/Core"
#define MUTTER_IFACE "org.gnome.Mutter.IdleMonitor"

/* Long enough for a busy shell, short enough not to hang the monitor's start. */
#define CALL_TIMEOUT_MS 5000

struct _TendIdleSourceMutter
{
  TendIdleSource parent_instance;

  /* Owned */
  GDBusConnection *connection;
  GCancellable    *cancellable;
  char            *owner;
  guint            signal_id;
  guint            name_watch_id;
  guint            check_id;

  guint            check_interval;
  guint32          idle_watch_id;
  guint32          active_watch_id;
  gboolean         adding_active_watch;
  gboolean         lost_owner;
};

G_DEFINE_FINAL_TYPE (TendIdleSourceMutter, tend_idle_source_mutter, TEND_TYPE_IDLE_SOURCE)

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_CHECK_INTERVAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
ms_ago (guint64 ms)
{
  return g_get_real_time () - (gint64) MIN (ms, (guint64) G_MAXINT64 / 1000) * 1000;
}

/* The call keeps the connection alive until it is answered: the source holding the only
 * reference may be going away. */
static void
watch_removed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GDBusConnection) connection = user_data;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (connection, result, NULL);
}

static void
remove_watch (GDBusConnection *connection,
              guint32          id)
{
  if (id == 0 || connection == NULL || g_dbus_connection_is_closed (connection))
    return;

  g_dbus_connection_call (connection, MUTTER_BUS, MUTTER_PATH, MUTTER_IFACE, "RemoveWatch",
                          g_variant_new ("(u)", id), NULL, G_DBUS_CALL_FLAGS_NO_AUTO_START, -1,
                          NULL, watch_removed_cb, g_object_ref (connection));
}

static void check_idle_time (TendIdleSourceMutter *self);
static void update_check    (TendIdleSourceMutter *self);

typedef struct
{
  GWeakRef self;
  gboolean is_idle_watch;
} AddWatchData;

static void
watch_added_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AddWatchData *data = user_data;
  g_autoptr(TendIdleSourceMutter) self = g_weak_ref_get (&data->self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  gboolean is_idle_watch = data->is_idle_watch;
  guint32 id = 0;

  g_weak_ref_clear (&data->self);
  g_free (data);

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply != NULL)
    g_variant_get (reply, "(u)", &id);

  /* Not cancelled with the source: a watch added after it went away is removed here. */
  if (self == NULL)
    {
      remove_watch (G_DBUS_CONNECTION (object), id);
      return;
    }

  if (reply == NULL)
    {
      /* The slow check still finds idleness and the person's return. */
      g_debug ("Mutter idle monitor: adding a watch failed: %s", error->message);
      if (!is_idle_watch)
        self->adding_active_watch = FALSE;
      update_check (self);
      return;
    }

  if (is_idle_watch)
    {
      self->idle_watch_id = id;
      check_idle_time (self);
    }
  else
    {
      self->adding_active_watch = FALSE;
      self->active_watch_id = id;
    }
  update_check (self);
}

static void
add_watch (TendIdleSourceMutter *self,
           gboolean              is_idle_watch)
{
  AddWatchData *data = g_new0 (AddWatchData, 1);
  guint threshold = tend_idle_source_get_threshold (TEND_IDLE_SOURCE (self));

  g_weak_ref_init (&data->self, self);
  data->is_idle_watch = is_idle_watch;
  g_dbus_connection_call (self->connection, MUTTER_BUS, MUTTER_PATH, MUTTER_IFACE,
                          is_idle_watch ? "AddIdleWatch" : "AddUserActiveWatch",
                          is_idle_watch ? g_variant_new ("(t)", (guint64) threshold) : NULL,
                          G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NO_AUTO_START, CALL_TIMEOUT_MS,
                          NULL, watch_added_cb, data);
}

static void
add_active_watch (TendIdleSourceMutter *self)
{
  if (self->active_watch_id != 0 || self->adding_active_watch)
    return;

  self->adding_active_watch = TRUE;
  add_watch (self, FALSE);
}

static void
went_idle (TendIdleSourceMutter *self,
           guint64               idle_ms)
{
  tend_idle_source_update (TEND_IDLE_SOURCE (self), FALSE, ms_ago (idle_ms));
  add_active_watch (self);
  update_check (self);
}

static void
watch_fired_cb (GDBusConnection *connection,
                const char      *sender,
                const char      *object_path,
                const char      *interface_name,
                const char      *signal_name,
                GVariant        *parameters,
                gpointer         user_data)
{
  TendIdleSourceMutter *self = TEND_IDLE_SOURCE_MUTTER (user_data);
  guint32 id;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(u)")))
    return;

  g_variant_get (parameters, "(u)", &id);
  if (id == 0)
    return;

  if (id == self->idle_watch_id)
    {
      /* The watch fires when the idle time reaches the threshold: the last input was then. */
      went_idle (self, tend_idle_source_get_threshold (TEND_IDLE_SOURCE (self)));
    }
  else if (id == self->active_watch_id)
    {
      /* Mutter removes a user-active watch once it has fired. */
      self->active_watch_id = 0;
      tend_idle_source_update (TEND_IDLE_SOURCE (self), TRUE, g_get_real_time ());
      update_check (self);
    }
}

static void
idle_time_checked_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  TendIdleSourceMutter *self;
  guint64 idle_ms;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = TEND_IDLE_SOURCE_MUTTER (user_data);
  if (reply == NULL)
    {
      g_debug ("Mutter idle monitor: GetIdletime failed: %s", error->message);
      return;
    }

  g_variant_get (reply, "(t)", &idle_ms);
  if (idle_ms >= tend_idle_source_get_threshold (TEND_IDLE_SOURCE (self)))
    went_idle (self, idle_ms);
  else
    tend_idle_source_update (TEND_IDLE_SOURCE (self), TRUE, ms_ago (idle_ms));
  update_check (self);
}

static void
check_idle_time (TendIdleSourceMutter *self)
{
  g_dbus_connection_call (self->connection, MUTTER_BUS, MUTTER_PATH, MUTTER_IFACE,
                          "GetIdletime", NULL, G_VARIANT_TYPE ("(t)"),
                          G_DBUS_CALL_FLAGS_NO_AUTO_START, CALL_TIMEOUT_MS, self->cancellable,
                          idle_time_checked_cb, self);
}

static gboolean
check_timeout_cb (gpointer user_data)
{
  check_idle_time (TEND_IDLE_SOURCE_MUTTER (user_data));

  return G_SOURCE_CONTINUE;
}

/* The slow check is for an idle watch that an inhibitor stops, and for a missing
 * user-active watch: away with a user-active watch, nothing needs it. */
static void
update_check (TendIdleSourceMutter *self)
{
  gboolean needed = tend_idle_source_is_active (TEND_IDLE_SOURCE (self)) ||
                    self->active_watch_id == 0;

  if (!needed)
    g_clear_handle_id (&self->check_id, g_source_remove);
  else if (self->check_id == 0)
    self->check_id = g_timeout_add_seconds (self->check_interval, check_timeout_cb, self);
}

static void
name_appeared_cb (GDBusConnection *connection,
                  const char      *name,
                  const char      *owner,
                  gpointer         user_data)
{
  TendIdleSourceMutter *self = TEND_IDLE_SOURCE_MUTTER (user_data);
  gboolean came_back = self->lost_owner;

  if (g_strcmp0 (self->owner, owner) == 0)
    return;

  g_free (self->owner);
  self->owner = g_strdup (owner);
  self->lost_owner = FALSE;
  if (!came_back)
    return;

  /* A new monitor knows none of our watches. A call still on its way to the old one fails
   * and clears adding_active_watch; the check after the idle watch adds one if needed. */
  g_debug ("Mutter idle monitor came back as %s", owner);
  self->active_watch_id = 0;
  update_check (self);
  add_watch (self, TRUE);
}

static void
name_vanished_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  TendIdleSourceMutter *self = TEND_IDLE_SOURCE_MUTTER (user_data);

  g_debug ("Mutter idle monitor left the bus");
  self->lost_owner = TRUE;
  g_clear_pointer (&self->owner, g_free);
  self->idle_watch_id = 0;
  self->active_watch_id = 0;
  update_check (self);
}

static gboolean
tend_idle_source_mutter_start (TendIdleSource  *source,
                               GError         **error)
{
  TendIdleSourceMutter *self = TEND_IDLE_SOURCE_MUTTER (source);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GVariant) reply = NULL;
  guint threshold = tend_idle_source_get_threshold (source);
  guint64 idle_ms;

  if (self->connection == NULL)
    self->connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &local_error);

  if (self->connection != NULL)
    reply = g_dbus_connection_call_sync (self->connection, MUTTER_BUS, MUTTER_PATH, MUTTER_IFACE,
                                         "GetIdletime", NULL, G_VARIANT_TYPE ("(t)"),
                                         G_DBUS_CALL_FLAGS_NO_AUTO_START, CALL_TIMEOUT_MS, NULL,
                                         &local_error);
  if (reply == NULL)
    {
      g_debug ("Mutter idle monitor: %s", local_error->message);
      g_set_error_literal (error, TEND_IDLE_SOURCE_ERROR, TEND_IDLE_SOURCE_ERROR_UNAVAILABLE,
                           _("GNOME’s idle monitor is not running."));
      return FALSE;
    }
  g_variant_get (reply, "(t)", &idle_ms);
  g_clear_pointer (&reply, g_variant_unref);

  /* Subscribed before the watch exists, so that no firing is missed. */
  self->signal_id =
    g_dbus_connection_signal_subscribe (self->connection, MUTTER_BUS, MUTTER_IFACE, "WatchFired",
                                        MUTTER_PATH, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                        watch_fired_cb, self, NULL);

  reply = g_dbus_connection_call_sync (self->connection, MUTTER_BUS, MUTTER_PATH, MUTTER_IFACE,
                                       "AddIdleWatch", g_variant_new ("(t)", (guint64) threshold),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NO_AUTO_START,
                                       CALL_TIMEOUT_MS, NULL, &local_error);
  if (reply == NULL)
    {
      g_debug ("Mutter idle monitor: AddIdleWatch: %s", local_error->message);
      g_set_error_literal (error, TEND_IDLE_SOURCE_ERROR, TEND_IDLE_SOURCE_ERROR_UNAVAILABLE,
                           _("GNOME’s idle monitor does not answer."));
      return FALSE;
    }
  g_variant_get (reply, "(u)", &self->idle_watch_id);

  if (idle_ms >= threshold)
    {
      tend_idle_source_update (source, FALSE, ms_ago (idle_ms));
      add_active_watch (self);
    }
  else
    {
      tend_idle_source_update (source, TRUE, g_get_real_time ());
    }

  self->name_watch_id =
    g_bus_watch_name_on_connection (self->connection, MUTTER_BUS, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                    name_appeared_cb, name_vanished_cb, self, NULL);
  update_check (self);

  return TRUE;
}

static void
tend_idle_source_mutter_dispose (GObject *object)
{
  TendIdleSourceMutter *self = TEND_IDLE_SOURCE_MUTTER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->check_id, g_source_remove);
  g_clear_handle_id (&self->name_watch_id, g_bus_unwatch_name);
  if (self->signal_id != 0)
    {
      g_dbus_connection_signal_unsubscribe (self->connection, self->signal_id);
      self->signal_id = 0;
    }

  remove_watch (self->connection, self->idle_watch_id);
  remove_watch (self->connection, self->active_watch_id);
  self->idle_watch_id = 0;
  self->active_watch_id = 0;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->connection);
  g_clear_pointer (&self->owner, g_free);

  G_OBJECT_CLASS (tend_idle_source_mutter_parent_class)->dispose (object);
}

static void
tend_idle_source_mutter_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  TendIdleSourceMutter *self = TEND_IDLE_SOURCE_MUTTER (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, self->connection);
      break;

    case PROP_CHECK_INTERVAL:
      g_value_set_uint (value, self->check_interval);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_idle_source_mutter_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  TendIdleSourceMutter *self = TEND_IDLE_SOURCE_MUTTER (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      self->connection = g_value_dup_object (value);
      break;

    case PROP_CHECK_INTERVAL:
      self->check_interval = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_idle_source_mutter_class_init (TendIdleSourceMutterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TendIdleSourceClass *source_class = TEND_IDLE_SOURCE_CLASS (klass);

  object_class->dispose = tend_idle_source_mutter_dispose;
  object_class->get_property = tend_idle_source_mutter_get_property;
  object_class->set_property = tend_idle_source_mutter_set_property;

  source_class->start = tend_idle_source_mutter_start;
  source_class->name = "mutter";

  /**
   * TendIdleSourceMutter:connection:
   *
   * The bus to find the idle monitor on; %NULL for the session bus.
   */
  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL, G_TYPE_DBUS_CONNECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * TendIdleSourceMutter:check-interval:
   *
   * Seconds between two GetIdletime checks.
   */
  properties[PROP_CHECK_INTERVAL] =
    g_param_spec_uint ("check-interval", NULL, NULL,
                       1, G_MAXUINT / 1000, TEND_IDLE_SOURCE_MUTTER_DEFAULT_CHECK_INTERVAL,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tend_idle_source_mutter_init (TendIdleSourceMutter *self)
{
  self->cancellable = g_cancellable_new ();
  self->check_interval = TEND_IDLE_SOURCE_MUTTER_DEFAULT_CHECK_INTERVAL;
}

/**
 * tend_idle_source_mutter_new:
 * @connection: (nullable): the bus, or %NULL for the session bus
 *
 * Returns: (transfer full): a source to start with tend_idle_source_start()
 */
TendIdleSource *
tend_idle_source_mutter_new (GDBusConnection *connection)
{
  g_return_val_if_fail (connection == NULL || G_IS_DBUS_CONNECTION (connection), NULL);

  return g_object_new (TEND_TYPE_IDLE_SOURCE_MUTTER, "connection", connection, NULL);
}
