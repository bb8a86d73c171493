/* tov-money.c: amounts in Danish kroner, kept as whole øre.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tov-money"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tov-error.h"
#include "tov-money.h"
#include "tov-text.h"

/* Every calculation here is on integers: a float cannot hold 0,10 kr.
 * exactly, and a budget that is off by an øre does not add up.
 */
#define ORE_PER_KRONE G_GUINT64_CONSTANT (100)
#define ORE_PER_MIO   G_GUINT64_CONSTANT (100000000)
#define ORE_PER_MIA   G_GUINT64_CONSTANT (100000000000)

/* 100 mia. kr. is far beyond any municipal budget, so a larger amount is
 * a typing mistake; the limit also keeps all the arithmetic in range.
 */
#define MAX_ORE (100 * ORE_PER_MIA)

static const struct {
  const char *word;
  guint64     unit;
  int         max_decimals;
} scales[] = {
  { "mio",  ORE_PER_MIO, 8 },
  { "mill", ORE_PER_MIO, 8 },
  { "mia",  ORE_PER_MIA, 11 },
};

static gboolean
fail (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, TOV_ERROR, TOV_ERROR_INVALID, message);
  return FALSE;
}

static const char *
skip_blanks (const char *p)
{
  int len;

  while ((len = tov_text_blank_len (p)) > 0)
    p += len;
  return p;
}

/* Consumes @word and an optional period at *@p, unless *@p goes on with
 * more letters: "kr" must not match the start of "kroner".
 */
static gboolean
match_word (const char **p,
            const char  *word)
{
  gsize len = strlen (word);

  if (g_ascii_strncasecmp (*p, word, len) != 0 || g_ascii_isalpha ((*p)[len]))
    return FALSE;

  *p += len;
  if (**p == '.')
    (*p)++;
  return TRUE;
}

static gboolean
match_currency (const char **p)
{
  return match_word (p, "kr") || match_word (p, "dkk");
}

/* Once the value is past the limit its exact size no longer matters, so
 * it stops growing instead of overflowing.
 */
static guint64
add_digit (guint64 value,
           char    digit)
{
  if (value > MAX_ORE)
    return value;
  return value * 10 + (guint64) (digit - '0');
}

/* Reads the whole part, "1350000", "1.350.000" or "1 350 000", into
 * @out_value and moves *@pp past it.
 */
static gboolean
parse_whole (const char **pp,
             guint64     *out_value,
             GError     **error)
{
  const char *p = *pp;
  guint64 value = 0;
  int lead = 0;
  int n_groups = 0;
  char sep = 0;

  for (; g_ascii_isdigit (*p); p++, lead++)
    value = add_digit (value, *p);

  for (;;)
    {
      char this_sep;
      int len;
      int n = 0;

      if (*p == '.')
        {
          this_sep = '.';
          len = 1;
        }
      else if ((len = tov_text_blank_len (p)) > 0)
        {
          this_sep = ' ';
        }
      else
        {
          break;
        }

      /* A blank before "kr." or "mio." ends the number. */
      if (!g_ascii_isdigit (p[len]))
        break;

      if (sep != 0 && this_sep != sep)
        return fail (error, _("Thousands are grouped in threes: 1.350.000"));
      sep = this_sep;

      for (p += len; g_ascii_isdigit (*p); p++, n++)
        value = add_digit (value, *p);

      if (n != 3)
        {
          /* "1.5" and "0.25" are decimals written the English way. */
          if (sep == '.' && n_groups == 0 && n < 3 && *p != '.')
            return fail (error, _("Use a comma for decimals: 1.350.000,50"));
          return fail (error, _("Thousands are grouped in threes: 1.350.000"));
        }

      n_groups++;
    }

  if (n_groups > 0 && sep == '.' && **pp == '0')
    return fail (error, _("Use a comma for decimals: 1.350.000,50"));
  if (n_groups > 0 && (lead > 3 || **pp == '0'))
    return fail (error, _("Thousands are grouped in threes: 1.350.000"));

  *pp = p;
  *out_value = value;
  return TRUE;
}

/**
 * tov_money_parse:
 * @text: an amount as a person writes it, "1.350.000 kr." or "1,5 mio. kr."
 * @flags: whether a negative amount is allowed
 * @out_ore: (out) (optional): the amount in øre
 * @error: a #TOV_ERROR_INVALID with a sentence saying what to fix
 *
 * Reads an amount of Danish kroner the way Danish documents write it:
 * dot or space between the thousands, comma before the øre, "mio." and
 * "mia." for millions and billions, "kr." or "DKK" around it.
 * @out_ore is written only on success.
 *
 * Returns: %TRUE if @text is an amount
 */
