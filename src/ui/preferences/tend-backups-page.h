/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tend-context.h"

G_BEGIN_DECLS

#define TEND_TYPE_BACKUPS_PAGE (tend_backups_page_get_type ())

G_DECLARE_FINAL_TYPE (TendBackupsPage, tend_backups_page, TEND, BACKUPS_PAGE, AdwPreferencesPage)

TendBackupsPage *tend_backups_page_new                (TendContext *context);
void             tend_backups_page_reload             (TendBackupsPage *self);
char            *tend_backups_page_format_day         (GDateTime   *time);
char            *tend_backups_page_describe_contents  (TendBackup  *backup);

G_END_DECLS
