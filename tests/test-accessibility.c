/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "tend-entry-dialog.h"
#include "tend-help-dialog.h"
#include "tend-insights-page.h"
#include "tend-month-grid.h"
#include "tend-preferences-dialog.h"
#include "tend-test-utils.h"
#include "tend-test-widgets.h"
#include "tend-window.h"

/* Walks the main screens of a real window on a sample journal (make-sample-journal, as of
 * the tests' clock) and checks every control shown on each: that it has a name a screen
 * reader can say, and that the keyboard can reach it. Every failure is listed with the
 * widget's path, so one run says everything that is missing.
 *
 * A control is a widget that takes part in the keyboard focus chain or is activated by a
 * person: buttons of every kind, switches, check buttons, text fields, drop-downs, scales,
 * list rows and list items, and any other focusable widget (the charts, the calendar's
 * grid). Its name is, in order: the accessible LABEL property, a LABELLED_BY relation, or
 * what GTK reads from the widget itself: a label's text, the text of a label inside it
 * (a button with a label, a row's content), a preferences row's title. An icon alone is
 * never a name; neither is a tooltip (screen readers say it as a description). A text
 * field inside a GtkEntry, a search entry, a spin button or an entry row takes its name
 * from that widget. The inner button of a GtkMenuButton may take its name from the menu
 * button.
 *
 * Keyboard reach: a sensitive control can take the focus itself (focusable, and every
 * widget above it lets focus in), or it sits in a list row or list item that does (a
 * switch in an AdwSwitchRow is toggled by its row), or in a widget that moves a keyboard
 * cursor over its parts with the arrow keys (the calendar's days: one of them takes the
 * focus at a time).
 *
 * Left out, as GTK's and libadwaita's own parts that the keyboard reaches another way:
 * scrollbars (the scrolled content scrolls with the keyboard), the buttons of a spin button
 * (its text takes Up and Down), the sheet that holds a dialog (the dialog is named by its
 * title), and the close buttons of the window and of dialogs (Ctrl+W, Escape), whose names
 * are still checked. */

typedef struct
{
  const char *screen;
  GString    *failures;
  guint       n_controls;
  guint       n_failures;
} Walk;

/* Widgets that hold the focus chain of their children, and are not controls themselves. */
static gboolean
is_focus_container (GtkWidget *widget)
{
  return GTK_IS_WINDOW (widget) ||
         GTK_IS_POPOVER (widget) ||
         GTK_IS_SCROLLED_WINDOW (widget) ||
         GTK_IS_VIEWPORT (widget) ||
         GTK_IS_LIST_BOX (widget) ||
         GTK_IS_FLOW_BOX (widget) ||
         g_type_is_a (G_OBJECT_TYPE (widget), GTK_TYPE_LIST_VIEW) ||
         g_type_is_a (G_OBJECT_TYPE (widget), GTK_TYPE_GRID_VIEW) ||
         g_type_is_a (G_OBJECT_TYPE (widget), GTK_TYPE_COLUMN_VIEW) ||
         ADW_IS_DIALOG (widget) ||
         ADW_IS_CAROUSEL (widget);
}

/* A row of a GtkListView or GtkGridView (not a section header) */
static gboolean
is_list_item (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return parent != NULL && (GTK_IS_LIST_VIEW (parent) || GTK_IS_GRID_VIEW (parent)) &&
         !g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkListHeaderWidget");
}

static gboolean
is_inside (GtkWidget *widget,
           GType      type)
{
  return gtk_widget_get_ancestor (widget, type) != NULL;
}

static gboolean
is_inside_named (GtkWidget  *widget,
                 const char *type_name)
{
  for (GtkWidget *up = widget; up != NULL; up = gtk_widget_get_parent (up))
    if (g_str_equal (G_OBJECT_TYPE_NAME (up), type_name))
      return TRUE;

  return FALSE;
}

