/* tov-decision.c: a numbered recommendation to the council (indstilling), such as 4.1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tov-decision.h"
#include "tov-enum-types.h"
#include "tov-project.h"

struct _TovDecision
{
  TovRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TovDecision, tov_decision, TOV_TYPE_RECORD)

static void
tov_decision_class_init (TovDecisionClass *klass)
{
  TovRecordClass *record_class = TOV_RECORD_CLASS (klass);
  GParamSpec *fields[] = {
    tov_param_spec_ref ("project-id", TOV_TYPE_PROJECT, TRUE),
    tov_param_spec_text ("number", TRUE),
    tov_param_spec_text ("text", TRUE),
    tov_param_spec_choice ("state", TOV_TYPE_DECISION_STATE, TOV_DECISION_STATE_PROPOSED),
    tov_param_spec_date ("decided-on", FALSE),
  };

  record_class->table = "decision";
  record_class->collection = "decisions";
  record_class->natural_order = "CAST(number AS INTEGER), CAST(substr(number, instr(number, '.') + 1) AS INTEGER), number";
  record_class->label = "number";
  tov_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
tov_decision_init (TovDecision *self)
{
}
