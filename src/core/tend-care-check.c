/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "tend-care-check.h"
#include "tend-text.h"

/* The care check: whether a note or a search holds a clear phrase of wanting to die, to
 * end one's life or to hurt oneself, in English, French or Arabic. When it does, Tend
 * shows a calm card that points to Get Help Now; nothing else happens. The check runs
 * here, on this device; it never keeps, logs or prints the text or what matched.
 *
 * How the lists are built (change them only together with tests/test-care-check.c):
 *
 * - Conservative phrases, never single words: "kill", "die", "mourir" or "suicide"
 *   alone appear in news, books and grief, and a card there would feel like being
 *   watched. The phrases are in the first person, or about one's own life. Arabic is
 *   the one exception, in form only: a verb there carries its person, so "سأنتحر"
 *   ("I will kill myself") is one word and as clear as the English phrase. Forms that
 *   read the same for another person once folded are left out: "انتحر" is also "he
 *   died by suicide", and "ابي" is both Gulf "I want" and "my father".
 * - Everyday figures of speech do not match: "this deadline is killing me", "dying to
 *   see the film", "mort de rire", "je meurs de faim", "الحر يقتلني". Where a phrase
 *   has an everyday use that only the next words reveal ("want to die laughing",
 *   "j'ai envie de mourir de rire", "أموت من الضحك", "don't want to live in this
 *   city"), those next words are listed with it and cancel it. "J'ai envie de mourir de
 *   rire" is ambiguous on paper but is nearly always said laughing, so it does not
 *   match; any other "envie de mourir" does.
 * - Negation still matches: "I don't want to die", "je ne veux pas mourir", "لا أريد أن
 *   أموت". People in crisis often write it while torn ("I don't want to die, I want the
 *   pain to stop"), and after a frightening moment it is still a time when talking to
 *   someone helps. The card is calm and dismissed in one click, so showing it costs
 *   little; missing it could cost more.
 * - Words are compared folded: case, accents and Arabic diacritics removed, alef forms,
 *   alef maqsura and ta marbuta unified, tatweel and hamza dropped, punctuation and runs of
 *   spaces made one space, and apostrophes either split words or vanish ("don't" is
 *   found as "don t" and "dont"). A phrase starts and ends on word boundaries, so "skill
 *   myself" is not "kill myself". An Arabic phrase may also start with the conjunctions
 *   و or ف joined to its first word ("وأريد أن أموت").
 *
 * The text is read once, word by word; at each word only the phrases that begin with it
 * are compared, so a long note takes time in proportion to its length. */

typedef struct
{
  const char         *phrase;
  const char * const *everyday; /* next words that make it a figure of speech */
} CarePhrase;

/* English ----------------------------------------------------------------------------- */

static const char * const en_die_idioms[] = {
  "laughing", "of laughter", "of embarrassment", "from embarrassment", "of shame",
  "of boredom", "happy", "old", "of old age", NULL
};

/* "I don't want to live in this city": where or how one lives. "With" and "here" are not
 * listed, as "I don't want to live with this pain" and "not here anymore" are what the
 * check is for. */
static const char * const en_live_idioms[] = {
  "in", "at", "near", "abroad", "alone", "together", "on", "by", "next", "close", "there",
  "somewhere", "anywhere", "forever", NULL
};

static const char * const en_kill_idioms[] = {
  "laughing", "working", "at work", "at the gym", "trying", NULL
};

static const char * const en_take_idioms[] = { "back", "in", "into", NULL };

static const char * const en_wake_idioms[] = {
  "early", "so", "too", "at", "before", "for", NULL
};

