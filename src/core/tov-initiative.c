/* tov-initiative.c: a numbered line of an action plan (indsats).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tov-action-plan.h"
#include "tov-enum-types.h"
#include "tov-initiative.h"

struct _TovInitiative
{
  TovRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TovInitiative, tov_initiative, TOV_TYPE_RECORD)

static void
tov_initiative_class_init (TovInitiativeClass *klass)
{
  TovRecordClass *record_class = TOV_RECORD_CLASS (klass);
  GParamSpec *fields[] = {
    tov_param_spec_ref ("plan-id", TOV_TYPE_ACTION_PLAN, TRUE),
    tov_param_spec_int ("number", 0, 9999),
    tov_param_spec_text ("title", TRUE),
    tov_param_spec_text ("target-group", FALSE),
    tov_param_spec_text ("purpose", FALSE),
    tov_param_spec_text ("strategy-goals", FALSE),
    tov_param_spec_text ("coordinator", FALSE),
    tov_param_spec_text ("partners", FALSE),
    tov_param_spec_date ("start-date", FALSE),
    tov_param_spec_date ("end-date", FALSE),
    tov_param_spec_text ("period-text", FALSE),
    tov_param_spec_text ("activities", FALSE),
    tov_param_spec_choice ("state", TOV_TYPE_PROGRESS, TOV_PROGRESS_PLANNED),
  };

  record_class->table = "initiative";
  record_class->collection = "initiatives";
  record_class->natural_order = "number";
  record_class->label = "title";
  tov_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
tov_initiative_init (TovInitiative *self)
{
}
