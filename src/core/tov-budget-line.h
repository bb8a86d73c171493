/* tov-budget-line.h: an amount of money for a project: a grant, a budget proposal or an expected gain.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tov-record.h"

G_BEGIN_DECLS

#define TOV_TYPE_BUDGET_LINE (tov_budget_line_get_type ())

G_DECLARE_FINAL_TYPE (TovBudgetLine, tov_budget_line, TOV, BUDGET_LINE, TovRecord)

G_END_DECLS