static const CarePhrase en_phrases[] = {
  /* Wanting to die */
  { "want to die", en_die_idioms },
  { "wanna die", en_die_idioms },
  { "want to be dead", NULL },
  { "wish I was dead", NULL },
  { "wish I were dead", NULL },
  { "wish I could die", NULL },
  { "wish I would die", NULL },
  { "wish I'd die", NULL },
  { "wish I had never been born", NULL },
  { "wish I'd never been born", NULL },
  { "wish I was never born", NULL },
  { "wish I wasn't alive", NULL },
  { "wish I weren't alive", NULL },
  { "better off dead", NULL },
  { "sleep and never wake up", NULL },
  { "sleep and not wake up", NULL },
  { "hope I don't wake up", NULL },
  { "hope I never wake up", NULL },
  { "don't want to wake up", en_wake_idioms },
  { "do not want to wake up", en_wake_idioms },

  /* Ending one's life */
  { "kill myself", en_kill_idioms },
  { "thinking about killing myself", NULL },
  { "thinking of killing myself", NULL },
  { "thought about killing myself", NULL },
  { "thought of killing myself", NULL },
  { "thoughts of killing myself", NULL },
  { "thoughts about killing myself", NULL },
  { "considering killing myself", NULL },
  { "end my life", NULL },
  { "end my own life", NULL },
  { "ending my life", NULL },
  { "take my life", en_take_idioms },
  { "take my own life", NULL },
  { "taking my own life", NULL },
  { "end it all", NULL },
  { "ending it all", NULL },
  { "want to commit suicide", NULL },
  { "going to commit suicide", NULL },
  { "feel suicidal", NULL },
  { "feeling suicidal", NULL },
  { "felt suicidal", NULL },
  { "I am suicidal", NULL },
  { "I'm suicidal", NULL },
  { "suicidal thoughts", NULL },
  { "suicidal again", NULL },
  { "thoughts of suicide", NULL },
  { "thinking about suicide", NULL },
  { "thinking of suicide", NULL },
  { "considering suicide", NULL },
  { "my suicide note", NULL },

  /* Not wanting to live */
  { "no reason to live", en_live_idioms },
  { "no reason to keep living", NULL },
  { "nothing to live for", NULL },
  { "no point in living", en_live_idioms },
  { "no point living", en_live_idioms },
  { "not worth living", NULL },
  { "don't want to live", en_live_idioms },
  { "do not want to live", en_live_idioms },
  { "don't want to be alive", NULL },
  { "do not want to be alive", NULL },
  { "don't want to exist", NULL },
  { "do not want to exist", NULL },
  { "tired of living", en_live_idioms },
  { "sick of living", en_live_idioms },
  { "tired of being alive", NULL },
  { "better off without me", NULL },
  { "better off if I was gone", NULL },
  { "better off if I were gone", NULL },
  { "better off if I wasn't here", NULL },
  { "better off if I weren't here", NULL },
  { "better off if I was dead", NULL },
  { "better off if I were dead", NULL },

  /* Hurting oneself: "hurt myself" alone is also a sprained ankle */
  { "want to hurt myself", NULL },
  { "going to hurt myself", NULL },
  { "urge to hurt myself", NULL },
  { "thinking about hurting myself", NULL },
  { "stop hurting myself", NULL },
  { "harm myself", NULL },
  { "harming myself", NULL },
  { "want to cut myself", NULL },
  { "urge to cut myself", NULL },
  { "cutting myself again", NULL },
  { "want to self-harm", NULL },
  { "urge to self-harm", NULL },
  { "self-harmed", NULL },
  { "self-harming again", NULL },
};

/* French ------------------------------------------------------------------------------ */

/* "Mourir de rire", "mourir de faim", "je ne veux pas mourir idiot": figures of speech. */
static const char * const fr_die_idioms[] = {
  "de rire", "de honte", "de faim", "de soif", "de froid", "de chaud", "d'ennui",
  "de fatigue", "de peur", "de jalousie", "de vieillesse", "de plaisir", "de bonheur",
  "idiot", "idiote", "bête", "vieux", "vieille", "heureux", "heureuse", NULL
};

static const char * const fr_live_idioms[] = {
  "à", "au", "aux", "en", "dans", "chez", "près", "loin", "sur", "seul", "seule",
  "ensemble", "là-bas", NULL
};

/* "Se tuer à la tâche": to work oneself to death. */
static const char * const fr_kill_idioms[] = {
  "à la tâche", "au travail", "à la salle", "de rire", "à le répéter", "à te le dire",
  "à vous le dire", NULL
};

