/* tov-integrity.h: is a portfolio file whole?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _TovIntegrityCheck TovIntegrityCheck;

gboolean           tov_integrity_check_file     (const char        *path);
gboolean           tov_integrity_check_database (sqlite3           *db);

TovIntegrityCheck *tov_integrity_check_start    (const char        *path,
                                                 GSourceFunc        on_damaged,
                                                 gpointer           data);
gboolean           tov_integrity_check_finish   (TovIntegrityCheck *check);
void               tov_integrity_check_free     (TovIntegrityCheck *check);

G_END_DECLS
