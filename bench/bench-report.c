/* bench-report.c: status sheets as PDF.
 *
 * The sheet of an action plan with 40 initiatives (target 0.1 s) and the
 * overview of the whole portfolio (target 3 s), each written to a PDF file
 * the way `tovholder-cli status-sheet` writes it. A long sheet is measured
 * on two threads, so the processor time of the process, given beside the
 * wall-clock time, can exceed it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "bench-util.h"
#include "tov-records.h"
#include "tov-report.h"
#include "tov-store-private.h"

#define PLAN_TARGET_S 0.1
#define PORTFOLIO_TARGET_S 3.0
#define RUNS 5

/* The action plan whose number of initiatives is nearest 40. */
static TovRecord *
plan_of_40 (TovStore *store,
            gint64   *n_initiatives)
{
  sqlite3_stmt *stmt = tov_store_prepare (store,
                                          "SELECT plan_id, count (*) AS n FROM initiative GROUP BY plan_id "
                                          "ORDER BY abs (n - 40), plan_id LIMIT 1", NULL);
  g_autofree char *id = NULL;

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("The portfolio has no action plan with initiatives");
  id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  *n_initiatives = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);

  return tov_store_lookup (store, TOV_TYPE_ACTION_PLAN, id);
}

/* The median wall-clock time of @runs sheets, and in @cpu their median
 * processor time.
 */
static double
time_sheet (TovStore     *store,
            TovSheetKind  kind,
            TovRecord    *subject,
            const char   *path,
            int           runs,
            guint        *n_pages,
            double       *cpu)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));

  for (int run = 0; run < runs; run++)
    {
      g_autoptr(GError) error = NULL;
      double start = bench_now_ms ();
      double cpu_start = bench_cpu_seconds ();
      g_autoptr(TovReport) report = tov_report_new (store, kind, subject);
      double s, cpu_s;

      tov_report_set_date (report, "2025-06-01");
      if (!tov_report_write_pdf (report, path, &error))
        g_error ("%s", error->message);
      s = (bench_now_ms () - start) / 1000;
      cpu_s = bench_cpu_seconds () - cpu_start;
      g_array_append_val (times, s);
      g_array_append_val (cpu_times, cpu_s);
      *n_pages = tov_report_get_n_pages (report);
    }

  g_unlink (path);
  *cpu = bench_median (cpu_times);
  return bench_median (times);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TovStore) store = NULL;
  g_autoptr(TovRecord) plan = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gint64 n_initiatives = 0;
  guint n_pages = 0;
  gboolean met = TRUE;
  double s, cpu;

  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s PORTFOLIO\n", argv[0]);
      return 2;
    }

  store = tov_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);
  dir = g_dir_make_tmp ("tovholder-bench-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "sheet.pdf", NULL);

  plan = plan_of_40 (store, &n_initiatives);
  printf ("Status sheets as PDF:\n");
  s = time_sheet (store, TOV_SHEET_ACTION_PLAN, plan, path, RUNS, &n_pages, &cpu);
  bench_report ("report.plan.initiatives", n_initiatives, "", BENCH_INFO, 0);
  bench_report ("report.plan.pages", n_pages, "", BENCH_INFO, 0);
  bench_report ("report.plan.cpu", cpu, "s", BENCH_INFO, 0);
  met &= bench_report ("report.plan.median", s, "s", BENCH_AT_MOST, PLAN_TARGET_S);

  s = time_sheet (store, TOV_SHEET_PORTFOLIO, NULL, path, 1, &n_pages, &cpu);
  bench_report ("report.portfolio.pages", n_pages, "", BENCH_INFO, 0);
  bench_report ("report.portfolio.cpu", cpu, "s", BENCH_INFO, 0);
  met &= bench_report ("report.portfolio", s, "s", BENCH_AT_MOST, PORTFOLIO_TARGET_S);

  g_rmdir (dir);
  return met ? 0 : 1;
}
