/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "tend-breathing-exercise.h"
#include "tend-care-card.h"
#include "tend-grounding-exercise.h"
#include "tend-guide-row.h"
#include "tend-guide-view.h"
#include "tend-guides-page.h"
#include "tend-test-utils.h"
#include "tend-test-widgets.h"
#include "tend-window.h"

/* The Guides page on the real window and the guides built into Tend: the list by topic,
 * the reader, bookmarks, continue reading, search, and the two exercises Tend runs. */

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  static const char * const keys[] = {
    "guide-bookmarks", "last-guide", "last-guide-section", "breathing-in-seconds",
    "breathing-hold-seconds", "breathing-out-seconds",
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
}

typedef struct
{
  char           *data_dir;
  TendContext    *context;
  TendWindow     *window;
  TendGuidesPage *page;
  guint           help_now_activations;
} Fixture;

static void
help_now_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  Fixture *fixture = user_data;

  fixture->help_now_activations++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  /* app.help-now is the application's; the test window has none, so it gets its own. */
  static const GActionEntry app_actions[] = {
    { "help-now", help_now_cb },
  };
  g_autoptr(GSimpleActionGroup) app = g_simple_action_group_new ();

  reset_settings ();

  fixture->data_dir = tend_test_make_data_dir ();
  fixture->context = tend_test_open_context (fixture->data_dir);
  fixture->window = tend_test_open_window (fixture->context);
  fixture->page = TEND_GUIDES_PAGE (tend_test_find_descendant (GTK_WIDGET (fixture->window),
                                                               TEND_TYPE_GUIDES_PAGE));
  g_assert_nonnull (fixture->page);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   fixture);
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "app", G_ACTION_GROUP (app));

  tend_window_show_page (fixture->window, "guides");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->context);
  g_free (fixture->data_dir);
  reset_settings ();
}

static GListModel *
guides (Fixture *fixture)
{
  return tend_guide_library_get_guides (tend_guides_page_get_library (fixture->page));
}

static GtkWidget *
visible_page (Fixture *fixture)
{
  return tend_guides_page_get_visible (fixture->page);
}

/* The reader, once it shows and is drawn. */
static TendGuideView *
visible_view (Fixture *fixture)
{
  GtkWidget *page;

  tend_test_wait_for_draws (GTK_WIDGET (fixture->window), 2);
  page = visible_page (fixture);
  g_assert_true (TEND_IS_GUIDE_VIEW (page));
  return TEND_GUIDE_VIEW (page);
}

static gboolean
shows_text (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static gboolean
shows_bold (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_use_markup (GTK_LABEL (widget)) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), "weight=\"bold\"") != NULL;
}

/* The mapped label that shows @text. */
static GtkWidget *
find_text (GtkWidget  *root,
           const char *text)
{
  return tend_test_find_first (root, shows_text, text);
}

static gboolean
has_css_name (GtkWidget     *widget,
              gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_css_name (widget), data) == 0;
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, data);
}

static gboolean
is_bookmark_toggle (GtkWidget     *widget,
                    gconstpointer  data)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  return GTK_IS_TOGGLE_BUTTON (widget) &&
         (g_strcmp0 (tooltip, "Bookmark This Guide") == 0 ||
          g_strcmp0 (tooltip, "Remove Bookmark") == 0);
}

/* What a click on a row of a list ends in. */
static void
click_row (GtkWidget *row)
{
  g_assert_true (GTK_IS_LIST_BOX_ROW (row));
  g_assert_true (gtk_widget_is_sensitive (row));
  g_signal_emit_by_name (row, "activate");
}

static AdwPreferencesGroup *
find_group (GtkWidget  *root,
            const char *title)
{
  g_autoptr(GPtrArray) groups = tend_test_collect_mapped (root, ADW_TYPE_PREFERENCES_GROUP);

  for (guint i = 0; i < groups->len; i++)
    if (g_strcmp0 (adw_preferences_group_get_title (groups->pdata[i]), title) == 0)
      return groups->pdata[i];

  return NULL;
}

static GPtrArray *
guide_rows (GtkWidget *root)
{
  return tend_test_collect_mapped (root, TEND_TYPE_GUIDE_ROW);
}

static TendGuideRow *
find_guide_row (GtkWidget  *root,
                const char *id)
{
  g_autoptr(GPtrArray) rows = guide_rows (root);

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (tend_guide_get_id (tend_guide_row_get_guide (rows->pdata[i])), id))
      return rows->pdata[i];

  return NULL;
}

