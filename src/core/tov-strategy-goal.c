/* tov-strategy-goal.c: one of a policy's numbered strategy goals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tov-policy.h"
#include "tov-strategy-goal.h"

struct _TovStrategyGoal
{
  TovRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TovStrategyGoal, tov_strategy_goal, TOV_TYPE_RECORD)

static void
tov_strategy_goal_class_init (TovStrategyGoalClass *klass)
{
  TovRecordClass *record_class = TOV_RECORD_CLASS (klass);
  GParamSpec *fields[] = {
    tov_param_spec_ref ("policy-id", TOV_TYPE_POLICY, TRUE),
    tov_param_spec_int ("number", 0, 999),
    tov_param_spec_text ("title", TRUE),
  };

  record_class->table = "strategy_goal";
  record_class->collection = "strategy_goals";
  record_class->natural_order = "number";
  record_class->label = "title";
  tov_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
tov_strategy_goal_init (TovStrategyGoal *self)
{
}
