/* tov-money.h: amounts in Danish kroner, kept as whole øre.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TOV_MONEY_NONE           = 0,
  TOV_MONEY_ALLOW_NEGATIVE = 1 << 0,
} TovMoneyFlags;

gboolean  tov_money_parse        (const char     *text,
                                  TovMoneyFlags   flags,
                                  gint64         *out_ore,
                                  GError        **error);
char     *tov_money_format       (gint64          ore);
char     *tov_money_format_plain (gint64          ore);
char     *tov_money_format_short (gint64          ore);

G_END_DECLS
