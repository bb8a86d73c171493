/* test-store.c: the portfolio file keeps what it is given and refuses what is not ours.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tov-budget-totals.h"
#include "tov-demo.h"
#include "tov-error.h"
#include "tov-migrations.h"
#include "tov-query-model.h"
#include "tov-records.h"
#include "tov-store-private.h"
#include "tov-test-portfolio.h"

typedef TovTestPortfolio Fixture;

/* A record of @type with every field set to a value unlike its default,
 * referring to @refs where it has references.
 */
static TovRecord *
make_record (GType       type,
             GHashTable *refs,
             int         seed)
{
  TovRecord *record = g_object_new (type, NULL);
  TovRecordClass *klass = TOV_RECORD_GET_CLASS (record);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      GParamSpec *pspec = klass->fields[i];
      GType target = tov_param_get_ref_type (pspec);

      if (target != G_TYPE_INVALID)
        g_object_set (record, pspec->name, g_hash_table_lookup (refs, GSIZE_TO_POINTER (target)), NULL);
      else if (tov_param_is_date (pspec))
        g_object_set (record, pspec->name, "2015-10-08", NULL);
      else if (G_IS_PARAM_SPEC_STRING (pspec))
        {
          g_autofree char *text = g_strdup_printf ("Æblegrød & <ø> \"%s\" %d", pspec->name, seed);

          g_object_set (record, pspec->name, text, NULL);
        }
      else if (G_IS_PARAM_SPEC_INT64 (pspec))
        g_object_set (record, pspec->name, MIN ((gint64) 7 + seed, G_PARAM_SPEC_INT64 (pspec)->maximum), NULL);
      else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
        g_object_set (record, pspec->name, TRUE, NULL);
      else if (G_IS_PARAM_SPEC_ENUM (pspec))
        g_object_set (record, pspec->name, 1, NULL);
    }

  return record;
}

/* Status updates belong to exactly one thing. */
static void
keep_one_subject (TovRecord *record)
{
  if (TOV_IS_STATUS_UPDATE (record))
    g_object_set (record, "initiative-id", NULL, "partnership-id", NULL, NULL);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GHashTable) refs = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n_types;
  const GType *types = tov_record_types (&n_types);

  /* Every record type, each referring to one of the types before it. */
  for (guint i = 1; i < n_types; i++)
    {
      TovRecord *record = make_record (types[i], refs, i);

      keep_one_subject (record);
      tov_store_save (fixture->store, record, &error);
      g_assert_no_error (error);
      g_assert_nonnull (tov_record_get_created (record));
      g_hash_table_insert (refs, GSIZE_TO_POINTER (types[i]), g_strdup (tov_record_get_id (record)));
      g_ptr_array_add (saved, record);
    }

  /* Read back through a second connection, so nothing comes from memory. */
  g_clear_object (&fixture->store);
  fixture->store = tov_store_open (fixture->path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < saved->len; i++)
    {
      TovRecord *record = g_ptr_array_index (saved, i);
      g_autoptr(TovRecord) read = tov_store_lookup (fixture->store, G_OBJECT_TYPE (record),
                                                    tov_record_get_id (record));

      g_assert_nonnull (read);
      g_assert_true (read != record);
      g_assert_true (tov_record_equal (read, record));
      g_assert_cmpstr (tov_record_get_created (read), ==, tov_record_get_created (record));
      g_assert_cmpuint (tov_store_count (fixture->store, G_OBJECT_TYPE (record)), ==, 1);
    }
}

static void
test_new_file_is_private (Fixture       *fixture,
                          gconstpointer  data)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (fixture->path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  g_assert_cmpstr (tov_record_get_string (TOV_RECORD (tov_store_get_portfolio (fixture->store)), "name"),
                   ==, "portfolio");
}

