/* test-plans-ui.c: a user opens an action plan of the demo, reads an
 * initiative, gives it a status, edits it, and the file has it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "tov-date.h"
#include "tov-editor-dialog.h"
#include "tov-initiative-page.h"
#include "tov-list-pane.h"
#include "tov-plans-view.h"
#include "tov-records.h"
#include "tov-status-timeline.h"
#include "tov-ui-test.h"
#include "tov-window.h"

#define PLAN "Handleplan for udsattepolitikken 2017-2019"
#define INITIATIVE "Flere skal med på arbejdsmarkedet"

typedef struct
{
  TovUiDemo demo;
  GtkWidget *view;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  /* Half a laptop screen folds the window to one pane at a time. */
  tov_ui_demo_open (&fixture->demo, data != NULL ? 683 : 0, 740);

  tov_window_show_section (fixture->demo.window, "plans");
  tov_ui_settle ();
  fixture->view = tov_ui_find_widget (GTK_WIDGET (fixture->demo.window), TOV_TYPE_PLANS_VIEW, NULL);
  g_assert_nonnull (fixture->view);
  g_assert_true (gtk_widget_get_mapped (fixture->view));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tov_ui_demo_close (&fixture->demo);
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

/* The stack of the list half, which shows "plans" or "initiatives". */
static GtkStack *
list_stack (Fixture *fixture)
{
  GtkWidget *pane = tov_ui_find_widget (fixture->view, TOV_TYPE_LIST_PANE, NULL);
  GtkStack *stack = GTK_STACK (gtk_widget_get_parent (pane));

  g_assert_nonnull (gtk_stack_get_child_by_name (stack, "initiatives"));
  return stack;
}