/* "Mettre fin à ma vie d'étudiant" */
static const char * const fr_life_idioms[] = {
  "d", "de", "professionnelle", "étudiante", "sociale", "amoureuse", "active", NULL
};

/* "En finir avec ce dossier"; "en finir avec la vie" is a phrase of its own. */
static const char * const fr_done_idioms[] = { "avec", NULL };

/* "Pour ne plus me réveiller la nuit" */
static const char * const fr_wake_idioms[] = {
  "la nuit", "à", "au", "avant", "en", "trop", "tôt", "pendant", "entre", NULL
};

static const CarePhrase fr_phrases[] = {
  /* Vouloir mourir */
  { "envie de mourir", fr_die_idioms },
  { "veux mourir", fr_die_idioms },
  { "veux pas mourir", fr_die_idioms },
  { "voudrais mourir", fr_die_idioms },
  { "aimerais mourir", fr_die_idioms },
  { "souhaite mourir", fr_die_idioms },
  { "envie de crever", fr_die_idioms },
  { "veux crever", fr_die_idioms },
  { "veux être mort", fr_die_idioms },
  { "veux être morte", fr_die_idioms },
  { "voudrais être mort", fr_die_idioms },
  { "voudrais être morte", fr_die_idioms },
  { "aimerais être mort", fr_die_idioms },
  { "aimerais être morte", fr_die_idioms },
  { "préférerais être mort", fr_die_idioms },
  { "préférerais être morte", fr_die_idioms },
  { "ne jamais me réveiller", fr_wake_idioms },
  { "ne plus me réveiller", fr_wake_idioms },

  /* Mettre fin à ses jours: "me tuer" alone is also "ma mère va me tuer" */
  { "veux me tuer", fr_kill_idioms },
  { "veux pas me tuer", fr_kill_idioms },
  { "vais me tuer", fr_kill_idioms },
  { "voudrais me tuer", fr_kill_idioms },
  { "envie de me tuer", fr_kill_idioms },
  { "pense à me tuer", fr_kill_idioms },
  { "penser à me tuer", fr_kill_idioms },
  { "idée de me tuer", fr_kill_idioms },
  { "me suicider", NULL },
  { "me foutre en l'air", NULL },
  { "en finir avec la vie", NULL },
  { "en finir avec ma vie", NULL },
  { "en finir avec l'existence", NULL },
  { "envie d'en finir", fr_done_idioms },
  { "veux en finir", fr_done_idioms },
  { "fin à mes jours", NULL },
  { "fin à ma vie", fr_life_idioms },
  { "terme à ma vie", fr_life_idioms },
  { "terme à mes jours", NULL },
  { "me sens suicidaire", NULL },
  { "suis suicidaire", NULL },
  { "pensées suicidaires", NULL },
  { "idées suicidaires", NULL },
  { "pense au suicide", NULL },
  { "penser au suicide", NULL },

  /* Ne plus vouloir vivre */
  { "plus envie de vivre", fr_live_idioms },
  { "pas envie de vivre", fr_live_idioms },
  { "veux plus vivre", fr_live_idioms },
  { "veux pas vivre", fr_live_idioms },
  { "aucune raison de vivre", NULL },
  { "plus de raison de vivre", NULL },
  { "vaut pas la peine d'être vécue", NULL },
  { "vaut plus la peine d'être vécue", NULL },
  { "fatigué de vivre", fr_live_idioms },
  { "fatiguée de vivre", fr_live_idioms },
  { "las de vivre", fr_live_idioms },
  { "lasse de vivre", fr_live_idioms },
  { "mieux sans moi", NULL },
  { "mieux si j'étais mort", NULL },
  { "mieux si j'étais morte", NULL },
  { "mieux si je n'étais plus là", NULL },
  { "mieux si je disparaissais", NULL },

  /* Se faire du mal */
  { "envie de me faire du mal", NULL },
  { "veux me faire du mal", NULL },
  { "besoin de me faire du mal", NULL },
  { "pense à me faire du mal", NULL },
  { "arrêter de me faire du mal", NULL },
  { "envie de me blesser", NULL },
  { "veux me blesser", NULL },
  { "me scarifier", NULL },
  { "me mutiler", NULL },
  { "m'automutiler", NULL },
};

