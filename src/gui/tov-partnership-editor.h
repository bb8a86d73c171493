/* tov-partnership-editor.h: the form of a collaboration agreement.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tov-store.h"

G_BEGIN_DECLS

#define TOV_TYPE_PARTNERSHIP_EDITOR (tov_partnership_editor_get_type ())

G_DECLARE_FINAL_TYPE (TovPartnershipEditor, tov_partnership_editor, TOV, PARTNERSHIP_EDITOR, AdwPreferencesPage)

GtkWindow *tov_partnership_editor_new (GtkWindow *parent,
                                       TovStore  *store,
                                       TovRecord *partnership);

G_END_DECLS
