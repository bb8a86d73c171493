/* tov-labels.h: the words a user sees for fields and choices.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

const char *tov_choice_label (GType       enum_type,
                              int         value);
const char *tov_field_label  (const char *name);

const char *tov_choice_label_danish (GType enum_type,
                                     int   value);

G_END_DECLS
