/* fuzz-json.c: the JSON importer against hostile documents.
 *
 * Each input is read with tov_json_read() and imported with
 * tov_json_import() into a portfolio that holds the demo, and into a new
 * portfolio, which an import writes rows into without the store. Besides
 * what AddressSanitizer and UndefinedBehaviorSanitizer catch, an input
 * fails when
 *
 *  - a function says it failed without an error, or succeeded with one;
 *  - an error or warning is not valid UTF-8, or holds a control character
 *    (a line break, or an escape that a terminal would obey), which the
 *    CLI would print as it is;
 *  - a failed import changed the portfolio (its JSON export differs);
 *  - a portfolio after a successful import exports a document that
 *    tov_json_read() refuses;
 *  - the new portfolio imports a document that tov_json_read() refuses,
 *    or refuses one for another reason, or imports another number of
 *    records than it reads;
 *  - GLib logs a warning or a critical.
 *
 * A failure prints what went wrong and aborts, which libFuzzer catches and
 * saves the input for. TOV_FUZZ_ALLOW_CONTROL=1 in the environment lets
 * messages hold control characters, to fuzz on past that finding.
 *
 * Built with -fsanitize=fuzzer this is a libFuzzer target (`make fuzz`).
 * Built with TOV_FUZZ_REPLAY it is a test instead: its main() feeds every
 * file of the directories and files it is given, then a few large inputs
 * (up to 100 MB) that are made here rather than kept in git, and prints
 * TAP; --no-huge leaves those out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tov-demo.h"
#include "tov-error.h"
#include "tov-json.h"
#include "tov-records.h"
#include "tov-store-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

typedef struct
{
  char *dir;
  char *path;            /* the portfolio that inputs are imported into */
  GBytes *demo_file;     /* its file as it is before any import */
  char *baseline;        /* its JSON export before any import */
  gsize baseline_length;
  TovStore *store;

  char *new_path;        /* a new portfolio, with no records */
  GBytes *new_file;
  char *new_baseline;
  gsize new_baseline_length;
  TovStore *new_store;
} Harness;

static Harness harness;

static void G_GNUC_NORETURN G_GNUC_PRINTF (1, 2)
finding (const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  fprintf (stderr, "fuzz-json: ");
  vfprintf (stderr, format, args);
  fprintf (stderr, "\n");
  va_end (args);
  fflush (stderr);
  /* Not g_error(): its breakpoint trap is no signal that libFuzzer handles. */
  abort ();
}

static GLogWriterOutput
write_log (GLogLevelFlags   log_level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         user_data)
{
  GLogWriterOutput output = g_log_writer_default (log_level, fields, n_fields, user_data);

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    finding ("GLib logged a warning or worse");
  return output;
}

static void
remove_portfolio_files (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

static void
harness_clean_up (void)
{
  g_clear_object (&harness.store);
  g_clear_object (&harness.new_store);
  if (harness.path != NULL)
    remove_portfolio_files (harness.path);
  if (harness.new_path != NULL)
    remove_portfolio_files (harness.new_path);
  if (harness.dir != NULL)
    g_rmdir (harness.dir);
}

/* Puts a portfolio back as it was before any import: @file. */
static void
reset_portfolio (TovStore   **store,
                 const char  *path,
                 GBytes      *file)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (store);
  remove_portfolio_files (path);
  if (!g_file_set_contents (path, g_bytes_get_data (file, NULL), g_bytes_get_size (file), &error))
    finding ("cannot restore the portfolio: %s", error->message);
  *store = tov_store_open (path, &error);
  if (*store == NULL)
    finding ("cannot reopen the portfolio: %s", error->message);
}

static void
harness_reset (void)
{
  reset_portfolio (&harness.store, harness.path, harness.demo_file);
}

static void
harness_reset_new (void)
{
  reset_portfolio (&harness.new_store, harness.new_path, harness.new_file);
}

