/* tov-partnerships-view.h: a section of the window: a list, a page and a form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tov-section-view.h"

G_BEGIN_DECLS

#define TOV_TYPE_PARTNERSHIPS_VIEW (tov_partnerships_view_get_type ())

G_DECLARE_FINAL_TYPE (TovPartnershipsView, tov_partnerships_view, TOV, PARTNERSHIPS_VIEW, TovSectionView)

G_END_DECLS
