/* test-integrity.c: a portfolio opened at once and checked in a thread.
 *
 * The window opens portfolios with tov_store_open_checking_later(), and
 * starts the check after its first frame: these tests make sure that the
 * check still keeps every write away from a damaged file, whether or not it
 * has started, and that nothing about the file changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "tov-error.h"
#include "tov-json.h"
#include "tov-migrations.h"
#include "tov-test-portfolio.h"
#include "tov-theme.h"

typedef struct
{
  char *contents;
  gsize length;
  GStatBuf stat;
} Snapshot;

static void
snapshot_take (Snapshot   *snapshot,
               const char *path)
{
  g_assert_true (g_file_get_contents (path, &snapshot->contents, &snapshot->length, NULL));
  g_assert_cmpint (g_stat (path, &snapshot->stat), ==, 0);
}

static void
assert_unchanged (Snapshot   *before,
                  const char *path)
{
  Snapshot after;

  snapshot_take (&after, path);
  g_assert_cmpmem (before->contents, before->length, after.contents, after.length);
  g_assert_cmpint (before->stat.st_mtime, ==, after.stat.st_mtime);
  g_free (after.contents);
  g_free (before->contents);
}

static TovTheme *
new_theme (void)
{
  return g_object_new (TOV_TYPE_THEME, "number", (gint64) 3, "title", "Vejen til velfærd", NULL);
}

/* A portfolio of ours, closed, with a theme in it. */
static void
write_portfolio (TovTestPortfolio *portfolio)
{
  g_autoptr(TovTheme) theme = new_theme ();

  g_assert_true (tov_store_save (portfolio->store, TOV_RECORD (theme), NULL));
  g_clear_object (&portfolio->store);
}

/* Noise over the file's last page: one of the themes', which opening the
 * portfolio does not read.
 */
static void
damage_last_page (TovTestPortfolio *portfolio)
{
  g_autofree char *contents = NULL;
  gsize length;

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(TovTheme) theme = new_theme ();
      g_autofree char *title = g_strnfill (200, 'a' + i % 26);

      g_object_set (theme, "title", title, NULL);
      g_assert_true (tov_store_save (portfolio->store, TOV_RECORD (theme), NULL));
    }
  g_clear_object (&portfolio->store);

  g_assert_true (g_file_get_contents (portfolio->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 16 * 4096);
  for (gsize i = length - 4096; i < length; i++)
    contents[i] = (char) (i * 7919 % 251);
  g_assert_true (g_file_set_contents (portfolio->path, contents, length, NULL));
}

/* A document with one theme, to import. */
static char *
theme_document (TovTestPortfolio *portfolio)
{
  g_autofree char *path = g_build_filename (portfolio->dir, "other.tovholder", NULL);
  g_autoptr(TovStore) other = tov_store_open (path, NULL);
  g_autoptr(TovTheme) theme = new_theme ();

  g_assert_true (tov_store_save (other, TOV_RECORD (theme), NULL));
  return tov_json_export (other, NULL, NULL);
}

static void
count_damaged (TovStore     *store,
               const GError *error,
               guint        *n_damaged)
{
  g_assert_error (error, TOV_ERROR, TOV_ERROR_DAMAGED);
  (*n_damaged)++;
}

static void
test_whole_file_takes_writes (TovTestPortfolio *portfolio,
                              gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TovStore) store = NULL;
  g_autoptr(TovTheme) theme = new_theme ();
  guint n_damaged = 0;

  write_portfolio (portfolio);
  store = tov_store_open_checking_later (portfolio->path, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "damaged", G_CALLBACK (count_damaged), &n_damaged);

  g_object_set (theme, "number", (gint64) 4, NULL);
  g_assert_true (tov_store_save (store, TOV_RECORD (theme), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tov_store_count (store, TOV_TYPE_THEME), ==, 2);

  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (n_damaged, ==, 0);
}