/* Every guide, once, under its topic, with an icon of the theme and its reading time. */
static void
test_lists_every_guide_by_topic (Fixture       *fixture,
                                 gconstpointer  data)
{
  const char * const *topics = tend_guide_library_get_topics ();
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GPtrArray) all_rows = guide_rows (GTK_WIDGET (fixture->page));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_guides = g_list_model_get_n_items (guides (fixture));

  /* The twenty guides Tend ships. */
  g_assert_cmpuint (n_guides, ==, 20);
  g_assert_cmpuint (all_rows->len, ==, n_guides);

  for (guint t = 0; topics[t] != NULL; t++)
    {
      AdwPreferencesGroup *group = find_group (GTK_WIDGET (fixture->page),
                                               tend_guide_library_topic_title (topics[t]));
      g_autoptr(GPtrArray) rows = NULL;

      g_assert_nonnull (group);
      rows = guide_rows (GTK_WIDGET (group));
      g_assert_cmpuint (rows->len, >, 0);

      for (guint i = 0; i < rows->len; i++)
        {
          TendGuide *guide = tend_guide_row_get_guide (rows->pdata[i]);
          const char *icon = tend_guide_row_get_icon_name (tend_guide_get_id (guide));
          g_autofree char *reading_time = NULL;

          g_assert_cmpstr (tend_guide_get_topic (guide), ==, topics[t]);
          g_assert_true (g_hash_table_add (seen, (gpointer) tend_guide_get_id (guide)));
          g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[i]), ==,
                           tend_guide_get_title (guide));
          g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[i]), ==,
                           tend_guide_get_summary (guide));
          g_assert_true (gtk_icon_theme_has_icon (theme, icon));
          g_assert_cmpstr (icon, !=, "help-contents-symbolic");

          reading_time = tend_guide_row_format_reading_time (tend_guide_get_reading_minutes (guide));
          g_assert_nonnull (find_text (rows->pdata[i], reading_time));
        }
    }

  g_assert_cmpuint (g_hash_table_size (seen), ==, n_guides);

  /* Nothing read or bookmarked yet. */
  g_assert_nonnull (find_group (GTK_WIDGET (fixture->page), "Quick Exercises"));
  g_assert_null (find_group (GTK_WIDGET (fixture->page), "Continue Reading"));
  g_assert_null (find_group (GTK_WIDGET (fixture->page), "Bookmarks"));

  /* Alt+4 shows the page. */
  tend_window_show_page (fixture->window, "today");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s",
                                             "guides"));
  g_assert_cmpstr (tend_window_get_page (fixture->window), ==, "guides");
}

static guint
count_sources (GtkWidget *root)
{
  g_autoptr(GPtrArray) rows = tend_test_collect_mapped (root, ADW_TYPE_ACTION_ROW);
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_has_css_class (rows->pdata[i], "guide-source"))
      n++;

  return n;
}

static guint
count_sources_for_language (TendGuide  *guide,
                            const char *language)
{
  GPtrArray *sources = tend_guide_get_sources (guide);
  guint n = 0;

  for (guint i = 0; i < sources->len; i++)
    n += tend_guide_source_is_for_language (g_ptr_array_index (sources, i), language);

  return n;
}

