/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "tend-care-check.h"
#include "tend-text.h"

/* The care check's phrase lists, held to what they promise: clear phrases of wanting to
 * die or to hurt oneself match in English, French and Arabic, however they are typed;
 * everyday figures of speech do not. A change to the lists in src/core/tend-care-check.c
 * comes with a line here. */

static const char * const en_must_match[] = {
  "I want to die.",
  "Honestly, I just want to die",
  "Sometimes I wish I was dead.",
  "I'm going to kill myself.",
  "I keep thinking about killing myself.",
  "I want to end my life.",
  "I've decided to take my own life",
  "I just want to end it all",
  "There's no reason to live anymore.",
  "I have nothing to live for.",
  "They would all be better off without me.",
  "I want to hurt myself again tonight.",
  "I don't want to live anymore",
  "I feel suicidal today.",
  "I'm suicidal",
  "Having suicidal thoughts again",
  "I wish I could go to sleep and never wake up.",
  "I self-harmed last night.",
  "I want to cut myself.",
  "I'd be better off dead.",
  "Life is not worth living.",
  "I'm tired of living like this.",
  "I don't want to be alive anymore.",
  /* Negation still offers support: see tend-care-check.c. */
  "I don't want to die, I just want the pain to stop.",
  /* The next words are not an everyday figure of speech. */
  "I don't want to live with this pain.",
};

static const char * const en_must_not_match[] = {
  "This deadline is killing me.",
  "I could kill for a coffee.",
  "Dying to see the film tonight!",
  "My feet are killing me after the hike.",
  "I nearly died laughing at the show.",
  "That video made me want to die laughing.",
  "I want to die of embarrassment after that meeting.",
  "Mum will kill me if I'm late again.",
  "I'm dead tired but happy.",
  "The chocolate cake was to die for.",
  "I hurt myself playing football.",
  "I killed myself to finish the report on time.",
  "I want to take my life back after the divorce.",
  "I don't want to live in this city anymore.",
  "I need to skill myself up in Python.",
  "We talked about suicide prevention at work.",
  "The battery is about to die.",
  "Killing time before the train.",
  "I'd die for my kids.",
  "I don't want to wake up early tomorrow.",
  "I'm killing it at work this week.",
  "I want to diet before the summer.",
  "The plants will die if I forget to water them.",
};

static const char * const fr_must_match[] = {
  "J'ai envie de mourir.",
  "Je veux mourir.",
  "Je vais me tuer.",
  "J'ai envie de me tuer ce soir.",
  "Je pense à me suicider.",
  "Je veux en finir avec la vie.",
  "J'ai envie d'en finir.",
  "Je vais mettre fin à mes jours.",
  "Je n'ai plus envie de vivre.",
  "Je n'ai plus aucune raison de vivre.",
  "Ils seraient mieux sans moi.",
  "J'ai envie de me faire du mal.",
  "Je voudrais être morte.",
  "J'ai des pensées suicidaires depuis une semaine.",
  "Je me sens suicidaire.",
  "Je veux me foutre en l'air.",
  "Je suis fatiguée de vivre.",
  "J'aimerais m'endormir et ne plus me réveiller.",
  "Ma vie ne vaut pas la peine d'être vécue.",
  "J'ai envie de mourir de chagrin.",
  "Je veux mettre un terme à ma vie.",
  "Je veux en finir avec ma vie.",
  /* Negation still offers support. */
  "Je ne veux pas mourir, je veux que ça s'arrête.",
};

static const char * const fr_must_not_match[] = {
  "Mort de rire !",
  "Je meurs de faim.",
  /* Ambiguous on paper, nearly always said laughing: see tend-care-check.c. */
  "J'ai envie de mourir de rire devant cette vidéo.",
  "Ce boulot va me tuer.",
  "Ma mère va me tuer si je rentre tard.",
  "Je suis mort de fatigue.",
  "Je suis crevée ce soir.",
  "Je vais me tuer à la tâche pour finir ce projet.",
  "Je veux en finir avec ce dossier avant vendredi.",
  "Je n'ai plus envie de vivre à Paris.",
  "Je ne veux pas mourir idiot.",
  "Je l'aimerai jusqu'à la fin de mes jours.",
  "Je veux mettre fin à ma vie d'étudiant et travailler.",
  "J'ai vu un reportage sur la prévention du suicide.",
  "Cette chaleur me tue.",
  "J'ai envie de vivre à la campagne.",
  "Je me suis fait mal au genou en courant.",
  "Tu vas me tuer de rire.",
  "Je meurs d'envie de voir ce film.",
};

