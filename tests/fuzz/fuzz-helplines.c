/* SPDX-License-Identifier: GPL-3.0-or-later */

/* helplines.json, as Get Help Now reads the one Tend ships. */

#include "config.h"

#include "tend-helplines.h"
#include "tend-fuzz.h"

static void
take_text (char *text)
{
  tend_fuzz_check_text (text);
  g_free (text);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(TendHelplines) helplines = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = NULL;
  GPtrArray *countries;

  helplines = tend_helplines_new_from_bytes (bytes, &error);
  if (helplines == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == TEND_HELPLINES_ERROR);
      tend_fuzz_check_text (error->message);
      return 0;
    }
  g_assert_null (error);

  /* What the Get Help Now dialog shows, and the text it copies. */
  g_assert_nonnull (tend_helplines_lookup (helplines, TEND_HELPLINES_OTHER));
  tend_fuzz_check_text (tend_helplines_get_default_country (helplines, "fr_FR.UTF-8"));
  /* A locale that names no country: the dialog asks */
  g_assert_null (tend_helplines_get_default_country (helplines, "C"));

  codes = tend_helplines_list_codes_by_name (helplines);
  countries = tend_helplines_get_countries (helplines);
  g_assert_cmpuint (g_strv_length (codes), ==, countries->len);
  {
    g_auto(GStrv) arabic_first = tend_helplines_list_codes_for_language (helplines, "ar");
    g_autoptr(GPtrArray) shared = tend_helplines_list_emergency_numbers (helplines);

    g_assert_cmpuint (g_strv_length (arabic_first), ==, countries->len);
    for (guint i = 0; i < shared->len; i++)
      {
        const TendSharedNumber *number = g_ptr_array_index (shared, i);

        tend_fuzz_check_text (number->number);
        g_assert_cmpuint (g_strv_length (number->codes), >=, 2);
        take_text (tend_helplines_format_country_names ((const char * const *) number->codes));
      }
  }

  for (guint i = 0; i < countries->len; i++)
    {
      const TendHelplineCountry *country = g_ptr_array_index (countries, i);

      g_assert_true (tend_helplines_lookup (helplines, country->code) == country);
      /* Other Countries names no number as everyone's; every country names one */
      if (g_str_equal (country->code, TEND_HELPLINES_OTHER))
        g_assert_cmpuint (country->emergency->len, ==, 0);
      else
        g_assert_cmpuint (country->emergency->len, >, 0);
      for (guint j = 0; j < country->emergency->len; j++)
        {
          const TendEmergencyNumber *number = g_ptr_array_index (country->emergency, j);

          tend_fuzz_check_text (number->number);
          tend_fuzz_check_text (tend_emergency_service_get_label (number->service));
        }

      for (guint j = 0; j < country->lines->len; j++)
        {
          const TendHelpline *line = g_ptr_array_index (country->lines, j);

          tend_fuzz_check_text (line->name);
          tend_fuzz_check_text (tend_helpline_describe_offer (line));
          tend_fuzz_check_text (tend_helpline_describe_hours (line));
          take_text (tend_helpline_format_details (line));
          take_text (tend_helpline_format_languages (line));
          take_text (tend_helpline_format_verified_on (line));
        }

      take_text (tend_helplines_format_text (helplines, country->code));
    }

  return 0;
}
