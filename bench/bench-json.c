/* bench-json.c: exporting and importing the whole portfolio as JSON.
 *
 * Export targets 500,000 records a second, import 200,000; a record is
 * any row of any kind, the portfolio record included.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "bench-util.h"
#include "tov-json.h"
#include "tov-records.h"

#define EXPORT_TARGET 500000.0
#define IMPORT_TARGET 200000.0

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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TovStore) store = NULL;
  g_autoptr(TovStore) copy = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *json = NULL;
  gsize length;
  guint n_records;
  double start, s;
  gboolean met = TRUE;

  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s PORTFOLIO\n", argv[0]);
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

  printf ("JSON (%u records):\n", n_records);

  /* A first export reads the file into the page cache. */
  g_free (tov_json_export (store, &length, NULL));

  start = bench_now_ms ();
  json = tov_json_export (store, &length, &error);
  s = (bench_now_ms () - start) / 1000;
  g_assert_no_error (error);
  bench_report ("json.export.megabytes", length / 1e6, "MB", BENCH_INFO, 0);
  bench_report ("json.export.in-memory", s, "s", BENCH_INFO, 0);
  met &= bench_report ("json.export.in-memory-rate", n_records / s, "records/s", BENCH_AT_LEAST, EXPORT_TARGET);

  start = bench_now_ms ();
  if (!tov_json_export_to_file (store, json_path, &error))
    g_error ("%s", error->message);
  s = (bench_now_ms () - start) / 1000;
  bench_report ("json.export.to-file", s, "s", BENCH_INFO, 0);
  met &= bench_report ("json.export.to-file-rate", n_records / s, "records/s", BENCH_AT_LEAST, EXPORT_TARGET);
  g_clear_object (&store);

  copy = tov_store_open (copy_path, &error);
  g_assert_no_error (error);
  start = bench_now_ms ();
  if (!tov_json_import (copy, json, length, NULL, NULL, &error))
    g_error ("%s", error->message);
  s = (bench_now_ms () - start) / 1000;
  bench_report ("json.import", s, "s", BENCH_INFO, 0);
  met &= bench_report ("json.import.rate", n_records / s, "records/s", BENCH_AT_LEAST, IMPORT_TARGET);
  g_assert_cmpuint (count_records (copy), ==, n_records);
  g_clear_object (&copy);

  remove_portfolio (copy_path);
  g_unlink (json_path);
  g_rmdir (dir);
  return met ? 0 : 1;
}