static const char * const ar_must_match[] = {
  "أريد أن أموت",
  "أشعر بالتعب وأريد أن أموت",
  "سأقتل نفسي",
  "أفكر في الانتحار كثيرا",
  "سأنتحر",
  "أريد أن أنهي حياتي",
  "لا أريد أن أعيش بعد الآن",
  "لم أعد أريد أن أعيش",
  "لا يوجد سبب للعيش",
  "سيكونون أفضل بدوني",
  "أريد أن أؤذي نفسي",
  "بدي موت",
  "نفسي أموت",
  "أتمنى الموت",
  "ليتني أموت",
  "عندي أفكار انتحارية",
  "أريد أن أضع حدًا لحياتي",
  "الحياة لا تستحق أن تعاش",
  "أريد أن أنتحر",
  "بدي انتحر",
  "ما بدي عيش",
  "أتمنى أن أنام ولا أستيقظ",
  /* Negation still offers support. */
  "لا أريد أن أموت",
};

static const char * const ar_must_not_match[] = {
  "الحر يقتلني",
  "هذا الموعد النهائي يقتلني",
  "أموت من الضحك",
  "أموت من الجوع",
  "ميت من التعب",
  "بموت فيك",
  "أريد أن أعيش في باريس",
  "لا أريد أن أعيش في هذه المدينة",
  "قتلت الوقت بالقراءة",
  "أمي ستقتلني إذا تأخرت",
  "أريد أن أنهي حياتي الجامعية بنجاح",
  "قرأت مقالا عن الوقاية من الانتحار",
  "الامتحان سيقتلني",
  "أشتاق إليك حتى الموت",
  "أتمنى أن أعيش طويلا",
  "نفسي أموت من الضحك",
  "أقتل نفسي في الشغل كل يوم",
  "انتحر بطل الرواية في النهاية",
};

static void
check_all (const char * const *phrases,
           gsize               n_phrases,
           gboolean            expected)
{
  for (gsize i = 0; i < n_phrases; i++)
    if (tend_care_check_matches (phrases[i]) != expected)
      {
        g_test_message ("“%s” should %s", phrases[i], expected ? "match" : "not match");
        g_test_fail ();
      }
}

static void
test_english (void)
{
  g_assert_cmpuint (G_N_ELEMENTS (en_must_match), >=, 20);
  g_assert_cmpuint (G_N_ELEMENTS (en_must_not_match), >=, 15);
  check_all (en_must_match, G_N_ELEMENTS (en_must_match), TRUE);
  check_all (en_must_not_match, G_N_ELEMENTS (en_must_not_match), FALSE);
}

static void
test_french (void)
{
  g_assert_cmpuint (G_N_ELEMENTS (fr_must_match), >=, 20);
  g_assert_cmpuint (G_N_ELEMENTS (fr_must_not_match), >=, 15);
  check_all (fr_must_match, G_N_ELEMENTS (fr_must_match), TRUE);
  check_all (fr_must_not_match, G_N_ELEMENTS (fr_must_not_match), FALSE);
}

static void
test_arabic (void)
{
  g_assert_cmpuint (G_N_ELEMENTS (ar_must_match), >=, 20);
  g_assert_cmpuint (G_N_ELEMENTS (ar_must_not_match), >=, 15);
  check_all (ar_must_match, G_N_ELEMENTS (ar_must_match), TRUE);
  check_all (ar_must_not_match, G_N_ELEMENTS (ar_must_not_match), FALSE);
}

