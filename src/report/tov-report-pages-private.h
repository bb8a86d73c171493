/* tov-report-pages-private.h: what pagination leaves for drawing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tov-report-pages.h"
#include "tov-report-typesetter.h"

G_BEGIN_DECLS

/* The end of a window that takes every line from its start on. */
#define TOV_WINDOW_END G_MAXDOUBLE

/* Part of a block on a page: a block, or one row of a table, and of it the
 * lines whose bottom lies in (from, to].
 */
typedef struct
{
  guint  block;
  int    row;      /* a table's row, TOV_ROW_HEADER, or 0 for other blocks */
  double y;
  double height;
  double from;
  double to;
} TovPlacement;

struct _TovReportPages
{
  TovReportBlocks *blocks;
  TovTypesetter *typesetter;
  TovTypesetter *helper;   /* the helper thread's, while its layouts are kept */

  double left;
  double width;
  double top;
  double bottom;

  GArray *placements;    /* TovPlacement, page after page */
  GArray *page_starts;   /* guint: each page's first placement */

  /* The layouts measured, kept for drawing while they fit the budget:
   * per block a GPtrArray of PangoLayout, by span, or NULL.
   */
  GPtrArray *kept;
};

PangoLayout *tov_report_pages_kept_layout (TovReportPages *self,
                                           guint           block,
                                           guint           span);

G_END_DECLS
