/* tov-test-portfolio.c: a portfolio file in a temporary directory, for tests.
 *
 * The set-up and tear-down functions have the shape g_test_add() wants.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "tov-demo.h"
#include "tov-test-portfolio.h"

/* A new, empty portfolio: "portfolio.tovholder" in a directory of its own. */
void
tov_test_portfolio_set_up (TovTestPortfolio *portfolio,
                           gconstpointer     data)
{
  g_autoptr(GError) error = NULL;

  portfolio->dir = g_dir_make_tmp ("tovholder-XXXXXX", &error);
  g_assert_no_error (error);
  portfolio->path = g_build_filename (portfolio->dir, "portfolio.tovholder", NULL);
  portfolio->store = tov_store_open (portfolio->path, &error);
  g_assert_no_error (error);
}

/* The same, holding the demo portfolio. */
void
tov_test_portfolio_set_up_demo (TovTestPortfolio *portfolio,
                                gconstpointer     data)
{
  g_autoptr(GError) error = NULL;

  tov_test_portfolio_set_up (portfolio, data);
  tov_demo_load (portfolio->store, &error);
  g_assert_no_error (error);
}

void
tov_test_portfolio_tear_down (TovTestPortfolio *portfolio,
                              gconstpointer     data)
{
  g_clear_object (&portfolio->store);
  tov_test_remove_dir (portfolio->dir);
  g_clear_pointer (&portfolio->dir, g_free);
  g_clear_pointer (&portfolio->path, g_free);
}

/* Removes @dir and the files in it; tests make no deeper trees. */
void
tov_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Every row of @sql, a line each with its columns between tabs. */
char *
tov_test_dump_rows (sqlite3    *db,
                    const char *sql)
{
  GString *rows = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (rows, "%s%s", i > 0 ? "\t" : "", text != NULL ? text : "NULL");
        }
      g_string_append_c (rows, '\n');
    }
  g_assert_cmpint (sqlite3_finalize (stmt), ==, SQLITE_OK);
  return g_string_free (rows, FALSE);
}
