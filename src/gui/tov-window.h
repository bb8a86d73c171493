/* tov-window.h: the main window: a sidebar of sections, each a list and a page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tov-store.h"

G_BEGIN_DECLS

#define TOV_TYPE_WINDOW (tov_window_get_type ())

G_DECLARE_FINAL_TYPE (TovWindow, tov_window, TOV, WINDOW, AdwApplicationWindow)

TovWindow *tov_window_new             (AdwApplication *application,
                                       TovStore       *store);
TovStore  *tov_window_get_store       (TovWindow      *self);
void       tov_window_set_store       (TovWindow      *self,
                                       TovStore       *store);
void       tov_window_show_section    (TovWindow      *self,
                                       const char     *name);
void       tov_window_open_record     (TovWindow      *self,
                                       TovRecord      *record);
void       tov_window_toast_deleted   (TovWindow      *self,
                                       const char     *what);
void       tov_window_toast_error     (TovWindow      *self,
                                       const GError   *error);

G_END_DECLS
