/* tov-search.h: one search across a portfolio's projects, decisions,
 * initiatives, partnerships, organisations and status texts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tov-store.h"

G_BEGIN_DECLS

#define TOV_TYPE_SEARCH_HIT (tov_search_hit_get_type ())

G_DECLARE_FINAL_TYPE (TovSearchHit, tov_search_hit, TOV, SEARCH_HIT, GObject)

GType        tov_search_hit_get_kind           (TovSearchHit *self);
const char  *tov_search_hit_get_record_id      (TovSearchHit *self);
const char  *tov_search_hit_get_title          (TovSearchHit *self);
const char  *tov_search_hit_get_title_markup   (TovSearchHit *self);
const char  *tov_search_hit_get_snippet        (TovSearchHit *self);
const char  *tov_search_hit_get_snippet_markup (TovSearchHit *self);

GListModel  *tov_search                        (TovStore     *store,
                                                const char   *text,
                                                guint         limit_per_kind);
char        *tov_search_prefix_expression      (const char   *text);
const GType *tov_search_kinds                  (guint        *n_kinds);
const char  *tov_search_kind_title             (GType         kind);

G_END_DECLS
