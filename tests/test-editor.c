/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>

#include "tend-entry-dialog.h"
#include "tend-entry-editor.h"
#include "tend-mood-picker.h"
#include "tend-preferences-dialog.h"
#include "tend-test-utils.h"
#include "tend-test-widgets.h"
#include "tend-today-page.h"

/* The check-in editor, on the Today page and in the edit dialog, driven like a person
 * would: choosing, typing, saving, deleting, undoing, and being killed mid-sentence. */

static void
toggle (GtkWidget  *root,
        const char *label)
{
  GtkWidget *button = tend_test_find_labelled (root, label);

  g_assert_nonnull (button);
  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button),
                                !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
}

static guint
n_entries (TendContext *context)
{
  return g_list_model_get_n_items (G_LIST_MODEL (tend_journal_get_entries (tend_context_get_journal (context))));
}

static gboolean
has_one_entry (gpointer data)
{
  return n_entries (data) == 1;
}

static TendEntry *
first_entry (TendContext *context)
{
  return g_list_model_get_item (G_LIST_MODEL (tend_journal_get_entries (tend_context_get_journal (context))), 0);
}

/* Everything a check-in can hold, through the widgets, then stored. */
static void
test_rich_check_in (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = tend_test_open_window (context);
  TendEntryEditor *editor = tend_test_today_editor (window);
  GtkWidget *new_tag = tend_test_find_descendant (GTK_WIDGET (editor), GTK_TYPE_ENTRY);
  g_autoptr(TendEntry) entry = NULL;
  const char *emotions[] = { "calm", "worried", NULL };
  const char *tags[] = { "Friends", "Choir", NULL };

  tend_test_choose_mood (editor, TEND_MOOD_OKAY);
  toggle (GTK_WIDGET (editor), "Low");
  toggle (GTK_WIDGET (editor), "Medium");  /* levels are exclusive */
  toggle (GTK_WIDGET (editor), "Worried");
  toggle (GTK_WIDGET (editor), "Calm");
  toggle (GTK_WIDGET (editor), "Friends");
  gtk_editable_set_text (GTK_EDITABLE (new_tag), "  Choir ");
  g_signal_emit_by_name (new_tag, "activate");
  gtk_text_buffer_set_text (tend_test_note_buffer (editor), "  Sang with the choir.  ", -1);

  tend_test_click (tend_test_find_action_button (GTK_WIDGET (window), "today.save"));
  tend_test_wait_until (has_one_entry, context);

  entry = first_entry (context);
  g_assert_cmpint (tend_entry_get_mood (entry), ==, TEND_MOOD_OKAY);
  g_assert_cmpint (tend_entry_get_energy (entry), ==, TEND_ENERGY_MEDIUM);
  g_assert_true (g_strv_equal (tend_entry_get_emotions (entry), emotions));
  g_assert_true (g_strv_equal (tend_entry_get_tags (entry), tags));
  g_assert_cmpstr (tend_entry_get_note (entry), ==, "Sang with the choir.");

  /* The form is empty again, and the new activity is offered from now on. */
  g_assert_cmpint (tend_entry_editor_get_mood (editor), ==, TEND_MOOD_NONE);
  g_assert_nonnull (tend_test_find_labelled (GTK_WIDGET (editor), "Choir"));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (tend_test_find_labelled (GTK_WIDGET (editor), "Choir"))));

  g_clear_object (&entry);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (context);
}

