/* bench-model.c: a list of every budget line holds rowids, not records.
 *
 * Creates the Budget section's TovQueryModel over every budget line and
 * measures what it costs on the heap and in time: the model should hold
 * eight bytes a row (a rowid) and read records only for the rows a view
 * asks for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <malloc.h>
#include <stdio.h>

#include "bench-util.h"
#include "tov-query-model.h"
#include "tov-records.h"

static gint64
heap_bytes (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return (gint64) (info.uordblks + info.hblkhd);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TovStore) store = NULL;
  g_autoptr(TovQueryModel) lines = NULL;
  gint64 before, after_model, after_rows;
  double start, model_ms;
  guint n_items;
  gboolean met = TRUE;

  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s PORTFOLIO\n", argv[0]);
      return 2;
    }

  store = tov_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);

  /* Warm SQLite's statement and page caches with a first model. */
  lines = tov_query_model_new (store, TOV_TYPE_BUDGET_LINE);
  g_list_model_get_n_items (G_LIST_MODEL (lines));
  g_clear_object (&lines);

  /* The model reads its rowids when first asked for its length. */
  before = heap_bytes ();
  start = bench_now_ms ();
  lines = tov_query_model_new (store, TOV_TYPE_BUDGET_LINE);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (lines));
  model_ms = bench_now_ms () - start;
  after_model = heap_bytes ();

  /* A screenful of rows, as a view binds them. */
  for (guint i = 0; i < 40; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (lines), i));
  after_rows = heap_bytes ();

  printf ("TovQueryModel over %u budget lines:\n", n_items);
  bench_report ("model.budget-lines.n-items", n_items, "rows", BENCH_INFO, 0);
  bench_report ("model.budget-lines.create", model_ms, "ms", BENCH_INFO, 0);
  bench_report ("model.budget-lines.heap", (after_model - before) / 1024.0, "KiB", BENCH_INFO, 0);
  /* A rowid is 8 bytes; GArray may hold up to twice what it uses. */
  met &= bench_report ("model.budget-lines.heap-per-row", (double) (after_model - before) / MAX (n_items, 1),
                       "bytes", BENCH_AT_MOST, 16);
  bench_report ("model.budget-lines.heap-40-rows-read", (after_rows - after_model) / 1024.0, "KiB", BENCH_INFO, 0);

  return met ? 0 : 1;
}
