/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-entry-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "tend-care-card.h"
#include "tend-date.h"
#include "tend-emotion.h"
#include "tend-entry-editor.h"
#include "tend-mood-picker.h"

/* Everything a check-in holds, for a new one and for editing: the mood first, then the
 * optional energy, emotions, activities, time and note. Only the mood is needed. The
 * editor emits "changed" on every change, so its host can keep a draft.
 *
 * Under the note, the care check's card offers Get Help Now when the note says the writer
 * wants to die or to hurt themselves. The note is checked once typing pauses, and when a
 * kept draft comes back (the writer's own unsaved words); not when a saved check-in is
 * opened to edit, until its note changes. Not Now holds until the next check-in. */
struct _TendEntryEditor
{
  AdwBin           parent_instance;

  /* Template widgets */
  TendMoodPicker  *mood_picker;
  AdwActionRow    *energy_row;
  GtkBox          *energy_box;
  AdwExpanderRow  *emotions_row;
  GtkFlowBox      *pleasant_box;
  GtkFlowBox      *unpleasant_box;
  AdwExpanderRow  *tags_row;
  GtkFlowBox      *tags_box;
  GtkEntry        *new_tag_entry;
  AdwActionRow    *time_row;
  GtkButton       *now_button;
  GtkMenuButton   *time_button;

  /* The time popover's, made when it first opens (see create_time_popover_cb()) */
  GtkPopover      *time_popover;
  GtkCalendar     *calendar;
  GtkSpinButton   *hour_spin;
  GtkSpinButton   *minute_spin;
  GtkTextView     *note_view;
  TendCareCard    *care_card;

  /* Owned */
  TendContext     *context;
  GHashTable      *chosen_tags;     /* casefolded name → name */
  GPtrArray       *tag_order;       /* names chosen, in the order chosen */
  GDateTime       *occurred_at;     /* NULL: now */
  GtkToggleButton *energy_buttons[TEND_ENERGY_LAST + 1];
  GHashTable      *emotion_buttons; /* nick → GtkToggleButton */

  guint            care_check_id;
  guint            loading : 1;
};

G_DEFINE_FINAL_TYPE (TendEntryEditor, tend_entry_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MOOD,
  N_PROPS,
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Long enough not to check in the middle of a word, short enough to feel prompt. */
#define CARE_CHECK_DELAY_MS 700

static void
emit_changed (TendEntryEditor *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Summaries -------------------------------------------------------------------------- */

static char **
get_emotions (TendEntryEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < tend_emotion_get_n_emotions (); i++)
    {
      const char *nick = tend_emotion_get_nick (i);
      GtkToggleButton *button = g_hash_table_lookup (self->emotion_buttons, nick);

      if (gtk_toggle_button_get_active (button))
        g_strv_builder_add (builder, nick);
    }

  return g_strv_builder_end (builder);
}

static void
update_emotions_subtitle (TendEntryEditor *self)
{
  g_auto(GStrv) emotions = get_emotions (self);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *subtitle = NULL;

  for (guint i = 0; emotions[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer) tend_emotion_get_label (emotions[i]));
  g_ptr_array_add (labels, NULL);

  /* Translators: separates emotions or activities in a short list, as in "Calm, Grateful" */
  subtitle = g_strjoinv (C_("list separator", ", "), (char **) labels->pdata);
  adw_expander_row_set_subtitle (self->emotions_row, subtitle);
}

static void
update_tags_subtitle (TendEntryEditor *self)
{
  g_autofree char *subtitle = NULL;

  g_ptr_array_add (self->tag_order, NULL);
  subtitle = g_strjoinv (C_("list separator", ", "), (char **) self->tag_order->pdata);
  g_ptr_array_remove_index (self->tag_order, self->tag_order->len - 1);

  adw_expander_row_set_subtitle (self->tags_row, subtitle);
}

static void
update_time_row (TendEntryEditor *self)
{
  g_autofree char *subtitle = NULL;

  if (self->occurred_at == NULL)
    subtitle = g_strdup (C_("check-in time", "Now"));
  else
    {
      g_autoptr(GDateTime) now = tend_clock_get_now (tend_context_get_clock (self->context));
      g_autofree char *day = tend_date_format_day (self->occurred_at, now);
      g_autofree char *time = tend_date_format_time (self->occurred_at);

      /* Translators: a check-in's day and time, as in "Yesterday, 21:30" */
      subtitle = g_strdup_printf (C_("check-in time", "%s, %s"), day, time);
    }

  adw_action_row_set_subtitle (self->time_row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->now_button), self->occurred_at != NULL);
}

