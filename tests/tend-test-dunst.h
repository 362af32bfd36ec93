/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A real notification server for the tests: dunst (1.12) on the test's private session bus
 * (GTestDBus) and X display (Xvfb), configured by tests/data/dunstrc.in.
 *
 * What dunst received is read back through its own D-Bus interface, org.dunstproject.cmd0,
 * on a connection of the harness's own (as dunstctl does):
 * - NotificationCloseAll then NotificationListHistory give summary, body, app name,
 *   urgency ("LOW", "NORMAL", "CRITICAL"), the icon dunst found and the expiry. Closing
 *   them all is what a person clicking them away does: the clients see reason 2
 *   (dismissed).
 * - The history does not report actions (only "default_action_name", the id dunst's
 *   do_action looks for, "default" whatever the client sent), nor hints such as
 *   "desktop-entry" and "transient". Actions are read from dunst's context menu: ContextMenuCall runs the
 *   "dmenu" program of the dunstrc, which the harness writes (tend-test-dunst-menu, found
 *   on dunst's PATH). dunst writes one line an action to its input, "#LABEL (SUMMARY)
 *   [ID,ACTION-ID]", including the "default" action, for every notice shown; the program
 *   keeps that text and prints the line chosen back, and dunst then sends ActionInvoked for
 *   it. The hints are made visible by rules of the dunstrc that set the category (see it).
 * - dunst lists only notices that have actions, and runs no menu at all when none has
 *   one. So every read-back first shows a probe notice of the harness's own with one
 *   action, answers the menu with the probe's action, and waits for that ActionInvoked: it
 *   arrives after dunst has handled the answer, so the next menu is not refused as "already
 *   running". The probe is then closed and removed from the history.
 *
 * Verified with dunst 1.12.2 and libnotify 0.8.6 (tests/test-notifier.c):
 * - an action chosen in the context menu reaches libnotify's action callback with its id,
 *   and NotificationAction (0) invokes the "default" action of the first notice shown;
 *   dunst closes the notice after neither (the client has to);
 * - CloseNotification (libnotify's close) and NotificationCloseAll both move a notice to
 *   the history, so a read-back reports a withdrawn notice too; CloseAll reports reason 2
 *   (dismissed) to the client, which libnotify passes on as "closed";
 * - showing a NotifyNotification again replaces dunst's notice in place (same id, no
 *   "closed"); dunst keeps "transient" notices in the history like the others (the hint
 *   only changes its idle handling), and reports a client's expiry in "timeout" (µs);
 * - the history's "icon_path" is the file dunst found for the app icon name, in the
 *   dunstrc's icon_path.
 * Xvfb resets when its last client leaves; the harness holds a connection of its own so
 * that a dunst starting as another exits is not refused. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TEND_TEST_DUNST_TIMEOUT_S 30

typedef struct _TendTestDunst TendTestDunst;

typedef struct
{
  char *id;
  char *label;
} TendTestDunstAction;

typedef struct
{
  guint32    id;
  char      *summary;
  char      *body;
  char      *app_name;
  char      *urgency;
  char      *category;
  char      *icon_path;
  gint64     timeout_us;
  /* TendTestDunstAction, sorted by id, as offered while the notice was shown */
  GPtrArray *actions;
} TendTestDunstNotice;

TendTestDunst *tend_test_dunst_start          (const char           *x_display,
                                               const char           *bus_address);
void           tend_test_dunst_stop           (TendTestDunst        *self);

GPtrArray     *tend_test_dunst_read_back      (TendTestDunst        *self);
guint          tend_test_dunst_get_n_shown    (TendTestDunst        *self);
guint32        tend_test_dunst_find_shown     (TendTestDunst        *self,
                                               const char           *summary);
void           tend_test_dunst_invoke_action  (TendTestDunst        *self,
                                               guint32               id,
                                               const char           *action_id);
void           tend_test_dunst_invoke_default (TendTestDunst        *self);
void           tend_test_dunst_close_all      (TendTestDunst        *self);

char          *tend_test_dunst_format_actions (TendTestDunstNotice  *notice);

void           tend_test_dunst_wait           (gboolean            (*condition) (gpointer data),
                                               gpointer              data,
                                               const char           *what);

/* Runs the main loop until @cond holds, for at most TEND_TEST_DUNST_TIMEOUT_S. */
#define TEND_TEST_WAIT_FOR(cond) \
  G_STMT_START { \
    gboolean timed_out_ = FALSE; \
    guint timeout_id_ = g_timeout_add_seconds (TEND_TEST_DUNST_TIMEOUT_S, \
                                               tend_test_dunst_flag_cb, &timed_out_); \
    while (!(cond) && !timed_out_) \
      g_main_context_iteration (NULL, TRUE); \
    if (timed_out_) \
      g_error ("Timed out waiting for %s", #cond); \
    g_source_remove (timeout_id_); \
  } G_STMT_END

gboolean       tend_test_dunst_flag_cb        (gpointer              user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TendTestDunst, tend_test_dunst_stop)

G_END_DECLS