/* A guide shows its sections, its exercises, where to find more help and its sources. */
static void
test_open_guide (Fixture       *fixture,
                 gconstpointer  data)
{
  TendGuide *guide;
  TendGuideView *view;
  GPtrArray *sections;
  GPtrArray *exercises;
  GtkWidget *start_button;
  GtkWidget *help_button;

  click_row (GTK_WIDGET (find_guide_row (GTK_WIDGET (fixture->page), "stress")));
  view = visible_view (fixture);
  guide = tend_guide_view_get_guide (view);
  g_assert_cmpstr (tend_guide_get_id (guide), ==, "stress");
  g_assert_cmpstr (adw_navigation_page_get_title (ADW_NAVIGATION_PAGE (view)), ==,
                   tend_guide_get_title (guide));

  sections = tend_guide_get_sections (guide);
  for (guint i = 0; i < sections->len; i++)
    {
      TendGuideSection *section = g_ptr_array_index (sections, i);
      GtkWidget *heading = tend_guide_view_get_section_heading (view, section->id);

      g_assert_nonnull (heading);
      g_assert_true (gtk_widget_get_mapped (heading));
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (heading)), ==, section->title);
    }

  exercises = tend_guide_get_exercises (guide);
  for (guint i = 0; i < exercises->len; i++)
    {
      TendGuideExercise *exercise = g_ptr_array_index (exercises, i);

      g_assert_nonnull (tend_guide_view_get_section_heading (view, exercise->id));
      for (guint j = 0; exercise->steps[j] != NULL; j++)
        g_assert_nonnull (find_text (GTK_WIDGET (view), exercise->steps[j]));
    }

  g_assert_cmpuint (count_sources (GTK_WIDGET (view)), ==,
                   count_sources_for_language (guide, g_get_language_names ()[0]));
  g_assert_nonnull (find_text (GTK_WIDGET (view), "Related Guides"));
  g_assert_nonnull (find_guide_row (GTK_WIDGET (view), tend_guide_get_related (guide)[0]));

  /* Get Help Now runs app.help-now. */
  help_button = tend_test_find_action_button (GTK_WIDGET (view), "app.help-now");
  g_assert_nonnull (help_button);
  tend_test_click (help_button);
  g_assert_cmpuint (fixture->help_now_activations, ==, 1);

  /* The grounding exercise of this guide starts in Tend, and Back returns to the guide. */
  start_button = tend_test_find_action_button (GTK_WIDGET (view), "guides.start-exercise");
  g_assert_nonnull (start_button);
  tend_test_click (start_button);
  tend_test_wait_for_draws (GTK_WIDGET (fixture->window), 2);
  g_assert_nonnull (tend_test_find_descendant (visible_page (fixture),
                                               TEND_TYPE_GROUNDING_EXERCISE));

  g_assert_true (gtk_widget_activate_action (visible_page (fixture), "navigation.pop", NULL));
  g_assert_true (visible_view (fixture) == view);

  /* A related guide opens over this one; Back returns. */
  click_row (GTK_WIDGET (find_guide_row (GTK_WIDGET (view), "sleep")));
  g_assert_cmpstr (tend_guide_get_id (tend_guide_view_get_guide (visible_view (fixture))), ==,
                   "sleep");
  g_assert_true (gtk_widget_activate_action (visible_page (fixture), "navigation.pop", NULL));
  g_assert_true (visible_view (fixture) == view);
  g_assert_true (gtk_widget_activate_action (visible_page (fixture), "navigation.pop", NULL));
  tend_test_wait_for_draws (GTK_WIDGET (fixture->window), 2);
  g_assert_cmpstr (adw_navigation_page_get_tag (ADW_NAVIGATION_PAGE (visible_page (fixture))),
                   ==, "library");
}

static gboolean
press_key (TendGuideView *view,
           guint          keyval)
{
  GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }

  g_object_unref (controllers);
  return handled;
}

/* With the focus in the reader, the keys scroll it. */
static void
test_keyboard_scrolls (Fixture       *fixture,
                       gconstpointer  data)
{
  TendGuideView *view;
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  double after_page;

  tend_window_show_guide (fixture->window, "stress");
  view = visible_view (fixture);
  scroller = GTK_SCROLLED_WINDOW (tend_test_find_first (GTK_WIDGET (view), has_css_class, "guide-scroller"));
  g_assert_nonnull (scroller);
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (scroller)));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  g_assert_true (press_key (view, GDK_KEY_Page_Down));
  after_page = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (after_page, >, gtk_adjustment_get_page_size (adjustment) / 2);

  g_assert_true (press_key (view, GDK_KEY_Down));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, after_page);
  g_assert_true (press_key (view, GDK_KEY_Up));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, after_page);

  g_assert_true (press_key (view, GDK_KEY_End));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==,
                     gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  /* The guide's title is in the header only once its heading has scrolled away */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  g_assert_true (adw_header_bar_get_show_title (ADW_HEADER_BAR (
                   tend_test_find_descendant (GTK_WIDGET (view), ADW_TYPE_HEADER_BAR))));
  g_assert_true (press_key (view, GDK_KEY_Home));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  g_assert_false (adw_header_bar_get_show_title (ADW_HEADER_BAR (
                    tend_test_find_descendant (GTK_WIDGET (view), ADW_TYPE_HEADER_BAR))));

  /* Elsewhere, the arrows move the focus as usual. */
  gtk_widget_grab_focus (tend_test_find_action_button (GTK_WIDGET (view), "app.help-now"));
  g_assert_false (press_key (view, GDK_KEY_Down));
}

/* In a right-to-left window, text that has not been translated still reads left to right,
 * and its lists keep their bullets on the left with it. */
static void
test_text_keeps_its_direction (Fixture       *fixture,
                               gconstpointer  data)
{
  TendGuideView *view;
  GtkWidget *heading;
  GtkWidget *bullet;

  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  tend_window_show_guide (fixture->window, "stress");
  view = visible_view (fixture);

  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (view)), ==, GTK_TEXT_DIR_RTL);
  heading = tend_guide_view_get_section_heading (view, "what-stress-is");
  g_assert_cmpint (gtk_widget_get_direction (heading), ==, GTK_TEXT_DIR_LTR);

  bullet = tend_test_find_first (GTK_WIDGET (view), has_css_class, "guide-bullet");
  g_assert_nonnull (bullet);
  g_assert_cmpint (gtk_widget_get_direction (bullet), ==, GTK_TEXT_DIR_LTR);
  g_assert_cmpint (gtk_widget_get_direction (gtk_widget_get_parent (bullet)), ==,
                   GTK_TEXT_DIR_LTR);

  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