static GtkSingleSelection *
pane_selection (Fixture    *fixture,
                const char *name)
{
  GtkWidget *pane = gtk_stack_get_child_by_name (list_stack (fixture), name);
  GtkColumnView *column_view = GTK_COLUMN_VIEW (tov_ui_find_widget (pane, GTK_TYPE_COLUMN_VIEW, NULL));

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
          tov_ui_settle ();
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

static const char *
row_value (GtkWidget  *root,
           const char *title)
{
  GtkWidget *row = tov_ui_find_widget (root, ADW_TYPE_ACTION_ROW, title);

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
  page = tov_ui_find_widget (fixture->view, TOV_TYPE_INITIATIVE_PAGE, NULL);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpstr (row_value (page, "Coordinator"), ==, "Jobcentret");
  g_assert_true (g_str_has_prefix (row_value (page, "Period"), "Medio 2017 til ultimo 2019."));
  g_assert_cmpstr (row_value (page, "Strategy goals"), ==, "4");
  g_assert_cmpstr (row_value (page, "State"), ==, "Completed");
  g_assert_nonnull (tov_ui_find_widget (page, ADW_TYPE_ACTION_ROW, "Projektet sluttes den 31. august 2019."));

  /* Back to all plans: none is chosen, and the page has nothing to show. */
  g_assert_true (gtk_widget_activate_action (fixture->view, "view.show-plans", NULL));
  tov_ui_settle ();
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
  timeline = tov_ui_find_widget (fixture->view, TOV_TYPE_STATUS_TIMELINE, NULL);
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.add", NULL));
  tov_ui_settle ();

  editor = tov_ui_find_editor ();
  g_assert_nonnull (editor);
  date = tov_ui_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Date");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, shown_today);
  adw_combo_row_set_selected (ADW_COMBO_ROW (tov_ui_find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "State")),
                              TOV_PROGRESS_COMPLETED);
  text = GTK_TEXT_VIEW (tov_ui_find_widget (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, NULL));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text),
                            "Evalueringen er fremlagt for Beskæftigelsesudvalget & Udsatterådet.", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  tov_ui_settle ();
  g_assert_null (tov_ui_find_editor ());

  saved = tov_ui_query_text (fixture->demo.path,
                      "SELECT s.date || '|' || s.state || '|' || s.text FROM status_update s "
                      "JOIN initiative i ON i.id = s.initiative_id "
                      "WHERE i.title = '" INITIATIVE "' AND s.text LIKE 'Evalueringen%'");
  expected = g_strdup_printf ("%s|completed|Evalueringen er fremlagt for Beskæftigelsesudvalget & Udsatterådet.", today);
  g_assert_cmpstr (saved, ==, expected);
  g_assert_nonnull (tov_ui_find_widget (timeline, ADW_TYPE_ACTION_ROW, "Evalueringen er fremlagt"));
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
  tov_ui_settle ();

  editor = tov_ui_find_editor ();
  g_assert_nonnull (editor);
  g_assert_true (tov_form_get_valid (tov_editor_dialog_get_form (editor)));
  coordinator = tov_ui_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Coordinator");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (coordinator)), ==, "Jobcentret");
  gtk_editable_set_text (GTK_EDITABLE (coordinator), "Jobcentret & Rådgivnings- og Behandlingscentret");

  /* Nothing is written before Save. */
  saved = tov_ui_query_text (fixture->demo.path, "SELECT coordinator FROM initiative WHERE title = '" INITIATIVE "'");
  g_assert_cmpstr (saved, ==, "Jobcentret");
  g_clear_pointer (&saved, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  tov_ui_settle ();
  g_assert_null (tov_ui_find_editor ());

  saved = tov_ui_query_text (fixture->demo.path, "SELECT coordinator FROM initiative WHERE title = '" INITIATIVE "'");
  g_assert_cmpstr (saved, ==, "Jobcentret & Rådgivnings- og Behandlingscentret");
  page = tov_ui_find_widget (fixture->view, TOV_TYPE_INITIATIVE_PAGE, NULL);
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
  tov_ui_settle ();
  editor = tov_ui_find_editor ();
  g_assert_nonnull (editor);

  /* A new policy, made from the plan's form, is chosen there. */
  button = find_button (GTK_WIDGET (editor), "_New Policy…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  tov_ui_settle ();
  policy_editor = tov_ui_find_editor ();
  g_assert_true (policy_editor != editor);
  gtk_editable_set_text (GTK_EDITABLE (tov_ui_find_widget (GTK_WIDGET (policy_editor), ADW_TYPE_ENTRY_ROW, "Title")),
                         "Ældrepolitikken");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (policy_editor), "editor.save", NULL));
  tov_ui_settle ();
  g_assert_true (tov_ui_find_editor () == editor);
  saved = tov_ui_query_text (fixture->demo.path, "SELECT id FROM policy WHERE title = 'Ældrepolitikken'");
  g_assert_nonnull (saved);
  g_assert_cmpstr (tov_record_get_string (tov_form_get_record (tov_editor_dialog_get_form (editor)), "policy-id"), ==,
                   saved);
  g_clear_pointer (&saved, g_free);

  gtk_editable_set_text (GTK_EDITABLE (tov_ui_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Title")),
                         "Handleplan for ældrepolitikken 2020-2022");
  gtk_editable_set_text (GTK_EDITABLE (tov_ui_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "From year")), "2022");
  to = tov_ui_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "To year");
  gtk_editable_set_text (GTK_EDITABLE (to), "2020");

  /* A plan that ends before it starts is refused at its end, and Save with it. */
  g_assert_true (gtk_widget_has_css_class (to, "error"));
  g_assert_true (g_str_has_suffix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (to)), "ends before it starts"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  tov_ui_settle ();
  g_assert_true (tov_ui_find_editor () == editor);

  gtk_editable_set_text (GTK_EDITABLE (tov_ui_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "From year")), "2020");
  gtk_editable_set_text (GTK_EDITABLE (to), "2022");
  g_assert_false (gtk_widget_has_css_class (to, "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (to)), ==, "To year");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  tov_ui_settle ();
  g_assert_null (tov_ui_find_editor ());

  saved = tov_ui_query_text (fixture->demo.path,
                      "SELECT a.period_from || '-' || a.period_to || '|' || p.title FROM action_plan a "
                      "JOIN policy p ON p.id = a.policy_id WHERE a.title = 'Handleplan for ældrepolitikken 2020-2022'");
  g_assert_cmpstr (saved, ==, "2020-2022|Ældrepolitikken");
  g_clear_pointer (&saved, g_free);

  /* The new plan is open, with no initiatives yet; a new one is its number 1. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack (fixture)), ==, "initiatives");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pane_selection (fixture, "initiatives"))), ==, 0);
  g_assert_true (gtk_widget_activate_action (fixture->view, "view.new", NULL));
  tov_ui_settle ();
  editor = tov_ui_find_editor ();
  g_assert_nonnull (editor);
  number = tov_ui_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Number");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (number)), ==, "1");
  gtk_editable_set_text (GTK_EDITABLE (tov_ui_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Title")),
                         "Flere ældre i fællesskaber");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  tov_ui_settle ();

  saved = tov_ui_query_text (fixture->demo.path,
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
  tov_ui_settle ();
  editor = tov_ui_find_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tov_ui_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Number"))),
                   ==, "6");
  plan = tov_ui_find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Action plan");
  g_assert_nonnull (plan);
  g_assert_cmpstr (tov_record_get_string (tov_form_get_record (tov_editor_dialog_get_form (editor)), "plan-id"), ==,
                   "b106f8ee-a4d3-556b-89ee-6a9d8e3982d6");
  gtk_window_close (GTK_WINDOW (editor));
  tov_ui_settle ();
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *count = NULL;

  /* An initiative, from its page. */
  open_initiative (fixture);
  g_assert_true (gtk_widget_activate_action (fixture->view, "view.delete", NULL));
  tov_ui_settle ();
  count = tov_ui_query_text (fixture->demo.path, "SELECT count(*) FROM initiative WHERE title = '" INITIATIVE "'");
  g_assert_cmpstr (count, ==, "0");
  g_clear_pointer (&count, g_free);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pane_selection (fixture, "initiatives"))), ==, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->demo.window), "win.undo", NULL));
  tov_ui_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pane_selection (fixture, "initiatives"))), ==, 5);

  /* The plan, with its initiatives and their status. */
  g_assert_true (gtk_widget_activate_action (fixture->view, "view.delete-plan", NULL));
  tov_ui_settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack (fixture)), ==, "plans");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pane_selection (fixture, "plans"))), ==, 1);
  count = tov_ui_query_text (fixture->demo.path,
                      "SELECT count(*) FROM initiative WHERE plan_id = 'b106f8ee-a4d3-556b-89ee-6a9d8e3982d6'");
  g_assert_cmpstr (count, ==, "0");
  g_clear_pointer (&count, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->demo.window), "win.undo", NULL));
  tov_ui_settle ();
  count = tov_ui_query_text (fixture->demo.path,
                      "SELECT count(*) FROM initiative WHERE plan_id = 'b106f8ee-a4d3-556b-89ee-6a9d8e3982d6'");
  g_assert_cmpstr (count, ==, "5");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pane_selection (fixture, "plans"))), ==, 2);
  open_initiative (fixture);
}

