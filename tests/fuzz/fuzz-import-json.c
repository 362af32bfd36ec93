/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Tend's own JSON export, as "Import" and "tend --import FILE.json" read it. */

#include "config.h"

#include "tend-import.h"
#include "tend-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GError) error = NULL;

  entries = tend_import_parse (bytes, TEND_FILE_FORMAT_JSON, &tags, &error);
  tend_fuzz_check_import (entries, tags, error);

  if (entries != NULL)
    {
      tend_fuzz_check_round_trip (entries, tags, TEND_FILE_FORMAT_JSON);
      tend_fuzz_check_round_trip (entries, tags, TEND_FILE_FORMAT_CSV);
    }

  return 0;
}
