/* tov-spreadsheet.h: the budget lines as spreadsheets for the finance office.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tov-store.h"

G_BEGIN_DECLS

gboolean tov_spreadsheet_write_csv  (TovStore    *store,
                                     const char  *path,
                                     GError     **error);
gboolean tov_spreadsheet_write_xlsx (TovStore    *store,
                                     const char  *path,
                                     GError     **error);

G_END_DECLS
