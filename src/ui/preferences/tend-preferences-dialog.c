/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tend-backups-page.h"
#include "tend-preferences-dialog.h"
#include "tend-tags-page.h"
#include "tend-usage-settings-page.h"

struct _TendPreferencesDialog
{
  AdwPreferencesDialog  parent_instance;

  /* Template widgets */
  AdwComboRow          *style_row;
  AdwSwitchRow         *care_check_row;

  /* Owned */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (TendPreferencesDialog, tend_preferences_dialog, ADW_TYPE_PREFERENCES_DIALOG)

/* The row lists the choices in the order of the schema's enum, so its position is the
 * enum's value. */
static gboolean
style_from_setting (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);
  guint position = 0;

  if (g_str_equal (nick, "light"))
    position = 1;
  else if (g_str_equal (nick, "dark"))
    position = 2;

  g_value_set_uint (value, position);
  return TRUE;
}

static GVariant *
style_to_setting (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  static const char * const nicks[] = { "default", "light", "dark" };
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (nicks))
    return NULL;

  return g_variant_new_string (nicks[position]);
}

static void
tend_preferences_dialog_dispose (GObject *object)
{
  TendPreferencesDialog *self = TEND_PREFERENCES_DIALOG (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tend_preferences_dialog_parent_class)->dispose (object);
}

static void
tend_preferences_dialog_class_init (TendPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tend_preferences_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/tend-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TendPreferencesDialog, style_row);
  gtk_widget_class_bind_template_child (widget_class, TendPreferencesDialog, care_check_row);
}

static void
tend_preferences_dialog_init (TendPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_APP_ID);
  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                style_from_setting, style_to_setting, NULL, NULL);
  g_settings_bind (self->settings, "care-check", self->care_check_row, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

/**
 * tend_preferences_dialog_new:
 * @context: Tend's data, for the pages about the journal
 */
TendPreferencesDialog *
tend_preferences_dialog_new (TendContext *context)
{
  TendPreferencesDialog *self;

  g_return_val_if_fail (TEND_IS_CONTEXT (context), NULL);

  /* Wide enough for the four pages' tabs whole, with their icons, in every language
   * (“النسخ الاحتياطية” is the longest); narrower windows show the tabs at the bottom. */
  self = g_object_new (TEND_TYPE_PREFERENCES_DIALOG, "content-width", 760, NULL);

  /* Screen time and reminders, "usage" */
  adw_preferences_dialog_add (ADW_PREFERENCES_DIALOG (self), tend_usage_settings_page_new ());

  /* The journal's own activities, when it is open */
  if (tend_context_get_journal (context) != NULL)
    adw_preferences_dialog_add (ADW_PREFERENCES_DIALOG (self),
                                tend_tags_page_new (tend_context_get_journal (context)));

  adw_preferences_dialog_add (ADW_PREFERENCES_DIALOG (self),
                              ADW_PREFERENCES_PAGE (tend_backups_page_new (context)));

  return self;
}
