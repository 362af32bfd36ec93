/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The monitor's notices, end to end: TendNotifier through libnotify to a real dunst on the
 * test's private bus and Xvfb display, read back from dunst (tests/tend-test-dunst.h), and
 * actions chosen in dunst coming back as the notifier's signals. */

#include "config.h"

#include <libnotify/notify.h>

#include "tend-notifier.h"
#include "tend-test-dunst.h"

static GTestDBus *bus;
/* Kept before g_test_dbus_up(), which unsets DISPLAY. */
static char *x_display;
/* Why the tests that need dunst cannot run (no display, no dunst), or NULL */
static char *no_dunst;

typedef struct
{
  TendTestDunst *dunst;
  TendNotifier  *notifier;
  /* "KIND:ACTION-ID" for each "action", and the kinds of "dismissed", in order */
  GPtrArray     *actions;
  GArray        *dismissed;
} Fixture;

static void
action_cb (TendNotifier *notifier,
           guint         kind,
           const char   *action_id,
           const char   *activation_token,
           Fixture      *fixture)
{
  /* The notice is gone before the signal: a handler may show the same kind again. */
  g_assert_false (tend_notifier_is_shown (notifier, kind));
  g_ptr_array_add (fixture->actions, g_strdup_printf ("%u:%s", kind, action_id));
}

static void
dismissed_cb (TendNotifier *notifier,
              guint         kind,
              Fixture      *fixture)
{
  g_assert_false (tend_notifier_is_shown (notifier, kind));
  g_array_append_val (fixture->dismissed, kind);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->actions = g_ptr_array_new_with_free_func (g_free);
  fixture->dismissed = g_array_new (FALSE, FALSE, sizeof (guint));

  if (no_dunst != NULL)
    {
      g_test_skip (no_dunst);
      return;
    }

  fixture->dunst = tend_test_dunst_start (x_display, g_test_dbus_get_bus_address (bus));
  fixture->notifier = tend_notifier_new (&error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->notifier);
  g_signal_connect (fixture->notifier, "action", G_CALLBACK (action_cb), fixture);
  g_signal_connect (fixture->notifier, "dismissed", G_CALLBACK (dismissed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->notifier);
  /* The notices the notifier let go of are released from idle callbacks. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_pointer (&fixture->dunst, tend_test_dunst_stop);
  g_ptr_array_unref (fixture->actions);
  g_array_unref (fixture->dismissed);
}

static void
show (Fixture        *fixture,
      TendNoticeKind  kind,
      guint           minutes)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tend_notifier_show (fixture->notifier, kind, minutes, &error));
  g_assert_no_error (error);
  g_assert_true (tend_notifier_is_shown (fixture->notifier, kind));
}

/* Reads back what dunst received, which must be one notice. */
static TendTestDunstNotice *
read_back_one (Fixture    *fixture,
               GPtrArray **notices)
{
  *notices = tend_test_dunst_read_back (fixture->dunst);
  g_assert_cmpuint ((*notices)->len, ==, 1);

  return g_ptr_array_index (*notices, 0);
}

static void
assert_actions (TendTestDunstNotice *notice,
                const char          *expected)
{
  g_autofree char *actions = tend_test_dunst_format_actions (notice);

  g_assert_cmpstr (actions, ==, expected);
}

/* What every notice carries: Tend's name, its icon and desktop entry. */
static void
assert_tend_notice (TendTestDunstNotice *notice)
{
  g_assert_cmpstr (notice->app_name, ==, "Tend");
  g_assert_true (g_str_has_suffix (notice->icon_path, "/" APP_ID ".svg"));
  g_assert_true (g_str_has_prefix (notice->category, "desktop-entry"));
}

static void
assert_dismissed (Fixture *fixture,
                  guint    n,
                  ...)
{
  va_list args;

  TEND_TEST_WAIT_FOR (fixture->dismissed->len >= n);
  g_assert_cmpuint (fixture->dismissed->len, ==, n);

  va_start (args, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (g_array_index (fixture->dismissed, guint, i), ==, va_arg (args, guint));
  va_end (args);
}

/* Each kind ------------------------------------------------------------------------ */

static void
test_break (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) notices = NULL;
  TendTestDunstNotice *notice;

  if (fixture->dunst == NULL)
    return;

  show (fixture, TEND_NOTICE_BREAK, 50);
  g_assert_false (tend_notifier_is_shown (fixture->notifier, TEND_NOTICE_BREAK_OFFER_PAUSE));
  g_assert_cmpuint (tend_test_dunst_get_n_shown (fixture->dunst), ==, 1);

  notice = read_back_one (fixture, &notices);
  g_assert_cmpstr (notice->summary, ==, "Time for a Break");
  g_assert_cmpstr (notice->body, ==, "You have been using the computer for 50 minutes. "
                                     "A few minutes away could feel good.");
  g_assert_cmpstr (notice->urgency, ==, "NORMAL");
  g_assert_cmpstr (notice->category, ==, "desktop-entry");
  assert_actions (notice, "default=Take a Break|snooze=In 10 Minutes|take-break=Take a Break");
  assert_tend_notice (notice);

  /* The read-back closed it, as a person would. */
  assert_dismissed (fixture, 1, TEND_NOTICE_BREAK);
  g_assert_false (tend_notifier_is_shown (fixture->notifier, TEND_NOTICE_BREAK));
  g_assert_cmpuint (fixture->actions->len, ==, 0);
}

static void
test_break_minutes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) notices = NULL;
  TendTestDunstNotice *notice;

  if (fixture->dunst == NULL)
    return;

  /* Shown again, the notice is updated in place. */
  show (fixture, TEND_NOTICE_BREAK, 90);
  show (fixture, TEND_NOTICE_BREAK, 120);
  g_assert_cmpuint (tend_test_dunst_get_n_shown (fixture->dunst), ==, 1);

  notice = read_back_one (fixture, &notices);
  g_assert_cmpstr (notice->body, ==, "You have been using the computer for 120 minutes. "
                                     "A few minutes away could feel good.");
}

