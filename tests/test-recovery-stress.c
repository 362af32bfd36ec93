/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "tend-entry-row.h"
#include "tend-export.h"
#include "tend-import.h"
#include "tend-insights.h"
#include "tend-journal-page.h"
#include "tend-test-utils.h"
#include "tend-test-widgets.h"
#include "tend-window.h"

/* Damage found while Tend is open, over and over, on one real window: each round starts a
 * background task (the journal page revealing its rows, a search, an import, a backup,
 * Insights, an export), waits a varied moment, damages the journal file, lets the check
 * find it while the task runs, and recovers, from a backup or with a new journal. Any
 * critical or warning fails the run (G_DEBUG=fatal-warnings), and so does any memory error
 * under "build-aux/dev test --sanitize". TEND_STRESS_ROUNDS sets the number of rounds. */

typedef enum
{
  TASK_REVEAL_ROWS,
  TASK_SEARCH,
  TASK_IMPORT,
  TASK_BACK_UP,
  TASK_INSIGHTS,
  TASK_EXPORT,
  N_TASKS,
} Task;

static const char *task_names[N_TASKS] = {
  "reveal rows", "search", "import", "back up", "insights", "export",
};

typedef struct
{
  TendContext *context;
  TendWindow  *window;
  char        *data_dir;
  GFile       *import_file;
  GFile       *export_file;
  guint        n_pending;  /* background tasks whose callback has not run */
  gboolean     checked;
  GtkEditable *search_entry;  /* the journal page's */
} Stress;

static void
add_entries (TendContext *context,
             guint        n)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) last = tend_clock_get_now (tend_context_get_clock (context));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_hours (last, -7 * (int) (i + 1));

      g_ptr_array_add (entries, tend_entry_new (TEND_MOOD_OKAY + (int) (i % 3) - 1,
                                                "Walked by the river after work.", when));
    }

  g_assert_true (tend_journal_import (tend_context_get_journal (context), entries, NULL, NULL,
                                      &error));
  g_assert_no_error (error);
}

static void
task_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Stress *stress = user_data;
  g_autoptr(GError) error = NULL;

  /* Each may succeed or fail with a plain error, depending on when the damage came; the
   * run only asks that none crashes or complains. */
  if (g_async_result_is_tagged (result, tend_journal_query_async))
    {
      g_autoptr(TendEntryList) list = tend_journal_query_finish (TEND_JOURNAL (object), result,
                                                                 &error);
    }
  else if (g_async_result_is_tagged (result, tend_import_file_async))
    tend_import_file_finish (TEND_JOURNAL (object), result, NULL, NULL, &error);
  else if (g_async_result_is_tagged (result, tend_context_back_up_async))
    {
      g_autoptr(TendBackup) backup = tend_context_back_up_finish (TEND_CONTEXT (object), result,
                                                                  &error);
    }
  else if (g_async_result_is_tagged (result, tend_insights_compute_async))
    {
      g_autoptr(TendInsightsReport) report = tend_insights_compute_finish (result, &error);
    }
  else if (g_async_result_is_tagged (result, tend_export_file_async))
    tend_export_file_finish (TEND_JOURNAL (object), result, NULL, &error);
  else
    g_assert_not_reached ();

  if (error != NULL)
    g_test_message ("  a task ended with: %s", error->message);
  stress->n_pending--;
}

