/* test-generate.c: the made-up portfolio is complete, consistent and always the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "tov-budget-totals.h"
#include "tov-error.h"
#include "tov-generate.h"
#include "tov-json.h"
#include "tov-migrations.h"
#include "tov-query-model.h"
#include "tov-records.h"
#include "tov-store-private.h"
#include "tov-test-portfolio.h"

/* AddressSanitizer makes the medium portfolio take many seconds to write
 * (twice); there the tests check the same things on a fifth of it.
 */
#if defined(__SANITIZE_ADDRESS__)
#define SMALLER_PORTFOLIO 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SMALLER_PORTFOLIO 1
#endif
#endif

/* One medium portfolio, generated once for the tests that only read it. */
typedef struct
{
  char *dir;
  char *path;
  TovStore *store;
  TovGenerateOptions options;
} Shared;

static Shared shared;

static TovStore *
generate_file (const char               *path,
               const TovGenerateOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TovStore) store = tov_store_open (path, &error);

  g_assert_no_error (error);
  tov_generate (store, options, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&store);
}

static void
shared_set_up (void)
{
  g_autoptr(GError) error = NULL;

  shared.dir = g_dir_make_tmp ("tovholder-generate-XXXXXX", &error);
  g_assert_no_error (error);
  shared.path = g_build_filename (shared.dir, "medium.tovholder", NULL);
  tov_generate_options_init (&shared.options, TOV_GENERATE_MEDIUM);
#ifdef SMALLER_PORTFOLIO
  shared.options.projects /= 5;
  shared.options.decisions /= 5;
  shared.options.budget_lines /= 5;
  shared.options.organisations /= 5;
  shared.options.partnerships /= 5;
  shared.options.action_plans /= 5;
  shared.options.initiatives /= 5;
  shared.options.status_updates /= 5;
#endif
  shared.store = generate_file (shared.path, &shared.options);
}

static void
shared_tear_down (void)
{
  g_clear_object (&shared.store);
  tov_test_remove_dir (shared.dir);
  g_free (shared.dir);
  g_free (shared.path);
}

/* A second, independent connection to the file, read-only. */
static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  return db;
}

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
test_scales (void)
{
  TovGenerateOptions small, medium, large, huge;
  TovGenerateScale scale;

  tov_generate_options_init (&small, TOV_GENERATE_SMALL);
  tov_generate_options_init (&medium, TOV_GENERATE_MEDIUM);
  tov_generate_options_init (&large, TOV_GENERATE_LARGE);
  tov_generate_options_init (&huge, TOV_GENERATE_HUGE);

  /* The sizes the benchmarks are written against. */
  g_assert_cmpuint (large.projects, ==, 5000);
  g_assert_cmpuint (large.themes, ==, 60);
  g_assert_cmpuint (large.decisions, ==, 25000);
  g_assert_cmpuint (large.budget_lines, ==, 100000);
  g_assert_cmpuint (large.organisations, ==, 2000);
  g_assert_cmpuint (large.partnerships, ==, 2000);
  g_assert_cmpuint (large.action_plans, ==, 500);
  g_assert_cmpuint (large.initiatives, ==, 20000);
  g_assert_cmpuint (large.status_updates, ==, 200000);
  g_assert_cmpuint (huge.budget_lines, ==, 1000000);
  g_assert_cmpuint (huge.projects, ==, large.projects);
  g_assert_cmpuint (medium.budget_lines, ==, large.budget_lines / 10);
  g_assert_cmpuint (small.budget_lines, ==, large.budget_lines / 100);
  g_assert_cmpuint (medium.seed, ==, TOV_GENERATE_DEFAULT_SEED);

  g_assert_true (tov_generate_scale_from_name ("huge", &scale));
  g_assert_cmpint (scale, ==, TOV_GENERATE_HUGE);
  g_assert_false (tov_generate_scale_from_name ("enorm", &scale));
}

