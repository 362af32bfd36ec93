/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tend-grounding-exercise.h"

/* 5-4-3-2-1 grounding: five things to see, four to touch, three to hear, two to smell and
 * one to taste, one step at a time, then a gentle end. Each step has a short entry to
 * write in, if that helps; what is written stays in this widget's memory while it lives
 * and is never saved. */
struct _TendGroundingExercise
{
  AdwBin      parent_instance;

  /* Template widgets */
  GtkStack   *stack;
  GtkLabel   *progress_label;
  GtkLabel   *number_label;
  GtkLabel   *title_label;
  GtkLabel   *hint_label;
  GtkEntry   *note_entry;
  GtkButton  *back_button;
  GtkButton  *next_button;
  GtkButton  *again_button;

  /* Owned */
  char       *notes[TEND_GROUNDING_N_STEPS];

  guint       step;      /* 0 to TEND_GROUNDING_N_STEPS - 1 */
  gboolean    finished;
};

G_DEFINE_FINAL_TYPE (TendGroundingExercise, tend_grounding_exercise, ADW_TYPE_BIN)

typedef struct
{
  const char *title;
  const char *hint;
  const char *placeholder;
} Step;

static const Step steps[TEND_GROUNDING_N_STEPS] = {
  { N_("Notice five things you can see"),
    N_("Look around you slowly. Notice shapes, colors and small details you would usually pass by."),
    N_("What you can see") },
  { N_("Notice four things you can touch"),
    N_("Feel the seat under you, your feet on the floor, the air on your skin, something in your hands."),
    N_("What you can touch") },
  { N_("Notice three things you can hear"),
    N_("Listen for sounds near you and far away, even quiet ones."),
    N_("What you can hear") },
  { N_("Notice two things you can smell"),
    N_("Breathe in gently. If nothing comes, think of two smells you like."),
    N_("What you can smell") },
  { N_("Notice one thing you can taste"),
    N_("Notice the taste in your mouth, or take a sip of something."),
    N_("What you can taste") },
};

static void
keep_note (TendGroundingExercise *self)
{
  g_set_str (&self->notes[self->step], gtk_editable_get_text (GTK_EDITABLE (self->note_entry)));
}

static void
clear_notes (TendGroundingExercise *self)
{
  for (guint i = 0; i < TEND_GROUNDING_N_STEPS; i++)
    g_clear_pointer (&self->notes[i], g_free);

  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
}

static void
show_step (TendGroundingExercise *self)
{
  const Step *step = &steps[self->step];
  g_autofree char *progress = NULL;
  g_autofree char *number = NULL;

  /* Translators: Where the grounding exercise is, as in “Step 2 of 5”. */
  progress = g_strdup_printf (_("Step %u of %u"), self->step + 1, TEND_GROUNDING_N_STEPS);
  gtk_label_set_label (self->progress_label, progress);

  number = g_strdup_printf ("%u", TEND_GROUNDING_N_STEPS - self->step);
  gtk_label_set_label (self->number_label, number);
  gtk_label_set_label (self->title_label, _(step->title));
  gtk_label_set_label (self->hint_label, _(step->hint));

  gtk_entry_set_placeholder_text (self->note_entry, _(step->placeholder));
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry),
                         self->notes[self->step] != NULL ? self->notes[self->step] : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(step->placeholder),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Not saved: it is gone when you leave the exercise."),
                                  -1);

  gtk_widget_set_sensitive (GTK_WIDGET (self->back_button), self->step > 0);
  gtk_button_set_label (self->next_button, self->step + 1 < TEND_GROUNDING_N_STEPS ? _("_Next")
                                                                                    : _("_Finish"));
  gtk_stack_set_visible_child_name (self->stack, "step");
}

static void
next_clicked_cb (TendGroundingExercise *self)
{
  keep_note (self);

  if (self->step + 1 < TEND_GROUNDING_N_STEPS)
    {
      self->step++;
      show_step (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
      return;
    }

  /* What was written is let go at the end. */
  self->finished = TRUE;
  clear_notes (self);
  gtk_stack_set_visible_child_name (self->stack, "end");
  gtk_widget_grab_focus (GTK_WIDGET (self->again_button));
}

static void
back_clicked_cb (TendGroundingExercise *self)
{
  if (self->step == 0)
    return;

  keep_note (self);
  self->step--;
  show_step (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
}

/**
 * tend_grounding_exercise_restart:
 *
 * Goes back to the first step, with every entry empty.
 */
void
tend_grounding_exercise_restart (TendGroundingExercise *self)
{
  g_return_if_fail (TEND_IS_GROUNDING_EXERCISE (self));

  clear_notes (self);
  self->step = 0;
  self->finished = FALSE;
  show_step (self);
}

static void
again_clicked_cb (TendGroundingExercise *self)
{
  tend_grounding_exercise_restart (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
}

static void
tend_grounding_exercise_dispose (GObject *object)
{
  TendGroundingExercise *self = TEND_GROUNDING_EXERCISE (object);

  for (guint i = 0; i < TEND_GROUNDING_N_STEPS; i++)
    g_clear_pointer (&self->notes[i], g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), TEND_TYPE_GROUNDING_EXERCISE);

  G_OBJECT_CLASS (tend_grounding_exercise_parent_class)->dispose (object);
}

static void
tend_grounding_exercise_class_init (TendGroundingExerciseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tend_grounding_exercise_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/tend-grounding-exercise.ui");
  gtk_widget_class_bind_template_child (widget_class, TendGroundingExercise, stack);
  gtk_widget_class_bind_template_child (widget_class, TendGroundingExercise, progress_label);
  gtk_widget_class_bind_template_child (widget_class, TendGroundingExercise, number_label);
  gtk_widget_class_bind_template_child (widget_class, TendGroundingExercise, title_label);
  gtk_widget_class_bind_template_child (widget_class, TendGroundingExercise, hint_label);
  gtk_widget_class_bind_template_child (widget_class, TendGroundingExercise, note_entry);
  gtk_widget_class_bind_template_child (widget_class, TendGroundingExercise, back_button);
  gtk_widget_class_bind_template_child (widget_class, TendGroundingExercise, next_button);
  gtk_widget_class_bind_template_child (widget_class, TendGroundingExercise, again_button);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, again_clicked_cb);
}

static void
tend_grounding_exercise_init (TendGroundingExercise *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_step (self);
}

GtkWidget *
tend_grounding_exercise_new (void)
{
  return g_object_new (TEND_TYPE_GROUNDING_EXERCISE, NULL);
}

/**
 * tend_grounding_exercise_get_step:
 *
 * Returns: the step shown, from 0 (five things to see) to 4 (one thing to taste)
 */
guint
tend_grounding_exercise_get_step (TendGroundingExercise *self)
{
  g_return_val_if_fail (TEND_IS_GROUNDING_EXERCISE (self), 0);

  return self->step;
}

/**
 * tend_grounding_exercise_get_step_title:
 *
 * Returns: (transfer none): what the step shown asks, as in “Notice five things you can
 *   see”
 */
const char *
tend_grounding_exercise_get_step_title (TendGroundingExercise *self)
{
  g_return_val_if_fail (TEND_IS_GROUNDING_EXERCISE (self), NULL);

  return gtk_label_get_label (self->title_label);
}

/**
 * tend_grounding_exercise_get_finished:
 *
 * Returns: whether the five steps are done and the end shows
 */
gboolean
tend_grounding_exercise_get_finished (TendGroundingExercise *self)
{
  g_return_val_if_fail (TEND_IS_GROUNDING_EXERCISE (self), FALSE);

  return self->finished;
}