static void
test_invalid_record_is_not_written (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(TovTheme) theme = g_object_new (TOV_TYPE_THEME, "number", 1, "title", "  ", NULL);
  g_autoptr(TovProject) project = g_object_new (TOV_TYPE_PROJECT, "title", "Invester før det sker",
                                                "start-date", "2015-02-30", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (tov_store_save (fixture->store, TOV_RECORD (theme), &error));
  g_assert_error (error, TOV_ERROR, TOV_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Title"));
  g_clear_error (&error);

  g_assert_false (tov_store_save (fixture->store, TOV_RECORD (project), &error));
  g_assert_error (error, TOV_ERROR, TOV_ERROR_INVALID);
  g_clear_error (&error);

  /* A decision must belong to a project that exists. */
  {
    g_autoptr(TovDecision) decision = g_object_new (TOV_TYPE_DECISION, "number", "4.1", "text", "Forsøget indledes",
                                                    "project-id", "00000000-0000-4000-8000-000000000000", NULL);

    g_assert_false (tov_store_save (fixture->store, TOV_RECORD (decision), &error));
    g_assert_error (error, TOV_ERROR, TOV_ERROR_INVALID);
    g_clear_error (&error);
  }

  g_assert_cmpuint (tov_store_count (fixture->store, TOV_TYPE_THEME), ==, 0);
  g_assert_cmpuint (tov_store_count (fixture->store, TOV_TYPE_PROJECT), ==, 0);
  g_assert_cmpuint (tov_store_count (fixture->store, TOV_TYPE_DECISION), ==, 0);
  g_assert_false (tov_store_can_undo (fixture->store));
}

static TovRecord *
save_project (TovStore   *store,
              int         number,
              const char *title)
{
  g_autoptr(GError) error = NULL;
  TovRecord *project = g_object_new (TOV_TYPE_PROJECT, "number", (gint64) number, "title", title, NULL);

  tov_store_save (store, project, &error);
  g_assert_no_error (error);
  return project;
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} ItemsChanged;

static void
record_items_changed (GListModel   *model,
                      guint         position,
                      guint         removed,
                      guint         added,
                      ItemsChanged *changed)
{
  *changed = (ItemsChanged) { position, removed, added, changed->count + 1 };
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TovRecord) first = save_project (fixture->store, 1, "Demokratisk laboratorium");
  g_autoptr(TovRecord) fourth = save_project (fixture->store, 4, "Invester før det sker");
  g_autoptr(TovQueryModel) projects = tov_query_model_new (fixture->store, TOV_TYPE_PROJECT);
  g_autoptr(TovQueryModel) decisions = tov_query_model_new (fixture->store, TOV_TYPE_DECISION);
  g_autoptr(TovDecision) decision = g_object_new (TOV_TYPE_DECISION, "number", "4.1", "text", "Forsøget indledes",
                                                  "project-id", tov_record_get_id (fourth), NULL);
  g_autoptr(GError) error = NULL;
  ItemsChanged changed = { 0 };
  g_autoptr(TovRecord) item = NULL;

  tov_store_save (fixture->store, TOV_RECORD (decision), &error);
  g_assert_no_error (error);
  g_signal_connect (projects, "items-changed", G_CALLBACK (record_items_changed), &changed);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (projects)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (decisions)), ==, 1);

  /* Deleting a project takes its decisions with it … */
  tov_store_delete (fixture->store, fourth, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (projects)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (decisions)), ==, 0);
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpuint (changed.position, ==, 1);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 0);

  /* … and undo brings both back, as they were. */
  g_assert_true (tov_store_can_undo (fixture->store));
  tov_store_undo (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (projects)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (decisions)), ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (decisions), 0);
  g_assert_cmpstr (tov_record_get_string (item, "text"), ==, "Forsøget indledes");
  g_assert_cmpuint (changed.position, ==, 1);
  g_assert_cmpuint (changed.added, ==, 1);
}

static void
test_edit_reaches_shown_record (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(TovRecord) project = save_project (fixture->store, 4, "Invester før det sker");
  g_autoptr(TovQueryModel) projects = tov_query_model_new (fixture->store, TOV_TYPE_PROJECT);
  g_autoptr(TovRecord) shown = g_list_model_get_item (G_LIST_MODEL (projects), 0);
  g_autoptr(TovRecord) copy = tov_record_copy (shown);
  g_autoptr(GError) error = NULL;

  /* The list shows the very record the store handed out … */
  g_assert_true (shown == project);

  /* … and a form's edited copy reaches it when saved, and undo takes it back. */
  g_object_set (copy, "coordinator", "Ledelsessekretariatet", NULL);
  g_assert_cmpstr (tov_record_get_string (shown, "coordinator"), ==, "");
  tov_store_save (fixture->store, copy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tov_record_get_string (shown, "coordinator"), ==, "Ledelsessekretariatet");

  tov_store_undo (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tov_record_get_string (shown, "coordinator"), ==, "");
}

static void
test_query_model_filters_and_sorts (Fixture       *fixture,
                                    gconstpointer  data)
{
  const char *titles[] = { "Sunde og glade børn i Rødovre", "Flere unge i erhvervsuddannelse", "Anvendelse af velfærdsteknologi" };
  g_autoptr(TovQueryModel) model = tov_query_model_new (fixture->store, TOV_TYPE_PROJECT);
  g_autoptr(TovRecord) first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_object_unref (save_project (fixture->store, 8 + i, titles[i]));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);

  tov_query_model_set_sort (model, "title", FALSE);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (tov_record_get_string (first, "title"), ==, "Anvendelse af velfærdsteknologi");
  g_clear_object (&first);

  tov_query_model_set_sort (model, "number", TRUE);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpint (tov_record_get_int (first, "number"), ==, 10);
  g_clear_object (&first);

  /* Search is case-insensitive for ASCII and treats % as a character. */
  tov_query_model_set_search (model, "UNGE");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  tov_query_model_set_search (model, "100%");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  tov_query_model_set_search (model, "velfærd");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  tov_query_model_set_search (model, NULL);

  tov_query_model_set_int_condition (model, "number", TRUE, 9);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
}

/* A record is found at the position the list shows it, and not at all
 * when the list leaves it out.
 */
