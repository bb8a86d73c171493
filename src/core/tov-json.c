/* tov-json.c: a portfolio as a JSON document, "tovholder-portfolio" version 1.
 *
 * The format is described in FORMAT.md and by the record properties: the
 * codec walks every record class's fields and lists none by hand.
 *
 * Reading: tov_json_guard() first checks the bytes for what json-glib 1.6
 * gets wrong (deep nesting, keys given twice, \u0000, integers beyond
 * 2^53 − 1, 1e400, and anything that is not JSON), then json-glib's
 * JsonParser builds the tree, and the records are made by walking it,
 * every value checked against its field. Every error starts with the JSON
 * path of the problem: "projects[3].title: must not be empty".
 *
 * Writing: json-glib's JsonGenerator writes every record. The document is
 * canonical: the same portfolio always gives the same bytes, so that two
 * exports can be compared with diff and kept in version control. Keys come
 * in the order of FORMAT.md, records sorted by id, indented by two spaces
 * as the generator indents, UTF-8 written as it is, with a final newline.
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
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tov-date.h"
#include "tov-error.h"
#include "tov-json.h"
#include "tov-json-guard.h"
#include "tov-records.h"
#include "tov-store-private.h"

#define FORMAT_NAME "tovholder-portfolio"
#define FORMAT_VERSION 1

/* A real portfolio stays far below this; json-glib's tree of a document
 * takes about four times its size.
 */
#define MAX_DOCUMENT_SIZE ((gsize) 512 * 1024 * 1024)

/* The page cache of an import, in KiB: about what a portfolio of half a
 * million records takes, so that it is written once, at the commit.
 */
#define BULK_CACHE_KIB 262144

/* How much of the file an export maps into memory: all of a large one. */
#define EXPORT_MMAP_SIZE G_GINT64_CONSTANT (1073741824)

/* An export to a file is written in pieces of about this size. */
#define OUTPUT_PIECE ((gsize) 1024 * 1024)

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

static void
describe_field (Field      *field,
                GParamSpec *pspec)
{
  field->name = pspec->name;
  field->key = tov_field_key (pspec);
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
      field->minimum = MAX (G_PARAM_SPEC_INT64 (pspec)->minimum, -TOV_JSON_MAX_EXACT_INTEGER);
      field->maximum = MIN (G_PARAM_SPEC_INT64 (pspec)->maximum, TOV_JSON_MAX_EXACT_INTEGER);
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
      field->default_nick = g_enum_get_value (field->enum_class, field->default_value)->value_nick;
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

      g_once_init_leave (&initialized, 1);
    }
}

static const char *
noun_of_type (GType type)
{
  for (guint i = 0; i < n_layouts; i++)
    if (layouts[i].type == type)
      return layouts[i].noun;
  g_assert_not_reached ();
}