static gboolean
bookmarked (const char *id)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_auto(GStrv) bookmarks = g_settings_get_strv (settings, "guide-bookmarks");

  return g_strv_contains ((const char * const *) bookmarks, id);
}

static void
test_bookmark (Fixture       *fixture,
               gconstpointer  data)
{
  TendGuideView *view;
  GtkToggleButton *toggle;
  AdwPreferencesGroup *group;

  tend_window_show_guide (fixture->window, "sleep");
  view = visible_view (fixture);
  toggle = GTK_TOGGLE_BUTTON (tend_test_find_first (GTK_WIDGET (view), is_bookmark_toggle, NULL));
  g_assert_nonnull (toggle);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Bookmark");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (toggle)), ==, "Bookmark This Guide");
  g_assert_false (gtk_toggle_button_get_active (toggle));

  gtk_toggle_button_set_active (toggle, TRUE);
  g_assert_true (bookmarked ("sleep"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (toggle)), ==, "Remove Bookmark");

  tend_guides_page_show_library (fixture->page);
  tend_test_wait_for_draws (GTK_WIDGET (fixture->window), 2);
  group = find_group (GTK_WIDGET (fixture->page), "Bookmarks");
  g_assert_nonnull (group);
  {
    g_autoptr(GPtrArray) rows = guide_rows (GTK_WIDGET (group));

    g_assert_cmpuint (rows->len, ==, 1);
    g_assert_cmpstr (tend_guide_get_id (tend_guide_row_get_guide (rows->pdata[0])), ==, "sleep");
    click_row (rows->pdata[0]);
  }

  /* Taking the bookmark away empties the group, which then hides. */
  view = visible_view (fixture);
  g_assert_cmpstr (tend_guide_get_id (tend_guide_view_get_guide (view)), ==, "sleep");
  toggle = GTK_TOGGLE_BUTTON (tend_test_find_first (GTK_WIDGET (view), is_bookmark_toggle, NULL));
  g_assert_true (gtk_toggle_button_get_active (toggle));
  gtk_toggle_button_set_active (toggle, FALSE);
  g_assert_false (bookmarked ("sleep"));

  tend_guides_page_show_library (fixture->page);
  tend_test_wait_for_draws (GTK_WIDGET (fixture->window), 2);
  g_assert_null (find_group (GTK_WIDGET (fixture->page), "Bookmarks"));
}

typedef struct
{
  Fixture    *fixture;
  const char *section_id;
} Reading;

static gboolean
reading_section (gpointer data)
{
  Reading *reading = data;
  GtkWidget *page = visible_page (reading->fixture);

  return TEND_IS_GUIDE_VIEW (page) &&
         g_strcmp0 (tend_guide_view_get_current_section (TEND_GUIDE_VIEW (page)),
                    reading->section_id) == 0;
}

static gboolean
section_saved (gpointer data)
{
  Reading *reading = data;
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autofree char *saved = g_settings_get_string (settings, "last-guide-section");

  return g_strcmp0 (saved, reading->section_id != NULL ? reading->section_id : "") == 0;
}

/* Once the guide left has slid away: no longer mapped. */
static gboolean
low_mood_gone (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) views = tend_test_collect_mapped (GTK_WIDGET (fixture->page),
                                                         TEND_TYPE_GUIDE_VIEW);

  for (guint i = 0; i < views->len; i++)
    if (g_str_equal (tend_guide_get_id (tend_guide_view_get_guide (views->pdata[i])), "low-mood"))
      return FALSE;

  return TRUE;
}

