/* tov-budget-totals.h: sums of budget lines per funding source and kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tov-enums.h"
#include "tov-store.h"

G_BEGIN_DECLS

/* Which budget lines to add up; NULL or -1 means any. */
typedef struct
{
  const char *project_id;
  const char *funding_source_id;
  int kind;   /* a TovBudgetKind */
  int year;
} TovBudgetFilter;

#define TOV_BUDGET_FILTER_ANY ((TovBudgetFilter) { NULL, NULL, -1, -1 })

#define TOV_TYPE_BUDGET_TOTAL (tov_budget_total_get_type ())

G_DECLARE_FINAL_TYPE (TovBudgetTotal, tov_budget_total, TOV, BUDGET_TOTAL, GObject)

const char    *tov_budget_total_get_funding_source_id (TovBudgetTotal        *self);
const char    *tov_budget_total_get_funding_source    (TovBudgetTotal        *self);
TovBudgetKind  tov_budget_total_get_kind              (TovBudgetTotal        *self);
gint64         tov_budget_total_get_amount_ore        (TovBudgetTotal        *self);
guint          tov_budget_total_get_n_lines           (TovBudgetTotal        *self);

GListModel    *tov_budget_totals                      (TovStore              *store,
                                                       const TovBudgetFilter *filter);

G_END_DECLS
