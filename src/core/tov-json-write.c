/* tov-json-write.c: the records of a table as the JSON of a document.
 *
 * A record is written straight from its row, in the layout that
 * json-glib 1.6's JsonGenerator gives a pretty document with an indent of
 * two spaces: one member a line, "key" : value, in the order of the
 * record class's fields. Exports written before are the reference: the
 * same portfolio must give the same bytes as it always did, so that two
 * exports can be compared with diff. Strings are escaped as the generator
 * escapes them, with one difference that makes the document JSON: U+001F
 * is written as \u001f, where json-glib writes it as it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-json"

#include "config.h"

#include <string.h>

#include "tov-json-private.h"
#include "tov-json-words.h"
#include "tov-store-private.h"

/* An export to a file is written in pieces of about this size. */
#define OUTPUT_PIECE ((gsize) 1024 * 1024)

/* Indentation of a record's members: in a collection, and the portfolio's. */
#define RECORD_INDENT "      "
#define SINGLE_INDENT "    "

/**
 * tov_json_output_flush:
 *
 * Writes what @out holds to its file, if it has one, and empties it. The
 * file keeps the first error, and skips later writes.
 */
void
tov_json_output_flush (TovJsonOutput *out)
{
  if (out->file == NULL)
    return;

  tov_replacement_write (out->file, out->text->str, out->text->len);
  g_string_truncate (out->text, 0);
}

/* Escaping ------------------------------------------------------------------ */

/* What a byte of text becomes: itself, a two-character escape, a \u00xx
 * escape, or the first byte of a UTF-8 sequence to check.
 */
enum
{
  PLAIN,
  SHORT,
  UNICODE,
  MULTI,
  END,
};

static guint8 byte_class[256];
static char short_escape[128];

static void
init_escapes (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint c = 0; c < 256; c++)
        byte_class[c] = c >= 0x80 ? MULTI : c < 0x20 || c == 0x7f ? UNICODE : PLAIN;
      byte_class[0] = END;

      short_escape['"'] = '"';
      short_escape['\\'] = '\\';
      short_escape['\b'] = 'b';
      short_escape['\f'] = 'f';
      short_escape['\n'] = 'n';
      short_escape['\r'] = 'r';
      short_escape['\t'] = 't';
      for (guint c = 0; c < G_N_ELEMENTS (short_escape); c++)
        if (short_escape[c] != '\0')
          byte_class[c] = SHORT;

      g_once_init_leave (&initialized, 1);
    }
}

/* The length of the well-formed UTF-8 sequence at @p (Unicode's table
 * 3-7, which g_utf8_validate() follows), or 0 if there is none before @end.
 */
static inline guint
utf8_sequence (const guchar *p,
               const guchar *end)
{
  guchar lo = 0x80, hi = 0xbf;
  guint n;

  if (p[0] >= 0xc2 && p[0] <= 0xdf)
    n = 2;
  else if (p[0] >= 0xe0 && p[0] <= 0xef)
    {
      n = 3;
      if (p[0] == 0xe0)
        lo = 0xa0;
      else if (p[0] == 0xed)
        hi = 0x9f;
    }
  else if (p[0] >= 0xf0 && p[0] <= 0xf4)
    {
      n = 4;
      if (p[0] == 0xf0)
        lo = 0x90;
      else if (p[0] == 0xf4)
        hi = 0x8f;
    }
  else
    return 0;

  if (end - p < n || p[1] < lo || p[1] > hi)
    return 0;
  for (guint i = 2; i < n; i++)
    if (p[i] < 0x80 || p[i] > 0xbf)
      return 0;
  return n;
}

/* Whether any of the eight bytes of @word needs more than copying: one
 * that ends plain text, DEL or a byte of a multi-byte sequence.
 */
static inline gboolean
word_needs_care (guint64 word)
{
  return tov_json_word_ends_plain_text (word) | tov_json_word_has (word, 0x7f) |
         ((word & TOV_JSON_EACH_BYTE (0x80)) != 0);
}

