/* test-json.c: the portfolio document, read, imported and exported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>

#include "tov-error.h"
#include "tov-generate.h"
#include "tov-json.h"
#include "tov-records.h"
#include "tov-store-private.h"

/* A scratch directory with a portfolio file in it, removed afterwards. */
typedef struct
{
  char *dir;
  char *path;
  TovStore *store;
} Scratch;

static void
scratch_open (Scratch *scratch)
{
  g_autoptr(GError) error = NULL;

  scratch->dir = g_dir_make_tmp ("tov-json-XXXXXX", &error);
  g_assert_no_error (error);
  scratch->path = g_build_filename (scratch->dir, "portfolio.tovholder", NULL);
  scratch->store = tov_store_open (scratch->path, &error);
  g_assert_no_error (error);
}

static void
scratch_close (Scratch *scratch)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&scratch->store);

  dir = g_dir_open (scratch->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (scratch->dir, name, NULL);

      g_assert_cmpint (g_unlink (file), ==, 0);
    }
  g_assert_cmpint (g_rmdir (scratch->dir), ==, 0);

  g_clear_pointer (&scratch->path, g_free);
  g_clear_pointer (&scratch->dir, g_free);
}

static char *
demo_document (gsize *length)
{
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, "demo-portfolio.json", NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

static void
import_ok (TovStore        *store,
           const char      *data,
           gsize            length,
           TovImportCounts *counts)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (tov_json_import (store, data, length, counts, &warnings, &error));
  g_assert_no_error (error);
  g_assert_nonnull (warnings);
  g_assert_cmpuint (warnings->len, ==, 0);
}

static char *
export_ok (TovStore *store,
           gsize    *length)
{
  g_autoptr(GError) error = NULL;
  char *data = tov_json_export (store, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (data);
  g_assert_cmpuint (strlen (data), ==, *length);
  return data;
}

/* How many records of each collection the demo portfolio has. */
static const struct
{
  const char *collection;
  guint n;
} demo_counts[] = {
  { "portfolio", 1 },
  { "themes", 6 },
  { "projects", 12 },
  { "funding_sources", 6 },
  { "decisions", 25 },
  { "budget_lines", 19 },
  { "organisations", 4 },
  { "partnerships", 4 },
  { "policies", 2 },
  { "strategy_goals", 9 },
  { "action_plans", 2 },
  { "initiatives", 13 },
  { "status_updates", 15 },
};

static guint
demo_total (void)
{
  guint total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (demo_counts); i++)
    total += demo_counts[i].n;
  return total;
}

static void
assert_demo_counts (TovStore *store)
{
  guint n_types;
  const GType *types = tov_record_types (&n_types);

  g_assert_cmpuint (n_types, ==, G_N_ELEMENTS (demo_counts));
  for (guint i = 0; i < n_types; i++)
    {
      TovRecordClass *klass = g_type_class_peek (types[i]);

      g_assert_cmpstr (klass->collection, ==, demo_counts[i].collection);
      g_assert_cmpuint (tov_store_count (store, types[i]), ==, demo_counts[i].n);
    }
}

/* The export is JSON that another parser reads, with every collection. */
static void
assert_valid_json (const char *data,
                   gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  json_parser_load_from_data (parser, data, length, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "tovholder-portfolio");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (demo_counts); i++)
    {
      JsonNode *member = json_object_get_member (root, demo_counts[i].collection);

      g_assert_nonnull (member);
      if (i == 0)
        g_assert_true (JSON_NODE_HOLDS_OBJECT (member));
      else
        g_assert_cmpuint (json_array_get_length (json_node_get_array (member)), ==, demo_counts[i].n);
    }
}

static void
test_round_trip (void)
{
  Scratch first = { 0, }, second = { 0, };
  g_autofree char *demo = NULL;
  g_autofree char *export1 = NULL;
  g_autofree char *export2 = NULL;
  g_autofree char *export3 = NULL;
  gsize demo_length, length1, length2, length3;
  TovImportCounts counts = { 0, };

  demo = demo_document (&demo_length);

  scratch_open (&first);
  import_ok (first.store, demo, demo_length, &counts);
  /* The new file's own portfolio record is replaced by the demo's. */
  g_assert_cmpuint (counts.inserted, ==, demo_total ());
  g_assert_cmpuint (counts.updated, ==, 0);
  assert_demo_counts (first.store);
  g_assert_cmpstr (tov_record_get_string (TOV_RECORD (tov_store_get_portfolio (first.store)), "name"),
                   ==, "Sammen om Rødovre");
  export1 = export_ok (first.store, &length1);
  assert_valid_json (export1, length1);

  scratch_open (&second);
  import_ok (second.store, export1, length1, &counts);
  g_assert_cmpuint (counts.inserted, ==, demo_total ());
  assert_demo_counts (second.store);
  export2 = export_ok (second.store, &length2);
  g_assert_cmpuint (length1, ==, length2);
  g_assert_true (memcmp (export1, export2, length1) == 0);

  /* What was written is in the file. */
  g_clear_object (&first.store);
  first.store = tov_store_open (first.path, NULL);
  g_assert_nonnull (first.store);
  export3 = export_ok (first.store, &length3);
  g_assert_cmpuint (length1, ==, length3);
  g_assert_true (memcmp (export1, export3, length1) == 0);
  g_clear_pointer (&export3, g_free);

  /* Importing it again updates every record and changes nothing. */
  import_ok (first.store, export1, length1, &counts);
  g_assert_cmpuint (counts.inserted, ==, 0);
  g_assert_cmpuint (counts.updated, ==, demo_total ());
  assert_demo_counts (first.store);
  export3 = export_ok (first.store, &length3);
  g_assert_cmpuint (length1, ==, length3);
  g_assert_true (memcmp (export1, export3, length1) == 0);

  scratch_close (&first);
  scratch_close (&second);
}

