/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-help-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tend-help-dialog.h"
#include "tend-helplines.h"

/* "Get Help Now": the emergency number of the chosen country, always first and large,
 * then its helplines, from the file Tend ships. Tend has no network of its own: a website
 * opens in the browser only when its button is pressed. The country is the locale's
 * until the person picks another, which is kept in the "help-country" setting. */

struct _TendHelpDialog
{
  AdwDialog        parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkLabel        *disclaimer_label;
  AdwComboRow     *country_row;
  GtkLabel        *emergency_number_label;
  GtkLabel        *emergency_service_label;
  GtkLabel        *emergency_more_label;
  GtkLabel        *emergency_note_label;
  GtkWidget       *shared_box;  /* Other Countries' numbers */
  GtkWidget       *emergency_copy_button;
  GtkBox          *lines_box;

  /* Owned */
  TendHelplines   *helplines;
  GSettings       *settings;
  GtkStringList   *codes;
  GtkUriLauncher  *launcher;

  gboolean         restoring;
};

G_DEFINE_FINAL_TYPE (TendHelpDialog, tend_help_dialog, ADW_TYPE_DIALOG)

/* Keeps a number reading left to right inside right-to-left text, where the groups of
 * digits of "0800 111 0 111" would otherwise be laid out from right to left. */
static char *
isolate (const char *text)
{
  return g_strconcat ("\u2066", text, "\u2069", NULL);
}

/* "https://www.samaritans.org/" as "www.samaritans.org". */
static char *
display_address (const char *address)
{
  const char *start = strstr (address, "://");
  g_autofree char *shown = g_strdup (start != NULL ? start + 3 : address);
  gsize length = strlen (shown);

  if (length > 0 && shown[length - 1] == '/')
    shown[length - 1] = '\0';

  return g_steal_pointer (&shown);
}

static void
add_row_button (AdwActionRow *row,
                const char   *icon_name,
                const char   *tooltip,
                const char   *action_name,
                const char   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  gtk_widget_add_css_class (button, "flat");
  adw_action_row_add_suffix (row, button);
}

/* A row with a number to call or to text, and a button that copies it. */
static GtkWidget *
number_row (const char *number,
            const char *what,
            const char *icon_name)
{
  g_autofree char *title = isolate (number);
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, what);
  adw_action_row_add_prefix (row, gtk_image_new_from_icon_name (icon_name));
  gtk_widget_add_css_class (GTK_WIDGET (row), "numeric");
  add_row_button (row, "edit-copy-symbolic", _("Copy Number"), "help.copy", number);

  return GTK_WIDGET (row);
}

static gboolean
link_activated_cb (TendHelpDialog *self,
                   const char     *uri)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "help.open", "s", uri);
  return TRUE;
}

static GtkWidget *
line_widget (TendHelpDialog     *self,
             const TendHelpline *line)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *name = gtk_label_new (line->name);
  GtkWidget *offer = gtk_label_new (tend_helpline_describe_offer (line));
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *footer;
  g_autofree char *details = tend_helpline_format_details (line);
  g_autofree char *languages = tend_helpline_format_languages (line);
  g_autofree char *checked = tend_helpline_format_verified_on (line);
  g_autofree char *checked_markup = NULL;
  g_autofree char *source_markup = NULL;
  g_autofree char *footer_markup = NULL;
  g_autoptr(GUri) source = g_uri_parse (line->source, G_URI_FLAGS_NONE, NULL);
  AdwActionRow *row;

  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (box), name);

  gtk_label_set_wrap (GTK_LABEL (offer), TRUE);
  gtk_label_set_xalign (GTK_LABEL (offer), 0);
  gtk_widget_add_css_class (offer, "dimmed");
  gtk_box_append (GTK_BOX (box), offer);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_margin_top (list, 6);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, name, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (box), list);

  for (guint i = 0; line->phones[i] != NULL; i++)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         number_row (line->phones[i], details, "call-start-symbolic"));

  if (line->text_number != NULL)
    {
      g_autofree char *how = NULL;
      g_autofree char *what = NULL;

      if (line->text_keyword != NULL)
        /* Translators: %s is the word a text message to a helpline starts with. */
        how = g_strdup_printf (_("Text message, starting with “%s”"), line->text_keyword);
      else
        how = g_strdup (_("Text message"));
      what = g_strconcat (how, "\n", details, NULL);

      gtk_list_box_append (GTK_LIST_BOX (list),
                           number_row (line->text_number, what, "chat-message-new-symbolic"));
    }

  if (line->whatsapp != NULL)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         number_row (line->whatsapp, _("WhatsApp"), "chat-message-new-symbolic"));

  if (line->website != NULL)
    {
      g_autofree char *address = display_address (line->website);
      g_autofree char *shown = isolate (address);

      row = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      /* Every row the same way: what to use as its title, what it is under it */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), shown);
      adw_action_row_set_subtitle (row, _("Website"));
      adw_action_row_add_prefix (row, gtk_image_new_from_icon_name ("web-browser-symbolic"));
      add_row_button (row, "adw-external-link-symbolic", _("Open Website"), "help.open",
                      line->website);
      gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row));
    }

  row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), languages);
  adw_action_row_set_subtitle (row, _("Languages"));
  adw_action_row_add_prefix (row,
                             gtk_image_new_from_icon_name ("preferences-desktop-locale-symbolic"));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row));

  /* Where the numbers were checked, as a link the person can follow to check them again. */
  checked_markup = g_markup_escape_text (checked, -1);
  source_markup = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", line->source,
                                           source != NULL ? g_uri_get_host (source)
                                                          : line->source);
  footer_markup = g_strdup_printf (_("Last checked on %s, against %s"), checked_markup,
                                   source_markup);
  footer = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (footer), footer_markup);
  gtk_label_set_wrap (GTK_LABEL (footer), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (footer), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (footer), 0);
  gtk_widget_add_css_class (footer, "caption");
  gtk_widget_add_css_class (footer, "dimmed");
  g_signal_connect_object (footer, "activate-link", G_CALLBACK (link_activated_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), footer);

  return box;
}

