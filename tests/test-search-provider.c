/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>

#include "tend-context.h"
#include "tend-search-provider.h"
#include "tend-test-utils.h"

/* GNOME Shell's search of the guides, over a private D-Bus session of the test's own: first
 * TendSearchProvider on the fixtures, called as the Shell calls it; then the real Tend,
 * started as D-Bus starts it, with a journal whose words it must never give away. */

#define IFACE "org.gnome.Shell.SearchProvider2"
#define TEST_PATH "/io/github/tendapp/Tend/Test/SearchProvider"

/* As the test started: GTestDBus unsets DISPLAY, and G_TEST_OPTION_ISOLATE_DIRS empties
 * XDG_DATA_DIRS, where Tend finds what it needs to read its own icons (shared-mime-info). */
static char *display;
static char *data_dirs;

typedef struct
{
  GTestDBus          *bus;
  GDBusConnection    *server;   /* where the provider is */
  GDBusConnection    *client;   /* the Shell */
  GApplication       *application;
  TendSearchProvider *provider;
  char               *opened;   /* the parameter of the last "open-guide" */
  char               *searched; /* the parameter of the last "search-guides" */
} Fixture;

static GDBusConnection *
connect_to_bus (GTestDBus *bus)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *connection;

  connection = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);
  return connection;
}

static void
open_guide_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  Fixture *fixture = user_data;

  g_set_str (&fixture->opened, g_variant_get_string (parameter, NULL));
}

static void
search_guides_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  Fixture *fixture = user_data;

  g_set_str (&fixture->searched, g_variant_get_string (parameter, NULL));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const GActionEntry actions[] = {
    { "open-guide", open_guide_cb, "s" },
    { "search-guides", search_guides_cb, "s" },
  };
  g_autofree char *folder_path = g_test_build_filename (G_TEST_DIST, "data", "guides", "good",
                                                        NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(TendGuideLibrary) library = NULL;
  g_autoptr(GError) error = NULL;

  fixture->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (fixture->bus);
  fixture->server = connect_to_bus (fixture->bus);
  fixture->client = connect_to_bus (fixture->bus);

  fixture->application = g_application_new ("io.github.tendapp.Tend.Test",
                                            G_APPLICATION_NON_UNIQUE);
  g_action_map_add_action_entries (G_ACTION_MAP (fixture->application), actions,
                                   G_N_ELEMENTS (actions), fixture);

  library = tend_guide_library_new_for_directory (folder, &error);
  g_assert_no_error (error);
  fixture->provider = tend_search_provider_new (fixture->application, library);
  g_assert_true (tend_search_provider_export (fixture->provider, fixture->server, TEST_PATH,
                                              &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tend_search_provider_unexport (fixture->provider, fixture->server);
  g_assert_finalize_object (fixture->provider);
  g_assert_finalize_object (fixture->application);
  g_dbus_connection_close_sync (fixture->server, NULL, NULL);
  g_dbus_connection_close_sync (fixture->client, NULL, NULL);
  g_clear_object (&fixture->server);
  g_clear_object (&fixture->client);
  g_test_dbus_down (fixture->bus);
  g_clear_object (&fixture->bus);
  g_free (fixture->opened);
  g_free (fixture->searched);
}

typedef struct
{
  GVariant *reply;
  GError   *error;
  gboolean  done;
} Call;

static void
call_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Call *call = user_data;

  call->reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &call->error);
  call->done = TRUE;
}

static gboolean
call_is_done (gpointer data)
{
  return ((Call *) data)->done;
}

/* Calls @method over the bus, serving it in this thread while waiting. */
static GVariant *
call_full (GDBusConnection  *client,
           const char       *destination,
           const char       *path,
           const char       *interface,
           const char       *method,
           GVariant         *parameters,
           const char       *reply_type,
           GError          **error)
{
  Call call = { 0 };

  g_dbus_connection_call (client, destination, path, interface, method, parameters,
                          G_VARIANT_TYPE (reply_type), G_DBUS_CALL_FLAGS_NONE, 10000, NULL,
                          call_done_cb, &call);
  tend_test_wait_until (call_is_done, &call);
  if (call.error != NULL)
    g_propagate_error (error, call.error);
  return call.reply;
}

