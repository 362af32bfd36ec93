/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tend-entry-private.h"

/* One check-in. Entries are values: to change one, the journal stores a new version. */
struct _TendEntry
{
  GObject    parent_instance;

  /* Owned */
  char      *uuid;
  char      *note;
  GDateTime *occurred_at;

  gint64     id; /* 0 until stored */
  TendMood   mood;
};

G_DEFINE_FINAL_TYPE (TendEntry, tend_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_MOOD,
  PROP_NOTE,
  PROP_OCCURRED_AT,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
tend_entry_finalize (GObject *object)
{
  TendEntry *self = TEND_ENTRY (object);

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->occurred_at, g_date_time_unref);

  G_OBJECT_CLASS (tend_entry_parent_class)->finalize (object);
}

static void
tend_entry_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TendEntry *self = TEND_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_MOOD:
      g_value_set_int (value, self->mood);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_OCCURRED_AT:
      g_value_set_boxed (value, self->occurred_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_entry_class_init (TendEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tend_entry_finalize;
  object_class->get_property = tend_entry_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MOOD] =
    g_param_spec_int ("mood", NULL, NULL, TEND_MOOD_FIRST, TEND_MOOD_LAST, TEND_MOOD_OKAY,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OCCURRED_AT] =
    g_param_spec_boxed ("occurred-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tend_entry_init (TendEntry *self)
{
}

/**
 * tend_entry_new:
 * @mood: a valid #TendMood
 * @note: (nullable): the note, valid UTF-8, or %NULL for none
 * @occurred_at: when the check-in is about
 *
 * Returns: (transfer full): a check-in that is not stored yet
 */
TendEntry *
tend_entry_new (TendMood    mood,
                const char *note,
                GDateTime  *occurred_at)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return _tend_entry_new_stored (0, uuid, mood, note, occurred_at);
}

TendEntry *
_tend_entry_new_stored (gint64      id,
                        const char *uuid,
                        TendMood    mood,
                        const char *note,
                        GDateTime  *occurred_at)
{
  TendEntry *self;

  g_return_val_if_fail (tend_mood_is_valid (mood), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (occurred_at != NULL, NULL);
  g_return_val_if_fail (note == NULL || g_utf8_validate (note, -1, NULL), NULL);

  self = g_object_new (TEND_TYPE_ENTRY, NULL);
  self->id = id;
  self->uuid = g_strdup (uuid);
  self->mood = mood;
  self->note = g_strdup (note != NULL ? note : "");
  self->occurred_at = g_date_time_ref (occurred_at);

  return self;
}

void
_tend_entry_set_id (TendEntry *self,
                    gint64     id)
{
  g_return_if_fail (TEND_IS_ENTRY (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
tend_entry_get_id (TendEntry *self)
{
  g_return_val_if_fail (TEND_IS_ENTRY (self), 0);

  return self->id;
}

const char *
tend_entry_get_uuid (TendEntry *self)
{
  g_return_val_if_fail (TEND_IS_ENTRY (self), NULL);

  return self->uuid;
}

TendMood
tend_entry_get_mood (TendEntry *self)
{
  g_return_val_if_fail (TEND_IS_ENTRY (self), TEND_MOOD_NONE);

  return self->mood;
}

const char *
tend_entry_get_note (TendEntry *self)
{
  g_return_val_if_fail (TEND_IS_ENTRY (self), NULL);

  return self->note;
}

/**
 * tend_entry_get_occurred_at:
 *
 * Returns: (transfer none): when the check-in is about, in the time zone it was written in
 */
GDateTime *
tend_entry_get_occurred_at (TendEntry *self)
{
  g_return_val_if_fail (TEND_IS_ENTRY (self), NULL);

  return self->occurred_at;
}

/**
 * tend_entry_compare:
 *
 * Orders entries as the journal shows them: the newest first, and of two entries at the
 * same second, the one stored last first.
 */
int
tend_entry_compare (TendEntry *a,
                    TendEntry *b)
{
  int by_time = g_date_time_compare (b->occurred_at, a->occurred_at);

  if (by_time != 0)
    return by_time;

  return (b->id > a->id) - (b->id < a->id);
}