/* Writes @text, up to @len bytes or a nul, escaped, at @o, which has room
 * for six bytes for every byte of @text; returns where it ended, or NULL
 * when the text is not valid UTF-8.
 */
static char *
write_escaped (char       *o,
               const char *text,
               gsize       len)
{
  static const char hex[] = "0123456789abcdef";
  const guchar *p = (const guchar *) text;
  const guchar *end = p + len;

  while (p < end)
    {
      guchar c;
      guint n;

      /* Most text is plain ASCII: eight bytes at a time. */
      while (end - p >= 8)
        {
          guint64 word;

          memcpy (&word, p, 8);
          if (word_needs_care (word))
            break;
          memcpy (o, p, 8);
          o += 8;
          p += 8;
        }
      if (p >= end)
        break;

      c = *p;
      switch (byte_class[c])
        {
        case PLAIN:
          *o++ = c;
          p++;
          break;

        case SHORT:
          *o++ = '\\';
          *o++ = short_escape[c];
          p++;
          break;

        case UNICODE:
          memcpy (o, "\\u00", 4);
          o[4] = hex[c >> 4];
          o[5] = hex[c & 0xf];
          o += 6;
          p++;
          break;

        case MULTI:
          n = utf8_sequence (p, end);
          if (n == 0)
            return NULL;
          memcpy (o, p, n);
          o += n;
          p += n;
          break;

        case END:
        default:
          /* Text ends at a nul, as in C and as json-glib took it. */
          end = p;
          break;
        }
    }

  return o;
}

/* Appends @prefix and then @text as a JSON string. Text put into the file
 * by another program may not be UTF-8; the document must be, so the bad
 * bytes become U+FFFD.
 */
static void
append_string (GString    *out,
               const char *prefix,
               gsize       prefix_len,
               const char *text,
               gsize       len)
{
  gsize start = out->len;
  char *o;

  /* No byte becomes more than six. */
  g_string_set_size (out, start + prefix_len + 6 * len + 2);
  o = out->str + start;
  memcpy (o, prefix, prefix_len);
  o += prefix_len;
  *o++ = '"';
  o = write_escaped (o, text, len);
  if (o == NULL)
    {
      const char *nul = memchr (text, '\0', len);
      g_autofree char *valid = g_utf8_make_valid (text, nul != NULL ? nul - text : (gssize) len);
      gsize valid_len = strlen (valid);

      g_string_set_size (out, start + prefix_len + 6 * valid_len + 2);
      o = out->str + start + prefix_len + 1;
      o = write_escaped (o, valid, valid_len);
    }
  *o++ = '"';
  g_string_truncate (out, o - out->str);
}

static void
append_int (GString    *out,
            const char *prefix,
            gsize       prefix_len,
            gint64      value)
{
  char digits[24];
  char *d = digits + sizeof digits;
  guint64 magnitude = value < 0 ? - (guint64) value : (guint64) value;

  do
    {
      *--d = '0' + magnitude % 10;
      magnitude /= 10;
    }
  while (magnitude > 0);
  if (value < 0)
    *--d = '-';
  g_string_append_len (out, prefix, prefix_len);
  g_string_append_len (out, d, digits + sizeof digits - d);
}

/* Writing rows ---------------------------------------------------------------- */

/* What comes before each member of a record: the line break after the
 * one before, the indentation and the key.
 */
typedef struct
{
  char *text;
  gsize len;
} Prefix;

static Prefix *
member_prefixes (const TovJsonLayout *layout)
{
  gboolean single = layout->type == TOV_TYPE_PORTFOLIO;
  Prefix *prefixes = g_new0 (Prefix, layout->n_fields);

  for (guint i = 0; i < layout->n_fields; i++)
    {
      prefixes[i].text = g_strdup_printf ("%s%s\"%s\" : ", i > 0 ? ",\n" : "",
                                          single ? SINGLE_INDENT : RECORD_INDENT, layout->fields[i].key);
      prefixes[i].len = strlen (prefixes[i].text);
    }
  return prefixes;
}

