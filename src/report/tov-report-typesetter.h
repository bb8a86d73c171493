/* tov-report-typesetter.h: the fonts, sizes and layouts of the sheets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "tov-report-blocks.h"

G_BEGIN_DECLS

/* The row of a table's header, in the functions that take a row. */
#define TOV_ROW_HEADER (-1)

/* A hanging bullet item is drawn this far in from the left margin. */
#define TOV_BULLET_INDENT 6.0

typedef struct
{
  double left, right, top, bottom;
} TovPadding;

typedef struct _TovTypesetter TovTypesetter;

TovTypesetter *tov_typesetter_new             (PangoContext   *context,
                                               double          left,
                                               double          width);
TovTypesetter *tov_typesetter_new_like        (TovTypesetter  *model,
                                               PangoFontMap   *font_map);
void           tov_typesetter_free            (TovTypesetter  *self);
PangoContext  *tov_typesetter_get_context     (TovTypesetter  *self);
void           tov_typesetter_forget_layouts  (TovTypesetter  *self);

void           tov_typesetter_set_source      (cairo_t        *cr,
                                               TovTextStyle    style);

PangoLayout   *tov_typesetter_text_layout     (TovTypesetter  *self,
                                               TovReportBlock *block,
                                               double         *x_offset);
PangoLayout   *tov_typesetter_line_layout     (TovTypesetter  *self,
                                               TovTextStyle    style,
                                               const char     *text,
                                               double          width,
                                               PangoAlignment  align);

gboolean       tov_typesetter_has_header      (TovReportTable *table);
TovTextStyle   tov_typesetter_cell_style      (TovReportTable *table,
                                               int             row,
                                               guint           column);
TovPadding     tov_typesetter_cell_padding    (TovReportTable *table,
                                               int             row);
const char    *tov_typesetter_cell_text       (TovReportTable *table,
                                               int             row,
                                               guint           column);
void           tov_typesetter_column_geometry (TovTypesetter  *self,
                                               TovReportTable *table,
                                               guint           column,
                                               double         *x,
                                               double         *width);
PangoLayout   *tov_typesetter_cell_layout     (TovTypesetter  *self,
                                               TovReportTable *table,
                                               int             row,
                                               guint           column,
                                               int            *x_shift);
gboolean       tov_typesetter_cell_lines      (TovTypesetter  *self,
                                               TovReportTable *table,
                                               int             row,
                                               guint           column,
                                               guint          *n_lines,
                                               double         *first,
                                               double         *step);

G_END_DECLS