/* Energy ----------------------------------------------------------------------------- */

static TendEnergy
get_energy (TendEntryEditor *self)
{
  for (TendEnergy energy = TEND_ENERGY_FIRST; energy <= TEND_ENERGY_LAST; energy++)
    if (gtk_toggle_button_get_active (self->energy_buttons[energy]))
      return energy;

  return TEND_ENERGY_NONE;
}

static void
set_energy (TendEntryEditor *self,
            TendEnergy       chosen)
{
  for (TendEnergy energy = TEND_ENERGY_FIRST; energy <= TEND_ENERGY_LAST; energy++)
    gtk_toggle_button_set_active (self->energy_buttons[energy], energy == chosen);
}

/* The levels are exclusive, and clicking the chosen one again takes it back: energy is
 * optional. */
static void
energy_toggled_cb (GtkToggleButton *button,
                   TendEntryEditor *self)
{
  if (gtk_toggle_button_get_active (button))
    for (TendEnergy energy = TEND_ENERGY_FIRST; energy <= TEND_ENERGY_LAST; energy++)
      if (self->energy_buttons[energy] != button)
        gtk_toggle_button_set_active (self->energy_buttons[energy], FALSE);

  emit_changed (self);
}

/* Emotions --------------------------------------------------------------------------- */

static void
emotion_toggled_cb (TendEntryEditor *self)
{
  update_emotions_subtitle (self);
  emit_changed (self);
}

static GtkWidget *
make_chip (const char *label)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  gtk_widget_add_css_class (button, "chip");
  gtk_widget_set_focus_on_click (button, FALSE);
  return button;
}

static void
build_emotions (TendEntryEditor *self)
{
  /* All the emotions' chips one width, so Pleasant and Unpleasant line up in the same
   * columns whatever their words' lengths. */
  g_autoptr(GtkSizeGroup) chips = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  for (guint i = 0; i < tend_emotion_get_n_emotions (); i++)
    {
      const char *nick = tend_emotion_get_nick (i);
      GtkWidget *button = make_chip (tend_emotion_get_label (nick));
      GtkFlowBox *box = tend_emotion_get_valence (nick) == TEND_VALENCE_PLEASANT
                          ? self->pleasant_box : self->unpleasant_box;

      g_signal_connect_swapped (button, "toggled", G_CALLBACK (emotion_toggled_cb), self);
      gtk_size_group_add_widget (chips, button);
      gtk_flow_box_append (box, button);
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
      g_hash_table_insert (self->emotion_buttons, (gpointer) nick, button);
    }
}

/* Tags ------------------------------------------------------------------------------- */

static void rebuild_tags (TendEntryEditor *self);

static void
choose_tag (TendEntryEditor *self,
            const char      *name,
            gboolean         chosen)
{
  char *folded = g_utf8_casefold (name, -1);

  if (chosen)
    {
      if (g_hash_table_contains (self->chosen_tags, folded))
        {
          g_free (folded);
          return;
        }
      g_hash_table_insert (self->chosen_tags, folded, g_strdup (name));
      g_ptr_array_add (self->tag_order, g_strdup (name));
    }
  else
    {
      for (guint i = 0; i < self->tag_order->len; i++)
        {
          g_autofree char *other = g_utf8_casefold (g_ptr_array_index (self->tag_order, i), -1);

          if (g_str_equal (other, folded))
            {
              g_ptr_array_remove_index (self->tag_order, i);
              break;
            }
        }
      g_hash_table_remove (self->chosen_tags, folded);
      g_free (folded);
    }

  update_tags_subtitle (self);
}