static void
free_prefixes (Prefix *prefixes,
               guint   n)
{
  for (guint i = 0; i < n; i++)
    g_free (prefixes[i].text);
  g_free (prefixes);
}

/* Reading rows in a thread of their own --------------------------------------- */

/* SQLite reads the rows in one thread while the calling thread writes
 * them as JSON: each takes about half the time. The reading thread copies
 * the values of the rows into blocks and hands them over; a few blocks go
 * back and forth, so that a large portfolio is never held whole. Both use
 * the one connection, in the read transaction of the caller, so that the
 * document is still one picture of the file.
 */

/* About how many bytes of values a block holds. */
#define BLOCK_BYTES ((gsize) 256 * 1024)
#define N_BLOCKS 4

/* A value in a block: a tag, then an integer or the length and bytes of
 * a text.
 */
enum
{
  VALUE_NULL,
  VALUE_TEXT,
  VALUE_INT,
};

typedef struct
{
  guint layout;
  guint n_rows;
  GByteArray *values;
  gboolean end;      /* the last block of its layout */
  GError *error;     /* of the reading, in the last block it reads */
} Block;

typedef struct
{
  TovStore *store;
  const TovJsonLayout *layouts;
  guint n_layouts;
  sqlite3_stmt **statements;   /* one a layout, prepared by the caller */
  GAsyncQueue *full;           /* Block: read, to be written */
  GAsyncQueue *empty;          /* Block: to be read into */
} Reading;

static void
block_free (gpointer data)
{
  Block *block = data;

  g_byte_array_unref (block->values);
  g_clear_error (&block->error);
  g_free (block);
}

static Block *
take_block (Reading *reading,
            guint    layout)
{
  Block *block = g_async_queue_pop (reading->empty);

  block->layout = layout;
  block->n_rows = 0;
  block->end = FALSE;
  g_byte_array_set_size (block->values, 0);
  return block;
}

/* Adds the values of the row @stmt is on, from tov_store_select_sql():
 * rowid, id, created, updated, then the fields. Text is read as the bytes
 * the file holds: sqlite3_column_text() would copy each value once more
 * to end it with a nul.
 */
/* Makes room for @n more bytes at the end of @values, and returns it. */
static inline guint8 *
grow (GByteArray *values,
      gsize       n)
{
  gsize len = values->len;

  g_byte_array_set_size (values, len + n);
  return values->data + len;
}

static void
add_row (Block               *block,
         const TovJsonLayout *layout,
         sqlite3_stmt        *stmt)
{
  for (guint i = 0; i < layout->n_fields; i++)
    {
      int column = i + 1;
      guint8 *p;

      if (layout->fields[i].kind == TOV_JSON_KIND_INT || layout->fields[i].kind == TOV_JSON_KIND_BOOL)
        {
          gint64 number = sqlite3_column_int64 (stmt, column);

          p = grow (block->values, 1 + sizeof number);
          *p = VALUE_INT;
          memcpy (p + 1, &number, sizeof number);
        }
      else if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
        *grow (block->values, 1) = VALUE_NULL;
      else
        {
          const void *text = sqlite3_column_blob (stmt, column);
          guint32 len = sqlite3_column_bytes (stmt, column);

          p = grow (block->values, 1 + sizeof len + len);
          *p = VALUE_TEXT;
          memcpy (p + 1, &len, sizeof len);
          /* An empty value has no bytes, and a NULL pointer for them. */
          if (len > 0)
            memcpy (p + 1 + sizeof len, text, len);
        }
    }
  block->n_rows++;
}

