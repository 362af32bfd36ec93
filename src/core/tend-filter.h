/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tend-mood.h"

G_BEGIN_DECLS

/* What to show of the journal: words to find, and moods, an emotion, a tag and a range of
 * days to keep. Everything set must hold; an empty filter keeps every entry. */
typedef struct _TendFilter TendFilter;

#define TEND_TYPE_FILTER (tend_filter_get_type ())

GType        tend_filter_get_type    (void) G_GNUC_CONST;
TendFilter  *tend_filter_new         (void);
TendFilter  *tend_filter_copy        (const TendFilter *self);
void         tend_filter_free        (TendFilter       *self);
gboolean     tend_filter_equal       (const TendFilter *a,
                                      const TendFilter *b);
gboolean     tend_filter_is_empty    (const TendFilter *self);
const char  *tend_filter_get_text    (const TendFilter *self);
void         tend_filter_set_text    (TendFilter       *self,
                                      const char       *text);
guint        tend_filter_get_moods   (const TendFilter *self);
void         tend_filter_set_moods   (TendFilter       *self,
                                      guint             moods);
void         tend_filter_add_mood    (TendFilter       *self,
                                      TendMood          mood);
const char  *tend_filter_get_emotion (const TendFilter *self);
void         tend_filter_set_emotion (TendFilter       *self,
                                      const char       *emotion);
const char  *tend_filter_get_tag     (const TendFilter *self);
void         tend_filter_set_tag     (TendFilter       *self,
                                      const char       *tag);
const GDate *tend_filter_get_from    (const TendFilter *self);
const GDate *tend_filter_get_until   (const TendFilter *self);
void         tend_filter_set_range   (TendFilter       *self,
                                      const GDate      *from,
                                      const GDate      *until);
char        *tend_filter_build_match (const char       *text);
char        *tend_filter_make_snippet (const char      *note,
                                       const char      *text,
                                       guint            max_chars);

#define TEND_FILTER_MOOD(mood) (1u << (mood))

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TendFilter, tend_filter_free)

G_END_DECLS
