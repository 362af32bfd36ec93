/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-task"

#include "config.h"

#include "tend-task.h"

/* g_task_run_in_thread() gives the worker thread a reference to the task, which it drops
 * when the thread function returns: when the result was handed over first, that is the
 * last one, and the task, with its source object and task data, is freed on the worker.
 * The journal, the context and the database they hold belong to the main thread, so here
 * the worker only borrows the task, and the thread that made it lets it go. */

typedef struct
{
  GTask           *task;  /* borrowed: the helper's callback holds it */
  GTaskThreadFunc  thread_func;
} Handoff;

static void
handoff_thread (GTask        *helper,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Handoff *handoff = task_data;
  GTask *task = handoff->task;

  handoff->thread_func (task, g_task_get_source_object (task), g_task_get_task_data (task),
                        g_task_get_cancellable (task));
  g_task_return_boolean (helper, TRUE);
}

static void
handoff_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_object_unref (user_data);
}

/**
 * tend_task_run_in_thread:
 * @thread_func: runs on a worker thread and returns @task's result, as with
 *   g_task_run_in_thread()
 *
 * Like g_task_run_in_thread(), except that the last reference to @task is always dropped
 * in the main context it was made in, never on the worker thread, so its source object
 * and task data are never finalized there. @thread_func must not keep @task, its source
 * object or its data past its return.
 */
void
tend_task_run_in_thread (GTask           *task,
                         GTaskThreadFunc  thread_func)
{
  g_autoptr(GTask) helper = NULL;
  Handoff *handoff;

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (thread_func != NULL);

  handoff = g_new0 (Handoff, 1);
  handoff->task = task;
  handoff->thread_func = thread_func;

  /* No source object and plain memory as data: whichever thread frees the helper frees
   * nothing that belongs to another. */
  helper = g_task_new (NULL, NULL, handoff_done_cb, g_object_ref (task));
  g_task_set_source_tag (helper, tend_task_run_in_thread);
  g_task_set_task_data (helper, handoff, g_free);
  g_task_run_in_thread (helper, handoff_thread);
}
