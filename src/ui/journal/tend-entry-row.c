/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tend-date.h"
#include "tend-emotion.h"
#include "tend-entry-row.h"
#include "tend-snippet.h"
#include "tend-text.h"

/* One check-in in the journal: its mood and time, its energy, feelings and tags, and the
 * start of its note. While searching, the words that matched are highlighted. */
struct _TendEntryRow
{
  AdwBin     parent_instance;

  /* Template widgets */
  GtkWidget *badge;
  GtkImage  *mood_image;
  GtkLabel  *mood_label;
  GtkLabel  *time_label;
  GtkLabel  *feelings_label;
  GtkLabel  *tags_label;
  GtkLabel  *note_label;

  /* Owned */
  TendEntry *entry;
  char      *badge_class;
  GStrv      search_words;  /* folded, or NULL when not searching */
  char      *description;
};

G_DEFINE_FINAL_TYPE (TendEntryRow, tend_entry_row, ADW_TYPE_BIN)

static void
tend_entry_row_dispose (GObject *object)
{
  TendEntryRow *self = TEND_ENTRY_ROW (object);

  g_clear_object (&self->entry);
  g_clear_pointer (&self->badge_class, g_free);
  g_clear_pointer (&self->search_words, g_strfreev);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (tend_entry_row_parent_class)->dispose (object);
}

static void
tend_entry_row_class_init (TendEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tend_entry_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/tend-entry-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TendEntryRow, badge);
  gtk_widget_class_bind_template_child (widget_class, TendEntryRow, mood_image);
  gtk_widget_class_bind_template_child (widget_class, TendEntryRow, mood_label);
  gtk_widget_class_bind_template_child (widget_class, TendEntryRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, TendEntryRow, feelings_label);
  gtk_widget_class_bind_template_child (widget_class, TendEntryRow, tags_label);
  gtk_widget_class_bind_template_child (widget_class, TendEntryRow, note_label);
}

static void
tend_entry_row_init (TendEntryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
tend_entry_row_new (void)
{
  return g_object_new (TEND_TYPE_ENTRY_ROW, NULL);
}

/* The words of @text, as tend_filter_build_match() finds them. */
static GStrv
split_words (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) word = g_string_new (NULL);
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  for (const char *p = valid;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0)
        {
          g_strv_builder_take (builder, tend_text_fold (word->str, word->len));
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
    }

  return g_strv_builder_end (builder);
}

/* Whether a word of @label starts with a word that was searched for. */
static gboolean
label_matches (TendEntryRow *self,
               const char   *label)
{
  g_auto(GStrv) words = NULL;

  if (self->search_words == NULL || self->search_words[0] == NULL)
    return FALSE;

  words = split_words (label);
  for (guint i = 0; words[i] != NULL; i++)
    for (guint j = 0; self->search_words[j] != NULL; j++)
      if (g_str_has_prefix (words[i], self->search_words[j]))
        return TRUE;

  return FALSE;
}

static void
append_item (TendEntryRow *self,
             GString      *markup,
             const char   *label)
{
  g_autofree char *escaped = g_markup_escape_text (label, -1);

  /* Translators: Separates the feelings and the tags shown under a check-in. */
  if (markup->len > 0)
    g_string_append (markup, _(" · "));

  if (label_matches (self, label))
    g_string_append_printf (markup, TEND_SNIPPET_HIGHLIGHT_START "%s" TEND_SNIPPET_HIGHLIGHT_END, escaped);
  else
    g_string_append (markup, escaped);
}

/* The note is shown as a preview: its first lines, with runs of blank lines folded. */
static char *
make_preview (const char *note)
{
  g_autofree char *head = g_utf8_substring (note, 0, MIN (g_utf8_strlen (note, -1), 400));
  g_auto(GStrv) lines = g_strsplit (head, "\n", -1);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) joined = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        g_strv_builder_add (kept, lines[i]);
    }

  joined = g_strv_builder_end (kept);
  return g_strjoinv ("\n", joined);
}

static void
set_markup_label (GtkLabel   *label,
                  GString    *markup)
{
  gtk_label_set_markup (label, markup->str);
  gtk_widget_set_visible (GTK_WIDGET (label), markup->len > 0);
}

/* The stand-in of a check-in that could not be read: its time, and a plain word on why
 * nothing else is shown. It has no mood, so the badge is a neutral one. */
