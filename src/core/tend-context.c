/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-context"

#include "config.h"

#include "tend-context.h"

/* What a window, the command line or a test needs of Tend's data, in one object: the
 * application makes one and hands it to each window, and a test makes its own on a
 * temporary folder. */
struct _TendContext
{
  GObject       parent_instance;

  /* Owned */
  char         *data_dir;
  TendClock    *clock;
  TendDatabase *database;
  TendJournal  *journal;
  GError       *open_error;
};

G_DEFINE_FINAL_TYPE (TendContext, tend_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATA_DIR,
  PROP_CLOCK,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
tend_context_dispose (GObject *object)
{
  TendContext *self = TEND_CONTEXT (object);

  g_clear_object (&self->journal);
  g_clear_object (&self->database);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (tend_context_parent_class)->dispose (object);
}

static void
tend_context_finalize (GObject *object)
{
  TendContext *self = TEND_CONTEXT (object);

  g_clear_pointer (&self->data_dir, g_free);
  g_clear_error (&self->open_error);

  G_OBJECT_CLASS (tend_context_parent_class)->finalize (object);
}

static void
tend_context_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TendContext *self = TEND_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      g_value_set_string (value, self->data_dir);
      break;

    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_context_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TendContext *self = TEND_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      self->data_dir = g_value_dup_string (value);
      break;

    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_context_constructed (GObject *object)
{
  TendContext *self = TEND_CONTEXT (object);

  G_OBJECT_CLASS (tend_context_parent_class)->constructed (object);

  if (self->data_dir == NULL)
    self->data_dir = tend_context_get_default_data_dir ();

  if (self->clock == NULL)
    self->clock = tend_clock_new_system ();
}

static void
tend_context_class_init (TendContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tend_context_dispose;
  object_class->finalize = tend_context_finalize;
  object_class->get_property = tend_context_get_property;
  object_class->set_property = tend_context_set_property;
  object_class->constructed = tend_context_constructed;

  properties[PROP_DATA_DIR] =
    g_param_spec_string ("data-dir", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, TEND_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tend_context_init (TendContext *self)
{
}

/**
 * tend_context_get_default_data_dir:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/tend`, where the journal lives
 */
char *
tend_context_get_default_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "tend", NULL);
}

/**
 * tend_context_new:
 * @data_dir: (nullable): the folder of the journal, or %NULL for the default
 * @clock: (nullable): the clock, or %NULL for the system clock
 */
TendContext *
tend_context_new (const char *data_dir,
                  TendClock  *clock)
{
  return g_object_new (TEND_TYPE_CONTEXT,
                       "data-dir", data_dir,
                       "clock", clock,
                       NULL);
}

/**
 * tend_context_open:
 *
 * Opens the journal in the data folder and reads it. On failure the error is also kept,
 * so a window can tell the user what happened.
 */
gboolean
tend_context_open (TendContext  *self,
                   GError      **error)
{
  g_autofree char *path = NULL;
  g_autoptr(TendDatabase) database = NULL;
  g_autoptr(TendJournal) journal = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TEND_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (self->database == NULL, FALSE);

  path = g_build_filename (self->data_dir, "journal.db", NULL);
  database = tend_database_open (path, &local_error);

  if (database != NULL)
    {
      journal = tend_journal_new (database);
      if (!tend_journal_load (journal, &local_error))
        g_clear_object (&journal);
    }

  if (journal == NULL)
    {
      g_clear_error (&self->open_error);
      self->open_error = g_error_copy (local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->database = g_steal_pointer (&database);
  self->journal = g_steal_pointer (&journal);
  return TRUE;
}

const char *
tend_context_get_data_dir (TendContext *self)
{
  g_return_val_if_fail (TEND_IS_CONTEXT (self), NULL);

  return self->data_dir;
}

/**
 * tend_context_get_clock:
 *
 * Returns: (transfer none): the clock
 */
TendClock *
tend_context_get_clock (TendContext *self)
{
  g_return_val_if_fail (TEND_IS_CONTEXT (self), NULL);

  return self->clock;
}

/**
 * tend_context_get_database:
 *
 * Returns: (transfer none) (nullable): the database, or %NULL before a successful open
 */
TendDatabase *
tend_context_get_database (TendContext *self)
{
  g_return_val_if_fail (TEND_IS_CONTEXT (self), NULL);

  return self->database;
}

/**
 * tend_context_get_journal:
 *
 * Returns: (transfer none) (nullable): the journal, or %NULL before a successful open
 */
TendJournal *
tend_context_get_journal (TendContext *self)
{
  g_return_val_if_fail (TEND_IS_CONTEXT (self), NULL);

  return self->journal;
}

/**
 * tend_context_get_open_error:
 *
 * Returns: (transfer none) (nullable): why the last tend_context_open() failed
 */
const GError *
tend_context_get_open_error (TendContext *self)
{
  g_return_val_if_fail (TEND_IS_CONTEXT (self), NULL);

  return self->open_error;
}
