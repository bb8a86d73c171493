/* main.c: tovholder-cli, the command-line companion.
 *
 * Exit status: 0 on success, 1 on a user error (one line on stderr that
 * says what to fix), 2 on a usage error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "tov-date.h"
#include "tov-demo.h"
#include "tov-generate.h"
#include "tov-json.h"
#include "tov-query-model.h"
#include "tov-records.h"
#include "tov-report.h"
#include "tov-search.h"
#include "tov-spreadsheet.h"
#include "tov-store-private.h"

#define EXIT_USER_ERROR 1
#define EXIT_USAGE 2

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char *name;
  const char *arguments;
  const char *summary;
  CommandFunc func;
} Command;

static int
fail (const GError *error)
{
  g_printerr ("tovholder-cli: %s\n", error->message);
  return EXIT_USER_ERROR;
}

static int
usage (GOptionContext *context,
       const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  if (message != NULL)
    g_printerr ("tovholder-cli: %s\n\n", message);
  g_printerr ("%s", help);
  return EXIT_USAGE;
}

/* Parses a command's options; returns -1 when the command may go on. */
static int
parse (GOptionContext *context,
       int            *argc,
       char         ***argv,
       int             n_args)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    return usage (context, error->message);
  if (*argc - 1 != n_args)
    return usage (context, _("Wrong number of arguments."));
  return -1;
}

/* Opens the portfolio FILE names; a missing file is an error, not a new
 * empty portfolio. Says what is wrong on stderr when it returns NULL.
 */
static TovStore *
open_portfolio (const char *path)
{
  g_autoptr(GError) error = NULL;
  TovStore *store;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("tovholder-cli: %s\n", _("The file does not exist. Name a portfolio file."));
      return NULL;
    }

  store = tov_store_open (path, &error);
  if (store == NULL)
    fail (error);
  return store;
}

/* Creates a new portfolio at FILE, which must not exist yet. */
static TovStore *
create_portfolio (const char *path)
{
  g_autoptr(GError) error = NULL;
  TovStore *store;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("tovholder-cli: %s\n", _("The file exists already. Name a new file."));
      return NULL;
    }

  store = tov_store_open (path, &error);
  if (store == NULL)
    fail (error);
  return store;
}

static int
command_demo (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — write the demo portfolio to a new FILE"));
  g_autoptr(GError) error = NULL;
  g_autoptr(TovStore) store = NULL;
  int status = parse (context, &argc, &argv, 1);

  if (status >= 0)
    return status;

  store = create_portfolio (argv[1]);
  if (store == NULL)
    return EXIT_USER_ERROR;
  if (!tov_demo_load (store, &error))
    return fail (error);

  return 0;
}

static int
command_init (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — create an empty portfolio"));
  g_autofree char *name = NULL;
  g_autofree char *municipality = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The portfolio’s name"), N_("NAME") },
    { "municipality", 0, 0, G_OPTION_ARG_STRING, &municipality, N_("The municipality’s name"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TovStore) store = NULL;
  g_autoptr(TovRecord) portfolio = NULL;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = parse (context, &argc, &argv, 1);
  if (status >= 0)
    return status;

  store = create_portfolio (argv[1]);
  if (store == NULL)
    return EXIT_USER_ERROR;

  portfolio = tov_record_copy (TOV_RECORD (tov_store_get_portfolio (store)));
  if (name != NULL)
    g_object_set (portfolio, "name", name, NULL);
  if (municipality != NULL)
    g_object_set (portfolio, "municipality", municipality, NULL);
  if (!tov_store_save (store, portfolio, &error))
    return fail (error);

  return 0;
}

static void
print_counts (TovStore *store)
{
  guint n_types;
  const GType *types = tov_record_types (&n_types);

  for (guint i = 0; i < n_types; i++)
    {
      TovRecordClass *klass = g_type_class_peek (types[i]);

      g_print ("%-16s %u\n", klass->collection, tov_store_count (store, types[i]));
    }
}

static int
command_stats (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — count the records of each kind"));
  g_autoptr(TovStore) store = NULL;
  int status = parse (context, &argc, &argv, 1);

  if (status >= 0)
    return status;

  store = open_portfolio (argv[1]);
  if (store == NULL)
    return EXIT_USER_ERROR;

  print_counts (store);
  return 0;
}

static int
command_check (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — check a portfolio’s integrity"));
  g_autoptr(GError) error = NULL;
  g_autoptr(TovStore) store = NULL;
  int status = parse (context, &argc, &argv, 1);
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  if (status >= 0)
    return status;

  /* Opening runs the quick check and refuses foreign, damaged and newer files. */
  store = open_portfolio (argv[1]);
  if (store == NULL)
    return EXIT_USER_ERROR;

  stmt = tov_store_prepare (store, "PRAGMA integrity_check", &error);
  if (stmt == NULL)
    return fail (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (!g_str_equal (line, "ok"))
        {
          g_printerr ("tovholder-cli: %s\n", line);
          ok = FALSE;
        }
    }
  sqlite3_reset (stmt);

  stmt = tov_store_prepare (store, "PRAGMA user_version", &error);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_print (_("Schema version: %d\n"), sqlite3_column_int (stmt, 0));
  g_print (ok ? _("Integrity: ok\n") : _("Integrity: damaged\n"));

  if (!ok)
    return EXIT_USER_ERROR;
  print_counts (store);
  return 0;
}

static int
command_export (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — write the portfolio as JSON"));
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to OUT instead of standard output"), N_("OUT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TovStore) store = NULL;
  g_autofree char *json = NULL;
  gsize length;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = parse (context, &argc, &argv, 1);
  if (status >= 0)
    return status;

  store = open_portfolio (argv[1]);
  if (store == NULL)
    return EXIT_USER_ERROR;

  if (output != NULL)
    return tov_json_export_to_file (store, output, &error) ? 0 : fail (error);

  json = tov_json_export (store, &length, &error);
  if (json == NULL)
    return fail (error);
  fwrite (json, 1, length, stdout);

  return 0;
}