/* Other Countries: each emergency number Tend knows in two countries or more, beside the
 * countries where it applies, one row each (a row of its own keeps the number at the start
 * of the line in either direction). */
static void
show_shared_numbers (TendHelpDialog *self,
                     gboolean        shown)
{
  g_autoptr(GPtrArray) shared = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->shared_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->shared_box), child);
  gtk_widget_set_visible (self->shared_box, shown);
  if (!shown)
    return;

  shared = tend_helplines_list_emergency_numbers (self->helplines);
  for (guint i = 0; i < shared->len; i++)
    {
      TendSharedNumber *number = g_ptr_array_index (shared, i);
      g_autofree char *where =
        tend_helplines_format_country_names ((const char * const *) number->codes);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *digits = gtk_label_new (number->number);
      GtkWidget *countries = gtk_label_new (where);

      gtk_label_set_selectable (GTK_LABEL (digits), TRUE);
      gtk_label_set_xalign (GTK_LABEL (digits), 0);
      gtk_label_set_width_chars (GTK_LABEL (digits), 4);
      gtk_widget_set_valign (digits, GTK_ALIGN_START);
      gtk_widget_add_css_class (digits, "heading");
      gtk_widget_add_css_class (digits, "numeric");
      gtk_label_set_wrap (GTK_LABEL (countries), TRUE);
      gtk_label_set_xalign (GTK_LABEL (countries), 0);
      gtk_widget_set_hexpand (countries, TRUE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (countries),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, digits, NULL, -1);
      gtk_box_append (GTK_BOX (row), digits);
      gtk_box_append (GTK_BOX (row), countries);
      gtk_box_append (GTK_BOX (self->shared_box), row);
    }
}

static void
show_country (TendHelpDialog *self,
              const char     *code)
{
  const TendHelplineCountry *country = tend_helplines_lookup (self->helplines, code);
  TendEmergencyNumber *first;
  g_autoptr(GString) more = g_string_new (NULL);
  g_autofree char *number = NULL;
  const char *note;
  GtkWidget *child;

  g_assert (country != NULL);

  /* Other Countries: no number is the same everywhere, so none is shown first and large;
   * the ones Tend knows are listed with where they apply. */
  first = country->emergency->len > 0 ? g_ptr_array_index (country->emergency, 0) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->emergency_number_label), first != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->emergency_service_label), first != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->emergency_copy_button), first != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->lines_box), TRUE);
  if (first != NULL)
    {
      number = isolate (first->number);
      gtk_label_set_label (self->emergency_number_label, number);
      gtk_label_set_label (self->emergency_service_label,
                           tend_emergency_service_get_label (first->service));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->emergency_copy_button), "s",
                                        first->number);
    }
  show_shared_numbers (self, first == NULL);

  for (guint i = 1; i < country->emergency->len; i++)
    {
      TendEmergencyNumber *other = g_ptr_array_index (country->emergency, i);
      g_autofree char *digits = isolate (other->number);

      if (i > 1)
        g_string_append (more, C_("list of emergency numbers", ", "));
      g_string_append_printf (more, C_("emergency number", "%s (%s)"), digits,
                              tend_emergency_service_get_label (other->service));
    }

  if (more->len > 0)
    {
      /* Translators: %s is a list of more emergency numbers, as in “112 (All emergency
       * services)”. */
      g_autofree char *text = g_strdup_printf (_("Also: %s"), more->str);

      gtk_label_set_label (self->emergency_more_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->emergency_more_label), more->len > 0);

  note = tend_helplines_get_emergency_note (country->code);
  gtk_label_set_label (self->emergency_note_label, note);
  gtk_widget_set_visible (GTK_WIDGET (self->emergency_note_label), note != NULL);


  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lines_box))) != NULL)
    gtk_box_remove (self->lines_box, child);

  for (guint i = 0; i < country->lines->len; i++)
    gtk_box_append (self->lines_box, line_widget (self, g_ptr_array_index (country->lines, i)));

  if (country->lines->len == 0)
    {
      GtkWidget *label = gtk_label_new (tend_helplines_get_no_lines_note ());

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (self->lines_box, label);
    }
}

