/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "tend-backup.h"
#include "tend-context.h"
#include "tend-database.h"

/* Writes two months of plausible check-ins, most of them in the last two weeks, with
 * energy, feelings and tags, into
 * DIR/tend/journal.db through the core, for screenshots and for trying Tend by hand:
 *
 *   make-sample-journal DIR [en|fr|ar] [--count N] [--backups N] [--damaged] [--now ISO8601]
 *
 * With --count, it writes N check-ins instead, three a day going back from today, in one
 * transaction: a big journal to measure how Tend copes with years of use. --backups makes
 * N daily backups, the newest today, each holding the check-ins written by its day;
 * --damaged then cuts the journal in half, as a full disk might, to show the recovery page.
 *
 * It also writes three weeks of screen time (usage_intervals), up to now, for the Usage
 * page; --no-usage leaves them out.
 *
 * With --year, it writes a year of check-ins up to today instead, for Insights: one to
 * three a day, some days skipped and a few gaps of several days, with feelings and
 * activities that make patterns (better days with Exercise, Outdoors, Friends or a good
 * night's Sleep and at weekends, worse ones after Work late, more screen time on worse
 * days), and screen time for the whole year.
 *
 * --draft-mood N (1 to 5) gives the --draft check-in that mood instead of Bad.
 *
 * --now writes as if it were that time (such as 2026-11-21T10:30:00Z) rather than now, for
 * tests whose clock reads a fixed time.
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
#define TAGS_EXERCISE { "Exercise", "Sport", "رياضة" }
#define TAGS_LATE     { "Work late", "Travail tardif", "عمل متأخر" }

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

/* A working day's spans of use: start (minutes after midnight) and length (minutes). */
static const struct {
  guint start;
  guint length;
} usage_spans[] = {
  { 8 * 60 + 50, 55 }, { 10 * 60, 80 }, { 11 * 60 + 35, 50 }, { 13 * 60 + 30, 95 },
  { 15 * 60 + 20, 70 }, { 16 * 60 + 45, 40 }, { 20 * 60 + 30, 60 },
};

/* @n_days of screen time up to today, lighter at weekends, each span a little longer or
 * shorter from day to day and, when @scale is given, @scale[days_ago] times as long;
 * today's up to now. */
static gboolean
write_usage (TendDatabase  *database,
             GDateTime     *now,
             int            n_days,
             const double  *scale,
             GError       **error)
{
  gint64 now_s = g_date_time_to_unix (now);
  guint32 seed = 7;
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  tend_database_lock (database);
  if (!tend_database_begin (database, error))
    {
      tend_database_unlock (database);
      return FALSE;
    }

  stmt = tend_database_prepare (database,
                                "INSERT INTO usage_intervals (started_at, ended_at) VALUES (?1, ?2)",
                                error);
  ok = stmt != NULL;

  for (int days_ago = n_days - 1; ok && days_ago >= 0; days_ago--)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -days_ago);
      int weekday = g_date_time_get_day_of_week (day);
      gboolean weekend = weekday >= 6;

      for (guint i = 0; ok && i < G_N_ELEMENTS (usage_spans); i++)
        {
          g_autoptr(GDateTime) start = NULL;
          gint64 start_s, end_s;
          guint length;

          seed = seed * 1103515245 + 12345;
          /* Weekends: the morning and the evening only */
          if (weekend && i != 1 && i != 6)
            continue;

          length = usage_spans[i].length * (70 + (seed >> 16) % 60) / 100;
          if (scale != NULL)
            length = (guint) (length * scale[days_ago]);
          start = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                         g_date_time_get_day_of_month (day),
                                         usage_spans[i].start / 60, usage_spans[i].start % 60, 0);
          start_s = g_date_time_to_unix (start);
          end_s = MIN (start_s + (gint64) length * 60, now_s);
          if (end_s <= start_s)
            continue;

          sqlite3_bind_int64 (stmt, 1, start_s);
          sqlite3_bind_int64 (stmt, 2, end_s);
          ok = sqlite3_step (stmt) == SQLITE_DONE;
          sqlite3_reset (stmt);
        }
    }

  if (ok)
    ok = tend_database_commit (database, error);
  else
    {
      if (stmt != NULL)
        tend_database_set_error_from_sqlite (database, sqlite3_errcode (tend_database_get_handle (database)), error);
      tend_database_rollback (database);
    }

  tend_database_unlock (database);
  return ok;
}

