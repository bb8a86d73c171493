/* tov-json-scan.h: reading a JSON document that tov_json_guard() passed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where the reading is in a document. */
typedef struct
{
  const char *pos;
  const char *end;
} TovJsonScanner;

typedef enum
{
  TOV_JSON_SCALAR_STRING,
  TOV_JSON_SCALAR_INT,
  TOV_JSON_SCALAR_DOUBLE,
  TOV_JSON_SCALAR_TRUE,
  TOV_JSON_SCALAR_FALSE,
  TOV_JSON_SCALAR_NULL,
  TOV_JSON_SCALAR_OTHER,    /* an object or an array, skipped */
} TovJsonScalarType;

/* A value as the document has it. */
typedef struct
{
  TovJsonScalarType type;
  const char *text;   /* a string, decoded; not nul-terminated */
  gsize len;
  gint64 integer;     /* TOV_JSON_SCALAR_INT */
} TovJsonScalar;

/* Skips white space; returns the next byte, or a nul at the end. */
static inline char
tov_json_scan_peek (TovJsonScanner *s)
{
  while (s->pos < s->end && (*s->pos == ' ' || *s->pos == '\n' || *s->pos == '\r' || *s->pos == '\t'))
    s->pos++;
  return s->pos < s->end ? *s->pos : '\0';
}

gboolean tov_json_scan_enter  (TovJsonScanner  *s);
gboolean tov_json_scan_next   (TovJsonScanner  *s);
void     tov_json_scan_key    (TovJsonScanner  *s,
                               GString         *scratch,
                               const char     **key,
                               gsize           *len);
void     tov_json_scan_scalar (TovJsonScanner  *s,
                               GString         *scratch,
                               GStringChunk    *strings,
                               TovJsonScalar   *value);
void     tov_json_scan_skip   (TovJsonScanner  *s);

G_END_DECLS