static GVariant *
call (Fixture    *fixture,
      const char *method,
      GVariant   *parameters,
      const char *reply_type)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply;

  reply = call_full (fixture->client, g_dbus_connection_get_unique_name (fixture->server),
                     TEST_PATH, IFACE, method, parameters, reply_type, &error);
  g_assert_no_error (error);
  return reply;
}

static GVariant *
terms (const char *words)
{
  g_auto(GStrv) split = g_strsplit (words, " ", -1);

  return g_variant_new_strv ((const char * const *) split, -1);
}

/* The ids a search returns, joined with "|". */
static char *
initial_results (Fixture    *fixture,
                 const char *words)
{
  g_autoptr(GVariant) reply = NULL;
  g_autofree const char **ids = NULL;

  reply = call (fixture, "GetInitialResultSet", g_variant_new ("(@as)", terms (words)), "(as)");
  g_variant_get (reply, "(^a&s)", &ids);
  return g_strjoinv ("|", (GStrv) ids);
}

static void
test_initial_results (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *prefix = initial_results (fixture, "sleepi");
  g_autofree char *ranked = initial_results (fixture, "sleep");
  g_autofree char *two_words = initial_results (fixture, "worry time");
  g_autofree char *accents = initial_results (fixture, "ANXIÉTY");
  g_autofree char *nothing = initial_results (fixture, "zebra");

  g_assert_cmpstr (prefix, ==, "sleep");
  g_assert_cmpstr (ranked, ==, "sleep|anxiety");
  g_assert_cmpstr (two_words, ==, "anxiety");
  g_assert_cmpstr (accents, ==, "anxiety");
  g_assert_cmpstr (nothing, ==, "");
}

static void
test_subsearch (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const previous[] = { "sleep", "anxiety", NULL };
  g_autoptr(GVariant) reply = NULL;
  g_autofree const char **ids = NULL;
  static const char * const expected[] = { "sleep", NULL };

  reply = call (fixture, "GetSubsearchResultSet",
                g_variant_new ("(^as@as)", previous, terms ("sleep caff")), "(as)");
  g_variant_get (reply, "(^a&s)", &ids);
  g_assert_cmpstrv (ids, expected);
}

static void
test_result_metas (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const ids[] = { "anxiety", "sleep", "no-such-guide", NULL };
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) metas = NULL;
  g_autoptr(GVariant) first = NULL;
  g_autoptr(GVariant) second = NULL;
  g_autofree char *found = initial_results (fixture, "sleep");
  const char *value;

  reply = call (fixture, "GetResultMetas", g_variant_new ("(^as)", ids), "(aa{sv})");
  metas = g_variant_get_child_value (reply, 0);
  g_assert_cmpuint (g_variant_n_children (metas), ==, 2);

  first = g_variant_get_child_value (metas, 0);
  g_assert_true (g_variant_lookup (first, "id", "&s", &value));
  g_assert_cmpstr (value, ==, "anxiety");
  g_assert_true (g_variant_lookup (first, "name", "&s", &value));
  g_assert_cmpstr (value, ==, "Anxiety and Worry");
  /* What the search found in it, without the marks of a snippet. */
  g_assert_true (g_variant_lookup (first, "description", "&s", &value));
  g_assert_cmpstr (value, ==, "Worries often grow at night and keep people from sleep. Writing "
                              "them down before bed can help them wait until the morning.");

  second = g_variant_get_child_value (metas, 1);
  g_assert_true (g_variant_lookup (second, "name", "&s", &value));
  g_assert_cmpstr (value, ==, "Sleeping Well");
  g_assert_true (g_variant_lookup (second, "description", "&s", &value));
  g_assert_true (g_str_has_prefix (value, "Sleep lets your body recover"));
  g_assert_true (g_str_has_suffix (value, "…"));
  g_assert_null (strchr (value, '\002'));
}