static void
tag_toggled_cb (GtkToggleButton *button,
                TendEntryEditor *self)
{
  choose_tag (self, gtk_button_get_label (GTK_BUTTON (button)),
              gtk_toggle_button_get_active (button));
  emit_changed (self);
}

static gboolean
tag_is_chosen (TendEntryEditor *self,
               const char      *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  return g_hash_table_contains (self->chosen_tags, folded);
}

static void
add_tag_button (TendEntryEditor *self,
                const char      *name)
{
  GtkWidget *button = make_chip (name);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), tag_is_chosen (self, name));
  g_signal_connect (button, "toggled", G_CALLBACK (tag_toggled_cb), self);
  gtk_flow_box_append (self->tags_box, button);
  gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
}

/* The visible tags in the user's order, then any hidden or new tag this entry carries. */
static void
rebuild_tags (TendEntryEditor *self)
{
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *tags;

  gtk_flow_box_remove_all (self->tags_box);

  if (self->context == NULL)
    return;

  tags = tend_journal_get_tags (tend_context_get_journal (self->context));
  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(TendTag) tag = g_list_model_get_item (tags, i);
      const char *name = tend_tag_get_name (tag);

      if (tend_tag_get_hidden (tag) && !tag_is_chosen (self, name))
        continue;

      add_tag_button (self, name);
      g_hash_table_add (shown, g_utf8_casefold (name, -1));
    }

  for (guint i = 0; i < self->tag_order->len; i++)
    {
      const char *name = g_ptr_array_index (self->tag_order, i);
      g_autofree char *folded = g_utf8_casefold (name, -1);

      if (!g_hash_table_contains (shown, folded))
        add_tag_button (self, name);
    }
}

static void
tags_changed_cb (TendEntryEditor *self)
{
  rebuild_tags (self);
}

static void
new_tag_activated_cb (TendEntryEditor *self)
{
  g_autofree char *name = tend_tag_name_normalize (gtk_editable_get_text (GTK_EDITABLE (self->new_tag_entry)));

  if (name == NULL)
    return;

  /* A new name becomes a tag when the check-in is saved; an existing one is chosen. */
  if (!tag_is_chosen (self, name))
    {
      GListModel *tags = tend_journal_get_tags (tend_context_get_journal (self->context));
      g_autofree char *folded = g_utf8_casefold (name, -1);

      for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
        {
          g_autoptr(TendTag) tag = g_list_model_get_item (tags, i);
          g_autofree char *other = g_utf8_casefold (tend_tag_get_name (tag), -1);

          if (g_str_equal (folded, other))
            g_set_str (&name, tend_tag_get_name (tag));
        }

      choose_tag (self, name, TRUE);
      rebuild_tags (self);
      emit_changed (self);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->new_tag_entry), "");
}

/* Time ------------------------------------------------------------------------------- */

static void
time_popover_shown_cb (TendEntryEditor *self)
{
  g_autoptr(GDateTime) shown = NULL;

  shown = self->occurred_at != NULL
            ? g_date_time_ref (self->occurred_at)
            : tend_clock_get_now (tend_context_get_clock (self->context));

  gtk_calendar_select_day (self->calendar, shown);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (shown));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (shown));
}

static void
set_time_clicked_cb (TendEntryEditor *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();

  g_clear_pointer (&self->occurred_at, g_date_time_unref);
  self->occurred_at = g_date_time_new (zone,
                                       g_date_time_get_year (day),
                                       g_date_time_get_month (day),
                                       g_date_time_get_day_of_month (day),
                                       gtk_spin_button_get_value_as_int (self->hour_spin),
                                       gtk_spin_button_get_value_as_int (self->minute_spin),
                                       0);
  gtk_popover_popdown (self->time_popover);
  update_time_row (self);
  emit_changed (self);
}