/* The guide read last is offered at the top, at the section where it was left. */
static void
test_continue_reading (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autofree char *last = NULL;
  Reading reading = { fixture, "being-kind" };
  AdwPreferencesGroup *group;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_true (tend_guides_page_open_guide (fixture->page, "stress", "being-kind"));
  visible_view (fixture);
  tend_test_wait_until (reading_section, &reading);
  tend_test_wait_until (section_saved, &reading);
  last = g_settings_get_string (settings, "last-guide");
  g_assert_cmpstr (last, ==, "stress");

  tend_guides_page_show_library (fixture->page);
  tend_test_wait_for_draws (GTK_WIDGET (fixture->window), 2);
  group = find_group (GTK_WIDGET (fixture->page), "Continue Reading");
  g_assert_nonnull (group);
  rows = guide_rows (GTK_WIDGET (group));
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (tend_guide_get_id (tend_guide_row_get_guide (rows->pdata[0])), ==, "stress");
  g_assert_cmpstr (tend_guide_row_get_section_id (rows->pdata[0]), ==, "being-kind");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (rows->pdata[0]), "Being Kind"));

  /* It opens where it was left. */
  click_row (rows->pdata[0]);
  g_assert_cmpstr (tend_guide_get_id (tend_guide_view_get_guide (visible_view (fixture))), ==,
                   "stress");
  tend_test_wait_until (reading_section, &reading);

  /* Back at the top, the guide is continued from its start. */
  reading.section_id = NULL;
  g_assert_true (press_key (visible_view (fixture), GDK_KEY_Home));
  tend_test_wait_until (reading_section, &reading);
  tend_test_wait_until (section_saved, &reading);

  /* Another guide read replaces it. */
  tend_window_show_guide (fixture->window, "grief");
  g_clear_pointer (&last, g_free);
  last = g_settings_get_string (settings, "last-guide");
  g_assert_cmpstr (last, ==, "grief");

  /* A related guide read, then left with Back: the guide returned to is the one read. */
  click_row (GTK_WIDGET (find_guide_row (GTK_WIDGET (visible_view (fixture)), "low-mood")));
  visible_view (fixture);
  g_clear_pointer (&last, g_free);
  last = g_settings_get_string (settings, "last-guide");
  g_assert_cmpstr (last, ==, "low-mood");
  g_assert_true (gtk_widget_activate_action (visible_page (fixture), "navigation.pop", NULL));
  tend_test_wait_until (low_mood_gone, fixture);
  g_clear_pointer (&last, g_free);
  last = g_settings_get_string (settings, "last-guide");
  g_assert_cmpstr (last, ==, "grief");
  /* (The row pressed took the focus, and the view scrolled down to it.) */
  reading.section_id = tend_guide_view_get_current_section (visible_view (fixture));
  g_assert_true (section_saved (&reading));
}

static TendGuideMatch *
first_match (Fixture    *fixture,
             const char *text)
{
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;

  matches = tend_guide_library_search (tend_guides_page_get_library (fixture->page), text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, >, 0);
  return tend_guide_match_copy (g_ptr_array_index (matches, 0));
}

