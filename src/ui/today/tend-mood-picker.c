/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-mood-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "tend-mood-picker.h"

/* Five toggle buttons in one group, one for each mood level: a single click picks a mood,
 * and the arrow keys and Space work as in any row of buttons. */
struct _TendMoodPicker
{
  AdwBin     parent_instance;

  /* Borrowed */
  GtkWidget *buttons[TEND_MOOD_LAST + 1];

  TendMood   mood;
  gboolean   updating;
};

G_DEFINE_FINAL_TYPE (TendMoodPicker, tend_mood_picker, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MOOD,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
button_toggled_cb (GtkToggleButton *button,
                   TendMoodPicker  *self)
{
  TendMood mood = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "tend-mood"));

  if (self->updating)
    return;

  if (gtk_toggle_button_get_active (button))
    tend_mood_picker_set_mood (self, mood);
  else if (self->mood == mood)
    tend_mood_picker_set_mood (self, TEND_MOOD_NONE);
}

static GtkWidget *
create_button (TendMoodPicker *self,
               TendMood        mood)
{
  g_autofree char *css_class = g_strdup_printf ("mood-%s", tend_mood_get_nick (mood));
  GtkWidget *button;
  GtkWidget *box;
  GtkWidget *badge;
  GtkWidget *image;
  GtkWidget *label;

  image = gtk_image_new_from_icon_name (tend_mood_get_icon_name (mood));
  gtk_image_set_pixel_size (GTK_IMAGE (image), 32);
  gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  badge = adw_bin_new ();
  adw_bin_set_child (ADW_BIN (badge), image);
  gtk_widget_set_halign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "mood-badge");

  /* Two short lines read better than a cut word when the window is narrow. */
  label = gtk_label_new (tend_mood_get_label (mood));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_widget_set_valign (label, GTK_ALIGN_START);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_box_append (GTK_BOX (box), label);

  button = gtk_toggle_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "mood-button");
  gtk_widget_add_css_class (button, css_class);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_hexpand (button, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tend_mood_get_label (mood),
                                  -1);
  g_object_set_data (G_OBJECT (button), "tend-mood", GINT_TO_POINTER (mood));
  g_signal_connect_object (button, "toggled", G_CALLBACK (button_toggled_cb), self, 0);

  return button;
}

static void
tend_mood_picker_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TendMoodPicker *self = TEND_MOOD_PICKER (object);

  switch (prop_id)
    {
    case PROP_MOOD:
      g_value_set_int (value, self->mood);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_mood_picker_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TendMoodPicker *self = TEND_MOOD_PICKER (object);

  switch (prop_id)
    {
    case PROP_MOOD:
      tend_mood_picker_set_mood (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
tend_mood_picker_grab_focus (GtkWidget *widget)
{
  TendMoodPicker *self = TEND_MOOD_PICKER (widget);
  TendMood mood = self->mood != TEND_MOOD_NONE ? self->mood : TEND_MOOD_OKAY;

  return gtk_widget_grab_focus (self->buttons[mood]);
}

static void
tend_mood_picker_class_init (TendMoodPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tend_mood_picker_get_property;
  object_class->set_property = tend_mood_picker_set_property;
  widget_class->grab_focus = tend_mood_picker_grab_focus;

  /**
   * TendMoodPicker:mood:
   *
   * The chosen mood, or %TEND_MOOD_NONE before one is chosen.
   */
  properties[PROP_MOOD] =
    g_param_spec_int ("mood", NULL, NULL, TEND_MOOD_NONE, TEND_MOOD_LAST, TEND_MOOD_NONE,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "moodpicker");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tend_mood_picker_init (TendMoodPicker *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkToggleButton *group = NULL;

  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);

  for (TendMood mood = TEND_MOOD_FIRST; mood <= TEND_MOOD_LAST; mood++)
    {
      self->buttons[mood] = create_button (self, mood);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->buttons[mood]), group);
      group = GTK_TOGGLE_BUTTON (self->buttons[mood]);
      gtk_box_append (GTK_BOX (box), self->buttons[mood]);
    }

  adw_bin_set_child (ADW_BIN (self), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mood"),
                                  -1);
}

GtkWidget *
tend_mood_picker_new (void)
{
  return g_object_new (TEND_TYPE_MOOD_PICKER, NULL);
}

TendMood
tend_mood_picker_get_mood (TendMoodPicker *self)
{
  g_return_val_if_fail (TEND_IS_MOOD_PICKER (self), TEND_MOOD_NONE);

  return self->mood;
}

/**
 * tend_mood_picker_set_mood:
 * @mood: a mood, or %TEND_MOOD_NONE to clear the choice
 */
void
tend_mood_picker_set_mood (TendMoodPicker *self,
                           TendMood        mood)
{
  g_return_if_fail (TEND_IS_MOOD_PICKER (self));
  g_return_if_fail (mood == TEND_MOOD_NONE || tend_mood_is_valid (mood));

  if (self->mood == mood)
    return;

  self->mood = mood;

  self->updating = TRUE;
  for (TendMood m = TEND_MOOD_FIRST; m <= TEND_MOOD_LAST; m++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->buttons[m]), m == mood);
  self->updating = FALSE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOOD]);
}

/**
 * tend_mood_picker_get_button:
 *
 * Returns: (transfer none): the button that picks @mood
 */
GtkWidget *
tend_mood_picker_get_button (TendMoodPicker *self,
                             TendMood        mood)
{
  g_return_val_if_fail (TEND_IS_MOOD_PICKER (self), NULL);
  g_return_val_if_fail (tend_mood_is_valid (mood), NULL);

  return self->buttons[mood];
}
