/* tov-strategy-goal.h: one of a policy's numbered strategy goals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tov-record.h"

G_BEGIN_DECLS

#define TOV_TYPE_STRATEGY_GOAL (tov_strategy_goal_get_type ())

G_DECLARE_FINAL_TYPE (TovStrategyGoal, tov_strategy_goal, TOV, STRATEGY_GOAL, TovRecord)

G_END_DECLS
