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
#include "tov-labels.h"
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
                                   tov_choice_label_danish (TOV_TYPE_PROGRESS, tov_record_get_int (update, "state")));
      tov_report_blocks_add_text (blocks, tov_record_get_string (update, "text"));
    }
}

typedef struct
{
  char *id;
  char *name;
  gint64 amounts[N_KINDS];
  gboolean present[N_KINDS];
} SourceRow;

static void
source_row_free (gpointer data)
{
  SourceRow *row = data;

  g_free (row->id);
  g_free (row->name);
  g_free (row);
}

static char *
format_amount (gint64   ore,
               gboolean short_amounts)
{
  return short_amounts ? tov_report_format_money_short (ore) : tov_money_format (ore);
}

static SourceRow *
source_row (GPtrArray  *rows,
            GHashTable *by_id,
            const char *id,
            const char *name)
{
  SourceRow *row = g_hash_table_lookup (by_id, id);

  if (row == NULL)
    {
      row = g_new0 (SourceRow, 1);
      row->id = g_strdup (id);
      row->name = g_strdup (name);
      g_ptr_array_add (rows, row);
      g_hash_table_insert (by_id, row->id, row);
    }
  return row;
}

/* The portfolio's totals, which SQLite adds up, in its order. */
static void
read_totals (TovStore   *store,
             GPtrArray  *rows,
             GHashTable *by_id)
{
  g_autoptr(GListModel) totals = tov_budget_totals (store, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (totals); i++)
    {
      g_autoptr(TovBudgetTotal) total = g_list_model_get_item (totals, i);
      SourceRow *row = source_row (rows, by_id, tov_budget_total_get_funding_source_id (total),
                                   tov_budget_total_get_funding_source (total));
      TovBudgetKind kind = tov_budget_total_get_kind (total);

      if (kind < N_KINDS)
        {
          row->amounts[kind] += tov_budget_total_get_amount_ore (total);
          row->present[kind] = TRUE;
        }
    }
}

static int
compare_sources (gconstpointer a,
                 gconstpointer b)
{
  const SourceRow *ra = *(SourceRow **) a;
  const SourceRow *rb = *(SourceRow **) b;
  g_autofree char *fa = g_utf8_casefold (ra->name, -1);
  g_autofree char *fb = g_utf8_casefold (rb->name, -1);
  int result = g_utf8_collate (fa, fb);

  return result != 0 ? result : g_strcmp0 (ra->id, rb->id);
}

/* The totals of a few budget lines, a project's, in 64-bit øre. */
static void
add_up_lines (TovStore   *store,
              GPtrArray  *lines,
              GPtrArray  *rows,
              GHashTable *by_id)
{
  for (guint i = 0; i < lines->len; i++)
    {
      TovRecord *line = g_ptr_array_index (lines, i);
      const char *source_id = tov_record_get_string (line, "funding-source-id");
      SourceRow *row = source_id ? g_hash_table_lookup (by_id, source_id) : NULL;
      int kind = tov_record_get_int (line, "kind");

      if (source_id == NULL || kind < 0 || kind >= N_KINDS)
        continue;
      if (row == NULL)
        {
          g_autoptr(TovRecord) source = tov_store_lookup (store, TOV_TYPE_FUNDING_SOURCE, source_id);

          row = source_row (rows, by_id, source_id, source ? tov_record_get_string (source, "name") : "");
        }
      row->amounts[kind] += tov_record_get_int (line, "amount-ore");
      row->present[kind] = TRUE;
    }

  g_ptr_array_sort (rows, compare_sources);
}

/**
 * tov_sheet_add_economy_table:
 * @lines: (nullable): a project's budget lines, or %NULL for all the
 *   portfolio's, which SQLite adds up
 * @short_amounts: write "1,0 mio. kr." rather than "1.000.000 kr."
 *
 * Adds a table of the totals per funding source (rows) and kind of line
 * (columns), with a row of totals per kind when there is more than one
 * source.
 */
void
tov_sheet_add_economy_table (TovReportBlocks *blocks,
                             TovStore        *store,
                             GPtrArray       *lines,
                             gboolean         short_amounts)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (source_row_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  TovReportColumn columns[N_KINDS + 1];
  int kinds[N_KINDS];
  guint n_kinds = 0;
  gboolean present[N_KINDS] = { FALSE };
  gint64 sums[N_KINDS] = { 0 };
  TovReportTable *table;

  if (lines != NULL)
    add_up_lines (store, lines, rows, by_id);
  else
    read_totals (store, rows, by_id);

  if (rows->len == 0)
    {
      tov_report_blocks_add_text (blocks, "Der er ingen budgetlinjer.");
      return;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      SourceRow *row = g_ptr_array_index (rows, i);

      for (int kind = 0; kind < N_KINDS; kind++)
        if (row->present[kind])
          {
            sums[kind] += row->amounts[kind];
            present[kind] = TRUE;
          }
    }

  for (int kind = 0; kind < N_KINDS; kind++)
    if (present[kind])
      kinds[n_kinds++] = kind;

  columns[0] = (TovReportColumn) { "Finansieringskilde", 1.0 - 0.17 * n_kinds, PANGO_ALIGN_LEFT };
  for (guint k = 0; k < n_kinds; k++)
    columns[k + 1] = (TovReportColumn) { tov_report_budget_kind_heading (kinds[k]), 0.17, PANGO_ALIGN_RIGHT };
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
