/* tov-renewal.c: when a collaboration agreement is due for renewal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-renewal"

#include "config.h"

#include <stdio.h>

#include "tov-date.h"
#include "tov-enum-types.h"
#include "tov-partnership.h"
#include "tov-renewal.h"

/* Returns @iso moved @days days on, or %NULL when @iso is not a date. */
static char *
add_days (const char *iso,
          int         days)
{
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) later = NULL;
  int year, month, day;

  if (!tov_date_is_valid_iso (iso) || sscanf (iso, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;

  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  later = g_date_time_add_days (date, days);
  return g_date_time_format (later, "%Y-%m-%d");
}

/**
 * tov_partnership_renewal_status:
 * @partnership: a #TovPartnership
 * @today: today's date as "YYYY-MM-DD", from tov_date_today()
 *
 * Tells whether an agreement needs renewing. Only a signed agreement
 * (state "agreement") is renewed: one whose renewal date has passed is
 * overdue, and one due today or within %TOV_RENEWAL_SOON_DAYS days is due
 * soon. A partnership in any other state, or without a renewal date, needs
 * nothing.
 *
 * Returns: the renewal status of @partnership on @today
 */
TovRenewalStatus
tov_partnership_renewal_status (TovRecord  *partnership,
                                const char *today)
{
  const char *due;
  g_autofree char *soon = NULL;

  g_return_val_if_fail (TOV_IS_PARTNERSHIP (partnership), TOV_RENEWAL_NONE);
  g_return_val_if_fail (tov_date_is_valid_iso (today), TOV_RENEWAL_NONE);

  due = tov_record_get_string (partnership, "renewal-due");
  if (due == NULL || !tov_date_is_valid_iso (due) ||
      tov_record_get_int (partnership, "state") != TOV_PARTNERSHIP_STATE_AGREEMENT)
    return TOV_RENEWAL_NONE;

  if (tov_date_compare (due, today) < 0)
    return TOV_RENEWAL_OVERDUE;

  soon = add_days (today, TOV_RENEWAL_SOON_DAYS);
  if (tov_date_compare (due, soon) <= 0)
    return TOV_RENEWAL_DUE_SOON;

  return TOV_RENEWAL_NONE;
}
