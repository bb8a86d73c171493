/* tov-budget-line.c: an amount of money for a project: a grant, a budget proposal or an expected gain.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tov-budget-line.h"
#include "tov-decision.h"
#include "tov-enum-types.h"
#include "tov-funding-source.h"
#include "tov-project.h"

struct _TovBudgetLine
{
  TovRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TovBudgetLine, tov_budget_line, TOV_TYPE_RECORD)

static void
tov_budget_line_class_init (TovBudgetLineClass *klass)
{
  TovRecordClass *record_class = TOV_RECORD_CLASS (klass);
  GParamSpec *fields[] = {
    tov_param_spec_ref ("project-id", TOV_TYPE_PROJECT, TRUE),
    tov_param_spec_ref ("decision-id", TOV_TYPE_DECISION, FALSE),
    tov_param_spec_ref ("funding-source-id", TOV_TYPE_FUNDING_SOURCE, TRUE),
    tov_param_spec_choice ("kind", TOV_TYPE_BUDGET_KIND, TOV_BUDGET_KIND_GRANT),
    tov_param_spec_money ("amount-ore"),
    tov_param_spec_int ("year", 0, 9999),
    tov_param_spec_bool ("annual"),
    tov_param_spec_text ("note", FALSE),
  };

  record_class->table = "budget_line";
  record_class->collection = "budget_lines";
  record_class->natural_order = "year, amount_ore DESC";
  record_class->label = "note";
  tov_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
tov_budget_line_init (TovBudgetLine *self)
{
}
