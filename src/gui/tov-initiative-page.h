/* tov-initiative-page.h: one initiative of an action plan, as its status sheet has it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tov-store.h"

G_BEGIN_DECLS

#define TOV_TYPE_INITIATIVE_PAGE (tov_initiative_page_get_type ())

G_DECLARE_FINAL_TYPE (TovInitiativePage, tov_initiative_page, TOV, INITIATIVE_PAGE, AdwBin)

void tov_initiative_page_set_initiative (TovInitiativePage *self,
                                         TovRecord         *initiative);

G_END_DECLS