static void
test_break_offer_pause (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) notices = NULL;
  TendTestDunstNotice *notice;

  if (fixture->dunst == NULL)
    return;

  show (fixture, TEND_NOTICE_BREAK, 50);
  show (fixture, TEND_NOTICE_BREAK_OFFER_PAUSE, 0);
  g_assert_false (tend_notifier_is_shown (fixture->notifier, TEND_NOTICE_BREAK));
  /* Replaced, not closed: one notice, and the first was not dismissed. */
  g_assert_cmpuint (tend_test_dunst_get_n_shown (fixture->dunst), ==, 1);

  notice = read_back_one (fixture, &notices);
  g_assert_cmpstr (notice->summary, ==, "Time for a Break");
  g_assert_cmpstr (notice->body, ==, "Still in the middle of something? Reminders can rest "
                                     "for an hour.");
  g_assert_cmpstr (notice->urgency, ==, "NORMAL");
  assert_actions (notice,
                  "default=Take a Break|pause-hour=Pause for an Hour|take-break=Take a Break");
  assert_tend_notice (notice);

  assert_dismissed (fixture, 1, TEND_NOTICE_BREAK_OFFER_PAUSE);
}

static void
test_eye_rest (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) notices = NULL;
  TendTestDunstNotice *notice;

  if (fixture->dunst == NULL)
    return;

  show (fixture, TEND_NOTICE_EYE_REST, 0);

  notice = read_back_one (fixture, &notices);
  g_assert_cmpstr (notice->summary, ==, "Rest Your Eyes");
  g_assert_cmpstr (notice->body, ==, "Look at something far away for 20 seconds.");
  g_assert_cmpstr (notice->urgency, ==, "LOW");
  /* No buttons, transient, and it leaves by itself. */
  assert_actions (notice, "");
  g_assert_cmpstr (notice->category, ==, "desktop-entry transient");
  g_assert_cmpint (notice->timeout_us, ==, TEND_NOTICE_EYE_REST_TIMEOUT_MS * G_GINT64_CONSTANT (1000));
  assert_tend_notice (notice);

  assert_dismissed (fixture, 1, TEND_NOTICE_EYE_REST);
}

