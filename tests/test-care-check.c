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
  /* Spoken forms, slang and common misspellings */
  "i dont wanna live like this anymore",
  "honestly i just wanna die rn",
  "I want 2 die",
  "i wnat to die",
  "kms. seriously. i can't do this anymore",
  "gonna kms if tomorrow goes like today",
  "I want to unalive myself.",
  "i'm gonna off myself",
  "I think I'm going to end it tonight.",
  "bro i'm actually gonna end it",
  "I keep wishing I would just die.",
  "Part of me wants to die.",
  /* Not waking up */
  "I keep hoping I won't wake up tomorrow.",
  "not suicidal exactly, i just wouldn't mind if i didn't wake up",
  "every morning i'm disappointed i woke up",
  "Woke up again. Wish I hadn't.",
  "i wish i could just fall asleep forever",
  "I don't want to wake up tomorrow.",
  /* Not wanting to exist or to be here; disappearing for good */
  "I wish I could just stop existing.",
  "I want to not exist.",
  "There's no point to any of it. I don't want to be here anymore.",
  "I want to disappear. Not a holiday, I mean be gone for good.",
  "i wanna disappear forever",
  "I wish I could vanish and no one would remember I was ever here.",
  "I just want to be gone.",
  "What's the point of living if it's always going to feel like this.",
  "Life isn't worth living anymore.",
  "I have nothing left to live for.",
  "I can't keep living like this.",
  "I'm done with life.",
  "I'm so tired of fighting to stay alive.",
  "Death sounds like a relief right now.",
  "Suicide keeps feeling like the only way out.",
  /* A burden; better off without me */
  "I'm just a burden to everyone I love.",
  "I feel like such a burden. They'd be relieved if I was gone.",
  "My family would be better off if I wasn't around.",
  "It'd be easier for everyone if I just stopped being here.",
  "Nobody would even miss me if I died.",
  "they'd all be happier if i was dead",
  "The world would be better without me.",
  /* Methods and plans */
  "I've been saving up my pills. Just in case.",
  "I'm thinking about overdosing.",
  "Stood on the balcony for a long time tonight thinking about jumping.",
  "I wish a car would just hit me on the way home.",
  "I've made a plan. I know when.",
  "I've started writing a suicide note.",
  "I've written letters to everyone. I think this is goodbye.",
  "I'm ready to go. I've said my goodbyes in my head.",
  /* Hurting oneself, now or lately */
  "i cut myself again last night",
  "I cut myself.",
  "The urge to cut is really strong tonight.",
  "I burned myself on purpose. I don't know why I keep doing this.",
  "I hit myself until it bruised.",
  "i relapsed. cut again.",
  "Cut deeper than usual tonight.",
  "I keep scratching my arms till they bleed.",
  "The only thing that helps is hurting myself.",
  "I've been self-harming again.",
  "I started cutting again.",
  /* Next words that look like an everyday use's, and are not */
  "I cut myself a lot.",
  "I cut myself when I'm sad.",
  "I keep hurting myself at night.",
  "I don't want to wake up at all.",
  "Everyone would be better off if I was gone for good.",
  "I'm thinking about jumping in front of a train.",
  "I don't want to live in this world anymore.",
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
  /* Dye misspelt */
  "I want to die my hair purple for summer.",
  /* Living and dying wishes, fears and old age */
  "I don't want to die without seeing Japan at least once.",
  "I don't want to die before my kids grow up.",
  "Honestly I want to die at 95 in my garden with a cup of tea, that's the plan.",
  "Nan always said she wanted to die in her own bed.",
  "My grandmother was ready to die, she said, and she was at peace.",
  /* Where, with whom and how one lives */
  "Tired of living out of a suitcase for work.",
  "I'm sick of living with flatmates who never wash up.",
  "I don't want to live with my parents forever.",
  "I don't want to live like my parents, always stressed.",
  "I don't want to exist on toast and cereal anymore.",
  "I can't keep living paycheck to paycheck.",
  "Tired of life in the city.",
  "I'm done with life admin for today.",
  /* Ending a phase, a lease, a relationship */
  "Day one of ending my life as a smoker!",
  "I want to end it with Mark. It's just not working.",
  "I want to end it on a high note.",
  /* Waking someone else, or too early */
  "I don't want to wake up the baby so I'm typing this in the dark.",
  "Don't want to wake up Sophie, she's had a rough night with her teeth.",
  "I hope I don't wake up with a hangover tomorrow.",
  "I'm so tired I could sleep forever.",
  "I wish I could sleep forever on Sundays.",
  /* Disappearing for a while */
  "I want to disappear into a good book this weekend.",
  "Want to disappear to a cabin with no wifi for a week.",
  "I just want to vanish under a blanket with tea and a film.",
  "Ghosted by another date. I want to disappear from the apps for a while.",
  "I want to be gone by 8 so I miss the traffic.",
  /* Everyday cuts, burns and knocks */
  "Cut myself shaving this morning, looked like a crime scene.",
  "cut myself on a piece of paper of all things",
  "I accidentally cut myself opening a parcel.",
  "I need to cut myself some slack.",
  "Cutting myself a piece of cheese.",
  "I keep hurting myself at the gym.",
  "Hitting myself on the head for forgetting her birthday.",
  "I worried I'd be a burden after the surgery but my friends were lovely.",
  /* Numbers, farewells, topics */
  "I ran 5 kms today.",
  "I think this is goodbye to the old flat.",
  "I thought about suicide prevention all day at the training.",
  "When I'm no longer around, the house goes to my kids.",
  "The company stopped existing in 2010.",
  "If I was dead tired yesterday, today is worse.",
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
  "Je ne veux pas vraiment mourir, je veux juste disparaître un moment.",
  /* Formes parlées et fautes courantes */
  "je veut mourir",
  "je veu mourir",
  "jveux mourir sérieux",
  "jveux me tuer",
  "jai envi de mourir",
  "j'ai envie de mourrir",
  "jai pu envie de vivre",
  "je veux juste mourir",
  "Chui un boulet pour tout le monde.",
  /* Ne pas se réveiller, ne plus exister, disparaître */
  "Je veux pas me réveiller demain.",
  "J'espère ne pas me réveiller demain matin.",
  "Je voudrais m'endormir pour toujours.",
  "Chaque matin je suis déçue de me réveiller.",
  "Je voudrais juste ne plus exister.",
  "J'aimerais disparaître pour de bon.",
  "Je veux disparaître, qu'on m'oublie complètement.",
  "Je veux plus être là.",
  "Je ne veux plus être en vie.",
  "J'en ai marre de vivre.",
  "Je suis fatiguée d'exister.",
  "Je n'ai plus la force de vivre.",
  "À quoi bon vivre.",
  "Ma vie ne vaut rien.",
  "Je ne vois plus l'intérêt de vivre.",
  "J'aurais préféré ne jamais naître.",
  "La mort serait un soulagement.",
  "Je préfère mourir que continuer comme ça.",
  /* En finir */
  "Je pense à en finir tous les jours.",
  "Je vais en finir ce week-end.",
  "J'veux en finir avec tout ça.",
  "Je vais mettre fin à tout ça ce soir.",
  "J'ai des idées noires depuis des semaines.",
  "J'ai pensé à me jeter sous le métro aujourd'hui.",
  "J'ai envie de m'ouvrir les veines.",
  "Je crois que je vais passer à l'acte.",
  "J'ai tout prévu. Je sais comment et quand.",
  "Adieu. Merci à ceux qui ont essayé.",
  "Si je ne suis plus là la semaine prochaine, pardon.",
  /* Un poids; mieux sans moi */
  "Je suis un poids pour tout le monde.",
  "Je suis un fardeau pour ma famille.",
  "Je suis de trop, partout où je vais.",
  "Tout le monde serait plus heureux si je n'étais plus là.",
  "Personne ne remarquerait si je disparaissais.",
  "Je me dis souvent que ce serait plus simple si j'étais morte.",
  /* Se faire du mal */
  "Je me scarifie depuis deux mois.",
  "Je me suis scarifiée hier soir, encore.",
  "J'ai rechuté, je me suis coupée.",
  "J'me suis coupée exprès ce soir.",
  "Je me coupe les bras pour ne plus rien sentir.",
  "Je me fais du mal et personne ne le voit.",
  "Je me brûle avec mes cigarettes, exprès.",
  "Je me frappe quand je panique, et après j'ai honte.",
  "J'ai peur de ce que je pourrais me faire ce soir.",
  "Je ne veux plus vivre dans ce monde.",
  "Je me suis coupée au bras.",
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
  /* Vivre où, avec qui, comme qui; vivre un moment */
  "Je suis fatiguée de vivre avec des colocs qui ne font jamais la vaisselle.",
  "Je ne veux pas vivre comme mes parents, toujours stressés.",
  "Je suis lasse de vivre avec cette douleur au genou, vivement l'opération.",
  "Je n'ai pas envie de vivre cette réunion demain.",
  "Je n'ai pas envie de vivre la même galère que l'an dernier.",
  "J'en ai marre de la vie chère.",
  /* Mourir vieux, ou pas sans avoir vécu */
  "Je ne veux pas mourir sans avoir vu le Japon.",
  "Je veux mourir vieille dans une maison pleine de chats.",
  "J'ai envie de crever l'abcès avec mon frère.",
  /* Se réveiller trop tôt, réveiller les autres */
  "Je ne veux pas me réveiller trop tôt demain.",
  "Je mets des bouchons pour ne pas me réveiller la nuit.",
  "Je ne veux pas réveiller le bébé, alors j'écris dans le noir.",
  /* Disparaître un moment */
  "Je veux disparaître dans un bon livre ce week-end.",
  "J'ai envie de disparaître sous la couette avec un thé.",
  "Je veux disparaître de Facebook, trop de drama.",
  "J'aimerais disparaître une semaine en Bretagne, sans réseau.",
  /* Coupures et bobos */
  "Je me suis coupé en cuisinant, rien de grave.",
  "Je me suis coupée le doigt en épluchant les carottes.",
  "Je me suis coupé les ongles trop court.",
  "Je me suis brûlée avec la poignée de la casserole.",
  "Je vais me faire du mal au dos à porter ça.",
  /* Finir autre chose; adieux d'un jour; de trop */
  "Je veux en finir avec les clopes.",
  "Je veux mettre fin à ma vie de célibataire, j'ai dit oui !",
  "Adieu les soldes, bonjour les factures.",
  "On s'est dit adieu hier soir.",
  "Je suis de trop bonne humeur pour travailler.",
  "Je me sens un poids en moins depuis que j'ai fini.",
  "Je veux passer à l'acte et m'inscrire à la salle.",
  "Le magasin va cesser d'exister.",
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
  "أتمنى لو أنني مت.",
  "ليتني لم أولد.",
  "الموت أرحم من هذا العذاب.",
  "تعبت من الحياة.",
  "سئمت من الحياة.",
  "يا رب خذني وريحني.",
  "لا معنى لحياتي ولا أريد أن أكملها.",
  "لا أريد أن أستيقظ غداً.",
  "أتمنى ألا أستيقظ في الصباح.",
  "أتمنى أن أختفي إلى الأبد.",
  "أنا عبء على عائلتي.",
  "أشعر أنني ثقل على من حولي.",
  "أهلي سيرتاحون لو مت.",
  "لو مت اليوم لن يفتقدني أحد.",
  "لا أريد أن أكون موجوداً.",
  "أتمنى أن تصدمني سيارة.",
  "قررت أن أرحل. ودعت الجميع دون أن يعرفوا.",
  "جرحت نفسي مرة أخرى الليلة.",
  "أحرق نفسي بالسجائر عمداً.",
  "ضربت نفسي حتى تورمت يدي.",
  "أخدش يدي حتى تنزف.",
  /* Egyptian, feminine forms included */
  "عاوزة أموت.",
  "مش عايزة أعيش.",
  "نفسي أنام وما أصحاش.",
  "خلاص مبقتش قادر أعيش.",
  "عايز أخلص من حياتي.",
  "الكل هيبقى أحسن من غيري.",
  "أنا بجرح نفسي كل ما أتضايق.",
  /* Levantine */
  "ما عاد بدي عيش.",
  "بتمنى موت.",
  "بتمنى لو ما انخلقت.",
  "ما بدي فيق بكرا.",
  "عم بأذي حالي.",
  "حاسة حالي عبء على أهلي.",
  "الكل رح يكون أحسن بلاي.",
  "بدي خلص من حالي.",
  "ما عاد فيني عيش.",
  /* Gulf */
  "ودي أموت وأرتاح من كل شي.",
  "أبي أموت.",
  "ما ابغى اعيش بعد.",
  "ودي أنام وما أقوم.",
  /* Maghrebi: the first person in ن */
  "بغيت نموت وصافي.",
  "ما بغيتش نعيش.",
  "راني عييت من الحياة.",
  "حاب نموت.",
  "نجرح روحي.",
  "غادي نقتل راسي.",
  "بغيت نختفي.",
  "أنا عالة على كلشي.",
  "جرحت نفسي وأنا حزينة.",
  "لا أريد أن أعيش في هذه الدنيا.",
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
  /* Wishes of faith: to die a Muslim, in prayer, in Mecca, old among one's own */
  "أَتَمَنَّى أَنْ أَمُوتَ عَلَى الإِسْلَامِ.",
  "أتمنى الموت على طاعة الله.",
  "أتمنى أن أموت وأنا ساجد.",
  "أتمنى أن أموت في مكة.",
  "أتمنى أن أموت بين أهلي وأنا كبير في السن.",
  "أتمنى أن أموت شهيدا",
  "يا رب خذني للحج السنة الجاية",
  "أتمنى الموت لأعدائي",
  "لا أريد أن أموت قبل أن أحج",
  /* Where, with whom, like whom one lives */
  "ما بدي عيش بهالبلد.",
  "مش عايز أعيش مع أهلي طول عمري.",
  "لا أريد أن أعيش مثل والدي.",
  "تعبت من الحياة في المدينة",
  /* Ending a phase */
  "أنهي حياتي العزوبية الشهر القادم!",
  /* Sleeping late, waking others */
  "أنام وما أصحى إلا على ريحة القهوة.",
  "أتمنى أن أنام ولا أستيقظ قبل الظهر يوم الجمعة.",
  "مش عايز أصحي العيال.",
  /* Disappearing for a while; everyday burns and cuts; a research topic */
  "أريد أن أختفي في كتاب جميل هذا الأسبوع.",
  "ودي أسافر وأختفي أسبوع بدون جوال.",
  "جرحت نفسي وأنا أطبخ",
  "حرقت نفسي بالزيت وأنا أطبخ",
  "بغيت نموت بالضحك.",
  "أفكر في الانتحار كموضوع لبحثي في علم النفس.",
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
    /* A drawn-out last letter */
    "i want to dieeee",
    "kill myselffff",
    "i want to diee",
    "I WANT TO DIE ANYMORE",
    "DON'T WANT TO WAKE UP ANYMORE",
    "تَعِبْتُ مِنَ الحَيَاةِ.",
    "لا اريد ان استيقظ",
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

