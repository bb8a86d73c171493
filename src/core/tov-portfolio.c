/* tov-portfolio.c: the portfolio itself: a vision and the municipality that runs it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tov-portfolio.h"

struct _TovPortfolio
{
  TovRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TovPortfolio, tov_portfolio, TOV_TYPE_RECORD)

static void
tov_portfolio_class_init (TovPortfolioClass *klass)
{
  TovRecordClass *record_class = TOV_RECORD_CLASS (klass);
  GParamSpec *fields[] = {
    tov_param_spec_text ("name", TRUE),
    tov_param_spec_text ("municipality", FALSE),
    tov_param_spec_text ("description", FALSE),
  };

  record_class->table = "portfolio";
  record_class->collection = "portfolio";
  record_class->natural_order = "name";
  record_class->label = "name";
  tov_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
tov_portfolio_init (TovPortfolio *self)
{
}
