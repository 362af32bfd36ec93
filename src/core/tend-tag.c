/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tend-tag.h"

/* An activity or context tag as the journal last read it. The journal replaces its tags
 * with new ones whenever one changes; a tag itself never changes. */
struct _TendTag
{
  GObject   parent_instance;

  char     *name;
  gint64    id;
  gboolean  hidden;
};

G_DEFINE_FINAL_TYPE (TendTag, tend_tag, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_HIDDEN,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
tend_tag_finalize (GObject *object)
{
  g_free (TEND_TAG (object)->name);

  G_OBJECT_CLASS (tend_tag_parent_class)->finalize (object);
}

static void
tend_tag_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  TendTag *self = TEND_TAG (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_HIDDEN:
      g_value_set_boolean (value, self->hidden);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_tag_class_init (TendTagClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tend_tag_finalize;
  object_class->get_property = tend_tag_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIDDEN] =
    g_param_spec_boolean ("hidden", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tend_tag_init (TendTag *self)
{
}

TendTag *
_tend_tag_new (gint64      id,
               const char *name,
               gboolean    hidden)
{
  TendTag *self = g_object_new (TEND_TYPE_TAG, NULL);

  self->id = id;
  self->name = g_strdup (name);
  self->hidden = !!hidden;
  return self;
}

gint64
tend_tag_get_id (TendTag *self)
{
  g_return_val_if_fail (TEND_IS_TAG (self), 0);

  return self->id;
}

const char *
tend_tag_get_name (TendTag *self)
{
  g_return_val_if_fail (TEND_IS_TAG (self), NULL);

  return self->name;
}

/**
 * tend_tag_get_hidden:
 *
 * Returns: whether the tag is left out of the check-in form; entries keep it
 */
gboolean
tend_tag_get_hidden (TendTag *self)
{
  g_return_val_if_fail (TEND_IS_TAG (self), FALSE);

  return self->hidden;
}

