/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TEND_TYPE_USAGE_SETTINGS_PAGE (tend_usage_settings_page_get_type ())

G_DECLARE_FINAL_TYPE (TendUsageSettingsPage, tend_usage_settings_page, TEND, USAGE_SETTINGS_PAGE,
                      AdwPreferencesPage)

AdwPreferencesPage *tend_usage_settings_page_new (void);

G_END_DECLS