static const char * const sample_emotions[] = { "calm", "grateful", "anxious", "drained", "happy" };

/* N check-ins, three a day from today backwards, with the sample notes in turn. */
static gboolean
write_many (TendJournal  *journal,
            GDateTime    *now,
            guint         count,
            int           lang,
            GError      **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  static const int hours[] = { 21, 13, 8 };

  for (guint i = 0; i < count; i++)
    {
      const Sample *sample = &samples[i % G_N_ELEMENTS (samples)];
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -(int) (i / 3));
      g_autoptr(GDateTime) when = NULL;
      TendEntry *entry;
      const char *emotions[] = { sample_emotions[i % G_N_ELEMENTS (sample_emotions)], NULL };

      when = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                    g_date_time_get_day_of_month (day),
                                    hours[i % 3], (int) (i * 7 % 60), 0);
      entry = tend_entry_new (1 + (i * 7 + i / 3) % 5, sample->notes[lang], when);
      tend_entry_set_emotions (entry, emotions);
      g_ptr_array_add (entries, entry);
    }

  return tend_journal_import (journal, entries, NULL, NULL, error);
}

/* The samples above, on the days they say. */
static gboolean
write_samples (TendJournal  *journal,
               GDateTime    *now,
               int           lang,
               GError      **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      const Sample *sample = &samples[i];
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -sample->days_ago);
      g_autoptr(GDateTime) when = NULL;
      g_autoptr(TendEntry) entry = NULL;
      const char *tags[3] = { NULL };

      when = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                    g_date_time_get_day_of_month (day),
                                    sample->hour, sample->minute, 0);

      entry = tend_entry_new (sample->mood, sample->notes[lang], when);
      tend_entry_set_energy (entry, sample->energy);
      tend_entry_set_emotions (entry, sample->emotions);
      for (guint t = 0; t < 2; t++)
        tags[t] = sample->tags[t][lang];
      tend_entry_set_tags (entry, tags);
      if (!tend_journal_add (journal, entry, error))
        return FALSE;
    }

  return TRUE;
}

/* A year ------------------------------------------------------------------------------- */

#define YEAR_DAYS 365

static const char * const pleasant_emotions[] = {
  "calm", "content", "grateful", "happy", "joyful", "peaceful", "proud", "rested", "hopeful",
};
static const char * const unpleasant_emotions[] = {
  "anxious", "drained", "frustrated", "lonely", "overwhelmed", "sad", "stressed", "worried",
};

static const char * const year_tags[][3] = {
  TAGS_WORK, TAGS_LATE, TAGS_EXERCISE, TAGS_OUTDOORS, TAGS_FRIENDS, TAGS_FAMILY, TAGS_SLEEP,
};

enum { TAG_WORK, TAG_LATE, TAG_EXERCISE, TAG_OUTDOORS, TAG_FRIENDS, TAG_FAMILY, TAG_SLEEP };

/* Days not written: a week away, a long weekend, a busy spell. */
static gboolean
in_gap (int days_ago)
{
  return (days_ago >= 300 && days_ago < 307) ||
         (days_ago >= 190 && days_ago < 194) ||
         (days_ago >= 75 && days_ago < 80);
}

/* A note from the samples with this mood, now and then. */
static const char *
pick_note (GRand    *rand,
           TendMood  mood,
           int       lang)
{
  guint start = g_rand_int_range (rand, 0, G_N_ELEMENTS (samples));

  if (g_rand_int_range (rand, 0, 4) != 0)
    return "";

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      const Sample *sample = &samples[(start + i) % G_N_ELEMENTS (samples)];

      if (sample->mood == mood && sample->notes[lang][0] != '\0')
        return sample->notes[lang];
    }

  return "";
}

