/* tov-report-measure.c: where the lines of each block of a sheet end.
 *
 * Measuring lays out every paragraph, and every table cell whose height
 * the typesetter cannot tell from its characters' widths: it is most of
 * the work before the first page can be drawn. The layouts measured are
 * kept for drawing, up to a budget.
 *
 * A long sheet is measured on two threads, each taking the next block that
 * neither has taken. Pango may be used from several threads as long as each
 * has a font map of its own, so the helper thread lays out on a font map of
 * its own, in a context set up like the caller's. Both font maps make their
 * fonts from the same Cairo fonts: a layout from either draws the same
 * glyphs, and a PDF embeds each font once.
 *
 * A new font map reads the system's fonts again, which takes longer than
 * measuring a sheet of a few pages, so the helper's font map lives as long
 * as the caller's: the default font map of the caller's thread, which is
 * the only kind of font map whose fonts a new one is sure to find too. Its
 * fonts are used by one thread at a time: by the helper while it measures
 * and the caller waits, and by the caller when it draws.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-report"

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "tov-report-measure.h"

/* About 45 bytes of layout per byte of text: a sheet of some hundred
 * pages is laid out once, and a longer one lays out its later pages again
 * as it draws them.
 */
#define KEPT_TEXT_BUDGET (1024 * 1024)

/* A sheet with less text than this, a few pages, is measured sooner than
 * a thread is started.
 */
#define HELPER_MIN_TEXT (16 * 1024)

/* The helper's font map, kept on the caller's. */
#define HELPER_FONT_MAP "tov-report-helper-font-map"

typedef struct
{
  TovReportPages *pages;
  TovBlockMetrics *metrics;
  int n_blocks;
  int next;   /* the next block to measure, taken atomically */
} Job;

/* One thread's share of the work. */
typedef struct
{
  Job *job;
  TovTypesetter *typesetter;
  gsize kept_bytes;
  gsize budget;
  guint n_kept;
} Measurer;