/* Strict tests of the values the format writes as strings ---------------- */

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* Ids are lowercase UUIDs, 8-4-4-4-12, as tov_new_uuid() writes them. */
static gboolean
is_uuid (const char *text,
         gsize       len)
{
  if (len != UUID_LENGTH)
    return FALSE;
  for (guint i = 0; i < UUID_LENGTH; i++)
    if (i == 8 || i == 13 || i == 18 || i == 23
        ? text[i] != '-'
        : !(g_ascii_isdigit (text[i]) || (text[i] >= 'a' && text[i] <= 'f')))
      return FALSE;
  return TRUE;
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

/* For a key of the document's object rather than of a record. */
#define NO_LAYOUT G_MAXUINT

/* The JSON path of a record's member, "projects[3].title"; @key may be NULL. */
static char *
path_of (guint       layout,
         guint       index,
         const char *key)
{
  GString *path = g_string_new (NULL);

  if (layout != NO_LAYOUT)
    g_string_append (path, layouts[layout].collection);
  /* The portfolio is one record, not a collection. */
  if (layout != NO_LAYOUT && layout > 0)
    g_string_append_printf (path, "[%u]", index);
  if (key != NULL)
    tov_json_append_key (path, key, strlen (key));
  return g_string_free (path, FALSE);
}

static gboolean invalid (GError     **error,
                         guint        layout,
                         guint        index,
                         const char  *key,
                         const char  *format,
                         ...) G_GNUC_PRINTF (5, 6);

/* Sets a %TOV_ERROR_INVALID "path: problem". */
static gboolean
invalid (GError     **error,
         guint        layout,
         guint        index,
         const char  *key,
         const char  *format,
         ...)
{
  g_autofree char *path = path_of (layout, index, key);
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, TOV_ERROR, TOV_ERROR_INVALID, "%s: %s", path, problem);
  return FALSE;
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
refers_to_nothing (GError   **error,
                   Document  *doc,
                   guint      layout,
                   guint      index,
                   Field     *field)
{
  const char *noun = noun_of_type (field->ref_type);

  if (doc->known != NULL)
    return invalid (error, layout, index, field->key,
                    _("refers to no %s in the document or the portfolio"), noun);
  return invalid (error, layout, index, field->key, _("refers to no %s in the document"), noun);
}

/* Checks that @id names a record of the field's type, in the document or in
 * the store; one that may come later in the document is checked at the end.
 */
static gboolean
check_reference (Document    *doc,
                 guint        layout,
                 guint        index,
                 guint        field_index,
                 const char  *id,
                 GError     **error)
{
  Field *field = &layouts[layout].fields[field_index];
  TovRecord *target = g_hash_table_lookup (doc->ids, id);
  guint known;

  if (target != NULL)
    return G_OBJECT_TYPE (target) == field->ref_type ||
           refers_to_nothing (error, doc, layout, index, field);

  known = doc->known ? GPOINTER_TO_UINT (g_hash_table_lookup (doc->known, id)) : 0;
  if (known == 0)
    {
      PendingRef ref = { g_string_chunk_insert (doc->pending_ids, id), layout, index, field_index };

      g_array_append_val (doc->pending, ref);
      return TRUE;
    }

  /* Ids are unique, so a record of another type cannot be the right one. */
  return layouts[known - 1].type == field->ref_type ||
         refers_to_nothing (error, doc, layout, index, field);
}

/* Checks the value of @field, @node, and adds it to @rv unless it is what
 * a new record has anyway.
 */
static gboolean
read_field (Document      *doc,
            guint          layout,
            guint          index,
            guint          field_index,
            JsonNode      *node,
            RecordValues  *rv,
            GError       **error)
{
#define REFUSE(...) return invalid (error, layout, index, field->key, __VA_ARGS__)
  Field *field = &layouts[layout].fields[field_index];
  GType type = json_node_get_value_type (node);   /* G_TYPE_INVALID for null */
  const char *text = type == G_TYPE_STRING ? json_node_get_string (node) : NULL;
  gsize len = text != NULL ? strlen (text) : 0;
  GEnumValue *choice;
  gint64 value;

  switch (field->kind)
    {
    case KIND_DATE:
    case KIND_REF:
      if (JSON_NODE_HOLDS_NULL (node) && field->required)
        REFUSE ("%s", _("must not be empty"));
      /* NULL is what a new record has. */
      if (JSON_NODE_HOLDS_NULL (node))
        return TRUE;
      if (text == NULL)
        REFUSE ("%s", _("not a string or null"));
      if (len == 0 && field->required)
        REFUSE ("%s", _("must not be empty"));
      if (field->kind == KIND_DATE && !is_date (text, len))
        REFUSE ("%s", _("not a date written as 2015-04-15, or null"));
      if (field->kind == KIND_REF && !is_uuid (text, len))
        REFUSE ("%s", _("not an id: a lowercase UUID, or null"));
      if (field->kind == KIND_REF && !check_reference (doc, layout, index, field_index, text, error))
        return FALSE;
      break;

    case KIND_ID:
    case KIND_TIMESTAMP:
    case KIND_TEXT:
      if (text == NULL)
        REFUSE ("%s", _("not a string"));
      if (field->kind == KIND_ID && !is_uuid (text, len))
        REFUSE ("%s", _("not an id: a lowercase UUID such as 0248d5c7-fc81-53e5-9a3e-30cb1429c52e"));
      if (field->kind == KIND_TIMESTAMP && !is_timestamp (text, len))
        REFUSE ("%s", _("not a time in UTC written as 2015-04-15T13:45:00Z"));
      if (field->kind == KIND_TEXT && field->required && is_blank (text))
        REFUSE ("%s", _("must not be empty"));
      /* "" is what a new record has: setting it again would only cost. */
      if (len == 0)
        return TRUE;
      break;

    case KIND_INT:
      /* The guard has refused integers beyond ±(2^53 − 1). */
      if (type != G_TYPE_INT64)
        REFUSE ("%s", _("not an integer"));
      value = json_node_get_int (node);
      if (value < field->minimum || value > field->maximum)
        REFUSE (_("must be between %" PRId64 " and %" PRId64), field->minimum, field->maximum);
      if (value != field->default_value)
        g_value_set_int64 (record_values_add (rv, field, G_TYPE_INT64), value);
      return TRUE;

    case KIND_BOOL:
      if (type != G_TYPE_BOOLEAN)
        REFUSE ("%s", _("not true or false"));
      if (json_node_get_boolean (node))
        g_value_set_boolean (record_values_add (rv, field, G_TYPE_BOOLEAN), TRUE);
      return TRUE;

    case KIND_CHOICE:
      choice = text != NULL ? g_enum_get_value_by_nick (field->enum_class, text) : NULL;
      if (choice == NULL)
        REFUSE (_("not one of %s"), field->choices);
      if (choice->value != field->default_value)
        g_value_set_enum (record_values_add (rv, field, G_TYPE_FROM_CLASS (field->enum_class)),
                          choice->value);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
#undef REFUSE

  g_value_set_string (record_values_add (rv, field, G_TYPE_STRING), text);
  return TRUE;
}

/* Finds the field a key names, trying first the one after the last found:
 * in a canonical document the keys come in field order.
 */
static int
find_field (Layout     *layout,
            const char *key,
            guint       hint)
{
  for (guint n = 0; n < layout->n_fields; n++)
    {
      guint i = (hint + n) % layout->n_fields;

      if (strcmp (layout->fields[i].key, key) == 0)
        return i;
    }
  return -1;
}

static void
warn_unknown_key (Document   *doc,
                  guint       layout,
                  guint       index,
                  const char *key)
{
  g_autofree char *path = path_of (layout, index, key);

  g_ptr_array_add (doc->warnings, g_strdup_printf ("%s: %s", path, _("unknown key, skipped")));
}

/* A record whose id is also another's: says which. */
static gboolean
id_given_twice (Document   *doc,
                guint       layout,
                guint       index,
                TovRecord  *other,
                GError    **error)
{
  for (guint l = 0; l < n_layouts; l++)
    {
      guint other_index = 0;

      if (!g_ptr_array_find (doc->records[l], other, &other_index))
        continue;
      if (l == 0)
        return invalid (error, layout, index, "id", _("the id is given twice, also to %s"),
                        layouts[0].collection);
      return invalid (error, layout, index, "id", _("the id is given twice, also to %s[%u]"),
                      layouts[l].collection, other_index);
    }
  g_assert_not_reached ();
}

static gboolean
read_record (Document  *doc,
             guint      layout_index,
             guint      index,
             JsonNode  *node,
             GError   **error)
{
  Layout *layout = &layouts[layout_index];
  g_autoptr(TovRecord) record = NULL;
  RecordValues rv = { 0, };
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;
  guint64 seen = 0;
  guint hint = 0;
  TovRecord *other;
  guint known;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, layout_index, index, NULL, "%s", _("not an object"));

  /* In the order of the document, so that the first problem is reported. */
  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &key, &member))
    {
      int i = find_field (layout, key, hint);

      if (i < 0)
        {
          warn_unknown_key (doc, layout_index, index, key);
          continue;
        }
      /* The guard has refused a key given twice. */
      seen |= G_GUINT64_CONSTANT (1) << i;
      hint = i + 1;
      if (!read_field (doc, layout_index, index, i, member, &rv, error))
        {
          record_values_clear (&rv);
          return FALSE;
        }
    }

  for (guint i = 0; i < layout->n_fields; i++)
    if (layout->fields[i].required && !(seen & (G_GUINT64_CONSTANT (1) << i)))
      {
        record_values_clear (&rv);
        return invalid (error, layout_index, index, layout->fields[i].key, "%s", _("missing"));
      }

  /* A record written by hand may leave out its times: it is made now. */
  if (!(seen & (1 << 1)))
    g_value_set_string (record_values_add (&rv, &layout->fields[1], G_TYPE_STRING), doc->now);
  if (!(seen & (1 << 2)))
    g_value_set_string (record_values_add (&rv, &layout->fields[2], G_TYPE_STRING), doc->now);

  record = (TovRecord *) g_object_new_with_properties (layout->type, rv.n, rv.names, rv.values);
  record_values_clear (&rv);

  other = g_hash_table_lookup (doc->ids, tov_record_get_id (record));
  if (other != NULL)
    return id_given_twice (doc, layout_index, index, other, error);

  known = doc->known ? GPOINTER_TO_UINT (g_hash_table_lookup (doc->known, tov_record_get_id (record))) : 0;
  if (known > 0 && known - 1 != layout_index)
    return invalid (error, layout_index, index, "id",
                    _("the id is already given to a %s in the portfolio"), layouts[known - 1].noun);
  if (known > 0)
    doc->n_known++;

  g_hash_table_insert (doc->ids, (gpointer) tov_record_get_id (record), record);
  g_ptr_array_add (doc->records[layout_index], g_steal_pointer (&record));
  return TRUE;
}

