/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tend-guide-row.h"
#include "tend-snippet.h"

/* A guide in a list: its icon, title and summary and how long it takes to read.
 * Activating the row runs guides.open with the guide's id and the section to open at.
 * The same row shows a search result (the section found and the words that matched) and
 * the guide to continue reading (the section it was left at). */
struct _TendGuideRow
{
  AdwActionRow  parent_instance;

  /* Owned */
  TendGuide    *guide;
  char         *section_id;

  /* Borrowed */
  GtkWidget    *time_label;
};

G_DEFINE_FINAL_TYPE (TendGuideRow, tend_guide_row, ADW_TYPE_ACTION_ROW)

/* One icon a guide, from the symbolic icons of the Adwaita theme that GNOME's runtime
 * ships (none from its "legacy" folder, which is going away). */
static const struct {
  const char *guide_id;
  const char *icon_name;
} guide_icons[] = {
  { "stress", "weather-storm-symbolic" },
  { "low-mood", "weather-overcast-symbolic" },
  { "anxiety", "face-worried-symbolic" },
  { "loneliness", "avatar-default-symbolic" },
  { "talking", "user-available-symbolic" },
  { "parenting", "user-home-symbolic" },
  { "life-online", "phone-symbolic" },
  { "grief", "emote-love-symbolic" },
  { "money", "input-dialpad-symbolic" },
  { "after-crisis", "daytime-sunrise-symbolic" },
  { "sleep", "weather-clear-night-symbolic" },
  { "alcohol-drugs", "security-high-symbolic" },
  { "depression", "weather-fog-symbolic" },
  { "self-harm", "security-medium-symbolic" },
  { "eating-disorders", "emoji-food-symbolic" },
  { "bullying", "security-low-symbolic" },
  { "speaking-up", "chat-message-new-symbolic" },
  { "peer-support", "emoji-people-symbolic" },
  { "new-parents", "weather-few-clouds-symbolic" },
  /* The lifebuoy of Get Help Now, which the guide leads to */
  { "suicidal-thoughts", "tend-help-symbolic" },
};

#define DEFAULT_GUIDE_ICON "help-contents-symbolic"

/**
 * tend_guide_row_get_icon_name:
 * @guide_id: the id of a guide, such as "sleep"
 *
 * Returns: (transfer none): the name of the guide's symbolic icon
 */
const char *
tend_guide_row_get_icon_name (const char *guide_id)
{
  g_return_val_if_fail (guide_id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (guide_icons); i++)
    if (g_str_equal (guide_icons[i].guide_id, guide_id))
      return guide_icons[i].icon_name;

  return DEFAULT_GUIDE_ICON;
}

/* The guides' icons, looked up once and kept for the life of the process (a dozen small
 * paintables). Rows come and go with every letter typed in the search; an image made from
 * an icon name would look its icon up again each time, and GTK 4.18 can then lose a race
 * between that lookup and a loading thread dropping the same icon (a critical, then a
 * crash). Kept here, an icon is never dropped, and never loaded twice. Looked up at twice
 * the size, so it stays sharp on a scaled display. */
static GdkPaintable *
lookup_icon (const char *icon_name)
{
  static GHashTable *icons;
  GtkTextDirection direction = gtk_widget_get_default_direction ();
  g_autofree char *key = g_strdup_printf ("%s:%d", icon_name, direction);
  GtkIconPaintable *icon;

  if (icons == NULL)
    icons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  icon = g_hash_table_lookup (icons, key);
  if (icon == NULL)
    {
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

      icon = gtk_icon_theme_lookup_icon (theme, icon_name, NULL, 16, 2, direction, 0);
      g_hash_table_insert (icons, g_steal_pointer (&key), icon);
    }

  return GDK_PAINTABLE (icon);
}

static GtkWidget *
icon_image_new (const char *icon_name)
{
  GtkWidget *image = gtk_image_new_from_paintable (lookup_icon (icon_name));

  gtk_image_set_pixel_size (GTK_IMAGE (image), 16);
  return image;
}

/**
 * tend_guide_row_format_reading_time:
 *
 * Returns: (transfer full): how long a guide takes to read, as in “5 min read”
 */
