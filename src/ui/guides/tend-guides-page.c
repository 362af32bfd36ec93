/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-guides"

#include "config.h"

#include <glib/gi18n.h>

#include "tend-breathing-exercise.h"
#include "tend-care-card.h"
#include "tend-grounding-exercise.h"
#include "tend-guide-row.h"
#include "tend-guide-view.h"
#include "tend-guides-page.h"

/* The Guides page: quick exercises, the guide to continue reading, bookmarks, then every
 * guide by topic; a search across all of them as one types. Guides and exercises open in
 * a navigation view inside the page, so Back (Alt+Left, Escape) returns here.
 *
 * Searching is private: what is typed is never saved, and is forgotten with the page. */
struct _TendGuidesPage
{
  AdwBin             parent_instance;

  /* Template widgets */
  AdwNavigationView *navigation_view;
  AdwNavigationPage *library_page;
  GtkSearchEntry    *search_entry;
  GtkStack          *stack;
  AdwStatusPage     *error_page;
  GtkWidget         *continue_group;
  GtkListBox        *continue_list;
  GtkWidget         *bookmarks_group;
  GtkListBox        *bookmarks_list;
  GtkBox            *topics_box;
  GtkBox            *care_box;
  TendCareCard      *care_card;
  GtkListBox        *results_list;
  GtkWidget         *no_results_page;

  /* Owned */
  TendGuideLibrary  *library;
  GSettings         *settings;
};

G_DEFINE_FINAL_TYPE (TendGuidesPage, tend_guides_page, ADW_TYPE_BIN)

/* Building the lists ------------------------------------------------------------------- */

static GtkWidget *
make_topic_group (TendGuidesPage *self,
                  const char     *topic)
{
  GListModel *guides = tend_guide_library_get_guides (self->library);
  GtkWidget *group = adw_preferences_group_new ();
  guint n_guides = 0;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   tend_guide_library_topic_title (topic));

  for (guint i = 0; i < g_list_model_get_n_items (guides); i++)
    {
      g_autoptr(TendGuide) guide = g_list_model_get_item (guides, i);

      if (g_strcmp0 (tend_guide_get_topic (guide), topic) != 0)
        continue;

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), tend_guide_row_new (guide));
      n_guides++;
    }

  gtk_widget_set_visible (group, n_guides > 0);
  return group;
}

static void
update_continue (TendGuidesPage *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, "last-guide");
  g_autofree char *section_id = g_settings_get_string (self->settings, "last-guide-section");
  TendGuide *guide = NULL;
  GtkWidget *row;
  const char *section_title;

  gtk_list_box_remove_all (self->continue_list);

  if (self->library != NULL && *id != '\0')
    guide = tend_guide_library_lookup (self->library, id);

  gtk_widget_set_visible (self->continue_group, guide != NULL);
  if (guide == NULL)
    return;

  row = tend_guide_row_new (guide);
  section_title = tend_guide_view_get_section_title (guide, section_id);
  if (section_title != NULL)
    {
      /* Translators: Under the guide to continue reading: where it was left, as in
       * “Left off at “Winding Down””. */
      g_autofree char *subtitle = g_strdup_printf (_("Left off at “%s”"), section_title);

      tend_guide_row_set_section (TEND_GUIDE_ROW (row), section_id, subtitle);
    }
  gtk_list_box_append (self->continue_list, row);
}

static void
update_bookmarks (TendGuidesPage *self)
{
  g_auto(GStrv) bookmarks = g_settings_get_strv (self->settings, "guide-bookmarks");
  gboolean any = FALSE;

  gtk_list_box_remove_all (self->bookmarks_list);

  for (guint i = 0; self->library != NULL && bookmarks[i] != NULL; i++)
    {
      TendGuide *guide = tend_guide_library_lookup (self->library, bookmarks[i]);

      /* A guide that is no longer in Tend is left in the setting, in case it returns. */
      if (guide == NULL)
        continue;

      gtk_list_box_append (self->bookmarks_list, tend_guide_row_new (guide));
      any = TRUE;
    }

  gtk_widget_set_visible (self->bookmarks_group, any);
}

