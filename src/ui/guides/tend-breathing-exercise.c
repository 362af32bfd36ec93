/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tend-breathing-exercise.h"

/* Paced breathing: a circle grows while breathing in, stays full while holding and
 * shrinks while breathing out, with the phase in words and a count of seconds. The pace
 * is the user's (GSettings breathing-*-seconds). Where animations are turned off (reduced
 * motion), there is no circle: the words and a calm progress bar only.
 *
 * Time comes from the frame clock, through tend_breathing_exercise_tick(), which the
 * tests call with frame times of their own. */

/* TendBreathingCircle ----------------------------------------------------------------- */

#define TEND_TYPE_BREATHING_CIRCLE (tend_breathing_circle_get_type ())

G_DECLARE_FINAL_TYPE (TendBreathingCircle, tend_breathing_circle, TEND, BREATHING_CIRCLE, GtkWidget)

struct _TendBreathingCircle
{
  GtkWidget parent_instance;

  double    fullness;  /* 0 (breath out) to 1 (breath in) */
};

G_DEFINE_FINAL_TYPE (TendBreathingCircle, tend_breathing_circle, GTK_TYPE_WIDGET)

#define CIRCLE_SIZE     200
#define CIRCLE_MIN_SIZE 120

static void
append_disc (GtkSnapshot   *snapshot,
             float          cx,
             float          cy,
             float          radius,
             const GdkRGBA *color)
{
  GskRoundedRect disc;

  gsk_rounded_rect_init_from_rect (&disc,
                                   &GRAPHENE_RECT_INIT (cx - radius, cy - radius,
                                                        2 * radius, 2 * radius),
                                   radius);
  gtk_snapshot_push_rounded_clip (snapshot, &disc);
  gtk_snapshot_append_color (snapshot, color, &disc.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
tend_breathing_circle_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  TendBreathingCircle *self = TEND_BREATHING_CIRCLE (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  float outer = MIN (width, height) / 2;
  float inner = outer * (0.3 + 0.7 * self->fullness);
  GdkRGBA color;
  GdkRGBA faint;

  gtk_widget_get_color (widget, &color);
  faint = color;
  faint.alpha *= 0.15;
  color.alpha *= 0.75;

  /* The whole breath, faintly, and how full it is now. */
  append_disc (snapshot, width / 2, height / 2, outer, &faint);
  append_disc (snapshot, width / 2, height / 2, inner, &color);
}

static void
tend_breathing_circle_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  *minimum = CIRCLE_MIN_SIZE;
  *natural = CIRCLE_SIZE;
}

static void
tend_breathing_circle_class_init (TendBreathingCircleClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = tend_breathing_circle_snapshot;
  widget_class->measure = tend_breathing_circle_measure;
  gtk_widget_class_set_css_name (widget_class, "breathingcircle");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
tend_breathing_circle_init (TendBreathingCircle *self)
{
}

static void
tend_breathing_circle_set_fullness (TendBreathingCircle *self,
                                    double               fullness)
{
  if (G_APPROX_VALUE (self->fullness, fullness, 0.0005))
    return;

  self->fullness = fullness;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* TendBreathingExercise --------------------------------------------------------------- */

struct _TendBreathingExercise
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkLabel            *intro_label;
  TendBreathingCircle *circle;
  GtkLabel            *phase_label;
  GtkLabel            *count_label;
  GtkProgressBar      *progress_bar;
  GtkButton           *start_button;
  AdwSpinRow          *in_row;
  AdwSpinRow          *hold_row;
  AdwSpinRow          *out_row;

  /* Owned */
  GSettings           *settings;
  GtkSettings         *gtk_settings;

  TendBreathingPhase   phase;
  gint64               phase_elapsed;    /* µs into the phase */
  gint64               last_frame_time;  /* µs, or 0 before the first frame */
  guint                breaths;          /* completed */
  guint                tick_id;
  gboolean             running;
  gboolean             animated;
};

G_DEFINE_FINAL_TYPE (TendBreathingExercise, tend_breathing_exercise, ADW_TYPE_BIN)

/* Frames further apart than this (the window was hidden, the system busy) count as this. */
#define MAX_FRAME_GAP G_USEC_PER_SEC

static gint64
phase_duration (TendBreathingExercise *self,
                TendBreathingPhase     phase)
{
  const char *key;

  switch (phase)
    {
    case TEND_BREATHING_PHASE_IN:
      key = "breathing-in-seconds";
      break;

    case TEND_BREATHING_PHASE_HOLD:
      key = "breathing-hold-seconds";
      break;

    case TEND_BREATHING_PHASE_OUT:
      key = "breathing-out-seconds";
      break;

    case TEND_BREATHING_PHASE_READY:
    default:
      return 0;
    }

  return (gint64) MAX (g_settings_get_int (self->settings, key), 0) * G_USEC_PER_SEC;
}

static TendBreathingPhase
next_phase (TendBreathingExercise *self,
            TendBreathingPhase     phase)
{
  switch (phase)
    {
    case TEND_BREATHING_PHASE_IN:
      return phase_duration (self, TEND_BREATHING_PHASE_HOLD) > 0 ? TEND_BREATHING_PHASE_HOLD
                                                                   : TEND_BREATHING_PHASE_OUT;

    case TEND_BREATHING_PHASE_HOLD:
      return TEND_BREATHING_PHASE_OUT;

    case TEND_BREATHING_PHASE_OUT:
    case TEND_BREATHING_PHASE_READY:
    default:
      return TEND_BREATHING_PHASE_IN;
    }
}

static double
phase_progress (TendBreathingExercise *self)
{
  gint64 duration = phase_duration (self, self->phase);

  if (duration <= 0)
    return 0;

  return CLAMP ((double) self->phase_elapsed / duration, 0, 1);
}

/* Eased, so the circle starts and ends each breath slowly, as breathing does. */
static double
ease (double t)
{
  return t * t * (3 - 2 * t);
}

/**
 * tend_breathing_exercise_get_fullness:
 *
 * Returns: how full the breath is now, from 0 (all out) to 1 (all in): the size of the
 *   circle
 */
double
tend_breathing_exercise_get_fullness (TendBreathingExercise *self)
{
  g_return_val_if_fail (TEND_IS_BREATHING_EXERCISE (self), 0);

  switch (self->phase)
    {
    case TEND_BREATHING_PHASE_IN:
      return ease (phase_progress (self));

    case TEND_BREATHING_PHASE_HOLD:
      return 1;

    case TEND_BREATHING_PHASE_OUT:
      return 1 - ease (phase_progress (self));

    case TEND_BREATHING_PHASE_READY:
    default:
      return 0;
    }
}

static const char *
describe_phase (TendBreathingPhase phase)
{
  switch (phase)
    {
    case TEND_BREATHING_PHASE_IN:
      return _("Breathe in");

    case TEND_BREATHING_PHASE_HOLD:
      return _("Hold");

    case TEND_BREATHING_PHASE_OUT:
      return _("Breathe out");

    case TEND_BREATHING_PHASE_READY:
    default:
      return _("Ready when you are");
    }
}

static void
update_phase_text (TendBreathingExercise *self)
{
  const char *text = describe_phase (self->phase);

  /* The label is a live region: set only on a change, so a screen reader says each phase
   * once. */
  if (g_strcmp0 (gtk_label_get_label (self->phase_label), text) != 0)
    gtk_label_set_label (self->phase_label, text);
}

static void
update_progress (TendBreathingExercise *self)
{
  guint count = tend_breathing_exercise_get_count (self);
  double fullness = tend_breathing_exercise_get_fullness (self);

  if (count > 0)
    {
      g_autofree char *text = g_strdup_printf ("%u", count);

      gtk_label_set_label (self->count_label, text);
    }
  else
    gtk_label_set_label (self->count_label, "");

  tend_breathing_circle_set_fullness (self->circle, fullness);
  /* Without the circle, the bar fills as the breath does, in a straight line. */
  switch (self->phase)
    {
    case TEND_BREATHING_PHASE_IN:
      gtk_progress_bar_set_fraction (self->progress_bar, phase_progress (self));
      break;

    case TEND_BREATHING_PHASE_HOLD:
      gtk_progress_bar_set_fraction (self->progress_bar, 1);
      break;

    case TEND_BREATHING_PHASE_OUT:
      gtk_progress_bar_set_fraction (self->progress_bar, 1 - phase_progress (self));
      break;

    case TEND_BREATHING_PHASE_READY:
    default:
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      break;
    }
}

static void
update_button (TendBreathingExercise *self)
{
  if (self->running)
    gtk_button_set_label (self->start_button, _("_Pause"));
  else if (self->phase == TEND_BREATHING_PHASE_READY)
    gtk_button_set_label (self->start_button, _("_Start"));
  else
    gtk_button_set_label (self->start_button, _("_Continue"));
}

static void
update_animated (TendBreathingExercise *self)
{
  gboolean animated = TRUE;

  g_object_get (self->gtk_settings, "gtk-enable-animations", &animated, NULL);
  self->animated = animated;

  gtk_widget_set_visible (GTK_WIDGET (self->circle), animated);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), !animated);
  gtk_label_set_label (self->intro_label,
                       animated ? _("Breathe in as the circle grows, and out as it shrinks. "
                                    "Breathe gently, through your nose if you can.")
                                : _("Breathe in as the bar fills, and out as it empties. "
                                    "Breathe gently, through your nose if you can."));
}

