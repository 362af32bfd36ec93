/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tend-guide-row.h"
#include "tend-guide-view.h"

/* The reader: one guide, in a column of readable width. Its sections, exercises (as cards,
 * with a Start button for those Tend runs itself), when to look for more help, related
 * guides and sources. The header holds a bookmark toggle and the table of contents, which
 * moves to a sidebar on wide windows.
 *
 * The text is selectable with the pointer, but its labels are not in the focus chain: the
 * scrolled window itself takes the focus, and then scrolls with the arrows, Page Up and
 * Down, Home and End. (Were the column of text focused instead, the viewport would scroll
 * to show all of it, to its end.) Lists are rows of boxes with a bullet or a number of their own, so they mirror
 * in right-to-left languages. */

typedef struct
{
  char      *id;
  char      *title;
  GtkWidget *heading;     /* borrowed */
  GtkWidget *top;         /* borrowed: what to scroll to, the heading or its card */
  GtkWidget *toc_button;  /* borrowed; in the sidebar */
} Anchor;

struct _TendGuideView
{
  AdwNavigationPage  parent_instance;

  /* Template widgets */
  AdwHeaderBar      *header_bar;
  GtkToggleButton   *bookmark_button;
  GtkMenuButton     *contents_button;
  GtkWidget         *toc_sidebar;
  GtkBox            *toc_box;
  GtkScrolledWindow *scroller;
  GtkWidget         *content_box;
  GtkLabel          *title_label;
  GtkLabel          *summary_label;
  GtkLabel          *details_label;
  GtkBox            *body_box;

  /* Owned */
  TendGuideLibrary  *library;
  TendGuide         *guide;
  GSettings         *settings;
  GPtrArray         *anchors;          /* Anchor, in reading order */
  char              *pending_section;  /* to scroll to once laid out */
  char              *current_section;  /* (nullable): where the reader is */

  guint              scroll_tick_id;
  guint              scroll_frames;
  guint              save_position_id;
};

G_DEFINE_FINAL_TYPE (TendGuideView, tend_guide_view, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_GUIDE,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

/* The anchor of the block on how to find more help, in the table of contents. */
#define MORE_HELP_ID "more-help"

/* How far below the top of the view a heading may be and still be where one is reading. */
#define READING_LINE 64

/* How far an arrow key scrolls, in pixels. */
#define ARROW_STEP 48

static void
anchor_free (gpointer data)
{
  Anchor *anchor = data;

  g_free (anchor->id);
  g_free (anchor->title);
  g_free (anchor);
}

static Anchor *
find_anchor (TendGuideView *self,
             const char    *id)
{
  if (id == NULL)
    return NULL;

  for (guint i = 0; i < self->anchors->len; i++)
    {
      Anchor *anchor = g_ptr_array_index (self->anchors, i);

      if (g_str_equal (anchor->id, id))
        return anchor;
    }

  return NULL;
}

/* Building the text ------------------------------------------------------------------------ */

/* A paragraph reads in the direction of its own words, as dir="auto" does on the web: a
 * guide not yet translated reads left to right, aligned left, in a right-to-left window. */
static void
follow_text_direction (GtkWidget  *widget,
                       const char *text)
{
  /* The first letter decides, as Unicode's rule for a paragraph's direction has it. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c))
        continue;

      switch (g_unichar_get_script (c))
        {
        case G_UNICODE_SCRIPT_ARABIC:
        case G_UNICODE_SCRIPT_HEBREW:
        case G_UNICODE_SCRIPT_SYRIAC:
        case G_UNICODE_SCRIPT_THAANA:
        case G_UNICODE_SCRIPT_NKO:
          gtk_widget_set_direction (widget, GTK_TEXT_DIR_RTL);
          break;

        default:
          gtk_widget_set_direction (widget, GTK_TEXT_DIR_LTR);
          break;
        }
      return;
    }
}

static GtkWidget *
make_heading (const char *text,
              int         level,
              const char *css_class)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                   "label", text,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "xalign", 0.0f,
                                   NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, level, -1);
  gtk_widget_add_css_class (label, css_class);
  follow_text_direction (label, text);
  return label;
}

/* Selectable with the pointer, out of the focus chain (see the top of the file). */
static GtkWidget *
make_text (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_focusable (label, FALSE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "guide-text");
  follow_text_direction (label, text);
  return label;
}

/* A bullet or a number and its text, side by side: the box mirrors in right-to-left. */
static GtkWidget *
make_list_item (const char *marker,
                const char *text,
                const char *marker_class)
{
  GtkWidget *row = g_object_new (GTK_TYPE_BOX,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_LIST_ITEM,
                                 "spacing", 10,
                                 NULL);
  GtkWidget *mark = g_object_new (GTK_TYPE_LABEL,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  "label", marker,
                                  "valign", GTK_ALIGN_START,
                                  "xalign", 0.5f,
                                  NULL);

  gtk_widget_add_css_class (mark, marker_class);
  follow_text_direction (row, text);
  follow_text_direction (mark, text);
  gtk_box_append (GTK_BOX (row), mark);
  gtk_box_append (GTK_BOX (row), make_text (text));
  return row;
}

static GtkWidget *
make_list (void)
{
  return g_object_new (GTK_TYPE_BOX,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_LIST,
                       "orientation", GTK_ORIENTATION_VERTICAL,
                       "spacing", 8,
                       NULL);
}

static void
append_blocks (GtkBox    *box,
               GPtrArray *blocks)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      TendGuideBlock *block = g_ptr_array_index (blocks, i);

      if (block->kind == TEND_GUIDE_BLOCK_PARAGRAPH)
        gtk_box_append (box, make_text (block->text));
      else
        {
          GtkWidget *list = make_list ();

          for (guint j = 0; block->items != NULL && block->items[j] != NULL; j++)
            gtk_box_append (GTK_BOX (list), make_list_item ("•", block->items[j], "guide-bullet"));
          gtk_box_append (box, list);
        }
    }
}

