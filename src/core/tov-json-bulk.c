/* tov-json-bulk.c: the rows of a document written into a new portfolio.
 *
 * An import into a new file is all inserts, often of hundreds of
 * thousands of records: too many to make a GObject of each and save it
 * through the store. The rows go in as tov_generate() writes its rows:
 * with prepared INSERTs of many rows each, in one transaction, the
 * columns in the order of the record classes' fields as the store's own
 * INSERT has them, and every table in the order of tov_record_types(),
 * so that foreign keys and the triggers that check rows check them as
 * they check any other write.
 *
 * The triggers that keep derived tables, the search indexes and the
 * budget totals, are the exception. Fired once a row, they would index
 * and add up every record on its own, and FTS5 writes a segment at every
 * statement. Instead they are dropped for the transaction, every derived
 * table is computed once from the record tables at the end with
 * tov_migration_rebuild_sql(), and the triggers are made again from the
 * SQL the file has for them. The indexes that only speed up reading are
 * dropped and made again too, which sorts each once. The file that
 * commits holds the same rows as if every record had been saved on its
 * own; a transaction that does not commit takes the schema back with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-json"

#include "config.h"

#include <string.h>
#include <time.h>

#include "tov-json-private.h"
#include "tov-migrations.h"
#include "tov-store-private.h"

/* Rows a statement inserts at once. */
#define BATCH_ROWS 64

/* The page cache during the import, in KiB: large enough that SQLite
 * does not write pages of a portfolio of half a million records to the
 * WAL before the commit, where it writes them once.
 */
#define BULK_CACHE_KIB (256 * 1024)

TovJsonTimer
tov_json_timer_start (void)
{
  struct timespec cpu = { 0, };

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &cpu);
  return (TovJsonTimer) { g_get_monotonic_time (), cpu.tv_sec * G_USEC_PER_SEC + cpu.tv_nsec / 1000 };
}

void
tov_json_timer_debug (TovJsonTimer  timer,
                      const char   *what)
{
  TovJsonTimer now = tov_json_timer_start ();

  g_debug ("%s: %.2f s, %.2f s of processor time", what,
           (now.wall - timer.wall) / 1e6, (now.cpu - timer.cpu) / 1e6);
}

/* Runs @sql, any number of statements; for SQL that is run once, which
 * the store need not keep prepared.
 */
static gboolean
run_script (TovStore    *store,
            sqlite3     *db,
            const char  *sql,
            GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      tov_store_set_sqlite_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/* Triggers and indexes ---------------------------------------------------- */

/* Drops the triggers or indexes (@type) of the record tables that @where
 * picks, and returns the SQL that makes them again, in the order they
 * were made.
 */
static GPtrArray *
drop_schema (TovStore    *store,
             sqlite3     *db,
             const char  *type,
             const char  *where,
             GError     **error)
{
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) tables = g_string_new (NULL);
  g_autoptr(GString) drop = g_string_new (NULL);
  g_autofree char *sql = NULL;
  guint n_layouts;
  TovJsonLayout *layouts = tov_json_layouts (&n_layouts);
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < n_layouts; i++)
    g_string_append_printf (tables, "%s'%s'", i > 0 ? ", " : "", layouts[i].table);
  sql = g_strdup_printf ("SELECT name, sql FROM sqlite_master WHERE type = '%s'"
                         " AND tbl_name IN (%s) AND %s ORDER BY rowid", type, tables->str, where);

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      tov_store_set_sqlite_error (store, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *drop_one = sqlite3_mprintf ("DROP %s \"%w\";", type, (const char *) sqlite3_column_text (stmt, 0));

      g_string_append (drop, drop_one);
      sqlite3_free (drop_one);
      g_ptr_array_add (made, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      tov_store_set_sqlite_error (store, error);
      return NULL;
    }

  if (!run_script (store, db, drop->str, error))
    return NULL;
  return g_steal_pointer (&made);
}

/* The triggers that keep derived tables: those on a record table that
 * raise no error. A trigger that raises one checks the rows, and stays.
 */
static GPtrArray *
drop_derived_triggers (TovStore  *store,
                       sqlite3   *db,
                       GError   **error)
{
  return drop_schema (store, db, "trigger", "sql NOT LIKE '%RAISE%'", error);
}