/* No country yet (the locale names none): the dialog asks for it first. */
static void
show_no_country (TendHelpDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->emergency_number_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->emergency_service_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->emergency_more_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->emergency_copy_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->lines_box), FALSE);
  gtk_widget_set_visible (self->shared_box, FALSE);
  gtk_label_set_label (self->emergency_note_label,
                       _("Choose the country you are in, above, to see its emergency number "
                         "and helplines."));
  gtk_widget_set_visible (GTK_WIDGET (self->emergency_note_label), TRUE);
}

static guint
find_code (TendHelpDialog *self,
           const char     *code)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->codes));

  for (guint i = 0; code != NULL && i < n; i++)
    if (g_ascii_strcasecmp (gtk_string_list_get_string (self->codes, i), code) == 0)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static void
country_selected_cb (TendHelpDialog *self)
{
  guint position = adw_combo_row_get_selected (self->country_row);
  const char *code;

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  code = gtk_string_list_get_string (self->codes, position);
  if (code[0] == '\0')
    {
      show_no_country (self);
      return;
    }

  show_country (self, code);

  /* Only a choice the person makes is kept; until then the locale decides. */
  if (!self->restoring)
    g_settings_set_string (self->settings, "help-country", code);
}

/* The saved country, or the locale's when there is none or the file lost it. */
static void
restore_country (TendHelpDialog *self)
{
  g_autofree char *saved = g_settings_get_string (self->settings, "help-country");
  guint position = find_code (self, saved);

  if (position == GTK_INVALID_LIST_POSITION)
    position = find_code (self, tend_helplines_get_default_country (self->helplines, NULL));
  /* Neither: the first item, which asks for the country */
  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;

  self->restoring = TRUE;
  if (adw_combo_row_get_selected (self->country_row) == position)
    country_selected_cb (self);
  else
    adw_combo_row_set_selected (self->country_row, position);
  self->restoring = FALSE;
}

static GtkWidget *
find_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_search_entry (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static char *
country_name_cb (GtkStringObject *item,
                 gpointer         user_data)
{
  const char *code = gtk_string_object_get_string (item);

  if (code[0] == '\0')
    return g_strdup (_("Choose Your Country"));

  return g_strdup (tend_helplines_get_country_name (code));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TendHelpDialog *self = TEND_HELP_DIALOG (widget);
  AdwToast *toast;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget),
                          g_variant_get_string (parameter, NULL));

  toast = adw_toast_new (_("Number copied"));
  adw_toast_set_timeout (toast, 2);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
launched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TendHelpDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (object), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    {
      g_message ("Could not open a website: %s", error->message);
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("The website could not be opened")));
    }
}

/* help.open: the browser, on this press only. */
static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TendHelpDialog *self = TEND_HELP_DIALOG (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  g_clear_object (&self->launcher);
  self->launcher = gtk_uri_launcher_new (g_variant_get_string (parameter, NULL));
  gtk_uri_launcher_launch (self->launcher, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                           NULL, launched_cb, g_object_ref (self));
}

static void
tend_help_dialog_dispose (GObject *object)
{
  TendHelpDialog *self = TEND_HELP_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TEND_TYPE_HELP_DIALOG);
  g_clear_object (&self->helplines);
  g_clear_object (&self->settings);
  g_clear_object (&self->codes);
  g_clear_object (&self->launcher);

  G_OBJECT_CLASS (tend_help_dialog_parent_class)->dispose (object);
}

