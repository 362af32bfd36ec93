/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tend-emotion.h"
#include "tend-entry-private.h"

/* One check-in. The journal hands out entries as snapshots of what is stored; to change
 * one, copy it, set what changed and give the copy to tend_journal_update(). */
struct _TendEntry
{
  GObject     parent_instance;

  /* Owned */
  char       *uuid;
  char       *note;
  char       *snippet;
  char      **emotions;
  char      **tags;
  GDateTime  *occurred_at;

  gint64      id; /* 0 until stored */
  gint64      created_at;
  gint64      updated_at;
  TendMood    mood;
  TendEnergy  energy;
  gboolean    unreadable;
};

G_DEFINE_FINAL_TYPE (TendEntry, tend_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_MOOD,
  PROP_ENERGY,
  PROP_EMOTIONS,
  PROP_TAGS,
  PROP_NOTE,
  PROP_OCCURRED_AT,
  PROP_SNIPPET,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
tend_entry_finalize (GObject *object)
{
  TendEntry *self = TEND_ENTRY (object);

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->snippet, g_free);
  g_clear_pointer (&self->emotions, g_strfreev);
  g_clear_pointer (&self->tags, g_strfreev);
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

    case PROP_ENERGY:
      g_value_set_int (value, self->energy);
      break;

    case PROP_EMOTIONS:
      g_value_set_boxed (value, self->emotions);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_OCCURRED_AT:
      g_value_set_boxed (value, self->occurred_at);
      break;

    case PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_entry_class_init (TendEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = tend_entry_finalize;
  object_class->get_property = tend_entry_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_MOOD] =
    g_param_spec_int ("mood", NULL, NULL, TEND_MOOD_FIRST, TEND_MOOD_LAST, TEND_MOOD_OKAY, flags);
  properties[PROP_ENERGY] =
    g_param_spec_int ("energy", NULL, NULL, TEND_ENERGY_NONE, TEND_ENERGY_LAST, TEND_ENERGY_NONE,
                      flags);
  properties[PROP_EMOTIONS] = g_param_spec_boxed ("emotions", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, "", flags);
  properties[PROP_OCCURRED_AT] =
    g_param_spec_boxed ("occurred-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_SNIPPET] = g_param_spec_string ("snippet", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tend_entry_init (TendEntry *self)
{
  self->emotions = g_new0 (char *, 1);
  self->tags = g_new0 (char *, 1);
  self->note = g_strdup ("");
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
  g_free (self->note);
  self->note = g_strdup (note != NULL ? note : "");
  self->occurred_at = g_date_time_ref (occurred_at);

  return self;
}

/* A stand-in for a stored check-in whose row cannot be read (damaged, or changed by
 * another program into something Tend cannot show): it has the row's id and a time to
 * sort and group it by, no mood, and tend_entry_is_readable() says so. A list shows it in
 * the place of the row, so no view is ever handed nothing for a check-in it counts. */
TendEntry *
_tend_entry_new_unreadable (gint64     id,
                            GDateTime *occurred_at)
{
  TendEntry *self;

  g_return_val_if_fail (occurred_at != NULL, NULL);

  self = g_object_new (TEND_TYPE_ENTRY, NULL);
  self->id = id;
  self->uuid = g_strdup ("");
  self->mood = TEND_MOOD_NONE;
  self->occurred_at = g_date_time_ref (occurred_at);
  self->unreadable = TRUE;

  return self;
}

/**
 * tend_entry_is_readable:
 *
 * Returns: %FALSE for the stand-in of a stored check-in that could not be read, which has
 *   no mood, no uuid and no content, and can be neither edited nor exported
 */
gboolean
tend_entry_is_readable (TendEntry *self)
{
  g_return_val_if_fail (TEND_IS_ENTRY (self), FALSE);

  return !self->unreadable;
}

/**
 * tend_entry_copy:
 *
 * Returns: (transfer full): a copy of @self with the same id and uuid, to edit
 */
TendEntry *
tend_entry_copy (TendEntry *self)
{
  TendEntry *copy;

  g_return_val_if_fail (TEND_IS_ENTRY (self), NULL);

  copy = _tend_entry_new_stored (self->id, self->uuid, self->mood, self->note, self->occurred_at);
  copy->energy = self->energy;
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;
  g_strfreev (copy->emotions);
  copy->emotions = g_strdupv (self->emotions);
  g_strfreev (copy->tags);
  copy->tags = g_strdupv (self->tags);

  return copy;
}

/**
 * tend_entry_equal:
 *
 * Returns: whether @a and @b say the same thing: mood, energy, emotions, tags, note and
 *   time (ids, uuids and bookkeeping times are not compared)
 */
gboolean
tend_entry_equal (TendEntry *a,
                  TendEntry *b)
{
  g_return_val_if_fail (TEND_IS_ENTRY (a), FALSE);
  g_return_val_if_fail (TEND_IS_ENTRY (b), FALSE);

  return a->mood == b->mood &&
         a->energy == b->energy &&
         g_strv_equal ((const char * const *) a->emotions, (const char * const *) b->emotions) &&
         g_strv_equal ((const char * const *) a->tags, (const char * const *) b->tags) &&
         g_str_equal (a->note, b->note) &&
         g_date_time_equal (a->occurred_at, b->occurred_at) &&
         g_date_time_get_utc_offset (a->occurred_at) == g_date_time_get_utc_offset (b->occurred_at);
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

void
_tend_entry_set_uuid (TendEntry  *self,
                      const char *uuid)
{
  g_return_if_fail (TEND_IS_ENTRY (self));
  g_return_if_fail (uuid != NULL);

  if (g_set_str (&self->uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

void
_tend_entry_set_times (TendEntry *self,
                       gint64     created_at,
                       gint64     updated_at)
{
  g_return_if_fail (TEND_IS_ENTRY (self));

  self->created_at = created_at;
  self->updated_at = updated_at;
}

void
_tend_entry_set_snippet (TendEntry  *self,
                         const char *snippet)
{
  g_return_if_fail (TEND_IS_ENTRY (self));

  if (g_set_str (&self->snippet, snippet))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNIPPET]);
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

void
tend_entry_set_mood (TendEntry *self,
                     TendMood   mood)
{
  g_return_if_fail (TEND_IS_ENTRY (self));
  g_return_if_fail (tend_mood_is_valid (mood));

  if (self->mood == mood)
    return;

  self->mood = mood;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOOD]);
}

/**
 * tend_entry_get_energy:
 *
 * Returns: the energy level, or %TEND_ENERGY_NONE when the check-in does not say
 */
TendEnergy
tend_entry_get_energy (TendEntry *self)
{
  g_return_val_if_fail (TEND_IS_ENTRY (self), TEND_ENERGY_NONE);

  return self->energy;
}

void
tend_entry_set_energy (TendEntry  *self,
                       TendEnergy  energy)
{
  g_return_if_fail (TEND_IS_ENTRY (self));
  g_return_if_fail (energy == TEND_ENERGY_NONE || tend_energy_is_valid (energy));

  if (self->energy == energy)
    return;

  self->energy = energy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENERGY]);
}

/**
 * tend_entry_get_emotions:
 *
 * Returns: (transfer none): the emotion nicks, in catalogue order
 */
const char * const *
tend_entry_get_emotions (TendEntry *self)
{
  g_return_val_if_fail (TEND_IS_ENTRY (self), NULL);

  return (const char * const *) self->emotions;
}

/**
 * tend_entry_set_emotions:
 * @emotions: (nullable): emotion nicks; unknown ones and repeats are dropped
 */
void
tend_entry_set_emotions (TendEntry          *self,
                         const char * const *emotions)
{
  g_auto(GStrv) normalized = NULL;

  g_return_if_fail (TEND_IS_ENTRY (self));

  normalized = tend_emotion_normalize (emotions);
  if (g_strv_equal ((const char * const *) normalized, (const char * const *) self->emotions))
    return;

  g_strfreev (self->emotions);
  self->emotions = g_steal_pointer (&normalized);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMOTIONS]);
}

