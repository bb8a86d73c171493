/* test-renewal.c: which agreements are overdue for renewal, and which are due soon.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tov-date.h"
#include "tov-records.h"
#include "tov-renewal.h"

static TovRecord *
make_partnership (TovPartnershipState  state,
                  const char          *renewal_due)
{
  return g_object_new (TOV_TYPE_PARTNERSHIP,
                       "title", "Samarbejdsaftale med Rødovre Frivilligcenter",
                       "state", state,
                       "signed-on", "2015-10-08",
                       "term-months", (gint64) 12,
                       "renewal-due", renewal_due,
                       NULL);
}

typedef struct
{
  const char          *today;
  TovPartnershipState  state;
  const char          *renewal_due;
  TovRenewalStatus     expected;
} RenewalCase;

static const RenewalCase cases[] = {
  /* 60 days after 2016-08-09 is 2016-10-08. */
  { "2016-08-09", TOV_PARTNERSHIP_STATE_AGREEMENT, "2016-10-10", TOV_RENEWAL_NONE },
  { "2016-08-09", TOV_PARTNERSHIP_STATE_AGREEMENT, "2016-10-09", TOV_RENEWAL_NONE },
  { "2016-08-09", TOV_PARTNERSHIP_STATE_AGREEMENT, "2016-10-08", TOV_RENEWAL_DUE_SOON },
  { "2016-08-09", TOV_PARTNERSHIP_STATE_AGREEMENT, "2016-10-07", TOV_RENEWAL_DUE_SOON },
  { "2016-08-09", TOV_PARTNERSHIP_STATE_AGREEMENT, "2016-08-10", TOV_RENEWAL_DUE_SOON },
  /* Due today is not yet overdue; due yesterday is. */
  { "2016-10-08", TOV_PARTNERSHIP_STATE_AGREEMENT, "2016-10-08", TOV_RENEWAL_DUE_SOON },
  { "2016-10-09", TOV_PARTNERSHIP_STATE_AGREEMENT, "2016-10-08", TOV_RENEWAL_OVERDUE },
  { "2024-01-01", TOV_PARTNERSHIP_STATE_AGREEMENT, "2016-10-08", TOV_RENEWAL_OVERDUE },
  /* Across a new year into a leap day: 2019-12-31 + 60 days = 2020-02-29. */
  { "2019-12-31", TOV_PARTNERSHIP_STATE_AGREEMENT, "2020-02-29", TOV_RENEWAL_DUE_SOON },
  { "2019-12-31", TOV_PARTNERSHIP_STATE_AGREEMENT, "2020-03-01", TOV_RENEWAL_NONE },
  /* Without a leap day: 2018-12-31 + 60 days = 2019-03-01. */
  { "2018-12-31", TOV_PARTNERSHIP_STATE_AGREEMENT, "2019-03-01", TOV_RENEWAL_DUE_SOON },
  { "2018-12-31", TOV_PARTNERSHIP_STATE_AGREEMENT, "2019-03-02", TOV_RENEWAL_NONE },
  /* Only a signed agreement is renewed. */
  { "2016-10-09", TOV_PARTNERSHIP_STATE_EXPLORING, "2016-10-08", TOV_RENEWAL_NONE },
  { "2016-10-09", TOV_PARTNERSHIP_STATE_IN_DIALOGUE, "2016-10-08", TOV_RENEWAL_NONE },
  { "2016-10-09", TOV_PARTNERSHIP_STATE_NO_AGREEMENT, "2016-10-08", TOV_RENEWAL_NONE },
  { "2016-10-09", TOV_PARTNERSHIP_STATE_ENDED, "2016-10-08", TOV_RENEWAL_NONE },
  { "2016-08-09", TOV_PARTNERSHIP_STATE_ENDED, "2016-10-08", TOV_RENEWAL_NONE },
  /* No renewal date, no renewal. */
  { "2016-10-09", TOV_PARTNERSHIP_STATE_AGREEMENT, NULL, TOV_RENEWAL_NONE },
};

static void
test_renewal_edges (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const RenewalCase *c = &cases[i];
      g_autoptr(TovRecord) partnership = make_partnership (c->state, c->renewal_due);

      g_test_message ("today %s, state %d, renewal due %s", c->today, c->state,
                      c->renewal_due ? c->renewal_due : "(none)");
      g_assert_cmpint (tov_partnership_renewal_status (partnership, c->today), ==, c->expected);
    }
}

/* The demo's agreement with Rødovre Frivilligcenter was to be renewed in
 * the autumn of 2016, so it is overdue on any day a test runs.
 */
static void
test_renewal_today (void)
{
  g_autoptr(TovRecord) partnership = make_partnership (TOV_PARTNERSHIP_STATE_AGREEMENT, "2016-10-08");
  g_autofree char *today = tov_date_today ();

  g_assert_cmpint (tov_partnership_renewal_status (partnership, today), ==, TOV_RENEWAL_OVERDUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/renewal/edges", test_renewal_edges);
  g_test_add_func ("/renewal/today", test_renewal_today);

  return g_test_run ();
}