static void
build_library (TendGuidesPage *self)
{
  const char * const *topics = tend_guide_library_get_topics ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->topics_box))) != NULL)
    gtk_box_remove (self->topics_box, child);

  for (guint i = 0; topics[i] != NULL; i++)
    gtk_box_append (self->topics_box, make_topic_group (self, topics[i]));

  update_continue (self);
  update_bookmarks (self);
}

/* Reads the guides the first time they are needed, not while the window opens. */
static gboolean
ensure_library (TendGuidesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TendGuideLibrary) library = NULL;

  if (self->library != NULL)
    return TRUE;

  library = tend_guide_library_new (&error);
  if (library == NULL)
    {
      g_warning ("Could not read the guides: %s", error->message);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), FALSE);
      return FALSE;
    }

  tend_guides_page_set_library (self, library);
  return TRUE;
}

/* Search -------------------------------------------------------------------------------- */

static void
show_matches (TendGuidesPage *self,
              GPtrArray      *matches)
{
  gtk_list_box_remove_all (self->results_list);

  for (guint i = 0; i < matches->len; i++)
    {
      TendGuideMatch *match = g_ptr_array_index (matches, i);
      GtkWidget *row = tend_guide_row_new (match->guide);

      tend_guide_row_set_match (TEND_GUIDE_ROW (row), match->section_id, match->section_title,
                                match->snippet);
      gtk_list_box_append (self->results_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->results_list), matches->len > 0);
  gtk_widget_set_visible (self->no_results_page, matches->len == 0);
}

/* The care card (src/ui/tend-care-card.c) shows above the results when a search holds
 * words of crisis or names a hard topic, even in one word; an emptied search starts
 * afresh. Nothing of it is kept. */
static void
update_search (TendGuidesPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (*stripped == '\0')
    tend_care_card_reset (self->care_card);
  else
    tend_care_card_check_search (self->care_card, stripped);

  if (*stripped == '\0' || !ensure_library (self))
    {
      gtk_list_box_remove_all (self->results_list);
      if (self->library != NULL)
        gtk_stack_set_visible_child_name (self->stack, "library");
      return;
    }

  matches = tend_guide_library_search (self->library, stripped, &error);
  if (matches == NULL)
    {
      /* Words the search cannot read find nothing; the page says so, calmly. */
      g_debug ("Could not search the guides for that: %s", error->message);
      matches = g_ptr_array_new ();
    }

  show_matches (self, matches);
  gtk_stack_set_visible_child_name (self->stack, "search");
}

static void
search_changed_cb (TendGuidesPage *self)
{
  update_search (self);
}

/* Enter opens the best match. */
static void
search_activated_cb (TendGuidesPage *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results_list, 0);

  if (first != NULL && g_str_equal (gtk_stack_get_visible_child_name (self->stack), "search"))
    gtk_widget_activate (GTK_WIDGET (first));
}

static void
care_card_dismissed_cb (TendGuidesPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
stop_search_cb (TendGuidesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Navigation ---------------------------------------------------------------------------- */

/* The page showing @what in the navigation stack, if any: not one just popped, which
 * lives on while it slides away. Pushed pages have no tags, which would clash with those
 * of the pages sliding away. */
static AdwNavigationPage *
find_in_stack (TendGuidesPage *self,
               const char     *what)
{
  g_autoptr(GListModel) stack = adw_navigation_view_get_navigation_stack (self->navigation_view);

  for (guint i = 0; i < g_list_model_get_n_items (stack); i++)
    {
      g_autoptr(AdwNavigationPage) page = g_list_model_get_item (stack, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (page), "tend-shows"), what) == 0)
        return page;
    }

  return NULL;
}

static void
set_shows (AdwNavigationPage *page,
           const char        *what)
{
  g_object_set_data_full (G_OBJECT (page), "tend-shows", g_strdup (what), g_free);
}

/**
 * tend_guides_page_open_guide:
 * @id: the id of a guide
 * @section_id: (nullable): a section or exercise to open it at, or %NULL for its start
 *
 * Opens the guide @id in the reader. A guide already open further back is returned to,
 * rather than opened twice.
 *
 * Returns: whether there is such a guide
 */
