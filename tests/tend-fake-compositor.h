/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _TendFakeCompositor TendFakeCompositor;

TendFakeCompositor *tend_fake_compositor_new                 (const char         *socket_name,
                                                              guint               notifier_version);
void                tend_fake_compositor_free                (TendFakeCompositor *fake);

guint               tend_fake_compositor_count_notifications (TendFakeCompositor *fake);
guint               tend_fake_compositor_count_seat_binds    (TendFakeCompositor *fake);
guint               tend_fake_compositor_get_bound_version   (TendFakeCompositor *fake);
gboolean            tend_fake_compositor_get_notification    (TendFakeCompositor *fake,
                                                              guint              *timeout,
                                                              gboolean           *input_only);

void                tend_fake_compositor_idle                (TendFakeCompositor *fake);
void                tend_fake_compositor_resume              (TendFakeCompositor *fake);

G_END_DECLS