/* A failed save says why and keeps every word in the editor. */
static void
test_failed_save_keeps_text (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = tend_test_open_window (context);
  TendEntryEditor *editor = tend_test_today_editor (window);
  TendDatabase *database = tend_context_get_database (context);
  const char *note = "Words that must not be lost.";
  g_autofree char *kept = NULL;
  AdwDialog *alert;

  /* The journal refuses writes, as on a disk that became read-only. */
  g_assert_true (tend_database_exec (database, "PRAGMA query_only = ON", NULL));

  tend_test_choose_mood (editor, TEND_MOOD_BAD);
  gtk_text_buffer_set_text (tend_test_note_buffer (editor), note, -1);
  tend_test_click (tend_test_find_action_button (GTK_WIDGET (window), "today.save"));

  while ((alert = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))) == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (ADW_IS_ALERT_DIALOG (alert));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (alert)), ==, "Check-in Not Saved");
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (alert)), "not allowed to write"));

  kept = tend_test_note_text (editor);
  g_assert_cmpstr (kept, ==, note);
  g_assert_cmpint (tend_entry_editor_get_mood (editor), ==, TEND_MOOD_BAD);
  g_assert_cmpuint (n_entries (context), ==, 0);

  /* Once the disk is writable again, the same check-in saves. */
  adw_dialog_force_close (alert);
  g_assert_true (tend_database_exec (database, "PRAGMA query_only = OFF", NULL));
  tend_test_click (tend_test_find_action_button (GTK_WIDGET (window), "today.save"));
  tend_test_wait_until (has_one_entry, context);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (context);
}

static gboolean
has_draft (gpointer data)
{
  g_autoptr(TendDraft) draft = tend_journal_load_draft (tend_context_get_journal (data), "check-in");

  return draft != NULL && g_str_has_suffix (draft->note, "mid-sentence");
}

/* Killed while typing: the words are back at the next start. The child process types and
 * is killed with SIGKILL, as by a crash or the out-of-memory killer. */
static void
test_draft_survives_kill (void)
{
  const char *data_dir = g_getenv ("TEND_TEST_DRAFT_DIR");

  if (g_test_subprocess ())
    {
      TendContext *context = tend_test_open_context (data_dir);
      TendWindow *window = tend_test_open_window (context);
      TendEntryEditor *editor = tend_test_today_editor (window);

      tend_test_choose_mood (editor, TEND_MOOD_AWFUL);
      toggle (GTK_WIDGET (editor), "Lonely");
      gtk_text_buffer_set_text (tend_test_note_buffer (editor),
                                "I was writing this when it all stopped ", -1);
      gtk_text_buffer_insert_at_cursor (tend_test_note_buffer (editor), "mid-sentence", -1);

      /* No save, no close: only the draft kept while typing. */
      tend_test_wait_until (has_draft, context);
      raise (SIGKILL);
      g_assert_not_reached ();
    }
  else
    {
      g_autofree char *dir = tend_test_make_data_dir ();
      g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "TEND_TEST_DRAFT_DIR", dir, TRUE);
      TendContext *context;
      TendWindow *window;
      TendEntryEditor *editor;
      g_autofree char *restored = NULL;
      const char *emotions[] = { "lonely", NULL };
      g_autoptr(TendDraft) draft = NULL;

      g_test_trap_subprocess_with_envp (NULL, (const char * const *) envp, 0,
                                        G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_failed ();

      context = tend_test_open_context (dir);
      window = tend_test_open_window (context);
      editor = tend_test_today_editor (window);

      restored = tend_test_note_text (editor);
      g_assert_cmpstr (restored, ==, "I was writing this when it all stopped mid-sentence");
      g_assert_cmpint (tend_entry_editor_get_mood (editor), ==, TEND_MOOD_AWFUL);
      draft = tend_entry_editor_build_draft (editor);
      g_assert_true (g_strv_equal ((const char * const *) draft->emotions, emotions));

      /* Saving it clears the draft. */
      tend_test_click (tend_test_find_action_button (GTK_WIDGET (window), "today.save"));
      tend_test_wait_until (has_one_entry, context);
      g_assert_null (tend_journal_load_draft (tend_context_get_journal (context), "check-in"));

      gtk_window_destroy (GTK_WINDOW (window));
      g_assert_finalize_object (context);
    }
}

static TendEntryDialog *
visible_entry_dialog (TendWindow *window)
{
  AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));

  g_assert_true (TEND_IS_ENTRY_DIALOG (dialog));
  return TEND_ENTRY_DIALOG (dialog);
}

static void
add_entry (TendContext *context,
           const char  *note)
{
  g_autoptr(GDateTime) when = tend_test_date_time ("2026-11-20T20:00:00+01:00");
  g_autoptr(TendEntry) entry = tend_entry_new (TEND_MOOD_GOOD, note, when);
  g_autoptr(GError) error = NULL;

  g_assert_true (tend_journal_add (tend_context_get_journal (context), entry, &error));
  g_assert_no_error (error);
}

