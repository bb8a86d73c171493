/* tov-store-private.h: what the core's own models and queries may use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "tov-store.h"

G_BEGIN_DECLS

sqlite3_stmt *tov_store_prepare          (TovStore      *self,
                                          const char    *sql,
                                          GError       **error);
TovRecord    *tov_store_lookup_rowid     (TovStore      *self,
                                          GType          type,
                                          gint64         rowid);
char         *tov_store_select_sql       (TovStore      *self,
                                          GType          type);
TovRecord    *tov_store_read_record      (TovStore      *self,
                                          GType          type,
                                          sqlite3_stmt  *stmt);
void          tov_store_set_sqlite_error (TovStore      *self,
                                          GError       **error);
gboolean      tov_store_ensure_intact    (TovStore      *self,
                                          GError       **error);
gboolean      tov_store_run              (TovStore      *self,
                                          const char    *sql,
                                          GError       **error);
gboolean      tov_store_query_int        (TovStore      *self,
                                          const char    *sql,
                                          gint64        *value,
                                          GError       **error);
void          tov_store_set_pragma       (TovStore      *self,
                                          const char    *name,
                                          gint64         value);
void          tov_store_append_values    (GString       *sql,
                                          guint          n_columns,
                                          guint          n_rows);

/* For the migration tests: a portfolio file at an earlier schema version. */
gboolean      tov_store_create_at_version (const char   *path,
                                           int           version,
                                           GError      **error);

G_END_DECLS
