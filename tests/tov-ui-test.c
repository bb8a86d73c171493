/* tov-ui-test.c: what the widget tests share: a demo portfolio in a window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tov-demo.h"
#include "tov-ui-test.h"

/**
 * tov_ui_demo_open:
 * @width: the window's width, or 0 for its default
 *
 * Loads the demo into a new portfolio file and shows it in a window.
 */
void
tov_ui_demo_open (TovUiDemo *demo,
                  int        width,
                  int        height)
{
  g_autoptr(GError) error = NULL;

  demo->dir = g_dir_make_tmp ("tovholder-ui-XXXXXX", &error);
  g_assert_no_error (error);
  demo->path = g_build_filename (demo->dir, "demo.tovholder", NULL);
  demo->store = tov_store_open (demo->path, &error);
  g_assert_no_error (error);
  tov_demo_load (demo->store, &error);
  g_assert_no_error (error);

  demo->window = g_object_new (TOV_TYPE_WINDOW, "store", demo->store, NULL);
  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (demo->window), width, height);
  gtk_window_present (GTK_WINDOW (demo->window));
  tov_ui_settle ();
}

void
tov_ui_demo_close (TovUiDemo *demo)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  gtk_window_destroy (GTK_WINDOW (demo->window));
  tov_ui_settle ();
  g_clear_object (&demo->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (demo->path, suffixes[i], NULL);

      g_unlink (path);
    }
  g_rmdir (demo->dir);
  g_clear_pointer (&demo->path, g_free);
  g_clear_pointer (&demo->dir, g_free);
}

static gboolean
set_done (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop long enough for a few frames, so that what a change
 * shows is laid out and mapped, as the user would see it.
 */
void
tov_ui_settle (void)
{
  gboolean done = FALSE;

  g_timeout_add (100, set_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/**
 * tov_ui_find_widget:
 * @title: (nullable): for preferences rows, the start of the row's title
 *
 * Returns: the first widget of @type below @root, depth first
 */
GtkWidget *
tov_ui_find_widget (GtkWidget  *root,
                    GType       type,
                    const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (title == NULL || g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = tov_ui_find_widget (child, type, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * tov_ui_find_editor:
 *
 * Returns: the newest visible editor dialog, the one on top, or %NULL
 */
TovEditorDialog *
tov_ui_find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);
  TovEditorDialog *found = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (TOV_IS_EDITOR_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = TOV_EDITOR_DIALOG (window);
    }
  return found;
}

/**
 * tov_ui_query_text:
 *
 * Returns: the first column of the first row of @sql, read from the file
 *   itself through a connection of its own, or %NULL for no row
 */
char *
tov_ui_query_text (const char *path,
                   const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return result;
}
