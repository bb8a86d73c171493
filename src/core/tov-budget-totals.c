/* tov-budget-totals.c: sums of budget lines per funding source and kind.
 *
 * SQLite adds the amounts, as 64-bit integers of øre; nothing is summed in
 * C. The table budget_total (migration step 5) holds the sum of every
 * funding source, kind and year, kept by triggers, so that the totals of
 * 100,000 lines add up a few hundred rows, with any filter on those three.
 * A project's totals add up its own lines, over the index on project_id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-budget-totals"

#include "config.h"

#include "tov-budget-totals.h"
#include "tov-enum-types.h"
#include "tov-store-private.h"

struct _TovBudgetTotal
{
  GObject parent_instance;

  char *funding_source_id;
  char *funding_source;
  TovBudgetKind kind;
  gint64 amount_ore;
  guint n_lines;
};

G_DEFINE_FINAL_TYPE (TovBudgetTotal, tov_budget_total, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FUNDING_SOURCE,
  PROP_KIND,
  PROP_AMOUNT_ORE,
  PROP_N_LINES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tov_budget_total_finalize (GObject *object)
{
  TovBudgetTotal *self = TOV_BUDGET_TOTAL (object);

  g_free (self->funding_source_id);
  g_free (self->funding_source);

  G_OBJECT_CLASS (tov_budget_total_parent_class)->finalize (object);
}

static void
tov_budget_total_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TovBudgetTotal *self = TOV_BUDGET_TOTAL (object);

  switch (prop_id)
    {
    case PROP_FUNDING_SOURCE:
      g_value_set_string (value, self->funding_source);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_AMOUNT_ORE:
      g_value_set_int64 (value, self->amount_ore);
      break;

    case PROP_N_LINES:
      g_value_set_uint (value, self->n_lines);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tov_budget_total_class_init (TovBudgetTotalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tov_budget_total_finalize;
  object_class->get_property = tov_budget_total_get_property;

  properties[PROP_FUNDING_SOURCE] =
    g_param_spec_string ("funding-source", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, TOV_TYPE_BUDGET_KIND, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AMOUNT_ORE] =
    g_param_spec_int64 ("amount-ore", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_LINES] =
    g_param_spec_uint ("n-lines", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tov_budget_total_init (TovBudgetTotal *self)
{
}

const char *
tov_budget_total_get_funding_source_id (TovBudgetTotal *self)
{
  g_return_val_if_fail (TOV_IS_BUDGET_TOTAL (self), NULL);

  return self->funding_source_id;
}

const char *
tov_budget_total_get_funding_source (TovBudgetTotal *self)
{
  g_return_val_if_fail (TOV_IS_BUDGET_TOTAL (self), NULL);

  return self->funding_source;
}

TovBudgetKind
tov_budget_total_get_kind (TovBudgetTotal *self)
{
  g_return_val_if_fail (TOV_IS_BUDGET_TOTAL (self), 0);

  return self->kind;
}

gint64
tov_budget_total_get_amount_ore (TovBudgetTotal *self)
{
  g_return_val_if_fail (TOV_IS_BUDGET_TOTAL (self), 0);

  return self->amount_ore;
}

guint
tov_budget_total_get_n_lines (TovBudgetTotal *self)
{
  g_return_val_if_fail (TOV_IS_BUDGET_TOTAL (self), 0);

  return self->n_lines;
}

/**
 * tov_budget_totals:
 * @filter: (nullable): which lines to add up; %NULL for all
 *
 * Returns: (transfer full): a list of #TovBudgetTotal, one per funding
 *   source and kind that has lines, by funding source name and kind.
 */
GListModel *
tov_budget_totals (TovStore              *store,
                   const TovBudgetFilter *filter)
{
  TovBudgetFilter any = TOV_BUDGET_FILTER_ANY;
  GListStore *totals = g_list_store_new (TOV_TYPE_BUDGET_TOTAL);
  GEnumClass *kinds = g_type_class_ref (TOV_TYPE_BUDGET_KIND);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TOV_IS_STORE (store), NULL);

  if (filter == NULL)
    filter = &any;

  if (filter->project_id != NULL)
    g_string_append (sql, "SELECT f.id, f.name, b.kind, sum (b.amount_ore), count (*) "
                          "FROM budget_line b JOIN funding_source f ON f.id = b.funding_source_id WHERE 1");
  else
    g_string_append (sql, "SELECT f.id, f.name, b.kind, sum (b.amount_ore), sum (b.n_lines) "
                          "FROM budget_total b JOIN funding_source f ON f.id = b.funding_source_id WHERE 1");

  /* Only the conditions that are set go into the SQL, so that SQLite can
   * pick the index that serves them.
   */
  if (filter->project_id != NULL)
    g_string_append (sql, " AND b.project_id = ?1");
  if (filter->funding_source_id != NULL)
    g_string_append (sql, " AND b.funding_source_id = ?2");
  if (filter->kind >= 0)
    g_string_append (sql, " AND b.kind = ?3");
  if (filter->year >= 0)
    g_string_append (sql, " AND b.year = ?4");
  g_string_append (sql, " GROUP BY f.id, b.kind ORDER BY f.name COLLATE NOCASE, f.id, "
                        "CASE b.kind WHEN 'grant' THEN 0 WHEN 'administrative-grant' THEN 1 "
                        "WHEN 'budget-proposal' THEN 2 ELSE 3 END");

  stmt = tov_store_prepare (store, sql->str, NULL);
  g_return_val_if_fail (stmt != NULL, G_LIST_MODEL (totals));

  if (filter->project_id != NULL)
    sqlite3_bind_text (stmt, 1, filter->project_id, -1, SQLITE_TRANSIENT);
  if (filter->funding_source_id != NULL)
    sqlite3_bind_text (stmt, 2, filter->funding_source_id, -1, SQLITE_TRANSIENT);
  if (filter->kind >= 0)
    sqlite3_bind_text (stmt, 3, g_enum_get_value (kinds, filter->kind)->value_nick, -1, SQLITE_STATIC);
  if (filter->year >= 0)
    sqlite3_bind_int (stmt, 4, filter->year);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(TovBudgetTotal) total = g_object_new (TOV_TYPE_BUDGET_TOTAL, NULL);
      GEnumValue *kind = g_enum_get_value_by_nick (kinds, (const char *) sqlite3_column_text (stmt, 2));

      total->funding_source_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      total->funding_source = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      total->kind = kind ? kind->value : 0;
      total->amount_ore = sqlite3_column_int64 (stmt, 3);
      total->n_lines = sqlite3_column_int (stmt, 4);
      g_list_store_append (totals, total);
    }
  sqlite3_reset (stmt);
  g_type_class_unref (kinds);

  return G_LIST_MODEL (totals);
}
