/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tend-database.h"

G_BEGIN_DECLS

/* How many of the newest days with backups keep all of theirs. */
#define TEND_BACKUP_KEEP_DAYS 7
/* How many months back the newest backup of each month is kept. */
#define TEND_BACKUP_KEEP_MONTHS 12

#define TEND_TYPE_BACKUP (tend_backup_get_type ())

G_DECLARE_FINAL_TYPE (TendBackup, tend_backup, TEND, BACKUP, GObject)

char         *tend_backup_get_folder         (const char    *data_dir);
char         *tend_backup_name_for_time      (GDateTime     *made_at);
TendBackup   *tend_backup_read               (const char    *path);
GPtrArray    *tend_backup_list               (const char    *folder,
                                              GError       **error);
TendBackup   *tend_backup_create             (const char    *journal_path,
                                              const char    *folder,
                                              GDateTime     *now,
                                              GError       **error);
gboolean      tend_backup_verify             (TendBackup    *self,
                                              GError       **error);
gboolean      tend_backup_restore_into       (TendBackup    *self,
                                              TendDatabase  *database,
                                              GError       **error);
GPtrArray    *tend_backup_select_expired     (GPtrArray     *backups,
                                              GDateTime     *now);
gboolean      tend_backup_prune              (const char    *folder,
                                              GDateTime     *now,
                                              GError       **error);
gboolean      tend_backup_check_journal      (const char    *journal_path,
                                              GError       **error);
gboolean      tend_backup_made_on_day        (GPtrArray     *backups,
                                              GDateTime     *day);

const char   *tend_backup_get_path           (TendBackup    *self);
GDateTime    *tend_backup_get_made_at        (TendBackup    *self);
gboolean      tend_backup_is_usable          (TendBackup    *self);
const GError *tend_backup_get_problem        (TendBackup    *self);
guint         tend_backup_get_n_entries      (TendBackup    *self);
GDateTime    *tend_backup_get_first_entry_at (TendBackup    *self);
GDateTime    *tend_backup_get_last_entry_at  (TendBackup    *self);

G_END_DECLS
