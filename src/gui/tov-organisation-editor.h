/* tov-organisation-editor.h: the form of an organisation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tov-store.h"

G_BEGIN_DECLS

#define TOV_TYPE_ORGANISATION_EDITOR (tov_organisation_editor_get_type ())

G_DECLARE_FINAL_TYPE (TovOrganisationEditor, tov_organisation_editor, TOV, ORGANISATION_EDITOR, AdwPreferencesPage)

GtkWindow *tov_organisation_editor_new (GtkWindow *parent,
                                        TovStore  *store,
                                        TovRecord *organisation);

G_END_DECLS
