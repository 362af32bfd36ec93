/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "tend-context.h"
#include "tend-test-utils.h"

typedef struct
{
  char        *data_dir;
  TendContext *context;
  TendJournal *journal;
} Fixture;

static GPtrArray *kept_entries;

static void
fixture_open (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->context = tend_context_new (fixture->data_dir, NULL);
  g_assert_true (tend_context_open (fixture->context, &error));
  g_assert_no_error (error);
  fixture->journal = tend_context_get_journal (fixture->context);
}

static void
fixture_close (Fixture *fixture)
{
  g_ptr_array_set_size (kept_entries, 0);
  fixture->journal = NULL;
  g_assert_finalize_object (fixture->context);
  fixture->context = NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->data_dir = tend_test_make_data_dir ();
  fixture_open (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->context != NULL)
    fixture_close (fixture);
  g_free (fixture->data_dir);
}

static TendEntry *
get_entry (TendJournal *journal,
           guint        position)
{
  TendEntry *entry = g_list_model_get_item (G_LIST_MODEL (tend_journal_get_entries (journal)), position);

  g_assert_nonnull (entry);
  g_ptr_array_add (kept_entries, entry); /* Lists keep only entries in use. */
  return entry;
}

static void
add (TendJournal *journal,
     TendMood     mood,
     const char  *note,
     const char  *when)
{
  g_autoptr(GDateTime) occurred_at = tend_test_date_time (when);
  g_autoptr(TendEntry) entry = tend_entry_new (mood, note, occurred_at);
  g_autoptr(GError) error = NULL;

  g_assert_true (tend_journal_add (journal, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tend_entry_get_id (entry), >, 0);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *note = "Été au bord de la mer 🌊\nSecond line, with a tab\tand \"quotes\".\n"
                     "مرحبا بالعالم";
  g_autoptr(GDateTime) when = tend_test_date_time ("2026-07-14T08:05:09+02:00");
  g_autoptr(TendEntry) written = tend_entry_new (TEND_MOOD_GREAT, note, when);
  g_autofree char *uuid = g_strdup (tend_entry_get_uuid (written));
  g_autoptr(GError) error = NULL;
  TendEntry *read;

  g_assert_true (g_uuid_string_is_valid (uuid));
  g_assert_true (tend_journal_add (fixture->journal, written, &error));
  g_assert_no_error (error);

  fixture_close (fixture);
  fixture_open (fixture);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tend_journal_get_entries (fixture->journal))), ==, 1);
  read = get_entry (fixture->journal, 0);
  g_assert_cmpint (tend_entry_get_id (read), ==, tend_entry_get_id (written));
  g_assert_cmpstr (tend_entry_get_uuid (read), ==, uuid);
  g_assert_cmpint (tend_entry_get_mood (read), ==, TEND_MOOD_GREAT);
  g_assert_cmpstr (tend_entry_get_note (read), ==, note);
  g_assert_true (g_date_time_equal (tend_entry_get_occurred_at (read), when));
  g_assert_cmpint (g_date_time_get_utc_offset (tend_entry_get_occurred_at (read)),
                   ==, 2 * G_TIME_SPAN_HOUR);
}

static void
test_newest_first (Fixture       *fixture,
                   gconstpointer  data)
{
  add (fixture->journal, TEND_MOOD_OKAY, "first", "2026-11-01T09:00:00Z");
  add (fixture->journal, TEND_MOOD_GOOD, "third", "2026-11-03T09:00:00Z");
  add (fixture->journal, TEND_MOOD_BAD, "second, back-dated", "2026-11-02T09:00:00Z");
  add (fixture->journal, TEND_MOOD_AWFUL, "third, same second", "2026-11-03T09:00:00Z");

  g_assert_cmpstr (tend_entry_get_note (get_entry (fixture->journal, 0)), ==, "third, same second");
  g_assert_cmpstr (tend_entry_get_note (get_entry (fixture->journal, 1)), ==, "third");
  g_assert_cmpstr (tend_entry_get_note (get_entry (fixture->journal, 2)), ==, "second, back-dated");
  g_assert_cmpstr (tend_entry_get_note (get_entry (fixture->journal, 3)), ==, "first");

  /* The same order after reading the file again */
  fixture_close (fixture);
  fixture_open (fixture);
  g_assert_cmpstr (tend_entry_get_note (get_entry (fixture->journal, 0)), ==, "third, same second");
  g_assert_cmpstr (tend_entry_get_note (get_entry (fixture->journal, 2)), ==, "second, back-dated");
  g_assert_cmpstr (tend_entry_get_note (get_entry (fixture->journal, 3)), ==, "first");
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *changed)
{
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
  changed->count++;
}