static void
add_span (TovBlockMetrics *metrics,
          PangoLayout     *layout)
{
  TovSpan span = { metrics->ends->len, 0 };
  PangoLayoutIter *iter;

  if (layout != NULL)
    {
      iter = pango_layout_get_iter (layout);
      do
        {
          int y0, y1;
          double end;

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          end = pango_units_to_double (y1);
          g_array_append_val (metrics->ends, end);
          span.n++;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }

  g_array_append_val (metrics->spans, span);
}

static void
add_grid_span (TovBlockMetrics *metrics,
               guint            n_lines,
               double           first,
               double           step)
{
  TovSpan span = { metrics->ends->len, n_lines };

  for (guint i = 0; i < n_lines; i++)
    {
      double end = first + i * step;

      g_array_append_val (metrics->ends, end);
    }
  g_array_append_val (metrics->spans, span);
}

/* The free function of arrays that hold NULL among their elements. */
static void
unref_layout (gpointer layout)
{
  g_clear_object (&layout);
}

static void
keep_layout (Measurer    *measurer,
             GPtrArray   *kept,
             PangoLayout *layout)
{
  if (kept == NULL)
    return;

  g_ptr_array_add (kept, layout ? g_object_ref (layout) : NULL);
  if (layout != NULL)
    {
      measurer->kept_bytes += strlen (pango_layout_get_text (layout));
      measurer->n_kept++;
    }
}

static void
measure_block (Measurer *measurer,
               guint     index)
{
  TovReportPages *pages = measurer->job->pages;
  TovTypesetter *typesetter = measurer->typesetter;
  TovReportBlock *block = tov_report_blocks_get_block (pages->blocks, index);
  TovBlockMetrics *metrics = &measurer->job->metrics[index];
  GPtrArray *kept = NULL;

  metrics->ends = g_array_new (FALSE, FALSE, sizeof (double));
  metrics->spans = g_array_new (FALSE, FALSE, sizeof (TovSpan));

  /* Each thread fills only the slots of the blocks it takes. */
  if (measurer->kept_bytes < measurer->budget && block->kind != TOV_BLOCK_RULE && block->kind != TOV_BLOCK_SPACE)
    {
      kept = g_ptr_array_new_with_free_func (unref_layout);
      g_ptr_array_index (pages->kept, index) = kept;
    }

  if (block->kind == TOV_BLOCK_TEXT)
    {
      g_autoptr(PangoLayout) layout = NULL;
      double x;

      if (block->text[0] != '\0')
        layout = tov_typesetter_text_layout (typesetter, block, &x);
      add_span (metrics, layout);
      keep_layout (measurer, kept, layout);
    }
  else if (block->kind == TOV_BLOCK_TABLE)
    {
      TovReportTable *table = block->table;

      for (int row = TOV_ROW_HEADER; row < (int) table->rows->len; row++)
        for (guint column = 0; column < table->n_columns; column++)
          {
            g_autoptr(PangoLayout) layout = NULL;
            guint n_lines;
            double first, step;
            int x_shift;

            /* Most cells of a long table are measured without a layout. */
            if (tov_typesetter_cell_lines (typesetter, table, row, column, &n_lines, &first, &step))
              {
                add_grid_span (metrics, n_lines, first, step);
                keep_layout (measurer, kept, NULL);
                continue;
              }

            layout = tov_typesetter_cell_layout (typesetter, table, row, column, &x_shift);
            add_span (metrics, layout);
            keep_layout (measurer, kept, layout);
          }
    }
}

/* Measures the blocks that no other thread has taken yet. */
static gpointer
measure_blocks (gpointer data)
{
  Measurer *measurer = data;
  Job *job = measurer->job;
  int index;

  while ((index = g_atomic_int_add (&job->next, 1)) < job->n_blocks)
    measure_block (measurer, index);

  return NULL;
}

static gsize
text_size (TovReportBlocks *blocks)
{
  guint n_blocks = tov_report_blocks_get_n_blocks (blocks);
  gsize size = 0;

  for (guint i = 0; i < n_blocks && size < HELPER_MIN_TEXT; i++)
    {
      TovReportBlock *block = tov_report_blocks_get_block (blocks, i);

      if (block->text != NULL)
        size += strlen (block->text);
      for (guint row = 0; block->table != NULL && row < block->table->rows->len; row++)
        {
          TovReportRow *r = g_ptr_array_index (block->table->rows, row);

          for (guint column = 0; column < block->table->n_columns; column++)
            size += strlen (r->cells[column]);
        }
    }

  return size;
}

/* Sets up the helper's typesetter, when the caller's context is on the
 * default font map of its thread.
 */
static gboolean
set_up_helper (TovReportPages *pages)
{
  PangoFontMap *font_map = pango_context_get_font_map (tov_typesetter_get_context (pages->typesetter));
  PangoFontMap *helper;

  if (g_get_num_processors () < 2 || font_map != pango_cairo_font_map_get_default ())
    return FALSE;

  helper = g_object_get_data (G_OBJECT (font_map), HELPER_FONT_MAP);
  if (helper == NULL)
    {
      helper = pango_cairo_font_map_new_for_font_type (pango_cairo_font_map_get_font_type (PANGO_CAIRO_FONT_MAP (font_map)));
      if (helper == NULL)
        return FALSE;
      g_object_set_data_full (G_OBJECT (font_map), HELPER_FONT_MAP, helper, g_object_unref);
    }

  pages->helper = tov_typesetter_new_like (pages->typesetter, helper);
  return TRUE;
}

/**
 * tov_report_measure_release_helper:
 *
 * Lets go of the helper's typesetter, once no layout of the helper's is
 * kept any more.
 */
void
tov_report_measure_release_helper (TovReportPages *pages)
{
  g_clear_pointer (&pages->helper, tov_typesetter_free);
}

/**
 * tov_report_measure_blocks:
 *
 * Measures every block of @pages, keeping layouts in @pages->kept up to
 * the budget. A helper thread measures some of the blocks when the sheet
 * is long; its typesetter is then @pages->helper, until
 * tov_report_measure_release_helper().
 *
 * Returns: (transfer full): the metrics of every block, to free with
 *   tov_report_measure_free()
 */
TovBlockMetrics *
tov_report_measure_blocks (TovReportPages *pages)
{
  guint n_blocks = tov_report_blocks_get_n_blocks (pages->blocks);
  Job job = { pages, g_new0 (TovBlockMetrics, n_blocks), n_blocks, 0 };
  Measurer own = { &job, pages->typesetter, 0, KEPT_TEXT_BUDGET, 0 };
  Measurer helper = { &job, NULL, 0, KEPT_TEXT_BUDGET / 2, 0 };
  GThread *thread = NULL;

  g_assert (pages->helper == NULL);

  if (text_size (pages->blocks) >= HELPER_MIN_TEXT && set_up_helper (pages))
    {
      helper.typesetter = pages->helper;
      thread = g_thread_try_new ("tov-report-measure", measure_blocks, &helper, NULL);
      if (thread != NULL)
        own.budget = KEPT_TEXT_BUDGET / 2;
      else
        tov_report_measure_release_helper (pages);
    }

  measure_blocks (&own);
  if (thread != NULL)
    g_thread_join (thread);

  /* The helper's typesetter is kept only for the layouts it kept. */
  if (helper.n_kept == 0)
    tov_report_measure_release_helper (pages);

  return job.metrics;
}

void
tov_report_measure_free (TovBlockMetrics *metrics,
                         guint            n_blocks)
{
  for (guint i = 0; i < n_blocks; i++)
    {
      g_clear_pointer (&metrics[i].ends, g_array_unref);
      g_clear_pointer (&metrics[i].spans, g_array_unref);
    }
  g_free (metrics);
}