static GtkSpinButton *
make_time_spin (guint       upper,
                guint       page,
                const char *label)
{
  GtkAdjustment *adjustment = gtk_adjustment_new (0, 0, upper, 1, page, 0);
  GtkWidget *spin = gtk_spin_button_new (adjustment, 1, 0);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (spin), GTK_ORIENTATION_VERTICAL);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_wrap (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return GTK_SPIN_BUTTON (spin);
}

/* The day and time to pick, made the first time the popover opens: nothing of it is
 * needed to show the editor. */
static void
create_time_popover_cb (GtkMenuButton *time_button,
                        gpointer       user_data)
{
  TendEntryEditor *self = user_data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *spins = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *set_button = gtk_button_new_with_mnemonic (_("_Set Time"));

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  self->hour_spin = make_time_spin (23, 6, _("Hour"));
  self->minute_spin = make_time_spin (59, 10, _("Minute"));

  gtk_widget_set_halign (spins, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (spins), GTK_WIDGET (self->hour_spin));
  gtk_box_append (GTK_BOX (spins), gtk_label_new (":"));
  gtk_box_append (GTK_BOX (spins), GTK_WIDGET (self->minute_spin));

  gtk_widget_add_css_class (set_button, "suggested-action");
  g_signal_connect_swapped (set_button, "clicked", G_CALLBACK (set_time_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));
  gtk_box_append (GTK_BOX (box), spins);
  gtk_box_append (GTK_BOX (box), set_button);

  self->time_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->time_popover, box);
  g_signal_connect_swapped (self->time_popover, "show", G_CALLBACK (time_popover_shown_cb), self);
  gtk_menu_button_set_popover (time_button, GTK_WIDGET (self->time_popover));
}

/**
 * tend_entry_editor_set_time:
 * @occurred_at: (nullable): when the check-in happened; %NULL for now
 *
 * Sets the check-in's time, as the person would with the time row.
 */
void
tend_entry_editor_set_time (TendEntryEditor *self,
                            GDateTime       *occurred_at)
{
  g_return_if_fail (TEND_IS_ENTRY_EDITOR (self));

  g_clear_pointer (&self->occurred_at, g_date_time_unref);
  if (occurred_at != NULL)
    self->occurred_at = g_date_time_ref (occurred_at);
  update_time_row (self);
  emit_changed (self);
}

static void
now_clicked_cb (TendEntryEditor *self)
{
  g_clear_pointer (&self->occurred_at, g_date_time_unref);
  update_time_row (self);
  emit_changed (self);
}

/* Note and mood ---------------------------------------------------------------------- */

static char *
get_note (TendEntryEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
check_note (TendEntryEditor *self)
{
  g_autofree char *note = get_note (self);

  g_clear_handle_id (&self->care_check_id, g_source_remove);
  tend_care_card_check (self->care_card, note);
}

static gboolean
care_check_timeout_cb (gpointer user_data)
{
  TendEntryEditor *self = user_data;

  self->care_check_id = 0;
  check_note (self);
  return G_SOURCE_REMOVE;
}

static void
note_changed_cb (TendEntryEditor *self)
{
  if (!self->loading)
    {
      g_clear_handle_id (&self->care_check_id, g_source_remove);
      self->care_check_id = g_timeout_add (CARE_CHECK_DELAY_MS, care_check_timeout_cb, self);
    }

  emit_changed (self);
}

/* The Not Now button had the focus; the note is where the writer was. */
static void
care_card_dismissed_cb (TendEntryEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

static void
mood_changed_cb (TendEntryEditor *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOOD]);
  emit_changed (self);
}

/* Class ------------------------------------------------------------------------------ */

static void
tend_entry_editor_dispose (GObject *object)
{
  TendEntryEditor *self = TEND_ENTRY_EDITOR (object);

  g_clear_handle_id (&self->care_check_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TEND_TYPE_ENTRY_EDITOR);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (tend_entry_editor_parent_class)->dispose (object);
}