static gboolean
first_note_is (gpointer data)
{
  g_autoptr(TendEntry) entry = first_entry (g_object_get_data (data, "context"));

  return entry != NULL && g_str_equal (tend_entry_get_note (entry), g_object_get_data (data, "note"));
}

static gboolean
no_dialog (gpointer data)
{
  return adw_application_window_get_visible_dialog (data) == NULL;
}

/* Open, change, save; open, delete; Undo brings it back. */
static void
test_edit_delete_undo (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = tend_test_open_window (context);
  g_autoptr(TendEntry) entry = NULL;
  g_autoptr(TendEntry) edited = NULL;
  g_autofree char *uuid = NULL;
  TendEntryDialog *dialog;
  TendEntryEditor *editor;
  GtkWidget *undo;

  add_entry (context, "Before");
  entry = first_entry (context);
  uuid = g_strdup (tend_entry_get_uuid (entry));

  tend_window_open_entry (window, entry);
  dialog = visible_entry_dialog (window);
  editor = tend_entry_dialog_get_editor (dialog);
  {
    g_autofree char *shown = tend_test_note_text (editor);

    g_assert_cmpstr (shown, ==, "Before");
  }
  gtk_text_buffer_set_text (tend_test_note_buffer (editor), "After", -1);
  tend_test_choose_mood (editor, TEND_MOOD_GREAT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "entry.save", NULL));

  g_object_set_data (G_OBJECT (window), "context", context);
  g_object_set_data (G_OBJECT (window), "note", (gpointer) "After");
  tend_test_wait_until (first_note_is, window);
  tend_test_wait_until (no_dialog, window);

  edited = first_entry (context);
  g_assert_cmpstr (tend_entry_get_uuid (edited), ==, uuid);
  g_assert_cmpint (tend_entry_get_mood (edited), ==, TEND_MOOD_GREAT);
  g_assert_cmpuint (n_entries (context), ==, 1);

  /* Delete: no question asked, and gone at once. */
  tend_window_open_entry (window, edited);
  dialog = visible_entry_dialog (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "entry.delete", NULL));
  g_assert_cmpuint (n_entries (context), ==, 0);
  tend_test_wait_until (no_dialog, window);

  /* Undo from the toast */
  tend_test_wait_for_draws (GTK_WIDGET (window), 2);
  undo = tend_test_find_labelled (GTK_WIDGET (window), "_Undo");
  g_assert_nonnull (undo);
  tend_test_click (undo);
  g_assert_cmpuint (n_entries (context), ==, 1);
  g_clear_object (&edited);
  edited = first_entry (context);
  g_assert_cmpstr (tend_entry_get_uuid (edited), ==, uuid);
  g_assert_cmpstr (tend_entry_get_note (edited), ==, "After");

  g_clear_object (&entry);
  g_clear_object (&edited);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (context);
}

static gboolean
has_edit_draft (gpointer data)
{
  g_autoptr(TendDraft) draft = tend_journal_load_draft (tend_context_get_journal (data), "edit");

  return draft != NULL && g_str_equal (draft->note, "Changed, never saved");
}

static gboolean
has_dialog (gpointer data)
{
  return adw_application_window_get_visible_dialog (data) != NULL;
}

