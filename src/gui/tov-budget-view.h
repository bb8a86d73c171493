/* tov-budget-view.h: a section of the window: a list, a page and a form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tov-section-view.h"

G_BEGIN_DECLS

#define TOV_TYPE_BUDGET_VIEW (tov_budget_view_get_type ())

G_DECLARE_FINAL_TYPE (TovBudgetView, tov_budget_view, TOV, BUDGET_VIEW, TovSectionView)

G_END_DECLS