static void
test_canonical_form (void)
{
  Scratch scratch = { 0, };
  g_autofree char *demo = NULL;
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;
  const char *previous = "";
  gsize demo_length, length;

  demo = demo_document (&demo_length);
  scratch_open (&scratch);
  import_ok (scratch.store, demo, demo_length, NULL);
  data = export_ok (scratch.store, &length);

  /* As json-glib's JsonGenerator writes it: two spaces, " : " between a
   * key and its value, UTF-8 as it is.
   */
  g_assert_true (g_str_has_prefix (data, "{\n  \"format\" : \"tovholder-portfolio\",\n  \"version\" : 1,\n"
                                         "  \"portfolio\" : {\n    \"id\" : \"0248d5c7-fc81-53e5-9a3e-30cb1429c52e\",\n"
                                         "    \"created\" : \"2015-04-15T00:00:00Z\",\n"));
  g_assert_true (g_str_has_suffix (data, "\n  ]\n}\n"));
  g_assert_nonnull (strstr (data, "\"name\" : \"Sammen om Rødovre\""));
  g_assert_null (strstr (data, "\\u00f8"));
  g_assert_nonnull (strstr (data, "behov\"\n  },\n  \"themes\" : [\n    {\n      \"id\" : "));

  /* Within a collection, records are sorted by id. */
  lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "  \""))
        previous = "";
      else if (g_str_has_prefix (lines[i], "      \"id\" : "))
        {
          g_assert_cmpstr (previous, <, lines[i]);
          previous = lines[i];
        }
    }

  scratch_close (&scratch);
}

static void
test_export_to_file (void)
{
  Scratch scratch = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *demo = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  g_autofree char *path = NULL;
  gsize demo_length, expected_length, written_length;
  GStatBuf buf;

  demo = demo_document (&demo_length);
  scratch_open (&scratch);
  import_ok (scratch.store, demo, demo_length, NULL);
  expected = export_ok (scratch.store, &expected_length);

  path = g_build_filename (scratch.dir, "export.json", NULL);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (tov_json_export_to_file (scratch.store, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &written, &written_length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written_length, ==, expected_length);
  g_assert_true (memcmp (written, expected, expected_length) == 0);
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);

  scratch_close (&scratch);
}

/* Only the names of the files in @dir, sorted, joined by spaces. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* A disk that fills up in the middle of an export leaves the file that
 * was there as it was, nothing beside it, and an error that names it.
 */
static void
test_export_runs_out_of_room (void)
{
  Scratch scratch = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *demo = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  struct rlimit limit, small;
  gsize demo_length;
  gboolean exported;

  demo = demo_document (&demo_length);
  scratch_open (&scratch);
  import_ok (scratch.store, demo, demo_length, NULL);
  path = g_build_filename (scratch.dir, "export.json", NULL);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  before = list_dir (scratch.dir);

  /* Writing past the limit fails with EFBIG, as a full disk fails. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  small = (struct rlimit) { 4096, limit.rlim_max };
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  exported = tov_json_export_to_file (scratch.store, path, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  g_assert_false (exported);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "export.json"));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  after = list_dir (scratch.dir);
  g_assert_cmpstr (after, ==, before);

  scratch_close (&scratch);
}

#define DECISIONS_LINE \
  "  \"decisions\": [{\"id\": \"50000000-0000-4000-8000-000000000001\", \"project_id\": \"30000000-0000-4000-8000-000000000001\"," \
  " \"number\": \"4.1\", \"text\": \"Godkendt\", \"state\": \"approved\", \"decided_on\": \"2020-03-01\"}],\n"

/* Whatever text a record holds, the export is JSON that another parser
 * reads back as that text, and that imports to the same text again.
 */
static void
test_export_escapes (void)
{
  static const char *const pieces[] = {
    "a", "Læsecafé", "\"", "\\", "/", "\n", "\r", "\t", "\b", "\f", "\x01", "\x1f", "\x7f",
    "ø", "€", "\xf0\x9f\x98\x80", "12345678", " ", "\xff", "\xc3", "\xed\xa0\x80",
  };
  Scratch first = { 0, }, second = { 0, };
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  gsize length, length_again;
  JsonArray *projects;

  scratch_open (&first);
  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(GString) text = g_string_new ("x");
      guint n = g_test_rand_int_range (0, 40);
      TovRecord *project;

      for (guint j = 0; j < n; j++)
        g_string_append (text, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
      project = g_object_new (TOV_TYPE_PROJECT, "title", text->str, "purpose", text->str, NULL);
      g_ptr_array_add (records, project);
      g_ptr_array_add (texts, g_utf8_make_valid (text->str, -1));
    }
  g_assert_true (tov_store_save_all (first.store, records, &error));
  g_assert_no_error (error);

  data = export_ok (first.store, &length);
  g_assert_true (g_utf8_validate (data, length, NULL));
  json_parser_load_from_data (parser, data, length, &error);
  g_assert_no_error (error);
  projects = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "projects");
  g_assert_cmpuint (json_array_get_length (projects), ==, records->len);
  for (guint i = 0; i < records->len; i++)
    {
      const char *id = tov_record_get_id (g_ptr_array_index (records, i));
      gboolean found = FALSE;

      for (guint j = 0; j < json_array_get_length (projects); j++)
        {
          JsonObject *project = json_array_get_object_element (projects, j);

          if (g_str_equal (json_object_get_string_member (project, "id"), id))
            {
              g_assert_cmpstr (json_object_get_string_member (project, "title"), ==,
                               g_ptr_array_index (texts, i));
              found = TRUE;
            }
        }
      g_assert_true (found);
    }

  /* The export imports, and exports the same again. */
  scratch_open (&second);
  import_ok (second.store, data, length, NULL);
  again = export_ok (second.store, &length_again);
  g_assert_cmpuint (length, ==, length_again);
  g_assert_true (memcmp (data, again, length) == 0);

  scratch_close (&first);
  scratch_close (&second);
}

