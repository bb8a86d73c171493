/* tov-report-pages.c: a sheet's blocks, broken into pages.
 *
 * Pagination measures every block once (tov-report-measure.c): for each
 * paragraph and each table cell it keeps where its lines end. A page is
 * then a list of placements, each a block (or a table row) and a window of
 * it: the lines whose bottom lies in (from, to]. A paragraph or a table
 * row that does not fit is cut at a line boundary and goes on with the
 * next lines on the next page, so no line is ever clipped or lost, and a
 * table that goes on repeats its header. The layouts measured are kept
 * for drawing, up to a budget; tov-report-draw.c draws the pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-report"

#include "config.h"

#include "tov-report-measure.h"

/* 2 cm at the sides; the header and footer sit in the top and bottom margins. */
#define MARGIN_X 56.69
#define MARGIN_Y 64.0

/* A row that is at most this part of a page moves to the next page whole
 * rather than being cut; a taller one is cut at a line boundary.
 */
#define KEEP_ROW_FRACTION 0.25

/* The free function of an array that holds NULL among its elements. */
static void
unref_kept (gpointer kept)
{
  g_clear_pointer (&kept, g_ptr_array_unref);
}

/* Kept layouts ------------------------------------------------------------ */

/**
 * tov_report_pages_kept_layout:
 *
 * Returns: (transfer full) (nullable): the layout measured for span @span
 *   of block @block, if it was kept
 */
PangoLayout *
tov_report_pages_kept_layout (TovReportPages *self,
                              guint           block,
                              guint           span)
{
  GPtrArray *kept = g_ptr_array_index (self->kept, block);
  PangoLayout *layout;

  if (kept == NULL || span >= kept->len)
    return NULL;
  layout = g_ptr_array_index (kept, span);
  return layout ? g_object_ref (layout) : NULL;
}

/**
 * tov_report_pages_drop_layouts:
 *
 * Lets go of the layouts kept from measuring: the pages can still be
 * drawn, laying them out again.
 */
void
tov_report_pages_drop_layouts (TovReportPages *self)
{
  for (guint i = 0; i < self->kept->len; i++)
    g_clear_pointer (&g_ptr_array_index (self->kept, i), g_ptr_array_unref);
  tov_typesetter_forget_layouts (self->typesetter);
  tov_report_measure_release_helper (self);
}

/* Using metrics ----------------------------------------------------------- */

static const TovSpan *
get_span (TovBlockMetrics *metrics,
          guint            index)
{
  return &g_array_index (metrics->spans, TovSpan, index);
}

static double
line_end (TovBlockMetrics *metrics,
          const TovSpan   *span,
          guint            line)
{
  return g_array_index (metrics->ends, double, span->first + line);
}