static void
start_task (Stress *stress,
            Task    task)
{
  TendJournal *journal = tend_context_get_journal (stress->context);

  switch (task)
    {
    case TASK_REVEAL_ROWS:
      /* The journal page shows another list, and reveals its rows frame by frame */
      tend_window_show_page (stress->window, "journal");
      gtk_editable_set_text (stress->search_entry,
                             g_str_equal (gtk_editable_get_text (stress->search_entry), "")
                               ? "river" : "");
      return;

    case TASK_SEARCH:
      {
        g_autoptr(TendFilter) filter = tend_filter_new ();

        tend_filter_set_text (filter, "river");
        tend_journal_query_async (journal, filter, NULL, task_done_cb, stress);
      }
      break;

    case TASK_IMPORT:
      tend_import_file_async (journal, stress->import_file, NULL, task_done_cb, stress);
      break;

    case TASK_BACK_UP:
      tend_context_back_up_async (stress->context, FALSE, NULL, task_done_cb, stress);
      break;

    case TASK_INSIGHTS:
      {
        g_autoptr(GDateTime) now = tend_clock_get_now (tend_context_get_clock (stress->context));
        g_autoptr(GDate) day = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                               g_date_time_get_month (now),
                                               g_date_time_get_year (now));

        tend_insights_compute_async (journal, NULL, TEND_INSIGHTS_PERIOD_YEAR, day,
                                     G_DATE_MONDAY, NULL, task_done_cb, stress);
      }
      break;

    case TASK_EXPORT:
      tend_export_file_async (journal, NULL, TEND_FILE_FORMAT_JSON, stress->export_file, NULL,
                              task_done_cb, stress);
      break;

    case N_TASKS:
    default:
      g_assert_not_reached ();
    }

  stress->n_pending++;
}

/* Damages the journal as the daily check will find it. Taking the journal's lock first
 * lets a write in flight finish, so the noise is not folded over by its log. */
static void
damage_entries_table (TendContext *context)
{
  TendDatabase *database = tend_context_get_database (context);
  g_autofree char *path = tend_context_get_journal_path (context);
  g_autoptr(GError) error = NULL;

  tend_database_lock (database);
  g_assert_true (tend_database_exec (database, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_assert_no_error (error);
  tend_test_damage_entries_table (path);
  tend_database_unlock (database);
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Stress *stress = user_data;
  g_autoptr(GError) error = NULL;

  tend_context_check_finish (TEND_CONTEXT (object), result, &error);
  stress->checked = TRUE;
}

static gboolean
is_checked (gpointer data)
{
  return ((Stress *) data)->checked;
}

static gboolean
no_task_pending (gpointer data)
{
  return ((Stress *) data)->n_pending == 0;
}

static gboolean
is_open (gpointer data)
{
  return tend_context_get_state (data) == TEND_CONTEXT_STATE_OPEN;
}

static gboolean
is_visible (gpointer data)
{
  return gtk_widget_get_visible (data) && gtk_widget_is_sensitive (data);
}

static const char *
main_stack_page (TendWindow *window)
{
  GtkWidget *stack = tend_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_STACK);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* Lets the main loop run for about @ms milliseconds, so the damage lands at a different
 * moment of the task each round. */
static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (500);
    }
}

static guint
count_stored (TendContext *context)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  TendDatabase *database = tend_context_get_database (context);
  guint n;

  tend_database_lock (database);
  stmt = tend_database_prepare (database, "SELECT count(*) FROM entries", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  tend_database_unlock (database);
  return n;
}

