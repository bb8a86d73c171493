/* tov-editor-dialog.h: the window around a form, with Cancel and Save.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tov-form.h"

G_BEGIN_DECLS

#define TOV_TYPE_EDITOR_DIALOG (tov_editor_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TovEditorDialog, tov_editor_dialog, TOV, EDITOR_DIALOG, AdwWindow)

TovEditorDialog *tov_editor_dialog_new      (GtkWindow       *parent,
                                             const char      *title,
                                             TovForm         *form,
                                             GtkWidget       *page);
TovForm         *tov_editor_dialog_get_form (TovEditorDialog *self);

G_END_DECLS
