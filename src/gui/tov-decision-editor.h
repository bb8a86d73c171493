/* tov-decision-editor.h: the form of a decision (indstilling).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tov-store.h"

G_BEGIN_DECLS

#define TOV_TYPE_DECISION_EDITOR (tov_decision_editor_get_type ())

G_DECLARE_FINAL_TYPE (TovDecisionEditor, tov_decision_editor, TOV, DECISION_EDITOR, AdwPreferencesPage)

GtkWindow *tov_decision_editor_new (GtkWindow  *parent,
                                    TovStore   *store,
                                    TovRecord  *decision,
                                    const char *project_id);

G_END_DECLS