static void
tend_entry_editor_finalize (GObject *object)
{
  TendEntryEditor *self = TEND_ENTRY_EDITOR (object);

  g_clear_pointer (&self->chosen_tags, g_hash_table_unref);
  g_clear_pointer (&self->tag_order, g_ptr_array_unref);
  g_clear_pointer (&self->emotion_buttons, g_hash_table_unref);
  g_clear_pointer (&self->occurred_at, g_date_time_unref);

  G_OBJECT_CLASS (tend_entry_editor_parent_class)->finalize (object);
}

static void
tend_entry_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TendEntryEditor *self = TEND_ENTRY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_MOOD:
      g_value_set_int (value, tend_entry_editor_get_mood (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_entry_editor_class_init (TendEntryEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tend_entry_editor_dispose;
  object_class->finalize = tend_entry_editor_finalize;
  object_class->get_property = tend_entry_editor_get_property;

  properties[PROP_MOOD] =
    g_param_spec_int ("mood", NULL, NULL, TEND_MOOD_NONE, TEND_MOOD_LAST, TEND_MOOD_NONE,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TendEntryEditor::changed:
   *
   * The writer changed something.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  g_type_ensure (TEND_TYPE_CARE_CARD);
  g_type_ensure (TEND_TYPE_MOOD_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/tend-entry-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TendEntryEditor, mood_picker);
  gtk_widget_class_bind_template_child (widget_class, TendEntryEditor, energy_row);
  gtk_widget_class_bind_template_child (widget_class, TendEntryEditor, energy_box);
  gtk_widget_class_bind_template_child (widget_class, TendEntryEditor, emotions_row);
  gtk_widget_class_bind_template_child (widget_class, TendEntryEditor, pleasant_box);
  gtk_widget_class_bind_template_child (widget_class, TendEntryEditor, unpleasant_box);
  gtk_widget_class_bind_template_child (widget_class, TendEntryEditor, tags_row);
  gtk_widget_class_bind_template_child (widget_class, TendEntryEditor, tags_box);
  gtk_widget_class_bind_template_child (widget_class, TendEntryEditor, new_tag_entry);
  gtk_widget_class_bind_template_child (widget_class, TendEntryEditor, time_row);
  gtk_widget_class_bind_template_child (widget_class, TendEntryEditor, now_button);
  gtk_widget_class_bind_template_child (widget_class, TendEntryEditor, time_button);
  gtk_widget_class_bind_template_child (widget_class, TendEntryEditor, note_view);
  gtk_widget_class_bind_template_child (widget_class, TendEntryEditor, care_card);
  gtk_widget_class_bind_template_callback (widget_class, care_card_dismissed_cb);
  gtk_widget_class_bind_template_callback (widget_class, mood_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_tag_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, now_clicked_cb);
}

static void
tend_entry_editor_init (TendEntryEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->chosen_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->tag_order = g_ptr_array_new_with_free_func (g_free);
  self->emotion_buttons = g_hash_table_new (g_str_hash, g_str_equal);

  for (TendEnergy energy = TEND_ENERGY_FIRST; energy <= TEND_ENERGY_LAST; energy++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (tend_energy_get_label (energy));

      g_signal_connect (button, "toggled", G_CALLBACK (energy_toggled_cb), self);
      gtk_box_append (self->energy_box, button);
      self->energy_buttons[energy] = GTK_TOGGLE_BUTTON (button);
    }

  gtk_menu_button_set_create_popup_func (self->time_button, create_time_popover_cb, self, NULL);
  build_emotions (self);
  update_emotions_subtitle (self);
  update_tags_subtitle (self);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed",
                            G_CALLBACK (note_changed_cb), self);
}

/**
 * tend_entry_editor_set_context:
 * @context: Tend's data, with its journal open
 */
void
tend_entry_editor_set_context (TendEntryEditor *self,
                               TendContext     *context)
{
  g_return_if_fail (TEND_IS_ENTRY_EDITOR (self));
  g_return_if_fail (TEND_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  g_signal_connect_object (tend_journal_get_tags (tend_context_get_journal (context)),
                           "items-changed", G_CALLBACK (tags_changed_cb), self,
                           G_CONNECT_SWAPPED);
  rebuild_tags (self);
  update_time_row (self);
}

TendMood
tend_entry_editor_get_mood (TendEntryEditor *self)
{
  g_return_val_if_fail (TEND_IS_ENTRY_EDITOR (self), TEND_MOOD_NONE);

  return tend_mood_picker_get_mood (self->mood_picker);
}

void
tend_entry_editor_select_mood (TendEntryEditor *self,
                               TendMood         mood)
{
  g_return_if_fail (TEND_IS_ENTRY_EDITOR (self));
  g_return_if_fail (tend_mood_is_valid (mood));

  tend_mood_picker_set_mood (self->mood_picker, mood);
  gtk_widget_grab_focus (tend_mood_picker_get_button (self->mood_picker, mood));
}

void
tend_entry_editor_focus_mood (TendEntryEditor *self)
{
  TendMood mood;

  g_return_if_fail (TEND_IS_ENTRY_EDITOR (self));

  mood = tend_mood_picker_get_mood (self->mood_picker);
  if (mood != TEND_MOOD_NONE)
    gtk_widget_grab_focus (tend_mood_picker_get_button (self->mood_picker, mood));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->mood_picker));
}

static void
load_values (TendEntryEditor    *self,
             TendMood            mood,
             TendEnergy          energy,
             const char * const *emotions,
             const char * const *tags,
             const char         *note,
             GDateTime          *occurred_at)
{
  self->loading = TRUE;

  /* Another check-in, or the same one come back: the card starts closed, Not Now is
   * forgotten. */
  g_clear_handle_id (&self->care_check_id, g_source_remove);
  tend_care_card_reset (self->care_card);

  tend_mood_picker_set_mood (self->mood_picker, mood);
  set_energy (self, energy);

  for (guint i = 0; i < tend_emotion_get_n_emotions (); i++)
    {
      const char *nick = tend_emotion_get_nick (i);

      gtk_toggle_button_set_active (g_hash_table_lookup (self->emotion_buttons, nick),
                                    emotions != NULL && g_strv_contains (emotions, nick));
    }

  g_hash_table_remove_all (self->chosen_tags);
  g_ptr_array_set_size (self->tag_order, 0);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    if (*tags[i] != '\0')
      choose_tag (self, tags[i], TRUE);
  update_tags_subtitle (self);
  rebuild_tags (self);

  g_clear_pointer (&self->occurred_at, g_date_time_unref);
  if (occurred_at != NULL)
    self->occurred_at = g_date_time_ref (occurred_at);
  if (self->context != NULL)
    update_time_row (self);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), note != NULL ? note : "",
                            -1);
  gtk_editable_set_text (GTK_EDITABLE (self->new_tag_entry), "");

  adw_expander_row_set_expanded (self->emotions_row, emotions != NULL && emotions[0] != NULL);
  adw_expander_row_set_expanded (self->tags_row, tags != NULL && tags[0] != NULL && *tags[0]);

  self->loading = FALSE;
}

