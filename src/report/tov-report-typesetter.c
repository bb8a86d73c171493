/* tov-report-typesetter.c: the fonts, sizes and layouts of the sheets.
 *
 * Sizes are in points and fonts are given in absolute sizes, so a layout
 * is the same on a PDF surface and on a GtkPrintContext in GTK_UNIT_POINTS,
 * whatever the PangoContext's resolution.
 *
 * Three shortcuts keep a sheet of thousands of rows fast. A short text
 * that recurs (a state, an amount, a table's header on every page) is laid
 * out once. A cell whose lines surely fit its width unwrapped, by the
 * widths of their characters, is as many sample lines high as it has
 * lines, so its height is known without a layout. And a text whose lines
 * surely fit is laid out without a width: Pango shapes a line it may have
 * to wrap twice, once to measure it and once more when it fits, but one
 * it cannot wrap only once. The lines are the same either way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-report"

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "tov-report-typesetter.h"

#define FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"

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

/* Texts up to this many bytes are laid out once per style and width. */
#define MAX_CACHED_TEXT 40
#define MAX_CACHED_LAYOUTS 2000

/* The characters of Danish, English and their neighbours, whose widths in
 * a font are looked up once.
 */
#define GRID_LATIN 0x250

/* No other character of a font is wider than this many times its size. */
#define MAX_ADVANCE_EM 1.5

/* The advance of a character not looked up yet. */
#define UNMEASURED (-2.0)

typedef enum
{
  LAYOUT_MARKUP    = 1 << 0,  /* the text is escaped markup */
  LAYOUT_BOLD_HEAD = 1 << 1,  /* the first line of a plain text is bold */
  LAYOUT_ONE_LINE  = 1 << 2,  /* every line is cut with "…", never wrapped */
  LAYOUT_UNWRAPPED = 1 << 3,  /* no line needs wrapping: laid out without a width */
} LayoutFlags;

struct _TovTypesetter
{
  PangoContext *context;
  PangoFontDescription *fonts[TOV_N_TEXT_STYLES];
  double left;
  double width;

  /* Short texts recur: states, amounts, table headers on every page. */
  GHashTable *layout_cache;   /* key → PangoLayout */
  GHashTable *old_layouts;    /* the cache before it was last full */

  /* Per style, where the lines of a cell end when none of them wraps: the
   * same for any text that the style's first font covers.
   */
  struct {
    gboolean   tried;
    PangoFont *font;      /* NULL when the grid is unknown */
    double     first;
    double     step;
    double     advances[GRID_LATIN];    /* of the first characters, -1 for
                                         * one the font lacks, or UNMEASURED */
  } grids[TOV_N_TEXT_STYLES];
};

/**
 * tov_typesetter_new:
 * @context: the context every layout is made in
 * @left: the left margin, in points
 * @width: the width of the text, in points
 */
TovTypesetter *
tov_typesetter_new (PangoContext *context,
                    double        left,
                    double        width)
{
  TovTypesetter *self = g_new0 (TovTypesetter, 1);

  self->context = g_object_ref (context);
  self->left = left;
  self->width = width;
  self->layout_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->old_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  for (guint i = 0; i < TOV_N_TEXT_STYLES; i++)
    {
      self->fonts[i] = pango_font_description_from_string (FONT_FAMILY);
      pango_font_description_set_weight (self->fonts[i], style_specs[i].weight);
      pango_font_description_set_absolute_size (self->fonts[i], style_specs[i].size * PANGO_SCALE);
    }

  return self;
}

void
tov_typesetter_free (TovTypesetter *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < TOV_N_TEXT_STYLES; i++)
    {
      pango_font_description_free (self->fonts[i]);
      g_clear_object (&self->grids[i].font);
    }
  g_hash_table_unref (self->layout_cache);
  g_hash_table_unref (self->old_layouts);
  g_object_unref (self->context);
  g_free (self);
}

/* The options @context's fonts are made with: its own, merged with those
 * of the surface it was made for, which it does not tell.
 */
static cairo_font_options_t *
font_options (PangoContext               *context,
              const PangoFontDescription *font)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  g_autoptr(PangoFont) loaded = pango_context_load_font (context, font);

  if (loaded != NULL && PANGO_IS_CAIRO_FONT (loaded))
    cairo_scaled_font_get_font_options (pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (loaded)), options);

  return options;
}