static void
test_items_changed (Fixture       *fixture,
                    gconstpointer  data)
{
  ItemsChanged changed = { 0 };

  add (fixture->journal, TEND_MOOD_OKAY, "a", "2026-11-01T09:00:00Z");
  add (fixture->journal, TEND_MOOD_OKAY, "c", "2026-11-03T09:00:00Z");

  g_signal_connect (tend_journal_get_entries (fixture->journal), "items-changed", G_CALLBACK (items_changed_cb), &changed);
  add (fixture->journal, TEND_MOOD_OKAY, "b", "2026-11-02T09:00:00Z");

  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpuint (changed.position, ==, 1);
  g_assert_cmpuint (changed.removed, ==, 0);
  g_assert_cmpuint (changed.added, ==, 1);
}

static void
added_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (tend_journal_add_finish (TEND_JOURNAL (object), result, &error));
  g_assert_no_error (error);
  /* The entry is in the model by the time the caller hears back. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tend_journal_get_entries (TEND_JOURNAL (object)))), ==, 1);
  *done = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
test_add_async (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) when = tend_test_date_time ("2026-11-21T10:00:00Z");
  g_autoptr(TendEntry) entry = tend_entry_new (TEND_MOOD_GOOD, "", when);
  gboolean done = FALSE;

  tend_journal_add_async (fixture->journal, entry, NULL, added_cb, &done);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tend_journal_get_entries (fixture->journal))), ==, 0);
  tend_test_wait_until (is_true, &done);

  fixture_close (fixture);
  fixture_open (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tend_journal_get_entries (fixture->journal))), ==, 1);
}

static void
test_huge_note (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(GDateTime) when = tend_test_date_time ("2026-11-21T10:00:00Z");
  g_autoptr(TendEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  while (note->len < 4 * 1024 * 1024)
    g_string_append (note, "Writing it all down helps. Ça aide aussi. ");

  entry = tend_entry_new (TEND_MOOD_OKAY, note->str, when);
  g_assert_true (tend_journal_add (fixture->journal, entry, &error));
  g_assert_no_error (error);

  fixture_close (fixture);
  fixture_open (fixture);
  g_assert_cmpstr (tend_entry_get_note (get_entry (fixture->journal, 0)), ==, note->str);
}

/* Another program may have written bytes that are not UTF-8: the entry still shows, with
 * the bad bytes replaced, and the file keeps what it had. */
static void
test_invalid_utf8_note_is_shown (Fixture       *fixture,
                                 gconstpointer  data)
{
  sqlite3 *db = tend_database_get_handle (tend_journal_get_database (fixture->journal));
  static const char bad_note[] = "caf\xe9 au lait";
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GError) error = NULL;
  const char *note;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO entries (uuid, occurred_at, mood, note, "
                                       "created_at, updated_at) VALUES ('u', 0, 3, ?1, 0, 0)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, bad_note, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  g_assert_true (tend_journal_load (fixture->journal, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tend_journal_get_entries (fixture->journal))), ==, 1);

  note = tend_entry_get_note (get_entry (fixture->journal, 0));
  g_assert_true (g_utf8_validate (note, -1, NULL));
  g_assert_true (g_str_has_prefix (note, "caf"));
  g_assert_true (g_str_has_suffix (note, " au lait"));
}


static TendEntry *
make_rich_entry (const char *when)
{
  g_autoptr(GDateTime) occurred_at = tend_test_date_time (when);
  const char *emotions[] = { "worried", "calm", "not-an-emotion", "calm", NULL };
  const char *tags[] = { "Work", " Long   walk ", "work", "", NULL };
  TendEntry *entry = tend_entry_new (TEND_MOOD_GOOD, "A rich day", occurred_at);

  tend_entry_set_energy (entry, TEND_ENERGY_HIGH);
  tend_entry_set_emotions (entry, emotions);
  tend_entry_set_tags (entry, tags);
  return entry;
}

