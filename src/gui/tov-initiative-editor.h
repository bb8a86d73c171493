/* tov-initiative-editor.h: the form of an initiative of an action plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tov-store.h"

G_BEGIN_DECLS

#define TOV_TYPE_INITIATIVE_EDITOR (tov_initiative_editor_get_type ())

G_DECLARE_FINAL_TYPE (TovInitiativeEditor, tov_initiative_editor, TOV, INITIATIVE_EDITOR, AdwPreferencesPage)

GtkWindow *tov_initiative_editor_new (GtkWindow *parent,
                                      TovStore  *store,
                                      TovRecord *initiative,
                                      TovRecord *plan);

G_END_DECLS