/**
 * tov_typesetter_new_like:
 * @model: a typesetter on the calling thread
 * @font_map: a Pango Cairo font map that no other thread uses
 *
 * Makes a typesetter for another thread: its layouts come from @font_map,
 * in a context set up like @model's, so that they are the same as
 * @model's, in the same fonts. Pango may be used from several threads
 * as long as each has a font map of its own.
 *
 * Returns: a typesetter like @model
 */
TovTypesetter *
tov_typesetter_new_like (TovTypesetter *model,
                         PangoFontMap  *font_map)
{
  PangoContext *from = model->context;
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = font_options (from, model->fonts[TOV_TEXT_BODY]);
  double resolution = pango_cairo_context_get_resolution (from);
  TovTypesetter *self;

  if (resolution <= 0)
    resolution = pango_cairo_font_map_get_resolution (PANGO_CAIRO_FONT_MAP (pango_context_get_font_map (from)));

  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, resolution);
  pango_context_set_matrix (context, pango_context_get_matrix (from));
  pango_context_set_language (context, pango_context_get_language (from));
  pango_context_set_base_dir (context, pango_context_get_base_dir (from));
  pango_context_set_base_gravity (context, pango_context_get_base_gravity (from));
  pango_context_set_gravity_hint (context, pango_context_get_gravity_hint (from));
  pango_context_set_round_glyph_positions (context, pango_context_get_round_glyph_positions (from));
  pango_context_set_font_description (context, pango_context_get_font_description (from));
  cairo_font_options_destroy (options);

  self = tov_typesetter_new (context, model->left, model->width);
  g_object_unref (context);
  return self;
}

PangoContext *
tov_typesetter_get_context (TovTypesetter *self)
{
  return self->context;
}

/* Lets go of the shared layouts. */
void
tov_typesetter_forget_layouts (TovTypesetter *self)
{
  g_hash_table_remove_all (self->layout_cache);
  g_hash_table_remove_all (self->old_layouts);
}

