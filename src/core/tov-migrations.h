/* tov-migrations.h: the schema of a portfolio file, one step per version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "TovH": marks a SQLite file as a Tovholder portfolio (PRAGMA application_id). */
#define TOV_APPLICATION_ID 0x546f7648
#define TOV_SCHEMA_VERSION 5

const char *tov_migration_step        (int version);
const char *tov_migration_rebuild_sql (void);

G_END_DECLS
