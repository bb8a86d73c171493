/* test-report.c: status sheets print everything, in Danish, on numbered A4 pages.
 *
 * The sheets are written as PDF and read back with pdftotext, so a test
 * sees what a committee member would: a line that is clipped or lost at a
 * page break is missing from the text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tov-error.h"
#include "tov-query-model.h"
#include "tov-records.h"
#include "tov-report.h"
#include "tov-report-labels.h"
#include "tov-test-portfolio.h"

#define UDSATTE_PLAN "Handleplan for udsattepolitikken 2017-2019"

typedef TovTestPortfolio Fixture;

/* Reading PDFs back -------------------------------------------------------- */

typedef struct
{
  char *text;          /* the pages without their headers and footers, every
                        * run of white space made one space, so that text
                        * that goes on over a page break reads on */
  GPtrArray *pages;    /* each page, header and footer included */
  guint n_pages;       /* as pdfinfo counts them */
} Sheet;

static void
sheet_free (Sheet *sheet)
{
  g_free (sheet->text);
  g_ptr_array_unref (sheet->pages);
  g_free (sheet);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sheet, sheet_free)

static char *
run (const char *program,
     const char *option,
     const char *pdf)
{
  const char *argv[] = { program, option, pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  if (option == NULL)
    {
      argv[1] = pdf;
      argv[2] = NULL;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  return out;
}

/* Line breaks fall where the page makes them, so text is compared with
 * every run of white space as one space.
 */
static char *
squeeze (const char *text)
{
  g_autoptr(GRegex) blanks = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *squeezed = g_regex_replace_literal (blanks, text, -1, 0, " ", 0, NULL);

  return g_strdup (g_strstrip (squeezed));
}

/* A page's text without its first line, the header, and its last, the footer. */
static char *
page_body (const char *page)
{
  g_auto(GStrv) lines = g_strsplit (page, "\n", -1);
  g_autoptr(GString) body = g_string_new (NULL);
  int first = 0;
  int last = g_strv_length (lines) - 1;

  while (first <= last && g_strstrip (lines[first])[0] == '\0')
    first++;
  while (last >= first && g_strstrip (lines[last])[0] == '\0')
    last--;
  for (int i = first + 1; i < last; i++)
    g_string_append_printf (body, "%s\n", lines[i]);

  return g_strdup (body->str);
}

static Sheet *
read_pdf (const char *pdf)
{
  Sheet *sheet = g_new0 (Sheet, 1);
  g_autofree char *text = run ("pdftotext", "-layout", pdf);
  g_autofree char *info = run ("pdfinfo", NULL, pdf);
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  g_autoptr(GString) bodies = g_string_new (NULL);
  const char *count = strstr (info, "Pages:");

  g_assert_nonnull (count);
  sheet->n_pages = strtoul (count + strlen ("Pages:"), NULL, 10);
  g_assert_cmpuint (sheet->n_pages, >, 0);
  g_assert_true (strstr (info, "595.276 x 841.89 pts (A4)") != NULL);

  /* pdftotext ends every page with a form feed. */
  g_assert_cmpuint (g_strv_length (pages), ==, sheet->n_pages + 1);

  sheet->pages = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < sheet->n_pages; i++)
    {
      g_autofree char *body = page_body (pages[i]);

      g_string_append_printf (bodies, "%s\n", body);
      g_ptr_array_add (sheet->pages, squeeze (pages[i]));
    }
  sheet->text = squeeze (bodies->str);

  return sheet;
}

static void
assert_has (const char *text,
            const char *needle)
{
  g_autofree char *squeezed = squeeze (needle);

  if (strstr (text, squeezed) == NULL)
    g_error ("The sheet lacks “%s”", squeezed);
}

static void
assert_page_numbers (Sheet *sheet)
{
  for (guint i = 0; i < sheet->n_pages; i++)
    {
      g_autofree char *footer = g_strdup_printf ("Side %u af %u", i + 1, sheet->n_pages);

      assert_has (g_ptr_array_index (sheet->pages, i), footer);
      assert_has (g_ptr_array_index (sheet->pages, i), "Rødovre Kommune");
      assert_has (g_ptr_array_index (sheet->pages, i), "Sammen om Rødovre");
      assert_has (g_ptr_array_index (sheet->pages, i), "Udskrevet 8. oktober 2019");
    }
}

static Sheet *
write_sheet (Fixture      *fixture,
             TovSheetKind  kind,
             TovRecord    *subject,
             const char   *name)
{
  g_autoptr(TovReport) report = tov_report_new (fixture->store, kind, subject);
  g_autofree char *pdf = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  Sheet *sheet;

  tov_report_set_date (report, "2019-10-08");
  g_assert_true (tov_report_write_pdf (report, pdf, &error));
  g_assert_no_error (error);

  sheet = read_pdf (pdf);
  g_assert_cmpuint (sheet->n_pages, ==, tov_report_get_n_pages (report));
  assert_page_numbers (sheet);

  return sheet;
}

static TovRecord *
find (Fixture      *fixture,
      TovSheetKind  kind,
      const char   *name)
{
  g_autoptr(GError) error = NULL;
  TovRecord *record = tov_report_find_subject (fixture->store, kind, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

static void
save (Fixture   *fixture,
      TovRecord *record)
{
  g_autoptr(GError) error = NULL;

  tov_store_save (fixture->store, record, &error);
  g_assert_no_error (error);
}

/* Tests --------------------------------------------------------------------- */

static void
test_action_plan (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const labels[] = {
    "Indsats og målgruppe", "Formål, mål og succeskriterier", "Tovholder", "Periode",
    "Samarbejdspartnere og interessenter", "Aktiviteter", "Status pr. 30. september 2019",
    "Strategimål: 1 og 2",
  };
  g_autoptr(TovRecord) plan = find (fixture, TOV_SHEET_ACTION_PLAN, UDSATTE_PLAN);
  g_autoptr(Sheet) sheet = write_sheet (fixture, TOV_SHEET_ACTION_PLAN, plan, "plan.pdf");
  g_autoptr(TovQueryModel) initiatives = tov_query_model_new (fixture->store, TOV_TYPE_INITIATIVE);
  g_autoptr(TovQueryModel) updates = tov_query_model_new (fixture->store, TOV_TYPE_STATUS_UPDATE);
  const char *last_title = NULL;
  guint n_updates = 0;

  assert_has (sheet->pages->pdata[0], "Status på handleplan for udsattepolitikken 2017-2019");
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    assert_has (sheet->text, labels[i]);

  /* Every initiative, in number order, and every word of its statuses. */
  tov_query_model_set_text_condition (initiatives, "plan_id", tov_record_get_id (plan));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (initiatives)), ==, 5);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (initiatives)); i++)
    {
      g_autoptr(TovRecord) initiative = g_list_model_get_item (G_LIST_MODEL (initiatives), i);
      g_autofree char *heading = g_strdup_printf ("%" G_GINT64_FORMAT ". %s",
                                                  tov_record_get_int (initiative, "number"),
                                                  tov_record_get_string (initiative, "title"));
      const char *at = strstr (sheet->text, heading);

      g_assert_nonnull (at);
      if (last_title != NULL)
        g_assert_true (at > last_title);
      last_title = at;

      tov_query_model_set_text_condition (updates, "initiative_id", tov_record_get_id (initiative));
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (updates)); j++)
        {
          g_autoptr(TovRecord) update = g_list_model_get_item (G_LIST_MODEL (updates), j);

          assert_has (sheet->text, tov_record_get_string (update, "text"));
          n_updates++;
        }
    }
  g_assert_cmpuint (n_updates, >=, 5);

  assert_has (sheet->text, "Udsatterådet har været meget aktive");
  assert_has (sheet->text, "Housing First");
  assert_has (sheet->text, "Flere skal med");
  assert_has (sheet->text, "Aktiviteten er gennemført i 2017");
}

