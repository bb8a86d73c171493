/* tov-spreadsheet.c: the budget lines as spreadsheets for the finance office.
 *
 * The finance office works in Danish, so both formats carry fixed Danish
 * headings and labels whatever the language of the user interface, and
 * the CSV file is written the way a Danish Excel or LibreOffice reads it
 * without an import dialog: UTF-8 with a byte order mark, semicolons,
 * decimal commas and CRLF line ends.
 *
 * The lines are read straight from SQLite, one row at a time, and written
 * as they come: no record object is made per line, so a portfolio of
 * 100,000 lines is written in well under a second (CSV) or a few (XLSX).
 * Both files are written beside their target and renamed into place, so
 * that the target holds either its old contents or the whole new file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-spreadsheet"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "tov-budget-totals.h"
#include "tov-error.h"
#include "tov-enum-types.h"
#include "tov-labels.h"
#include "tov-replacement.h"
#include "tov-spreadsheet.h"
#include "tov-store-private.h"

/* What Excel holds in one cell, in characters. */
#define XLSX_MAX_CELL_CHARS 32767

#define CSV_PIECE ((gsize) 256 * 1024)

/* The columns of the lines, in order. In a CSV file the amounts are bare
 * numbers, so their heading names the unit; the workbook's show "kr.".
 */
static const char *csv_headings[] = {
  "Projekt", "Indstilling", "Finansieringskilde", "Type", "År", "Beløb (kr.)", "Note",
};

static const char *line_headings[] = {
  "Projekt", "Indstilling", "Finansieringskilde", "Type", "År", "Beløb", "Note",
};

static const char *totals_headings[] = {
  "Finansieringskilde", "Type", "Antal linjer", "Beløb",
};

/* A kind in the words of the finance office, from its nick in the database. */
static const char *
kind_label (const char *nick)
{
  GEnumClass *kinds = g_type_class_peek (TOV_TYPE_BUDGET_KIND);
  GEnumValue *kind = nick ? g_enum_get_value_by_nick (kinds, nick) : NULL;

  return kind ? tov_choice_label_danish (TOV_TYPE_BUDGET_KIND, kind->value) : "";
}

/* Lines ---------------------------------------------------------------- */

/* One budget line as SQLite returns it; the strings belong to the
 * statement and last until the next step.
 */
typedef struct
{
  gint64 project_number;
  const char *project_title;
  const char *decision;       /* NULL without a decision */
  const char *funding_source;
  const char *kind;
  int year;                   /* 0 when the line has no year */
  gint64 amount_ore;
  const char *note;
  char *repaired[4];          /* texts made valid UTF-8, for the strings above */
} Line;

/* By project number, then decision in the order "4.2" before "4.10" (as
 * TovDecision sorts them; lines without one last), then year.
 */
static const char lines_sql[] =
  "SELECT p.number, p.title, d.number, f.name, b.kind, b.year, b.amount_ore, b.note "
  "FROM budget_line b "
  "JOIN project p ON p.id = b.project_id "
  "JOIN funding_source f ON f.id = b.funding_source_id "
  "LEFT JOIN decision d ON d.id = b.decision_id "
  "ORDER BY p.number, p.id, d.number IS NULL, "
  "CAST(d.number AS INTEGER), CAST(substr(d.number, instr(d.number, '.') + 1) AS INTEGER), d.number, "
  "b.year, CASE b.kind WHEN 'grant' THEN 0 WHEN 'administrative-grant' THEN 1 "
  "WHEN 'budget-proposal' THEN 2 ELSE 3 END, b.amount_ore DESC, b.rowid";

/* Text that another program put into the file may not be UTF-8, which
 * both formats must be: its bad bytes become U+FFFD.
 */
static const char *
valid_text (const char  *text,
            char       **repaired)
{
  g_clear_pointer (repaired, g_free);
  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return text;

  *repaired = g_utf8_make_valid (text, -1);
  return *repaired;
}

static const char *
column_text (sqlite3_stmt  *stmt,
             int            column,
             char         **repaired)
{
  const char *text = valid_text ((const char *) sqlite3_column_text (stmt, column), repaired);

  return text != NULL ? text : "";
}