static void
harness_init (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (harness.dir != NULL)
    return;

  /* A GLib warning or critical is a finding too. */
  g_log_set_writer_func (write_log, NULL, NULL);

  harness.dir = g_dir_make_tmp ("tov-fuzz-json-XXXXXX", &error);
  if (harness.dir == NULL)
    g_error ("%s", error->message);
  harness.path = g_build_filename (harness.dir, "portfolio.tovholder", NULL);
  atexit (harness_clean_up);

  harness.store = tov_store_open (harness.path, &error);
  if (harness.store == NULL || !tov_demo_load (harness.store, &error))
    g_error ("cannot make the demo portfolio: %s", error->message);
  /* Closing the last connection folds the WAL into the file. */
  g_clear_object (&harness.store);
  if (!g_file_get_contents (harness.path, &contents, &length, &error))
    g_error ("%s", error->message);
  harness.demo_file = g_bytes_new_take (g_steal_pointer (&contents), length);

  harness_reset ();
  harness.baseline = tov_json_export (harness.store, &harness.baseline_length, &error);
  if (harness.baseline == NULL)
    g_error ("cannot export the demo portfolio: %s", error->message);

  harness.new_path = g_build_filename (harness.dir, "new.tovholder", NULL);
  harness.new_store = tov_store_open (harness.new_path, &error);
  if (harness.new_store == NULL)
    g_error ("cannot make a new portfolio: %s", error->message);
  g_clear_object (&harness.new_store);
  if (!g_file_get_contents (harness.new_path, &contents, &length, &error))
    g_error ("%s", error->message);
  harness.new_file = g_bytes_new_take (g_steal_pointer (&contents), length);

  harness_reset_new ();
  harness.new_baseline = tov_json_export (harness.new_store, &harness.new_baseline_length, &error);
  if (harness.new_baseline == NULL)
    g_error ("cannot export the new portfolio: %s", error->message);
}

static void
check_message (const char *what,
               const char *message)
{
  static int allow_control = -1;

  if (allow_control < 0)
    allow_control = g_strcmp0 (g_getenv ("TOV_FUZZ_ALLOW_CONTROL"), "1") == 0;

  if (message == NULL || *message == '\0')
    finding ("%s is empty", what);
  if (!g_utf8_validate (message, -1, NULL))
    finding ("%s is not valid UTF-8", what);
  for (const char *p = message; !allow_control && *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_autofree char *escaped = g_strescape (message, NULL);

        finding ("%s holds the control character U+%04X: %s", what, g_utf8_get_char (p), escaped);
      }
}

static void
check_outcome (const char   *function,
               gboolean      succeeded,
               const GError *error,
               GPtrArray    *warnings)
{
  if (succeeded && error != NULL)
    finding ("%s succeeded with an error: %s", function, error->message);
  if (!succeeded && error == NULL)
    finding ("%s failed without an error", function);
  if (error != NULL)
    {
      if (error->domain != TOV_ERROR && error->domain != G_IO_ERROR)
        finding ("%s failed in the domain %s: %s", function, g_quark_to_string (error->domain), error->message);
      check_message ("an error", error->message);
    }
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    check_message ("a warning", g_ptr_array_index (warnings, i));
}

/* How many rows the connection has written, rolled back or not. */
static gint64
total_changes (void)
{
  sqlite3_stmt *stmt = tov_store_prepare (harness.store, "SELECT total_changes ()", NULL);
  gint64 changes;

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    finding ("cannot count the changes of the portfolio");
  changes = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return changes;
}

static char *
export (TovStore *store,
        gsize    *length)
{
  g_autoptr(GError) error = NULL;
  char *document = tov_json_export (store, length, &error);

  if (document == NULL)
    finding ("the portfolio cannot be exported: %s", error->message);
  return document;
}

/* The JSON path an error message starts with, "projects[3].title". */
static char *
error_path (const GError *error)
{
  const char *colon = strstr (error->message, ": ");

  return g_strndup (error->message, colon != NULL ? colon - error->message : 0);
}

/* Imports the input into a new portfolio, which has nothing a document
 * can refer to: it imports what tov_json_read() reads (@records), unless
 * the store refuses the records, and refuses the rest for the same
 * reason.
 */
static void
import_into_new (const char   *text,
                 size_t        size,
                 GPtrArray    *records,
                 const GError *read_error)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  TovImportCounts counts = { 0, };
  gboolean imported;
  gsize after_length;

  imported = tov_json_import (harness.new_store, text, size, &counts, &warnings, &error);
  check_outcome ("tov_json_import into a new portfolio", imported, error, warnings);

