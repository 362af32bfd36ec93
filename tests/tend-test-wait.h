/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

/* Waiting in the tests of the monitor and its activity sources, which talk to other
 * processes and threads (fake services, Xvfb, dunst, a fake compositor). Never a
 * measure of time: the limit only turns a hang into a failure. */

#define WAIT_TIMEOUT_S 30

static inline gboolean
tend_test_wait_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static inline gboolean
tend_test_wait_tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* The tick wakes the loop for conditions that change in another thread or process. */
#define WAIT_FOR(cond) \
  G_STMT_START { \
    gboolean timed_out_ = FALSE; \
    guint timeout_id_ = g_timeout_add_seconds (WAIT_TIMEOUT_S, tend_test_wait_flag_cb, \
                                               &timed_out_); \
    guint tick_id_ = g_timeout_add (20, tend_test_wait_tick_cb, NULL); \
    while (!(cond) && !timed_out_) \
      g_main_context_iteration (NULL, TRUE); \
    g_source_remove (tick_id_); \
    if (!timed_out_) \
      g_source_remove (timeout_id_); \
    else \
      g_error ("Timed out waiting for %s", #cond); \
  } G_STMT_END