static void
update_unreadable (TendEntryRow *self)
{
  g_autofree char *time = tend_date_format_time (tend_entry_get_occurred_at (self->entry));
  const char *title = _("Check-in Could Not Be Read");
  const char *body = _("Part of this check-in is damaged, so Tend cannot show it. Restoring a "
                       "backup in Preferences may bring it back.");

  if (self->badge_class != NULL)
    gtk_widget_remove_css_class (self->badge, self->badge_class);
  g_free (self->badge_class);
  self->badge_class = g_strdup ("mood-unreadable");
  gtk_widget_add_css_class (self->badge, self->badge_class);

  gtk_image_set_from_icon_name (self->mood_image, "dialog-question-symbolic");
  gtk_label_set_label (self->mood_label, title);
  gtk_label_set_label (self->time_label, time);
  gtk_widget_set_visible (GTK_WIDGET (self->feelings_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->tags_label), FALSE);
  gtk_label_set_label (self->note_label, body);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), TRUE);

  g_free (self->description);
  /* Translators: How a screen reader reads a check-in that could not be read: its title,
   * its time, then why. */
  self->description = g_strdup_printf (_("%s, at %s. %s"), title, time, body);
}

static void
update (TendEntryRow *self)
{
  TendEntry *entry = self->entry;
  const char * const *emotions = tend_entry_get_emotions (entry);
  const char * const *tags = tend_entry_get_tags (entry);
  const char *snippet = tend_entry_get_snippet (entry);
  g_autoptr(GString) feelings = g_string_new (NULL);
  g_autoptr(GString) tag_markup = g_string_new (NULL);
  g_autoptr(GString) spoken = g_string_new (NULL);
  g_autoptr(GStrvBuilder) emotion_labels = g_strv_builder_new ();
  g_auto(GStrv) emotion_strv = NULL;
  g_autofree char *time = NULL;
  g_autofree char *note_text = NULL;
  TendEnergy energy = tend_entry_get_energy (entry);
  TendMood mood;

  if (!tend_entry_is_readable (entry))
    {
      update_unreadable (self);
      return;
    }

  mood = tend_entry_get_mood (entry);
  if (self->badge_class != NULL)
    gtk_widget_remove_css_class (self->badge, self->badge_class);
  g_free (self->badge_class);
  self->badge_class = g_strdup_printf ("mood-%s", tend_mood_get_nick (mood));
  gtk_widget_add_css_class (self->badge, self->badge_class);

  gtk_image_set_from_icon_name (self->mood_image, tend_mood_get_icon_name (mood));
  gtk_label_set_label (self->mood_label, tend_mood_get_label (mood));

  time = tend_date_format_time (tend_entry_get_occurred_at (entry));
  gtk_label_set_label (self->time_label, time);

  /* Whole phrases, so each language can make the level agree with its word for energy
   * ("Énergie élevée"): "Énergie : Élevée · Calme" read as if Calme were a level too. */
  switch (energy)
    {
    case TEND_ENERGY_LOW:
      /* Translators: How much energy the writer had, under a check-in */
      append_item (self, feelings, _("Low energy"));
      break;
    case TEND_ENERGY_MEDIUM:
      /* Translators: How much energy the writer had, under a check-in */
      append_item (self, feelings, _("Medium energy"));
      break;
    case TEND_ENERGY_HIGH:
      /* Translators: How much energy the writer had, under a check-in */
      append_item (self, feelings, _("High energy"));
      break;
    case TEND_ENERGY_NONE:
    default:
      break;
    }
  for (guint i = 0; emotions[i] != NULL; i++)
    {
      append_item (self, feelings, tend_emotion_get_label (emotions[i]));
      g_strv_builder_add (emotion_labels, tend_emotion_get_label (emotions[i]));
    }
  set_markup_label (self->feelings_label, feelings);

  for (guint i = 0; tags[i] != NULL; i++)
    append_item (self, tag_markup, tags[i]);
  set_markup_label (self->tags_label, tag_markup);

  if (snippet != NULL && strchr (snippet, TEND_SNIPPET_MATCH_START) != NULL)
    {
      g_autofree char *markup = tend_snippet_to_markup (snippet);

      gtk_label_set_markup (self->note_label, markup);
      note_text = tend_snippet_to_text (snippet);
    }
  else
    {
      note_text = make_preview (tend_entry_get_note (entry));
      gtk_label_set_label (self->note_label, note_text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note_text[0] != '\0');

  /* Translators: How a screen reader reads a check-in: the mood, then the time. */
  g_string_append_printf (spoken, _("%s, at %s."), tend_mood_get_label (mood), time);
  if (energy != TEND_ENERGY_NONE)
    {
      g_string_append_c (spoken, ' ');
      /* Translators: Read by screen readers after a check-in's mood. */
      g_string_append_printf (spoken, _("Energy: %s."), tend_energy_get_label (energy));
    }
  emotion_strv = g_strv_builder_end (emotion_labels);
  if (emotion_strv[0] != NULL)
    {
      /* Translators: Joins the names of feelings or tags for screen readers. */
      g_autofree char *list = g_strjoinv (_(", "), emotion_strv);

      g_string_append_c (spoken, ' ');
      /* Translators: Read by screen readers: the feelings of a check-in. */
      g_string_append_printf (spoken, _("Emotions: %s."), list);
    }
  if (tags[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (_(", "), (char **) tags);

      g_string_append_c (spoken, ' ');
      /* Translators: Read by screen readers: the tags of a check-in. */
      g_string_append_printf (spoken, _("Activities: %s."), list);
    }
  if (note_text[0] != '\0')
    {
      g_autofree char *start = g_utf8_substring (note_text, 0,
                                                 MIN (g_utf8_strlen (note_text, -1), 160));

      g_string_append_c (spoken, ' ');
      g_string_append (spoken, start);
    }

  g_free (self->description);
  self->description = g_string_free_and_steal (g_steal_pointer (&spoken));
}

/**
 * tend_entry_row_set_search:
 * @text: (nullable): what is searched for, whose words are highlighted in the feelings
 *   and tags; the note's matches come from the entry's snippet
 *
 * Takes effect at the next tend_entry_row_set_entry().
 */
void
tend_entry_row_set_search (TendEntryRow *self,
                           const char   *text)
{
  g_return_if_fail (TEND_IS_ENTRY_ROW (self));

  g_clear_pointer (&self->search_words, g_strfreev);
  if (text != NULL && text[0] != '\0')
    self->search_words = split_words (text);
}

/**
 * tend_entry_row_set_entry:
 * @entry: (nullable): the check-in to show
 */
void
tend_entry_row_set_entry (TendEntryRow *self,
                          TendEntry    *entry)
{
  g_return_if_fail (TEND_IS_ENTRY_ROW (self));
  g_return_if_fail (entry == NULL || TEND_IS_ENTRY (entry));

  g_set_object (&self->entry, entry);
  if (entry != NULL)
    update (self);
}

/**
 * tend_entry_row_get_entry:
 *
 * Returns: (transfer none) (nullable): the check-in shown
 */
TendEntry *
tend_entry_row_get_entry (TendEntryRow *self)
{
  g_return_val_if_fail (TEND_IS_ENTRY_ROW (self), NULL);

  return self->entry;
}

/**
 * tend_entry_row_get_note_markup:
 *
 * Returns: (transfer none): the markup of the note as shown, with highlights
 */
const char *
tend_entry_row_get_note_markup (TendEntryRow *self)
{
  g_return_val_if_fail (TEND_IS_ENTRY_ROW (self), NULL);

  return gtk_label_get_label (self->note_label);
}

/**
 * tend_entry_row_describe:
 *
 * Returns: (transfer full): what a screen reader says for the row: mood, time, energy,
 *   feelings, tags and the start of the note
 */
char *
tend_entry_row_describe (TendEntryRow *self)
{
  g_return_val_if_fail (TEND_IS_ENTRY_ROW (self), NULL);

  if (self->entry == NULL)
    return g_strdup ("");

  return g_strdup (self->description);
}

/**
 * tend_entry_row_create_list_row:
 * @item: a #TendEntry
 *
 * A #GtkListBoxCreateWidgetFunc: a list box row showing @item, named for screen readers
 * by what it shows.
 *
 * Returns: (transfer full): the row
 */
GtkWidget *
tend_entry_row_create_list_row (gpointer item,
                                gpointer user_data)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *entry_row = tend_entry_row_new ();
  g_autofree char *description = NULL;

  tend_entry_row_set_entry (TEND_ENTRY_ROW (entry_row), item);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), entry_row);
  description = tend_entry_row_describe (TEND_ENTRY_ROW (entry_row));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  return row;
}
