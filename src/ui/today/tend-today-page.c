/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-today-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tend-date.h"
#include "tend-entry-editor.h"
#include "tend-entry-row.h"
#include "tend-filter.h"
#include "tend-today-page.h"

/* The check-in: a mood, and whatever else the writer wants to add. Picking a mood and
 * saving is all it takes. What is being written is kept as a draft within half a second
 * of each change, so a crash, a kill or a closed window loses nothing. */
struct _TendTodayPage
{
  AdwBin           parent_instance;

  /* Template widgets */
  GtkLabel        *date_label;
  GtkLabel        *draft_label;
  TendEntryEditor *editor;
  GtkWidget       *earlier_box;
  GtkListBox      *earlier_list;

  /* Owned */
  TendEntryList   *earlier_entries; /* today's check-ins, kept up to date by the journal */
  GDate            earlier_day;     /* of earlier_entries */
  TendContext     *context;
  GCancellable    *cancellable;
  TendEntry       *pending_entry; /* being saved */

  guint            draft_timeout_id;
  guint            earlier_idle_id;
};

G_DEFINE_FINAL_TYPE (TendTodayPage, tend_today_page, ADW_TYPE_BIN)

enum {
  SIGNAL_ENTRY_SAVED,
  SIGNAL_ENTRY_ACTIVATED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

#define DRAFT_SLOT "check-in"
#define DRAFT_DELAY_MS 500

static void
update_save_enabled (TendTodayPage *self)
{
  gboolean can_save = self->context != NULL &&
                      self->pending_entry == NULL &&
                      tend_entry_editor_get_mood (self->editor) != TEND_MOOD_NONE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "today.save", can_save);
}

static void
update_date (TendTodayPage *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;

  if (self->context == NULL)
    return;

  now = tend_clock_get_now (tend_context_get_clock (self->context));
  text = tend_date_format_long_day (now, now);
  gtk_label_set_label (self->date_label, text);
}

/* Earlier today ---------------------------------------------------------------------- */

static void
forget_earlier (TendTodayPage *self)
{
  if (self->earlier_entries == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->earlier_entries, self);
  gtk_list_box_bind_model (self->earlier_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->earlier_entries);
}

static void
update_earlier_visible (TendTodayPage *self)
{
  gtk_widget_set_visible (self->earlier_box,
                          self->earlier_entries != NULL &&
                          g_list_model_get_n_items (G_LIST_MODEL (self->earlier_entries)) > 0);
}

/* The check-ins of the day, under the editor: after saving one, it is there to see and to
 * open again. The list follows the journal, and the day when the page is shown again. */
static void
update_earlier (TendTodayPage *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(TendFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  if (self->context == NULL || tend_context_get_journal (self->context) == NULL)
    return;

  now = tend_clock_get_now (tend_context_get_clock (self->context));
  local_now = g_date_time_to_local (now);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (local_now),
                  g_date_time_get_month (local_now), g_date_time_get_year (local_now));
  if (self->earlier_entries != NULL && g_date_compare (&today, &self->earlier_day) == 0)
    return;

  forget_earlier (self);
  self->earlier_day = today;

  filter = tend_filter_new ();
  tend_filter_set_range (filter, &today, &today);
  self->earlier_entries = tend_journal_query (tend_context_get_journal (self->context), filter,
                                              &error);
  /* Only a convenience: the Journal says what went wrong */
  if (self->earlier_entries == NULL)
    g_debug ("Could not list today's check-ins: %s", error->message);
  else
    {
      g_signal_connect_object (self->earlier_entries, "items-changed",
                               G_CALLBACK (update_earlier_visible), self, G_CONNECT_SWAPPED);
      gtk_list_box_bind_model (self->earlier_list, G_LIST_MODEL (self->earlier_entries),
                               tend_entry_row_create_list_row, NULL, NULL);
    }

  update_earlier_visible (self);
}

