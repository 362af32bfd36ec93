/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tend-database.h"

G_BEGIN_DECLS

/* For the tests: a journal file left at an earlier schema version, as an older Tend left it. */
gboolean _tend_database_create_at_version (const char  *path,
                                           int          version,
                                           GError     **error);

G_END_DECLS