static void
test_counts (void)
{
  const TovGenerateOptions *o = &shared.options;
  struct { GType type; guint expected; } counts[] = {
    { TOV_TYPE_PORTFOLIO, 1 },
    { TOV_TYPE_THEME, o->themes },
    { TOV_TYPE_PROJECT, o->projects },
    { TOV_TYPE_FUNDING_SOURCE, o->funding_sources },
    { TOV_TYPE_DECISION, o->decisions },
    { TOV_TYPE_BUDGET_LINE, o->budget_lines },
    { TOV_TYPE_ORGANISATION, o->organisations },
    { TOV_TYPE_PARTNERSHIP, o->partnerships },
    { TOV_TYPE_POLICY, o->policies },
    { TOV_TYPE_STRATEGY_GOAL, o->strategy_goals },
    { TOV_TYPE_ACTION_PLAN, o->action_plans },
    { TOV_TYPE_INITIATIVE, o->initiatives },
    { TOV_TYPE_STATUS_UPDATE, o->status_updates },
  };
  guint n_types;

  tov_record_types (&n_types);
  g_assert_cmpuint (n_types, ==, G_N_ELEMENTS (counts));

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_test_message ("%s", g_type_name (counts[i].type));
      g_assert_cmpuint (tov_store_count (shared.store, counts[i].type), ==, counts[i].expected);
    }

  g_assert_cmpstr (tov_record_get_string (TOV_RECORD (tov_store_get_portfolio (shared.store)), "name"),
                   ==, "Sammen om Rødovre");
}

/* The store's totals against a GROUP BY on a connection of our own. */
static void
test_totals_match_sql (void)
{
  g_autoptr(GListModel) totals = tov_budget_totals (shared.store, NULL);
  g_autoptr(GHashTable) by_source = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3 *db = open_raw (shared.path);
  sqlite3_stmt *stmt = NULL;
  guint n_rows = 0;
  gint64 all = 0;

  g_assert_cmpuint (g_list_model_get_n_items (totals), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (totals); i++)
    {
      g_autoptr(TovBudgetTotal) total = g_list_model_get_item (totals, i);
      const char *source = tov_budget_total_get_funding_source_id (total);
      gint64 *sum = g_hash_table_lookup (by_source, source);

      if (sum == NULL)
        {
          sum = g_new0 (gint64, 1);
          g_hash_table_insert (by_source, g_strdup (source), sum);
        }
      *sum += tov_budget_total_get_amount_ore (total);
      all += tov_budget_total_get_amount_ore (total);
    }

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT funding_source_id, sum (amount_ore) FROM budget_line "
                                           "GROUP BY funding_source_id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *source = (const char *) sqlite3_column_text (stmt, 0);
      gint64 *sum = g_hash_table_lookup (by_source, source);

      g_assert_nonnull (sum);
      g_assert_cmpint (*sum, ==, sqlite3_column_int64 (stmt, 1));
      n_rows++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n_rows, ==, g_hash_table_size (by_source));
  g_assert_cmpint (all, ==, raw_int (db, "SELECT sum (amount_ore) FROM budget_line"));

  /* Per funding source, kind and year: one year's totals, kind by kind. */
  {
    TovBudgetFilter filter = TOV_BUDGET_FILTER_ANY;
    g_autoptr(GListModel) year_totals = NULL;

    filter.year = 2020;
    year_totals = tov_budget_totals (shared.store, &filter);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sum (amount_ore), count (*) FROM budget_line "
                                             "WHERE funding_source_id = ?1 AND kind = ?2 AND year = 2020",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpuint (g_list_model_get_n_items (year_totals), >, 0);
    for (guint i = 0; i < g_list_model_get_n_items (year_totals); i++)
      {
        g_autoptr(TovBudgetTotal) total = g_list_model_get_item (year_totals, i);
        GEnumClass *kinds = g_type_class_peek (TOV_TYPE_BUDGET_KIND);

        sqlite3_bind_text (stmt, 1, tov_budget_total_get_funding_source_id (total), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 2, g_enum_get_value (kinds, tov_budget_total_get_kind (total))->value_nick,
                           -1, SQLITE_STATIC);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        g_assert_cmpint (tov_budget_total_get_amount_ore (total), ==, sqlite3_column_int64 (stmt, 0));
        g_assert_cmpuint (tov_budget_total_get_n_lines (total), ==, sqlite3_column_int64 (stmt, 1));
        sqlite3_reset (stmt);
      }
    sqlite3_finalize (stmt);
  }

  sqlite3_close (db);
}

/* Every total tov_budget_totals() gives with @filter, against a GROUP BY
 * over the lines on a connection of our own: the same rows, the same sums.
 */
