/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-tags-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tend-tags-page.h"

/* The user's activities: add, rename, hide from the check-in, and reorder. Entries always
 * keep their activities; hiding only takes one out of the check-in form. */
struct _TendTagsPage
{
  AdwPreferencesPage    parent_instance;

  /* Owned */
  TendJournal          *journal;
  AdwPreferencesGroup  *add_group;
  AdwEntryRow          *add_row;
  AdwPreferencesGroup  *list_group;
  GPtrArray            *rows;

  gint64                focus_tag_id;  /* to give the focus to once the rows are rebuilt */
  guint                 rebuild_id;
};

G_DEFINE_FINAL_TYPE (TendTagsPage, tend_tags_page, ADW_TYPE_PREFERENCES_PAGE)

static void
show_error (TendTagsPage *self,
            const GError *error)
{
  GtkWidget *dialog = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_DIALOG);
  AdwToast *toast = adw_toast_new (error->message);

  if (dialog != NULL)
    adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (dialog), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static TendTag *
tag_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "tag");
}

/* The tag with @id as the journal has it now, and where it is in the list. */
static TendTag *
find_tag (TendTagsPage *self,
          gint64        id,
          guint        *position)
{
  GListModel *tags = tend_journal_get_tags (self->journal);

  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(TendTag) tag = g_list_model_get_item (tags, i);

      if (tend_tag_get_id (tag) == id)
        {
          if (position != NULL)
            *position = i;
          return g_steal_pointer (&tag);
        }
    }

  return NULL;
}

static void
rename_response_cb (AdwAlertDialog *dialog,
                    const char     *response,
                    TendTagsPage   *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TendTag) tag = NULL;
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "tag-id");

  if (!g_str_equal (response, "rename") || (tag = find_tag (self, id, NULL)) == NULL)
    return;

  if (g_str_equal (gtk_editable_get_text (entry), tend_tag_get_name (tag)))
    return;

  self->focus_tag_id = id;
  if (!tend_journal_rename_tag (self->journal, tag, gtk_editable_get_text (entry), &error))
    show_error (self, error);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TendTagsPage *self = TEND_TAGS_PAGE (widget);
  g_autoptr(TendTag) tag = find_tag (self, g_variant_get_int64 (parameter), NULL);
  AdwDialog *dialog;
  GtkWidget *entry;

  if (tag == NULL)
    return;

  dialog = adw_alert_dialog_new (_("Rename Activity"), NULL);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "rename", _("_Rename"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "rename",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "rename");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), tend_tag_get_name (tag));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Name"), -1);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), entry);

  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "tag-id",
                          g_memdup2 (&(gint64) { tend_tag_get_id (tag) }, sizeof (gint64)),
                          g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  adw_dialog_present (dialog, widget);
}

static void
shown_toggled_cb (GtkSwitch    *toggle,
                  GParamSpec   *pspec,
                  TendTagsPage *self)
{
  g_autoptr(GError) error = NULL;
  TendTag *tag = tag_of (GTK_WIDGET (toggle));
  gboolean hidden = !gtk_switch_get_active (toggle);

  if (hidden == tend_tag_get_hidden (tag))
    return;

  if (!tend_journal_set_tag_hidden (self->journal, tag, hidden, &error))
    show_error (self, error);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TendTagsPage *self = TEND_TAGS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = g_variant_get_int64 (parameter);
  int delta = g_str_equal (action_name, "tags.move-up") ? -1 : +1;
  g_autoptr(TendTag) tag = NULL;
  guint position;

  if ((tag = find_tag (self, id, &position)) == NULL || (delta < 0 && position == 0))
    return;

  self->focus_tag_id = id;
  if (!tend_journal_move_tag (self->journal, tag, (int) position + delta, &error))
    show_error (self, error);
}

/* An activity: its name, how often it is used, the switch that offers it in check-ins,
 * and a menu to rename and move it, as GNOME's lists do. */
