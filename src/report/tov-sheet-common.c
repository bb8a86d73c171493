/* tov-sheet-common.c: parts that more than one status sheet has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-report"

#include "config.h"

#include "tov-budget-totals.h"
#include "tov-date.h"
#include "tov-money.h"
#include "tov-records.h"
#include "tov-report-labels.h"
#include "tov-report-sheets.h"

#define N_KINDS (TOV_BUDGET_KIND_EXPECTED_GAIN + 1)

/**
 * tov_sheet_add_status_history:
 * @updates: the status updates of one record, in their natural order
 * @state_label_if_none: (nullable): the state to show when there is no
 *   status yet, or %NULL to show nothing then
 *
 * Adds every status update of a record, the latest first, each under
 * "Status pr. <date>" with its state.
 */
void
tov_sheet_add_status_history (TovReportBlocks *blocks,
                              GPtrArray       *updates,
                              const char      *state_label_if_none)
{
  guint n = updates->len;

  if (n == 0 && state_label_if_none != NULL)
    tov_report_blocks_add_label (blocks, "Status", state_label_if_none);

  for (guint i = 0; i < n; i++)
    {
      TovRecord *update = g_ptr_array_index (updates, i);
      g_autofree char *date = tov_date_format_danish (tov_record_get_string (update, "date"));
      g_autofree char *label = date ? g_strdup_printf ("Status pr. %s", date) : g_strdup ("Status");

      tov_report_blocks_add_label (blocks, label,
                                   tov_report_progress_label (tov_record_get_int (update, "state")));
      tov_report_blocks_add_text (blocks, tov_record_get_string (update, "text"));
    }
}

typedef struct
{
  char *name;
  gint64 amounts[N_KINDS];
  gboolean present[N_KINDS];
} SourceRow;

static void
source_row_free (gpointer data)
{
  SourceRow *row = data;

  g_free (row->name);
  g_free (row);
}

static char *
format_amount (gint64   ore,
               gboolean short_amounts)
{
  return short_amounts ? tov_money_format_short (ore) : tov_money_format (ore);
}

/**
 * tov_sheet_add_economy_table:
 * @project_id: (nullable): one project's lines, or %NULL for the portfolio's
 * @short_amounts: write "1,0 mio. kr." rather than "1.000.000 kr."
 *
 * Adds a table of the totals per funding source (rows) and kind of line
 * (columns), with a row of totals per kind when there is more than one
 * source. SQLite adds the amounts up.
 */
void
tov_sheet_add_economy_table (TovReportBlocks *blocks,
                             TovStore        *store,
                             const char      *project_id,
                             gboolean         short_amounts)
{
  TovBudgetFilter filter = TOV_BUDGET_FILTER_ANY;
  g_autoptr(GListModel) totals = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (source_row_free);
  TovReportColumn columns[N_KINDS + 1];
  int kinds[N_KINDS];
  guint n_kinds = 0;
  gboolean present[N_KINDS] = { FALSE };
  gint64 sums[N_KINDS] = { 0 };
  const char *last_source = NULL;
  SourceRow *current = NULL;
  TovReportTable *table;
  guint n;

  filter.project_id = project_id;
  totals = tov_budget_totals (store, &filter);
  n = g_list_model_get_n_items (totals);

  if (n == 0)
    {
      tov_report_blocks_add_text (blocks, "Der er ingen budgetlinjer.");
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TovBudgetTotal) total = g_list_model_get_item (totals, i);
      const char *source = tov_budget_total_get_funding_source_id (total);
      TovBudgetKind kind = tov_budget_total_get_kind (total);

      if (current == NULL || g_strcmp0 (last_source, source) != 0)
        {
          current = g_new0 (SourceRow, 1);
          current->name = g_strdup (tov_budget_total_get_funding_source (total));
          g_ptr_array_add (rows, current);
          last_source = source;
        }

      if (kind < N_KINDS)
        {
          current->amounts[kind] += tov_budget_total_get_amount_ore (total);
          current->present[kind] = TRUE;
          sums[kind] += tov_budget_total_get_amount_ore (total);
          present[kind] = TRUE;
        }
    }

  for (int kind = 0; kind < N_KINDS; kind++)
    if (present[kind])
      kinds[n_kinds++] = kind;

  columns[0] = (TovReportColumn) { "Finansieringskilde", 1.0 - 0.17 * n_kinds, PANGO_ALIGN_LEFT };
  for (guint k = 0; k < n_kinds; k++)
    columns[k + 1] = (TovReportColumn) { tov_report_budget_kind_label (kinds[k]), 0.17, PANGO_ALIGN_RIGHT };
  table = tov_report_blocks_add_table (blocks, TOV_TABLE_GRID, columns, n_kinds + 1);

  for (guint i = 0; i < rows->len; i++)
    {
      SourceRow *row = g_ptr_array_index (rows, i);
      char *cells[N_KINDS + 1] = { row->name };

      for (guint k = 0; k < n_kinds; k++)
        cells[k + 1] = row->present[kinds[k]] ? format_amount (row->amounts[kinds[k]], short_amounts) : g_strdup ("");
      tov_report_table_add_row (table, TOV_ROW_NORMAL, (const char * const *) cells);
      for (guint k = 0; k < n_kinds; k++)
        g_free (cells[k + 1]);
    }

  if (rows->len > 1)
    {
      char *cells[N_KINDS + 1] = { (char *) "I alt" };

      for (guint k = 0; k < n_kinds; k++)
        cells[k + 1] = format_amount (sums[kinds[k]], short_amounts);
      tov_report_table_add_row (table, TOV_ROW_TOTAL, (const char * const *) cells);
      for (guint k = 0; k < n_kinds; k++)
        g_free (cells[k + 1]);
    }
}
