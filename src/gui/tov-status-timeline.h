/* tov-status-timeline.h: the dated status of a project, initiative or partnership.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tov-store.h"

G_BEGIN_DECLS

#define TOV_TYPE_STATUS_TIMELINE (tov_status_timeline_get_type ())

G_DECLARE_FINAL_TYPE (TovStatusTimeline, tov_status_timeline, TOV, STATUS_TIMELINE, AdwPreferencesGroup)

void tov_status_timeline_set_subject (TovStatusTimeline *self,
                                      TovStore          *store,
                                      TovRecord         *subject);

G_END_DECLS
