/* tov-sql-sorter.c: a column's sort key, for lists that SQLite sorts.
 *
 * A GtkColumnView lets the user pick a column and a direction, and sorts
 * with the column's sorter. Our lists are sorted by SQLite instead, so a
 * column's sorter only names its key. GTK 4.8 has no API to ask the column
 * view which column is the primary one, so tov_sql_sorter_get_primary()
 * asks its sorter to compare two probes: the first column sorter that is
 * asked answers, and the column view turns the answer round when the
 * order is descending.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tov-sql-sorter.h"

struct _TovSqlSorter
{
  GtkSorter parent_instance;

  char *key;
};

G_DEFINE_FINAL_TYPE (TovSqlSorter, tov_sql_sorter, GTK_TYPE_SORTER)

enum {
  PROP_0,
  PROP_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GObject *probe_first;
static GObject *probe_second;
static const char *asked_key;

static GtkOrdering
tov_sql_sorter_compare (GtkSorter *sorter,
                        gpointer   item1,
                        gpointer   item2)
{
  if (item1 != probe_first || item2 != probe_second)
    return GTK_ORDERING_EQUAL;

  asked_key = TOV_SQL_SORTER (sorter)->key;
  return GTK_ORDERING_SMALLER;
}

static GtkSorterOrder
tov_sql_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
tov_sql_sorter_finalize (GObject *object)
{
  g_free (TOV_SQL_SORTER (object)->key);

  G_OBJECT_CLASS (tov_sql_sorter_parent_class)->finalize (object);
}

static void
tov_sql_sorter_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, TOV_SQL_SORTER (object)->key);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tov_sql_sorter_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_KEY:
      g_free (TOV_SQL_SORTER (object)->key);
      TOV_SQL_SORTER (object)->key = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tov_sql_sorter_class_init (TovSqlSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->finalize = tov_sql_sorter_finalize;
  object_class->get_property = tov_sql_sorter_get_property;
  object_class->set_property = tov_sql_sorter_set_property;
  sorter_class->compare = tov_sql_sorter_compare;
  sorter_class->get_order = tov_sql_sorter_get_order;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  probe_first = g_object_new (G_TYPE_OBJECT, NULL);
  probe_second = g_object_new (G_TYPE_OBJECT, NULL);
}

static void
tov_sql_sorter_init (TovSqlSorter *self)
{
}

/**
 * tov_sql_sorter_get_primary:
 * @column_view_sorter: the sorter of a GtkColumnView whose columns have
 *   TovSqlSorters
 *
 * Returns: whether a column is sorted; if so, its key and direction
 */
gboolean
tov_sql_sorter_get_primary (GtkSorter   *column_view_sorter,
                            const char **key,
                            gboolean    *descending)
{
  GtkOrdering ordering;

  g_type_ensure (TOV_TYPE_SQL_SORTER);

  asked_key = NULL;
  ordering = gtk_sorter_compare (column_view_sorter, probe_first, probe_second);
  *key = asked_key;
  *descending = ordering == GTK_ORDERING_LARGER;

  return asked_key != NULL;
}