static void
test_action_plan_single_year (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(TovRecord) plan = find (fixture, TOV_SHEET_ACTION_PLAN, "handleplan for FRIVILLIGT socialt arbejde 2015");
  g_autoptr(Sheet) sheet = write_sheet (fixture, TOV_SHEET_ACTION_PLAN, plan, "plan-2015.pdf");

  assert_has (sheet->pages->pdata[0], "Status på handleplan for frivillighedspolitikken 2015 ");
  assert_has (sheet->text, "Samarbejdsaftale med Rødovre Frivilligcenter");
  assert_has (sheet->text, "Status pr. 31. december 2015");
  assert_has (sheet->text, "Videreføres i næste handleplan");
}

/* A plan of our own, with a title that is also markup and a status of
 * exactly 10,000 characters in numbered words.
 */
#define MARKUP_TITLE "Tryk & <b>fed</b> \"citat\" 'enkelt' <i>ikke kursiv</i> &amp; a < b > c"
#define DANISH_TITLE "Æblehaven på Østervold og Åkanden: æbler, øl og å"

static void
test_long_status (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TovRecord) policy = g_object_new (TOV_TYPE_POLICY, "title", "Prøvepolitikken", NULL);
  g_autoptr(TovRecord) plan = NULL;
  g_autoptr(TovRecord) first = NULL;
  g_autoptr(TovRecord) second = NULL;
  g_autoptr(TovRecord) update = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(Sheet) sheet = NULL;
  guint n_words = 0;

  save (fixture, policy);
  plan = g_object_new (TOV_TYPE_ACTION_PLAN,
                       "policy-id", tov_record_get_id (policy),
                       "title", "Handleplan for prøvepolitikken 2020-2021",
                       "period-from", (gint64) 2020,
                       "period-to", (gint64) 2021,
                       NULL);
  save (fixture, plan);
  first = g_object_new (TOV_TYPE_INITIATIVE,
                        "plan-id", tov_record_get_id (plan),
                        "number", (gint64) 1,
                        "title", MARKUP_TITLE,
                        "target-group", "Borgere med <handicap> & deres pårørende",
                        "coordinator", "Ældre- & Omsorgsafdelingen",
                        NULL);
  save (fixture, first);
  second = g_object_new (TOV_TYPE_INITIATIVE,
                         "plan-id", tov_record_get_id (plan),
                         "number", (gint64) 2,
                         "title", DANISH_TITLE,
                         NULL);
  save (fixture, second);

  while (text->len < 10000 - 8)
    g_string_append_printf (text, "ord%04u ", ++n_words);
  while (text->len < 10000)
    g_string_append_c (text, '.');
  g_assert_cmpuint (g_utf8_strlen (text->str, -1), ==, 10000);

  update = g_object_new (TOV_TYPE_STATUS_UPDATE,
                         "initiative-id", tov_record_get_id (first),
                         "date", "2021-06-30",
                         "text", text->str,
                         NULL);
  save (fixture, update);

  sheet = write_sheet (fixture, TOV_SHEET_ACTION_PLAN, plan, "long.pdf");
  g_assert_cmpuint (sheet->n_pages, >=, 2);

  assert_has (sheet->text, "Status på handleplan for prøvepolitikken 2020-2021");
  assert_has (sheet->text, "1. " MARKUP_TITLE);
  assert_has (sheet->text, "Borgere med <handicap> & deres pårørende");
  assert_has (sheet->text, "Ældre- & Omsorgsafdelingen");
  assert_has (sheet->text, "2. " DANISH_TITLE);
  assert_has (sheet->text, "Status pr. 30. juni 2021");

  for (guint i = 1; i <= n_words; i++)
    {
      g_autofree char *word = g_strdup_printf (" ord%04u ", i);

      assert_has (sheet->text, word);
    }
  assert_has (sheet->text, "ord1249 ........");
}

