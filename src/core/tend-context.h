/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tend-backup.h"
#include "tend-clock.h"
#include "tend-database.h"
#include "tend-journal.h"

G_BEGIN_DECLS

/**
 * TendContextState:
 * @TEND_CONTEXT_STATE_CLOSED: tend_context_open() has not run yet
 * @TEND_CONTEXT_STATE_OPEN: the journal is open
 * @TEND_CONTEXT_STATE_DAMAGED: the journal was damaged; it has been moved aside, unchanged,
 *   and tend_context_recover_async() restores a backup or starts a new journal
 * @TEND_CONTEXT_STATE_FAILED: the journal could not be opened, and was left as it is
 *   (another program's file, a newer Tend's journal, a folder Tend may not write)
 */
typedef enum
{
  TEND_CONTEXT_STATE_CLOSED,
  TEND_CONTEXT_STATE_OPEN,
  TEND_CONTEXT_STATE_DAMAGED,
  TEND_CONTEXT_STATE_FAILED,
} TendContextState;

#define TEND_TYPE_CONTEXT (tend_context_get_type ())

G_DECLARE_FINAL_TYPE (TendContext, tend_context, TEND, CONTEXT, GObject)

char            *tend_context_get_default_data_dir (void);
TendContext     *tend_context_new                  (const char           *data_dir,
                                                    TendClock            *clock);
gboolean         tend_context_open                 (TendContext          *self,
                                                    GError              **error);
void             tend_context_set_leave_damaged    (TendContext          *self,
                                                    gboolean              leave_damaged);
const char      *tend_context_get_data_dir         (TendContext          *self);
char            *tend_context_get_journal_path     (TendContext          *self);
char            *tend_context_get_backup_folder    (TendContext          *self);
TendClock       *tend_context_get_clock            (TendContext          *self);
TendDatabase    *tend_context_get_database         (TendContext          *self);
TendJournal     *tend_context_get_journal          (TendContext          *self);
TendContextState tend_context_get_state            (TendContext          *self);
const GError    *tend_context_get_open_error       (TendContext          *self);
const char      *tend_context_get_damaged_path     (TendContext          *self);

void             tend_context_check_async          (TendContext          *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean         tend_context_check_finish         (TendContext          *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

void             tend_context_back_up_async        (TendContext          *self,
                                                    gboolean              once_a_day,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
TendBackup      *tend_context_back_up_finish       (TendContext          *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void             tend_context_run_maintenance      (TendContext          *self);

void             tend_context_list_backups_async   (TendContext          *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GPtrArray       *tend_context_list_backups_finish  (TendContext          *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

void             tend_context_restore_async        (TendContext          *self,
                                                    TendBackup           *backup,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean         tend_context_restore_finish       (TendContext          *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

void             tend_context_recover_async        (TendContext          *self,
                                                    gboolean              restore_backup,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
TendBackup      *tend_context_recover_finish       (TendContext          *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

G_END_DECLS
