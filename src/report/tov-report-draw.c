/* tov-report-draw.c: drawing the pages of a sheet.
 *
 * A page is its header and footer and its placements, each drawn from the
 * layout kept from measuring or from the same layout made again, line by
 * line: only the lines of a placement's window are drawn, so text that
 * goes on over a page break is never drawn twice or clipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-report"

#include "config.h"

#include <pango/pangocairo.h>

#include "tov-report-pages-private.h"

/* The header and footer sit this far from the text. */
#define DECOR_OFFSET 30.0

static void
set_source (cairo_t *cr,
            guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

/* Draws the lines of @layout whose bottom is in (from, to], the first of
 * them at @y, each @x_shift Pango units further right than the layout
 * puts it.
 */
static void
draw_window (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             int          x_shift,
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
      cairo_move_to (cr, x + pango_units_to_double (logical.x + x_shift),
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
          const TovPlacement *placement)
{
  guint first_span = (placement->row + 1) * block->table->n_columns;
  TovReportTable *table = block->table;
  int row = placement->row;
  TovRowStyle style = row >= 0 ? ((TovReportRow *) g_ptr_array_index (table->rows, row))->style : TOV_ROW_NORMAL;
  TovPadding pad = tov_typesetter_cell_padding (table, row);
  double right = self->left + self->width;
  double bottom = placement->y + placement->height;

  if (table->style == TOV_TABLE_GRID)
    {
      if (row == TOV_ROW_HEADER || style == TOV_ROW_GROUP)
        {
          set_source (cr, row == TOV_ROW_HEADER ? 0xe6e5e3 : 0xf3f2f0);
          cairo_rectangle (cr, self->left, placement->y, self->width, placement->height);
          cairo_fill (cr);
        }
      if (style == TOV_ROW_TOTAL)
        draw_hline (cr, self->left, right, placement->y, 0.9, 0x77767b);
    }

  for (guint column = 0; column < table->n_columns; column++)
    {
      g_autoptr(PangoLayout) layout = tov_report_pages_kept_layout (self, placement->block, first_span + column);
      int x_shift = 0;
      double x, width;

      if (layout == NULL)
        layout = tov_typesetter_cell_layout (self->typesetter, table, row, column, &x_shift);
      if (layout == NULL)
        continue;

      tov_typesetter_column_geometry (self->typesetter, table, column, &x, &width);
      tov_typesetter_set_source (cr, tov_typesetter_cell_style (table, row, column));
      draw_window (cr, layout, x + pad.left, x_shift, placement->y + pad.top, placement->from, placement->to);
    }

  if (table->style == TOV_TABLE_GRID)
    {
      if (row == TOV_ROW_HEADER)
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
                const TovPlacement *placement)
{
  TovReportBlock *block = tov_report_blocks_get_block (self->blocks, placement->block);

  switch (block->kind)
    {
    case TOV_BLOCK_TEXT:
      {
        double x = (block->flags & TOV_BLOCK_BULLET) ? TOV_BULLET_INDENT : 0;
        g_autoptr(PangoLayout) layout = tov_report_pages_kept_layout (self, placement->block, 0);

        if (layout == NULL)
          layout = tov_typesetter_text_layout (self->typesetter, block, &x);
        tov_typesetter_set_source (cr, block->style);
        draw_window (cr, layout, self->left + x, 0, placement->y, placement->from, placement->to);
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

  layout = tov_typesetter_line_layout (self->typesetter, style, text, self->width * (start ? 0.6 : 0.4), align);
  cairo_move_to (cr, self->left + (start ? 0 : self->width * 0.6), y);
  tov_typesetter_set_source (cr, style);
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
    draw_placement (self, cr, &g_array_index (self->placements, TovPlacement, i));
  cairo_restore (cr);
}
