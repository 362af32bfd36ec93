/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tend-care-card.h"
#include "tend-entry-dialog.h"
#include "tend-entry-editor.h"
#include "tend-mood-picker.h"
#include "tend-preferences-dialog.h"
#include "tend-test-utils.h"
#include "tend-test-widgets.h"
#include "tend-today-page.h"

/* The care check's card under the check-in note, driven as a person would: typing, Not
 * Now, Get Help Now, saving, and turning the check off in Preferences. */

#define TRIGGER "Some days I just want to die."
#define EVERYDAY "This deadline is killing me, but I could kill for a coffee."

static GtkWidget *
note_view (TendEntryEditor *editor)
{
  return tend_test_find_descendant (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW);
}

static TendCareCard *
care_card (TendEntryEditor *editor)
{
  return TEND_CARE_CARD (tend_test_find_descendant (GTK_WIDGET (editor), TEND_TYPE_CARE_CARD));
}

static void
type_text (TendEntryEditor *editor,
           const char      *text)
{
  GtkTextBuffer *buffer = tend_test_note_buffer (editor);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, text, -1);
}

static gboolean
is_shown (gpointer data)
{
  return tend_care_card_get_shown (data);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Longer than the editor waits after typing before it checks the note. */
static void
wait_past_check (void)
{
  gboolean done = FALSE;

  g_timeout_add (1200, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
help_now_activated_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  (*(guint *) user_data)++;
}

/* app.help-now, as the application provides it, counting its activations. */
static void
install_help_now (TendWindow *window,
                  guint      *n_activations)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new ("help-now", NULL);

  g_signal_connect (action, "activate", G_CALLBACK (help_now_activated_cb), n_activations);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (GTK_WIDGET (window), "app", G_ACTION_GROUP (group));
}

/* The whole card is inside what the page's scrolled window shows. */
static gboolean
is_in_view (gpointer data)
{
  GtkWidget *card = data;
  GtkWidget *scrolled = gtk_widget_get_ancestor (card, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (card, scrolled, &bounds) &&
         bounds.size.height > 50 &&
         bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scrolled) + 0.5;
}

static GListModel *
entries (TendContext *context)
{
  return G_LIST_MODEL (tend_journal_get_entries (tend_context_get_journal (context)));
}

static guint
n_entries (TendContext *context)
{
  return g_list_model_get_n_items (entries (context));
}

static gboolean
has_one_entry (gpointer data)
{
  return n_entries (data) == 1;
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* A phrase shows the card under the note, scrolled into view without taking the focus
 * from the note, and Get Help Now opens help. */
static void
test_phrase_shows_card (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = tend_test_open_window (context);
  TendEntryEditor *editor = tend_test_today_editor (window);
  TendCareCard *card = care_card (editor);
  GtkWidget *help, *not_now;
  guint n_help = 0;

  install_help_now (window, &n_help);
  g_assert_false (tend_care_card_get_shown (card));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (card)));

  gtk_widget_grab_focus (note_view (editor));
  type_text (editor, "Long day. ");
  type_text (editor, TRIGGER);
  tend_test_wait_until (is_shown, card);
  tend_test_wait_for_draws (GTK_WIDGET (window), 2);

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (card)));
  tend_test_wait_until (is_in_view, card);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == note_view (editor));
  g_assert_true (gtk_text_view_get_editable (GTK_TEXT_VIEW (note_view (editor))));

  /* Both buttons say what they do. */
  help = tend_test_find_action_button (GTK_WIDGET (card), "app.help-now");
  not_now = tend_test_find_labelled (GTK_WIDGET (card), "Not Now");
  g_assert_nonnull (help);
  g_assert_nonnull (not_now);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (help)), ==, "Get Help Now");

  tend_test_click (help);
  g_assert_cmpuint (n_help, ==, 1);
  g_assert_true (tend_care_card_get_shown (card));

  /* Writing on keeps it; taking the words out closes it. */
  type_text (editor, " Still here.");
  wait_past_check ();
  g_assert_true (tend_care_card_get_shown (card));
  gtk_text_buffer_set_text (tend_test_note_buffer (editor), "Long day.", -1);
  wait_past_check ();
  g_assert_false (tend_care_card_get_shown (card));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (context);
}

/* Everyday figures of speech show nothing. */
static void
test_everyday_shows_nothing (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = tend_test_open_window (context);
  TendEntryEditor *editor = tend_test_today_editor (window);
  TendCareCard *card = care_card (editor);

  type_text (editor, EVERYDAY);
  wait_past_check ();
  g_assert_false (tend_care_card_get_shown (card));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (card)));

  /* The note was checked: a phrase added now shows the card. */
  type_text (editor, " J'ai envie de mourir.");
  tend_test_wait_until (is_shown, card);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (context);
}