/* The indexes that only speed up reading. Building an index once from the
 * rows sorts them; adding every row to it as the row goes in costs a walk
 * down the index to a place that is somewhere else each time. Indexes
 * that keep values unique stay, as do those SQLite makes for a primary
 * key, which have no SQL.
 */
static GPtrArray *
drop_indexes (TovStore  *store,
              sqlite3   *db,
              GError   **error)
{
  return drop_schema (store, db, "index", "sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'", error);
}

static gboolean
create_schema (TovStore   *store,
               sqlite3    *db,
               GPtrArray  *sqls,
               GError    **error)
{
  for (guint i = 0; i < sqls->len; i++)
    if (!run_script (store, db, g_ptr_array_index (sqls, i), error))
      return FALSE;
  return TRUE;
}

/* FTS5 -------------------------------------------------------------------- */

/* How many bytes of terms an FTS5 table gathers in memory before it
 * writes them to the file as a segment; 1 MiB unless told. Computing a
 * search index anew, it would write hundreds of segments and merge them
 * over and over. While the derived tables are computed, each FTS5 table
 * is told to gather up to 256 MiB, so that it writes its terms once or a
 * few times, which takes a third of the time. The setting is a row of
 * the table's configuration, put back as it was before the commit. (This
 * connection keeps gathering that much within one statement until it
 * next reads the configuration, which only a statement that writes many
 * rows at once notices.)
 */
#define BULK_FTS5_HASHSIZE (256 * 1024 * 1024)

typedef struct
{
  char *table;
  char *hashsize;      /* as the configuration had it; NULL if not set */
} Fts5Setting;

static void
fts5_setting_free (gpointer data)
{
  Fts5Setting *setting = data;

  g_free (setting->table);
  g_free (setting->hashsize);
  g_free (setting);
}

/* Whether @sql creates an FTS5 table, rather than, say, an fts5vocab one. */
static gboolean
is_fts5_table (const char *sql)
{
  g_autofree char *lower = g_ascii_strdown (sql, -1);
  const char *module = strstr (lower, " using ");

  if (!g_str_has_prefix (lower, "create virtual table") || module == NULL)
    return FALSE;
  module += strlen (" using ");
  while (g_ascii_isspace (*module))
    module++;
  return g_str_has_prefix (module, "fts5") && (module[4] == '(' || g_ascii_isspace (module[4]));
}

/* Reads the hashsize of @setting's table into it: NULL when the table has
 * none of its own.
 */
static gboolean
read_hashsize (TovStore     *store,
               sqlite3      *db,
               Fts5Setting  *setting,
               GError      **error)
{
  char *sql = sqlite3_mprintf ("SELECT v FROM \"%w_config\" WHERE k = 'hashsize'", setting->table);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  sqlite3_free (sql);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        setting->hashsize = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      tov_store_set_sqlite_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/* Tells every FTS5 table of the file to gather its terms in memory, and
 * returns what each had, for restore_fts5(). A table that takes no such
 * setting is left as it is: it is only slower.
 */
static GPtrArray *
enlarge_fts5 (TovStore  *store,
              sqlite3   *db,
              GError   **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) settings = g_ptr_array_new_with_free_func (fts5_setting_free);
  sqlite3_stmt *stmt;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY rowid",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      tov_store_set_sqlite_error (store, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (sqlite3_column_text (stmt, 1) != NULL && is_fts5_table ((const char *) sqlite3_column_text (stmt, 1)))
      g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      tov_store_set_sqlite_error (store, error);
      return NULL;
    }

  for (guint i = 0; i < tables->len; i++)
    {
      Fts5Setting *setting = g_new0 (Fts5Setting, 1);
      char *sql;

      setting->table = g_strdup (g_ptr_array_index (tables, i));
      if (!read_hashsize (store, db, setting, error))
        {
          fts5_setting_free (setting);
          return NULL;
        }

      sql = sqlite3_mprintf ("INSERT INTO \"%w\" (\"%w\", rank) VALUES ('hashsize', %d)",
                             setting->table, setting->table, BULK_FTS5_HASHSIZE);
      if (sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK)
        g_ptr_array_add (settings, setting);
      else
        fts5_setting_free (setting);
      sqlite3_free (sql);
    }

  return g_steal_pointer (&settings);
}

