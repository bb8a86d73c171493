/* tov-sheet-portfolio.c: every theme, project and decision, and the money.
 *
 * Per theme a table: a row per project with its state and its money per
 * kind of budget line, and under it a row per decision with its state and
 * the lines tied to it. The texts of the decisions are on the project
 * sheets; the overview is the one sheet that must stay short for a
 * portfolio of thousands of projects.
 *
 * Every table is read once, in SQL order, and grouped in hash tables: no
 * query per project. Most cells are a number, a state or an amount, whose
 * height the typesetter knows without laying them out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-report"

#include "config.h"

#include "tov-query-model.h"
#include "tov-records.h"
#include "tov-labels.h"
#include "tov-report-labels.h"
#include "tov-report-queries.h"
#include "tov-report-sheets.h"

#define N_KINDS (TOV_BUDGET_KIND_EXPECTED_GAIN + 1)

/* Money per kind of budget line, in øre. */
typedef struct
{
  gint64 amounts[N_KINDS];
  gboolean present[N_KINDS];
} Amounts;

typedef struct
{
  char *id;
  char *number;
  int state;
} Decision;

typedef struct
{
  char *id;
  char *theme_id;
  gint64 number;
  char *title;
  int state;
  GPtrArray *decisions;   /* Decision, in number order */
  Amounts total;
} Project;

typedef struct
{
  GHashTable *projects_by_id;     /* id → Project */
  GPtrArray *projects;            /* Project, in number order */
  GHashTable *decision_amounts;   /* decision id → Amounts */
  GHashTable *loose_amounts;      /* project id → Amounts of lines without a decision */
  gboolean kinds[N_KINDS];        /* which kinds the portfolio has lines of */
} Portfolio;

static void
decision_free (gpointer data)
{
  Decision *decision = data;

  g_free (decision->id);
  g_free (decision->number);
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

static void
on_decision (const char *project_id,
             const char *id,
             const char *number,
             int         state,
             gpointer    user_data)
{
  Portfolio *portfolio = user_data;
  Project *project = project_id ? g_hash_table_lookup (portfolio->projects_by_id, project_id) : NULL;
  Decision *decision;

  if (project == NULL)
    return;

  decision = g_new0 (Decision, 1);
  decision->id = g_strdup (id);
  decision->number = g_strdup (number);
  decision->state = state;
  g_ptr_array_add (project->decisions, decision);
}

static void
add_to (Amounts *amounts,
        int      kind,
        gint64   ore)
{
  amounts->amounts[kind] += ore;
  amounts->present[kind] = TRUE;
}

static void
add_amount (GHashTable *table,
            const char *key,
            int         kind,
            gint64      ore)
{
  Amounts *amounts = g_hash_table_lookup (table, key);

  if (amounts == NULL)
    {
      amounts = g_new0 (Amounts, 1);
      g_hash_table_insert (table, g_strdup (key), amounts);
    }
  add_to (amounts, kind, ore);
}

/* SQLite has added up the lines per decision and kind; the overview adds
 * those sums per project and theme, in 64-bit øre.
 */
static void
on_amount (const char *project_id,
           const char *decision_id,
           int         kind,
           gint64      ore,
           gpointer    user_data)
{
  Portfolio *portfolio = user_data;
  Project *project = project_id ? g_hash_table_lookup (portfolio->projects_by_id, project_id) : NULL;

  if (project == NULL || kind < 0 || kind >= N_KINDS)
    return;

  if (decision_id != NULL)
    add_amount (portfolio->decision_amounts, decision_id, kind, ore);
  else
    add_amount (portfolio->loose_amounts, project_id, kind, ore);
  add_to (&project->total, kind, ore);
  portfolio->kinds[kind] = TRUE;
}

typedef struct
{
  TovReportTable *table;
  int kinds[N_KINDS];   /* the kind of each money column */
  guint n_kinds;
} OverviewTable;

static TovReportTable *
add_overview_table (TovReportBlocks *blocks,
                    OverviewTable   *overview)
{
  TovReportColumn columns[3 + N_KINDS] = {
    { "Nr.", 0.07, PANGO_ALIGN_LEFT },
    { "Projekt og indstilling", 0, PANGO_ALIGN_LEFT },
    { "Status", 0.15, PANGO_ALIGN_LEFT },
  };
  double width = overview->n_kinds > 0 ? MIN (0.17, 0.52 / overview->n_kinds) : 0;

  columns[1].width = 1.0 - columns[0].width - columns[2].width - width * overview->n_kinds;
  for (guint k = 0; k < overview->n_kinds; k++)
    columns[3 + k] = (TovReportColumn) { tov_report_budget_kind_heading (overview->kinds[k]), width,
                                         PANGO_ALIGN_RIGHT };

  return tov_report_blocks_add_table (blocks, TOV_TABLE_GRID, columns, 3 + overview->n_kinds);
}

/* A row whose money columns are @amounts, in the short form that fits. */
static void
add_row (OverviewTable *overview,
         TovRowStyle    style,
         const char    *number,
         const char    *name,
         const char    *state,
         const Amounts *amounts)
{
  const char *cells[3 + N_KINDS] = { number, name, state };
  char *sums[N_KINDS] = { NULL };

  for (guint k = 0; k < overview->n_kinds; k++)
    {
      int kind = overview->kinds[k];

      if (amounts != NULL && amounts->present[kind])
        sums[k] = tov_report_format_money_short (amounts->amounts[kind]);
      cells[3 + k] = sums[k];
    }

  tov_report_table_add_row (overview->table, style, cells);
  for (guint k = 0; k < overview->n_kinds; k++)
    g_free (sums[k]);
}

static void
add_project_rows (OverviewTable *overview,
                  Portfolio     *portfolio,
                  Project       *project,
                  Amounts       *theme_total)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, project->number);
  Amounts *loose = g_hash_table_lookup (portfolio->loose_amounts, project->id);

  add_row (overview, TOV_ROW_GROUP, number, project->title,
           tov_choice_label_danish (TOV_TYPE_PROJECT_STATE, project->state), &project->total);

  for (guint i = 0; i < project->decisions->len; i++)
    {
      Decision *decision = g_ptr_array_index (project->decisions, i);

      add_row (overview, TOV_ROW_NORMAL, NULL, decision->number,
               tov_choice_label_danish (TOV_TYPE_DECISION_STATE, decision->state),
               g_hash_table_lookup (portfolio->decision_amounts, decision->id));
    }

  if (loose != NULL)
    add_row (overview, TOV_ROW_NORMAL, NULL, "Uden indstilling", NULL, loose);

  for (int kind = 0; kind < N_KINDS; kind++)
    if (project->total.present[kind])
      add_to (theme_total, kind, project->total.amounts[kind]);
}

