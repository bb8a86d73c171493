/* tov-partnership.c: a collaboration agreement (samarbejdsaftale) with an organisation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tov-enum-types.h"
#include "tov-organisation.h"
#include "tov-partnership.h"
#include "tov-project.h"

struct _TovPartnership
{
  TovRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TovPartnership, tov_partnership, TOV_TYPE_RECORD)

static void
tov_partnership_class_init (TovPartnershipClass *klass)
{
  TovRecordClass *record_class = TOV_RECORD_CLASS (klass);
  GParamSpec *fields[] = {
    tov_param_spec_ref ("organisation-id", TOV_TYPE_ORGANISATION, TRUE),
    tov_param_spec_text ("unit", FALSE),
    tov_param_spec_text ("title", TRUE),
    tov_param_spec_text ("purpose", FALSE),
    tov_param_spec_choice ("state", TOV_TYPE_PARTNERSHIP_STATE, TOV_PARTNERSHIP_STATE_EXPLORING),
    tov_param_spec_date ("signed-on", FALSE),
    tov_param_spec_int ("term-months", 0, 1200),
    tov_param_spec_date ("renewal-due", FALSE),
    tov_param_spec_ref ("project-id", TOV_TYPE_PROJECT, FALSE),
    tov_param_spec_text ("notes", FALSE),
  };

  record_class->table = "partnership";
  record_class->collection = "partnerships";
  record_class->natural_order = "renewal_due IS NULL, renewal_due, title COLLATE NOCASE";
  record_class->label = "title";
  tov_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
tov_partnership_init (TovPartnership *self)
{
}
