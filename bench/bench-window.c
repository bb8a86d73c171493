/* bench-window.c: Tovholder's window with a portfolio open, in process.
 *
 * Runs the application as `tovholder FILE` does (TovApplication opening a
 * file), and watches its window from outside through the frame clock, so
 * that the application needs no hooks for its benchmarks:
 *
 *   bench-window startup FILE   prints the monotonic time of the first
 *                               drawn frame and the peak resident memory
 *   bench-window sections FILE  visits every section, then prints the peak
 *                               resident memory and the Budget section's
 *                               row widgets
 *   bench-window scroll FILE    scrolls the Budget section's list from top
 *                               to bottom a page a frame and times every
 *                               frame from before-paint to after-paint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <unistd.h>

#include "bench-util.h"
#include "tov-application.h"
#include "tov-window.h"

#define SETTLE_MS 500
#define FRAME_MS 16.0
/* Row widgets the Budget section may make for 100,000 lines. */
#define MAX_ROWS 1000
/* Frames of slow scrolling, a few pixels each, before the page-a-frame sweep. */
#define SMOOTH_FRAMES 240
#define SMOOTH_STEP 24.0


typedef enum
{
  MODE_STARTUP,
  MODE_SECTIONS,
  MODE_SCROLL,
} Mode;

typedef struct
{
  Mode mode;
  GApplication *application;
  TovWindow *window;
  GdkFrameClock *clock;
  guint section;
  gboolean budget_counted;

  GPtrArray *sections;    /* the sidebar's section names */

  /* Scrolling */
  GtkAdjustment *adjustment;
  double paint_start;
  GArray *smooth_frames;
  GArray *sweep_frames;
  guint n_frames;
  gboolean swept;
} Bench;

static Bench bench;

static GtkWidget *
find_descendant (GtkWidget  *root,
                 const char *type_name)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (root), type_name))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
count_descendants (GtkWidget *root,
                   guint     *n_widgets,
                   guint     *n_rows,
                   guint     *n_cells)
{
  const char *name = G_OBJECT_TYPE_NAME (root);

  (*n_widgets)++;
  /* GTK 4.8's column view: a row is a GtkListItemWidget, a cell its GtkColumnViewCell. */
  if (g_str_equal (name, "GtkListItemWidget"))
    (*n_rows)++;
  else if (g_str_equal (name, "GtkColumnViewCell"))
    (*n_cells)++;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_descendants (child, n_widgets, n_rows, n_cells);
}

static GtkColumnView *
budget_column_view (void)
{
  GtkWidget *view = find_descendant (GTK_WIDGET (bench.window), "TovBudgetView");

  g_assert (view != NULL);
  return GTK_COLUMN_VIEW (find_descendant (view, "GtkColumnView"));
}

static gboolean
report_budget_widgets (void)
{
  GtkColumnView *column_view = budget_column_view ();
  guint n_widgets = 0, n_rows = 0, n_cells = 0;

  count_descendants (GTK_WIDGET (column_view), &n_widgets, &n_rows, &n_cells);
  bench_report ("window.budget.lines", g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (column_view))),
                "rows", BENCH_INFO, 0);
  bench_report ("window.budget.widgets", n_widgets, "widgets", BENCH_INFO, 0);
  bench_report ("window.budget.cell-widgets", n_cells, "widgets", BENCH_INFO, 0);
  return bench_report ("window.budget.row-widgets", n_rows, "widgets", BENCH_AT_MOST, MAX_ROWS);
}

static gboolean
quit (gpointer data)
{
  printf ("VMHWM\t%" G_GINT64_FORMAT "\n", bench_vm_hwm_kib ());
  fflush (stdout);
  g_application_quit (bench.application);
  return G_SOURCE_REMOVE;
}

/* Sections ----------------------------------------------------------------- */

