/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "tend-export.h"

G_BEGIN_DECLS

/* What the fuzz targets share: libFuzzer's two entry points, and the checks they make on
 * what the real parsers return. Any failed check aborts, which libFuzzer reports as a
 * crash with the input that caused it. */

int  LLVMFuzzerInitialize        (int             *argc,
                                  char          ***argv);
int  LLVMFuzzerTestOneInput      (const uint8_t   *data,
                                  size_t           size);

void tend_fuzz_check_text        (const char      *text);
void tend_fuzz_check_import      (GPtrArray       *entries,
                                  GPtrArray       *tags,
                                  const GError    *error);
void tend_fuzz_check_round_trip  (GPtrArray       *entries,
                                  GPtrArray       *tags,
                                  TendFileFormat   format);

G_END_DECLS
