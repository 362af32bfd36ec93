/* SPDX-License-Identifier: GPL-3.0-or-later */

/* CSV, as "Import" and "tend --import FILE.csv" read it: Daylio's export and Tend's own. */

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

  entries = tend_import_parse (bytes, TEND_FILE_FORMAT_CSV, &tags, &error);
  tend_fuzz_check_import (entries, tags, error);

  if (entries != NULL)
    {
      g_assert_cmpuint (tags->len, ==, 0);
      tend_fuzz_check_round_trip (entries, tags, TEND_FILE_FORMAT_CSV);
      tend_fuzz_check_round_trip (entries, tags, TEND_FILE_FORMAT_JSON);
    }

  return 0;
}
