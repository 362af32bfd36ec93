/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-context"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tend-context.h"
#include "tend-database-private.h"
#include "tend-task.h"

/* What a window, the command line or a test needs of Tend's data, in one object: the
 * application makes one and hands it to each window, and a test makes its own on a
 * temporary folder.
 *
 * It also keeps the journal safe: daily backups, restoring one, and a damaged journal,
 * which is moved aside unchanged (journal.db.damaged-YYYYMMDD-HHMMSS, with its -wal and
 * -shm) so a backup can be restored or a new journal started in its place. The journal
 * and database objects stay the same through a restore or a recovery, so every list
 * built on them stays valid and simply shows the new contents. */
struct _TendContext
{
  GObject           parent_instance;

  /* Owned */
  char             *data_dir;
  TendClock        *clock;
  TendDatabase     *database;
  TendJournal      *journal;
  GError           *open_error;
  char             *damaged_path;

  TendContextState  state;
  gboolean          leave_damaged;
};

G_DEFINE_FINAL_TYPE (TendContext, tend_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATA_DIR,
  PROP_CLOCK,
  PROP_STATE,
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
  g_clear_pointer (&self->damaged_path, g_free);
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

    case PROP_STATE:
      g_value_set_int (value, self->state);
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
  /**
   * TendContext:state:
   *
   * A #TendContextState: whether the journal is open, damaged or could not be opened.
   */
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      TEND_CONTEXT_STATE_CLOSED, TEND_CONTEXT_STATE_FAILED,
                      TEND_CONTEXT_STATE_CLOSED,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

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

static void
set_state (TendContext      *self,
           TendContextState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static gboolean
is_damage (const GError *error)
{
  return g_error_matches (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_CORRUPT);
}

/* Renames the journal and the -wal and -shm files beside it to a name no file has, such as
 * journal.db.damaged-20261121-103000, and returns that name. Nothing is overwritten. */
static char *
move_aside (const char  *path,
            GDateTime   *now,
            GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  g_autofree char *stamp = g_date_time_format (local, "%Y%m%d-%H%M%S");
  g_autofree char *target = g_strdup_printf ("%s.damaged-%s", path, stamp);

  for (guint copy = 2; ; copy++)
    {
      gboolean taken = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *file = g_strconcat (target, suffixes[i], NULL);

          taken |= g_file_test (file, G_FILE_TEST_EXISTS);
        }

      if (!taken)
        break;

      g_free (target);
      target = g_strdup_printf ("%s.damaged-%s-%u", path, stamp, copy);
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, suffixes[i], NULL);

      if (g_rename (from, to) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_CANNOT_OPEN,
                       _("Your journal file is damaged, and Tend could not move it aside "
                         "(%s). Nothing has been deleted."), g_strerror (saved_errno));
          return NULL;
        }
    }

  g_message ("The journal was damaged; it is kept, unchanged, as %s", target);
  return g_steal_pointer (&target);
}

/* The journal is damaged: it is moved aside so a backup or a new journal can take its
 * place. Returns %FALSE if even that is not possible. */
static gboolean
set_damaged (TendContext *self)
{
  g_autofree char *path = tend_context_get_journal_path (self);
  g_autoptr(GDateTime) now = tend_clock_get_now (self->clock);
  g_autoptr(GError) error = NULL;
  g_autofree char *moved = NULL;

  if (self->journal != NULL)
    tend_journal_unload (self->journal);
  if (self->database != NULL)
    _tend_database_close (self->database);

  moved = move_aside (path, now, &error);
  g_clear_error (&self->open_error);

  if (moved == NULL)
    {
      self->open_error = g_steal_pointer (&error);
      set_state (self, TEND_CONTEXT_STATE_FAILED);
      return FALSE;
    }

  g_set_error (&self->open_error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_CORRUPT,
               _("Your journal file is damaged, so Tend cannot read it."));
  g_free (self->damaged_path);
  self->damaged_path = g_steal_pointer (&moved);
  set_state (self, TEND_CONTEXT_STATE_DAMAGED);
  return TRUE;
}