/* A small document to break in every way below. Some records leave out
 * their times, as a document written by hand may.
 */
static const char base_document[] =
  "{\n"
  "  \"format\": \"tovholder-portfolio\",\n"
  "  \"version\": 1,\n"
  "  \"portfolio\": {\"id\": \"10000000-0000-4000-8000-000000000001\", \"created\": \"2020-01-01T00:00:00Z\","
  " \"updated\": \"2020-01-01T00:00:00Z\", \"name\": \"Testrup\", \"municipality\": \"Testrup Kommune\", \"description\": \"\"},\n"
  "  \"themes\": [{\"id\": \"20000000-0000-4000-8000-000000000001\", \"number\": 1, \"title\": \"Tema\"}],\n"
  "  \"projects\": [{\"id\": \"30000000-0000-4000-8000-000000000001\", \"created\": \"2020-01-01T00:00:00Z\","
  " \"updated\": \"2020-01-02T00:00:00Z\", \"theme_id\": \"20000000-0000-4000-8000-000000000001\", \"number\": 1,"
  " \"title\": \"Læsecafé\", \"state\": \"idea\", \"start_date\": \"2020-02-01\", \"end_date\": null},\n"
  "    {\"id\": \"30000000-0000-4000-8000-000000000002\", \"number\": 2, \"title\": \"Lektiecafé\"}],\n"
  "  \"funding_sources\": [{\"id\": \"40000000-0000-4000-8000-000000000001\", \"name\": \"Puljen\", \"kind\": \"pool\"}],\n"
  DECISIONS_LINE
  "  \"budget_lines\": [{\"id\": \"60000000-0000-4000-8000-000000000001\", \"project_id\": \"30000000-0000-4000-8000-000000000001\","
  " \"decision_id\": \"50000000-0000-4000-8000-000000000001\", \"funding_source_id\": \"40000000-0000-4000-8000-000000000001\","
  " \"kind\": \"grant\", \"amount_ore\": 10000000, \"year\": 2020, \"annual\": false, \"note\": \"Tilskud\"}]\n"
  "}\n";

#define BASE_RECORDS 7

/* A case changes the first @from of the base document to @to, after
 * changing @from2 to @to2 if it is given. "@DEEP@" and "@HUGE@" in @to
 * stand for text too long to write here.
 */
typedef struct
{
  const char *name;
  const char *from;
  const char *to;
  int code;                /* a TovError, when the document is refused */
  const char *path;        /* how the message must start; NULL: imported */
  const char *words;       /* and what it must say, or the one warning */
  gboolean store_only;     /* refused only for what the store holds */
  const char *from2;
  const char *to2;
} DocumentCase;

