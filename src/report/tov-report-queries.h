/* tov-report-queries.h: what the sheets read from the store in one query.
 *
 * A TovQueryModel lists a whole table before its conditions apply, and
 * reads every row as a record; a sheet of a large portfolio cannot wait
 * for that. These queries use the store's indexes and, for the portfolio
 * overview, read only the columns it prints and let SQLite add up the money.
 * They belong in the core (see the report on src/report); until then they
 * use its friend API.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tov-store.h"

G_BEGIN_DECLS

GPtrArray *tov_report_query_children (TovStore   *store,
                                      GType       type,
                                      const char *column,
                                      const char *value);
TovRecord *tov_report_query_latest   (TovStore   *store,
                                      GType       type,
                                      const char *column,
                                      const char *value);

typedef void (*TovProjectRowFunc)  (const char *id,
                                    const char *theme_id,
                                    gint64      number,
                                    const char *title,
                                    int         state,
                                    gpointer    user_data);
typedef void (*TovDecisionRowFunc) (const char *project_id,
                                    const char *id,
                                    const char *number,
                                    int         state,
                                    gpointer    user_data);
typedef void (*TovAmountRowFunc)   (const char *project_id,
                                    const char *decision_id,
                                    int         kind,
                                    gint64      amount_ore,
                                    gpointer    user_data);

void       tov_report_query_projects        (TovStore           *store,
                                             TovProjectRowFunc   func,
                                             gpointer            user_data);
void       tov_report_query_decisions       (TovStore           *store,
                                             TovDecisionRowFunc  func,
                                             gpointer            user_data);
void       tov_report_query_decision_totals (TovStore           *store,
                                             TovAmountRowFunc    func,
                                             gpointer            user_data);

G_END_DECLS
