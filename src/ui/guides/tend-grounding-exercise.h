/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TEND_GROUNDING_N_STEPS 5

#define TEND_TYPE_GROUNDING_EXERCISE (tend_grounding_exercise_get_type ())

G_DECLARE_FINAL_TYPE (TendGroundingExercise, tend_grounding_exercise, TEND, GROUNDING_EXERCISE, AdwBin)

GtkWidget  *tend_grounding_exercise_new            (void);
guint       tend_grounding_exercise_get_step       (TendGroundingExercise *self);
const char *tend_grounding_exercise_get_step_title (TendGroundingExercise *self);
gboolean    tend_grounding_exercise_get_finished   (TendGroundingExercise *self);
void        tend_grounding_exercise_restart        (TendGroundingExercise *self);

G_END_DECLS
