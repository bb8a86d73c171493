/* tov-report-pages.c: a sheet's blocks, broken into pages and drawn.
 *
 * Pagination measures every block once: for each paragraph and each table
 * cell it keeps where its lines end. A page is then a list of placements,
 * each a block (or a table row) and a window of it: the lines whose bottom
 * lies in (from, to]. A paragraph or a table row that does not fit is cut
 * at a line boundary and goes on with the next lines on the next page, so
 * no line is ever clipped or lost, and a table that goes on repeats its
 * header. Drawing a page lays out only the blocks on it again.
 *
 * All sizes are in points: the caller's cairo_t has one unit per point
 * (a PDF surface, or a GtkPrintContext in GTK_UNIT_POINTS), and fonts are
 * given in absolute sizes, so the PangoContext's resolution does not matter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-report"

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "tov-report-pages.h"

#define FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"

/* 2 cm at the sides; the header and footer sit in the top and bottom margins. */
#define MARGIN_X       56.69
#define MARGIN_Y       64.0
#define DECOR_OFFSET   30.0
#define BULLET_INDENT  6.0

/* A row that is at most this part of a page moves to the next page whole
 * rather than being cut; a taller one is cut at a line boundary.
 */
#define KEEP_ROW_FRACTION 0.25

#define WINDOW_END G_MAXDOUBLE
#define ROW_HEADER (-1)

typedef struct
{
  PangoWeight weight;
  double      size;
  guint32     color;
  double      line_spacing;
} StyleSpec;

static const StyleSpec style_specs[TOV_N_TEXT_STYLES] = {
  [TOV_TEXT_TITLE]       = { PANGO_WEIGHT_BOLD,   18.0, 0x1a1a1a, 1.1 },
  [TOV_TEXT_SUBTITLE]    = { PANGO_WEIGHT_NORMAL, 10.5, 0x5e5c64, 1.2 },
  [TOV_TEXT_HEADING]     = { PANGO_WEIGHT_BOLD,   13.0, 0x1a1a1a, 1.15 },
  [TOV_TEXT_SUBHEADING]  = { PANGO_WEIGHT_BOLD,   11.0, 0x1a1a1a, 1.15 },
  [TOV_TEXT_LABEL]       = { PANGO_WEIGHT_BOLD,   9.5,  0x2e3436, 1.2 },
  [TOV_TEXT_BODY]        = { PANGO_WEIGHT_NORMAL, 10.0, 0x1a1a1a, 1.3 },
  [TOV_TEXT_CELL]        = { PANGO_WEIGHT_NORMAL, 9.0,  0x1a1a1a, 1.2 },
  [TOV_TEXT_CELL_BOLD]   = { PANGO_WEIGHT_BOLD,   9.0,  0x1a1a1a, 1.2 },
  [TOV_TEXT_HEADER_CELL] = { PANGO_WEIGHT_BOLD,   8.5,  0x2e3436, 1.15 },
  [TOV_TEXT_PAGE]        = { PANGO_WEIGHT_NORMAL, 8.0,  0x5e5c64, 1.0 },
  [TOV_TEXT_PAGE_STRONG] = { PANGO_WEIGHT_BOLD,   8.0,  0x2e3436, 1.0 },
};

typedef struct
{
  double left, right, top, bottom;
} Padding;

/* The line ends of one paragraph or cell: @n values from @first in ends. */
typedef struct
{
  guint first;
  guint n;
} Span;

typedef struct
{
  GArray *ends;    /* double: the bottom of each line below the text's top */
  GArray *spans;   /* Span: one for a paragraph; for a table, a row of
                    * n_columns for the header and then for every row */
} BlockMetrics;

typedef struct
{
  guint  block;
  int    row;      /* a table's row, ROW_HEADER, or 0 for other blocks */
  double y;
  double height;
  double from;     /* the lines whose bottom is in (from, to] */
  double to;
} Placement;

/* The characters of Danish, English and their neighbours, whose coverage
 * by a font is looked up once.
 */
#define GRID_LATIN 0x250

