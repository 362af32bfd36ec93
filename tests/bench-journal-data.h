/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tend-database.h"
#include "tend-entry.h"

G_BEGIN_DECLS

#define TEND_BENCH_N_ENTRIES 100000
#define TEND_BENCH_N_YEARS   10
#define TEND_BENCH_END       1795000000  /* late 2026: the newest check-in, unix s */

TendEntry *tend_bench_make_entry       (GRand      *rand,
                                        guint       index,
                                        gint64      start,
                                        gint64      step);
void       tend_bench_generate_journal (const char *data_dir);
void       tend_bench_fill_journal     (const char *data_dir,
                                        guint       n_entries,
                                        guint       n_years);
void       tend_bench_add_usage        (TendDatabase *database,
                                        guint         n_days);

G_END_DECLS