/* Killed while editing: the next start opens the same entry with the changes. */
static void
test_edit_draft_survives_kill (void)
{
  const char *data_dir = g_getenv ("TEND_TEST_DRAFT_DIR");

  if (g_test_subprocess ())
    {
      TendContext *context = tend_test_open_context (data_dir);
      TendWindow *window = tend_test_open_window (context);
      g_autoptr(TendEntry) entry = first_entry (context);
      TendEntryEditor *editor;

      tend_window_open_entry (window, entry);
      editor = tend_entry_dialog_get_editor (visible_entry_dialog (window));
      gtk_text_buffer_set_text (tend_test_note_buffer (editor), "Changed, never saved", -1);
      tend_test_wait_until (has_edit_draft, context);
      raise (SIGKILL);
      g_assert_not_reached ();
    }
  else
    {
      g_autofree char *dir = tend_test_make_data_dir ();
      g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "TEND_TEST_DRAFT_DIR", dir, TRUE);
      TendContext *context = tend_test_open_context (dir);
      TendWindow *window;
      g_autoptr(TendEntry) entry = NULL;
      g_autofree char *shown = NULL;
      TendEntryDialog *dialog;

      add_entry (context, "Original");
      g_assert_finalize_object (context);

      g_test_trap_subprocess_with_envp (NULL, (const char * const *) envp, 0,
                                        G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_failed ();

      context = tend_test_open_context (dir);
      entry = first_entry (context);
      g_assert_cmpstr (tend_entry_get_note (entry), ==, "Original");

      window = tend_test_open_window (context);
      tend_test_wait_until (has_dialog, window);
      dialog = visible_entry_dialog (window);
      g_assert_cmpstr (tend_entry_get_uuid (tend_entry_dialog_get_entry (dialog)), ==,
                       tend_entry_get_uuid (entry));
      shown = tend_test_note_text (tend_entry_dialog_get_editor (dialog));
      g_assert_cmpstr (shown, ==, "Changed, never saved");

      adw_dialog_force_close (ADW_DIALOG (dialog));
      g_clear_object (&entry);
      gtk_window_destroy (GTK_WINDOW (window));
      g_assert_finalize_object (context);
    }
}

/* Every control of the editor has a name a screen reader can say. */
static void
test_controls_are_named (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = tend_test_open_window (context);
  TendEntryEditor *editor = tend_test_today_editor (window);
  g_autoptr(GPtrArray) buttons = NULL;

  buttons = tend_test_collect_mapped (GTK_WIDGET (editor), GTK_TYPE_BUTTON);
  g_assert_cmpuint (buttons->len, >, 5);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      const char *label = gtk_button_get_label (GTK_BUTTON (button));

      if (label != NULL && !gtk_button_get_icon_name (GTK_BUTTON (button)))
        continue;

      /* A menu button is named on itself, not on the button inside it. */
      if (GTK_IS_MENU_BUTTON (gtk_widget_get_parent (button)))
        button = gtk_widget_get_parent (button);

      /* Buttons without a text label carry one for assistive technologies. */
      if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL))
        g_error ("%s %s has no accessible label", G_OBJECT_TYPE_NAME (button),
                 gtk_widget_get_name (button));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (context);
}

/* An activity's row: its name as the title, how often it is used under it. */
static GtkWidget *
find_tag_row (GtkWidget  *page,
              const char *name)
{
  g_autoptr(GPtrArray) rows = tend_test_collect_mapped (page, ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), name))
      return g_ptr_array_index (rows, i);

  return NULL;
}

static GVariant *
tag_target (TendJournal *journal,
            const char  *name)
{
  GListModel *tags = tend_journal_get_tags (journal);

  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(TendTag) tag = g_list_model_get_item (tags, i);

      if (g_str_equal (tend_tag_get_name (tag), name))
        return g_variant_new_int64 (tend_tag_get_id (tag));
    }

  g_assert_not_reached ();
}

/* Renames through the row's menu: its dialog, with the name typed and Rename pressed. */
static void
rename_tag (TendWindow  *window,
            GtkWidget   *page,
            TendJournal *journal,
            const char  *from,
            const char  *to)
{
  AdwDialog *alert;
  GtkWidget *entry;

  g_assert_true (gtk_widget_activate_action_variant (page, "tags.rename",
                                                     tag_target (journal, from)));
  tend_test_wait_for_draws (GTK_WIDGET (window), 2);
  alert = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (alert));
  entry = tend_test_find_descendant (GTK_WIDGET (alert), GTK_TYPE_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, from);
  gtk_editable_set_text (GTK_EDITABLE (entry), to);
  tend_test_click (tend_test_find_labelled (GTK_WIDGET (alert), "_Rename"));
  /* The rows are made again once the journal has changed, and the alert is gone */
  while (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) == alert)
    g_main_context_iteration (NULL, TRUE);
  tend_test_wait_for_draws (GTK_WIDGET (window), 3);
}

