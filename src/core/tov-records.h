/* tov-records.h: every record type of a portfolio.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tov-action-plan.h"
#include "tov-budget-line.h"
#include "tov-decision.h"
#include "tov-enum-types.h"
#include "tov-funding-source.h"
#include "tov-initiative.h"
#include "tov-organisation.h"
#include "tov-partnership.h"
#include "tov-policy.h"
#include "tov-portfolio.h"
#include "tov-project.h"
#include "tov-record.h"
#include "tov-status-update.h"
#include "tov-strategy-goal.h"
#include "tov-theme.h"

G_BEGIN_DECLS

const GType *tov_record_types (guint *n_types);
GType        tov_record_type_from_table (const char *table);

G_END_DECLS
