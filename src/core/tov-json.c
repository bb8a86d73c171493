/* tov-json.c: a portfolio as a JSON document, "tovholder-portfolio" version 1.
 *
 * The format is described in FORMAT.md and by the record properties: the
 * codec walks every record class's fields and lists none by hand.
 *
 * Reading uses its own strict parser instead of json-glib. json-glib 1.6
 * lets the last of two equal keys win, cuts strings at \u0000, wraps
 * integers beyond 64 bits, reads 1e400 as infinity and recurses without a
 * limit; and it builds its tree at some 40 MB/s, slower on its own than an
 * import of half a million records may take. The parser here refuses all
 * of those with the JSON path of the problem, and turns the document into
 * records in one pass, without a tree.
 *
 * Writing is canonical: the same portfolio always gives the same bytes,
 * so that two exports can be compared with diff and kept in version
 * control. Keys come in the order of FORMAT.md, records sorted by id,
 * indented by two spaces, UTF-8 written as it is, with a final newline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-json"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tov-date.h"
#include "tov-error.h"
#include "tov-json.h"
#include "tov-records.h"
#include "tov-store-private.h"

#define FORMAT_NAME "tovholder-portfolio"
#define FORMAT_VERSION 1

/* Limits that keep a hostile or broken file from exhausting memory or the
 * stack; a real portfolio stays far below all of them.
 */
#define MAX_DOCUMENT_SIZE ((gsize) 512 * 1024 * 1024)
#define MAX_STRING_SIZE ((gsize) 16 * 1024 * 1024)
#define MAX_DEPTH 64

/* The page cache of an import, in KiB: about what a portfolio of half a
 * million records takes, so that it is written once, at the commit.
 */
#define BULK_CACHE_KIB 262144

/* How much of the file an export maps into memory: all of a large one. */
#define EXPORT_MMAP_SIZE G_GINT64_CONSTANT (1073741824)

/* The largest integer a JSON reader that uses doubles still reads exactly. */
#define MAX_EXACT_INTEGER G_GINT64_CONSTANT (9007199254740991)
#define MAX_EXACT_DIGITS 16

#define UUID_LENGTH 36

/* id, created and updated come before a class's fields. */
#define N_COMMON_KEYS 3
#define MAX_KEYS 64

/* Describing the record classes ------------------------------------------ */

typedef enum
{
  KIND_ID,
  KIND_TIMESTAMP,
  KIND_TEXT,
  KIND_DATE,
  KIND_REF,
  KIND_INT,
  KIND_BOOL,
  KIND_CHOICE,
} FieldKind;

typedef struct
{
  const char *name;         /* the property */
  char *key;                /* the JSON key and column */
  gsize key_len;
  FieldKind kind;
  gboolean required;
  GType ref_type;           /* KIND_REF */
  gint64 minimum;           /* KIND_INT */
  gint64 maximum;
  gint64 default_value;     /* KIND_INT and KIND_CHOICE */
  GEnumClass *enum_class;   /* KIND_CHOICE */
  const char *default_nick;
  char *choices;            /* "a, b, c", for messages */
} Field;

typedef struct
{
  GType type;
  const char *table;
  const char *collection;
  char *noun;               /* "funding source", for messages */
  Field *fields;            /* the common keys, then the class's fields */
  guint n_fields;
} Layout;

static Layout *layouts;
static guint n_layouts;

/* What a byte inside a JSON string asks of the scanner. */
enum
{
  BYTE_PLAIN,
  BYTE_HIGH,      /* part of a multi-byte UTF-8 sequence, to be validated */
  BYTE_QUOTE,
  BYTE_ESCAPE,
  BYTE_CONTROL,   /* must be written as an escape */
};

static guint8 string_bytes[256];

/* 1 for the digits of a UUID and for its dashes, which is_uuid() checks by place. */
static guint8 lower_hex[256];

static void
describe_field (Field      *field,
                GParamSpec *pspec)
{
  field->name = pspec->name;
  field->key = tov_field_key (pspec);
  field->key_len = strlen (field->key);
  field->required = tov_param_is_required (pspec);

  if (G_IS_PARAM_SPEC_STRING (pspec))
    {
      field->ref_type = tov_param_get_ref_type (pspec);
      if (field->ref_type != G_TYPE_INVALID)
        field->kind = KIND_REF;
      else if (tov_param_is_date (pspec))
        field->kind = KIND_DATE;
      else
        field->kind = KIND_TEXT;
    }
  else if (G_IS_PARAM_SPEC_INT64 (pspec))
    {
      field->kind = KIND_INT;
      field->minimum = MAX (G_PARAM_SPEC_INT64 (pspec)->minimum, -MAX_EXACT_INTEGER);
      field->maximum = MIN (G_PARAM_SPEC_INT64 (pspec)->maximum, MAX_EXACT_INTEGER);
      field->default_value = G_PARAM_SPEC_INT64 (pspec)->default_value;
    }
  else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    field->kind = KIND_BOOL;
  else if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      GString *choices = g_string_new (NULL);

      field->kind = KIND_CHOICE;
      field->enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      field->default_value = G_PARAM_SPEC_ENUM (pspec)->default_value;
      field->default_nick = g_enum_get_value (field->enum_class,
                                              G_PARAM_SPEC_ENUM (pspec)->default_value)->value_nick;
      for (guint i = 0; i < field->enum_class->n_values; i++)
        g_string_append_printf (choices, "%s%s", i > 0 ? ", " : "",
                                field->enum_class->values[i].value_nick);
      field->choices = g_string_free (choices, FALSE);
    }
  else
    g_assert_not_reached ();
}

static void
describe_common_key (Field      *field,
                     const char *name,
                     FieldKind   kind)
{
  field->name = name;
  field->key = g_strdup (name);
  field->key_len = strlen (name);
  field->kind = kind;
  /* A record without an id cannot be referred to or updated; created and
   * updated may be left out of a hand-written document.
   */
  field->required = kind == KIND_ID;
}

/* The layouts live for the life of the program, like the record classes. */
static void
ensure_layouts (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      const GType *types = tov_record_types (&n_layouts);

      layouts = g_new0 (Layout, n_layouts);
      for (guint i = 0; i < n_layouts; i++)
        {
          Layout *layout = &layouts[i];
          TovRecordClass *klass = g_type_class_peek (types[i]);

          g_assert (klass->n_fields + N_COMMON_KEYS <= MAX_KEYS);

          layout->type = types[i];
          layout->table = klass->table;
          layout->collection = klass->collection;
          layout->noun = g_strdelimit (g_strdup (klass->table), "_", ' ');
          layout->n_fields = klass->n_fields + N_COMMON_KEYS;
          layout->fields = g_new0 (Field, layout->n_fields);
          describe_common_key (&layout->fields[0], "id", KIND_ID);
          describe_common_key (&layout->fields[1], "created", KIND_TIMESTAMP);
          describe_common_key (&layout->fields[2], "updated", KIND_TIMESTAMP);
          for (guint j = 0; j < klass->n_fields; j++)
            describe_field (&layout->fields[N_COMMON_KEYS + j], klass->fields[j]);
        }

      for (guint c = 0; c < 0x20; c++)
        string_bytes[c] = BYTE_CONTROL;
      for (guint c = 0x80; c < 0x100; c++)
        string_bytes[c] = BYTE_HIGH;
      string_bytes['"'] = BYTE_QUOTE;
      string_bytes['\\'] = BYTE_ESCAPE;
      for (const char *c = "0123456789abcdef-"; *c != '\0'; c++)
        lower_hex[(guchar) *c] = 1;

      g_once_init_leave (&initialized, 1);
    }
}

#define ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* Whether any of the eight bytes of @word is a control character, a quote
 * or a backslash: the bytes a JSON string must escape.
 */
static inline gboolean
word_needs_escape (guint64 word)
{
  guint64 quotes = word ^ (ONES * '"');
  guint64 backslashes = word ^ (ONES * '\\');

  return ((((word - ONES * 0x20) & ~word) |
           ((quotes - ONES) & ~quotes) |
           ((backslashes - ONES) & ~backslashes)) & HIGHS) != 0;
}

/* The length of the UTF-8 sequence at @s, whose first byte is not ASCII,
 * or 0 if it is not a valid one.
 */
