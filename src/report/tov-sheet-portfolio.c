/* tov-sheet-portfolio.c: every theme, project and decision, and the money.
 *
 * A portfolio may hold thousands of projects, so every table is read once,
 * in SQL order, and grouped in hash tables: no query per project. The
 * overview gives each decision one line, cut with "…" where it is long;
 * the project sheet has the whole text. One-line cells also let the pages
 * be counted without laying out tens of thousands of cells twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-report"

#include "config.h"

#include "tov-money.h"
#include "tov-query-model.h"
#include "tov-records.h"
#include "tov-report-labels.h"
#include "tov-report-queries.h"
#include "tov-report-sheets.h"

#define N_KINDS (TOV_BUDGET_KIND_EXPECTED_GAIN + 1)

/* The money tied to a decision, or to a project without a decision. */
typedef struct
{
  gint64 amounts[N_KINDS];
  gboolean present[N_KINDS];
} Amounts;

typedef struct
{
  char *number;
  char *text;
  int state;
  char *id;
} Decision;

typedef struct
{
  char *id;
  char *theme_id;
  gint64 number;
  char *title;
  int state;
  GPtrArray *decisions;   /* Decision, in number order */
} Project;

typedef struct
{
  GHashTable *projects_by_id;     /* id → Project */
  GPtrArray *projects;            /* Project, in number order */
  GHashTable *decision_amounts;   /* decision id → Amounts */
  GHashTable *loose_amounts;      /* project id → Amounts of lines without a decision */
} Portfolio;

static void
decision_free (gpointer data)
{
  Decision *decision = data;

  g_free (decision->number);
  g_free (decision->text);
  g_free (decision->id);
  g_free (decision);
}

static void
project_free (gpointer data)
{
  Project *project = data;

  g_free (project->id);
  g_free (project->theme_id);
  g_free (project->title);
  g_clear_pointer (&project->decisions, g_ptr_array_unref);
  g_free (project);
}

static void
on_project (const char *id,
            const char *theme_id,
            gint64      number,
            const char *title,
            int         state,
            gpointer    user_data)
{
  Portfolio *portfolio = user_data;
  Project *project = g_new0 (Project, 1);

  project->id = g_strdup (id);
  project->theme_id = g_strdup (theme_id);
  project->number = number;
  project->title = g_strdup (title);
  project->state = state;
  project->decisions = g_ptr_array_new_with_free_func (decision_free);
  g_ptr_array_add (portfolio->projects, project);
  g_hash_table_insert (portfolio->projects_by_id, project->id, project);
}

/* One line of an overview: the documents' line breaks and bullets become spaces. */
static char *
one_line (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text ? text : "", " \t\r\n", -1);
  GString *line = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (line->len > 0)
        g_string_append_c (line, ' ');
      g_string_append (line, words[i]);
    }

  return g_string_free (line, FALSE);
}

static void
on_decision (const char *project_id,
             const char *id,
             const char *number,
             const char *text,
             int         state,
             gpointer    user_data)
{
  Portfolio *portfolio = user_data;
  Project *project = project_id ? g_hash_table_lookup (portfolio->projects_by_id, project_id) : NULL;
  Decision *decision;

  if (project == NULL)
    return;

  decision = g_new0 (Decision, 1);
  decision->number = g_strdup (number);
  decision->text = one_line (text);
  decision->state = state;
  decision->id = g_strdup (id);
  g_ptr_array_add (project->decisions, decision);
}

static void
add_amount (GHashTable *table,
            const char *key,
            int         kind,
            gint64      ore)
{
  Amounts *amounts = g_hash_table_lookup (table, key);

  if (kind < 0 || kind >= N_KINDS)
    return;
  if (amounts == NULL)
    {
      amounts = g_new0 (Amounts, 1);
      g_hash_table_insert (table, g_strdup (key), amounts);
    }
  amounts->amounts[kind] += ore;
  amounts->present[kind] = TRUE;
}

static void
on_amount (const char *project_id,
           const char *decision_id,
           int         kind,
           gint64      ore,
           gpointer    user_data)
{
  Portfolio *portfolio = user_data;

  if (decision_id != NULL)
    add_amount (portfolio->decision_amounts, decision_id, kind, ore);
  else if (project_id != NULL)
    add_amount (portfolio->loose_amounts, project_id, kind, ore);
}

/* The kinds and the amounts of a decision, one line each, in two cells
 * side by side.
 */
static void
format_amounts (const Amounts  *amounts,
                char          **out_kinds,
                char          **out_amounts)
{
  GString *kinds = g_string_new (NULL);
  GString *sums = g_string_new (NULL);

  for (int kind = 0; amounts != NULL && kind < N_KINDS; kind++)
    {
      g_autofree char *sum = NULL;

      if (!amounts->present[kind])
        continue;

      sum = tov_money_format_short (amounts->amounts[kind]);
      if (kinds->len > 0)
        {
          g_string_append_c (kinds, '\n');
          g_string_append_c (sums, '\n');
        }
      g_string_append (kinds, tov_report_budget_kind_short_label (kind));
      g_string_append (sums, sum);
    }

  *out_kinds = g_string_free (kinds, FALSE);
  *out_amounts = g_string_free (sums, FALSE);
}

