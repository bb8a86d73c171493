/* test-ui.c: a user opens the demo, picks a project, edits it, and the file has it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tov-budget-totals.h"
#include "tov-budget-view.h"
#include "tov-cell-label.h"
#include "tov-date.h"
#include "tov-editor-dialog.h"
#include "tov-money.h"
#include "tov-partnerships-view.h"
#include "tov-print-operation.h"
#include "tov-projects-view.h"
#include "tov-records.h"
#include "tov-search-view.h"
#include "tov-status-timeline.h"
#include "tov-ui-test.h"
#include "tov-window.h"

typedef struct
{
  TovUiDemo demo;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  tov_ui_demo_open (&fixture->demo, 0, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tov_ui_demo_close (&fixture->demo);
}

static GtkWidget *
find_search_entry (GtkWidget  *root,
                   const char *placeholder)
{
  g_autofree char *text = NULL;

  if (GTK_IS_SEARCH_ENTRY (root))
    {
      g_object_get (root, "placeholder-text", &text, NULL);
      if (g_strcmp0 (text, placeholder) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_search_entry (child, placeholder);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Selects the project titled @title in the list, as a click would. */
static void
select_project (Fixture    *fixture,
                const char *title)
{
  GtkWidget *view = tov_ui_find_widget (GTK_WIDGET (fixture->demo.window), TOV_TYPE_PROJECTS_VIEW, NULL);
  GtkColumnView *column_view = GTK_COLUMN_VIEW (tov_ui_find_widget (view, GTK_TYPE_COLUMN_VIEW, NULL));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (column_view));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (selection));

  g_assert_cmpuint (n, ==, 12);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TovRecord) project = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (g_str_equal (tov_record_get_string (project, "title"), title))
        {
          gtk_single_selection_set_selected (selection, i);
          tov_ui_settle ();
          return;
        }
    }
  g_assert_not_reached ();
}

static void
test_page_shows_decisions_and_money (Fixture       *fixture,
                                     gconstpointer  data)
{
  GtkWidget *view;
  GtkLabel *title;
  GtkWidget *decision;
  GtkWidget *grant;

  select_project (fixture, "Invester før det sker");
  view = tov_ui_find_widget (GTK_WIDGET (fixture->demo.window), TOV_TYPE_PROJECTS_VIEW, NULL);

  title = GTK_LABEL (tov_ui_find_widget (view, GTK_TYPE_LABEL, NULL));
  g_assert_nonnull (title);
  decision = tov_ui_find_widget (view, ADW_TYPE_ACTION_ROW, "Forsøges indledes");
  g_assert_nonnull (decision);
  grant = tov_ui_find_widget (view, ADW_TYPE_ACTION_ROW, "Grant");
  g_assert_nonnull (grant);
  g_assert_nonnull (tov_ui_find_widget (grant, GTK_TYPE_LABEL, NULL));
}

