/* tov-closures.c: formatting functions for <closure> in the .ui files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tov-closures.h"
#include "tov-enum-types.h"
#include "tov-labels.h"

char *
tov_project_state_label (gpointer instance,
                         int      value)
{
  return g_strdup (tov_choice_label (TOV_TYPE_PROJECT_STATE, value));
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
