/* tov-report-sheets.h: what each kind of status sheet says.
 *
 * Each builder reads the store and appends the sheet's blocks, in Danish.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tov-record.h"
#include "tov-report-blocks.h"
#include "tov-store.h"

G_BEGIN_DECLS

void tov_sheet_build_action_plan  (TovReportBlocks *blocks,
                                   TovStore        *store,
                                   TovRecord       *plan);
void tov_sheet_build_project      (TovReportBlocks *blocks,
                                   TovStore        *store,
                                   TovRecord       *project);
void tov_sheet_build_portfolio    (TovReportBlocks *blocks,
                                   TovStore        *store);
void tov_sheet_build_partnerships (TovReportBlocks *blocks,
                                   TovStore        *store,
                                   const char      *today);

/* Shared by the project sheet and the portfolio overview. */
void tov_sheet_add_economy_table  (TovReportBlocks *blocks,
                                   TovStore        *store,
                                   GPtrArray       *lines,
                                   gboolean         short_amounts);
void tov_sheet_add_status_history (TovReportBlocks *blocks,
                                   GPtrArray       *updates,
                                   const char      *state_label_if_none);

G_END_DECLS