/* The title bar buttons of a window or a dialog */
static gboolean
is_window_control (GtkWidget *widget)
{
  return is_inside (widget, GTK_TYPE_WINDOW_CONTROLS) || is_inside_named (widget, "AdwSheetControls");
}

/* The part of a dialog's sheet that holds the dialog's content */
static gboolean
is_dialog_sheet (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return parent != NULL && (g_str_equal (G_OBJECT_TYPE_NAME (parent), "AdwFloatingSheet") ||
                            g_str_equal (G_OBJECT_TYPE_NAME (parent), "AdwBottomSheet"));
}

static gboolean
is_spin_button_part (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return GTK_IS_BUTTON (widget) && parent != NULL && GTK_IS_SPIN_BUTTON (parent);
}

/* The widgets that move a keyboard cursor over their parts with the arrow keys */
static gboolean
has_keyboard_cursor (GtkWidget *widget)
{
  return TEND_IS_MONTH_GRID (widget);
}

static gboolean
is_control (GtkWidget *widget)
{
  if (is_focus_container (widget) || is_dialog_sheet (widget))
    return FALSE;

  return GTK_IS_BUTTON (widget) ||
         GTK_IS_CHECK_BUTTON (widget) ||
         GTK_IS_SWITCH (widget) ||
         GTK_IS_TEXT (widget) ||
         GTK_IS_TEXT_VIEW (widget) ||
         GTK_IS_RANGE (widget) ||
         GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_LIST_BOX_ROW (widget) ||
         GTK_IS_FLOW_BOX_CHILD (widget) ||
         is_list_item (widget) ||
         gtk_widget_get_focusable (widget);
}

static gboolean
has_label_property (GtkWidget *widget)
{
  g_autofree char *mismatch = NULL;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;

  /* Set, and not to "" (check_property says how it differs, or NULL when it does not). */
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, "");
  return mismatch != NULL;
}

static gboolean
has_own_name (GtkWidget *widget)
{
  if (has_label_property (widget))
    return TRUE;
  if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;
  if (GTK_IS_LABEL (widget))
    return *gtk_label_get_text (GTK_LABEL (widget)) != '\0';
  if (ADW_IS_PREFERENCES_ROW (widget))
    return *adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)) != '\0';
  if (GTK_IS_CHECK_BUTTON (widget))
    {
      const char *label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));

      if (label != NULL && *label != '\0')
        return TRUE;
    }

  return FALSE;
}

/* The text of a visible label inside @widget: the name GTK reads from a button's or a
 * row's content. */
static gboolean
has_label_inside (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child) && *gtk_label_get_text (GTK_LABEL (child)) != '\0')
        return TRUE;
      if (has_label_inside (child))
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_name (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (has_own_name (widget))
    return TRUE;

  /* A text field is named by the entry it is the text of. */
  if (GTK_IS_TEXT (widget))
    {
      for (GtkWidget *up = parent; up != NULL; up = gtk_widget_get_parent (up))
        if (GTK_IS_EDITABLE (up) || ADW_IS_PREFERENCES_ROW (up))
          {
            if (has_own_name (up))
              return TRUE;
            if (GTK_IS_EDITABLE (up) && !GTK_IS_TEXT (up) && !ADW_IS_ENTRY_ROW (up))
              break;
          }
      return FALSE;
    }

  if (GTK_IS_TEXT_VIEW (widget))
    return FALSE;

  /* The button inside a GtkMenuButton (or an AdwSplitButton) */
  if (parent != NULL && (GTK_IS_MENU_BUTTON (parent) || ADW_IS_SPLIT_BUTTON (parent)) &&
      has_own_name (parent))
    return TRUE;

  if (GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_LIST_BOX_ROW (widget) ||
      GTK_IS_FLOW_BOX_CHILD (widget) || GTK_IS_DROP_DOWN (widget) || is_list_item (widget))
    return has_label_inside (widget);

  return FALSE;
}