static void
test_query_model_finds_record (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(TovQueryModel) model = tov_query_model_new (fixture->store, TOV_TYPE_PROJECT);
  g_autoptr(TovTheme) theme = g_object_new (TOV_TYPE_THEME, "number", (gint64) 3, "title", "Vejen til velfærd", NULL);
  g_autoptr(TovRecord) last = NULL;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *title = g_strdup_printf ("Projekt %02u", i);

      g_object_unref (save_project (fixture->store, 100 + i, title));
    }
  g_assert_true (tov_store_save (fixture->store, TOV_RECORD (theme), NULL));

  tov_query_model_set_sort (model, "number", TRUE);
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(TovRecord) record = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpuint (tov_query_model_find (model, record), ==, i);
    }

  last = g_list_model_get_item (G_LIST_MODEL (model), 39);
  tov_query_model_set_int_condition (model, "number", TRUE, 139);
  g_assert_cmpuint (tov_query_model_find (model, last), ==, G_MAXUINT);
  g_assert_cmpuint (tov_query_model_find (model, TOV_RECORD (theme)), ==, G_MAXUINT);
}

static void
test_budget_totals (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TovRecord) project = save_project (fixture->store, 4, "Invester før det sker");
  g_autoptr(TovFundingSource) pool = g_object_new (TOV_TYPE_FUNDING_SOURCE, "name", "Velfærdsfornyelsespuljen", NULL);
  const struct { TovBudgetKind kind; gint64 ore; int year; } lines[] = {
    { TOV_BUDGET_KIND_GRANT, 100000000, 2015 },
    { TOV_BUDGET_KIND_EXPECTED_GAIN, 70000000, 2016 },
    { TOV_BUDGET_KIND_EXPECTED_GAIN, 330000000, 2019 },
  };
  g_autoptr(GListModel) totals = NULL;
  g_autoptr(TovBudgetTotal) first = NULL;
  g_autoptr(TovBudgetTotal) second = NULL;
  TovBudgetFilter filter = TOV_BUDGET_FILTER_ANY;
  g_autoptr(GError) error = NULL;

  tov_store_save (fixture->store, TOV_RECORD (pool), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autoptr(TovBudgetLine) line = g_object_new (TOV_TYPE_BUDGET_LINE,
                                                    "project-id", tov_record_get_id (project),
                                                    "funding-source-id", tov_record_get_id (TOV_RECORD (pool)),
                                                    "kind", lines[i].kind, "amount-ore", lines[i].ore,
                                                    "year", (gint64) lines[i].year, NULL);

      tov_store_save (fixture->store, TOV_RECORD (line), &error);
      g_assert_no_error (error);
    }

  totals = tov_budget_totals (fixture->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (totals), ==, 2);
  first = g_list_model_get_item (totals, 0);
  second = g_list_model_get_item (totals, 1);
  g_assert_cmpint (tov_budget_total_get_kind (first), ==, TOV_BUDGET_KIND_GRANT);
  g_assert_cmpint (tov_budget_total_get_amount_ore (first), ==, 100000000);
  g_assert_cmpint (tov_budget_total_get_kind (second), ==, TOV_BUDGET_KIND_EXPECTED_GAIN);
  g_assert_cmpint (tov_budget_total_get_amount_ore (second), ==, 400000000);
  g_assert_cmpuint (tov_budget_total_get_n_lines (second), ==, 2);
  g_clear_object (&totals);

  filter.year = 2019;
  totals = tov_budget_totals (fixture->store, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (totals), ==, 1);
  g_clear_object (&first);
  first = g_list_model_get_item (totals, 0);
  g_assert_cmpint (tov_budget_total_get_amount_ore (first), ==, 330000000);

  /* A line cannot name a decision of another project. */
  {
    g_autoptr(TovRecord) other = save_project (fixture->store, 3, "Netværk på tværs af generationer");
    g_autoptr(TovDecision) decision = g_object_new (TOV_TYPE_DECISION, "number", "3.1", "text", "Forsøgsstrategi",
                                                    "project-id", tov_record_get_id (other), NULL);
    g_autoptr(TovBudgetLine) line = g_object_new (TOV_TYPE_BUDGET_LINE,
                                                  "project-id", tov_record_get_id (project),
                                                  "decision-id", tov_record_get_id (TOV_RECORD (decision)),
                                                  "funding-source-id", tov_record_get_id (TOV_RECORD (pool)),
                                                  "amount-ore", (gint64) 12000000, NULL);

    tov_store_save (fixture->store, TOV_RECORD (decision), &error);
    g_assert_no_error (error);
    g_assert_false (tov_store_save (fixture->store, TOV_RECORD (line), &error));
    g_assert_error (error, TOV_ERROR, TOV_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "another project"));
    g_clear_error (&error);
  }

  /* A funding source that money comes from cannot be deleted. */
  g_assert_false (tov_store_delete (fixture->store, TOV_RECORD (pool), &error));
  g_assert_error (error, TOV_ERROR, TOV_ERROR_INVALID);
}

