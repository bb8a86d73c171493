/* tov-projects-view.h: a section of the window: a list, a page and a form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tov-section-view.h"

G_BEGIN_DECLS

#define TOV_TYPE_PROJECTS_VIEW (tov_projects_view_get_type ())

G_DECLARE_FINAL_TYPE (TovProjectsView, tov_projects_view, TOV, PROJECTS_VIEW, TovSectionView)

G_END_DECLS
