/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "tend-application.h"
#include "tend-help-dialog.h"
#include "tend-test-utils.h"
#include "tend-test-widgets.h"
#include "tend-window.h"

/* "Get Help Now" in the real application: opened by its action, its button and its
 * shortcut, then used the way a person does. The tests run in the C locale, which names
 * no country, so the dialog starts by asking for one. */

/* One application for the whole program, as in Tend: registering it runs its startup. */
static TendApplication *application;

static TendApplication *
new_application (void)
{
  g_autoptr(GError) error = NULL;

  if (application == NULL)
    {
      application = tend_application_new ();
      /* Its own instance, whatever else runs on the test's bus. */
      g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
      g_assert_no_error (error);
    }

  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (application)));
  return application;
}

/* Leaves the application with no window, for the next test. */
static void
close_application (TendApplication *app)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
}

static TendWindow *
active_window (TendApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (TEND_IS_WINDOW (window));
  return TEND_WINDOW (window);
}

static gboolean
content_mapped (gpointer data)
{
  return gtk_widget_get_mapped (adw_dialog_get_child (data));
}

/* The dialog over @window, once its content shows (it opens with an animation). */
static TendHelpDialog *
visible_help_dialog (TendWindow *window)
{
  AdwDialog *dialog;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  if (!TEND_IS_HELP_DIALOG (dialog))
    return NULL;

  tend_test_wait_until (content_mapped, dialog);
  return TEND_HELP_DIALOG (dialog);
}

/* The text of @label without the marks that keep numbers left to right. */
static char *
plain_text (GtkLabel *label)
{
  g_autoptr(GString) text = g_string_new (gtk_label_get_text (label));

  g_string_replace (text, "\u2066", "", 0);
  g_string_replace (text, "\u2069", "", 0);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = tend_test_collect_mapped (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      g_autofree char *shown = plain_text (g_ptr_array_index (labels, i));

      if (g_str_equal (shown, text))
        return TRUE;
    }

  return FALSE;
}

static gboolean
shows_text_containing (GtkWidget  *root,
                       const char *part)
{
  g_autoptr(GPtrArray) labels = tend_test_collect_mapped (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      g_autofree char *shown = plain_text (g_ptr_array_index (labels, i));

      if (strstr (shown, part) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* The mapped buttons of @action_name, in order. */
static GPtrArray *
action_buttons (GtkWidget  *root,
                const char *action_name)
{
  g_autoptr(GPtrArray) buttons = tend_test_collect_mapped (root, GTK_TYPE_BUTTON);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), action_name) == 0)
        g_ptr_array_add (found, button);
    }

  return found;
}

static const char *
action_target (GtkWidget *button)
{
  GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));

  g_assert_nonnull (target);
  return g_variant_get_string (target, NULL);
}

static void
choose_country (TendHelpDialog *dialog,
                const char     *code)
{
  AdwComboRow *row = ADW_COMBO_ROW (tend_test_find_descendant (GTK_WIDGET (dialog),
                                                               ADW_TYPE_COMBO_ROW));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), code))
        {
          adw_combo_row_set_selected (row, i);
          gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
          return;
        }
    }

  g_assert_not_reached ();
}

static void
text_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
text_arrived (gpointer data)
{
  return *(char **) data != NULL;
}

static char *
read_clipboard (GtkWidget *widget)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, text_read_cb, &text);
  tend_test_wait_until (text_arrived, &text);

  return text;
}

