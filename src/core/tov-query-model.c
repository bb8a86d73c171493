/* tov-query-model.c: a list of records that SQLite filters and sorts.
 *
 * The model keeps only the rowids of its rows, in order, and reads a
 * record when a view asks for it, so a list of 100,000 budget lines costs
 * 800 kB and as many widgets as fit on the screen. Filtering and sorting
 * are WHERE and ORDER BY clauses; when the store reports a change the
 * rowids are read again and only the span that differs is announced.
 *
 * Records are read a block of rows at a time, with one statement, as a
 * view asks for the rows that scroll into sight.
 *
 * A table with a full-text index of its own (see text_indexes) is
 * searched through it, with the words of tov_search(), instead of a LIKE
 * over every row: the index gives the rowids that match, and the model
 * keeps those of the rows without the search that are among them. Those
 * rows are kept while a search lasts, so that a keystroke reads the
 * index and walks an array instead of having SQLite sort the table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-query-model"

#include "config.h"

#include <stdlib.h>

#include "tov-query-model.h"
#include "tov-records.h"
#include "tov-search.h"
#include "tov-store-private.h"

/* Records read recently, kept so that scrolling back does not read again. */
#define MAX_CACHED 512
/* Rows read with one statement: about a screenful. */
#define BLOCK_ROWS 32

/* The tables whose text a full-text index of their own holds, with the
 * same rowids, kept by triggers (migration step 5). A search of one finds
 * the rows with words that begin with the words typed.
 */
static const struct
{
  const char *table;
  const char *index;
} text_indexes[] = {
  { "budget_line", "budget_line_search" },
};

typedef struct
{
  char *column;
  GValue value;
} Condition;

struct _TovQueryModel
{
  GObject parent_instance;

  TovStore *store;
  GType item_type;
  GArray *rowids;          /* NULL until someone asks for the rows */
  GArray *unsearched;      /* while an indexed search lasts, the rows without it, or NULL */
  GHashTable *cache;     /* rowid → TovRecord */
  GQueue cache_order;    /* the cache's rowids, oldest first; they own the keys */
  char *block_sql;       /* reads BLOCK_ROWS records by rowid */
  const char *text_index; /* the table's full-text index, or NULL */
  GArray *conditions;    /* Condition */
  char *search;
  char *sort_key;
  gboolean descending;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TovQueryModel, tov_query_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
tov_query_model_get_item_type (GListModel *model)
{
  return TOV_QUERY_MODEL (model)->item_type;
}

static GArray *query_rowids (TovQueryModel *self);

/* The rows are read when first asked for, so that a model made and then
 * narrowed by its conditions never reads the whole table.
 */
static GArray *
rowids (TovQueryModel *self)
{
  if (self->rowids == NULL)
    self->rowids = query_rowids (self);
  return self->rowids;
}

static guint
tov_query_model_get_n_items (GListModel *model)
{
  return rowids (TOV_QUERY_MODEL (model))->len;
}

static void
cache_clear (TovQueryModel *self)
{
  g_hash_table_remove_all (self->cache);
  g_queue_clear_full (&self->cache_order, g_free);
}

/* Lets go of the oldest records until @n more fit: a few at a time, so
 * that scrolling never frees the whole cache in one frame.
 */
static void
cache_make_room (TovQueryModel *self,
                 guint          n)
{
  while (g_hash_table_size (self->cache) + n > MAX_CACHED)
    {
      gint64 *oldest = g_queue_pop_head (&self->cache_order);

      g_hash_table_remove (self->cache, oldest);
      g_free (oldest);
    }
}

static void
cache_record (TovQueryModel *self,
              gint64         rowid,
              TovRecord     *record)
{
  gint64 *key;

  if (g_hash_table_contains (self->cache, &rowid))
    return;

  cache_make_room (self, 1);
  key = g_memdup2 (&rowid, sizeof rowid);
  g_hash_table_insert (self->cache, key, g_object_ref (record));
  g_queue_push_tail (&self->cache_order, key);
}

/* Reads the records of the block of BLOCK_ROWS rows that holds @position
 * into the cache, with one statement: a view asks for the rows that come
 * into sight one by one, and one statement each cost more than the rows.
 */
static void
read_block (TovQueryModel *self,
            guint          position)
{
  guint first = position - position % BLOCK_ROWS;
  guint n = MIN (BLOCK_ROWS, self->rowids->len - first);
  sqlite3_stmt *stmt = tov_store_prepare (self->store, self->block_sql, NULL);

  if (stmt == NULL)
    return;

  cache_make_room (self, n);
  for (guint i = 0; i < BLOCK_ROWS; i++)
    {
      if (i < n)
        sqlite3_bind_int64 (stmt, i + 1, g_array_index (self->rowids, gint64, first + i));
      else
        sqlite3_bind_null (stmt, i + 1);
    }

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(TovRecord) record = tov_store_read_record (self->store, self->item_type, stmt);

      cache_record (self, sqlite3_column_int64 (stmt, 0), record);
    }
  /* A statement left on a row holds a read transaction. */
  sqlite3_reset (stmt);
}

