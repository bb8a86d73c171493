/* tov-report-pages.h: a sheet's blocks, broken into pages and drawn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "tov-report-blocks.h"

G_BEGIN_DECLS

/* What every page carries besides its share of the content. */
typedef struct
{
  const char *header_start;   /* the municipality */
  const char *header_end;     /* the portfolio */
  const char *footer_start;   /* "Udskrevet 8. oktober 2019" */
} TovPageDecor;

typedef struct _TovReportPages TovReportPages;

TovReportPages *tov_report_pages_new         (TovReportBlocks    *blocks,
                                              PangoContext       *context,
                                              double              page_width,
                                              double              page_height);
void            tov_report_pages_free        (TovReportPages     *self);
void            tov_report_pages_drop_layouts (TovReportPages    *self);
guint           tov_report_pages_get_n_pages (TovReportPages     *self);
void            tov_report_pages_draw        (TovReportPages     *self,
                                              cairo_t            *cr,
                                              guint               page,
                                              const TovPageDecor *decor);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TovReportPages, tov_report_pages_free)

G_END_DECLS