/* Not before the first frame, which shows the check-in: once Tend is drawn. */
static gboolean
earlier_idle_cb (gpointer user_data)
{
  TendTodayPage *self = user_data;

  self->earlier_idle_id = 0;
  update_earlier (self);
  return G_SOURCE_REMOVE;
}

static void
earlier_row_activated_cb (TendTodayPage *self,
                          GtkListBoxRow *row)
{
  TendEntry *entry = tend_entry_row_get_entry (TEND_ENTRY_ROW (gtk_list_box_row_get_child (row)));

  if (entry != NULL && tend_entry_is_readable (entry))
    g_signal_emit (self, signals[SIGNAL_ENTRY_ACTIVATED], 0, entry);
}

/* Drafts ----------------------------------------------------------------------------- */

static void
save_draft_now (TendTodayPage *self)
{
  g_autoptr(TendDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  TendJournal *journal;

  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);

  if (self->context == NULL || (journal = tend_context_get_journal (self->context)) == NULL)
    return;

  draft = tend_entry_editor_build_draft (self->editor);
  if (tend_draft_is_empty (draft))
    {
      tend_journal_clear_draft (journal, DRAFT_SLOT, &error);
      gtk_widget_set_visible (GTK_WIDGET (self->draft_label), FALSE);
    }
  else
    tend_journal_save_draft (journal, DRAFT_SLOT, draft, &error);

  /* The text is still in the editor; the next change tries again. */
  if (error != NULL)
    g_message ("Could not keep the draft: %s", error->message);
}

static gboolean
draft_timeout_cb (gpointer user_data)
{
  TendTodayPage *self = user_data;

  self->draft_timeout_id = 0;
  save_draft_now (self);
  return G_SOURCE_REMOVE;
}

static void
editor_changed_cb (TendTodayPage *self)
{
  update_save_enabled (self);

  if (self->draft_timeout_id == 0)
    self->draft_timeout_id = g_timeout_add (DRAFT_DELAY_MS, draft_timeout_cb, self);
}

static void
restore_draft (TendTodayPage *self)
{
  g_autoptr(TendDraft) draft = NULL;

  draft = tend_journal_load_draft (tend_context_get_journal (self->context), DRAFT_SLOT);
  if (draft == NULL || tend_draft_is_empty (draft))
    return;

  tend_entry_editor_load_draft (self->editor, draft);
  gtk_widget_set_visible (GTK_WIDGET (self->draft_label), TRUE);
}

/* Saving ----------------------------------------------------------------------------- */

static void
show_save_error (TendTodayPage *self,
                 const GError  *error)
{
  AdwDialog *dialog;
  g_autofree char *body = NULL;

  body = g_strdup_printf ("%s\n\n%s", error->message,
                          _("Your check-in is still here, so you can try again."));
  dialog = adw_alert_dialog_new (_("Check-in Not Saved"), body);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
entry_added_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TendTodayPage) self = user_data;
  g_autoptr(TendEntry) entry = g_steal_pointer (&self->pending_entry);
  g_autoptr(GError) error = NULL;

  if (!tend_journal_add_finish (TEND_JOURNAL (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      tend_entry_editor_set_editable (self->editor, TRUE);
      update_save_enabled (self);
      show_save_error (self, error);
      return;
    }

  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  tend_entry_editor_clear (self->editor);
  tend_entry_editor_set_editable (self->editor, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->draft_label), FALSE);
  tend_journal_clear_draft (TEND_JOURNAL (object), DRAFT_SLOT, NULL);
  update_save_enabled (self);
  g_signal_emit (self, signals[SIGNAL_ENTRY_SAVED], 0, entry);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TendTodayPage *self = TEND_TODAY_PAGE (widget);

  if (self->pending_entry != NULL || self->context == NULL)
    return;

  self->pending_entry = tend_entry_editor_build_entry (self->editor, NULL);
  if (self->pending_entry == NULL)
    return;

  tend_entry_editor_set_editable (self->editor, FALSE);
  update_save_enabled (self);

  tend_journal_add_async (tend_context_get_journal (self->context), self->pending_entry,
                          self->cancellable, entry_added_cb, g_object_ref (self));
}

