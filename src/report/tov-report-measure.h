/* tov-report-measure.h: where the lines of each block of a sheet end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tov-report-pages-private.h"

G_BEGIN_DECLS

/* The line ends of one paragraph or cell: @n values from @first in ends. */
typedef struct
{
  guint first;
  guint n;
} TovSpan;

typedef struct
{
  GArray *ends;    /* double: the bottom of each line below the text's top */
  GArray *spans;   /* TovSpan: one for a paragraph; for a table, a row of
                    * n_columns for the header and then for every row */
} TovBlockMetrics;

TovBlockMetrics *tov_report_measure_blocks        (TovReportPages  *pages);
void             tov_report_measure_free          (TovBlockMetrics *metrics,
                                                   guint            n_blocks);
void             tov_report_measure_release_helper (TovReportPages *pages);

G_END_DECLS
