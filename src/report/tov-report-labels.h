/* tov-report-labels.h: the Danish words of the status sheets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *tov_report_budget_kind_heading     (int value);

char       *tov_report_format_period           (const char *start_iso,
                                                const char *end_iso);
char       *tov_report_format_short_date       (const char *iso);
char       *tov_report_lower_first             (const char *text);
char       *tov_report_format_money_short      (gint64      ore);

G_END_DECLS