static void
test_metas_before_any_search (Fixture       *fixture,
                              gconstpointer  data)
{
  static const char * const ids[] = { "sleep", NULL };
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) metas = NULL;
  g_autoptr(GVariant) meta = NULL;
  const char *value;

  reply = call (fixture, "GetResultMetas", g_variant_new ("(^as)", ids), "(aa{sv})");
  g_variant_get_child (reply, 0, "@aa{sv}", &metas);
  g_assert_cmpuint (g_variant_n_children (metas), ==, 1);
  meta = g_variant_get_child_value (metas, 0);
  g_assert_true (g_variant_lookup (meta, "description", "&s", &value));
  g_assert_cmpstr (value, ==, "Small, steady habits that make a restful night more likely.");
}

static void
test_activate_result (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GVariant) reply = NULL;

  reply = call (fixture, "ActivateResult", g_variant_new ("(s@asu)", "anxiety", terms ("worry"), 0),
                "()");
  g_assert_cmpstr (fixture->opened, ==, "anxiety");
  g_assert_null (fixture->searched);
}

static void
test_launch_search (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GVariant) reply = NULL;

  reply = call (fixture, "LaunchSearch", g_variant_new ("(@asu)", terms ("sleep well"), 0), "()");
  g_assert_cmpstr (fixture->searched, ==, "sleep well");
  g_assert_null (fixture->opened);
}

/* The real Tend ----------------------------------------------------------------------------- */

typedef struct
{
  GDBusConnection *connection;
  const char      *path;
} Probe;

/* Whether the bus answers @path (a window of Tend's, say) with its actions. */
static gboolean
path_answers (gpointer data)
{
  Probe *probe = data;
  g_autoptr(GVariant) reply = NULL;


  reply = g_dbus_connection_call_sync (probe->connection, APP_ID, probe->path,
                                       "org.gtk.Actions", "List", NULL, G_VARIANT_TYPE ("(as)"),
                                       G_DBUS_CALL_FLAGS_NO_AUTO_START, 1000, NULL, NULL);
  return reply != NULL;
}

static gboolean
wake_up_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Waits until @path answers, asking again every 50 ms. */
static void
wait_for_path (GDBusConnection *connection,
               const char      *path)
{
  Probe probe = { connection, path };
  guint wake_up_id = g_timeout_add (50, wake_up_cb, NULL);

  tend_test_wait_until (path_answers, &probe);
  g_source_remove (wake_up_id);
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
process_exited_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  gboolean *exited = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  *exited = TRUE;
}