static void
test_opens_from_action_button_and_shortcut (void)
{
  TendApplication *app = new_application ();
  g_autofree char **accels = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  TendHelpDialog *dialog;
  TendWindow *window;

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help-now");
  g_assert_cmpuint (g_strv_length (accels), ==, 1);
  {
    guint key;
    GdkModifierType mods;

    g_assert_true (gtk_accelerator_parse (accels[0], &key, &mods));
    g_assert_cmpuint (key, ==, GDK_KEY_h);
    g_assert_cmpuint (mods, ==, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  }

  /* The action opens the window itself when there is none, with the dialog over it. */
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_action_group_activate_action (G_ACTION_GROUP (app), "help-now", NULL);
  window = active_window (app);
  dialog = visible_help_dialog (window);
  g_assert_nonnull (dialog);

  /* Asking again while it shows does not stack a second one. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "help-now", NULL);
  g_assert_true (visible_help_dialog (window) == dialog);

  /* The header bar's button, named for screen readers. */
  adw_dialog_force_close (ADW_DIALOG (dialog));
  g_assert_null (visible_help_dialog (window));
  buttons = action_buttons (GTK_WIDGET (window), "app.help-now");
  g_assert_cmpuint (buttons->len, ==, 1);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, 0)), ==,
                   "Get Help Now");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (g_ptr_array_index (buttons, 0)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Get Help Now");
  tend_test_click (g_ptr_array_index (buttons, 0));
  g_assert_nonnull (visible_help_dialog (window));

  close_application (app);
}

/* A journal that cannot be opened: help is still one press away. */
static void
test_opens_from_recovery_page (void)
{
  TendApplication *app = new_application ();
  g_autofree char *data_dir = tend_test_make_data_dir ();
  g_autofree char *path = g_build_filename (data_dir, "journal.db", NULL);
  g_autoptr(TendContext) context = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(GError) error = NULL;
  TendWindow *window;

  g_assert_cmpint (g_mkdir_with_parents (data_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "This is not a journal.", -1, NULL));
  context = tend_context_new (data_dir, NULL);
  g_assert_false (tend_context_open (context, &error));

  window = tend_window_new (app, context);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  buttons = action_buttons (GTK_WIDGET (window), "app.help-now");
  g_assert_cmpuint (buttons->len, ==, 1);
  g_assert_nonnull (gtk_widget_get_ancestor (g_ptr_array_index (buttons, 0),
                                             ADW_TYPE_TOOLBAR_VIEW));
  g_assert_false (gtk_widget_get_mapped (tend_test_find_descendant (GTK_WIDGET (window),
                                                                    ADW_TYPE_VIEW_STACK)));
  tend_test_click (g_ptr_array_index (buttons, 0));
  g_assert_nonnull (visible_help_dialog (window));

  close_application (app);
}

