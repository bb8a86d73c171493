/* tov-funding-source.c: where money comes from: a pool, a department's budget, the existing budget or outside.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tov-enum-types.h"
#include "tov-funding-source.h"

struct _TovFundingSource
{
  TovRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TovFundingSource, tov_funding_source, TOV_TYPE_RECORD)

static void
tov_funding_source_class_init (TovFundingSourceClass *klass)
{
  TovRecordClass *record_class = TOV_RECORD_CLASS (klass);
  GParamSpec *fields[] = {
    tov_param_spec_text ("name", TRUE),
    tov_param_spec_choice ("kind", TOV_TYPE_FUNDING_KIND, TOV_FUNDING_KIND_POOL),
    tov_param_spec_text ("description", FALSE),
  };

  record_class->table = "funding_source";
  record_class->collection = "funding_sources";
  record_class->natural_order = "name";
  record_class->label = "name";
  tov_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
tov_funding_source_init (TovFundingSource *self)
{
}
