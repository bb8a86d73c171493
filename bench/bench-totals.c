/* bench-totals.c: the Budget section's totals per funding source, kind and year.
 *
 * Runs tov_budget_totals() as the Budget section does, with no filter and
 * with each of its filters, and times each call; the target is 20 ms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "bench-util.h"
#include "tov-budget-totals.h"
#include "tov-query-model.h"
#include "tov-records.h"

#define TARGET_MS 20.0
#define RUNS 15

static double
time_totals (TovStore              *store,
             const TovBudgetFilter *filter,
             GArray                *all)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (int run = 0; run <= RUNS; run++)
    {
      double start = bench_now_ms ();
      g_autoptr(GListModel) totals = tov_budget_totals (store, filter);
      double ms = bench_now_ms () - start;

      /* The first run reads the pages from disk; the others are what the
       * section sees while the user works.
       */
      if (run > 0)
        {
          g_array_append_val (times, ms);
          g_array_append_val (all, ms);
        }
    }
  return bench_median (times);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TovStore) store = NULL;
  g_autoptr(TovQueryModel) sources = NULL;
  g_autoptr(TovRecord) source = NULL;
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  TovBudgetFilter filter;

  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s PORTFOLIO\n", argv[0]);
      return 2;
    }

  store = tov_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);
  sources = tov_query_model_new (store, TOV_TYPE_FUNDING_SOURCE);
  source = g_list_model_get_item (G_LIST_MODEL (sources), 0);

  printf ("Budget totals (%u budget lines):\n", tov_store_count (store, TOV_TYPE_BUDGET_LINE));

  filter = TOV_BUDGET_FILTER_ANY;
  bench_report ("totals.all.median", time_totals (store, &filter, all), "ms", BENCH_INFO, 0);

  filter = TOV_BUDGET_FILTER_ANY;
  filter.funding_source_id = tov_record_get_id (source);
  bench_report ("totals.one-funding-source.median", time_totals (store, &filter, all), "ms", BENCH_INFO, 0);

  filter = TOV_BUDGET_FILTER_ANY;
  filter.kind = TOV_BUDGET_KIND_GRANT;
  bench_report ("totals.one-kind.median", time_totals (store, &filter, all), "ms", BENCH_INFO, 0);

  filter = TOV_BUDGET_FILTER_ANY;
  filter.year = 2020;
  bench_report ("totals.one-year.median", time_totals (store, &filter, all), "ms", BENCH_INFO, 0);

  filter = TOV_BUDGET_FILTER_ANY;
  filter.funding_source_id = tov_record_get_id (source);
  filter.kind = TOV_BUDGET_KIND_GRANT;
  filter.year = 2020;
  bench_report ("totals.source-kind-year.median", time_totals (store, &filter, all), "ms", BENCH_INFO, 0);

  return bench_report ("totals.max", bench_max (all), "ms", BENCH_AT_MOST, TARGET_MS) ? 0 : 1;
}