static void
test_goal_passed (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GPtrArray) more = NULL;
  TendTestDunstNotice *notice;

  if (fixture->dunst == NULL)
    return;

  show (fixture, TEND_NOTICE_GOAL_PASSED, 180);

  notice = read_back_one (fixture, &notices);
  g_assert_cmpstr (notice->summary, ==, "Daily Goal Reached");
  g_assert_cmpstr (notice->body, ==, "Today’s screen time has reached your goal of 3 hours.");
  g_assert_cmpstr (notice->urgency, ==, "NORMAL");
  g_assert_cmpstr (notice->category, ==, "desktop-entry");
  assert_actions (notice, "default=Show Screen Time");
  assert_tend_notice (notice);

  show (fixture, TEND_NOTICE_GOAL_PASSED, 90);
  notice = read_back_one (fixture, &more);
  g_assert_cmpstr (notice->body, ==,
                   "Today’s screen time has reached your goal of 1 hour 30 minutes.");
}

static void
test_check_in (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) notices = NULL;
  TendTestDunstNotice *notice;

  if (fixture->dunst == NULL)
    return;

  show (fixture, TEND_NOTICE_CHECK_IN, 0);

  notice = read_back_one (fixture, &notices);
  g_assert_cmpstr (notice->summary, ==, "How Are You Today?");
  g_assert_cmpstr (notice->body, ==, "A check-in takes a few seconds, whenever you are ready.");
  g_assert_cmpstr (notice->urgency, ==, "NORMAL");
  g_assert_cmpstr (notice->category, ==, "desktop-entry");
  assert_actions (notice, "check-in=Check In|default=Check In");
  assert_tend_notice (notice);
}

static void
test_all_at_once (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) notices = NULL;

  if (fixture->dunst == NULL)
    return;

  /* One notice a kind, side by side; the break kinds share one. */
  show (fixture, TEND_NOTICE_BREAK, 50);
  show (fixture, TEND_NOTICE_EYE_REST, 0);
  show (fixture, TEND_NOTICE_GOAL_PASSED, 60);
  show (fixture, TEND_NOTICE_CHECK_IN, 0);
  show (fixture, TEND_NOTICE_BREAK_OFFER_PAUSE, 0);
  g_assert_cmpuint (tend_test_dunst_get_n_shown (fixture->dunst), ==, 4);

  notices = tend_test_dunst_read_back (fixture->dunst);
  g_assert_cmpuint (notices->len, ==, 4);
  for (guint i = 0; i < notices->len; i++)
    {
      TendTestDunstNotice *notice = g_ptr_array_index (notices, i);

      assert_tend_notice (notice);
      /* Each with its own actions, as the menu listed them all at once. */
      if (g_str_equal (notice->summary, "Time for a Break"))
        assert_actions (notice,
                        "default=Take a Break|pause-hour=Pause for an Hour|take-break=Take a Break");
      else if (g_str_equal (notice->summary, "How Are You Today?"))
        assert_actions (notice, "check-in=Check In|default=Check In");
      else if (g_str_equal (notice->summary, "Daily Goal Reached"))
        assert_actions (notice, "default=Show Screen Time");
      else
        assert_actions (notice, "");
    }

  TEND_TEST_WAIT_FOR (fixture->dismissed->len == 4);
}

/* Withdrawing, dismissing ---------------------------------------------------------- */

static void
test_withdraw (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) notices = NULL;
  TendTestDunstNotice *notice;

  if (fixture->dunst == NULL)
    return;

  /* Nothing shown: nothing to do. */
  tend_notifier_withdraw (fixture->notifier, TEND_NOTICE_CHECK_IN);

  show (fixture, TEND_NOTICE_CHECK_IN, 0);
  g_assert_cmpuint (tend_test_dunst_get_n_shown (fixture->dunst), ==, 1);

  tend_notifier_withdraw (fixture->notifier, TEND_NOTICE_CHECK_IN);
  g_assert_false (tend_notifier_is_shown (fixture->notifier, TEND_NOTICE_CHECK_IN));
  /* dunst closed it: no longer shown, in its history. */
  g_assert_cmpuint (tend_test_dunst_get_n_shown (fixture->dunst), ==, 0);
  notice = read_back_one (fixture, &notices);
  g_assert_cmpstr (notice->summary, ==, "How Are You Today?");

  /* A notice dismissed after it: its "dismissed" is the first the notifier emits, as
   * dunst's closings come in order. */
  show (fixture, TEND_NOTICE_EYE_REST, 0);
  tend_test_dunst_close_all (fixture->dunst);
  assert_dismissed (fixture, 1, TEND_NOTICE_EYE_REST);
  g_assert_cmpuint (fixture->actions->len, ==, 0);
}