static const char *
tag_name_at (TendJournal *journal,
             guint        position)
{
  g_autoptr(TendTag) tag = g_list_model_get_item (tend_journal_get_tags (journal), position);

  return g_intern_string (tend_tag_get_name (tag));
}

/* Renaming, hiding and reordering activities from Preferences. */
static void
test_activities_preferences (void)
{
  g_autofree char *data_dir = tend_test_make_data_dir ();
  TendContext *context = tend_test_open_context (data_dir);
  TendWindow *window = tend_test_open_window (context);
  TendJournal *journal = tend_context_get_journal (context);
  TendPreferencesDialog *dialog = tend_preferences_dialog_new (context);
  g_autoptr(TendTag) family = NULL;
  GtkWidget *page, *row, *toggle;
  GtkMenuButton *menu;

  adw_preferences_dialog_set_visible_page_name (ADW_PREFERENCES_DIALOG (dialog), "activities");
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (window));
  tend_test_wait_for_draws (GTK_WIDGET (window), 2);
  page = GTK_WIDGET (adw_preferences_dialog_get_visible_page (ADW_PREFERENCES_DIALOG (dialog)));

  g_assert_cmpstr (tag_name_at (journal, 0), ==, "Work");
  row = find_tag_row (page, "Work");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Not used yet");
  rename_tag (window, page, journal, "Work", "Office");
  g_assert_cmpstr (tag_name_at (journal, 0), ==, "Office");
  g_assert_nonnull (find_tag_row (page, "Office"));

  /* A name already taken is refused, and the row keeps its name. */
  rename_tag (window, page, journal, "Office", "family");
  g_assert_cmpstr (tag_name_at (journal, 0), ==, "Office");
  g_assert_nonnull (find_tag_row (page, "Office"));

  tend_test_wait_for_draws (GTK_WIDGET (window), 2);
  row = find_tag_row (page, "Family");
  toggle = tend_test_find_descendant (row, GTK_TYPE_SWITCH);
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  family = g_list_model_get_item (tend_journal_get_tags (journal), 1);
  g_assert_cmpstr (tend_tag_get_name (family), ==, "Family");
  g_assert_true (tend_tag_get_hidden (family));

  /* Hidden activities leave the check-in form. */
  g_assert_null (tend_test_find_labelled (GTK_WIDGET (tend_test_today_editor (window)), "Family"));
  g_assert_nonnull (tend_test_find_labelled (GTK_WIDGET (tend_test_today_editor (window)),
                                             "Office"));

  tend_test_wait_for_draws (GTK_WIDGET (window), 2);
  /* Moving down, from the row's menu (which offers no Move Up on the first row) */
  row = find_tag_row (page, "Office");
  menu = GTK_MENU_BUTTON (tend_test_find_descendant (row, GTK_TYPE_MENU_BUTTON));
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (g_menu_model_get_item_link (gtk_menu_button_get_menu_model (menu),
                                                                         1, G_MENU_LINK_SECTION)),
                   ==, 1);
  g_assert_true (gtk_widget_activate_action_variant (page, "tags.move-down",
                                                     tag_target (journal, "Office")));
  g_assert_cmpstr (tag_name_at (journal, 0), ==, "Family");
  g_assert_cmpstr (tag_name_at (journal, 1), ==, "Office");

  adw_dialog_force_close (ADW_DIALOG (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (context);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tend_test_widgets_init (&argc, &argv);

  g_test_add_func ("/editor/rich-check-in", test_rich_check_in);
  g_test_add_func ("/editor/failed-save-keeps-text", test_failed_save_keeps_text);
  g_test_add_func ("/editor/draft-survives-kill", test_draft_survives_kill);
  g_test_add_func ("/editor/edit-delete-undo", test_edit_delete_undo);
  g_test_add_func ("/editor/edit-draft-survives-kill", test_edit_draft_survives_kill);
  g_test_add_func ("/editor/controls-are-named", test_controls_are_named);
  g_test_add_func ("/preferences/activities", test_activities_preferences);

  status = g_test_run ();
  tend_test_widgets_cleanup ();
  return status;
}
