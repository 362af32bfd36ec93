/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A small Wayland compositor for the tests, made with libwayland-server: it offers a wl_seat
 * and, unless told otherwise, ext_idle_notifier_v1 at version 1 or 2, on a socket in
 * $XDG_RUNTIME_DIR. It never sees input: the test tells it when nobody is there (idled) and
 * when someone is back (resumed), and reads what the client asked for.
 *
 * It runs in a thread of its own with its own GMainContext, as a real compositor would run
 * in its own process; everything it does with libwayland happens in that thread. */

#include "config.h"

#include <glib-unix.h>
#include <wayland-server.h>

#include "ext-idle-notify-v1-server-protocol.h"
#include "tend-fake-compositor.h"

typedef struct
{
  TendFakeCompositor *fake;
  struct wl_resource *resource;
  guint               timeout;
  gboolean            input_only;
} Notification;

struct _TendFakeCompositor
{
  /* Made before the thread starts; then used only in it. */
  struct wl_display *display;
  GSource           *events_source;

  GMainContext      *context;
  GMainLoop         *loop;
  GThread           *thread;

  GMutex             lock;
  GCond              cond;
  /* Under the lock */
  GPtrArray         *notifications;
  guint              bound_version;
  guint              n_seat_binds;
  guint              n_made;
  guint              last_timeout;
  gboolean           last_input_only;
};

/* In the compositor's thread ------------------------------------------------------- */

static gboolean
events_cb (int          fd,
           GIOCondition condition,
           gpointer     user_data)
{
  TendFakeCompositor *fake = user_data;

  wl_event_loop_dispatch (wl_display_get_event_loop (fake->display), 0);
  wl_display_flush_clients (fake->display);

  return G_SOURCE_CONTINUE;
}

static void
resource_destroy (struct wl_client   *client,
                  struct wl_resource *resource)
{
  wl_resource_destroy (resource);
}

static const struct ext_idle_notification_v1_interface notification_impl = {
  resource_destroy,
};

static void
notification_destroyed (struct wl_resource *resource)
{
  Notification *notification = wl_resource_get_user_data (resource);
  TendFakeCompositor *fake = notification->fake;

  g_mutex_lock (&fake->lock);
  g_ptr_array_remove (fake->notifications, notification);
  g_mutex_unlock (&fake->lock);
}

static void
make_notification (struct wl_client   *client,
                   struct wl_resource *notifier,
                   uint32_t            id,
                   uint32_t            timeout,
                   gboolean            input_only)
{
  TendFakeCompositor *fake = wl_resource_get_user_data (notifier);
  Notification *notification = g_new0 (Notification, 1);

  notification->fake = fake;
  notification->timeout = timeout;
  notification->input_only = input_only;
  notification->resource = wl_resource_create (client, &ext_idle_notification_v1_interface,
                                               wl_resource_get_version (notifier), id);
  g_assert_nonnull (notification->resource);
  wl_resource_set_implementation (notification->resource, &notification_impl, notification,
                                  notification_destroyed);

  g_mutex_lock (&fake->lock);
  g_ptr_array_add (fake->notifications, notification);
  fake->n_made++;
  fake->last_timeout = timeout;
  fake->last_input_only = input_only;
  g_mutex_unlock (&fake->lock);
}

static void
get_idle_notification (struct wl_client   *client,
                       struct wl_resource *notifier,
                       uint32_t            id,
                       uint32_t            timeout,
                       struct wl_resource *seat)
{
  make_notification (client, notifier, id, timeout, FALSE);
}

static void
get_input_idle_notification (struct wl_client   *client,
                             struct wl_resource *notifier,
                             uint32_t            id,
                             uint32_t            timeout,
                             struct wl_resource *seat)
{
  make_notification (client, notifier, id, timeout, TRUE);
}

static const struct ext_idle_notifier_v1_interface notifier_impl = {
  resource_destroy,
  get_idle_notification,
  get_input_idle_notification,
};

static void
bind_notifier (struct wl_client *client,
               void             *data,
               uint32_t          version,
               uint32_t          id)
{
  TendFakeCompositor *fake = data;
  struct wl_resource *resource;

  resource = wl_resource_create (client, &ext_idle_notifier_v1_interface, version, id);
  g_assert_nonnull (resource);
  wl_resource_set_implementation (resource, &notifier_impl, fake, NULL);

  g_mutex_lock (&fake->lock);
  fake->bound_version = version;
  g_mutex_unlock (&fake->lock);
}

/* The monitor asks a seat for no device: only release is answered. */
static const struct wl_seat_interface seat_impl = {
  .release = resource_destroy,
};

static void
bind_seat (struct wl_client *client,
           void             *data,
           uint32_t          version,
           uint32_t          id)
{
  TendFakeCompositor *fake = data;
  struct wl_resource *resource;

  resource = wl_resource_create (client, &wl_seat_interface, version, id);
  g_assert_nonnull (resource);
  wl_resource_set_implementation (resource, &seat_impl, fake, NULL);
  wl_seat_send_capabilities (resource, WL_SEAT_CAPABILITY_POINTER | WL_SEAT_CAPABILITY_KEYBOARD);

  g_mutex_lock (&fake->lock);
  fake->n_seat_binds++;
  g_mutex_unlock (&fake->lock);
}

static void
send_to_notifications (TendFakeCompositor *fake,
                       void              (*send) (struct wl_resource *resource))
{
  g_autoptr(GPtrArray) resources = g_ptr_array_new ();

  g_mutex_lock (&fake->lock);
  for (guint i = 0; i < fake->notifications->len; i++)
    g_ptr_array_add (resources, ((Notification *) fake->notifications->pdata[i])->resource);
  g_mutex_unlock (&fake->lock);

  for (guint i = 0; i < resources->len; i++)
    send (resources->pdata[i]);
  wl_display_flush_clients (fake->display);
}

