/* tov-text.c: what counts as blank in what people type or paste.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tov-text.h"

/**
 * tov_text_is_blank:
 * @text: (nullable): a field's text
 *
 * Returns: whether @text is %NULL, empty or white space alone
 */
gboolean
tov_text_is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/**
 * tov_text_blank_len:
 *
 * Amounts and dates pasted from a word processor or a formatted page have
 * no-break spaces (U+00A0) or narrow no-break spaces (U+202F) between
 * their parts, where people type spaces.
 *
 * Returns: the length in bytes of the blank at @p: a white space, a
 *   no-break space or a narrow no-break space; 0 if there is none
 */
int
tov_text_blank_len (const char *p)
{
  const guchar *u = (const guchar *) p;

  if (*p != '\0' && g_ascii_isspace (*p))
    return 1;
  if (u[0] == 0xC2 && u[1] == 0xA0)
    return 2;
  if (u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xAF)
    return 3;
  return 0;
}