/* However the phrase is typed: case, accents or none, curly or straight apostrophes or
 * none, punctuation and line breaks between the words, Arabic with or without its
 * diacritics, tatweel, hamza, or the other spellings of alef, yeh and ta marbuta. */
static void
test_variants (void)
{
  static const char * const variants[] = {
    "I WANT TO DIE",
    "i want to die",
    "I want   to\n\tdie",
    "I want to… die!!",
    "I want to kill—myself",
    "i dont want to live anymore",
    "I don’t want to live anymore",
    "I don‘t want to be alive",
    "Im suicidal",
    "I am SUICIDAL",
    "\"want to die\"",
    "(kill myself)",
    "J'AI ENVIE DE MOURIR",
    "j’ai envie de mourir",
    "j ai envie d en finir",
    "jai envie den finir",
    "J'ai des pensees suicidaires",
    "je nai plus envie de vivre",
    "Je vais METTRE FIN À MES JOURS",
    "je vais mettre fin a mes jours",
    "Je me sens suicidaire…",
    "me foutre en lair",
    "اريد ان اموت",
    "أُرِيدُ أَنْ أَمُوتَ",
    "أريـــد أن أمـــوت",
    "إريد أن آموت",
    "وأريد أن أموت",
    "فأريد أن أموت",
    "أريد، أن أموت.",
    "لا شيء أعيش من أجلة",
    "لا شى أعيش من أجله",
    "لا شيء اعيش من اجله",
    "ٱريد أن أموت",
    "سأنتحر!",
    "وسأنتحر",
  };

  check_all (variants, G_N_ELEMENTS (variants), TRUE);
}

/* Phrases begin and end on word boundaries. */
static void
test_word_boundaries (void)
{
  static const char * const near_misses[] = {
    "I need to skill myself up",
    "That was overkill myself included",
    "I want to diet",
    "I want to dine out",
    "wanttodie",
    "kill myselfie",
    "J'ai envie de mourire",
    "أريد أن أموتا",
    "لأريد أن أموت",
  };

  check_all (near_misses, G_N_ELEMENTS (near_misses), FALSE);
}

static void
test_nothing_to_check (void)
{
  g_assert_false (tend_care_check_matches (NULL));
  g_assert_false (tend_care_check_matches (""));
  g_assert_false (tend_care_check_matches ("   \n\t  "));
  g_assert_false (tend_care_check_matches ("…!?’'"));
  /* Invalid UTF-8 around a phrase: the rest is still read. */
  g_assert_true (tend_care_check_matches ("\xff\xfe I want to die \xc3"));
}

/* A megabyte of everyday words, with a phrase at the start, in the middle, at the end, or
 * nowhere. (How long this takes is measured by hand, never in a test.) */
static void
test_long_text (void)
{
  static const char * const everyday = "This deadline is killing me, mort de rire, "
                                       "الحر يقتلني. I could kill for a coffee. ";
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *plain = NULL;
  gsize middle;

  while (text->len < 1024 * 1024)
    g_string_append (text, everyday);
  plain = g_strdup (text->str);
  g_assert_false (tend_care_check_matches (plain));

  g_string_append (text, "Je n'ai plus envie de vivre.");
  g_assert_true (tend_care_check_matches (text->str));

  g_string_assign (text, "I want to die. ");
  g_string_append (text, plain);
  g_assert_true (tend_care_check_matches (text->str));

  middle = strlen (plain) / 2;
  middle -= middle % strlen (everyday);
  g_string_assign (text, plain);
  g_string_insert (text, middle, "لا أريد أن أعيش ");
  g_assert_true (tend_care_check_matches (text->str));
}

/* What tend_text_fold() does, the slow and obvious way. */
static char *
fold_slowly (const char *text)
{
  g_autofree char *lower = g_utf8_casefold (text, -1);
  g_autofree char *decomposed = g_utf8_normalize (lower, -1, G_NORMALIZE_NFD);
  GString *folded = g_string_new (NULL);

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_ismark (g_utf8_get_char (p)))
      g_string_append_unichar (folded, g_utf8_get_char (p));

  return g_string_free_and_steal (folded);
}

