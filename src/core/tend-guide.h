/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One offline guide, read from its XML file (see README.md, "Guides"), with every
 * translatable string already translated into the current language. */

#define TEND_GUIDE_ERROR (tend_guide_error_quark ())

typedef enum
{
  TEND_GUIDE_ERROR_MALFORMED,  /* not well-formed XML */
  TEND_GUIDE_ERROR_ENCODING,   /* not UTF-8 */
  TEND_GUIDE_ERROR_MISSING,    /* a required element or attribute is absent */
  TEND_GUIDE_ERROR_INVALID,    /* an element, attribute or value the format does not allow */
} TendGuideError;

typedef enum
{
  TEND_GUIDE_BLOCK_PARAGRAPH,
  TEND_GUIDE_BLOCK_LIST,
} TendGuideBlockKind;

typedef enum
{
  TEND_GUIDE_EXERCISE_STEPS,
  TEND_GUIDE_EXERCISE_BREATHING,
  TEND_GUIDE_EXERCISE_GROUNDING,
} TendGuideExerciseKind;

/* text for paragraphs, items for lists; already translated */
typedef struct _TendGuideBlock
{
  TendGuideBlockKind  kind;
  char               *text;
  GStrv               items;
} TendGuideBlock;

typedef struct _TendGuideSection
{
  char      *id;
  char      *title;
  GPtrArray *blocks;  /* TendGuideBlock */
} TendGuideSection;

typedef struct _TendGuideExercise
{
  char                  *id;
  TendGuideExerciseKind  kind;
  char                  *title;
  GPtrArray             *blocks;  /* TendGuideBlock */
  GStrv                  steps;   /* empty for breathing and grounding */
} TendGuideExercise;

/* Not translated: a source keeps the title it was published under. */
typedef struct _TendGuideSource
{
  char  *publisher;
  char  *title;
  char  *url;
  guint  year;
  char  *language;  /* ISO 639 code when the source is in one language only, else NULL */
} TendGuideSource;

#define TEND_TYPE_GUIDE_BLOCK    (tend_guide_block_get_type ())
#define TEND_TYPE_GUIDE_SECTION  (tend_guide_section_get_type ())
#define TEND_TYPE_GUIDE_EXERCISE (tend_guide_exercise_get_type ())
#define TEND_TYPE_GUIDE_SOURCE   (tend_guide_source_get_type ())
#define TEND_TYPE_GUIDE          (tend_guide_get_type ())

G_DECLARE_FINAL_TYPE (TendGuide, tend_guide, TEND, GUIDE, GObject)

GQuark              tend_guide_error_quark         (void);

GType               tend_guide_block_get_type      (void) G_GNUC_CONST;
TendGuideBlock     *tend_guide_block_copy          (const TendGuideBlock    *block);
void                tend_guide_block_free          (TendGuideBlock          *block);
GType               tend_guide_section_get_type    (void) G_GNUC_CONST;
TendGuideSection   *tend_guide_section_copy        (const TendGuideSection  *section);
void                tend_guide_section_free        (TendGuideSection        *section);
GType               tend_guide_exercise_get_type   (void) G_GNUC_CONST;
TendGuideExercise  *tend_guide_exercise_copy       (const TendGuideExercise *exercise);
void                tend_guide_exercise_free       (TendGuideExercise       *exercise);
GType               tend_guide_source_get_type     (void) G_GNUC_CONST;
TendGuideSource    *tend_guide_source_copy         (const TendGuideSource   *source);
void                tend_guide_source_free         (TendGuideSource         *source);
gboolean            tend_guide_source_is_for_language (const TendGuideSource *source,
                                                    const char              *language);

TendGuide          *tend_guide_new_from_bytes      (GBytes                  *xml,
                                                    GError                 **error);
TendGuide          *tend_guide_new_from_file       (GFile                   *file,
                                                    GError                 **error);
const char         *tend_guide_get_id              (TendGuide               *self);
const char         *tend_guide_get_topic           (TendGuide               *self);
const char         *tend_guide_get_title           (TendGuide               *self);
const char         *tend_guide_get_summary         (TendGuide               *self);
const char         *tend_guide_get_keywords        (TendGuide               *self);
guint               tend_guide_get_reading_minutes (TendGuide               *self);
GDate              *tend_guide_get_reviewed        (TendGuide               *self);
GPtrArray          *tend_guide_get_sections        (TendGuide               *self);
GPtrArray          *tend_guide_get_exercises       (TendGuide               *self);
GPtrArray          *tend_guide_get_more_help       (TendGuide               *self);
const char * const *tend_guide_get_related         (TendGuide               *self);
GPtrArray          *tend_guide_get_sources         (TendGuide               *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TendGuideBlock, tend_guide_block_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TendGuideSection, tend_guide_section_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TendGuideExercise, tend_guide_exercise_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TendGuideSource, tend_guide_source_free)

G_END_DECLS
