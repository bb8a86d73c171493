/* test-list-pane.c: a long list in a section shows every row, and lets go
 * of its rows when hidden.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tov-cell-label.h"
#include "tov-list-pane.h"
#include "tov-project.h"
#include "tov-query-model.h"
#include "tov-ui-test.h"

#define N_PROJECTS 300

static void
add_projects (TovStore *store)
{
  g_autoptr(GPtrArray) projects = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_PROJECTS; i++)
    {
      g_autofree char *title = g_strdup_printf ("Projekt %03u", i);

      g_ptr_array_add (projects, g_object_new (TOV_TYPE_PROJECT, "number", (gint64) (100 + i),
                                               "title", title, NULL));
    }
  tov_store_save_all (store, projects, &error);
  g_assert_no_error (error);
}

static GListModel *
shown_rows (TovListPane *pane)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (tov_ui_find_widget (GTK_WIDGET (pane), GTK_TYPE_COLUMN_VIEW, NULL));

  return G_LIST_MODEL (gtk_column_view_get_model (view));
}

/* The rest of the rows come when the main loop is idle, however long
 * that takes on a busy machine.
 */
static void
wait_for_rows (TovListPane *pane,
               guint        n_rows)
{
  while (shown_rows (pane) == NULL || g_list_model_get_n_items (shown_rows (pane)) < n_rows)
    g_main_context_iteration (NULL, TRUE);
}

static TovListPane *
projects_pane (TovUiDemo *demo)
{
  tov_window_show_section (demo->window, "projects");
  tov_ui_settle ();
  return TOV_LIST_PANE (tov_ui_find_widget (GTK_WIDGET (demo->window), TOV_TYPE_LIST_PANE, NULL));
}

/* Every project can be scrolled to and selected, the last one too. */
static void
test_every_row_reachable (void)
{
  TovUiDemo demo;
  TovListPane *pane;
  g_autoptr(TovQueryModel) projects = NULL;
  g_autoptr(TovRecord) last = NULL;
  guint n;

  tov_ui_demo_open (&demo, 1100, 720);
  add_projects (demo.store);
  pane = projects_pane (&demo);

  projects = tov_query_model_new (demo.store, TOV_TYPE_PROJECT);
  n = g_list_model_get_n_items (G_LIST_MODEL (projects));
  g_assert_cmpuint (n, >, N_PROJECTS);
  wait_for_rows (pane, n);
  g_assert_cmpuint (g_list_model_get_n_items (shown_rows (pane)), ==, n);

  last = g_list_model_get_item (G_LIST_MODEL (projects), n - 1);
  g_assert_true (tov_list_pane_select (pane, last));
  g_assert_true (tov_list_pane_get_selected (pane) == last);

  tov_ui_demo_close (&demo);
}

typedef struct
{
  TovListPane *pane;
  guint n_rows;
  double upper;
  double page_size;
} FirstFrame;

static void
on_first_frame (GdkFrameClock *clock,
                FirstFrame    *frame)
{
  GtkScrollable *view = GTK_SCROLLABLE (tov_ui_find_widget (GTK_WIDGET (frame->pane), GTK_TYPE_COLUMN_VIEW, NULL));
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (view);

  g_signal_handlers_disconnect_by_func (clock, on_first_frame, frame);
  frame->n_rows = g_list_model_get_n_items (shown_rows (frame->pane));
  frame->upper = gtk_adjustment_get_upper (adjustment);
  frame->page_size = gtk_adjustment_get_page_size (adjustment);
}

/* A new window's first frame has the rows that fill its list, as many as
 * the window has room for, and not all of a long list.
 */
static void
test_first_frame_fills_window (void)
{
  TovUiDemo demo;
  GtkWindow *window;
  FirstFrame frame = { NULL };
  guint n;

  tov_ui_demo_open (&demo, 1100, 720);
  add_projects (demo.store);
  {
    g_autoptr(TovQueryModel) projects = tov_query_model_new (demo.store, TOV_TYPE_PROJECT);

    n = g_list_model_get_n_items (G_LIST_MODEL (projects));
  }

  window = g_object_new (TOV_TYPE_WINDOW, "store", demo.store, NULL);
  gtk_window_set_default_size (window, 1100, 720);
  frame.pane = TOV_LIST_PANE (tov_ui_find_widget (GTK_WIDGET (window), TOV_TYPE_LIST_PANE, NULL));
  gtk_widget_realize (GTK_WIDGET (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_first_frame), &frame);
  gtk_window_present (window);
  while (frame.n_rows == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpfloat (frame.page_size, >, 0);
  g_assert_cmpfloat (frame.upper, >=, frame.page_size);
  g_assert_cmpuint (frame.n_rows, <=, 720 / 20 + 1);
  g_assert_cmpuint (frame.n_rows, <, n);

  gtk_window_destroy (window);
  tov_ui_demo_close (&demo);
}

/* A hidden section keeps its selection, not its rows; shown again, it has
 * its rows back.
 */
static void
test_hidden_list_lets_go_of_rows (void)
{
  TovUiDemo demo;
  TovListPane *pane;
  TovRecord *selected;
  GtkWidget *cell;

  tov_ui_demo_open (&demo, 1100, 720);
  add_projects (demo.store);
  pane = projects_pane (&demo);
  {
    g_autoptr(TovQueryModel) projects = tov_query_model_new (demo.store, TOV_TYPE_PROJECT);
    g_autoptr(TovRecord) first = g_list_model_get_item (G_LIST_MODEL (projects), 0);

    g_assert_true (tov_list_pane_select (pane, first));
  }
  selected = tov_list_pane_get_selected (pane);

  tov_window_show_section (demo.window, "budget");
  tov_ui_settle ();
  g_assert_null (shown_rows (pane));
  g_assert_true (tov_list_pane_get_selected (pane) == selected);

  tov_window_show_section (demo.window, "projects");
  tov_ui_settle ();
  g_assert_nonnull (shown_rows (pane));
  g_assert_true (tov_list_pane_get_selected (pane) == selected);

  /* The cells show the records' text. */
  cell = tov_ui_find_widget (GTK_WIDGET (pane), TOV_TYPE_CELL_LABEL, NULL);
  g_assert_nonnull (cell);
  g_assert_cmpstr (tov_cell_label_get_label (TOV_CELL_LABEL (cell)), !=, NULL);

  tov_ui_demo_close (&demo);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/list-pane/every-row-reachable", test_every_row_reachable);
  g_test_add_func ("/list-pane/hidden-list-lets-go-of-rows", test_hidden_list_lets_go_of_rows);
  g_test_add_func ("/list-pane/first-frame-fills-window", test_first_frame_fills_window);

  return g_test_run ();
}