/* The shared folding the care check and the search highlighting build on: its fast paths
 * for ASCII and Arabic give what casefold and NFD give. */
static void
test_fold (void)
{
  static const char * const samples[] = {
    "Été À l'ÎLE, Œuvre, Straße, İstanbul, ΣΊΣΥΦΟΣ, ſ, ﬁn, Ǆ",
    "e\xcc\x81 a\xcc\x8a\xcc\xa3 A\xcc\x81" "B",
    "آ أ إ ؤ ئ ۀ ۂ ۓ ٱ ٲ ى ة ـ ء ﻻ ﺃ ﷲ",
    "أَنَا أُرِيدُ، وَإِنَّهُ آخِرٌ ٰ ٓ",
    "日本語 한국어 עִבְרִית हिन्दी 🙂 👍🏽",
    "ascii ONLY, with Punctuation! 123",
    "mixed: Zoé قال: \"بِسْمِ\" ΑΘΗΝΑ",
  };

  g_autofree char *french = tend_text_fold ("Été À l'ÎLE", -1);
  g_autofree char *arabic = tend_text_fold ("أَنا", -1);
  g_autofree char *part = tend_text_fold ("Éric et Zoé", 4);
  g_autofree char *broken = tend_text_fold ("caf\xc3", -1);

  g_assert_cmpstr (french, ==, "ete a l'ile");
  g_assert_cmpstr (arabic, ==, "انا");
  g_assert_cmpstr (part, ==, "eri");
  g_assert_true (g_str_has_prefix (broken, "caf"));
  g_assert_true (g_utf8_validate (broken, -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *fast = tend_text_fold (samples[i], -1);
      g_autofree char *slow = fold_slowly (samples[i]);

      g_assert_cmpstr (fast, ==, slow);
    }
}

/* A search may name a hard topic in one word; a note may not (the word alone comes up in
 * news, books and grief). */
static void
test_search_topics (void)
{
  static const char * const named[] = {
    "suicide", "suicides", "Suicidal thoughts", "self-harm", "self harm", "SELF HARMING", "cutting myself",
    "eating disorder", "anorexia", "bulimic", "binge eating", "abuse", "domestic violence",
    "suicide prévention", "idées suicidaires", "automutilation", "scarification",
    "anorexie", "Boulimie", "troubles du comportement alimentaire", "maltraitance",
    "violences conjugales", "viol", "انتحار", "الانتحار", "إيذاء النفس", "ايذاء النفس",
    "فقدان الشهية العصبي", "اضطرابات الأكل", "العنف الأسري", "اغتصاب", "والانتحار",
    /* and what the check-in's care check finds */
    "i want to die", "je veux mourir",
  };
  static const char * const not_named[] = {
    "sleep", "money worries", "stress at work", "violon", "violet", "abuser", "suicider",
    "self", "eating", "disorder", "harmony", "sommeil", "argent", "الأكل", "النفس",
    "النوم", "فقدان", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    if (!tend_care_check_search_matches (named[i]))
      g_error ("a search for “%s” should offer support", named[i]);

  for (guint i = 0; i < G_N_ELEMENTS (not_named); i++)
    if (tend_care_check_search_matches (not_named[i]))
      g_error ("a search for “%s” should not offer support", not_named[i]);

  /* Notes are not searches: the topic alone does not show the card there */
  g_assert_false (tend_care_check_matches ("suicide"));
  g_assert_false (tend_care_check_matches ("We read a book about anorexia."));
  g_assert_false (tend_care_check_search_matches (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/care-check/english", test_english);
  g_test_add_func ("/care-check/french", test_french);
  g_test_add_func ("/care-check/arabic", test_arabic);
  g_test_add_func ("/care-check/variants", test_variants);
  g_test_add_func ("/care-check/word-boundaries", test_word_boundaries);
  g_test_add_func ("/care-check/nothing-to-check", test_nothing_to_check);
  g_test_add_func ("/care-check/long-text", test_long_text);
  g_test_add_func ("/care-check/search-topics", test_search_topics);
  g_test_add_func ("/text/fold", test_fold);

  return g_test_run ();
}