static gboolean
restore_fts5 (TovStore   *store,
              sqlite3    *db,
              GPtrArray  *settings,
              GError    **error)
{
  for (guint i = 0; i < settings->len; i++)
    {
      Fts5Setting *setting = g_ptr_array_index (settings, i);
      char *sql;
      gboolean ok;

      if (setting->hashsize != NULL)
        sql = sqlite3_mprintf ("INSERT INTO \"%w\" (\"%w\", rank) VALUES ('hashsize', %Q)",
                               setting->table, setting->table, setting->hashsize);
      else
        sql = sqlite3_mprintf ("DELETE FROM \"%w_config\" WHERE k = 'hashsize'", setting->table);
      ok = run_script (store, db, sql, error);
      sqlite3_free (sql);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* Rows -------------------------------------------------------------------- */

/* "INSERT INTO table (id, created, updated, …) VALUES (?, …), …" for
 * @n_rows rows.
 */
static char *
insert_sql (const TovJsonLayout *layout,
            guint                n_rows)
{
  GString *sql = g_string_new (NULL);

  g_string_printf (sql, "INSERT INTO %s (", layout->table);
  for (guint i = 0; i < layout->n_fields; i++)
    g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", layout->fields[i].key);
  g_string_append_c (sql, ')');
  tov_store_append_values (sql, layout->n_fields, n_rows);

  return g_string_free (sql, FALSE);
}

static void
bind_row (sqlite3_stmt        *stmt,
          int                  offset,
          const TovJsonLayout *layout,
          const TovJsonValue  *row)
{
  for (guint i = 0; i < layout->n_fields; i++)
    {
      int param = offset + i + 1;

      switch (layout->fields[i].kind)
        {
        case TOV_JSON_KIND_ID:
        case TOV_JSON_KIND_TIMESTAMP:
        case TOV_JSON_KIND_TEXT:
        case TOV_JSON_KIND_DATE:
        case TOV_JSON_KIND_REF:
          /* The document outlives the statement. */
          if (row[i].text == NULL)
            sqlite3_bind_null (stmt, param);
          else
            sqlite3_bind_text (stmt, param, row[i].text, row[i].number, SQLITE_STATIC);
          break;

        case TOV_JSON_KIND_INT:
          sqlite3_bind_int64 (stmt, param, row[i].number);
          break;

        case TOV_JSON_KIND_BOOL:
          sqlite3_bind_int (stmt, param, row[i].number != 0);
          break;

        case TOV_JSON_KIND_CHOICE:
          sqlite3_bind_text (stmt, param, row[i].text, -1, SQLITE_STATIC);
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* Inserts the rows of one layout, in the order of @order. */
static gboolean
insert_rows (TovStore             *store,
             const TovJsonLayout  *layout,
             TovJsonRows          *rows,
             const guint          *order,
             GError              **error)
{
  g_autofree char *batch_sql = insert_sql (layout, BATCH_ROWS);
  g_autofree char *single_sql = insert_sql (layout, 1);
  guint next = 0;

  while (next < rows->n_records)
    {
      guint n = rows->n_records - next >= BATCH_ROWS ? BATCH_ROWS : 1;
      sqlite3_stmt *stmt = tov_store_prepare (store, n > 1 ? batch_sql : single_sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < n; i++)
        bind_row (stmt, i * layout->n_fields, layout,
                  tov_json_rows_get (rows, layout->n_fields, order[next + i]));
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        tov_store_set_sqlite_error (store, error);
      /* Let go of the document's strings. */
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (rc != SQLITE_DONE)
        return FALSE;
      next += n;
    }
  return TRUE;
}

/* Writes everything in the transaction that tov_json_bulk_write() opened. */
static gboolean
write_rows (TovStore     *store,
            sqlite3      *db,
            TovJsonRows  *rows,
            guint       **orders,
            GError      **error)
{
  g_autoptr(GPtrArray) triggers = NULL;
  g_autoptr(GPtrArray) indexes = NULL;
  g_autoptr(GPtrArray) fts5 = NULL;
  guint n_layouts;
  TovJsonLayout *layouts = tov_json_layouts (&n_layouts);
  TovJsonTimer timer = tov_json_timer_start ();

  triggers = drop_derived_triggers (store, db, error);
  if (triggers == NULL)
    return FALSE;
  indexes = drop_indexes (store, db, error);
  if (indexes == NULL)
    return FALSE;

  /* The portfolio record goes in through the store, afterwards. */
  for (guint i = 1; i < n_layouts; i++)
    if (!insert_rows (store, &layouts[i], &rows[i], orders[i], error))
      return FALSE;
  tov_json_timer_debug (timer, "rows");

  /* The indexes first: computing the derived tables reads some of them. */
  timer = tov_json_timer_start ();
  if (!create_schema (store, db, indexes, error))
    return FALSE;
  tov_json_timer_debug (timer, "indexes");

  timer = tov_json_timer_start ();
  fts5 = enlarge_fts5 (store, db, error);
  if (fts5 == NULL ||
      !run_script (store, db, tov_migration_rebuild_sql (), error) ||
      !restore_fts5 (store, db, fts5, error))
    return FALSE;
  tov_json_timer_debug (timer, "derived tables");

  return create_schema (store, db, triggers, error);
}

/* The store's connection, which a statement of its own leads to. */
static sqlite3 *
connection (TovStore  *store,
            GError   **error)
{
  sqlite3_stmt *stmt = tov_store_prepare (store, "SELECT 1", error);

  return stmt != NULL ? sqlite3_db_handle (stmt) : NULL;
}

/**
 * tov_json_bulk_write:
 * @rows: one TovJsonRows per layout of tov_json_layouts()
 * @orders: for each layout, the order to insert its rows in
 * @check: called once, whatever happens, after the rows are written and
 *   before they are committed; its error is the one reported
 *
 * Inserts every row but the portfolio record's into @store, a new
 * portfolio, in one transaction, and computes the derived tables from
 * them. The connection is set up for many rows in one transaction:
 * statement journals kept in memory instead of temporary files, and a
 * page cache large enough that SQLite does not spill half-written pages
 * in the middle. The transaction keeps a rollback journal rather than
 * the WAL: a journal holds only the few pages the new file had before,
 * and the rows are written once, into the file, where the WAL would
 * write all of them twice, to the log and then at the checkpoint. When
 * another connection has the file open, SQLite keeps the WAL, which is
 * only slower. All three are put back.
 *
 * Returns: whether the rows were written; if not, nothing was
 */
gboolean
tov_json_bulk_write (TovStore          *store,
                     TovJsonRows       *rows,
                     guint            **orders,
                     TovJsonBulkCheck   check,
                     gpointer           check_data,
                     GError           **error)
{
  g_autoptr(GError) write_error = NULL;
  gint64 temp_store = 0, cache_size = 0;
  gboolean begun = FALSE, written = FALSE;
  sqlite3 *db = NULL;

  if (!tov_store_ensure_intact (store, error))
    return FALSE;

  if (tov_store_query_int (store, "PRAGMA temp_store", &temp_store, &write_error) &&
      tov_store_query_int (store, "PRAGMA cache_size", &cache_size, &write_error) &&
      (db = connection (store, &write_error)) != NULL)
    {
      tov_store_set_pragma (store, "temp_store", 2);
      tov_store_set_pragma (store, "cache_size", -BULK_CACHE_KIB);
      tov_store_run (store, "PRAGMA journal_mode = DELETE", NULL);
      begun = tov_store_run (store, "BEGIN IMMEDIATE", &write_error);
      written = begun && write_rows (store, db, rows, orders, &write_error);
    }

  /* A record that fails its check would have been refused before any
   * row was written: its error comes first.
   */
  if (!check (check_data, error))
    {
      g_clear_error (&write_error);
      written = FALSE;
    }
  else if (written)
    {
      TovJsonTimer timer = tov_json_timer_start ();

      written = tov_store_run (store, "COMMIT", &write_error);
      tov_json_timer_debug (timer, "commit");
    }

  if (begun && !written)
    tov_store_run (store, "ROLLBACK", NULL);
  if (db != NULL)
    {
      tov_store_run (store, "PRAGMA journal_mode = WAL", NULL);
      tov_store_set_pragma (store, "cache_size", cache_size);
      tov_store_set_pragma (store, "temp_store", temp_store);
    }
  if (write_error != NULL)
    g_propagate_error (error, g_steal_pointer (&write_error));
  return written;
}