static void
test_project (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TovRecord) project = find (fixture, TOV_SHEET_PROJECT, "4");
  g_autoptr(Sheet) sheet = write_sheet (fixture, TOV_SHEET_PROJECT, project, "project.pdf");

  assert_has (sheet->pages->pdata[0], "Status på projekt 4. Invester før det sker");
  g_assert_true (strstr (sheet->text, "1,0 mio. kr.") || strstr (sheet->text, "1.000.000 kr."));
  assert_has (sheet->text, "4.1 Forsøges indledes");
  assert_has (sheet->text, "4.2 Der i prioriteringen");
  assert_has (sheet->text, "Indstillet");
  assert_has (sheet->text, "Tema 3.");
  assert_has (sheet->text, "Forankring");
  assert_has (sheet->text, "J. nr. 14/004488-23");
  assert_has (sheet->text, "Velfærdsfornyelsespuljen");
  assert_has (sheet->text, "3.300.000 kr.");
  assert_has (sheet->text, "I alt");
}

static void
test_long_table (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TovRecord) project = find (fixture, TOV_SHEET_PROJECT, "Invester før det sker");
  g_autoptr(TovQueryModel) sources = tov_query_model_new (fixture->store, TOV_TYPE_FUNDING_SOURCE);
  g_autoptr(TovRecord) source = g_list_model_get_item (G_LIST_MODEL (sources), 0);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(Sheet) sheet = NULL;
  guint pages_with_lines = 0;

  for (guint i = 1; i <= 80; i++)
    {
      g_autofree char *note = g_strdup_printf ("Budgetlinje nummer %02u til forsøget", i);

      g_ptr_array_add (lines, g_object_new (TOV_TYPE_BUDGET_LINE,
                                            "project-id", tov_record_get_id (project),
                                            "funding-source-id", tov_record_get_id (source),
                                            "amount-ore", (gint64) (i * 100000),
                                            "year", (gint64) 2030,
                                            "note", note,
                                            NULL));
    }
  tov_store_save_all (fixture->store, lines, &error);
  g_assert_no_error (error);

  sheet = write_sheet (fixture, TOV_SHEET_PROJECT, project, "long-table.pdf");

  /* Every line is there, and every page that has some has the header. */
  for (guint i = 1; i <= 80; i++)
    {
      g_autofree char *note = g_strdup_printf ("Budgetlinje nummer %02u", i);

      assert_has (sheet->text, note);
    }
  for (guint page = 0; page < sheet->n_pages; page++)
    {
      const char *text = g_ptr_array_index (sheet->pages, page);

      if (strstr (text, "Budgetlinje nummer") == NULL)
        continue;
      pages_with_lines++;
      assert_has (text, "Art Finansieringskilde År Bemærkning Beløb");
    }
  g_assert_cmpuint (pages_with_lines, >=, 2);
}

