/* tov-date.h: dates, stored as ISO 8601 text "YYYY-MM-DD".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  tov_date_parse         (const char  *text,
                                  char       **out_iso,
                                  GError     **error);
char     *tov_date_format        (const char  *iso);
char     *tov_date_format_danish (const char  *iso);
char     *tov_date_format_period (const char  *start_iso,
                                  const char  *end_iso);
gboolean  tov_date_is_valid_iso  (const char  *iso);
int       tov_date_compare       (const char  *a,
                                  const char  *b);
char     *tov_date_today         (void);

G_END_DECLS
