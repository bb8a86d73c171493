/* tov-list-pane.h: the list half of a section: header, search, sortable columns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tov-query-model.h"

G_BEGIN_DECLS

#define TOV_TYPE_LIST_PANE (tov_list_pane_get_type ())

G_DECLARE_FINAL_TYPE (TovListPane, tov_list_pane, TOV, LIST_PANE, GtkWidget)

void       tov_list_pane_set_model    (TovListPane   *self,
                                       TovQueryModel *model);
TovRecord *tov_list_pane_get_selected (TovListPane   *self);
gboolean   tov_list_pane_select       (TovListPane   *self,
                                       TovRecord     *record);
void       tov_list_pane_unselect     (TovListPane   *self);
void       tov_list_pane_start_search (TovListPane   *self);
void       tov_list_pane_stop_search  (TovListPane   *self);

G_END_DECLS
