/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A real dunst for the notification tests; see tend-test-dunst.h for what it verifies. */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>
#include <X11/Xlib.h>

#include "tend-test-dunst.h"

#define FDN_NAME   "org.freedesktop.Notifications"
#define FDN_PATH   "/org/freedesktop/Notifications"
#define FDN_IFACE  "org.freedesktop.Notifications"
#define DUNST_IFACE "org.dunstproject.cmd0"

#define MENU_PROGRAM "tend-test-dunst-menu"
#define PROBE_ACTION "tend-test-probe"

struct _TendTestDunst
{
  char            *dir;
  char            *menu_path;
  char            *choice_path;
  char            *log_path;
  GSubprocess     *process;
  GDBusConnection *connection;
  guint            name_watch_id;
  guint            signal_id;

  char            *owner;
  gboolean         exited;
  guint32          probe_id;
  gboolean         probe_invoked;
};

gboolean
tend_test_dunst_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/**
 * tend_test_dunst_wait:
 * @what: what is awaited, for the message when it never comes
 *
 * Runs the main loop until @condition holds, for at most TEND_TEST_DUNST_TIMEOUT_S. A
 * short tick wakes the loop for conditions nothing else reports (a file written by
 * another process).
 */
void
tend_test_dunst_wait (gboolean  (*condition) (gpointer data),
                      gpointer    data,
                      const char *what)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (TEND_TEST_DUNST_TIMEOUT_S, tend_test_dunst_flag_cb,
                                            &timed_out);
  guint tick_id = g_timeout_add (10, tick_cb, NULL);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick_id);
  if (timed_out)
    g_error ("Timed out waiting for %s", what);
  g_source_remove (timeout_id);
}

/* Starting and stopping ------------------------------------------------------------ */

static void
name_appeared_cb (GDBusConnection *connection,
                  const char      *name,
                  const char      *owner,
                  gpointer         user_data)
{
  TendTestDunst *self = user_data;

  g_free (self->owner);
  self->owner = g_strdup (owner);
}

static void
name_vanished_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  TendTestDunst *self = user_data;

  g_clear_pointer (&self->owner, g_free);
}

static void
process_exited_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  TendTestDunst *self = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  self->exited = TRUE;
}

static void
action_invoked_cb (GDBusConnection *connection,
                   const char      *sender,
                   const char      *object_path,
                   const char      *interface_name,
                   const char      *signal_name,
                   GVariant        *parameters,
                   gpointer         user_data)
{
  TendTestDunst *self = user_data;
  const char *action;
  guint32 id;

  g_variant_get (parameters, "(u&s)", &id, &action);
  if (id == self->probe_id && g_str_equal (action, PROBE_ACTION))
    self->probe_invoked = TRUE;
}

/* The context menu's program: keeps what dunst offered, answers the chosen line. */
static void
write_menu_program (TendTestDunst *self,
                    const char    *bin_dir)
{
  g_autofree char *path = g_build_filename (bin_dir, MENU_PROGRAM, NULL);
  g_autofree char *part = g_strconcat (self->menu_path, ".part", NULL);
  g_autofree char *q_part = g_shell_quote (part);
  g_autofree char *q_menu = g_shell_quote (self->menu_path);
  g_autofree char *q_choice = g_shell_quote (self->choice_path);
  g_autofree char *script = NULL;
  g_autoptr(GError) error = NULL;

  script = g_strdup_printf ("#!/bin/sh\n"
                            "# dunst's context menu, for the tests.\n"
                            "cat > %s\n"
                            "mv %s %s\n"
                            "grep -F -e \"$(cat %s)\" %s | head -n 1\n",
                            q_part, q_part, q_menu, q_choice, q_menu);
  g_file_set_contents_full (path, script, -1, G_FILE_SET_CONTENTS_NONE, 0755, &error);
  g_assert_no_error (error);
}

