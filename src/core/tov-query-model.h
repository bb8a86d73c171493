/* tov-query-model.h: a list of records that SQLite filters and sorts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tov-store.h"

G_BEGIN_DECLS

#define TOV_TYPE_QUERY_MODEL (tov_query_model_get_type ())

G_DECLARE_FINAL_TYPE (TovQueryModel, tov_query_model, TOV, QUERY_MODEL, GObject)

TovQueryModel *tov_query_model_new                (TovStore      *store,
                                                   GType          item_type);
void           tov_query_model_set_text_condition (TovQueryModel *self,
                                                   const char    *column,
                                                   const char    *value);
void           tov_query_model_set_int_condition  (TovQueryModel *self,
                                                   const char    *column,
                                                   gboolean       active,
                                                   gint64         value);
void           tov_query_model_set_search         (TovQueryModel *self,
                                                   const char    *search);
void           tov_query_model_set_sort           (TovQueryModel *self,
                                                   const char    *key,
                                                   gboolean       descending);
guint          tov_query_model_find               (TovQueryModel *self,
                                                   TovRecord     *record);

G_END_DECLS
