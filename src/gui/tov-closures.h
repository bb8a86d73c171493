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
char *tov_partnership_state_label (gpointer    instance,
                                   int         value);
char *tov_progress_label          (gpointer    instance,
                                   int         value);

G_END_DECLS