/* In the child, before dunst runs: dunst ends with the test program, even when a failed
 * assertion aborts it, so that no dunst is left on the display for the next program. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* Xvfb resets when its last client leaves, and a client connecting meanwhile is refused
 * ("Cannot open X11 display"): that happened when one dunst exited as the next started.
 * One connection held for the life of the test program keeps the server from resetting. */
static void
hold_display (const char *x_display)
{
  static Display *display;

  if (display == NULL)
    display = XOpenDisplay (x_display);
  g_assert_nonnull (display);
}

static gboolean
dunst_ready (gpointer data)
{
  TendTestDunst *self = data;

  return self->owner != NULL || self->exited;
}

/**
 * tend_test_dunst_start:
 * @x_display: the X display dunst draws on
 * @bus_address: the private session bus
 *
 * Starts dunst and waits until it owns org.freedesktop.Notifications.
 *
 * Returns: (transfer full): the running dunst; stop it with tend_test_dunst_stop()
 */
TendTestDunst *
tend_test_dunst_start (const char *x_display,
                       const char *bus_address)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bin_dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *config = g_test_build_filename (G_TEST_BUILT, "dunstrc", NULL);
  TendTestDunst *self = g_new0 (TendTestDunst, 1);

  g_assert_true (g_file_test (config, G_FILE_TEST_IS_REGULAR));
  hold_display (x_display);

  self->dir = g_dir_make_tmp ("tend-dunst-XXXXXX", &error);
  g_assert_no_error (error);
  self->menu_path = g_build_filename (self->dir, "menu.txt", NULL);
  self->choice_path = g_build_filename (self->dir, "choice", NULL);
  self->log_path = g_build_filename (self->dir, "dunst.log", NULL);
  bin_dir = g_build_filename (self->dir, "bin", NULL);
  g_assert_cmpint (g_mkdir (bin_dir, 0700), ==, 0);
  write_menu_program (self, bin_dir);

  self->connection = g_dbus_connection_new_for_address_sync (
    bus_address,
    G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
    NULL, NULL, &error);
  g_assert_no_error (error);

  self->name_watch_id = g_bus_watch_name_on_connection (self->connection, FDN_NAME,
                                                        G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                        name_appeared_cb, name_vanished_cb,
                                                        self, NULL);
  self->signal_id = g_dbus_connection_signal_subscribe (self->connection, NULL, FDN_IFACE,
                                                        "ActionInvoked", FDN_PATH, NULL,
                                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                                        action_invoked_cb, self, NULL);

  /* Nothing of the test's environment that would change dunst: no fatal warnings (dunst
   * warns about icons it cannot find), no Wayland, no configuration of the user's. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_MERGE);
  path = g_strconcat (bin_dir, ":", g_getenv ("PATH"), NULL);
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", bus_address, TRUE);
  g_subprocess_launcher_setenv (launcher, "DISPLAY", x_display, TRUE);
  g_subprocess_launcher_setenv (launcher, "PATH", path, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", self->dir, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  g_subprocess_launcher_unsetenv (launcher, "G_ENABLE_DIAGNOSTIC");
  g_subprocess_launcher_unsetenv (launcher, "MALLOC_CHECK_");
  /* Its output must not mix with the test's TAP output. */
  g_subprocess_launcher_set_stdout_file_path (launcher, self->log_path);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);

  self->process = g_subprocess_launcher_spawn (launcher, &error, "dunst", "-config", config, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (self->process, NULL, process_exited_cb, self);

  tend_test_dunst_wait (dunst_ready, self, "dunst to own " FDN_NAME);
  if (self->exited)
    {
      g_autofree char *log = NULL;

      g_file_get_contents (self->log_path, &log, NULL, NULL);
      g_error ("dunst exited at start:\n%s", log);
    }

  return self;
}

