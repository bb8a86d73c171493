/* bench-json.c: exporting and importing the whole portfolio as JSON.
 *
 * Export targets 500,000 records a second, import 200,000; a record is
 * any row of any kind, the portfolio record included.
 *
 * Every step runs several times (three, or as many as the second argument
 * says) and its median is reported: the machine's CPUs are shared, so the
 * processor time of each step is reported beside its wall-clock time. An
 * import goes into a new file each time, and the last one is exported
 * again to check that it gives the same bytes. The peak resident memory
 * of an import is measured from the start of the import.
 *
 * The peer of an import is SQLite copying the same rows from the imported
 * file into a new portfolio, with no JSON to read, and without the search
 * indexes, totals and reading indexes that an import computes too: less
 * than any import into this schema can take. A second figure is SQLite
 * filling the search index of that copy from its rows, and nothing else:
 * less than any import that keeps the index takes for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "bench-util.h"
#include "tov-json.h"
#include "tov-record.h"
#include "tov-records.h"

#define EXPORT_TARGET 500000.0
#define IMPORT_TARGET 200000.0

#define DEFAULT_RUNS 3

static guint
count_records (TovStore *store)
{
  guint n_types;
  const GType *types = tov_record_types (&n_types);
  guint n = 0;

  for (guint i = 0; i < n_types; i++)
    n += tov_store_count (store, types[i]);
  return n;
}

static void
remove_portfolio (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* Starts the peak resident memory (VmHWM) anew from what is resident now;
 * Linux does so when told "5" through clear_refs.
 */
static gboolean
reset_peak_memory (void)
{
  FILE *file = fopen ("/proc/self/clear_refs", "w");
  gboolean reset;

  if (file == NULL)
    return FALSE;
  reset = fputs ("5", file) >= 0;
  return fclose (file) == 0 && reset;
}

static void
run_sql (sqlite3    *db,
         const char *sql)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
}

/* Drops the triggers that keep derived tables and the indexes that only
 * speed up reading, as tov-json-bulk.c does before it writes rows.
 */
static void
drop_derived (sqlite3 *db)
{
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (sqlite3_free);
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT type, name FROM main.sqlite_master"
                                       " WHERE (type = 'trigger' AND sql NOT LIKE '%RAISE%') OR"
                                       " (type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (drops, sqlite3_mprintf ("DROP %s \"%w\"", sqlite3_column_text (stmt, 0),
                                             sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  for (guint i = 0; i < drops->len; i++)
    run_sql (db, g_ptr_array_index (drops, i));
}

/* Copies every row of the record tables of @from into @to, a new
 * portfolio, which is left without its derived tables: only for counting.
 */
static void
copy_rows_alone (const char *from,
                 const char *to)
{
  char *attach = sqlite3_mprintf ("ATTACH %Q AS source", from);
  guint n_types;
  const GType *types = tov_record_types (&n_types);
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (to, &db), ==, SQLITE_OK);
  run_sql (db, attach);
  sqlite3_free (attach);
  run_sql (db, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = DELETE; PRAGMA temp_store = 2;"
               "PRAGMA cache_size = -262144; BEGIN IMMEDIATE; DELETE FROM portfolio");
  drop_derived (db);
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(TovRecordClass) klass = g_type_class_ref (types[i]);
      g_autofree char *sql = g_strdup_printf ("INSERT INTO main.%s SELECT * FROM source.%s",
                                              klass->table, klass->table);

      run_sql (db, sql);
    }
  run_sql (db, "COMMIT");
  sqlite3_close (db);
}

/* Fills the search index of @path, a copy made by copy_rows_alone(), from
 * its rows in one statement, gathering the terms in memory as an import
 * does: the least any import that keeps the index takes for it alone.
 */
static void
index_rows_alone (const char *path)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  run_sql (db, "PRAGMA journal_mode = DELETE; PRAGMA temp_store = 2; PRAGMA cache_size = -262144;"
               "BEGIN IMMEDIATE;"
               "INSERT INTO search_index (search_index, rank) VALUES ('hashsize', 268435456);"
               "INSERT INTO search_index (rowid, kind, record_id, title, body) SELECT * FROM search_source;"
               "COMMIT");
  sqlite3_close (db);
}

typedef struct
{
  GArray *wall;    /* seconds */
  GArray *cpu;
} Samples;