/* The demo's money per funding source and kind, as 000's decisions give it. */
static void
test_demo_totals (Fixture       *fixture,
                  gconstpointer  data)
{
  const struct { const char *source; int kind; gint64 ore; } expected[] = {
    { "Inden for eksisterende budget", -1, 0 },
    { "Jobcentrets budget", TOV_BUDGET_KIND_GRANT, 45000000 },
    { "Kommende budgetlægning", TOV_BUDGET_KIND_BUDGET_PROPOSAL, 510000000 },
    { "Kommende budgetlægning", TOV_BUDGET_KIND_EXPECTED_GAIN, 400000000 },
    { "Velfærdsfornyelsespuljen", TOV_BUDGET_KIND_GRANT, 165000000 },
    { "Velfærdsfornyelsespuljen", TOV_BUDGET_KIND_ADMINISTRATIVE_GRANT, 37000000 },
    { "Velfærdspuljen", TOV_BUDGET_KIND_GRANT, 49000000 },
  };
  g_autoptr(GListModel) totals = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  tov_demo_load (fixture->store, &error);
  g_assert_no_error (error);
  totals = tov_budget_totals (fixture->store, NULL);

  /* Sources without money have no total at all. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(TovBudgetTotal) total = NULL;

      if (expected[i].kind < 0)
        continue;
      g_assert_cmpuint (n, <, g_list_model_get_n_items (totals));
      total = g_list_model_get_item (totals, n++);
      g_assert_cmpstr (tov_budget_total_get_funding_source (total), ==, expected[i].source);
      g_assert_cmpint (tov_budget_total_get_kind (total), ==, expected[i].kind);
      g_assert_cmpint (tov_budget_total_get_amount_ore (total), ==, expected[i].ore);
    }
  g_assert_cmpuint (g_list_model_get_n_items (totals), ==, n);
}

/* Derived tables ---------------------------------------------------------- */

/* A second connection to the file, so that what is read comes from it. */
static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  return db;
}

static void
exec_raw (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
}

/* The budget totals as the triggers keep them, and as a plain GROUP BY
 * over the lines has them: they must be the same rows.
 */
