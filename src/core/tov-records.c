/* tov-records.c: the list of record types, in the order their references need.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tov-records.h"

/**
 * tov_record_types:
 *
 * Returns: every record type, each after the types it refers to, so that
 *   an import can insert them in this order.
 */
const GType *
tov_record_types (guint *n_types)
{
  static GType types[13];

  if (types[0] == 0)
    {
      GType ordered[] = {
        TOV_TYPE_PORTFOLIO, TOV_TYPE_THEME, TOV_TYPE_PROJECT, TOV_TYPE_FUNDING_SOURCE,
        TOV_TYPE_DECISION, TOV_TYPE_BUDGET_LINE, TOV_TYPE_ORGANISATION, TOV_TYPE_PARTNERSHIP,
        TOV_TYPE_POLICY, TOV_TYPE_STRATEGY_GOAL, TOV_TYPE_ACTION_PLAN, TOV_TYPE_INITIATIVE,
        TOV_TYPE_STATUS_UPDATE,
      };

      G_STATIC_ASSERT (G_N_ELEMENTS (ordered) == G_N_ELEMENTS (types));
      /* The classes stay for the life of the program, so that their
       * descriptions can be peeked at from anywhere.
       */
      for (guint i = 0; i < G_N_ELEMENTS (ordered); i++)
        g_type_class_ref (ordered[i]);
      memcpy (types, ordered, sizeof types);
    }

  *n_types = G_N_ELEMENTS (types);
  return types;
}

GType
tov_record_type_from_table (const char *table)
{
  guint n;
  const GType *types = tov_record_types (&n);

  for (guint i = 0; i < n; i++)
    {
      TovRecordClass *klass = g_type_class_peek (types[i]);

      if (g_str_equal (klass->table, table))
        return types[i];
    }

  return G_TYPE_INVALID;
}