static gboolean
dunst_gone (gpointer data)
{
  TendTestDunst *self = data;

  return self->exited && self->owner == NULL;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_dir (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

/**
 * tend_test_dunst_stop:
 *
 * Stops dunst and waits until its name has left the bus, so that another can start.
 */
void
tend_test_dunst_stop (TendTestDunst *self)
{
  if (!self->exited)
    g_subprocess_send_signal (self->process, SIGTERM);
  tend_test_dunst_wait (dunst_gone, self, "dunst to exit");

  if (g_test_failed ())
    {
      g_autofree char *log = NULL;

      if (g_file_get_contents (self->log_path, &log, NULL, NULL))
        g_test_message ("dunst said:\n%s", log);
    }

  g_dbus_connection_signal_unsubscribe (self->connection, self->signal_id);
  g_bus_unwatch_name (self->name_watch_id);
  g_dbus_connection_close_sync (self->connection, NULL, NULL);
  g_clear_object (&self->connection);
  g_clear_object (&self->process);
  remove_dir (self->dir);
  g_free (self->dir);
  g_free (self->menu_path);
  g_free (self->choice_path);
  g_free (self->log_path);
  g_free (self->owner);
  g_free (self);
}

/* Calls ---------------------------------------------------------------------------- */

static GVariant *
call (TendTestDunst      *self,
      const char         *interface,
      const char         *method,
      GVariant           *parameters,
      const GVariantType *reply_type)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply;

  reply = g_dbus_connection_call_sync (self->connection, FDN_NAME, FDN_PATH, interface, method,
                                       parameters, reply_type, G_DBUS_CALL_FLAGS_NO_AUTO_START,
                                       TEND_TEST_DUNST_TIMEOUT_S * 1000, NULL, &error);
  g_assert_no_error (error);

  return reply;
}

static guint
get_length_property (TendTestDunst *self,
                     const char    *name)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;

  reply = call (self, "org.freedesktop.DBus.Properties", "Get",
                g_variant_new ("(ss)", DUNST_IFACE, name), G_VARIANT_TYPE ("(v)"));
  g_variant_get (reply, "(v)", &value);

  return g_variant_get_uint32 (value);
}

/**
 * tend_test_dunst_get_n_shown:
 *
 * Returns: how many notices dunst shows or holds back to show (not the closed ones)
 */
guint
tend_test_dunst_get_n_shown (TendTestDunst *self)
{
  return get_length_property (self, "displayedLength") +
         get_length_property (self, "waitingLength");
}

/**
 * tend_test_dunst_close_all:
 *
 * Closes every notice as a person would: clients see reason 2, dismissed.
 */
void
tend_test_dunst_close_all (TendTestDunst *self)
{
  g_autoptr(GVariant) reply = call (self, DUNST_IFACE, "NotificationCloseAll", NULL, NULL);
}

/**
 * tend_test_dunst_invoke_default:
 *
 * Invokes the default action of the first notice dunst shows (NotificationAction (0)),
 * as clicking it with dunst's do_action does. Wait for its effect in the client.
 */
void
tend_test_dunst_invoke_default (TendTestDunst *self)
{
  g_autoptr(GVariant) reply = call (self, DUNST_IFACE, "NotificationAction",
                                    g_variant_new ("(u)", 0), NULL);
}

static gboolean
menu_written (gpointer data)
{
  TendTestDunst *self = data;

  return g_file_test (self->menu_path, G_FILE_TEST_EXISTS);
}

/* Opens dunst's context menu, answering with the action @action_id of notice @id. Returns
 * the menu dunst offered, once the menu program has answered. */
static char *
run_menu (TendTestDunst *self,
          guint32        id,
          const char    *action_id)
{
  g_autofree char *choice = g_strdup_printf ("[%u,%s]", id, action_id);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  char *menu = NULL;

  g_unlink (self->menu_path);
  g_file_set_contents (self->choice_path, choice, -1, &error);
  g_assert_no_error (error);

  reply = call (self, DUNST_IFACE, "ContextMenuCall", NULL, NULL);
  tend_test_dunst_wait (menu_written, self, "dunst's context menu");

  g_file_get_contents (self->menu_path, &menu, NULL, &error);
  g_assert_no_error (error);

  return menu;
}