/* Arabic ------------------------------------------------------------------------------ */

/* "أموت من الضحك": dying of laughter, of hunger, of the heat; "أموت فيك": I adore you. */
static const char * const ar_die_idioms[] = {
  "من الضحك", "من الجوع", "من العطش", "من الحر", "من البرد", "من الخجل", "من الملل",
  "من التعب", "من الخوف", "من الغيرة", "ضحكا", "جوعا", "عطشا", "بردا", "مللا", "فيك",
  "فيكي", "عليك", "عليكي", NULL
};

/* "لا أريد أن أعيش في هذه المدينة": where or how one lives. */
static const char * const ar_live_idioms[] = {
  "في", "هناك", "وحدي", "بمفردي", "بعيدا", "قرب", "بالقرب", "بجانب", NULL
};

/* "أقتل نفسي في الشغل": working oneself to death. */
static const char * const ar_kill_idioms[] = {
  "في الشغل", "في العمل", "في الدراسة", "بالشغل", "بالعمل", "بالدراسة", "من الضحك",
  "ضحكا", NULL
};

/* "أنهي حياتي الجامعية": to finish one's university years. */
static const char * const ar_life_idioms[] = {
  "الجامعية", "المهنية", "العملية", "الدراسية", "العسكرية", "الزوجية", "المدرسية", NULL
};

static const CarePhrase ar_phrases[] = {
  /* أريد أن أموت */
  { "أريد أن أموت", ar_die_idioms },
  { "أريد الموت", ar_die_idioms },
  { "أتمنى أن أموت", ar_die_idioms },
  { "أتمنى الموت", ar_die_idioms },
  { "أتمنى لو أموت", ar_die_idioms },
  { "أتمنى لو مت", NULL },
  { "ليتني أموت", ar_die_idioms },
  { "ليتني مت", NULL },  /* also a line of the Quran (19:23), which says the same */
  { "نفسي أموت", ar_die_idioms },
  { "بدي موت", ar_die_idioms },
  { "بدي أموت", ar_die_idioms },
  { "عايز أموت", ar_die_idioms },
  { "عاوز أموت", ar_die_idioms },
  { "أبغى أموت", ar_die_idioms },
  { "أنام ولا أستيقظ", NULL },
  { "أنام ولا أصحى", NULL },
  { "أنام وما أصحى", NULL },

  /* أقتل نفسي، أنتحر */
  { "أقتل نفسي", ar_kill_idioms },
  { "سأقتل نفسي", ar_kill_idioms },
  { "هقتل نفسي", ar_kill_idioms },
  { "حقتل نفسي", ar_kill_idioms },
  { "أقتل حالي", ar_kill_idioms },
  { "سأنتحر", NULL },
  { "سوف أنتحر", NULL },
  { "أريد أن أنتحر", NULL },
  { "أريد الانتحار", NULL },
  { "بدي انتحر", NULL },
  { "رح انتحر", NULL },
  { "راح انتحر", NULL },
  { "عايز انتحر", NULL },
  { "عاوز انتحر", NULL },
  { "أبغى انتحر", NULL },
  { "نفسي انتحر", NULL },
  { "أفكر في الانتحار", NULL },
  { "أفكر بالانتحار", NULL },
  { "أفكر أن أنتحر", NULL },
  { "فكرت في الانتحار", NULL },
  { "فكرت بالانتحار", NULL },
  { "أفكار انتحارية", NULL },
  { "أفكار الانتحار", NULL },
  { "ميول انتحارية", NULL },
  { "أنهي حياتي", ar_life_idioms },
  { "سأنهي حياتي", ar_life_idioms },
  { "إنهاء حياتي", ar_life_idioms },
  { "حدا لحياتي", NULL },
  { "حد لحياتي", NULL },

  /* لا أريد أن أعيش */
  { "لا أريد أن أعيش", ar_live_idioms },
  { "لا أريد العيش", ar_live_idioms },
  { "لم أعد أريد أن أعيش", ar_live_idioms },
  { "لم أعد أريد العيش", ar_live_idioms },
  { "لا أرغب في الحياة", ar_life_idioms },
  { "لا أرغب في العيش", ar_live_idioms },
  { "ما بدي عيش", ar_live_idioms },
  { "مابدي عيش", ar_live_idioms },
  { "مش عايز أعيش", ar_live_idioms },
  { "مش عاوز أعيش", ar_live_idioms },
  { "لا سبب للعيش", NULL },
  { "لا يوجد سبب للعيش", NULL },
  { "ليس لدي سبب للعيش", NULL },
  { "لا شيء أعيش من أجله", NULL },
  { "لا شيء أعيش لأجله", NULL },
  { "لا تستحق أن تعاش", NULL },
  { "أفضل بدوني", NULL },
  { "أحسن بدوني", NULL },

  /* أؤذي نفسي */
  { "أؤذي نفسي", NULL },
  { "أؤذي حالي", NULL },
  { "إيذاء نفسي", NULL },
  { "أجرح نفسي", NULL },
};

