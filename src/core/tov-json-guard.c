/* tov-json-guard.c: what a JSON document must pass before it is read.
 *
 * The reader (tov-json-scan.c) finds its way through a document that
 * passed, and checks nothing of its syntax. The guard refuses what is not
 * JSON, and what JSON readers take different ways: json-glib 1.6, for
 * one, recurses without a limit and crashes near 80,000 levels, wraps
 * integers beyond 64 bits, reads 1e400 as infinity, cuts strings at
 * \u0000, lets the last of two equal keys win, and reads much that is not
 * JSON (0x10, 'a', a raw tab in a string). One pass over the bytes finds
 * all of that first, and says where: the message starts with the JSON path
 * of the problem, "projects[3].title: ...", and for a broken syntax ends
 * with the line and column.
 *
 * The pass builds no values. It keeps the path, the keys of the objects
 * that are open, to find one given twice, and looks at the text of every
 * string and number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "tov-error.h"
#include "tov-json-guard.h"
#include "tov-json-words.h"

#define MAX_STRING_SIZE ((gsize) 16 * 1024 * 1024)

/* The digits of TOV_JSON_MAX_EXACT_INTEGER. */
#define MAX_EXACT_DIGITS "9007199254740991"

/* Up to this many keys, an object's keys are compared one by one. */
#define FEW_KEYS 16

typedef struct
{
  const char *text;   /* decoded: in the document, or in Guard.decoded */
  gsize len;
} Key;

/* One for every object and array around the scanner. */
typedef struct
{
  Key key;            /* the member being read; text NULL between members and in an array */
  guint index;        /* the element being read; G_MAXUINT before the first */
  guint first_key;    /* where the object's keys start in Guard.keys */
  GHashTable *many;   /* the keys of an object that has more than FEW_KEYS */
} Frame;

typedef struct
{
  const char *start;
  const char *pos;
  const char *end;
  guint depth;
  Frame frames[TOV_JSON_MAX_DEPTH];
  GArray *keys;        /* Key: those of every open object */
  GPtrArray *decoded;  /* the keys that had escapes, decoded */
} Guard;

/* Errors ------------------------------------------------------------------ */

/**
 * tov_json_append_key:
 * @path: a JSON path, such as "projects[3]", or empty
 * @key: a decoded key, of @len bytes
 *
 * Appends ".key" to @path, or "key" to an empty one; "" for an empty key.
 * A control character in the key (C0, DEL or C1) is written as a \u
 * escape, and a broken byte as \ufffd, so that a message stays one line
 * and cannot steer a terminal.
 */
void
tov_json_append_key (GString    *path,
                     const char *key,
                     gsize       len)
{
  if (path->len > 0)
    g_string_append_c (path, '.');
  if (len == 0)
    g_string_append (path, "\"\"");
  for (const char *p = key, *end = key + len; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append (path, "\\ufffd");
          p++;
          continue;
        }
      if (g_unichar_iscntrl (c))
        g_string_append_printf (path, "\\u%04x", c);
      else
        g_string_append_unichar (path, c);
      p = g_utf8_next_char (p);
    }
}

static gboolean
fail (Guard       *g,
      GError     **error,
      const char  *problem)
{
  g_autoptr(GString) path = g_string_new (NULL);

  for (guint i = 0; i < g->depth; i++)
    {
      Frame *frame = &g->frames[i];

      if (frame->key.text != NULL)
        tov_json_append_key (path, frame->key.text, frame->key.len);
      else if (frame->index != G_MAXUINT)
        g_string_append_printf (path, "[%u]", frame->index);
    }

  g_set_error (error, TOV_ERROR, TOV_ERROR_INVALID, "%s: %s",
               path->len > 0 ? path->str : _("document"), problem);
  return FALSE;
}

/* A document that is not JSON at all: the line and column help whoever
 * edited it by hand to find the mistake.
 */
static gboolean
fail_syntax (Guard       *g,
             GError     **error,
             const char  *problem)
{
  g_autofree char *message = NULL;
  guint line = 1;
  guint column = 1;

  for (const char *c = g->start; c < g->pos && c < g->end; c++)
    {
      if (*c == '\n')
        {
          line++;
          column = 1;
        }
      else if ((*c & 0xc0) != 0x80)
        column++;
    }

  message = g_strdup_printf (_("%s (line %u, column %u)"), problem, line, column);
  return fail (g, error, message);
}