/**
 * tend_context_open:
 *
 * Opens the journal in the data folder (made when missing) and reads it. On failure the
 * error is also kept, so a window can tell the user what happened. A damaged journal is
 * moved aside and the state becomes %TEND_CONTEXT_STATE_DAMAGED; any other failure leaves
 * the file as it is, in %TEND_CONTEXT_STATE_FAILED.
 *
 * This reads only what the lists need, to start fast; tend_context_check_async() reads the
 * rest of the file to find damage later on.
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

  path = tend_context_get_journal_path (self);
  database = tend_database_open (path, &local_error);

  if (database != NULL)
    {
      journal = tend_journal_new (database);
      if (!tend_journal_load (journal, &local_error))
        {
          g_clear_object (&journal);
          _tend_database_close (database);
        }
    }

  if (journal == NULL)
    {
      g_clear_object (&database);
      g_clear_error (&self->open_error);

      /* The command line leaves a damaged journal where it is, for the window to
       * offer a backup or a new journal when Tend is next opened. */
      if (is_damage (local_error) && self->leave_damaged)
        {
          g_set_error (&self->open_error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_CORRUPT,
                       _("Your journal file is damaged, so Tend cannot read it. It has not "
                         "been changed: open Tend to restore a backup or start a new "
                         "journal."));
          set_state (self, TEND_CONTEXT_STATE_FAILED);
          g_propagate_error (error, g_error_copy (self->open_error));
          return FALSE;
        }

      if (is_damage (local_error))
        {
          g_debug ("Could not open the journal: %s", local_error->message);
          set_damaged (self);
          g_propagate_error (error, g_error_copy (self->open_error));
          return FALSE;
        }

      self->open_error = g_error_copy (local_error);
      set_state (self, TEND_CONTEXT_STATE_FAILED);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->database = g_steal_pointer (&database);
  self->journal = g_steal_pointer (&journal);
  g_clear_error (&self->open_error);
  set_state (self, TEND_CONTEXT_STATE_OPEN);
  return TRUE;
}

/**
 * tend_context_set_leave_damaged:
 * @leave_damaged: whether tend_context_open() leaves a damaged journal where it is
 *
 * By default a damaged journal is moved aside at once, for a window to recover from.
 * Programs without a window (the command line) leave it in place instead: the open fails
 * with %TEND_CONTEXT_STATE_FAILED and a message saying to open Tend. Call before opening.
 */
void
tend_context_set_leave_damaged (TendContext *self,
                                gboolean     leave_damaged)
{
  g_return_if_fail (TEND_IS_CONTEXT (self));

  self->leave_damaged = leave_damaged;
}

/**
 * tend_context_get_journal_path:
 *
 * Returns: (transfer full): the journal file
 */
char *
tend_context_get_journal_path (TendContext *self)
{
  g_return_val_if_fail (TEND_IS_CONTEXT (self), NULL);

  return g_build_filename (self->data_dir, "journal.db", NULL);
}

/**
 * tend_context_get_backup_folder:
 *
 * Returns: (transfer full): the folder of the journal's backups
 */