/* Folding ----------------------------------------------------------------------------- */

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == '`' || c == 0x00B4 || c == 0x02BC || c == 0x2018 ||
         c == 0x2019 || c == 0x2032;
}

/* Letters written in more than one way, after tend_text_fold() dropped the marks (and
 * with them the hamza and madda of أ إ آ ؤ ئ). */
static gunichar
unify_letter (gunichar c)
{
  switch (c)
    {
    case 0x0671: /* ٱ alef wasla */
    case 0x0672: /* ٲ */
    case 0x0673: /* ٳ */
      return 0x0627; /* ا */
    case 0x0649: /* ى alef maqsura */
    case 0x06CC: /* ی Farsi yeh, from Persian keyboards */
      return 0x064A; /* ي */
    case 0x0629: /* ة ta marbuta */
      return 0x0647; /* ه */
    case 0x06A9: /* ک keheh */
      return 0x0643; /* ك */
    default:
      return c;
    }
}

/* @text as the lists are compared: " word word … word ", each word folded, one space
 * around each. Apostrophes split words, or vanish with @join_apostrophes. */
static char *
fold_words (const char *text,
            gboolean    join_apostrophes)
{
  g_autofree char *folded = tend_text_fold (text, -1);
  GString *words = g_string_sized_new (strlen (folded) + 2);

  g_string_append_c (words, ' ');
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c;

      if (g_ascii_isalnum (*p))
        {
          g_string_append_c (words, *p);
          continue;
        }

      c = g_utf8_get_char (p);
      if (c == 0x0640 /* tatweel */ || c == 0x0621 /* hamza on the line, often left out */ ||
          g_unichar_type (c) == G_UNICODE_FORMAT ||
          (join_apostrophes && is_apostrophe (c)))
        continue;

      c = unify_letter (c);
      if (g_unichar_isalnum (c))
        g_string_append_unichar (words, c);
      else if (words->str[words->len - 1] != ' ')
        g_string_append_c (words, ' ');
    }
  if (words->str[words->len - 1] != ' ')
    g_string_append_c (words, ' ');

  return g_string_free_and_steal (words);
}

/* Hard topics, for searches ------------------------------------------------------------ */

/* A search is short and asks for something: one word that names suicide, self-harm, an
 * eating disorder or abuse is enough there for the support card, as the big platforms'
 * sensitive-search prompts do. These never count in a note, where the same words come up
 * in news, books and grief. */
