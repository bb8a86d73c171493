/* tov-renewal.h: when a collaboration agreement is due for renewal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tov-record.h"

G_BEGIN_DECLS

/* How many days ahead a renewal counts as due soon. */
#define TOV_RENEWAL_SOON_DAYS 60

typedef enum
{
  TOV_RENEWAL_NONE,
  TOV_RENEWAL_DUE_SOON,
  TOV_RENEWAL_OVERDUE,
} TovRenewalStatus;

TovRenewalStatus tov_partnership_renewal_status (TovRecord  *partnership,
                                                 const char *today);

G_END_DECLS
