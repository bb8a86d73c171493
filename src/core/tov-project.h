/* tov-project.h: a numbered project of the portfolio.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tov-record.h"

G_BEGIN_DECLS

#define TOV_TYPE_PROJECT (tov_project_get_type ())

G_DECLARE_FINAL_TYPE (TovProject, tov_project, TOV, PROJECT, TovRecord)

G_END_DECLS