static int
command_import (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE IN.json — import a JSON portfolio into FILE"));
  g_autoptr(GError) error = NULL;
  g_autoptr(TovStore) store = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *data = NULL;
  TovImportCounts counts = { 0 };
  gsize length;
  int status = parse (context, &argc, &argv, 2);

  if (status >= 0)
    return status;

  if (!g_file_get_contents (argv[2], &data, &length, &error))
    return fail (error);

  store = open_portfolio (argv[1]);
  if (store == NULL)
    return EXIT_USER_ERROR;

  if (!tov_json_import (store, data, length, &counts, &warnings, &error))
    return fail (error);

  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    g_printerr ("tovholder-cli: %s\n", (const char *) g_ptr_array_index (warnings, i));
  g_print (_("%u records added, %u updated\n"), counts.inserted, counts.updated);

  return 0;
}

static void
list_subjects (TovStore *store)
{
  g_autoptr(TovQueryModel) plans = tov_query_model_new (store, TOV_TYPE_ACTION_PLAN);
  g_autoptr(TovQueryModel) projects = tov_query_model_new (store, TOV_TYPE_PROJECT);

  g_print ("%s\n", _("Action plans (--plan ID or TITLE):"));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (plans)); i++)
    {
      g_autoptr(TovRecord) plan = g_list_model_get_item (G_LIST_MODEL (plans), i);

      g_print ("  %s  %s\n", tov_record_get_id (plan), tov_record_get_string (plan, "title"));
    }

  g_print ("%s\n", _("Projects (--project NUMBER, TITLE or ID):"));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (projects)); i++)
    {
      g_autoptr(TovRecord) project = g_list_model_get_item (G_LIST_MODEL (projects), i);

      g_print ("  %5" G_GINT64_FORMAT "  %s\n", tov_record_get_int (project, "number"),
               tov_record_get_string (project, "title"));
    }
}