static gboolean
can_take_focus (GtkWidget *widget)
{
  if (!gtk_widget_get_focusable (widget))
    return FALSE;

  for (GtkWidget *up = widget; up != NULL; up = gtk_widget_get_parent (up))
    if (!gtk_widget_get_can_focus (up))
      return FALSE;

  return TRUE;
}

static gboolean
is_reachable (GtkWidget *widget)
{
  if (can_take_focus (widget))
    return TRUE;

  /* Activated through the row or item it is in, or reached with a cursor's arrows */
  for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; up = gtk_widget_get_parent (up))
    {
      if ((GTK_IS_LIST_BOX_ROW (up) || GTK_IS_FLOW_BOX_CHILD (up) || is_list_item (up)) &&
          can_take_focus (up))
        return TRUE;
      if (has_keyboard_cursor (up) && gtk_widget_get_can_focus (up))
        return TRUE;
    }

  return FALSE;
}

static void
append_path (GString   *path,
             GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);
  const char *id = GTK_IS_BUILDABLE (widget)
                   ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)) : NULL;
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (parent != NULL && !GTK_IS_ROOT (widget))
    {
      append_path (path, parent);
      g_string_append (path, " > ");
    }

  g_string_append (path, G_OBJECT_TYPE_NAME (widget));
  if (id != NULL)
    g_string_append_printf (path, "#%s", id);
  if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL)
    g_string_append_printf (path, "[icon %s]", gtk_button_get_icon_name (GTK_BUTTON (widget)));
  if (GTK_IS_ACTIONABLE (widget) && gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)))
    g_string_append_printf (path, "[action %s]",
                            gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)));
  if (tooltip != NULL && gtk_widget_get_parent (widget) != NULL &&
      !has_own_name (widget))
    g_string_append_printf (path, "[tooltip “%s”]", tooltip);
}

static void
fail (Walk       *walk,
      GtkWidget  *widget,
      const char *problem)
{
  g_autoptr(GString) path = g_string_new (NULL);

  append_path (path, widget);
  g_string_append_printf (walk->failures, "%s: %s: %s\n", walk->screen, problem, path->str);
  walk->n_failures++;
}

static void
check_tree (Walk      *walk,
            GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget) || GTK_IS_SCROLLBAR (widget) || is_spin_button_part (widget))
    return;

  if (is_control (widget))
    {
      walk->n_controls++;
      if (!has_name (widget))
        fail (walk, widget, "no accessible name");
      if (gtk_widget_is_sensitive (widget) && !is_window_control (widget) &&
          !is_reachable (widget))
        fail (walk, widget, "not reachable from the keyboard");
    }

  /* GtkText is the whole of the text field: its children are undo and cursor helpers. */
  if (GTK_IS_TEXT (widget))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_tree (walk, child);

  /* A popover open on a button is under it, but only while shown. */
  if (GTK_IS_MENU_BUTTON (widget))
    {
      GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget));

      if (popover != NULL && gtk_widget_get_parent (GTK_WIDGET (popover)) != widget)
        check_tree (walk, GTK_WIDGET (popover));
    }
}

/* The fixture ---------------------------------------------------------------------------- */

typedef struct
{
  char        *data_dir;
  TendContext *context;
  TendWindow  *window;
  Walk         walk;
} Fixture;

/* A journal of two months up to the tests' clock, with screen time, through the same tool
 * the screenshots use. Returns its data folder. */
static char *
make_sample_journal (void)
{
  g_autofree char *tool = g_test_build_filename (G_TEST_BUILT, "make-sample-journal", NULL);
  g_autofree char *parent = tend_test_make_data_dir ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                              tool, parent, "en", "--now", "2026-11-21T10:30:00Z", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);

  return g_build_filename (parent, "tend", NULL);
}