static gboolean
settings_mention (const char *text)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *printed = g_variant_print (value, FALSE);

      if (strstr (printed, text) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* Search finds guides as one types, shows where and what matched, and opens the guide at
 * that section. It leaves nothing behind. */
static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(TendGuideMatch) expected = first_match (fixture, "worry time");
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *status;
  Reading reading = { fixture, NULL };

  g_assert_nonnull (expected->section_id);

  /* Ctrl+F on the page searches the guides. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", "s",
                                             "worry time"));
  g_assert_cmpstr (tend_window_get_page (fixture->window), ==, "guides");
  tend_test_wait_for_draws (GTK_WIDGET (fixture->window), 2);

  rows = guide_rows (GTK_WIDGET (fixture->page));
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_true (tend_guide_row_get_guide (rows->pdata[0]) == expected->guide);
  g_assert_cmpstr (tend_guide_row_get_section_id (rows->pdata[0]), ==, expected->section_id);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (rows->pdata[0]), expected->section_title));
  g_assert_nonnull (tend_test_find_first (rows->pdata[0], shows_bold, NULL));

  click_row (rows->pdata[0]);
  g_assert_true (tend_guide_view_get_guide (visible_view (fixture)) == expected->guide);
  reading.section_id = expected->section_id;
  tend_test_wait_until (reading_section, &reading);

  /* Back, the results are still there; words that match nothing say so. */
  g_assert_true (gtk_widget_activate_action (visible_page (fixture), "navigation.pop", NULL));
  tend_window_search_guides (fixture->window, "xylophones");
  tend_test_wait_for_draws (GTK_WIDGET (fixture->window), 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = guide_rows (visible_page (fixture));
  g_assert_cmpuint (rows->len, ==, 0);
  status = find_text (GTK_WIDGET (fixture->page), "No Guides Found");
  g_assert_nonnull (status);

  /* Nothing about the search is kept (the guide opened from it is, to continue reading). */
  g_assert_false (settings_mention ("worry time"));
  g_assert_false (settings_mention ("xylophones"));

  /* An empty search shows every guide again, and the one opened to continue reading. */
  gtk_editable_set_text (GTK_EDITABLE (tend_test_find_descendant (GTK_WIDGET (fixture->page),
                                                                  GTK_TYPE_SEARCH_ENTRY)), "");
  tend_guides_page_start_search (fixture->page, NULL);
  tend_test_wait_for_draws (GTK_WIDGET (fixture->window), 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = guide_rows (visible_page (fixture));
  g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (guides (fixture)) + 1);
}

/* A search that says the person wants to die, or names a hard topic even in one word,
 * shows the care card above the results; an everyday search does not, and nothing of it
 * is kept. */
static void
test_search_care_card (Fixture       *fixture,
                       gconstpointer  data)
{
  TendCareCard *card = TEND_CARE_CARD (tend_test_find_descendant (GTK_WIDGET (fixture->page),
                                                                  TEND_TYPE_CARE_CARD));

  g_assert_nonnull (card);
  tend_window_search_guides (fixture->window, "sleep");
  tend_test_wait_for_draws (GTK_WIDGET (fixture->window), 2);
  g_assert_false (tend_care_card_get_shown (card));

  tend_window_search_guides (fixture->window, "i want to die");
  tend_test_wait_for_draws (GTK_WIDGET (fixture->window), 2);
  g_assert_true (tend_care_card_get_shown (card));
  g_assert_false (settings_mention ("want to die"));

  tend_window_search_guides (fixture->window, "this deadline is killing me");
  tend_test_wait_for_draws (GTK_WIDGET (fixture->window), 2);
  g_assert_false (tend_care_card_get_shown (card));

  /* One word that names a hard topic is enough in a search, in each language */
  {
    static const char * const topics[] = { "suicide", "Self-harm", "anorexie", "انتحار" };

    for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
      {
        tend_window_search_guides (fixture->window, "money");
        tend_test_wait_for_draws (GTK_WIDGET (fixture->window), 2);
        g_assert_false (tend_care_card_get_shown (card));
        tend_window_search_guides (fixture->window, topics[i]);
        tend_test_wait_for_draws (GTK_WIDGET (fixture->window), 2);
        g_assert_true (tend_care_card_get_shown (card));
        g_assert_false (settings_mention (topics[i]));
      }
  }
}

/* The quick exercises open from the top of the page. */
static void
test_quick_exercises (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct {
    const char *kind;
    GType     (*get_type) (void);
  } exercises[] = {
    { "breathing", tend_breathing_exercise_get_type },
    { "grounding", tend_grounding_exercise_get_type },
  };
  AdwPreferencesGroup *group = find_group (GTK_WIDGET (fixture->page), "Quick Exercises");
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_nonnull (group);
  rows = tend_test_collect_mapped (GTK_WIDGET (group), ADW_TYPE_ACTION_ROW);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (exercises));

  for (guint i = 0; i < G_N_ELEMENTS (exercises); i++)
    {
      GtkWidget *page;

      tend_guides_page_show_library (fixture->page);
      tend_test_wait_for_draws (GTK_WIDGET (fixture->window), 2);
      click_row (rows->pdata[i]);
      tend_test_wait_for_draws (GTK_WIDGET (fixture->window), 2);

      page = visible_page (fixture);
      g_assert_nonnull (tend_test_find_descendant (page, exercises[i].get_type ()));
    }
}

/* Paced breathing, driven by frame times of the test's own ------------------------------ */

#define SECOND G_USEC_PER_SEC

static TendBreathingExercise *
new_breathing (void)
{
  return TEND_BREATHING_EXERCISE (g_object_ref_sink (tend_breathing_exercise_new ()));
}

/* Moves the exercise on by @usec, in frames 100 ms apart, from @now. */
static void
run_for (TendBreathingExercise *exercise,
         gint64                *now,
         gint64                 usec)
{
  for (gint64 end = *now + usec; *now < end;)
    {
      *now += SECOND / 10;
      tend_breathing_exercise_tick (exercise, *now);
    }
}