static void
test_rich_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TendEntry) written = make_rich_entry ("2026-11-20T18:30:00+01:00");
  const char *expected_emotions[] = { "calm", "worried", NULL };
  const char *expected_tags[] = { "Work", "Long walk", NULL };
  g_autoptr(GError) error = NULL;
  TendEntry *read;

  /* Unknown emotions and repeated or empty tags are dropped before anything is stored. */
  g_assert_true (g_strv_equal (tend_entry_get_emotions (written), expected_emotions));
  g_assert_true (g_strv_equal (tend_entry_get_tags (written), expected_tags));

  g_assert_true (tend_journal_add (fixture->journal, written, &error));
  g_assert_no_error (error);

  fixture_close (fixture);
  fixture_open (fixture);

  read = get_entry (fixture->journal, 0);
  g_assert_true (tend_entry_equal (read, written));
  g_assert_cmpint (tend_entry_get_energy (read), ==, TEND_ENERGY_HIGH);
  g_assert_true (g_strv_equal (tend_entry_get_emotions (read), expected_emotions));
  g_assert_true (g_strv_equal (tend_entry_get_tags (read), expected_tags));
  g_assert_cmpint (tend_entry_get_created_at (read), >, 0);
}

static guint
count_tags (TendJournal *journal,
            const char  *name)
{
  GListModel *tags = tend_journal_get_tags (journal);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(TendTag) tag = g_list_model_get_item (tags, i);

      if (g_ascii_strcasecmp (tend_tag_get_name (tag), name) == 0)
        count++;
    }

  return count;
}

static TendTag *
find_tag (TendJournal *journal,
          const char  *name)
{
  GListModel *tags = tend_journal_get_tags (journal);

  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(TendTag) tag = g_list_model_get_item (tags, i);

      if (g_str_equal (tend_tag_get_name (tag), name))
        return g_steal_pointer (&tag);
    }

  return NULL;
}

static void
test_update_moves_and_keeps (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(TendEntry) changed = NULL;
  g_autoptr(GDateTime) earlier = tend_test_date_time ("2026-10-01T07:00:00+02:00");
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "Family", NULL };
  TendEntry *first;
  gint64 id;

  add (fixture->journal, TEND_MOOD_OKAY, "older", "2026-11-01T09:00:00Z");
  add (fixture->journal, TEND_MOOD_BAD, "newer", "2026-11-02T09:00:00Z");

  first = get_entry (fixture->journal, 0);
  g_assert_cmpstr (tend_entry_get_note (first), ==, "newer");
  id = tend_entry_get_id (first);

  changed = tend_entry_copy (first);
  tend_entry_set_note (changed, "newer, now back-dated and edited");
  tend_entry_set_mood (changed, TEND_MOOD_GREAT);
  tend_entry_set_occurred_at (changed, earlier);
  tend_entry_set_tags (changed, tags);
  g_assert_true (tend_journal_update (fixture->journal, changed, &error));
  g_assert_no_error (error);

  /* It moved below the other entry, and kept its identity. */
  g_assert_cmpstr (tend_entry_get_note (get_entry (fixture->journal, 0)), ==, "older");
  g_assert_cmpint (tend_entry_get_id (get_entry (fixture->journal, 1)), ==, id);

  fixture_close (fixture);
  fixture_open (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tend_journal_get_entries (fixture->journal))), ==, 2);
  g_assert_true (tend_entry_equal (get_entry (fixture->journal, 1), changed));
  g_assert_cmpstr (tend_entry_get_uuid (get_entry (fixture->journal, 1)), ==,
                   tend_entry_get_uuid (changed));
}

