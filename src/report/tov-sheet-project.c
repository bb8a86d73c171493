/* tov-sheet-project.c: one project, its decisions, its money and its status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-report"

#include "config.h"

#include "tov-date.h"
#include "tov-money.h"
#include "tov-records.h"
#include "tov-labels.h"
#include "tov-report-labels.h"
#include "tov-report-queries.h"
#include "tov-report-sheets.h"

static char *
theme_name (TovStore   *store,
            const char *theme_id)
{
  g_autoptr(TovRecord) theme = tov_store_lookup (store, TOV_TYPE_THEME, theme_id);

  if (theme == NULL)
    return g_strdup ("");
  return g_strdup_printf ("Tema %" G_GINT64_FORMAT ". %s",
                          tov_record_get_int (theme, "number"), tov_record_get_string (theme, "title"));
}

static void
add_fact (TovReportTable *table,
          const char     *label,
          const char     *value)
{
  const char *cells[] = { label, value };

  if (value != NULL && value[0] != '\0')
    tov_report_table_add_row (table, TOV_ROW_NORMAL, cells);
}

static void
add_facts (TovReportBlocks *blocks,
           TovStore        *store,
           TovRecord       *project)
{
  static const TovReportColumn columns[] = {
    { NULL, 0.22, PANGO_ALIGN_LEFT },
    { NULL, 0.78, PANGO_ALIGN_LEFT },
  };
  TovReportTable *table = tov_report_blocks_add_table (blocks, TOV_TABLE_FACTS, columns, G_N_ELEMENTS (columns));
  g_autofree char *theme = theme_name (store, tov_record_get_string (project, "theme-id"));
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, tov_record_get_int (project, "number"));
  g_autofree char *period = tov_report_format_period (tov_record_get_string (project, "start-date"),
                                                      tov_record_get_string (project, "end-date"));

  add_fact (table, "Tema", theme);
  add_fact (table, "Projektnummer", number);
  add_fact (table, "Titel", tov_record_get_string (project, "title"));
  add_fact (table, "Status", tov_choice_label_danish (TOV_TYPE_PROJECT_STATE, tov_record_get_int (project, "state")));
  add_fact (table, "Periode", period);
  add_fact (table, "Tovholder", tov_record_get_string (project, "coordinator"));
  add_fact (table, "Forankring", tov_record_get_string (project, "anchoring"));
  add_fact (table, "J. nr.", tov_record_get_string (project, "case-number"));
}

static void
add_decisions (TovReportBlocks *blocks,
               TovStore        *store,
               const char      *project_id)
{
  static const TovReportColumn columns[] = {
    { "Nr.", 0.09, PANGO_ALIGN_LEFT },
    { "Indstilling", 0.66, PANGO_ALIGN_LEFT },
    { "Status", 0.25, PANGO_ALIGN_LEFT },
  };
  g_autoptr(GPtrArray) decisions = tov_report_query_children (store, TOV_TYPE_DECISION, "project_id", project_id);
  TovReportTable *table;
  guint n = decisions->len;

  tov_report_blocks_add_heading (blocks, TOV_TEXT_SUBHEADING, "Indstillinger", NULL);
  if (n == 0)
    {
      tov_report_blocks_add_text (blocks, "Der er ingen indstillinger til projektet.");
      return;
    }

  table = tov_report_blocks_add_table (blocks, TOV_TABLE_GRID, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < n; i++)
    {
      TovRecord *decision = g_ptr_array_index (decisions, i);
      g_autofree char *decided = tov_date_format_danish (tov_record_get_string (decision, "decided-on"));
      const char *state = tov_choice_label_danish (TOV_TYPE_DECISION_STATE, tov_record_get_int (decision, "state"));
      g_autofree char *status = decided ? g_strdup_printf ("%s\n%s", state, decided) : g_strdup (state);
      const char *cells[] = { tov_record_get_string (decision, "number"), tov_record_get_string (decision, "text"), status };

      tov_report_table_add_row (table, TOV_ROW_NORMAL, cells);
    }
}

static void
add_budget_lines (TovReportBlocks *blocks,
                  TovStore        *store,
                  const char      *project_id)
{
  static const TovReportColumn columns[] = {
    { "Art", 0.18, PANGO_ALIGN_LEFT },
    { "Finansieringskilde", 0.26, PANGO_ALIGN_LEFT },
    { "År", 0.08, PANGO_ALIGN_LEFT },
    { "Bemærkning", 0.30, PANGO_ALIGN_LEFT },
    { "Beløb", 0.18, PANGO_ALIGN_RIGHT },
  };
  g_autoptr(GPtrArray) lines = tov_report_query_children (store, TOV_TYPE_BUDGET_LINE, "project_id", project_id);
  g_autoptr(GHashTable) sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  TovReportTable *table;
  guint n = lines->len;

  tov_report_blocks_add_heading (blocks, TOV_TEXT_SUBHEADING, "Økonomi", NULL);
  if (n == 0)
    {
      tov_report_blocks_add_text (blocks, "Der er ingen budgetlinjer til projektet.");
      return;
    }

  table = tov_report_blocks_add_table (blocks, TOV_TABLE_GRID, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < n; i++)
    {
      TovRecord *line = g_ptr_array_index (lines, i);
      const char *source_id = tov_record_get_string (line, "funding-source-id");
      const char *source = source_id ? g_hash_table_lookup (sources, source_id) : NULL;
      gint64 year = tov_record_get_int (line, "year");
      g_autofree char *year_text = NULL;
      g_autofree char *amount = tov_money_format (tov_record_get_int (line, "amount-ore"));
      const char *cells[5];

      if (source == NULL && source_id != NULL)
        {
          g_autoptr(TovRecord) record = tov_store_lookup (store, TOV_TYPE_FUNDING_SOURCE, source_id);
          char *name = g_strdup (record ? tov_record_get_string (record, "name") : "");

          g_hash_table_insert (sources, g_strdup (source_id), name);
          source = name;
        }

      if (year > 0)
        year_text = g_strdup_printf (tov_record_get_int (line, "annual") ? "%" G_GINT64_FORMAT "\nårligt" : "%" G_GINT64_FORMAT, year);
      else
        year_text = g_strdup (tov_record_get_int (line, "annual") ? "årligt" : "");

      cells[0] = tov_choice_label_danish (TOV_TYPE_BUDGET_KIND, tov_record_get_int (line, "kind"));
      cells[1] = source;
      cells[2] = year_text;
      cells[3] = tov_record_get_string (line, "note");
      cells[4] = amount;
      tov_report_table_add_row (table, TOV_ROW_NORMAL, cells);
    }

  tov_report_blocks_add_label (blocks, "I alt pr. finansieringskilde og art", NULL);
  tov_sheet_add_economy_table (blocks, store, lines, FALSE);
}

void
tov_sheet_build_project (TovReportBlocks *blocks,
                         TovStore        *store,
                         TovRecord       *project)
{
  const char *id = tov_record_get_id (project);
  g_autoptr(GPtrArray) updates = tov_report_query_children (store, TOV_TYPE_STATUS_UPDATE, "project_id", id);
  g_autofree char *title = g_strdup_printf ("Status på projekt %" G_GINT64_FORMAT ". %s",
                                            tov_record_get_int (project, "number"),
                                            tov_record_get_string (project, "title"));
  g_autofree char *theme = theme_name (store, tov_record_get_string (project, "theme-id"));

  tov_report_blocks_add_title (blocks, title);
  if (theme[0] != '\0')
    tov_report_blocks_add_subtitle (blocks, theme);
  tov_report_blocks_add_space (blocks, 6);

  add_facts (blocks, store, project);
  tov_report_blocks_add_field (blocks, "Formål", tov_record_get_string (project, "purpose"));
  add_decisions (blocks, store, id);
  add_budget_lines (blocks, store, id);

  tov_report_blocks_add_heading (blocks, TOV_TEXT_SUBHEADING, "Status", NULL);
  if (updates->len == 0)
    tov_report_blocks_add_text (blocks, "Der er endnu ingen status på projektet.");
  tov_sheet_add_status_history (blocks, updates, NULL);
}