/* Not Now closes the card for the rest of the check-in, gives the focus back to the note,
 * and records nothing; the next check-in starts afresh. */
static void
test_not_now (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = tend_test_open_window (context);
  TendEntryEditor *editor = tend_test_today_editor (window);
  TendCareCard *card = care_card (editor);
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autoptr(TendDraft) draft = NULL;
  GtkWidget *not_now;
  guint n_dismissed = 0;
  guint n_settings_changed = 0;

  g_signal_connect_swapped (settings, "changed", G_CALLBACK (count_cb), &n_settings_changed);
  g_signal_connect_swapped (card, "dismissed", G_CALLBACK (count_cb), &n_dismissed);

  tend_test_choose_mood (editor, TEND_MOOD_AWFUL);
  type_text (editor, TRIGGER);
  tend_test_wait_until (is_shown, card);

  not_now = tend_test_find_labelled (GTK_WIDGET (card), "Not Now");
  gtk_widget_grab_focus (not_now);
  tend_test_click (not_now);
  g_assert_false (tend_care_card_get_shown (card));
  g_assert_cmpuint (n_dismissed, ==, 1);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == note_view (editor));

  /* More of the same, in the same check-in: it stays closed. */
  type_text (editor, " I want to end my life.");
  wait_past_check ();
  g_assert_false (tend_care_card_get_shown (card));
  tend_test_wait_for_draws (GTK_WIDGET (window), 2);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (card)));

  /* The draft holds the check-in and nothing else; no setting changed. */
  draft = tend_entry_editor_build_draft (editor);
  g_assert_cmpstr (draft->note, ==, TRIGGER " I want to end my life.");
  g_assert_cmpuint (n_settings_changed, ==, 0);

  /* Saved, and the next check-in shows the card again. */
  tend_test_click (tend_test_find_action_button (GTK_WIDGET (window), "today.save"));
  tend_test_wait_until (has_one_entry, context);
  g_assert_false (tend_care_card_get_shown (card));
  type_text (editor, TRIGGER);
  tend_test_wait_until (is_shown, card);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (context);
}

/* The card never stands in the way of saving: the check-in is stored whole, and the
 * editor is empty for the next one, card closed. */
static void
test_save_with_card (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = tend_test_open_window (context);
  TendEntryEditor *editor = tend_test_today_editor (window);
  TendCareCard *card = care_card (editor);
  g_autoptr(TendEntry) entry = NULL;

  type_text (editor, TRIGGER);
  tend_test_wait_until (is_shown, card);
  tend_test_choose_mood (editor, TEND_MOOD_BAD);

  tend_test_click (tend_test_find_action_button (GTK_WIDGET (window), "today.save"));
  tend_test_wait_until (has_one_entry, context);

  entry = g_list_model_get_item (entries (context), 0);
  g_assert_cmpstr (tend_entry_get_note (entry), ==, TRIGGER);
  g_assert_cmpint (tend_entry_get_mood (entry), ==, TEND_MOOD_BAD);
  g_assert_false (tend_care_card_get_shown (card));

  g_clear_object (&entry);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (context);
}

/* With the care check off, nothing shows, and turning it off closes an open card. */
static void
test_setting_off (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = tend_test_open_window (context);
  TendEntryEditor *editor = tend_test_today_editor (window);
  TendCareCard *card = care_card (editor);
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);

  type_text (editor, TRIGGER);
  tend_test_wait_until (is_shown, card);
  g_settings_set_boolean (settings, "care-check", FALSE);
  g_assert_false (tend_care_card_get_shown (card));

  type_text (editor, " I want to hurt myself.");
  wait_past_check ();
  g_assert_false (tend_care_card_get_shown (card));

  /* On again: the next change is checked. */
  g_settings_set_boolean (settings, "care-check", TRUE);
  type_text (editor, " ");
  tend_test_wait_until (is_shown, card);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (context);
}

