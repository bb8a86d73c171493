/* tov-test-portfolio.h: a portfolio file in a temporary directory, for tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "tov-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *dir;
  char *path;
  TovStore *store;
} TovTestPortfolio;

void  tov_test_portfolio_set_up      (TovTestPortfolio *portfolio,
                                      gconstpointer     data);
void  tov_test_portfolio_set_up_demo (TovTestPortfolio *portfolio,
                                      gconstpointer     data);
void  tov_test_portfolio_tear_down   (TovTestPortfolio *portfolio,
                                      gconstpointer     data);
void  tov_test_remove_dir            (const char       *dir);
char *tov_test_dump_rows             (sqlite3          *db,
                                      const char       *sql);

G_END_DECLS
