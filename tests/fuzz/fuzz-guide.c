/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A guide's XML, as the guide library reads each guide it ships (and any in a folder). */

#include "config.h"

#include "tend-guide.h"
#include "tend-fuzz.h"

static void
check_blocks (GPtrArray *blocks)
{
  g_assert_nonnull (blocks);
  for (guint i = 0; i < blocks->len; i++)
    {
      TendGuideBlock *block = g_ptr_array_index (blocks, i);
      g_autoptr(TendGuideBlock) copy = tend_guide_block_copy (block);

      if (block->kind == TEND_GUIDE_BLOCK_PARAGRAPH)
        {
          tend_fuzz_check_text (block->text);
          g_assert_cmpstr (block->text, !=, "");
        }
      else
        {
          g_assert_cmpint (block->kind, ==, TEND_GUIDE_BLOCK_LIST);
          g_assert_nonnull (block->items);
          g_assert_nonnull (block->items[0]);
          for (guint j = 0; block->items[j] != NULL; j++)
            tend_fuzz_check_text (block->items[j]);
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(TendGuide) guide = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *parts;

  guide = tend_guide_new_from_bytes (bytes, &error);
  if (guide == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == TEND_GUIDE_ERROR);
      tend_fuzz_check_text (error->message);
      return 0;
    }
  g_assert_null (error);

  /* What the guide view and the library's search read. */
  tend_fuzz_check_text (tend_guide_get_id (guide));
  tend_fuzz_check_text (tend_guide_get_topic (guide));
  tend_fuzz_check_text (tend_guide_get_title (guide));
  tend_fuzz_check_text (tend_guide_get_summary (guide));
  g_assert_cmpuint (tend_guide_get_reading_minutes (guide), >=, 1);
  g_assert_true (g_date_valid (tend_guide_get_reviewed (guide)));

  parts = tend_guide_get_sections (guide);
  g_assert_cmpuint (parts->len, >, 0);
  for (guint i = 0; i < parts->len; i++)
    {
      TendGuideSection *section = g_ptr_array_index (parts, i);
      g_autoptr(TendGuideSection) copy = tend_guide_section_copy (section);

      tend_fuzz_check_text (section->id);
      tend_fuzz_check_text (section->title);
      check_blocks (section->blocks);
    }

  parts = tend_guide_get_exercises (guide);
  g_assert_cmpuint (parts->len, >, 0);
  for (guint i = 0; i < parts->len; i++)
    {
      TendGuideExercise *exercise = g_ptr_array_index (parts, i);
      g_autoptr(TendGuideExercise) copy = tend_guide_exercise_copy (exercise);

      tend_fuzz_check_text (exercise->id);
      tend_fuzz_check_text (exercise->title);
      check_blocks (exercise->blocks);
      g_assert_nonnull (exercise->steps);
      for (guint j = 0; exercise->steps[j] != NULL; j++)
        tend_fuzz_check_text (exercise->steps[j]);
    }

  check_blocks (tend_guide_get_more_help (guide));

  for (const char * const *related = tend_guide_get_related (guide); *related != NULL; related++)
    tend_fuzz_check_text (*related);

  parts = tend_guide_get_sources (guide);
  for (guint i = 0; i < parts->len; i++)
    {
      TendGuideSource *source = g_ptr_array_index (parts, i);
      g_autoptr(TendGuideSource) copy = tend_guide_source_copy (source);

      tend_fuzz_check_text (source->publisher);
      tend_fuzz_check_text (source->title);
      tend_fuzz_check_text (source->url);
    }

  return 0;
}