static inline guint
utf8_sequence_length (const guchar *s,
                      const guchar *end)
{
  guchar c = s[0];

  if (c >= 0xc2 && c <= 0xdf)
    return end - s >= 2 && (s[1] & 0xc0) == 0x80 ? 2 : 0;

  if (c >= 0xe0 && c <= 0xef)
    {
      /* Neither overlong nor a surrogate. */
      guchar low = c == 0xe0 ? 0xa0 : 0x80;
      guchar high = c == 0xed ? 0x9f : 0xbf;

      return end - s >= 3 && s[1] >= low && s[1] <= high && (s[2] & 0xc0) == 0x80 ? 3 : 0;
    }

  if (c >= 0xf0 && c <= 0xf4)
    {
      /* Neither overlong nor beyond U+10FFFF. */
      guchar low = c == 0xf0 ? 0x90 : 0x80;
      guchar high = c == 0xf4 ? 0x8f : 0xbf;

      return end - s >= 4 && s[1] >= low && s[1] <= high &&
             (s[2] & 0xc0) == 0x80 && (s[3] & 0xc0) == 0x80 ? 4 : 0;
    }

  return 0;
}

/* Accepts exactly what g_utf8_validate_len() accepts (the tests compare
 * the two), but skips ASCII eight bytes at a time: most of a Danish text
 * is ASCII, and an import or export checks every string.
 */
static gboolean
is_valid_utf8 (const char *text,
               gsize       len)
{
  const guchar *s = (const guchar *) text;
  const guchar *end = s + len;

  while (s < end)
    {
      guint n;

      while (end - s >= 8)
        {
          guint64 word;

          memcpy (&word, s, sizeof word);
          if (((word & HIGHS) | ((word - ONES) & ~word & HIGHS)) != 0)
            break;
          s += 8;
        }
      if (s >= end)
        break;

      if (*s < 0x80)
        {
          if (*s == '\0')
            return FALSE;
          s++;
          continue;
        }

      n = utf8_sequence_length (s, end);
      if (n == 0)
        return FALSE;
      s += n;
    }

  return TRUE;
}

/* Strict tests of the values the format writes as strings ---------------- */

