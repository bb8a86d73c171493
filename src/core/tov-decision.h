/* tov-decision.h: a numbered recommendation to the council (indstilling), such as 4.1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tov-record.h"

G_BEGIN_DECLS

#define TOV_TYPE_DECISION (tov_decision_get_type ())

G_DECLARE_FINAL_TYPE (TovDecision, tov_decision, TOV, DECISION, TovRecord)

G_END_DECLS