static void
advance (TendBreathingExercise *self,
         gint64                 delta)
{
  if (self->phase != TEND_BREATHING_PHASE_READY)
    {
      self->phase_elapsed += delta;

      /* At most a whole breath a step; the settings' ranges keep every phase but the hold
       * longer than zero, so this ends. */
      for (guint i = 0; i < 4; i++)
        {
          gint64 duration = phase_duration (self, self->phase);

          if (self->phase_elapsed < duration)
            break;

          if (self->phase == TEND_BREATHING_PHASE_OUT)
            self->breaths++;

          self->phase_elapsed -= duration;
          self->phase = next_phase (self, self->phase);
        }
    }

  update_phase_text (self);
  update_progress (self);
}

/**
 * tend_breathing_exercise_tick:
 * @frame_time: the time of a frame, in microseconds, as gdk_frame_clock_get_frame_time()
 *
 * Moves the exercise on to @frame_time. The frame clock calls it while the exercise runs;
 * tests call it with times of their own.
 */
void
tend_breathing_exercise_tick (TendBreathingExercise *self,
                              gint64                 frame_time)
{
  gint64 delta;

  g_return_if_fail (TEND_IS_BREATHING_EXERCISE (self));

  if (!self->running)
    return;

  if (self->last_frame_time == 0)
    {
      self->last_frame_time = frame_time;
      return;
    }

  delta = CLAMP (frame_time - self->last_frame_time, 0, MAX_FRAME_GAP);
  self->last_frame_time = frame_time;
  advance (self, delta);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  tend_breathing_exercise_tick (TEND_BREATHING_EXERCISE (widget),
                                gdk_frame_clock_get_frame_time (frame_clock));
  return G_SOURCE_CONTINUE;
}

