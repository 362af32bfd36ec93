/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-search-provider"

#include "config.h"

#include "tend-search-provider.h"

/* GNOME Shell's search (org.gnome.Shell.SearchProvider2) over the guides, and only the
 * guides: the journal is private, and never leaves Tend for the Shell's overview.
 * Results are guide ids; activating one runs the application's "open-guide" action, and
 * "search in Tend" runs "search-guides" with the words typed. */

struct _TendSearchProvider
{
  GObject           parent_instance;

  /* Borrowed */
  GApplication     *application;   /* weak */

  /* Owned */
  TendGuideLibrary *library;       /* the built-in guides, read by the first search */
  GHashTable       *descriptions;  /* guide id → what the latest search found in it */
  GDBusConnection  *connection;
  guint             registration_id;
  guint             keep_alive_id;
};

G_DEFINE_FINAL_TYPE (TendSearchProvider, tend_search_provider, G_TYPE_OBJECT)

/* How long Tend stays after a search when the Shell started it for one: each key typed
 * searches again, and starting Tend for each would be slow. */
#define KEEP_ALIVE_SECONDS 20

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static GDBusInterfaceInfo *
get_interface_info (void)
{
  static GDBusNodeInfo *node_info;

  if (g_once_init_enter_pointer (&node_info))
    {
      g_autoptr(GError) error = NULL;
      GDBusNodeInfo *info = g_dbus_node_info_new_for_xml (introspection_xml, &error);

      g_assert_no_error (error);
      g_once_init_leave_pointer (&node_info, info);
    }

  return node_info->interfaces[0];
}

static TendGuideLibrary *
get_library (TendSearchProvider  *self,
             GError             **error)
{
  if (self->library == NULL)
    self->library = tend_guide_library_new (error);

  return self->library;
}

/* A snippet as plain text: the Shell marks the words itself. */
static char *
strip_marks (const char *snippet)
{
  GString *text = g_string_new (NULL);

  for (const char *p = snippet; *p != '\0'; p++)
    if (*p != '\002' && *p != '\003')
      g_string_append_c (text, *p);

  return g_string_free_and_steal (text);
}

static void
return_results (TendSearchProvider    *self,
                GDBusMethodInvocation *invocation,
                const char * const    *terms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autofree char *text = g_strjoinv (" ", (GStrv) terms);
  TendGuideLibrary *library = get_library (self, &error);
  GVariantBuilder results;

  if (library != NULL)
    matches = tend_guide_library_search (library, text, &error);
  if (matches == NULL)
    {
      g_dbus_method_invocation_return_error_literal (invocation, G_DBUS_ERROR,
                                                     G_DBUS_ERROR_FAILED, error->message);
      return;
    }

  g_variant_builder_init (&results, G_VARIANT_TYPE ("as"));
  for (guint i = 0; i < matches->len; i++)
    {
      TendGuideMatch *match = g_ptr_array_index (matches, i);
      const char *id = tend_guide_get_id (match->guide);

      g_variant_builder_add (&results, "s", id);
      g_hash_table_insert (self->descriptions, g_strdup (id), strip_marks (match->snippet));
    }

  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(as)", &results));
}

static void
return_metas (TendSearchProvider    *self,
              GDBusMethodInvocation *invocation,
              const char * const    *ids)
{
  g_autoptr(GError) error = NULL;
  TendGuideLibrary *library = get_library (self, &error);
  GVariantBuilder metas;

  if (library == NULL)
    {
      g_dbus_method_invocation_return_error_literal (invocation, G_DBUS_ERROR,
                                                     G_DBUS_ERROR_FAILED, error->message);
      return;
    }

  g_variant_builder_init (&metas, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      TendGuide *guide = tend_guide_library_lookup (library, ids[i]);
      const char *description;
      GVariantBuilder meta;

      if (guide == NULL)
        continue;

      description = g_hash_table_lookup (self->descriptions, ids[i]);
      if (description == NULL)
        description = tend_guide_get_summary (guide);

      g_variant_builder_init (&meta, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&meta, "{sv}", "id", g_variant_new_string (ids[i]));
      g_variant_builder_add (&meta, "{sv}", "name",
                             g_variant_new_string (tend_guide_get_title (guide)));
      g_variant_builder_add (&meta, "{sv}", "description", g_variant_new_string (description));
      g_variant_builder_add_value (&metas, g_variant_builder_end (&meta));
    }

  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(aa{sv})", &metas));
}

/* The provider only runs in the primary instance, so the action is always a local one. */
static void
activate_action (TendSearchProvider *self,
                 const char         *name,
                 const char         *parameter)
{
  GAction *action = NULL;

  if (self->application != NULL)
    action = g_action_map_lookup_action (G_ACTION_MAP (self->application), name);

  if (action == NULL)
    {
      g_debug ("No action %s to run", name);
      return;
    }

  g_action_activate (action, g_variant_new_string (parameter));
}

