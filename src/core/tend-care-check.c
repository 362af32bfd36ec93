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
 * - Conservative phrases, never single words: "kill", "die", "mourir" or "suicide" alone
 *   appear in news, books and grief, and a card there would feel like being watched. The
 *   phrases are in the first person, or about one's own life. Arabic is the one
 *   exception, in form only: a verb there carries its person, so "سأنتحر"
 *   ("I will kill myself") is one word and as clear as the English phrase. Forms that
 *   read the same for another person once folded are left out: "انتحر" is also
 *   "he died by suicide", and "ابي" alone is both Gulf "I want" and "my father" (it is
 *   kept only before a verb in the first person, "أبي أموت", which "my father" cannot
 *   be). Slang counts as a phrase where it is only ever about oneself: "kms",
 *   "unalive myself".
 * - The classes, in each language: wanting to die or not to wake up; ending one's life;
 *   not wanting to live, to exist or to be here, and wanting to disappear for good; being
 *   a burden, or others being better off without one; hurting oneself, now or lately
 *   (cutting, burning, hitting oneself); and a few plain signs of a method, a plan or a
 *   farewell ("saving up my pills", "said my goodbyes in my head"), where they cannot be
 *   read another way. Each comes in the forms people type: spoken ("wanna", "jveux",
 *   "chui"), common misspellings ("wnat to die", "je veut mourir", "mourrir"), and in
 *   Arabic the dialects' own words for "I want" and the first person (Maghrebi بغيت نموت,
 *   Gulf ودي and أبغى, Egyptian عايز and عايزة, Levantine بدي and بتمنى).
 * - A list entry may hold alternatives, which may nest: "(wish|hope) I (just |)die"
 *   stands for "wish I just die", "wish I die", "hope I just die" and "hope I die".
 * - Everyday figures of speech do not match: "this deadline is killing me",
 *   "dying to see the film", "mort de rire", "je meurs de faim", "الحر يقتلني". Where a
 *   phrase has an everyday use that only the next words reveal ("want to die laughing",
 *   "j'ai envie de mourir de rire", "أموت من الضحك", "don't want to live in this city",
 *   "cut myself shaving", "أتمنى أن أموت على الإسلام"), those next words are listed with
 *   it and cancel it. In those next words "#" stands for any number
 *   ("want to die at 95"), "@" for a name, a word written with a capital within a
 *   sentence ("don't want to wake up Sophie"), and "*" for any word at all (a phrase that
 *   counts only where its sentence ends). The next words must be in the same sentence
 *   (one ends at . ! ? ؟ … or a new line): "I don't want to live. In the morning…" still
 *   matches. A few phrases also list the one word before them that makes them everyday
 *   ("5 kms"). "J'ai envie de mourir de rire" is ambiguous on paper but is nearly always
 *   said laughing, so it does not match; any other "envie de mourir" does.
 * - A phrase inside a longer one that its next words cancel is cancelled with it:
 *   "I don't want to die without seeing Japan" does not match as "want to die".
 * - Quoted speech is someone else's words: a phrase within quotation marks
 *   (" “ ” „ « ») does not match, as in "in the film she says “I want to die”", unless
 *   the writer brings the quotation in, with I, je or أنا earlier in its sentence
 *   ("I told him "I want to die"") or right after the closing mark ("“I want to die,” I
 *   said"), or the note is nothing but the quotation.
 *   "I watched a film where she says “…”" therefore still shows the card, which costs
 *   little.
 * - Negation still matches: "I don't want to die", "je ne veux pas mourir",
 *   "لا أريد أن أموت". People in crisis often write it while torn ("I don't want to die,
 *   I want the pain to stop"), and after a frightening moment it is still a time when
 *   talking to someone helps. The card is calm and dismissed in one click, so showing it
 *   costs little; missing it could cost more. Only the next words above cancel it
 *   ("I don't want to die before I see Japan").
 * - Words are compared folded: case, accents and Arabic diacritics removed, alef forms,
 *   alef maqsura and ta marbuta unified, tatweel and hamza dropped, punctuation and runs
 *   of spaces made one space, and apostrophes either split words or vanish ("don't" is
 *   found as "don t" and "dont"). A phrase starts and ends on word boundaries, so
 *   "skill myself" is not "kill myself", though its last letter may be drawn out
 *   ("i want to dieeee"). An Arabic phrase may also start with the conjunctions و or ف
 *   joined to its first word ("وأريد أن أموت").
 *
 * The text is folded once and read word by word (twice more when it holds quotation
 * marks); at each word only the phrases that begin with it and the word after it are
 * compared, and only their few next words, so a long note takes time in proportion to its
 * length. */

typedef struct
{
  const char         *phrase;
  const char * const *everyday; /* next words that make it a figure of speech */
  const char * const *before;   /* the word before that makes it everyday */
} CarePhrase;

/* English ----------------------------------------------------------------------------- */

/* "Want to die laughing", "want to die at 95", and "die" for "dye". */
#define EN_DIE_IDIOMS \
  "laughing", "of laughter", "of embarrassment", "from embarrassment", "of shame", \
  "of boredom", "happy", "old", "of old age", "at #", "at the age of", "at a ripe", \
  "for my (kids|children|family|country)", \
  "my (hair|nails|clothes|beard|roots|eyebrows|jeans|shirt|shoes|fringe|bangs)"

static const char * const en_die_idioms[] = { EN_DIE_IDIOMS, NULL };

/* "I don't want to die without seeing Japan": a fear of dying, or a wish for life. */
static const char * const en_die_not_idioms[] = {
  EN_DIE_IDIOMS, "without", "before", "young", "like", "in (a|an|pain)", "on (a|an|the)",
  "of", "from", "alone", NULL
};

/* "I don't want to live in this city": where or how one lives. "With" alone and "here"
 * are not listed, as "I don't want to live with this pain" and "not here anymore" are what
 * the check is for. */
#define EN_LIVE_IDIOMS \
  "in", "at", "near", "abroad", "alone", "together", "on", "by", "next", "close", "there", \
  "somewhere", "anywhere", "forever", "out of", "like (my|them|him|her|everyone)", \
  "with (my|our|) (parents|mum|mom|dad|mother|father|family|folks|in-laws|ex|partner|" \
  "boyfriend|girlfriend|husband|wife|flatmates|flatmate|roommates|roommate|housemates|" \
  "housemate|sister|brother|kids|grandparents|gran)", \
  "with (him|her|them|someone|strangers|a|an|other people|regret|regrets|no regrets)"

static const char * const en_live_idioms[] = { EN_LIVE_IDIOMS, NULL };

static const char * const en_life_tired_idioms[] = { EN_LIVE_IDIOMS, "admin", "in general", NULL };

static const char * const en_exist_idioms[] = { "on", "in (a|an|the) (world|city|town)", NULL };

static const char * const en_kill_idioms[] = {
  "laughing", "working", "at work", "at the gym", "trying", NULL
};

static const char * const en_take_idioms[] = { "back", "in", "into", NULL };

/* "Ending my life as a smoker" */
static const char * const en_life_idioms[] = { "as (a|an)", NULL };

/* "I don't want to wake up early", "… the baby", "… Sophie"; not "… at all" */
static const char * const en_wake_idioms[] = {
  "early", "(so|too) (early|soon|late)", "at (#|six|seven|five|eight|dawn|noon|the crack)",
  "before", "for (work|school|the|a|an|my)", "on time", "late", "my", "your", "his", "our",
  "their", "him", "her", "them", "you", "everyone", "anyone", "anybody", "everybody", "people",
  "the (baby|babies|kids|children|house|whole house|neighbours|neighbors|dog|cat|others|family)",
  "@", "#", "with (a|an) (hangover|headache|alarm)", "hungover", "sore", "sick", "grumpy",
  "in the middle", "during", NULL
};

/* "I want to end it with Mark" */
static const char * const en_end_it_idioms[] = {
  "with", "between", "early", "there", "here for", "for (now|today|the day|tonight)",
  "on (a|an|that|this) (high|good|nice|positive)", "properly", "politely", "nicely", NULL
};

/* "I want to disappear into a good book", "… to a cabin", "… from the apps for a while" */
static const char * const en_vanish_idioms[] = {
  "into", "in", "to", "under", "for (a|the|an|some|two|three|this|tonight|today)", "on",
  "with", "off to", "somewhere", "abroad", "offline", "off (the grid|social|grid|socials)",
  "from (the apps|social media|socials|instagram|facebook|twitter|tiktok|the internet|online|"
  "work|the office|the group chat|the party|this party|the chat)", NULL
};

/* "Better off if I was gone for the weekend"; not "… for good" */
static const char * const en_gone_idioms[] = {
  "for (a|an|the|two|three|four|five|some|one|#|this|that|these|those|half|most|part|work)",
  "by", "before", "at", "on", "over", "until", "till", "during", NULL
};

/* "Cut myself shaving", "… on a piece of paper", "… a slice of cake", "… some slack";
 * not "cut myself a lot" or "… when I'm sad" */
#define EN_CHORES \
  "(shaving|chopping|cooking|slicing|opening|peeling|gardening|making|fixing|cutting|carving|" \
  "cleaning|washing|doing|trying|working)"

static const char * const en_cut_idioms[] = {
  EN_CHORES, "(while|when) (I was |)" EN_CHORES, "on (a|an|the|some|paper|glass|broken|that|this)",
  "by accident", "accidentally", "a (slice|piece|bit|break|deal|portion|sandwich)",
  "an (extra|apple)", "some (slack|cake|bread|cheese|fruit|paper)", "off", "out", "free",
  "short", "loose", "in the kitchen", "at work",
  "with (a|the) (knife|bread knife|kitchen knife|tin|can|saw|scissors)", "again on", NULL
};

static const char * const en_cut_before[] = { "accidentally", "nearly", "almost", NULL };

/* "The urge to cut my hair", "… back on sugar" */
static const char * const en_urge_cut_idioms[] = {
  "my (hair|own hair|fringe|bangs|nails|losses)", "back", "down", "out", "off", "ties",
  "corners", "in", "the (grass|lawn|cake|hedge|cord|crap|line)", "a (fringe|cake|deal)",
  "someone", "carbs", "sugar", "costs", "loose", "it short", NULL
};

/* "Hurting myself playing football"; not "… at night" */
static const char * const en_hurt_idioms[] = {
  "playing", "lifting", "doing", "running", "training", "on (a|an|the|that|this)",
  "at (the gym|work|training|football|practice|the park)", "with the", "by accident",
  "accidentally", "(while|when) (I'm |I am |im |)(run|running|lift|lifting|play|playing|train|"
  "training|climb|climbing|working|cooking)", "falling", "tripping",
  "trying to (lift|carry|move|reach)", "in (football|rugby|training|practice|the gym|the garden|"
  "the kitchen)", NULL
};

/* "Hitting myself on the head for forgetting"; not "… with a belt" */
static const char * const en_hit_idioms[] = {
  "in the face with", "with (a|the) (door|ball|racket|bat|hammer|cupboard|car door)",
  "on (a|the) (head|forehead|door|table|corner|cupboard|shelf)", "by accident", "accidentally",
  "for", NULL
};

/* "Thinking about jumping ship"; not "… in front of a train" */
static const char * const en_jump_idioms[] = {
  "ship", "the gun", "back", "rope", "ahead", "out of (a|the) plane", "from (a|the) plane",
  "jacks", "around", "up and down", "for joy", "the queue", "the line", "through hoops",
  "with (joy|a parachute)", "off (a|the) (plane|diving board|board)", "forward",
  "(in|into) (the|a) (pool|lake|sea|river|water|deep end|project|job|conversation|relationship)",
  "into it", "on (the|a) (bandwagon|trampoline|bed|train|bus|call|opportunity|chance)",
  "at (the|a|this) (chance|opportunity)", "to conclusions", "to (a|another|the next)",
  "over (the|a) (fence|wall|puddle|hurdle)", NULL
};

/* "No reason to keep going to that gym" */
static const char * const en_keep_idioms[] = {
  "to", "with", "back", "there", "out", "on about", "in", NULL
};

/* "I wish I could sleep forever on Sundays" */
static const char * const en_weekend_idioms[] = {
  "on (sunday|sundays|saturday|saturdays|weekends|the weekend|holiday|holidays|days off)", NULL
};

/* "This is goodbye to the old flat": only where its sentence ends. */
static const char * const en_end_of_sentence[] = { "*", NULL };

/* "5 kms", "a few kms" */
static const char * const en_number_before[] = {
  "#", "few", "many", "several", "some", "of", "more", "extra", "the", "those", "these", "two",
  "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
  "twenty", "thirty", "forty", "fifty", "hundred", "thousand", NULL
};

/* "His death would be a relief" is grief, or care, for someone else. */
static const char * const en_others_before[] = {
  "his", "her", "their", "its", "s", "your", "our", NULL
};

/* "If I was dead tired" */
static const char * const en_dead_idioms[] = {
  EN_DIE_IDIOMS, "tired", "set", "serious", "wrong", "last", "broke", "certain", "sure", "right",
  "on", NULL
};

/* "I can't keep living paycheck to paycheck" */
static const char * const en_keep_living_idioms[] = {
  EN_LIVE_IDIOMS, "paycheck", "pay cheque", "paycheque", "off", "beyond", "on", NULL
};

/* "Thinking about suicide prevention" */
static const char * const en_topic_idioms[] = {
  "prevention", "rates", "rate", "awareness", "statistics", "research", "as (a|an)", "in (the|a)",
  "laws", "law", "for (my|an|a|the) (essay|class|course|paper|article)", NULL
};

static const char * const en_life_pointless_idioms[] = { "without", NULL };

static const char * const en_plan_idioms[] = { "to", NULL };

static const CarePhrase en_phrases[] = {
  /* Wanting to die */
  { "(want|wnat) (to|2) (just |really |)die", en_die_idioms },
  { "wanna (just |really |)die", en_die_idioms },
  { "(don't|do not|dont) (want to|wanna|want 2) die", en_die_not_idioms },
  { "part of me wants to die", en_die_idioms },
  { "(want to|wanna) be dead", NULL },
  { "(wish|wishing|wished) I (was|were|could be) dead", NULL },
  { "(wish|wishing|wished) I (could|would|'d) (just |)die", NULL },
  { "wish I (had|'d|was|were) never been born", NULL },
  { "wish I was never born", NULL },
  { "wish I (hadn't|wasn't|had not|was not) (been |)born", NULL },
  { "wish I (wasn't|weren't|was not|were not) alive", NULL },
  { "wish I didn't exist", NULL },
  { "better off dead", NULL },
  { "rather be dead", NULL },
  { "rather die than (live|go on|keep living|keep going|wake up|be alive|face another)", NULL },
  { "(hope|hoping) I (just |)die", en_die_idioms },
  { "(get|got|getting) sick and die", NULL },
  { "(death|dying) (sounds like|would be|feels like|seems like|looks like) (a relief|a release|"
    "a mercy|freedom|peace|the only way out|my only way out|the answer|the only answer|"
    "the only option)", NULL, en_others_before },
  { "suicide (keeps feeling like|feels like|seems like|is|looks like|sounds like|keeps seeming "
    "like) (the|my) only (way out|option|answer|choice)", NULL },
  { "(imagining|imagine|picturing|picture) my (own |)funeral", NULL },

  /* Not waking up */
  { "sleep and (never|not) wake up", NULL },
  { "(hope|hoping|wish|praying) I (don't|won't|never|wouldn't|didn't|do not|will not|would not|"
    "did not) wake up", en_wake_idioms },
  { "(don't|do not|dont) (want to|wanna) wake up", en_wake_idioms },
  { "(wouldn't|would not|wouldnt) mind (if I (didn't|never|did not) wake up|not waking up|"
    "if I died|if I was dead|if I were dead)", NULL },
  { "(wouldn't|would not|wouldnt) mind (dying|being dead)", en_die_idioms },
  { "(want to|wanna|wish I could|wish I could just|I could just|just want to) (sleep|fall asleep) "
    "forever", en_weekend_idioms },
  { "fall asleep forever", NULL },
  { "sleep forever and never", NULL },
  { "disappointed (I|that I) woke up", en_wake_idioms },
  { "disappointed to (wake up|still be alive|be alive|still be here)", NULL },
  { "disappointed (I'm|I am) still (alive|here|breathing)", NULL },
  { "woke up (again |today |this morning |)(wish|and wish|wished) I (hadn't|didn't|had not|"
    "did not)", en_end_of_sentence },

  /* Ending one's life */
  { "kill myself", en_kill_idioms },
  { "(think|thinking|thought|thoughts) (about|of) killing myself", NULL },
  { "considering killing myself", NULL },
  { "(unalive|unaliving|unalived) myself", NULL },
  { "(end|ending) myself", NULL },
  { "(to|gonna|wanna|going to|I'll|I will|might|should) off myself", NULL },
  { "offing myself", NULL },
  { "kms", NULL, en_number_before },
  { "end my (own |)life", en_life_idioms },
  { "ending my (own |)life", en_life_idioms },
  { "take my life", en_take_idioms },
  { "(take|taking) my own life", NULL },
  { "(end|ending) it all", NULL },
  { "(end|ending) it (tonight|today|tomorrow|soon|now|this weekend|this week)", NULL },
  { "(close to|thinking about|thinking of|planning on) ending it", en_end_it_idioms },
  { "(going to|gonna|ready to|about to|decided to|planning to) end it", en_end_it_idioms },
  { "(want to|wanna|going to|gonna|might|will|I'll|try to|tried to) commit suicide", NULL },
  { "I attempted suicide", NULL },
  { "(feel|feeling|felt) suicidal", NULL },
  { "(I am|I'm|Im|I've been|I have been|been) suicidal", NULL },
  { "suicidal thoughts", NULL },
  { "suicidal again", NULL },
  { "(thoughts|thinking|thought) (of|about) suicide", en_topic_idioms },
  { "considering suicide", NULL },
  { "my suicide (note|letter)", NULL },
  { "(writing|wrote|written|write|drafted|drafting) (a|my) suicide (note|letter)", NULL },
  { "(want to|wanna|going to|gonna|thinking about|thinking of|might) overdose", NULL },
  { "(thinking about|thinking of|thought about|considering|think about) overdosing", NULL },
  { "(take|taking|took) an overdose", NULL },
  { "(take|taking|took|swallow|swallowing|swallowed) all (my|the|of my) (pills|tablets|meds)",
    NULL },
  { "(stockpiling|hoarding|saving up|been saving) (my |)(pills|tablets|meds)", NULL },
  { "(thinking|thought) (about|of) jumping", en_jump_idioms },
  { "(jump|jumping) (off|from) (a|the) (bridge|roof|building|balcony|cliff|tower)", NULL },
  { "(jump|jumping|step|stepping|throw myself) in front of (a|the) (train|bus|car|truck|lorry)",
    NULL },
  { "throw myself (off|under|from)", NULL },
  { "(car|bus|truck|lorry|train) would (just |)hit me", NULL },
  { "(hope|wish) I (get|got|would get|'d get|could get) hit by (a|the) (car|bus|truck|lorry|train)",
    NULL },
  { "(made|have|got|I've got) a plan (I know|and I know) (when|how)", NULL },
  { "(I know|I've decided|I have decided|decided) (how and when|when and how)", en_plan_idioms },
  { "(said|say|saying) (goodbye|my goodbyes) (to everyone |to everybody |)in my head", NULL },
  { "(said|say|saying) (goodbye|my goodbyes) to (everyone|everybody) without them knowing", NULL },
  { "this is goodbye", en_end_of_sentence },

  /* Wanting to disappear or be gone for good: "disappear into a book" is everyday */
  { "(want to|wanna|wish I could|wish I could just|just want to|want to just|wanna just) "
    "(disappear|vanish)", en_vanish_idioms },
  { "(disappear|vanish) (forever|for good|permanently|off the face of the earth|from the face of "
    "the earth|from existence|from this world|from the world|and never come back)", NULL },
  { "((want to|wanna|just want to) be|wish I (was|were|could be)) gone", en_gone_idioms },

  /* Not wanting to live */
  { "no reason to live", en_live_idioms },
  { "no reason to keep (living|going)", en_keep_idioms },
  { "nothing (left |)to live for", NULL },
  { "(no|what's the|whats the|what is the|don't see the|can't see the|cant see the) point "
    "(in|of|to) living", en_live_idioms },
  { "no point living", en_live_idioms },
  { "(no|what's the|whats the|what is the|don't see the|can't see the|cant see the) point (in|of) "
    "(being alive|existing|staying alive|going on)", NULL },
  { "(not|isn't|is not|isnt|no longer|wasn't|was not) worth living", NULL },
  { "(don't|do not|dont) (want to|wanna) live", en_live_idioms },
  { "(don't|do not|dont) (want to|wanna) (live|exist|be) (in this world|on this planet|on this "
    "earth|in this life)", NULL },
  { "(don't|do not|dont) (want to|wanna) be alive", NULL },
  { "(don't|do not|dont) (want to|wanna) exist", en_exist_idioms },
  { "(don't|do not|dont) (want to|wanna) be (here|around) (anymore|any more|any longer)", NULL },
  { "(want to|wanna) (not exist|not be alive)", NULL },
  { "(could|to|wanna|I|just|I'd|I would) (just |)(stop|stopped) existing", NULL },
  { "(want to|wanna|could|I'd|I would|just) cease to exist", NULL },
  { "(tired|sick|exhausted) of (living|existing)", en_live_idioms },
  { "(tired|sick|exhausted) of (being alive|life)", en_life_tired_idioms },
  { "(tired|sick|exhausted) of (fighting|trying|struggling) to stay alive", NULL },
  { "(how much longer|how long) I can (stay alive|keep living|go on living)", NULL },
  { "done with (life|living|being alive|existing)", en_life_tired_idioms },
  { "(can't|cannot|cant|can not) (keep|go on) living", en_keep_living_idioms },
  { "(can't|cannot|cant|can not) live like this (anymore|any more|any longer)", NULL },
  { "want out of (this |)life", NULL },
  { "(my life|life) (is|feels|seems) (pointless|meaningless|worthless)", en_life_pointless_idioms },
  { "(I'm|I am|Im|I feel|feel) ready to (die|leave this world|leave it all)", en_die_idioms },
  { "(won't|will not|wont|not going to|not gonna) be (around|here) (much|for much) longer", NULL },
  { "if I'm (no longer here|no longer around|not here anymore|not around anymore|gone for good|"
    "not here next week|not around next week|not here tomorrow)", NULL },
  { "if I don't make it through (the night|tonight)", NULL },

  /* A burden; better off without me */
  { "better off without me", NULL },
  { "(better|happier|easier|safer) without me", NULL },
  { "(do|cope|be|manage|live|get on|get by) better without me", NULL },
  { "(better off|better|happier|easier|relieved|fine|okay|simpler) (for everyone |for them |"
    "for my family |for everybody |)if I (was gone|were gone|wasn't here|weren't here|"
    "wasn't around|weren't around|died|just died|disappeared|just disappeared|was dead|"
    "were dead|left for good|wasn't alive|didn't exist|was not here|were not here|"
    "stopped being here|just stopped being here|killed myself|was never born)", en_gone_idioms },
  { "(miss me|notice|care|mind|matter|be sad|even notice|even care) if I (died|was gone|were "
    "gone|disappeared|just disappeared|was dead|were dead|just died|killed myself|stopped "
    "existing)", en_gone_idioms },
  { "if I (just |)(stopped|stop) (being here|existing|being alive)", NULL },
  { "if I (was|were) (dead|never born)", en_dead_idioms },
  { "if I (didn't|did not) exist", NULL },
  { "if I (wasn't|weren't|was not|were not) alive", NULL },
  { "if I died (tomorrow |today |)(it wouldn't matter|it would not matter|nobody would|no one "
    "would|nothing would change|it would be a relief)", NULL },
  { "(I'm|I am|Im) (just |such |only |nothing but |really |so much |)a burden", NULL },
  { "(feel|feeling|felt) (like |)(such |just |only |)a burden", NULL },
  { "(feel|feeling|felt) like (I'm|I am) (just |such |only |nothing but |)a burden", NULL },
  { "(I've|I have) become (such |)a burden", NULL },

  /* Hurting oneself: "hurt myself" alone is also a sprained ankle */
  { "(want to|wanna|going to|gonna|urge to|need to) hurt myself", NULL },
  { "thinking about hurting myself", NULL },
  { "stop hurting myself", NULL },
  { "hurting myself", en_hurt_idioms },
  { "harm myself", NULL },
  { "harming myself", NULL },
  { "(want to|wanna|urge to|need to|going to|gonna) cut myself", en_cut_idioms },
  { "cut myself", en_cut_idioms, en_cut_before },
  { "cutting myself", en_cut_idioms, en_cut_before },
  { "urge to cut", en_urge_cut_idioms },
  { "urge to (self-harm|self harm|selfharm|burn myself)", NULL },
  { "(want to|wanna|going to|gonna) (self-harm|self harm|selfharm)", NULL },
  { "(self-harmed|self harmed|selfharmed)", NULL },
  { "(started|start|been|keep|kept|I'm|Im|I am) cutting again", NULL },
  { "(self-harming|self harming|selfharming) again", NULL },
  { "(been|started|keep|still|I'm|im|I am) (self-harming|self harming|selfharming)", NULL },
  { "relapsed (and |)(cut|cutting|self harmed|self-harmed|burned|hurt myself)", NULL },
  { "cut deeper than (usual|ever|before|last time|I meant|I wanted|I should)", NULL },
  { "(hurt|hurting|cut|cutting|burn|burned|burnt|burning|hit|hitting|scratch|scratched|"
    "scratching|bruise|bruised|bruising|starve|starved|starving|punch|punched|punching) myself "
    "(on purpose|deliberately|intentionally)", NULL },
  { "(burn|burned|burnt|burning) myself with ((a|my) (lighter|cigarette)|cigarettes|lighters)",
    NULL },
  { "(hit|hitting|punch|punched|punching) myself (until|till|til|so hard)", NULL },
  { "(hitting|punching) myself", en_hit_idioms },
  { "(scratching|scratch|scratched) my (arms|legs|skin|wrists|thighs) (until|till|til) (they|it) "
    "(bleed|bleeds|bled)", NULL },
  { "what I (might|could) do to myself", NULL },
};

/* French ------------------------------------------------------------------------------ */

/* "Mourir de rire", "mourir de faim", "je ne veux pas mourir idiot": figures of speech. */
#define FR_DIE_IDIOMS \
  "de rire", "de honte", "de faim", "de soif", "de froid", "de chaud", "d'ennui", \
  "de fatigue", "de peur", "de jalousie", "de vieillesse", "de plaisir", "de bonheur", \
  "de trouille", "idiot", "idiote", "bête", "vieux", "vieille", "heureux", "heureuse", \
  "à # ans", "à l'âge de", "pour (mes enfants|ma famille|mon pays|toi|vous)", \
  "l'abcès", "(le|les|un|mes) (pneu|pneus)", "la bulle"

static const char * const fr_die_idioms[] = { FR_DIE_IDIOMS, NULL };

/* "Je ne veux pas mourir sans avoir vu le Japon" */
static const char * const fr_die_not_idioms[] = {
  FR_DIE_IDIOMS, "sans", "avant", "jeune", "seul", "seule", "comme", "dans", "d'un", "d'une",
  "de (cette|ce|la|le|cancer)", NULL
};

/* Where, with whom or how one lives: "je n'ai plus envie de vivre à Paris", "… avec des
 * colocs", "… comme mes parents"; and "vivre" as going through: "… vivre cette réunion". */
#define FR_LIVE_IDIOMS \
  "à", "au", "aux", "en", "dans", "chez", "près", "loin", "sur", "seul", "seule", \
  "ensemble", "là-bas", "comme (mes|mon|ma|eux|lui|elle|tout le monde|les autres|un|une)", \
  "avec (des|mes|mon|ma|eux|lui|elle|quelqu'un|un|une|d'autres)", \
  "avec (cette|une|ma|mon|ce) (douleur|mal|gêne) (au|à la|à l'|aux|de dos|de tête|de dents)", \
  "cette", "ce", "ces", "ça", "la même", "le même", "les mêmes", "un autre", "une autre", \
  "encore (ça|cette|ce|une|un)"

static const char * const fr_live_idioms[] = { FR_LIVE_IDIOMS, NULL };

/* "Marre de la vie de bureau", "fatiguée de la vie parisienne" */
static const char * const fr_life_tired_idioms[] = {
  FR_LIVE_IDIOMS, "de", "d", "parisienne", "citadine", "en (ville|coloc|colocation)", "chère",
  "trop chère", NULL
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

/* "Pour ne plus me réveiller la nuit", "… en retard" */
static const char * const fr_wake_idioms[] = {
  "la nuit", "à", "au", "avant", "en", "trop", "tôt", "tard", "pendant", "entre", "pour",
  "avec (le|un|mon|ce) (réveil|bruit|alarme|mal)", "à cause", "#", NULL
};

/* "Je veux disparaître dans un bon livre", "… une semaine en Bretagne", "… de Facebook" */
static const char * const fr_vanish_idioms[] = {
  "dans", "sous", "en", "à", "au", "aux", "un", "une", "quelques", "pendant", "loin", "le temps",
  "pour (le|la|les|un|une|quelques|deux|trois|ce|cette)", "ce (week-end|soir|matin)",
  "cette semaine", "de (facebook|instagram|twitter|tiktok|snapchat|whatsapp|linkedin|la "
  "circulation|la fête|la soirée|la photo)", "d'(instagram|internet)", "des réseaux",
  "du (bureau|groupe)", NULL
};

/* "Si je disparaissais une semaine" */
static const char * const fr_gone_idioms[] = {
  "pour", "une", "un", "quelques", "pendant", "ce", "cette", "demain", "deux", "trois", NULL
};

/* "Si je ne suis plus là à 18 h", "… quand tu rentres" */
static const char * const fr_here_idioms[] = {
  "à", "au", "quand", "avant", "pour", "ce soir quand", "demain matin", "en", "dans", "chez",
  "avec", "lorsque", NULL
};

/* "Je me suis coupé en cuisinant", "… le doigt", "… les cheveux", "… du monde" */
static const char * const fr_cut_idioms[] = {
  "en", "le", "la", "les", "l", "un", "une", "du", "de", "des", "d", "sur",
  "au (doigt|pouce|pied|genou|menton|visage|front|nez|talon)", "à la (main|lèvre|joue)",
  "à l'(index|oeil|orteil)", "aux (doigts|pieds|mains)",
  "avec (le|la|l|du|une feuille|un couteau de cuisine|un couteau à pain|un cutter en|une boîte)",
  "par accident", "accidentellement", "sans faire exprès", "sans le faire exprès", "un peu",
  "légèrement", "pendant (que|le repas|la cuisine)", "ce matin en", NULL
};

/* "Je me frappe le front" */
static const char * const fr_hit_idioms[] = {
  "le front", "la cuisse", "la tête contre le (mur|placard|plafond) en", "dans les mains", NULL
};

/* "Adieu les vacances", "adieu mon amour": a bare farewell only. */
static const char * const fr_farewell_idioms[] = {
  "à", "au", "aux", "les", "le", "la", "l", "mes", "mon", "ma", "ton", "ta", "tes", "nos",
  "vos", "veau", "berthe", "@", NULL
};

/* "Passer à l'acte et s'inscrire à la salle" */
static const char * const fr_act_idioms[] = {
  "et", "pour", "en", "avec", "sur", "dès", "d'achat", "à (la|l'|le)", NULL
};

/* "Pour ne pas me réveiller" is a purpose: earplugs, a second alarm. */
static const char * const fr_purpose_before[] = { "pour", NULL };

/* "Je sais comment et quand utiliser le subjonctif" */
static const char * const fr_plan_idioms[] = {
  "utiliser", "employer", "appliquer", "dire", "parler", "réagir", "il", "elle", "on", "les",
  "l", "intervenir", "agir", NULL
};

/* "On s'est dit adieu": a farewell told, not written. */
static const char * const fr_farewell_before[] = {
  "dit", "dire", "dis", "disons", "disent", "fait", "faire", "faut", "un", "l", "sans", NULL
};

/* "Marre de la vie chère" */
static const char * const fr_too_idioms[] = {
  "bonne", "bon", "mauvaise", "mauvais", "bien", "mal", "près", "loin", "tôt", "tard", "fatigué",
  "fatiguée", "content", "contente", "heureux", "heureuse", "peu", "nombreux", "nombreuses",
  "petit", "petite", "grand", "grande", NULL
};

/* "Je vais me faire du mal au dos à porter ça" */
static const char * const fr_hurt_idioms[] = {
  "au", "aux", "à la", "à l'", "en (portant|courant|tombant|soulevant|jouant|faisant)", NULL
};

/* "Je me sens un poids en moins" */
static const char * const fr_weight_idioms[] = { "en moins", "de moins", "plume", "lourd", NULL };

/* "La vie ne vaut rien, mais rien ne vaut la vie" */
static const char * const fr_worth_idioms[] = { "mais", NULL };

static const CarePhrase fr_phrases[] = {
  /* Vouloir mourir */
  { "(envie|envi) de (juste |vraiment |)(mourir|mourrir|crever)", fr_die_idioms },
  { "(veux|je veut|je veu|jveux|jveu|voudrais|voudrai|aimerais|souhaite|souhaiterais|"
    "préférerais) (juste |vraiment |tellement |simplement |seulement |)(mourir|mourrir|crever)",
    fr_die_idioms },
  { "(veux|je veut|jveux|jveu) pas (vraiment |)(mourir|mourrir|crever)", fr_die_not_idioms },
  { "(préfère|préférerais|préférais) (mourir|crever) (que|plutôt que|qu'|plutôt qu') (de |d'|)"
    "(continuer|vivre|vivre ça|rester|me réveiller|subir)", NULL },
  { "plutôt mourir que (de |d'|)(continuer|vivre)", NULL },
  { "(veux|je veut|jveux|voudrais|aimerais|préférerais|préfère) (juste |)être (mort|morte)",
    fr_die_idioms },
  { "(ne jamais|ne plus|ne pas) me réveiller", fr_wake_idioms, fr_purpose_before },
  { "(veux|jveux|je veut|voudrais|aimerais) (pas|plus|jamais) me réveiller", fr_wake_idioms },
  { "(veux|voudrais|aimerais|envie de|souhaite) (m'endormir|dormir) pour (toujours|l'éternité|"
    "de bon)", NULL },
  { "m'endormir (pour toujours|pour l'éternité|pour de bon|à jamais|et ne jamais)", NULL },
  { "(déçu|déçue) (de me réveiller|d'être encore en vie|d'être toujours en vie|d'être encore là|"
    "d'être toujours là|d'être en vie)", NULL },
  { "(la mort|mourir|le suicide) (serait|sera|me semble|semble|c'est|est) (un soulagement|une "
    "délivrance|une libération|la seule solution|la seule issue|ma seule issue|ma seule "
    "solution)", NULL },
  { "(veux|voudrais|aimerais|envie) (que tout s'arrête|que tout s'arrete)", NULL },

  /* Mettre fin à ses jours: "me tuer" alone is also "ma mère va me tuer" */
  { "(veux|je veut|jveux|vais|voudrais|envie de|pense à|penser à|pensé à|idée de|aimerais|"
    "besoin de) (pas |)me tuer", fr_kill_idioms },
  { "me suicider", NULL },
  { "me foutre en l'air", NULL },
  { "en finir avec (la vie|ma vie|l'existence|moi|moi-même)", NULL },
  { "(veux|jveux|je veut|voudrais|envie d'|besoin d'|vais|aimerais) en finir avec (tout|tout ça)",
    NULL },
  { "(envie d'|besoin d'|idée d')en finir", fr_done_idioms },
  { "(veux|jveux|je veut|vais|voudrais|pense à|penser à|pensé à|aimerais|vais finir par) en finir",
    fr_done_idioms },
  { "fin à mes jours", NULL },
  { "fin à ma vie", fr_life_idioms },
  { "(vais|veux|voudrais|envie de|jveux|je veut) mettre fin à tout (ça|)", NULL },
  { "terme à ma vie", fr_life_idioms },
  { "terme à mes jours", NULL },
  { "(me sens|suis|jsuis|chui) suicidaire", NULL },
  { "(pensées|idées) suicidaires", NULL },
  { "(idées|pensées) noires", NULL },
  { "(pense|penser|pensé) au suicide", NULL },
  { "me jeter (sous|devant) (un|le|une|la) (train|métro|voiture|bus|camion|rame|tram)", NULL },
  { "me jeter (par la fenêtre|du haut|d'un pont|du pont|dans le vide|du balcon|d'un immeuble|"
    "du toit|d'une falaise)", NULL },
  { "m'ouvrir les (veines|poignets)", NULL },
  { "me (couper|coupe|suis coupé|suis coupée) les (veines|poignets|poignet|bras|cuisses|jambes)",
    NULL },
  { "me taillader", NULL },
  { "(vais|veux|peur de|envie de|pourrais|risque de|vais finir par|prêt à|prête à|proche de) "
    "passer à l'acte", fr_act_idioms },
  { "(peur du|proche du|près du) passage à l'acte", NULL },
  { "(quelqu'un|une voiture|un camion|un bus|un train|le train|le métro) m'écrase", NULL },
  { "(tout prévu|un plan) je sais (comment|quand)", NULL },
  { "je sais (comment et quand|quand et comment)", fr_plan_idioms },
  { "(dit au revoir|fait mes adieux) (à tout le monde |à tous |)sans qu'ils le sachent", NULL },
  { "adieu", fr_farewell_idioms, fr_farewell_before },
  { "adieu (à tous|à tout le monde|à ceux)", NULL },

  /* Ne plus vouloir vivre */
  { "(plus|pas|pu|plu) envie de vivre", fr_live_idioms },
  { "(veux|jveux|je veut|je veu|voudrais) (plus|pas|pu) vivre", fr_live_idioms },
  { "(veux|je veut|jveux|voudrais|envie de|envie d'|supporte) (plus|pas|pu) (vivre|exister|être) "
    "(dans ce monde|sur cette terre|sur terre|dans cette vie)", NULL },
  { "(plus|pas|pu) envie de vivre (dans ce monde|sur cette terre|sur terre|dans cette vie)", NULL },
  { "(plus|pas|pu) envie d'être en vie", NULL },
  { "(veux|jveux|je veut|voudrais) (plus|pas|pu) être en vie", NULL },
  { "supporte (plus|pas) d'être en vie", NULL },
  { "(marre|fatigué|fatiguée|épuisé|épuisée|las|lasse) d'être en vie", NULL },
  { "(veux|jveux|je veut) (plus|pu) être (là|ici)", fr_here_idioms },
  { "aucune raison de vivre", NULL },
  { "plus (de|aucune) raison de vivre", NULL },
  { "(vois|trouve) (plus|pas) (l'intérêt|le sens|le but|d'intérêt|de sens|de raison) (de|à) "
    "(vivre|la vie|rester en vie)", NULL },
  { "à quoi bon (vivre|continuer à vivre|rester en vie|être en vie)", NULL },
  { "(vaut|valait) (pas|plus) la peine d'être vécue", NULL },
  { "(ma vie|la vie) ne (vaut|sert) (plus |)(à |)rien", fr_worth_idioms },
  { "(ma vie|la vie) ne vaut (plus|pas) la peine", NULL },
  { "(fatigué|fatiguée|las|lasse|épuisé|épuisée) de vivre", fr_live_idioms },
  { "marre de vivre", fr_live_idioms },
  { "(fatigué|fatiguée|las|lasse|épuisé|épuisée|marre) (d'exister|de la vie)",
    fr_life_tired_idioms },
  { "(plus|pas) la force de (vivre|continuer à vivre|me battre)", NULL },
  { "ne plus exister", NULL },
  { "(veux|jveux|je veut|voudrais|aimerais) (plus|pas) exister", NULL },
  { "(veux|voudrais|aimerais|envie d') (juste |)(arrêter|cesser) d'exister", NULL },
  { "ne jamais (être né|être née|naître|avoir existé)", NULL },
  { "(voudrais|aimerais|préférerais|veux) ne pas (être né|être née|naître|avoir existé|exister)",
    NULL },
  { "(veux|jveux|je veut|voudrais|aimerais|envie de|envi de) (juste |)disparaître",
    fr_vanish_idioms },
  { "disparaître (pour de bon|pour toujours|à jamais|de la surface de la terre|définitivement)",
    NULL },
  { "(veux|jveux|je veut|voudrais|aimerais) (juste |)m'éteindre", NULL },
  { "(si je ne suis plus là|si je suis plus là)", fr_here_idioms },

  /* Mieux sans moi; un poids */
  { "mieux sans moi", NULL },
  { "(mieux|plus heureux|plus heureuse|plus heureuses|plus simple|plus facile|soulagé|soulagée|"
    "soulagés|soulagées|tranquille|tranquilles) (pour tout le monde |pour eux |pour ma famille |"
    "pour tous |)si je (n'étais plus là|disparaissais|mourais|n'existais pas|n'étais pas là|"
    "partais pour de bon|me tuais|n'étais plus en vie)", fr_gone_idioms },
  { "(remarquerait|verrait|regretterait|s'en rendrait compte|s'apercevrait) (même |)(pas |)"
    "si je (disparaissais|mourais|n'étais plus là)", fr_gone_idioms },
  { "si j'étais (mort|morte)", fr_die_idioms },
  { "si je n'existais pas", NULL },
  { "si je n'avais jamais (existé|été là)", NULL },
  { "si je n'étais jamais (né|née)", NULL },
  { "(suis|jsuis|chui|chuis|me sens) (qu'un|juste un|rien qu'un|un|comme un|vraiment un|tellement "
    "un) (poids|fardeau|boulet)", fr_weight_idioms },
  { "(suis|jsuis|chui|me sens) (qu'une|une|juste une) charge pour", NULL },
  { "(suis|jsuis|chui|me sens) de trop", fr_too_idioms },

  /* Se faire du mal */
  { "me faire du mal", fr_hurt_idioms },
  { "me (fais|suis fait|suis encore fait|faisais) du mal", fr_hurt_idioms },
  { "(veux|envie de|voudrais) me blesser", NULL },
  { "(me|m') (scarifier|scarifie|scarifies|scarifiais|scarifiait|suis scarifié|suis scarifiée|"
    "mutiler|mutile|suis mutilé|suis mutilée)", NULL },
  { "m'automutiler", NULL },
  { "m'automutile", NULL },
  { "me suis (encore |)(coupé|coupée)", fr_cut_idioms },
  { "me (suis coupé|suis coupée|coupe|brûle|suis brûlé|suis brûlée|frappe|griffe|fais mal|suis "
    "fait mal|blesse|suis blessé|suis blessée) exprès", NULL },
  { "me (brûle|brûler|suis brûlé|suis brûlée|brûlais) avec (mes|des|une|ma|un|la) (cigarettes|"
    "cigarette|clope|clopes|briquet)", NULL },
  { "(je|j') me (griffe|frappe|suis griffé|suis griffée|suis frappé|suis frappée)", fr_hit_idioms },
  { "(envie de|besoin de|veux) me griffer", NULL },
  { "ce que je (pourrais|pourrai|risque de) me faire", NULL },
};

/* Arabic ------------------------------------------------------------------------------ */

/* "أموت من الضحك": dying of laughter, of hunger, of the heat; "أموت فيك": I adore you;
 * and the wishes of faith, to die a Muslim, in prayer, in Mecca, old among one's own. */
#define AR_DIE_IDIOMS \
  "من الضحك", "من الجوع", "من العطش", "من الحر", "من البرد", "من الخجل", "من الملل", \
  "من التعب", "من الخوف", "من الغيرة", "من الشبع", "ضحكا", "جوعا", "عطشا", "بردا", "مللا", \
  "فيك", "فيكي", "عليك", "عليكي", "عليه", "عليها", "فيه", "فيها", \
  "(بالضحك|بالجوع|بالبرد|بالحر|بالعطش|بالخوف)", \
  "على (الإسلام|الإيمان|طاعة|الطاعة|دين|التوحيد|الشهادة|لا إله إلا الله|خير|حسن الخاتمة|" \
  "السنة|ملة)", "(شهيدا|شهيد|شهيدة|مسلما|مسلم|مسلمة|مؤمنا|مؤمنة)", \
  "(لأعدائي|للظالم|للظالمين|للخونة|لهم|له|لها|لك|لكم|للعدو)", \
  "(وأنا|وانا) (ساجد|ساجدة|صائم|صائمة|أصلي|أقرأ|كبير|كبيرة|عجوز|راض|راضية)", \
  "(وأنا|وانا) في (سجود|صلاة|صلاتي|الحرم|مكة)", "(وأنا|وانا) على (طاعة|سجادتي|وضوء)", \
  "(وأنا|وانا) بين (أهلي|أولادي|أحبابي)", \
  "(ساجدا|صائما)", "في (مكة|المدينة|الحرم|سبيل|أرض|رمضان|سن|شيخوختي|بلدي|وطني|بيتي|فراشي|" \
  "سريري)", "بين (أهلي|أولادي|أحبابي|عائلتي|أحفادي)", "بعد عمر طويل"

static const char * const ar_die_idioms[] = { AR_DIE_IDIOMS, NULL };

/* "لا أريد أن أموت قبل أن أرى أحفادي" */
static const char * const ar_die_not_idioms[] = {
  AR_DIE_IDIOMS, "قبل", "دون", "بدون", "من غير", "بلا", "صغيرا", "صغيرة", "وحيدا", "وحيدة",
  "في", NULL
};

/* "لا أريد أن أعيش في هذه المدينة", "… مع أهلي", "… مثل والدي": where, with whom or
 * how one lives. */
#define AR_LIVE_IDIOMS \
  "في", "هناك", "وحدي", "بمفردي", "بعيدا", "قرب", "بالقرب", "بجانب", "جنب", \
  "(ب|بال|بهال)(بلد|بلاد|مدينة|بيت|شقة|ضيعة|حي|منطقة|حارة|غربة|شام|عاصمة|دولة)", \
  "(بهاي|بهيدي|بهيدا|بهاد|بهذه|بهذا|بهذي) ال(بلد|بلاد|مدينة|بيت|شقة|ضيعة|منطقة|حارة|دولة)", \
  "(ببيروت|بدمشق|بعمان|بالرياض|بالقاهرة|بلبنان|بسوريا|بمصر|بالمغرب|بالجزاير|بتونس|بفرنسا|" \
  "بأوروبا|بالخليج)", \
  "مع (أهلي|اهلي|أبي|أمي|أبوي|أمي|ابويا|امي|والدي|والدتي|عيلتي|عائلتي|أسرتي|أخي|أختي|" \
  "زوجي|زوجتي|جوزي|مراتي|حماتي|أهل زوجي|أهل زوجتي|صاحبي|صحابي|شريك|شركاء|حد|أحد|ناس|" \
  "غرباء)", "(مثل|زي|متل|كيف|كما) (والدي|والدتي|أبي|أمي|أبويا|امي|أهلي|اهلي|أبوي|أمي|" \
  "بيي|إمي|الآخرين|الناس|غيري|هم|هو|هي|أخي|أختي)"

static const char * const ar_live_idioms[] = { AR_LIVE_IDIOMS, NULL };

/* "مش قادر أعيش من غيرك": love, not despair. */
static const char * const ar_live_love_idioms[] = {
  AR_LIVE_IDIOMS, "من غيرك", "بدونك", "من دونك", "بعيد عنك", "بلاك", "بلاكي", "بعدك",
  "بعدها", "بعده", "من غيرها", "من غيره", "بدونها", "بدونه", NULL
};

/* "لا أريد أن أكون موجودا في الاجتماع" */
static const char * const ar_present_idioms[] = {
  AR_LIVE_IDIOMS, "عند", "مع", "لما", "عندما", "حين", "وقت", "معهم", "معاهم",
  "بينهم", NULL
};

/* "أقتل نفسي في الشغل": working oneself to death. */
static const char * const ar_kill_idioms[] = {
  "في الشغل", "في العمل", "في الدراسة", "بالشغل", "بالعمل", "بالدراسة", "من الضحك",
  "ضحكا", "بالخدمة", "في الخدمة", "بالقراية", "في القراية", "بالضحك", "بالتمارين",
  "في الجيم", "بالجيم", NULL
};

/* "أنهي حياتي الجامعية": to finish one's university years, or one's bachelor days. */
static const char * const ar_life_idioms[] = {
  "الجامعية", "المهنية", "العملية", "الدراسية", "العسكرية", "الزوجية", "المدرسية",
  "العزوبية", "كعازب", "كعزباء", "كمدخن", "كمدخنة", "كطالب", "كطالبة", "الوظيفية",
  "الرياضية", "الفنية", NULL
};

/* "أنام وما أصحى إلا على ريحة القهوة", "… قبل الظهر"; and waking someone else. */
static const char * const ar_wake_idioms[] = {
  "إلا", "الا", "غير", "قبل", "حتى", "لين", "لحد", "لغاية", "بدري", "بكير", "مبكرا",
  "باكرا", "بكري", "الساعة", "على", "ع", "بسرعة", "من النوم إلا",
  "(البيبي|الطفل|الطفلة|الأطفال|العيال|الولاد|الأولاد|الولد|البنت|ابني|بنتي|جوزي|مراتي|" \
  "زوجي|زوجتي|أمي|أبي|أبويا|أختي|أخي|حد|حدا|أحد|الجيران|الناس|الكل|النونو|الصغار)", NULL
};

/* "يا رب خذني للحج": to Mecca, not to die. */
static const char * const ar_take_idioms[] = {
  "إلى", "الى", "للحج", "للعمرة", "لمكة", "لبيتك", "لزيارة", "في رحلة", "معك", "معاك", "على",
  NULL
};

/* "أريد أن أختفي في كتاب جميل", "… أسبوع بدون جوال" */
static const char * const ar_vanish_idioms[] = {
  "في", "لمدة", "لفترة", "شوية", "شوي", "شوي شوي", "يومين", "أسبوع", "اسبوع", "كم يوم",
  "عن (السوشيال|الأنظار شوية|الأنظار لفترة)", "من (السوشيال|الفيس|الفيسبوك|الانستغرام|" \
  "مواقع|الجروب|القروب)", "مع", "تحت", "وأسافر", "بعيدا لفترة", "ويكند", "الويكند", NULL
};

/* What one was doing when a cut or a burn was an accident: "جرحت نفسي وأنا أطبخ"; not
 * "… وأنا حزينة". */
#define AR_CHORES \
  "(أطبخ|بطبخ|أقطع|بقطع|أحلق|بحلق|أفتح|بفتح|أقشر|بقشر|أصلح|بصلح|ألعب|بلعب|أشتغل|بشتغل|أنظف|" \
  "بنظف|أجهز|بجهز|أعمل|بعمل|أكوي|بكوي|أقلي|بقلي|أسخن|بسخن|أشرب|بشرب|أحضر|بحضر|أغسل|بغسل)"

/* "جرحت نفسي بالغلط" */
static const char * const ar_cut_idioms[] = {
  "(وأنا|وانا) " AR_CHORES, "بالغلط", "بالخطأ", "بالخطا", "بدون قصد", "عن غير قصد",
  "من غير قصد", "بلا قصد", "غصبا عني", "في المطبخ", "بالمطبخ", "بحافة", "بورقة",
  "(بالسكين|بالسكينة|بالموس|بالمقص) (وأنا|وانا|بالغلط|بالخطأ)", "بالحلاقة", "وقت الحلاقة",
  NULL
};

/* "حرقت نفسي بالمكواة" */
static const char * const ar_burn_idioms[] = {
  "(وأنا|وانا) " AR_CHORES, "بالغلط", "بالخطأ", "بالخطا", "بدون قصد", "عن غير قصد", "من غير قصد",
  "بالمكواة", "بالفرن", "بالزيت", "بالماء", "بالمي", "بالشاي", "بالقهوة", "بالطبخ",
  "في المطبخ", "بالمطبخ", "بصينية", "بالقدر", "بالطنجرة", "بالشمس", "في الشمس",
  "بالشغل", "في الشغل", "بالدراسة", "في الدراسة", NULL
};

/* "الحياة في المدينة", "حياتي اليومية" */
static const char * const ar_tired_life_idioms[] = {
  "في (المدينة|الغربة|هذه المدينة|هالمدينة|البلد|هذا البلد|هالبلد|العاصمة|القرية|الريف|السكن|"
  "الشقة|البيت|الخليج|أوروبا)", "هنا", "هناك", "اليومية", "الروتينية", "بالمدينة", "بالغربة",
  "هون", "بره", NULL
};

/* "أفكر في الموت والآخرة", "أفكر في الانتحار كموضوع لبحثي" */
static const char * const ar_think_idioms[] = {
  "والآخرة", "والاخرة", "وما بعده", "كموضوع", "كظاهرة", "كقضية", "كمشكلة", "كمفهوم",
  "في (الإسلام|الاسلام|الأدب|الفلسفة|بحثي|المجتمع|الرواية)", "لبحثي", "لبحث", "لواجب",
  "عند (الشباب|المراهقين)", "بين (الشباب|المراهقين)", "(منذ|بعد) (وفاة|رحيل|موت)", NULL
};

/* "رسالة وداع لزميلي المتقاعد": a colleague's farewell. */
static const char * const ar_farewell_letter_idioms[] = {
  "(لزميل|لزميلي|لزميلتي|لزملائي|لمديري|للمدرسة|للشركة|للفريق|للجامعة|للصف|للطلاب|" \
  "لأستاذي|لمعلمتي|للعمل)", NULL
};

static const CarePhrase ar_phrases[] = {
  /* أريد أن أموت */
  { "(أريد|اريد|أود|أتمنى|بتمنى|نتمنى|أرغب في|أرغب) (أن أموت|أموت|الموت|ان اموت)", ar_die_idioms },
  { "(نفسي|بدي|ودي|أبي|أبغى|أبغا|عايز|عايزة|عاوز|عاوزة|حابب|حابة) (أموت|موت|الموت)",
    ar_die_idioms },
  { "(بغيت|باغي|باغية|حاب|حابة|نحب|نبغي|نتمنى) (نموت|الموت)", ar_die_idioms },
  { "(لا أريد|ما بدي|مش عايز|مش عايزة|مش عاوز|مش عاوزة|لا أود|ما ودي|ما أبي|ما ابغى|ما بغيتش|"
    "مابغيتش) (أن أموت|أموت|موت|الموت|نموت)", ar_die_not_idioms },
  /* "ليتني مت" is also a line of the Quran (19:23), which says the same */
  { "(أتمنى|نتمنى|ياريت|يا ريت|ياريتني|يا ريتني|ليتني|يا ليتني|ياليتني) (لو |)(أنني |أني |إني |"
    "إنني |)(مت|أموت|نموت)", ar_die_idioms },
  /* Levantine: "بتمنى موت" is "I wish I'd die"; elsewhere "أتمنى موت" is wishing another's */
  { "بتمنى (لو |)(موت|أموت|مت)", ar_die_idioms },
  { "(ليتني|يا ليتني|ياليتني|ياريتني|يا ريتني|أتمنى لو|أتمنى أنني|أتمنى أني|بتمنى لو|نتمنى لو|"
    "ياريت لو|يا ريت لو) (لم أولد|ما انخلقت|ما خلقت|ما اتولدت|ما تولدت|ما ولدت|ما جيت للدنيا|"
    "ما كنت موجود|لم أخلق|ما انولدت)", NULL },
  { "الموت (أرحم|أهون|أريح|أفضل لي|أحسن لي|راحة لي|أحسن من هيك|أرحم لي)", NULL },
  { "(يا رب|يارب|ربي|اللهم|يا الله|يالله) (خذني|خدني|موتني|اقبضني|اقبض روحي|خذ روحي|خد روحي|"
    "خذ أمانتك|توفاني)", ar_take_idioms },
  { "(الله|ربنا|ربي) (ياخذني|ياخدني|يموتني|يقبضني|ياخذ روحي|ياخد روحي|ياخذ أمانته)",
    ar_take_idioms },
  { "(تصدمني|تدهسني|تدعسني|تخبطني|تدوسني|تصدمنى|يصدمني|يدهسني|يدعسني) (سيارة|شاحنة|عربية|"
    "حافلة|باص|قطار|تريلا|تريلة|ترين)", NULL },
  { "(أفكر|افكر|بفكر|عم فكر|نفكر|كنت أفكر) (في الموت|بالموت)", ar_think_idioms },

  /* لا أريد أن أستيقظ */
  { "أنام (ولا|وما|ومش|ولن) (أستيقظ|أصحى|أصحو|أقوم|أفيق|أصحاش|اصحاش|فيق)", ar_wake_idioms },
  { "أنام ومصحاش", ar_wake_idioms },
  { "(ننعس|نرقد|نرقدو|نعس) (وما|ولا|ومن) (نفيقش|نوضش|نصحاش|نفيق|نوض)", ar_wake_idioms },
  { "(لا أريد|لم أعد أريد|ما بدي|مش عايز|مش عايزة|مش عاوز|مش عاوزة|ما أبي|ما ابغى|ما ودي|ما "
    "بغيتش|ما نحبش|مانحبش) (أن أستيقظ|أستيقظ|أصحو|أن أصحو|أصحى|فيق|أفيق|أقوم|نفيق|نوض|نصحى)",
    ar_wake_idioms },
  { "(أتمنى|بتمنى|أرجو|ياريت|يا ريت|نتمنى) (ألا|أن لا|ما|لا) (أستيقظ|أصحو|أصحى|فيق|أفيق|أقوم|"
    "نفيق|نوض)", ar_wake_idioms },

  /* أقتل نفسي، أنتحر */
  { "(أقتل|سأقتل|هقتل|حقتل|بقتل) (نفسي|حالي|روحي)", ar_kill_idioms },
  { "(رح|راح|بدي|عايز|عايزة|ودي|أبغى|أبي|بفكر) (أقتل|اقتل) (نفسي|حالي|روحي)", ar_kill_idioms },
  { "(نقتل|غادي نقتل|غانقتل|بغيت نقتل|باغي نقتل) (راسي|روحي|نفسي)", ar_kill_idioms },
  { "سأنتحر", NULL },
  { "(سوف|رح|راح|غادي) (أنتحر|انتحر|ننتحر)", NULL },
  { "(هنتحر|حنتحر|غاننتحر)", NULL },
  { "(أريد|أود|أتمنى|بدي|ودي|أبغى|أبي|عايز|عايزة|عاوز|عاوزة|نفسي|بفكر|أفكر|قررت) (أن |)"
    "(أنتحر|انتحر)", NULL },
  { "(بغيت|باغي|باغية|حاب|حابة|نحب|نبغي|نتمنى|نفكر) ننتحر", NULL },
  { "(أريد|أفكر في|أفكر ب|فكرت في|فكرت ب|بفكر في|بفكر ب) الانتحار", ar_think_idioms },
  { "(أفكر|فكرت|بفكر|نفكر) (في|ب) الانتحار", ar_think_idioms },
  { "(أفكر|فكرت|بفكر|نفكر) (بالانتحار|أن أنتحر)", ar_think_idioms },
  { "(أفكار|ميول) (انتحارية|الانتحار)", ar_think_idioms },
  { "(أنهي|سأنهي|إنهاء|أنهيت|بدي أنهي|عايز أنهي|ودي أنهي) حياتي", ar_life_idioms },
  { "(حدا|حد) لحياتي", NULL },
  { "(أخلص|اخلص|خلص|نخلص|أتخلص|اتخلص|نتخلص) (من حياتي|من حالي|من نفسي|من روحي|على حالي|على روحي|"
    "على نفسي)", NULL },
  { "(كتبت|أكتب|بكتب|بدأت أكتب|كاتب|كاتبة) (رسائل|رسالة) (انتحار|الانتحار)", NULL },
  { "(كتبت|أكتب|بكتب|بدأت أكتب) (رسائل|رسالة) (وداع|الوداع)", ar_farewell_letter_idioms },
  { "(ودعت|وادعت|سلمت على|ودّعت) (الجميع|الكل|كل الناس|أهلي|اهلي|أصدقائي|اصحابي|صحابي) (دون|بدون|"
    "من غير|بلا|من دون) (أن يعرفوا|أن يعلموا|ما يعرفوا|ما يدروا|علمهم|ما يحسوا|أن يدروا|أن يشعروا|"
    "ما يعرفو)", NULL },
  { "لن تروني (بعد اليوم|مرة أخرى|مجددا|أبدا|ثانية)", NULL },
  { "(وداعا|الوداع) (للأبد|يا دنيا|أيها العالم|يا عالم)", NULL },

  /* لا أريد أن أعيش */
  { "(لا أريد|لم أعد أريد|لا أرغب في|لا أرغب ب) (أن أعيش|العيش)", ar_live_idioms },
  { "(لا أريد|لم أعد أريد|ما بدي|مش عايز|مش عايزة|ما أبي|ما ابغى|ما بغيتش) (أن أعيش|أعيش|عيش|"
    "العيش|نعيش) (في هذه الدنيا|في هذا العالم|بهالدنيا|في هالدنيا|في الدنيا|في هذه الحياة|"
    "بهالحياة|في الدنيا دي)", NULL },
  { "لا أرغب في الحياة", ar_life_idioms },
  { "(ما|مش|ما عاد|ما عدت|ماعاد|مابقاش|مبقتش|ما بقتش) (بدي|عايز|عايزة|عاوز|عاوزة|أبي|أبغى|ابغى|"
    "ودي|أريد) (أعيش|عيش|أن أعيش|العيش)", ar_live_idioms },
  { "مابدي عيش", ar_live_idioms },
  { "(ما عاد|ماعاد|ما عدت|ما) فيني (عيش|أعيش|كمل حياتي|أكمل حياتي)", ar_live_love_idioms },
  { "(ما بغيتش|مابغيتش|ما بقيتش باغي|مابقيتش باغي|ما بقيتش باغية|ما بقيتش حاب|ما نحبش|مانحبش|"
    "ما بقيتش نحب|ما نبغيش|ما عدتش نحب|ما عادش نحب) نعيش", ar_live_idioms },
  { "(مبقتش|ما بقتش|مبقيتش|ما عدت|ماعدت|لم أعد|مش|ما عاد فيني|ما عدت قادر|مبقاش فيا) (قادر|قادرة|"
    "قادرا|قادره) (أعيش|على العيش|على الحياة|نعيش|أكمل حياتي|أكمل في الحياة|أكمل بالحياة)",
    ar_live_love_idioms },
  { "(لا أريد|لم أعد أريد|ما بدي|مش عايز|مش عايزة|مش عاوز|ما أبي|ما ابغى) (الاستمرار في الحياة|"
    "الاستمرار بالحياة|أن أستمر في الحياة|أكمل حياتي|أن أكمل حياتي|كمل حياتي)", NULL },
  { "(لا أريد|لم أعد أريد|ما بدي|مش عايز|مش عايزة|مش عاوز|مش عاوزة|ما أبي|ما ابغى) (أن أكون "
    "موجودا|أن أكون موجودة|أكون موجود|أكون موجودة|الوجود|أن أوجد|كون موجود|كون موجودة)",
    ar_present_idioms },
  { "(لا سبب|لا يوجد سبب|ليس لدي سبب|ما في سبب|مفيش سبب|ما عندي سبب) (للعيش|للحياة|لأعيش|"
    "أعيش)", NULL },
  { "لا شيء أعيش (من أجله|لأجله)", NULL },
  { "(ما في|مفيش|ما عندي) شي أعيش (عشانه|لأجله|منشانه|مشانه)", NULL },
  { "لا تستحق أن تعاش", NULL },
  { "(لا معنى|ما في معنى|مافي معنى|مفيش معنى|لا قيمة|لا فائدة) (لحياتي|لوجودي)", NULL },
  { "حياتي (بلا|بدون|ما لها|مالهاش|ملهاش|ليس لها|لا) (معنى|قيمة)", NULL },
  { "(تعبت|سئمت|مليت|زهقت|عييت|قرفت|طفشت|يئست|تعبانة|تعبان) (من |)(الحياة|الدنيا|هالحياة|"
    "هالدنيا|هاد الحياة|هاذ الحياة|هذه الحياة|هذي الحياة|العيش|حياتي|هاد الدنيا|هذي الدنيا|"
    "العيشة|هالعيشة)", ar_tired_life_idioms },
  { "(أريد|أتمنى|بتمنى|نفسي|بدي|ودي|أبي|أبغى|عايز|عايزة|عاوز|عاوزة) (أن |)(أختفي|أتلاشى|اختفي)",
    ar_vanish_idioms },
  { "(بغيت|حاب|حابة|نحب|نتمنى|باغي|باغية) (نختفي|نتلاشى)", ar_vanish_idioms },
  { "(أختفي|اختفي|نختفي) (إلى الأبد|للأبد|من (الدنيا|هالدنيا|الوجود|هالعالم|العالم|الحياة))",
    NULL },

  /* عبء؛ أفضل بدوني */
  { "(أفضل|أحسن|أسعد|أريح|مرتاحين|مبسوطين) (بدوني|بلاي|بلايا|من دوني)", NULL },
  { "(هيبقى|هيبقوا|هيبقو|هتبقى|هيكونوا|هيكون|حيبقى|حيبقوا|حتبقى|حيكونوا|هيعيشوا|رح يكونوا|رح يكون) "
    "(أحسن|أفضل|أريح|أسعد|مبسوطين|مرتاحين) (من غيري|بدوني|بلاي|من دوني)", NULL },
  { "(سيرتاحون|سيرتاحوا|يرتاحون|يرتاحوا|رح يرتاحوا|هيرتاحوا|حيرتاحوا|راح يرتاحون|راح يرتاحوا) (لو "
    "مت|إذا مت|اذا مت|لو اختفيت|مني|من غيري|بموتي|بدوني|لو رحت)", NULL },
  { "(يفتقدني|سيفتقدني|هيفتقدني|يلاحظ|سيلاحظ|يهتم|سيهتم|يحزن|سيحزن|يزعل|حيزعل|هيزعل) (أحد |حد |"
    "حدا |)(لو|إذا|اذا) (مت|اختفيت|انتحرت)", NULL },
  { "لو مت (اليوم |غدا |بكرة |بكرا |الآن |)(لن يفتقدني|لن يلاحظ|لن يهتم|لن يحزن|ما حدا|محدش|محد|"
    "لا أحد|ما راح|ما رح)", NULL },
  { "(أنا|أنني|إني|انني|حالي|نفسي|راني|إنني|اني) (عبء|عبئا|عبئ|عالة|عالة|حمل ثقيل|ثقل)", NULL },

  /* أؤذي نفسي */
  { "(أؤذي|بأذي|بآذي|نأذي|آذيت|أذيت|عم بأذي|أأذي|بأذّي) (نفسي|حالي|روحي)", NULL },
  { "(إيذاء|ايذاء) (نفسي|حالي)", NULL },
  { "(جرحت|أجرح|بجرح|بأجرح|نجرح|عم بجرح|بجرّح|عم جرح) (نفسي|حالي|روحي)", ar_cut_idioms },
  { "(أحرق|حرقت|بحرق|نحرق|بأحرق|عم بحرق) (نفسي|حالي|روحي)", ar_burn_idioms },
  { "(ضربت|أضرب|بضرب|نضرب|عم بضرب) (نفسي|حالي|روحي) (حتى|لين|لحد|لما|بقوة)", NULL },
  { "(أخدش|خدشت|بخدش|نخدش|بأخدش|عم بخدش) (يدي|إيدي|ايدي|جلدي|ذراعي|دراعي|يديا|نفسي|حالي|روحي|"
    "جسمي|ساقي|رجلي)", NULL },
  { "(أقطع|قطعت|بقطع|نقطع) (شراييني|عروقي|وريدي|معصمي)", NULL },
};

/* Folding ----------------------------------------------------------------------------- */

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == '`' || c == 0x00B4 || c == 0x02BC || c == 0x2018 ||
         c == 0x2019 || c == 0x2032;
}

/* Quotation marks: straight, curly, low and guillemets. Single ones are apostrophes. */
static gboolean
is_quotation_mark (gunichar c)
{
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB;
}

/* Where a sentence ends. A comma, a colon or a dash does not end it. */
static gboolean
is_sentence_end (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r' || c == 0x061F /* ؟ */ ||
         c == 0x2026 /* … */ || c == 0x3002 /* 。 */;
}

/* Letters written in more than one way, after folding dropped the marks (and with them the
 * hamza and madda of أ إ آ ؤ ئ). */
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

/* What a word is, beyond its letters: set at its first byte. */
enum
{
  WORD_STARTS_SENTENCE = 1 << 0,
  WORD_NAME            = 1 << 1, /* a capital, then small letters, within a sentence */
};

/* A text as the lists are compared: " word word … word ", each word folded, one space
 * around each. */
typedef struct
{
  GString *words;
  GArray  *marks;  /* guint8 for each byte of words: WORD_* at the first byte of a word */
  GArray  *quotes; /* gsize for each quotation mark: where the next word starts in words */
} FoldedText;

typedef struct
{
  FoldedText *out;
  gboolean    join_apostrophes; /* apostrophes vanish rather than split words */
  gboolean    list;             /* a list's entry: "#", "@" and "*" are words */
  gboolean    sentence_end;     /* since the last word */
  guint       quotes;           /* quotation marks since the last word */
  gboolean    in_word;          /* the last character added was a letter */
} Folder;

static void
folded_text_clear (FoldedText *folded)
{
  if (folded->words != NULL)
    g_string_free (folded->words, TRUE);
  g_clear_pointer (&folded->marks, g_array_unref);
  g_clear_pointer (&folded->quotes, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FoldedText, folded_text_clear)

/* Adds one folded character; @capital when it is the first of the original text's
 * letters, a capital followed by a small letter. */
static void
fold_char (Folder   *folder,
           gunichar  c,
           gboolean  capital)
{
  GString *words = folder->out->words;
  gboolean letter;

  if (c < 0x80)
    letter = g_ascii_isalnum (c) || (folder->list && (c == '#' || c == '@' || c == '*'));
  else
    {
      if (c == 0x0640 /* tatweel */ || c == 0x0621 /* hamza on the line, often left out */ ||
          g_unichar_type (c) == G_UNICODE_FORMAT)
        return;
      c = unify_letter (c);
      letter = g_unichar_isalnum (c);
    }

  if (!letter && folder->join_apostrophes && is_apostrophe (c))
    return;

  folder->in_word = letter;
  if (!letter)
    {
      if (words->str[words->len - 1] != ' ')
        g_string_append_c (words, ' ');
      if (is_sentence_end (c))
        folder->sentence_end = TRUE;
      else if (is_quotation_mark (c))
        folder->quotes++;
      return;
    }

  if (words->str[words->len - 1] == ' ')
    {
      gsize start = words->len;
      guint8 mark = 0;

      if (folder->sentence_end)
        mark |= WORD_STARTS_SENTENCE;
      else if (capital)
        mark |= WORD_NAME;
      if (mark != 0)
        {
          if (folder->out->marks->len <= start)
            g_array_set_size (folder->out->marks, start + 1);
          g_array_index (folder->out->marks, guint8, start) = mark;
        }
      for (; folder->quotes > 0; folder->quotes--)
        g_array_append_val (folder->out->quotes, start);
      folder->sentence_end = FALSE;
    }

  if (c < 0x80)
    g_string_append_c (words, c);
  else
    g_string_append_unichar (words, c);
}

/* Common Latin letters and punctuation folded as tend_text_fold() would, without its
 * allocations: a small letter, its accents dropped. 0 for the others. */
static gunichar
fold_latin (gunichar c)
{
  gunichar decomposed[4];

  if ((c >= 0x00A0 && c <= 0x00BF && c != 0x00B5 /* µ folds to Greek */) ||
      (c >= 0x2002 && c <= 0x206F))
    return c;
  if (c < 0x00C0 || c > 0x017F || c == 0x00DF /* ß */ || c == 0x0130 /* İ */ ||
      c == 0x0149 /* ŉ */ || c == 0x017F /* ſ */)
    return 0;

  g_unichar_fully_decompose (g_unichar_tolower (c), FALSE, decomposed, G_N_ELEMENTS (decomposed));
  return decomposed[0];
}

/* Whether @p, in the original text, is a capital followed by a small letter ("Sophie",
 * not "I" or "SOPHIE"). */
static gboolean
is_capitalized (const char *p)
{
  gunichar c = g_utf8_get_char (p), next;

  if (!g_unichar_isupper (c) && !g_unichar_istitle (c))
    return FALSE;
  next = g_utf8_get_char (g_utf8_next_char (p));
  return next < 0x80 ? g_ascii_islower (next) : g_unichar_islower (next);
}

/* @text folded into @out. The text is folded as tend_text_fold() does, case and marks
 * removed, but piece by piece, so that a word's capital is still known: ASCII, Arabic and
 * common Latin letters one character at a time, runs of anything else through
 * tend_text_fold(). */
static void
fold_words (const char *text,
            gboolean    join_apostrophes,
            gboolean    list,
            FoldedText *out)
{
  g_autofree char *valid = NULL;
  gsize length = strlen (text);
  Folder folder = { out, join_apostrophes, list, TRUE, 0, FALSE };
  const char *p, *end;

  if (!g_utf8_validate_len (text, length, NULL))
    {
      valid = g_utf8_make_valid (text, length);
      text = valid;
      length = strlen (valid);
    }

  out->words = g_string_sized_new (length + 2);
  out->marks = g_array_new (FALSE, TRUE, sizeof (guint8));
  out->quotes = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_string_append_c (out->words, ' ');

  end = text + length;
  for (p = text; p < end;)
    {
      gunichar c;

      /* Most of a text: the letters of a word already begun */
      if (folder.in_word && g_ascii_isalnum (*p))
        {
          g_string_append_c (out->words, g_ascii_tolower (*p));
          p++;
          continue;
        }

      if ((guchar) *p < 0x80)
        {
          fold_char (&folder, g_ascii_tolower (*p), g_ascii_isupper (*p) && is_capitalized (p));
          p++;
          continue;
        }

      c = g_utf8_get_char (p);
      if (c >= 0x0600 && c <= 0x06FF)
        {
          gunichar base, mark;

          if (!g_unichar_ismark (c))
            {
              if (g_unichar_decompose (c, &base, &mark))
                c = base;
              fold_char (&folder, c, FALSE);
            }
          p = g_utf8_next_char (p);
          continue;
        }

      if (fold_latin (c) != 0)
        {
          fold_char (&folder, fold_latin (c), is_capitalized (p));
          p = g_utf8_next_char (p);
          continue;
        }

      {
        const char *run = p;
        g_autofree char *folded = NULL;
        gboolean capital = is_capitalized (run);

        while (p < end && (guchar) *p >= 0x80)
          {
            c = g_utf8_get_char (p);
            if (c >= 0x0600 && c <= 0x06FF)
              break;
            p = g_utf8_next_char (p);
          }
        folded = tend_text_fold (run, p - run);
        for (const char *f = folded; *f != '\0'; f = g_utf8_next_char (f))
          {
            fold_char (&folder, g_utf8_get_char (f), capital);
            capital = FALSE;
          }
      }
    }

  if (out->words->str[out->words->len - 1] != ' ')
    g_string_append_c (out->words, ' ');
  for (; folder.quotes > 0; folder.quotes--)
    g_array_append_val (out->quotes, out->words->len);
  g_array_set_size (out->marks, out->words->len + 1);
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

/* A list of next words, folded, by their first word */
typedef struct
{
  GHashTable *by_first_word; /* GPtrArray of folded entries, without the spaces around */
  GPtrArray  *any_first;     /* those that start with "#", "@" or "*" */
} WordList;

typedef struct
{
  char           *words;    /* folded, without the spaces around */
  gsize           length;
  gsize           last;     /* the length of its last letter, which may be drawn out */
  const WordList *everyday;
  const WordList *before;
} Phrase;

/* Every form of @text, where "(a|b|)" stands for "a", "b" or nothing; the alternatives
 * may hold alternatives of their own. */
static void
expand_alternatives (GPtrArray  *forms,
                     const char *text)
{
  const char *open = strchr (text, '(');
  const char *close;
  int depth = 0;

  if (open == NULL)
    {
      g_ptr_array_add (forms, g_strdup (text));
      return;
    }

  for (close = open; depth > 0 || close == open; close++)
    {
      g_assert (*close != '\0');
      depth += *close == '(' ? 1 : *close == ')' ? -1 : 0;
    }
  close--;

  for (const char *alternative = open + 1;;)
    {
      const char *bar = alternative;
      g_autofree char *form = NULL;

      for (depth = 0; bar < close && (depth > 0 || *bar != '|'); bar++)
        depth += *bar == '(' ? 1 : *bar == ')' ? -1 : 0;
      form = g_strdup_printf ("%.*s%.*s%s", (int) (open - text), text,
                              (int) (bar - alternative), alternative, close + 1);
      expand_alternatives (forms, form);
      if (bar == close)
        break;
      alternative = bar + 1;
    }
}

static char *
fold_phrase (const char *text,
             gboolean    join_apostrophes)
{
  g_auto(FoldedText) folded = { 0 };
  gsize length;

  fold_words (text, join_apostrophes, TRUE, &folded);
  length = folded.words->len;
  g_assert (length > 2);
  return g_strndup (folded.words->str + 1, length - 2);
}

/* Each form of @text, folded with apostrophes splitting words and vanishing. */
static void
add_folded (GPtrArray  *folded,
            const char *text)
{
  g_autoptr(GPtrArray) forms = g_ptr_array_new_with_free_func (g_free);

  expand_alternatives (forms, text);
  for (guint i = 0; i < forms->len; i++)
    {
      char *split = fold_phrase (g_ptr_array_index (forms, i), FALSE);
      char *joined = fold_phrase (g_ptr_array_index (forms, i), TRUE);

      g_ptr_array_add (folded, split);
      if (!g_str_equal (split, joined))
        g_ptr_array_add (folded, joined);
      else
        g_free (joined);
    }
}

/* @list folded, built once for all the phrases that share it and kept for the life of the
 * program (the look-ups are made once, under get_phrases()'s lock). */
static const WordList *
fold_list (const char * const *list)
{
  static GHashTable *folded_lists;
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  WordList *folded;

  if (folded_lists == NULL)
    folded_lists = g_hash_table_new (NULL, NULL);
  folded = g_hash_table_lookup (folded_lists, list);
  if (folded != NULL)
    return folded;

  folded = g_new0 (WordList, 1);
  folded->by_first_word = g_hash_table_new (g_str_hash, g_str_equal);
  folded->any_first = g_ptr_array_new ();
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    add_folded (entries, list[i]);

  for (guint i = 0; i < entries->len; i++)
    {
      char *entry = g_ptr_array_index (entries, i);
      gsize first_length = strcspn (entry, " ");
      g_autofree char *first_word = g_strndup (entry, first_length);
      GPtrArray *same_start;

      if (first_length == 1 && strchr ("#@*", *entry) != NULL)
        {
          g_ptr_array_add (folded->any_first, entry);
          continue;
        }

      same_start = g_hash_table_lookup (folded->by_first_word, first_word);
      if (same_start == NULL)
        {
          same_start = g_ptr_array_new ();
          g_hash_table_insert (folded->by_first_word, g_steal_pointer (&first_word), same_start);
        }
      g_ptr_array_add (same_start, entry);
    }

  g_hash_table_insert (folded_lists, (gpointer) list, folded);
  return folded;
}

/* The phrases that start with one word: that word alone, and the longer ones by their
 * second word (GPtrArray each, the longest first). */
typedef struct
{
  GPtrArray  *one_word;
  GHashTable *by_second;
} Start;

static void
add_phrase (GHashTable *by_first_word,
            Phrase     *phrase)
{
  const char *space = strchr (phrase->words, ' ');
  g_autofree char *first_word = space != NULL ? g_strndup (phrase->words, space - phrase->words)
                                              : g_strdup (phrase->words);
  Start *start = g_hash_table_lookup (by_first_word, first_word);
  GPtrArray *same_start;

  if (start == NULL)
    {
      start = g_new0 (Start, 1);
      start->one_word = g_ptr_array_new ();
      start->by_second = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (by_first_word, g_strdup (first_word), start);
    }

  if (space == NULL)
    {
      g_ptr_array_add (start->one_word, phrase);
      return;
    }

  {
    const char *second = space + 1, *second_end = strchr (second, ' ');
    g_autofree char *second_word = second_end != NULL ? g_strndup (second, second_end - second)
                                                      : g_strdup (second);

    same_start = g_hash_table_lookup (start->by_second, second_word);
    if (same_start == NULL)
      {
        same_start = g_ptr_array_new ();
        g_hash_table_insert (start->by_second, g_steal_pointer (&second_word), same_start);
      }
    g_ptr_array_add (same_start, phrase);
  }
}

static void
add_phrases (GHashTable       *by_first_word,
             const CarePhrase *phrases,
             gsize             n_phrases)
{
  for (gsize i = 0; i < n_phrases; i++)
    {
      g_autoptr(GPtrArray) forms = g_ptr_array_new ();
      const WordList *everyday = fold_list (phrases[i].everyday);
      const WordList *before = fold_list (phrases[i].before);

      add_folded (forms, phrases[i].phrase);
      for (guint j = 0; j < forms->len; j++)
        {
          Phrase *phrase = g_new0 (Phrase, 1);

          phrase->words = g_ptr_array_index (forms, j);
          phrase->length = strlen (phrase->words);
          phrase->last = phrase->words + phrase->length -
                         g_utf8_find_prev_char (phrase->words, phrase->words + phrase->length);
          phrase->everyday = everyday;
          phrase->before = before;
          add_phrase (by_first_word, phrase);
        }
    }
}

static int
compare_longest_first (gconstpointer a,
                       gconstpointer b)
{
  const Phrase *first = *(const Phrase * const *) a, *second = *(const Phrase * const *) b;

  return first->length < second->length ? 1 : first->length > second->length ? -1 : 0;
}

/* The longer phrases come first, so that one its next words cancel also cancels the
 * shorter ones within it before they are compared. */
static void
sort_longest_first (GHashTable *by_first_word)
{
  GHashTableIter iter, second_iter;
  gpointer start, same_start;

  g_hash_table_iter_init (&iter, by_first_word);
  while (g_hash_table_iter_next (&iter, NULL, &start))
    {
      g_hash_table_iter_init (&second_iter, ((Start *) start)->by_second);
      while (g_hash_table_iter_next (&second_iter, NULL, &same_start))
        g_ptr_array_sort (same_start, compare_longest_first);
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
      sort_longest_first (table);
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
      sort_longest_first (table);
      g_once_init_leave_pointer (&by_first_word, table);
    }

  return by_first_word;
}

/* Matching ---------------------------------------------------------------------------- */

/* The writer as the one who speaks, for quotations the writer brings in: "I told him",
 * "je lui ai dit", "قلت لنفسي"; not "she told me". */
static const char * const first_person[] = { "i", "je", "j", "انا", "قلت", "لنفسي", NULL };

typedef struct
{
  const FoldedText *text;
  const char       *cancelled_end; /* where the last phrase its next words cancel ends */
} Scan;

static inline guint8
mark_at (const Scan *scan,
         const char *word)
{
  return g_array_index (scan->text->marks, guint8, word - scan->text->words->str);
}

/* Whether the words at @at, all in one sentence, are @pattern: "#" is any number, "@" a
 * name and "*" any word. */
static gboolean
words_are (const Scan *scan,
           const char *at,
           const char *pattern)
{
  while (*pattern != '\0')
    {
      const char *pattern_end = strchr (pattern, ' ');
      const char *at_end = strchr (at, ' ');
      gsize pattern_length = pattern_end != NULL ? (gsize) (pattern_end - pattern)
                                                 : strlen (pattern);

      if (*at == '\0' || (mark_at (scan, at) & WORD_STARTS_SENTENCE))
        return FALSE;

      if (pattern_length == 1 && *pattern == '#')
        {
          for (const char *p = at; p < at_end; p++)
            if (!g_ascii_isdigit (*p))
              return FALSE;
        }
      else if (pattern_length == 1 && *pattern == '@')
        {
          if (!(mark_at (scan, at) & WORD_NAME))
            return FALSE;
        }
      else if (!(pattern_length == 1 && *pattern == '*') &&
               ((gsize) (at_end - at) != pattern_length ||
                strncmp (at, pattern, pattern_length) != 0))
        return FALSE;

      at = at_end + 1;
      pattern += pattern_length;
      if (*pattern == ' ')
        pattern++;
    }

  return TRUE;
}

/* Whether the words at @at, in one sentence, start with an entry of @list. */
static gboolean
starts_with_entry (const Scan     *scan,
                   char           *at,
                   const WordList *list)
{
  GPtrArray *same_start;
  char *end;

  if (*at == '\0' || (mark_at (scan, at) & WORD_STARTS_SENTENCE))
    return FALSE;

  for (guint i = 0; i < list->any_first->len; i++)
    if (words_are (scan, at, g_ptr_array_index (list->any_first, i)))
      return TRUE;

  if (g_hash_table_size (list->by_first_word) == 0)
    return FALSE;

  end = strchr (at, ' ');
  *end = '\0';
  same_start = g_hash_table_lookup (list->by_first_word, at);
  *end = ' ';

  for (guint i = 0; same_start != NULL && i < same_start->len; i++)
    if (words_are (scan, at, g_ptr_array_index (same_start, i)))
      return TRUE;

  return FALSE;
}

/* Whether the word before @word, in its sentence, is an entry of @before. */
static gboolean
word_before_is (const Scan     *scan,
                const char     *word,
                const WordList *before)
{
  char *start = (char *) word - 1;

  if ((before->any_first->len == 0 && g_hash_table_size (before->by_first_word) == 0) ||
      *start != ' ' || start == scan->text->words->str ||
      (mark_at (scan, word) & WORD_STARTS_SENTENCE))
    return FALSE;

  while (start[-1] != ' ')
    start--;

  return starts_with_entry (scan, start, before);
}

/* Where @phrase ends when it starts at @at, its last letter perhaps drawn out ("dieeee"):
 * the space after it, or NULL. */
static inline const char *
phrase_end (const char   *at,
            const Phrase *phrase)
{
  const char *end;

  if (strncmp (at, phrase->words, phrase->length) != 0)
    return NULL;

  end = at + phrase->length;
  while (strncmp (end, phrase->words + phrase->length - phrase->last, phrase->last) == 0)
    end += phrase->last;

  return *end == ' ' ? end : NULL;
}

/* Looks @word (up to @end, a space) up in @table: as written, and with the run of its last
 * letter cut to two and to one, for a phrase's drawn-out last word ("dieeee"). Returns how
 * many of the three were found, in @found. */
static guint
look_up_word (GHashTable *table,
              char       *word,
              char       *end,
              gpointer    found[3])
{
  const char *last = (guchar) end[-1] < 0x80 ? end - 1 : g_utf8_find_prev_char (word, end);
  gsize size = end - last;
  char *run = (char *) last;
  char *cuts[3] = { end, NULL, NULL };
  guint n_found = 0;

  while (run - size >= word && memcmp (run - size, last, size) == 0)
    run -= size;
  if (run + size < last)
    cuts[1] = run + 2 * size;
  if (run < last)
    cuts[2] = run + size;

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    if (cuts[i] != NULL)
      {
        char saved = *cuts[i];
        gpointer value;

        *cuts[i] = '\0';
        value = g_hash_table_lookup (table, word);
        *cuts[i] = saved;
        if (value != NULL)
          found[n_found++] = value;
      }

  return n_found;
}

typedef enum
{
  PHRASE_ABSENT,
  PHRASE_EVERYDAY,
  PHRASE_FOUND,
} PhraseFound;

/* Whether @phrase is at @word, and not as a figure of speech. */
static PhraseFound
find_phrase (Scan         *scan,
             const Phrase *phrase,
             const char   *word)
{
  const char *after = phrase_end (word, phrase);
  gboolean everyday = FALSE;

  if (after == NULL)
    return PHRASE_ABSENT;

  /* Within a longer phrase that its next words cancelled */
  if (scan->cancelled_end != NULL && after <= scan->cancelled_end)
    return PHRASE_EVERYDAY;

  everyday = starts_with_entry (scan, (char *) after + 1, phrase->everyday);
  if (!everyday)
    everyday = word_before_is (scan, word, phrase->before);
  if (!everyday)
    return PHRASE_FOUND;

  if (scan->cancelled_end == NULL || after > scan->cancelled_end)
    scan->cancelled_end = after;
  return PHRASE_EVERYDAY;
}

static gboolean
finds_any (Scan            *scan,
           const GPtrArray *phrases,
           const char      *word)
{
  for (guint i = 0; i < phrases->len; i++)
    if (find_phrase (scan, g_ptr_array_index (phrases, i), word) == PHRASE_FOUND)
      return TRUE;

  return FALSE;
}

/* Whether a phrase starts at @word, which ends at @end (a space, made a nul for the
 * look-ups and put back): first those of more than one word, the longest first. */
static gboolean
matches_at (Scan       *scan,
            GHashTable *by_first_word,
            char       *word,
            char       *end)
{
  gpointer starts[3];
  guint n_starts = look_up_word (by_first_word, word, end, starts);

  for (guint i = 0; i < n_starts; i++)
    {
      const Start *start = starts[i];
      char *second = end + 1;

      if (*second != '\0' && g_hash_table_size (start->by_second) > 0)
        {
          gpointer longer[3];
          guint n_longer = look_up_word (start->by_second, second, strchr (second, ' '), longer);

          for (guint j = 0; j < n_longer; j++)
            if (finds_any (scan, longer[j], word))
              return TRUE;
        }

      if (finds_any (scan, start->one_word, word))
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

static gboolean
is_first_person (const char *word,
                 const char *end)
{
  for (guint i = 0; first_person[i] != NULL; i++)
    if (strlen (first_person[i]) == (gsize) (end - word) &&
        strncmp (word, first_person[i], end - word) == 0)
      return TRUE;

  return FALSE;
}

/* Which words of @text are someone else's quoted speech: a byte for each byte of the
 * words, TRUE at the first byte of such a word, or NULL when there are none. Those are the
 * words between two quotation marks, unless the writer brings the quotation in: a first
 * person before the opening mark in its sentence ("I told him "…"") or right after the
 * closing one ("“…”, I said"); and unless the text has no words outside the marks. */
static guint8 *
find_quoted_speech (const FoldedText *text)
{
  const char *words = text->words->str;
  guint n_quotes = text->quotes->len - text->quotes->len % 2;
  g_autoptr(GArray) own = NULL; /* gboolean for each quotation */
  g_autofree guint8 *quoted = NULL;
  gboolean first_person_said = FALSE, outside = FALSE, any = FALSE;
  guint k = 0;

  if (n_quotes < 2)
    return NULL;

  own = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_array_set_size (own, n_quotes / 2);

  /* Whose each quotation is */
  for (const char *word = words + 1; *word != '\0';)
    {
      const char *end = strchr (word, ' ');
      gsize offset = word - words;
      gboolean starts_sentence = g_array_index (text->marks, guint8, offset) & WORD_STARTS_SENTENCE;
      gboolean just_closed = FALSE;

      if (starts_sentence)
        first_person_said = FALSE;
      for (; k < n_quotes && g_array_index (text->quotes, gsize, k) <= offset; k++)
        if (k % 2 == 0)
          g_array_index (own, gboolean, k / 2) = first_person_said;
        else
          just_closed = TRUE;

      if (k % 2 == 0)
        {
          outside = TRUE;
          if (is_first_person (word, end))
            {
              first_person_said = TRUE;
              if (just_closed && !starts_sentence)
                g_array_index (own, gboolean, k / 2 - 1) = TRUE;
            }
        }

      word = end + 1;
    }

  if (!outside)
    return NULL;

  /* The words of the others' quotations */
  quoted = g_malloc0 (text->words->len + 1);
  k = 0;
  for (const char *word = words + 1; *word != '\0'; word = strchr (word, ' ') + 1)
    {
      gsize offset = word - words;

      for (; k < n_quotes && g_array_index (text->quotes, gsize, k) <= offset; k++)
        ;
      if (k % 2 == 1 && !g_array_index (own, gboolean, k / 2))
        quoted[offset] = any = TRUE;
    }

  return any ? g_steal_pointer (&quoted) : NULL;
}

/* Whether any phrase of @by_first_word is in @text, on word boundaries. */
static gboolean
holds_phrase (GHashTable *by_first_word,
              const char *text)
{
  g_auto(FoldedText) folded = { 0 };
  g_autofree guint8 *quoted = NULL;
  Scan scan = { &folded, NULL };

  if (text == NULL || *text == '\0')
    return FALSE;

  fold_words (text, FALSE, FALSE, &folded);
  quoted = find_quoted_speech (&folded);

  for (char *word = folded.words->str + 1; *word != '\0';)
    {
      char *end = strchr (word, ' ');

      if (quoted == NULL || !quoted[word - folded.words->str])
        {
          if (matches_at (&scan, by_first_word, word, end))
            return TRUE;
          if (has_arabic_conjunction (word, end) &&
              matches_at (&scan, by_first_word, word + 2, end))
            return TRUE;
        }

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