static void
add_project_rows (TovReportTable *table,
                  Portfolio      *portfolio,
                  Project        *project)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, project->number);
  const char *group[] = { number, project->title, tov_report_project_state_label (project->state), NULL, NULL };
  Amounts *loose = g_hash_table_lookup (portfolio->loose_amounts, project->id);

  tov_report_table_add_row (table, TOV_ROW_GROUP, group);

  for (guint i = 0; i < project->decisions->len; i++)
    {
      Decision *decision = g_ptr_array_index (project->decisions, i);
      g_autofree char *kinds = NULL;
      g_autofree char *amounts = NULL;
      const char *cells[5];

      format_amounts (g_hash_table_lookup (portfolio->decision_amounts, decision->id), &kinds, &amounts);
      cells[0] = decision->number;
      cells[1] = decision->text;
      cells[2] = tov_report_decision_state_label (decision->state);
      cells[3] = kinds;
      cells[4] = amounts;
      tov_report_table_add_row (table, TOV_ROW_NORMAL, cells);
    }

  if (loose != NULL)
    {
      g_autofree char *kinds = NULL;
      g_autofree char *amounts = NULL;
      const char *cells[5];

      format_amounts (loose, &kinds, &amounts);
      cells[0] = NULL;
      cells[1] = "Uden indstilling";
      cells[2] = NULL;
      cells[3] = kinds;
      cells[4] = amounts;
      tov_report_table_add_row (table, TOV_ROW_NORMAL, cells);
    }
}

static TovReportTable *
add_projects_table (TovReportBlocks *blocks)
{
  static const TovReportColumn columns[] = {
    { "Nr.", 0.07, PANGO_ALIGN_LEFT, FALSE, TRUE },
    { "Projekt og indstilling", 0.41, PANGO_ALIGN_LEFT, FALSE, TRUE },
    { "Status", 0.17, PANGO_ALIGN_LEFT, FALSE, TRUE },
    { "Art", 0.18, PANGO_ALIGN_LEFT, FALSE, TRUE },
    { "Beløb", 0.17, PANGO_ALIGN_RIGHT, FALSE, TRUE },
  };

  return tov_report_blocks_add_table (blocks, TOV_TABLE_GRID, columns, G_N_ELEMENTS (columns));
}

void
tov_sheet_build_portfolio (TovReportBlocks *blocks,
                           TovStore        *store)
{
  TovRecord *record = TOV_RECORD (tov_store_get_portfolio (store));
  g_autoptr(TovQueryModel) themes = tov_query_model_new (store, TOV_TYPE_THEME);
  g_autoptr(GHashTable) theme_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *title = g_strdup_printf ("Oversigt over %s", tov_record_get_string (record, "name"));
  g_autofree char *subtitle = NULL;
  Portfolio portfolio = {
    g_hash_table_new (g_str_hash, g_str_equal),
    g_ptr_array_new_with_free_func (project_free),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
  };
  guint n_themes = g_list_model_get_n_items (G_LIST_MODEL (themes));
  g_autoptr(GHashTable) by_theme = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) themeless = g_ptr_array_new ();

  tov_report_query_projects (store, on_project, &portfolio);
  tov_report_query_decisions (store, on_decision, &portfolio);
  tov_report_query_decision_totals (store, on_amount, &portfolio);

  tov_report_blocks_add_title (blocks, title);
  subtitle = g_strdup_printf ("Projekter, indstillinger og økonomi · %u %s i %u %s",
                              portfolio.projects->len, portfolio.projects->len == 1 ? "projekt" : "projekter",
                              n_themes, n_themes == 1 ? "tema" : "temaer");
  tov_report_blocks_add_subtitle (blocks, subtitle);
  tov_report_blocks_add_space (blocks, 4);
  tov_report_blocks_add_text (blocks, tov_record_get_string (record, "description"));

  /* Each project under its theme, in number order. */
  for (guint i = 0; i < n_themes; i++)
    {
      g_autoptr(TovRecord) theme = g_list_model_get_item (G_LIST_MODEL (themes), i);

      g_hash_table_insert (by_theme, g_strdup (tov_record_get_id (theme)), g_ptr_array_new ());
    }
  for (guint i = 0; i < portfolio.projects->len; i++)
    {
      Project *project = g_ptr_array_index (portfolio.projects, i);
      GPtrArray *list = project->theme_id ? g_hash_table_lookup (by_theme, project->theme_id) : NULL;

      g_ptr_array_add (list ? list : themeless, project);
    }

  for (guint i = 0; i < n_themes; i++)
    {
      g_autoptr(TovRecord) theme = g_list_model_get_item (G_LIST_MODEL (themes), i);
      GPtrArray *list = g_hash_table_lookup (by_theme, tov_record_get_id (theme));
      g_autofree char *heading = g_strdup_printf ("Tema %" G_GINT64_FORMAT ". %s",
                                                  tov_record_get_int (theme, "number"),
                                                  tov_record_get_string (theme, "title"));
      TovReportTable *table;

      tov_report_blocks_add_heading (blocks, TOV_TEXT_HEADING, heading, NULL);
      if (list->len == 0)
        {
          tov_report_blocks_add_text (blocks, "Temaet har endnu ingen projekter.");
          continue;
        }
      table = add_projects_table (blocks);
      for (guint j = 0; j < list->len; j++)
        add_project_rows (table, &portfolio, g_ptr_array_index (list, j));
    }

  if (themeless->len > 0)
    {
      TovReportTable *table;

      tov_report_blocks_add_heading (blocks, TOV_TEXT_HEADING, "Projekter uden tema", NULL);
      table = add_projects_table (blocks);
      for (guint j = 0; j < themeless->len; j++)
        add_project_rows (table, &portfolio, g_ptr_array_index (themeless, j));
    }

  tov_report_blocks_add_heading (blocks, TOV_TEXT_HEADING, "Oversigt over økonomien", NULL);
  tov_sheet_add_economy_table (blocks, store, NULL, TRUE);

  g_hash_table_unref (portfolio.projects_by_id);
  g_ptr_array_unref (portfolio.projects);
  g_hash_table_unref (portfolio.decision_amounts);
  g_hash_table_unref (portfolio.loose_amounts);
}