/* A phrase within quotation marks is someone else's words, unless the writer brings the
 * quotation in, or the note is nothing but the quotation. */
static void
test_quoted_speech (void)
{
  static const char * const others[] = {
    "In the film she says \"I want to die\" and I cried through the whole scene.",
    "Dans le film, elle dit « je veux mourir » et j'étais en larmes.",
    "My friend told me “I feel like such a burden” and I hugged her.",
    "قال في الفيلم \"أريد أن أموت\" وبكيت",
    "Elle a dit « je vais me tuer » en rigolant dans la série.",
  };
  static const char * const own[] = {
    "I told my sister \"I want to die\" and she hung up.",
    "“I want to die,” I told my therapist.",
    "« Je veux mourir », je me le répète chaque soir.",
    "\"want to die\"",
    "“I want to die”",
    /* A quotation mark never closed */
    "She said \"hi. I want to die.",
    /* Outside the quotation marks */
    "In the film she says \"goodbye\". I want to die.",
  };

  check_all (others, G_N_ELEMENTS (others), FALSE);
  check_all (own, G_N_ELEMENTS (own), TRUE);
}

/* The next words that cancel a phrase are in its sentence; "@" there is a name, a
 * capital within a sentence; "#" a number; "*" any word, for a phrase that counts only
 * where its sentence ends. A phrase within a longer one its next words cancel is
 * cancelled too. */