static void
tend_help_dialog_class_init (TendHelpDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tend_help_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/tend-help-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TendHelpDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TendHelpDialog, disclaimer_label);
  gtk_widget_class_bind_template_child (widget_class, TendHelpDialog, country_row);
  gtk_widget_class_bind_template_child (widget_class, TendHelpDialog, emergency_number_label);
  gtk_widget_class_bind_template_child (widget_class, TendHelpDialog, emergency_service_label);
  gtk_widget_class_bind_template_child (widget_class, TendHelpDialog, emergency_more_label);
  gtk_widget_class_bind_template_child (widget_class, TendHelpDialog, emergency_note_label);
  gtk_widget_class_bind_template_child (widget_class, TendHelpDialog, emergency_copy_button);
  gtk_widget_class_bind_template_child (widget_class, TendHelpDialog, lines_box);
  gtk_widget_class_bind_template_callback (widget_class, country_selected_cb);

  gtk_widget_class_install_action (widget_class, "help.copy", "s", copy_action);
  gtk_widget_class_install_action (widget_class, "help.open", "s", open_action);
}

static void
tend_help_dialog_init (TendHelpDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = NULL;
  g_autofree char *language = NULL;
  g_autofree char *saved = NULL;
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The shared numbers of Other Countries, under the note that explains them */
  self->shared_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (self->shared_box, 6);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->emergency_note_label))),
                              self->shared_box, GTK_WIDGET (self->emergency_note_label));
  /* Hidden until a country with a number is shown, which sets the number */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->emergency_copy_button), "s", "");

  gtk_label_set_label (self->disclaimer_label, tend_helplines_get_disclaimer ());

  /* The file is part of Tend and checked by its tests; it cannot fail here. */
  self->helplines = tend_helplines_new_builtin (&error);
  if (self->helplines == NULL)
    g_error ("The built-in helplines are damaged: %s", error->message);

  self->settings = g_settings_new (BASE_APP_ID);

  /* When neither a choice nor the locale names a country, the dialog asks first: an item
   * that asks heads the list, then the countries of the locale's language. */
  language = tend_helplines_language_from_locale (g_get_language_names ()[0]);
  codes = tend_helplines_list_codes_for_language (self->helplines, language);
  saved = g_settings_get_string (self->settings, "help-country");
  self->codes = gtk_string_list_new (NULL);
  if (tend_helplines_lookup (self->helplines, saved) == NULL &&
      tend_helplines_get_default_country (self->helplines, NULL) == NULL)
    gtk_string_list_append (self->codes, "");
  gtk_string_list_splice (self->codes, g_list_model_get_n_items (G_LIST_MODEL (self->codes)), 0,
                          (const char * const *) codes);
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (country_name_cb), NULL, NULL);
  adw_combo_row_set_expression (self->country_row, expression);
  gtk_expression_unref (expression);

  /* The list's search entry comes from libadwaita, which has no Arabic words: its
   * hint would read “Search” in an Arabic dialog. Tend says it in its own words. */
  {
    GtkWidget *search_entry = find_search_entry (GTK_WIDGET (self->country_row));

    if (search_entry != NULL)
      {
        gtk_search_entry_set_placeholder_text (GTK_SEARCH_ENTRY (search_entry),
                                               _("Search countries"));
        gtk_accessible_update_property (GTK_ACCESSIBLE (search_entry),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search countries"),
                                        -1);
      }
  }

  self->restoring = TRUE;
  adw_combo_row_set_model (self->country_row, G_LIST_MODEL (self->codes));
  self->restoring = FALSE;

  restore_country (self);

  /* Asking: the country comes first for the keyboard too, so Space opens the list. */
  if (tend_help_dialog_get_country (self) == NULL)
    adw_dialog_set_focus (ADW_DIALOG (self), GTK_WIDGET (self->country_row));
}

/**
 * tend_help_dialog_new:
 *
 * Returns: (transfer floating): the emergency number and helplines of the person's country
 */
TendHelpDialog *
tend_help_dialog_new (void)
{
  return g_object_new (TEND_TYPE_HELP_DIALOG, NULL);
}

/**
 * tend_help_dialog_get_country:
 *
 * Returns: (nullable): the code of the country shown, as "FR", or "other"; %NULL while
 *   the dialog asks for the country
 */
const char *
tend_help_dialog_get_country (TendHelpDialog *self)
{
  guint position;

  g_return_val_if_fail (TEND_IS_HELP_DIALOG (self), NULL);

  position = adw_combo_row_get_selected (self->country_row);
  if (position == GTK_INVALID_LIST_POSITION ||
      gtk_string_list_get_string (self->codes, position)[0] == '\0')
    return NULL;
  return gtk_string_list_get_string (self->codes, position);
}