gboolean
tov_money_parse (const char     *text,
                 TovMoneyFlags   flags,
                 gint64         *out_ore,
                 GError        **error)
{
  const char *p;
  const char *q;
  gboolean negative = FALSE;
  gboolean had_currency = FALSE;
  guint64 whole = 0;
  guint64 fraction = 0;
  int n_decimals = 0;
  guint64 unit = ORE_PER_KRONE;
  int max_decimals = 2;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  p = skip_blanks (text);
  if (*p == '\0')
    return fail (error, _("The amount is missing"));

  if (match_currency (&p))
    {
      had_currency = TRUE;
      p = skip_blanks (p);
    }

  /* Word processors turn "-" into U+2212 MINUS SIGN. */
  if (*p == '-')
    {
      negative = TRUE;
      p += 1;
    }
  else if (strncmp (p, "\xE2\x88\x92", 3) == 0)
    {
      negative = TRUE;
      p += 3;
    }

  if (!g_ascii_isdigit (*p))
    return fail (error, _("Write the amount in kroner, for example 100.000 or 1,5 mio. kr."));

  if (!parse_whole (&p, &whole, error))
    return FALSE;

  if (*p == ',')
    {
      p++;
      /* "100,-" is how a price with no øre is often written. */
      if (*p == '-')
        p++;
      else if (!g_ascii_isdigit (*p))
        return fail (error, _("Write the amount in kroner, for example 100.000 or 1,5 mio. kr."));

      /* Digits past the twelfth are an error below anyway, so they are
       * not added where they could overflow.
       */
      for (; g_ascii_isdigit (*p); p++, n_decimals++)
        if (n_decimals < 12)
          fraction = fraction * 10 + (guint64) (*p - '0');

      /* "1,350,000" is thousands written the English way. */
      if (*p == ',' || *p == '.')
        return fail (error, _("Thousands are grouped in threes: 1.350.000"));
    }

  q = skip_blanks (p);
  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      if (match_word (&q, scales[i].word))
        {
          unit = scales[i].unit;
          max_decimals = scales[i].max_decimals;
          p = q;
          break;
        }
    }

  q = skip_blanks (p);
  if (!had_currency && match_currency (&q))
    p = q;

  p = skip_blanks (p);
  if (*p != '\0')
    return fail (error, _("Write only the amount, for example 100.000 kr."));

  if (n_decimals > max_decimals)
    {
      if (unit == ORE_PER_KRONE)
        return fail (error, _("Write at most two decimals: 1.350.000,50"));
      return fail (error, _("Write fewer decimals, for example 1,25 mio. kr."));
    }

  if (negative && !(flags & TOV_MONEY_ALLOW_NEGATIVE))
    return fail (error, _("The amount cannot be negative"));

  if (whole > MAX_ORE / unit)
    return fail (error, _("The amount is larger than any municipal budget (at most 100 mia. kr.)"));

  /* The unit is 10^max_decimals øre, so the decimals scale up exactly. */
  for (int i = n_decimals; i < max_decimals; i++)
    fraction *= 10;
  whole = whole * unit + fraction;

  if (whole > MAX_ORE)
    return fail (error, _("The amount is larger than any municipal budget (at most 100 mia. kr.)"));

  if (out_ore != NULL)
    *out_ore = negative ? -(gint64) whole : (gint64) whole;

  return TRUE;
}

/* Appends @value with a dot between each group of three digits. */
static void
append_grouped (GString *str,
                guint64  value)
{
  char digits[24];
  int len = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, value);

  for (int i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (str, '.');
      g_string_append_c (str, digits[i]);
    }
}

/* The magnitude as unsigned, so that G_MININT64 does not overflow. */
static guint64
magnitude (gint64 ore)
{
  return ore < 0 ? -(guint64) ore : (guint64) ore;
}

/**
 * tov_money_format_plain:
 * @ore: an amount in øre
 *
 * Writes @ore as Danish kroner without the currency, "1.350.000" or
 * "1.350.000,50", for table cells and CSV files.
 *
 * Returns: (transfer full): the amount as text
 */
char *
tov_money_format_plain (gint64 ore)
{
  GString *str = g_string_new (NULL);
  guint64 mag = magnitude (ore);

  if (ore < 0)
    g_string_append_c (str, '-');
  append_grouped (str, mag / ORE_PER_KRONE);
  if (mag % ORE_PER_KRONE != 0)
    g_string_append_printf (str, ",%02u", (guint) (mag % ORE_PER_KRONE));

  return g_string_free (str, FALSE);
}

/**
 * tov_money_format:
 * @ore: an amount in øre
 *
 * Writes @ore as Danish kroner, "1.350.000 kr." or "1.350.000,50 kr.".
 * The currency is always DKK, so this is Danish whatever the language of
 * the user interface.
 *
 * Returns: (transfer full): the amount as text
 */
char *
tov_money_format (gint64 ore)
{
  g_autofree char *plain = tov_money_format_plain (ore);

  return g_strconcat (plain, " kr.", NULL);
}

/* Writes @mag in whole @unit with one decimal, or two when that makes it
 * exact: 1,0 and 1,25 but never 1,20. Rounds half up.
 */
static char *
format_scaled (gboolean    negative,
               guint64     mag,
               guint64     unit,
               const char *word)
{
  GString *str = g_string_new (negative ? "-" : NULL);
  guint64 hundredth = unit / 100;

  if (mag % hundredth == 0 && (mag / hundredth) % 10 != 0)
    {
      append_grouped (str, mag / unit);
      g_string_append_printf (str, ",%02u", (guint) (mag / hundredth % 100));
    }
  else
    {
      guint64 tenths = (mag + 5 * hundredth) / (10 * hundredth);

      append_grouped (str, tenths / 10);
      g_string_append_printf (str, ",%u", (guint) (tenths % 10));
    }

  g_string_append_printf (str, " %s kr.", word);
  return g_string_free (str, FALSE);
}

/**
 * tov_money_format_short:
 * @ore: an amount in øre
 *
 * Writes @ore the way the documents write large sums: "1,0 mio. kr.",
 * "1,25 mio. kr.", "1,5 mia. kr.". Amounts below a million are written in
 * full, as by tov_money_format().
 *
 * Returns: (transfer full): the amount as text
 */
char *
tov_money_format_short (gint64 ore)
{
  guint64 mag = magnitude (ore);

  if (mag < ORE_PER_MIO)
    return tov_money_format (ore);

  /* 999,96 mio. kr. rounds to 1,0 mia. kr., not to 1.000,0 mio. kr. */
  if (mag + ORE_PER_MIO / 20 < ORE_PER_MIA)
    return format_scaled (ore < 0, mag, ORE_PER_MIO, "mio.");

  return format_scaled (ore < 0, mag, ORE_PER_MIA, "mia.");
}
