/* tov-budget-years.c: the years that budget lines are for.
 *
 * A filter offers only the years a portfolio has money in. SQLite finds
 * them in budget_total, which has a row for every funding source, kind and
 * year that has lines (migration step 5), so no line is read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-budget-years"

#include "config.h"

#include "tov-budget-years.h"
#include "tov-store-private.h"

/**
 * tov_budget_years:
 *
 * Lines without a year (year 0) are left out.
 *
 * Returns: (transfer full) (element-type int): every year that one or
 *   more budget lines are for, in increasing order
 */
GArray *
tov_budget_years (TovStore *store)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TOV_IS_STORE (store), years);

  stmt = tov_store_prepare (store, "SELECT DISTINCT year FROM budget_total WHERE year > 0 ORDER BY year", NULL);
  g_return_val_if_fail (stmt != NULL, years);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (stmt, 0);

      g_array_append_val (years, year);
    }
  sqlite3_reset (stmt);

  return years;
}