static void
read_line (sqlite3_stmt *stmt,
           Line         *line)
{
  line->project_number = sqlite3_column_int64 (stmt, 0);
  line->project_title = column_text (stmt, 1, &line->repaired[0]);
  line->decision = valid_text ((const char *) sqlite3_column_text (stmt, 2), &line->repaired[1]);
  line->funding_source = column_text (stmt, 3, &line->repaired[2]);
  line->kind = kind_label ((const char *) sqlite3_column_text (stmt, 4));
  line->year = sqlite3_column_int (stmt, 5);
  line->amount_ore = sqlite3_column_int64 (stmt, 6);
  line->note = column_text (stmt, 7, &line->repaired[3]);
}

static void
line_clear (Line *line)
{
  for (guint i = 0; i < G_N_ELEMENTS (line->repaired); i++)
    g_clear_pointer (&line->repaired[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Line, line_clear)

/* "4. Invester før det sker", or the title alone for an unnumbered project. */
static void
append_project (GString    *str,
                const Line *line)
{
  if (line->project_number != 0)
    g_string_append_printf (str, "%" G_GINT64_FORMAT ". ", line->project_number);
  g_string_append (str, line->project_title);
}

/* Steps @stmt; FALSE at the end or on an error, which is then set. */
static gboolean
next_line (TovStore      *store,
           sqlite3_stmt  *stmt,
           Line          *line,
           gboolean      *failed,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      read_line (stmt, line);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      tov_store_set_sqlite_error (store, error);
      *failed = TRUE;
    }
  return FALSE;
}

/* CSV ------------------------------------------------------------------ */

/* Appends @text as one field, quoted when it holds a separator, a quote or
 * a line break, with quotes doubled. Text that a spreadsheet would take
 * for a formula ("=HYPERLINK(…)", "-2+3", "@SUM(…)") gets an apostrophe
 * in front, so that opening the file never runs what a note says.
 */
static void
csv_append_field (GString    *out,
                  const char *text)
{
  gboolean quoted = strpbrk (text, ";\"\r\n") != NULL;

  if (quoted)
    g_string_append_c (out, '"');
  if (text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
    g_string_append_c (out, '\'');

  if (!quoted)
    {
      g_string_append (out, text);
      return;
    }

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* "1000000,00" and "-0,50": whole kroner, a decimal comma and two
 * decimals, without thousands separators, which a spreadsheet reads as a
 * number in a Danish locale.
 */
static void
csv_append_amount (GString *out,
                   gint64   ore)
{
  guint64 magnitude = ore < 0 ? -(guint64) ore : (guint64) ore;

  g_string_append_printf (out, "%s%" G_GUINT64_FORMAT ",%02u",
                          ore < 0 ? "-" : "", magnitude / 100, (guint) (magnitude % 100));
}

static void
csv_append_line (GString    *out,
                 GString    *scratch,
                 const Line *line)
{
  g_string_truncate (scratch, 0);
  append_project (scratch, line);
  csv_append_field (out, scratch->str);
  g_string_append_c (out, ';');
  csv_append_field (out, line->decision != NULL ? line->decision : "");
  g_string_append_c (out, ';');
  csv_append_field (out, line->funding_source);
  g_string_append_c (out, ';');
  csv_append_field (out, line->kind);
  g_string_append_c (out, ';');
  if (line->year != 0)
    g_string_append_printf (out, "%d", line->year);
  g_string_append_c (out, ';');
  csv_append_amount (out, line->amount_ore);
  g_string_append_c (out, ';');
  csv_append_field (out, line->note);
  g_string_append (out, "\r\n");
}

/**
 * tov_spreadsheet_write_csv:
 * @path: the file to write; replaced when it exists
 *
 * Writes every budget line of @store to @path as a CSV file that Excel and
 * LibreOffice open in a Danish setup: UTF-8 with a byte order mark,
 * semicolon separated, CRLF line ends, a header row of Danish headings,
 * then one row per line with the project as "number. title", the
 * decision's number, the funding source, the kind in Danish, the year,
 * the amount in kroner with a decimal comma and two decimals
 * ("1000000,00") and the note. A field that holds a semicolon, a quote or
 * a line break is quoted, with its quotes doubled; text that begins like a
 * formula (with =, +, -, @, a tab or a carriage return) begins with an
 * apostrophe. The rows come in the order of project number, decision and
 * year.
 *
 * @path holds either its old contents or the whole file.
 *
 * Returns: whether the file was written
 */
gboolean
tov_spreadsheet_write_csv (TovStore    *store,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(GString) out = NULL;
  g_autoptr(GString) scratch = NULL;
  TovReplacement file;
  sqlite3_stmt *stmt;
  gboolean failed = FALSE;
  g_auto(Line) line = { 0, };

  g_return_val_if_fail (TOV_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = tov_store_prepare (store, lines_sql, error);
  /* Readable by its owner only, like the portfolio: the lines carry the
   * same notes.
   */
  if (stmt == NULL || !tov_replacement_begin (&file, path, 0600, error))
    return FALSE;

  out = g_string_sized_new (CSV_PIECE + 64 * 1024);
  scratch = g_string_new (NULL);

  g_string_append (out, "\xEF\xBB\xBF");
  for (guint i = 0; i < G_N_ELEMENTS (csv_headings); i++)
    {
      if (i > 0)
        g_string_append_c (out, ';');
      g_string_append (out, csv_headings[i]);
    }
  g_string_append (out, "\r\n");

  while (next_line (store, stmt, &line, &failed, error))
    {
      csv_append_line (out, scratch, &line);
      if (out->len >= CSV_PIECE)
        {
          tov_replacement_write (&file, out->str, out->len);
          g_string_truncate (out, 0);
        }
    }
  sqlite3_reset (stmt);

  if (!failed)
    tov_replacement_write (&file, out->str, out->len);

  return tov_replacement_finish (&file, !failed, error);
}

/* XLSX ----------------------------------------------------------------- */

typedef struct
{
  lxw_workbook *workbook;
  lxw_format *heading;
  lxw_format *amount;
  lxw_format *total_label;
  lxw_format *total_amount;
  lxw_error status;       /* the first error of a worksheet call */
} Workbook;

static void
check (Workbook  *book,
       lxw_error  status)
{
  if (book->status == LXW_NO_ERROR)
    book->status = status;
}

/* Writes @text, cut to what a cell holds. libxlsxwriter escapes the
 * control characters that XML cannot carry.
 */
static void
xlsx_write_text (Workbook      *book,
                 lxw_worksheet *sheet,
                 lxw_row_t      row,
                 lxw_col_t      col,
                 const char    *text,
                 lxw_format    *format)
{
  g_autofree char *cut = NULL;

  if (text == NULL || *text == '\0')
    return;

  if (strlen (text) > XLSX_MAX_CELL_CHARS && g_utf8_strlen (text, -1) > XLSX_MAX_CELL_CHARS)
    text = cut = g_utf8_substring (text, 0, XLSX_MAX_CELL_CHARS);

  check (book, worksheet_write_string (sheet, row, col, text, format));
}

static void
xlsx_write_headings (Workbook      *book,
                     lxw_worksheet *sheet,
                     const char   **headings,
                     guint          n_headings)
{
  for (guint i = 0; i < n_headings; i++)
    check (book, worksheet_write_string (sheet, 0, i, headings[i], book->heading));
  worksheet_freeze_panes (sheet, 1, 0);
}

static gboolean
xlsx_write_lines (Workbook   *book,
                  TovStore   *store,
                  GError    **error)
{
  lxw_worksheet *sheet = workbook_add_worksheet (book->workbook, "Budgetlinjer");
  g_autoptr(GString) scratch = g_string_new (NULL);
  sqlite3_stmt *stmt;
  gboolean failed = FALSE;
  lxw_row_t row = 0;
  g_auto(Line) line = { 0, };

  if (sheet == NULL)
    {
      check (book, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return TRUE;
    }

  stmt = tov_store_prepare (store, lines_sql, error);
  if (stmt == NULL)
    return FALSE;

  /* Widths in characters; in constant memory mode they go before the rows. */
  check (book, worksheet_set_column (sheet, 0, 0, 40, NULL));
  check (book, worksheet_set_column (sheet, 1, 1, 11, NULL));
  check (book, worksheet_set_column (sheet, 2, 2, 28, NULL));
  check (book, worksheet_set_column (sheet, 3, 3, 24, NULL));
  check (book, worksheet_set_column (sheet, 4, 4, 6, NULL));
  check (book, worksheet_set_column (sheet, 5, 5, 18, NULL));
  check (book, worksheet_set_column (sheet, 6, 6, 80, NULL));
  xlsx_write_headings (book, sheet, line_headings, G_N_ELEMENTS (line_headings));

  while (book->status == LXW_NO_ERROR && next_line (store, stmt, &line, &failed, error))
    {
      if (++row >= LXW_ROW_MAX)
        {
          sqlite3_reset (stmt);
          g_set_error (error, TOV_ERROR, TOV_ERROR_INVALID,
                       _("The portfolio has more budget lines than a spreadsheet holds (%d). Export them as CSV."),
                       LXW_ROW_MAX - 1);
          return FALSE;
        }

      g_string_truncate (scratch, 0);
      append_project (scratch, &line);
      xlsx_write_text (book, sheet, row, 0, scratch->str, NULL);
      xlsx_write_text (book, sheet, row, 1, line.decision, NULL);
      xlsx_write_text (book, sheet, row, 2, line.funding_source, NULL);
      xlsx_write_text (book, sheet, row, 3, line.kind, NULL);
      if (line.year != 0)
        check (book, worksheet_write_number (sheet, row, 4, line.year, NULL));
      /* Whole øre are exact in a double up to 2^53, far beyond any budget. */
      check (book, worksheet_write_number (sheet, row, 5, line.amount_ore / 100.0, book->amount));
      xlsx_write_text (book, sheet, row, 6, line.note, NULL);
    }
  sqlite3_reset (stmt);
  if (failed)
    return FALSE;

  check (book, worksheet_autofilter (sheet, 0, 0, row, G_N_ELEMENTS (line_headings) - 1));
  return TRUE;
}

/* The totals per funding source and kind, added up by SQLite, and their
 * sum as a formula that carries its value for readers that do not
 * calculate.
 */
static void
xlsx_write_totals (Workbook *book,
                   TovStore *store)
{
  lxw_worksheet *sheet = workbook_add_worksheet (book->workbook, "Totaler");
  g_autoptr(GListModel) totals = tov_budget_totals (store, NULL);
  guint n_totals = g_list_model_get_n_items (totals);
  g_autofree char *formula = NULL;
  gint64 sum_ore = 0;
  guint n_lines = 0;

  if (sheet == NULL)
    {
      check (book, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return;
    }

  check (book, worksheet_set_column (sheet, 0, 0, 32, NULL));
  check (book, worksheet_set_column (sheet, 1, 1, 24, NULL));
  check (book, worksheet_set_column (sheet, 2, 2, 12, NULL));
  check (book, worksheet_set_column (sheet, 3, 3, 18, NULL));
  xlsx_write_headings (book, sheet, totals_headings, G_N_ELEMENTS (totals_headings));

  for (guint i = 0; i < n_totals; i++)
    {
      g_autoptr(TovBudgetTotal) total = g_list_model_get_item (totals, i);
      TovBudgetKind kind = tov_budget_total_get_kind (total);
      lxw_row_t row = i + 1;
      g_autofree char *repaired = NULL;

      xlsx_write_text (book, sheet, row, 0,
                       valid_text (tov_budget_total_get_funding_source (total), &repaired), NULL);
      xlsx_write_text (book, sheet, row, 1,
                       tov_choice_label_danish (TOV_TYPE_BUDGET_KIND, kind), NULL);
      check (book, worksheet_write_number (sheet, row, 2, tov_budget_total_get_n_lines (total), NULL));
      check (book, worksheet_write_number (sheet, row, 3,
                                           tov_budget_total_get_amount_ore (total) / 100.0, book->amount));
      sum_ore += tov_budget_total_get_amount_ore (total);
      n_lines += tov_budget_total_get_n_lines (total);
    }

  check (book, worksheet_write_string (sheet, n_totals + 1, 0, "I alt", book->total_label));
  check (book, worksheet_write_blank (sheet, n_totals + 1, 1, book->total_label));
  formula = g_strdup_printf ("=SUM(C2:C%u)", MAX (n_totals + 1, 2));
  check (book, worksheet_write_formula_num (sheet, n_totals + 1, 2, formula, book->total_label, n_lines));
  g_free (formula);
  formula = g_strdup_printf ("=SUM(D2:D%u)", MAX (n_totals + 1, 2));
  check (book, worksheet_write_formula_num (sheet, n_totals + 1, 3, formula, book->total_amount,
                                            sum_ore / 100.0));
}

/**
 * tov_spreadsheet_write_xlsx:
 * @path: the file to write; replaced when it exists
 *
 * Writes every budget line of @store to @path as an Excel workbook. The
 * first sheet, "Budgetlinjer", has the columns and order of
 * tov_spreadsheet_write_csv(), with the years and amounts as numbers and
 * the amounts shown as "#,##0.00 "kr."" (Excel shows that with the
 * separators of its locale: "1.000.000,00 kr." in Danish). The second,
 * "Totaler", adds them up per funding source and kind, with their sum.
 *
 * @path holds either its old contents or the whole file.
 *
 * Returns: whether the file was written
 */
gboolean
tov_spreadsheet_write_xlsx (TovStore    *store,
                            const char  *path,
                            GError     **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .use_zip64 = LXW_FALSE };
  TovReplacement file;
  Workbook book = { 0, };
  gboolean written;
  lxw_error closed;

  g_return_val_if_fail (TOV_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Readable by its owner only, as the CSV. */
  if (!tov_replacement_begin (&file, path, 0600, error))
    return FALSE;
  /* libxlsxwriter opens the file by name and truncates it, which keeps
   * the mode that g_mkstemp_full() gave it.
   */
  close (file.fd);
  file.fd = -1;

  /* Rows are written in order, each sheet to a temporary file: the memory
   * used does not grow with the number of lines.
   */
  book.workbook = workbook_new_opt (file.temporary, &options);
  if (book.workbook == NULL)
    {
      g_autofree char *display = g_filename_display_basename (path);

      tov_replacement_finish (&file, FALSE, NULL);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (ENOMEM),
                   _("“%s” cannot be written: %s"), display, g_strerror (ENOMEM));
      return FALSE;
    }

  book.heading = workbook_add_format (book.workbook);
  format_set_bold (book.heading);
  format_set_bottom (book.heading, LXW_BORDER_THIN);
  book.amount = workbook_add_format (book.workbook);
  format_set_num_format (book.amount, "#,##0.00 \"kr.\"");
  book.total_label = workbook_add_format (book.workbook);
  format_set_bold (book.total_label);
  format_set_top (book.total_label, LXW_BORDER_THIN);
  book.total_amount = workbook_add_format (book.workbook);
  format_set_bold (book.total_amount);
  format_set_top (book.total_amount, LXW_BORDER_THIN);
  format_set_num_format (book.total_amount, "#,##0.00 \"kr.\"");

  written = xlsx_write_lines (&book, store, error);
  if (written)
    xlsx_write_totals (&book, store);

  /* Closing writes the zip, and frees the workbook even on an error. */
  closed = workbook_close (book.workbook);
  if (written && book.status == LXW_NO_ERROR)
    book.status = closed;

  if (written && book.status != LXW_NO_ERROR)
    {
      g_autofree char *display = g_filename_display_basename (path);

      written = FALSE;
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("“%s” cannot be written: %s"), display, lxw_strerror (book.status));
    }

  return tov_replacement_finish (&file, written, error);
}