static void
add_theme (TovReportBlocks *blocks,
           Portfolio       *portfolio,
           OverviewTable   *overview,
           const char      *heading,
           GPtrArray       *projects)
{
  Amounts total = { { 0 } };

  tov_report_blocks_add_heading (blocks, TOV_TEXT_HEADING, heading, NULL);
  if (projects->len == 0)
    {
      tov_report_blocks_add_text (blocks, "Temaet har endnu ingen projekter.");
      return;
    }

  overview->table = add_overview_table (blocks, overview);
  for (guint i = 0; i < projects->len; i++)
    add_project_rows (overview, portfolio, g_ptr_array_index (projects, i), &total);
  if (overview->n_kinds > 0)
    add_row (overview, TOV_ROW_TOTAL, NULL, "I alt", NULL, &total);
}

void
tov_sheet_build_portfolio (TovReportBlocks *blocks,
                           TovStore        *store)
{
  TovRecord *record = TOV_RECORD (tov_store_get_portfolio (store));
  g_autoptr(TovQueryModel) themes = tov_query_model_new (store, TOV_TYPE_THEME);
  g_autofree char *title = g_strdup_printf ("Oversigt over %s", tov_record_get_string (record, "name"));
  g_autofree char *subtitle = NULL;
  Portfolio portfolio = {
    g_hash_table_new (g_str_hash, g_str_equal),
    g_ptr_array_new_with_free_func (project_free),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    { FALSE },
  };
  OverviewTable overview = { NULL, { 0 }, 0 };
  guint n_themes = g_list_model_get_n_items (G_LIST_MODEL (themes));
  g_autoptr(GHashTable) by_theme = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) themeless = g_ptr_array_new ();

  tov_report_query_projects (store, on_project, &portfolio);
  tov_report_query_decisions (store, on_decision, &portfolio);
  tov_report_query_decision_totals (store, on_amount, &portfolio);

  for (int kind = 0; kind < N_KINDS; kind++)
    if (portfolio.kinds[kind])
      overview.kinds[overview.n_kinds++] = kind;

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
      g_autofree char *heading = g_strdup_printf ("Tema %" G_GINT64_FORMAT ". %s",
                                                  tov_record_get_int (theme, "number"),
                                                  tov_record_get_string (theme, "title"));

      add_theme (blocks, &portfolio, &overview, heading,
                 g_hash_table_lookup (by_theme, tov_record_get_id (theme)));
    }
  if (themeless->len > 0)
    add_theme (blocks, &portfolio, &overview, "Projekter uden tema", themeless);

  tov_report_blocks_add_heading (blocks, TOV_TEXT_HEADING, "Oversigt over økonomien", NULL);
  tov_sheet_add_economy_table (blocks, store, NULL, TRUE);

  g_hash_table_unref (portfolio.projects_by_id);
  g_ptr_array_unref (portfolio.projects);
  g_hash_table_unref (portfolio.decision_amounts);
  g_hash_table_unref (portfolio.loose_amounts);
}