static void
settle (Fixture *fixture)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
  tend_test_wait_for_draws (GTK_WIDGET (fixture->window), 3);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);

  /* Screen time on, so its view shows the day and the chart rather than its offer. */
  g_settings_set_boolean (settings, "usage-tracking", TRUE);

  fixture->data_dir = make_sample_journal ();
  fixture->context = tend_test_open_context (fixture->data_dir);
  fixture->window = tend_test_open_window (fixture->context);
  /* At a phone's width the sections move to a bar at the bottom of the window. */
  if (data != NULL)
    gtk_window_set_default_size (GTK_WINDOW (fixture->window), GPOINTER_TO_INT (data), 720);
  fixture->walk.failures = g_string_new (NULL);
  settle (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->context);
  g_string_free (fixture->walk.failures, TRUE);
  g_free (fixture->data_dir);
  g_settings_reset (settings, "usage-tracking");
}

/* Checks what is shown now: the dialog on top, or the whole window. */
static void
check_screen (Fixture    *fixture,
              const char *screen)
{
  AdwDialog *dialog;
  guint n_before = fixture->walk.n_controls;

  settle (fixture);
  fixture->walk.screen = screen;
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (fixture->window));
  check_tree (&fixture->walk, dialog != NULL ? GTK_WIDGET (dialog) : GTK_WIDGET (fixture->window));

  g_test_message ("%s: %u controls", screen, fixture->walk.n_controls - n_before);
  /* A screen with nothing to press was not shown at all. */
  g_assert_cmpuint (fixture->walk.n_controls - n_before, >, 1);
}

static void
assert_no_failures (Fixture *fixture)
{
  g_test_message ("%u controls checked, %u problems", fixture->walk.n_controls,
                  fixture->walk.n_failures);
  if (fixture->walk.n_failures > 0)
    {
      g_printerr ("%s", fixture->walk.failures->str);
      g_test_fail_printf ("%u controls without a name or out of the keyboard's reach:\n%s",
                          fixture->walk.n_failures, fixture->walk.failures->str);
    }
}

static void
show (Fixture    *fixture,
      const char *page)
{
  tend_window_show_page (fixture->window, page);
  g_assert_cmpstr (tend_window_get_page (fixture->window), ==, page);
}

static gboolean
insights_ready (gpointer data)
{
  TendInsightsPage *page = data;

  return !tend_insights_page_is_computing (page) && tend_insights_page_get_report (page) != NULL;
}

static void
close_dialog (Fixture *fixture)
{
  AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (fixture->window));

  g_assert_nonnull (dialog);
  adw_dialog_force_close (dialog);
  settle (fixture);
}

static GtkWidget *
find_primary_menu_button (GtkWidget *root)
{
  g_autoptr(GPtrArray) buttons = tend_test_collect_mapped (root, GTK_TYPE_MENU_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (gtk_menu_button_get_primary (g_ptr_array_index (buttons, i)))
      return g_ptr_array_index (buttons, i);

  return NULL;
}

/* The window's sections, as a person goes through them. */
static void
test_main_screens (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *insights_page;
  GtkWidget *menu_button;

  show (fixture, "today");
  check_screen (fixture, "Today");

  menu_button = find_primary_menu_button (GTK_WIDGET (fixture->window));
  g_assert_nonnull (menu_button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  check_screen (fixture, "Main menu");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));

  show (fixture, "journal");
  check_screen (fixture, "Journal");

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "search",
                                  g_variant_new_string ("river"));
  check_screen (fixture, "Journal, searched");

  {
    GtkWidget *filter_button = NULL;
    g_autoptr(GPtrArray) buttons = tend_test_collect_mapped (GTK_WIDGET (fixture->window),
                                                             GTK_TYPE_MENU_BUTTON);

    for (guint i = 0; i < buttons->len && filter_button == NULL; i++)
      if (g_strcmp0 (gtk_buildable_get_buildable_id (g_ptr_array_index (buttons, i)),
                     "filter_button") == 0)
        filter_button = g_ptr_array_index (buttons, i);
    g_assert_nonnull (filter_button);
    gtk_menu_button_popup (GTK_MENU_BUTTON (filter_button));
    check_screen (fixture, "Journal, filters");
    gtk_menu_button_popdown (GTK_MENU_BUTTON (filter_button));
  }
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "search",
                                  g_variant_new_string (""));

  show (fixture, "calendar");
  check_screen (fixture, "Calendar");

  show (fixture, "guides");
  check_screen (fixture, "Guides");

  tend_window_show_guide (fixture->window, "sleep");
  check_screen (fixture, "Guide");

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "start-exercise",
                                  g_variant_new_string ("breathing"));
  check_screen (fixture, "Breathing exercise");

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "start-exercise",
                                  g_variant_new_string ("grounding"));
  check_screen (fixture, "Grounding exercise");

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-insights",
                                  g_variant_new_string ("year"));
  insights_page = tend_test_find_descendant (GTK_WIDGET (fixture->window), TEND_TYPE_INSIGHTS_PAGE);
  tend_test_wait_until (insights_ready, insights_page);
  check_screen (fixture, "Insights, Mood");

  show (fixture, "usage");
  check_screen (fixture, "Insights, Screen Time");

  assert_no_failures (fixture);
}