/**
 * tend_entry_editor_load_entry:
 *
 * Shows what @entry holds, to edit it.
 */
void
tend_entry_editor_load_entry (TendEntryEditor *self,
                              TendEntry       *entry)
{
  g_return_if_fail (TEND_IS_ENTRY_EDITOR (self));
  g_return_if_fail (TEND_IS_ENTRY (entry));

  load_values (self, tend_entry_get_mood (entry), tend_entry_get_energy (entry),
               tend_entry_get_emotions (entry), tend_entry_get_tags (entry),
               tend_entry_get_note (entry), tend_entry_get_occurred_at (entry));
}

void
tend_entry_editor_load_draft (TendEntryEditor *self,
                              const TendDraft *draft)
{
  g_return_if_fail (TEND_IS_ENTRY_EDITOR (self));
  g_return_if_fail (draft != NULL);

  load_values (self, draft->mood, draft->energy, (const char * const *) draft->emotions,
               (const char * const *) draft->tags, draft->note, draft->occurred_at);
  check_note (self);
}

/**
 * tend_entry_editor_clear:
 *
 * Empties the editor for the next check-in, at the current time.
 */
void
tend_entry_editor_clear (TendEntryEditor *self)
{
  g_return_if_fail (TEND_IS_ENTRY_EDITOR (self));

  load_values (self, TEND_MOOD_NONE, TEND_ENERGY_NONE, NULL, NULL, "", NULL);
}

