/* tov-json.h: a portfolio as a JSON document, "tovholder-portfolio" version 1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tov-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint inserted;   /* records whose id was new to the portfolio */
  guint updated;    /* records whose id the portfolio already had */
} TovImportCounts;

GPtrArray *tov_json_read           (const char       *data,
                                    gsize             length,
                                    GPtrArray       **warnings,
                                    GError          **error);
gboolean   tov_json_import         (TovStore         *store,
                                    const char       *data,
                                    gsize             length,
                                    TovImportCounts  *counts,
                                    GPtrArray       **warnings,
                                    GError          **error);
char      *tov_json_export         (TovStore         *store,
                                    gsize            *length,
                                    GError          **error);
gboolean   tov_json_export_to_file (TovStore         *store,
                                    const char       *path,
                                    GError          **error);

G_END_DECLS