/**
 * tend_test_dunst_invoke_action:
 * @id: the notice, as dunst numbers it (TendTestDunstNotice.id)
 * @action_id: the action, as the client named it
 *
 * Chooses the action in dunst's context menu, as a person would. Returns once the menu has
 * answered (after checking that it offered the action); dunst sends ActionInvoked just
 * after. Wait for its effect in the client before anything else uses the menu.
 */
void
tend_test_dunst_invoke_action (TendTestDunst *self,
                               guint32        id,
                               const char    *action_id)
{
  g_autofree char *choice = g_strdup_printf (" [%u,%s]", id, action_id);
  g_autofree char *menu = run_menu (self, id, action_id);
  g_auto(GStrv) lines = g_strsplit (menu, "\n", -1);
  gboolean offered = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    offered = offered || g_str_has_suffix (lines[i], choice);

  if (!offered)
    g_error ("dunst did not offer action %s of notice %u; its menu was:\n%s",
             action_id, id, menu);
}

/* Reading back --------------------------------------------------------------------- */

static void
action_free (TendTestDunstAction *action)
{
  g_free (action->id);
  g_free (action->label);
  g_free (action);
}

static void
notice_free (TendTestDunstNotice *notice)
{
  g_free (notice->summary);
  g_free (notice->body);
  g_free (notice->app_name);
  g_free (notice->urgency);
  g_free (notice->category);
  g_free (notice->icon_path);
  g_ptr_array_unref (notice->actions);
  g_free (notice);
}

static int
compare_actions (gconstpointer a,
                 gconstpointer b)
{
  const TendTestDunstAction *x = *(TendTestDunstAction **) a;
  const TendTestDunstAction *y = *(TendTestDunstAction **) b;

  return strcmp (x->id, y->id);
}

static gboolean
probe_invoked (gpointer data)
{
  TendTestDunst *self = data;

  return self->probe_invoked;
}

/* Shows the probe notice, reads the menu while it is shown, then removes the probe. */
static char *
read_menu (TendTestDunst *self)
{
  const char *actions[] = { PROBE_ACTION, "Probe", NULL };
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) closed = NULL;
  g_autoptr(GVariant) removed = NULL;
  char *menu;

  reply = call (self, FDN_IFACE, "Notify",
                g_variant_new ("(susss^as@a{sv}i)", "tend-test-dunst", 0, "", "Probe", "",
                               actions, g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0),
                               0),
                G_VARIANT_TYPE ("(u)"));
  g_variant_get (reply, "(u)", &self->probe_id);
  self->probe_invoked = FALSE;

  menu = run_menu (self, self->probe_id, PROBE_ACTION);
  tend_test_dunst_wait (probe_invoked, self, "dunst to answer its context menu");

  closed = call (self, FDN_IFACE, "CloseNotification", g_variant_new ("(u)", self->probe_id), NULL);
  removed = call (self, DUNST_IFACE, "NotificationRemoveFromHistory",
                  g_variant_new ("(u)", self->probe_id), NULL);

  return menu;
}

/**
 * tend_test_dunst_find_shown:
 * @summary: the title of a notice
 *
 * Returns: the id dunst gave the notice with actions titled @summary that it shows now;
 *   the test fails if there is none
 */
guint32
tend_test_dunst_find_shown (TendTestDunst *self,
                            const char    *summary)
{
  g_autofree char *menu = read_menu (self);
  g_autofree char *tail = g_strdup_printf (" (%s) [", summary);
  g_auto(GStrv) lines = g_strsplit (menu, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *at = g_strrstr (lines[i], tail);

      if (at != NULL)
        return (guint32) g_ascii_strtoull (at + strlen (tail), NULL, 10);
    }

  g_error ("dunst shows no notice titled “%s” with actions; its menu was:\n%s", summary, menu);
}

