/* tov-json-words.h: JSON strings eight bytes at a time.
 *
 * The reader's guard and the writer skip or copy the plain part of a
 * string a 64-bit word at a time, and stop at a word that may hold a byte
 * that needs a closer look. The tests may flag a byte after one that is
 * flagged, never miss one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#define TOV_JSON_EACH_BYTE(byte) (G_GUINT64_CONSTANT (0x0101010101010101) * (byte))

/* Whether a byte of @word is @byte. */
static inline gboolean
tov_json_word_has (guint64 word,
                   guint8  byte)
{
  guint64 x = word ^ TOV_JSON_EACH_BYTE (byte);

  return ((x - TOV_JSON_EACH_BYTE (0x01)) & ~x & TOV_JSON_EACH_BYTE (0x80)) != 0;
}

/* Whether a byte of @word ends a string's plain text: a control character
 * or nul, a quote or a backslash.
 */
static inline gboolean
tov_json_word_ends_plain_text (guint64 word)
{
  guint64 below_space = (word - TOV_JSON_EACH_BYTE (0x20)) & ~word & TOV_JSON_EACH_BYTE (0x80);

  /* | rather than ||: no branch in the loops that call it. */
  return (below_space != 0) | tov_json_word_has (word, '"') | tov_json_word_has (word, '\\');
}
