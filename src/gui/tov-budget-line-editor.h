/* tov-budget-line-editor.h: the form of a budget line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tov-store.h"

G_BEGIN_DECLS

#define TOV_TYPE_BUDGET_LINE_EDITOR (tov_budget_line_editor_get_type ())

G_DECLARE_FINAL_TYPE (TovBudgetLineEditor, tov_budget_line_editor, TOV, BUDGET_LINE_EDITOR, AdwPreferencesPage)

GtkWindow *tov_budget_line_editor_new (GtkWindow *parent,
                                       TovStore  *store,
                                       TovRecord *line);

G_END_DECLS