static void
samples_init (Samples *samples)
{
  samples->wall = g_array_new (FALSE, FALSE, sizeof (double));
  samples->cpu = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
samples_clear (Samples *samples)
{
  g_array_unref (samples->wall);
  g_array_unref (samples->cpu);
}

typedef struct
{
  double wall_ms;
  double cpu;
} Start;

static Start
start_step (void)
{
  return (Start) { bench_now_ms (), bench_cpu_seconds () };
}

static void
end_step (Samples *samples,
          Start    start)
{
  double wall = (bench_now_ms () - start.wall_ms) / 1000;
  double cpu = bench_cpu_seconds () - start.cpu;

  g_array_append_val (samples->wall, wall);
  g_array_append_val (samples->cpu, cpu);
}

/* Reports the step's median time and processor time, and its rate. */
static gboolean
report_step (const char *key,
             const char *rate_key,
             Samples    *samples,
             guint       n_records,
             double      target)
{
  g_autofree char *cpu_key = g_strconcat (key, ".cpu", NULL);
  g_autofree char *cpu_rate_key = g_strconcat (rate_key, ".cpu", NULL);
  double wall = bench_median (samples->wall);
  double cpu = bench_median (samples->cpu);

  bench_report (key, wall, "s", BENCH_INFO, 0);
  bench_report (cpu_key, cpu, "s", BENCH_INFO, 0);
  bench_report (cpu_rate_key, n_records / cpu, "records/s", BENCH_INFO, 0);
  return bench_report (rate_key, n_records / wall, "records/s", BENCH_AT_LEAST, target);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TovStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  Samples in_memory, to_file, import, copy_rows, index_rows;
  gint64 peak_kib = 0, above_kib = 0;
  gsize length = 0, again_length = 0;
  guint n_records;
  guint runs = DEFAULT_RUNS;
  gboolean met = TRUE;

  if (argc < 2 || argc > 3 || (argc == 3 && (runs = atoi (argv[2])) < 1))
    {
      fprintf (stderr, "Usage: %s PORTFOLIO [RUNS]\n", argv[0]);
      return 2;
    }

  store = tov_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);
  n_records = count_records (store);
  dir = g_dir_make_tmp ("tovholder-bench-XXXXXX", &error);
  g_assert_no_error (error);
  json_path = g_build_filename (dir, "portfolio.json", NULL);
  copy_path = g_build_filename (dir, "copy.tovholder", NULL);
  samples_init (&in_memory);
  samples_init (&to_file);
  samples_init (&import);
  samples_init (&copy_rows);
  samples_init (&index_rows);

  printf ("JSON (%u records, median of %u runs):\n", n_records, runs);

  /* A first export reads the file into the page cache. */
  g_free (tov_json_export (store, &length, NULL));

  for (guint i = 0; i < runs; i++)
    {
      Start start;

      g_clear_pointer (&json, g_free);
      start = start_step ();
      json = tov_json_export (store, &length, &error);
      end_step (&in_memory, start);
      g_assert_no_error (error);

      start = start_step ();
      if (!tov_json_export_to_file (store, json_path, &error))
        g_error ("%s", error->message);
      end_step (&to_file, start);
    }
  bench_report ("json.export.megabytes", length / 1e6, "MB", BENCH_INFO, 0);
  met &= report_step ("json.export.in-memory", "json.export.in-memory-rate", &in_memory, n_records, EXPORT_TARGET);
  met &= report_step ("json.export.to-file", "json.export.to-file-rate", &to_file, n_records, EXPORT_TARGET);
  g_clear_object (&store);

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(TovStore) copy = NULL;
      gint64 before_kib;
      Start start;

      remove_portfolio (copy_path);
      copy = tov_store_open (copy_path, &error);
      g_assert_no_error (error);

      before_kib = bench_vm_rss_kib ();
      if (!reset_peak_memory ())
        before_kib = 0;
      start = start_step ();
      if (!tov_json_import (copy, json, length, NULL, NULL, &error))
        g_error ("%s", error->message);
      end_step (&import, start);
      peak_kib = MAX (peak_kib, bench_vm_hwm_kib ());
      if (before_kib > 0)
        above_kib = MAX (above_kib, bench_vm_hwm_kib () - before_kib);

      g_assert_cmpuint (count_records (copy), ==, n_records);
      if (i + 1 == runs)
        {
          again = tov_json_export (copy, &again_length, &error);
          g_assert_no_error (error);
        }
    }
  met &= report_step ("json.import", "json.import.rate", &import, n_records, IMPORT_TARGET);
  bench_report ("json.import.peak-rss", peak_kib / 1024.0, "MiB", BENCH_INFO, 0);
  bench_report ("json.import.peak-rss-above-start", above_kib / 1024.0, "MiB", BENCH_INFO, 0);

  for (guint i = 0; i < runs; i++)
    {
      g_autofree char *peer_path = g_build_filename (dir, "peer.tovholder", NULL);
      Start start;

      remove_portfolio (peer_path);
      g_clear_object (&store);
      store = tov_store_open (peer_path, &error);
      g_assert_no_error (error);
      g_clear_object (&store);

      start = start_step ();
      copy_rows_alone (copy_path, peer_path);
      end_step (&copy_rows, start);
      start = start_step ();
      index_rows_alone (peer_path);
      end_step (&index_rows, start);
      remove_portfolio (peer_path);
    }
  bench_report ("json.import.rows-alone-by-sqlite", bench_median (copy_rows.wall), "s", BENCH_INFO, 0);
  bench_report ("json.import.rows-alone-by-sqlite.cpu", bench_median (copy_rows.cpu), "s", BENCH_INFO, 0);
  bench_report ("json.import.rows-alone-by-sqlite-rate", n_records / bench_median (copy_rows.wall),
                "records/s", BENCH_INFO, 0);
  bench_report ("json.import.search-index-alone-by-sqlite", bench_median (index_rows.wall), "s", BENCH_INFO, 0);
  bench_report ("json.import.search-index-alone-by-sqlite.cpu", bench_median (index_rows.cpu), "s", BENCH_INFO, 0);
  bench_report ("json.import.search-index-alone-by-sqlite-rate", n_records / bench_median (index_rows.wall),
                "records/s", BENCH_INFO, 0);

  /* What was imported exports as the same document. */
  if (again_length != length || memcmp (again, json, length) != 0)
    g_error ("the imported portfolio does not export as the document it was imported from");

  samples_clear (&in_memory);
  samples_clear (&to_file);
  samples_clear (&import);
  samples_clear (&copy_rows);
  samples_clear (&index_rows);
  remove_portfolio (copy_path);
  g_unlink (json_path);
  g_rmdir (dir);
  return met ? 0 : 1;
}