struct _TovReportPages
{
  TovReportBlocks *blocks;
  PangoContext *context;
  PangoFontDescription *fonts[TOV_N_TEXT_STYLES];

  double page_width;
  double page_height;
  double left;
  double width;
  double top;
  double bottom;

  GArray *placements;    /* Placement, page after page */
  GArray *page_starts;   /* guint: each page's first placement */

  /* Short texts recur: states, amounts, table headers on every page. */
  GHashTable *layout_cache;   /* key → PangoLayout */
  GHashTable *old_layouts;    /* the cache before it was last full */

  /* The layouts measured, kept for drawing while they fit the budget:
   * per block a GPtrArray of PangoLayout, by span, or NULL.
   */
  GPtrArray *kept;
  gsize kept_bytes;

  /* Per style, where the lines of a one-line cell end: the same for any
   * text that the style's first font covers.
   */
  struct {
    gboolean   tried;
    PangoFont *font;      /* NULL when the grid is unknown */
    double     first;
    double     step;
    guint8     latin[GRID_LATIN / 8];   /* which of the first characters it has */
  } grids[TOV_N_TEXT_STYLES];
};

/* About 45 bytes of layout per byte of text: a sheet of some hundred
 * pages is laid out once, and a longer one lays out its later pages again
 * as it draws them.
 */
#define KEPT_TEXT_BUDGET (1024 * 1024)

/* Texts up to this many bytes are laid out once per style and width. */
#define MAX_CACHED_TEXT 40
#define MAX_CACHED_LAYOUTS 2000

/* Layouts ---------------------------------------------------------------- */

static void
set_source (cairo_t *cr,
            guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

typedef enum
{
  LAYOUT_MARKUP    = 1 << 0,  /* @text is escaped markup */
  LAYOUT_BOLD_HEAD = 1 << 1,  /* the first line of plain @text is bold */
  LAYOUT_ONE_LINE  = 1 << 2,  /* every line is cut with "…", never wrapped */
} LayoutFlags;

static PangoLayout *
make_layout (TovReportPages *self,
             TovTextStyle    style,
             const char     *text,
             LayoutFlags     flags,
             double          width,
             PangoAlignment  align)
{
  PangoLayout *layout = pango_layout_new (self->context);

  g_assert (!(flags & LAYOUT_MARKUP) || !(flags & LAYOUT_BOLD_HEAD));

  pango_layout_set_font_description (layout, self->fonts[style]);
  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1)));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (flags & LAYOUT_ONE_LINE)
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_line_spacing (layout, style_specs[style].line_spacing);
  if (flags & LAYOUT_MARKUP)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);

  if (flags & LAYOUT_BOLD_HEAD)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      const char *end = strchr (text, '\n');

      bold->start_index = 0;
      bold->end_index = end != NULL ? (guint) (end - text) : PANGO_ATTR_INDEX_TO_TEXT_END;
      pango_attr_list_insert (attrs, bold);
      pango_layout_set_attributes (layout, attrs);
    }

  return layout;
}

/* Like make_layout(), but a short plain text is laid out only once: the
 * layout is shared, and callers must not change it.
 */
static PangoLayout *
shared_layout (TovReportPages *self,
               TovTextStyle    style,
               const char     *text,
               LayoutFlags     flags,
               double          width,
               PangoAlignment  align)
{
  g_autofree char *key = NULL;
  PangoLayout *layout;

  if (strlen (text) > MAX_CACHED_TEXT)
    return make_layout (self, style, text, flags, width, align);

  key = g_strdup_printf ("%d %u %d %d %s", style, flags, pango_units_from_double (width), align, text);
  layout = g_hash_table_lookup (self->layout_cache, key);
  if (layout != NULL)
    return g_object_ref (layout);

  /* Two generations: a full cache becomes the old one, and what is used
   * from the old one moves back, so that recurring texts stay and one-off
   * texts (numbers, names) pass through.
   */
  layout = g_hash_table_lookup (self->old_layouts, key);
  if (layout != NULL)
    g_object_ref (layout);
  else
    layout = make_layout (self, style, text, flags, width, align);

  if (g_hash_table_size (self->layout_cache) >= MAX_CACHED_LAYOUTS)
    {
      GHashTable *old = self->old_layouts;

      self->old_layouts = self->layout_cache;
      self->layout_cache = old;
      g_hash_table_remove_all (self->layout_cache);
    }
  g_hash_table_insert (self->layout_cache, g_steal_pointer (&key), g_object_ref (layout));

  return layout;
}

