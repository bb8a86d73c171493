/* tov-application.h: opening portfolios, and the application's actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TOV_TYPE_APPLICATION (tov_application_get_type ())

G_DECLARE_FINAL_TYPE (TovApplication, tov_application, TOV, APPLICATION, AdwApplication)

TovApplication *tov_application_new       (void);
gboolean        tov_application_open_path (TovApplication *self,
                                           const char     *path);

G_END_DECLS
