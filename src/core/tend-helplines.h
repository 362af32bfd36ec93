/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TEND_HELPLINES_ERROR (tend_helplines_error_quark ())

typedef enum
{
  TEND_HELPLINES_ERROR_PARSE,
  TEND_HELPLINES_ERROR_INVALID,
  TEND_HELPLINES_ERROR_TOO_NEW,
} TendHelplinesError;

/* The "version" of helplines.json this Tend reads; see the README. */
#define TEND_HELPLINES_FORMAT_VERSION 1

/* The code of the entry for every country the file has no entry of its own for. */
#define TEND_HELPLINES_OTHER "other"

/**
 * TendEmergencyService:
 *
 * Who answers an emergency number: every emergency service, an ambulance, the police, or
 * the fire and rescue service (which also comes to medical emergencies in many countries).
 */
typedef enum
{
  TEND_EMERGENCY_GENERAL,
  TEND_EMERGENCY_AMBULANCE,
  TEND_EMERGENCY_POLICE,
  TEND_EMERGENCY_FIRE,
} TendEmergencyService;

typedef struct
{
  char                 *number;
  TendEmergencyService  service;
} TendEmergencyNumber;

/**
 * TendHelplineOffer:
 *
 * What a helpline is for, told in words Tend translates (the file holds no prose).
 */
typedef enum
{
  TEND_HELPLINE_OFFER_CRISIS,
  TEND_HELPLINE_OFFER_LISTENING,
  TEND_HELPLINE_OFFER_YOUTH,
  TEND_HELPLINE_OFFER_COUNSELLING,
  TEND_HELPLINE_OFFER_LOCAL,
  TEND_HELPLINE_OFFER_EATING_DISORDERS,
  TEND_HELPLINE_OFFER_BULLYING,
} TendHelplineOffer;

typedef enum
{
  TEND_HELPLINE_HOURS_ALWAYS,
  TEND_HELPLINE_HOURS_VARIES,
} TendHelplineHours;

typedef enum
{
  TEND_HELPLINE_COST_UNKNOWN,
  TEND_HELPLINE_COST_FREE,
  TEND_HELPLINE_COST_CHARGED,
} TendHelplineCost;

/**
 * TendHelpline:
 * @name: the service's own name, never translated
 * @phones: numbers to call, the main one first; may be empty when @text_number is set
 * @text_number: (nullable): the number to send a text message (SMS) to
 * @text_keyword: (nullable): the word to start the text message with
 * @whatsapp: (nullable): a WhatsApp number
 * @website: (nullable): an https address
 * @languages: ISO 639-1 codes of the languages it answers in, at least one
 * @more_languages: whether it answers in more languages than @languages
 * @verified_on: the day someone last checked the numbers against @source
 * @source: the address the numbers were checked against
 */
typedef struct
{
  char              *name;
  TendHelplineOffer  offer;
  GStrv              phones;
  char              *text_number;
  char              *text_keyword;
  char              *whatsapp;
  TendHelplineHours  hours;
  TendHelplineCost   cost;
  char              *website;
  GStrv              languages;
  gboolean           more_languages;
  GDate              verified_on;
  char              *source;
} TendHelpline;

/**
 * TendHelplineCountry:
 * @code: an ISO 3166-1 alpha-2 code, or %TEND_HELPLINES_OTHER
 * @emergency: (element-type TendEmergencyNumber): at least one, the first the one to call
 *   for a medical emergency; none for %TEND_HELPLINES_OTHER
 * @lines: (element-type TendHelpline): possibly none
 */
typedef struct
{
  char      *code;
  GPtrArray *emergency;
  GPtrArray *lines;
} TendHelplineCountry;

/**
 * TendSharedNumber:
 * @number: an emergency number
 * @codes: the countries where it reaches an ambulance or every service
 */
typedef struct
{
  char *number;
  GStrv codes;
} TendSharedNumber;

void tend_shared_number_free (TendSharedNumber *shared);

#define TEND_TYPE_HELPLINES (tend_helplines_get_type ())

G_DECLARE_FINAL_TYPE (TendHelplines, tend_helplines, TEND, HELPLINES, GObject)

GQuark                     tend_helplines_error_quark          (void);

TendHelplines             *tend_helplines_new_builtin          (GError        **error);
TendHelplines             *tend_helplines_new_from_bytes       (GBytes         *json,
                                                                GError        **error);
GPtrArray                 *tend_helplines_get_countries        (TendHelplines  *self);
const char                *tend_helplines_get_reviewed_by      (TendHelplines  *self);
const GDate               *tend_helplines_get_reviewed_on      (TendHelplines  *self);
const GDate               *tend_helplines_get_next_review      (TendHelplines  *self);
gboolean                   tend_helplines_is_review_due        (TendHelplines  *self,
                                                                const GDate    *today);
GStrv                      tend_helplines_list_codes_by_name   (TendHelplines  *self);
GStrv                      tend_helplines_list_codes_for_language (TendHelplines *self,
                                                                   const char    *language);
GPtrArray                 *tend_helplines_list_emergency_numbers (TendHelplines *self);
const TendHelplineCountry *tend_helplines_lookup               (TendHelplines  *self,
                                                                const char     *code);
const char                *tend_helplines_get_default_country  (TendHelplines  *self,
                                                                const char     *locale);
char                      *tend_helplines_format_text          (TendHelplines  *self,
                                                                const char     *code);

const char                *tend_helplines_get_locale           (void);
char                      *tend_helplines_region_from_locale   (const char     *locale);
char                      *tend_helplines_language_from_locale (const char     *locale);
char                      *tend_helplines_format_country_names (const char * const *codes);

const char                *tend_helplines_get_disclaimer       (void);
const char                *tend_helplines_get_no_lines_note    (void);
const char                *tend_helplines_get_country_name     (const char     *code);
const char                *tend_helplines_get_language_name    (const char     *code);
const char                *tend_helplines_get_emergency_note   (const char     *code);
const char                *tend_emergency_service_get_label    (TendEmergencyService service);

const char                *tend_helpline_describe_offer        (const TendHelpline *line);
const char                *tend_helpline_describe_hours        (const TendHelpline *line);
const char                *tend_helpline_describe_cost         (const TendHelpline *line);
char                      *tend_helpline_format_details        (const TendHelpline *line);
char                      *tend_helpline_format_languages      (const TendHelpline *line);
char                      *tend_helpline_format_verified_on    (const TendHelpline *line);

G_END_DECLS