static gpointer
tov_query_model_get_item (GListModel *model,
                          guint       position)
{
  TovQueryModel *self = TOV_QUERY_MODEL (model);
  gint64 rowid;
  TovRecord *record;

  if (position >= rowids (self)->len)
    return NULL;

  rowid = g_array_index (self->rowids, gint64, position);
  record = g_hash_table_lookup (self->cache, &rowid);
  if (record != NULL)
    return g_object_ref (record);

  read_block (self, position);
  record = g_hash_table_lookup (self->cache, &rowid);
  if (record != NULL)
    return g_object_ref (record);

  /* Deleted since the rowids were read. */
  return NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = tov_query_model_get_item_type;
  iface->get_n_items = tov_query_model_get_n_items;
  iface->get_item = tov_query_model_get_item;
}

static TovRecordClass *
item_class (TovQueryModel *self)
{
  return g_type_class_peek (self->item_type);
}

/* The SQL expression a sort key stands for: a field's column, or for a
 * reference the label of the record it refers to.
 */
static char *
sort_expression (TovQueryModel *self,
                 const char    *key)
{
  TovRecordClass *klass = item_class (self);
  g_autofree char *property = g_strdelimit (g_strdup (key), "_", '-');
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), property);
  GType target;

  if (pspec == NULL)
    return NULL;

  target = tov_param_get_ref_type (pspec);
  if (target != G_TYPE_INVALID)
    {
      TovRecordClass *target_class = g_type_class_peek (target);

      return g_strdup_printf ("(SELECT %s FROM %s WHERE %s.id = %s.%s)",
                              target_class->label, target_class->table,
                              target_class->table, klass->table, key);
    }

  if (G_IS_PARAM_SPEC_STRING (pspec))
    return g_strdup_printf ("%s COLLATE NOCASE", key);

  return g_strdup (key);
}

static char *
build_sql (TovQueryModel *self)
{
  TovRecordClass *klass = item_class (self);
  GString *sql = g_string_new (NULL);
  const char *glue = " WHERE ";
  g_autofree char *order = NULL;

  g_string_printf (sql, "SELECT rowid FROM %s", klass->table);

  for (guint i = 0; i < self->conditions->len; i++)
    {
      Condition *condition = &g_array_index (self->conditions, Condition, i);

      g_string_append_printf (sql, "%s%s = ?", glue, condition->column);
      glue = " AND ";
    }

  if (self->search != NULL && self->text_index == NULL)
    {
      const char *inner = "";

      g_string_append_printf (sql, "%s(", glue);
      for (guint i = 0; i < klass->n_fields; i++)
        {
          GParamSpec *pspec = klass->fields[i];
          g_autofree char *key = NULL;

          if (!G_IS_PARAM_SPEC_STRING (pspec) || tov_param_is_date (pspec) ||
              tov_param_get_ref_type (pspec) != G_TYPE_INVALID)
            continue;

          key = tov_field_key (pspec);
          g_string_append_printf (sql, "%s%s LIKE ?%u ESCAPE '\\'", inner, key, self->conditions->len + 1);
          inner = " OR ";
        }
      g_string_append (sql, ")");
    }

  if (self->sort_key != NULL)
    order = sort_expression (self, self->sort_key);
  if (order != NULL)
    g_string_append_printf (sql, " ORDER BY %s %s, %s, rowid", order, self->descending ? "DESC" : "ASC",
                            klass->natural_order);
  else
    g_string_append_printf (sql, " ORDER BY %s, rowid", klass->natural_order);

  return g_string_free (sql, FALSE);
}

static void
bind_condition (sqlite3_stmt *stmt,
                int           column,
                const GValue *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    sqlite3_bind_text (stmt, column, g_value_get_string (value), -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, column, g_value_get_int64 (value));
}

static char *
like_pattern (const char *search)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = search; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

