/* tov-print-operation.h: printing a status sheet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tov-report.h"

G_BEGIN_DECLS

#define TOV_TYPE_PRINT_OPERATION (tov_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (TovPrintOperation, tov_print_operation, TOV, PRINT_OPERATION, GtkPrintOperation)

TovPrintOperation *tov_print_operation_new (TovReport *report);

G_END_DECLS
