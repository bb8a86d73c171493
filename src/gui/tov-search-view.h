/* tov-search-view.h: the hits of a search across the portfolio, by kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tov-store.h"

G_BEGIN_DECLS

#define TOV_TYPE_SEARCH_VIEW (tov_search_view_get_type ())

G_DECLARE_FINAL_TYPE (TovSearchView, tov_search_view, TOV, SEARCH_VIEW, AdwBin)

void        tov_search_view_set_text       (TovSearchView *self,
                                            const char    *text);
gboolean    tov_search_view_focus_first    (TovSearchView *self);
gboolean    tov_search_view_activate_first (TovSearchView *self);

G_END_DECLS