static GtkWidget *
make_part (void)
{
  return gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
}

static void
add_anchor (TendGuideView *self,
            const char    *id,
            const char    *title,
            GtkWidget     *heading,
            GtkWidget     *top)
{
  Anchor *anchor = g_new0 (Anchor, 1);

  anchor->id = g_strdup (id);
  anchor->title = g_strdup (title);
  anchor->heading = heading;
  anchor->top = top;
  g_ptr_array_add (self->anchors, anchor);
}

static void
append_section (TendGuideView    *self,
                TendGuideSection *section)
{
  GtkWidget *part = make_part ();
  GtkWidget *heading = make_heading (section->title, 2, "title-2");

  gtk_box_append (GTK_BOX (part), heading);
  append_blocks (GTK_BOX (part), section->blocks);
  gtk_box_append (self->body_box, part);
  add_anchor (self, section->id, section->title, heading, heading);
}

static const char *
exercise_kind_nick (TendGuideExerciseKind kind)
{
  switch (kind)
    {
    case TEND_GUIDE_EXERCISE_BREATHING:
      return "breathing";

    case TEND_GUIDE_EXERCISE_GROUNDING:
      return "grounding";

    case TEND_GUIDE_EXERCISE_STEPS:
    default:
      return NULL;
    }
}

static void
append_exercise (TendGuideView     *self,
                 TendGuideExercise *exercise)
{
  GtkWidget *card = make_part ();
  GtkWidget *kicker;
  GtkWidget *heading = make_heading (exercise->title, 2, "title-3");
  const char *runs = exercise_kind_nick (exercise->kind);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "guide-exercise");

  kicker = gtk_label_new (C_("guide", "Exercise"));
  gtk_label_set_xalign (GTK_LABEL (kicker), 0);
  gtk_widget_add_css_class (kicker, "caption-heading");
  gtk_widget_add_css_class (kicker, "guide-kicker");
  follow_text_direction (kicker, exercise->title);
  gtk_box_append (GTK_BOX (card), kicker);
  gtk_box_append (GTK_BOX (card), heading);
  append_blocks (GTK_BOX (card), exercise->blocks);

  if (exercise->steps != NULL && exercise->steps[0] != NULL)
    {
      GtkWidget *list = make_list ();

      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Steps"), -1);
      for (guint i = 0; exercise->steps[i] != NULL; i++)
        {
          g_autofree char *number = g_strdup_printf ("%u", i + 1);

          gtk_box_append (GTK_BOX (list), make_list_item (number, exercise->steps[i],
                                                          "guide-step-number"));
        }
      gtk_box_append (GTK_BOX (card), list);
    }

  /* Breathing and grounding run in Tend: the Guides page answers guides.start-exercise. */
  if (runs != NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Start Exercise"));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "guides.start-exercise");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", runs);
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_set_margin_top (button, 6);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "suggested-action");
      follow_text_direction (button, exercise->title);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, heading, NULL, -1);
      gtk_box_append (GTK_BOX (card), button);
    }

  gtk_box_append (self->body_box, card);
  add_anchor (self, exercise->id, exercise->title, heading, card);
}

