/* tov-json-guard.h: what a JSON document must pass before it is read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Deeper than this, a document is refused. */
#define TOV_JSON_MAX_DEPTH 64

/* The largest integer a reader that uses doubles reads exactly: 2^53 − 1. */
#define TOV_JSON_MAX_EXACT_INTEGER G_GINT64_CONSTANT (9007199254740991)

gboolean tov_json_guard      (const char  *data,
                              gsize        length,
                              GError     **error);
void     tov_json_append_key (GString     *path,
                              const char  *key,
                              gsize        len);

G_END_DECLS
