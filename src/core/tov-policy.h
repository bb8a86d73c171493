/* tov-policy.h: a policy, such as the volunteer policy, with numbered strategy goals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tov-record.h"

G_BEGIN_DECLS

#define TOV_TYPE_POLICY (tov_policy_get_type ())

G_DECLARE_FINAL_TYPE (TovPolicy, tov_policy, TOV, POLICY, TovRecord)

G_END_DECLS