static void
test_remove_and_restore (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(TendEntry) rich = make_rich_entry ("2026-11-20T18:30:00+01:00");
  g_autoptr(TendEntry) removed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  GListModel *entries = G_LIST_MODEL (tend_journal_get_entries (fixture->journal));
  gint64 id;

  add (fixture->journal, TEND_MOOD_OKAY, "stays", "2026-11-01T09:00:00Z");
  g_assert_true (tend_journal_add (fixture->journal, rich, &error));
  g_assert_no_error (error);
  id = tend_entry_get_id (rich);
  uuid = g_strdup (tend_entry_get_uuid (rich));

  removed = g_list_model_get_item (entries, 0);
  g_assert_true (tend_journal_remove (fixture->journal, removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
  g_assert_null (tend_journal_lookup (fixture->journal, uuid));

  /* Undo: everything comes back, with the same id and uuid. */
  g_assert_true (tend_journal_restore (fixture->journal, removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);

  fixture_close (fixture);
  fixture_open (fixture);
  g_assert_cmpint (tend_entry_get_id (get_entry (fixture->journal, 0)), ==, id);
  g_assert_cmpstr (tend_entry_get_uuid (get_entry (fixture->journal, 0)), ==, uuid);
  g_assert_true (tend_entry_equal (get_entry (fixture->journal, 0), rich));
}

static void
test_drafts_survive (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TendDraft) draft = tend_draft_new ();
  g_autoptr(TendDraft) read = NULL;
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "Work", "Long walk", NULL };
  const char *emotions[] = { "calm", NULL };

  g_assert_null (tend_journal_load_draft (fixture->journal, "check-in"));

  /* A draft may have no mood yet: only words. */
  g_free (draft->note);
  draft->note = g_strdup ("Half a thought, typed just before the power went out");
  g_strfreev (draft->tags);
  draft->tags = g_strdupv ((char **) tags);
  g_strfreev (draft->emotions);
  draft->emotions = g_strdupv ((char **) emotions);
  draft->energy = TEND_ENERGY_LOW;
  g_assert_true (tend_journal_save_draft (fixture->journal, "check-in", draft, &error));
  g_assert_no_error (error);

  fixture_close (fixture);
  fixture_open (fixture);

  read = tend_journal_load_draft (fixture->journal, "check-in");
  g_assert_nonnull (read);
  g_assert_cmpint (read->mood, ==, TEND_MOOD_NONE);
  g_assert_cmpint (read->energy, ==, TEND_ENERGY_LOW);
  g_assert_cmpstr (read->note, ==, draft->note);
  g_assert_true (g_strv_equal ((const char * const *) read->tags, tags));
  g_assert_true (g_strv_equal ((const char * const *) read->emotions, emotions));
  g_assert_null (read->entry_uuid);
  g_assert_null (read->occurred_at);
  g_assert_null (tend_journal_load_draft (fixture->journal, "edit"));

  g_assert_true (tend_journal_clear_draft (fixture->journal, "check-in", &error));
  g_assert_null (tend_journal_load_draft (fixture->journal, "check-in"));
}

static void
test_tags (Fixture       *fixture,
           gconstpointer  data)
{
  TendJournal *journal = fixture->journal;
  GListModel *tags = tend_journal_get_tags (journal);
  g_autoptr(TendEntry) rich = make_rich_entry ("2026-11-20T18:30:00+01:00");
  g_autoptr(TendTag) walk = NULL;
  g_autoptr(TendTag) work = NULL;
  g_autoptr(TendTag) first = NULL;
  g_autoptr(GError) error = NULL;
  const char *renamed[] = { "Work", "Evening walk", NULL };
  guint n_defaults = g_list_model_get_n_items (tags);

  /* A new journal offers the default activities. */
  g_assert_cmpuint (n_defaults, ==, 15);
  g_assert_cmpuint (count_tags (journal, "Work"), ==, 1);

  /* Saving an entry with a new tag makes the tag, once. */
  g_assert_true (tend_journal_add (journal, rich, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, n_defaults + 1);
  walk = find_tag (journal, "Long walk");
  g_assert_nonnull (walk);
  {
    g_autoptr(GHashTable) uses = tend_journal_count_tag_uses (journal, &error);
    gint64 id = tend_tag_get_id (walk);

    g_assert_no_error (error);
    g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (uses, &id)), ==, 1);
  }

  /* Names stay unique, ignoring case. */
  g_assert_false (tend_journal_rename_tag (journal, walk, "WORK", &error));
  g_assert_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tend_journal_create_tag (journal, "   ", &error));
  g_assert_error (error, TEND_DATABASE_ERROR, TEND_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* A rename shows in the entries that carry the tag. */
  g_assert_true (tend_journal_rename_tag (journal, walk, "Evening walk", &error));
  g_assert_no_error (error);
  g_assert_true (g_strv_equal (tend_entry_get_tags (get_entry (journal, 0)), renamed));

  /* Hiding keeps the tag on entries. */
  work = find_tag (journal, "Work");
  g_assert_true (tend_journal_set_tag_hidden (journal, work, TRUE, &error));
  g_clear_object (&work);
  work = find_tag (journal, "Work");
  g_assert_true (tend_tag_get_hidden (work));
  g_assert_true (g_strv_equal (tend_entry_get_tags (get_entry (journal, 0)), renamed));

  /* Moving puts the tag first, and the order lasts. */
  g_clear_object (&walk);
  walk = find_tag (journal, "Evening walk");
  g_assert_true (tend_journal_move_tag (journal, walk, 0, &error));
  g_assert_no_error (error);

  g_assert_true (tend_journal_create_tag (journal, "Choir", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_tags (journal, "Choir"), ==, 1);

  fixture_close (fixture);
  fixture_open (fixture);
  tags = tend_journal_get_tags (fixture->journal);
  first = g_list_model_get_item (tags, 0);
  g_assert_cmpstr (tend_tag_get_name (first), ==, "Evening walk");
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, n_defaults + 2);
}

