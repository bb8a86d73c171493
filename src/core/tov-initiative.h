/* tov-initiative.h: a numbered line of an action plan (indsats).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tov-record.h"

G_BEGIN_DECLS

#define TOV_TYPE_INITIATIVE (tov_initiative_get_type ())

G_DECLARE_FINAL_TYPE (TovInitiative, tov_initiative, TOV, INITIATIVE, TovRecord)

G_END_DECLS