static void
append_more_help (TendGuideView *self)
{
  GtkWidget *card = make_part ();
  const char *title = _("When to Look for More Help");
  GtkWidget *heading = make_heading (title, 2, "title-3");
  GtkWidget *button;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "guide-more-help");
  gtk_box_append (GTK_BOX (card), heading);
  append_blocks (GTK_BOX (card), tend_guide_get_more_help (self->guide));

  /* app.help-now: the numbers to call and the places to go, now. */
  button = gtk_button_new_with_mnemonic (_("_Get Help Now"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.help-now");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 6);
  gtk_widget_add_css_class (button, "pill");
  gtk_box_append (GTK_BOX (card), button);

  gtk_box_append (self->body_box, card);
  add_anchor (self, MORE_HELP_ID, title, heading, card);
}

static GtkWidget *
make_boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static void
append_related (TendGuideView *self)
{
  const char * const *related = tend_guide_get_related (self->guide);
  g_autoptr(GPtrArray) guides = g_ptr_array_new ();
  GtkWidget *part;
  GtkWidget *list;
  GtkWidget *heading;

  for (guint i = 0; related != NULL && related[i] != NULL; i++)
    {
      TendGuide *guide = tend_guide_library_lookup (self->library, related[i]);

      if (guide != NULL)
        g_ptr_array_add (guides, guide);
    }

  if (guides->len == 0)
    return;

  part = make_part ();
  list = make_boxed_list ();
  heading = make_heading (_("Related Guides"), 2, "title-4");
  for (guint i = 0; i < guides->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), tend_guide_row_new (g_ptr_array_index (guides, i)));

  gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  heading, NULL, -1);
  gtk_box_append (GTK_BOX (part), heading);
  gtk_box_append (GTK_BOX (part), list);
  gtk_box_append (self->body_box, part);
}

static void
uri_launched_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (object), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    g_message ("Could not open %s: %s", gtk_uri_launcher_get_uri (GTK_URI_LAUNCHER (object)),
               error->message);
}

/* A source's address opens only when its button is pressed: nothing goes online before. */
static void
open_source_clicked_cb (GtkButton *button,
                        gpointer   user_data)
{
  const char *url = g_object_get_data (G_OBJECT (button), "url");
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (url);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  gtk_uri_launcher_launch (launcher, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                           uri_launched_cb, NULL);
}

static char *
describe_source (TendGuideSource *source)
{
  if (source->year > 0)
    /* Translators: Who published a source and when, as in “World Health Organization, 2020”. */
    return g_strdup_printf (_("%s, %u"), source->publisher, source->year);

  return g_strdup (source->publisher);
}

