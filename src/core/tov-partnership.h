/* tov-partnership.h: a collaboration agreement (samarbejdsaftale) with an organisation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tov-record.h"

G_BEGIN_DECLS

#define TOV_TYPE_PARTNERSHIP (tov_partnership_get_type ())

G_DECLARE_FINAL_TYPE (TovPartnership, tov_partnership, TOV, PARTNERSHIP, TovRecord)

G_END_DECLS
