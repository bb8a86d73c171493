/* tov-action-plan.h: a policy's plan for a period, made of initiatives (handleplan).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tov-record.h"

G_BEGIN_DECLS

#define TOV_TYPE_ACTION_PLAN (tov_action_plan_get_type ())

G_DECLARE_FINAL_TYPE (TovActionPlan, tov_action_plan, TOV, ACTION_PLAN, TovRecord)

G_END_DECLS