/* Strings ----------------------------------------------------------------- */

static gboolean
read_hex4 (const char *s,
           const char *end,
           gunichar   *out)
{
  gunichar value = 0;

  if (end - s < 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (s[i]);

      if (digit < 0)
        return FALSE;
      value = value * 16 + digit;
    }
  *out = value;
  return TRUE;
}

/* Checks the escape at *@s, on its backslash, and moves past it. */
static gboolean
scan_escape (Guard       *g,
             const char **s,
             GError     **error)
{
  const char *c = *s + 1;
  gunichar value, low;

  g->pos = *s;
  if (c >= g->end)
    return fail_syntax (g, error, _("a string is not closed"));
  if (*c != '\0' && strchr ("\"\\/bfnrt", *c) != NULL)
    {
      *s = c + 1;
      return TRUE;
    }
  if (*c != 'u')
    return fail_syntax (g, error, _("a string contains an unknown escape"));
  if (!read_hex4 (c + 1, g->end, &value))
    return fail_syntax (g, error, _("a \\u escape needs four hexadecimal digits"));

  /* json-glib, and C strings, would end the text there. */
  if (value == 0)
    return fail (g, error, _("contains \\u0000, a NUL character, which is not allowed"));

  *s = c + 5;
  if (value >= 0xd800 && value <= 0xdbff && g->end - *s >= 6 && (*s)[0] == '\\' && (*s)[1] == 'u' &&
      read_hex4 (*s + 2, g->end, &low) && low >= 0xdc00 && low <= 0xdfff)
    {
      *s += 6;
      return TRUE;
    }
  if (value >= 0xd800 && value <= 0xdfff)
    return fail_syntax (g, error, _("a \\u escape is half of a surrogate pair"));

  return TRUE;
}

/* Scans the string at g->pos, on its opening quote: closed, no raw control
 * characters, known escapes, valid UTF-8 and at most MAX_STRING_SIZE. The
 * text between the quotes is left in @raw.
 */
static gboolean
scan_string (Guard    *g,
             Key      *raw,
             gboolean *escaped,
             GError  **error)
{
  const char *start = g->pos + 1;
  const char *s = start;
  const char *end = g->end;
  guint64 high_bytes = 0;
  gboolean high = FALSE;

  *escaped = FALSE;
  for (;;)
    {
      guchar c;

      /* Most of a document is plain text: eight bytes at a time. */
      while (end - s >= 8)
        {
          guint64 word;

          memcpy (&word, s, 8);
          if (tov_json_word_ends_plain_text (word))
            break;
          high_bytes |= word;
          s += 8;
        }

      if (s >= end)
        {
          g->pos = s;
          return fail_syntax (g, error, _("a string is not closed"));
        }
      c = *s;
      if (c == '"')
        break;
      if (c < 0x20)
        {
          g->pos = s;
          return fail_syntax (g, error, _("a string contains a control character that must be written as an escape"));
        }
      if (c == '\\')
        {
          *escaped = TRUE;
          if (!scan_escape (g, &s, error))
            return FALSE;
          continue;
        }
      high |= c >= 0x80;
      s++;
    }

  high |= (high_bytes & G_GUINT64_CONSTANT (0x8080808080808080)) != 0;
  raw->text = start;
  raw->len = s - start;
  if (raw->len > MAX_STRING_SIZE)
    return fail (g, error, _("the text is longer than 16 MiB"));
  if (high && !g_utf8_validate_len (raw->text, raw->len, NULL))
    return fail (g, error, _("the text is not valid UTF-8"));

  g->pos = s + 1;
  return TRUE;
}

/* Decodes a key that scan_string() accepted, escapes and all: json-glib
 * reads it right now that it has neither \u0000 nor half a surrogate pair.
 */
static char *
decode (const Key *raw)
{
  g_autofree char *quoted = g_strdup_printf ("\"%.*s\"", (int) raw->len, raw->text);
  g_autoptr(JsonNode) node = json_from_string (quoted, NULL);

  return g_strdup (json_node_get_string (node));
}

/* Keys -------------------------------------------------------------------- */

static gboolean
key_equal (const Key *a,
           const Key *b)
{
  return a->len == b->len && memcmp (a->text, b->text, a->len) == 0;
}

/* Adds the key of the member at g->pos, in the innermost object, and makes
 * it the frame's: json-glib would silently keep the last of two.
 */