static void
test_breathing_phases (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  TendBreathingExercise *exercise;
  gint64 now = 1000 * SECOND;
  double fullness;

  reset_settings ();
  g_settings_set_int (settings, "breathing-in-seconds", 4);
  g_settings_set_int (settings, "breathing-out-seconds", 6);
  exercise = new_breathing ();

  g_assert_cmpint (tend_breathing_exercise_get_phase (exercise), ==, TEND_BREATHING_PHASE_READY);
  g_assert_cmpuint (tend_breathing_exercise_get_count (exercise), ==, 0);

  /* Frames before the start change nothing. */
  tend_breathing_exercise_tick (exercise, now);
  g_assert_cmpint (tend_breathing_exercise_get_phase (exercise), ==, TEND_BREATHING_PHASE_READY);

  tend_breathing_exercise_start (exercise);
  g_assert_true (tend_breathing_exercise_get_running (exercise));
  tend_breathing_exercise_tick (exercise, now);  /* the first frame sets the time */
  g_assert_cmpint (tend_breathing_exercise_get_phase (exercise), ==, TEND_BREATHING_PHASE_IN);
  g_assert_cmpstr (tend_breathing_exercise_get_phase_text (exercise), ==, "Breathe in");
  g_assert_cmpuint (tend_breathing_exercise_get_count (exercise), ==, 1);
  g_assert_cmpfloat (tend_breathing_exercise_get_fullness (exercise), ==, 0);

  /* The circle grows while breathing in, and the count goes up each second. */
  run_for (exercise, &now, 1500 * 1000);
  g_assert_cmpuint (tend_breathing_exercise_get_count (exercise), ==, 2);
  fullness = tend_breathing_exercise_get_fullness (exercise);
  g_assert_cmpfloat (fullness, >, 0);
  run_for (exercise, &now, 1000 * 1000);
  g_assert_cmpfloat (tend_breathing_exercise_get_fullness (exercise), >, fullness);

  /* No hold: breathing out comes after four seconds, and the circle shrinks. */
  run_for (exercise, &now, 1500 * 1000);
  g_assert_cmpint (tend_breathing_exercise_get_phase (exercise), ==, TEND_BREATHING_PHASE_OUT);
  g_assert_cmpstr (tend_breathing_exercise_get_phase_text (exercise), ==, "Breathe out");
  g_assert_cmpuint (tend_breathing_exercise_get_count (exercise), ==, 1);
  run_for (exercise, &now, 3 * SECOND);
  g_assert_cmpfloat (tend_breathing_exercise_get_fullness (exercise), <, 1);
  g_assert_cmpuint (tend_breathing_exercise_get_count (exercise), ==, 4);
  run_for (exercise, &now, 3 * SECOND);
  g_assert_cmpint (tend_breathing_exercise_get_phase (exercise), ==, TEND_BREATHING_PHASE_IN);
  g_assert_cmpuint (tend_breathing_exercise_get_breaths (exercise), ==, 1);

  /* A hold, once set, comes between breathing in and out. */
  g_settings_set_int (settings, "breathing-hold-seconds", 2);
  run_for (exercise, &now, 4 * SECOND);
  g_assert_cmpint (tend_breathing_exercise_get_phase (exercise), ==, TEND_BREATHING_PHASE_HOLD);
  g_assert_cmpstr (tend_breathing_exercise_get_phase_text (exercise), ==, "Hold");
  g_assert_cmpfloat (tend_breathing_exercise_get_fullness (exercise), ==, 1);
  run_for (exercise, &now, 2 * SECOND);
  g_assert_cmpint (tend_breathing_exercise_get_phase (exercise), ==, TEND_BREATHING_PHASE_OUT);

  /* Paused, time passes without it; it continues where it was. */
  tend_breathing_exercise_pause (exercise);
  g_assert_false (tend_breathing_exercise_get_running (exercise));
  run_for (exercise, &now, 20 * SECOND);
  g_assert_cmpint (tend_breathing_exercise_get_phase (exercise), ==, TEND_BREATHING_PHASE_OUT);
  g_assert_cmpuint (tend_breathing_exercise_get_count (exercise), ==, 1);
  tend_breathing_exercise_start (exercise);
  run_for (exercise, &now, 1000 * 1000);
  g_assert_cmpint (tend_breathing_exercise_get_phase (exercise), ==, TEND_BREATHING_PHASE_OUT);
  g_assert_cmpuint (tend_breathing_exercise_get_count (exercise), ==, 1);

  /* A frame long after the last (the window was hidden) counts as a second at most. */
  now += 60 * SECOND;
  tend_breathing_exercise_tick (exercise, now);
  g_assert_cmpint (tend_breathing_exercise_get_phase (exercise), ==, TEND_BREATHING_PHASE_OUT);
  g_assert_cmpuint (tend_breathing_exercise_get_count (exercise), ==, 2);

  g_assert_finalize_object (exercise);
  reset_settings ();
}

static void
test_breathing_pace_is_remembered (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  TendBreathingExercise *exercise;

  reset_settings ();
  exercise = new_breathing ();
  {
    GtkWidget *row = tend_test_find_descendant (GTK_WIDGET (exercise), ADW_TYPE_SPIN_ROW);

    /* The first row is breathing in. */
    g_assert_cmpfloat (adw_spin_row_get_value (ADW_SPIN_ROW (row)), ==, 4);
    adw_spin_row_set_value (ADW_SPIN_ROW (row), 5);
    g_assert_cmpint (g_settings_get_int (settings, "breathing-in-seconds"), ==, 5);
  }

  g_assert_finalize_object (exercise);
  reset_settings ();
}