static int
command_status_sheet (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — write a status sheet as an A4 PDF"));
  g_autofree char *plan = NULL;
  g_autofree char *project = NULL;
  g_autofree char *output = NULL;
  g_autofree char *date = NULL;
  gboolean portfolio = FALSE;
  gboolean partnerships = FALSE;
  gboolean list = FALSE;
  const GOptionEntry entries[] = {
    { "plan", 0, 0, G_OPTION_ARG_STRING, &plan, N_("The sheet of an action plan, by id or title"), N_("ID") },
    { "project", 0, 0, G_OPTION_ARG_STRING, &project, N_("The sheet of a project, by number, title or id"), N_("ID") },
    { "portfolio", 0, 0, G_OPTION_ARG_NONE, &portfolio, N_("The overview of themes, projects, decisions and money"), NULL },
    { "partnerships", 0, 0, G_OPTION_ARG_NONE, &partnerships, N_("The collaboration agreements"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF to OUT"), N_("OUT.pdf") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The date printed on the sheet (default: today)"), N_("YYYY-MM-DD") },
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the action plans and projects, and write nothing"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TovStore) store = NULL;
  g_autoptr(TovRecord) subject = NULL;
  g_autoptr(TovReport) report = NULL;
  TovSheetKind kind;
  int n_sheets;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = parse (context, &argc, &argv, 1);
  if (status >= 0)
    return status;

  n_sheets = (plan != NULL) + (project != NULL) + (portfolio != FALSE) + (partnerships != FALSE);
  if (!list && n_sheets != 1)
    return usage (context, _("Choose one sheet: --plan, --project, --portfolio or --partnerships."));
  if (!list && output == NULL)
    return usage (context, _("Name the PDF to write with -o OUT.pdf."));
  if (date != NULL && !tov_date_is_valid_iso (date))
    return usage (context, _("Write the date as YYYY-MM-DD."));

  store = open_portfolio (argv[1]);
  if (store == NULL)
    return EXIT_USER_ERROR;

  if (list)
    {
      list_subjects (store);
      return 0;
    }

  if (plan != NULL || project != NULL)
    {
      kind = plan != NULL ? TOV_SHEET_ACTION_PLAN : TOV_SHEET_PROJECT;
      subject = tov_report_find_subject (store, kind, plan != NULL ? plan : project, &error);
      if (subject == NULL)
        {
          g_printerr ("tovholder-cli: %s ", error->message);
          g_printerr (_("Run “tovholder-cli status-sheet %s --list” to list them."), argv[1]);
          g_printerr ("\n");
          return EXIT_USER_ERROR;
        }
    }
  else
    {
      kind = portfolio ? TOV_SHEET_PORTFOLIO : TOV_SHEET_PARTNERSHIPS;
    }

  report = tov_report_new (store, kind, subject);
  if (date != NULL)
    tov_report_set_date (report, date);
  if (!tov_report_write_pdf (report, output, &error))
    return fail (error);

  return 0;
}

static int
command_generate (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("OUT — write a made-up portfolio of a given size, for benchmarks"));
  g_autofree char *scale_name = NULL;
  int counts[12];
  int seed = TOV_GENERATE_DEFAULT_SEED;
  const GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_STRING, &scale_name, N_("small, medium, large (the default) or huge"), N_("SCALE") },
    { "themes", 0, 0, G_OPTION_ARG_INT, &counts[0], N_("How many themes"), N_("N") },
    { "projects", 0, 0, G_OPTION_ARG_INT, &counts[1], N_("How many projects"), N_("N") },
    { "decisions", 0, 0, G_OPTION_ARG_INT, &counts[2], N_("How many decisions"), N_("N") },
    { "funding-sources", 0, 0, G_OPTION_ARG_INT, &counts[3], N_("How many funding sources"), N_("N") },
    { "budget-lines", 0, 0, G_OPTION_ARG_INT, &counts[4], N_("How many budget lines"), N_("N") },
    { "organisations", 0, 0, G_OPTION_ARG_INT, &counts[5], N_("How many organisations"), N_("N") },
    { "partnerships", 0, 0, G_OPTION_ARG_INT, &counts[6], N_("How many partnerships"), N_("N") },
    { "policies", 0, 0, G_OPTION_ARG_INT, &counts[7], N_("How many policies"), N_("N") },
    { "strategy-goals", 0, 0, G_OPTION_ARG_INT, &counts[8], N_("How many strategy goals"), N_("N") },
    { "action-plans", 0, 0, G_OPTION_ARG_INT, &counts[9], N_("How many action plans"), N_("N") },
    { "initiatives", 0, 0, G_OPTION_ARG_INT, &counts[10], N_("How many initiatives"), N_("N") },
    { "status-updates", 0, 0, G_OPTION_ARG_INT, &counts[11], N_("How many status updates"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("The random seed: the same options write the same portfolio"), N_("N") },
    { NULL }
  };
  TovGenerateScale scale = TOV_GENERATE_LARGE;
  TovGenerateOptions options;
  guint *fields[12];
  g_autoptr(GError) error = NULL;
  g_autoptr(TovStore) store = NULL;
  gint64 start;
  int status;

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    counts[i] = -1;
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = parse (context, &argc, &argv, 1);
  if (status >= 0)
    return status;
  if (scale_name != NULL && !tov_generate_scale_from_name (scale_name, &scale))
    return usage (context, _("The scale is small, medium, large or huge."));

  /* An explicit count replaces the scale's. */
  tov_generate_options_init (&options, scale);
  options.seed = (guint32) seed;
  fields[0] = &options.themes;
  fields[1] = &options.projects;
  fields[2] = &options.decisions;
  fields[3] = &options.funding_sources;
  fields[4] = &options.budget_lines;
  fields[5] = &options.organisations;
  fields[6] = &options.partnerships;
  fields[7] = &options.policies;
  fields[8] = &options.strategy_goals;
  fields[9] = &options.action_plans;
  fields[10] = &options.initiatives;
  fields[11] = &options.status_updates;
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    if (counts[i] >= 0)
      *fields[i] = counts[i];

  start = g_get_monotonic_time ();
  store = create_portfolio (argv[1]);
  if (store == NULL)
    return EXIT_USER_ERROR;
  if (!tov_generate (store, &options, &error))
    {
      g_clear_object (&store);
      for (const char *suffix = ""; suffix != NULL;
           suffix = g_str_equal (suffix, "") ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
        {
          g_autofree char *path = g_strconcat (argv[1], suffix, NULL);

          remove (path);
        }
      return fail (error);
    }

  print_counts (store);
  g_printerr (_("Written in %.1f s\n"), (g_get_monotonic_time () - start) / 1e6);
  return 0;
}

