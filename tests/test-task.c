/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tend-task.h"
#include "tend-test-utils.h"

/* A task run on a worker thread is let go on the thread that made it: its source object
 * and its task data are never finalized on the worker, however the two threads race. */

typedef struct
{
  GThread *main_thread;
  gint     n_finalized;  /* atomic: a broken helper would count on the worker */
  gint     n_on_main;
} Record;

static Record record;

static void
object_finalized_cb (gpointer  data,
                     GObject  *where_the_object_was)
{
  if (g_thread_self () == record.main_thread)
    g_atomic_int_inc (&record.n_on_main);
  g_atomic_int_inc (&record.n_finalized);
}

static void
data_freed (gpointer data)
{
  if (g_thread_self () == record.main_thread)
    g_atomic_int_inc (&record.n_on_main);
  g_atomic_int_inc (&record.n_finalized);
}

static void
return_at_once_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  g_assert_true (G_IS_OBJECT (source_object));
  g_assert_cmpint (GPOINTER_TO_INT (task_data), ==, 42);
  g_task_return_boolean (task, TRUE);
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_thread_self () == record.main_thread);
  g_assert_true (g_task_propagate_boolean (G_TASK (result), &error));
  g_assert_no_error (error);
  (*(guint *) user_data)++;
}

static gboolean
all_finalized (gpointer data)
{
  return (guint) g_atomic_int_get (&record.n_finalized) == GPOINTER_TO_UINT (data);
}

static void
test_let_go_on_main_thread (void)
{
  const guint n_tasks = 1000;
  guint n_done = 0;

  record.main_thread = g_thread_self ();

  for (guint i = 0; i < n_tasks; i++)
    {
      g_autoptr(GObject) source = g_object_new (G_TYPE_OBJECT, NULL);
      g_autoptr(GTask) task = g_task_new (source, NULL, done_cb, &n_done);

      g_object_weak_ref (source, object_finalized_cb, NULL);
      g_task_set_task_data (task, GINT_TO_POINTER (42), data_freed);
      tend_task_run_in_thread (task, return_at_once_thread);

      /* The callback runs as soon as the result arrives, racing the worker's return */
      g_clear_object (&task);
      g_clear_object (&source);
      while (n_done < i + 1)
        g_main_context_iteration (NULL, TRUE);
    }

  tend_test_wait_until (all_finalized, GUINT_TO_POINTER (2 * n_tasks));
  g_assert_cmpuint (n_done, ==, n_tasks);
  g_assert_cmpint (g_atomic_int_get (&record.n_on_main), ==, 2 * n_tasks);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/task/let-go-on-main-thread", test_let_go_on_main_thread);

  return g_test_run ();
}
