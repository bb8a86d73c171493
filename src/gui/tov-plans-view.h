/* tov-plans-view.h: the Action plans section: plans, their initiatives, and an initiative's page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tov-section-view.h"

G_BEGIN_DECLS

#define TOV_TYPE_PLANS_VIEW (tov_plans_view_get_type ())

G_DECLARE_FINAL_TYPE (TovPlansView, tov_plans_view, TOV, PLANS_VIEW, TovSectionView)

G_END_DECLS