/* The layout of a paragraph, and in @x_offset how far in from the left
 * margin it is drawn. A bullet item hangs: its later lines start where
 * the text after the bullet does.
 */
static PangoLayout *
text_layout (TovReportPages *self,
             TovReportBlock *block,
             double         *x_offset)
{
  gboolean bullet = (block->flags & TOV_BLOCK_BULLET) != 0;
  double indent = bullet ? BULLET_INDENT : 0;
  PangoLayout *layout = make_layout (self, block->style, block->text,
                                     (block->flags & TOV_BLOCK_MARKUP) ? LAYOUT_MARKUP : 0,
                                     self->width - indent, PANGO_ALIGN_LEFT);

  if (bullet)
    {
      const char *p = g_utf8_next_char (block->text);
      PangoRectangle pos;

      while (*p == ' ' || *p == '\t')
        p++;
      pango_layout_index_to_pos (layout, p - block->text, &pos);
      if (pos.x > 0 && pos.x < pango_units_from_double (self->width / 3))
        pango_layout_set_indent (layout, -pos.x);
    }

  *x_offset = indent;
  return layout;
}

static gboolean
table_has_header (TovReportTable *table)
{
  if (table->style == TOV_TABLE_FACTS)
    return FALSE;
  for (guint i = 0; i < table->n_columns; i++)
    if (table->columns[i].title[0] != '\0')
      return TRUE;
  return FALSE;
}

static TovTextStyle
cell_style (TovReportTable *table,
            int             row,
            guint           column)
{
  TovRowStyle row_style = row >= 0 ? ((TovReportRow *) g_ptr_array_index (table->rows, row))->style : TOV_ROW_NORMAL;

  switch (table->style)
    {
    case TOV_TABLE_FIELDS:
      return row == ROW_HEADER ? TOV_TEXT_LABEL : TOV_TEXT_BODY;

    case TOV_TABLE_FACTS:
      return column == 0 ? TOV_TEXT_CELL_BOLD : TOV_TEXT_CELL;

    case TOV_TABLE_GRID:
    default:
      if (row == ROW_HEADER)
        return TOV_TEXT_HEADER_CELL;
      return row_style == TOV_ROW_NORMAL ? TOV_TEXT_CELL : TOV_TEXT_CELL_BOLD;
    }
}

static Padding
cell_padding (TovReportTable *table,
              int             row)
{
  switch (table->style)
    {
    case TOV_TABLE_FIELDS:
      return (Padding) { 0, 14, 0, row == ROW_HEADER ? 2 : 0 };

    case TOV_TABLE_FACTS:
      return (Padding) { 0, 10, 3, 3 };

    case TOV_TABLE_GRID:
    default:
      return (Padding) { 4, 4, 3.5, 3.5 };
    }
}

static const char *
cell_text (TovReportTable *table,
           int             row,
           guint           column)
{
  if (row == ROW_HEADER)
    return table->columns[column].title;
  return ((TovReportRow *) g_ptr_array_index (table->rows, row))->cells[column];
}

static void
column_geometry (TovReportPages *self,
                 TovReportTable *table,
                 guint           column,
                 double         *x,
                 double         *width)
{
  double start = 0;

  for (guint i = 0; i < column; i++)
    start += table->columns[i].width;
  *x = self->left + start * self->width;
  *width = table->columns[column].width * self->width;
}

static LayoutFlags
cell_flags (TovReportTable *table,
            int             row,
            guint           column)
{
  LayoutFlags flags = 0;

  if (row != ROW_HEADER && table->columns[column].bold_first)
    flags |= LAYOUT_BOLD_HEAD;
  if (row != ROW_HEADER && table->columns[column].one_line)
    flags |= LAYOUT_ONE_LINE;
  return flags;
}

