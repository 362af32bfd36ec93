/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tend-clock.h"
#include "tend-database.h"
#include "tend-journal.h"

G_BEGIN_DECLS

#define TEND_TYPE_CONTEXT (tend_context_get_type ())

G_DECLARE_FINAL_TYPE (TendContext, tend_context, TEND, CONTEXT, GObject)

char         *tend_context_get_default_data_dir (void);
TendContext  *tend_context_new                  (const char   *data_dir,
                                                 TendClock    *clock);
gboolean      tend_context_open                 (TendContext  *self,
                                                 GError      **error);
const char   *tend_context_get_data_dir         (TendContext  *self);
TendClock    *tend_context_get_clock            (TendContext  *self);
TendDatabase *tend_context_get_database         (TendContext  *self);
TendJournal  *tend_context_get_journal          (TendContext  *self);
const GError *tend_context_get_open_error       (TendContext  *self);

G_END_DECLS
