/* tov-organisation.c: an association, volunteer centre or other partner outside the municipality.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tov-enum-types.h"
#include "tov-organisation.h"

struct _TovOrganisation
{
  TovRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TovOrganisation, tov_organisation, TOV_TYPE_RECORD)

static void
tov_organisation_class_init (TovOrganisationClass *klass)
{
  TovRecordClass *record_class = TOV_RECORD_CLASS (klass);
  GParamSpec *fields[] = {
    tov_param_spec_text ("name", TRUE),
    tov_param_spec_choice ("kind", TOV_TYPE_ORGANISATION_KIND, TOV_ORGANISATION_KIND_ASSOCIATION),
    tov_param_spec_text ("contact-person", FALSE),
    tov_param_spec_text ("email", FALSE),
    tov_param_spec_text ("phone", FALSE),
  };

  record_class->table = "organisation";
  record_class->collection = "organisations";
  record_class->natural_order = "name COLLATE NOCASE";
  record_class->label = "name";
  tov_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
tov_organisation_init (TovOrganisation *self)
{
}
