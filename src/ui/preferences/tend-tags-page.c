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

/* The name a tag has now: a row's tag may be an older snapshot until the rows are rebuilt. */
static const char *
current_name (TendTagsPage *self,
              TendTag      *tag)
{
  GListModel *tags = tend_journal_get_tags (self->journal);

  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(TendTag) other = g_list_model_get_item (tags, i);

      if (tend_tag_get_id (other) == tend_tag_get_id (tag))
        return g_intern_string (tend_tag_get_name (other));
    }

  return tend_tag_get_name (tag);
}

static void
rename_applied_cb (AdwEntryRow  *row,
                   TendTagsPage *self)
{
  g_autoptr(GError) error = NULL;
  TendTag *tag = tag_of (GTK_WIDGET (row));

  if (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (row)), current_name (self, tag)))
    return;

  if (!tend_journal_rename_tag (self->journal, tag, gtk_editable_get_text (GTK_EDITABLE (row)),
                                &error))
    {
      show_error (self, error);
      gtk_editable_set_text (GTK_EDITABLE (row), current_name (self, tag));
    }
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
move_tag (TendTagsPage *self,
          GtkWidget    *button,
          int           delta)
{
  g_autoptr(GError) error = NULL;
  TendTag *tag = tag_of (button);
  int position = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "position"));

  if (position + delta < 0)
    return;

  if (!tend_journal_move_tag (self->journal, tag, position + delta, &error))
    show_error (self, error);
}

static void
move_up_clicked_cb (GtkButton    *button,
                    TendTagsPage *self)
{
  move_tag (self, GTK_WIDGET (button), -1);
}

static void
move_down_clicked_cb (GtkButton    *button,
                      TendTagsPage *self)
{
  move_tag (self, GTK_WIDGET (button), +1);
}

static GtkWidget *
make_move_button (TendTagsPage *self,
                  TendTag      *tag,
                  guint         position,
                  gboolean      up)
{
  g_autofree char *label = NULL;
  GtkWidget *button;

  button = gtk_button_new_from_icon_name (up ? "go-up-symbolic" : "go-down-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, up ? _("Move Up") : _("Move Down"));
  if (up)
    /* Translators: the name of a button for screen readers; %s is an activity */
    label = g_strdup_printf (_("Move %s up"), tend_tag_get_name (tag));
  else
    /* Translators: the name of a button for screen readers; %s is an activity */
    label = g_strdup_printf (_("Move %s down"), tend_tag_get_name (tag));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "tag", g_object_ref (tag), g_object_unref);
  g_object_set_data (G_OBJECT (button), "position", GUINT_TO_POINTER (position));
  g_signal_connect (button, "clicked",
                    up ? G_CALLBACK (move_up_clicked_cb) : G_CALLBACK (move_down_clicked_cb), self);

  return button;
}

static GtkWidget *
make_row (TendTagsPage *self,
          TendTag      *tag,
          guint         n_uses,
          guint         position,
          guint         n_tags)
{
  g_autofree char *switch_label = NULL;
  g_autofree char *uses = NULL;
  AdwEntryRow *row;
  GtkWidget *toggle;
  GtkWidget *up, *down;

  row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (n_uses == 0)
    /* Translators: above an activity's name in Preferences, when no check-in has it */
    uses = g_strdup (_("Not used yet"));
  else
    /* Translators: above an activity's name in Preferences */
    uses = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Used in %u check-in",
                                         "Used in %u check-ins", n_uses),
                            n_uses);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), uses);
  gtk_editable_set_text (GTK_EDITABLE (row), tend_tag_get_name (tag));
  adw_entry_row_set_show_apply_button (row, TRUE);
  g_object_set_data_full (G_OBJECT (row), "tag", g_object_ref (tag), g_object_unref);
  g_signal_connect (row, "apply", G_CALLBACK (rename_applied_cb), self);

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

  up = make_move_button (self, tag, position, TRUE);
  down = make_move_button (self, tag, position, FALSE);
  gtk_widget_set_sensitive (up, position > 0);
  gtk_widget_set_sensitive (down, position + 1 < n_tags);

  adw_entry_row_add_suffix (row, toggle);
  adw_entry_row_add_suffix (row, up);
  adw_entry_row_add_suffix (row, down);

  return GTK_WIDGET (row);
}

static GtkWidget *
find_move_button (GtkWidget *root,
                  gboolean   up)
{
  if (GTK_IS_BUTTON (root) && tag_of (root) != NULL &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)),
                 up ? "go-up-symbolic" : "go-down-symbolic") == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_move_button (child, up);

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
  GtkWidget *focus = NULL;
  gint64 focused_id = 0;
  gboolean focus_up = FALSE;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GHashTable) uses = tend_journal_count_tag_uses (self->journal, NULL);

  /* Keep the keyboard focus on the same tag's button after moving it. */
  if (root != NULL && (focus = gtk_root_get_focus (root)) != NULL &&
      gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_group)))
    {
      GtkWidget *button = GTK_IS_BUTTON (focus) ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_BUTTON);

      if (button != NULL && tag_of (button) != NULL)
        {
          focused_id = tend_tag_get_id (tag_of (button));
          focus_up = g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (button)), "go-up-symbolic") == 0;
        }
    }

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

      if (focused_id != 0 && tend_tag_get_id (tag) == focused_id)
        {
          GtkWidget *target = find_move_button (row, focus_up);

          if (target != NULL && gtk_widget_get_sensitive (target))
            gtk_widget_grab_focus (target);
          else
            gtk_widget_grab_focus (row);
        }
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
  G_OBJECT_CLASS (klass)->dispose = tend_tags_page_dispose;
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