static const DocumentCase document_cases[] = {
  /* Refused. */
  { "empty-title", "\"title\": \"Læsecafé\"", "\"title\": \"\"",
    TOV_ERROR_INVALID, "projects[0].title: ", "must not be empty" },
  { "blank-title", "\"title\": \"Læsecafé\"", "\"title\": \" \\n \"",
    TOV_ERROR_INVALID, "projects[0].title: ", "must not be empty" },
  { "missing-title", ", \"title\": \"Lektiecafé\"", "",
    TOV_ERROR_INVALID, "projects[1].title: ", "missing" },
  { "missing-id", "{\"id\": \"40000000-0000-4000-8000-000000000001\", ", "{",
    TOV_ERROR_INVALID, "funding_sources[0].id: ", "missing" },
  { "amount-string", "\"amount_ore\": 10000000", "\"amount_ore\": \"10000000\"",
    TOV_ERROR_INVALID, "budget_lines[0].amount_ore: ", "not an integer" },
  { "amount-fraction", "\"amount_ore\": 10000000", "\"amount_ore\": 1.5",
    TOV_ERROR_INVALID, "budget_lines[0].amount_ore: ", "not an integer" },
  { "amount-float-integer", "\"amount_ore\": 10000000", "\"amount_ore\": 1.0",
    TOV_ERROR_INVALID, "budget_lines[0].amount_ore: ", "not an integer" },
  { "amount-infinite", "\"amount_ore\": 10000000", "\"amount_ore\": 1e400",
    TOV_ERROR_INVALID, "budget_lines[0].amount_ore: ", "out of range" },
  { "amount-huge", "\"amount_ore\": 10000000", "\"amount_ore\": 99999999999999999999",
    TOV_ERROR_INVALID, "budget_lines[0].amount_ore: ", "too large" },
  { "amount-just-inexact", "\"amount_ore\": 10000000", "\"amount_ore\": 9007199254740992",
    TOV_ERROR_INVALID, "budget_lines[0].amount_ore: ", "too large" },
  { "amount-negative", "\"amount_ore\": 10000000", "\"amount_ore\": -1",
    TOV_ERROR_INVALID, "budget_lines[0].amount_ore: ", "between 0 and" },
  { "year-out-of-range", "\"year\": 2020", "\"year\": 10000",
    TOV_ERROR_INVALID, "budget_lines[0].year: ", "between 0 and 9999" },
  { "annual-not-boolean", "\"annual\": false", "\"annual\": 0",
    TOV_ERROR_INVALID, "budget_lines[0].annual: ", "not true or false" },
  { "unknown-choice", "\"state\": \"idea\"", "\"state\": \"dream\"",
    TOV_ERROR_INVALID, "projects[0].state: ", "not one of idea, development" },
  { "not-a-date", "\"start_date\": \"2020-02-01\"", "\"start_date\": \"2020-02-30\"",
    TOV_ERROR_INVALID, "projects[0].start_date: ", "not a date" },
  { "null-text", "\"title\": \"Læsecafé\"", "\"title\": null",
    TOV_ERROR_INVALID, "projects[0].title: ", "not a string" },
  { "null-required-reference", "\"project_id\": \"30000000-0000-4000-8000-000000000001\", \"number\"",
    "\"project_id\": null, \"number\"",
    TOV_ERROR_INVALID, "decisions[0].project_id: ", "must not be empty" },
  { "bad-timestamp", "\"updated\": \"2020-01-02T00:00:00Z\"", "\"updated\": \"2020-01-02 00:00\"",
    TOV_ERROR_INVALID, "projects[0].updated: ", "not a time" },
  { "uppercase-id", "\"id\": \"20000000-0000-4000-8000-000000000001\"", "\"id\": \"20000000-0000-4000-8000-00000000000A\"",
    TOV_ERROR_INVALID, "themes[0].id: ", "not an id" },
  { "nesting", "\"note\": \"Tilskud\"", "\"note\": \"Tilskud\", \"extra\": @DEEP@",
    TOV_ERROR_INVALID, "budget_lines[0].extra[0][0][0]", "nested too deeply" },
  { "invalid-utf8", "\"title\": \"Læsecafé\"", "\"title\": \"L\xe6secaf\xe9\"",
    TOV_ERROR_INVALID, "projects[0].title: ", "not valid UTF-8" },
  { "invalid-utf8-key", "\"title\": \"Læsecafé\"", "\"title\": \"Læsecafé\", \"\xff\": 1",
    TOV_ERROR_INVALID, "projects[0]: ", "not valid UTF-8" },
  { "duplicate-key", "\"title\": \"Læsecafé\"", "\"title\": \"Læsecafé\", \"title\": \"Andet\"",
    TOV_ERROR_INVALID, "projects[0].title: ", "given twice" },
  { "duplicate-escaped-key", "\"title\": \"Læsecafé\"", "\"title\": \"Læsecafé\", \"titl\\u0065\": \"Andet\"",
    TOV_ERROR_INVALID, "projects[0].title: ", "given twice" },
  { "duplicate-unknown-key", "\"title\": \"Læsecafé\"", "\"title\": \"Læsecafé\", \"x\": 1, \"x\": 2",
    TOV_ERROR_INVALID, "projects[0].x: ", "given twice" },
  { "duplicate-nested-key", "\"title\": \"Læsecafé\"", "\"title\": \"Læsecafé\", \"x\": [{\"a\": 1, \"a\": 2}]",
    TOV_ERROR_INVALID, "projects[0].x[0].a: ", "given twice" },
  { "duplicate-collection", "\"funding_sources\": [", "\"funding_sources\": [], \"funding_sources\": [",
    TOV_ERROR_INVALID, "funding_sources: ", "given twice" },
  { "nul-escape", "\"title\": \"Læsecafé\"", "\"title\": \"Læse\\u0000café\"",
    TOV_ERROR_INVALID, "projects[0].title: ", "\\u0000" },
  { "lone-surrogate", "\"title\": \"Læsecafé\"", "\"title\": \"Læse\\ud800café\"",
    TOV_ERROR_INVALID, "projects[0].title: ", "surrogate" },
  { "raw-control-character", "\"title\": \"Læsecafé\"", "\"title\": \"Læse\tcafé\"",
    TOV_ERROR_INVALID, "projects[0].title: ", "control character" },
  { "duplicate-id", "\"id\": \"30000000-0000-4000-8000-000000000002\"", "\"id\": \"30000000-0000-4000-8000-000000000001\"",
    TOV_ERROR_INVALID, "projects[1].id: ", "given twice, also to projects[0]" },
  { "duplicate-id-across-collections", "\"id\": \"40000000-0000-4000-8000-000000000001\"",
    "\"id\": \"20000000-0000-4000-8000-000000000001\"",
    TOV_ERROR_INVALID, "funding_sources[0].id: ", "also to themes[0]" },
  { "dangling-reference", "\"project_id\": \"30000000-0000-4000-8000-000000000001\", \"number\"",
    "\"project_id\": \"30000000-0000-4000-8000-0000000000ff\", \"number\"",
    TOV_ERROR_INVALID, "decisions[0].project_id: ", "refers to no project in the document or the portfolio" },
  { "reference-to-wrong-type", "\"project_id\": \"30000000-0000-4000-8000-000000000001\", \"number\"",
    "\"project_id\": \"20000000-0000-4000-8000-000000000001\", \"number\"",
    TOV_ERROR_INVALID, "decisions[0].project_id: ", "refers to no project" },
  { "reference-to-wrong-type-in-store", "\"project_id\": \"30000000-0000-4000-8000-000000000001\", \"number\"",
    "\"project_id\": \"ef9d48a1-7f88-508d-8d6b-2a76c9bfe9f8\", \"number\"",
    TOV_ERROR_INVALID, "decisions[0].project_id: ", "refers to no project" },
  { "id-of-another-type-in-store", "\"id\": \"30000000-0000-4000-8000-000000000002\"",
    "\"id\": \"ef9d48a1-7f88-508d-8d6b-2a76c9bfe9f8\"",
    TOV_ERROR_INVALID, "projects[1].id: ", "already given to a theme in the portfolio", TRUE },
  { "wrong-format", "\"format\": \"tovholder-portfolio\"", "\"format\": \"something-else\"",
    TOV_ERROR_NOT_OURS, "format: ", "not a Tovholder portfolio document" },
  { "no-format", "\"format\": \"tovholder-portfolio\",", "",
    TOV_ERROR_NOT_OURS, "format: ", "not a Tovholder portfolio document" },
  { "not-an-object", "{\n  \"format\"", "[{\n  \"format\"",
    TOV_ERROR_NOT_OURS, "document: ", "not a Tovholder portfolio document" },
  { "version-2", "\"version\": 1", "\"version\": 2",
    TOV_ERROR_TOO_NEW, "version: ", "newer version of Tovholder" },
  { "version-string", "\"version\": 1", "\"version\": \"1\"",
    TOV_ERROR_INVALID, "version: ", "not an integer" },
  { "no-version", "\"version\": 1,", "",
    TOV_ERROR_INVALID, "version: ", "missing" },
  { "collection-not-array", "\"themes\": [", "\"themes\": {\"a\": [",
    TOV_ERROR_INVALID, "themes: ", "not an array", FALSE, "\"title\": \"Tema\"}]", "\"title\": \"Tema\"}]}" },
  { "trailing-comma", "\"title\": \"Tema\"}", "\"title\": \"Tema\",}",
    TOV_ERROR_INVALID, "themes[0]: ", "key in double quotes" },
  { "missing-comma", "\"number\": 1, \"title\": \"Tema\"", "\"number\": 1 \"title\": \"Tema\"",
    TOV_ERROR_INVALID, "themes[0].number: ", "is missing (line 5, column " },
  { "text-after-document", "]\n}\n", "]\n}\n{}",
    TOV_ERROR_INVALID, "document: ", "more after the end" },
  { "huge-string", "\"note\": \"Tilskud\"", "\"note\": \"@HUGE@\"",
    TOV_ERROR_INVALID, "budget_lines[0].note: ", "longer than 16 MiB" },

  /* Imported. */
  { "unknown-key", "\"title\": \"Læsecafé\"", "\"title\": \"Læsecafé\", \"colour\": {\"r\": [1, 2.5e3, null]}",
    0, NULL, "projects[0].colour: unknown key, skipped" },
  { "unknown-collection", "\"themes\": [", "\"meetings\": [1, 2], \"themes\": [",
    0, NULL, "meetings: unknown key, skipped" },
  { "forward-reference", "  \"themes\": [", DECISIONS_LINE "  \"themes\": [",
    0, NULL, NULL, FALSE, DECISIONS_LINE, "" },
  { "header-last", "}]\n}\n", "}],\n  \"version\": 1, \"format\": \"tovholder-portfolio\"\n}\n",
    0, NULL, NULL, FALSE, "  \"format\": \"tovholder-portfolio\",\n  \"version\": 1,\n", "" },
  { "version-after-data", "}]\n}\n", "}],\n  \"version\": 2\n}\n",
    TOV_ERROR_TOO_NEW, "version: ", "newer version", FALSE, "  \"version\": 1,\n", "" },
  { "reference-into-store", "\"theme_id\": \"20000000-0000-4000-8000-000000000001\"",
    "\"theme_id\": \"ef9d48a1-7f88-508d-8d6b-2a76c9bfe9f8\"",
    0, NULL, NULL },
  { "escapes", "\"title\": \"Læsecafé\"", "\"title\": \"L\\u00e6se\\/caf\\u00e9 \\ud83d\\ude00 \\\"x\\\"\"",
    0, NULL, NULL },
};