static void
test_withdraw_break (Fixture       *fixture,
                     gconstpointer  data)
{
  if (fixture->dunst == NULL)
    return;

  /* Either break kind withdraws the break notice, whichever it is. */
  show (fixture, TEND_NOTICE_BREAK_OFFER_PAUSE, 0);
  show (fixture, TEND_NOTICE_CHECK_IN, 0);
  tend_notifier_withdraw (fixture->notifier, TEND_NOTICE_BREAK);
  g_assert_false (tend_notifier_is_shown (fixture->notifier, TEND_NOTICE_BREAK_OFFER_PAUSE));
  g_assert_true (tend_notifier_is_shown (fixture->notifier, TEND_NOTICE_CHECK_IN));
  g_assert_cmpuint (tend_test_dunst_get_n_shown (fixture->dunst), ==, 1);

  tend_test_dunst_close_all (fixture->dunst);
  assert_dismissed (fixture, 1, TEND_NOTICE_CHECK_IN);
}

static void
test_dismissed (Fixture       *fixture,
                gconstpointer  data)
{
  if (fixture->dunst == NULL)
    return;

  show (fixture, TEND_NOTICE_GOAL_PASSED, 120);
  tend_test_dunst_close_all (fixture->dunst);
  assert_dismissed (fixture, 1, TEND_NOTICE_GOAL_PASSED);
  g_assert_false (tend_notifier_is_shown (fixture->notifier, TEND_NOTICE_GOAL_PASSED));
  g_assert_cmpuint (fixture->actions->len, ==, 0);

  /* Shown again after that: a new notice. */
  show (fixture, TEND_NOTICE_GOAL_PASSED, 120);
  g_assert_cmpuint (tend_test_dunst_get_n_shown (fixture->dunst), ==, 1);
  tend_test_dunst_close_all (fixture->dunst);
  assert_dismissed (fixture, 2, TEND_NOTICE_GOAL_PASSED, TEND_NOTICE_GOAL_PASSED);
}

/* Actions -------------------------------------------------------------------------- */

static void
invoke_and_wait (Fixture    *fixture,
                 const char *summary,
                 const char *action_id)
{
  guint32 id = tend_test_dunst_find_shown (fixture->dunst, summary);
  guint n_actions = fixture->actions->len;

  tend_test_dunst_invoke_action (fixture->dunst, id, action_id);
  TEND_TEST_WAIT_FOR (fixture->actions->len == n_actions + 1);
}

static void
assert_last_action (Fixture        *fixture,
                    TendNoticeKind  kind,
                    const char     *action_id)
{
  g_autofree char *expected = g_strdup_printf ("%u:%s", kind, action_id);

  g_assert_cmpuint (fixture->actions->len, >, 0);
  g_assert_cmpstr (g_ptr_array_index (fixture->actions, fixture->actions->len - 1), ==,
                   expected);
}

static void
test_action_snooze (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) notices = NULL;

  if (fixture->dunst == NULL)
    return;

  show (fixture, TEND_NOTICE_BREAK, 50);
  invoke_and_wait (fixture, "Time for a Break", TEND_NOTICE_ACTION_SNOOZE);
  assert_last_action (fixture, TEND_NOTICE_BREAK, TEND_NOTICE_ACTION_SNOOZE);

  /* Done with: closed, without "dismissed". */
  g_assert_false (tend_notifier_is_shown (fixture->notifier, TEND_NOTICE_BREAK));
  g_assert_cmpuint (tend_test_dunst_get_n_shown (fixture->dunst), ==, 0);
  notices = tend_test_dunst_read_back (fixture->dunst);
  g_assert_cmpuint (notices->len, ==, 1);
  show (fixture, TEND_NOTICE_EYE_REST, 0);
  tend_test_dunst_close_all (fixture->dunst);
  assert_dismissed (fixture, 1, TEND_NOTICE_EYE_REST);
  g_assert_cmpuint (fixture->actions->len, ==, 1);
}