static GArray *
select_rowids (TovQueryModel *self)
{
  g_autofree char *sql = build_sql (self);
  g_autofree char *pattern = NULL;
  GArray *rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  stmt = tov_store_prepare (self->store, sql, NULL);
  if (stmt == NULL)
    {
      g_critical ("Cannot list %s: %s", item_class (self)->table, sql);
      return rowids;
    }

  for (guint i = 0; i < self->conditions->len; i++)
    bind_condition (stmt, i + 1, &g_array_index (self->conditions, Condition, i).value);
  if (self->search != NULL && self->text_index == NULL)
    {
      pattern = like_pattern (self->search);
      sqlite3_bind_text (stmt, self->conditions->len + 1, pattern, -1, SQLITE_STATIC);
    }

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rowids, rowid);
    }
  sqlite3_reset (stmt);

  return rowids;
}

static int
compare_rowids (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Returns: the rowids that the text index finds for @expression, in
 *   increasing order.
 */
static GArray *
index_hits (TovQueryModel *self,
            const char    *expression)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rowid FROM %s WHERE %s MATCH ?1",
                                          self->text_index, self->text_index);
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean sorted = TRUE;
  sqlite3_stmt *stmt;
  int rc;

  stmt = tov_store_prepare (self->store, sql, NULL);
  g_return_val_if_fail (stmt != NULL, hits);

  sqlite3_bind_text (stmt, 1, expression, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      sorted &= hits->len == 0 || rowid > g_array_index (hits, gint64, hits->len - 1);
      g_array_append_val (hits, rowid);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      g_warning ("The text index %s cannot be read: %s", self->text_index, sqlite3_errstr (rc));
      g_array_set_size (hits, 0);
    }
  /* FTS5 gives its rows in rowid order; the filter below relies on it. */
  if (!sorted)
    g_array_sort (hits, compare_rowids);

  return hits;
}

/* Returns: the rows of @rows whose rowids are among the increasing @hits,
 *   in the order of @rows.
 */
static GArray *
keep_hits (GArray *rows,
           GArray *hits)
{
  GArray *kept = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 low, high;
  guint64 span;

  if (hits->len == 0)
    return kept;

  low = g_array_index (hits, gint64, 0);
  high = g_array_index (hits, gint64, hits->len - 1);
  span = (guint64) high - (guint64) low;

  /* A bit for every rowid from the lowest hit to the highest, while that
   * takes no more than eight bytes a row, as it does when rowids are dense:
   * a lookup is then one memory read. Else each row is looked for.
   */
  if (span / 64 <= (guint64) rows->len + hits->len)
    {
      g_autofree guint64 *bits = g_new0 (guint64, span / 64 + 1);

      for (guint i = 0; i < hits->len; i++)
        {
          guint64 bit = (guint64) g_array_index (hits, gint64, i) - (guint64) low;

          bits[bit / 64] |= G_GUINT64_CONSTANT (1) << (bit % 64);
        }
      for (guint i = 0; i < rows->len; i++)
        {
          gint64 rowid = g_array_index (rows, gint64, i);
          guint64 bit = (guint64) rowid - (guint64) low;

          if (rowid >= low && rowid <= high && (bits[bit / 64] & (G_GUINT64_CONSTANT (1) << (bit % 64))) != 0)
            g_array_append_val (kept, rowid);
        }
    }
  else
    for (guint i = 0; i < rows->len; i++)
      {
        gint64 rowid = g_array_index (rows, gint64, i);

        if (bsearch (&rowid, hits->data, hits->len, sizeof (gint64), compare_rowids) != NULL)
          g_array_append_val (kept, rowid);
      }

  return kept;
}

/* The rows of a search through the table's text index: the rows without
 * the search, kept while it lasts, less those the index does not find.
 */
static GArray *
search_rowids (TovQueryModel *self)
{
  g_autofree char *expression = tov_search_prefix_expression (self->search);
  g_autoptr(GArray) hits = NULL;

  if (self->unsearched == NULL)
    self->unsearched = select_rowids (self);

  /* Punctuation alone is nothing to search for. */
  if (expression == NULL)
    return g_array_ref (self->unsearched);

  hits = index_hits (self, expression);
  return keep_hits (self->unsearched, hits);
}

static GArray *
query_rowids (TovQueryModel *self)
{
  if (self->search != NULL && self->text_index != NULL)
    return search_rowids (self);

  /* A search just ended: its rows without it are the rows. */
  if (self->unsearched != NULL)
    return g_steal_pointer (&self->unsearched);

  return select_rowids (self);
}

/* The rows without the search no longer are what they were. */
static void
forget_unsearched (TovQueryModel *self)
{
  g_clear_pointer (&self->unsearched, g_array_unref);
}