static char *
deep_nesting (void)
{
  const guint depth = 100000;
  GString *text = g_string_sized_new (2 * depth);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  return g_string_free (text, FALSE);
}

static char *
huge_string (void)
{
  gsize length = 20 * 1024 * 1024;
  char *text = g_malloc (length + 1);

  memset (text, 'x', length);
  text[length] = '\0';
  return text;
}

static GString *
case_document (const DocumentCase *c)
{
  GString *document = g_string_new (base_document);
  g_autoptr(GString) to = g_string_new (c->to);

  if (strstr (c->to, "@DEEP@") != NULL)
    {
      g_autofree char *deep = deep_nesting ();

      g_string_replace (to, "@DEEP@", deep, 1);
    }
  if (strstr (c->to, "@HUGE@") != NULL)
    {
      g_autofree char *huge = huge_string ();

      g_string_replace (to, "@HUGE@", huge, 1);
    }

  if (c->from2 != NULL)
    g_assert_cmpuint (g_string_replace (document, c->from2, c->to2, 1), ==, 1);
  g_assert_cmpuint (g_string_replace (document, c->from, to->str, 1), ==, 1);
  return document;
}

static GBytes *
file_bytes (const char *path)
{
  char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return NULL;
  return g_bytes_new_take (data, length);
}

static gboolean
same_bytes (GBytes *a,
            GBytes *b)
{
  return (a == NULL && b == NULL) || (a != NULL && b != NULL && g_bytes_equal (a, b));
}