static void
test_next_words (void)
{
  static const char * const match[] = {
    "I don't want to live. In the morning everything is worse.",
    "I cut myself. On the bright side nobody saw.",
    "I don't want to wake up. Sophie will find me.",
    "I don't want to wake up. Everything hurts.",
    "I don't want to die, I want it to stop.",
    "This is goodbye.",
    "Adieu.",
    "kms",
    "I want to die at last",
  };
  static const char * const no_match[] = {
    "Don't want to wake up Sophie, she's had a rough night.",
    "I don't want to wake up Élodie.",
    "I want to die at 95.",
    "I ran 10 kms this morning.",
    "This is goodbye to my twenties!",
    "Adieu les vacances.",
    "I don't want to die without seeing Japan.",
    "Je ne veux pas mourir sans avoir vu la mer.",
    "لا أريد أن أموت قبل أن أرى أحفادي",
    "I accidentally cut myself opening a parcel.",
  };

  check_all (match, G_N_ELEMENTS (match), TRUE);
  check_all (no_match, G_N_ELEMENTS (no_match), FALSE);
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

  /* Phrases the next words cancel, and quoted speech, many times over (64 kB: what this
   * checks is that one cancelled phrase or quotation does not spill onto the next) */
  g_string_truncate (text, 0);
  while (text->len < 64 * 1024)
    g_string_append (text, "I don't want to live with my parents. Cut myself shaving. "
                           "Je me suis coupé en cuisinant. ما بدي عيش بهالبلد. "
                           "She said \"I want to die\" in the film. ");
  g_assert_false (tend_care_check_matches (text->str));
  g_string_append (text, "I want to die.");
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
  g_test_add_func ("/care-check/quoted-speech", test_quoted_speech);
  g_test_add_func ("/care-check/next-words", test_next_words);
  g_test_add_func ("/care-check/nothing-to-check", test_nothing_to_check);
  g_test_add_func ("/care-check/long-text", test_long_text);
  g_test_add_func ("/care-check/search-topics", test_search_topics);
  g_test_add_func ("/text/fold", test_fold);

  return g_test_run ();
}