static gboolean
add_key (Guard   *g,
         GError **error)
{
  Frame *frame = &g->frames[g->depth - 1];
  guint n_keys;
  gboolean escaped;
  Key key;

  if (!scan_string (g, &key, &escaped, error))
    return FALSE;
  if (escaped)
    {
      char *text = decode (&key);

      g_ptr_array_add (g->decoded, text);
      key.text = text;
      key.len = strlen (text);
    }
  frame->key = key;

  n_keys = g->keys->len - frame->first_key;
  if (n_keys < FEW_KEYS)
    {
      for (guint i = frame->first_key; i < g->keys->len; i++)
        if (key_equal (&g_array_index (g->keys, Key, i), &key))
          return fail (g, error, _("the key is given twice"));
    }
  else
    {
      if (frame->many == NULL)
        {
          frame->many = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          for (guint i = frame->first_key; i < g->keys->len; i++)
            g_hash_table_add (frame->many, g_strndup (g_array_index (g->keys, Key, i).text,
                                                      g_array_index (g->keys, Key, i).len));
        }
      if (!g_hash_table_add (frame->many, g_strndup (key.text, key.len)))
        return fail (g, error, _("the key is given twice"));
    }

  g_array_append_val (g->keys, key);
  return TRUE;
}

/* Values ------------------------------------------------------------------ */

static inline void
skip_space (Guard *g)
{
  while (g->pos < g->end &&
         (*g->pos == ' ' || *g->pos == '\n' || *g->pos == '\r' || *g->pos == '\t'))
    g->pos++;
}

/* Skips white space; returns the next byte, or 0 at the end. */
static inline char
peek (Guard *g)
{
  skip_space (g);
  return g->pos < g->end ? *g->pos : '\0';
}

static const char *
skip_digits (const char *s,
             const char *end)
{
  while (s < end && g_ascii_isdigit (*s))
    s++;
  return s;
}

/* Scans the number at g->pos. An integer beyond 2^53 − 1 is refused, as
 * json-glib wraps one beyond 64 bits and other readers lose its last
 * digits; so is a number json-glib would read as infinity.
 */
static gboolean
scan_number (Guard   *g,
             GError **error)
{
  const char *start = g->pos;
  const char *end = g->end;
  const char *s = start;
  const char *digits;
  gsize n_digits;
  gboolean integer = TRUE;

  if (s < end && *s == '-')
    s++;
  digits = s;
  if (s < end && *s == '0')
    s++;
  else if (s < end && *s >= '1' && *s <= '9')
    s = skip_digits (s, end);
  else
    goto bad;
  n_digits = s - digits;

  if (s < end && *s == '.')
    {
      integer = FALSE;
      if (++s >= end || !g_ascii_isdigit (*s))
        goto bad;
      s = skip_digits (s, end);
    }
  if (s < end && (*s == 'e' || *s == 'E'))
    {
      integer = FALSE;
      s++;
      if (s < end && (*s == '+' || *s == '-'))
        s++;
      if (s >= end || !g_ascii_isdigit (*s))
        goto bad;
      s = skip_digits (s, end);
    }

  if (integer &&
      (n_digits > strlen (MAX_EXACT_DIGITS) ||
       (n_digits == strlen (MAX_EXACT_DIGITS) && memcmp (digits, MAX_EXACT_DIGITS, n_digits) > 0)))
    return fail (g, error, _("the number is too large to be read exactly"));
  if (!integer)
    {
      g_autofree char *text = g_strndup (start, s - start);

      if (!isfinite (g_ascii_strtod (text, NULL)))
        return fail (g, error, _("the number is out of range"));
    }

  g->pos = s;
  return TRUE;

bad:
  g->pos = s;
  return fail_syntax (g, error, _("a number is not written as JSON writes numbers"));
}

static gboolean
scan_literal (Guard       *g,
              const char  *literal,
              GError     **error)
{
  gsize len = strlen (literal);

  if ((gsize) (g->end - g->pos) < len || memcmp (g->pos, literal, len) != 0)
    return fail_syntax (g, error, _("unexpected text where a value should be"));
  g->pos += len;
  return TRUE;
}