static void
test_document_case (gconstpointer data)
{
  const DocumentCase *c = data;
  Scratch scratch = { 0, };
  g_autoptr(GString) document = case_document (c);
  g_autofree char *demo = NULL;
  g_autofree char *wal = NULL;
  g_autoptr(GBytes) db_before = NULL;
  g_autoptr(GBytes) db_after = NULL;
  g_autoptr(GBytes) wal_before = NULL;
  g_autoptr(GBytes) wal_after = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  TovImportCounts counts = { 0, };
  gsize demo_length;
  gboolean ok;

  /* Into a portfolio that has the demo, so that references to it resolve. */
  demo = demo_document (&demo_length);
  scratch_open (&scratch);
  import_ok (scratch.store, demo, demo_length, NULL);

  wal = g_strconcat (scratch.path, "-wal", NULL);
  db_before = file_bytes (scratch.path);
  wal_before = file_bytes (wal);
  g_assert_nonnull (db_before);

  ok = tov_json_import (scratch.store, document->str, document->len, &counts, &warnings, &error);

  if (c->path != NULL)
    {
      g_assert_false (ok);
      g_assert_error (error, TOV_ERROR, c->code);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, c->path));
      g_assert_nonnull (strstr (error->message, c->words));
      g_assert_null (warnings);

      /* Nothing was written. */
      db_after = file_bytes (scratch.path);
      wal_after = file_bytes (wal);
      g_assert_true (same_bytes (db_before, db_after));
      g_assert_true (same_bytes (wal_before, wal_after));
      assert_demo_counts (scratch.store);

      /* Reading alone finds the same problem, unless it is about the store. */
      g_clear_error (&error);
      records = tov_json_read (document->str, document->len, NULL, &error);
      if (c->store_only)
        {
          g_assert_no_error (error);
          g_assert_nonnull (records);
        }
      else
        {
          g_assert_null (records);
          g_assert_error (error, TOV_ERROR, c->code);
          g_assert_true (g_str_has_prefix (error->message, c->path));
        }
    }
  else
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpuint (counts.inserted, ==, BASE_RECORDS);
      g_assert_cmpuint (counts.updated, ==, 0);
      g_assert_nonnull (warnings);
      if (c->words != NULL)
        {
          g_assert_cmpuint (warnings->len, ==, 1);
          g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==, c->words);
        }
      else
        g_assert_cmpuint (warnings->len, ==, 0);
      g_assert_cmpuint (tov_store_count (scratch.store, TOV_TYPE_PROJECT), ==, 12 + 2);
      g_assert_cmpstr (tov_record_get_string (TOV_RECORD (tov_store_get_portfolio (scratch.store)), "name"),
                       ==, "Testrup");
    }

  scratch_close (&scratch);
}

/* The reader accepts a string exactly when g_utf8_validate_len() does. */
static void
test_read_utf8 (void)
{
  for (guint i = 0; i < 5000; i++)
    {
      g_autoptr(GString) title = g_string_new ("x");
      g_autoptr(GString) document = g_string_new (base_document);
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(GError) error = NULL;
      guint n = g_test_rand_int_range (1, 24);
      gboolean valid;

      for (guint j = 0; j < n; j++)
        {
          /* Mostly the bytes of multi-byte sequences, never a quote, a
           * backslash or a control character.
           */
          guint byte = g_test_rand_bit () ? g_test_rand_int_range (0x80, 0x100) : g_test_rand_int_range (0x20, 0x100);

          g_string_append_c (title, byte == '"' || byte == '\\' ? 'y' : byte);
        }
      valid = g_utf8_validate_len (title->str, title->len, NULL);
      g_string_replace (document, "\"title\": \"Læsecafé\"", "\"title\": \"@\"", 1);
      g_string_replace (document, "@", title->str, 1);

      records = tov_json_read (document->str, document->len, NULL, &error);
      if (valid)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (tov_record_get_string (g_ptr_array_index (records, 2), "title"), ==, title->str);
        }
      else
        {
          g_assert_error (error, TOV_ERROR, TOV_ERROR_INVALID);
          g_assert_cmpstr (error->message, ==, "projects[0].title: the text is not valid UTF-8");
        }
    }
}

static void
test_read (void)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) document = g_string_new (base_document);
  TovRecord *record;

  g_string_replace (document, "\"projects\": [", "\"other\": 1, \"projects\": [", 1);
  records = tov_json_read (document->str, document->len, &warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (records);
  g_assert_cmpuint (records->len, ==, BASE_RECORDS);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==, "other: unknown key, skipped");

  record = g_ptr_array_index (records, 0);
  g_assert_true (TOV_IS_PORTFOLIO (record));
  g_assert_cmpstr (tov_record_get_id (record), ==, "10000000-0000-4000-8000-000000000001");
  g_assert_cmpstr (tov_record_get_created (record), ==, "2020-01-01T00:00:00Z");

  /* Document order within a collection, defaults for what is left out. */
  record = g_ptr_array_index (records, 2);
  g_assert_true (TOV_IS_PROJECT (record));
  g_assert_cmpstr (tov_record_get_string (record, "title"), ==, "Læsecafé");
  g_assert_cmpstr (tov_record_get_string (record, "start-date"), ==, "2020-02-01");
  g_assert_null (tov_record_get_string (record, "end-date"));
  g_assert_cmpstr (tov_record_get_string (record, "purpose"), ==, "");
  record = g_ptr_array_index (records, 3);
  g_assert_cmpstr (tov_record_get_string (record, "title"), ==, "Lektiecafé");
  g_assert_nonnull (tov_record_get_created (record));

  record = g_ptr_array_index (records, 6);
  g_assert_true (TOV_IS_BUDGET_LINE (record));
  g_assert_cmpint (tov_record_get_int (record, "amount-ore"), ==, 10000000);
  g_assert_cmpint (tov_record_get_int (record, "year"), ==, 2020);
  g_assert_cmpint (tov_record_get_int (record, "kind"), ==, TOV_BUDGET_KIND_GRANT);

  /* Without a store, a reference must resolve in the document. */
  g_clear_pointer (&records, g_ptr_array_unref);
  g_clear_pointer (&warnings, g_ptr_array_unref);
  g_string_replace (document, "\"theme_id\": \"20000000-0000-4000-8000-000000000001\"",
                    "\"theme_id\": \"ef9d48a1-7f88-508d-8d6b-2a76c9bfe9f8\"", 1);
  records = tov_json_read (document->str, document->len, &warnings, &error);
  g_assert_error (error, TOV_ERROR, TOV_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "projects[0].theme_id: refers to no theme in the document");
  g_assert_null (records);
  g_assert_null (warnings);
}

/* Into a new file --------------------------------------------------------- */

/* An import into a new file writes rows without a record object of each
 * and computes the search indexes and totals once at the end. Its file
 * must hold what saving every record through the store gives: that is
 * what tov_json_import() did before, and still does in a portfolio that
 * has records.
 */