static void
test_portfolio (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(Sheet) sheet = write_sheet (fixture, TOV_SHEET_PORTFOLIO, NULL, "portfolio.pdf");
  g_autoptr(TovQueryModel) decisions = tov_query_model_new (fixture->store, TOV_TYPE_DECISION);

  assert_has (sheet->pages->pdata[0], "Oversigt over Sammen om Rødovre");
  assert_has (sheet->text, "Tema 1. Medborgerskab og borgerinddragelse");
  assert_has (sheet->text, "Invester før det sker");
  assert_has (sheet->text, "Oversigt over økonomien");
  assert_has (sheet->text, "Finansieringskilde");
  assert_has (sheet->text, "1,0 mio. kr.");

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (decisions)); i++)
    {
      g_autoptr(TovRecord) decision = g_list_model_get_item (G_LIST_MODEL (decisions), i);
      g_autofree char *number = g_strdup_printf (" %s ", tov_record_get_string (decision, "number"));

      assert_has (sheet->text, number);
    }
}

static void
test_partnerships (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(Sheet) sheet = write_sheet (fixture, TOV_SHEET_PARTNERSHIPS, NULL, "partnerships.pdf");

  assert_has (sheet->pages->pdata[0], "Status på samarbejdsaftaler");
  assert_has (sheet->text, "Vores enhed");
  assert_has (sheet->text, "Fornyes");
  assert_has (sheet->text, "Seneste status");
  assert_has (sheet->text, "Rødovre Frivilligcenter");
  assert_has (sheet->text, "8/10 2015");
  assert_has (sheet->text, "Overskredet");
  assert_has (sheet->text, "I dialog");
}

