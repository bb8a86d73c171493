/* tov-funding-source.h: where money comes from: a pool, a department's budget, the existing budget or outside.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tov-record.h"

G_BEGIN_DECLS

#define TOV_TYPE_FUNDING_SOURCE (tov_funding_source_get_type ())

G_DECLARE_FINAL_TYPE (TovFundingSource, tov_funding_source, TOV, FUNDING_SOURCE, TovRecord)

G_END_DECLS
