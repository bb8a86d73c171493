/* test-plans-ui.c: a user opens an action plan of the demo, reads an
 * initiative, gives it a status, edits it, and the file has it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tov-date.h"
#include "tov-demo.h"
#include "tov-editor-dialog.h"
#include "tov-initiative-page.h"
#include "tov-list-pane.h"
#include "tov-plans-view.h"
#include "tov-records.h"
#include "tov-status-timeline.h"
#include "tov-window.h"

#define PLAN "Handleplan for udsattepolitikken 2017-2019"
#define INITIATIVE "Flere skal med på arbejdsmarkedet"

typedef struct
{
  char *dir;
  char *path;
  TovStore *store;
  TovWindow *window;
  GtkWidget *view;
} Fixture;

static gboolean
set_done (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop long enough for a few frames, so that what a change
 * shows is laid out and mapped, as the user would see it.
 */
static void
settle (void)
{
  gboolean done = FALSE;

  g_timeout_add (100, set_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (title == NULL || g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("tovholder-plans-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "demo.tovholder", NULL);
  fixture->store = tov_store_open (fixture->path, &error);
  g_assert_no_error (error);
  tov_demo_load (fixture->store, &error);
  g_assert_no_error (error);

  /* Half a laptop screen folds the window to one pane at a time. */
  fixture->window = g_object_new (TOV_TYPE_WINDOW, "store", fixture->store, NULL);
  if (data != NULL)
    gtk_window_set_default_size (GTK_WINDOW (fixture->window), 683, 740);
  gtk_window_present (GTK_WINDOW (fixture->window));
  settle ();

  tov_window_show_section (fixture->window, "plans");
  settle ();
  fixture->view = find_widget (GTK_WIDGET (fixture->window), TOV_TYPE_PLANS_VIEW, NULL);
  g_assert_nonnull (fixture->view);
  g_assert_true (gtk_widget_get_mapped (fixture->view));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  settle ();
  g_clear_object (&fixture->store);
  for (const char *suffix = ""; suffix != NULL; suffix = g_str_equal (suffix, "") ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *path = g_strconcat (fixture->path, suffix, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static TovEditorDialog *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);
  TovEditorDialog *found = NULL;

  /* The newest dialog is the one on top: a policy's form over a plan's. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (TOV_IS_EDITOR_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = TOV_EDITOR_DIALOG (window);
    }
  return found;
}

/* The stack of the list half, which shows "plans" or "initiatives". */
static GtkStack *
list_stack (Fixture *fixture)
{
  GtkWidget *pane = find_widget (fixture->view, TOV_TYPE_LIST_PANE, NULL);
  GtkStack *stack = GTK_STACK (gtk_widget_get_parent (pane));

  g_assert_nonnull (gtk_stack_get_child_by_name (stack, "initiatives"));
  return stack;
}

static GtkSingleSelection *
pane_selection (Fixture    *fixture,
                const char *name)
{
  GtkWidget *pane = gtk_stack_get_child_by_name (list_stack (fixture), name);
  GtkColumnView *column_view = GTK_COLUMN_VIEW (find_widget (pane, GTK_TYPE_COLUMN_VIEW, NULL));

  g_assert_true (TOV_IS_LIST_PANE (pane));
  return GTK_SINGLE_SELECTION (gtk_column_view_get_model (column_view));
}

/* Selects the row titled @title in the pane @name, as a click would. */
static void
select_row (Fixture    *fixture,
            const char *name,
            const char *title)
{
  GtkSingleSelection *selection = pane_selection (fixture, name);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TovRecord) record = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (g_str_equal (tov_record_get_string (record, "title"), title))
        {
          gtk_single_selection_set_selected (selection, i);
          settle ();
          return;
        }
    }
  g_assert_not_reached ();
}

static void
open_initiative (Fixture *fixture)
{
  select_row (fixture, "plans", PLAN);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack (fixture)), ==, "initiatives");
  select_row (fixture, "initiatives", INITIATIVE);
}

static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return result;
}

