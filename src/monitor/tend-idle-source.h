/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Input in the last two minutes means the person is using the computer. */
#define TEND_IDLE_SOURCE_DEFAULT_THRESHOLD_MS 120000

#define TEND_IDLE_SOURCE_ERROR (tend_idle_source_error_quark ())

typedef enum
{
  TEND_IDLE_SOURCE_ERROR_UNAVAILABLE,
} TendIdleSourceError;

#define TEND_TYPE_IDLE_SOURCE (tend_idle_source_get_type ())

G_DECLARE_DERIVABLE_TYPE (TendIdleSource, tend_idle_source, TEND, IDLE_SOURCE, GObject)

struct _TendIdleSourceClass
{
  GObjectClass parent_class;

  gboolean (*start) (TendIdleSource  *self,
                     GError         **error);

  /* "mutter", "ext-idle-notify", "xscreensaver" */
  const char *name;
};

GQuark          tend_idle_source_error_quark  (void);

TendIdleSource *tend_idle_source_new_best     (GError         **error);
TendIdleSource *tend_idle_source_new_best_full (guint           threshold_ms,
                                               GError         **error);

gboolean        tend_idle_source_start        (TendIdleSource  *self,
                                               GError         **error);
gboolean        tend_idle_source_is_started   (TendIdleSource  *self);
gboolean        tend_idle_source_is_active    (TendIdleSource  *self);
gint64          tend_idle_source_get_since    (TendIdleSource  *self);
const char     *tend_idle_source_get_name     (TendIdleSource  *self);
guint           tend_idle_source_get_threshold (TendIdleSource *self);
const GError   *tend_idle_source_get_error    (TendIdleSource  *self);

/* For subclasses only. */
void            tend_idle_source_update       (TendIdleSource  *self,
                                               gboolean         active,
                                               gint64           since);
void            tend_idle_source_fail         (TendIdleSource  *self,
                                               const GError    *error);

G_END_DECLS
