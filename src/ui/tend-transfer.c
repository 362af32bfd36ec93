/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-transfer"

#include "config.h"

#include <glib/gi18n.h>

#include "tend-export.h"
#include "tend-import.h"
#include "tend-transfer.h"

/* The Import… and Export… flows of the window: a file dialog (through the portal when
 * there is one), the work on worker threads, then a toast when it went well or an alert
 * that says in plain words what went wrong. */

typedef struct
{
  GtkWindow   *parent;
  TendJournal *journal;
  GListModel  *entries;  /* nullable: the whole journal */
} Transfer;

static Transfer *
transfer_new (GtkWindow   *parent,
              TendJournal *journal,
              GListModel  *entries)
{
  Transfer *transfer = g_new0 (Transfer, 1);

  transfer->parent = g_object_ref (parent);
  transfer->journal = g_object_ref (journal);
  transfer->entries = entries != NULL ? g_object_ref (entries) : NULL;
  return transfer;
}

static void
transfer_free (Transfer *transfer)
{
  g_clear_object (&transfer->parent);
  g_clear_object (&transfer->journal);
  g_clear_object (&transfer->entries);
  g_free (transfer);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Transfer, transfer_free)

/* The window's toasts, when its content is a toast overlay as Tend's window is. */
static void
show_toast (GtkWindow  *parent,
            const char *title)
{
  GtkWidget *content = NULL;
  AdwToast *previous;
  AdwToast *toast;

  if (ADW_IS_APPLICATION_WINDOW (parent))
    content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (parent));
  else if (ADW_IS_WINDOW (parent))
    content = adw_window_get_content (ADW_WINDOW (parent));

  if (!ADW_IS_TOAST_OVERLAY (content))
    return;

  /* The news of one import or export at a time: a new one replaces the last at once. */
  previous = g_object_get_data (G_OBJECT (parent), "tend-transfer-toast");
  if (previous != NULL)
    adw_toast_dismiss (previous);

  toast = adw_toast_new (title);
  g_object_set_data_full (G_OBJECT (parent), "tend-transfer-toast", g_object_ref (toast),
                          g_object_unref);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (content), toast);
}

static void
show_alert (GtkWindow  *parent,
            const char *heading,
            const char *body)
{
  AdwDialog *alert = adw_alert_dialog_new (heading, body);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), "close", _("_Close"));
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), "close");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), "close");
  adw_dialog_present (alert, GTK_WIDGET (parent));
}

static gboolean
dialog_dismissed (const GError *error)
{
  return g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) ||
         g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED);
}

static GtkFileFilter *
new_filter (const char *name,
            const char *mime_type,
            const char *suffix,
            ...)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  va_list args;

  gtk_file_filter_set_name (filter, name);
  va_start (args, suffix);
  for (; mime_type != NULL; mime_type = va_arg (args, const char *))
    {
      gtk_file_filter_add_mime_type (filter, mime_type);
      gtk_file_filter_add_suffix (filter, suffix);
      suffix = va_arg (args, const char *);
    }
  va_end (args);

  return filter;
}

/* Import -------------------------------------------------------------------------------- */

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Transfer) transfer = user_data;
  g_autoptr(GError) error = NULL;
  guint n_read = 0, n_added = 0;

  if (!tend_import_file_finish (TEND_JOURNAL (object), result, &n_read, &n_added, &error))
    {
      show_alert (transfer->parent, _("Nothing Was Imported"), error->message);
      return;
    }

  if (n_added == 0)
    {
      show_toast (transfer->parent, _("Nothing new to import"));
    }
  else
    {
      g_autofree char *title = g_strdup_printf (ngettext ("Imported %u check-in",
                                                          "Imported %u check-ins", n_added),
                                                n_added);

      show_toast (transfer->parent, title);
    }
}

/**
 * tend_transfer_import_file:
 * @parent: the window that shows how it went
 *
 * Imports @file into @journal, then says how it went.
 */
void
tend_transfer_import_file (GtkWindow   *parent,
                           TendJournal *journal,
                           GFile       *file)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (TEND_IS_JOURNAL (journal));
  g_return_if_fail (G_IS_FILE (file));

  tend_import_file_async (journal, file, NULL, import_done_cb,
                          transfer_new (parent, journal, NULL));
}

static void
import_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Transfer) transfer = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file == NULL)
    {
      if (!dialog_dismissed (error))
        show_alert (transfer->parent, _("Nothing Was Imported"), error->message);
      return;
    }

  tend_transfer_import_file (transfer->parent, transfer->journal, file);
}

/**
 * tend_transfer_import:
 * @parent: the window to put the file dialog on
 *
 * Asks for a file of check-ins (Tend's JSON or CSV, or Daylio's CSV) and imports it.
 */
