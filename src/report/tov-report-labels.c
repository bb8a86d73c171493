/* tov-report-labels.c: the Danish words of the status sheets.
 *
 * A status sheet goes to a Danish committee whatever the language of the
 * user interface, so these words are Danish in the code and are not
 * translated; tov_choice_label() is for the screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-report"

#include "config.h"

#include <stdio.h>

#include "tov-date.h"
#include "tov-money.h"
#include "tov-report-labels.h"

/* As column headings, which break in the middle of a long word only at
 * the soft hyphens.
 */
static const char * const budget_kind_headings[] = {
  "Bevilling", "Admini\u00ADstrativt bevilget", "Budget\u00ADforslag", "Økonomisk gevinst",
};

static const char *
lookup (const char * const *labels,
        guint               n_labels,
        int                 value)
{
  if (value < 0 || (guint) value >= n_labels)
    return "";
  return labels[value];
}

const char *
tov_report_budget_kind_heading (int value)
{
  return lookup (budget_kind_headings, G_N_ELEMENTS (budget_kind_headings), value);
}

/**
 * tov_report_format_period:
 *
 * Returns: (transfer full): a period the Danish way, "1. januar 2017 –
 *   31. december 2019", "Fra 1. januar 2017" or "Til 31. december 2019",
 *   or an empty string when neither date is set.
 */
char *
tov_report_format_period (const char *start_iso,
                          const char *end_iso)
{
  g_autofree char *start = tov_date_format_danish (start_iso);
  g_autofree char *end = tov_date_format_danish (end_iso);

  if (start != NULL && end != NULL)
    return g_strdup_printf ("%s – %s", start, end);
  if (start != NULL)
    return g_strdup_printf ("Fra %s", start);
  if (end != NULL)
    return g_strdup_printf ("Til %s", end);
  return g_strdup ("");
}

/**
 * tov_report_format_short_date:
 *
 * Returns: (transfer full): @iso as the documents write a date in a
 *   table, "8/10 2015"; an empty string for %NULL, and text that is not a
 *   date unchanged.
 */
char *
tov_report_format_short_date (const char *iso)
{
  int year, month, day;

  if (iso == NULL)
    return g_strdup ("");
  if (!tov_date_is_valid_iso (iso) || sscanf (iso, "%d-%d-%d", &year, &month, &day) != 3)
    return g_strdup (iso);
  return g_strdup_printf ("%d/%d %d", day, month, year);
}

/**
 * tov_report_lower_first:
 *
 * Returns: (transfer full): @text with its first letter in lower case, as
 *   a policy's name is written inside a sentence ("handleplan for
 *   udsattepolitikken"). An abbreviation such as "SOC" is left alone.
 */
char *
tov_report_lower_first (const char *text)
{
  gunichar first;
  const char *rest;
  char buf[8];
  int len;

  if (text == NULL || *text == '\0')
    return g_strdup ("");

  first = g_utf8_get_char (text);
  rest = g_utf8_next_char (text);
  if (*rest != '\0' && g_unichar_isupper (g_utf8_get_char (rest)))
    return g_strdup (text);

  len = g_unichar_to_utf8 (g_unichar_tolower (first), buf);
  buf[len] = '\0';
  return g_strconcat (buf, rest, NULL);
}

/**
 * tov_report_format_money_short:
 * @ore: an amount in øre
 *
 * Writes @ore for a narrow column of an overview: "1,35 mio. kr." from a
 * million up, as tov_money_format_short() does, and below that in whole
 * kroner, "220.000 kr." for 220.000,19 kr.
 *
 * Returns: (transfer full): the amount as text
 */
char *
tov_report_format_money_short (gint64 ore)
{
  gint64 kroner;

  if (ore <= -100000000 || ore >= 100000000)
    return tov_money_format_short (ore);

  /* Half a krone rounds away from zero. */
  kroner = ore >= 0 ? (ore + 50) / 100 : (ore - 50) / 100;
  return tov_money_format (kroner * 100);
}
