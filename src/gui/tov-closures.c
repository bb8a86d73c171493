/* tov-closures.c: formatting functions for <closure> in the .ui files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tov-closures.h"
#include "tov-date.h"
#include "tov-enum-types.h"
#include "tov-labels.h"
#include "tov-money.h"

char *
tov_project_state_label (gpointer instance,
                         int      value)
{
  return g_strdup (tov_choice_label (TOV_TYPE_PROJECT_STATE, value));
}

char *
tov_decision_state_label (gpointer instance,
                          int      value)
{
  return g_strdup (tov_choice_label (TOV_TYPE_DECISION_STATE, value));
}

char *
tov_budget_kind_label (gpointer instance,
                       int      value)
{
  return g_strdup (tov_choice_label (TOV_TYPE_BUDGET_KIND, value));
}

char *
tov_partnership_state_label (gpointer instance,
                             int      value)
{
  return g_strdup (tov_choice_label (TOV_TYPE_PARTNERSHIP_STATE, value));
}

char *
tov_progress_label (gpointer instance,
                    int      value)
{
  return g_strdup (tov_choice_label (TOV_TYPE_PROGRESS, value));
}

char *
tov_money_label (gpointer instance,
                 gint64   ore)
{
  return tov_money_format (ore);
}

char *
tov_date_label (gpointer    instance,
                const char *iso)
{
  return iso != NULL ? tov_date_format (iso) : g_strdup ("");
}

/* Year 0 means "no particular year", and shows as nothing. */
char *
tov_year_label (gpointer instance,
                gint64   year)
{
  return year > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, year) : g_strdup ("");
}
