/* tov-project-page.h: one project: its fields, decisions, budget lines and totals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tov-store.h"

G_BEGIN_DECLS

#define TOV_TYPE_PROJECT_PAGE (tov_project_page_get_type ())

G_DECLARE_FINAL_TYPE (TovProjectPage, tov_project_page, TOV, PROJECT_PAGE, AdwBin)

void tov_project_page_set_project (TovProjectPage *self,
                                   TovRecord      *project);

G_END_DECLS