static void
test_country_lines_copy_and_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  TendApplication *app = new_application ();
  g_autoptr(GPtrArray) copy_buttons = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  g_autofree char *copied = NULL;
  TendHelpDialog *dialog;
  TendWindow *window;

  g_settings_reset (settings, "help-country");

  g_action_group_activate_action (G_ACTION_GROUP (app), "help-now", NULL);
  window = active_window (app);
  dialog = visible_help_dialog (window);
  g_assert_nonnull (dialog);

  /* The C locale names no country: the dialog asks for it first, and no number is shown
   * as if it were everyone's. */
  g_assert_null (tend_help_dialog_get_country (dialog));
  g_assert_true (shows_text_containing (GTK_WIDGET (dialog), "Choose the country you are in"));
  g_assert_false (shows_text (GTK_WIDGET (dialog), "112"));
  copy_buttons = action_buttons (GTK_WIDGET (dialog), "help.copy");
  g_assert_cmpuint (copy_buttons->len, ==, 0);
  g_clear_pointer (&copy_buttons, g_ptr_array_unref);
  g_assert_true (shows_text_containing (GTK_WIDGET (dialog), "Tend is not a crisis service."));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Talk to Someone You Trust"));
  /* Opening it chose nothing: the locale still decides. */
  g_assert_cmpstr (g_settings_get_string (settings, "help-country"), ==, "");

  /* Other Countries: the numbers Tend knows, each with where it applies, none first */
  choose_country (dialog, "other");
  g_assert_true (shows_text_containing (GTK_WIDGET (dialog), "is not the same in every country"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "112"));
  g_assert_true (shows_text_containing (GTK_WIDGET (dialog), "Belgium, France, "));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "911"));
  g_assert_true (shows_text_containing (GTK_WIDGET (dialog), "Canada, "));
  copy_buttons = action_buttons (GTK_WIDGET (dialog), "help.copy");
  g_assert_cmpuint (copy_buttons->len, ==, 0);
  g_clear_pointer (&copy_buttons, g_ptr_array_unref);
  g_assert_true (shows_text_containing (GTK_WIDGET (dialog), "has no helplines listed"));
  g_assert_cmpstr (g_settings_get_string (settings, "help-country"), ==, "other");

  /* France: SAMU first and large, 112 after it, and the 3114. */
  choose_country (dialog, "FR");
  g_assert_cmpstr (tend_help_dialog_get_country (dialog), ==, "FR");
  g_assert_true (shows_text (GTK_WIDGET (dialog), "15"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Ambulance"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Also: 112 (All emergency services)"));
  g_assert_false (shows_text_containing (GTK_WIDGET (dialog), "is not the same in every country"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "3114 – Numéro national de prévention du suicide"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "3114"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Open day and night, every day · Free"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "3114.fr"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "French"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Last checked on December 7, 2026, against 3114.fr"));
  /* Bullying, and children in danger */
  g_assert_true (shows_text (GTK_WIDGET (dialog), "3018 – Association e-Enfance"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Support with bullying and harassment, at school, at work and online"));
  g_assert_false (shows_text_containing (GTK_WIDGET (dialog), "has no helplines listed"));

  /* The choice is kept. */
  g_assert_cmpstr (g_settings_get_string (settings, "help-country"), ==, "FR");

  /* Copy: the emergency number first, then the line's. */
  copy_buttons = action_buttons (GTK_WIDGET (dialog), "help.copy");
  g_assert_cmpuint (copy_buttons->len, ==, 4);
  g_assert_cmpstr (action_target (g_ptr_array_index (copy_buttons, 0)), ==, "15");
  g_assert_cmpstr (action_target (g_ptr_array_index (copy_buttons, 1)), ==, "3114");
  g_assert_cmpstr (action_target (g_ptr_array_index (copy_buttons, 2)), ==, "3018");
  g_assert_cmpstr (action_target (g_ptr_array_index (copy_buttons, 3)), ==, "119");

  tend_test_click (g_ptr_array_index (copy_buttons, 0));
  copied = read_clipboard (GTK_WIDGET (dialog));
  g_assert_cmpstr (copied, ==, "15");
  g_clear_pointer (&copied, g_free);

  tend_test_click (g_ptr_array_index (copy_buttons, 1));
  copied = read_clipboard (GTK_WIDGET (dialog));
  g_assert_cmpstr (copied, ==, "3114");

  /* The website opens only from its button, which holds its address. */
  buttons = action_buttons (GTK_WIDGET (dialog), "help.open");
  g_assert_cmpuint (buttons->len, ==, 1);
  g_assert_cmpstr (action_target (g_ptr_array_index (buttons, 0)), ==, "https://3114.fr");
  g_clear_pointer (&buttons, g_ptr_array_unref);

  /* Every button without words has a name. */
  buttons = tend_test_collect_mapped (GTK_WIDGET (dialog), GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (gtk_button_get_icon_name (GTK_BUTTON (button)) != NULL)
        g_assert_nonnull (gtk_widget_get_tooltip_text (button));
    }

  /* The United States: a line reached by text message alone. */
  choose_country (dialog, "US");
  g_assert_true (shows_text (GTK_WIDGET (dialog), "911"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "741741"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "English, Spanish"));
  g_assert_cmpstr (g_settings_get_string (settings, "help-country"), ==, "US");

  /* The United Kingdom: a text line with the word to start with. */
  choose_country (dialog, "GB");
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Text message, starting with “SHOUT”\n"
                                                  "Open day and night, every day · Free"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Childline"));

  /* Opened again, it shows the country last chosen. */
  choose_country (dialog, "FR");
  adw_dialog_force_close (ADW_DIALOG (dialog));
  g_action_group_activate_action (G_ACTION_GROUP (app), "help-now", NULL);
  dialog = visible_help_dialog (window);
  g_assert_cmpstr (tend_help_dialog_get_country (dialog), ==, "FR");
  g_assert_true (shows_text (GTK_WIDGET (dialog), "15"));

  /* Back to the locale's choice once the setting is reset: asking again. */
  g_settings_reset (settings, "help-country");
  adw_dialog_force_close (ADW_DIALOG (dialog));
  g_action_group_activate_action (G_ACTION_GROUP (app), "help-now", NULL);
  dialog = visible_help_dialog (window);
  g_assert_null (tend_help_dialog_get_country (dialog));

  close_application (app);
}

/* A locale with a language and no country (a plain "ar", as some systems set): the dialog
 * asks for the country, with the countries where Arabic is read at the top, and keeps the
 * choice. */
static void
test_plain_language_asks_first (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  const char *arabic[] = { "DZ", "BH", "EG", "IQ", "JO", "KW", "LB", "MA", "OM", "PS", "QA",
                           "SA", "TN", "AE" };
  TendApplication *app = new_application ();
  TendHelpDialog *dialog;
  TendWindow *window;
  AdwComboRow *row;
  GListModel *model;

  g_settings_reset (settings, "help-country");
  g_setenv ("LC_ALL", "ar", TRUE);

  g_action_group_activate_action (G_ACTION_GROUP (app), "help-now", NULL);
  window = active_window (app);
  dialog = visible_help_dialog (window);
  g_assert_null (tend_help_dialog_get_country (dialog));
  g_assert_true (shows_text_containing (GTK_WIDGET (dialog), "Choose the country you are in"));

  /* The country is where the keyboard starts */
  row = ADW_COMBO_ROW (tend_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));
  g_assert_true (adw_dialog_get_focus (ADW_DIALOG (dialog)) == GTK_WIDGET (row));

  /* Its search speaks Tend's words, which are translated (libadwaita's are not, in Arabic) */
  {
    GtkWidget *entry = tend_test_find_descendant (GTK_WIDGET (row), GTK_TYPE_SEARCH_ENTRY);

    g_assert_nonnull (entry);
    g_assert_cmpstr (gtk_search_entry_get_placeholder_text (GTK_SEARCH_ENTRY (entry)), ==,
                     "Search countries");
  }
  model = adw_combo_row_get_model (row);
  for (guint i = 0; i < G_N_ELEMENTS (arabic); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i + 1);

      g_assert_cmpstr (gtk_string_object_get_string (item), ==, arabic[i]);
    }

  /* Morocco: the ambulance first and large, and the choice is kept */
  choose_country (dialog, "MA");
  g_assert_cmpstr (tend_help_dialog_get_country (dialog), ==, "MA");
  g_assert_true (shows_text (GTK_WIDGET (dialog), "150"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Ambulance"));
  g_assert_cmpstr (g_settings_get_string (settings, "help-country"), ==, "MA");

  adw_dialog_force_close (ADW_DIALOG (dialog));
  g_action_group_activate_action (G_ACTION_GROUP (app), "help-now", NULL);
  dialog = visible_help_dialog (window);
  g_assert_cmpstr (tend_help_dialog_get_country (dialog), ==, "MA");

  g_settings_reset (settings, "help-country");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  close_application (app);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tend_test_widgets_init (&argc, &argv);

  g_test_add_func ("/help-dialog/opens-from-action-button-and-shortcut",
                   test_opens_from_action_button_and_shortcut);
  g_test_add_func ("/help-dialog/opens-from-recovery-page", test_opens_from_recovery_page);
  g_test_add_func ("/help-dialog/country-lines-copy-and-settings",
                   test_country_lines_copy_and_settings);
  g_test_add_func ("/help-dialog/plain-language-asks-first", test_plain_language_asks_first);

  status = g_test_run ();
  g_clear_object (&application);
  tend_test_widgets_cleanup ();
  return status;
}
