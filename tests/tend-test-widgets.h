/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tend-context.h"
#include "tend-entry-editor.h"
#include "tend-mood.h"
#include "tend-window.h"

G_BEGIN_DECLS

void         tend_test_widgets_init       (int          *argc,
                                           char       ***argv);
void         tend_test_widgets_cleanup    (void);
typedef gboolean (*TendWidgetPredicate) (GtkWidget *widget, gconstpointer data);

GtkWidget   *tend_test_find_first         (GtkWidget           *root,
                                           TendWidgetPredicate  predicate,
                                           gconstpointer        data);
GtkWidget   *tend_test_find_descendant    (GtkWidget    *root,
                                           GType         type);
GtkWidget   *tend_test_find_action_button (GtkWidget    *root,
                                           const char   *action_name);
GtkWidget   *tend_test_find_labelled      (GtkWidget    *root,
                                           const char   *label);
GPtrArray   *tend_test_collect_mapped     (GtkWidget    *root,
                                           GType         type);
void         tend_test_click              (GtkWidget    *button);
TendContext *tend_test_open_context       (const char   *data_dir);
TendWindow  *tend_test_open_window        (TendContext  *context);
void         tend_test_wait_for_draws     (GtkWidget    *widget,
                                           guint         n_frames);

TendEntryEditor *tend_test_today_editor   (TendWindow      *window);
GtkTextBuffer   *tend_test_note_buffer    (TendEntryEditor *editor);
char            *tend_test_note_text      (TendEntryEditor *editor);
void             tend_test_choose_mood    (TendEntryEditor *editor,
                                           TendMood         mood);

G_END_DECLS