static const char *
row_value (GtkWidget  *root,
           const char *title)
{
  GtkWidget *row = find_widget (root, ADW_TYPE_ACTION_ROW, title);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static void
test_plan_shows_initiatives (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkSingleSelection *initiatives;
  GtkWidget *page;
  g_autoptr(TovRecord) fifth = NULL;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack (fixture)), ==, "plans");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pane_selection (fixture, "plans"))), ==, 2);

  select_row (fixture, "plans", PLAN);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack (fixture)), ==, "initiatives");
  initiatives = pane_selection (fixture, "initiatives");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (initiatives)), ==, 5);
  fifth = g_list_model_get_item (G_LIST_MODEL (initiatives), 4);
  g_assert_cmpint (tov_record_get_int (fifth, "number"), ==, 5);
  g_assert_cmpstr (tov_record_get_string (fifth, "title"), ==, INITIATIVE);

  select_row (fixture, "initiatives", INITIATIVE);
  page = find_widget (fixture->view, TOV_TYPE_INITIATIVE_PAGE, NULL);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpstr (row_value (page, "Coordinator"), ==, "Jobcentret");
  g_assert_true (g_str_has_prefix (row_value (page, "Period"), "Medio 2017 til ultimo 2019."));
  g_assert_cmpstr (row_value (page, "Strategy goals"), ==, "4");
  g_assert_cmpstr (row_value (page, "State"), ==, "Completed");
  g_assert_nonnull (find_widget (page, ADW_TYPE_ACTION_ROW, "Projektet sluttes den 31. august 2019."));

  /* Back to all plans: none is chosen, and the page has nothing to show. */
  g_assert_true (gtk_widget_activate_action (fixture->view, "view.show-plans", NULL));
  settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack (fixture)), ==, "plans");
  g_assert_null (gtk_single_selection_get_selected_item (pane_selection (fixture, "plans")));
  g_assert_false (gtk_widget_get_mapped (page));
}

static void
test_add_status (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *timeline;
  TovEditorDialog *editor;
  GtkWidget *date;
  GtkTextView *text;
  g_autofree char *today = tov_date_today ();
  g_autofree char *shown_today = tov_date_format (today);
  g_autofree char *saved = NULL;
  g_autofree char *expected = NULL;

  open_initiative (fixture);
  timeline = find_widget (fixture->view, TOV_TYPE_STATUS_TIMELINE, NULL);
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.add", NULL));
  settle ();

  editor = find_editor ();
  g_assert_nonnull (editor);
  date = find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Date");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, shown_today);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "State")),
                              TOV_PROGRESS_COMPLETED);
  text = GTK_TEXT_VIEW (find_widget (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, NULL));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text),
                            "Evalueringen er fremlagt for Beskæftigelsesudvalget & Udsatterådet.", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  settle ();
  g_assert_null (find_editor ());

  saved = query_text (fixture->path,
                      "SELECT s.date || '|' || s.state || '|' || s.text FROM status_update s "
                      "JOIN initiative i ON i.id = s.initiative_id "
                      "WHERE i.title = '" INITIATIVE "' AND s.text LIKE 'Evalueringen%'");
  expected = g_strdup_printf ("%s|completed|Evalueringen er fremlagt for Beskæftigelsesudvalget & Udsatterådet.", today);
  g_assert_cmpstr (saved, ==, expected);
  g_assert_nonnull (find_widget (timeline, ADW_TYPE_ACTION_ROW, "Evalueringen er fremlagt"));
}