static void
assert_budget_total_is_sum (sqlite3 *db)
{
  g_autofree char *kept = tov_test_dump_rows (db, "SELECT funding_source_id, kind, year, amount_ore, n_lines FROM budget_total"
                                         " ORDER BY funding_source_id, kind, year");
  g_autofree char *summed = tov_test_dump_rows (db, "SELECT funding_source_id, kind, year, sum (amount_ore), count (*)"
                                           " FROM budget_line GROUP BY funding_source_id, kind, year"
                                           " ORDER BY funding_source_id, kind, year");

  g_assert_cmpstr (kept, ==, summed);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* tov_budget_totals() with @filter against the same sums done in SQL on
 * the lines themselves.
 */
static void
assert_totals_match_lines (TovStore              *store,
                           sqlite3               *db,
                           const TovBudgetFilter *filter)
{
  g_autoptr(GListModel) totals = tov_budget_totals (store, filter);
  GEnumClass *kinds = g_type_class_ref (TOV_TYPE_BUDGET_KIND);
  g_autoptr(GString) sql = g_string_new ("SELECT funding_source_id, kind, sum (amount_ore), count (*)"
                                         " FROM budget_line WHERE 1");
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GString) got = g_string_new (NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (filter->project_id != NULL)
    g_string_append (sql, " AND project_id = ?1");
  if (filter->funding_source_id != NULL)
    g_string_append (sql, " AND funding_source_id = ?2");
  if (filter->kind >= 0)
    g_string_append (sql, " AND kind = ?3");
  if (filter->year >= 0)
    g_string_append (sql, " AND year = ?4");
  g_string_append (sql, " GROUP BY funding_source_id, kind ORDER BY funding_source_id, kind");

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  if (filter->project_id != NULL)
    sqlite3_bind_text (stmt, 1, filter->project_id, -1, SQLITE_STATIC);
  if (filter->funding_source_id != NULL)
    sqlite3_bind_text (stmt, 2, filter->funding_source_id, -1, SQLITE_STATIC);
  if (filter->kind >= 0)
    sqlite3_bind_text (stmt, 3, g_enum_get_value (kinds, filter->kind)->value_nick, -1, SQLITE_STATIC);
  if (filter->year >= 0)
    sqlite3_bind_int (stmt, 4, filter->year);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (expected, "%s %s %" G_GINT64_FORMAT " %d\n",
                            sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                            (gint64) sqlite3_column_int64 (stmt, 2), sqlite3_column_int (stmt, 3));
  sqlite3_finalize (stmt);

  /* The totals come by funding source name; compare them in id order. */
  for (guint i = 0; i < g_list_model_get_n_items (totals); i++)
    {
      g_autoptr(TovBudgetTotal) total = g_list_model_get_item (totals, i);

      g_ptr_array_add (lines, g_strdup_printf ("%s %s %" G_GINT64_FORMAT " %u\n",
                                               tov_budget_total_get_funding_source_id (total),
                                               g_enum_get_value (kinds, tov_budget_total_get_kind (total))->value_nick,
                                               tov_budget_total_get_amount_ore (total),
                                               tov_budget_total_get_n_lines (total)));
    }
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append (got, g_ptr_array_index (lines, i));

  g_assert_cmpstr (got->str, ==, expected->str);
  g_type_class_unref (kinds);
}

static TovRecord *
save_line (TovStore      *store,
           TovRecord     *project,
           TovRecord     *source,
           TovBudgetKind  kind,
           gint64         ore,
           int            year)
{
  g_autoptr(GError) error = NULL;
  TovRecord *line = g_object_new (TOV_TYPE_BUDGET_LINE,
                                  "project-id", tov_record_get_id (project),
                                  "funding-source-id", tov_record_get_id (source),
                                  "kind", kind, "amount-ore", ore, "year", (gint64) year, NULL);

  tov_store_save (store, line, &error);
  g_assert_no_error (error);
  return line;
}

/* The totals are kept by triggers: every save, delete and undo, and a
 * delete that takes a project's lines with it, leaves them the sums of
 * the lines.
 */
static void
test_budget_totals_follow_undo (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(TovRecord) first = save_project (fixture->store, 1, "Demokratisk laboratorium");
  g_autoptr(TovRecord) fourth = save_project (fixture->store, 4, "Invester før det sker");
  g_autoptr(TovRecord) pool = g_object_new (TOV_TYPE_FUNDING_SOURCE, "name", "Velfærdsfornyelsespuljen", NULL);
  g_autoptr(TovRecord) budget = g_object_new (TOV_TYPE_FUNDING_SOURCE, "name", "Kommende budgetlægning", NULL);
  g_autoptr(TovRecord) a = NULL;
  g_autoptr(TovRecord) b = NULL;
  g_autoptr(TovRecord) c = NULL;
  g_autoptr(TovRecord) copy = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = open_raw (fixture->path);
  TovBudgetFilter filters[] = {
    TOV_BUDGET_FILTER_ANY,
    { NULL, NULL, TOV_BUDGET_KIND_GRANT, -1 },
    { NULL, NULL, -1, 2016 },
    { NULL, NULL, TOV_BUDGET_KIND_EXPECTED_GAIN, 2019 },
  };
  int step = 0;

#define CHECK() \
  G_STMT_START { \
    g_test_message ("step %d", ++step); \
    assert_budget_total_is_sum (db); \
    for (guint i = 0; i < G_N_ELEMENTS (filters); i++) \
      assert_totals_match_lines (fixture->store, db, &filters[i]); \
    { \
      TovBudgetFilter filter = TOV_BUDGET_FILTER_ANY; \
      filter.funding_source_id = tov_record_get_id (pool); \
      assert_totals_match_lines (fixture->store, db, &filter); \
      filter.funding_source_id = NULL; \
      filter.project_id = tov_record_get_id (fourth); \
      assert_totals_match_lines (fixture->store, db, &filter); \
    } \
  } G_STMT_END

  tov_store_save (fixture->store, pool, &error);
  g_assert_no_error (error);
  tov_store_save (fixture->store, budget, &error);
  g_assert_no_error (error);
  CHECK ();

  a = save_line (fixture->store, first, pool, TOV_BUDGET_KIND_GRANT, 100000000, 2015);
  b = save_line (fixture->store, fourth, pool, TOV_BUDGET_KIND_GRANT, 45000000, 2016);
  c = save_line (fixture->store, fourth, budget, TOV_BUDGET_KIND_EXPECTED_GAIN, 330000000, 2019);
  g_object_unref (save_line (fixture->store, fourth, budget, TOV_BUDGET_KIND_EXPECTED_GAIN, 70000000, 2019));
  CHECK ();

  /* A line moves to another funding source, kind, year and amount … */
  copy = tov_record_copy (b);
  g_object_set (copy, "funding-source-id", tov_record_get_id (budget), "kind", TOV_BUDGET_KIND_EXPECTED_GAIN,
                "year", (gint64) 2019, "amount-ore", (gint64) 1000, NULL);
  tov_store_save (fixture->store, copy, &error);
  g_assert_no_error (error);
  CHECK ();
  /* … and back. */
  tov_store_undo (fixture->store, &error);
  g_assert_no_error (error);
  CHECK ();

  /* An undo writes only the columns that changed: here the amount. */
  g_clear_object (&copy);
  copy = tov_record_copy (c);
  g_object_set (copy, "amount-ore", (gint64) 330000001, NULL);
  tov_store_save (fixture->store, copy, &error);
  g_assert_no_error (error);
  CHECK ();
  tov_store_undo (fixture->store, &error);
  g_assert_no_error (error);
  CHECK ();

  /* The last line of a funding source, kind and year goes, and comes back. */
  tov_store_delete (fixture->store, a, &error);
  g_assert_no_error (error);
  CHECK ();
  tov_store_undo (fixture->store, &error);
  g_assert_no_error (error);
  CHECK ();

  /* A project takes its lines with it, and undo brings them back. */
  tov_store_delete (fixture->store, fourth, &error);
  g_assert_no_error (error);
  CHECK ();
  tov_store_undo (fixture->store, &error);
  g_assert_no_error (error);
  CHECK ();

  /* Undo the lines one by one, to none. */
  for (int n = 0; n < 4; n++)
    {
      tov_store_undo (fixture->store, &error);
      g_assert_no_error (error);
      CHECK ();
    }
#undef CHECK
  {
    g_autofree char *n_totals = tov_test_dump_rows (db, "SELECT count (*) FROM budget_total");

    g_assert_cmpstr (n_totals, ==, "0\n");
  }

  g_assert_nonnull (c);
  sqlite3_close (db);
}

/* Everything tov_migration_rebuild_sql() computes, as rows: the search
 * index's rows and, through fts5vocab, every term of both full-text
 * indexes where it occurs; and the budget totals.
 */
static const char *derived_queries[] = {
  "SELECT rowid, kind, record_id, title, body FROM search_index ORDER BY rowid",
  "SELECT term, doc, col, offset FROM temp.search_index_instances ORDER BY term, doc, col, offset",
  "SELECT term, doc, col, offset FROM temp.budget_line_search_instances ORDER BY term, doc, col, offset",
  "SELECT * FROM budget_total ORDER BY funding_source_id, kind, year",
};

static GPtrArray *
dump_derived (sqlite3 *db)
{
  GPtrArray *dumps = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (derived_queries); i++)
    {
      char *rows = tov_test_dump_rows (db, derived_queries[i]);

      g_assert_cmpuint (strlen (rows), >, 0);
      g_ptr_array_add (dumps, rows);
    }
  return dumps;
}

