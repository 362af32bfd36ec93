/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "tend-context.h"

/* Writes two months of plausible check-ins, most of them in the last two weeks, with
 * energy, feelings and tags, into
 * DIR/tend/journal.db through the core, for screenshots and for trying Tend by hand:
 *
 *   make-sample-journal DIR [en|fr|ar]
 */

typedef struct
{
  int         days_ago;
  int         hour;
  int         minute;
  TendMood    mood;
  TendEnergy  energy;
  const char *emotions[4];
  const char *tags[3][3]; /* per language, up to two each */
  const char *notes[3]; /* en, fr, ar */
} Sample;

#define TAGS_WORK     { "Work", "Travail", "عمل" }
#define TAGS_FAMILY   { "Family", "Famille", "عائلة" }
#define TAGS_FRIENDS  { "Friends", "Amis", "أصدقاء" }
#define TAGS_OUTDOORS { "Outdoors", "Plein air", "في الخارج" }
#define TAGS_MONEY    { "Money", "Argent", "مال" }
#define TAGS_SLEEP    { "Sleep", "Sommeil", "نوم" }
#define TAGS_FOOD     { "Food", "Repas", "طعام" }
#define TAGS_REST     { "Rest", "Repos", "راحة" }

static const Sample samples[] = {
  { 0, 9, 12, TEND_MOOD_GOOD, TEND_ENERGY_HIGH,
    { "rested", "calm", NULL },
    { TAGS_SLEEP, TAGS_WORK },
    { "Slept well for once. Coffee on the balcony before work.",
      "Enfin une bonne nuit. Un café sur le balcon avant le travail.",
      "نمت جيدًا أخيرًا. قهوة على الشرفة قبل العمل." } },
  { 0, 7, 40, TEND_MOOD_OKAY, TEND_ENERGY_NONE,
    { NULL },
    { { NULL } },
    { "", "", "" } },
  { 1, 21, 5, TEND_MOOD_BAD, TEND_ENERGY_LOW,
    { "stressed", "drained", "relieved", NULL },
    { TAGS_WORK, TAGS_FAMILY },
    { "Long meeting, and the report is late again. Called Mum, which helped a little.",
      "Longue réunion, et le rapport est encore en retard. J’ai appelé maman, ça m’a un peu aidé.",
      "اجتماع طويل، والتقرير متأخر مرة أخرى. اتصلت بأمي، وساعدني ذلك قليلًا." } },
  { 1, 13, 30, TEND_MOOD_OKAY, TEND_ENERGY_MEDIUM,
    { NULL },
    { TAGS_FOOD, TAGS_OUTDOORS },
    { "Lunch outside.", "Déjeuner dehors.", "غداء في الخارج." } },
  { 2, 18, 45, TEND_MOOD_GREAT, TEND_ENERGY_HIGH,
    { "joyful", "grateful", "peaceful", NULL },
    { TAGS_FRIENDS, TAGS_OUTDOORS },
    { "Walked by the river with Sam. The light was beautiful.",
      "Promenade au bord de la rivière avec Sam. La lumière était magnifique.",
      "مشيت مع سام على ضفة النهر. كان الضوء جميلًا." } },
  { 3, 22, 10, TEND_MOOD_AWFUL, TEND_ENERGY_LOW,
    { "anxious", "worried", NULL },
    { TAGS_MONEY },
    { "Couldn’t stop worrying about money tonight.",
      "Impossible d’arrêter de m’inquiéter pour l’argent ce soir.",
      "لم أستطع التوقف عن القلق بشأن المال الليلة." } },
  { 4, 8, 0, TEND_MOOD_OKAY, TEND_ENERGY_MEDIUM,
    { "calm", NULL },
    { { NULL } },
    { "", "", "" } },
  { 5, 19, 20, TEND_MOOD_GOOD, TEND_ENERGY_MEDIUM,
    { "happy", "loved", NULL },
    { TAGS_FRIENDS, TAGS_FOOD },
    { "Cooked with friends.", "Cuisiné avec des amis.", "طبخت مع أصدقائي." } },
  { 7, 20, 0, TEND_MOOD_GOOD, TEND_ENERGY_NONE,
    { "content", NULL },
    { TAGS_REST },
    { "Quiet Sunday. Read most of a novel.", "Dimanche tranquille. J’ai lu presque tout un roman.",
      "أحد هادئ. قرأت معظم رواية." } },
  { 9, 17, 35, TEND_MOOD_BAD, TEND_ENERGY_LOW,
    { "lonely", "sad", NULL },
    { { NULL } },
    { "Tired and a bit lonely.", "Fatigué, et un peu seul.", "متعب وأشعر ببعض الوحدة." } },
  { 12, 10, 15, TEND_MOOD_GREAT, TEND_ENERGY_HIGH,
    { "excited", "proud", NULL },
    { TAGS_OUTDOORS },
    { "First swim of the season!", "Première baignade de la saison !",
      "أول سباحة في هذا الموسم!" } },
  /* Older weeks, more sparse, so the calendar has more than one month to show */
  { 15, 9, 30, TEND_MOOD_OKAY, TEND_ENERGY_NONE, { NULL }, { { NULL } }, { "", "", "" } },
  { 16, 20, 10, TEND_MOOD_GOOD, TEND_ENERGY_NONE, { NULL }, { { NULL } },
    { "Board games at Lea’s.", "Jeux de société chez Léa.", "ألعاب لوحية عند ليا." } },
  { 16, 8, 5, TEND_MOOD_BAD, TEND_ENERGY_NONE, { NULL }, { { NULL } }, { "", "", "" } },
  { 19, 18, 0, TEND_MOOD_AWFUL, TEND_ENERGY_NONE, { NULL }, { { NULL } },
    { "Bad news from the landlord.", "Mauvaise nouvelle du propriétaire.",
      "أخبار سيئة من المالك." } },
  { 20, 12, 40, TEND_MOOD_BAD, TEND_ENERGY_NONE, { NULL }, { { NULL } }, { "", "", "" } },
  { 22, 19, 15, TEND_MOOD_OKAY, TEND_ENERGY_NONE, { NULL }, { { NULL } }, { "", "", "" } },
  { 24, 11, 0, TEND_MOOD_GREAT, TEND_ENERGY_NONE, { NULL }, { { NULL } },
    { "Sunny market morning.", "Matinée de marché ensoleillée.", "صباح مشمس في السوق." } },
  { 27, 21, 30, TEND_MOOD_GOOD, TEND_ENERGY_NONE, { NULL }, { { NULL } }, { "", "", "" } },
  { 29, 7, 50, TEND_MOOD_OKAY, TEND_ENERGY_NONE, { NULL }, { { NULL } }, { "", "", "" } },
  { 33, 17, 20, TEND_MOOD_GOOD, TEND_ENERGY_NONE, { NULL }, { { NULL } },
    { "Finished the bookshelf.", "Fini l’étagère.", "أنهيت رف الكتب." } },
  { 33, 22, 45, TEND_MOOD_GREAT, TEND_ENERGY_NONE, { NULL }, { { NULL } }, { "", "", "" } },
  { 36, 9, 10, TEND_MOOD_BAD, TEND_ENERGY_NONE, { NULL }, { { NULL } }, { "", "", "" } },
  { 40, 19, 0, TEND_MOOD_OKAY, TEND_ENERGY_NONE, { NULL }, { { NULL } }, { "", "", "" } },
  { 44, 13, 25, TEND_MOOD_GOOD, TEND_ENERGY_NONE, { NULL }, { { NULL } },
    { "Picnic in the park.", "Pique-nique au parc.", "نزهة في الحديقة." } },
  { 47, 20, 30, TEND_MOOD_AWFUL, TEND_ENERGY_NONE, { NULL }, { { NULL } }, { "", "", "" } },
  { 51, 10, 0, TEND_MOOD_GOOD, TEND_ENERGY_NONE, { NULL }, { { NULL } }, { "", "", "" } },
  { 55, 18, 40, TEND_MOOD_GREAT, TEND_ENERGY_NONE, { NULL }, { { NULL } }, { "", "", "" } },
};

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TendContext) context = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  int lang = 0;

  if (argc < 2)
    {
      g_printerr ("usage: make-sample-journal DIR [en|fr|ar]\n");
      return EXIT_FAILURE;
    }

  if (argc > 2)
    lang = g_str_equal (argv[2], "fr") ? 1 : g_str_equal (argv[2], "ar") ? 2 : 0;

  data_dir = g_build_filename (argv[1], "tend", NULL);
  context = tend_context_new (data_dir, NULL);
  if (!tend_context_open (context, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  now = g_date_time_new_now_local ();
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      const Sample *sample = &samples[i];
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -sample->days_ago);
      g_autoptr(GDateTime) when = NULL;
      g_autoptr(TendEntry) entry = NULL;

      when = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                    g_date_time_get_day_of_month (day),
                                    sample->hour, sample->minute, 0);
      const char *tags[3] = { NULL };

      entry = tend_entry_new (sample->mood, sample->notes[lang], when);
      tend_entry_set_energy (entry, sample->energy);
      tend_entry_set_emotions (entry, sample->emotions);
      for (guint t = 0; t < 2; t++)
        tags[t] = sample->tags[t][lang];
      tend_entry_set_tags (entry, tags);
      if (!tend_journal_add (tend_context_get_journal (context), entry, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
    }

  g_print ("%u check-ins written to %s\n", (guint) G_N_ELEMENTS (samples), data_dir);
  return EXIT_SUCCESS;
}
