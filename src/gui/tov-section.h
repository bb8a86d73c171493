/* tov-section.h: what every section does with its records the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tov-list-pane.h"
#include "tov-store.h"

G_BEGIN_DECLS

void tov_section_set_row_value (AdwActionRow *row,
                                 const char   *value);
void tov_section_delete         (GtkWidget   *section,
                                 TovStore    *store,
                                 TovRecord   *record,
                                 const char  *name);
void tov_section_show           (TovListPane *list_pane,
                                 AdwLeaflet  *leaflet,
                                 GtkWidget   *detail,
                                 TovRecord   *record);
void tov_section_present_editor (GtkWidget   *section,
                                 GtkWindow   *editor,
                                 TovListPane *list_pane,
                                 AdwLeaflet  *leaflet,
                                 GtkWidget   *detail);

G_END_DECLS