/* Opens the object or array at g->pos. */
static gboolean
enter (Guard   *g,
       GError **error)
{
  if (g->depth >= TOV_JSON_MAX_DEPTH)
    {
      g_autofree char *problem = g_strdup_printf (_("nested too deeply (more than %d levels)"),
                                                  TOV_JSON_MAX_DEPTH);

      return fail (g, error, problem);
    }

  g->frames[g->depth] = (Frame) { { NULL, 0 }, G_MAXUINT, g->keys->len, NULL };
  g->depth++;
  g->pos++;
  return TRUE;
}

static void
leave (Guard *g)
{
  Frame *frame = &g->frames[--g->depth];

  g_array_set_size (g->keys, frame->first_key);
  g_clear_pointer (&frame->many, g_hash_table_unref);
  g->pos++;
}

static gboolean scan_value (Guard   *g,
                            GError **error);

static gboolean
scan_object (Guard   *g,
             GError **error)
{
  Frame *frame;

  if (!enter (g, error))
    return FALSE;
  frame = &g->frames[g->depth - 1];

  if (peek (g) != '}')
    for (;;)
      {
        char c;

        if (peek (g) != '"')
          return fail_syntax (g, error, _("a key in double quotes should be here"));
        if (!add_key (g, error))
          return FALSE;
        if (peek (g) != ':')
          return fail_syntax (g, error, _("a “:” is missing after the key"));
        g->pos++;
        if (!scan_value (g, error))
          return FALSE;

        c = peek (g);
        if (c == '}')
          break;
        if (c != ',')
          return fail_syntax (g, error, _("a “,” or “}” is missing"));
        g->pos++;
        frame->key.text = NULL;
      }

  leave (g);
  return TRUE;
}

static gboolean
scan_array (Guard   *g,
            GError **error)
{
  Frame *frame;

  if (!enter (g, error))
    return FALSE;
  frame = &g->frames[g->depth - 1];

  if (peek (g) != ']')
    for (frame->index = 0;; frame->index++)
      {
        char c;

        if (!scan_value (g, error))
          return FALSE;

        c = peek (g);
        if (c == ']')
          break;
        if (c != ',')
          return fail_syntax (g, error, _("a “,” or “]” is missing"));
        g->pos++;
        if (peek (g) == ']')
          return fail_syntax (g, error, _("a value should be here"));
      }

  leave (g);
  return TRUE;
}

static gboolean
scan_value (Guard   *g,
            GError **error)
{
  Key raw;
  gboolean escaped;

  switch (peek (g))
    {
    case '{':
      return scan_object (g, error);
    case '[':
      return scan_array (g, error);
    case '"':
      return scan_string (g, &raw, &escaped, error);
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return scan_number (g, error);
    case 't':
      return scan_literal (g, "true", error);
    case 'f':
      return scan_literal (g, "false", error);
    case 'n':
      return scan_literal (g, "null", error);
    case '\0':
      if (g->pos >= g->end)
        return fail_syntax (g, error, _("the document ends where a value should be"));
      G_GNUC_FALLTHROUGH;
    default:
      return fail_syntax (g, error, _("unexpected text where a value should be"));
    }
}

/**
 * tov_json_guard:
 * @data: a JSON document, not necessarily nul-terminated
 *
 * Checks that @data is one JSON value (RFC 8259) that json-glib reads as
 * it is written: nested at most %TOV_JSON_MAX_DEPTH levels, no key twice
 * in an object, no \u0000 in a string nor half a surrogate pair, strings
 * of valid UTF-8 up to 16 MiB, integers within ±(2^53 − 1) and no number
 * beyond the range of a double.
 *
 * Returns: whether it is; if not, a %TOV_ERROR_INVALID whose message
 *   starts with the JSON path of the first problem
 */
gboolean
tov_json_guard (const char  *data,
                gsize        length,
                GError     **error)
{
  Guard g = { data, data, data + length, 0, };
  gboolean ok;

  g.keys = g_array_new (FALSE, FALSE, sizeof (Key));
  g.decoded = g_ptr_array_new_with_free_func (g_free);

  ok = scan_value (&g, error);
  if (ok)
    {
      skip_space (&g);
      if (g.pos < g.end)
        ok = fail_syntax (&g, error, _("there is more after the end of the document"));
    }

  /* After an error, frames are still open. */
  for (guint i = 0; i < g.depth; i++)
    g_clear_pointer (&g.frames[i].many, g_hash_table_unref);
  g_array_unref (g.keys);
  g_ptr_array_unref (g.decoded);
  return ok;
}