static int
compare_by_type_and_id (gconstpointer a,
                        gconstpointer b)
{
  TovRecord *first = *(TovRecord **) a;
  TovRecord *second = *(TovRecord **) b;
  guint n_types;
  const GType *types = tov_record_types (&n_types);
  int first_type = 0, second_type = 0;

  for (guint i = 0; i < n_types; i++)
    {
      if (types[i] == G_OBJECT_TYPE (first))
        first_type = i;
      if (types[i] == G_OBJECT_TYPE (second))
        second_type = i;
    }
  if (first_type != second_type)
    return first_type - second_type;
  return strcmp (tov_record_get_id (first), tov_record_get_id (second));
}

/* Reads @data and saves its records with tov_store_save_all(), every
 * collection in the order of its ids, as an import into a portfolio with
 * records saves them.
 */
static gboolean
save_every_record (TovStore    *store,
                   const char  *data,
                   gsize        length,
                   GError     **error)
{
  g_autoptr(GPtrArray) records = tov_json_read (data, length, NULL, error);

  if (records == NULL)
    return FALSE;
  g_ptr_array_sort (records, compare_by_type_and_id);
  return tov_store_save_all (store, records, error);
}

static void
append_rows (GString    *out,
             sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_string_append_printf (out, "%s\n", sql);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        switch (sqlite3_column_type (stmt, i))
          {
          case SQLITE_NULL:
            g_string_append (out, "\tNULL");
            break;
          case SQLITE_INTEGER:
            g_string_append_printf (out, "\t%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, i));
            break;
          case SQLITE_FLOAT:
            g_string_append_printf (out, "\t%.17g", sqlite3_column_double (stmt, i));
            break;
          default:
            {
              g_autofree char *escaped = g_strescape ((const char *) sqlite3_column_text (stmt, i), NULL);

              g_string_append_printf (out, "\t'%s'", escaped);
            }
            break;
          }
      g_string_append_c (out, '\n');
    }
  g_assert_cmpint (sqlite3_finalize (stmt), ==, SQLITE_OK);
}

static gboolean
is_fts5 (const char *sql)
{
  return g_str_has_prefix (sql, "CREATE VIRTUAL TABLE") && strstr (sql, "USING fts5 (") != NULL;
}

/* Everything the portfolio file at @path holds, as text: the schema, and
 * every row of every table with its rowid. An FTS5 table's index is kept
 * in segments whose bytes depend on how the rows were written, so that
 * index is described by every occurrence of every term instead.
 */
static char *
describe_file (const char *path)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sqls = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  append_rows (out, db, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name");

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (sqls, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      const char *sql = g_ptr_array_index (sqls, i);
      g_autofree char *query = NULL;
      gboolean segments = FALSE;

      for (guint j = 0; j < tables->len; j++)
        if (is_fts5 (g_ptr_array_index (sqls, j)))
          {
            g_autofree char *data = g_strconcat (g_ptr_array_index (tables, j), "_data", NULL);
            g_autofree char *idx = g_strconcat (g_ptr_array_index (tables, j), "_idx", NULL);

            segments |= g_str_equal (table, data) || g_str_equal (table, idx);
          }

      if (segments)
        continue;
      if (is_fts5 (sql))
        {
          g_autofree char *check = g_strdup_printf ("INSERT INTO %s (%s) VALUES ('integrity-check')", table, table);
          g_autofree char *vocab = g_strdup_printf ("CREATE VIRTUAL TABLE temp.%s_terms USING fts5vocab (main, %s, 'instance')",
                                                    table, table);

          g_assert_cmpint (sqlite3_exec (db, check, NULL, NULL, NULL), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_exec (db, vocab, NULL, NULL, NULL), ==, SQLITE_OK);
          query = g_strdup_printf ("SELECT * FROM temp.%s_terms ORDER BY term, doc, col, offset", table);
        }
      else if (g_str_has_prefix (sql, "CREATE VIRTUAL TABLE"))
        continue;
      else if (strstr (sql, "WITHOUT ROWID") != NULL)
        query = g_strdup_printf ("SELECT * FROM %s", table);
      else
        query = g_strdup_printf ("SELECT rowid, * FROM %s ORDER BY rowid", table);
      append_rows (out, db, query);
    }

  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return g_string_free (out, FALSE);
}

static void
assert_same_text (const char *a,
                  const char *b)
{
  g_auto(GStrv) lines_a = NULL;
  g_auto(GStrv) lines_b = NULL;

  if (g_str_equal (a, b))
    return;
  lines_a = g_strsplit (a, "\n", -1);
  lines_b = g_strsplit (b, "\n", -1);
  for (guint i = 0; lines_a[i] != NULL && lines_b[i] != NULL; i++)
    g_assert_cmpstr (lines_a[i], ==, lines_b[i]);
  g_assert_cmpuint (g_strv_length (lines_a), ==, g_strv_length (lines_b));
}

/* A portfolio of every kind of record, several thousand of them. */
static char *
generated_document (gsize *length)
{
  Scratch scratch = { 0, };
  TovGenerateOptions options;
  g_autoptr(GError) error = NULL;
  char *data;

  scratch_open (&scratch);
  tov_generate_options_init (&options, TOV_GENERATE_SMALL);
  g_assert_true (tov_generate (scratch.store, &options, &error));
  g_assert_no_error (error);
  data = export_ok (scratch.store, length);
  scratch_close (&scratch);
  return data;
}

