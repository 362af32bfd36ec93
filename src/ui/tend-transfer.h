/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tend-journal.h"

G_BEGIN_DECLS

void tend_transfer_import      (GtkWindow   *parent,
                                TendJournal *journal);
void tend_transfer_import_file (GtkWindow   *parent,
                                TendJournal *journal,
                                GFile       *file);
void tend_transfer_export      (GtkWindow   *parent,
                                TendJournal *journal,
                                GListModel  *entries);
void tend_transfer_export_file (GtkWindow   *parent,
                                TendJournal *journal,
                                GListModel  *entries,
                                GFile       *file);

G_END_DECLS