static void
test_action_take_break (Fixture       *fixture,
                        gconstpointer  data)
{
  if (fixture->dunst == NULL)
    return;

  show (fixture, TEND_NOTICE_BREAK, 50);
  invoke_and_wait (fixture, "Time for a Break", TEND_NOTICE_ACTION_TAKE_BREAK);
  assert_last_action (fixture, TEND_NOTICE_BREAK, TEND_NOTICE_ACTION_TAKE_BREAK);

  show (fixture, TEND_NOTICE_BREAK, 50);
  show (fixture, TEND_NOTICE_BREAK_OFFER_PAUSE, 0);
  invoke_and_wait (fixture, "Time for a Break", TEND_NOTICE_ACTION_TAKE_BREAK);
  assert_last_action (fixture, TEND_NOTICE_BREAK_OFFER_PAUSE, TEND_NOTICE_ACTION_TAKE_BREAK);

  show (fixture, TEND_NOTICE_BREAK_OFFER_PAUSE, 0);
  invoke_and_wait (fixture, "Time for a Break", TEND_NOTICE_ACTION_PAUSE_HOUR);
  assert_last_action (fixture, TEND_NOTICE_BREAK_OFFER_PAUSE, TEND_NOTICE_ACTION_PAUSE_HOUR);

  show (fixture, TEND_NOTICE_CHECK_IN, 0);
  invoke_and_wait (fixture, "How Are You Today?", TEND_NOTICE_ACTION_CHECK_IN);
  assert_last_action (fixture, TEND_NOTICE_CHECK_IN, TEND_NOTICE_ACTION_CHECK_IN);

  g_assert_cmpuint (fixture->actions->len, ==, 4);
  g_assert_cmpuint (tend_test_dunst_get_n_shown (fixture->dunst), ==, 0);
}

static void
invoke_default_and_wait (Fixture *fixture)
{
  guint n_actions = fixture->actions->len;

  /* dunst's first notice: the only one shown. */
  g_assert_cmpuint (tend_test_dunst_get_n_shown (fixture->dunst), ==, 1);
  tend_test_dunst_invoke_default (fixture->dunst);
  TEND_TEST_WAIT_FOR (fixture->actions->len == n_actions + 1);
}

static void
test_action_default (Fixture       *fixture,
                     gconstpointer  data)
{
  if (fixture->dunst == NULL)
    return;

  show (fixture, TEND_NOTICE_CHECK_IN, 0);
  invoke_default_and_wait (fixture);
  assert_last_action (fixture, TEND_NOTICE_CHECK_IN, TEND_NOTICE_ACTION_CHECK_IN);

  show (fixture, TEND_NOTICE_GOAL_PASSED, 60);
  invoke_default_and_wait (fixture);
  assert_last_action (fixture, TEND_NOTICE_GOAL_PASSED, TEND_NOTICE_ACTION_OPEN_USAGE);

  show (fixture, TEND_NOTICE_BREAK, 50);
  invoke_default_and_wait (fixture);
  assert_last_action (fixture, TEND_NOTICE_BREAK, TEND_NOTICE_ACTION_TAKE_BREAK);

  show (fixture, TEND_NOTICE_BREAK_OFFER_PAUSE, 0);
  invoke_default_and_wait (fixture);
  assert_last_action (fixture, TEND_NOTICE_BREAK_OFFER_PAUSE, TEND_NOTICE_ACTION_TAKE_BREAK);

  g_assert_cmpuint (tend_test_dunst_get_n_shown (fixture->dunst), ==, 0);
  g_assert_cmpuint (fixture->dismissed->len, ==, 0);
}

static void
show_again_cb (TendNotifier *notifier,
               guint         kind,
               const char   *action_id,
               const char   *activation_token,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tend_notifier_show (notifier, kind, 60, &error));
  g_assert_no_error (error);
}

