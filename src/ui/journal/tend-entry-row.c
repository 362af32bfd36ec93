/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tend-date.h"
#include "tend-entry-row.h"

/* One check-in in the journal: its mood, its time and the start of its note. */
struct _TendEntryRow
{
  AdwBin     parent_instance;

  /* Template widgets */
  GtkWidget *badge;
  GtkImage  *mood_image;
  GtkLabel  *mood_label;
  GtkLabel  *time_label;
  GtkLabel  *note_label;

  /* Owned */
  TendEntry *entry;
  char      *badge_class;
};

G_DEFINE_FINAL_TYPE (TendEntryRow, tend_entry_row, ADW_TYPE_BIN)

static void
tend_entry_row_dispose (GObject *object)
{
  TendEntryRow *self = TEND_ENTRY_ROW (object);

  g_clear_object (&self->entry);
  g_clear_pointer (&self->badge_class, g_free);

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

/**
 * tend_entry_row_set_entry:
 * @entry: (nullable): the check-in to show
 */
void
tend_entry_row_set_entry (TendEntryRow *self,
                          TendEntry    *entry)
{
  g_autofree char *time = NULL;
  g_autofree char *preview = NULL;
  TendMood mood;

  g_return_if_fail (TEND_IS_ENTRY_ROW (self));
  g_return_if_fail (entry == NULL || TEND_IS_ENTRY (entry));

  if (!g_set_object (&self->entry, entry) || entry == NULL)
    return;

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

  preview = make_preview (tend_entry_get_note (entry));
  gtk_label_set_label (self->note_label, preview);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), preview[0] != '\0');
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
 * tend_entry_row_describe:
 *
 * Returns: (transfer full): what a screen reader says for the row: mood, time and note
 */
char *
tend_entry_row_describe (TendEntryRow *self)
{
  g_return_val_if_fail (TEND_IS_ENTRY_ROW (self), NULL);

  if (self->entry == NULL)
    return g_strdup ("");

  /* Translators: How a screen reader reads a check-in: the mood, the time, then the note. */
  return g_strdup_printf (_("%s, at %s. %s"),
                          gtk_label_get_label (self->mood_label),
                          gtk_label_get_label (self->time_label),
                          gtk_label_get_label (self->note_label));
}