/* The names of the sidebar's rows, which tov_window_show_section() takes. */
static GPtrArray *
find_sections (GtkWidget *root,
               GPtrArray *names)
{
  if (GTK_IS_LIST_BOX_ROW (root) && gtk_widget_has_css_class (gtk_widget_get_parent (root), "navigation-sidebar"))
    g_ptr_array_add (names, g_strdup (gtk_widget_get_name (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_sections (child, names);
  return names;
}

static gboolean
visit_next_section (gpointer data)
{
  if (bench.sections == NULL)
    {
      bench.sections = find_sections (GTK_WIDGET (bench.window), g_ptr_array_new_with_free_func (g_free));
      printf ("Visiting the sections:");
      for (guint i = 0; i < bench.sections->len; i++)
        printf (" %s", (const char *) g_ptr_array_index (bench.sections, i));
      printf ("\n");
    }

  if (bench.section > 0 && g_str_equal (g_ptr_array_index (bench.sections, bench.section - 1), "budget") &&
      !bench.budget_counted)
    {
      report_budget_widgets ();
      bench.budget_counted = TRUE;
    }

  if (bench.section == bench.sections->len)
    {
      quit (NULL);
      return G_SOURCE_REMOVE;
    }

  tov_window_show_section (bench.window, g_ptr_array_index (bench.sections, bench.section++));
  return G_SOURCE_CONTINUE;
}

/* Scrolling ---------------------------------------------------------------- */

static void
on_before_paint (GdkFrameClock *clock)
{
  bench.paint_start = bench_now_ms ();
}

static void
report_frames (const char *name,
               GArray     *frames)
{
  g_autofree char *n_key = g_strdup_printf ("scroll.%s.frames", name);
  g_autofree char *median_key = g_strdup_printf ("scroll.%s.frame-median", name);
  g_autofree char *p99_key = g_strdup_printf ("scroll.%s.frame-p99", name);
  g_autofree char *max_key = g_strdup_printf ("scroll.%s.frame-max", name);
  g_autofree char *over_key = g_strdup_printf ("scroll.%s.frames-over-16ms", name);
  guint over = 0;

  for (guint i = 0; i < frames->len; i++)
    over += g_array_index (frames, double, i) > FRAME_MS;

  bench_report (n_key, frames->len, "frames", BENCH_INFO, 0);
  bench_report (median_key, bench_median (frames), "ms", BENCH_INFO, 0);
  bench_report (p99_key, bench_percentile (frames, 99), "ms", BENCH_INFO, 0);
  bench_report (max_key, bench_max (frames), "ms", BENCH_AT_MOST, FRAME_MS);
  bench_report (over_key, over, "frames", BENCH_AT_MOST, 0);
}

static void
on_scroll_after_paint (GdkFrameClock *clock)
{
  double ms = bench_now_ms () - bench.paint_start;

  /* The frame the step of the previous tick produced. */
  if (bench.n_frames > 0 && !bench.swept)
    g_array_append_val (bench.n_frames <= SMOOTH_FRAMES ? bench.smooth_frames : bench.sweep_frames, ms);
}

static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  GtkAdjustment *adjustment = bench.adjustment;
  double value = gtk_adjustment_get_value (adjustment);
  double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  if (bench.n_frames > 0 && value >= end)
    {
      bench.swept = TRUE;
      printf ("Scrolling the Budget list:\n");
      report_frames ("smooth", bench.smooth_frames);
      report_frames ("page-a-frame", bench.sweep_frames);
      report_budget_widgets ();
      g_idle_add (quit, NULL);
      return G_SOURCE_REMOVE;
    }

  bench.n_frames++;
  if (bench.n_frames <= SMOOTH_FRAMES)
    gtk_adjustment_set_value (adjustment, MIN (value + SMOOTH_STEP, end));
  else
    gtk_adjustment_set_value (adjustment, MIN (value + gtk_adjustment_get_page_size (adjustment), end));
  return G_SOURCE_CONTINUE;
}

static gboolean
start_scrolling (gpointer data)
{
  GtkColumnView *column_view = budget_column_view ();

  bench.adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (column_view));
  g_assert (bench.adjustment != NULL);
  bench.smooth_frames = g_array_new (FALSE, FALSE, sizeof (double));
  bench.sweep_frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect (bench.clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
  g_signal_connect (bench.clock, "after-paint", G_CALLBACK (on_scroll_after_paint), NULL);
  gtk_widget_add_tick_callback (GTK_WIDGET (column_view), scroll_tick, NULL, NULL);
  return G_SOURCE_REMOVE;
}

/* Start-up ----------------------------------------------------------------- */

static void
on_first_after_paint (GdkFrameClock *clock)
{
  printf ("FIRST_FRAME\t%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  /* For `perf stat`: the work up to the first frame, and nothing after. */
  if (g_getenv ("BENCH_EXIT_AT_FIRST_FRAME") != NULL)
    _exit (0);
  g_signal_handlers_disconnect_by_func (clock, on_first_after_paint, NULL);

  switch (bench.mode)
    {
    case MODE_STARTUP:
      g_timeout_add (SETTLE_MS, quit, NULL);
      break;

    case MODE_SECTIONS:
      g_timeout_add (SETTLE_MS, visit_next_section, NULL);
      break;

    case MODE_SCROLL:
      tov_window_show_section (bench.window, "budget");
      g_timeout_add (SETTLE_MS, start_scrolling, NULL);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
on_realize (GtkWidget *window)
{
  bench.clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (bench.clock, "after-paint", G_CALLBACK (on_first_after_paint), NULL);
}

static void
on_window_added (GtkApplication *application,
                 GtkWindow      *window)
{
  if (!TOV_IS_WINDOW (window))
    g_error ("The portfolio did not open: the application showed a %s", G_OBJECT_TYPE_NAME (window));
  bench.window = TOV_WINDOW (window);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TovApplication) application = NULL;
  char *app_argv[3];
  int status;

  if (argc != 3 || (!g_str_equal (argv[1], "startup") && !g_str_equal (argv[1], "sections") &&
                    !g_str_equal (argv[1], "scroll")))
    {
      fprintf (stderr, "Usage: %s startup|sections|scroll PORTFOLIO\n", argv[0]);
      return 2;
    }
  bench.mode = g_str_equal (argv[1], "startup") ? MODE_STARTUP :
               g_str_equal (argv[1], "sections") ? MODE_SECTIONS : MODE_SCROLL;

  application = tov_application_new ();
  bench.application = G_APPLICATION (application);
  g_signal_connect (application, "window-added", G_CALLBACK (on_window_added), NULL);

  /* As `tovholder FILE`. */
  app_argv[0] = argv[0];
  app_argv[1] = argv[2];
  app_argv[2] = NULL;
  status = g_application_run (G_APPLICATION (application), 2, app_argv);

  g_clear_pointer (&bench.sections, g_ptr_array_unref);
  g_clear_pointer (&bench.smooth_frames, g_array_unref);
  g_clear_pointer (&bench.sweep_frames, g_array_unref);
  return status;
}
