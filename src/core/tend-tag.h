/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TEND_TYPE_TAG (tend_tag_get_type ())

G_DECLARE_FINAL_TYPE (TendTag, tend_tag, TEND, TAG, GObject)

gint64      tend_tag_get_id       (TendTag *self);
const char *tend_tag_get_name     (TendTag *self);
gboolean    tend_tag_get_hidden   (TendTag *self);

/* For the journal */
TendTag    *_tend_tag_new         (gint64      id,
                                   const char *name,
                                   gboolean    hidden);

G_END_DECLS