static void
select_mood_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TendTodayPage *self = TEND_TODAY_PAGE (widget);
  TendMood mood = g_variant_get_int32 (parameter);

  if (!tend_mood_is_valid (mood))
    return;

  tend_entry_editor_select_mood (self->editor, mood);
}

static void
tend_today_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (tend_today_page_parent_class)->map (widget);

  /* The page may stay open past midnight. */
  update_date (TEND_TODAY_PAGE (widget));
  if (TEND_TODAY_PAGE (widget)->earlier_entries != NULL)
    update_earlier (TEND_TODAY_PAGE (widget));
}

static void
tend_today_page_dispose (GObject *object)
{
  TendTodayPage *self = TEND_TODAY_PAGE (object);

  /* A change made in the last half second is kept too. */
  if (self->draft_timeout_id != 0)
    save_draft_now (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->pending_entry);
  g_clear_handle_id (&self->earlier_idle_id, g_source_remove);
  forget_earlier (self);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (tend_today_page_parent_class)->dispose (object);
}

static void
tend_today_page_class_init (TendTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tend_today_page_dispose;
  widget_class->map = tend_today_page_map;

  /**
   * TendTodayPage::entry-saved:
   * @entry: the check-in, now stored in the journal
   */
  signals[SIGNAL_ENTRY_SAVED] =
    g_signal_new ("entry-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TEND_TYPE_ENTRY);

  /**
   * TendTodayPage::entry-activated:
   * @entry: a check-in of the day, picked to be opened
   */
  signals[SIGNAL_ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TEND_TYPE_ENTRY);

  g_type_ensure (TEND_TYPE_ENTRY_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/tend-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TendTodayPage, date_label);
  gtk_widget_class_bind_template_child (widget_class, TendTodayPage, draft_label);
  gtk_widget_class_bind_template_child (widget_class, TendTodayPage, editor);
  gtk_widget_class_bind_template_child (widget_class, TendTodayPage, earlier_box);
  gtk_widget_class_bind_template_child (widget_class, TendTodayPage, earlier_list);
  gtk_widget_class_bind_template_callback (widget_class, editor_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, earlier_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "today.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "today.select-mood", "i", select_mood_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "today.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "today.save", NULL);
  for (TendMood mood = TEND_MOOD_FIRST; mood <= TEND_MOOD_LAST; mood++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + mood, 0,
                                           "today.select-mood", "i", mood);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0 + mood, 0,
                                           "today.select-mood", "i", mood);
    }
}

static void
tend_today_page_init (TendTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  g_date_clear (&self->earlier_day, 1);
  update_save_enabled (self);
}

/**
 * tend_today_page_set_context:
 * @context: Tend's data, with its journal open
 */
void
tend_today_page_set_context (TendTodayPage *self,
                             TendContext   *context)
{
  g_return_if_fail (TEND_IS_TODAY_PAGE (self));
  g_return_if_fail (TEND_IS_CONTEXT (context));
  g_return_if_fail (tend_context_get_journal (context) != NULL);

  if (!g_set_object (&self->context, context))
    return;

  tend_entry_editor_set_context (self->editor, context);
  restore_draft (self);
  update_date (self);
  forget_earlier (self);
  g_clear_handle_id (&self->earlier_idle_id, g_source_remove);
  self->earlier_idle_id = g_idle_add_full (G_PRIORITY_LOW, earlier_idle_cb, self, NULL);
  update_save_enabled (self);
}

void
tend_today_page_focus_mood (TendTodayPage *self)
{
  g_return_if_fail (TEND_IS_TODAY_PAGE (self));

  tend_entry_editor_focus_mood (self->editor);
}

/**
 * tend_today_page_get_editor:
 *
 * Returns: (transfer none): the check-in's editor
 */
TendEntryEditor *
tend_today_page_get_editor (TendTodayPage *self)
{
  g_return_val_if_fail (TEND_IS_TODAY_PAGE (self), NULL);

  return self->editor;
}
