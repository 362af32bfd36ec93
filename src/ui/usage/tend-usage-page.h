/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tend-context.h"
#include "tend-usage-chart.h"

G_BEGIN_DECLS

#define TEND_TYPE_USAGE_PAGE (tend_usage_page_get_type ())

G_DECLARE_FINAL_TYPE (TendUsagePage, tend_usage_page, TEND, USAGE_PAGE, AdwBin)

void            tend_usage_page_set_context    (TendUsagePage *self,
                                                TendContext   *context);
void            tend_usage_page_refresh        (TendUsagePage *self);
TendUsageChart *tend_usage_page_get_chart      (TendUsagePage *self);
const char     *tend_usage_page_get_state_text (TendUsagePage *self);

G_END_DECLS