#ifdef TOV_FUZZ_REPLAY
  g_print ("# import into a new portfolio: %s\n", imported ? "ok" : error->message);
#endif

  if (imported && records == NULL)
    finding ("a new portfolio imported a document that does not read: %s", read_error->message);
  if (!imported && records == NULL)
    {
      g_autofree char *path = error_path (error);
      g_autofree char *read_path = error_path (read_error);

      if (error->domain != read_error->domain || error->code != read_error->code || g_strcmp0 (path, read_path) != 0)
        finding ("a new portfolio refused a document as \"%s\" where reading it says \"%s\"",
                 error->message, read_error->message);
    }

  after = export (harness.new_store, &after_length);
  if (!imported)
    {
      if (after_length != harness.new_baseline_length || memcmp (after, harness.new_baseline, after_length) != 0)
        finding ("a failed import changed the new portfolio (%s)", error->message);
      return;
    }

  {
    g_autoptr(GPtrArray) again = NULL;
    g_autoptr(GError) again_error = NULL;
    /* A document without a portfolio record leaves the new file's. */
    gboolean has_portfolio = records->len > 0 && TOV_IS_PORTFOLIO (g_ptr_array_index (records, 0));

    if (counts.inserted + counts.updated != records->len)
      finding ("%u records read but %u imported into a new portfolio", records->len,
               counts.inserted + counts.updated);
    again = tov_json_read (after, after_length, NULL, &again_error);
    if (again == NULL)
      finding ("the export after an import into a new portfolio does not read: %s", again_error->message);
    if (again->len != records->len + (has_portfolio ? 0 : 1))
      finding ("%u records read but %u exported from a new portfolio", records->len, again->len);
  }
  harness_reset_new ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) import_warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) import_error = NULL;
  g_autofree char *after = NULL;
  TovImportCounts counts = { 0, };
  gboolean imported;
  gint64 changes;
  gsize after_length;

  harness_init ();

  records = tov_json_read (text, size, &warnings, &error);
  check_outcome ("tov_json_read", records != NULL, error, warnings);

  import_into_new (text, size, records, error);

  /* Every input is imported: one that names records of the demo reads
   * badly on its own but may import. */
  changes = total_changes ();
  imported = tov_json_import (harness.store, text, size, &counts, &import_warnings, &import_error);
  check_outcome ("tov_json_import", imported, import_error, import_warnings);

#ifdef TOV_FUZZ_REPLAY
  g_print ("# read: %s; import: %s\n", records != NULL ? "ok" : error->message,
           imported ? "ok" : import_error->message);
#endif

  /* Most documents fail before a row is written; only when rows were
   * written (and rolled back) is the whole portfolio compared. */
  if (!imported && total_changes () == changes)
    return 0;

  after = export (harness.store, &after_length);
  if (!imported)
    {
#ifdef TOV_FUZZ_REPLAY
      g_print ("# rows were written and rolled back: the portfolio is compared\n");
#endif
      if (after_length != harness.baseline_length || memcmp (after, harness.baseline, after_length) != 0)
        finding ("a failed import changed the portfolio (%s)", import_error->message);
      return 0;
    }

  /* What was imported exports as a document that reads. */
  {
    g_autoptr(GPtrArray) again = NULL;
    g_autoptr(GError) again_error = NULL;

    if (records != NULL && counts.inserted + counts.updated != records->len)
      finding ("%u records read but %u imported", records->len, counts.inserted + counts.updated);
    again = tov_json_read (after, after_length, NULL, &again_error);
    if (again == NULL)
      finding ("the export after an import does not read: %s", again_error->message);
  }

  if (counts.inserted + counts.updated > 0 ||
      after_length != harness.baseline_length || memcmp (after, harness.baseline, after_length) != 0)
    harness_reset ();
  return 0;
}

#ifdef TOV_FUZZ_REPLAY

static int n_tests;

static void
replay (const char *name,
        const char *data,
        gsize       length)
{
  gint64 start = g_get_monotonic_time ();

  LLVMFuzzerTestOneInput ((const uint8_t *) data, length);
  /* A failure aborts above, with the input's name on stdout already. */
  g_print ("ok %d %s (%" G_GSIZE_FORMAT " bytes, %.2f s)\n", ++n_tests, name, length,
           (g_get_monotonic_time () - start) / 1e6);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char **) a, *(char **) b);
}

