/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tend-guide.h"

G_BEGIN_DECLS

TendGuide *_tend_guide_new_from_data (GBytes      *xml,
                                      const char  *file_name,
                                      GError     **error);

G_END_DECLS
