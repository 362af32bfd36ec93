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

#undef ADD

  return g_test_run ();
}
