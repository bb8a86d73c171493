/* tov-budget-years.h: the years that budget lines are for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tov-store.h"

G_BEGIN_DECLS

GArray *tov_budget_years (TovStore *store);

G_END_DECLS