static void
test_edit_project_through_form (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *view;
  TovEditorDialog *editor;
  GtkWidget *coordinator;
  GtkWidget *start;
  GtkWidget *end;
  TovForm *form;
  g_autofree char *saved = NULL;

  select_project (fixture, "Invester før det sker");
  view = tov_ui_find_widget (GTK_WIDGET (fixture->demo.window), TOV_TYPE_PROJECTS_VIEW, NULL);
  g_assert_true (gtk_widget_activate_action (view, "view.edit", NULL));
  tov_ui_settle ();

  editor = tov_ui_find_editor ();
  g_assert_nonnull (editor);
  form = tov_editor_dialog_get_form (editor);
  coordinator = tov_ui_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Coordinator");
  start = tov_ui_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Start");
  end = tov_ui_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "End");
  g_assert_nonnull (coordinator);
  g_assert_true (tov_form_get_valid (form));

  /* A date that does not exist is refused at its field, and Save with it. */
  gtk_editable_set_text (GTK_EDITABLE (start), "31/2 2015");
  g_assert_false (tov_form_get_valid (form));
  g_assert_true (gtk_widget_has_css_class (start, "error"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  tov_ui_settle ();
  g_assert_true (tov_ui_find_editor () == editor);

  /* An end before the start is refused too. */
  gtk_editable_set_text (GTK_EDITABLE (start), "1. august 2015");
  gtk_editable_set_text (GTK_EDITABLE (end), "2015-07-31");
  g_assert_false (tov_form_get_valid (form));
  g_assert_true (gtk_widget_has_css_class (end, "error"));
  gtk_editable_set_text (GTK_EDITABLE (end), "31/7 2017");
  g_assert_true (tov_form_get_valid (form));

  /* Nothing is written before Save. */
  gtk_editable_set_text (GTK_EDITABLE (coordinator), "Social- og Sundhedsforvaltningen & Børne- og Kulturforvaltningen");
  saved = tov_ui_query_text (fixture->demo.path, "SELECT coordinator FROM project WHERE number = 4");
  g_assert_cmpstr (saved, ==, "");
  g_clear_pointer (&saved, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  tov_ui_settle ();
  g_assert_null (tov_ui_find_editor ());

  saved = tov_ui_query_text (fixture->demo.path, "SELECT coordinator || '|' || start_date || '|' || end_date FROM project WHERE number = 4");
  g_assert_cmpstr (saved, ==, "Social- og Sundhedsforvaltningen & Børne- og Kulturforvaltningen|2015-08-01|2017-07-31");

  /* The page shows the change; Ctrl+Z's action takes it back. */
  g_assert_nonnull (tov_ui_find_widget (view, ADW_TYPE_ACTION_ROW, "Coordinator"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (tov_ui_find_widget (view, ADW_TYPE_ACTION_ROW, "Coordinator"))),
                   ==, "Social- og Sundhedsforvaltningen & Børne- og Kulturforvaltningen");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->demo.window), "win.undo", NULL));
  tov_ui_settle ();
  g_clear_pointer (&saved, g_free);
  saved = tov_ui_query_text (fixture->demo.path, "SELECT coordinator FROM project WHERE number = 4");
  g_assert_cmpstr (saved, ==, "");
}

static void
test_delete_and_undo_from_list (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *view;
  g_autofree char *count = NULL;

  select_project (fixture, "Invester før det sker");
  view = tov_ui_find_widget (GTK_WIDGET (fixture->demo.window), TOV_TYPE_PROJECTS_VIEW, NULL);
  g_assert_true (gtk_widget_activate_action (view, "view.delete", NULL));
  tov_ui_settle ();

  count = tov_ui_query_text (fixture->demo.path, "SELECT count(*) FROM project");
  g_assert_cmpstr (count, ==, "11");
  g_clear_pointer (&count, g_free);
  count = tov_ui_query_text (fixture->demo.path, "SELECT count(*) FROM decision WHERE number LIKE '4.%'");
  g_assert_cmpstr (count, ==, "0");
  g_clear_pointer (&count, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->demo.window), "win.undo", NULL));
  tov_ui_settle ();
  count = tov_ui_query_text (fixture->demo.path, "SELECT count(*) FROM decision WHERE number LIKE '4.%'");
  g_assert_cmpstr (count, ==, "2");
  select_project (fixture, "Invester før det sker");
}

static void
test_add_dated_status (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *view;
  GtkWidget *timeline;
  TovEditorDialog *editor;
  GtkWidget *date;
  GtkTextView *text;
  g_autofree char *today = tov_date_today ();
  g_autofree char *shown_today = tov_date_format (today);
  g_autofree char *saved = NULL;
  g_autofree char *expected = NULL;

  select_project (fixture, "Invester før det sker");
  view = tov_ui_find_widget (GTK_WIDGET (fixture->demo.window), TOV_TYPE_PROJECTS_VIEW, NULL);
  timeline = tov_ui_find_widget (view, TOV_TYPE_STATUS_TIMELINE, NULL);
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.add", NULL));
  tov_ui_settle ();

  editor = tov_ui_find_editor ();
  g_assert_nonnull (editor);
  date = tov_ui_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Date");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, shown_today);

  /* The text is required: Save waits for it. */
  g_assert_false (tov_form_get_valid (tov_editor_dialog_get_form (editor)));
  text = GTK_TEXT_VIEW (tov_ui_find_widget (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, NULL));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text), "Forsøget er i gang med 40 familier.", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  tov_ui_settle ();

  saved = tov_ui_query_text (fixture->demo.path,
                      "SELECT s.date || '|' || s.state || '|' || s.text FROM status_update s "
                      "JOIN project p ON p.id = s.project_id WHERE p.number = 4");
  expected = g_strdup_printf ("%s|in-progress|Forsøget er i gang med 40 familier.", today);
  g_assert_cmpstr (saved, ==, expected);
  g_assert_nonnull (tov_ui_find_widget (timeline, ADW_TYPE_ACTION_ROW, "Forsøget er i gang"));
}

