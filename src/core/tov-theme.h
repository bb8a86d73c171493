/* tov-theme.h: a numbered theme that groups projects (Tema 1 … Tema 6).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tov-record.h"

G_BEGIN_DECLS

#define TOV_TYPE_THEME (tov_theme_get_type ())

G_DECLARE_FINAL_TYPE (TovTheme, tov_theme, TOV, THEME, TovRecord)

G_END_DECLS