/* How many of the span's lines end at or above @y. */
static guint
lines_above (TovBlockMetrics *metrics,
             const TovSpan   *span,
             double           y)
{
  guint lo = 0;
  guint hi = span->n;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (line_end (metrics, span, mid) <= y)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The bottom of the last line that ends at or above @y, or 0. */
static double
end_above (TovBlockMetrics *metrics,
           const TovSpan   *span,
           double           y)
{
  guint n = lines_above (metrics, span, y);

  return n > 0 ? line_end (metrics, span, n - 1) : 0;
}

static double
span_height (TovBlockMetrics *metrics,
             const TovSpan   *span)
{
  return span->n > 0 ? line_end (metrics, span, span->n - 1) : 0;
}

/* Pagination -------------------------------------------------------------- */

typedef struct
{
  TovReportPages *self;
  TovBlockMetrics *metrics;
  guint n_blocks;
  double y;
  gboolean empty;   /* nothing on the page yet */
} Flow;

static void
flow_new_page (Flow *flow)
{
  guint start = flow->self->placements->len;

  g_array_append_val (flow->self->page_starts, start);
  flow->y = flow->self->top;
  flow->empty = TRUE;
}

static void
flow_place (Flow   *flow,
            guint   block,
            int     row,
            double  height,
            double  from,
            double  to)
{
  TovPlacement placement = { block, row, flow->y, height, from, to };

  g_array_append_val (flow->self->placements, placement);
  flow->y += height;
  flow->empty = FALSE;
}

static const TovSpan *
row_span (Flow  *flow,
          guint  block,
          int    row,
          guint  column)
{
  TovReportBlock *b = tov_report_blocks_get_block (flow->self->blocks, block);

  return get_span (&flow->metrics[block], (row + 1) * b->table->n_columns + column);
}

/* The height of the part of a table row whose lines end in (from, to]. */
static double
row_part_height (Flow   *flow,
                 guint   block,
                 int     row,
                 double  from,
                 double  to)
{
  TovReportBlock *b = tov_report_blocks_get_block (flow->self->blocks, block);
  TovBlockMetrics *metrics = &flow->metrics[block];
  TovPadding pad = tov_typesetter_cell_padding (b->table, row);
  double height = 0;

  for (guint column = 0; column < b->table->n_columns; column++)
    {
      const TovSpan *span = row_span (flow, block, row, column);

      height = MAX (height, end_above (metrics, span, to) - end_above (metrics, span, from));
    }

  return height + pad.top + pad.bottom;
}

static double head_height (Flow  *flow,
                           guint  block,
                           guint  depth);

/* The least of a block that must fit below a heading or a label for them
 * to stay on the page: two lines of a paragraph, a table's header and
 * the start of its first row.
 */
static double
head_height (Flow  *flow,
             guint  block,
             guint  depth)
{
  TovReportBlock *b;
  TovBlockMetrics *metrics;

  if (block >= flow->n_blocks || depth > 4)
    return 0;

  b = tov_report_blocks_get_block (flow->self->blocks, block);
  metrics = &flow->metrics[block];

  switch (b->kind)
    {
    case TOV_BLOCK_TEXT:
      {
        const TovSpan *span = get_span (metrics, 0);

        if (span->n == 0)
          return head_height (flow, block + 1, depth + 1);
        if (b->flags & TOV_BLOCK_KEEP_WITH_NEXT)
          return b->space_before + span_height (metrics, span) + head_height (flow, block + 1, depth + 1);
        return b->space_before + line_end (metrics, span, MIN (span->n, 2) - 1);
      }

    case TOV_BLOCK_TABLE:
      {
        double height = b->space_before;

        if (tov_typesetter_has_header (b->table))
          height += row_part_height (flow, block, TOV_ROW_HEADER, 0, TOV_WINDOW_END);
        if (b->table->rows->len > 0)
          height += MIN (row_part_height (flow, block, 0, 0, TOV_WINDOW_END), 48);
        return height;
      }

    case TOV_BLOCK_RULE:
    case TOV_BLOCK_SPACE:
    default:
      return b->space_before;
    }
}

static void
flow_text (Flow  *flow,
           guint  block)
{
  TovReportPages *self = flow->self;
  TovReportBlock *b = tov_report_blocks_get_block (self->blocks, block);
  TovBlockMetrics *metrics = &flow->metrics[block];
  const TovSpan *span = get_span (metrics, 0);
  double total = span_height (metrics, span);
  double space = flow->empty ? 0 : b->space_before;
  double from = 0;

  if (span->n == 0)
    return;

  if ((b->flags & TOV_BLOCK_KEEP_WITH_NEXT) && !flow->empty &&
      flow->y + space + total + head_height (flow, block + 1, 0) > self->bottom)
    {
      flow_new_page (flow);
      space = 0;
    }

  for (;;)
    {
      double avail = self->bottom - flow->y - space;
      double done = end_above (metrics, span, from);
      guint first, last, fit;
      double to;

      if (total - done <= avail + 0.01)
        {
          flow->y += space;
          flow_place (flow, block, 0, total - done, from, TOV_WINDOW_END);
          return;
        }

      /* Lines first … last - 1 fit on this page. */
      first = lines_above (metrics, span, from);
      last = lines_above (metrics, span, done + avail);
      fit = last - first;

      /* No lonely first line at the foot of a page … */
      if (fit < 2 && span->n - first >= 2 && !flow->empty)
        {
          flow_new_page (flow);
          space = 0;
          continue;
        }
      /* … a line taller than a page goes alone … */
      if (fit == 0)
        last = first + 1;
      /* … and no lonely last line at the head of the next. */
      else if (span->n - last == 1 && fit >= 3)
        last--;

      to = line_end (metrics, span, last - 1);
      flow->y += space;
      flow_place (flow, block, 0, to - done, from, to);
      flow_new_page (flow);
      space = 0;
      from = to;
    }
}

/* Where to cut a row so that no cell's part is taller than @height: each
 * cell keeps the lines that end within @height of where it was cut last.
 * Returns @from when not even one line fits.
 */
static double
row_cut (Flow   *flow,
         guint   block,
         int     row,
         double  from,
         double  height)
{
  TovReportBlock *b = tov_report_blocks_get_block (flow->self->blocks, block);
  TovBlockMetrics *metrics = &flow->metrics[block];
  double cut = TOV_WINDOW_END;
  gboolean progress = FALSE;

  for (guint column = 0; column < b->table->n_columns; column++)
    {
      const TovSpan *span = row_span (flow, block, row, column);
      double done = end_above (metrics, span, from);

      if (done >= span_height (metrics, span))
        continue;
      cut = MIN (cut, done + height);
    }

  for (guint column = 0; column < b->table->n_columns && cut < TOV_WINDOW_END; column++)
    {
      const TovSpan *span = row_span (flow, block, row, column);

      if (end_above (metrics, span, cut) > end_above (metrics, span, from))
        progress = TRUE;
    }

  return progress ? cut : from;
}

/* The end of the next line of any cell below @from: a row part of one line. */
static double
row_next_line (Flow   *flow,
               guint   block,
               int     row,
               double  from)
{
  TovReportBlock *b = tov_report_blocks_get_block (flow->self->blocks, block);
  TovBlockMetrics *metrics = &flow->metrics[block];
  double next = TOV_WINDOW_END;

  for (guint column = 0; column < b->table->n_columns; column++)
    {
      const TovSpan *span = row_span (flow, block, row, column);
      guint n = lines_above (metrics, span, from);

      if (n < span->n)
        next = MIN (next, line_end (metrics, span, n));
    }
  return next;
}

static void
flow_table_page (Flow     *flow,
                 guint     block,
                 double    header_height,
                 gboolean  header)
{
  flow_new_page (flow);
  if (header)
    flow_place (flow, block, TOV_ROW_HEADER, header_height, 0, TOV_WINDOW_END);
}

static void
flow_table (Flow  *flow,
            guint  block)
{
  TovReportPages *self = flow->self;
  TovReportBlock *b = tov_report_blocks_get_block (self->blocks, block);
  TovReportTable *table = b->table;
  gboolean header = tov_typesetter_has_header (table);
  double header_height = header ? row_part_height (flow, block, TOV_ROW_HEADER, 0, TOV_WINDOW_END) : 0;
  double body = self->bottom - self->top;
  double space = flow->empty ? 0 : b->space_before;
  gboolean fresh;

  if (table->rows->len == 0)
    return;

  if (!flow->empty && flow->y + space + header_height +
      MIN (row_part_height (flow, block, 0, 0, TOV_WINDOW_END), 48) > self->bottom)
    {
      flow_new_page (flow);
      space = 0;
    }

  fresh = flow->empty;
  flow->y += space;
  if (header)
    flow_place (flow, block, TOV_ROW_HEADER, header_height, 0, TOV_WINDOW_END);

  for (guint row = 0; row < table->rows->len; row++)
    {
      TovReportRow *r = g_ptr_array_index (table->rows, row);
      double from = 0;

      for (;;)
        {
          double rest = row_part_height (flow, block, row, from, TOV_WINDOW_END);
          double avail = self->bottom - flow->y;
          TovPadding pad = tov_typesetter_cell_padding (table, row);
          double need = rest;
          double cut;

          /* A group row (a project over its decisions) keeps its first row. */
          if (r->style == TOV_ROW_GROUP && row + 1 < table->rows->len)
            need += MIN (row_part_height (flow, block, row + 1, 0, TOV_WINDOW_END), 40);

          if (need <= avail + 0.01 || (rest <= avail + 0.01 && fresh))
            {
              flow_place (flow, block, row, rest, from, TOV_WINDOW_END);
              fresh = FALSE;
              break;
            }

          if (!fresh && from == 0 && (rest <= body * KEEP_ROW_FRACTION || r->style == TOV_ROW_GROUP))
            {
              flow_table_page (flow, block, header_height, header);
              fresh = TRUE;
              continue;
            }

          cut = row_cut (flow, block, row, from, avail - pad.top - pad.bottom);
          if (cut <= from)
            {
              if (!fresh)
                {
                  flow_table_page (flow, block, header_height, header);
                  fresh = TRUE;
                  continue;
                }
              cut = row_next_line (flow, block, row, from);
            }

          flow_place (flow, block, row, row_part_height (flow, block, row, from, cut), from, cut);
          flow_table_page (flow, block, header_height, header);
          fresh = TRUE;
          from = cut;
        }
    }
}

static void
flow_rule (Flow  *flow,
           guint  block)
{
  TovReportBlock *b = tov_report_blocks_get_block (flow->self->blocks, block);

  /* A rule separates blocks on one page; at a page's top or foot it is noise. */
  if (flow->empty)
    return;
  if (flow->y + b->space_before + head_height (flow, block + 1, 0) > flow->self->bottom)
    {
      flow_new_page (flow);
      return;
    }

  flow->y += b->space_before;
  flow_place (flow, block, 0, 0, 0, TOV_WINDOW_END);
}

static void
flow_space (Flow  *flow,
            guint  block)
{
  TovReportBlock *b = tov_report_blocks_get_block (flow->self->blocks, block);

  if (flow->empty)
    return;
  if (flow->y + b->space_before > flow->self->bottom)
    flow_new_page (flow);
  else
    flow->y += b->space_before;
}

static void
paginate (TovReportPages *self)
{
  guint n_blocks = tov_report_blocks_get_n_blocks (self->blocks);
  Flow flow = { self, tov_report_measure_blocks (self), n_blocks, 0, TRUE };

  flow_new_page (&flow);
  for (guint i = 0; i < n_blocks; i++)
    {
      switch (tov_report_blocks_get_block (self->blocks, i)->kind)
        {
        case TOV_BLOCK_TEXT:
          flow_text (&flow, i);
          break;

        case TOV_BLOCK_TABLE:
          flow_table (&flow, i);
          break;

        case TOV_BLOCK_RULE:
          flow_rule (&flow, i);
          break;

        case TOV_BLOCK_SPACE:
        default:
          flow_space (&flow, i);
          break;
        }
    }

  /* A break that nothing followed leaves an empty last page. */
  if (self->page_starts->len > 1 &&
      g_array_index (self->page_starts, guint, self->page_starts->len - 1) == self->placements->len)
    g_array_set_size (self->page_starts, self->page_starts->len - 1);

  tov_report_measure_free (flow.metrics, n_blocks);
}

/**
 * tov_report_pages_new:
 * @blocks: (transfer none): the sheet; it must outlive the pages
 * @context: the context to lay out with, and to draw with later
 *
 * Breaks @blocks into pages of @page_width × @page_height points.
 */
TovReportPages *
tov_report_pages_new (TovReportBlocks *blocks,
                      PangoContext    *context,
                      double           page_width,
                      double           page_height)
{
  TovReportPages *self = g_new0 (TovReportPages, 1);
  guint n_blocks = tov_report_blocks_get_n_blocks (blocks);

  self->blocks = blocks;
  self->left = MARGIN_X;
  self->width = page_width - 2 * MARGIN_X;
  self->top = MARGIN_Y;
  self->bottom = page_height - MARGIN_Y;
  self->typesetter = tov_typesetter_new (context, self->left, self->width);
  self->placements = g_array_new (FALSE, FALSE, sizeof (TovPlacement));
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->kept = g_ptr_array_new_full (n_blocks, unref_kept);
  g_ptr_array_set_size (self->kept, n_blocks);

  paginate (self);

  return self;
}

void
tov_report_pages_free (TovReportPages *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->placements);
  g_array_unref (self->page_starts);
  g_ptr_array_unref (self->kept);
  tov_report_measure_release_helper (self);
  tov_typesetter_free (self->typesetter);
  g_free (self);
}

guint
tov_report_pages_get_n_pages (TovReportPages *self)
{
  return self->page_starts->len;
}