/**
 * tend_breathing_exercise_start:
 *
 * Starts the exercise, or continues it where it was paused.
 */
void
tend_breathing_exercise_start (TendBreathingExercise *self)
{
  g_return_if_fail (TEND_IS_BREATHING_EXERCISE (self));

  if (self->running)
    return;

  self->running = TRUE;
  self->last_frame_time = 0;
  if (self->phase == TEND_BREATHING_PHASE_READY)
    {
      self->phase = TEND_BREATHING_PHASE_IN;
      self->phase_elapsed = 0;
      self->breaths = 0;
    }

  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);

  update_phase_text (self);
  update_progress (self);
  update_button (self);
}

void
tend_breathing_exercise_pause (TendBreathingExercise *self)
{
  g_return_if_fail (TEND_IS_BREATHING_EXERCISE (self));

  if (!self->running)
    return;

  self->running = FALSE;
  self->last_frame_time = 0;
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }

  update_button (self);
}

static void
start_clicked_cb (TendBreathingExercise *self)
{
  if (self->running)
    tend_breathing_exercise_pause (self);
  else
    tend_breathing_exercise_start (self);
}

static void
pace_changed_cb (TendBreathingExercise *self)
{
  gint64 duration = phase_duration (self, self->phase);

  /* A phase made shorter than the time already spent in it ends now. */
  if (self->phase != TEND_BREATHING_PHASE_READY && self->phase_elapsed > duration)
    self->phase_elapsed = duration;

  advance (self, 0);
}

/* Leaving the exercise, even for another page, pauses it. */
static void
tend_breathing_exercise_unmap (GtkWidget *widget)
{
  tend_breathing_exercise_pause (TEND_BREATHING_EXERCISE (widget));

  GTK_WIDGET_CLASS (tend_breathing_exercise_parent_class)->unmap (widget);
}

static void
tend_breathing_exercise_dispose (GObject *object)
{
  TendBreathingExercise *self = TEND_BREATHING_EXERCISE (object);

  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), TEND_TYPE_BREATHING_EXERCISE);
  g_clear_object (&self->settings);
  g_clear_object (&self->gtk_settings);

  G_OBJECT_CLASS (tend_breathing_exercise_parent_class)->dispose (object);
}