gboolean
tend_guides_page_open_guide (TendGuidesPage *self,
                             const char     *id,
                             const char     *section_id)
{
  g_autofree char *shows = NULL;
  AdwNavigationPage *page;
  TendGuide *guide;

  g_return_val_if_fail (TEND_IS_GUIDES_PAGE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!ensure_library (self))
    return FALSE;

  guide = tend_guide_library_lookup (self->library, id);
  if (guide == NULL)
    {
      g_debug ("No guide “%s” to open", id);
      return FALSE;
    }

  if (section_id != NULL && *section_id == '\0')
    section_id = NULL;

  shows = g_strconcat ("guide:", id, NULL);
  page = find_in_stack (self, shows);
  if (page != NULL)
    {
      adw_navigation_view_pop_to_page (self->navigation_view, page);
      tend_guide_view_scroll_to_section (TEND_GUIDE_VIEW (page), section_id);
      return TRUE;
    }

  page = ADW_NAVIGATION_PAGE (tend_guide_view_new (self->library, guide));
  set_shows (page, shows);
  tend_guide_view_scroll_to_section (TEND_GUIDE_VIEW (page), section_id);
  adw_navigation_view_push (self->navigation_view, page);
  return TRUE;
}

static AdwNavigationPage *
make_exercise_page (const char *title,
                    const char *kind,
                    GtkWidget  *content)
{
  GtkWidget *toolbar_view = adw_toolbar_view_new ();
  GtkWidget *header_bar = adw_header_bar_new ();
  AdwNavigationPage *page = adw_navigation_page_new (toolbar_view, title);

  /* The window's own header bar, above, has the window's buttons. */
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header_bar), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header_bar), FALSE);
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar_view), header_bar);
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar_view), content);
  set_shows (page, kind);
  return page;
}

/**
 * tend_guides_page_start_exercise:
 * @kind: "breathing" (paced breathing) or "grounding" (5-4-3-2-1)
 *
 * Opens one of the exercises Tend runs itself.
 */
void
tend_guides_page_start_exercise (TendGuidesPage *self,
                                 const char     *kind)
{
  AdwNavigationPage *page;

  g_return_if_fail (TEND_IS_GUIDES_PAGE (self));
  g_return_if_fail (kind != NULL);

  page = find_in_stack (self, kind);
  if (page != NULL)
    {
      adw_navigation_view_pop_to_page (self->navigation_view, page);
      return;
    }

  if (g_str_equal (kind, "breathing"))
    page = make_exercise_page (_("Paced Breathing"), kind, tend_breathing_exercise_new ());
  else if (g_str_equal (kind, "grounding"))
    page = make_exercise_page (_("5-4-3-2-1 Grounding"), kind, tend_grounding_exercise_new ());
  else
    {
      g_warning ("Tend has no exercise named “%s”", kind);
      return;
    }

  adw_navigation_view_push (self->navigation_view, page);
}

/**
 * tend_guides_page_show_library:
 *
 * Goes back to the list of guides.
 */
void
tend_guides_page_show_library (TendGuidesPage *self)
{
  g_return_if_fail (TEND_IS_GUIDES_PAGE (self));

  adw_navigation_view_pop_to_page (self->navigation_view, self->library_page);
}

/**
 * tend_guides_page_start_search:
 * @text: (nullable): words to search for, or %NULL or "" to keep those typed before
 *
 * Shows the list of guides with the keyboard focus in the search entry.
 */
void
tend_guides_page_start_search (TendGuidesPage *self,
                               const char     *text)
{
  g_return_if_fail (TEND_IS_GUIDES_PAGE (self));

  tend_guides_page_show_library (self);
  if (text != NULL && *text != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);

  /* Now, not after the search entry's delay. */
  update_search (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  const char *id;
  const char *section_id;

  g_variant_get (parameter, "(&s&s)", &id, &section_id);
  tend_guides_page_open_guide (TEND_GUIDES_PAGE (widget), id, section_id);
}

static void
start_exercise_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  tend_guides_page_start_exercise (TEND_GUIDES_PAGE (widget),
                                   g_variant_get_string (parameter, NULL));
}