static void
append_sources (TendGuideView *self)
{
  GPtrArray *sources = tend_guide_get_sources (self->guide);
  GtkWidget *part = make_part ();
  GtkWidget *list = make_boxed_list ();
  GtkWidget *heading = make_heading (_("Sources"), 2, "title-4");
  /* The language gettext reads the guide in first. */
  const char *language = g_get_language_names ()[0];

  for (guint i = 0; i < sources->len; i++)
    {
      TendGuideSource *source = g_ptr_array_index (sources, i);
      GtkWidget *row;
      GtkWidget *button;
      g_autofree char *who = NULL;
      g_autofree char *subtitle = NULL;

      /* An edition in another language is of no use to this reader. */
      if (!tend_guide_source_is_for_language (source, language))
        continue;

      row = adw_action_row_new ();
      button = gtk_button_new_from_icon_name ("adw-external-link-symbolic");
      who = describe_source (source);

      /* Isolated, so an address reads left to right within right-to-left text. */
      subtitle = g_strdup_printf ("%s\n\u2068%s\u2069", who, source->url);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), source->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (row), TRUE);
      gtk_widget_add_css_class (row, "guide-source");

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Open Website"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Open Website"), -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, row, NULL, -1);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "url", g_strdup (source->url), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (open_source_clicked_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  heading, NULL, -1);
  gtk_box_append (GTK_BOX (part), heading);
  gtk_box_append (GTK_BOX (part), list);
  gtk_box_append (self->body_box, part);
}

static char *
format_reviewed (GDate *reviewed)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *day = NULL;

  if (reviewed == NULL || !g_date_valid (reviewed))
    return NULL;

  date = g_date_time_new_local (g_date_get_year (reviewed), g_date_get_month (reviewed),
                                g_date_get_day (reviewed), 12, 0, 0);
  /* Translators: The day a guide was last reviewed, as in “November 22, 2026”. See the
   * strftime(3) manual for the codes; %-d is the day of the month without padding. */
  day = g_date_time_format (date, C_("reviewed date", "%B %-d, %Y"));

  /* Translators: %s is a date, as in “Reviewed on November 22, 2026”. */
  return g_strdup_printf (_("Reviewed on %s"), day);
}

static void
build_contents (TendGuideView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; i < self->anchors->len; i++)
    {
      Anchor *anchor = g_ptr_array_index (self->anchors, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (anchor->title, NULL);
      GtkWidget *button;
      GtkWidget *label;

      g_menu_item_set_action_and_target (item, "reader.go-to-section", "s", anchor->id);
      g_menu_append_item (menu, item);

      label = gtk_label_new (anchor->title);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      follow_text_direction (label, anchor->title);
      button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "reader.go-to-section");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", anchor->id);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "toc-button");
      gtk_box_append (self->toc_box, button);
      anchor->toc_button = button;
    }

  gtk_menu_button_set_menu_model (self->contents_button, G_MENU_MODEL (menu));
}

static void
build (TendGuideView *self)
{
  GPtrArray *sections = tend_guide_get_sections (self->guide);
  GPtrArray *exercises = tend_guide_get_exercises (self->guide);
  g_autofree char *reading_time = NULL;
  g_autofree char *reviewed = NULL;
  g_autofree char *details = NULL;

  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), tend_guide_get_title (self->guide));
  gtk_label_set_label (self->title_label, tend_guide_get_title (self->guide));
  follow_text_direction (GTK_WIDGET (self->title_label), tend_guide_get_title (self->guide));
  gtk_label_set_label (self->summary_label, tend_guide_get_summary (self->guide));
  follow_text_direction (GTK_WIDGET (self->summary_label), tend_guide_get_summary (self->guide));

  reading_time = tend_guide_row_format_reading_time (tend_guide_get_reading_minutes (self->guide));
  reviewed = format_reviewed (tend_guide_get_reviewed (self->guide));
  /* Translators: Joins how long a guide takes to read and when it was reviewed. */
  details = reviewed != NULL ? g_strdup_printf (_("%s · %s"), reading_time, reviewed)
                             : g_strdup (reading_time);
  gtk_label_set_label (self->details_label, details);

  /* The sections first, then the exercises that put them into practice. */
  for (guint i = 0; i < sections->len; i++)
    append_section (self, g_ptr_array_index (sections, i));
  for (guint i = 0; i < exercises->len; i++)
    append_exercise (self, g_ptr_array_index (exercises, i));
  if (tend_guide_get_more_help (self->guide)->len > 0)
    append_more_help (self);
  append_related (self);
  append_sources (self);

  build_contents (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->content_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tend_guide_get_title (self->guide), -1);
}

/* Bookmarks ----------------------------------------------------------------------------- */