static void
replay_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        g_error ("%s", error->message);
      while ((name = g_dir_read_name (dir)) != NULL)
        if (name[0] != '.')
          g_ptr_array_add (names, g_build_filename (path, name, NULL));
      g_ptr_array_sort (names, compare_names);
      for (guint i = 0; i < names->len; i++)
        replay_path (g_ptr_array_index (names, i));
      return;
    }

  if (!g_file_get_contents (path, &data, &length, &error))
    g_error ("%s", error->message);
  g_print ("# %s\n", path);
  replay (path, data, length);
}

#define HUGE_SIZE ((gsize) 100 * 1000 * 1000)
#define DENSE_SIZE ((gsize) 10 * 1000 * 1000)

static const char huge_header[] = "{\"format\":\"tovholder-portfolio\",\"version\":1,";

static const char huge_theme[] =
  "\"themes\":[{\"id\":\"6f1f3c1e-6f0b-4b7c-9d51-3a8e1f0c2b11\","
  "\"created\":\"2015-04-15T00:00:00Z\",\"updated\":\"2015-04-15T00:00:00Z\","
  "\"number\":7,\"title\":\"Tema 7\",\"description\":\"\"}]}";

/* A valid document with @size bytes of @value, repeated, in an array
 * under an unknown key.
 */
static void
replay_padded (const char *name,
               gsize       size,
               const char *value)
{
  g_autoptr(GString) doc = g_string_sized_new (size + 1024);

  g_string_append (doc, huge_header);
  g_string_append (doc, "\"padding\":[0");
  while (doc->len < size)
    {
      g_string_append_c (doc, ',');
      g_string_append (doc, value);
    }
  g_string_append (doc, "],");
  g_string_append (doc, huge_theme);
  replay (name, doc->str, doc->len);
}

/* Inputs too large for git: 100 MB of long strings under an unknown key, a
 * 100 MB description, and 100 MB of brackets. A document dense with small
 * values is 10 MB: a reader that builds a tree of it takes some 30 bytes
 * of memory per byte of input, 70 under AddressSanitizer.
 */
static void
replay_huge (void)
{
  g_autoptr(GString) doc = g_string_sized_new (HUGE_SIZE + 1024);
  g_autoptr(GString) value = g_string_new ("\"");

  while (value->len < 1000 * 1000)
    g_string_append (value, "Velfærd for ældre og børn \\u00e6\\u00f8\\u00e5 \\\" ");
  g_string_append_c (value, '"');
  replay_padded ("generated: 100 MB of long strings under an unknown key", HUGE_SIZE, value->str);
  replay_padded ("generated: 10 MB of small values under an unknown key", DENSE_SIZE,
                 "0,-0.5,1e-7,\"æ\\n\",[],{\"a\":null},true");

  g_string_assign (doc, huge_header);
  g_string_append (doc, "\"portfolio\":{\"id\":\"0248d5c7-fc81-53e5-9a3e-30cb1429c52e\","
                   "\"created\":\"2015-04-15T00:00:00Z\",\"updated\":\"2015-04-15T00:00:00Z\","
                   "\"name\":\"Sammen om Rødovre\",\"municipality\":\"Rødovre Kommune\",\"description\":\"");
  while (doc->len < HUGE_SIZE)
    g_string_append (doc, "Velfærd for ældre og børn \\u00e6\\u00f8\\u00e5 \\\" ");
  g_string_append (doc, "\"}}");
  replay ("generated: a 100 MB string", doc->str, doc->len);

  g_string_assign (doc, huge_header);
  g_string_append (doc, "\"x\":");
  while (doc->len < HUGE_SIZE)
    g_string_append (doc, "[{\"a\":[[[[[[[[");
  replay ("generated: 100 MB of nesting", doc->str, doc->len);
}

int
main (int   argc,
      char *argv[])
{
  gboolean huge = TRUE;

  harness_init ();
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--no-huge"))
        huge = FALSE;
      else
        replay_path (argv[i]);
    }
  if (huge)
    replay_huge ();

  g_print ("1..%d\n", n_tests);
  return 0;
}

#endif