static void
tend_breathing_exercise_class_init (TendBreathingExerciseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tend_breathing_exercise_dispose;
  widget_class->unmap = tend_breathing_exercise_unmap;

  g_type_ensure (TEND_TYPE_BREATHING_CIRCLE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/tend-breathing-exercise.ui");
  gtk_widget_class_bind_template_child (widget_class, TendBreathingExercise, intro_label);
  gtk_widget_class_bind_template_child (widget_class, TendBreathingExercise, circle);
  gtk_widget_class_bind_template_child (widget_class, TendBreathingExercise, phase_label);
  gtk_widget_class_bind_template_child (widget_class, TendBreathingExercise, count_label);
  gtk_widget_class_bind_template_child (widget_class, TendBreathingExercise, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TendBreathingExercise, start_button);
  gtk_widget_class_bind_template_child (widget_class, TendBreathingExercise, in_row);
  gtk_widget_class_bind_template_child (widget_class, TendBreathingExercise, hold_row);
  gtk_widget_class_bind_template_child (widget_class, TendBreathingExercise, out_row);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked_cb);
}

static void
tend_breathing_exercise_init (TendBreathingExercise *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_APP_ID);
  g_settings_bind (self->settings, "breathing-in-seconds", self->in_row, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "breathing-hold-seconds", self->hold_row, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "breathing-out-seconds", self->out_row, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (pace_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* Reduced motion is GTK's gtk-enable-animations: off in Settings ▸ Accessibility. */
  self->gtk_settings = g_object_ref (gtk_settings_get_default ());
  g_signal_connect_object (self->gtk_settings, "notify::gtk-enable-animations",
                           G_CALLBACK (update_animated), self, G_CONNECT_SWAPPED);

  self->phase = TEND_BREATHING_PHASE_READY;
  update_animated (self);
  update_phase_text (self);
  update_progress (self);
  update_button (self);
}

GtkWidget *
tend_breathing_exercise_new (void)
{
  return g_object_new (TEND_TYPE_BREATHING_EXERCISE, NULL);
}

gboolean
tend_breathing_exercise_get_running (TendBreathingExercise *self)
{
  g_return_val_if_fail (TEND_IS_BREATHING_EXERCISE (self), FALSE);

  return self->running;
}

TendBreathingPhase
tend_breathing_exercise_get_phase (TendBreathingExercise *self)
{
  g_return_val_if_fail (TEND_IS_BREATHING_EXERCISE (self), TEND_BREATHING_PHASE_READY);

  return self->phase;
}

/**
 * tend_breathing_exercise_get_phase_text:
 *
 * Returns: (transfer none): the phase as shown, such as “Breathe in”
 */
const char *
tend_breathing_exercise_get_phase_text (TendBreathingExercise *self)
{
  g_return_val_if_fail (TEND_IS_BREATHING_EXERCISE (self), NULL);

  return gtk_label_get_label (self->phase_label);
}

/**
 * tend_breathing_exercise_get_count:
 *
 * Returns: the second of the phase, counted from 1, or 0 before the exercise starts
 */
guint
tend_breathing_exercise_get_count (TendBreathingExercise *self)
{
  gint64 duration;

  g_return_val_if_fail (TEND_IS_BREATHING_EXERCISE (self), 0);

  if (self->phase == TEND_BREATHING_PHASE_READY)
    return 0;

  duration = phase_duration (self, self->phase);
  return (guint) MIN (self->phase_elapsed / G_USEC_PER_SEC + 1,
                      MAX (duration / G_USEC_PER_SEC, 1));
}

/**
 * tend_breathing_exercise_get_breaths:
 *
 * Returns: how many whole breaths, in and out, have been taken since the start
 */
guint
tend_breathing_exercise_get_breaths (TendBreathingExercise *self)
{
  g_return_val_if_fail (TEND_IS_BREATHING_EXERCISE (self), 0);

  return self->breaths;
}

/**
 * tend_breathing_exercise_get_animated:
 *
 * Returns: whether the growing circle shows; %FALSE with reduced motion, where a progress
 *   bar shows the breath instead
 */
gboolean
tend_breathing_exercise_get_animated (TendBreathingExercise *self)
{
  g_return_val_if_fail (TEND_IS_BREATHING_EXERCISE (self), FALSE);

  return self->animated;
}
