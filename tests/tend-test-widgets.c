/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tend-mood-picker.h"
#include "tend-test-utils.h"
#include "tend-test-widgets.h"
#include "tend-today-page.h"

/* What widget tests share: finding widgets the way a person looks for them, pressing
 * them, and a window on a journal in a temporary folder. */

static char *test_home;

/**
 * tend_test_widgets_init:
 *
 * Initializes GTest, GTK and libadwaita with the user's folders private to the test. The
 * system folders are not isolated, unlike in the core tests, because GTK needs the MIME
 * database there to load SVG icons.
 */
void
tend_test_widgets_init (int    *argc,
                        char ***argv)
{
  static const char * const vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME",
                                       "XDG_CACHE_HOME", "XDG_STATE_HOME" };

  test_home = g_dir_make_tmp ("tend-test-XXXXXX", NULL);
  g_assert_nonnull (test_home);

  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      g_autofree char *dir = g_build_filename (test_home, vars[i], NULL);

      g_setenv (vars[i], dir, TRUE);
    }
  g_setenv ("HOME", test_home, TRUE);

  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_PATH "/icons");
}

/* Leaves nothing behind in /tmp. */
void
tend_test_widgets_cleanup (void)
{
  if (test_home == NULL)
    return;

  g_spawn_sync (NULL, (char *[]) { "rm", "-rf", "--one-file-system", test_home, NULL }, NULL,
                G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  g_clear_pointer (&test_home, g_free);
}

/**
 * tend_test_find_first:
 *
 * Returns: (nullable): @root or the first widget under it, depth first, for which
 *   @predicate is %TRUE; under a #TendWindow, in every page, shown yet or not
 */
GtkWidget *
tend_test_find_first (GtkWidget           *root,
                      TendWidgetPredicate  predicate,
                      gconstpointer        data)
{
  /* A window makes its pages when they are first shown; a test may look in any of them. */
  if (TEND_IS_WINDOW (root))
    tend_window_make_pages (TEND_WINDOW (root));

  if (predicate (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = tend_test_find_first (child, predicate, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_type (GtkWidget     *widget,
          gconstpointer  data)
{
  return g_type_is_a (G_OBJECT_TYPE (widget), GPOINTER_TO_SIZE (data));
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

static gboolean
has_label (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

GtkWidget *
tend_test_find_descendant (GtkWidget *root,
                           GType      type)
{
  return tend_test_find_first (root, has_type, GSIZE_TO_POINTER (type));
}

GtkWidget *
tend_test_find_action_button (GtkWidget  *root,
                              const char *action_name)
{
  return tend_test_find_first (root, has_action, action_name);
}

/**
 * tend_test_find_labelled:
 *
 * Returns: (nullable): the first button whose label is @label, mnemonic included
 */
GtkWidget *
tend_test_find_labelled (GtkWidget  *root,
                         const char *label)
{
  return tend_test_find_first (root, has_label, label);
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type) && gtk_widget_get_mapped (root))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/**
 * tend_test_collect_mapped:
 *
 * Returns: (transfer container): the mapped widgets of @type under @root, in order
 */
GPtrArray *
tend_test_collect_mapped (GtkWidget *root,
                          GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, found);
  return found;
}

/* What a pointer click ends in. (gtk_widget_activate() only clicks after an animation.) */
void
tend_test_click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* A context on @data_dir whose clock reads 2026-11-21 10:30 UTC. */
TendContext *
tend_test_open_context (const char *data_dir)
{
  g_autoptr(GDateTime) now = tend_test_date_time ("2026-11-21T10:30:00Z");
  g_autoptr(TendClock) clock = tend_clock_new_manual (now);
  g_autoptr(GError) error = NULL;
  TendContext *context = tend_context_new (data_dir, clock);

  g_assert_true (tend_context_open (context, &error));
  g_assert_no_error (error);
  return context;
}

TendWindow *
tend_test_open_window (TendContext *context)
{
  TendWindow *window = tend_window_new (NULL, context);

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  return window;
}

void
tend_test_wait_for_draws (GtkWidget *widget,
                          guint      n_frames)
{
  for (guint i = 0; i < n_frames; i++)
    gtk_test_widget_wait_for_draw (widget);
}

/* The check-in editor of the window's Today page, and the ways a person fills it in */
TendEntryEditor *
tend_test_today_editor (TendWindow *window)
{
  GtkWidget *page = tend_test_find_descendant (GTK_WIDGET (window), TEND_TYPE_TODAY_PAGE);

  return tend_today_page_get_editor (TEND_TODAY_PAGE (page));
}

GtkTextBuffer *
tend_test_note_buffer (TendEntryEditor *editor)
{
  GtkWidget *view = tend_test_find_descendant (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW);

  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
}

char *
tend_test_note_text (TendEntryEditor *editor)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (tend_test_note_buffer (editor), &start, &end);
  return gtk_text_buffer_get_text (tend_test_note_buffer (editor), &start, &end, FALSE);
}

void
tend_test_choose_mood (TendEntryEditor *editor,
                       TendMood         mood)
{
  GtkWidget *picker = tend_test_find_descendant (GTK_WIDGET (editor), TEND_TYPE_MOOD_PICKER);

  tend_test_click (tend_mood_picker_get_button (TEND_MOOD_PICKER (picker), mood));
}