/* The reading thread: every layout in turn, sorted by id. Every layout
 * ends with a block that says so, empty or not; the reading stops at an
 * error, in the block it is in.
 */
static gpointer
read_rows (gpointer data)
{
  Reading *reading = data;

  for (guint i = 0; i < reading->n_layouts; i++)
    {
      sqlite3_stmt *stmt = reading->statements[i];
      Block *block = take_block (reading, i);
      int rc;

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          add_row (block, &reading->layouts[i], stmt);
          /* The portfolio has one record. */
          if (reading->layouts[i].type == TOV_TYPE_PORTFOLIO)
            {
              rc = SQLITE_DONE;
              break;
            }
          if (block->values->len >= BLOCK_BYTES)
            {
              g_async_queue_push (reading->full, block);
              block = take_block (reading, i);
            }
        }
      if (rc != SQLITE_DONE)
        tov_store_set_sqlite_error (reading->store, &block->error);
      sqlite3_reset (stmt);

      block->end = TRUE;
      g_async_queue_push (reading->full, block);
      if (rc != SQLITE_DONE)
        break;
    }

  return NULL;
}

/* Writing rows ------------------------------------------------------------------ */

static const guint8 *
read_text (const guint8  *p,
           const char   **text,
           guint32       *len)
{
  memcpy (len, p, sizeof *len);
  p += sizeof *len;
  /* An empty text points at its length: it is never read. */
  *text = (const char *) p;
  return p + *len;
}

/* The nick of a choice as the file has it, or the field's default for one
 * that it does not know, as the store reads it.
 */
static const char *
choice_nick (const TovJsonField *field,
             const char         *text,
             gsize               len)
{
  for (guint i = 0; i < field->enum_class->n_values; i++)
    {
      const char *nick = field->enum_class->values[i].value_nick;

      if (strncmp (nick, text, len) == 0 && nick[len] == '\0')
        return nick;
    }
  return field->default_nick;
}

/* Appends the record whose values start at @p, and returns where the next
 * record's start.
 */