static gboolean
read_collection (Document  *doc,
                 guint      layout,
                 JsonNode  *node,
                 GError   **error)
{
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, TOV_ERROR, TOV_ERROR_INVALID, "%s: %s",
                   layouts[layout].collection, _("not an array"));
      return FALSE;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    if (!read_record (doc, layout, i, json_array_get_element (array, i), error))
      return FALSE;
  return TRUE;
}

/* Before a record is read, the document must be known to be a portfolio of
 * a version this code reads: an unrelated JSON file should be called that,
 * not be picked apart.
 */
static gboolean
check_header (JsonObject  *root,
              GError     **error)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version = json_object_get_member (root, "version");

  if (format == NULL || json_node_get_value_type (format) != G_TYPE_STRING ||
      strcmp (json_node_get_string (format), FORMAT_NAME) != 0)
    {
      g_set_error (error, TOV_ERROR, TOV_ERROR_NOT_OURS, "format: %s",
                   _("not a Tovholder portfolio document"));
      return FALSE;
    }
  if (version == NULL)
    {
      g_set_error (error, TOV_ERROR, TOV_ERROR_INVALID, "version: %s", _("missing"));
      return FALSE;
    }
  if (json_node_get_value_type (version) != G_TYPE_INT64)
    {
      g_set_error (error, TOV_ERROR, TOV_ERROR_INVALID, "version: %s", _("not an integer"));
      return FALSE;
    }
  if (json_node_get_int (version) > FORMAT_VERSION)
    {
      g_set_error (error, TOV_ERROR, TOV_ERROR_TOO_NEW, "version: %s",
                   _("was written by a newer version of Tovholder; update Tovholder to read it"));
      return FALSE;
    }
  if (json_node_get_int (version) < FORMAT_VERSION)
    {
      g_set_error (error, TOV_ERROR, TOV_ERROR_INVALID, "version: %s", _("not a version of the format"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_root (Document    *doc,
           JsonObject  *root,
           GError     **error)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  if (!check_header (root, error))
    return FALSE;

  json_object_iter_init_ordered (&iter, root);
  while (json_object_iter_next_ordered (&iter, &key, &member))
    {
      int layout = -1;

      if (strcmp (key, "format") == 0 || strcmp (key, "version") == 0)
        continue;
      for (guint i = 0; i < n_layouts && layout < 0; i++)
        if (strcmp (layouts[i].collection, key) == 0)
          layout = i;

      if (layout < 0)
        warn_unknown_key (doc, NO_LAYOUT, 0, key);
      else if (layout == 0 && !read_record (doc, 0, 0, member, error))
        return FALSE;
      else if (layout > 0 && !read_collection (doc, layout, member, error))
        return FALSE;
    }
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
        return refers_to_nothing (error, doc, ref->layout, ref->index, field);
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
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  const char *end = data + length;
  const char *s;

  ensure_layouts ();

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
  for (s = data; s < end && (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t'); s++)
    ;
  if (s == end || *s != '{')
    {
      g_set_error (error, TOV_ERROR, TOV_ERROR_NOT_OURS, "%s: %s", _("document"),
                   _("not a Tovholder portfolio document"));
      return FALSE;
    }

  if (!tov_json_guard (data, end - data, error))
    return FALSE;

  /* What the guard lets through, json-glib reads as it is written. */
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, end - data, &parse_error))
    {
      g_set_error (error, TOV_ERROR, TOV_ERROR_INVALID, "%s: %s", _("document"), parse_error->message);
      return FALSE;
    }

  doc->records = g_new0 (GPtrArray *, n_layouts);
  for (guint i = 0; i < n_layouts; i++)
    doc->records[i] = g_ptr_array_new_with_free_func (g_object_unref);
  doc->ids = g_hash_table_new (g_str_hash, g_str_equal);
  doc->known = known;
  doc->pending = g_array_new (FALSE, FALSE, sizeof (PendingRef));
  doc->pending_ids = g_string_chunk_new (4096);
  doc->warnings = g_ptr_array_new_with_free_func (g_free);
  doc->now = tov_timestamp_now ();

  return read_root (doc, json_node_get_object (json_parser_get_root (parser)), error) &&
         check_pending_references (doc, error);
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
  GString *text;
  int fd;              /* -1 to keep it all in memory */
  int saved_errno;     /* of a write that failed */
} Output;

static void
output_write (Output *out)
{
  gsize written = 0;

  while (written < out->text->len && out->saved_errno == 0)
    {
      gssize n = write (out->fd, out->text->str + written, out->text->len - written);

      if (n < 0 && errno != EINTR)
        out->saved_errno = errno;
      else if (n > 0)
        written += n;
    }
  g_string_truncate (out->text, 0);
}

/* Writes one collection's records with a JsonGenerator, one at a time: the
 * generator is given the record inside {"collection": [record]}, so that it
 * indents the record as it would in the whole document, and the record's
 * lines are cut out of what it writes. One JsonNode per field is set anew
 * for every row.
 */
typedef struct
{
  Layout *layout;
  JsonGenerator *generator;
  JsonNode *wrapper;
  JsonObject *record;
  JsonNode **values;       /* the record's members, in field order */
  char *prefix;            /* what the generator writes before the record */
  char *suffix;            /* and after it */
  GString *scratch;
} Writer;

static void
writer_init (Writer  *writer,
             Layout  *layout,
             gboolean single)
{
  JsonObject *record = json_object_new ();
  JsonObject *wrapper = json_object_new ();
  JsonNode *record_node;

  writer->layout = layout;
  writer->record = record;
  writer->values = g_new (JsonNode *, layout->n_fields);
  for (guint i = 0; i < layout->n_fields; i++)
    {
      writer->values[i] = json_node_new (JSON_NODE_NULL);
      if (layout->fields[i].kind == KIND_INT)
        json_node_init_int (writer->values[i], 0);
      else if (layout->fields[i].kind == KIND_BOOL)
        json_node_init_boolean (writer->values[i], FALSE);
      json_object_set_member (record, layout->fields[i].key, writer->values[i]);
    }

  record_node = json_node_init_object (json_node_alloc (), record);
  if (single)
    json_object_set_member (wrapper, layout->collection, record_node);
  else
    {
      JsonArray *array = json_array_new ();

      json_array_add_element (array, record_node);
      json_object_set_array_member (wrapper, layout->collection, array);
    }
  writer->wrapper = json_node_init_object (json_node_alloc (), wrapper);
  json_object_unref (record);
  json_object_unref (wrapper);

  writer->generator = json_generator_new ();
  json_generator_set_pretty (writer->generator, TRUE);
  json_generator_set_indent (writer->generator, 2);

  /* How json-glib 1.6 writes an object with one member, pretty. */
  writer->prefix = g_strdup_printf ("{\n  \"%s\" : %s", layout->collection, single ? "" : "[\n");
  writer->suffix = g_strdup (single ? "\n}" : "\n  ]\n}");
  writer->scratch = g_string_new (NULL);
}

static void
writer_clear (Writer *writer)
{
  g_clear_object (&writer->generator);
  g_clear_pointer (&writer->wrapper, json_node_unref);
  g_clear_pointer (&writer->values, g_free);
  g_clear_pointer (&writer->prefix, g_free);
  g_clear_pointer (&writer->suffix, g_free);
  if (writer->scratch != NULL)
    g_string_free (g_steal_pointer (&writer->scratch), TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Writer, writer_clear)

/* Sets member @i of the record to @text, or to null. */
static void
set_text (Writer     *writer,
          guint       i,
          const char *text)
{
  JsonNode *node = writer->values[i];
  g_autofree char *valid = NULL;

  /* json-glib 1.6 keeps a freed pointer in a node that held a value and
   * is made null, and reads it when the node is given a value again: the
   * member gets a new node instead.
   */
  if (text == NULL)
    {
      if (!JSON_NODE_HOLDS_NULL (node))
        {
          writer->values[i] = json_node_new (JSON_NODE_NULL);
          json_object_set_member (writer->record, writer->layout->fields[i].key, writer->values[i]);
        }
      return;
    }

  /* Text put into the file by another program may not be UTF-8; the
   * document must be, so the bad bytes become U+FFFD.
   */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  if (JSON_NODE_HOLDS_VALUE (node))
    json_node_set_string (node, text);
  else
    json_node_init_string (node, text);
}

/* Appends the record of the row @stmt is on, from tov_store_select_sql():
 * rowid, id, created, updated, then the fields.
 */
static gboolean
write_record (Writer        *writer,
              GString       *out,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  Layout *layout = writer->layout;
  GString *scratch = writer->scratch;

  for (guint i = 0; i < layout->n_fields; i++)
    {
      Field *field = &layout->fields[i];
      JsonNode *node = writer->values[i];
      int column = i + 1;
      const char *text = (const char *) sqlite3_column_text (stmt, column);
      GEnumValue *choice;

      switch (field->kind)
        {
        case KIND_DATE:
        case KIND_REF:
          set_text (writer, i, text);
          break;

        case KIND_ID:
        case KIND_TIMESTAMP:
        case KIND_TEXT:
          set_text (writer, i, text != NULL ? text : "");
          break;

        case KIND_INT:
          json_node_set_int (node, sqlite3_column_int64 (stmt, column));
          break;

        case KIND_BOOL:
          json_node_set_boolean (node, sqlite3_column_int64 (stmt, column) != 0);
          break;

        case KIND_CHOICE:
          /* An unknown choice is written as the field's default, as the
           * store reads it.
           */
          choice = text != NULL ? g_enum_get_value_by_nick (field->enum_class, text) : NULL;
          set_text (writer, i, choice != NULL ? choice->value_nick : field->default_nick);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  g_string_truncate (scratch, 0);
  json_generator_set_root (writer->generator, writer->wrapper);
  json_generator_to_gstring (writer->generator, scratch);

  if (!g_str_has_prefix (scratch->str, writer->prefix) || !g_str_has_suffix (scratch->str, writer->suffix))
    {
      g_set_error_literal (error, TOV_ERROR, TOV_ERROR_FAILED,
                           "json-glib writes JSON in a layout this program does not know");
      return FALSE;
    }

  /* json-glib 1.6 writes U+001F as it is, which is not JSON; the generator
   * writes no control character outside a string.
   */
  if (memchr (scratch->str, 0x1f, scratch->len) != NULL)
    g_string_replace (scratch, "\x1f", "\\u001f", 0);

  g_string_append_len (out, scratch->str + strlen (writer->prefix),
                       scratch->len - strlen (writer->prefix) - strlen (writer->suffix));
  return TRUE;
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

/* Writes ",\n  \"collection\" : " and the collection, sorted by id. */
static gboolean
write_layout (Output    *out,
              TovStore  *store,
              Layout    *layout,
              gboolean   single,
              GError   **error)
{
  g_autofree char *select = tov_store_select_sql (store, layout->type);
  g_autofree char *sql = g_strconcat (select, " ORDER BY id", NULL);
  g_auto(Writer) writer = { 0, };
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  stmt = tov_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;

  writer_init (&writer, layout, single);
  g_string_append_printf (out->text, ",\n  \"%s\" : %s", layout->collection, single ? "" : "[");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!single)
        g_string_append (out->text, n > 0 ? ",\n" : "\n");
      if (!write_record (&writer, out->text, stmt, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      n++;
      if (out->fd >= 0 && out->text->len >= OUTPUT_PIECE)
        output_write (out);
      /* The portfolio has one record. */
      if (single)
        {
          rc = SQLITE_DONE;
          break;
        }
    }
  sqlite3_reset (stmt);

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
    g_string_append (out->text, n > 0 ? "\n  ]" : "]");

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
  gint64 mmap_size = 0;
  gboolean written;

  ensure_layouts ();

  /* Reading the file through memory mapping spares copying every page;
   * an export reads all of them once.
   */
  if (!query_int (store, "PRAGMA mmap_size", &mmap_size, error))
    return FALSE;
  set_pragma (store, "mmap_size", EXPORT_MMAP_SIZE);

  written = run (store, "BEGIN", error);
  if (written)
    {
      g_string_append_printf (out->text, "{\n  \"format\" : \"%s\",\n  \"version\" : %d",
                              FORMAT_NAME, FORMAT_VERSION);
      for (guint i = 0; i < n_layouts && written; i++)
        written = write_layout (out, store, &layouts[i], i == 0, error);
      g_string_append (out->text, "\n}\n");

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
  Output out = { NULL, -1, 0 };
  gint64 page_count = 0, page_size = 0;

  g_return_val_if_fail (TOV_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The document takes about as many bytes as the file: allocating that
   * at once saves copying a large document again and again as it grows.
   */
  if (query_int (store, "PRAGMA page_count", &page_count, NULL) &&
      query_int (store, "PRAGMA page_size", &page_size, NULL))
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
  g_autofree char *display = NULL;
  g_autofree char *temporary = NULL;
  Output out = { NULL, -1, 0 };
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

  out.text = g_string_sized_new (OUTPUT_PIECE + 64 * 1024);
  written = write_document (store, &out, error);
  if (written)
    {
      output_write (&out);
      if (out.saved_errno == 0 && fsync (out.fd) != 0)
        out.saved_errno = errno;
    }
  g_string_free (out.text, TRUE);
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