void
tend_transfer_import (GtkWindow   *parent,
                      TendJournal *journal)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) all = NULL;
  g_autoptr(GtkFileFilter) json = NULL;
  g_autoptr(GtkFileFilter) csv = NULL;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (TEND_IS_JOURNAL (journal));

  /* Translators: The kinds of file to import, as a file dialog lists them. */
  all = new_filter (_("Journals (JSON or CSV)"),
                    "application/json", "json", "text/csv", "csv", NULL);
  json = new_filter (_("JSON, exported by Tend"), "application/json", "json", NULL);
  csv = new_filter (_("CSV, exported by Tend or Daylio"), "text/csv", "csv", NULL);
  g_list_store_append (filters, all);
  g_list_store_append (filters, json);
  g_list_store_append (filters, csv);

  gtk_file_dialog_set_title (dialog, _("Import Check-ins"));
  gtk_file_dialog_set_accept_label (dialog, _("_Import"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, all);
  gtk_file_dialog_set_modal (dialog, TRUE);

  gtk_file_dialog_open (dialog, parent, NULL, import_chosen_cb,
                        transfer_new (parent, journal, NULL));
}

/* Export -------------------------------------------------------------------------------- */

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Transfer) transfer = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n_exported = 0;

  if (!tend_export_file_finish (TEND_JOURNAL (object), result, &n_exported, &error))
    {
      show_alert (transfer->parent, _("Nothing Was Exported"), error->message);
      return;
    }

  title = g_strdup_printf (ngettext ("Exported %u check-in", "Exported %u check-ins",
                                     n_exported),
                           n_exported);
  show_toast (transfer->parent, title);
}

/**
 * tend_transfer_export_file:
 * @entries: (nullable): the entries to export, or %NULL for the whole journal
 *
 * Exports to @file, its format told by its name, then says how it went.
 */
void
tend_transfer_export_file (GtkWindow   *parent,
                           TendJournal *journal,
                           GListModel  *entries,
                           GFile       *file)
{
  g_autofree char *name = NULL;
  TendFileFormat format;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (TEND_IS_JOURNAL (journal));
  g_return_if_fail (entries == NULL || G_IS_LIST_MODEL (entries));
  g_return_if_fail (G_IS_FILE (file));

  name = g_file_get_basename (file);
  format = tend_file_format_from_name (name);
  if (format == TEND_FILE_FORMAT_UNKNOWN)
    {
      show_alert (parent, _("Nothing Was Exported"),
                  _("Tend can export to files ending in .json, .csv or .md."));
      return;
    }

  tend_export_file_async (journal, entries, format, file, NULL, export_done_cb,
                          transfer_new (parent, journal, entries));
}

static void
export_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Transfer) transfer = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file == NULL)
    {
      if (!dialog_dismissed (error))
        show_alert (transfer->parent, _("Nothing Was Exported"), error->message);
      return;
    }

  tend_transfer_export_file (transfer->parent, transfer->journal, transfer->entries, file);
}

/**
 * tend_transfer_export:
 * @parent: the window to put the file dialog on
 * @entries: (nullable): what to export, such as the entries a search found; %NULL
 *   exports the whole journal
 *
 * Asks where to save, and in which format by the file's name, and exports there.
 */
void
tend_transfer_export (GtkWindow   *parent,
                      TendJournal *journal,
                      GListModel  *entries)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) json = NULL;
  g_autoptr(GtkFileFilter) csv = NULL;
  g_autoptr(GtkFileFilter) markdown = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (TEND_IS_JOURNAL (journal));
  g_return_if_fail (entries == NULL || G_IS_LIST_MODEL (entries));

  /* Translators: The formats to export to, as a file dialog lists them. */
  json = new_filter (_("JSON, to import again"), "application/json", "json", NULL);
  csv = new_filter (_("CSV, for spreadsheets"), "text/csv", "csv", NULL);
  markdown = new_filter (_("Markdown, to read"), "text/markdown", "md", NULL);
  g_list_store_append (filters, json);
  g_list_store_append (filters, csv);
  g_list_store_append (filters, markdown);

  /* Translators: The suggested name of an exported file, without its extension; %s is
   * the day, as in “Tend journal 2026-11-21”. */
  base = g_strdup_printf (_("Tend journal %s"), day);
  name = g_strconcat (base, ".json", NULL);

  gtk_file_dialog_set_title (dialog, entries != NULL ? _("Export Check-ins")
                                                     : _("Export Journal"));
  gtk_file_dialog_set_accept_label (dialog, _("_Export"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, json);
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_set_modal (dialog, TRUE);

  gtk_file_dialog_save (dialog, parent, NULL, export_chosen_cb,
                        transfer_new (parent, journal, entries));
}