/* The portfolio with its last page damaged, opened to be checked later,
 * with what it reports counted in @n_damaged; @before, if given, is
 * what the file held before opening.
 */
static TovStore *
open_damaged (TovTestPortfolio *portfolio,
              Snapshot         *before,
              guint            *n_damaged)
{
  g_autoptr(GError) error = NULL;
  TovStore *store;

  damage_last_page (portfolio);
  if (before != NULL)
    snapshot_take (before, portfolio->path);

  store = tov_store_open_checking_later (portfolio->path, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "damaged", G_CALLBACK (count_damaged), n_damaged);
  return store;
}

/* No check has started when the writes come: the first write starts it,
 * and waits for it.
 */
static void
test_damaged_file_takes_no_write (TovTestPortfolio *portfolio,
                                  gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TovStore) store = NULL;
  g_autoptr(TovTheme) theme = new_theme ();
  g_autofree char *document = theme_document (portfolio);
  Snapshot before;
  guint n_damaged = 0;

  store = open_damaged (portfolio, &before, &n_damaged);
  g_assert_false (tov_store_save (store, TOV_RECORD (theme), &error));
  g_assert_error (error, TOV_ERROR, TOV_ERROR_DAMAGED);
  g_clear_error (&error);
  g_assert_false (tov_store_save_copy (store, portfolio->path, NULL));
  g_assert_false (tov_json_import (store, document, strlen (document), NULL, NULL, &error));
  g_assert_error (error, TOV_ERROR, TOV_ERROR_DAMAGED);
  g_clear_error (&error);

  while (n_damaged == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_damaged, ==, 1);
  g_clear_object (&store);

  assert_unchanged (&before, portfolio->path);

  /* Opened the other way, the file is refused at once. */
  g_clear_error (&error);
  snapshot_take (&before, portfolio->path);
  g_assert_null (tov_store_open (portfolio->path, &error));
  g_assert_error (error, TOV_ERROR, TOV_ERROR_DAMAGED);
  assert_unchanged (&before, portfolio->path);
}

/* The check starts when asked to, and a write after it is refused. */
static void
test_started_check_reports_damage (TovTestPortfolio *portfolio,
                                   gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TovStore) store = NULL;
  g_autoptr(TovTheme) theme = new_theme ();
  Snapshot before;
  guint n_damaged = 0;

  store = open_damaged (portfolio, &before, &n_damaged);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (n_damaged, ==, 0);

  tov_store_start_check (store);
  tov_store_start_check (store);
  while (n_damaged == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (tov_store_save (store, TOV_RECORD (theme), &error));
  g_assert_error (error, TOV_ERROR, TOV_ERROR_DAMAGED);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (n_damaged, ==, 1);
  g_clear_object (&store);

  assert_unchanged (&before, portfolio->path);
}

/* A store let go of while its check runs ends the check, and nothing is
 * reported for it afterwards.
 */
static void
test_closing_ends_check (TovTestPortfolio *portfolio,
                         gconstpointer     data)
{
  g_autoptr(TovStore) store = NULL;
  guint n_damaged = 0;

  store = open_damaged (portfolio, NULL, &n_damaged);
  tov_store_start_check (store);
  g_clear_object (&store);

  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (n_damaged, ==, 0);
}