static const CarePhrase topic_phrases[] = {
  /* English */
  { "suicide" }, { "suicides" }, { "suicidal" }, { "self harm" }, { "selfharm" }, { "self harming" },
  { "self injury" }, { "self injuring" }, { "cutting myself" }, { "eating disorder" },
  { "eating disorders" }, { "anorexia" }, { "anorexic" }, { "bulimia" }, { "bulimic" },
  { "binge eating" }, { "abuse" }, { "abused" }, { "abusive" }, { "domestic violence" },
  { "sexual assault" }, { "rape" }, { "raped" },
  /* French */
  { "suicidaire" }, { "suicidaires" }, { "se suicider" }, { "automutilation" },
  { "auto mutilation" }, { "scarification" }, { "scarifications" }, { "se scarifier" },
  { "anorexie" }, { "anorexique" }, { "boulimie" }, { "boulimique" }, { "hyperphagie" },
  { "trouble alimentaire" }, { "troubles alimentaires" },
  { "troubles du comportement alimentaire" }, { "maltraitance" }, { "maltraite" },
  { "maltraitee" }, { "violence conjugale" }, { "violences conjugales" },
  { "violences sexuelles" }, { "abus sexuel" }, { "abus sexuels" }, { "viol" },
  { "inceste" },
  /* Arabic */
  { "انتحار" }, { "الانتحار" }, { "إيذاء النفس" }, { "إيذاء الذات" }, { "جرح النفس" },
  { "إيذاء نفسي" }, { "فقدان الشهية العصبي" }, { "الشره المرضي" }, { "اضطرابات الأكل" },
  { "اضطراب الأكل" }, { "اضطرابات الطعام" }, { "العنف الأسري" }, { "العنف المنزلي" },
  { "عنف أسري" }, { "الاعتداء الجنسي" }, { "اعتداء جنسي" }, { "الاغتصاب" }, { "اغتصاب" },
  { "التحرش الجنسي" }, { "سوء المعاملة" },
};

/* The lists, folded ------------------------------------------------------------------- */

typedef struct
{
  char      *words;    /* folded, without the spaces around */
  gsize      length;
  GPtrArray *everyday; /* folded, without the spaces around */
} Phrase;

static char *
fold_phrase (const char *text,
             gboolean    join_apostrophes)
{
  g_autofree char *words = fold_words (text, join_apostrophes);

  g_assert (strlen (words) > 2);
  return g_strndup (words + 1, strlen (words) - 2);
}

static void
add_folded (GPtrArray  *folded,
            const char *text)
{
  char *split = fold_phrase (text, FALSE);
  char *joined = fold_phrase (text, TRUE);

  g_ptr_array_add (folded, split);
  if (!g_str_equal (split, joined))
    g_ptr_array_add (folded, joined);
  else
    g_free (joined);
}

static void
add_phrases (GHashTable       *by_first_word,
             const CarePhrase *phrases,
             gsize             n_phrases)
{
  for (gsize i = 0; i < n_phrases; i++)
    {
      g_autoptr(GPtrArray) forms = g_ptr_array_new ();
      GPtrArray *everyday = g_ptr_array_new ();

      for (guint j = 0; phrases[i].everyday != NULL && phrases[i].everyday[j] != NULL; j++)
        add_folded (everyday, phrases[i].everyday[j]);

      add_folded (forms, phrases[i].phrase);
      for (guint j = 0; j < forms->len; j++)
        {
          Phrase *phrase = g_new0 (Phrase, 1);
          const char *space;
          GPtrArray *same_start;
          char *first_word;

          phrase->words = g_ptr_array_index (forms, j);
          phrase->length = strlen (phrase->words);
          phrase->everyday = g_ptr_array_ref (everyday);

          space = strchr (phrase->words, ' ');
          first_word = space != NULL ? g_strndup (phrase->words, space - phrase->words)
                                     : g_strdup (phrase->words);
          same_start = g_hash_table_lookup (by_first_word, first_word);
          if (same_start == NULL)
            {
              same_start = g_ptr_array_new ();
              g_hash_table_insert (by_first_word, first_word, same_start);
            }
          else
            g_free (first_word);
          g_ptr_array_add (same_start, phrase);
        }

      g_ptr_array_unref (everyday);
    }
}

