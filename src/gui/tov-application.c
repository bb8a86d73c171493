/* tov-application.c: opening portfolios, and the application's actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-application"

#include "config.h"

#include <glib/gi18n.h>

#include "tov-application.h"
#include "tov-demo.h"
#include "tov-window.h"

#define MAX_RECENT 8

struct _TovApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  gboolean open_demo;
};

G_DEFINE_FINAL_TYPE (TovApplication, tov_application, ADW_TYPE_APPLICATION)

static char *
data_directory (void)
{
  return g_build_filename (g_get_user_data_dir (), "tovholder", NULL);
}

static TovWindow *
active_window (TovApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return TOV_IS_WINDOW (window) ? TOV_WINDOW (window) : NULL;
}

/* The recent files without @path, and with it first unless @forget. */
static void
update_recent_files (TovApplication *self,
                     const char     *path,
                     gboolean        forget)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-files");
  g_autofree char *last = g_settings_get_string (self->settings, "last-file");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 0;

  if (!forget)
    {
      g_strv_builder_add (builder, path);
      n++;
    }
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    if (g_strcmp0 (recent[i], path) != 0 && g_file_test (recent[i], G_FILE_TEST_EXISTS))
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }
  updated = g_strv_builder_end (builder);

  g_settings_set_strv (self->settings, "recent-files", (const char * const *) updated);
  if (!forget)
    g_settings_set_string (self->settings, "last-file", path);
  else if (g_strcmp0 (last, path) == 0)
    g_settings_set_string (self->settings, "last-file", "");
}

static void
show_error (TovApplication *self,
            const char     *heading,
            const GError   *error)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void open_demo (TovApplication *self);

static char *
could_not_open_heading (const char *path)
{
  g_autofree char *name = g_filename_display_basename (path);

  return g_strdup_printf (_("“%s” Could Not Be Opened"), name);
}

/* The check that runs after the window appeared found @store damaged:
 * nothing was written to it. The window shows the demo portfolio instead,
 * as it does when the last file cannot be opened at start.
 */
static void
on_store_damaged (TovApplication *self,
                  const GError   *error,
                  TovStore       *store)
{
  const char *path = tov_store_get_path (store);
  g_autofree char *heading = could_not_open_heading (path);
  TovWindow *window = active_window (self);

  update_recent_files (self, path, TRUE);
  if (window != NULL && tov_window_get_store (window) == store)
    open_demo (self);
  show_error (self, heading, error);
}

/* The check of a portfolio's pages reads the whole file: it waits for the
 * window's next frame, so as not to compete with drawing it. A write that
 * comes first starts it itself.
 */
static void
start_check_after_paint (GdkFrameClock *clock,
                         TovStore      *store)
{
  g_signal_handlers_disconnect_by_func (clock, start_check_after_paint, store);
  tov_store_start_check (store);
}

/**
 * tov_application_open_path:
 *
 * Opens the portfolio at @path in the active window, or in a new one. A
 * file that cannot be opened is explained in a dialog, and the portfolio
 * shown before stays.
 */
gboolean
tov_application_open_path (TovApplication *self,
                           const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TovStore) store = tov_store_open_checking_later (path, &error);
  TovWindow *window;

  if (store == NULL)
    {
      g_autofree char *heading = could_not_open_heading (path);

      show_error (self, heading, error);
      return FALSE;
    }
  g_signal_connect_object (store, "damaged", G_CALLBACK (on_store_damaged), self, G_CONNECT_SWAPPED);

  window = active_window (self);
  if (window == NULL)
    window = tov_window_new (ADW_APPLICATION (self), store);
  else
    tov_window_set_store (window, store);

  update_recent_files (self, path, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                           G_CALLBACK (start_check_after_paint), store, 0);
  return TRUE;
}

static void
open_demo (TovApplication *self)
{
  g_autofree char *directory = data_directory ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tov_demo_create (directory, &error);

  if (path == NULL)
    show_error (self, _("The Demo Portfolio Could Not Be Opened"), error);
  else
    tov_application_open_path (self, path);
}