/* A list hands out an item for every position it counts. A row that cannot be read (here
 * one that another program left at a time past what can be shown, and then every row once
 * the journal is closed under its view) comes back as a stand-in, never as nothing. */
static void
test_unreadable_rows_have_stand_ins (Fixture       *fixture,
                                     gconstpointer  data)
{
  TendJournal *journal = fixture->journal;
  GListModel *entries = G_LIST_MODEL (tend_journal_get_entries (journal));
  g_autoptr(GError) error = NULL;
  TendEntry *entry;

  add (journal, TEND_MOOD_GOOD, "A quiet morning.", "2026-03-01T08:00:00Z");
  add (journal, TEND_MOOD_BAD, "A long day.", "2026-03-02T20:00:00Z");

  /* 9999-12-31T23:00:00Z at UTC+14:00 is past the last day a GDateTime holds */
  g_assert_true (tend_database_exec (tend_journal_get_database (journal),
                                     "UPDATE entries SET occurred_at = 253402297200, "
                                     "utc_offset = 50400 WHERE note = 'A quiet morning.'",
                                     &error));
  g_assert_no_error (error);
  g_assert_true (tend_journal_reload (journal, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);

  entry = get_entry (journal, 0);
  g_assert_false (tend_entry_is_readable (entry));
  g_assert_cmpint (tend_entry_get_mood (entry), ==, TEND_MOOD_NONE);
  g_assert_cmpint (g_date_time_get_year (tend_entry_get_occurred_at (entry)), ==, 9999);

  entry = get_entry (journal, 1);
  g_assert_true (tend_entry_is_readable (entry));
  g_assert_cmpstr (tend_entry_get_note (entry), ==, "A long day.");

  /* Asked again, the same object, as for any entry in use */
  g_assert_true (g_list_model_get_item (entries, 0) == g_ptr_array_index (kept_entries, 0));
  g_object_unref (g_ptr_array_index (kept_entries, 0));

  /* Unloaded, as when the journal is found damaged: nothing is counted any more */
  g_ptr_array_set_size (kept_entries, 0);
  tend_journal_unload (journal);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (tend_journal_get_tags (journal)), ==, 0);
  g_assert_true (tend_journal_reload (journal, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (tend_journal_get_tags (journal)), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  kept_entries = g_ptr_array_new_with_free_func (g_object_unref);

  ADD ("/journal/round-trip", test_round_trip);
  ADD ("/journal/newest-first", test_newest_first);
  ADD ("/journal/items-changed", test_items_changed);
  ADD ("/journal/add-async", test_add_async);
  ADD ("/journal/huge-note", test_huge_note);
  ADD ("/journal/invalid-utf8-note-is-shown", test_invalid_utf8_note_is_shown);
  ADD ("/journal/rich-round-trip", test_rich_round_trip);
  ADD ("/journal/update-moves-and-keeps", test_update_moves_and_keeps);
  ADD ("/journal/remove-and-restore", test_remove_and_restore);
  ADD ("/journal/drafts-survive", test_drafts_survive);
  ADD ("/journal/tags", test_tags);
  ADD ("/journal/unreadable-rows-have-stand-ins", test_unreadable_rows_have_stand_ins);

#undef ADD

  return g_test_run ();
}