/* Every phrase, by its first word. Built once and kept for the life of the program. */
static GHashTable *
get_phrases (void)
{
  static GHashTable *by_first_word;

  if (g_once_init_enter_pointer (&by_first_word))
    {
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      add_phrases (table, en_phrases, G_N_ELEMENTS (en_phrases));
      add_phrases (table, fr_phrases, G_N_ELEMENTS (fr_phrases));
      add_phrases (table, ar_phrases, G_N_ELEMENTS (ar_phrases));
      g_once_init_leave_pointer (&by_first_word, table);
    }

  return by_first_word;
}

/* The hard topics a search may name, by their first word, as get_phrases(). */
static GHashTable *
get_topics (void)
{
  static GHashTable *by_first_word;

  if (g_once_init_enter_pointer (&by_first_word))
    {
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      add_phrases (table, topic_phrases, G_N_ELEMENTS (topic_phrases));
      g_once_init_leave_pointer (&by_first_word, table);
    }

  return by_first_word;
}

/* Matching ---------------------------------------------------------------------------- */

/* Whether @at starts with @words followed by a space. */
static inline gboolean
starts_with_words (const char *at,
                   const char *words,
                   gsize       length)
{
  return strncmp (at, words, length) == 0 && at[length] == ' ';
}

/* Whether a phrase starts at @word, which ends at @end (a space, made a nul for the
 * look-up and put back). */
static gboolean
matches_at (GHashTable *by_first_word,
            char       *word,
            char       *end)
{
  GPtrArray *same_start;

  *end = '\0';
  same_start = g_hash_table_lookup (by_first_word, word);
  *end = ' ';

  if (same_start == NULL)
    return FALSE;

  for (guint i = 0; i < same_start->len; i++)
    {
      const Phrase *phrase = g_ptr_array_index (same_start, i);
      const char *next;
      gboolean everyday = FALSE;

      if (!starts_with_words (word, phrase->words, phrase->length))
        continue;

      next = word + phrase->length + 1;
      for (guint j = 0; j < phrase->everyday->len && !everyday; j++)
        {
          const char *idiom = g_ptr_array_index (phrase->everyday, j);

          everyday = starts_with_words (next, idiom, strlen (idiom));
        }

      if (!everyday)
        return TRUE;
    }

  return FALSE;
}

/* و "and" and ف "so", written joined to the next word. */
static gboolean
has_arabic_conjunction (const char *word,
                        const char *end)
{
  return end - word > 2 && (guchar) word[0] == 0xD9 &&
         ((guchar) word[1] == 0x88 || (guchar) word[1] == 0x81);
}

/* Whether any phrase of @by_first_word is in @text, on word boundaries. */
static gboolean
holds_phrase (GHashTable *by_first_word,
              const char *text)
{
  g_autofree char *words = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;

  words = fold_words (text, FALSE);

  for (char *word = words + 1; *word != '\0';)
    {
      char *end = strchr (word, ' ');

      if (matches_at (by_first_word, word, end))
        return TRUE;
      if (has_arabic_conjunction (word, end) && matches_at (by_first_word, word + 2, end))
        return TRUE;

      word = end + 1;
    }

  return FALSE;
}

/**
 * tend_care_check_matches:
 * @text: (nullable): a note, or what was typed into a search
 *
 * Whether @text holds a clear phrase of wanting to die, to end one's life or to hurt
 * oneself, in English, French or Arabic, whichever language the interface is in. Everyday
 * figures of speech ("this deadline is killing me") do not match. Nothing about @text or
 * the result is kept or logged. The time taken grows with the length of @text, no faster.
 *
 * Returns: %TRUE when Tend should offer ways to get support
 */
gboolean
tend_care_check_matches (const char *text)
{
  return holds_phrase (get_phrases (), text);
}

/**
 * tend_care_check_search_matches:
 * @text: (nullable): what was typed into a search
 *
 * Like tend_care_check_matches(), and also when the search names suicide, self-harm, an
 * eating disorder or abuse, even in one word ("suicide", "anorexie", "انتحار"): someone
 * who searches for that may be looking for help now.
 *
 * Returns: %TRUE when Tend should offer ways to get support beside the results
 */
gboolean
tend_care_check_search_matches (const char *text)
{
  return holds_phrase (get_topics (), text) || tend_care_check_matches (text);
}
