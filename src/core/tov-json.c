/* tov-json.c: a portfolio as a JSON document, "tovholder-portfolio" version 1.
 *
 * The format is described by data/tovholder-portfolio.schema.json and by
 * the record properties: the codec walks every record class's fields
 * (tov-json-layout.c) and lists none by hand.
 *
 * Reading: tov_json_guard() first checks the bytes for anything that is
 * not JSON or that a JSON reader could take two ways (deep nesting, keys
 * given twice, \u0000, integers beyond 2^53 − 1, 1e400). What passes is
 * then read once more, here, straight into rows of values: no tree of the
 * document is built, and a string without escapes is not even copied.
 * Every value is checked against its field. Every error starts with the
 * JSON path of the problem: "projects[3].title: must not be empty".
 * tov_json_read() makes records of the rows; tov_json_import() writes
 * them into a new portfolio as rows (tov-json-bulk.c), and through the
 * store into one that has records.
 *
 * Writing: every record is written from its row (tov-json-write.c). The
 * document is canonical: the same portfolio always gives the same bytes,
 * so that two exports can be compared with diff and kept in version
 * control. Keys come in the order of the record classes' fields, records
 * sorted by id, indented by two spaces as json-glib's JsonGenerator
 * indents, UTF-8 written as it is, with a final newline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "tov-date.h"
#include "tov-error.h"
#include "tov-json.h"
#include "tov-json-guard.h"
#include "tov-json-private.h"
#include "tov-json-scan.h"
#include "tov-records.h"
#include "tov-store-private.h"

/* A real portfolio stays far below this. */
#define MAX_DOCUMENT_SIZE ((gsize) 512 * 1024 * 1024)

/* The page cache of an import, in KiB: about what a portfolio of half a
 * million records takes, so that it is written once, at the commit.
 */
#define BULK_CACHE_KIB 262144

/* How much of the file an export maps into memory: all of a large one. */
#define EXPORT_MMAP_SIZE G_GINT64_CONSTANT (1073741824)

/* An export to a file is flushed in pieces of about this size. */
#define OUTPUT_BUFFER ((gsize) 1024 * 1024 + 64 * 1024)

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

/* Ids are lowercase UUIDs, 8-4-4-4-12, as tov_new_uuid() writes them.
 * Every id and reference of a document is checked: a table of the bytes
 * that may be a digit is quicker than asking of each byte what it is.
 */