/* A year of days up to today, each with what was done and a mood that follows from it,
 * and check-ins spread over the day. @scale gets each day's screen time (by days ago):
 * more on worse days and after working late. */
static gboolean
write_year (TendJournal  *journal,
            GDateTime    *now,
            int           lang,
            double       *scale,
            guint        *n_written,
            GError      **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  static const int hours[] = { 8, 13, 19, 22 };

  for (int days_ago = YEAR_DAYS - 1; days_ago >= 0; days_ago--)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -days_ago);
      gboolean weekend = g_date_time_get_day_of_week (day) >= 6;
      gboolean done[G_N_ELEMENTS (year_tags)] = { FALSE };
      double season = g_date_time_get_day_of_year (day) / 366.0;
      /* A little better in summer than in winter. */
      double base = 2.9 + 0.3 * (1 - 4 * ABS (season - 0.5));
      guint n_checkins;
      int first_hour;

      done[TAG_WORK] = !weekend && g_rand_double (rand) < 0.85;
      done[TAG_LATE] = done[TAG_WORK] && g_rand_double (rand) < 0.2;
      done[TAG_EXERCISE] = g_rand_double (rand) < (weekend ? 0.45 : 0.25);
      done[TAG_OUTDOORS] = g_rand_double (rand) < (weekend ? 0.6 : 0.25);
      done[TAG_FRIENDS] = g_rand_double (rand) < (weekend ? 0.45 : 0.12);
      done[TAG_FAMILY] = g_rand_double (rand) < (weekend ? 0.35 : 0.1);
      done[TAG_SLEEP] = g_rand_double (rand) < 0.4;

      base += weekend ? 0.5 : 0;
      base += done[TAG_LATE] ? -1.0 : 0;
      base += done[TAG_EXERCISE] ? 0.7 : 0;
      base += done[TAG_OUTDOORS] ? 0.5 : 0;
      base += done[TAG_FRIENDS] ? 0.4 : 0;
      base += done[TAG_SLEEP] ? 0.4 : 0;
      base += g_rand_double_range (rand, -0.9, 0.9);

      scale[days_ago] = CLAMP (1.0 + (3.2 - base) * 0.25 + (done[TAG_LATE] ? 0.3 : 0), 0.4, 1.8);

      if (in_gap (days_ago) || g_rand_double (rand) < 0.08)
        continue;

      n_checkins = 1 + (g_rand_double (rand) < 0.55) + (g_rand_double (rand) < 0.25);
      first_hour = g_rand_int_range (rand, 0, 4 - (int) n_checkins + 1);

      for (guint c = 0; c < n_checkins; c++)
        {
          int hour = hours[first_hour + (int) c];
          g_autoptr(GDateTime) when = NULL;
          const char *emotions[3] = { NULL };
          const char *tags[G_N_ELEMENTS (year_tags) + 1] = { NULL };
          guint n_tags = 0;
          double value;
          TendMood mood;
          TendEntry *entry;

          if (days_ago == 0 && hour > g_date_time_get_hour (now))
            break;

          value = base + g_rand_double_range (rand, -0.7, 0.7) + (hour == 22 ? -0.2 : 0);
          mood = (TendMood) CLAMP ((int) (value + 0.5), TEND_MOOD_AWFUL, TEND_MOOD_GREAT);

          when = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                        g_date_time_get_day_of_month (day), hour,
                                        g_rand_int_range (rand, 0, 60), 0);
          entry = tend_entry_new (mood, pick_note (rand, mood, lang), when);

          /* What the day held: the morning's sleep, work by day, the rest later. */
          for (guint t = 0; t < G_N_ELEMENTS (year_tags); t++)
            {
              gboolean now_or_never = c == n_checkins - 1;

              if (!done[t])
                continue;
              if (t == TAG_SLEEP && c != 0)
                continue;
              if (t == TAG_LATE && hour < 19 && !now_or_never)
                continue;
              if (t != TAG_SLEEP && t != TAG_WORK && hour < 13 && !now_or_never)
                continue;
              tags[n_tags++] = year_tags[t][lang];
              done[t] = FALSE;
            }
          tend_entry_set_tags (entry, tags);

          if (g_rand_double (rand) < 0.75)
            {
              /* An okay check-in is as often one as the other. */
              gboolean pleasant = mood > TEND_MOOD_OKAY ||
                                  (mood == TEND_MOOD_OKAY && g_rand_boolean (rand));
              const char * const *list = pleasant ? pleasant_emotions : unpleasant_emotions;
              guint n_list = pleasant ? G_N_ELEMENTS (pleasant_emotions)
                                      : G_N_ELEMENTS (unpleasant_emotions);

              emotions[0] = list[g_rand_int_range (rand, 0, (int) n_list)];
              if (g_rand_double (rand) < 0.4)
                {
                  emotions[1] = list[g_rand_int_range (rand, 0, (int) n_list)];
                  if (g_str_equal (emotions[0], emotions[1]))
                    emotions[1] = NULL;
                }
            }
          tend_entry_set_emotions (entry, emotions);

          if (g_rand_double (rand) < 0.6)
            tend_entry_set_energy (entry, mood >= TEND_MOOD_GOOD ? TEND_ENERGY_HIGH :
                                          mood <= TEND_MOOD_BAD ? TEND_ENERGY_LOW :
                                          TEND_ENERGY_MEDIUM);

          g_ptr_array_add (entries, entry);
        }
    }

  *n_written = entries->len;

  return tend_journal_import (journal, entries, NULL, NULL, error);
}

