/* tov-closures.h: formatting functions for <closure> in the .ui files.
 *
 * They are looked up by name, so the program is linked with
 * export_dynamic and these keep external linkage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

char *tov_project_state_label     (gpointer    instance,
                                   int         value);
char *tov_decision_state_label    (gpointer    instance,
                                   int         value);
char *tov_budget_kind_label       (gpointer    instance,
                                   int         value);
char *tov_partnership_state_label (gpointer    instance,
                                   int         value);
char *tov_progress_label          (gpointer    instance,
                                   int         value);
char *tov_money_label             (gpointer    instance,
                                   gint64      ore);
char *tov_date_label              (gpointer    instance,
                                   const char *iso);
char *tov_year_label              (gpointer    instance,
                                   gint64      year);

G_END_DECLS