/* The portfolio's own names are edited like any record. */
static void
test_portfolio_properties (Fixture       *fixture,
                           gconstpointer  data)
{
  TovEditorDialog *editor;
  GtkWidget *municipality;
  g_autofree char *saved = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->demo.window), "win.properties", NULL));
  tov_ui_settle ();
  editor = tov_ui_find_editor ();
  g_assert_nonnull (editor);
  municipality = tov_ui_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Municipality");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (municipality)), ==, "Rødovre Kommune");
  gtk_editable_set_text (GTK_EDITABLE (municipality), "Rødovre Kommune, Ledelsessekretariatet");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  tov_ui_settle ();

  saved = tov_ui_query_text (fixture->demo.path, "SELECT municipality FROM portfolio");
  g_assert_cmpstr (saved, ==, "Rødovre Kommune, Ledelsessekretariatet");
  g_assert_cmpstr (tov_record_get_string (TOV_RECORD (tov_store_get_portfolio (fixture->demo.store)), "municipality"),
                   ==, "Rødovre Kommune, Ledelsessekretariatet");
}

/* An agreement has a dated status too. */
static void
test_partnership_status (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *view;
  GtkColumnView *column_view;
  GtkWidget *timeline;
  TovEditorDialog *editor;
  GtkTextView *text;
  g_autofree char *saved = NULL;

  tov_window_show_section (fixture->demo.window, "partnerships");
  tov_ui_settle ();
  view = tov_ui_find_widget (GTK_WIDGET (fixture->demo.window), TOV_TYPE_PARTNERSHIPS_VIEW, NULL);
  column_view = GTK_COLUMN_VIEW (tov_ui_find_widget (view, GTK_TYPE_COLUMN_VIEW, NULL));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (column_view)), 0);
  tov_ui_settle ();

  timeline = tov_ui_find_widget (view, TOV_TYPE_STATUS_TIMELINE, NULL);
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.add", NULL));
  tov_ui_settle ();
  editor = tov_ui_find_editor ();
  g_assert_nonnull (editor);
  text = GTK_TEXT_VIEW (tov_ui_find_widget (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, NULL));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text), "Aftalen er fornyet for 2017.", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  tov_ui_settle ();

  saved = tov_ui_query_text (fixture->demo.path, "SELECT p.title FROM status_update s JOIN partnership p ON p.id = s.partnership_id "
                                     "WHERE s.text = 'Aftalen er fornyet for 2017.'");
  g_assert_nonnull (saved);
}

/* Ctrl+F searches everything; a hit opens in its section, selected. */
static void
test_search_everything (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *entry;
  GtkWidget *results;
  GtkWidget *view;
  g_autoptr(TovRecord) shown = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->demo.window), "win.search", NULL));
  tov_ui_settle ();
  entry = find_search_entry (GTK_WIDGET (fixture->demo.window), "Search everything");
  g_assert_nonnull (entry);

  gtk_editable_set_text (GTK_EDITABLE (entry), "investeres i tidlig");
  for (int i = 0; i < 10; i++)
    {
      g_usleep (50000);
      tov_ui_settle ();
    }
  results = tov_ui_find_widget (GTK_WIDGET (fixture->demo.window), TOV_TYPE_SEARCH_VIEW, NULL);
  g_assert_true (gtk_widget_get_mapped (results));
  g_assert_true (tov_search_view_activate_first (TOV_SEARCH_VIEW (results)));
  tov_ui_settle ();

  view = tov_ui_find_widget (GTK_WIDGET (fixture->demo.window), TOV_TYPE_PROJECTS_VIEW, NULL);
  g_assert_true (gtk_widget_get_mapped (view));
  g_object_get (view, "subject", &shown, NULL);
  g_assert_nonnull (shown);
  g_assert_cmpstr (tov_record_get_string (shown, "title"), ==, "Invester før det sker");
}