/* N backups, one a day at 9:00 back from today; each holds the check-ins up to its day. */
static gboolean
make_backups (TendContext  *context,
              GDateTime    *now,
              guint         n_backups,
              GError      **error)
{
  g_autofree char *journal_path = tend_context_get_journal_path (context);
  g_autofree char *folder = tend_context_get_backup_folder (context);
  TendJournal *journal = tend_context_get_journal (context);
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_object_unref);

  /* Newest backup first: take out the check-ins of later days, then put them all back. */
  for (guint day = 0; day < n_backups; day++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_days (now, -(int) day);
      g_autoptr(GDateTime) morning = g_date_time_new_local (g_date_time_get_year (when),
                                                            g_date_time_get_month (when),
                                                            g_date_time_get_day_of_month (when),
                                                            9, 0, 0);
      g_autoptr(TendBackup) backup = NULL;
      GListModel *entries = G_LIST_MODEL (tend_journal_get_entries (journal));

      while (g_list_model_get_n_items (entries) > 0)
        {
          g_autoptr(TendEntry) newest = g_list_model_get_item (entries, 0);

          if (g_date_time_compare (tend_entry_get_occurred_at (newest), morning) <= 0)
            break;
          if (!tend_journal_remove (journal, newest, error))
            return FALSE;
          g_ptr_array_add (removed, tend_entry_copy (newest));
        }

      backup = tend_backup_create (journal_path, folder, morning, error);
      if (backup == NULL)
        return FALSE;
    }

  return tend_journal_import (journal, removed, NULL, NULL, error);
}