static void
run_round (Stress *stress,
           guint   round)
{
  Task task = round % N_TASKS;
  gboolean from_backup = (round / N_TASKS) % 2 == 1;
  guint delay_ms = (round * 37) % 400;
  const char *button_action = from_backup ? "win.restore-backup" : "win.start-new-journal";
  GtkWidget *button;
  TendClock *clock = tend_context_get_clock (stress->context);

  g_test_message ("round %u: %s, damage after %u ms, then %s", round + 1, task_names[task],
                  delay_ms, from_backup ? "restore a backup" : "start a new journal");

  /* A new day each round, so each backup has a name of its own */
  {
    g_autoptr(GDateTime) now = tend_clock_get_now (clock);
    g_autoptr(GDateTime) next = g_date_time_add_days (now, 1);

    tend_clock_set_now (clock, next);
  }

  if (count_stored (stress->context) == 0)
    add_entries (stress->context, 200);
  if (from_backup)
    {
      stress->n_pending++;
      tend_context_back_up_async (stress->context, FALSE, NULL, task_done_cb, stress);
      tend_test_wait_until (no_task_pending, stress);
    }

  if (task != TASK_REVEAL_ROWS)
    start_task (stress, TASK_REVEAL_ROWS);
  start_task (stress, task);
  spin (delay_ms);

  /* The check may read the file before the damage reaches it: then damage it again. */
  for (guint attempt = 0; tend_context_get_state (stress->context) == TEND_CONTEXT_STATE_OPEN;
       attempt++)
    {
      g_assert_cmpuint (attempt, <, 5);
      damage_entries_table (stress->context);
      stress->checked = FALSE;
      tend_context_check_async (stress->context, NULL, checked_cb, stress);
      tend_test_wait_until (is_checked, stress);
    }
  g_assert_cmpint (tend_context_get_state (stress->context), ==, TEND_CONTEXT_STATE_DAMAGED);
  tend_test_wait_until (no_task_pending, stress);

  /* The window offers the way back, and takes it */
  g_assert_cmpstr (main_stack_page (stress->window), ==, "error");
  button = tend_test_find_action_button (GTK_WIDGET (stress->window), button_action);
  g_assert_nonnull (button);
  tend_test_wait_until (is_visible, button);
  tend_test_click (button);
  tend_test_wait_until (is_open, stress->context);
  g_assert_cmpstr (main_stack_page (stress->window), ==, "main");

  /* What the journal page counts is what the file holds, and each row shows a check-in */
  tend_window_show_page (stress->window, "journal");
  tend_test_wait_for_draws (GTK_WIDGET (stress->window), 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tend_journal_get_entries (tend_context_get_journal (stress->context)))),
                    ==, count_stored (stress->context));
  {
    g_autoptr(GPtrArray) rows = tend_test_collect_mapped (GTK_WIDGET (stress->window),
                                                          TEND_TYPE_ENTRY_ROW);

    for (guint i = 0; i < rows->len; i++)
      {
        TendEntry *entry = tend_entry_row_get_entry (g_ptr_array_index (rows, i));

        g_assert_nonnull (entry);
        g_assert_true (tend_entry_is_readable (entry));
      }
    if (from_backup)
      g_assert_cmpuint (rows->len, >, 0);
  }
}

static void
test_damage_found_while_tasks_run (void)
{
  g_autofree char *import_path = NULL;
  g_autofree char *export_path = NULL;
  g_autoptr(GError) error = NULL;
  const char *rounds_env = g_getenv ("TEND_STRESS_ROUNDS");
  guint n_rounds = rounds_env != NULL ? (guint) g_ascii_strtoull (rounds_env, NULL, 10) : 50;
  Stress stress = { 0 };
  TendJournalPage *page;

  stress.data_dir = tend_test_make_data_dir ();
  stress.context = tend_test_open_context (stress.data_dir);
  add_entries (stress.context, 200);

  /* What the import rounds read: the journal as Tend exports it */
  import_path = g_build_filename (stress.data_dir, "import.json", NULL);
  export_path = g_build_filename (stress.data_dir, "export.json", NULL);
  stress.import_file = g_file_new_for_path (import_path);
  stress.export_file = g_file_new_for_path (export_path);
  g_assert_true (tend_export_file (tend_context_get_journal (stress.context), NULL,
                                   TEND_FILE_FORMAT_JSON, stress.import_file, NULL, NULL, &error));
  g_assert_no_error (error);

  stress.window = tend_test_open_window (stress.context);
  tend_window_show_page (stress.window, "journal");
  page = TEND_JOURNAL_PAGE (tend_test_find_descendant (GTK_WIDGET (stress.window),
                                                       TEND_TYPE_JOURNAL_PAGE));
  tend_journal_page_set_search_mode (page, TRUE);
  stress.search_entry = tend_journal_page_get_search_entry (page);

  for (guint round = 0; round < n_rounds; round++)
    run_round (&stress, round);

  gtk_window_destroy (GTK_WINDOW (stress.window));
  g_object_unref (stress.context);
  g_object_unref (stress.import_file);
  g_object_unref (stress.export_file);
  g_free (stress.data_dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tend_test_widgets_init (&argc, &argv);

  g_test_add_func ("/recovery-stress/damage-found-while-tasks-run",
                   test_damage_found_while_tasks_run);

  status = g_test_run ();
  tend_test_widgets_cleanup ();
  return status;
}