/* Whether a cell below @root shows @text. */
static gboolean
shows_cell (GtkWidget  *root,
            const char *text)
{
  if (TOV_IS_CELL_LABEL (root) && g_strcmp0 (tov_cell_label_get_label (TOV_CELL_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (shows_cell (child, text))
      return TRUE;
  return FALSE;
}

/* The list of totals, shown as a card. */
static GtkListView *
find_totals (GtkWidget *root)
{
  if (GTK_IS_LIST_VIEW (root) && gtk_widget_has_css_class (root, "card"))
    return GTK_LIST_VIEW (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkListView *found = find_totals (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The Budget section: a search in the notes narrows the list, the cells
 * name each line's project and funding source, and the totals follow the
 * kind chosen.
 */
static void
test_budget_search_and_totals (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *view;
  GtkColumnView *column_view;
  GListModel *rows;
  GtkWidget *entry;
  GtkListView *totals;
  GtkDropDown *kind;
  TovBudgetFilter filter = TOV_BUDGET_FILTER_ANY;
  g_autoptr(GListModel) grants = NULL;

  tov_window_show_section (fixture->demo.window, "budget");
  tov_ui_settle ();
  view = tov_ui_find_widget (GTK_WIDGET (fixture->demo.window), TOV_TYPE_BUDGET_VIEW, NULL);
  g_assert_true (gtk_widget_get_mapped (view));
  column_view = GTK_COLUMN_VIEW (tov_ui_find_widget (view, GTK_TYPE_COLUMN_VIEW, NULL));
  rows = G_LIST_MODEL (gtk_column_view_get_model (column_view));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 19);

  g_assert_true (gtk_widget_activate_action (view, "view.search", NULL));
  tov_ui_settle ();
  entry = find_search_entry (view, "Search notes");
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "velfærdspuljen");
  for (int i = 0; i < 10 && g_list_model_get_n_items (rows) != 3; i++)
    {
      g_usleep (50000);
      tov_ui_settle ();
    }
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  tov_ui_settle ();
  g_assert_true (shows_cell (GTK_WIDGET (column_view), "Velfærdspuljen"));
  g_assert_true (shows_cell (GTK_WIDGET (column_view), "8. Sunde og glade børn i Rødovre"));

  /* The totals are of every line of the kind chosen, searched or not. */
  totals = find_totals (view);
  g_assert_nonnull (totals);
  filter.kind = TOV_BUDGET_KIND_GRANT;
  grants = tov_budget_totals (fixture->demo.store, &filter);
  kind = GTK_DROP_DOWN (tov_ui_find_widget (view, GTK_TYPE_DROP_DOWN, NULL));
  kind = GTK_DROP_DOWN (gtk_widget_get_next_sibling (GTK_WIDGET (kind)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (kind)), ==, "Kind");
  gtk_drop_down_set_selected (kind, 1 + TOV_BUDGET_KIND_GRANT);
  tov_ui_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (totals))), ==,
                    g_list_model_get_n_items (grants));
  g_assert_true (shows_cell (GTK_WIDGET (totals), "Velfærdspuljen · Grant"));
  g_assert_false (shows_cell (GTK_WIDGET (totals), "Velfærdsfornyelsespuljen · Administrative grant"));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  for (int i = 0; i < 10 && g_list_model_get_n_items (rows) == 3; i++)
    {
      g_usleep (50000);
      tov_ui_settle ();
    }
  g_assert_cmpuint (g_list_model_get_n_items (rows), >, 3);
}

/* A line saved with another amount shows it in its row at once, as does a renamed project in every row that names it.
 */
static void
test_budget_cells_follow_edits (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *view;
  GtkColumnView *column_view;
  GListModel *rows;
  g_autoptr(TovRecord) line = NULL;
  g_autoptr(TovRecord) edited = NULL;
  g_autoptr(TovRecord) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *title = NULL;

  tov_window_show_section (fixture->demo.window, "budget");
  tov_ui_settle ();
  view = tov_ui_find_widget (GTK_WIDGET (fixture->demo.window), TOV_TYPE_BUDGET_VIEW, NULL);
  column_view = GTK_COLUMN_VIEW (tov_ui_find_widget (view, GTK_TYPE_COLUMN_VIEW, NULL));
  rows = G_LIST_MODEL (gtk_column_view_get_model (column_view));
  line = g_list_model_get_item (rows, 0);

  edited = tov_record_copy (line);
  g_object_set (edited, "amount-ore", (gint64) 123456789, NULL);
  g_assert_true (tov_store_save (fixture->demo.store, edited, &error));
  g_assert_no_error (error);
  tov_ui_settle ();
  amount = tov_money_format (123456789);
  g_assert_true (shows_cell (GTK_WIDGET (column_view), amount));

  project = tov_store_lookup (fixture->demo.store, TOV_TYPE_PROJECT, tov_record_get_string (line, "project-id"));
  g_object_set (project, "title", "Et nyt navn", NULL);
  g_assert_true (tov_store_save (fixture->demo.store, project, &error));
  g_assert_no_error (error);
  tov_ui_settle ();
  title = g_strdup_printf ("%" G_GINT64_FORMAT ". Et nyt navn", tov_record_get_int (project, "number"));
  g_assert_true (shows_cell (GTK_WIDGET (column_view), title));
}

/* Printing goes through GTK's print operation with the report module's
 * pages: exported to PDF here, as "Print to File" would.
 */
static void
test_print_project_sheet (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *view;
  g_autoptr(TovRecord) project = NULL;
  g_autoptr(TovReport) report = NULL;
  g_autoptr(TovPrintOperation) operation = NULL;
  g_autofree char *pdf = g_build_filename (fixture->demo.dir, "sheet.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };

  select_project (fixture, "Invester før det sker");
  view = tov_ui_find_widget (GTK_WIDGET (fixture->demo.window), TOV_TYPE_PROJECTS_VIEW, NULL);
  g_object_get (view, "subject", &project, NULL);
  g_assert_nonnull (project);

  report = tov_report_new (fixture->demo.store, TOV_SHEET_PROJECT, project);
  operation = tov_print_operation_new (report);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), pdf);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            NULL, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &text, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Invester før det sker"));
  g_assert_nonnull (strstr (text, "4.1"));
  g_assert_nonnull (strstr (text, "Side 1 af"));
  g_unlink (pdf);
}

