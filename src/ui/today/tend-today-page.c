/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-today-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tend-date.h"
#include "tend-mood-picker.h"
#include "tend-today-page.h"

/* The check-in: a mood, an optional note, Save. Picking a mood and saving is all it takes. */
struct _TendTodayPage
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkLabel       *date_label;
  TendMoodPicker *mood_picker;
  GtkTextView    *note_view;

  /* Owned */
  TendContext    *context;
  GCancellable   *cancellable;
  TendEntry      *pending_entry; /* being saved */
};

G_DEFINE_FINAL_TYPE (TendTodayPage, tend_today_page, ADW_TYPE_BIN)

enum {
  SIGNAL_ENTRY_SAVED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static void
update_save_enabled (TendTodayPage *self)
{
  gboolean can_save = self->context != NULL &&
                      self->pending_entry == NULL &&
                      tend_mood_picker_get_mood (self->mood_picker) != TEND_MOOD_NONE;

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

static char *
get_note (TendTodayPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
clear_form (TendTodayPage *self)
{
  tend_mood_picker_set_mood (self->mood_picker, TEND_MOOD_NONE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
}

static void
show_save_error (TendTodayPage *self,
                 const GError  *error)
{
  AdwDialog *dialog;
  g_autofree char *body = NULL;

  body = g_strdup_printf ("%s\n\n%s", error->message,
                          _("Your mood and note are still here, so you can try again."));
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

      update_save_enabled (self);
      show_save_error (self, error);
      return;
    }

  clear_form (self);
  update_save_enabled (self);
  g_signal_emit (self, signals[SIGNAL_ENTRY_SAVED], 0, entry);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TendTodayPage *self = TEND_TODAY_PAGE (widget);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *note = NULL;
  TendMood mood = tend_mood_picker_get_mood (self->mood_picker);

  if (self->pending_entry != NULL || self->context == NULL || mood == TEND_MOOD_NONE)
    return;

  now = tend_clock_get_now (tend_context_get_clock (self->context));
  note = get_note (self);
  g_strstrip (note);
  self->pending_entry = tend_entry_new (mood, note, now);
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

  tend_mood_picker_set_mood (self->mood_picker, mood);
  gtk_widget_grab_focus (tend_mood_picker_get_button (self->mood_picker, mood));
}

static void
mood_changed_cb (TendTodayPage *self)
{
  update_save_enabled (self);
}

static void
tend_today_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (tend_today_page_parent_class)->map (widget);

  /* The page may stay open past midnight. */
  update_date (TEND_TODAY_PAGE (widget));
}

static void
tend_today_page_dispose (GObject *object)
{
  TendTodayPage *self = TEND_TODAY_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->pending_entry);
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

  g_type_ensure (TEND_TYPE_MOOD_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/tend-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TendTodayPage, date_label);
  gtk_widget_class_bind_template_child (widget_class, TendTodayPage, mood_picker);
  gtk_widget_class_bind_template_child (widget_class, TendTodayPage, note_view);
  gtk_widget_class_bind_template_callback (widget_class, mood_changed_cb);

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

  update_date (self);
  update_save_enabled (self);
}

void
tend_today_page_focus_mood (TendTodayPage *self)
{
  g_return_if_fail (TEND_IS_TODAY_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->mood_picker));
}
