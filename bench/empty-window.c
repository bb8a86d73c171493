/* empty-window.c: the peer of the start-up benchmarks.
 *
 * The least a libadwaita application shows: a window of Tovholder's size
 * with a header bar and nothing in it. It prints the monotonic time of its
 * first drawn frame, which bench/run-benches.py compares with the time it
 * started the process, then its peak resident memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <unistd.h>

#include "bench-util.h"

/* Long enough for the frames that follow the first to settle. */
#define SETTLE_MS 500

static gboolean
quit_after_settling (gpointer data)
{
  printf ("VMHWM\t%" G_GINT64_FORMAT "\n", bench_vm_hwm_kib ());
  fflush (stdout);
  g_application_quit (data);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                GtkWidget     *window)
{
  printf ("FIRST_FRAME\t%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  /* For `perf stat`: the work up to the first frame, and nothing after. */
  if (g_getenv ("BENCH_EXIT_AT_FIRST_FRAME") != NULL)
    _exit (0);
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);
  g_timeout_add (SETTLE_MS, quit_after_settling, gtk_window_get_application (GTK_WINDOW (window)));
}

static void
on_realize (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint), window);
}

static void
on_activate (GtkApplication *application)
{
  GtkWidget *window = adw_application_window_new (application);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application = adw_application_new ("dk.tovholder.Bench.EmptyWindow",
                                                               G_APPLICATION_NON_UNIQUE);

  g_signal_connect (application, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
