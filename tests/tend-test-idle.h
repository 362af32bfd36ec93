/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tend-idle-source.h"

/* What an activity source said, for the tests of the sources: how many times it went
 * active and idle, and since when. */

typedef struct
{
  guint  n_active;
  guint  n_idle;
  gint64 active_since;
  gint64 idle_since;
} Record;

static void
active_cb (TendIdleSource *source,
           gint64          since,
           Record         *record)
{
  g_assert_true (tend_idle_source_is_active (source));
  g_assert_cmpint (tend_idle_source_get_since (source), ==, since);
  record->n_active++;
  record->active_since = since;
}

static void
idle_cb (TendIdleSource *source,
         gint64          since,
         Record         *record)
{
  g_assert_false (tend_idle_source_is_active (source));
  g_assert_cmpint (tend_idle_source_get_since (source), ==, since);
  record->n_idle++;
  record->idle_since = since;
}

static void
record_source (TendIdleSource *source,
               Record         *record)
{
  g_signal_connect (source, "active", G_CALLBACK (active_cb), record);
  g_signal_connect (source, "idle", G_CALLBACK (idle_cb), record);
}