static gboolean
is_bookmarked (TendGuideView *self)
{
  g_auto(GStrv) bookmarks = g_settings_get_strv (self->settings, "guide-bookmarks");

  return g_strv_contains ((const char * const *) bookmarks, tend_guide_get_id (self->guide));
}

static void
update_bookmark_button (TendGuideView *self)
{
  gboolean bookmarked = is_bookmarked (self);

  gtk_toggle_button_set_active (self->bookmark_button, bookmarked);
  gtk_button_set_icon_name (GTK_BUTTON (self->bookmark_button),
                            bookmarked ? "user-bookmarks-symbolic" : "bookmark-new-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->bookmark_button),
                               bookmarked ? _("Remove Bookmark") : _("Bookmark This Guide"));
}

static void
bookmark_toggled_cb (TendGuideView *self)
{
  gboolean active = gtk_toggle_button_get_active (self->bookmark_button);
  const char *id = tend_guide_get_id (self->guide);
  g_auto(GStrv) bookmarks = g_settings_get_strv (self->settings, "guide-bookmarks");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) changed = NULL;

  if (active == g_strv_contains ((const char * const *) bookmarks, id))
    return;

  for (guint i = 0; bookmarks[i] != NULL; i++)
    if (!g_str_equal (bookmarks[i], id))
      g_strv_builder_add (builder, bookmarks[i]);
  if (active)
    g_strv_builder_add (builder, id);

  changed = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "guide-bookmarks", (const char * const *) changed);
}

/* Where one is reading ------------------------------------------------------------------ */

/* The position of @widget from the top of the whole text, in pixels: not from the top of
 * what shows, which lags behind a scroll until the next layout. */
static gboolean
text_top (TendGuideView *self,
          GtkWidget     *widget,
          double        *y)
{
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
  GtkWidget *text = gtk_viewport_get_child (GTK_VIEWPORT (viewport));
  graphene_point_t point;

  /* Not before the guide is laid out, when every heading would seem at the top. */
  if (gtk_widget_get_height (widget) <= 0 ||
      !gtk_widget_compute_point (widget, text, &GRAPHENE_POINT_INIT (0, 0), &point))
    return FALSE;

  *y = point.y;
  return TRUE;
}

static void
update_current_section (TendGuideView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double top = gtk_adjustment_get_value (adjustment);
  const char *current = NULL;

  for (guint i = 0; i < self->anchors->len; i++)
    {
      Anchor *anchor = g_ptr_array_index (self->anchors, i);
      double y;

      if (!text_top (self, anchor->top, &y) || y - top > READING_LINE)
        break;

      current = anchor->id;
    }

  if (g_strcmp0 (current, self->current_section) == 0)
    return;

  for (guint i = 0; i < self->anchors->len; i++)
    {
      Anchor *anchor = g_ptr_array_index (self->anchors, i);

      if (g_strcmp0 (anchor->id, current) == 0)
        gtk_widget_add_css_class (anchor->toc_button, "current");
      else
        gtk_widget_remove_css_class (anchor->toc_button, "current");
    }

  g_set_str (&self->current_section, current);
}

/* Whether this is the guide being read: not one going away behind another, nor one a
 * related guide was opened over. */
static gboolean
is_read (TendGuideView *self)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_NAVIGATION_VIEW);

  return view == NULL ||
         adw_navigation_view_get_visible_page (ADW_NAVIGATION_VIEW (view)) ==
         ADW_NAVIGATION_PAGE (self);
}

/* Continue Reading offers the guide read last, where it was left. */
static void
save_position (TendGuideView *self)
{
  const char *section;

  g_clear_handle_id (&self->save_position_id, g_source_remove);

  if (!is_read (self))
    return;

  /* Until the reader reaches the section it was opened at, that is where it is. */
  section = self->pending_section != NULL ? self->pending_section : self->current_section;

  g_settings_set_string (self->settings, "last-guide", tend_guide_get_id (self->guide));
  g_settings_set_string (self->settings, "last-guide-section", section != NULL ? section : "");
}