static void
test_breathing_reduced_motion (void)
{
  GtkSettings *gtk_settings = gtk_settings_get_default ();
  TendBreathingExercise *exercise;
  GtkWidget *bar;
  gint64 now = 5 * SECOND;

  reset_settings ();
  g_object_set (gtk_settings, "gtk-enable-animations", FALSE, NULL);
  exercise = new_breathing ();
  bar = tend_test_find_descendant (GTK_WIDGET (exercise), GTK_TYPE_PROGRESS_BAR);

  /* No circle, no motion: the words and a bar. */
  g_assert_false (tend_breathing_exercise_get_animated (exercise));
  g_assert_true (gtk_widget_get_visible (bar));
  g_assert_false (gtk_widget_get_visible (tend_test_find_first (GTK_WIDGET (exercise), has_css_name,
                                                       "breathingcircle")));

  tend_breathing_exercise_start (exercise);
  tend_breathing_exercise_tick (exercise, now);
  run_for (exercise, &now, 2 * SECOND);
  g_assert_cmpstr (tend_breathing_exercise_get_phase_text (exercise), ==, "Breathe in");
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)), 0.5,
                                  0.01);

  /* Turning animations back on brings the circle back, at once. */
  g_object_set (gtk_settings, "gtk-enable-animations", TRUE, NULL);
  g_assert_true (tend_breathing_exercise_get_animated (exercise));
  g_assert_false (gtk_widget_get_visible (bar));

  g_assert_finalize_object (exercise);
}

/* 5-4-3-2-1 grounding ------------------------------------------------------------------ */

static void
test_grounding_steps (void)
{
  static const char * const titles[] = {
    "Notice five things you can see",
    "Notice four things you can touch",
    "Notice three things you can hear",
    "Notice two things you can smell",
    "Notice one thing you can taste",
  };
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  TendGroundingExercise *exercise;
  GtkEditable *entry;
  GtkWidget *next;
  GtkWidget *back;

  reset_settings ();
  exercise = TEND_GROUNDING_EXERCISE (g_object_ref_sink (tend_grounding_exercise_new ()));
  entry = GTK_EDITABLE (tend_test_find_descendant (GTK_WIDGET (exercise), GTK_TYPE_ENTRY));
  back = tend_test_find_labelled (GTK_WIDGET (exercise), "_Back");
  g_assert_nonnull (back);
  g_assert_false (gtk_widget_is_sensitive (back));

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_assert_cmpuint (tend_grounding_exercise_get_step (exercise), ==, i);
      g_assert_cmpstr (tend_grounding_exercise_get_step_title (exercise), ==, titles[i]);
      g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
      gtk_editable_set_text (entry, "the window");

      next = tend_test_find_labelled (GTK_WIDGET (exercise),
                                      i + 1 < G_N_ELEMENTS (titles) ? "_Next" : "_Finish");
      g_assert_nonnull (next);

      /* Back keeps what was written on the step before. */
      if (i == 2)
        {
          tend_test_click (back);
          g_assert_cmpuint (tend_grounding_exercise_get_step (exercise), ==, 1);
          g_assert_cmpstr (gtk_editable_get_text (entry), ==, "the window");
          tend_test_click (tend_test_find_labelled (GTK_WIDGET (exercise), "_Next"));
          g_assert_cmpstr (gtk_editable_get_text (entry), ==, "the window");
        }

      g_assert_false (tend_grounding_exercise_get_finished (exercise));
      tend_test_click (next);
    }

  /* A gentle end; what was written is let go, and was never saved. */
  g_assert_true (tend_grounding_exercise_get_finished (exercise));
  g_assert_false (settings_mention ("the window"));

  tend_test_click (tend_test_find_labelled (GTK_WIDGET (exercise), "_Start Again"));
  g_assert_false (tend_grounding_exercise_get_finished (exercise));
  g_assert_cmpuint (tend_grounding_exercise_get_step (exercise), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");

  g_assert_finalize_object (exercise);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tend_test_widgets_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/guides-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("lists-every-guide-by-topic", test_lists_every_guide_by_topic);
  ADD ("open-guide", test_open_guide);
  ADD ("keyboard-scrolls", test_keyboard_scrolls);
  ADD ("text-keeps-its-direction", test_text_keeps_its_direction);
  ADD ("bookmark", test_bookmark);
  ADD ("continue-reading", test_continue_reading);
  ADD ("search", test_search);
  ADD ("search-care-card", test_search_care_card);
  ADD ("quick-exercises", test_quick_exercises);
#undef ADD
  g_test_add_func ("/breathing/phases", test_breathing_phases);
  g_test_add_func ("/breathing/pace-is-remembered", test_breathing_pace_is_remembered);
  g_test_add_func ("/breathing/reduced-motion", test_breathing_reduced_motion);
  g_test_add_func ("/grounding/five-steps", test_grounding_steps);

  status = g_test_run ();
  tend_test_widgets_cleanup ();
  return status;
}