/* Reads the rowids again and announces the one span that differs from
 * before: an insert, a delete or a move is one items-changed, and rows
 * outside it keep their widgets and their selection.
 */
static void
refresh (TovQueryModel *self)
{
  g_autoptr(GArray) old = self->rowids;
  GArray *new;
  guint prefix = 0;
  guint suffix = 0;
  guint min_len;

  /* Rows nobody has seen need no announcement: read them when asked. */
  if (old == NULL)
    return;

  new = query_rowids (self);
  min_len = MIN (old->len, new->len);
  self->rowids = new;

  while (prefix < min_len &&
         g_array_index (old, gint64, prefix) == g_array_index (new, gint64, prefix))
    prefix++;
  while (suffix < min_len - prefix &&
         g_array_index (old, gint64, old->len - 1 - suffix) == g_array_index (new, gint64, new->len - 1 - suffix))
    suffix++;

  if (prefix == old->len && prefix == new->len)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), prefix, old->len - prefix - suffix, new->len - prefix - suffix);
  if (old->len != new->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
on_store_changed (TovStore      *store,
                  GType          type,
                  TovQueryModel *self)
{
  /* A row's values reach its record through the store; the model only
   * needs to know about rows that came, went or moved. Deleted records
   * must leave the cache, or a row would show them again.
   */
  cache_clear (self);
  forget_unsearched (self);
  refresh (self);
}

static void
tov_query_model_constructed (GObject *object)
{
  TovQueryModel *self = TOV_QUERY_MODEL (object);
  g_autofree char *signal = NULL;
  g_autofree char *select = NULL;
  g_autoptr(GString) block_sql = NULL;

  G_OBJECT_CLASS (tov_query_model_parent_class)->constructed (object);

  g_assert (TOV_IS_STORE (self->store));
  g_assert (g_type_is_a (self->item_type, TOV_TYPE_RECORD));

  for (guint i = 0; i < G_N_ELEMENTS (text_indexes); i++)
    if (g_str_equal (text_indexes[i].table, item_class (self)->table))
      self->text_index = text_indexes[i].index;

  select = tov_store_select_sql (self->store, self->item_type);
  block_sql = g_string_new (select);
  g_string_append (block_sql, " WHERE rowid IN (?1");
  for (guint i = 2; i <= BLOCK_ROWS; i++)
    g_string_append_printf (block_sql, ", ?%u", i);
  g_string_append (block_sql, ")");
  self->block_sql = g_string_free (g_steal_pointer (&block_sql), FALSE);

  signal = g_strconcat ("changed::", item_class (self)->table, NULL);
  g_signal_connect_object (self->store, signal, G_CALLBACK (on_store_changed), self, 0);
}

static void
tov_query_model_finalize (GObject *object)
{
  TovQueryModel *self = TOV_QUERY_MODEL (object);

  for (guint i = 0; i < self->conditions->len; i++)
    {
      Condition *condition = &g_array_index (self->conditions, Condition, i);

      g_free (condition->column);
      g_value_unset (&condition->value);
    }
  g_array_unref (self->conditions);
  g_clear_pointer (&self->rowids, g_array_unref);
  g_clear_pointer (&self->unsearched, g_array_unref);
  cache_clear (self);
  g_hash_table_destroy (self->cache);
  g_free (self->block_sql);
  g_clear_object (&self->store);
  g_free (self->search);
  g_free (self->sort_key);

  G_OBJECT_CLASS (tov_query_model_parent_class)->finalize (object);
}

static void
tov_query_model_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TovQueryModel *self = TOV_QUERY_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, self->item_type);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, rowids (self)->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tov_query_model_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TovQueryModel *self = TOV_QUERY_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_ITEM_TYPE:
      self->item_type = g_value_get_gtype (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tov_query_model_class_init (TovQueryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = tov_query_model_constructed;
  object_class->finalize = tov_query_model_finalize;
  object_class->get_property = tov_query_model_get_property;
  object_class->set_property = tov_query_model_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TOV_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, TOV_TYPE_RECORD,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tov_query_model_init (TovQueryModel *self)
{
  self->conditions = g_array_new (FALSE, TRUE, sizeof (Condition));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  g_queue_init (&self->cache_order);
}

TovQueryModel *
tov_query_model_new (TovStore *store,
                     GType     item_type)
{
  g_return_val_if_fail (TOV_IS_STORE (store), NULL);

  return g_object_new (TOV_TYPE_QUERY_MODEL, "store", store, "item-type", item_type, NULL);
}

static void
set_condition (TovQueryModel *self,
               const char    *column,
               const GValue  *value)
{
  for (guint i = 0; i < self->conditions->len; i++)
    {
      Condition *condition = &g_array_index (self->conditions, Condition, i);

      if (g_str_equal (condition->column, column))
        {
          g_free (condition->column);
          g_value_unset (&condition->value);
          g_array_remove_index (self->conditions, i);
          break;
        }
    }

  if (value != NULL)
    {
      Condition condition = { g_strdup (column), G_VALUE_INIT };

      g_value_init (&condition.value, G_VALUE_TYPE (value));
      g_value_copy (value, &condition.value);
      g_array_append_val (self->conditions, condition);
    }

  forget_unsearched (self);
  refresh (self);
}

/**
 * tov_query_model_set_text_condition:
 * @column: a column of the item type's table, e.g. "project_id"
 * @value: (nullable): the value the column must have, or %NULL for any
 *
 * Keeps only the rows whose @column is @value: a project's decisions, the
 * budget lines of one funding source, the grants among them.
 */
void
tov_query_model_set_text_condition (TovQueryModel *self,
                                    const char    *column,
                                    const char    *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_return_if_fail (TOV_IS_QUERY_MODEL (self));

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value);
  set_condition (self, column, value ? &gvalue : NULL);
}

void
tov_query_model_set_int_condition (TovQueryModel *self,
                                   const char    *column,
                                   gboolean       active,
                                   gint64         value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_return_if_fail (TOV_IS_QUERY_MODEL (self));

  g_value_init (&gvalue, G_TYPE_INT64);
  g_value_set_int64 (&gvalue, value);
  set_condition (self, column, active ? &gvalue : NULL);
}

/**
 * tov_query_model_set_search:
 * @search: (nullable): what the user typed, or %NULL for every row
 *
 * Keeps only the rows with @search in one of their text fields. In a
 * table with a full-text index of its own, such as the budget lines'
 * notes, that is a word beginning with each word of @search, in any case,
 * as tov_search_prefix_expression() says; elsewhere, @search anywhere in
 * a field, with ASCII letters in any case.
 */
void
tov_query_model_set_search (TovQueryModel *self,
                            const char    *search)
{
  g_return_if_fail (TOV_IS_QUERY_MODEL (self));

  if (search != NULL && search[0] == '\0')
    search = NULL;
  if (g_strcmp0 (self->search, search) == 0)
    return;

  /* The rows shown now are those without a search: keep them for it. */
  if (self->search == NULL && self->text_index != NULL && self->rowids != NULL && self->unsearched == NULL)
    self->unsearched = g_array_ref (self->rowids);

  g_free (self->search);
  self->search = g_strdup (search);
  refresh (self);
}

/**
 * tov_query_model_set_sort:
 * @key: (nullable): a field's column, e.g. "title" or "project_id", or
 *   %NULL for the records' natural order
 */
void
tov_query_model_set_sort (TovQueryModel *self,
                          const char    *key,
                          gboolean       descending)
{
  g_return_if_fail (TOV_IS_QUERY_MODEL (self));

  if (g_strcmp0 (self->sort_key, key) == 0 && self->descending == descending)
    return;

  g_free (self->sort_key);
  self->sort_key = g_strdup (key);
  self->descending = descending;
  forget_unsearched (self);
  refresh (self);
}

/**
 * tov_query_model_find:
 *
 * Finds @record among the model's rows by its rowid, without reading the
 * records before it.
 *
 * Returns: its position, or %GTK_INVALID_LIST_POSITION (G_MAXUINT) when
 *   the model does not hold it
 */
guint
tov_query_model_find (TovQueryModel *self,
                      TovRecord     *record)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 rowid = -1;
  GArray *rows;

  g_return_val_if_fail (TOV_IS_QUERY_MODEL (self), G_MAXUINT);
  g_return_val_if_fail (TOV_IS_RECORD (record), G_MAXUINT);

  if (!g_type_is_a (G_OBJECT_TYPE (record), self->item_type))
    return G_MAXUINT;

  sql = g_strdup_printf ("SELECT rowid FROM %s WHERE id = ?", item_class (self)->table);
  stmt = tov_store_prepare (self->store, sql, NULL);
  if (stmt == NULL)
    return G_MAXUINT;
  sqlite3_bind_text (stmt, 1, tov_record_get_id (record), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    rowid = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  rows = rowids (self);
  for (guint i = 0; i < rows->len; i++)
    if (g_array_index (rows, gint64, i) == rowid)
      return i;
  return G_MAXUINT;
}