static void
assert_totals_match_lines (sqlite3               *db,
                           const TovBudgetFilter *filter)
{
  g_autoptr(GListModel) totals = tov_budget_totals (shared.store, filter);
  GEnumClass *kinds = g_type_class_peek (TOV_TYPE_BUDGET_KIND);
  g_autoptr(GString) sql = g_string_new ("SELECT sum (amount_ore), count (*) FROM budget_line"
                                         " WHERE funding_source_id = ?1 AND kind = ?2");
  sqlite3_stmt *stmt = NULL;
  gint64 n_lines = 0;
  gint64 amount = 0;

  if (filter->project_id != NULL)
    g_string_append (sql, " AND project_id = ?3");
  if (filter->year >= 0)
    g_string_append (sql, " AND year = ?4");
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);

  for (guint i = 0; i < g_list_model_get_n_items (totals); i++)
    {
      g_autoptr(TovBudgetTotal) total = g_list_model_get_item (totals, i);

      if (filter->funding_source_id != NULL)
        g_assert_cmpstr (tov_budget_total_get_funding_source_id (total), ==, filter->funding_source_id);
      if (filter->kind >= 0)
        g_assert_cmpint (tov_budget_total_get_kind (total), ==, filter->kind);

      sqlite3_bind_text (stmt, 1, tov_budget_total_get_funding_source_id (total), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, g_enum_get_value (kinds, tov_budget_total_get_kind (total))->value_nick,
                         -1, SQLITE_STATIC);
      if (filter->project_id != NULL)
        sqlite3_bind_text (stmt, 3, filter->project_id, -1, SQLITE_STATIC);
      if (filter->year >= 0)
        sqlite3_bind_int (stmt, 4, filter->year);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (tov_budget_total_get_amount_ore (total), ==, sqlite3_column_int64 (stmt, 0));
      g_assert_cmpuint (tov_budget_total_get_n_lines (total), ==, sqlite3_column_int64 (stmt, 1));
      g_assert_cmpuint (tov_budget_total_get_n_lines (total), >, 0);
      sqlite3_reset (stmt);

      amount += tov_budget_total_get_amount_ore (total);
      n_lines += tov_budget_total_get_n_lines (total);
    }
  sqlite3_finalize (stmt);

  /* No line is left out: the totals add up to all the lines the filter keeps. */
  g_string_assign (sql, "SELECT count (*), coalesce (sum (amount_ore), 0) FROM budget_line WHERE 1");
  if (filter->project_id != NULL)
    g_string_append (sql, " AND project_id = ?3");
  if (filter->funding_source_id != NULL)
    g_string_append (sql, " AND funding_source_id = ?1");
  if (filter->kind >= 0)
    g_string_append (sql, " AND kind = ?2");
  if (filter->year >= 0)
    g_string_append (sql, " AND year = ?4");
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  if (filter->funding_source_id != NULL)
    sqlite3_bind_text (stmt, 1, filter->funding_source_id, -1, SQLITE_STATIC);
  if (filter->kind >= 0)
    sqlite3_bind_text (stmt, 2, g_enum_get_value (kinds, filter->kind)->value_nick, -1, SQLITE_STATIC);
  if (filter->project_id != NULL)
    sqlite3_bind_text (stmt, 3, filter->project_id, -1, SQLITE_STATIC);
  if (filter->year >= 0)
    sqlite3_bind_int (stmt, 4, filter->year);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (n_lines, ==, sqlite3_column_int64 (stmt, 0));
  g_assert_cmpint (amount, ==, sqlite3_column_int64 (stmt, 1));
  sqlite3_finalize (stmt);
}

/* The totals with every filter the Budget section offers, and a project's. */
static void
test_filtered_totals_match_sql (void)
{
  sqlite3 *db = open_raw (shared.path);
  g_autoptr(TovQueryModel) sources = tov_query_model_new (shared.store, TOV_TYPE_FUNDING_SOURCE);
  g_autoptr(TovQueryModel) projects = tov_query_model_new (shared.store, TOV_TYPE_PROJECT);
  g_autoptr(TovRecord) source = g_list_model_get_item (G_LIST_MODEL (sources), 3);
  g_autoptr(TovRecord) project = g_list_model_get_item (G_LIST_MODEL (projects), 7);
  const int years[] = { -1, 0, 2016, 2020, 2024 };

  for (int kind = -1; kind <= TOV_BUDGET_KIND_EXPECTED_GAIN; kind++)
    for (guint y = 0; y < G_N_ELEMENTS (years); y++)
      {
        TovBudgetFilter filter = { NULL, NULL, kind, years[y] };

        g_test_message ("kind %d, year %d", kind, years[y]);
        assert_totals_match_lines (db, &filter);
        filter.funding_source_id = tov_record_get_id (source);
        assert_totals_match_lines (db, &filter);
        filter.funding_source_id = NULL;
        filter.project_id = tov_record_get_id (project);
        assert_totals_match_lines (db, &filter);
      }

  sqlite3_close (db);
}