static GtkWidget *
make_row (TendTagsPage *self,
          TendTag      *tag,
          guint         n_uses,
          guint         position,
          guint         n_tags)
{
  g_autofree char *switch_label = NULL;
  g_autofree char *menu_label = NULL;
  g_autofree char *uses = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) moves = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;
  GVariant *target = g_variant_new_int64 (tend_tag_get_id (tag));
  AdwActionRow *row;
  GtkWidget *toggle;
  GtkWidget *button;

  g_variant_ref_sink (target);

  row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tend_tag_get_name (tag));
  if (n_uses == 0)
    /* Translators: under an activity's name in Preferences, when no check-in has it */
    uses = g_strdup (_("Not used yet"));
  else
    /* Translators: under an activity's name in Preferences */
    uses = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Used in %u check-in",
                                         "Used in %u check-ins", n_uses),
                            n_uses);
  adw_action_row_set_subtitle (row, uses);
  g_object_set_data_full (G_OBJECT (row), "tag", g_object_ref (tag), g_object_unref);

  toggle = gtk_switch_new ();
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), !tend_tag_get_hidden (tag));
  gtk_widget_set_tooltip_text (toggle, _("Offer in Check-ins"));
  /* Translators: the name of a switch for screen readers; %s is an activity */
  switch_label = g_strdup_printf (_("Offer %s in check-ins"), tend_tag_get_name (tag));
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  switch_label, -1);
  g_object_set_data_full (G_OBJECT (toggle), "tag", g_object_ref (tag), g_object_unref);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (shown_toggled_cb), self);
  adw_action_row_add_suffix (row, toggle);

  item = g_menu_item_new (_("_Rename…"), NULL);
  g_menu_item_set_action_and_target_value (item, "tags.rename", target);
  g_menu_append_item (menu, item);
  g_clear_object (&item);
  if (position > 0)
    {
      item = g_menu_item_new (_("Move _Up"), NULL);
      g_menu_item_set_action_and_target_value (item, "tags.move-up", target);
      g_menu_append_item (moves, item);
      g_clear_object (&item);
    }
  if (position + 1 < n_tags)
    {
      item = g_menu_item_new (_("Move _Down"), NULL);
      g_menu_item_set_action_and_target_value (item, "tags.move-down", target);
      g_menu_append_item (moves, item);
      g_clear_object (&item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
  g_variant_unref (target);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("More Actions"));
  /* Translators: the name of a menu button for screen readers; %s is an activity */
  menu_label = g_strdup_printf (_("Actions for %s"), tend_tag_get_name (tag));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  menu_label, -1);
  g_object_set_data_full (G_OBJECT (button), "tag", g_object_ref (tag), g_object_unref);
  adw_action_row_add_suffix (row, button);

  return GTK_WIDGET (row);
}

static GtkWidget *
find_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
rebuild (TendTagsPage *self)
{
  GListModel *tags = tend_journal_get_tags (self->journal);
  guint n_tags = g_list_model_get_n_items (tags);
  gint64 focus_id = self->focus_tag_id;
  g_autoptr(GHashTable) uses = tend_journal_count_tag_uses (self->journal, NULL);

  self->focus_tag_id = 0;
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->list_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < n_tags; i++)
    {
      g_autoptr(TendTag) tag = g_list_model_get_item (tags, i);
      gint64 id = tend_tag_get_id (tag);
      guint n_uses = uses != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (uses, &id)) : 0;
      GtkWidget *row = make_row (self, tag, n_uses, i, n_tags);

      adw_preferences_group_add (self->list_group, row);
      g_ptr_array_add (self->rows, row);

      /* The keyboard stays with the activity just renamed or moved: on its menu */
      if (focus_id != 0 && id == focus_id)
        gtk_widget_grab_focus (find_menu_button (row));
    }
}

/* Rows are rebuilt after the change that emptied them returns: a row must not be
 * destroyed from inside its own signal. */
static gboolean
rebuild_cb (gpointer user_data)
{
  TendTagsPage *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
tags_changed_cb (TendTagsPage *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_cb, self);
}

static void
add_applied_cb (AdwEntryRow  *row,
                TendTagsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!tend_journal_create_tag (self->journal, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      show_error (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
tend_tags_page_dispose (GObject *object)
{
  TendTagsPage *self = TEND_TAGS_PAGE (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_object (&self->journal);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (tend_tags_page_parent_class)->dispose (object);
}

static void
tend_tags_page_class_init (TendTagsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = tend_tags_page_dispose;

  /* Each takes the id of an activity */
  gtk_widget_class_install_action (widget_class, "tags.rename", "x", rename_action);
  gtk_widget_class_install_action (widget_class, "tags.move-up", "x", move_action);
  gtk_widget_class_install_action (widget_class, "tags.move-down", "x", move_action);
}

static void
tend_tags_page_init (TendTagsPage *self)
{
  self->rows = g_ptr_array_new ();

  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (self), "activities");
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Activities"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "tend-journal-symbolic");

  self->add_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_description (self->add_group,
                                         _("Activities describe what a day held. Renaming one "
                                           "renames it in every check-in; switching one off "
                                           "only leaves it out of new check-ins."));
  self->add_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row), _("New Activity"));
  adw_entry_row_set_show_apply_button (self->add_row, TRUE);
  g_signal_connect (self->add_row, "apply", G_CALLBACK (add_applied_cb), self);
  adw_preferences_group_add (self->add_group, GTK_WIDGET (self->add_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->add_group);

  self->list_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->list_group, _("Your Activities"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->list_group);
}

AdwPreferencesPage *
tend_tags_page_new (TendJournal *journal)
{
  TendTagsPage *self;

  g_return_val_if_fail (TEND_IS_JOURNAL (journal), NULL);

  self = g_object_new (TEND_TYPE_TAGS_PAGE, NULL);
  self->journal = g_object_ref (journal);
  g_signal_connect_object (tend_journal_get_tags (journal), "items-changed",
                           G_CALLBACK (tags_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild (self);

  return ADW_PREFERENCES_PAGE (self);
}