/* The layout of a table cell, or %NULL for an empty one. */
static PangoLayout *
cell_layout (TovReportPages *self,
             TovReportTable *table,
             int             row,
             guint           column)
{
  const char *text = cell_text (table, row, column);
  Padding pad = cell_padding (table, row);
  double x, width;

  if (text[0] == '\0')
    return NULL;

  column_geometry (self, table, column, &x, &width);
  return shared_layout (self, cell_style (table, row, column), text, cell_flags (table, row, column),
                        width - pad.left - pad.right, table->columns[column].align);
}

/* Measuring --------------------------------------------------------------- */

static void
add_span (BlockMetrics *metrics,
          PangoLayout  *layout)
{
  Span span = { metrics->ends->len, 0 };
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

/* The free functions of arrays that hold NULL among their elements. */
static void
unref_layout (gpointer layout)
{
  g_clear_object (&layout);
}

static void
unref_kept (gpointer kept)
{
  g_clear_pointer (&kept, g_ptr_array_unref);
}

static void
keep_layout (TovReportPages *self,
             GPtrArray      *kept,
             PangoLayout    *layout)
{
  if (kept == NULL)
    return;

  g_ptr_array_add (kept, layout ? g_object_ref (layout) : NULL);
  if (layout != NULL)
    self->kept_bytes += strlen (pango_layout_get_text (layout));
}

/* Works out the line grid of one-line cells in @style, from a sample. */
static void
ensure_grid (TovReportPages *self,
             TovTextStyle    style)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoLayoutIter *iter;
  PangoFont *font;
  double ends[3];
  guint n = 0;

  if (self->grids[style].tried)
    return;
  self->grids[style].tried = TRUE;

  font = pango_context_load_font (self->context, self->fonts[style]);
  if (font == NULL)
    return;
  if (!pango_font_has_char (font, 0x2026 /* … */))
    {
      g_object_unref (font);
      return;
    }

  layout = make_layout (self, style, "Åg\nÅg\nÅg", LAYOUT_ONE_LINE, 200, PANGO_ALIGN_LEFT);
  iter = pango_layout_get_iter (layout);
  do
    {
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      if (n < G_N_ELEMENTS (ends))
        ends[n] = pango_units_to_double (y1);
      n++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  if (n != 3 || ends[2] - ends[1] != ends[1] - ends[0])
    {
      g_object_unref (font);
      return;
    }

  self->grids[style].font = font;
  self->grids[style].first = ends[0];
  self->grids[style].step = ends[1] - ends[0];
  for (gunichar c = 0; c < GRID_LATIN; c++)
    if (pango_font_has_char (font, c))
      self->grids[style].latin[c / 8] |= 1 << (c % 8);
}

static gboolean
grid_has_char (TovReportPages *self,
               TovTextStyle    style,
               gunichar        c)
{
  if (c < GRID_LATIN)
    return (self->grids[style].latin[c / 8] & (1 << (c % 8))) != 0;
  return pango_font_has_char (self->grids[style].font, c);
}

/* Adds the span of a one-line cell without laying it out, when every
 * character of @text is in the style's first font, so that its lines are
 * as high as the sample's. Returns %FALSE when the cell must be measured.
 */
static gboolean
add_grid_span (TovReportPages *self,
               BlockMetrics   *metrics,
               TovTextStyle    style,
               const char     *text)
{
  Span span = { metrics->ends->len, 0 };
  guint n_lines = 1;

  if (text[0] != '\0')
    {
      ensure_grid (self, style);
      if (self->grids[style].font == NULL)
        return FALSE;

      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c == '\n')
            n_lines++;
          else if (!grid_has_char (self, style, c))
            return FALSE;
        }

      for (guint i = 0; i < n_lines; i++)
        {
          double end = self->grids[style].first + i * self->grids[style].step;

          g_array_append_val (metrics->ends, end);
        }
      span.n = n_lines;
    }

  g_array_append_val (metrics->spans, span);
  return TRUE;
}

