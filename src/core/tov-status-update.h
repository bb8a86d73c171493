/* tov-status-update.h: a dated note on the progress of a project, an initiative or a partnership.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tov-record.h"

G_BEGIN_DECLS

#define TOV_TYPE_STATUS_UPDATE (tov_status_update_get_type ())

G_DECLARE_FINAL_TYPE (TovStatusUpdate, tov_status_update, TOV, STATUS_UPDATE, TovRecord)

G_END_DECLS