/**
 * tend_entry_get_tags:
 *
 * Returns: (transfer none): the names of the entry's activities and context tags
 */
const char * const *
tend_entry_get_tags (TendEntry *self)
{
  g_return_val_if_fail (TEND_IS_ENTRY (self), NULL);

  return (const char * const *) self->tags;
}

/**
 * tend_tag_name_normalize:
 *
 * Returns: (transfer full) (nullable): @name as a tag name is stored: valid UTF-8, NFC,
 *   without control characters or surrounding spaces, at most 60 characters; %NULL when
 *   nothing is left
 */
char *
tend_tag_name_normalize (const char *name)
{
  g_autofree char *valid = NULL;
  g_autofree char *nfc = NULL;
  g_autoptr(GString) clean = NULL;
  guint n_chars = 0;

  if (name == NULL)
    return NULL;

  valid = g_utf8_make_valid (name, -1);
  nfc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  clean = g_string_new (NULL);

  for (const char *p = nfc; *p != '\0' && n_chars < 60; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || g_unichar_isspace (c))
        c = ' ';
      if (c == ' ' && (clean->len == 0 || clean->str[clean->len - 1] == ' '))
        continue;

      g_string_append_unichar (clean, c);
      n_chars++;
    }

  while (clean->len > 0 && clean->str[clean->len - 1] == ' ')
    g_string_truncate (clean, clean->len - 1);

  if (clean->len == 0)
    return NULL;

  return g_string_free_and_steal (g_steal_pointer (&clean));
}

