/* tov-project.c: a numbered project of the portfolio.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tov-enum-types.h"
#include "tov-project.h"
#include "tov-theme.h"

struct _TovProject
{
  TovRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TovProject, tov_project, TOV_TYPE_RECORD)

static void
tov_project_class_init (TovProjectClass *klass)
{
  TovRecordClass *record_class = TOV_RECORD_CLASS (klass);
  GParamSpec *fields[] = {
    tov_param_spec_ref ("theme-id", TOV_TYPE_THEME, FALSE),
    tov_param_spec_int ("number", 0, 99999),
    tov_param_spec_text ("title", TRUE),
    tov_param_spec_text ("purpose", FALSE),
    tov_param_spec_text ("anchoring", FALSE),
    tov_param_spec_text ("coordinator", FALSE),
    tov_param_spec_choice ("state", TOV_TYPE_PROJECT_STATE, TOV_PROJECT_STATE_IDEA),
    tov_param_spec_date ("start-date", FALSE),
    tov_param_spec_date ("end-date", FALSE),
    tov_param_spec_text ("case-number", FALSE),
  };

  record_class->table = "project";
  record_class->collection = "projects";
  record_class->natural_order = "number";
  record_class->label = "title";
  tov_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
tov_project_init (TovProject *self)
{
}
