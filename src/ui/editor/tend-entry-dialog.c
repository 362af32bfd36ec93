/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-entry-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tend-entry-dialog.h"

/* Editing a stored check-in: everything can change, and the changes are kept as a draft
 * while typing. Saving writes a new version; deleting is immediate, and the window offers
 * Undo ("deleted" hands it the removed entry). Closing with unsaved changes asks first. */
struct _TendEntryDialog
{
  AdwDialog        parent_instance;

  /* Template widgets */
  GtkLabel        *draft_label;
  TendEntryEditor *editor;

  /* Owned */
  TendContext     *context;
  TendEntry       *entry;
  GCancellable    *cancellable;

  guint            draft_timeout_id;
  guint            dirty : 1;
  guint            saving : 1;
};

G_DEFINE_FINAL_TYPE (TendEntryDialog, tend_entry_dialog, ADW_TYPE_DIALOG)

enum {
  SIGNAL_SAVED,
  SIGNAL_DELETED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

#define DRAFT_DELAY_MS 500

static TendJournal *
get_journal (TendEntryDialog *self)
{
  return tend_context_get_journal (self->context);
}

static void
update_actions (TendEntryDialog *self)
{
  gboolean can_save = !self->saving && tend_entry_editor_get_mood (self->editor) != TEND_MOOD_NONE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entry.save", can_save);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entry.delete", !self->saving);
}

static void
save_draft_now (TendEntryDialog *self)
{
  g_autoptr(TendDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);

  draft = tend_entry_editor_build_draft (self->editor);
  draft->entry_uuid = g_strdup (tend_entry_get_uuid (self->entry));
  if (!tend_journal_save_draft (get_journal (self), TEND_ENTRY_DIALOG_DRAFT_SLOT, draft, &error))
    g_message ("Could not keep the draft: %s", error->message);
}

static gboolean
draft_timeout_cb (gpointer user_data)
{
  TendEntryDialog *self = user_data;

  self->draft_timeout_id = 0;
  save_draft_now (self);
  return G_SOURCE_REMOVE;
}

static void
forget_draft (TendEntryDialog *self)
{
  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  tend_journal_clear_draft (get_journal (self), TEND_ENTRY_DIALOG_DRAFT_SLOT, NULL);
}

static void
editor_changed_cb (TendEntryDialog *self)
{
  self->dirty = TRUE;
  update_actions (self);

  if (self->draft_timeout_id == 0)
    self->draft_timeout_id = g_timeout_add (DRAFT_DELAY_MS, draft_timeout_cb, self);
}