static void
test_truncated_file_refused_at_once (TovTestPortfolio *portfolio,
                                     gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  Snapshot before;

  write_portfolio (portfolio);
  g_assert_true (g_file_get_contents (portfolio->path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (portfolio->path, contents, length / 2, NULL));
  snapshot_take (&before, portfolio->path);

  g_assert_null (tov_store_open_checking_later (portfolio->path, &error));
  g_assert_error (error, TOV_ERROR, TOV_ERROR_DAMAGED);
  assert_unchanged (&before, portfolio->path);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
}

/* A newer version that is still in the journal, not yet in the file's
 * header, is refused too, and its journal is not copied into the file.
 */
static void
test_newer_schema_in_journal_refused (TovTestPortfolio *portfolio,
                                      gconstpointer     data)
{
  g_autofree char *copy = g_build_filename (portfolio->dir, "copy.tovholder", NULL);
  g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);
  g_autofree char *wal = g_strconcat (portfolio->path, "-wal", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", TOV_SCHEMA_VERSION + 1);
  g_autoptr(GError) error = NULL;
  Snapshot before;
  sqlite3 *db;

  write_portfolio (portfolio);
  g_assert_cmpint (sqlite3_open (portfolio->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  /* While the connection is open, the change is in the journal only. */
  copy_file (portfolio->path, copy);
  copy_file (wal, copy_wal);
  sqlite3_close (db);
  snapshot_take (&before, copy);

  g_assert_null (tov_store_open_checking_later (copy, &error));
  g_assert_error (error, TOV_ERROR, TOV_ERROR_TOO_NEW);
  assert_unchanged (&before, copy);

  g_clear_error (&error);
  snapshot_take (&before, copy);
  g_assert_null (tov_store_open (copy, &error));
  g_assert_error (error, TOV_ERROR, TOV_ERROR_TOO_NEW);
  assert_unchanged (&before, copy);
}

/* A file whose last transaction did not finish, as an import into a new
 * file leaves it when the machine stops in the middle: pages of the
 * transaction already in the file, and the rollback journal beside it.
 * It opens as it was before that transaction.
 */
static void
test_unfinished_transaction_rolled_back (TovTestPortfolio *portfolio,
                                         gconstpointer     data)
{
  g_autofree char *copy = g_build_filename (portfolio->dir, "copy.tovholder", NULL);
  g_autofree char *copy_journal = g_strconcat (copy, "-journal", NULL);
  g_autofree char *journal = g_strconcat (portfolio->path, "-journal", NULL);
  g_autoptr(TovStore) store = NULL;
  g_autoptr(TovTheme) theme = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf written, before;
  sqlite3 *db;

  write_portfolio (portfolio);
  g_assert_cmpint (g_stat (portfolio->path, &before), ==, 0);
  g_assert_cmpint (sqlite3_open (portfolio->path, &db), ==, SQLITE_OK);
  /* A small page cache writes the transaction's pages to the file. */
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA journal_mode = DELETE; PRAGMA cache_size = 10; BEGIN;"
                                 "CREATE TABLE unfinished (x);"
                                 "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
                                 "  INSERT INTO unfinished SELECT randomblob (500) FROM n;"
                                 "UPDATE theme SET title = 'Halvt skrevet';",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  copy_file (portfolio->path, copy);
  copy_file (journal, copy_journal);
  sqlite3_close (db);
  g_assert_cmpint (g_stat (copy, &written), ==, 0);
  g_assert_cmpint (written.st_size, >, before.st_size);

  store = tov_store_open_checking_later (copy, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (copy_journal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (copy, &written), ==, 0);
  g_assert_cmpint (written.st_size, ==, before.st_size);
  g_assert_cmpuint (tov_store_count (store, TOV_TYPE_THEME), ==, 1);
  theme = new_theme ();
  g_assert_true (tov_store_save (store, TOV_RECORD (theme), &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/integrity/" name, TovTestPortfolio, NULL, tov_test_portfolio_set_up, func, tov_test_portfolio_tear_down)
  ADD ("whole-file-takes-writes", test_whole_file_takes_writes);
  ADD ("damaged-file-takes-no-write", test_damaged_file_takes_no_write);
  ADD ("started-check-reports-damage", test_started_check_reports_damage);
  ADD ("closing-ends-check", test_closing_ends_check);
  ADD ("truncated-file-refused-at-once", test_truncated_file_refused_at_once);
  ADD ("newer-schema-in-journal-refused", test_newer_schema_in_journal_refused);
  ADD ("unfinished-transaction-rolled-back", test_unfinished_transaction_rolled_back);
#undef ADD

  return g_test_run ();
}
