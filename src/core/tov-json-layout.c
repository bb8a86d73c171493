/* tov-json-layout.c: every record class as a portfolio document has it.
 *
 * The codec lists no field by hand: it walks every record class's
 * properties once, and keeps what reading and writing a field needs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-json"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tov-json-guard.h"
#include "tov-json-private.h"
#include "tov-records.h"

static TovJsonLayout *layouts;
static guint n_layouts;

static void
describe_field (TovJsonField *field,
                GParamSpec   *pspec)
{
  field->name = pspec->name;
  field->key = tov_field_key (pspec);
  field->key_len = strlen (field->key);
  field->required = tov_param_is_required (pspec);

  if (G_IS_PARAM_SPEC_STRING (pspec))
    {
      field->ref_type = tov_param_get_ref_type (pspec);
      if (field->ref_type != G_TYPE_INVALID)
        field->kind = TOV_JSON_KIND_REF;
      else if (tov_param_is_date (pspec))
        field->kind = TOV_JSON_KIND_DATE;
      else
        field->kind = TOV_JSON_KIND_TEXT;
    }
  else if (G_IS_PARAM_SPEC_INT64 (pspec))
    {
      field->kind = TOV_JSON_KIND_INT;
      field->minimum = MAX (G_PARAM_SPEC_INT64 (pspec)->minimum, -TOV_JSON_MAX_EXACT_INTEGER);
      field->maximum = MIN (G_PARAM_SPEC_INT64 (pspec)->maximum, TOV_JSON_MAX_EXACT_INTEGER);
      field->default_value = G_PARAM_SPEC_INT64 (pspec)->default_value;
    }
  else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    field->kind = TOV_JSON_KIND_BOOL;
  else if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      GString *choices = g_string_new (NULL);

      field->kind = TOV_JSON_KIND_CHOICE;
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
describe_common_key (TovJsonField *field,
                     const char   *name,
                     TovJsonKind   kind)
{
  field->name = name;
  field->key = g_strdup (name);
  field->key_len = strlen (name);
  field->kind = kind;
  /* A record without an id cannot be referred to or updated; created and
   * updated may be left out of a hand-written document.
   */
  field->required = kind == TOV_JSON_KIND_ID;
}

/**
 * tov_json_layouts:
 *
 * Returns: (transfer none): one layout per record class, in the order of
 *   tov_record_types(). They live for the life of the program, like the
 *   record classes.
 */
TovJsonLayout *
tov_json_layouts (guint *n)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      const GType *types = tov_record_types (&n_layouts);

      layouts = g_new0 (TovJsonLayout, n_layouts);
      for (guint i = 0; i < n_layouts; i++)
        {
          TovJsonLayout *layout = &layouts[i];
          TovRecordClass *klass = g_type_class_peek (types[i]);

          g_assert (klass->n_fields + TOV_JSON_N_COMMON_KEYS <= TOV_JSON_MAX_KEYS);

          layout->type = types[i];
          layout->klass = klass;
          layout->table = klass->table;
          layout->collection = klass->collection;
          layout->noun = g_strdelimit (g_strdup (klass->table), "_", ' ');
          layout->n_fields = klass->n_fields + TOV_JSON_N_COMMON_KEYS;
          layout->fields = g_new0 (TovJsonField, layout->n_fields);
          describe_common_key (&layout->fields[0], "id", TOV_JSON_KIND_ID);
          describe_common_key (&layout->fields[1], "created", TOV_JSON_KIND_TIMESTAMP);
          describe_common_key (&layout->fields[2], "updated", TOV_JSON_KIND_TIMESTAMP);
          for (guint j = 0; j < klass->n_fields; j++)
            describe_field (&layout->fields[TOV_JSON_N_COMMON_KEYS + j], klass->fields[j]);
        }

      g_once_init_leave (&initialized, 1);
    }

  *n = n_layouts;
  return layouts;
}

typedef struct
{
  const char *id;
  guint index;
} SortEntry;

/* Every id is a UUID of the same length, so that comparing its bytes
 * orders ids as strcmp() and SQLite do.
 */
static int
compare_entries (const void *a,
                 const void *b)
{
  return memcmp (((const SortEntry *) a)->id, ((const SortEntry *) b)->id, TOV_JSON_UUID_LENGTH);
}

/**
 * tov_json_rows_sort_by_id:
 *
 * Returns: (transfer full): the indexes of the rows, in the order of
 *   their ids. An export is sorted already, and is only checked.
 */
guint *
tov_json_rows_sort_by_id (TovJsonRows         *rows,
                          const TovJsonLayout *layout)
{
  g_autofree SortEntry *entries = NULL;
  guint *order = g_new (guint, MAX (rows->n_records, 1));
  gboolean sorted = TRUE;

  for (guint i = 0; i < rows->n_records; i++)
    {
      order[i] = i;
      if (i > 0 && sorted &&
          memcmp (tov_json_rows_get (rows, layout->n_fields, i - 1)->text,
                  tov_json_rows_get (rows, layout->n_fields, i)->text, TOV_JSON_UUID_LENGTH) > 0)
        sorted = FALSE;
    }
  if (sorted)
    return order;

  entries = g_new (SortEntry, rows->n_records);
  for (guint i = 0; i < rows->n_records; i++)
    entries[i] = (SortEntry) { tov_json_rows_get (rows, layout->n_fields, i)->text, i };
  qsort (entries, rows->n_records, sizeof (SortEntry), compare_entries);
  for (guint i = 0; i < rows->n_records; i++)
    order[i] = entries[i].index;
  return order;
}