/* Adds the actions of @notice from the menu lines "#LABEL (SUMMARY) [ID,ACTION-ID]". */
static void
add_menu_actions (TendTestDunstNotice *notice,
                  const char          *menu)
{
  g_auto(GStrv) lines = g_strsplit (menu, "\n", -1);
  g_autofree char *tail = g_strdup_printf (" (%s) [%u,", notice->summary, notice->id);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *at = g_strrstr (line, tail);
      TendTestDunstAction *action;

      if (at == NULL || line[0] != '#' || !g_str_has_suffix (line, "]"))
        continue;

      action = g_new0 (TendTestDunstAction, 1);
      action->label = g_strndup (line + 1, at - line - 1);
      action->id = g_strndup (at + strlen (tail), strlen (at + strlen (tail)) - 1);
      g_ptr_array_add (notice->actions, action);
    }

  g_ptr_array_sort (notice->actions, compare_actions);
}

static char *
dup_string (GVariantDict *dict,
            const char   *key)
{
  const char *value = NULL;

  g_assert_true (g_variant_dict_lookup (dict, key, "&s", &value));

  return g_strdup (value);
}

/**
 * tend_test_dunst_read_back:
 *
 * Reads the actions of the notices shown, closes them all (clients see "dismissed") and
 * reads the history, then clears it so that the next read-back reports only what came
 * after.
 *
 * Returns: (transfer container) (element-type TendTestDunstNotice): every notice dunst
 *   received since the last read-back and kept in its history, shown or closed, newest
 *   first; a notice replaced in place counts once
 */
GPtrArray *
tend_test_dunst_read_back (TendTestDunst *self)
{
  g_autofree char *menu = read_menu (self);
  g_autoptr(GVariant) history = NULL;
  g_autoptr(GVariant) list = NULL;
  g_autoptr(GVariant) cleared = NULL;
  GPtrArray *notices = g_ptr_array_new_with_free_func ((GDestroyNotify) notice_free);
  GVariantIter iter;
  GVariant *item;

  tend_test_dunst_close_all (self);

  history = call (self, DUNST_IFACE, "NotificationListHistory", NULL,
                  G_VARIANT_TYPE ("(aa{sv})"));
  list = g_variant_get_child_value (history, 0);
  g_variant_iter_init (&iter, list);
  while ((item = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (item);
      TendTestDunstNotice *notice = g_new0 (TendTestDunstNotice, 1);
      gint32 id = 0;

      g_assert_true (g_variant_dict_lookup (&dict, "id", "i", &id));
      g_assert_true (g_variant_dict_lookup (&dict, "timeout", "x", &notice->timeout_us));
      notice->id = id;
      notice->summary = dup_string (&dict, "summary");
      notice->body = dup_string (&dict, "body");
      notice->app_name = dup_string (&dict, "appname");
      notice->urgency = dup_string (&dict, "urgency");
      notice->category = dup_string (&dict, "category");
      notice->icon_path = dup_string (&dict, "icon_path");
      notice->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) action_free);
      add_menu_actions (notice, menu);
      g_ptr_array_add (notices, notice);
      g_variant_unref (item);
    }

  cleared = call (self, DUNST_IFACE, "NotificationClearHistory", NULL, NULL);

  return notices;
}

/**
 * tend_test_dunst_format_actions:
 *
 * Returns: (transfer full): the actions of @notice as "ID=LABEL" joined by "|", sorted by id
 */
char *
tend_test_dunst_format_actions (TendTestDunstNotice *notice)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < notice->actions->len; i++)
    {
      TendTestDunstAction *action = g_ptr_array_index (notice->actions, i);

      if (i > 0)
        g_string_append_c (text, '|');
      g_string_append_printf (text, "%s=%s", action->id, action->label);
    }

  return g_string_free (text, FALSE);
}
