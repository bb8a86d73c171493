/* tov-project-editor.h: the form of a project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tov-store.h"

G_BEGIN_DECLS

#define TOV_TYPE_PROJECT_EDITOR (tov_project_editor_get_type ())

G_DECLARE_FINAL_TYPE (TovProjectEditor, tov_project_editor, TOV, PROJECT_EDITOR, AdwPreferencesPage)

GtkWindow *tov_project_editor_new (GtkWindow *parent,
                                   TovStore  *store,
                                   TovRecord *project);

G_END_DECLS
