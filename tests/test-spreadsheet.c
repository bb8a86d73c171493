/* test-spreadsheet.c: the budget lines as CSV and XLSX files.
 *
 * The CSV file is checked byte for byte. The XLSX file is opened as the
 * zip archive it is, with GIO's raw deflate, and its parts are looked
 * into; tests/check-spreadsheets.py has LibreOffice read both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tov-records.h"
#include "tov-spreadsheet.h"
#include "tov-store-private.h"

typedef struct
{
  char *dir;
  TovStore *store;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_assert_cmpint (g_unlink (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static TovRecord *
save (TovStore  *store,
      TovRecord *record)
{
  g_autoptr(GError) error = NULL;

  tov_store_save (store, record, &error);
  g_assert_no_error (error);
  return record;
}

static TovRecord *
add_line (TovStore      *store,
          TovRecord     *project,
          TovRecord     *decision,
          TovRecord     *source,
          TovBudgetKind  kind,
          int            year,
          gint64         ore,
          const char    *note)
{
  return save (store, g_object_new (TOV_TYPE_BUDGET_LINE,
                                    "project-id", tov_record_get_id (project),
                                    "decision-id", decision != NULL ? tov_record_get_id (decision) : NULL,
                                    "funding-source-id", tov_record_get_id (source),
                                    "kind", kind, "year", (gint64) year, "amount-ore", ore,
                                    "note", note, NULL));
}

/* Two projects, entered out of order, with decisions whose numbers sort
 * as numbers ("4.2" before "4.10") and a line without a decision.
 */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(TovRecord) fourth = NULL;
  g_autoptr(TovRecord) second = NULL;
  g_autoptr(TovRecord) d42 = NULL;
  g_autoptr(TovRecord) d410 = NULL;
  g_autoptr(TovRecord) d21 = NULL;
  g_autoptr(TovRecord) pool = NULL;
  g_autoptr(TovRecord) budget = NULL;
  TovRecord *lines[7];

  fixture->dir = g_dir_make_tmp ("tov-spreadsheet-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "portfolio.tovholder", NULL);
  fixture->store = tov_store_open (path, &error);
  g_assert_no_error (error);

  if (data == NULL)
    return;

  fourth = save (fixture->store, g_object_new (TOV_TYPE_PROJECT, "number", (gint64) 4,
                                               "title", "Invester før det sker", NULL));
  second = save (fixture->store, g_object_new (TOV_TYPE_PROJECT, "number", (gint64) 2,
                                               "title", "Rammer for netværk; dialog", NULL));
  d410 = save (fixture->store, g_object_new (TOV_TYPE_DECISION, "number", "4.10", "text", "Evaluering",
                                             "project-id", tov_record_get_id (fourth), NULL));
  d42 = save (fixture->store, g_object_new (TOV_TYPE_DECISION, "number", "4.2", "text", "Forsøget indledes",
                                            "project-id", tov_record_get_id (fourth), NULL));
  d21 = save (fixture->store, g_object_new (TOV_TYPE_DECISION, "number", "2.1", "text", "Pilotprojekt",
                                            "project-id", tov_record_get_id (second), NULL));
  pool = save (fixture->store, g_object_new (TOV_TYPE_FUNDING_SOURCE, "name", "Velfærdsfornyelsespuljen", NULL));
  budget = save (fixture->store, g_object_new (TOV_TYPE_FUNDING_SOURCE, "name", "Kommende budgetlægning",
                                               "kind", TOV_FUNDING_KIND_DEPARTMENT_BUDGET, NULL));

  lines[0] = add_line (fixture->store, fourth, NULL, pool, TOV_BUDGET_KIND_ADMINISTRATIVE_GRANT, 2015,
                       6000000, "Administrativt bevilget");
  lines[1] = add_line (fixture->store, fourth, d410, budget, TOV_BUDGET_KIND_BUDGET_PROPOSAL, 2017,
                       25000000, "");
  lines[2] = add_line (fixture->store, fourth, d42, budget, TOV_BUDGET_KIND_EXPECTED_GAIN, 2019,
                       330000050, "0,7 mio. kr. stigende til 3,3 mio. kr.");
  lines[3] = add_line (fixture->store, fourth, d42, pool, TOV_BUDGET_KIND_GRANT, 2015,
                       100000000, "Forsøg; \"intensiv\" indsats\nfor børnefamilier");
  lines[4] = add_line (fixture->store, second, d21, pool, TOV_BUDGET_KIND_GRANT, 2015, 5, "Øre");
  lines[5] = add_line (fixture->store, second, NULL, pool, TOV_BUDGET_KIND_GRANT, 0, 0, "Uden år");
  lines[6] = add_line (fixture->store, second, d21, pool, TOV_BUDGET_KIND_GRANT, 2016, 0, "=SUM(1;2)");
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    g_object_unref (lines[i]);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

/* The directory holds @name and nothing else beside the portfolio: no
 * temporary file is left behind.
 */
static void
assert_only_file (Fixture    *fixture,
                  const char *name)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *entry;

  while ((entry = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_prefix (entry, "portfolio.tovholder"))
      g_assert_cmpstr (entry, ==, name);
}

static void
test_csv_bytes (Fixture       *fixture,
                gconstpointer  data)
{
  static const char expected[] =
    "\xEF\xBB\xBF"
    "Projekt;Indstilling;Finansieringskilde;Type;År;Beløb (kr.);Note\r\n"
    "\"2. Rammer for netværk; dialog\";2.1;Velfærdsfornyelsespuljen;Bevilling;2015;0,05;Øre\r\n"
    "\"2. Rammer for netværk; dialog\";2.1;Velfærdsfornyelsespuljen;Bevilling;2016;0,00;\"'=SUM(1;2)\"\r\n"
    "\"2. Rammer for netværk; dialog\";;Velfærdsfornyelsespuljen;Bevilling;;0,00;Uden år\r\n"
    "4. Invester før det sker;4.2;Velfærdsfornyelsespuljen;Bevilling;2015;1000000,00;"
    "\"Forsøg; \"\"intensiv\"\" indsats\nfor børnefamilier\"\r\n"
    "4. Invester før det sker;4.2;Kommende budgetlægning;Økonomisk gevinst;2019;3300000,50;"
    "0,7 mio. kr. stigende til 3,3 mio. kr.\r\n"
    "4. Invester før det sker;4.10;Kommende budgetlægning;Budgetforslag;2017;250000,00;\r\n"
    "4. Invester før det sker;;Velfærdsfornyelsespuljen;Administrativt bevilget;2015;60000,00;"
    "Administrativt bevilget\r\n";
  g_autofree char *path = g_build_filename (fixture->dir, "budget.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (tov_spreadsheet_write_csv (fixture->store, path, &error));
  g_assert_no_error (error);

  contents = read_file (path, &length);
  g_assert_cmpmem (contents, length, expected, sizeof expected - 1);
  assert_only_file (fixture, "budget.csv");
}

static void
test_csv_empty (Fixture       *fixture,
                gconstpointer  data)
{
  static const char expected[] =
    "\xEF\xBB\xBFProjekt;Indstilling;Finansieringskilde;Type;År;Beløb (kr.);Note\r\n";
  g_autofree char *path = g_build_filename (fixture->dir, "budget.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (tov_spreadsheet_write_csv (fixture->store, path, &error));
  g_assert_no_error (error);
  contents = read_file (path, &length);
  g_assert_cmpmem (contents, length, expected, sizeof expected - 1);
}

/* A file that exists is replaced whole; one that cannot be written is
 * reported, and nothing is left behind.
 */
static void
test_replace (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "budget.xlsx", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no such folder", "budget.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (tov_spreadsheet_write_xlsx (fixture->store, path, &error));
  g_assert_no_error (error);
  contents = read_file (path, &length);
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (contents, 4, "PK\x03\x04", 4);
  assert_only_file (fixture, "budget.xlsx");

  g_assert_false (tov_spreadsheet_write_csv (fixture->store, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "budget.csv"));
  g_clear_error (&error);
  g_assert_false (tov_spreadsheet_write_xlsx (fixture->store, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  assert_only_file (fixture, "budget.xlsx");
}

/* Zip archives -------------------------------------------------------- */

static guint
le16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static guint32
le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

/* The parts of the zip archive in @data, by name, each inflated: reads the
 * central directory that the end record points to, as unzip does.
 */
static GHashTable *
unzip (const guint8 *data,
       gsize         length)
{
  g_autoptr(GHashTable) parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  const guint8 *end = NULL;
  const guint8 *entry;
  guint n_entries;

  g_assert_cmpuint (length, >=, 22);
  for (gsize i = length - 22; end == NULL; i--)
    {
      if (le32 (data + i) == 0x06054b50)
        end = data + i;
      g_assert_cmpuint (i, >, 0);
    }

  n_entries = le16 (end + 10);
  g_assert_cmpuint (le32 (end + 16) + le32 (end + 12), <=, length);
  entry = data + le32 (end + 16);

  for (guint i = 0; i < n_entries; i++)
    {
      guint method = le16 (entry + 10);
      gsize compressed = le32 (entry + 20);
      gsize size = le32 (entry + 24);
      guint name_length = le16 (entry + 28);
      const guint8 *local = data + le32 (entry + 42);
      const guint8 *payload;
      char *name;
      GBytes *bytes;

      g_assert_cmpuint (le32 (entry), ==, 0x02014b50);
      g_assert_cmpuint (le32 (local), ==, 0x04034b50);
      payload = local + 30 + le16 (local + 26) + le16 (local + 28);
      g_assert_cmpuint (payload + compressed - data, <=, length);
      name = g_strndup ((const char *) entry + 46, name_length);

      if (method == 0)
        {
          bytes = g_bytes_new (payload, compressed);
        }
      else
        {
          g_autoptr(GZlibDecompressor) inflater = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW);
          g_autoptr(GInputStream) raw = g_memory_input_stream_new_from_data (payload, compressed, NULL);
          g_autoptr(GInputStream) in = g_converter_input_stream_new (raw, G_CONVERTER (inflater));
          g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
          g_autoptr(GError) error = NULL;

          g_assert_cmpuint (method, ==, 8);
          g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
          g_assert_no_error (error);
          bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
        }
      g_assert_cmpuint (g_bytes_get_size (bytes), ==, size);
      g_hash_table_insert (parts, name, bytes);

      entry += 46 + name_length + le16 (entry + 30) + le16 (entry + 32);
    }

  return g_steal_pointer (&parts);
}

/* Whether the part @name of the archive holds @needle. */
static gboolean
part_contains (GHashTable *parts,
               const char *name,
               const char *needle)
{
  GBytes *bytes = g_hash_table_lookup (parts, name);
  g_autofree char *text = NULL;
  gsize size;
  const char *data;

  if (bytes == NULL)
    g_error ("the workbook has no %s", name);
  data = g_bytes_get_data (bytes, &size);
  text = g_strndup (data, size);
  return strstr (text, needle) != NULL;
}

static void
test_xlsx_parts (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "budget.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) parts = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (tov_spreadsheet_write_xlsx (fixture->store, path, &error));
  g_assert_no_error (error);
  assert_only_file (fixture, "budget.xlsx");

  contents = read_file (path, &length);
  parts = unzip ((const guint8 *) contents, length);

  g_assert_true (g_hash_table_contains (parts, "[Content_Types].xml"));
  g_assert_true (g_hash_table_contains (parts, "xl/workbook.xml"));
  g_assert_true (g_hash_table_contains (parts, "xl/worksheets/sheet1.xml"));
  g_assert_true (g_hash_table_contains (parts, "xl/worksheets/sheet2.xml"));
  g_assert_false (g_hash_table_contains (parts, "xl/worksheets/sheet3.xml"));

  g_assert_true (part_contains (parts, "xl/workbook.xml", "<sheet name=\"Budgetlinjer\" sheetId=\"1\""));
  g_assert_true (part_contains (parts, "xl/workbook.xml", "<sheet name=\"Totaler\" sheetId=\"2\""));
  g_assert_true (part_contains (parts, "xl/styles.xml", "formatCode=\"#,##0.00 &quot;kr.&quot;\""));

  /* Amounts and years are numbers; the texts are inline strings, with the
   * note's line break kept. */
  g_assert_true (part_contains (parts, "xl/worksheets/sheet1.xml", "<v>1000000</v>"));
  g_assert_true (part_contains (parts, "xl/worksheets/sheet1.xml", "<v>3300000.5</v>"));
  g_assert_true (part_contains (parts, "xl/worksheets/sheet1.xml", "<v>0.05</v>"));
  g_assert_true (part_contains (parts, "xl/worksheets/sheet1.xml", "<v>2019</v>"));
  g_assert_true (part_contains (parts, "xl/worksheets/sheet1.xml", "Økonomisk gevinst"));
  g_assert_true (part_contains (parts, "xl/worksheets/sheet1.xml",
                                "<t>Forsøg; \"intensiv\" indsats\nfor børnefamilier</t>"));
  g_assert_true (part_contains (parts, "xl/worksheets/sheet1.xml", "<autoFilter ref=\"A1:G8\"/>"));

  /* Totals per funding source and kind, and their sum. */
  g_assert_true (part_contains (parts, "xl/worksheets/sheet2.xml", "Administrativt bevilget"));
  g_assert_true (part_contains (parts, "xl/worksheets/sheet2.xml", "<v>1000000.05</v>"));
  g_assert_true (part_contains (parts, "xl/worksheets/sheet2.xml", "<f>SUM(D2:D5)</f><v>4610000.55</v>"));
}

/* Notes that XML cannot carry as they are: control characters, bytes that
 * are not UTF-8 (put into the file by another program), and one longer
 * than a cell holds.
 */
static void
test_xlsx_hostile_text (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "budget.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) parts = NULL;
  g_autoptr(TovRecord) project = NULL;
  g_autoptr(TovRecord) pool = NULL;
  g_autoptr(TovRecord) first = NULL;
  g_autoptr(TovRecord) second = NULL;
  g_autoptr(TovRecord) third = NULL;
  g_autoptr(GString) long_note = g_string_new (NULL);
  g_autofree char *csv_path = g_build_filename (fixture->dir, "budget.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *expected = NULL;
  sqlite3_stmt *stmt;
  gsize length;

  for (guint i = 0; i < 20000; i++)
    g_string_append (long_note, "æø");

  project = save (fixture->store, g_object_new (TOV_TYPE_PROJECT, "number", (gint64) 1,
                                                "title", "<Demokratisk> & laboratorium", NULL));
  pool = save (fixture->store, g_object_new (TOV_TYPE_FUNDING_SOURCE, "name", "Velfærdspuljen", NULL));
  first = add_line (fixture->store, project, NULL, pool, TOV_BUDGET_KIND_GRANT, 2015, 100,
                    "bell\x07 and escape\x1b");
  second = add_line (fixture->store, project, NULL, pool, TOV_BUDGET_KIND_GRANT, 2016, 100, long_note->str);
  third = add_line (fixture->store, project, NULL, pool, TOV_BUDGET_KIND_GRANT, 2017, 100, "");
  stmt = tov_store_prepare (fixture->store, "UPDATE budget_line SET note = CAST (x'41ff42c3' AS TEXT) WHERE id = ?", NULL);
  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, tov_record_get_id (third), -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);

  g_assert_true (tov_spreadsheet_write_xlsx (fixture->store, path, &error));
  g_assert_no_error (error);
  contents = read_file (path, &length);
  parts = unzip ((const guint8 *) contents, length);

  g_assert_true (part_contains (parts, "xl/worksheets/sheet1.xml", "1. &lt;Demokratisk&gt; &amp; laboratorium"));
  g_assert_true (part_contains (parts, "xl/worksheets/sheet1.xml", "bell_x0007_ and escape_x001B_"));
  g_assert_true (part_contains (parts, "xl/worksheets/sheet1.xml", "<t>A\xEF\xBF\xBD" "B\xEF\xBF\xBD</t>"));
  /* Cut to the 32,767 characters of a cell, between characters. */
  g_string_truncate (long_note, 32767 / 2 * 4 + 2);
  expected = g_strdup_printf (">%s</t>", long_note->str);
  g_assert_true (part_contains (parts, "xl/worksheets/sheet1.xml", expected));

  g_assert_true (tov_spreadsheet_write_csv (fixture->store, csv_path, &error));
  g_assert_no_error (error);
  csv = read_file (csv_path, &length);
  g_assert_true (g_utf8_validate (csv, length, NULL));
  g_assert_nonnull (strstr (csv, ";A\xEF\xBF\xBD" "B\xEF\xBF\xBD\r\n"));
  g_assert_nonnull (strstr (csv, ";bell\x07 and escape\x1b\r\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/spreadsheet/csv/bytes", Fixture, "lines", fixture_set_up, test_csv_bytes, fixture_tear_down);
  g_test_add ("/spreadsheet/csv/empty", Fixture, NULL, fixture_set_up, test_csv_empty, fixture_tear_down);
  g_test_add ("/spreadsheet/replace", Fixture, "lines", fixture_set_up, test_replace, fixture_tear_down);
  g_test_add ("/spreadsheet/xlsx/parts", Fixture, "lines", fixture_set_up, test_xlsx_parts, fixture_tear_down);
  g_test_add ("/spreadsheet/xlsx/hostile-text", Fixture, NULL, fixture_set_up, test_xlsx_hostile_text,
              fixture_tear_down);

  return g_test_run ();
}
