/* tov-sql-sorter.h: a column's sort key, for lists that SQLite sorts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TOV_TYPE_SQL_SORTER (tov_sql_sorter_get_type ())

G_DECLARE_FINAL_TYPE (TovSqlSorter, tov_sql_sorter, TOV, SQL_SORTER, GtkSorter)

gboolean tov_sql_sorter_get_primary (GtkSorter   *column_view_sorter,
                                     const char **key,
                                     gboolean    *descending);

G_END_DECLS