static void
send_idled (TendFakeCompositor *fake)
{
  send_to_notifications (fake, ext_idle_notification_v1_send_idled);
}

static void
send_resumed (TendFakeCompositor *fake)
{
  send_to_notifications (fake, ext_idle_notification_v1_send_resumed);
}

/* The compositor quits: its clients see their connection close. */
static void
destroy_display (TendFakeCompositor *fake)
{
  g_source_destroy (fake->events_source);
  g_clear_pointer (&fake->events_source, g_source_unref);
  wl_display_destroy_clients (fake->display);
  g_clear_pointer (&fake->display, wl_display_destroy);
  g_main_loop_quit (fake->loop);
}

static gpointer
compositor_thread (gpointer user_data)
{
  TendFakeCompositor *fake = user_data;

  g_main_context_push_thread_default (fake->context);
  g_main_loop_run (fake->loop);
  g_main_context_pop_thread_default (fake->context);

  return NULL;
}

/* From the test's thread ---------------------------------------------------------- */

typedef struct
{
  TendFakeCompositor *fake;
  void              (*func) (TendFakeCompositor *fake);
  gboolean            done;
} Call;

static gboolean
call_cb (gpointer user_data)
{
  Call *call = user_data;

  call->func (call->fake);

  g_mutex_lock (&call->fake->lock);
  call->done = TRUE;
  g_cond_broadcast (&call->fake->cond);
  g_mutex_unlock (&call->fake->lock);

  return G_SOURCE_REMOVE;
}

/* Runs @func in the compositor's thread and returns once it has run. */
static void
run_in_thread (TendFakeCompositor *fake,
               void              (*func) (TendFakeCompositor *fake))
{
  Call call = { fake, func, FALSE };
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_callback (source, call_cb, &call, NULL);
  g_source_attach (source, fake->context);

  g_mutex_lock (&fake->lock);
  while (!call.done)
    g_cond_wait (&fake->cond, &fake->lock);
  g_mutex_unlock (&fake->lock);
}

/**
 * tend_fake_compositor_new:
 * @socket_name: the socket's name in $XDG_RUNTIME_DIR (a WAYLAND_DISPLAY value)
 * @notifier_version: the version of ext_idle_notifier_v1 to offer, 1 or 2; 0 for none
 *
 * Returns: a running compositor; tend_fake_compositor_free() makes it quit
 */
TendFakeCompositor *
tend_fake_compositor_new (const char *socket_name,
                          guint       notifier_version)
{
  TendFakeCompositor *fake = g_new0 (TendFakeCompositor, 1);

  g_assert_cmpuint (notifier_version, <=, 2);

  g_mutex_init (&fake->lock);
  g_cond_init (&fake->cond);
  fake->notifications = g_ptr_array_new_with_free_func (g_free);

  fake->display = wl_display_create ();
  g_assert_nonnull (fake->display);
  g_assert_cmpint (wl_display_add_socket (fake->display, socket_name), ==, 0);
  g_assert_nonnull (wl_global_create (fake->display, &wl_seat_interface, 7, fake, bind_seat));
  if (notifier_version > 0)
    g_assert_nonnull (wl_global_create (fake->display, &ext_idle_notifier_v1_interface,
                                        notifier_version, fake, bind_notifier));

  fake->context = g_main_context_new ();
  fake->loop = g_main_loop_new (fake->context, FALSE);
  fake->events_source =
    g_unix_fd_source_new (wl_event_loop_get_fd (wl_display_get_event_loop (fake->display)),
                          G_IO_IN);
  g_source_set_callback (fake->events_source, G_SOURCE_FUNC (events_cb), fake, NULL);
  g_source_attach (fake->events_source, fake->context);

  fake->thread = g_thread_new ("fake-compositor", compositor_thread, fake);

  return fake;
}

/* Quits, closing every client's connection, and frees. */
void
tend_fake_compositor_free (TendFakeCompositor *fake)
{
  run_in_thread (fake, destroy_display);
  g_thread_join (fake->thread);

  g_main_loop_unref (fake->loop);
  g_main_context_unref (fake->context);
  g_ptr_array_unref (fake->notifications);
  g_cond_clear (&fake->cond);
  g_mutex_clear (&fake->lock);
  g_free (fake);
}

/* Sends "idled" to every notification: nobody has been there for its timeout. */
void
tend_fake_compositor_idle (TendFakeCompositor *fake)
{
  run_in_thread (fake, send_idled);
}

/* Sends "resumed" to every notification: someone is back. */
void
tend_fake_compositor_resume (TendFakeCompositor *fake)
{
  run_in_thread (fake, send_resumed);
}

guint
tend_fake_compositor_count_notifications (TendFakeCompositor *fake)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fake->lock);

  return fake->notifications->len;
}

guint
tend_fake_compositor_count_seat_binds (TendFakeCompositor *fake)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fake->lock);

  return fake->n_seat_binds;
}

/* The version of ext_idle_notifier_v1 the client bound last; 0 if none. */
guint
tend_fake_compositor_get_bound_version (TendFakeCompositor *fake)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fake->lock);

  return fake->bound_version;
}

/* What the last notification was made with: its timeout in ms, and whether it came from
 * get_input_idle_notification. Returns whether one was made. */
gboolean
tend_fake_compositor_get_notification (TendFakeCompositor *fake,
                                       guint              *timeout,
                                       gboolean           *input_only)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fake->lock);

  *timeout = fake->last_timeout;
  *input_only = fake->last_input_only;

  return fake->n_made > 0;
}