static void
tov_application_activate (GApplication *application)
{
  TovApplication *self = TOV_APPLICATION (application);
  g_autofree char *last = g_settings_get_string (self->settings, "last-file");

  if (active_window (self) != NULL && !self->open_demo)
    {
      gtk_window_present (GTK_WINDOW (active_window (self)));
      return;
    }

  /* A first start shows the demo, so there is something to look at. */
  if (self->open_demo || last[0] == '\0' || !g_file_test (last, G_FILE_TEST_EXISTS))
    open_demo (self);
  else if (!tov_application_open_path (self, last))
    open_demo (self);

  self->open_demo = FALSE;
}

static void
tov_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path != NULL)
        tov_application_open_path (TOV_APPLICATION (application), path);
    }
}

static int
tov_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  TOV_APPLICATION (application)->open_demo = g_variant_dict_contains (options, "demo");

  return -1;
}

static void
on_new_response (GtkNativeDialog *dialog,
                 int              response,
                 TovApplication  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      /* The chooser has asked before replacing a file: a new portfolio starts empty. */
      g_file_delete (file, NULL, NULL);
      tov_application_open_path (self, path);
    }
  g_object_unref (dialog);
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  TovApplication  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      tov_application_open_path (self, path);
    }
  g_object_unref (dialog);
}

static void
add_portfolio_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Tovholder portfolios"));
  gtk_file_filter_add_pattern (filter, "*.tovholder");
  gtk_file_filter_add_mime_type (filter, "application/x-tovholder-portfolio");
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
new_portfolio_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  TovApplication *self = user_data;
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("New Portfolio"),
                                        gtk_application_get_active_window (GTK_APPLICATION (self)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("C_reate"), _("_Cancel"));
  /* Translators: the suggested file name of a new portfolio */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("Portfolio.tovholder"));
  add_portfolio_filter (GTK_FILE_CHOOSER (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (on_new_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  TovApplication *self = user_data;
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open Portfolio"),
                                        gtk_application_get_active_window (GTK_APPLICATION (self)),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  add_portfolio_filter (GTK_FILE_CHOOSER (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_file_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  tov_application_open_path (user_data, g_variant_get_string (parameter, NULL));
}

static void
open_demo_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  open_demo (user_data);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  TovApplication *self = user_data;
  const char *developers[] = { "Tovholder", NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Tovholder"),
                         "application-icon", APP_ID,
                         "developer-name", "Tovholder",
                         "version", PACKAGE_VERSION,
                         "comments", _("Keep track of a municipality’s welfare-renewal projects, decisions and budgets"),
                         "developers", developers,
                         "translator-credits", _("translator-credits"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "new-portfolio", new_portfolio_action },
  { "open", open_action },
  { "open-file", open_file_action, "s" },
  { "open-demo", open_demo_action },
  { "about", about_action },
  { "quit", quit_action },
};

static void
tov_application_startup (GApplication *application)
{
  TovApplication *self = TOV_APPLICATION (application);
  const struct { const char *action; const char *accels[2]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "win.new", { "<Control>n", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.search-list", { "<Control><Shift>f", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.show-shortcuts", { "<Control>question", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (tov_application_parent_class)->startup (application);

  self->settings = g_settings_new (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
}

static void
tov_application_dispose (GObject *object)
{
  g_clear_object (&TOV_APPLICATION (object)->settings);

  G_OBJECT_CLASS (tov_application_parent_class)->dispose (object);
}

static void
tov_application_class_init (TovApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = tov_application_dispose;
  application_class->activate = tov_application_activate;
  application_class->open = tov_application_open;
  application_class->startup = tov_application_startup;
  application_class->handle_local_options = tov_application_handle_local_options;
}

static void
tov_application_init (TovApplication *self)
{
  const GOptionEntry options[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the demo portfolio"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

TovApplication *
tov_application_new (void)
{
  return g_object_new (TOV_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/dk/tovholder/Tovholder",
                       NULL);
}