/**
 * tend_entry_set_tags:
 * @tags: (nullable): tag names; empty ones and repeats (ignoring case) are dropped
 */
void
tend_entry_set_tags (TendEntry          *self,
                     const char * const *tags)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) cleaned = NULL;

  g_return_if_fail (TEND_IS_ENTRY (self));

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *name = tend_tag_name_normalize (tags[i]);
      char *folded;

      if (name == NULL)
        continue;

      folded = g_utf8_casefold (name, -1);
      if (!g_hash_table_add (seen, folded))
        continue;

      g_strv_builder_add (builder, name);
    }

  cleaned = g_strv_builder_end (builder);
  if (g_strv_equal ((const char * const *) cleaned, (const char * const *) self->tags))
    return;

  g_strfreev (self->tags);
  self->tags = g_steal_pointer (&cleaned);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

const char *
tend_entry_get_note (TendEntry *self)
{
  g_return_val_if_fail (TEND_IS_ENTRY (self), NULL);

  return self->note;
}

/**
 * tend_entry_set_note:
 * @note: (nullable): the note, valid UTF-8
 */
void
tend_entry_set_note (TendEntry  *self,
                     const char *note)
{
  g_return_if_fail (TEND_IS_ENTRY (self));
  g_return_if_fail (note == NULL || g_utf8_validate (note, -1, NULL));

  if (g_set_str (&self->note, note != NULL ? note : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
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

void
tend_entry_set_occurred_at (TendEntry *self,
                            GDateTime *occurred_at)
{
  g_return_if_fail (TEND_IS_ENTRY (self));
  g_return_if_fail (occurred_at != NULL);

  if (g_date_time_equal (self->occurred_at, occurred_at) &&
      g_date_time_get_utc_offset (self->occurred_at) == g_date_time_get_utc_offset (occurred_at))
    return;

  g_date_time_unref (self->occurred_at);
  self->occurred_at = g_date_time_ref (occurred_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OCCURRED_AT]);
}

/**
 * tend_entry_get_created_at:
 *
 * Returns: when the entry was first stored, in seconds since 1970, or 0 before that
 */
gint64
tend_entry_get_created_at (TendEntry *self)
{
  g_return_val_if_fail (TEND_IS_ENTRY (self), 0);

  return self->created_at;
}

gint64
tend_entry_get_updated_at (TendEntry *self)
{
  g_return_val_if_fail (TEND_IS_ENTRY (self), 0);

  return self->updated_at;
}

/**
 * tend_entry_get_snippet:
 *
 * For an entry found by a search, the part of its note that matched, the matches marked
 * with U+0002 before and U+0003 after.
 *
 * Returns: (nullable): the snippet, or %NULL when the entry was not found by text
 */
const char *
tend_entry_get_snippet (TendEntry *self)
{
  g_return_val_if_fail (TEND_IS_ENTRY (self), NULL);

  return self->snippet;
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