void
tov_typesetter_set_source (cairo_t      *cr,
                           TovTextStyle  style)
{
  guint32 rgb = style_specs[style].color;

  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

static PangoLayout *
make_layout (TovTypesetter  *self,
             TovTextStyle    style,
             const char     *text,
             LayoutFlags     flags,
             double          width,
             PangoAlignment  align)
{
  PangoLayout *layout = pango_layout_new (self->context);

  g_assert (!(flags & LAYOUT_MARKUP) || !(flags & LAYOUT_BOLD_HEAD));

  pango_layout_set_font_description (layout, self->fonts[style]);
  if (!(flags & LAYOUT_UNWRAPPED))
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
shared_layout (TovTypesetter  *self,
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

static gboolean lines_surely_fit (TovTypesetter *self,
                                  TovTextStyle   style,
                                  const char    *text,
                                  double         room,
                                  guint         *n_lines);

/* The layout of a paragraph, and in @x_offset how far in from the left
 * margin it is drawn. A bullet item hangs: its later lines start where
 * the text after the bullet does.
 */
PangoLayout *
tov_typesetter_text_layout (TovTypesetter  *self,
                            TovReportBlock *block,
                            double         *x_offset)
{
  gboolean bullet = (block->flags & TOV_BLOCK_BULLET) != 0;
  double indent = bullet ? TOV_BULLET_INDENT : 0;
  LayoutFlags flags = (block->flags & TOV_BLOCK_MARKUP) ? LAYOUT_MARKUP : 0;
  PangoLayout *layout;
  guint n_lines;

  if (!bullet && (!(flags & LAYOUT_MARKUP) || strchr (block->text, '<') == NULL) &&
      lines_surely_fit (self, block->style, block->text, self->width, &n_lines))
    flags |= LAYOUT_UNWRAPPED;
  layout = make_layout (self, block->style, block->text, flags, self->width - indent, PANGO_ALIGN_LEFT);

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

/**
 * tov_typesetter_line_layout:
 *
 * Returns: (transfer full): a shared layout of one line of @text, cut with
 *   "…" if it is wider than @width: a header or footer of a page
 */
PangoLayout *
tov_typesetter_line_layout (TovTypesetter  *self,
                            TovTextStyle    style,
                            const char     *text,
                            double          width,
                            PangoAlignment  align)
{
  return shared_layout (self, style, text, LAYOUT_ONE_LINE, width, align);
}

gboolean
tov_typesetter_has_header (TovReportTable *table)
{
  if (table->style == TOV_TABLE_FACTS)
    return FALSE;
  for (guint i = 0; i < table->n_columns; i++)
    if (table->columns[i].title[0] != '\0')
      return TRUE;
  return FALSE;
}

TovTextStyle
tov_typesetter_cell_style (TovReportTable *table,
                           int             row,
                           guint           column)
{
  TovRowStyle row_style = row >= 0 ? ((TovReportRow *) g_ptr_array_index (table->rows, row))->style : TOV_ROW_NORMAL;

  switch (table->style)
    {
    case TOV_TABLE_FIELDS:
      return row == TOV_ROW_HEADER ? TOV_TEXT_LABEL : TOV_TEXT_BODY;

    case TOV_TABLE_FACTS:
      return column == 0 ? TOV_TEXT_CELL_BOLD : TOV_TEXT_CELL;

    case TOV_TABLE_GRID:
    default:
      if (row == TOV_ROW_HEADER)
        return TOV_TEXT_HEADER_CELL;
      return row_style == TOV_ROW_NORMAL ? TOV_TEXT_CELL : TOV_TEXT_CELL_BOLD;
    }
}

TovPadding
tov_typesetter_cell_padding (TovReportTable *table,
                             int             row)
{
  switch (table->style)
    {
    case TOV_TABLE_FIELDS:
      return (TovPadding) { 0, 14, 0, row == TOV_ROW_HEADER ? 2 : 0 };

    case TOV_TABLE_FACTS:
      return (TovPadding) { 0, 10, 3, 3 };

    case TOV_TABLE_GRID:
    default:
      return (TovPadding) { 4, 4, 3.5, 3.5 };
    }
}

const char *
tov_typesetter_cell_text (TovReportTable *table,
                          int             row,
                          guint           column)
{
  if (row == TOV_ROW_HEADER)
    return table->columns[column].title;
  return ((TovReportRow *) g_ptr_array_index (table->rows, row))->cells[column];
}

void
tov_typesetter_column_geometry (TovTypesetter  *self,
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

  if (row != TOV_ROW_HEADER && table->columns[column].bold_first)
    flags |= LAYOUT_BOLD_HEAD;
  return flags;
}

/**
 * tov_typesetter_cell_layout:
 * @x_shift: (out): how far right to draw each line of the layout, in
 *   Pango units, besides where the layout puts it
 *
 * A cell whose lines surely fit its width, as tov_typesetter_cell_lines()
 * tells, is laid out without a width: Pango shapes a line that it need not
 * wrap once rather than twice. Its lines are the same; a right-aligned one
 * is then as far from where it belongs as the layout is narrower than the
 * cell, which @x_shift makes up for.
 *
 * Returns: (transfer full) (nullable): the layout of a table cell, or
 *   %NULL for an empty one
 */
PangoLayout *
tov_typesetter_cell_layout (TovTypesetter  *self,
                            TovReportTable *table,
                            int             row,
                            guint           column,
                            int            *x_shift)
{
  const char *text = tov_typesetter_cell_text (table, row, column);
  TovPadding pad = tov_typesetter_cell_padding (table, row);
  PangoAlignment align = table->columns[column].align;
  LayoutFlags flags = cell_flags (table, row, column);
  PangoLayout *layout;
  guint n_lines;
  double x, width, first, step;

  *x_shift = 0;
  if (text[0] == '\0')
    return NULL;

  tov_typesetter_column_geometry (self, table, column, &x, &width);
  width -= pad.left + pad.right;
  if (align != PANGO_ALIGN_CENTER && tov_typesetter_cell_lines (self, table, row, column, &n_lines, &first, &step))
    flags |= LAYOUT_UNWRAPPED;

  layout = shared_layout (self, tov_typesetter_cell_style (table, row, column), text, flags, width, align);
  if ((flags & LAYOUT_UNWRAPPED) && align == PANGO_ALIGN_RIGHT)
    {
      PangoRectangle logical;

      /* Pango aligns the lines of a layout without a width to its widest. */
      pango_layout_get_extents (layout, NULL, &logical);
      *x_shift = pango_units_from_double (MAX (width, 1)) - logical.width;
    }

  return layout;
}

/* Works out, from a sample, how high the lines of @style are. The widths
 * of its characters are looked up when a cell first has them.
 */
static void
ensure_grid (TovTypesetter  *self,
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

  for (gunichar c = 0; c < GRID_LATIN; c++)
    self->grids[style].advances[c] = c < 0x20 ? -1 : UNMEASURED;

  font = pango_context_load_font (self->context, self->fonts[style]);
  if (font == NULL)
    return;

  layout = make_layout (self, style, "Åg\nÅg\nÅg", 0, 200, PANGO_ALIGN_LEFT);
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
}

/* Looks up the widths of the characters of @text that are not known yet,
 * all in one layout. A sheet has few distinct characters: measuring only
 * those is much cheaper than measuring the whole grid up front.
 */
static void
measure_chars (TovTypesetter *self,
               TovTextStyle   style,
               const char    *text)
{
  double *advances = self->grids[style].advances;
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(GString) sample = g_string_new (NULL);
  gunichar chars[GRID_LATIN];
  PangoLayoutIter *iter;
  guint n_chars = 0;
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= GRID_LATIN || advances[c] != UNMEASURED)
        continue;
      if (!g_unichar_isprint (c) || !pango_font_has_char (self->grids[style].font, c))
        {
          advances[c] = -1;
          continue;
        }

      /* One character a line, so that no kerning joins them. */
      if (sample->len > 0)
        g_string_append_c (sample, '\n');
      g_string_append_unichar (sample, c);
      chars[n_chars++] = c;
      advances[c] = -1;   /* until measured, and no second time in the sample */
    }

  if (n_chars == 0)
    return;

  layout = make_layout (self, style, sample->str, 0, 1000, PANGO_ALIGN_LEFT);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (n < n_chars)
        advances[chars[n]] = pango_units_to_double (logical.width);
      n++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* How wide @c is at most in @style, or -1 when it is not in the first font. */
static double
char_advance (TovTypesetter *self,
              TovTextStyle   style,
              gunichar       c)
{
  if (c < GRID_LATIN)
    return self->grids[style].advances[c];
  if (pango_font_has_char (self->grids[style].font, c))
    return MAX_ADVANCE_EM * style_specs[style].size;
  return -1;
}

/* Whether a line of characters as wide as @width together surely fits in
 * @room: kerning seldom widens a line, and by less than the margin.
 */
static gboolean
surely_fits (double width,
             double room)
{
  return width * 1.05 + 1.0 <= room;
}

/* Whether every line of @text surely fits @room unwrapped, each character
 * of it being in the first font of @style; and how many lines it has.
 */
static gboolean
lines_surely_fit (TovTypesetter *self,
                  TovTextStyle   style,
                  const char    *text,
                  double         room,
                  guint         *n_lines)
{
  double line_width = 0;

  ensure_grid (self, style);
  if (self->grids[style].font == NULL)
    return FALSE;

  *n_lines = 1;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      double advance;

      if (c == '\n')
        {
          if (!surely_fits (line_width, room))
            return FALSE;
          (*n_lines)++;
          line_width = 0;
          continue;
        }

      advance = char_advance (self, style, c);
      if (advance == UNMEASURED)
        {
          measure_chars (self, style, text);
          advance = char_advance (self, style, c);
        }
      if (advance < 0)
        return FALSE;
      line_width += advance;
    }

  return surely_fits (line_width, room);
}

/**
 * tov_typesetter_cell_lines:
 * @n_lines: (out): how many lines the cell has
 * @first: (out): the bottom of its first line, below the cell's top
 * @step: (out): how much lower each next line ends
 *
 * Works out the lines of a cell without laying it out, when each of its
 * lines surely fits the cell's width without wrapping, and every character
 * is in the style's first font, so that the lines are as high as a sample
 * line of the style. An empty cell has no lines. Most cells of a long
 * table (numbers, states, amounts) are measured so.
 *
 * Returns: %FALSE when the cell must be laid out to be measured
 */
gboolean
tov_typesetter_cell_lines (TovTypesetter  *self,
                           TovReportTable *table,
                           int             row,
                           guint           column,
                           guint          *n_lines,
                           double         *first,
                           double         *step)
{
  const char *text = tov_typesetter_cell_text (table, row, column);
  TovTextStyle style = tov_typesetter_cell_style (table, row, column);
  TovPadding pad = tov_typesetter_cell_padding (table, row);
  double x, room;

  *n_lines = 0;
  if (text[0] == '\0' || (row == TOV_ROW_HEADER && !tov_typesetter_has_header (table)))
    return TRUE;
  if (cell_flags (table, row, column) & LAYOUT_BOLD_HEAD)
    return FALSE;

  tov_typesetter_column_geometry (self, table, column, &x, &room);
  if (!lines_surely_fit (self, style, text, room - pad.left - pad.right, n_lines))
    return FALSE;

  *first = self->grids[style].first;
  *step = self->grids[style].step;
  return TRUE;
}