/* The Budget list's search ------------------------------------------------- */

/* The characters unicode61 keeps in a word: letters, digits and private use. */
static gboolean
is_word_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_PRIVATE_USE:
      return TRUE;

    default:
      return FALSE;
    }
}

/* The words of @text, in lower case. */
static GPtrArray *
words_of (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && is_word_char (c))
        g_string_append_unichar (word, g_unichar_tolower (c));
      else if (word->len > 0)
        {
          g_ptr_array_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  return words;
}

/* Whether @note has the words of @typed one after another, the last one
 * perhaps only begun: what a user means by a word in the search box.
 */
static gboolean
note_has (GPtrArray *note,
          GPtrArray *typed)
{
  for (guint start = 0; start + typed->len <= note->len; start++)
    {
      guint i;

      for (i = 0; i < typed->len; i++)
        {
          const char *word = g_ptr_array_index (note, start + i);
          const char *part = g_ptr_array_index (typed, i);

          if (i + 1 < typed->len ? !g_str_equal (word, part) : !g_str_has_prefix (word, part))
            break;
        }
      if (i == typed->len)
        return TRUE;
    }
  return FALSE;
}

/* The ids of the lines, in the Budget list's order, whose notes have
 * every word of @search, found by reading every note in C.
 */
static GPtrArray *
lines_by_reading (sqlite3    *db,
                  const char *search,
                  const char *kind)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) typed = g_strsplit_set (search, " \t", -1);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, note FROM budget_line WHERE ?1 IS NULL OR kind = ?1"
                                           " ORDER BY year, amount_ore DESC, rowid", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GPtrArray) note = words_of ((const char *) sqlite3_column_text (stmt, 1));
      gboolean found = TRUE;

      for (guint w = 0; typed[w] != NULL && found; w++)
        {
          g_autoptr(GPtrArray) words = words_of (typed[w]);

          found = words->len == 0 || note_has (note, words);
        }
      if (found)
        g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  sqlite3_finalize (stmt);
  return ids;
}

static void
assert_same_lines (TovQueryModel *lines,
                   GPtrArray     *expected)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lines)), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(TovRecord) line = g_list_model_get_item (G_LIST_MODEL (lines), i);

      g_assert_cmpstr (tov_record_get_id (line), ==, g_ptr_array_index (expected, i));
    }
}

/* The list's search through the notes' index finds what reading every
 * note finds, in the same order, alone and with a kind chosen.
 */
static void
test_budget_search_matches_reading (void)
{
  const char *searches[] = {
    "velfærd", "Rødovre", "rødovre centrum", "ØRBYGÅRD", "indstilling 12.2", "indstilling 12", "12.2",
    "løn to", "løn til to", "Sundhedscentret", "sundhed", "s", "jf", "jf.", "(", "materialer jf",
    "Social- og Sundhedsforvaltningen", "zebra", "centret",
  };
  sqlite3 *db = open_raw (shared.path);
  g_autoptr(TovQueryModel) lines = tov_query_model_new (shared.store, TOV_TYPE_BUDGET_LINE);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lines)), ==, shared.options.budget_lines);

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autoptr(GPtrArray) all = lines_by_reading (db, searches[i], NULL);
      g_autoptr(GPtrArray) grants = lines_by_reading (db, searches[i], "grant");

      g_test_message ("“%s”: %u lines, %u grants", searches[i], all->len, grants->len);
      tov_query_model_set_search (lines, searches[i]);
      assert_same_lines (lines, all);
      tov_query_model_set_text_condition (lines, "kind", "grant");
      assert_same_lines (lines, grants);
      tov_query_model_set_text_condition (lines, "kind", NULL);
      assert_same_lines (lines, all);
    }

  /* Most of those find something, and some find nothing at all. */
  tov_query_model_set_search (lines, "velfærd");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lines)), >, 100);
  tov_query_model_set_search (lines, "centret");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lines)), ==, 0);
  tov_query_model_set_search (lines, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lines)), ==, shared.options.budget_lines);

  sqlite3_close (db);
}

