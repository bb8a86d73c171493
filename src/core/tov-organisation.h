/* tov-organisation.h: an association, volunteer centre or other partner outside the municipality.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tov-record.h"

G_BEGIN_DECLS

#define TOV_TYPE_ORGANISATION (tov_organisation_get_type ())

G_DECLARE_FINAL_TYPE (TovOrganisation, tov_organisation, TOV, ORGANISATION, TovRecord)

G_END_DECLS