static gboolean
cut_in_half (const char  *path,
             GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (path, &contents, &length, error) &&
         g_file_set_contents (path, contents, length / 2, error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TendContext) context = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  const char *dir = NULL;
  guint64 count = 0;
  guint64 n_backups = 0;
  gboolean damaged = FALSE;
  gboolean usage = TRUE;
  gboolean year = FALSE;
  double scale[YEAR_DAYS];
  const char *draft_note = NULL;
  const char *now_text = NULL;
  guint64 draft_mood = TEND_MOOD_BAD;
  int lang = 0;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--count") && i + 1 < argc)
        {
          if (!g_ascii_string_to_unsigned (argv[++i], 10, 1, G_MAXUINT, &count, &error))
            {
              g_printerr ("--count: %s\n", error->message);
              return EXIT_FAILURE;
            }
        }
      else if (g_str_equal (argv[i], "--backups") && i + 1 < argc)
        {
          if (!g_ascii_string_to_unsigned (argv[++i], 10, 1, 400, &n_backups, &error))
            {
              g_printerr ("--backups: %s\n", error->message);
              return EXIT_FAILURE;
            }
        }
      else if (g_str_equal (argv[i], "--damaged"))
        damaged = TRUE;
      else if (g_str_equal (argv[i], "--year"))
        year = TRUE;
      else if (g_str_equal (argv[i], "--no-usage"))
        usage = FALSE;
      else if (g_str_equal (argv[i], "--draft") && i + 1 < argc)
        draft_note = argv[++i];
      else if (g_str_equal (argv[i], "--draft-mood") && i + 1 < argc)
        {
          if (!g_ascii_string_to_unsigned (argv[++i], 10, TEND_MOOD_FIRST, TEND_MOOD_LAST,
                                           &draft_mood, &error))
            {
              g_printerr ("--draft-mood: %s\n", error->message);
              return EXIT_FAILURE;
            }
        }
      else if (g_str_equal (argv[i], "--now") && i + 1 < argc)
        now_text = argv[++i];
      else if (dir == NULL)
        dir = argv[i];
      else
        lang = g_str_equal (argv[i], "fr") ? 1 : g_str_equal (argv[i], "ar") ? 2 : 0;
    }

  if (dir == NULL)
    {
      g_printerr ("usage: make-sample-journal DIR [en|fr|ar] [--count N] [--backups N] [--damaged] "
                  "[--draft NOTE [--draft-mood N]] [--no-usage] [--year] [--now ISO8601]\n");
      return EXIT_FAILURE;
    }

  data_dir = g_build_filename (dir, "tend", NULL);
  context = tend_context_new (data_dir, NULL);
  if (!tend_context_open (context, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (now_text != NULL)
    {
      g_autoptr(GDateTime) given = g_date_time_new_from_iso8601 (now_text, NULL);

      if (given == NULL)
        {
          g_printerr ("--now: “%s” is not a date and time such as 2026-11-21T10:30:00Z\n", now_text);
          return EXIT_FAILURE;
        }
      now = g_date_time_to_local (given);
    }
  else
    now = g_date_time_new_now_local ();
  if (year)
    {
      guint n_written = 0;

      if (!write_year (tend_context_get_journal (context), now, lang, scale, &n_written, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }

      g_print ("%u check-ins over a year written to %s\n", n_written, data_dir);
    }
  else if (count > 0)
    {
      if (!write_many (tend_context_get_journal (context), now, (guint) count, lang, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }

      g_print ("%u check-ins written to %s\n", (guint) count, data_dir);
    }
  else if (!write_samples (tend_context_get_journal (context), now, lang, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  else
    g_print ("%u check-ins written to %s\n", (guint) G_N_ELEMENTS (samples), data_dir);

  /* A check-in being written, as if Tend had closed while it was: the Today page shows it
   * (and, for a note that needs it, the care check's card). */
  if (draft_note != NULL)
    {
      g_autoptr(TendDraft) draft = tend_draft_new ();

      draft->mood = (TendMood) draft_mood;
      g_set_str (&draft->note, draft_note);
      if (!tend_journal_save_draft (tend_context_get_journal (context), "check-in", draft, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
    }

  if (usage && !write_usage (tend_context_get_database (context), now, year ? YEAR_DAYS : 21,
                             year ? scale : NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (n_backups > 0 && !make_backups (context, now, (guint) n_backups, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (damaged)
    {
      g_autofree char *path = tend_context_get_journal_path (context);

      g_clear_object (&context);
      if (!cut_in_half (path, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
    }

  return EXIT_SUCCESS;
}
