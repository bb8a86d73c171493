/* tov-policy-editor.h: the form of a policy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tov-store.h"

G_BEGIN_DECLS

#define TOV_TYPE_POLICY_EDITOR (tov_policy_editor_get_type ())

G_DECLARE_FINAL_TYPE (TovPolicyEditor, tov_policy_editor, TOV, POLICY_EDITOR, AdwPreferencesPage)

GtkWindow *tov_policy_editor_new (GtkWindow *parent,
                                  TovStore  *store,
                                  TovRecord *policy);

G_END_DECLS
