/* tov-action-plan.c: a policy's plan for a period, made of initiatives (handleplan).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tov-action-plan.h"
#include "tov-policy.h"

struct _TovActionPlan
{
  TovRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TovActionPlan, tov_action_plan, TOV_TYPE_RECORD)

static void
tov_action_plan_class_init (TovActionPlanClass *klass)
{
  TovRecordClass *record_class = TOV_RECORD_CLASS (klass);
  GParamSpec *fields[] = {
    tov_param_spec_ref ("policy-id", TOV_TYPE_POLICY, TRUE),
    tov_param_spec_text ("title", TRUE),
    tov_param_spec_int ("period-from", 0, 9999),
    tov_param_spec_int ("period-to", 0, 9999),
  };

  record_class->table = "action_plan";
  record_class->collection = "action_plans";
  record_class->natural_order = "period_from DESC, title COLLATE NOCASE";
  record_class->label = "title";
  tov_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
tov_action_plan_init (TovActionPlan *self)
{
}
