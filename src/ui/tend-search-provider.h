/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tend-guide-library.h"

G_BEGIN_DECLS

#define TEND_TYPE_SEARCH_PROVIDER (tend_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (TendSearchProvider, tend_search_provider, TEND, SEARCH_PROVIDER, GObject)

TendSearchProvider *tend_search_provider_new      (GApplication       *application,
                                                   TendGuideLibrary   *library);
gboolean            tend_search_provider_export   (TendSearchProvider *self,
                                                   GDBusConnection    *connection,
                                                   const char         *object_path,
                                                   GError            **error);
void                tend_search_provider_unexport (TendSearchProvider *self,
                                                   GDBusConnection    *connection);

G_END_DECLS
