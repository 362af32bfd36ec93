/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "tend-test-utils.h"
#include "tend-transfer.h"
#include "tend-window.h"

/* The window's Import… and Export…: the menu offers them, a good file ends in a toast, a
 * bad one in an alert that names the line, and the journal is then unchanged. With
 * TEND_SHOT_DIR set, the alert and the toast are also saved as PNG files, to look at. */

typedef gboolean (*WidgetPredicate) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_first (GtkWidget       *root,
            WidgetPredicate  predicate,
            gconstpointer    data)
{
  if (predicate (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first (child, predicate, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelSearch;

static gboolean
label_shown (gpointer data)
{
  LabelSearch *search = data;

  return find_first (search->root, is_label_with_text, search->text) != NULL;
}

static void
wait_for_label (GtkWidget  *root,
                const char *text)
{
  LabelSearch search = { root, text };

  tend_test_wait_until (label_shown, &search);
}

static gboolean
alert_shown (gpointer data)
{
  return ADW_IS_ALERT_DIALOG (adw_application_window_get_visible_dialog (data));
}

static TendContext *
open_context (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  TendContext *context = tend_context_new (data_dir, NULL);

  g_assert_true (tend_context_open (context, &error));
  g_assert_no_error (error);
  return context;
}

static TendWindow *
open_window (TendContext *context,
             int          width)
{
  TendWindow *window = tend_window_new (NULL, context);

  gtk_window_set_default_size (GTK_WINDOW (window), width, 640);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  return window;
}

static GFile *
data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return g_file_new_for_path (path);
}

static guint
count_entries (TendContext *context)
{
  TendJournal *journal = tend_context_get_journal (context);

  return g_list_model_get_n_items (G_LIST_MODEL (tend_journal_get_entries (journal)));
}

/* Saves what the window shows, dialogs inside it included, when asked to. */
static void
save_shot (TendWindow *window,
           const char *name)
{
  const char *dir = g_getenv ("TEND_SHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;

  /* Let animations end. */
  for (guint i = 0; i < 30; i++)
    {
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      g_usleep (20000);
      while (g_main_context_iteration (NULL, FALSE));
    }

  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_has_action (section, action))
        return TRUE;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_primary_menu_button (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

static void
test_menu (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = open_context (data_dir);
  TendWindow *window = open_window (context, 800);
  GtkWidget *button = find_first (GTK_WIDGET (window), is_primary_menu_button, NULL);
  GMenuModel *menu;

  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_true (menu_has_action (menu, "win.import"));
  g_assert_true (menu_has_action (menu, "win.export"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (context);
}

static void
test_import_then_export (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  g_autofree char *export_path = g_build_filename (data_dir, "export.csv", NULL);
  g_autoptr(GFile) daylio = data_file ("daylio.csv");
  g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
  TendContext *context = open_context (data_dir);
  TendWindow *window = open_window (context, 800);
  TendJournal *journal = tend_context_get_journal (context);

  tend_transfer_import_file (GTK_WINDOW (window), journal, daylio);
  wait_for_label (GTK_WIDGET (window), "Imported 6 check-ins");
  g_assert_cmpuint (count_entries (context), ==, 6);
  save_shot (window, "toast-imported.png");

  tend_transfer_import_file (GTK_WINDOW (window), journal, daylio);
  wait_for_label (GTK_WIDGET (window), "Nothing new to import");
  g_assert_cmpuint (count_entries (context), ==, 6);

  tend_transfer_export_file (GTK_WINDOW (window), journal, NULL, export_file);
  wait_for_label (GTK_WIDGET (window), "Exported 6 check-ins");
  g_assert_true (g_file_query_exists (export_file, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (context);
}

static void
test_bad_file_alert (gconstpointer data)
{
  const char *shot = data;
  g_autofree char *data_dir = tend_test_make_data_dir ();
  g_autoptr(GFile) bad = data_file ("daylio-unknown-mood.csv");
  TendContext *context = open_context (data_dir);
  TendWindow *window = open_window (context,
                                    shot != NULL && strstr (shot, "narrow") ? 360 : 800);
  AdwDialog *alert;

  tend_transfer_import_file (GTK_WINDOW (window), tend_context_get_journal (context), bad);
  tend_test_wait_until (alert_shown, window);

  alert = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (alert)), ==,
                   "Nothing Was Imported");
  g_assert_true (g_str_has_prefix (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (alert)),
                                   "Line 6: the mood “fantastic” is not one Tend knows."));
  g_assert_cmpuint (count_entries (context), ==, 0);

  if (shot != NULL)
    save_shot (window, shot);

  adw_dialog_force_close (alert);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (context);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("tend-test-transfer-ui-XXXXXX", NULL);
  const char *style = g_getenv ("TEND_SHOT_STYLE");
  int status;

  g_assert_nonnull (home);
  for (guint i = 0; i < 4; i++)
    {
      static const char * const vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME",
                                           "XDG_CACHE_HOME", "XDG_STATE_HOME" };
      g_autofree char *dir = g_build_filename (home, vars[i], NULL);

      g_setenv (vars[i], dir, TRUE);
    }
  g_setenv ("HOME", home, TRUE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_PATH "/icons");

  /* For looking: TEND_SHOT_STYLE=rtl, dark or rtl-dark. */
  if (style != NULL && strstr (style, "rtl") != NULL)
    gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  if (style != NULL && strstr (style, "dark") != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

  g_test_add_func ("/transfer-ui/menu", test_menu);
  g_test_add_func ("/transfer-ui/import-then-export", test_import_then_export);
  g_test_add_data_func ("/transfer-ui/bad-file-alert", "alert-wide.png", test_bad_file_alert);
  g_test_add_data_func ("/transfer-ui/bad-file-alert-narrow", "alert-narrow.png",
                        test_bad_file_alert);

  status = g_test_run ();

  /* Leave nothing behind in /tmp. */
  g_spawn_sync (NULL, (char *[]) { "rm", "-rf", "--one-file-system", home, NULL }, NULL,
                G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);

  return status;
}