static void
assert_imports_as_saved (const char *data,
                         gsize       length)
{
  Scratch imported = { 0, }, saved = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *imported_rows = NULL;
  g_autofree char *saved_rows = NULL;
  TovImportCounts counts = { 0, };

  scratch_open (&imported);
  import_ok (imported.store, data, length, &counts);
  scratch_open (&saved);
  g_assert_true (save_every_record (saved.store, data, length, &error));
  g_assert_no_error (error);

  /* The store holds the document's portfolio record, as saving it does. */
  g_assert_cmpstr (tov_record_get_id (TOV_RECORD (tov_store_get_portfolio (imported.store))), ==,
                   tov_record_get_id (TOV_RECORD (tov_store_get_portfolio (saved.store))));
  g_assert_cmpstr (tov_record_get_string (TOV_RECORD (tov_store_get_portfolio (imported.store)), "name"), ==,
                   tov_record_get_string (TOV_RECORD (tov_store_get_portfolio (saved.store)), "name"));

  g_clear_object (&imported.store);
  g_clear_object (&saved.store);
  imported_rows = describe_file (imported.path);
  saved_rows = describe_file (saved.path);
  g_assert_cmpuint (strlen (imported_rows), >, length / 2);
  assert_same_text (imported_rows, saved_rows);

  scratch_close (&imported);
  scratch_close (&saved);
}

static void
test_new_file_demo (void)
{
  gsize length;
  g_autofree char *demo = demo_document (&length);

  assert_imports_as_saved (demo, length);
}

static void
test_new_file_generated (void)
{
  gsize length;
  g_autofree char *generated = generated_document (&length);

  assert_imports_as_saved (generated, length);
}

/* After an import was refused, the new file holds what it held and works
 * as a portfolio: the triggers that keep its search index are all there.
 * Its bytes can differ: an import into a new file writes its rows with a
 * rollback journal (tov-json-bulk.c), and switching to one moves the
 * WAL's pages into the file, as closing the file does.
 */
static void
assert_refused_into_new_file (const char *document,
                              gsize       length,
                              int         code,
                              const char *message_start,
                              const char *words)
{
  Scratch scratch = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(TovRecord) project = NULL;
  TovImportCounts counts = { 0, };
  sqlite3_stmt *stmt;

  scratch_open (&scratch);
  before = describe_file (scratch.path);

  g_assert_false (tov_json_import (scratch.store, document, length, &counts, &warnings, &error));
  g_assert_error (error, TOV_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, message_start));
  g_assert_nonnull (strstr (error->message, words));
  g_assert_null (warnings);

  after = describe_file (scratch.path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (tov_store_count (scratch.store, TOV_TYPE_THEME), ==, 0);

  g_clear_error (&error);
  project = g_object_new (TOV_TYPE_PROJECT, "title", "Lektiecafé", NULL);
  g_assert_true (tov_store_save (scratch.store, project, &error));
  g_assert_no_error (error);
  stmt = tov_store_prepare (scratch.store, "SELECT count(*) FROM search_index WHERE record_id = ?", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, tov_record_get_id (project), -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_reset (stmt);

  g_clear_object (&project);
  scratch_close (&scratch);
}

static void
test_new_file_case (gconstpointer data)
{
  const DocumentCase *c = data;
  g_autoptr(GString) document = case_document (c);

  assert_refused_into_new_file (document->str, document->len, c->code, c->path, c->words);
}

/* Documents that read, but that the store refuses: in a new file they
 * are refused with the words that saving every record gives.
 */
static void
test_new_file_refused_by_store (void)
{
  static const struct
  {
    const char *from;
    const char *to;
  } cases[] = {
    /* The line's decision is the other project's. */
    { "\"budget_lines\": [{\"id\": \"60000000-0000-4000-8000-000000000001\","
      " \"project_id\": \"30000000-0000-4000-8000-000000000001\"",
      "\"budget_lines\": [{\"id\": \"60000000-0000-4000-8000-000000000001\","
      " \"project_id\": \"30000000-0000-4000-8000-000000000002\"" },
    /* A status of nothing. */
    { "\"budget_lines\": [",
      "\"status_updates\": [{\"id\": \"70000000-0000-4000-8000-000000000001\","
      " \"project_id\": null, \"date\": \"2020-03-01\", \"text\": \"Godt i gang\"}],\n  \"budget_lines\": [" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) document = g_string_new (base_document);
      Scratch saved = { 0, };
      g_autoptr(GError) error = NULL;

      g_assert_cmpuint (g_string_replace (document, cases[i].from, cases[i].to, 1), ==, 1);
      scratch_open (&saved);
      g_assert_false (save_every_record (saved.store, document->str, document->len, &error));
      g_assert_nonnull (error);
      assert_refused_into_new_file (document->str, document->len, error->code, error->message, error->message);
      scratch_close (&saved);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/round-trip", test_round_trip);
  g_test_add_func ("/json/canonical-form", test_canonical_form);
  g_test_add_func ("/json/export-to-file", test_export_to_file);
  g_test_add_func ("/json/export-runs-out-of-room", test_export_runs_out_of_room);
  g_test_add_func ("/json/export-escapes", test_export_escapes);
  g_test_add_func ("/json/read", test_read);
  g_test_add_func ("/json/read-utf8", test_read_utf8);
  for (guint i = 0; i < G_N_ELEMENTS (document_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json/document/%s/%s",
                                               document_cases[i].path ? "refused" : "imported",
                                               document_cases[i].name);

      g_test_add_data_func (path, &document_cases[i], test_document_case);
    }
  g_test_add_func ("/json/new-file/demo", test_new_file_demo);
  g_test_add_func ("/json/new-file/generated", test_new_file_generated);
  g_test_add_func ("/json/new-file/refused-by-store", test_new_file_refused_by_store);
  for (guint i = 0; i < G_N_ELEMENTS (document_cases); i++)
    {
      g_autofree char *path = NULL;

      /* Those that are refused for what the demo holds, or imported. */
      if (document_cases[i].path == NULL || document_cases[i].store_only)
        continue;
      path = g_strdup_printf ("/json/new-file/refused/%s", document_cases[i].name);
      g_test_add_data_func (path, &document_cases[i], test_new_file_case);
    }

  return g_test_run ();
}