static void
measure_block (TovReportPages *self,
               guint           index,
               BlockMetrics   *metrics)
{
  TovReportBlock *block = tov_report_blocks_get_block (self->blocks, index);
  GPtrArray *kept = NULL;

  metrics->ends = g_array_new (FALSE, FALSE, sizeof (double));
  metrics->spans = g_array_new (FALSE, FALSE, sizeof (Span));

  if (self->kept_bytes < KEPT_TEXT_BUDGET && block->kind != TOV_BLOCK_RULE && block->kind != TOV_BLOCK_SPACE)
    {
      kept = g_ptr_array_new_with_free_func (unref_layout);
      g_ptr_array_index (self->kept, index) = kept;
    }

  if (block->kind == TOV_BLOCK_TEXT)
    {
      g_autoptr(PangoLayout) layout = NULL;
      double x;

      if (block->text[0] != '\0')
        layout = text_layout (self, block, &x);
      add_span (metrics, layout);
      keep_layout (self, kept, layout);
    }
  else if (block->kind == TOV_BLOCK_TABLE)
    {
      TovReportTable *table = block->table;
      gboolean header = table_has_header (table);

      for (int row = ROW_HEADER; row < (int) table->rows->len; row++)
        for (guint column = 0; column < table->n_columns; column++)
          {
            g_autoptr(PangoLayout) layout = NULL;
            LayoutFlags flags = cell_flags (table, row, column);

            if (flags == LAYOUT_ONE_LINE &&
                add_grid_span (self, metrics, cell_style (table, row, column), cell_text (table, row, column)))
              {
                keep_layout (self, kept, NULL);
                continue;
              }

            if (row != ROW_HEADER || header)
              layout = cell_layout (self, table, row, column);
            add_span (metrics, layout);
            keep_layout (self, kept, layout);
          }
    }
}

/* The layout measured for span @span of block @block, if it was kept. */
static PangoLayout *
kept_layout (TovReportPages *self,
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
  self->kept_bytes = 0;
  g_hash_table_remove_all (self->layout_cache);
  g_hash_table_remove_all (self->old_layouts);
}

static void
metrics_clear (BlockMetrics *metrics)
{
  g_clear_pointer (&metrics->ends, g_array_unref);
  g_clear_pointer (&metrics->spans, g_array_unref);
}

static const Span *
get_span (BlockMetrics *metrics,
          guint         index)
{
  return &g_array_index (metrics->spans, Span, index);
}

static double
line_end (BlockMetrics *metrics,
          const Span   *span,
          guint         line)
{
  return g_array_index (metrics->ends, double, span->first + line);
}

/* How many of the span's lines end at or above @y. */
static guint
lines_above (BlockMetrics *metrics,
             const Span   *span,
             double        y)
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
end_above (BlockMetrics *metrics,
           const Span   *span,
           double        y)
{
  guint n = lines_above (metrics, span, y);

  return n > 0 ? line_end (metrics, span, n - 1) : 0;
}

static double
span_height (BlockMetrics *metrics,
             const Span   *span)
{
  return span->n > 0 ? line_end (metrics, span, span->n - 1) : 0;
}

/* Pagination -------------------------------------------------------------- */

typedef struct
{
  TovReportPages *self;
  BlockMetrics *metrics;
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
  Placement placement = { block, row, flow->y, height, from, to };

  g_array_append_val (flow->self->placements, placement);
  flow->y += height;
  flow->empty = FALSE;
}

