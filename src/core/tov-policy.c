/* tov-policy.c: a policy, such as the volunteer policy, with numbered strategy goals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tov-policy.h"

struct _TovPolicy
{
  TovRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TovPolicy, tov_policy, TOV_TYPE_RECORD)

static void
tov_policy_class_init (TovPolicyClass *klass)
{
  TovRecordClass *record_class = TOV_RECORD_CLASS (klass);
  GParamSpec *fields[] = {
    tov_param_spec_text ("title", TRUE),
    tov_param_spec_text ("description", FALSE),
  };

  record_class->table = "policy";
  record_class->collection = "policies";
  record_class->natural_order = "title COLLATE NOCASE";
  record_class->label = "title";
  tov_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
tov_policy_init (TovPolicy *self)
{
}