/* Computing the derived tables anew gives what the triggers kept, through
 * saves, edits, deletes and undo.
 */
static void
test_rebuild_matches_triggers (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TovQueryModel) lines = tov_query_model_new (fixture->store, TOV_TYPE_BUDGET_LINE);
  g_autoptr(TovQueryModel) projects = tov_query_model_new (fixture->store, TOV_TYPE_PROJECT);
  g_autoptr(TovRecord) line = g_list_model_get_item (G_LIST_MODEL (lines), 0);
  g_autoptr(TovRecord) other = g_list_model_get_item (G_LIST_MODEL (lines), 1);
  g_autoptr(TovRecord) project = g_list_model_get_item (G_LIST_MODEL (projects), 2);
  g_autoptr(TovRecord) copy = tov_record_copy (line);
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) rebuilt = NULL;
  sqlite3 *db;

  g_object_set (copy, "note", "Zebraer og giraffer", "amount-ore", (gint64) 123456, "year", (gint64) 2031, NULL);
  tov_store_save (fixture->store, copy, &error);
  g_assert_no_error (error);
  /* An undo writes only the columns that changed: here the note. */
  g_object_set (copy, "note", "Næsehorn", NULL);
  tov_store_save (fixture->store, copy, &error);
  g_assert_no_error (error);
  tov_store_undo (fixture->store, &error);
  g_assert_no_error (error);
  tov_store_delete (fixture->store, other, &error);
  g_assert_no_error (error);
  tov_store_delete (fixture->store, project, &error);
  g_assert_no_error (error);
  tov_store_undo (fixture->store, &error);
  g_assert_no_error (error);

  db = open_raw (fixture->path);
  exec_raw (db, "CREATE VIRTUAL TABLE temp.search_index_instances USING fts5vocab (main, search_index, instance);"
                "CREATE VIRTUAL TABLE temp.budget_line_search_instances"
                "  USING fts5vocab (main, budget_line_search, instance);");
  kept = dump_derived (db);
  assert_budget_total_is_sum (db);

  exec_raw (db, "BEGIN");
  exec_raw (db, tov_migration_rebuild_sql ());
  exec_raw (db, "COMMIT");
  rebuilt = dump_derived (db);
  for (guint i = 0; i < G_N_ELEMENTS (derived_queries); i++)
    {
      g_test_message ("%s", derived_queries[i]);
      g_assert_cmpstr (g_ptr_array_index (rebuilt, i), ==, g_ptr_array_index (kept, i));
    }

  /* The notes' index agrees with the lines it reads them from. */
  exec_raw (db, "INSERT INTO budget_line_search (budget_line_search, rank) VALUES ('integrity-check', 1);"
                "INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1);");
  sqlite3_close (db);
}

/* Refused files ---------------------------------------------------------- */

static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len;
  gsize after_len;
  g_autoptr(GError) error = NULL;
  g_autoptr(TovStore) store = NULL;
  GStatBuf before_stat;
  GStatBuf after_stat;

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  g_assert_cmpint (g_stat (path, &before_stat), ==, 0);

  store = tov_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, TOV_ERROR, code);
  g_assert_cmpuint (strlen (error->message), >, 10);

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpint (g_stat (path, &after_stat), ==, 0);
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_cmpint (before_stat.st_mtime, ==, after_stat.st_mtime);
}