char *
tend_context_get_backup_folder (TendContext *self)
{
  g_return_val_if_fail (TEND_IS_CONTEXT (self), NULL);

  return tend_backup_get_folder (self->data_dir);
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

TendContextState
tend_context_get_state (TendContext *self)
{
  g_return_val_if_fail (TEND_IS_CONTEXT (self), TEND_CONTEXT_STATE_CLOSED);

  return self->state;
}

/**
 * tend_context_get_damaged_path:
 *
 * Returns: (transfer none) (nullable): where the damaged journal was moved, in the
 *   %TEND_CONTEXT_STATE_DAMAGED state
 */
const char *
tend_context_get_damaged_path (TendContext *self)
{
  g_return_val_if_fail (TEND_IS_CONTEXT (self), NULL);

  return self->damaged_path;
}

/**
 * tend_context_get_open_error:
 *
 * Returns: (transfer none) (nullable): why the journal is not open, in plain words
 */
const GError *
tend_context_get_open_error (TendContext *self)
{
  g_return_val_if_fail (TEND_IS_CONTEXT (self), NULL);

  return self->open_error;
}

/* What a worker thread needs, copied on the main thread: it never touches the context. */
typedef struct
{
  char         *journal_path;
  char         *folder;
  GDateTime    *now;
  TendDatabase *database;
  TendBackup   *backup;
  gboolean      once_a_day;
  gboolean      restore_backup;
} Work;

static void
work_free (Work *work)
{
  g_clear_pointer (&work->journal_path, g_free);
  g_clear_pointer (&work->folder, g_free);
  g_clear_pointer (&work->now, g_date_time_unref);
  g_clear_object (&work->database);
  g_clear_object (&work->backup);
  g_free (work);
}

static Work *
work_new (TendContext *self)
{
  Work *work = g_new0 (Work, 1);

  work->journal_path = tend_context_get_journal_path (self);
  work->folder = tend_context_get_backup_folder (self);
  work->now = tend_clock_get_now (self->clock);
  if (self->database != NULL)
    work->database = g_object_ref (self->database);

  return work;
}

/* Runs @thread_func with a task whose callback, @done, runs on the main thread and ends
 * the caller's @task. */
static void
run_work (TendContext         *self,
          GTask               *task,
          Work                *work,
          GTaskThreadFunc      thread_func,
          GAsyncReadyCallback  done)
{
  g_autoptr(GTask) inner = NULL;

  inner = g_task_new (self, g_task_get_cancellable (task), done, g_object_ref (task));
  g_task_set_source_tag (inner, run_work);
  g_task_set_task_data (inner, work, (GDestroyNotify) work_free);
  tend_task_run_in_thread (inner, thread_func);
}

static gboolean
return_if_not_open (TendContext *self,
                    GTask       *task)
{
  if (self->state == TEND_CONTEXT_STATE_OPEN)
    return FALSE;

  g_task_return_new_error (task, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_CANNOT_OPEN,
                           "%s", _("Your journal is not open, so nothing could be read or saved."));
  return TRUE;
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Work *work = task_data;
  GError *error = NULL;

  if (!tend_backup_check_journal (work->journal_path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  TendContext *self = TEND_CONTEXT (object);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (is_damage (error) && self->state == TEND_CONTEXT_STATE_OPEN)
    set_damaged (self);

  g_task_return_error (task, error);
}

/**
 * tend_context_check_async:
 *
 * Reads the whole journal with PRAGMA quick_check on a worker thread. When it is damaged,
 * the journal is closed and moved aside, and the state becomes
 * %TEND_CONTEXT_STATE_DAMAGED; the journal object stays, but can neither read nor save
 * until tend_context_recover_async().
 */
void
tend_context_check_async (TendContext         *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TEND_IS_CONTEXT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tend_context_check_async);

  if (return_if_not_open (self, task))
    return;

  run_work (self, task, work_new (self), check_thread, check_done_cb);
}

/**
 * tend_context_check_finish:
 *
 * Returns: %TRUE if the journal is sound; %FALSE with %TEND_DATABASE_ERROR_CORRUPT if it
 *   was damaged (and has been moved aside), or another error if it could not be checked
 */
gboolean
tend_context_check_finish (TendContext   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
back_up_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Work *work = task_data;
  g_autoptr(TendBackup) backup = NULL;
  g_autoptr(GError) prune_error = NULL;
  GError *error = NULL;

  if (work->once_a_day)
    {
      g_autoptr(GPtrArray) backups = tend_backup_list (work->folder, &error);

      if (backups == NULL)
        {
          g_task_return_error (task, error);
          return;
        }

      if (tend_backup_made_on_day (backups, work->now))
        {
          g_task_return_pointer (task, NULL, NULL);
          return;
        }
    }

  backup = tend_backup_create (work->journal_path, work->folder, work->now, &error);
  if (backup == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (!tend_backup_prune (work->folder, work->now, &prune_error))
    g_message ("Could not remove old backups: %s", prune_error->message);

  g_task_return_pointer (task, g_steal_pointer (&backup), g_object_unref);
}

static void
pass_pointer_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gpointer value = g_task_propagate_pointer (G_TASK (result), &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, value, value != NULL ? g_object_unref : NULL);
}

/**
 * tend_context_back_up_async:
 * @once_a_day: whether to do nothing when a backup was already made today
 *
 * Copies the journal into the backups folder on a worker thread, checks the copy, and
 * removes the backups that are no longer kept (see tend_backup_select_expired()).
 */
void
tend_context_back_up_async (TendContext         *self,
                            gboolean             once_a_day,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Work *work;

  g_return_if_fail (TEND_IS_CONTEXT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tend_context_back_up_async);

  if (return_if_not_open (self, task))
    return;

  work = work_new (self);
  work->once_a_day = once_a_day;
  run_work (self, task, work, back_up_thread, pass_pointer_cb);
}

/**
 * tend_context_back_up_finish:
 *
 * Returns: (transfer full) (nullable): the new backup; %NULL without an error when
 *   @once_a_day skipped it
 */
TendBackup *
tend_context_back_up_finish (TendContext   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
maintenance_backed_up_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(TendBackup) backup = NULL;
  g_autoptr(GError) error = NULL;

  backup = tend_context_back_up_finish (TEND_CONTEXT (object), result, &error);
  if (error != NULL)
    g_message ("No backup was made today: %s", error->message);
}

static void
maintenance_checked_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  TendContext *self = TEND_CONTEXT (object);
  g_autoptr(GError) error = NULL;

  /* A damaged journal is never backed up: the copy would push a good backup out. */
  if (!tend_context_check_finish (self, result, &error))
    {
      g_message ("The journal was not backed up: %s", error->message);
      return;
    }

  tend_context_back_up_async (self, TRUE, NULL, maintenance_backed_up_cb, NULL);
}

/**
 * tend_context_run_maintenance:
 *
 * Checks the journal for damage, then backs it up if no backup was made today, all on
 * worker threads. The application calls it once the window has shown its first frame, and
 * from time to time after.
 */
void
tend_context_run_maintenance (TendContext *self)
{
  g_return_if_fail (TEND_IS_CONTEXT (self));

  if (self->state != TEND_CONTEXT_STATE_OPEN)
    return;

  /* No backup can be made in a folder Tend may only read, and nothing is moved aside. */
  if (tend_database_is_read_only (self->database))
    return;

  tend_context_check_async (self, NULL, maintenance_checked_cb, NULL);
}

static void
list_backups_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  Work *work = task_data;
  GError *error = NULL;
  GPtrArray *backups = tend_backup_list (work->folder, &error);

  if (backups == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, backups, (GDestroyNotify) g_ptr_array_unref);
}