static void
name_appeared_cb (GDBusConnection *connection,
                  const char      *name,
                  const char      *owner,
                  gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

static GStrv
app_results (GDBusConnection *connection,
             const char      *words)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  GStrv ids;

  reply = call_full (connection, APP_ID, APP_PATH "/SearchProvider", IFACE,
                     "GetInitialResultSet", g_variant_new ("(@as)", terms (words)), "(as)",
                     &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(^as)", &ids);
  return ids;
}

/* Tend, started as D-Bus starts it for the Shell: it finds its guides, and nothing of a
 * journal full of matching words; a result opens a window. */
static void
test_real_tend (void)
{
  g_autoptr(GTestDBus) bus = NULL;
  g_autoptr(GDBusConnection) shell = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) tend = NULL;
  g_autoptr(TendContext) context = NULL;
  g_autoptr(TendGuideLibrary) library = NULL;
  g_autoptr(GDateTime) when = tend_test_date_time ("2026-11-20T09:30:00Z");
  g_autoptr(TendEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autofree char *home = g_build_filename (g_get_user_data_dir (), "real", NULL);
  g_autofree char *data_dir = g_build_filename (home, "tend", NULL);
  g_autofree char *runtime_dir = g_build_filename (home, "runtime", NULL);
  g_autofree char *binary = g_test_build_filename (G_TEST_BUILT, "..", "src", "tend", NULL);
  GListModel *guides;
  Probe window = { NULL, APP_PATH "/window/1" };
  gboolean exited = FALSE;
  gboolean named = FALSE;

  if (display == NULL)
    {
      g_test_skip ("Tend needs a display; build-aux/dev test gives it one");
      return;
    }

  /* A journal with words that also start words of guides. */
  context = tend_context_new (data_dir, NULL);
  g_assert_true (tend_context_open (context, &error));
  g_assert_no_error (error);
  entry = tend_entry_new (TEND_MOOD_BAD, "Slept badly, worried about money. Zephyrine came by.",
                          when);
  g_assert_true (tend_journal_add (tend_context_get_journal (context), entry, &error));
  g_assert_no_error (error);
  g_clear_object (&context);

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  shell = connect_to_bus (bus);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_assert_cmpint (g_mkdir_with_parents (runtime_dir, 0700), ==, 0);
  g_subprocess_launcher_setenv (launcher, "DISPLAY", display, TRUE);
  g_subprocess_launcher_setenv (launcher, "GDK_BACKEND", "x11", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", home, TRUE);
  if (data_dirs != NULL)
    g_subprocess_launcher_setenv (launcher, "XDG_DATA_DIRS", data_dirs, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "XDG_DATA_DIRS");
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS",
                                g_test_dbus_get_bus_address (bus), TRUE);
  tend = g_subprocess_launcher_spawn (launcher, &error, binary, "--gapplication-service", NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (tend, NULL, process_exited_cb, &exited);

  /* Ready once it has its name; asking Tend itself would start and end its wait for the
   * Shell's first message. */
  {
    guint watch_id = g_bus_watch_name_on_connection (shell, APP_ID, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                     name_appeared_cb, NULL, &named, NULL);

    tend_test_wait_until (is_true, &named);
    g_bus_unwatch_name (watch_id);
  }

  /* The journal is never searched. */
  {
    g_auto(GStrv) private_word = app_results (shell, "zephyrine");
    g_auto(GStrv) both = app_results (shell, "slept badly");

    g_assert_cmpuint (g_strv_length (private_word), ==, 0);
    g_assert_cmpuint (g_strv_length (both), ==, 0);
  }

  /* Every built-in guide is found by its title, as this process reads them. */
  library = tend_guide_library_new (&error);
  g_assert_no_error (error);
  guides = tend_guide_library_get_guides (library);
  for (guint i = 0; i < g_list_model_get_n_items (guides); i++)
    {
      g_autoptr(TendGuide) guide = g_list_model_get_item (guides, i);
      g_auto(GStrv) ids = app_results (shell, tend_guide_get_title (guide));

      g_assert_true (g_strv_contains ((const char * const *) ids, tend_guide_get_id (guide)));
    }
  g_test_message ("%u built-in guides found by their titles",
                  g_list_model_get_n_items (guides));

  /* A result opens a window (on the Guides page, once there is one). */
  window.connection = shell;
  g_assert_false (path_answers (&window));
  reply = call_full (shell, APP_ID, APP_PATH "/SearchProvider", IFACE, "ActivateResult",
                     g_variant_new ("(s@asu)", "sleep", terms ("sleep"), 0), "()", &error);
  g_assert_no_error (error);
  wait_for_path (shell, window.path);
  g_clear_pointer (&reply, g_variant_unref);

  reply = call_full (shell, APP_ID, APP_PATH "/SearchProvider", IFACE, "LaunchSearch",
                     g_variant_new ("(@asu)", terms ("sleep"), 0), "()", &error);
  g_assert_no_error (error);
  g_clear_pointer (&reply, g_variant_unref);

  /* Quit, as from the menu. */
  reply = g_dbus_connection_call_sync (shell, APP_ID, APP_PATH, "org.gtk.Actions", "Activate",
                                       g_variant_new ("(sava{sv})", "quit", NULL, NULL), NULL,
                                       G_DBUS_CALL_FLAGS_NONE, 10000, NULL, &error);
  g_assert_no_error (error);
  tend_test_wait_until (is_true, &exited);
  g_assert_true (g_subprocess_get_if_exited (tend));
  g_assert_cmpint (g_subprocess_get_exit_status (tend), ==, 0);

  g_dbus_connection_close_sync (shell, NULL, NULL);
  g_test_dbus_down (bus);
}

int
main (int   argc,
      char *argv[])
{
  display = g_strdup (g_getenv ("DISPLAY"));
  data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/search-provider/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("initial-results", test_initial_results);
  ADD ("subsearch", test_subsearch);
  ADD ("result-metas", test_result_metas);
  ADD ("metas-before-any-search", test_metas_before_any_search);
  ADD ("activate-result", test_activate_result);
  ADD ("launch-search", test_launch_search);
  g_test_add_func ("/search-provider/real-tend", test_real_tend);

  return g_test_run ();
}