/* The shortcuts window, which the window makes when first asked for. */
static void
test_keyboard_shortcuts (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (fixture->demo.window);
  GtkShortcutsWindow *shortcuts;

  g_assert_null (gtk_application_window_get_help_overlay (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-shortcuts", NULL));
  tov_ui_settle ();

  shortcuts = gtk_application_window_get_help_overlay (window);
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (shortcuts)) == GTK_WINDOW (window));
  g_assert_nonnull (tov_ui_find_widget (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUTS_SHORTCUT, NULL));

  /* Closed and asked for again, it is the same window. */
  gtk_window_close (GTK_WINDOW (shortcuts));
  tov_ui_settle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-shortcuts", NULL));
  tov_ui_settle ();
  g_assert_true (gtk_application_window_get_help_overlay (window) == shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/project-page", test_page_shows_decisions_and_money);
  ADD ("/ui/edit-project", test_edit_project_through_form);
  ADD ("/ui/delete-and-undo", test_delete_and_undo_from_list);
  ADD ("/ui/add-dated-status", test_add_dated_status);
  ADD ("/ui/print-project-sheet", test_print_project_sheet);
  ADD ("/ui/search-everything", test_search_everything);
  ADD ("/ui/budget-search-and-totals", test_budget_search_and_totals);
  ADD ("/ui/budget-cells-follow-edits", test_budget_cells_follow_edits);
  ADD ("/ui/portfolio-properties", test_portfolio_properties);
  ADD ("/ui/partnership-status", test_partnership_status);
  ADD ("/ui/keyboard-shortcuts", test_keyboard_shortcuts);
#undef ADD

  return g_test_run ();
}