/* GObject ------------------------------------------------------------------------------- */

static void
tend_guides_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (tend_guides_page_parent_class)->map (widget);

  ensure_library (TEND_GUIDES_PAGE (widget));
}

static void
tend_guides_page_dispose (GObject *object)
{
  TendGuidesPage *self = TEND_GUIDES_PAGE (object);

  /* The navigation view is both the bin's child and a template child: taken from the bin
   * first, so neither holds on to it once the template lets it go. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TEND_TYPE_GUIDES_PAGE);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tend_guides_page_parent_class)->dispose (object);
}

static void
tend_guides_page_class_init (TendGuidesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tend_guides_page_dispose;
  widget_class->map = tend_guides_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/tend-guides-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TendGuidesPage, navigation_view);
  gtk_widget_class_bind_template_child (widget_class, TendGuidesPage, library_page);
  gtk_widget_class_bind_template_child (widget_class, TendGuidesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TendGuidesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TendGuidesPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, TendGuidesPage, continue_group);
  gtk_widget_class_bind_template_child (widget_class, TendGuidesPage, continue_list);
  gtk_widget_class_bind_template_child (widget_class, TendGuidesPage, bookmarks_group);
  gtk_widget_class_bind_template_child (widget_class, TendGuidesPage, bookmarks_list);
  gtk_widget_class_bind_template_child (widget_class, TendGuidesPage, topics_box);
  gtk_widget_class_bind_template_child (widget_class, TendGuidesPage, care_box);
  gtk_widget_class_bind_template_child (widget_class, TendGuidesPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, TendGuidesPage, no_results_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_install_action (widget_class, "guides.open", "(ss)", open_action);
  gtk_widget_class_install_action (widget_class, "guides.start-exercise", "s",
                                   start_exercise_action);
}

static void
tend_guides_page_init (TendGuidesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_APP_ID);
  g_signal_connect_object (self->settings, "changed::guide-bookmarks",
                           G_CALLBACK (update_bookmarks), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::last-guide",
                           G_CALLBACK (update_continue), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::last-guide-section",
                           G_CALLBACK (update_continue), self, G_CONNECT_SWAPPED);

  /* Typing anywhere on the list starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->library_page));

  self->care_card = TEND_CARE_CARD (tend_care_card_new ());
  gtk_box_append (self->care_box, GTK_WIDGET (self->care_card));
  g_signal_connect_object (self->care_card, "dismissed", G_CALLBACK (care_card_dismissed_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * tend_guides_page_get_library:
 *
 * Returns: (transfer none): the guides shown, read now if they were not yet
 */
TendGuideLibrary *
tend_guides_page_get_library (TendGuidesPage *self)
{
  g_return_val_if_fail (TEND_IS_GUIDES_PAGE (self), NULL);

  ensure_library (self);
  return self->library;
}

/**
 * tend_guides_page_set_library:
 * @library: the guides to show
 *
 * Shows @library instead of the built-in guides, which are otherwise read the first time
 * the page shows.
 */
void
tend_guides_page_set_library (TendGuidesPage   *self,
                              TendGuideLibrary *library)
{
  g_return_if_fail (TEND_IS_GUIDES_PAGE (self));
  g_return_if_fail (TEND_IS_GUIDE_LIBRARY (library));

  if (!g_set_object (&self->library, library))
    return;

  adw_navigation_view_pop_to_page (self->navigation_view, self->library_page);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), TRUE);
  build_library (self);
  gtk_stack_set_visible_child_name (self->stack, "library");
  update_search (self);
}

/**
 * tend_guides_page_get_visible:
 *
 * Returns: (transfer none): what the page shows: the list of guides, a guide's
 *   #TendGuideView or an exercise, as an #AdwNavigationPage
 */
GtkWidget *
tend_guides_page_get_visible (TendGuidesPage *self)
{
  g_return_val_if_fail (TEND_IS_GUIDES_PAGE (self), NULL);

  return GTK_WIDGET (adw_navigation_view_get_visible_page (self->navigation_view));
}
