/* tov-portfolio.h: the portfolio itself: a vision and the municipality that runs it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tov-record.h"

G_BEGIN_DECLS

#define TOV_TYPE_PORTFOLIO (tov_portfolio_get_type ())

G_DECLARE_FINAL_TYPE (TovPortfolio, tov_portfolio, TOV, PORTFOLIO, TovRecord)

G_END_DECLS
