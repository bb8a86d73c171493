/* tov-report-queries.c: what the sheets read from the store in one query.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-report"

#include "config.h"

#include "tov-enum-types.h"
#include "tov-records.h"
#include "tov-report-queries.h"
#include "tov-store-private.h"

/* The records of @type whose @column is @value, in the type's natural order;
 * @limit 0 for all of them.
 */
static GPtrArray *
query_children (TovStore   *store,
                GType       type,
                const char *column,
                const char *value,
                guint       limit)
{
  TovRecordClass *klass = g_type_class_ref (type);
  g_autofree char *select = tov_store_select_sql (store, type);
  g_autofree char *sql = g_strdup_printf ("%s WHERE %s = ?1 ORDER BY %s, rowid%s", select, column,
                                          klass->natural_order, limit > 0 ? " LIMIT ?2" : "");
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = tov_store_prepare (store, sql, NULL);

  g_type_class_unref (klass);
  g_return_val_if_fail (stmt != NULL, records);

  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  if (limit > 0)
    sqlite3_bind_int (stmt, 2, limit);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (records, tov_store_read_record (store, type, stmt));
  sqlite3_reset (stmt);

  return records;
}

/**
 * tov_report_query_children:
 * @column: a reference column of @type's table, e.g. "initiative_id"
 *
 * Returns: (transfer full): the records of @type whose @column is @value,
 *   in the type's natural order, found through the column's index
 */
GPtrArray *
tov_report_query_children (TovStore   *store,
                           GType       type,
                           const char *column,
                           const char *value)
{
  g_return_val_if_fail (TOV_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (type, TOV_TYPE_RECORD), NULL);

  return query_children (store, type, column, value, 0);
}

/**
 * tov_report_query_latest:
 *
 * Returns: (transfer full) (nullable): the first of the records
 *   tov_report_query_children() would list: for status updates, the latest
 */
TovRecord *
tov_report_query_latest (TovStore   *store,
                         GType       type,
                         const char *column,
                         const char *value)
{
  g_autoptr(GPtrArray) records = NULL;

  g_return_val_if_fail (TOV_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (type, TOV_TYPE_RECORD), NULL);

  records = query_children (store, type, column, value, 1);
  return records->len > 0 ? g_object_ref (g_ptr_array_index (records, 0)) : NULL;
}

/* A choice as its enum value: the store keeps the nick. */
static int
choice (GEnumClass   *enum_class,
        sqlite3_stmt *stmt,
        int           column)
{
  const char *nick = (const char *) sqlite3_column_text (stmt, column);
  GEnumValue *value = nick ? g_enum_get_value_by_nick (enum_class, nick) : NULL;

  return value ? value->value : 0;
}

static const char *
text (sqlite3_stmt *stmt,
      int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/**
 * tov_report_query_projects:
 *
 * Calls @func for every project, in number order.
 */
void
tov_report_query_projects (TovStore          *store,
                           TovProjectRowFunc  func,
                           gpointer           user_data)
{
  sqlite3_stmt *stmt = tov_store_prepare (store,
                                          "SELECT id, theme_id, number, title, state FROM project "
                                          "ORDER BY number, rowid", NULL);
  GEnumClass *states = g_type_class_ref (TOV_TYPE_PROJECT_STATE);

  g_return_if_fail (stmt != NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    func (text (stmt, 0), text (stmt, 1), sqlite3_column_int64 (stmt, 2), text (stmt, 3),
          choice (states, stmt, 4), user_data);
  sqlite3_reset (stmt);
  g_type_class_unref (states);
}

/**
 * tov_report_query_decisions:
 *
 * Calls @func for every decision, in the decisions' natural order.
 */
void
tov_report_query_decisions (TovStore           *store,
                            TovDecisionRowFunc  func,
                            gpointer            user_data)
{
  TovRecordClass *klass = g_type_class_ref (TOV_TYPE_DECISION);
  g_autofree char *sql = g_strdup_printf ("SELECT project_id, id, number, state FROM decision "
                                          "ORDER BY %s, rowid", klass->natural_order);
  sqlite3_stmt *stmt = tov_store_prepare (store, sql, NULL);
  GEnumClass *states = g_type_class_ref (TOV_TYPE_DECISION_STATE);

  g_type_class_unref (klass);
  g_return_if_fail (stmt != NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    func (text (stmt, 0), text (stmt, 1), text (stmt, 2), choice (states, stmt, 3), user_data);
  sqlite3_reset (stmt);
  g_type_class_unref (states);
}

/**
 * tov_report_query_decision_totals:
 *
 * Calls @func with the sum of the budget lines of each decision and kind,
 * and of each project's lines without a decision (a %NULL decision_id).
 * SQLite adds up the 64-bit øre.
 */
void
tov_report_query_decision_totals (TovStore         *store,
                                  TovAmountRowFunc  func,
                                  gpointer          user_data)
{
  sqlite3_stmt *stmt = tov_store_prepare (store,
                                          "SELECT project_id, decision_id, kind, sum (amount_ore) FROM budget_line "
                                          "GROUP BY project_id, decision_id, kind", NULL);
  GEnumClass *kinds = g_type_class_ref (TOV_TYPE_BUDGET_KIND);

  g_return_if_fail (stmt != NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    func (text (stmt, 0), text (stmt, 1), choice (kinds, stmt, 2), sqlite3_column_int64 (stmt, 3), user_data);
  sqlite3_reset (stmt);
  g_type_class_unref (kinds);
}