static gboolean
is_blank (const char *text,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

/* Ids are lowercase UUIDs, 8-4-4-4-12, as tov_new_uuid() writes them. */
static gboolean
is_uuid (const char *text,
         gsize       len)
{
  guint8 all = 1;

  if (len != UUID_LENGTH || text[8] != '-' || text[13] != '-' || text[18] != '-' || text[23] != '-')
    return FALSE;
  for (guint i = 0; i < UUID_LENGTH; i++)
    all &= lower_hex[(guchar) text[i]];
  return all != 0;
}

static gboolean
is_date (const char *text,
         gsize       len)
{
  char date[11];

  if (len != 10)
    return FALSE;
  memcpy (date, text, 10);
  date[10] = '\0';
  return tov_date_is_valid_iso (date);
}

/* "2015-04-15T00:00:00Z", as tov_timestamp_now() writes it. */
static gboolean
is_timestamp (const char *text,
              gsize       len)
{
  static const char pattern[] = "dddd-dd-ddTdd:dd:ddZ";

  if (len != sizeof pattern - 1 || !is_date (text, 10))
    return FALSE;
  for (guint i = 10; i < len; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
      return FALSE;

  return (text[11] - '0') * 10 + (text[12] - '0') < 24 &&
         text[14] < '6' && text[17] < '6';
}

/* The parser -------------------------------------------------------------- */

/* Where the parser is: one frame for every container around it, naming the
 * member or element being read, so that an error can give its JSON path.
 */
typedef struct
{
  const char *key;   /* raw, as written between the quotes; NULL for an element */
  gsize key_len;
  guint index;       /* of an element; G_MAXUINT before the first child */
} Frame;

typedef struct
{
  const char *raw;   /* between the quotes, escapes and all */
  gsize len;
  gboolean escaped;
} Key;

typedef struct
{
  const char *text;
  gsize len;
  gboolean integer;  /* no fraction, no exponent */
} Number;

typedef struct
{
  const char *start;
  const char *pos;
  const char *end;
  guint depth;
  Frame frames[MAX_DEPTH + 1];
  GString *buffer;       /* a string value with escapes, decoded */
  GString *key_buffer;   /* a key with escapes, decoded */
} Parser;

static void
append_decoded (GString    *out,
                const char *raw,
                gsize       len);

static void
append_path (GString *path,
             Frame   *frames,
             guint    n_frames)
{
  for (guint i = 0; i < n_frames; i++)
    {
      if (frames[i].key != NULL)
        {
          if (path->len > 0)
            g_string_append_c (path, '.');
          if (memchr (frames[i].key, '\\', frames[i].key_len) != NULL)
            append_decoded (path, frames[i].key, frames[i].key_len);
          else
            g_string_append_len (path, frames[i].key, frames[i].key_len);
        }
      else if (frames[i].index != G_MAXUINT)
        g_string_append_printf (path, "[%u]", frames[i].index);
    }

  if (path->len == 0)
    g_string_append (path, _("document"));
}

static gboolean
fail (Parser      *p,
      GError     **error,
      TovError     code,
      const char  *problem)
{
  g_autoptr(GString) path = g_string_new (NULL);

  append_path (path, p->frames, p->depth);
  g_set_error (error, TOV_ERROR, code, "%s: %s", path->str, problem);
  return FALSE;
}

static gboolean failf (Parser      *p,
                       GError     **error,
                       const char  *format,
                       ...) G_GNUC_PRINTF (3, 4);

static gboolean
failf (Parser      *p,
       GError     **error,
       const char  *format,
       ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  return fail (p, error, TOV_ERROR_INVALID, problem);
}

/* A document that is not JSON at all: the line and column help whoever
 * edited it by hand to find the mistake.
 */
static gboolean
fail_syntax (Parser      *p,
             GError     **error,
             const char  *problem)
{
  guint line = 1;
  guint column = 1;

  for (const char *c = p->start; c < p->pos && c < p->end; c++)
    {
      if (*c == '\n')
        {
          line++;
          column = 1;
        }
      else if ((*c & 0xc0) != 0x80)
        column++;
    }

  return failf (p, error, _("%s (line %u, column %u)"), problem, line, column);
}

static inline void
skip_space (Parser *p)
{
  while (p->pos < p->end &&
         (*p->pos == ' ' || *p->pos == '\n' || *p->pos == '\r' || *p->pos == '\t'))
    p->pos++;
}

/* Skips white space; returns the next byte, or 0 at the end. */
static inline char
peek (Parser *p)
{
  skip_space (p);
  return p->pos < p->end ? *p->pos : '\0';
}

static int
hex_value (char c)
{
  if (g_ascii_isdigit (c))
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

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
      int digit = hex_value (s[i]);

      if (digit < 0)
        return FALSE;
      value = value * 16 + digit;
    }
  *out = value;
  return TRUE;
}

/* Checks the escape at @s, on its backslash, and moves past it. An error
 * is reported at the backslash.
 */
static gboolean
scan_escape (Parser      *p,
             const char **s,
             GError     **error)
{
  const char *c = *s + 1;
  gunichar value, low;

  if (c >= p->end)
    {
      p->pos = c;
      return fail_syntax (p, error, _("a string is not closed"));
    }

  switch (*c)
    {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
      *s = c + 1;
      return TRUE;

    case 'u':
      break;

    default:
      p->pos = *s;
      return fail_syntax (p, error, _("a string contains an unknown escape"));
    }

  if (!read_hex4 (c + 1, p->end, &value))
    {
      p->pos = *s;
      return fail_syntax (p, error, _("a \\u escape needs four hexadecimal digits"));
    }

  /* json-glib and C strings end at NUL, so that anything after it would be
   * lost without a word.
   */
  if (value == 0)
    return fail (p, error, TOV_ERROR_INVALID, _("contains \\u0000, a NUL character, which is not allowed"));

  if (value >= 0xd800 && value <= 0xdbff)
    {
      const char *next = c + 5;

      if (p->end - next >= 6 && next[0] == '\\' && next[1] == 'u' &&
          read_hex4 (next + 2, p->end, &low) && low >= 0xdc00 && low <= 0xdfff)
        {
          *s = next + 6;
          return TRUE;
        }
    }
  if (value >= 0xd800 && value <= 0xdfff)
    {
      p->pos = *s;
      return fail_syntax (p, error, _("a \\u escape is half of a surrogate pair"));
    }

  *s = c + 5;
  return TRUE;
}

/* Scans the string at p->pos, on its opening quote, and checks it without
 * decoding it: closed, no raw control characters, valid escapes, valid
 * UTF-8, and no longer than MAX_STRING_SIZE.
 */
static gboolean
scan_string (Parser      *p,
             const char **raw,
             gsize       *len,
             gboolean    *escaped,
             GError     **error)
{
  const char *s = p->pos + 1;
  const char *end = p->end;
  guint8 seen = BYTE_PLAIN;
  gboolean has_escapes = FALSE;

  for (;;)
    {
      guint8 kind = BYTE_PLAIN;

      /* Most text needs no escape at all: skip it a word at a time. */
      while (end - s >= 8)
        {
          guint64 word;

          memcpy (&word, s, sizeof word);
          if (word_needs_escape (word))
            break;
          if (word & HIGHS)
            seen = BYTE_HIGH;
          s += 8;
        }

      while (s < end && (kind = string_bytes[(guchar) *s]) <= BYTE_HIGH)
        {
          seen |= kind;
          s++;
        }

      if (s >= end)
        {
          p->pos = s;
          return fail_syntax (p, error, _("a string is not closed"));
        }
      if (kind == BYTE_QUOTE)
        break;
      if (kind == BYTE_CONTROL)
        {
          p->pos = s;
          return fail_syntax (p, error, _("a string contains a control character that must be written as an escape"));
        }

      has_escapes = TRUE;
      if (!scan_escape (p, &s, error))
        return FALSE;
    }

  *raw = p->pos + 1;
  *len = s - *raw;
  *escaped = has_escapes;

  if (*len > MAX_STRING_SIZE)
    return fail (p, error, TOV_ERROR_INVALID, _("the text is longer than 16 MiB"));
  if (seen == BYTE_HIGH && !is_valid_utf8 (*raw, *len))
    return fail (p, error, TOV_ERROR_INVALID, _("the text is not valid UTF-8"));

  p->pos = s + 1;
  return TRUE;
}

/* Decodes a string that scan_string() accepted. */
static void
append_decoded (GString    *out,
                const char *raw,
                gsize       len)
{
  const char *end = raw + len;
  const char *s = raw;

  while (s < end)
    {
      const char *backslash = memchr (s, '\\', end - s);
      gunichar value = 0, low = 0;

      if (backslash == NULL)
        {
          g_string_append_len (out, s, end - s);
          break;
        }
      g_string_append_len (out, s, backslash - s);
      s = backslash + 1;

      switch (*s)
        {
        case 'b': g_string_append_c (out, '\b'); s++; break;
        case 'f': g_string_append_c (out, '\f'); s++; break;
        case 'n': g_string_append_c (out, '\n'); s++; break;
        case 'r': g_string_append_c (out, '\r'); s++; break;
        case 't': g_string_append_c (out, '\t'); s++; break;
        case 'u':
          read_hex4 (s + 1, end, &value);
          s += 5;
          if (value >= 0xd800 && value <= 0xdbff)
            {
              read_hex4 (s + 2, end, &low);
              value = 0x10000 + ((value - 0xd800) << 10) + (low - 0xdc00);
              s += 6;
            }
          g_string_append_unichar (out, value);
          break;
        default:
          g_string_append_c (out, *s);
          s++;
          break;
        }
    }
}

/* Reads the string at p->pos. The text is in the document itself or, when
 * it has escapes, in @buffer, until the next string is read into it.
 */
static gboolean
read_string (Parser       *p,
             GString      *buffer,
             const char  **text,
             gsize        *len,
             GError      **error)
{
  const char *raw;
  gboolean escaped;

  if (!scan_string (p, &raw, len, &escaped, error))
    return FALSE;

  if (!escaped)
    {
      *text = raw;
      return TRUE;
    }

  g_string_truncate (buffer, 0);
  append_decoded (buffer, raw, *len);
  *text = buffer->str;
  *len = buffer->len;
  return TRUE;
}

/* Scans the number at p->pos. json-glib wraps integers beyond 64 bits
 * and reads 1e400 as infinity, and other readers lose digits beyond 2^53:
 * a number none of them reads exactly is refused.
 */
static gboolean
scan_number (Parser  *p,
             Number  *number,
             GError **error)
{
  const char *s = p->pos;
  const char *end = p->end;
  const char *digits;
  gsize n_digits;

  number->text = s;
  number->integer = TRUE;

  if (s < end && *s == '-')
    s++;
  digits = s;
  if (s < end && *s == '0')
    s++;
  else if (s < end && *s >= '1' && *s <= '9')
    while (s < end && g_ascii_isdigit (*s))
      s++;
  else
    {
      p->pos = s;
      return fail_syntax (p, error, _("a number is not written as JSON writes numbers"));
    }
  n_digits = s - digits;

  if (s < end && *s == '.')
    {
      number->integer = FALSE;
      s++;
      if (s >= end || !g_ascii_isdigit (*s))
        {
          p->pos = s;
          return fail_syntax (p, error, _("a number is not written as JSON writes numbers"));
        }
      while (s < end && g_ascii_isdigit (*s))
        s++;
    }

  if (s < end && (*s == 'e' || *s == 'E'))
    {
      number->integer = FALSE;
      s++;
      if (s < end && (*s == '+' || *s == '-'))
        s++;
      if (s >= end || !g_ascii_isdigit (*s))
        {
          p->pos = s;
          return fail_syntax (p, error, _("a number is not written as JSON writes numbers"));
        }
      while (s < end && g_ascii_isdigit (*s))
        s++;
    }

  number->len = s - number->text;

  if (n_digits > MAX_EXACT_DIGITS ||
      (n_digits == MAX_EXACT_DIGITS && memcmp (digits, "9007199254740991", MAX_EXACT_DIGITS) > 0))
    return fail (p, error, TOV_ERROR_INVALID, _("the number is too large to be read exactly"));

  if (!number->integer)
    {
      g_autofree char *text = g_strndup (number->text, number->len);

      if (!isfinite (g_ascii_strtod (text, NULL)))
        return fail (p, error, TOV_ERROR_INVALID, _("the number is out of range"));
    }

  p->pos = s;
  return TRUE;
}

/* The value of a number scan_number() found to be an exact integer. */
static gint64
number_to_int (const Number *number)
{
  const char *s = number->text;
  const char *end = s + number->len;
  gboolean negative = *s == '-';
  gint64 value = 0;

  if (negative)
    s++;
  for (; s < end; s++)
    value = value * 10 + (*s - '0');

  return negative ? -value : value;
}

static gboolean
scan_literal (Parser     *p,
              const char *literal,
              GError    **error)
{
  gsize len = strlen (literal);

  if ((gsize) (p->end - p->pos) < len || memcmp (p->pos, literal, len) != 0)
    return fail_syntax (p, error, _("unexpected text where a value should be"));

  p->pos += len;
  return TRUE;
}

/* Opens the object or array at p->pos. */
static gboolean
enter (Parser  *p,
       GError **error)
{
  if (p->depth >= MAX_DEPTH)
    return failf (p, error, _("nested too deeply (more than %d levels)"), MAX_DEPTH);

  p->pos++;
  p->frames[p->depth] = (Frame) { NULL, 0, G_MAXUINT };
  p->depth++;
  return TRUE;
}

static void
leave (Parser *p)
{
  p->depth--;
  p->pos++;
}

/* Moves to the next member of the object that p->pos is in, reading its key
 * and colon. @key->raw is %NULL when the object is closed; the caller then
 * calls leave().
 */
static gboolean
next_member (Parser   *p,
             gboolean *first,
             Key      *key,
             GError  **error)
{
  char c = peek (p);

  if (!*first)
    {
      if (c == '}')
        {
          key->raw = NULL;
          return TRUE;
        }
      if (c != ',')
        return fail_syntax (p, error, _("a “,” or “}” is missing"));
      p->pos++;
      p->frames[p->depth - 1] = (Frame) { NULL, 0, G_MAXUINT };
      c = peek (p);
    }
  else if (c == '}')
    {
      key->raw = NULL;
      return TRUE;
    }
  *first = FALSE;

  if (c != '"')
    return fail_syntax (p, error, _("a key in double quotes should be here"));
  if (!scan_string (p, &key->raw, &key->len, &key->escaped, error))
    return FALSE;

  p->frames[p->depth - 1] = (Frame) { key->raw, key->len, G_MAXUINT };

  if (peek (p) != ':')
    return fail_syntax (p, error, _("a “:” is missing after the key"));
  p->pos++;
  return TRUE;
}

/* Moves to the next element of the array that p->pos is in. @done is set
 * when the array is closed; the caller then calls leave().
 */
static gboolean
next_element (Parser   *p,
              guint    *index,
              gboolean *done,
              GError  **error)
{
  char c = peek (p);
  Frame *frame = &p->frames[p->depth - 1];

  *done = FALSE;
  if (c == ']')
    {
      *done = TRUE;
      return TRUE;
    }

  if (frame->index != G_MAXUINT)
    {
      if (c != ',')
        return fail_syntax (p, error, _("a “,” or “]” is missing"));
      p->pos++;
      if (peek (p) == ']')
        return fail_syntax (p, error, _("a value should be here"));
    }

  frame->index = frame->index == G_MAXUINT ? 0 : frame->index + 1;
  *index = frame->index;
  return TRUE;
}

/* The key as text: in the document, or decoded into key_buffer. */
static const char *
key_text (Parser *p,
          Key    *key,
          gsize  *len)
{
  if (!key->escaped)
    {
      *len = key->len;
      return key->raw;
    }

  g_string_truncate (p->key_buffer, 0);
  append_decoded (p->key_buffer, key->raw, key->len);
  *len = p->key_buffer->len;
  return p->key_buffer->str;
}

static gboolean
key_is (Parser     *p,
        Key        *key,
        const char *name)
{
  gsize len;
  const char *text = key_text (p, key, &len);

  return len == strlen (name) && memcmp (text, name, len) == 0;
}

/* Remembers the keys of an object that is not a record, to find one that
 * is given twice: json-glib would silently keep the last.
 */
static gboolean
check_unique_key (Parser      *p,
                  GHashTable **keys,
                  Key         *key,
                  GError     **error)
{
  gsize len;
  const char *text = key_text (p, key, &len);

  if (*keys == NULL)
    *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!g_hash_table_add (*keys, g_strndup (text, len)))
    return fail (p, error, TOV_ERROR_INVALID, _("the key is given twice"));
  return TRUE;
}