static char *
temp_path (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("tovholder-XXXXXX", NULL);

  return g_build_filename (dir, name, NULL);
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
cleanup_path (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  tov_test_remove_dir (dir);
}

static void
test_refuses_text_file (void)
{
  g_autofree char *path = temp_path ("notes.tovholder");

  g_assert_true (g_file_set_contents (path, "Sammen om Rødovre\nNoter til mødet\n", -1, NULL));
  assert_refused_untouched (path, TOV_ERROR_NOT_OURS);
  cleanup_path (path);
}

static void
test_refuses_foreign_database (void)
{
  g_autofree char *path = temp_path ("other.sqlite");

  exec_sql (path, "CREATE TABLE project (id TEXT); INSERT INTO project VALUES ('x')");
  assert_refused_untouched (path, TOV_ERROR_NOT_OURS);
  cleanup_path (path);
}

static char *
make_portfolio_file (void)
{
  g_autofree char *path = temp_path ("portfolio.tovholder");
  g_autoptr(TovStore) store = tov_store_open (path, NULL);
  g_autoptr(TovTheme) theme = g_object_new (TOV_TYPE_THEME, "number", (gint64) 3, "title", "Vejen til velfærd", NULL);

  g_assert_nonnull (store);
  g_assert_true (tov_store_save (store, TOV_RECORD (theme), NULL));
  g_clear_object (&store);

  return g_steal_pointer (&path);
}

static void
test_refuses_newer_schema (void)
{
  g_autofree char *path = make_portfolio_file ();
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", TOV_SCHEMA_VERSION + 1);

  exec_sql (path, sql);
  assert_refused_untouched (path, TOV_ERROR_TOO_NEW);
  cleanup_path (path);
}

static void
test_refuses_damaged_file (void)
{
  g_autofree char *path = make_portfolio_file ();
  g_autofree char *contents = NULL;
  gsize length;

  /* Overwrite the pages after the first with noise, keeping our header. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  for (gsize i = 4096; i < length; i++)
    contents[i] = (char) (i * 7919 % 251);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  assert_refused_untouched (path, TOV_ERROR_DAMAGED);
  cleanup_path (path);
}

static void
test_refuses_truncated_file (void)
{
  g_autofree char *path = make_portfolio_file ();
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length / 2, NULL));
  assert_refused_untouched (path, TOV_ERROR_DAMAGED);
  cleanup_path (path);
}

/* Migrations ------------------------------------------------------------- */

static void
check_columns_match_fields (const char *path)
{
  sqlite3 *db;
  guint n_types;
  const GType *types = tov_record_types (&n_types);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < n_types; i++)
    {
      TovRecordClass *klass = g_type_class_peek (types[i]);
      g_autofree char *sql = g_strdup_printf ("PRAGMA table_info (%s)", klass->table);
      g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
      sqlite3_stmt *stmt;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      sqlite3_finalize (stmt);

      /* id, created, updated, then one column per field, in order. */
      g_assert_cmpuint (columns->len, ==, klass->n_fields + 3);
      for (guint f = 0; f < klass->n_fields; f++)
        {
          g_autofree char *key = tov_field_key (klass->fields[f]);

          g_assert_cmpstr (g_ptr_array_index (columns, f + 3), ==, key);
        }
    }
  sqlite3_close (db);
}

/* Version 0 is an empty file; every later one holds a theme to keep. */
static void
test_migrates_from_every_version (void)
{
  for (int version = 0; version < TOV_SCHEMA_VERSION; version++)
    {
      g_autofree char *path = temp_path ("old.tovholder");
      g_autoptr(GError) error = NULL;
      g_autoptr(TovStore) store = NULL;
      g_autoptr(TovRecord) theme = NULL;

      if (version == 0)
        g_assert_true (g_file_set_contents (path, "", 0, NULL));
      else
        g_assert_true (tov_store_create_at_version (path, version, &error));
      g_assert_no_error (error);
      if (version >= 1)
        exec_sql (path, "INSERT INTO portfolio VALUES ('5a1f5b2e-6b4c-4f0e-9d1e-3c2b1a000001', '2015-04-15T00:00:00Z',"
                        " '2015-04-15T00:00:00Z', 'Sammen om Rødovre', 'Rødovre Kommune', '');"
                        "INSERT INTO theme VALUES ('5a1f5b2e-6b4c-4f0e-9d1e-3c2b1a000002', '2015-04-15T00:00:00Z',"
                        " '2015-04-15T00:00:00Z', 3, 'Vejen til velfærd', '');"
                        "INSERT INTO project (id, created, updated, number, title, state)"
                        " VALUES ('5a1f5b2e-6b4c-4f0e-9d1e-3c2b1a000003', '2015-04-15T00:00:00Z',"
                        " '2015-04-15T00:00:00Z', 4, 'Invester før det sker', 'development');"
                        "INSERT INTO funding_source (id, created, updated, name, kind)"
                        " VALUES ('5a1f5b2e-6b4c-4f0e-9d1e-3c2b1a000004', '2015-04-15T00:00:00Z',"
                        " '2015-04-15T00:00:00Z', 'Velfærdspuljen', 'pool');"
                        "INSERT INTO budget_line (id, created, updated, project_id, funding_source_id, kind,"
                        " amount_ore, year, note)"
                        " VALUES ('5a1f5b2e-6b4c-4f0e-9d1e-3c2b1a000005', '2015-04-15T00:00:00Z',"
                        " '2015-04-15T00:00:00Z', '5a1f5b2e-6b4c-4f0e-9d1e-3c2b1a000003',"
                        " '5a1f5b2e-6b4c-4f0e-9d1e-3c2b1a000004', 'grant', 49000000, 2016, 'Løn til en koordinator'),"
                        " ('5a1f5b2e-6b4c-4f0e-9d1e-3c2b1a000006', '2015-04-15T00:00:00Z',"
                        " '2015-04-15T00:00:00Z', '5a1f5b2e-6b4c-4f0e-9d1e-3c2b1a000003',"
                        " '5a1f5b2e-6b4c-4f0e-9d1e-3c2b1a000004', 'grant', 1000000, 2016, 'Kursusudgifter')");

      store = tov_store_open (path, &error);
      g_assert_no_error (error);
      g_clear_object (&store);
      check_columns_match_fields (path);

      store = tov_store_open (path, &error);
      g_assert_no_error (error);
      if (version >= 1)
        {
          theme = tov_store_lookup (store, TOV_TYPE_THEME, "5a1f5b2e-6b4c-4f0e-9d1e-3c2b1a000002");
          g_assert_nonnull (theme);
          g_assert_cmpstr (tov_record_get_string (theme, "title"), ==, "Vejen til velfærd");
          g_assert_cmpstr (tov_record_get_string (TOV_RECORD (tov_store_get_portfolio (store)), "name"),
                           ==, "Sammen om Rødovre");

          /* The lines a file held before step 5 are in its totals and its notes' index. */
          {
            g_autoptr(TovQueryModel) lines = tov_query_model_new (store, TOV_TYPE_BUDGET_LINE);
            g_autoptr(GListModel) totals = tov_budget_totals (store, NULL);
            g_autoptr(TovBudgetTotal) total = NULL;

            g_assert_cmpuint (g_list_model_get_n_items (totals), ==, 1);
            total = g_list_model_get_item (totals, 0);
            g_assert_cmpint (tov_budget_total_get_amount_ore (total), ==, 50000000);
            g_assert_cmpuint (tov_budget_total_get_n_lines (total), ==, 2);
            tov_query_model_set_search (lines, "koordinator");
            g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lines)), ==, 1);
          }
        }
      g_clear_object (&store);
      cleanup_path (path);
    }
}