static const guint8 *
write_record (GString             *out,
              const TovJsonLayout *layout,
              const Prefix        *prefixes,
              const guint8        *p)
{
  gboolean single = layout->type == TOV_TYPE_PORTFOLIO;

  if (single)
    g_string_append_len (out, "{\n", 2);
  else
    g_string_append_len (out, "    {\n", 6);

  for (guint i = 0; i < layout->n_fields; i++)
    {
      const TovJsonField *field = &layout->fields[i];
      const Prefix *prefix = &prefixes[i];
      guint8 tag = *p++;
      const char *text = NULL;
      guint32 len = 0;
      gint64 number = 0;

      if (tag == VALUE_INT)
        {
          memcpy (&number, p, sizeof number);
          p += sizeof number;
        }
      else if (tag == VALUE_TEXT)
        p = read_text (p, &text, &len);

      switch (field->kind)
        {
        case TOV_JSON_KIND_DATE:
        case TOV_JSON_KIND_REF:
          if (text != NULL)
            append_string (out, prefix->text, prefix->len, text, len);
          else
            {
              g_string_append_len (out, prefix->text, prefix->len);
              g_string_append_len (out, "null", 4);
            }
          break;

        case TOV_JSON_KIND_ID:
        case TOV_JSON_KIND_TIMESTAMP:
        case TOV_JSON_KIND_TEXT:
          append_string (out, prefix->text, prefix->len, text != NULL ? text : "", len);
          break;

        case TOV_JSON_KIND_INT:
          append_int (out, prefix->text, prefix->len, number);
          break;

        case TOV_JSON_KIND_BOOL:
          g_string_append_len (out, prefix->text, prefix->len);
          if (number != 0)
            g_string_append_len (out, "true", 4);
          else
            g_string_append_len (out, "false", 5);
          break;

        case TOV_JSON_KIND_CHOICE:
          text = text != NULL ? choice_nick (field, text, len) : field->default_nick;
          append_string (out, prefix->text, prefix->len, text, strlen (text));
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (single)
    g_string_append_len (out, "\n  }", 4);
  else
    g_string_append_len (out, "\n    }", 6);
  return p;
}

/**
 * tov_json_write_layouts:
 * @n_portfolios: (out): how many portfolio records were written: 1, or 0
 *   for a file that has none
 *
 * Appends ",\n  \"collection\" : " and the records of every layout,
 * sorted by id, to @out: an array, or for the portfolio its one record.
 * The caller reads in a transaction, for a consistent picture of the
 * file.
 */
gboolean
tov_json_write_layouts (TovJsonOutput  *out,
                        TovStore       *store,
                        guint          *n_portfolios,
                        GError        **error)
{
  Reading reading = { store, };
  g_autofree Prefix **prefixes = NULL;
  GThread *thread;
  guint n = 0;
  gboolean written = TRUE;

  init_escapes ();
  reading.layouts = tov_json_layouts (&reading.n_layouts);
  reading.statements = g_new0 (sqlite3_stmt *, reading.n_layouts);
  for (guint i = 0; i < reading.n_layouts; i++)
    {
      g_autofree char *select = tov_store_select_sql (store, reading.layouts[i].type);
      g_autofree char *sql = g_strconcat (select, " ORDER BY id", NULL);

      reading.statements[i] = tov_store_prepare (store, sql, error);
      if (reading.statements[i] == NULL)
        {
          g_free (reading.statements);
          return FALSE;
        }
    }

  prefixes = g_new0 (Prefix *, reading.n_layouts);
  for (guint i = 0; i < reading.n_layouts; i++)
    prefixes[i] = member_prefixes (&reading.layouts[i]);
  reading.full = g_async_queue_new ();
  reading.empty = g_async_queue_new_full (block_free);
  for (guint i = 0; i < N_BLOCKS; i++)
    {
      Block *block = g_new0 (Block, 1);

      block->values = g_byte_array_sized_new (BLOCK_BYTES + 64 * 1024);
      g_async_queue_push (reading.empty, block);
    }

  *n_portfolios = 0;
  thread = g_thread_new ("tov-json-export", read_rows, &reading);
  for (;;)
    {
      Block *block = g_async_queue_pop (reading.full);
      const TovJsonLayout *layout = &reading.layouts[block->layout];
      gboolean single = layout->type == TOV_TYPE_PORTFOLIO;
      const guint8 *p = block->values->data;
      gboolean last;

      last = block->error != NULL || (block->end && block->layout == reading.n_layouts - 1);
      if (block->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&block->error));
          written = FALSE;
        }
      else
        {
          /* n counts the records of the layout written so far. */
          for (guint i = 0; i < block->n_rows; i++)
            {
              if (n == 0)
                g_string_append_printf (out->text, ",\n  \"%s\" : %s", layout->collection, single ? "" : "[");
              if (!single)
                g_string_append (out->text, n > 0 ? ",\n" : "\n");
              p = write_record (out->text, layout, prefixes[block->layout], p);
              n++;
              if (out->file != NULL && out->text->len >= OUTPUT_PIECE)
                tov_json_output_flush (out);
            }
          if (block->end)
            {
              if (n == 0)
                g_string_append_printf (out->text, ",\n  \"%s\" : %s", layout->collection, single ? "" : "[]");
              else if (!single)
                g_string_append (out->text, "\n  ]");
              if (single)
                *n_portfolios = n;
              n = 0;
            }
        }

      g_async_queue_push (reading.empty, block);
      if (last)
        break;
    }

  g_thread_join (thread);
  for (guint i = 0; i < reading.n_layouts; i++)
    free_prefixes (prefixes[i], reading.layouts[i].n_fields);
  g_async_queue_unref (reading.full);
  g_async_queue_unref (reading.empty);
  g_free (reading.statements);
  return written;
}
