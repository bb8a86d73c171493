/* tov-status-editor.h: the form of a dated status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tov-store.h"

G_BEGIN_DECLS

#define TOV_TYPE_STATUS_EDITOR (tov_status_editor_get_type ())

G_DECLARE_FINAL_TYPE (TovStatusEditor, tov_status_editor, TOV, STATUS_EDITOR, AdwPreferencesPage)

GtkWindow *tov_status_editor_new (GtkWindow *parent,
                                  TovStore  *store,
                                  TovRecord *status,
                                  TovRecord *subject);

G_END_DECLS