static void
test_edit_initiative (Fixture       *fixture,
                      gconstpointer  data)
{
  TovEditorDialog *editor;
  GtkWidget *coordinator;
  GtkWidget *page;
  g_autofree char *saved = NULL;

  open_initiative (fixture);
  g_assert_true (gtk_widget_activate_action (fixture->view, "view.edit", NULL));
  settle ();

  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_true (tov_form_get_valid (tov_editor_dialog_get_form (editor)));
  coordinator = find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Coordinator");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (coordinator)), ==, "Jobcentret");
  gtk_editable_set_text (GTK_EDITABLE (coordinator), "Jobcentret & Rådgivnings- og Behandlingscentret");

  /* Nothing is written before Save. */
  saved = query_text (fixture->path, "SELECT coordinator FROM initiative WHERE title = '" INITIATIVE "'");
  g_assert_cmpstr (saved, ==, "Jobcentret");
  g_clear_pointer (&saved, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  settle ();
  g_assert_null (find_editor ());

  saved = query_text (fixture->path, "SELECT coordinator FROM initiative WHERE title = '" INITIATIVE "'");
  g_assert_cmpstr (saved, ==, "Jobcentret & Rådgivnings- og Behandlingscentret");
  page = find_widget (fixture->view, TOV_TYPE_INITIATIVE_PAGE, NULL);
  g_assert_cmpstr (row_value (page, "Coordinator"), ==, "Jobcentret & Rådgivnings- og Behandlingscentret");
}

static void
test_new_plan_and_initiative (Fixture       *fixture,
                              gconstpointer  data)
{
  TovEditorDialog *editor;
  TovEditorDialog *policy_editor;
  GtkWidget *button;
  GtkWidget *to;
  GtkWidget *number;
  g_autofree char *saved = NULL;

  g_assert_true (gtk_widget_activate_action (fixture->view, "view.new", NULL));
  settle ();
  editor = find_editor ();
  g_assert_nonnull (editor);

  /* A new policy, made from the plan's form, is chosen there. */
  button = find_button (GTK_WIDGET (editor), "_New Policy…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  settle ();
  policy_editor = find_editor ();
  g_assert_true (policy_editor != editor);
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (policy_editor), ADW_TYPE_ENTRY_ROW, "Title")),
                         "Ældrepolitikken");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (policy_editor), "editor.save", NULL));
  settle ();
  g_assert_true (find_editor () == editor);
  saved = query_text (fixture->path, "SELECT id FROM policy WHERE title = 'Ældrepolitikken'");
  g_assert_nonnull (saved);
  g_assert_cmpstr (tov_record_get_string (tov_form_get_record (tov_editor_dialog_get_form (editor)), "policy-id"), ==,
                   saved);
  g_clear_pointer (&saved, g_free);

  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Title")),
                         "Handleplan for ældrepolitikken 2020-2022");
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "From year")), "2022");
  to = find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "To year");
  gtk_editable_set_text (GTK_EDITABLE (to), "2020");

  /* A plan that ends before it starts is refused at its end, and Save with it. */
  g_assert_true (gtk_widget_has_css_class (to, "error"));
  g_assert_true (g_str_has_suffix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (to)), "ends before it starts"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  settle ();
  g_assert_true (find_editor () == editor);

  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "From year")), "2020");
  gtk_editable_set_text (GTK_EDITABLE (to), "2022");
  g_assert_false (gtk_widget_has_css_class (to, "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (to)), ==, "To year");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  settle ();
  g_assert_null (find_editor ());

  saved = query_text (fixture->path,
                      "SELECT a.period_from || '-' || a.period_to || '|' || p.title FROM action_plan a "
                      "JOIN policy p ON p.id = a.policy_id WHERE a.title = 'Handleplan for ældrepolitikken 2020-2022'");
  g_assert_cmpstr (saved, ==, "2020-2022|Ældrepolitikken");
  g_clear_pointer (&saved, g_free);

  /* The new plan is open, with no initiatives yet; a new one is its number 1. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack (fixture)), ==, "initiatives");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pane_selection (fixture, "initiatives"))), ==, 0);
  g_assert_true (gtk_widget_activate_action (fixture->view, "view.new", NULL));
  settle ();
  editor = find_editor ();
  g_assert_nonnull (editor);
  number = find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Number");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (number)), ==, "1");
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Title")),
                         "Flere ældre i fællesskaber");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  settle ();

  saved = query_text (fixture->path,
                      "SELECT i.number || '|' || a.title FROM initiative i JOIN action_plan a ON a.id = i.plan_id "
                      "WHERE i.title = 'Flere ældre i fællesskaber'");
  g_assert_cmpstr (saved, ==, "1|Handleplan for ældrepolitikken 2020-2022");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pane_selection (fixture, "initiatives"))), ==, 1);
  g_assert_nonnull (gtk_single_selection_get_selected_item (pane_selection (fixture, "initiatives")));
}

static void
test_next_number (Fixture       *fixture,
                  gconstpointer  data)
{
  TovEditorDialog *editor;
  GtkWidget *plan;

  select_row (fixture, "plans", PLAN);
  g_assert_true (gtk_widget_activate_action (fixture->view, "view.new", NULL));
  settle ();
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Number"))),
                   ==, "6");
  plan = find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Action plan");
  g_assert_nonnull (plan);
  g_assert_cmpstr (tov_record_get_string (tov_form_get_record (tov_editor_dialog_get_form (editor)), "plan-id"), ==,
                   "b106f8ee-a4d3-556b-89ee-6a9d8e3982d6");
  gtk_window_close (GTK_WINDOW (editor));
  settle ();
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *count = NULL;

  /* An initiative, from its page. */
  open_initiative (fixture);
  g_assert_true (gtk_widget_activate_action (fixture->view, "view.delete", NULL));
  settle ();
  count = query_text (fixture->path, "SELECT count(*) FROM initiative WHERE title = '" INITIATIVE "'");
  g_assert_cmpstr (count, ==, "0");
  g_clear_pointer (&count, g_free);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pane_selection (fixture, "initiatives"))), ==, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pane_selection (fixture, "initiatives"))), ==, 5);

  /* The plan, with its initiatives and their status. */
  g_assert_true (gtk_widget_activate_action (fixture->view, "view.delete-plan", NULL));
  settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack (fixture)), ==, "plans");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pane_selection (fixture, "plans"))), ==, 1);
  count = query_text (fixture->path,
                      "SELECT count(*) FROM initiative WHERE plan_id = 'b106f8ee-a4d3-556b-89ee-6a9d8e3982d6'");
  g_assert_cmpstr (count, ==, "0");
  g_clear_pointer (&count, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  settle ();
  count = query_text (fixture->path,
                      "SELECT count(*) FROM initiative WHERE plan_id = 'b106f8ee-a4d3-556b-89ee-6a9d8e3982d6'");
  g_assert_cmpstr (count, ==, "5");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pane_selection (fixture, "plans"))), ==, 2);
  open_initiative (fixture);
}