static gboolean
save_position_cb (gpointer user_data)
{
  TendGuideView *self = user_data;

  self->save_position_id = 0;
  save_position (self);
  return G_SOURCE_REMOVE;
}

/* The title once in the page: the big heading, and in the header bar only once that
 * heading has scrolled out of sight. */
static void
update_header_title (TendGuideView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
  GtkWidget *text = viewport != NULL ? gtk_viewport_get_child (GTK_VIEWPORT (viewport)) : NULL;
  graphene_rect_t bounds;
  gboolean heading_hidden = FALSE;

  /* Where the heading is in the whole text, against how far it is scrolled (the layout
   * may not have followed the scrolling yet) */
  if (text != NULL && gtk_widget_compute_bounds (GTK_WIDGET (self->title_label), text, &bounds))
    heading_hidden = gtk_adjustment_get_value (adjustment) >= bounds.origin.y + bounds.size.height;

  adw_header_bar_set_show_title (self->header_bar, heading_hidden);
}

static void
scrolled_cb (TendGuideView *self)
{
  update_current_section (self);
  update_header_title (self);

  /* Once scrolling settles, not at every frame of it. */
  g_clear_handle_id (&self->save_position_id, g_source_remove);
  self->save_position_id = g_timeout_add (500, save_position_cb, self);
}

typedef enum
{
  SCROLL_NOT_LAID_OUT,
  SCROLL_SHORT,    /* the text below is too short to scroll that far, yet */
  SCROLL_REACHED,
} ScrollResult;

static ScrollResult
scroll_to (TendGuideView *self,
           const char    *section_id)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  Anchor *anchor = find_anchor (self, section_id);
  double target;
  double y;

  if (anchor == NULL)
    {
      gtk_adjustment_set_value (adjustment, 0);
      return SCROLL_REACHED;
    }

  if (!gtk_widget_get_mapped (anchor->top) || !text_top (self, anchor->top, &y))
    return SCROLL_NOT_LAID_OUT;

  /* A little room above, so the heading or the card does not touch the header. */
  target = MAX (y - 18, 0);
  gtk_adjustment_set_value (adjustment, target);

  return G_APPROX_VALUE (gtk_adjustment_get_value (adjustment), target, 1) ? SCROLL_REACHED
                                                                          : SCROLL_SHORT;
}

/* A section near the end cannot reach the top; the layout is given a few frames to grow
 * before the reader settles for as far as it goes. */
#define SCROLL_MAX_FRAMES 10

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  TendGuideView *self = TEND_GUIDE_VIEW (widget);

  switch (scroll_to (self, self->pending_section))
    {
    case SCROLL_NOT_LAID_OUT:
      return G_SOURCE_CONTINUE;

    case SCROLL_SHORT:
      if (++self->scroll_frames < SCROLL_MAX_FRAMES)
        return G_SOURCE_CONTINUE;
      break;

    case SCROLL_REACHED:
    default:
      break;
    }

  g_clear_pointer (&self->pending_section, g_free);
  self->scroll_tick_id = 0;
  update_current_section (self);
  save_position (self);
  return G_SOURCE_REMOVE;
}

/**
 * tend_guide_view_scroll_to_section:
 * @section_id: (nullable): the id of a section or an exercise, or %NULL for the top
 *
 * Scrolls to the heading of @section_id, as soon as the guide is laid out.
 */
void
tend_guide_view_scroll_to_section (TendGuideView *self,
                                   const char    *section_id)
{
  g_return_if_fail (TEND_IS_GUIDE_VIEW (self));

  g_set_str (&self->pending_section, section_id != NULL ? section_id : "");
  self->scroll_frames = 0;
  if (self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb,
                                                         NULL, NULL);
}

static void
go_to_section_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TendGuideView *self = TEND_GUIDE_VIEW (widget);

  tend_guide_view_scroll_to_section (self, g_variant_get_string (parameter, NULL));
  gtk_widget_grab_focus (GTK_WIDGET (self->scroller));
}

