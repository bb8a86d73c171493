/* tov-text.h: what counts as blank in what people type or paste.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean tov_text_is_blank  (const char *text);
int      tov_text_blank_len (const char *p);

G_END_DECLS