/* The Preferences switch is the setting. */
static void
test_preferences_switch (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = tend_test_open_window (context);
  TendPreferencesDialog *dialog = tend_preferences_dialog_new (context);
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autoptr(GPtrArray) rows = NULL;
  AdwSwitchRow *row = NULL;

  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (window));
  tend_test_wait_for_draws (GTK_WIDGET (window), 2);

  rows = tend_test_collect_mapped (GTK_WIDGET (dialog), ADW_TYPE_SWITCH_ROW);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), "_Care Check") == 0)
      row = g_ptr_array_index (rows, i);
  g_assert_nonnull (row);

  g_assert_true (adw_switch_row_get_active (row));
  adw_switch_row_set_active (row, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "care-check"));
  adw_switch_row_set_active (row, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "care-check"));

  adw_dialog_force_close (ADW_DIALOG (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (context);
}

static TendEntryDialog *
visible_entry_dialog (TendWindow *window)
{
  AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));

  g_assert_true (TEND_IS_ENTRY_DIALOG (dialog));
  return TEND_ENTRY_DIALOG (dialog);
}

/* A kept draft is the writer's own unsaved words, so it is checked when it comes back; a
 * saved check-in opened to edit is checked once its note changes. */
static void
test_draft_and_edit (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendJournal *journal = tend_context_get_journal (context);
  g_autoptr(TendDraft) draft = tend_draft_new ();
  g_autoptr(GDateTime) when = tend_test_date_time ("2026-11-20T20:00:00Z");
  g_autoptr(TendEntry) entry = tend_entry_new (TEND_MOOD_AWFUL, "No reason to live.", when);
  g_autoptr(GError) error = NULL;
  TendWindow *window;
  TendEntryEditor *editor;
  TendEntryDialog *dialog;

  g_set_str (&draft->note, "Je n'ai plus envie de vivre.");
  g_assert_true (tend_journal_save_draft (journal, "check-in", draft, &error));
  g_assert_no_error (error);
  g_assert_true (tend_journal_add (journal, entry, &error));
  g_assert_no_error (error);

  window = tend_test_open_window (context);
  tend_test_wait_until (is_shown, care_card (tend_test_today_editor (window)));

  tend_window_open_entry (window, entry);
  dialog = visible_entry_dialog (window);
  editor = tend_entry_dialog_get_editor (dialog);
  wait_past_check ();
  g_assert_false (tend_care_card_get_shown (care_card (editor)));

  type_text (editor, " Tonight.");
  tend_test_wait_until (is_shown, care_card (editor));

  adw_dialog_force_close (ADW_DIALOG (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (context);
}

/* On its own, as the Guides search uses it. */
static void
test_card_alone (void)
{
  TendCareCard *card = g_object_ref_sink (TEND_CARE_CARD (tend_care_card_new ()));
  guint n_notified = 0;

  g_signal_connect_swapped (card, "notify::shown", G_CALLBACK (count_cb), &n_notified);

  tend_care_card_check (card, "sleep");
  g_assert_false (tend_care_card_get_shown (card));
  g_assert_cmpuint (n_notified, ==, 0);

  tend_care_card_check (card, "kill myself");
  g_assert_true (tend_care_card_get_shown (card));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (card)));
  g_assert_cmpuint (n_notified, ==, 1);

  tend_care_card_check (card, "sleep");
  g_assert_false (tend_care_card_get_shown (card));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (card)));
  g_assert_cmpuint (n_notified, ==, 2);

  tend_care_card_check (card, "أريد أن أموت");
  g_assert_true (tend_care_card_get_shown (card));
  tend_test_click (tend_test_find_labelled (GTK_WIDGET (card), "Not Now"));
  g_assert_false (tend_care_card_get_shown (card));
  tend_care_card_check (card, "I want to die");
  g_assert_false (tend_care_card_get_shown (card));

  tend_care_card_reset (card);
  tend_care_card_check (card, "I want to die");
  g_assert_true (tend_care_card_get_shown (card));
  tend_care_card_check (card, NULL);
  g_assert_false (tend_care_card_get_shown (card));

  g_assert_finalize_object (card);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tend_test_widgets_init (&argc, &argv);

  g_test_add_func ("/care-card/phrase-shows-card", test_phrase_shows_card);
  g_test_add_func ("/care-card/everyday-shows-nothing", test_everyday_shows_nothing);
  g_test_add_func ("/care-card/not-now", test_not_now);
  g_test_add_func ("/care-card/save-with-card", test_save_with_card);
  g_test_add_func ("/care-card/setting-off", test_setting_off);
  g_test_add_func ("/care-card/preferences-switch", test_preferences_switch);
  g_test_add_func ("/care-card/draft-and-edit", test_draft_and_edit);
  g_test_add_func ("/care-card/card-alone", test_card_alone);

  status = g_test_run ();
  tend_test_widgets_cleanup ();
  return status;
}