static void
test_action_shows_again (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) notices = NULL;

  if (fixture->dunst == NULL)
    return;

  /* A handler that shows the same kind again gets a new notice, which stays. */
  show (fixture, TEND_NOTICE_BREAK, 50);
  g_signal_connect (fixture->notifier, "action", G_CALLBACK (show_again_cb), NULL);
  invoke_and_wait (fixture, "Time for a Break", TEND_NOTICE_ACTION_SNOOZE);
  g_signal_handlers_disconnect_by_func (fixture->notifier, show_again_cb, NULL);

  g_assert_true (tend_notifier_is_shown (fixture->notifier, TEND_NOTICE_BREAK));
  g_assert_cmpuint (tend_test_dunst_get_n_shown (fixture->dunst), ==, 1);
  notices = tend_test_dunst_read_back (fixture->dunst);
  g_assert_cmpuint (notices->len, ==, 2);
}

/* Without a server ----------------------------------------------------------------- */

static void
test_no_server (void)
{
  g_autoptr(TendNotifier) notifier = NULL;
  g_autoptr(GError) error = NULL;

  notifier = tend_notifier_new (&error);
  g_assert_null (notifier);
  g_assert_error (error, TEND_NOTIFIER_ERROR, TEND_NOTIFIER_ERROR_NO_SERVER);
  g_assert_cmpstr (error->message, ==, "No notification service is running on this desktop, "
                                       "so reminders cannot be shown.");
}

static void
test_server_gone (void)
{
  g_autoptr(TendTestDunst) dunst = NULL;
  g_autoptr(TendNotifier) notifier = NULL;
  g_autoptr(GError) error = NULL;

  if (no_dunst != NULL)
    {
      g_test_skip (no_dunst);
      return;
    }

  dunst = tend_test_dunst_start (x_display, g_test_dbus_get_bus_address (bus));
  notifier = tend_notifier_new (&error);
  g_assert_no_error (error);
  g_clear_pointer (&dunst, tend_test_dunst_stop);

  g_assert_false (tend_notifier_show (notifier, TEND_NOTICE_CHECK_IN, 0, &error));
  g_assert_error (error, TEND_NOTIFIER_ERROR, TEND_NOTIFIER_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "The desktop did not show the reminder: "));
  g_assert_false (tend_notifier_is_shown (notifier, TEND_NOTICE_CHECK_IN));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dunst_path = g_find_program_in_path ("dunst");
  int status;

  g_test_init (&argc, &argv, NULL);

  /* The private bus is the session bus of this process: libnotify finds it. It has no
   * service files, so no notification server starts unless a test starts dunst. */
  x_display = g_strdup (g_getenv ("DISPLAY"));
  if (x_display == NULL)
    no_dunst = g_strdup ("No X11 display for dunst");
  else if (dunst_path == NULL)
    no_dunst = g_strdup ("dunst is not installed (build-aux/dev installs it)");
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);

#define ADD(path, func) \
  g_test_add ("/notifier/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/notifier/no-server", test_no_server);
  ADD ("break", test_break);
  ADD ("break-minutes", test_break_minutes);
  ADD ("break-offer-pause", test_break_offer_pause);
  ADD ("eye-rest", test_eye_rest);
  ADD ("goal-passed", test_goal_passed);
  ADD ("check-in", test_check_in);
  ADD ("all-at-once", test_all_at_once);
  ADD ("withdraw", test_withdraw);
  ADD ("withdraw-break", test_withdraw_break);
  ADD ("dismissed", test_dismissed);
  ADD ("action/snooze", test_action_snooze);
  ADD ("action/take-break", test_action_take_break);
  ADD ("action/default", test_action_default);
  ADD ("action/shows-again", test_action_shows_again);
  g_test_add_func ("/notifier/server-gone", test_server_gone);

#undef ADD

  status = g_test_run ();

  /* libnotify keeps its connection to the bus until then. */
  notify_uninit ();
  g_test_dbus_down (bus);
  g_object_unref (bus);
  g_free (x_display);
  g_free (no_dunst);

  return status;
}
