/* tov-cell-label.h: one line of text in a list cell, cheap to keep.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TOV_TYPE_CELL_LABEL (tov_cell_label_get_type ())

G_DECLARE_FINAL_TYPE (TovCellLabel, tov_cell_label, TOV, CELL_LABEL, GtkWidget)

const char *tov_cell_label_get_label (TovCellLabel *self);
void        tov_cell_label_set_label (TovCellLabel *self,
                                      const char   *label);

G_END_DECLS