static gboolean
keep_alive_done_cb (gpointer user_data)
{
  TendSearchProvider *self = user_data;

  self->keep_alive_id = 0;
  if (self->application != NULL)
    g_application_release (self->application);
  return G_SOURCE_REMOVE;
}

/* A service GApplication quits as soon as nothing holds it. */
static void
keep_alive (TendSearchProvider *self)
{
  if (self->application == NULL)
    return;

  if (self->keep_alive_id != 0)
    g_source_remove (self->keep_alive_id);
  else
    g_application_hold (self->application);

  self->keep_alive_id = g_timeout_add_seconds (KEEP_ALIVE_SECONDS, keep_alive_done_cb, self);
}

static void
method_call_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  TendSearchProvider *self = user_data;

  keep_alive (self);

  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      g_autofree const char **terms = NULL;

      g_variant_get (parameters, "(^a&s)", &terms);
      return_results (self, invocation, terms);
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      g_autofree const char **previous = NULL;
      g_autofree const char **terms = NULL;

      /* Searching again is as fast as narrowing the previous results. */
      g_variant_get (parameters, "(^a&s^a&s)", &previous, &terms);
      return_results (self, invocation, terms);
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_autofree const char **ids = NULL;

      g_variant_get (parameters, "(^a&s)", &ids);
      return_metas (self, invocation, ids);
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *id;

      g_variant_get (parameters, "(&sasu)", &id, NULL, NULL);
      activate_action (self, "open-guide", id);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_autofree const char **terms = NULL;
      g_autofree char *text = NULL;

      g_variant_get (parameters, "(^a&su)", &terms, NULL);
      text = g_strjoinv (" ", (GStrv) terms);
      activate_action (self, "search-guides", text);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                           "No method %s", method_name);
}

static const GDBusInterfaceVTable vtable = {
  .method_call = method_call_cb,
};

static void
tend_search_provider_dispose (GObject *object)
{
  TendSearchProvider *self = TEND_SEARCH_PROVIDER (object);

  tend_search_provider_unexport (self, self->connection);
  if (self->keep_alive_id != 0)
    {
      g_clear_handle_id (&self->keep_alive_id, g_source_remove);
      if (self->application != NULL)
        g_application_release (self->application);
    }
  g_clear_weak_pointer (&self->application);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (tend_search_provider_parent_class)->dispose (object);
}

static void
tend_search_provider_finalize (GObject *object)
{
  TendSearchProvider *self = TEND_SEARCH_PROVIDER (object);

  g_clear_pointer (&self->descriptions, g_hash_table_unref);

  G_OBJECT_CLASS (tend_search_provider_parent_class)->finalize (object);
}

static void
tend_search_provider_class_init (TendSearchProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tend_search_provider_dispose;
  object_class->finalize = tend_search_provider_finalize;
}

static void
tend_search_provider_init (TendSearchProvider *self)
{
  self->descriptions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * tend_search_provider_new:
 * @application: (nullable): the application whose "open-guide" and "search-guides" actions
 *   open what the Shell asks for
 * @library: (nullable): the guides to search; %NULL reads the built-in guides at the first
 *   search
 */
TendSearchProvider *
tend_search_provider_new (GApplication     *application,
                          TendGuideLibrary *library)
{
  TendSearchProvider *self;

  g_return_val_if_fail (application == NULL || G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (library == NULL || TEND_IS_GUIDE_LIBRARY (library), NULL);

  self = g_object_new (TEND_TYPE_SEARCH_PROVIDER, NULL);
  g_set_weak_pointer (&self->application, application);
  g_set_object (&self->library, library);
  return self;
}

/**
 * tend_search_provider_export:
 * @object_path: where the search provider's .ini file says it is
 *
 * Answers org.gnome.Shell.SearchProvider2 at @object_path on @connection.
 */
gboolean
tend_search_provider_export (TendSearchProvider  *self,
                             GDBusConnection     *connection,
                             const char          *object_path,
                             GError             **error)
{
  g_return_val_if_fail (TEND_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), FALSE);
  g_return_val_if_fail (self->connection == NULL, FALSE);

  self->registration_id = g_dbus_connection_register_object (connection, object_path,
                                                             get_interface_info (), &vtable,
                                                             self, NULL, error);
  if (self->registration_id == 0)
    return FALSE;

  self->connection = g_object_ref (connection);
  return TRUE;
}

void
tend_search_provider_unexport (TendSearchProvider *self,
                               GDBusConnection    *connection)
{
  g_return_if_fail (TEND_IS_SEARCH_PROVIDER (self));

  if (self->connection == NULL || self->connection != connection)
    return;

  g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
  g_clear_object (&self->connection);
}