/* Every page of a preferences dialog, shown or not */
static void
collect_pages (GtkWidget *widget,
               GPtrArray *pages)
{
  /* The dialog's pages are in its view stack; its search results are not a page. */
  if (ADW_IS_PREFERENCES_PAGE (widget))
    {
      if (ADW_IS_VIEW_STACK (gtk_widget_get_parent (widget)))
        g_ptr_array_add (pages, widget);
      else
        g_test_message ("Not a page: %s under %s", G_OBJECT_TYPE_NAME (widget),
                        G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_pages (child, pages);
}

/* The dialogs over the window */
static void
test_dialogs (Fixture       *fixture,
              gconstpointer  data)
{
  TendJournal *journal = tend_context_get_journal (fixture->context);
  g_autoptr(TendEntry) entry = g_list_model_get_item (G_LIST_MODEL (tend_journal_get_entries (journal)), 0);
  TendPreferencesDialog *preferences;
  g_autoptr(GPtrArray) pages = NULL;

  adw_dialog_present (ADW_DIALOG (tend_help_dialog_new ()), GTK_WIDGET (fixture->window));
  check_screen (fixture, "Get Help Now");
  close_dialog (fixture);

  g_assert_nonnull (entry);
  tend_window_open_entry (fixture->window, entry);
  check_screen (fixture, "Check-in editor");
  close_dialog (fixture);

  preferences = tend_preferences_dialog_new (fixture->context);
  adw_dialog_present (ADW_DIALOG (preferences), GTK_WIDGET (fixture->window));
  settle (fixture);
  pages = g_ptr_array_new ();
  collect_pages (GTK_WIDGET (preferences), pages);
  g_assert_cmpuint (pages->len, >=, 3);

  for (guint i = 0; i < pages->len; i++)
    {
      AdwPreferencesPage *page = g_ptr_array_index (pages, i);
      g_autofree char *screen = g_strdup_printf ("Preferences, %s",
                                                 adw_preferences_page_get_title (page));

      adw_preferences_dialog_set_visible_page (ADW_PREFERENCES_DIALOG (preferences), page);
      check_screen (fixture, screen);
    }
  close_dialog (fixture);

  assert_no_failures (fixture);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tend_test_widgets_init (&argc, &argv);

  g_test_add ("/accessibility/main-screens", Fixture, NULL,
              fixture_set_up, test_main_screens, fixture_tear_down);
  g_test_add ("/accessibility/main-screens-narrow", Fixture, GINT_TO_POINTER (360),
              fixture_set_up, test_main_screens, fixture_tear_down);
  g_test_add ("/accessibility/dialogs", Fixture, NULL,
              fixture_set_up, test_dialogs, fixture_tear_down);

  status = g_test_run ();
  tend_test_widgets_cleanup ();
  return status;
}