static const Span *
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
  BlockMetrics *metrics = &flow->metrics[block];
  Padding pad = cell_padding (b->table, row);
  double height = 0;

  for (guint column = 0; column < b->table->n_columns; column++)
    {
      const Span *span = row_span (flow, block, row, column);

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
  BlockMetrics *metrics;

  if (block >= flow->n_blocks || depth > 4)
    return 0;

  b = tov_report_blocks_get_block (flow->self->blocks, block);
  metrics = &flow->metrics[block];

  switch (b->kind)
    {
    case TOV_BLOCK_TEXT:
      {
        const Span *span = get_span (metrics, 0);

        if (span->n == 0)
          return head_height (flow, block + 1, depth + 1);
        if (b->flags & TOV_BLOCK_KEEP_WITH_NEXT)
          return b->space_before + span_height (metrics, span) + head_height (flow, block + 1, depth + 1);
        return b->space_before + line_end (metrics, span, MIN (span->n, 2) - 1);
      }

    case TOV_BLOCK_TABLE:
      {
        double height = b->space_before;

        if (table_has_header (b->table))
          height += row_part_height (flow, block, ROW_HEADER, 0, WINDOW_END);
        if (b->table->rows->len > 0)
          height += MIN (row_part_height (flow, block, 0, 0, WINDOW_END), 48);
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
  BlockMetrics *metrics = &flow->metrics[block];
  const Span *span = get_span (metrics, 0);
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
          flow_place (flow, block, 0, total - done, from, WINDOW_END);
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
  BlockMetrics *metrics = &flow->metrics[block];
  double cut = WINDOW_END;
  gboolean progress = FALSE;

  for (guint column = 0; column < b->table->n_columns; column++)
    {
      const Span *span = row_span (flow, block, row, column);
      double done = end_above (metrics, span, from);

      if (done >= span_height (metrics, span))
        continue;
      cut = MIN (cut, done + height);
    }

  for (guint column = 0; column < b->table->n_columns && cut < WINDOW_END; column++)
    {
      const Span *span = row_span (flow, block, row, column);

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
  BlockMetrics *metrics = &flow->metrics[block];
  double next = WINDOW_END;

  for (guint column = 0; column < b->table->n_columns; column++)
    {
      const Span *span = row_span (flow, block, row, column);
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
    flow_place (flow, block, ROW_HEADER, header_height, 0, WINDOW_END);
}

static void
flow_table (Flow  *flow,
            guint  block)
{
  TovReportPages *self = flow->self;
  TovReportBlock *b = tov_report_blocks_get_block (self->blocks, block);
  TovReportTable *table = b->table;
  gboolean header = table_has_header (table);
  double header_height = header ? row_part_height (flow, block, ROW_HEADER, 0, WINDOW_END) : 0;
  double body = self->bottom - self->top;
  double space = flow->empty ? 0 : b->space_before;
  gboolean fresh;

  if (table->rows->len == 0)
    return;

  if (!flow->empty && flow->y + space + header_height +
      MIN (row_part_height (flow, block, 0, 0, WINDOW_END), 48) > self->bottom)
    {
      flow_new_page (flow);
      space = 0;
    }

  fresh = flow->empty;
  flow->y += space;
  if (header)
    flow_place (flow, block, ROW_HEADER, header_height, 0, WINDOW_END);

  for (guint row = 0; row < table->rows->len; row++)
    {
      TovReportRow *r = g_ptr_array_index (table->rows, row);
      double from = 0;

      for (;;)
        {
          double rest = row_part_height (flow, block, row, from, WINDOW_END);
          double avail = self->bottom - flow->y;
          Padding pad = cell_padding (table, row);
          double need = rest;
          double cut;

          /* A group row (a project over its decisions) keeps its first row. */
          if (r->style == TOV_ROW_GROUP && row + 1 < table->rows->len)
            need += MIN (row_part_height (flow, block, row + 1, 0, WINDOW_END), 40);

          if (need <= avail + 0.01 || (rest <= avail + 0.01 && fresh))
            {
              flow_place (flow, block, row, rest, from, WINDOW_END);
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
  flow_place (flow, block, 0, 0, 0, WINDOW_END);
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
  Flow flow = { self, g_new0 (BlockMetrics, n_blocks), n_blocks, 0, TRUE };

  for (guint i = 0; i < n_blocks; i++)
    measure_block (self, i, &flow.metrics[i]);

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

  for (guint i = 0; i < n_blocks; i++)
    metrics_clear (&flow.metrics[i]);
  g_free (flow.metrics);
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

  self->blocks = blocks;
  self->context = g_object_ref (context);
  self->page_width = page_width;
  self->page_height = page_height;
  self->left = MARGIN_X;
  self->width = page_width - 2 * MARGIN_X;
  self->top = MARGIN_Y;
  self->bottom = page_height - MARGIN_Y;
  self->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->layout_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->old_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->kept = g_ptr_array_new_full (tov_report_blocks_get_n_blocks (blocks), unref_kept);
  g_ptr_array_set_size (self->kept, tov_report_blocks_get_n_blocks (blocks));

  for (guint i = 0; i < TOV_N_TEXT_STYLES; i++)
    {
      self->fonts[i] = pango_font_description_from_string (FONT_FAMILY);
      pango_font_description_set_weight (self->fonts[i], style_specs[i].weight);
      pango_font_description_set_absolute_size (self->fonts[i], style_specs[i].size * PANGO_SCALE);
    }

  paginate (self);

  return self;
}

void
tov_report_pages_free (TovReportPages *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < TOV_N_TEXT_STYLES; i++)
    {
      pango_font_description_free (self->fonts[i]);
      g_clear_object (&self->grids[i].font);
    }
  g_array_unref (self->placements);
  g_array_unref (self->page_starts);
  g_hash_table_unref (self->layout_cache);
  g_hash_table_unref (self->old_layouts);
  g_ptr_array_unref (self->kept);
  g_object_unref (self->context);
  g_free (self);
}

guint
tov_report_pages_get_n_pages (TovReportPages *self)
{
  return self->page_starts->len;
}

/* Drawing ----------------------------------------------------------------- */

/* Draws the lines of @layout whose bottom is in (from, to], the first of
 * them at @y.
 */
static void
draw_window (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y,
             double       from,
             double       to)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double shift = 0;

  do
    {
      PangoRectangle logical;
      int y0, y1;
      double end;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      end = pango_units_to_double (y1);
      if (end <= from)
        {
          shift = end;
          continue;
        }
      if (end > to)
        break;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, x + pango_units_to_double (logical.x),
                     y + pango_units_to_double (pango_layout_iter_get_baseline (iter)) - shift);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static void
draw_hline (cairo_t *cr,
            double   x0,
            double   x1,
            double   y,
            double   width,
            guint32  rgb)
{
  set_source (cr, rgb);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

static void
draw_row (TovReportPages  *self,
          cairo_t         *cr,
          TovReportBlock  *block,
          const Placement *placement)
{
  guint first_span = (placement->row + 1) * block->table->n_columns;
  TovReportTable *table = block->table;
  int row = placement->row;
  TovRowStyle style = row >= 0 ? ((TovReportRow *) g_ptr_array_index (table->rows, row))->style : TOV_ROW_NORMAL;
  Padding pad = cell_padding (table, row);
  double right = self->left + self->width;
  double bottom = placement->y + placement->height;

  if (table->style == TOV_TABLE_GRID)
    {
      if (row == ROW_HEADER || style == TOV_ROW_GROUP)
        {
          set_source (cr, row == ROW_HEADER ? 0xe6e5e3 : 0xf3f2f0);
          cairo_rectangle (cr, self->left, placement->y, self->width, placement->height);
          cairo_fill (cr);
        }
      if (style == TOV_ROW_TOTAL)
        draw_hline (cr, self->left, right, placement->y, 0.9, 0x77767b);
    }

  for (guint column = 0; column < table->n_columns; column++)
    {
      g_autoptr(PangoLayout) layout = kept_layout (self, placement->block, first_span + column);
      double x, width;

      if (layout == NULL)
        layout = cell_layout (self, table, row, column);
      if (layout == NULL)
        continue;

      column_geometry (self, table, column, &x, &width);
      set_source (cr, style_specs[cell_style (table, row, column)].color);
      draw_window (cr, layout, x + pad.left, placement->y + pad.top, placement->from, placement->to);
    }

  if (table->style == TOV_TABLE_GRID)
    {
      if (row == ROW_HEADER)
        draw_hline (cr, self->left, right, bottom, 0.8, 0x9a9996);
      else
        draw_hline (cr, self->left, right, bottom, 0.4, 0xc0bfbc);
    }
  else if (table->style == TOV_TABLE_FACTS)
    {
      draw_hline (cr, self->left, right, bottom, 0.4, 0xdeddda);
    }
}

static void
draw_placement (TovReportPages  *self,
                cairo_t         *cr,
                const Placement *placement)
{
  TovReportBlock *block = tov_report_blocks_get_block (self->blocks, placement->block);

  switch (block->kind)
    {
    case TOV_BLOCK_TEXT:
      {
        double x = (block->flags & TOV_BLOCK_BULLET) ? BULLET_INDENT : 0;
        g_autoptr(PangoLayout) layout = kept_layout (self, placement->block, 0);

        if (layout == NULL)
          layout = text_layout (self, block, &x);
        set_source (cr, style_specs[block->style].color);
        draw_window (cr, layout, self->left + x, placement->y, placement->from, placement->to);
      }
      break;

    case TOV_BLOCK_RULE:
      draw_hline (cr, self->left, self->left + self->width, placement->y, 0.75, 0xb5b3b0);
      break;

    case TOV_BLOCK_TABLE:
      draw_row (self, cr, block, placement);
      break;

    case TOV_BLOCK_SPACE:
    default:
      break;
    }
}

/* One line of the header or footer: at the start of the line, in its first
 * three fifths, or at its end, in the last two; cut with "…" if longer.
 */
static void
draw_decor_text (TovReportPages *self,
                 cairo_t        *cr,
                 const char     *text,
                 TovTextStyle    style,
                 PangoAlignment  align,
                 double          y)
{
  gboolean start = align == PANGO_ALIGN_LEFT;
  g_autoptr(PangoLayout) layout = NULL;

  if (text == NULL || text[0] == '\0')
    return;

  layout = shared_layout (self, style, text, LAYOUT_ONE_LINE, self->width * (start ? 0.6 : 0.4), align);
  cairo_move_to (cr, self->left + (start ? 0 : self->width * 0.6), y);
  set_source (cr, style_specs[style].color);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_decor (TovReportPages     *self,
            cairo_t            *cr,
            guint               page,
            const TovPageDecor *decor)
{
  double right = self->left + self->width;
  double header_y = self->top - DECOR_OFFSET;
  double footer_y = self->bottom + DECOR_OFFSET - 12;
  g_autofree char *page_text = g_strdup_printf ("Side %u af %u", page + 1, self->page_starts->len);

  draw_decor_text (self, cr, decor->header_start, TOV_TEXT_PAGE_STRONG, PANGO_ALIGN_LEFT, header_y);
  draw_decor_text (self, cr, decor->header_end, TOV_TEXT_PAGE, PANGO_ALIGN_RIGHT, header_y);
  draw_hline (cr, self->left, right, header_y + 15, 0.6, 0x9a9996);

  draw_hline (cr, self->left, right, footer_y - 5, 0.6, 0x9a9996);
  draw_decor_text (self, cr, decor->footer_start, TOV_TEXT_PAGE, PANGO_ALIGN_LEFT, footer_y);
  draw_decor_text (self, cr, page_text, TOV_TEXT_PAGE, PANGO_ALIGN_RIGHT, footer_y);
}

/**
 * tov_report_pages_draw:
 * @page: from 0
 *
 * Draws @page, header and footer included, on @cr, whose units are points
 * and whose origin is the page's top left corner.
 */
void
tov_report_pages_draw (TovReportPages     *self,
                       cairo_t            *cr,
                       guint               page,
                       const TovPageDecor *decor)
{
  guint start, end;

  g_return_if_fail (page < self->page_starts->len);

  start = g_array_index (self->page_starts, guint, page);
  end = page + 1 < self->page_starts->len ? g_array_index (self->page_starts, guint, page + 1)
                                          : self->placements->len;

  cairo_save (cr);
  draw_decor (self, cr, page, decor);
  for (guint i = start; i < end; i++)
    draw_placement (self, cr, &g_array_index (self->placements, Placement, i));
  cairo_restore (cr);
}
