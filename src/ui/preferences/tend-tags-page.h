/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tend-journal.h"

G_BEGIN_DECLS

#define TEND_TYPE_TAGS_PAGE (tend_tags_page_get_type ())

G_DECLARE_FINAL_TYPE (TendTagsPage, tend_tags_page, TEND, TAGS_PAGE, AdwPreferencesPage)

AdwPreferencesPage *tend_tags_page_new (TendJournal *journal);

G_END_DECLS
