/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tend-mood.h"

G_BEGIN_DECLS

#define TEND_TYPE_MOOD_PICKER (tend_mood_picker_get_type ())

G_DECLARE_FINAL_TYPE (TendMoodPicker, tend_mood_picker, TEND, MOOD_PICKER, AdwBin)

GtkWidget *tend_mood_picker_new         (void);
TendMood   tend_mood_picker_get_mood    (TendMoodPicker *self);
void       tend_mood_picker_set_mood    (TendMoodPicker *self,
                                         TendMood        mood);
GtkWidget *tend_mood_picker_get_button  (TendMoodPicker *self,
                                         TendMood        mood);

G_END_DECLS