static void
test_references_hold (void)
{
  sqlite3 *db = open_raw (shared.path);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    g_error ("%s row %lld refers to a missing %s", sqlite3_column_text (stmt, 0),
             (long long) sqlite3_column_int64 (stmt, 1), sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  /* What the schema's triggers guard, and what the lists rely on. */
  g_assert_cmpint (raw_int (db, "SELECT count (*) FROM budget_line b JOIN decision d ON d.id = b.decision_id "
                                "WHERE d.project_id IS NOT b.project_id"), ==, 0);
  g_assert_cmpint (raw_int (db, "SELECT count (*) FROM budget_line WHERE decision_id IS NOT NULL"), >, 0);
  g_assert_cmpint (raw_int (db, "SELECT count (*) FROM status_update WHERE "
                                "(project_id IS NOT NULL) + (initiative_id IS NOT NULL) + (partnership_id IS NOT NULL) != 1"),
                   ==, 0);
  g_assert_cmpint (raw_int (db, "SELECT count (DISTINCT number) FROM project"), ==, shared.options.projects);

  /* The load's own settings are gone: the file is in write-ahead mode as the store leaves it. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);

  sqlite3_close (db);
}

/* Every row reads back as a record that passes the checks of a save:
 * required text filled in, dates real dates; and the texts are Danish.
 */
static void
test_records_are_valid (void)
{
  guint n_types;
  const GType *types = tov_record_types (&n_types);
  gboolean seen_danish = FALSE;

  for (guint t = 0; t < n_types; t++)
    {
      g_autofree char *sql = tov_store_select_sql (shared.store, types[t]);
      sqlite3_stmt *stmt = tov_store_prepare (shared.store, sql, NULL);

      g_assert_nonnull (stmt);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autoptr(TovRecord) record = tov_store_read_record (shared.store, types[t], stmt);
          g_autoptr(GError) error = NULL;

          if (!tov_record_validate (record, &error))
            g_error ("%s %s: %s", g_type_name (types[t]), tov_record_get_id (record), error->message);
          g_assert_true (g_uuid_string_is_valid (tov_record_get_id (record)));
          if (types[t] == TOV_TYPE_PROJECT && strstr (tov_record_get_string (record, "purpose"), "ø") != NULL)
            seen_danish = TRUE;
        }
      sqlite3_reset (stmt);
    }

  g_assert_true (seen_danish);
}

static char *
export_file (const char *path,
             gsize      *length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TovStore) store = tov_store_open (path, &error);
  char *json;

  g_assert_no_error (error);
  json = tov_json_export (store, length, &error);
  g_assert_no_error (error);
  return json;
}