static void
test_folded (Fixture       *fixture,
             gconstpointer  data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (find_widget (fixture->view, ADW_TYPE_LEAFLET, NULL));
  GtkWidget *plans = gtk_stack_get_child_by_name (list_stack (fixture), "plans");
  GtkWidget *initiatives = gtk_stack_get_child_by_name (list_stack (fixture), "initiatives");
  GtkWidget *page = find_widget (fixture->view, TOV_TYPE_INITIATIVE_PAGE, NULL);

  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (gtk_widget_get_mapped (plans));

  /* Alone on screen the pointer selects the row it is over: only a click,
   * which opens the row, shows a plan's initiatives.
   */
  select_row (fixture, "plans", PLAN);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack (fixture)), ==, "plans");
  g_signal_emit_by_name (plans, "activated");
  settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack (fixture)), ==, "initiatives");
  g_assert_true (gtk_widget_get_mapped (initiatives));

  select_row (fixture, "initiatives", INITIATIVE);
  g_assert_false (gtk_widget_get_mapped (page));
  g_signal_emit_by_name (initiatives, "activated");
  settle ();
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_true (gtk_widget_is_ancestor (page, adw_leaflet_get_visible_child (leaflet)));

  /* And back, one pane at a time. */
  g_assert_true (adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK));
  settle ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == GTK_WIDGET (list_stack (fixture)));
  g_assert_true (gtk_widget_get_mapped (initiatives));
  g_assert_true (gtk_widget_activate_action (fixture->view, "view.show-plans", NULL));
  settle ();
  g_assert_true (gtk_widget_get_mapped (plans));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/plans-ui/plan-shows-initiatives", test_plan_shows_initiatives);
  ADD ("/plans-ui/add-status", test_add_status);
  ADD ("/plans-ui/edit-initiative", test_edit_initiative);
  ADD ("/plans-ui/new-plan-and-initiative", test_new_plan_and_initiative);
  ADD ("/plans-ui/next-number", test_next_number);
  ADD ("/plans-ui/delete-and-undo", test_delete_and_undo);
#undef ADD
  g_test_add ("/plans-ui/folded", Fixture, "folded", fixture_set_up, test_folded, fixture_tear_down);

  return g_test_run ();
}
