/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tend-guide.h"

G_BEGIN_DECLS

/* A guide found by a search, and where in it. */
typedef struct _TendGuideMatch
{
  TendGuide *guide;
  char      *section_id;     /* (nullable): the section or exercise that matched best;
                              * NULL when only the guide's title or summary matched */
  char      *section_title;  /* (nullable): its title */
  char      *snippet;        /* what to show: the matching text, with each match between
                              * U+0002 and U+0003, as TendEntry's snippet; never NULL */
} TendGuideMatch;

#define TEND_TYPE_GUIDE_MATCH   (tend_guide_match_get_type ())
#define TEND_TYPE_GUIDE_LIBRARY (tend_guide_library_get_type ())

G_DECLARE_FINAL_TYPE (TendGuideLibrary, tend_guide_library, TEND, GUIDE_LIBRARY, GObject)

GType               tend_guide_match_get_type           (void) G_GNUC_CONST;
TendGuideMatch     *tend_guide_match_copy               (const TendGuideMatch *match);
void                tend_guide_match_free               (TendGuideMatch       *match);

TendGuideLibrary   *tend_guide_library_new              (GError              **error);
TendGuideLibrary   *tend_guide_library_new_for_directory (GFile               *directory,
                                                          GError             **error);
GListModel         *tend_guide_library_get_guides       (TendGuideLibrary     *self);
TendGuide          *tend_guide_library_lookup           (TendGuideLibrary     *self,
                                                         const char           *id);
const char * const *tend_guide_library_get_topics       (void);
const char         *tend_guide_library_topic_title      (const char           *topic);
GPtrArray          *tend_guide_library_search           (TendGuideLibrary     *self,
                                                         const char           *text,
                                                         GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TendGuideMatch, tend_guide_match_free)

G_END_DECLS