/* The same options give the same bytes; another seed gives other bytes. */
static void
test_deterministic (void)
{
  g_autofree char *again_path = g_build_filename (shared.dir, "again.tovholder", NULL);
  g_autofree char *other_path = g_build_filename (shared.dir, "other.tovholder", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *other = NULL;
  TovGenerateOptions options = shared.options;
  gsize first_length, second_length, other_length;

  first = tov_json_export (shared.store, &first_length, &error);
  g_assert_no_error (error);
  g_object_unref (generate_file (again_path, &shared.options));
  second = export_file (again_path, &second_length);

  g_assert_cmpuint (first_length, ==, second_length);
  g_assert_true (memcmp (first, second, first_length) == 0);

  options.seed++;
  options.status_updates = 10;
  g_object_unref (generate_file (other_path, &options));
  other = export_file (other_path, &other_length);
  g_assert_false (other_length == first_length && memcmp (first, other, first_length) == 0);
}

/* A small portfolio goes through the JSON codec's checks and comes back
 * the same.
 */
static void
test_json_round_trip (void)
{
  g_autofree char *small_path = g_build_filename (shared.dir, "small.tovholder", NULL);
  g_autofree char *copy_path = g_build_filename (shared.dir, "copy.tovholder", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TovStore) copy = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *again = NULL;
  TovGenerateOptions options;
  TovImportCounts counts;
  gsize length, again_length;

  tov_generate_options_init (&options, TOV_GENERATE_SMALL);
  g_object_unref (generate_file (small_path, &options));
  exported = export_file (small_path, &length);

  copy = tov_store_open (copy_path, &error);
  g_assert_no_error (error);
  tov_json_import (copy, exported, length, &counts, &warnings, &error);
  g_assert_no_error (error);
  g_assert_true (warnings == NULL || warnings->len == 0);
  again = tov_json_export (copy, &again_length, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (length, ==, again_length);
  g_assert_true (memcmp (exported, again, length) == 0);
}

static void
test_refuses (void)
{
  g_autofree char *path = g_build_filename (shared.dir, "refused.tovholder", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TovStore) store = tov_store_open (path, &error);
  TovGenerateOptions options;

  g_assert_no_error (error);

  /* Budget lines without funding sources to draw on. */
  tov_generate_options_init (&options, TOV_GENERATE_SMALL);
  options.funding_sources = 0;
  g_assert_false (tov_generate (store, &options, &error));
  g_assert_error (error, TOV_ERROR, TOV_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (tov_store_count (store, TOV_TYPE_PROJECT), ==, 0);

  /* A portfolio that has records already. */
  tov_generate_options_init (&options, TOV_GENERATE_SMALL);
  options.status_updates = 0;
  g_assert_true (tov_generate (store, &options, &error));
  g_assert_no_error (error);
  g_assert_false (tov_generate (store, &options, &error));
  g_assert_error (error, TOV_ERROR, TOV_ERROR_INVALID);
  g_assert_cmpuint (tov_store_count (store, TOV_TYPE_PROJECT), ==, options.projects);
}

/* tov_migration_rebuild_sql() gives the tables the triggers kept while
 * the portfolio was written: the search index's rows and terms, the
 * notes' index term by term, and the totals. Run last: it writes.
 */
static void
test_rebuild_matches_triggers (void)
{
  const char *queries[] = {
    "SELECT rowid, kind, record_id, title, body FROM search_index ORDER BY rowid",
    "SELECT term, doc, cnt FROM temp.search_index_terms ORDER BY term",
    "SELECT term, doc, col, offset FROM temp.budget_line_search_instances ORDER BY term, doc, col, offset",
    "SELECT * FROM budget_total ORDER BY funding_source_id, kind, year",
    "SELECT funding_source_id, kind, year, sum (amount_ore), count (*) FROM budget_line"
    "  GROUP BY funding_source_id, kind, year ORDER BY funding_source_id, kind, year",
  };
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (shared.path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "CREATE VIRTUAL TABLE temp.search_index_terms USING fts5vocab (main, search_index, row);"
                    "CREATE VIRTUAL TABLE temp.budget_line_search_instances"
                    "  USING fts5vocab (main, budget_line_search, instance);", NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    g_ptr_array_add (kept, tov_test_dump_rows (db, queries[i]));
  /* The totals the triggers kept are the sums of the lines. */
  g_assert_cmpstr (g_ptr_array_index (kept, 3), ==, g_ptr_array_index (kept, 4));

  sqlite3_exec (db, "BEGIN", NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  sqlite3_exec (db, tov_migration_rebuild_sql (), NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  sqlite3_exec (db, "COMMIT", NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *rebuilt = tov_test_dump_rows (db, queries[i]);

      g_test_message ("%s", queries[i]);
      g_assert_cmpuint (strlen (rebuilt), >, 0);
      g_assert_cmpstr (rebuilt, ==, g_ptr_array_index (kept, i));
    }

  sqlite3_exec (db, "INSERT INTO budget_line_search (budget_line_search, rank) VALUES ('integrity-check', 1)",
                NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/generate/scales", test_scales);
  g_test_add_func ("/generate/counts", test_counts);
  g_test_add_func ("/generate/totals-match-sql", test_totals_match_sql);
  g_test_add_func ("/generate/references-hold", test_references_hold);
  g_test_add_func ("/generate/records-are-valid", test_records_are_valid);
  g_test_add_func ("/generate/deterministic", test_deterministic);
  g_test_add_func ("/generate/json-round-trip", test_json_round_trip);
  g_test_add_func ("/generate/refuses", test_refuses);
  g_test_add_func ("/generate/filtered-totals-match-sql", test_filtered_totals_match_sql);
  g_test_add_func ("/generate/budget-search-matches-reading", test_budget_search_matches_reading);
  g_test_add_func ("/generate/rebuild-matches-triggers", test_rebuild_matches_triggers);

  shared_set_up ();
  status = g_test_run ();
  shared_tear_down ();

  return status;
}
