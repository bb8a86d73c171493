/* bench-search.c: a keystroke in search, to the list's new rows.
 *
 * Types words into the search of the Budget and Projects lists, letter by
 * letter and back again, as the list pane hands them to its TovQueryModel,
 * and into the global search. Each keystroke is timed from the new text to
 * the model's new rowids; the target is one frame, 16 ms.
 *
 * GtkSearchEntry waits 150 ms after a keystroke before it reports the
 * change; that wait is the entry's, not part of these figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "bench-util.h"
#include "tov-query-model.h"
#include "tov-records.h"
#include "tov-search.h"

#define FRAME_MS 16.0
#define PASSES 3

static const char *words[] = { "Sundhedscentret", "Rødovre", "velfærd", "Bøgh" };

typedef void (*SearchFunc) (gpointer data, const char *text);

static void
search_model (gpointer    data,
              const char *text)
{
  tov_query_model_set_search (data, text);
  /* The view asks for the first rows at once. */
  for (guint i = 0; i < MIN (30u, g_list_model_get_n_items (data)); i++)
    g_object_unref (g_list_model_get_item (data, i));
}

static void
search_everything (gpointer    data,
                   const char *text)
{
  g_autoptr(GListModel) hits = NULL;

  if (text[0] == '\0')
    return;
  hits = tov_search (data, text, 20);
}

/* Types every word letter by letter and deletes it again, @PASSES times
 * after one pass that warms the caches. Returns the keystrokes' times.
 */
static GArray *
type_words (SearchFunc  search,
            gpointer    data)
{
  GArray *times = g_array_new (FALSE, FALSE, sizeof (double));

  for (int pass = 0; pass <= PASSES; pass++)
    for (guint w = 0; w < G_N_ELEMENTS (words); w++)
      {
        glong n_chars = g_utf8_strlen (words[w], -1);

        for (glong n = 1; n <= 2 * n_chars; n++)
          {
            glong length = n <= n_chars ? n : 2 * n_chars - n;
            g_autofree char *text = g_utf8_substring (words[w], 0, length);
            double start = bench_now_ms ();

            search (data, text);
            if (pass > 0)
              {
                double ms = bench_now_ms () - start;

                g_array_append_val (times, ms);
              }
          }
      }

  return times;
}

static gboolean
report_times (const char *name,
              GArray     *times)
{
  g_autofree char *median_key = g_strdup_printf ("search.%s.keystroke-median", name);
  g_autofree char *p95_key = g_strdup_printf ("search.%s.keystroke-p95", name);
  g_autofree char *max_key = g_strdup_printf ("search.%s.keystroke-max", name);

  bench_report (median_key, bench_median (times), "ms", BENCH_INFO, 0);
  bench_report (p95_key, bench_percentile (times, 95), "ms", BENCH_INFO, 0);
  return bench_report (max_key, bench_max (times), "ms", BENCH_AT_MOST, FRAME_MS);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TovStore) store = NULL;
  g_autoptr(TovQueryModel) lines = NULL;
  g_autoptr(TovQueryModel) projects = NULL;
  g_autoptr(GArray) line_times = NULL;
  g_autoptr(GArray) project_times = NULL;
  g_autoptr(GArray) global_times = NULL;
  gboolean met = TRUE;

  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s PORTFOLIO\n", argv[0]);
      return 2;
    }

  store = tov_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);

  lines = tov_query_model_new (store, TOV_TYPE_BUDGET_LINE);
  projects = tov_query_model_new (store, TOV_TYPE_PROJECT);

  printf ("Search, keystroke to new rows (%u budget lines, %u projects):\n",
          g_list_model_get_n_items (G_LIST_MODEL (lines)), g_list_model_get_n_items (G_LIST_MODEL (projects)));
  line_times = type_words (search_model, lines);
  met &= report_times ("budget-lines", line_times);
  project_times = type_words (search_model, projects);
  met &= report_times ("projects", project_times);
  global_times = type_words (search_everything, store);
  met &= report_times ("global-fts", global_times);

  return met ? 0 : 1;
}