static gboolean
is_uuid (const char *text,
         gsize       len)
{
  static const char digits[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
  };
  const guchar *p = (const guchar *) text;
  guint ok = 1;

  if (len != TOV_JSON_UUID_LENGTH || p[8] != '-' || p[13] != '-' || p[18] != '-' || p[23] != '-')
    return FALSE;
  for (guint i = 0; i < 8; i++)
    ok &= digits[p[i]] & digits[p[24 + i]];
  for (guint i = 0; i < 4; i++)
    ok &= digits[p[9 + i]] & digits[p[14 + i]] & digits[p[19 + i]] & digits[p[32 + i]];
  return ok != 0;
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

/* Ids as keys of a hash table: the 36 bytes of a UUID, not nul-terminated.
 * The hash mixes them eight at a time.
 */
static guint
id_hash (gconstpointer key)
{
  const char *p = key;
  guint64 hash = 0;

  for (guint i = 0; i < 4; i++)
    {
      guint64 word;

      memcpy (&word, p + 8 * i, 8);
      hash = (hash ^ word) * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
      hash ^= hash >> 29;
    }
  {
    guint32 last;

    memcpy (&last, p + 32, 4);
    hash = (hash ^ last) * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  }
  return (guint) (hash >> 32) ^ (guint) hash;
}

static gboolean
id_equal (gconstpointer a,
          gconstpointer b)
{
  return memcmp (a, b, TOV_JSON_UUID_LENGTH) == 0;
}

/* Reading a document ------------------------------------------------------ */

typedef struct
{
  const char *id;     /* in the document, or among the decoded strings */
  guint layout;
  guint index;
  guint field;
} PendingRef;

typedef struct
{
  TovJsonLayout *layouts;
  guint n_layouts;
  TovJsonRows *rows;      /* one per layout, in document order */
  TovJsonValue **defaults;/* one row per layout: what a new record has */
  GHashTable *ids;        /* id → ID_ENTRY (layout, index), every record of the document */
  GHashTable *known;      /* id → layout + 1, the store's records; or NULL */
  GArray *pending;        /* PendingRef: references to records read later */
  GStringChunk *strings;  /* decoded strings */
  GString *scratch;
  GPtrArray *warnings;
  char *now;
  guint n_known;          /* records whose id the store has */

  /* The first problem of a record. It is reported only once the header
   * says that the document is a portfolio of this version, which the
   * header may say last.
   */
  GError *error;
  gboolean has_format, has_version;
  TovJsonScalar format, version;
} Document;

/* An entry of Document.ids: the record's layout and its index. A record
 * takes more than 40 bytes of the document, so that 2^27 records are
 * more than MAX_DOCUMENT_SIZE holds.
 */
#define ID_ENTRY(layout, index) GUINT_TO_POINTER ((((index) << 4) | (layout)) + 1)
#define ID_LAYOUT(entry) ((GPOINTER_TO_UINT (entry) - 1) & 0xf)
#define ID_INDEX(entry) ((GPOINTER_TO_UINT (entry) - 1) >> 4)

static void
document_clear (Document *doc)
{
  if (doc->rows != NULL)
    for (guint i = 0; i < doc->n_layouts; i++)
      g_free (doc->rows[i].values);
  g_clear_pointer (&doc->rows, g_free);
  if (doc->defaults != NULL)
    for (guint i = 0; i < doc->n_layouts; i++)
      g_free (doc->defaults[i]);
  g_clear_pointer (&doc->defaults, g_free);
  g_clear_pointer (&doc->ids, g_hash_table_unref);
  g_clear_pointer (&doc->pending, g_array_unref);
  g_clear_pointer (&doc->strings, g_string_chunk_free);
  if (doc->scratch != NULL)
    g_string_free (g_steal_pointer (&doc->scratch), TRUE);
  g_clear_pointer (&doc->warnings, g_ptr_array_unref);
  g_clear_pointer (&doc->now, g_free);
  g_clear_error (&doc->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Document, document_clear)

/* For a key of the document's object rather than of a record. */
#define NO_LAYOUT G_MAXUINT

/* The JSON path of a record's member, "projects[3].title"; @key may be NULL. */
static char *
path_of (Document   *doc,
         guint       layout,
         guint       index,
         const char *key,
         gsize       key_len)
{
  GString *path = g_string_new (NULL);

  if (layout != NO_LAYOUT)
    g_string_append (path, doc->layouts[layout].collection);
  /* The portfolio is one record, not a collection. */
  if (layout != NO_LAYOUT && layout > 0)
    g_string_append_printf (path, "[%u]", index);
  if (key != NULL)
    tov_json_append_key (path, key, key_len);
  return g_string_free (path, FALSE);
}

static gboolean invalid (Document    *doc,
                         guint        layout,
                         guint        index,
                         const char  *key,
                         const char  *format,
                         ...) G_GNUC_PRINTF (5, 6);

/* Keeps a %TOV_ERROR_INVALID "path: problem" as the document's first. */
static gboolean
invalid (Document    *doc,
         guint        layout,
         guint        index,
         const char  *key,
         const char  *format,
         ...)
{
  g_autofree char *path = path_of (doc, layout, index, key, key != NULL ? strlen (key) : 0);
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  if (doc->error == NULL)
    g_set_error (&doc->error, TOV_ERROR, TOV_ERROR_INVALID, "%s: %s", path, problem);
  return FALSE;
}

static gboolean
refers_to_nothing (Document     *doc,
                   guint         layout,
                   guint         index,
                   TovJsonField *field)
{
  const char *noun = NULL;

  for (guint i = 0; i < doc->n_layouts; i++)
    if (doc->layouts[i].type == field->ref_type)
      noun = doc->layouts[i].noun;
  g_assert (noun != NULL);

  if (doc->known != NULL)
    return invalid (doc, layout, index, field->key,
                    _("refers to no %s in the document or the portfolio"), noun);
  return invalid (doc, layout, index, field->key, _("refers to no %s in the document"), noun);
}

/* Checks that @id names a record of the field's type, in the document or in
 * the store; one that may come later in the document is checked at the end.
 */
static gboolean
check_reference (Document    *doc,
                 guint        layout,
                 guint        index,
                 guint        field_index,
                 const char  *id)
{
  TovJsonField *field = &doc->layouts[layout].fields[field_index];
  gpointer target = g_hash_table_lookup (doc->ids, id);
  guint known;

  if (target != NULL)
    return doc->layouts[ID_LAYOUT (target)].type == field->ref_type ||
           refers_to_nothing (doc, layout, index, field);

  known = doc->known ? GPOINTER_TO_UINT (g_hash_table_lookup (doc->known, id)) : 0;
  if (known == 0)
    {
      PendingRef ref = { id, layout, index, field_index };

      g_array_append_val (doc->pending, ref);
      return TRUE;
    }

  /* Ids are unique, so a record of another type cannot be the right one. */
  return doc->layouts[known - 1].type == field->ref_type ||
         refers_to_nothing (doc, layout, index, field);
}

/* Checks @value against field @field_index and puts it in @row. */
static gboolean
read_field (Document             *doc,
            guint                 layout,
            guint                 index,
            guint                 field_index,
            const TovJsonScalar  *value,
            TovJsonValue         *row)
{
#define REFUSE(...) return invalid (doc, layout, index, field->key, __VA_ARGS__)
  TovJsonField *field = &doc->layouts[layout].fields[field_index];
  const char *text = value->type == TOV_JSON_SCALAR_STRING ? value->text : NULL;
  gsize len = text != NULL ? value->len : 0;
  GEnumValue *choice;

  switch (field->kind)
    {
    case TOV_JSON_KIND_DATE:
    case TOV_JSON_KIND_REF:
      if (value->type == TOV_JSON_SCALAR_NULL && field->required)
        REFUSE ("%s", _("must not be empty"));
      /* NULL is what a new record has. */
      if (value->type == TOV_JSON_SCALAR_NULL)
        return TRUE;
      if (text == NULL)
        REFUSE ("%s", _("not a string or null"));
      if (len == 0 && field->required)
        REFUSE ("%s", _("must not be empty"));
      if (field->kind == TOV_JSON_KIND_DATE && !is_date (text, len))
        REFUSE ("%s", _("not a date written as 2015-04-15, or null"));
      if (field->kind == TOV_JSON_KIND_REF && !is_uuid (text, len))
        REFUSE ("%s", _("not an id: a lowercase UUID, or null"));
      if (field->kind == TOV_JSON_KIND_REF && !check_reference (doc, layout, index, field_index, text))
        return FALSE;
      break;

    case TOV_JSON_KIND_ID:
    case TOV_JSON_KIND_TIMESTAMP:
    case TOV_JSON_KIND_TEXT:
      if (text == NULL)
        REFUSE ("%s", _("not a string"));
      if (field->kind == TOV_JSON_KIND_ID && !is_uuid (text, len))
        REFUSE ("%s", _("not an id: a lowercase UUID such as 0248d5c7-fc81-53e5-9a3e-30cb1429c52e"));
      if (field->kind == TOV_JSON_KIND_TIMESTAMP && !is_timestamp (text, len))
        REFUSE ("%s", _("not a time in UTC written as 2015-04-15T13:45:00Z"));
      if (field->kind == TOV_JSON_KIND_TEXT && field->required && is_blank (text, len))
        REFUSE ("%s", _("must not be empty"));
      break;

    case TOV_JSON_KIND_INT:
      if (value->type != TOV_JSON_SCALAR_INT)
        REFUSE ("%s", _("not an integer"));
      if (value->integer < field->minimum || value->integer > field->maximum)
        REFUSE (_("must be between %" PRId64 " and %" PRId64), field->minimum, field->maximum);
      row[field_index].number = value->integer;
      return TRUE;

    case TOV_JSON_KIND_BOOL:
      if (value->type != TOV_JSON_SCALAR_TRUE && value->type != TOV_JSON_SCALAR_FALSE)
        REFUSE ("%s", _("not true or false"));
      row[field_index].number = value->type == TOV_JSON_SCALAR_TRUE;
      return TRUE;

    case TOV_JSON_KIND_CHOICE:
      choice = NULL;
      /* A nick has no nul, and is nul-terminated where a value is not. */
      for (guint i = 0; text != NULL && i < field->enum_class->n_values && choice == NULL; i++)
        if (strncmp (field->enum_class->values[i].value_nick, text, len) == 0 &&
            field->enum_class->values[i].value_nick[len] == '\0')
          choice = &field->enum_class->values[i];
      if (choice == NULL)
        REFUSE (_("not one of %s"), field->choices);
      row[field_index].text = choice->value_nick;
      row[field_index].number = choice->value;
      return TRUE;

    default:
      g_assert_not_reached ();
    }
#undef REFUSE

  row[field_index].text = text;
  row[field_index].number = len;
  return TRUE;
}

/* Finds the field a key names, trying first the one after the last found:
 * in a canonical document the keys come in field order.
 */
static int
find_field (TovJsonLayout *layout,
            const char    *key,
            gsize          len,
            guint          hint)
{
  for (guint n = 0; n < layout->n_fields; n++)
    {
      guint i = (hint + n) % layout->n_fields;

      if (layout->fields[i].key_len == len && memcmp (layout->fields[i].key, key, len) == 0)
        return i;
    }
  return -1;
}

static void
warn_unknown_key (Document   *doc,
                  guint       layout,
                  guint       index,
                  const char *key,
                  gsize       len)
{
  g_autofree char *path = path_of (doc, layout, index, key, len);

  g_ptr_array_add (doc->warnings, g_strdup_printf ("%s: %s", path, _("unknown key, skipped")));
}

/* A record whose id is also another's: says which. */
static gboolean
id_given_twice (Document *doc,
                guint     layout,
                guint     index,
                gpointer  other)
{
  guint other_layout = ID_LAYOUT (other);

  if (other_layout == 0)
    return invalid (doc, layout, index, "id", _("the id is given twice, also to %s"),
                    doc->layouts[0].collection);
  return invalid (doc, layout, index, "id", _("the id is given twice, also to %s[%u]"),
                  doc->layouts[other_layout].collection, ID_INDEX (other));
}

/* Adds a row of the layout's defaults, and returns it. */
static TovJsonValue *
add_row (Document *doc,
         guint     layout_index)
{
  TovJsonRows *rows = &doc->rows[layout_index];
  guint n_fields = doc->layouts[layout_index].n_fields;
  TovJsonValue *row;

  if (rows->n_records == rows->allocated)
    {
      rows->allocated = MAX (64, rows->allocated * 2);
      rows->values = g_renew (TovJsonValue, rows->values, (gsize) rows->allocated * n_fields);
    }
  row = tov_json_rows_get (rows, n_fields, rows->n_records++);
  memcpy (row, doc->defaults[layout_index], n_fields * sizeof (TovJsonValue));
  return row;
}

/* Reads the record at s->pos, the @index-th of its layout. After an error
 * in the document, it is only moved past.
 */
static void
read_record (Document       *doc,
             TovJsonScanner *s,
             guint           layout_index,
             guint           index)
{
  TovJsonLayout *layout = &doc->layouts[layout_index];
  TovJsonValue *row;
  guint64 seen = 0;
  guint hint = 0;
  gpointer other;
  guint known;

  if (doc->error != NULL)
    {
      tov_json_scan_skip (s);
      return;
    }
  if (tov_json_scan_peek (s) != '{')
    {
      invalid (doc, layout_index, index, NULL, "%s", _("not an object"));
      tov_json_scan_skip (s);
      return;
    }

  row = add_row (doc, layout_index);
  /* In the order of the document, so that the first problem is reported. */
  if (tov_json_scan_enter (s))
    do
      {
        const char *key;
        gsize len;
        TovJsonScalar value;
        int i;

        tov_json_scan_key (s, doc->scratch, &key, &len);
        if (doc->error != NULL)
          {
            tov_json_scan_skip (s);
            continue;
          }
        i = find_field (layout, key, len, hint);
        if (i < 0)
          {
            warn_unknown_key (doc, layout_index, index, key, len);
            tov_json_scan_skip (s);
            continue;
          }
        /* The guard has refused a key given twice. */
        seen |= G_GUINT64_CONSTANT (1) << i;
        hint = i + 1;
        tov_json_scan_scalar (s, doc->scratch, doc->strings, &value);
        read_field (doc, layout_index, index, i, &value, row);
      }
    while (tov_json_scan_next (s));

  if (doc->error != NULL)
    return;

  for (guint i = 0; i < layout->n_fields; i++)
    if (layout->fields[i].required && !(seen & (G_GUINT64_CONSTANT (1) << i)))
      {
        invalid (doc, layout_index, index, layout->fields[i].key, "%s", _("missing"));
        return;
      }

  /* A record written by hand may leave out its times: it is made now. */
  for (guint i = 1; i <= 2; i++)
    if (!(seen & (G_GUINT64_CONSTANT (1) << i)))
      row[i] = (TovJsonValue) { doc->now, strlen (doc->now) };

  other = g_hash_table_lookup (doc->ids, row[0].text);
  if (other != NULL)
    {
      id_given_twice (doc, layout_index, index, other);
      return;
    }

  known = doc->known ? GPOINTER_TO_UINT (g_hash_table_lookup (doc->known, row[0].text)) : 0;
  if (known > 0 && known - 1 != layout_index)
    {
      invalid (doc, layout_index, index, "id",
               _("the id is already given to a %s in the portfolio"), doc->layouts[known - 1].noun);
      return;
    }
  if (known > 0)
    doc->n_known++;

  g_hash_table_insert (doc->ids, (gpointer) row[0].text, ID_ENTRY (layout_index, index));
}

static void
read_collection (Document       *doc,
                 TovJsonScanner *s,
                 guint           layout)
{
  guint index = 0;

  if (doc->error != NULL)
    {
      tov_json_scan_skip (s);
      return;
    }
  if (tov_json_scan_peek (s) != '[')
    {
      if (doc->error == NULL)
        g_set_error (&doc->error, TOV_ERROR, TOV_ERROR_INVALID, "%s: %s",
                     doc->layouts[layout].collection, _("not an array"));
      tov_json_scan_skip (s);
      return;
    }

  if (tov_json_scan_enter (s))
    do
      read_record (doc, s, layout, index++);
    while (tov_json_scan_next (s));
}

/* Before a record counts, the document must be known to be a portfolio of
 * a version this code reads: an unrelated JSON file should be called that,
 * not be picked apart.
 */
static gboolean
check_header (Document  *doc,
              GError   **error)
{
  if (!doc->has_format || doc->format.type != TOV_JSON_SCALAR_STRING ||
      doc->format.len != strlen (TOV_JSON_FORMAT_NAME) ||
      memcmp (doc->format.text, TOV_JSON_FORMAT_NAME, doc->format.len) != 0)
    {
      g_set_error (error, TOV_ERROR, TOV_ERROR_NOT_OURS, "format: %s",
                   _("not a Tovholder portfolio document"));
      return FALSE;
    }
  if (!doc->has_version)
    {
      g_set_error (error, TOV_ERROR, TOV_ERROR_INVALID, "version: %s", _("missing"));
      return FALSE;
    }
  if (doc->version.type != TOV_JSON_SCALAR_INT)
    {
      g_set_error (error, TOV_ERROR, TOV_ERROR_INVALID, "version: %s", _("not an integer"));
      return FALSE;
    }
  if (doc->version.integer > TOV_JSON_FORMAT_VERSION)
    {
      g_set_error (error, TOV_ERROR, TOV_ERROR_TOO_NEW, "version: %s",
                   _("was written by a newer version of Tovholder; update Tovholder to read it"));
      return FALSE;
    }
  if (doc->version.integer < TOV_JSON_FORMAT_VERSION)
    {
      g_set_error (error, TOV_ERROR, TOV_ERROR_INVALID, "version: %s", _("not a version of the format"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
key_is (const char *key,
        gsize       len,
        const char *name)
{
  return len == strlen (name) && memcmp (key, name, len) == 0;
}

/* Reads the document's object, at s->pos. */
static void
read_root (Document       *doc,
           TovJsonScanner *s)
{
  g_autoptr(GString) key_scratch = g_string_new (NULL);

  tov_json_scan_peek (s);
  if (tov_json_scan_enter (s))
    do
      {
        const char *key;
        gsize len;
        int layout = -1;

        tov_json_scan_key (s, key_scratch, &key, &len);
        if (key_is (key, len, "format"))
          {
            tov_json_scan_scalar (s, doc->scratch, doc->strings, &doc->format);
            doc->has_format = TRUE;
            continue;
          }
        if (key_is (key, len, "version"))
          {
            tov_json_scan_scalar (s, doc->scratch, doc->strings, &doc->version);
            doc->has_version = TRUE;
            continue;
          }

        for (guint i = 0; i < doc->n_layouts && layout < 0; i++)
          if (key_is (key, len, doc->layouts[i].collection))
            layout = i;

        if (layout < 0)
          {
            if (doc->error == NULL)
              warn_unknown_key (doc, NO_LAYOUT, 0, key, len);
            tov_json_scan_skip (s);
          }
        else if (layout == 0)
          read_record (doc, s, 0, 0);
        else
          read_collection (doc, s, layout);
      }
    while (tov_json_scan_next (s));
}

/* References to records that came later in the document than the record
 * that refers to them: all records are known now.
 */
static gboolean
check_pending_references (Document *doc)
{
  for (guint i = 0; i < doc->pending->len; i++)
    {
      PendingRef *ref = &g_array_index (doc->pending, PendingRef, i);
      TovJsonField *field = &doc->layouts[ref->layout].fields[ref->field];
      gpointer target = g_hash_table_lookup (doc->ids, ref->id);

      if (target == NULL || doc->layouts[ID_LAYOUT (target)].type != field->ref_type)
        return refers_to_nothing (doc, ref->layout, ref->index, field);
    }
  return TRUE;
}

static void
document_init (Document   *doc,
               GHashTable *known)
{
  doc->layouts = tov_json_layouts (&doc->n_layouts);
  /* ID_ENTRY() has four bits for the layout. */
  g_assert (doc->n_layouts <= 16);
  doc->rows = g_new0 (TovJsonRows, doc->n_layouts);
  doc->defaults = g_new0 (TovJsonValue *, doc->n_layouts);
  for (guint i = 0; i < doc->n_layouts; i++)
    {
      TovJsonLayout *layout = &doc->layouts[i];

      doc->defaults[i] = g_new0 (TovJsonValue, layout->n_fields);
      for (guint j = 0; j < layout->n_fields; j++)
        {
          TovJsonField *field = &layout->fields[j];

          if (field->kind == TOV_JSON_KIND_INT)
            doc->defaults[i][j].number = field->default_value;
          else if (field->kind == TOV_JSON_KIND_CHOICE)
            doc->defaults[i][j] = (TovJsonValue) { field->default_nick, field->default_value };
          else if (field->kind == TOV_JSON_KIND_ID || field->kind == TOV_JSON_KIND_TIMESTAMP ||
                   field->kind == TOV_JSON_KIND_TEXT)
            doc->defaults[i][j].text = "";
        }
    }
  doc->ids = g_hash_table_new (id_hash, id_equal);
  doc->known = known;
  doc->pending = g_array_new (FALSE, FALSE, sizeof (PendingRef));
  doc->strings = g_string_chunk_new (64 * 1024);
  doc->scratch = g_string_new (NULL);
  doc->warnings = g_ptr_array_new_with_free_func (g_free);
  doc->now = tov_timestamp_now ();
}

static gboolean
read_document (const char  *data,
               gsize        length,
               GHashTable  *known,
               Document    *doc,
               GError     **error)
{
  const char *end = data + length;
  TovJsonScanner s;

  if (length > MAX_DOCUMENT_SIZE)
    {
      g_set_error (error, TOV_ERROR, TOV_ERROR_INVALID, "%s: %s", _("document"),
                   _("larger than 512 MiB, too large to read"));
      return FALSE;
    }

  /* A byte order mark, as some editors write one. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    data += 3;

  /* Not JSON, or JSON that is not an object: someone else's file. */
  s = (TovJsonScanner) { data, end };
  if (tov_json_scan_peek (&s) != '{')
    {
      g_set_error (error, TOV_ERROR, TOV_ERROR_NOT_OURS, "%s: %s", _("document"),
                   _("not a Tovholder portfolio document"));
      return FALSE;
    }

  if (!tov_json_guard (data, end - data, error))
    return FALSE;

  document_init (doc, known);
  read_root (doc, &s);

  if (!check_header (doc, error))
    return FALSE;
  if (doc->error == NULL)
    check_pending_references (doc);
  if (doc->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&doc->error));
      return FALSE;
    }
  return TRUE;
}

/* Records ------------------------------------------------------------------- */

/* The record of a row, with every value that is not what a new record has. */
static TovRecord *
make_record (Document *doc,
             guint     layout_index,
             guint     index)
{
  TovJsonLayout *layout = &doc->layouts[layout_index];
  TovJsonValue *row = tov_json_rows_get (&doc->rows[layout_index], layout->n_fields, index);
  const char *names[TOV_JSON_MAX_KEYS];
  GValue values[TOV_JSON_MAX_KEYS] = { G_VALUE_INIT, };
  TovRecord *record;
  guint n = 0;

  for (guint i = 0; i < layout->n_fields; i++)
    {
      TovJsonField *field = &layout->fields[i];
      GValue *value = &values[n];

      switch (field->kind)
        {
        case TOV_JSON_KIND_ID:
        case TOV_JSON_KIND_TIMESTAMP:
        case TOV_JSON_KIND_TEXT:
        case TOV_JSON_KIND_DATE:
        case TOV_JSON_KIND_REF:
          /* "" is what a new record has in a text; NULL in a date or reference. */
          if (row[i].text == NULL || row[i].number == 0)
            continue;
          g_value_init (value, G_TYPE_STRING);
          g_value_take_string (value, g_strndup (row[i].text, row[i].number));
          break;

        case TOV_JSON_KIND_INT:
          if (row[i].number == field->default_value)
            continue;
          g_value_init (value, G_TYPE_INT64);
          g_value_set_int64 (value, row[i].number);
          break;

        case TOV_JSON_KIND_BOOL:
          if (!row[i].number)
            continue;
          g_value_init (value, G_TYPE_BOOLEAN);
          g_value_set_boolean (value, TRUE);
          break;

        case TOV_JSON_KIND_CHOICE:
          if (row[i].number == field->default_value)
            continue;
          g_value_init (value, G_TYPE_FROM_CLASS (field->enum_class));
          g_value_set_enum (value, row[i].number);
          break;

        default:
          g_assert_not_reached ();
        }
      names[n++] = field->name;
    }

  record = (TovRecord *) g_object_new_with_properties (layout->type, n, names, values);
  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);
  return record;
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
  for (guint i = 0; i < doc.n_layouts; i++)
    for (guint j = 0; j < doc.rows[i].n_records; j++)
      g_ptr_array_add (records, make_record (&doc, i, j));

  if (warnings != NULL)
    *warnings = g_steal_pointer (&doc.warnings);
  return records;
}

/* Importing --------------------------------------------------------------- */

/* The ids the store already has, each with its layout + 1: to count
 * updates, to resolve references to records outside the document and to
 * refuse an id that the portfolio gives to a record of another type. Only
 * a UUID can be the id of a record of a document. @n_records counts the
 * records other than the portfolio record.
 */
static GHashTable *
load_known_ids (TovStore  *store,
                guint     *n_records,
                GError   **error)
{
  g_autoptr(GHashTable) known = g_hash_table_new_full (id_hash, id_equal, g_free, NULL);
  guint n_layouts;
  TovJsonLayout *layouts = tov_json_layouts (&n_layouts);

  *n_records = 0;
  for (guint i = 0; i < n_layouts; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s", layouts[i].table);
      sqlite3_stmt *stmt = tov_store_prepare (store, sql, error);
      int rc;

      if (stmt == NULL)
        return NULL;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *id = (const char *) sqlite3_column_text (stmt, 0);

          if (id != NULL && is_uuid (id, strlen (id)))
            g_hash_table_insert (known, g_strdup (id), GUINT_TO_POINTER (i + 1));
          if (i > 0)
            (*n_records)++;
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          tov_store_set_sqlite_error (store, error);
          return NULL;
        }
    }

  return g_steal_pointer (&known);
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

  if (!tov_store_query_int (store, "PRAGMA temp_store", &temp_store, error) ||
      !tov_store_query_int (store, "PRAGMA cache_size", &cache_size, error))
    return FALSE;

  tov_store_set_pragma (store, "temp_store", 2);
  tov_store_set_pragma (store, "cache_size", -BULK_CACHE_KIB);
  saved = tov_store_save_all (store, records, error);
  tov_store_set_pragma (store, "cache_size", cache_size);
  tov_store_set_pragma (store, "temp_store", temp_store);

  return saved;
}

/* Into a portfolio that has records: every record is saved through the
 * store, which updates those it has and tells everyone who shows them.
 * Each collection goes in sorted by id: inserting in the order of the
 * primary key keeps SQLite appending to its index instead of splitting
 * pages all over it.
 */
static gboolean
import_records (TovStore  *store,
                Document  *doc,
                guint    **orders,
                GError   **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < doc->n_layouts; i++)
    for (guint j = 0; j < doc->rows[i].n_records; j++)
      g_ptr_array_add (all, make_record (doc, i, orders[i][j]));

  return save_in_bulk (store, all, error);
}

/* What tov_store_save_all() checks of every record before it writes, with
 * the records that a rule of their class applies to, in the order it
 * would check them: the reading has checked every field on its own.
 */
typedef struct
{
  Document *doc;
  guint **orders;
  GThread *thread;
} RecordCheck;

static gboolean
needs_check (Document *doc)
{
  for (guint i = 0; i < doc->n_layouts; i++)
    if (doc->layouts[i].klass->validate != NULL && doc->rows[i].n_records > 0)
      return TRUE;
  return FALSE;
}

static gpointer
check_records (gpointer data)
{
  RecordCheck *check = data;
  Document *doc = check->doc;
  TovJsonTimer timer = tov_json_timer_start ();
  GError *error = NULL;

  for (guint i = 0; i < doc->n_layouts && error == NULL; i++)
    {
      if (doc->layouts[i].klass->validate == NULL)
        continue;
      for (guint j = 0; j < doc->rows[i].n_records && error == NULL; j++)
        {
          g_autoptr(TovRecord) record = make_record (doc, i, check->orders[i][j]);

          tov_record_validate (record, &error);
        }
    }
  tov_json_timer_debug (timer, "checking records");
  return error;
}

static gboolean
finish_check (gpointer   data,
              GError   **error)
{
  RecordCheck *check = data;
  GError *check_error = check->thread != NULL ? g_thread_join (check->thread) : NULL;

  check->thread = NULL;
  if (check_error != NULL)
    {
      g_propagate_error (error, check_error);
      return FALSE;
    }
  return TRUE;
}

/* Into a new portfolio, which has no record but its portfolio record: the
 * rows go into the file as they are (tov-json-bulk.c), then the
 * document's portfolio record replaces the file's through the store, as
 * tov_generate() does it, so that the store holds it and later edits of
 * it reach the file. A commit that fails leaves the file as it was; only
 * the portfolio record's own transaction failing after it would leave the
 * rows in without it.
 *
 * The rules of record classes are checked on records made for the
 * purpose, in a thread of their own while SQLite writes the rows: the
 * rows are committed only if every record passes, and a record that does
 * not is the error reported, as it was the first before any row was
 * written.
 */
static gboolean
import_rows (TovStore  *store,
             Document  *doc,
             guint    **orders,
             GError   **error)
{
  RecordCheck check = { doc, orders, NULL };

  if (needs_check (doc))
    check.thread = g_thread_new ("tov-json-check", check_records, &check);
  if (!tov_json_bulk_write (store, doc->rows, orders, finish_check, &check, error))
    return FALSE;

  if (doc->rows[0].n_records > 0)
    {
      g_autoptr(GPtrArray) portfolio = g_ptr_array_new_with_free_func (g_object_unref);

      g_ptr_array_add (portfolio, make_record (doc, 0, 0));
      if (!tov_store_save_all (store, portfolio, error))
        return FALSE;
    }

  /* Lists made before the import learn of the rows as after any commit. */
  for (guint i = 1; i < doc->n_layouts; i++)
    if (doc->rows[i].n_records > 0)
      {
        g_autofree char *signal = g_strconcat ("changed::", doc->layouts[i].table, NULL);

        g_signal_emit_by_name (store, signal, doc->layouts[i].type);
      }
  return TRUE;
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
 * Into a new portfolio, one with no records but its portfolio record, the
 * records go in as rows, and the document's portfolio record after them
 * in a transaction of its own (see import_rows()).
 *
 * Returns: whether the document was imported; on an error nothing is
 *   written, unless the portfolio record alone could not be saved into a
 *   new portfolio after the rows
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
  g_autofree guint **orders = NULL;
  guint n_records = 0;
  guint n_store_records;
  gboolean imported;
  TovJsonTimer timer;

  g_return_val_if_fail (TOV_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (warnings != NULL)
    *warnings = NULL;

  known = load_known_ids (store, &n_store_records, error);
  if (known == NULL)
    return FALSE;

  timer = tov_json_timer_start ();
  if (!read_document (data, length, known, &doc, error))
    return FALSE;
  tov_json_timer_debug (timer, "reading");

  orders = g_new0 (guint *, doc.n_layouts);
  for (guint i = 0; i < doc.n_layouts; i++)
    {
      orders[i] = tov_json_rows_sort_by_id (&doc.rows[i], &doc.layouts[i]);
      n_records += doc.rows[i].n_records;
    }

  if (n_store_records == 0)
    imported = import_rows (store, &doc, orders, error);
  else
    imported = import_records (store, &doc, orders, error);
  for (guint i = 0; i < doc.n_layouts; i++)
    g_free (orders[i]);
  if (!imported)
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

/* Writes the whole document to @out, reading the rows in one transaction
 * so that it is a consistent picture of the file.
 */
static gboolean
write_document (TovStore       *store,
                TovJsonOutput  *out,
                GError        **error)
{
  gint64 mmap_size = 0;
  gboolean written;

  /* Reading the file through memory mapping spares copying every page;
   * an export reads all of them once.
   */
  if (!tov_store_query_int (store, "PRAGMA mmap_size", &mmap_size, error))
    return FALSE;
  tov_store_set_pragma (store, "mmap_size", EXPORT_MMAP_SIZE);

  written = tov_store_run (store, "BEGIN", error);
  if (written)
    {
      guint n_portfolios = 0;

      g_string_append_printf (out->text, "{\n  \"format\" : \"%s\",\n  \"version\" : %d",
                              TOV_JSON_FORMAT_NAME, TOV_JSON_FORMAT_VERSION);
      written = tov_json_write_layouts (out, store, &n_portfolios, error);
      if (written && n_portfolios == 0)
        {
          g_set_error_literal (error, TOV_ERROR, TOV_ERROR_DAMAGED,
                               _("The portfolio file has no portfolio record."));
          written = FALSE;
        }
      g_string_append (out->text, "\n}\n");

      if (written)
        written = tov_store_run (store, "COMMIT", error);
      else
        tov_store_run (store, "ROLLBACK", NULL);
    }

  tov_store_set_pragma (store, "mmap_size", mmap_size);
  return written;
}

/**
 * tov_json_export:
 * @length: (out) (optional): the length of the document in bytes
 *
 * Writes the whole portfolio as a "tovholder-portfolio" document. The same
 * portfolio always gives the same bytes: keys in the order of the fields,
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
  TovJsonOutput out = { NULL, NULL };
  gint64 page_count = 0, page_size = 0;

  g_return_val_if_fail (TOV_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The document takes about half as many bytes as the file: allocating
   * that at once saves copying a large document again and again as it
   * grows. Pages that are never written to are never given memory.
   */
  if (tov_store_query_int (store, "PRAGMA page_count", &page_count, NULL) &&
      tov_store_query_int (store, "PRAGMA page_size", &page_size, NULL))
    out.text = g_string_sized_new (MIN (page_count * page_size, (gint64) MAX_DOCUMENT_SIZE) + 64 * 1024);
  else
    out.text = g_string_new (NULL);

  if (!write_document (store, &out, error))
    {
      g_string_free (out.text, TRUE);
      return NULL;
    }

  if (length != NULL)
    *length = out.text->len;
  return g_string_free (out.text, FALSE);
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
  TovReplacement file;
  TovJsonOutput out = { NULL, &file };
  gboolean written;

  g_return_val_if_fail (TOV_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!tov_replacement_begin (&file, path, 0600, error))
    return FALSE;

  out.text = g_string_sized_new (OUTPUT_BUFFER);
  written = write_document (store, &out, error);
  if (written)
    tov_json_output_flush (&out);
  g_string_free (out.text, TRUE);

  return tov_replacement_finish (&file, written, error);
}