char *
tend_guide_row_format_reading_time (guint minutes)
{
  /* Translators: How long a guide takes to read, in minutes. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u min read", "%u min read", minutes),
                          minutes);
}

static void
tend_guide_row_dispose (GObject *object)
{
  TendGuideRow *self = TEND_GUIDE_ROW (object);

  g_clear_object (&self->guide);
  g_clear_pointer (&self->section_id, g_free);

  G_OBJECT_CLASS (tend_guide_row_parent_class)->dispose (object);
}

static void
tend_guide_row_class_init (TendGuideRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tend_guide_row_dispose;
}

static void
tend_guide_row_init (TendGuideRow *self)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 0);
  gtk_widget_add_css_class (GTK_WIDGET (self), "guide-row");
}

static void
update_action (TendGuideRow *self)
{
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "(ss)",
                                    tend_guide_get_id (self->guide),
                                    self->section_id != NULL ? self->section_id : "");
}

/**
 * tend_guide_row_new:
 * @guide: the guide to show
 *
 * Returns: (transfer floating): a row that opens @guide at its beginning
 */
GtkWidget *
tend_guide_row_new (TendGuide *guide)
{
  TendGuideRow *self;
  GtkWidget *badge;
  GtkWidget *icon;
  GtkWidget *arrow;
  g_autofree char *reading_time = NULL;

  g_return_val_if_fail (TEND_IS_GUIDE (guide), NULL);

  self = g_object_new (TEND_TYPE_GUIDE_ROW, NULL);
  self->guide = g_object_ref (guide);

  /* Titles and summaries are plain text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), tend_guide_get_title (guide));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), tend_guide_get_summary (guide));

  icon = icon_image_new (tend_guide_row_get_icon_name (tend_guide_get_id (guide)));
  badge = adw_bin_new ();
  adw_bin_set_child (ADW_BIN (badge), icon);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "guide-icon");
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), badge);

  reading_time = tend_guide_row_format_reading_time (tend_guide_get_reading_minutes (guide));
  self->time_label = gtk_label_new (reading_time);
  gtk_widget_add_css_class (self->time_label, "dimmed");
  gtk_widget_add_css_class (self->time_label, "caption");
  gtk_widget_add_css_class (self->time_label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->time_label);

  arrow = icon_image_new ("go-next-symbolic");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), arrow);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (self), "guides.open");
  update_action (self);

  return GTK_WIDGET (self);
}

TendGuide *
tend_guide_row_get_guide (TendGuideRow *self)
{
  g_return_val_if_fail (TEND_IS_GUIDE_ROW (self), NULL);

  return self->guide;
}

/**
 * tend_guide_row_get_section_id:
 *
 * Returns: (nullable): the section the row opens the guide at, or %NULL for its beginning
 */
const char *
tend_guide_row_get_section_id (TendGuideRow *self)
{
  g_return_val_if_fail (TEND_IS_GUIDE_ROW (self), NULL);

  return self->section_id;
}

/**
 * tend_guide_row_set_section:
 * @section_id: (nullable): where to open the guide, or %NULL for its beginning
 * @subtitle: (nullable): what to show under the title instead of the summary
 */
void
tend_guide_row_set_section (TendGuideRow *self,
                            const char   *section_id,
                            const char   *subtitle)
{
  g_return_if_fail (TEND_IS_GUIDE_ROW (self));

  g_set_str (&self->section_id, section_id != NULL && *section_id != '\0' ? section_id : NULL);
  update_action (self);

  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
}

/**
 * tend_guide_row_set_match:
 * @section_id: (nullable): the section where the search found the words
 * @section_title: (nullable): its title
 * @snippet: the text found, with each match between U+0002 and U+0003
 *
 * Shows the row as a search result: the section's title and the snippet with the words
 * that matched in bold, in place of the summary.
 */
void
tend_guide_row_set_match (TendGuideRow *self,
                          const char   *section_id,
                          const char   *section_title,
                          const char   *snippet)
{
  g_autofree char *title = NULL;
  g_autofree char *snippet_markup = NULL;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (TEND_IS_GUIDE_ROW (self));
  g_return_if_fail (snippet != NULL);

  tend_guide_row_set_section (self, section_id, NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), TRUE);
  title = g_markup_escape_text (tend_guide_get_title (self->guide), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);

  snippet_markup = tend_snippet_to_markup (snippet);
  if (section_title != NULL && *section_title != '\0')
    {
      g_autofree char *section = g_markup_escape_text (section_title, -1);

      subtitle = g_strdup_printf ("<span weight=\"bold\">%s</span>\n%s", section, snippet_markup);
    }
  else
    subtitle = g_steal_pointer (&snippet_markup);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  gtk_widget_set_visible (self->time_label, FALSE);
}
