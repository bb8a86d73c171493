/* tov-json-scan.c: reading a JSON document that tov_json_guard() passed.
 *
 * The guard has checked the syntax, the nesting, the escapes and the
 * UTF-8 of the whole document, and refused integers a double cannot
 * hold: the scanner only finds where things are, and decodes strings.
 * It must never be given a document the guard has not passed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-json"

#include "config.h"

#include <string.h>

#include "tov-json-scan.h"

static void skip_container (TovJsonScanner *s);

/* Moves past the string at s->pos, on its opening quote. The text between
 * the quotes is left in @raw and @len; returns whether it has escapes.
 */
static gboolean
scan_string (TovJsonScanner  *s,
             const char     **raw,
             gsize           *len)
{
  const char *start = s->pos + 1;
  const char *quote = memchr (start, '"', s->end - start);
  const char *p;

  if (memchr (start, '\\', quote - start) == NULL)
    {
      *raw = start;
      *len = quote - start;
      s->pos = quote + 1;
      return FALSE;
    }

  /* A quote after a backslash is part of the text. */
  for (p = start; *p != '"'; p++)
    if (*p == '\\')
      p++;
  *raw = start;
  *len = p - start;
  s->pos = p + 1;
  return TRUE;
}

static guint
hex4 (const char *p)
{
  return (g_ascii_xdigit_value (p[0]) << 12) | (g_ascii_xdigit_value (p[1]) << 8) |
         (g_ascii_xdigit_value (p[2]) << 4) | g_ascii_xdigit_value (p[3]);
}

/* Appends the text of a string that has escapes, decoded, to @out. */
static void
decode_string (GString    *out,
               const char *raw,
               gsize       len)
{
  const char *end = raw + len;

  for (const char *p = raw; p < end;)
    {
      const char *backslash = memchr (p, '\\', end - p);
      gunichar c;

      if (backslash == NULL)
        {
          g_string_append_len (out, p, end - p);
          break;
        }
      g_string_append_len (out, p, backslash - p);
      p = backslash + 1;
      switch (*p++)
        {
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          c = hex4 (p);
          p += 4;
          /* The guard has refused half a surrogate pair. */
          if (c >= 0xd800 && c <= 0xdbff)
            {
              c = 0x10000 + ((c - 0xd800) << 10) + (hex4 (p + 2) - 0xdc00);
              p += 6;
            }
          g_string_append_unichar (out, c);
          break;
        default:
          /* \" \\ \/ */
          g_string_append_c (out, p[-1]);
          break;
        }
    }
}

static void
skip_container (TovJsonScanner *s)
{
  char close = *s->pos == '{' ? '}' : ']';

  s->pos++;
  if (tov_json_scan_peek (s) == close)
    {
      s->pos++;
      return;
    }
  for (;;)
    {
      const char *raw;
      gsize len;

      if (close == '}')
        {
          tov_json_scan_peek (s);
          scan_string (s, &raw, &len);
          tov_json_scan_peek (s);
          s->pos++;   /* : */
        }
      tov_json_scan_skip (s);
      if (tov_json_scan_peek (s) == close)
        break;
      s->pos++;       /* , */
    }
  s->pos++;
}

void
tov_json_scan_skip (TovJsonScanner *s)
{
  const char *raw;
  gsize len;

  switch (tov_json_scan_peek (s))
    {
    case '{':
    case '[':
      skip_container (s);
      break;
    case '"':
      scan_string (s, &raw, &len);
      break;
    case 't':
    case 'n':
      s->pos += 4;
      break;
    case 'f':
      s->pos += 5;
      break;
    default:
      /* A number. */
      while (s->pos < s->end && strchr ("+-.0123456789eE", *s->pos) != NULL && *s->pos != '\0')
        s->pos++;
      break;
    }
}

/* Reads the scalar at s->pos; an object or an array is skipped. A decoded
 * string is kept in @strings, for as long as the rows are.
 */
void
tov_json_scan_scalar (TovJsonScanner *s,
                      GString        *scratch,
                      GStringChunk   *strings,
                      TovJsonScalar  *value)
{
  const char *p, *digits;
  guint64 magnitude = 0;
  gboolean negative;

  switch (tov_json_scan_peek (s))
    {
    case '"':
      value->type = TOV_JSON_SCALAR_STRING;
      if (scan_string (s, &value->text, &value->len))
        {
          g_string_truncate (scratch, 0);
          decode_string (scratch, value->text, value->len);
          value->text = g_string_chunk_insert_len (strings, scratch->str, scratch->len);
          value->len = scratch->len;
        }
      return;

    case 't':
      value->type = TOV_JSON_SCALAR_TRUE;
      s->pos += 4;
      return;

    case 'f':
      value->type = TOV_JSON_SCALAR_FALSE;
      s->pos += 5;
      return;

    case 'n':
      value->type = TOV_JSON_SCALAR_NULL;
      s->pos += 4;
      return;

    case '{':
    case '[':
      value->type = TOV_JSON_SCALAR_OTHER;
      skip_container (s);
      return;

    default:
      break;
    }

  /* A number: an integer unless it has a fraction or an exponent. The
   * guard has refused integers beyond ±(2^53 − 1), but not the digits
   * before a fraction, which are not read.
   */
  p = s->pos;
  negative = *p == '-';
  if (negative)
    p++;
  digits = p;
  while (p < s->end && g_ascii_isdigit (*p))
    p++;
  if (p < s->end && (*p == '.' || *p == 'e' || *p == 'E'))
    {
      value->type = TOV_JSON_SCALAR_DOUBLE;
      s->pos = p;
      tov_json_scan_skip (s);
      return;
    }
  for (; digits < p; digits++)
    magnitude = magnitude * 10 + (*digits - '0');
  value->type = TOV_JSON_SCALAR_INT;
  value->integer = negative ? - (gint64) magnitude : (gint64) magnitude;
  s->pos = p;
}

/* A key: as it is in the document, or decoded into @scratch. */
void
tov_json_scan_key (TovJsonScanner  *s,
                   GString         *scratch,
                   const char     **key,
                   gsize           *len)
{
  tov_json_scan_peek (s);
  if (scan_string (s, key, len))
    {
      g_string_truncate (scratch, 0);
      decode_string (scratch, *key, *len);
      *key = scratch->str;
      *len = scratch->len;
    }
  tov_json_scan_peek (s);
  s->pos++;   /* : */
}

/* Moves past the "," between members or elements; returns FALSE at the
 * "}" or "]" that ends them, and moves past that.
 */
gboolean
tov_json_scan_next (TovJsonScanner *s)
{
  char c = tov_json_scan_peek (s);

  s->pos++;
  return c == ',';
}

/* Moves past the "{" or "[" at s->pos; returns FALSE if it is empty, and
 * moves past its end too.
 */
gboolean
tov_json_scan_enter (TovJsonScanner *s)
{
  char close = *s->pos == '{' ? '}' : ']';

  s->pos++;
  if (tov_json_scan_peek (s) == close)
    {
      s->pos++;
      return FALSE;
    }
  return TRUE;
}