/* Checks and skips any value: what an unknown key holds. */
static gboolean
skip_value (Parser  *p,
            GError **error)
{
  const char *raw;
  gsize len;
  gboolean escaped;
  Number number;

  switch (peek (p))
    {
    case '{':
      {
        g_autoptr(GHashTable) keys = NULL;
        gboolean first = TRUE;
        Key key;

        if (!enter (p, error))
          return FALSE;
        for (;;)
          {
            if (!next_member (p, &first, &key, error))
              return FALSE;
            if (key.raw == NULL)
              break;
            if (!check_unique_key (p, &keys, &key, error) || !skip_value (p, error))
              return FALSE;
          }
        leave (p);
        return TRUE;
      }

    case '[':
      {
        guint index;
        gboolean done;

        if (!enter (p, error))
          return FALSE;
        for (;;)
          {
            if (!next_element (p, &index, &done, error))
              return FALSE;
            if (done)
              break;
            if (!skip_value (p, error))
              return FALSE;
          }
        leave (p);
        return TRUE;
      }

    case '"':
      return scan_string (p, &raw, &len, &escaped, error);

    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return scan_number (p, &number, error);

    case 't':
      return scan_literal (p, "true", error);

    case 'f':
      return scan_literal (p, "false", error);

    case 'n':
      return scan_literal (p, "null", error);

    case '\0':
      if (p->pos >= p->end)
        return fail_syntax (p, error, _("the document ends where a value should be"));
      G_GNUC_FALLTHROUGH;

    default:
      return fail_syntax (p, error, _("unexpected text where a value should be"));
    }
}

/* Reading a document ------------------------------------------------------ */

typedef struct
{
  const char *id;     /* copied: the record it names may not exist yet */
  guint layout;
  guint index;
  guint field;
} PendingRef;

typedef struct
{
  GPtrArray **records;    /* one array per layout, in document order */
  GHashTable *ids;        /* id → TovRecord, every record of the document */
  GHashTable *known;      /* id → layout + 1, the store's records; or NULL */
  GArray *pending;        /* PendingRef: references to records read later */
  GStringChunk *pending_ids;
  GPtrArray *warnings;
  char *now;
  guint n_known;          /* records whose id the store has */

  gboolean format_seen;
  gboolean format_ok;
  gboolean version_seen;
  gboolean version_integer;
  gint64 version;
  gboolean header_checked;
} Document;