/* Keyboard scrolling, while the text has the focus. */
static gboolean
key_pressed_cb (TendGuideView         *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  double target;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  /* The arrows move the focus between buttons; they scroll only from the text itself. */
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (!gtk_widget_has_focus (GTK_WIDGET (self->scroller)))
        return GDK_EVENT_PROPAGATE;
      target = value - ARROW_STEP;
      break;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (!gtk_widget_has_focus (GTK_WIDGET (self->scroller)))
        return GDK_EVENT_PROPAGATE;
      target = value + ARROW_STEP;
      break;

    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      target = value - page * 0.9;
      break;

    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      target = value + page * 0.9;
      break;

    case GDK_KEY_space:
      if (!gtk_widget_has_focus (GTK_WIDGET (self->scroller)))
        return GDK_EVENT_PROPAGATE;
      target = (state & GDK_SHIFT_MASK) != 0 ? value - page * 0.9 : value + page * 0.9;
      break;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      target = gtk_adjustment_get_lower (adjustment);
      break;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      target = gtk_adjustment_get_upper (adjustment);
      break;

    default:
      return GDK_EVENT_PROPAGATE;
    }

  gtk_adjustment_set_value (adjustment, target);
  return GDK_EVENT_STOP;
}

static void
shown_cb (TendGuideView *self)
{
  /* Ready to scroll with the keyboard. */
  gtk_widget_grab_focus (GTK_WIDGET (self->scroller));

  /* Back from a related guide, this is the guide being read again. */
  save_position (self);
}

/* GObject ------------------------------------------------------------------------------- */

static void
tend_guide_view_map (GtkWidget *widget)
{
  TendGuideView *self = TEND_GUIDE_VIEW (widget);

  GTK_WIDGET_CLASS (tend_guide_view_parent_class)->map (widget);

  save_position (self);
}

static void
tend_guide_view_unmap (GtkWidget *widget)
{
  TendGuideView *self = TEND_GUIDE_VIEW (widget);

  if (self->save_position_id != 0)
    save_position (self);

  GTK_WIDGET_CLASS (tend_guide_view_parent_class)->unmap (widget);
}

static void
tend_guide_view_constructed (GObject *object)
{
  TendGuideView *self = TEND_GUIDE_VIEW (object);

  G_OBJECT_CLASS (tend_guide_view_parent_class)->constructed (object);

  g_assert (TEND_IS_GUIDE_LIBRARY (self->library));
  g_assert (TEND_IS_GUIDE (self->guide));

  build (self);

  g_signal_connect_object (self->settings, "changed::guide-bookmarks",
                           G_CALLBACK (update_bookmark_button), self, G_CONNECT_SWAPPED);
  update_bookmark_button (self);
}

static void
tend_guide_view_dispose (GObject *object)
{
  TendGuideView *self = TEND_GUIDE_VIEW (object);

  if (self->scroll_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
      self->scroll_tick_id = 0;
    }
  g_clear_handle_id (&self->save_position_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), TEND_TYPE_GUIDE_VIEW);
  g_clear_pointer (&self->anchors, g_ptr_array_unref);
  g_clear_pointer (&self->pending_section, g_free);
  g_clear_pointer (&self->current_section, g_free);
  g_clear_object (&self->settings);
  g_clear_object (&self->guide);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (tend_guide_view_parent_class)->dispose (object);
}

static void
tend_guide_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TendGuideView *self = TEND_GUIDE_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_GUIDE:
      g_value_set_object (value, self->guide);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_guide_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TendGuideView *self = TEND_GUIDE_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_GUIDE:
      self->guide = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_guide_view_class_init (TendGuideViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tend_guide_view_constructed;
  object_class->dispose = tend_guide_view_dispose;
  object_class->get_property = tend_guide_view_get_property;
  object_class->set_property = tend_guide_view_set_property;
  widget_class->map = tend_guide_view_map;
  widget_class->unmap = tend_guide_view_unmap;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, TEND_TYPE_GUIDE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GUIDE] =
    g_param_spec_object ("guide", NULL, NULL, TEND_TYPE_GUIDE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/tend-guide-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TendGuideView, bookmark_button);
  gtk_widget_class_bind_template_child (widget_class, TendGuideView, contents_button);
  gtk_widget_class_bind_template_child (widget_class, TendGuideView, toc_sidebar);
  gtk_widget_class_bind_template_child (widget_class, TendGuideView, toc_box);
  gtk_widget_class_bind_template_child (widget_class, TendGuideView, scroller);
  gtk_widget_class_bind_template_child (widget_class, TendGuideView, content_box);
  gtk_widget_class_bind_template_child (widget_class, TendGuideView, title_label);
  gtk_widget_class_bind_template_child (widget_class, TendGuideView, header_bar);
  gtk_widget_class_bind_template_child (widget_class, TendGuideView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TendGuideView, details_label);
  gtk_widget_class_bind_template_child (widget_class, TendGuideView, body_box);
  gtk_widget_class_bind_template_callback (widget_class, bookmark_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, scrolled_cb);
  gtk_widget_class_bind_template_callback (widget_class, shown_cb);

  gtk_widget_class_install_action (widget_class, "reader.go-to-section", "s",
                                   go_to_section_action);
}

