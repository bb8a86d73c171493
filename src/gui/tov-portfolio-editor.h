/* tov-portfolio-editor.h: the form of the portfolio itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tov-store.h"

G_BEGIN_DECLS

#define TOV_TYPE_PORTFOLIO_EDITOR (tov_portfolio_editor_get_type ())

G_DECLARE_FINAL_TYPE (TovPortfolioEditor, tov_portfolio_editor, TOV, PORTFOLIO_EDITOR, AdwPreferencesPage)

GtkWindow *tov_portfolio_editor_new (GtkWindow *parent,
                                     TovStore  *store);

G_END_DECLS
