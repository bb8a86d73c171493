/* tov-demo.h: the demo portfolio, "Sammen om Rødovre".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tov-store.h"

G_BEGIN_DECLS

gboolean tov_demo_load   (TovStore     *store,
                          GError      **error);
char    *tov_demo_create (const char   *directory,
                          GError      **error);

G_END_DECLS