/* The date says which agreements are due: a new date makes a new sheet. */
static void
test_partnerships_due_soon (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(TovReport) report = tov_report_new (fixture->store, TOV_SHEET_PARTNERSHIPS, NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "due-soon.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(Sheet) sheet = NULL;

  tov_report_set_date (report, "2019-10-08");
  g_assert_true (tov_report_write_pdf (report, pdf, &error));
  g_assert_no_error (error);

  tov_report_set_date (report, "2016-09-01");
  g_assert_cmpuint (tov_report_get_n_pages (report), ==, 0);
  g_assert_true (tov_report_write_pdf (report, pdf, &error));
  g_assert_no_error (error);

  sheet = read_pdf (pdf);
  assert_has (sheet->text, "status pr. 1. september 2016");
  assert_has (sheet->text, "Snart");
  g_assert_null (strstr (sheet->text, "Overskredet"));
  assert_has (sheet->pages->pdata[0], "Udskrevet 1. september 2016");
}

/* The print operation's path: its own context, its own page size. */
static void
test_draw_pages (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TovRecord) plan = find (fixture, TOV_SHEET_ACTION_PLAN, UDSATTE_PLAN);
  g_autoptr(TovReport) report = tov_report_new (fixture->store, TOV_SHEET_ACTION_PLAN, plan);
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  guint a4, letter;

  g_assert_cmpstr (tov_report_get_title (report), ==, "Status på handleplan for udsattepolitikken 2017-2019");

  a4 = tov_report_paginate (report, context, TOV_REPORT_A4_WIDTH, TOV_REPORT_A4_HEIGHT);
  g_assert_cmpuint (a4, >, 1);
  for (guint page = 0; page < a4; page++)
    tov_report_draw_page (report, cr, page);

  /* US Letter is shorter: no fewer pages. */
  letter = tov_report_paginate (report, context, 612, 792);
  g_assert_cmpuint (letter, >=, a4);
  for (guint page = 0; page < letter; page++)
    tov_report_draw_page (report, cr, page);

  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_clear_object (&report);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A sheet this long is measured on two threads when it is written as a
 * PDF, and on one when it is printed through a font map of the print
 * operation's own: the pages are the same.
 */
static void
test_two_threads (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TovRecord) plan = find (fixture, TOV_SHEET_ACTION_PLAN, UDSATTE_PLAN);
  g_autoptr(TovQueryModel) initiatives = tov_query_model_new (fixture->store, TOV_TYPE_INITIATIVE);
  g_autoptr(TovReport) report = NULL;
  g_autofree char *two = g_build_filename (fixture->dir, "two-threads.pdf", NULL);
  g_autofree char *one = g_build_filename (fixture->dir, "one-thread.pdf", NULL);
  g_autofree char *text_two = NULL;
  g_autofree char *text_one = NULL;
  g_autoptr(Sheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  PangoFontMap *font_map;
  PangoContext *context;
  cairo_font_options_t *options;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages;

  tov_query_model_set_text_condition (initiatives, "plan_id", tov_record_get_id (plan));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (initiatives)); i++)
    {
      g_autoptr(TovRecord) initiative = g_list_model_get_item (G_LIST_MODEL (initiatives), i);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(TovRecord) update = NULL;

      for (guint word = 1; text->len < 8000; word++)
        g_string_append_printf (text, "ord%u.%04u ", i, word);
      update = g_object_new (TOV_TYPE_STATUS_UPDATE,
                             "initiative-id", tov_record_get_id (initiative),
                             "date", "2019-09-01",
                             "text", text->str,
                             NULL);
      save (fixture, update);
    }

  report = tov_report_new (fixture->store, TOV_SHEET_ACTION_PLAN, plan);
  tov_report_set_date (report, "2019-10-08");
  g_assert_true (tov_report_write_pdf (report, two, &error));
  g_assert_no_error (error);
  sheet = read_pdf (two);
  g_assert_cmpuint (sheet->n_pages, >=, 10);
  assert_page_numbers (sheet);
  assert_has (sheet->text, "ord0.0001 ord0.0002");
  assert_has (sheet->text, "ord4.0799 ord4.0800");

  /* As tov_report_write_pdf() sets up its context, on a font map of its own. */
  font_map = pango_cairo_font_map_new ();
  surface = cairo_pdf_surface_create (one, TOV_REPORT_A4_WIDTH, TOV_REPORT_A4_HEIGHT);
  cr = cairo_create (surface);
  context = pango_font_map_create_context (font_map);
  pango_cairo_update_context (cr, context);
  pango_cairo_context_set_resolution (context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (context, pango_language_from_string ("da-dk"));

  n_pages = tov_report_paginate (report, context, TOV_REPORT_A4_WIDTH, TOV_REPORT_A4_HEIGHT);
  g_assert_cmpuint (n_pages, ==, sheet->n_pages);
  for (guint page = 0; page < n_pages; page++)
    {
      tov_report_draw_page (report, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_clear_object (&report);
  g_object_unref (context);
  g_object_unref (font_map);

  text_two = run ("pdftotext", "-layout", two);
  text_one = run ("pdftotext", "-layout", one);
  g_assert_cmpstr (text_one, ==, text_two);
}

static void
test_find_subject (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TovRecord) by_number = find (fixture, TOV_SHEET_PROJECT, "4");
  g_autoptr(TovRecord) by_title = find (fixture, TOV_SHEET_PROJECT, "INVESTER før det sker");
  g_autoptr(TovRecord) by_id = find (fixture, TOV_SHEET_PROJECT, tov_record_get_id (by_number));
  g_autoptr(TovRecord) missing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (by_number == by_title);
  g_assert_true (by_number == by_id);

  missing = tov_report_find_subject (fixture->store, TOV_SHEET_PROJECT, "99", &error);
  g_assert_error (error, TOV_ERROR, TOV_ERROR_NOT_FOUND);
  g_assert_null (missing);
  g_clear_error (&error);

  missing = tov_report_find_subject (fixture->store, TOV_SHEET_ACTION_PLAN, "4", &error);
  g_assert_error (error, TOV_ERROR, TOV_ERROR_NOT_FOUND);
  g_assert_null (missing);
}

/* A PDF that cannot be written leaves the old file as it was. */
static void
test_write_is_atomic (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TovReport) report = tov_report_new (fixture->store, TOV_SHEET_PARTNERSHIPS, NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "sheet.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (fixture->dir, "no-such-dir", "sheet.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (pdf, "old", -1, &error);
  g_assert_no_error (error);
  g_assert_true (tov_report_write_pdf (report, pdf, &error));
  g_assert_no_error (error);
  g_file_get_contents (pdf, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  g_assert_false (tov_report_write_pdf (report, nowhere, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
}

/* The overview's narrow columns: whole kroner below a million. */
static void
test_words (void)
{
  static const struct { gint64 ore; const char *text; } amounts[] = {
    { 22000019, "220.000 kr." },
    { 22000050, "220.001 kr." },
    { 99999949, "999.999 kr." },
    { 100000000, "1,0 mio. kr." },
    { 135000000, "1,35 mio. kr." },
    { -5050, "-51 kr." },
    { 0, "0 kr." },
  };
  static const struct { const char *title; const char *inside; } titles[] = {
    { "Udsattepolitikken", "udsattepolitikken" },
    { "Ældrepolitikken", "ældrepolitikken" },
    { "SOC-politikken", "SOC-politikken" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autofree char *text = tov_report_format_money_short (amounts[i].ore);

      g_assert_cmpstr (text, ==, amounts[i].text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *text = tov_report_lower_first (titles[i].title);

      g_assert_cmpstr (text, ==, titles[i].inside);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, tov_test_portfolio_set_up_demo, func, tov_test_portfolio_tear_down)
  ADD ("/report/action-plan/udsatte", test_action_plan);
  ADD ("/report/action-plan/single-year", test_action_plan_single_year);
  ADD ("/report/action-plan/long-status", test_long_status);
  ADD ("/report/project/demo", test_project);
  ADD ("/report/project/long-table", test_long_table);
  ADD ("/report/portfolio", test_portfolio);
  ADD ("/report/partnerships", test_partnerships);
  ADD ("/report/partnerships/due-soon", test_partnerships_due_soon);
  ADD ("/report/draw-pages", test_draw_pages);
  ADD ("/report/two-threads", test_two_threads);
  ADD ("/report/find-subject", test_find_subject);
  ADD ("/report/write-is-atomic", test_write_is_atomic);
#undef ADD
  g_test_add_func ("/report/words", test_words);

  status = g_test_run ();

  /* Fontconfig's caches belong to the font map: let both go, so that
   * LeakSanitizer reports only what this program loses.
   */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();

  return status;
}