static int
command_export_budget (int    argc,
                       char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — write the budget lines as a spreadsheet"));
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("csv or xlsx (default: from the name of OUT)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the spreadsheet to OUT"), N_("OUT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TovStore) store = NULL;
  gboolean xlsx;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = parse (context, &argc, &argv, 1);
  if (status >= 0)
    return status;
  if (output == NULL)
    return usage (context, _("Name the spreadsheet to write with -o OUT.csv or -o OUT.xlsx."));
  if (format == NULL)
    {
      g_autofree char *lower = g_ascii_strdown (output, -1);

      if (g_str_has_suffix (lower, ".csv"))
        format = g_strdup ("csv");
      else if (g_str_has_suffix (lower, ".xlsx"))
        format = g_strdup ("xlsx");
      else
        return usage (context, _("Choose the format with --format csv or --format xlsx."));
    }
  if (g_ascii_strcasecmp (format, "csv") != 0 && g_ascii_strcasecmp (format, "xlsx") != 0)
    return usage (context, _("Choose the format with --format csv or --format xlsx."));
  xlsx = g_ascii_strcasecmp (format, "xlsx") == 0;

  store = open_portfolio (argv[1]);
  if (store == NULL)
    return EXIT_USER_ERROR;

  if (xlsx ? !tov_spreadsheet_write_xlsx (store, output, &error)
           : !tov_spreadsheet_write_csv (store, output, &error))
    return fail (error);

  return 0;
}

static int
command_search (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE QUERY — search the projects, decisions, initiatives, partnerships, organisations and status texts"));
  int limit = 10;
  const GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("Show at most N hits of each kind (default: 10)"), N_("N") },
    { NULL }
  };
  g_autoptr(TovStore) store = NULL;
  g_autoptr(GListModel) hits = NULL;
  GType kind = G_TYPE_INVALID;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = parse (context, &argc, &argv, 2);
  if (status >= 0)
    return status;
  if (limit < 1)
    return usage (context, _("The limit must be 1 or more."));

  store = open_portfolio (argv[1]);
  if (store == NULL)
    return EXIT_USER_ERROR;

  hits = tov_search (store, argv[2], limit);
  if (g_list_model_get_n_items (hits) == 0)
    {
      g_print (_("Nothing matched “%s”.\n"), argv[2]);
      return 0;
    }

  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    {
      g_autoptr(TovSearchHit) hit = g_list_model_get_item (hits, i);

      if (tov_search_hit_get_kind (hit) != kind)
        {
          kind = tov_search_hit_get_kind (hit);
          g_print ("%s%s\n", i > 0 ? "\n" : "", tov_search_kind_title (kind));
        }
      g_print ("  %s\n", tov_search_hit_get_title (hit));
      if (tov_search_hit_get_snippet (hit)[0] != '\0')
        g_print ("    %s\n", tov_search_hit_get_snippet (hit));
    }

  return 0;
}

static const Command commands[] = {
  { "demo", "FILE", N_("Write the demo portfolio to a new file"), command_demo },
  { "init", "FILE", N_("Create an empty portfolio"), command_init },
  { "import", "FILE IN.json", N_("Import a JSON portfolio"), command_import },
  { "export", "FILE [-o OUT.json]", N_("Export the portfolio as JSON"), command_export },
  { "check", "FILE", N_("Check integrity, schema version and counts"), command_check },
  { "stats", "FILE", N_("Count the records of each kind"), command_stats },
  { "status-sheet", "FILE SHEET -o OUT.pdf", N_("Write a status sheet as PDF (--plan, --project, --portfolio, --partnerships)"), command_status_sheet },
  { "export-budget", "FILE -o OUT.csv|.xlsx", N_("Export the budget lines as a spreadsheet for the finance office"), command_export_budget },
  { "generate", "OUT --scale SCALE", N_("Write a made-up portfolio for benchmarks (small, medium, large, huge)"), command_generate },
  { "search", "FILE QUERY", N_("Search everything: projects, decisions, initiatives, partnerships, organisations, status"), command_search },
};

static int
print_help (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: tovholder-cli COMMAND [OPTIONS] ARGUMENTS"));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-13s %-22s %s\n", commands[i].name, commands[i].arguments, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “tovholder-cli COMMAND --help” for a command’s options."));
  return stream == stdout ? 0 : EXIT_USAGE;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    return print_help (stderr);
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    return print_help (stdout);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].func (argc - 1, argv + 1);

  g_printerr ("tovholder-cli: ");
  g_printerr (_("“%s” is not a command."), argv[1]);
  g_printerr ("\n\n");
  return print_help (stderr);
}