static GDateTime *
get_occurred_at (TendEntryEditor *self)
{
  if (self->occurred_at != NULL)
    return g_date_time_ref (self->occurred_at);

  return tend_clock_get_now (tend_context_get_clock (self->context));
}

/**
 * tend_entry_editor_build_entry:
 * @base: (nullable): the entry being edited, or %NULL for a new check-in
 *
 * Returns: (transfer full) (nullable): a new entry, or a changed copy of @base, holding
 *   what the editor shows; %NULL when no mood is chosen
 */
TendEntry *
tend_entry_editor_build_entry (TendEntryEditor *self,
                               TendEntry       *base)
{
  g_autoptr(GDateTime) occurred_at = NULL;
  g_autofree char *note = NULL;
  g_auto(GStrv) emotions = NULL;
  TendEntry *entry;
  TendMood mood;

  g_return_val_if_fail (TEND_IS_ENTRY_EDITOR (self), NULL);
  g_return_val_if_fail (self->context != NULL, NULL);

  mood = tend_mood_picker_get_mood (self->mood_picker);
  if (mood == TEND_MOOD_NONE)
    return NULL;

  occurred_at = get_occurred_at (self);
  note = get_note (self);
  g_strstrip (note);
  emotions = get_emotions (self);

  if (base != NULL)
    {
      entry = tend_entry_copy (base);
      tend_entry_set_mood (entry, mood);
      tend_entry_set_note (entry, note);
      tend_entry_set_occurred_at (entry, occurred_at);
    }
  else
    entry = tend_entry_new (mood, note, occurred_at);

  tend_entry_set_energy (entry, get_energy (self));
  tend_entry_set_emotions (entry, (const char * const *) emotions);
  g_ptr_array_add (self->tag_order, NULL);
  tend_entry_set_tags (entry, (const char * const *) self->tag_order->pdata);
  g_ptr_array_remove_index (self->tag_order, self->tag_order->len - 1);

  return entry;
}

/**
 * tend_entry_editor_build_draft:
 *
 * Returns: (transfer full): what the editor shows, as a draft (the note as typed)
 */
TendDraft *
tend_entry_editor_build_draft (TendEntryEditor *self)
{
  TendDraft *draft;

  g_return_val_if_fail (TEND_IS_ENTRY_EDITOR (self), NULL);

  draft = tend_draft_new ();
  draft->mood = tend_mood_picker_get_mood (self->mood_picker);
  draft->energy = get_energy (self);
  g_strfreev (draft->emotions);
  draft->emotions = get_emotions (self);
  g_strfreev (draft->tags);
  g_ptr_array_add (self->tag_order, NULL);
  draft->tags = g_strdupv ((char **) self->tag_order->pdata);
  g_ptr_array_remove_index (self->tag_order, self->tag_order->len - 1);
  g_free (draft->note);
  draft->note = get_note (self);
  if (self->occurred_at != NULL)
    draft->occurred_at = g_date_time_ref (self->occurred_at);

  return draft;
}

/**
 * tend_entry_editor_set_editable:
 *
 * Makes the editor read-only while a save is under way, so what is saved is what was shown.
 */
void
tend_entry_editor_set_editable (TendEntryEditor *self,
                                gboolean         editable)
{
  g_return_if_fail (TEND_IS_ENTRY_EDITOR (self));

  gtk_text_view_set_editable (self->note_view, editable);
}