static void
test_save_copy (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TovRecord) project = save_project (fixture->store, 4, "Invester før det sker");
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.tovholder", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TovStore) copy = NULL;
  g_autoptr(TovRecord) read = NULL;

  g_assert_true (g_file_set_contents (copy_path, "old contents", -1, NULL));
  tov_store_save_copy (fixture->store, copy_path, &error);
  g_assert_no_error (error);

  copy = tov_store_open (copy_path, &error);
  g_assert_no_error (error);
  read = tov_store_lookup (copy, TOV_TYPE_PROJECT, tov_record_get_id (project));
  g_assert_nonnull (read);
  g_assert_true (read != project);
  g_assert_cmpstr (tov_record_get_string (read, "title"), ==, "Invester før det sker");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, tov_test_portfolio_set_up, func, tov_test_portfolio_tear_down)
  ADD ("/store/round-trip", test_round_trip);
  ADD ("/store/new-file-is-private", test_new_file_is_private);
  ADD ("/store/invalid-record-is-not-written", test_invalid_record_is_not_written);
  ADD ("/store/delete-and-undo", test_delete_and_undo);
  ADD ("/store/edit-reaches-shown-record", test_edit_reaches_shown_record);
  ADD ("/store/query-model", test_query_model_filters_and_sorts);
  ADD ("/store/query-model-find", test_query_model_finds_record);
  ADD ("/store/budget-totals", test_budget_totals);
  ADD ("/store/save-copy", test_save_copy);
  ADD ("/store/demo-totals", test_demo_totals);
  ADD ("/store/budget-totals-follow-undo", test_budget_totals_follow_undo);
#undef ADD
  g_test_add ("/store/rebuild-matches-triggers", Fixture, NULL, tov_test_portfolio_set_up_demo,
              test_rebuild_matches_triggers, tov_test_portfolio_tear_down);
  g_test_add_func ("/store/refuses/text-file", test_refuses_text_file);
  g_test_add_func ("/store/refuses/foreign-database", test_refuses_foreign_database);
  g_test_add_func ("/store/refuses/newer-schema", test_refuses_newer_schema);
  g_test_add_func ("/store/refuses/damaged-file", test_refuses_damaged_file);
  g_test_add_func ("/store/refuses/truncated-file", test_refuses_truncated_file);
  g_test_add_func ("/store/migrates-from-every-version", test_migrates_from_every_version);

  return g_test_run ();
}