static void
document_clear (Document *doc)
{
  if (doc->records != NULL)
    for (guint i = 0; i < n_layouts; i++)
      g_clear_pointer (&doc->records[i], g_ptr_array_unref);
  g_clear_pointer (&doc->records, g_free);
  g_clear_pointer (&doc->ids, g_hash_table_unref);
  g_clear_pointer (&doc->pending, g_array_unref);
  g_clear_pointer (&doc->pending_ids, g_string_chunk_free);
  g_clear_pointer (&doc->warnings, g_ptr_array_unref);
  g_clear_pointer (&doc->now, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Document, document_clear)

static void
warn_unknown_key (Parser   *p,
                  Document *doc)
{
  g_autoptr(GString) path = g_string_new (NULL);

  append_path (path, p->frames, p->depth);
  g_ptr_array_add (doc->warnings, g_strdup_printf ("%s: %s", path->str, _("unknown key, skipped")));
}

/* The values of one record as it is read, handed to g_object_new at its end. */
typedef struct
{
  guint n;
  const char *names[MAX_KEYS];
  GValue values[MAX_KEYS];
} RecordValues;

static void
record_values_clear (RecordValues *rv)
{
  for (guint i = 0; i < rv->n; i++)
    g_value_unset (&rv->values[i]);
  rv->n = 0;
}

static GValue *
record_values_add (RecordValues *rv,
                   Field        *field,
                   GType         type)
{
  GValue *value = &rv->values[rv->n];

  rv->names[rv->n] = field->name;
  *value = (GValue) G_VALUE_INIT;
  g_value_init (value, type);
  rv->n++;
  return value;
}

static gboolean
check_reference (Parser      *p,
                 Document    *doc,
                 guint        layout,
                 guint        index,
                 guint        field_index,
                 const char  *id,
                 gsize        len,
                 GError     **error)
{
  Field *field = &layouts[layout].fields[field_index];
  char key[UUID_LENGTH + 1];
  TovRecord *target;
  guint known;

  /* read_field() has checked that it is a UUID. */
  g_assert (len == UUID_LENGTH);
  memcpy (key, id, UUID_LENGTH);
  key[UUID_LENGTH] = '\0';
  target = g_hash_table_lookup (doc->ids, key);

  if (target != NULL)
    {
      if (G_OBJECT_TYPE (target) == field->ref_type)
        return TRUE;
    }
  else
    {
      known = doc->known ? GPOINTER_TO_UINT (g_hash_table_lookup (doc->known, key)) : 0;
      if (known > 0 && layouts[known - 1].type == field->ref_type)
        return TRUE;
      if (known == 0)
        {
          /* It may be a record further on in the document. */
          PendingRef ref = { g_string_chunk_insert_len (doc->pending_ids, id, len), layout, index, field_index };

          g_array_append_val (doc->pending, ref);
          return TRUE;
        }
    }

  /* Ids are unique, so a record of another type cannot be the right one. */
  for (guint i = 0; i < n_layouts; i++)
    if (layouts[i].type == field->ref_type)
      return doc->known != NULL
             ? failf (p, error, _("refers to no %s in the document or the portfolio"), layouts[i].noun)
             : failf (p, error, _("refers to no %s in the document"), layouts[i].noun);

  g_assert_not_reached ();
}

/* Reads the value of @field at p->pos into @rv, checking it against the
 * field's description.
 */
static gboolean
read_field (Parser        *p,
            Document      *doc,
            guint          layout,
            guint          index,
            guint          field_index,
            RecordValues  *rv,
            GError       **error)
{
  Field *field = &layouts[layout].fields[field_index];
  char c = peek (p);
  const char *text = NULL;
  gsize len = 0;
  Number number;
  gint64 value;

  switch (field->kind)
    {
    case KIND_ID:
    case KIND_TIMESTAMP:
    case KIND_TEXT:
    case KIND_DATE:
    case KIND_REF:
      if (c == 'n' && field->kind != KIND_TEXT && field->kind != KIND_ID && field->kind != KIND_TIMESTAMP)
        {
          if (!scan_literal (p, "null", error))
            return FALSE;
          if (field->required)
            return fail (p, error, TOV_ERROR_INVALID, _("must not be empty"));
          /* NULL is what a new record has. */
          return TRUE;
        }
      if (c != '"')
        {
          if (field->kind == KIND_DATE || field->kind == KIND_REF)
            return fail (p, error, TOV_ERROR_INVALID, _("not a string or null"));
          return fail (p, error, TOV_ERROR_INVALID, _("not a string"));
        }
      if (!read_string (p, p->buffer, &text, &len, error))
        return FALSE;

      switch (field->kind)
        {
        case KIND_ID:
          if (!is_uuid (text, len))
            return fail (p, error, TOV_ERROR_INVALID, _("not an id: a lowercase UUID such as 0248d5c7-fc81-53e5-9a3e-30cb1429c52e"));
          break;

        case KIND_TIMESTAMP:
          if (!is_timestamp (text, len))
            return fail (p, error, TOV_ERROR_INVALID, _("not a time in UTC written as 2015-04-15T13:45:00Z"));
          break;

        case KIND_TEXT:
          if (field->required && is_blank (text, len))
            return fail (p, error, TOV_ERROR_INVALID, _("must not be empty"));
          /* "" is what a new record has: setting it again would only cost. */
          if (len == 0)
            return TRUE;
          break;

        case KIND_DATE:
          if (len == 0 && field->required)
            return fail (p, error, TOV_ERROR_INVALID, _("must not be empty"));
          if (!is_date (text, len))
            return fail (p, error, TOV_ERROR_INVALID, _("not a date written as 2015-04-15, or null"));
          break;

        case KIND_REF:
          if (len == 0 && field->required)
            return fail (p, error, TOV_ERROR_INVALID, _("must not be empty"));
          if (!is_uuid (text, len))
            return fail (p, error, TOV_ERROR_INVALID, _("not an id: a lowercase UUID, or null"));
          if (!check_reference (p, doc, layout, index, field_index, text, len, error))
            return FALSE;
          break;

        case KIND_INT:
        case KIND_BOOL:
        case KIND_CHOICE:
        default:
          g_assert_not_reached ();
        }

      g_value_take_string (record_values_add (rv, field, G_TYPE_STRING), g_strndup (text, len));
      return TRUE;

    case KIND_INT:
      if (c != '-' && !g_ascii_isdigit (c))
        return fail (p, error, TOV_ERROR_INVALID, _("not an integer"));
      if (!scan_number (p, &number, error))
        return FALSE;
      if (!number.integer)
        return fail (p, error, TOV_ERROR_INVALID, _("not an integer"));
      value = number_to_int (&number);
      if (value < field->minimum || value > field->maximum)
        return failf (p, error, _("must be between %" PRId64 " and %" PRId64),
                      field->minimum, field->maximum);
      if (value != field->default_value)
        g_value_set_int64 (record_values_add (rv, field, G_TYPE_INT64), value);
      return TRUE;

    case KIND_BOOL:
      if (c == 't' && scan_literal (p, "true", NULL))
        g_value_set_boolean (record_values_add (rv, field, G_TYPE_BOOLEAN), TRUE);
      else if (!(c == 'f' && scan_literal (p, "false", NULL)))
        return fail (p, error, TOV_ERROR_INVALID, _("not true or false"));
      return TRUE;

    case KIND_CHOICE:
      {
        GEnumValue *choice = NULL;

        if (c != '"')
          return failf (p, error, _("not one of %s"), field->choices);
        if (!read_string (p, p->buffer, &text, &len, error))
          return FALSE;
        for (guint i = 0; i < field->enum_class->n_values && choice == NULL; i++)
          {
            GEnumValue *candidate = &field->enum_class->values[i];

            if (strlen (candidate->value_nick) == len && memcmp (candidate->value_nick, text, len) == 0)
              choice = candidate;
          }
        if (choice == NULL)
          return failf (p, error, _("not one of %s"), field->choices);
        if (choice->value != field->default_value)
          g_value_set_enum (record_values_add (rv, field, G_TYPE_FROM_CLASS (field->enum_class)),
                            choice->value);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

/* Finds the field a key names, trying first the one after the last found:
 * in a canonical document the keys come in field order.
 */
static int
find_field (Layout     *layout,
            const char *key,
            gsize       len,
            guint       hint)
{
  for (guint n = 0; n < layout->n_fields; n++)
    {
      guint i = (hint + n) % layout->n_fields;

      if (layout->fields[i].key_len == len && memcmp (layout->fields[i].key, key, len) == 0)
        return i;
    }
  return -1;
}

static gboolean
read_record (Parser    *p,
             Document  *doc,
             guint      layout_index,
             guint      index,
             GError   **error)
{
  Layout *layout = &layouts[layout_index];
  g_autoptr(GHashTable) unknown_keys = NULL;
  g_autoptr(TovRecord) record = NULL;
  RecordValues rv;
  guint64 seen = 0;
  gboolean first = TRUE;
  guint hint = 0;
  gboolean has_created = FALSE;
  gboolean has_updated = FALSE;
  TovRecord *other;
  Key key;

  if (peek (p) != '{')
    return fail (p, error, TOV_ERROR_INVALID, _("not an object"));
  if (!enter (p, error))
    return FALSE;

  rv.n = 0;
  for (;;)
    {
      const char *text;
      gsize len;
      int i;

      if (!next_member (p, &first, &key, error))
        goto failed;
      if (key.raw == NULL)
        break;

      text = key_text (p, &key, &len);
      i = find_field (layout, text, len, hint);
      if (i < 0)
        {
          if (!check_unique_key (p, &unknown_keys, &key, error))
            goto failed;
          warn_unknown_key (p, doc);
          if (!skip_value (p, error))
            goto failed;
          continue;
        }

      if (seen & (G_GUINT64_CONSTANT (1) << i))
        {
          fail (p, error, TOV_ERROR_INVALID, _("the key is given twice"));
          goto failed;
        }
      seen |= G_GUINT64_CONSTANT (1) << i;
      hint = i + 1;

      if (!read_field (p, doc, layout_index, index, i, &rv, error))
        goto failed;
    }

  for (guint i = 0; i < layout->n_fields; i++)
    if (layout->fields[i].required && !(seen & (G_GUINT64_CONSTANT (1) << i)))
      {
        p->frames[p->depth - 1] = (Frame) { layout->fields[i].key, layout->fields[i].key_len, G_MAXUINT };
        fail (p, error, TOV_ERROR_INVALID, _("missing"));
        goto failed;
      }

  /* A record written by hand may leave out its times: it is made now. */
  has_created = (seen & (1 << 1)) != 0;
  has_updated = (seen & (1 << 2)) != 0;
  if (!has_created)
    g_value_set_string (record_values_add (&rv, &layout->fields[1], G_TYPE_STRING), doc->now);
  if (!has_updated)
    g_value_set_string (record_values_add (&rv, &layout->fields[2], G_TYPE_STRING), doc->now);

  record = (TovRecord *) g_object_new_with_properties (layout->type, rv.n, rv.names, rv.values);
  record_values_clear (&rv);

  p->frames[p->depth - 1] = (Frame) { "id", 2, G_MAXUINT };
  other = g_hash_table_lookup (doc->ids, tov_record_get_id (record));
  if (other != NULL)
    {
      guint other_layout = 0;
      guint other_index = 0;

      for (guint l = 0; l < n_layouts; l++)
        if (layouts[l].type == G_OBJECT_TYPE (other))
          {
            other_layout = l;
            g_ptr_array_find (doc->records[l], other, &other_index);
          }
      if (other_layout == 0)
        return failf (p, error, _("the id is given twice, also to %s"), layouts[0].collection);
      return failf (p, error, _("the id is given twice, also to %s[%u]"),
                    layouts[other_layout].collection, other_index);
    }
  if (doc->known != NULL)
    {
      guint known = GPOINTER_TO_UINT (g_hash_table_lookup (doc->known, tov_record_get_id (record)));

      if (known > 0 && known - 1 != layout_index)
        return failf (p, error, _("the id is already given to a %s in the portfolio"),
                      layouts[known - 1].noun);
      if (known > 0)
        doc->n_known++;
    }

  g_hash_table_insert (doc->ids, (gpointer) tov_record_get_id (record), record);
  g_ptr_array_add (doc->records[layout_index], g_steal_pointer (&record));

  leave (p);
  return TRUE;

failed:
  record_values_clear (&rv);
  return FALSE;
}

static gboolean
read_collection (Parser    *p,
                 Document  *doc,
                 guint      layout,
                 GError   **error)
{
  guint index;
  gboolean done;

  if (peek (p) != '[')
    return fail (p, error, TOV_ERROR_INVALID, _("not an array"));
  if (!enter (p, error))
    return FALSE;

  for (;;)
    {
      if (!next_element (p, &index, &done, error))
        return FALSE;
      if (done)
        break;
      if (!read_record (p, doc, layout, index, error))
        return FALSE;
    }

  leave (p);
  return TRUE;
}

/* Reads the value of "format" or "version" at p->pos. */
static gboolean
read_header_value (Parser    *p,
                   Document  *doc,
                   gboolean   is_format,
                   GError   **error)
{
  char c = peek (p);
  const char *text;
  gsize len;
  Number number;

  if (is_format)
    {
      doc->format_seen = TRUE;
      if (c != '"')
        return skip_value (p, error);
      if (!read_string (p, p->buffer, &text, &len, error))
        return FALSE;
      doc->format_ok = len == strlen (FORMAT_NAME) && memcmp (text, FORMAT_NAME, len) == 0;
      return TRUE;
    }

  doc->version_seen = TRUE;
  if (c != '-' && !g_ascii_isdigit (c))
    return skip_value (p, error);
  if (!scan_number (p, &number, error))
    return FALSE;
  doc->version_integer = number.integer;
  if (number.integer)
    doc->version = number_to_int (&number);
  return TRUE;
}

static gboolean
check_header (Document  *doc,
              GError   **error)
{
  doc->header_checked = TRUE;

  if (!doc->format_ok)
    {
      g_set_error (error, TOV_ERROR, TOV_ERROR_NOT_OURS, "format: %s",
                   _("not a Tovholder portfolio document"));
      return FALSE;
    }
  if (!doc->version_seen)
    {
      g_set_error (error, TOV_ERROR, TOV_ERROR_INVALID, "version: %s", _("missing"));
      return FALSE;
    }
  if (!doc->version_integer)
    {
      g_set_error (error, TOV_ERROR, TOV_ERROR_INVALID, "version: %s", _("not an integer"));
      return FALSE;
    }
  if (doc->version > FORMAT_VERSION)
    {
      g_set_error (error, TOV_ERROR, TOV_ERROR_TOO_NEW, "version: %s",
                   _("was written by a newer version of Tovholder; update Tovholder to read it"));
      return FALSE;
    }
  if (doc->version < FORMAT_VERSION)
    {
      g_set_error (error, TOV_ERROR, TOV_ERROR_INVALID, "version: %s", _("not a version of the format"));
      return FALSE;
    }

  return TRUE;
}

/* Before a record is read, the document must be known to be a portfolio
 * of a version this code reads: an unrelated JSON file should be called
 * that, not be picked apart. "format" and "version" come first in every
 * export; in a document that has them later, they are looked for ahead,
 * from @member, the start of the current member, to the end.
 */
static gboolean
look_ahead_for_header (Parser      *p,
                       Document    *doc,
                       const char  *member,
                       gboolean     first,
                       GError     **error)
{
  const char *resume = p->pos;
  Frame frame = p->frames[p->depth - 1];
  gboolean format_seen = FALSE;
  gboolean version_seen = FALSE;
  Key key;

  p->pos = member;
  for (;;)
    {
      if (!next_member (p, &first, &key, error))
        return FALSE;
      if (key.raw == NULL)
        break;

      if (key_is (p, &key, "format") || key_is (p, &key, "version"))
        {
          gboolean is_format = key_is (p, &key, "format");
          gboolean *seen = is_format ? &format_seen : &version_seen;

          if (*seen || (is_format ? doc->format_seen : doc->version_seen))
            return fail (p, error, TOV_ERROR_INVALID, _("the key is given twice"));
          *seen = TRUE;
          if (!read_header_value (p, doc, is_format, error))
            return FALSE;
        }
      else if (!skip_value (p, error))
        return FALSE;
    }

  /* Read again from where the look-ahead began; the header keys now seen
   * are skipped as known when they come.
   */
  p->pos = resume;
  p->frames[p->depth - 1] = frame;

  return check_header (doc, error);
}

static gboolean
read_root (Parser    *p,
           Document  *doc,
           GError   **error)
{
  g_autoptr(GHashTable) unknown_keys = NULL;
  guint64 seen = 0;
  gboolean first = TRUE;
  Key key;

  /* A byte order mark, as some editors write one. */
  if (p->end - p->pos >= 3 && memcmp (p->pos, "\xef\xbb\xbf", 3) == 0)
    p->pos += 3;

  if (peek (p) != '{')
    return fail (p, error, TOV_ERROR_NOT_OURS, _("not a Tovholder portfolio document"));
  if (!enter (p, error))
    return FALSE;

  for (;;)
    {
      const char *member = p->pos;
      gboolean member_is_first = first;
      const char *text;
      gsize len;
      int layout = -1;
      int bit;

      if (!next_member (p, &first, &key, error))
        return FALSE;
      if (key.raw == NULL)
        break;

      text = key_text (p, &key, &len);
      if (len == 6 && memcmp (text, "format", 6) == 0)
        bit = 0;
      else if (len == 7 && memcmp (text, "version", 7) == 0)
        bit = 1;
      else
        {
          for (guint i = 0; i < n_layouts; i++)
            if (strlen (layouts[i].collection) == len && memcmp (layouts[i].collection, text, len) == 0)
              layout = i;
          bit = layout >= 0 ? layout + 2 : -1;
        }

      if (bit >= 0 && (seen & (G_GUINT64_CONSTANT (1) << bit)))
        return fail (p, error, TOV_ERROR_INVALID, _("the key is given twice"));
      if (bit >= 0)
        seen |= G_GUINT64_CONSTANT (1) << bit;

      if (bit == 0 || bit == 1)
        {
          if (doc->header_checked)
            {
              /* Read by the look-ahead already. */
              if (!skip_value (p, error))
                return FALSE;
            }
          else if (!read_header_value (p, doc, bit == 0, error))
            return FALSE;
          continue;
        }

      if (!doc->header_checked)
        {
          if (!doc->format_seen || !doc->version_seen)
            {
              if (!look_ahead_for_header (p, doc, member, member_is_first, error))
                return FALSE;
            }
          else if (!check_header (doc, error))
            return FALSE;
        }

      if (layout < 0)
        {
          if (!check_unique_key (p, &unknown_keys, &key, error))
            return FALSE;
          warn_unknown_key (p, doc);
          if (!skip_value (p, error))
            return FALSE;
        }
      else if (layout == 0)
        {
          if (!read_record (p, doc, 0, 0, error))
            return FALSE;
        }
      else if (!read_collection (p, doc, layout, error))
        return FALSE;
    }

  if (!doc->header_checked && !check_header (doc, error))
    return FALSE;

  leave (p);

  skip_space (p);
  if (p->pos < p->end)
    return fail_syntax (p, error, _("there is more after the end of the document"));

  return TRUE;
}

/* References to records that came later in the document than the record
 * that refers to them: all records are known now.
 */
static gboolean
check_pending_references (Document  *doc,
                          GError   **error)
{
  for (guint i = 0; i < doc->pending->len; i++)
    {
      PendingRef *ref = &g_array_index (doc->pending, PendingRef, i);
      Field *field = &layouts[ref->layout].fields[ref->field];
      TovRecord *target = g_hash_table_lookup (doc->ids, ref->id);

      if (target == NULL || G_OBJECT_TYPE (target) != field->ref_type)
        {
          g_autoptr(GString) path = g_string_new (layouts[ref->layout].collection);
          g_autofree char *problem = NULL;
          const char *noun = NULL;

          if (ref->layout > 0)
            g_string_append_printf (path, "[%u]", ref->index);
          g_string_append_printf (path, ".%s", field->key);
          for (guint l = 0; l < n_layouts; l++)
            if (layouts[l].type == field->ref_type)
              noun = layouts[l].noun;

          problem = doc->known != NULL
            ? g_strdup_printf (_("refers to no %s in the document or the portfolio"), noun)
            : g_strdup_printf (_("refers to no %s in the document"), noun);
          g_set_error (error, TOV_ERROR, TOV_ERROR_INVALID, "%s: %s", path->str, problem);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_document (const char  *data,
               gsize        length,
               GHashTable  *known,
               Document    *doc,
               GError     **error)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(GString) key_buffer = g_string_new (NULL);
  Parser p = { 0, };

  ensure_layouts ();

  p.start = p.pos = data;
  p.end = data + length;
  p.buffer = buffer;
  p.key_buffer = key_buffer;

  if (length > MAX_DOCUMENT_SIZE)
    return fail (&p, error, TOV_ERROR_INVALID, _("larger than 512 MiB, too large to read"));

  doc->records = g_new0 (GPtrArray *, n_layouts);
  for (guint i = 0; i < n_layouts; i++)
    doc->records[i] = g_ptr_array_new_with_free_func (g_object_unref);
  doc->ids = g_hash_table_new (g_str_hash, g_str_equal);
  doc->known = known;
  doc->pending = g_array_new (FALSE, FALSE, sizeof (PendingRef));
  doc->pending_ids = g_string_chunk_new (4096);
  doc->warnings = g_ptr_array_new_with_free_func (g_free);
  doc->now = tov_timestamp_now ();

  return read_root (&p, doc, error) && check_pending_references (doc, error);
}

/**
 * tov_json_read:
 * @data: a document in the "tovholder-portfolio" format, not necessarily
 *   nul-terminated
 * @warnings: (out) (optional) (transfer full): "path: message" for every
 *   unknown key, which was skipped
 *
 * Parses and checks a whole document: its syntax, the type and range of
 * every value, required fields, unique ids, and that every reference names
 * a record of the right type in the document. An error is a
 * %TOV_ERROR_INVALID whose message starts with the JSON path of the
 * problem, %TOV_ERROR_NOT_OURS for another kind of document or
 * %TOV_ERROR_TOO_NEW for a newer version of the format.
 *
 * Returns: (transfer container): the records, in the order of
 *   tov_record_types() (the portfolio first, when the document has one),
 *   each collection in document order; %NULL on error
 */
GPtrArray *
tov_json_read (const char  *data,
               gsize        length,
               GPtrArray  **warnings,
               GError     **error)
{
  g_auto(Document) doc = { 0, };
  GPtrArray *records;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (warnings != NULL)
    *warnings = NULL;

  if (!read_document (data, length, NULL, &doc, error))
    return NULL;

  records = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_layouts; i++)
    for (guint j = 0; j < doc.records[i]->len; j++)
      g_ptr_array_add (records, g_object_ref (g_ptr_array_index (doc.records[i], j)));

  if (warnings != NULL)
    *warnings = g_steal_pointer (&doc.warnings);
  return records;
}

/* Importing --------------------------------------------------------------- */

/* The ids the store already has, each with its layout + 1: to count
 * updates, to resolve references to records outside the document and to
 * refuse an id that the portfolio gives to a record of another type.
 */
static GHashTable *
load_known_ids (TovStore  *store,
                GError   **error)
{
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n_layouts; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s", layouts[i].table);
      sqlite3_stmt *stmt = tov_store_prepare (store, sql, error);
      int rc;

      if (stmt == NULL)
        return NULL;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_hash_table_insert (known, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                             GUINT_TO_POINTER (i + 1));
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          tov_store_set_sqlite_error (store, error);
          return NULL;
        }
    }

  return g_steal_pointer (&known);
}

typedef struct
{
  const char *id;
  TovRecord *record;
} SortEntry;

static int
compare_entries (const void *a,
                 const void *b)
{
  return strcmp (((const SortEntry *) a)->id, ((const SortEntry *) b)->id);
}

/* Appends the records of one collection to @all, sorted by id: inserting
 * in the order of the primary key keeps SQLite appending to its index
 * instead of splitting pages all over it.
 */
static void
append_sorted (GPtrArray *all,
               GPtrArray *records)
{
  g_autofree SortEntry *entries = NULL;

  if (records->len == 0)
    return;

  entries = g_new (SortEntry, records->len);
  for (guint i = 0; i < records->len; i++)
    {
      entries[i].record = g_ptr_array_index (records, i);
      entries[i].id = tov_record_get_id (entries[i].record);
    }
  qsort (entries, records->len, sizeof (SortEntry), compare_entries);
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (all, entries[i].record);
}

static gboolean
query_int (TovStore    *store,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  sqlite3_stmt *stmt = tov_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      tov_store_set_sqlite_error (store, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static void
set_pragma (TovStore   *store,
            const char *name,
            gint64      value)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s = %" G_GINT64_FORMAT, name, value);
  sqlite3_stmt *stmt = tov_store_prepare (store, sql, NULL);

  if (stmt != NULL)
    {
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
}

/* Saves @records with tov_store_save_all(), with the connection set up for
 * many rows in one transaction: statement journals kept in memory instead
 * of temporary files, and a page cache large enough that SQLite does not
 * spill half-written pages to the WAL in the middle. Both are put back.
 */
static gboolean
save_in_bulk (TovStore   *store,
              GPtrArray  *records,
              GError    **error)
{
  gint64 temp_store, cache_size;
  gboolean saved;

  if (!query_int (store, "PRAGMA temp_store", &temp_store, error) ||
      !query_int (store, "PRAGMA cache_size", &cache_size, error))
    return FALSE;

  set_pragma (store, "temp_store", 2);
  set_pragma (store, "cache_size", -BULK_CACHE_KIB);
  saved = tov_store_save_all (store, records, error);
  set_pragma (store, "cache_size", cache_size);
  set_pragma (store, "temp_store", temp_store);

  return saved;
}

/**
 * tov_json_import:
 * @counts: (out) (optional): how many records were new and how many
 *   replaced a record with the same id
 * @warnings: (out) (optional) (transfer full): as for tov_json_read()
 *
 * Reads and checks the whole document as tov_json_read() does, except that
 * references may also name records the portfolio already has, then saves
 * every record in one transaction. A record whose id the portfolio has
 * replaces that record; the others are added; the document's portfolio
 * record replaces the name, municipality and description of the store's.
 * Records of the portfolio that the document does not mention stay.
 *
 * Returns: whether the document was imported; on an error nothing is
 *   written
 */
gboolean
tov_json_import (TovStore         *store,
                 const char       *data,
                 gsize             length,
                 TovImportCounts  *counts,
                 GPtrArray       **warnings,
                 GError          **error)
{
  g_auto(Document) doc = { 0, };
  g_autoptr(GHashTable) known = NULL;
  g_autoptr(GPtrArray) all = NULL;
  guint n_records = 0;

  g_return_val_if_fail (TOV_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (warnings != NULL)
    *warnings = NULL;

  ensure_layouts ();
  known = load_known_ids (store, error);
  if (known == NULL)
    return FALSE;

  if (!read_document (data, length, known, &doc, error))
    return FALSE;

  for (guint i = 0; i < n_layouts; i++)
    n_records += doc.records[i]->len;
  all = g_ptr_array_sized_new (n_records);
  for (guint i = 0; i < n_layouts; i++)
    append_sorted (all, doc.records[i]);

  if (!save_in_bulk (store, all, error))
    return FALSE;

  if (counts != NULL)
    {
      counts->updated = doc.n_known;
      counts->inserted = n_records - doc.n_known;
    }
  if (warnings != NULL)
    *warnings = g_steal_pointer (&doc.warnings);
  return TRUE;
}

/* Exporting --------------------------------------------------------------- */

/* The document as it is written: kept in memory, or passed on to a file
 * piece by piece, so that a large portfolio is never held whole.
 */
typedef struct
{
  char *data;
  gsize len;
  gsize allocated;
  int fd;              /* -1 to keep it all in memory */
  int saved_errno;     /* of a write that failed */
} Output;

#define OUTPUT_PIECE ((gsize) 1024 * 1024)

static void
output_grow (Output *out,
             gsize   needed)
{
  out->allocated = MAX (out->allocated * 2, out->len + needed);
  out->data = g_realloc (out->data, out->allocated);
}

static inline void
output_append (Output     *out,
               const char *text,
               gsize       len)
{
  if (out->allocated - out->len < len)
    output_grow (out, len);
  memcpy (out->data + out->len, text, len);
  out->len += len;
}

static inline void
output_append_c (Output *out,
                 char    c)
{
  if (out->allocated == out->len)
    output_grow (out, 1);
  out->data[out->len++] = c;
}

static void
output_write (Output *out)
{
  gsize written = 0;

  while (written < out->len && out->saved_errno == 0)
    {
      gssize n = write (out->fd, out->data + written, out->len - written);

      if (n < 0 && errno != EINTR)
        out->saved_errno = errno;
      else if (n > 0)
        written += n;
    }
  out->len = 0;
}

/* Called between records, never in the middle of a value. */
static inline void
output_maybe_write (Output *out)
{
  if (out->fd >= 0 && out->len >= OUTPUT_PIECE)
    output_write (out);
}

static void
append_json_string (Output     *out,
                    const char *text,
                    gsize       len)
{
  const char *end = text + len;
  const char *span = text;
  const char *s = text;
  gsize start = out->len;
  guint64 high = 0;

  output_append_c (out, '"');
  while (s < end)
    {
      guint8 kind;

      /* Most text needs no escape at all: skip it a word at a time. */
      while (end - s >= 8)
        {
          guint64 word;

          memcpy (&word, s, sizeof word);
          if (word_needs_escape (word))
            break;
          high |= word;
          s += 8;
        }
      if (s >= end)
        break;

      kind = string_bytes[(guchar) *s];
      if (kind <= BYTE_HIGH)
        {
          high |= kind == BYTE_HIGH ? HIGHS : 0;
          s++;
          continue;
        }

      output_append (out, span, s - span);
      switch (*s)
        {
        case '"': output_append (out, "\\\"", 2); break;
        case '\\': output_append (out, "\\\\", 2); break;
        case '\b': output_append (out, "\\b", 2); break;
        case '\f': output_append (out, "\\f", 2); break;
        case '\n': output_append (out, "\\n", 2); break;
        case '\r': output_append (out, "\\r", 2); break;
        case '\t': output_append (out, "\\t", 2); break;
        /* The store binds text as C strings, so a NUL cannot be part of
         * one, and the reader refuses \u0000.
         */
        case '\0': break;
        default:
          {
            char escape[8];

            g_snprintf (escape, sizeof escape, "\\u%04x", (guchar) *s);
            output_append (out, escape, 6);
          }
          break;
        }
      s++;
      span = s;
    }
  output_append (out, span, end - span);
  output_append_c (out, '"');

  /* Text put into the file by another program may not be UTF-8; the
   * document must be, so the bad bytes become U+FFFD.
   */
  if ((high & HIGHS) != 0 && !is_valid_utf8 (text, len))
    {
      g_autofree char *valid = g_utf8_make_valid (text, len);

      out->len = start;
      append_json_string (out, valid, strlen (valid));
    }
}

static void
append_int (Output *out,
            gint64  value)
{
  char digits[24];
  char *end = digits + sizeof digits;
  char *s = end;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  do
    {
      *--s = '0' + magnitude % 10;
      magnitude /= 10;
    }
  while (magnitude > 0);
  if (value < 0)
    *--s = '-';

  output_append (out, s, end - s);
}

/* What comes before a value: the line break, the indentation and the
 * quoted key.
 */
typedef struct
{
  char *text;
  gsize len;
} Prefix;

/* Writes the row @stmt is on, from tov_store_select_sql(): rowid, id,
 * created, updated, then the fields.
 */
static void
write_record (Output       *out,
              Layout       *layout,
              Prefix       *prefixes,
              Prefix       *closing,
              sqlite3_stmt *stmt)
{
  output_append_c (out, '{');
  for (guint i = 0; i < layout->n_fields; i++)
    {
      Field *field = &layout->fields[i];
      int column = i + 1;
      const char *text;

      output_append (out, prefixes[i].text, prefixes[i].len);
      switch (field->kind)
        {
        case KIND_ID:
        case KIND_TIMESTAMP:
        case KIND_TEXT:
        case KIND_DATE:
        case KIND_REF:
          text = (const char *) sqlite3_column_text (stmt, column);
          if (text != NULL)
            append_json_string (out, text, sqlite3_column_bytes (stmt, column));
          else if (field->kind == KIND_DATE || field->kind == KIND_REF)
            output_append (out, "null", 4);
          else
            output_append (out, "\"\"", 2);
          break;

        case KIND_INT:
          append_int (out, sqlite3_column_int64 (stmt, column));
          break;

        case KIND_BOOL:
          if (sqlite3_column_int64 (stmt, column) != 0)
            output_append (out, "true", 4);
          else
            output_append (out, "false", 5);
          break;

        case KIND_CHOICE:
          {
            GEnumValue *choice;
            const char *nick;

            /* An unknown choice is written as the field's default, as the
             * store reads it.
             */
            text = (const char *) sqlite3_column_text (stmt, column);
            choice = text != NULL ? g_enum_get_value_by_nick (field->enum_class, text) : NULL;
            nick = choice != NULL ? choice->value_nick : field->default_nick;
            output_append_c (out, '"');
            output_append (out, nick, strlen (nick));
            output_append_c (out, '"');
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
  output_append (out, closing->text, closing->len);
}

static gboolean
run (TovStore    *store,
     const char  *sql,
     GError     **error)
{
  sqlite3_stmt *stmt = tov_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      tov_store_set_sqlite_error (store, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static void
prefix_clear (Prefix *prefix)
{
  g_free (prefix->text);
}

static void
prefix_set (Prefix *prefix,
            char   *text)
{
  prefix->text = text;
  prefix->len = strlen (text);
}

static gboolean
write_layout (Output    *out,
              TovStore  *store,
              Layout    *layout,
              gboolean   single,
              GError   **error)
{
  g_autofree char *select = tov_store_select_sql (store, layout->type);
  g_autofree char *sql = g_strconcat (select, " ORDER BY id", NULL);
  g_autoptr(GArray) prefixes = g_array_sized_new (FALSE, FALSE, sizeof (Prefix), layout->n_fields);
  g_autofree char *opening = NULL;
  const char *indent = single ? "  " : "    ";
  Prefix closing;
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  g_array_set_clear_func (prefixes, (GDestroyNotify) prefix_clear);
  for (guint i = 0; i < layout->n_fields; i++)
    {
      Prefix prefix;

      prefix_set (&prefix, g_strdup_printf ("%s\n%s  \"%s\": ", i > 0 ? "," : "",
                                            indent, layout->fields[i].key));
      g_array_append_val (prefixes, prefix);
    }
  prefix_set (&closing, g_strdup_printf ("\n%s}", indent));

  stmt = tov_store_prepare (store, sql, error);
  if (stmt == NULL)
    {
      prefix_clear (&closing);
      return FALSE;
    }

  opening = g_strdup_printf (",\n  \"%s\": %s", layout->collection, single ? "" : "[");
  output_append (out, opening, strlen (opening));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!single)
        output_append (out, n > 0 ? ",\n    " : "\n    ", n > 0 ? 6 : 5);
      write_record (out, layout, (Prefix *) prefixes->data, &closing, stmt);
      output_maybe_write (out);
      n++;
      /* The portfolio has one record. */
      if (single)
        {
          rc = SQLITE_DONE;
          break;
        }
    }
  sqlite3_reset (stmt);
  prefix_clear (&closing);

  if (rc != SQLITE_DONE)
    {
      tov_store_set_sqlite_error (store, error);
      return FALSE;
    }
  if (single && n == 0)
    {
      g_set_error_literal (error, TOV_ERROR, TOV_ERROR_DAMAGED,
                           _("The portfolio file has no portfolio record."));
      return FALSE;
    }
  if (!single)
    output_append (out, n > 0 ? "\n  ]" : "]", n > 0 ? 4 : 1);

  return TRUE;
}

/* Writes the whole document to @out, reading the rows in one transaction
 * so that it is a consistent picture of the file.
 */
static gboolean
write_document (TovStore  *store,
                Output    *out,
                GError   **error)
{
  static const char header[] = "{\n  \"format\": \"" FORMAT_NAME "\",\n  \"version\": ";
  gint64 mmap_size = 0;
  gboolean written = TRUE;

  ensure_layouts ();

  /* Reading the file through memory mapping spares copying every page;
   * an export reads all of them once.
   */
  if (!query_int (store, "PRAGMA mmap_size", &mmap_size, error))
    return FALSE;
  set_pragma (store, "mmap_size", EXPORT_MMAP_SIZE);

  if (!run (store, "BEGIN", error))
    written = FALSE;

  if (written)
    {
      output_append (out, header, sizeof header - 1);
      append_int (out, FORMAT_VERSION);
      for (guint i = 0; i < n_layouts && written; i++)
        written = write_layout (out, store, &layouts[i], i == 0, error);
      output_append (out, "\n}\n", 3);

      if (written)
        written = run (store, "COMMIT", error);
      else
        run (store, "ROLLBACK", NULL);
    }

  set_pragma (store, "mmap_size", mmap_size);
  return written;
}

/**
 * tov_json_export:
 * @length: (out) (optional): the length of the document in bytes
 *
 * Writes the whole portfolio as a "tovholder-portfolio" document. The same
 * portfolio always gives the same bytes: keys in the order of FORMAT.md,
 * every collection sorted by id, two spaces of indentation, UTF-8 written
 * as it is, and a final newline. The rows are read in one transaction, so
 * that the document is a consistent picture of the file.
 *
 * Returns: (transfer full): the document, nul-terminated, or %NULL
 */
char *
tov_json_export (TovStore  *store,
                 gsize     *length,
                 GError   **error)
{
  Output out = { NULL, 0, 0, -1, 0 };
  gint64 page_count = 0, page_size = 0;

  g_return_val_if_fail (TOV_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The document takes about as many bytes as the file: allocating that
   * at once saves copying a large document again and again as it grows.
   */
  if (query_int (store, "PRAGMA page_count", &page_count, NULL) &&
      query_int (store, "PRAGMA page_size", &page_size, NULL))
    output_grow (&out, MIN (page_count * page_size, (gint64) MAX_DOCUMENT_SIZE) + 64 * 1024);

  if (!write_document (store, &out, error))
    {
      g_free (out.data);
      return NULL;
    }

  if (length != NULL)
    *length = out.len;
  output_append_c (&out, '\0');
  return out.data;
}

/**
 * tov_json_export_to_file:
 *
 * Writes tov_json_export() to @path. The document is written beside it,
 * flushed to disk and renamed into place, so that @path holds either its
 * old contents or the whole document. Like a portfolio file, it is
 * readable by its owner only: it holds the same names and case numbers.
 */
gboolean
tov_json_export_to_file (TovStore    *store,
                         const char  *path,
                         GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *temporary = NULL;
  Output out = { NULL, 0, 0, -1, 0 };
  gboolean written;

  g_return_val_if_fail (TOV_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_basename (path);
  temporary = g_strconcat (path, ".XXXXXX", NULL);
  out.fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, 0600);
  if (out.fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("“%s” cannot be written: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  output_grow (&out, OUTPUT_PIECE + 64 * 1024);
  written = write_document (store, &out, error);
  if (written)
    {
      output_write (&out);
      if (out.saved_errno == 0 && fsync (out.fd) != 0)
        out.saved_errno = errno;
    }
  g_free (out.data);
  if (close (out.fd) != 0 && written && out.saved_errno == 0)
    out.saved_errno = errno;
  if (written && out.saved_errno == 0 && g_rename (temporary, path) != 0)
    out.saved_errno = errno;

  if (written && out.saved_errno != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (out.saved_errno),
                   _("“%s” cannot be written: %s"), display, g_strerror (out.saved_errno));
      written = FALSE;
    }
  if (!written)
    g_unlink (temporary);

  return written;
}