static void
pass_backups_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GPtrArray *backups = g_task_propagate_pointer (G_TASK (result), &error);

  if (backups == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, backups, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * tend_context_list_backups_async:
 *
 * Lists the backups and reads what each holds, on a worker thread.
 */
void
tend_context_list_backups_async (TendContext         *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TEND_IS_CONTEXT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tend_context_list_backups_async);
  run_work (self, task, work_new (self), list_backups_thread, pass_backups_cb);
}

/**
 * tend_context_list_backups_finish:
 *
 * Returns: (transfer container) (element-type TendBackup): the backups, newest first
 */
GPtrArray *
tend_context_list_backups_finish (TendContext   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Work *work = task_data;
  g_autoptr(TendBackup) kept = NULL;
  g_autoptr(GError) local_error = NULL;
  GError *error = NULL;

  if (!tend_backup_verify (work->backup, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* The journal as it is now is kept first: a restore never loses anything. */
  kept = tend_backup_create (work->journal_path, work->folder, work->now, &local_error);
  if (kept == NULL)
    {
      g_task_return_new_error (task, TEND_DATABASE_ERROR, local_error->code,
                               _("Your journal as it is now could not be kept as a backup, "
                                 "so nothing was restored. %s"), local_error->message);
      return;
    }

  if (!tend_backup_restore_into (work->backup, work->database, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
restore_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  TendContext *self = TEND_CONTEXT (object);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) ||
      !tend_journal_reload (self->journal, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * tend_context_restore_async:
 * @backup: the backup to bring back
 *
 * Keeps the journal as it is now as a new backup, then replaces its contents with
 * @backup's, on a worker thread, and reloads the journal: every list shows the restored
 * check-ins. If @backup turns out damaged, or the journal cannot be kept first, nothing
 * changes.
 */
void
tend_context_restore_async (TendContext         *self,
                            TendBackup          *backup,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Work *work;

  g_return_if_fail (TEND_IS_CONTEXT (self));
  g_return_if_fail (TEND_IS_BACKUP (backup));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tend_context_restore_async);

  if (return_if_not_open (self, task))
    return;

  work = work_new (self);
  work->backup = g_object_ref (backup);
  run_work (self, task, work, restore_thread, restore_done_cb);
}

gboolean
tend_context_restore_finish (TendContext   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
recover_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Work *work = task_data;
  g_autoptr(TendBackup) chosen = NULL;
  GError *error = NULL;

  if (work->restore_backup)
    {
      g_autoptr(GPtrArray) backups = tend_backup_list (work->folder, &error);

      if (backups == NULL)
        {
          g_task_return_error (task, error);
          return;
        }

      /* The newest backup that passes its check. */
      for (guint i = 0; i < backups->len && chosen == NULL; i++)
        {
          TendBackup *backup = g_ptr_array_index (backups, i);
          g_autoptr(GError) verify_error = NULL;

          if (tend_backup_verify (backup, &verify_error))
            chosen = g_object_ref (backup);
          else
            g_message ("Not restoring %s: %s", tend_backup_get_path (backup),
                       verify_error->message);
        }

      if (chosen == NULL)
        {
          g_task_return_new_error (task, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_CORRUPT,
                                   "%s", _("No backup could be restored: none is left, or "
                                           "all are damaged."));
          return;
        }
    }

  /* A new journal in place of the damaged one, filled from the backup if one is wanted. */
  if (work->database != NULL)
    {
      if (!_tend_database_reopen (work->database, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }
  else
    {
      work->database = tend_database_open (work->journal_path, &error);
      if (work->database == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }

  if (chosen != NULL && !tend_backup_restore_into (chosen, work->database, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&chosen), g_object_unref);
}

static void
recover_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  TendContext *self = TEND_CONTEXT (object);
  Work *work = g_task_get_task_data (G_TASK (result));
  g_autoptr(GTask) task = user_data;
  g_autoptr(TendBackup) backup = NULL;
  g_autoptr(TendJournal) journal = NULL;
  GError *error = NULL;

  backup = g_task_propagate_pointer (G_TASK (result), &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (self->journal != NULL)
    {
      if (!tend_journal_reload (self->journal, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }
  else
    {
      journal = tend_journal_new (work->database);
      if (!tend_journal_load (journal, &error))
        {
          g_task_return_error (task, error);
          return;
        }

      self->database = g_object_ref (work->database);
      self->journal = g_steal_pointer (&journal);
    }

  g_clear_error (&self->open_error);
  set_state (self, TEND_CONTEXT_STATE_OPEN);
  g_task_return_pointer (task, g_steal_pointer (&backup), g_object_unref);
}

/**
 * tend_context_recover_async:
 * @restore_backup: %TRUE to restore the newest backup that passes its check, %FALSE to
 *   start a new, empty journal
 *
 * After a damaged journal was moved aside (%TEND_CONTEXT_STATE_DAMAGED), puts a journal in
 * its place and opens it; the state becomes %TEND_CONTEXT_STATE_OPEN. On failure the state
 * stays as it was, and either choice may be tried again.
 */
void
tend_context_recover_async (TendContext         *self,
                            gboolean             restore_backup,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Work *work;

  g_return_if_fail (TEND_IS_CONTEXT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tend_context_recover_async);

  if (self->state != TEND_CONTEXT_STATE_DAMAGED)
    {
      g_task_return_new_error (task, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_FAILED,
                               "%s", _("There is no damaged journal to recover."));
      return;
    }

  work = work_new (self);
  work->restore_backup = restore_backup;
  run_work (self, task, work, recover_thread, recover_done_cb);
}

/**
 * tend_context_recover_finish:
 *
 * Returns: (transfer full) (nullable): the backup that was restored, or %NULL for a new
 *   journal (and on error)
 */
TendBackup *
tend_context_recover_finish (TendContext   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