static void
test_folded (Fixture       *fixture,
             gconstpointer  data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (tov_ui_find_widget (fixture->view, ADW_TYPE_LEAFLET, NULL));
  GtkWidget *plans = gtk_stack_get_child_by_name (list_stack (fixture), "plans");
  GtkWidget *initiatives = gtk_stack_get_child_by_name (list_stack (fixture), "initiatives");
  GtkWidget *page = tov_ui_find_widget (fixture->view, TOV_TYPE_INITIATIVE_PAGE, NULL);

  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (gtk_widget_get_mapped (plans));

  /* Alone on screen the pointer selects the row it is over: only a click,
   * which opens the row, shows a plan's initiatives.
   */
  select_row (fixture, "plans", PLAN);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack (fixture)), ==, "plans");
  g_signal_emit_by_name (plans, "activated");
  tov_ui_settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack (fixture)), ==, "initiatives");
  g_assert_true (gtk_widget_get_mapped (initiatives));

  select_row (fixture, "initiatives", INITIATIVE);
  g_assert_false (gtk_widget_get_mapped (page));
  g_signal_emit_by_name (initiatives, "activated");
  tov_ui_settle ();
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_true (gtk_widget_is_ancestor (page, adw_leaflet_get_visible_child (leaflet)));

  /* And back, one pane at a time. */
  g_assert_true (adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK));
  tov_ui_settle ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == GTK_WIDGET (list_stack (fixture)));
  g_assert_true (gtk_widget_get_mapped (initiatives));
  g_assert_true (gtk_widget_activate_action (fixture->view, "view.show-plans", NULL));
  tov_ui_settle ();
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
