/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tend-context.h"
#include "tend-insights.h"

G_BEGIN_DECLS

#define TEND_TYPE_INSIGHTS_PAGE (tend_insights_page_get_type ())

G_DECLARE_FINAL_TYPE (TendInsightsPage, tend_insights_page, TEND, INSIGHTS_PAGE, AdwBin)

void                      tend_insights_page_set_context  (TendInsightsPage   *self,
                                                           TendContext        *context);
TendInsightsPeriod        tend_insights_page_get_period   (TendInsightsPage   *self);
void                      tend_insights_page_set_period   (TendInsightsPage   *self,
                                                           TendInsightsPeriod  period);
void                      tend_insights_page_step         (TendInsightsPage   *self,
                                                           int                 steps);
const TendInsightsReport *tend_insights_page_get_report   (TendInsightsPage   *self);
gboolean                  tend_insights_page_is_computing (TendInsightsPage   *self);

G_END_DECLS
