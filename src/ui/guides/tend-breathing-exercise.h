/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum
{
  TEND_BREATHING_PHASE_READY,  /* not started yet */
  TEND_BREATHING_PHASE_IN,
  TEND_BREATHING_PHASE_HOLD,
  TEND_BREATHING_PHASE_OUT,
} TendBreathingPhase;

#define TEND_TYPE_BREATHING_EXERCISE (tend_breathing_exercise_get_type ())

G_DECLARE_FINAL_TYPE (TendBreathingExercise, tend_breathing_exercise, TEND, BREATHING_EXERCISE, AdwBin)

GtkWidget          *tend_breathing_exercise_new            (void);
void                tend_breathing_exercise_start          (TendBreathingExercise *self);
void                tend_breathing_exercise_pause          (TendBreathingExercise *self);
gboolean            tend_breathing_exercise_get_running    (TendBreathingExercise *self);
TendBreathingPhase  tend_breathing_exercise_get_phase      (TendBreathingExercise *self);
const char         *tend_breathing_exercise_get_phase_text (TendBreathingExercise *self);
guint               tend_breathing_exercise_get_count      (TendBreathingExercise *self);
guint               tend_breathing_exercise_get_breaths    (TendBreathingExercise *self);
double              tend_breathing_exercise_get_fullness   (TendBreathingExercise *self);
gboolean            tend_breathing_exercise_get_animated   (TendBreathingExercise *self);
void                tend_breathing_exercise_tick           (TendBreathingExercise *self,
                                                            gint64                 frame_time);

G_END_DECLS