static void
tend_guide_view_init (TendGuideView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Headings move when the window is resized. */
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (update_current_section), self, G_CONNECT_SWAPPED);

  self->settings = g_settings_new (BASE_APP_ID);
  self->anchors = g_ptr_array_new_with_free_func (anchor_free);
}

/**
 * tend_guide_view_new:
 * @library: the guides, to show the related ones
 * @guide: the guide to show
 */
TendGuideView *
tend_guide_view_new (TendGuideLibrary *library,
                     TendGuide        *guide)
{
  g_return_val_if_fail (TEND_IS_GUIDE_LIBRARY (library), NULL);
  g_return_val_if_fail (TEND_IS_GUIDE (guide), NULL);

  return g_object_new (TEND_TYPE_GUIDE_VIEW,
                       "library", library,
                       "guide", guide,
                       NULL);
}

TendGuide *
tend_guide_view_get_guide (TendGuideView *self)
{
  g_return_val_if_fail (TEND_IS_GUIDE_VIEW (self), NULL);

  return self->guide;
}

/**
 * tend_guide_view_get_current_section:
 *
 * Returns: (nullable): the id of the section being read, the last whose heading has
 *   scrolled up to the top, or %NULL at the beginning of the guide
 */
const char *
tend_guide_view_get_current_section (TendGuideView *self)
{
  g_return_val_if_fail (TEND_IS_GUIDE_VIEW (self), NULL);

  return self->current_section;
}

/**
 * tend_guide_view_get_section_heading:
 *
 * Returns: (nullable) (transfer none): the heading of the section or exercise @section_id
 */
GtkWidget *
tend_guide_view_get_section_heading (TendGuideView *self,
                                     const char    *section_id)
{
  Anchor *anchor;

  g_return_val_if_fail (TEND_IS_GUIDE_VIEW (self), NULL);

  anchor = find_anchor (self, section_id);
  return anchor != NULL ? anchor->heading : NULL;
}

/**
 * tend_guide_view_get_section_title:
 * @guide: a guide
 * @section_id: (nullable): the id of one of its sections or exercises
 *
 * Returns: (nullable) (transfer none): the title of the section or exercise, or %NULL
 */
const char *
tend_guide_view_get_section_title (TendGuide  *guide,
                                   const char *section_id)
{
  GPtrArray *sections;
  GPtrArray *exercises;

  g_return_val_if_fail (TEND_IS_GUIDE (guide), NULL);

  if (section_id == NULL || *section_id == '\0')
    return NULL;

  if (g_str_equal (section_id, MORE_HELP_ID))
    return _("When to Look for More Help");

  sections = tend_guide_get_sections (guide);
  for (guint i = 0; i < sections->len; i++)
    {
      TendGuideSection *section = g_ptr_array_index (sections, i);

      if (g_strcmp0 (section->id, section_id) == 0)
        return section->title;
    }

  exercises = tend_guide_get_exercises (guide);
  for (guint i = 0; i < exercises->len; i++)
    {
      TendGuideExercise *exercise = g_ptr_array_index (exercises, i);

      if (g_strcmp0 (exercise->id, section_id) == 0)
        return exercise->title;
    }

  return NULL;
}
