/* tov-plan-editor.h: the form of an action plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tov-store.h"

G_BEGIN_DECLS

#define TOV_TYPE_PLAN_EDITOR (tov_plan_editor_get_type ())

G_DECLARE_FINAL_TYPE (TovPlanEditor, tov_plan_editor, TOV, PLAN_EDITOR, AdwPreferencesPage)

GtkWindow *tov_plan_editor_new (GtkWindow *parent,
                                TovStore  *store,
                                TovRecord *plan);

G_END_DECLS