static void
show_error (TendEntryDialog *self,
            const char      *heading,
            const GError    *error)
{
  g_autofree char *body = NULL;
  AdwDialog *dialog;

  body = g_strdup_printf ("%s\n\n%s", error->message,
                          _("Your changes are still here, so you can try again."));
  dialog = adw_alert_dialog_new (heading, body);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
entry_updated_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TendEntryDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!tend_journal_update_finish (TEND_JOURNAL (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      self->saving = FALSE;
      tend_entry_editor_set_editable (self->editor, TRUE);
      update_actions (self);
      show_error (self, _("Changes Not Saved"), error);
      return;
    }

  forget_draft (self);
  self->dirty = FALSE;
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  adw_dialog_force_close (ADW_DIALOG (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TendEntryDialog *self = TEND_ENTRY_DIALOG (widget);
  g_autoptr(TendEntry) changed = NULL;

  if (self->saving)
    return;

  changed = tend_entry_editor_build_entry (self->editor, self->entry);
  if (changed == NULL)
    return;

  if (tend_entry_equal (changed, self->entry))
    {
      forget_draft (self);
      adw_dialog_force_close (ADW_DIALOG (self));
      return;
    }

  self->saving = TRUE;
  tend_entry_editor_set_editable (self->editor, FALSE);
  update_actions (self);
  tend_journal_update_async (get_journal (self), changed, self->cancellable, entry_updated_cb,
                             g_object_ref (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TendEntryDialog *self = TEND_ENTRY_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (self->saving)
    return;

  if (!tend_journal_remove (get_journal (self), self->entry, &error))
    {
      show_error (self, _("Check-in Not Deleted"), error);
      return;
    }

  forget_draft (self);
  g_signal_emit (self, signals[SIGNAL_DELETED], 0, self->entry);
  adw_dialog_force_close (ADW_DIALOG (self));
}

static void
discard_response_cb (TendEntryDialog *self,
                     const char      *response)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  forget_draft (self);
  adw_dialog_force_close (ADW_DIALOG (self));
}

static void
close_attempt_cb (TendEntryDialog *self)
{
  AdwDialog *alert;

  if (!self->dirty)
    {
      forget_draft (self);
      adw_dialog_force_close (ADW_DIALOG (self));
      return;
    }

  alert = adw_alert_dialog_new (_("Discard Changes?"),
                                _("The changes to this check-in have not been saved."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (alert),
                                  "keep", _("_Keep Editing"),
                                  "discard", _("_Discard"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), "discard",
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), "keep");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), "keep");
  g_signal_connect_object (alert, "response", G_CALLBACK (discard_response_cb), self,
                           G_CONNECT_SWAPPED);
  adw_dialog_present (alert, GTK_WIDGET (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  adw_dialog_close (ADW_DIALOG (widget));
}

static void
select_mood_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TendMood mood = g_variant_get_int32 (parameter);

  if (tend_mood_is_valid (mood))
    tend_entry_editor_select_mood (TEND_ENTRY_DIALOG (widget)->editor, mood);
}

static void
tend_entry_dialog_dispose (GObject *object)
{
  TendEntryDialog *self = TEND_ENTRY_DIALOG (object);

  if (self->draft_timeout_id != 0)
    save_draft_now (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TEND_TYPE_ENTRY_DIALOG);
  g_clear_object (&self->entry);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (tend_entry_dialog_parent_class)->dispose (object);
}

static void
tend_entry_dialog_class_init (TendEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tend_entry_dialog_dispose;

  /**
   * TendEntryDialog::saved:
   *
   * The changes are stored.
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * TendEntryDialog::deleted:
   * @entry: the removed entry, which tend_journal_restore() can put back
   */
  signals[SIGNAL_DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, TEND_TYPE_ENTRY);

  g_type_ensure (TEND_TYPE_ENTRY_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/tend-entry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TendEntryDialog, draft_label);
  gtk_widget_class_bind_template_child (widget_class, TendEntryDialog, editor);
  gtk_widget_class_bind_template_callback (widget_class, editor_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_attempt_cb);

  gtk_widget_class_install_action (widget_class, "entry.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "entry.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "entry.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "entry.select-mood", "i", select_mood_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "entry.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "entry.save", NULL);
}

static void
tend_entry_dialog_init (TendEntryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

/**
 * tend_entry_dialog_new:
 * @entry: a stored entry
 * @draft: (nullable): unsaved changes to @entry kept from before, to show instead
 *
 * Returns: (transfer floating): a dialog editing @entry
 */
TendEntryDialog *
tend_entry_dialog_new (TendContext     *context,
                       TendEntry       *entry,
                       const TendDraft *draft)
{
  TendEntryDialog *self;

  g_return_val_if_fail (TEND_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (TEND_IS_ENTRY (entry), NULL);

  self = g_object_new (TEND_TYPE_ENTRY_DIALOG, NULL);
  self->context = g_object_ref (context);
  self->entry = g_object_ref (entry);

  tend_entry_editor_set_context (self->editor, context);
  tend_entry_editor_load_entry (self->editor, entry);

  if (draft != NULL)
    {
      tend_entry_editor_load_draft (self->editor, draft);
      gtk_widget_set_visible (GTK_WIDGET (self->draft_label), TRUE);
      self->dirty = TRUE;
    }

  update_actions (self);
  return self;
}

/**
 * tend_entry_dialog_get_entry:
 *
 * Returns: (transfer none): the entry as it was when the dialog opened
 */
TendEntry *
tend_entry_dialog_get_entry (TendEntryDialog *self)
{
  g_return_val_if_fail (TEND_IS_ENTRY_DIALOG (self), NULL);

  return self->entry;
}

TendEntryEditor *
tend_entry_dialog_get_editor (TendEntryDialog *self)
{
  g_return_val_if_fail (TEND_IS_ENTRY_DIALOG (self), NULL);

  return self->editor;
}
