/* tov-date.c: dates, stored as ISO 8601 text "YYYY-MM-DD".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "tov-date"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tov-date.h"
#include "tov-error.h"
#include "tov-text.h"

#define MIN_YEAR 1900
#define MAX_YEAR 2200

/* A date has at most five parts ("8. okt. 2015"); a few more allow for
 * stray punctuation, and anything longer is not a date.
 */
#define MAX_TOKENS 8

typedef enum
{
  TOKEN_NUMBER,
  TOKEN_WORD,
  TOKEN_PUNCT,
} TokenKind;

typedef struct
{
  TokenKind   kind;
  const char *start;
  int         len;
  int         value;  /* numbers only, stops growing at 100000 */
} Token;

typedef struct
{
  Token tokens[MAX_TOKENS];
  int   n_tokens;
  int   pos;
} Scanner;

/* Danish and English names and the abbreviations the documents use,
 * matched without regard to case.
 */
static const struct {
  const char *name;
  int         month;
} month_names[] = {
  { "januar", 1 }, { "january", 1 }, { "jan", 1 },
  { "februar", 2 }, { "february", 2 }, { "feb", 2 },
  { "marts", 3 }, { "march", 3 }, { "mar", 3 },
  { "april", 4 }, { "apr", 4 },
  { "maj", 5 }, { "may", 5 },
  { "juni", 6 }, { "june", 6 }, { "jun", 6 },
  { "juli", 7 }, { "july", 7 }, { "jul", 7 },
  { "august", 8 }, { "aug", 8 },
  { "september", 9 }, { "sep", 9 }, { "sept", 9 },
  { "oktober", 10 }, { "october", 10 }, { "okt", 10 }, { "oct", 10 },
  { "november", 11 }, { "nov", 11 },
  { "december", 12 }, { "dec", 12 },
};

/* The printed status sheets are Danish whatever the language of the user
 * interface, so these do not come from the locale.
 */
static const char * const danish_months[] = {
  "januar", "februar", "marts", "april", "maj", "juni", "juli",
  "august", "september", "oktober", "november", "december",
};

static gboolean
fail (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, TOV_ERROR, TOV_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
fail_format (GError **error)
{
  return fail (error, _("Write the date as 8/10 2015, 8 October 2015 or 2015-10-08"));
}

/* Words take in non-ASCII bytes so that a misspelt "oktøber" is reported
 * as one word.
 */
static gboolean
is_word_char (char c)
{
  return g_ascii_isalpha (c) || (guchar) c >= 0x80;
}

static gboolean
tokenize (Scanner    *s,
          const char *text)
{
  const char *p = text;

  s->n_tokens = 0;
  s->pos = 0;

  for (;;)
    {
      Token *t;
      int len;

      while ((len = tov_text_blank_len (p)) > 0)
        p += len;
      if (*p == '\0')
        return TRUE;
      if (s->n_tokens == MAX_TOKENS)
        return FALSE;

      t = &s->tokens[s->n_tokens++];
      t->start = p;
      t->value = 0;

      if (g_ascii_isdigit (*p))
        {
          t->kind = TOKEN_NUMBER;
          for (; g_ascii_isdigit (*p); p++)
            if (t->value < 100000)
              t->value = t->value * 10 + (*p - '0');
        }
      else if (is_word_char (*p))
        {
          t->kind = TOKEN_WORD;
          while (is_word_char (*p) && tov_text_blank_len (p) == 0)
            p++;
        }
      else
        {
          t->kind = TOKEN_PUNCT;
          p++;
        }

      t->len = p - t->start;
    }
}

static const Token *
peek (Scanner *s)
{
  return s->pos < s->n_tokens ? &s->tokens[s->pos] : NULL;
}

static const Token *
accept_kind (Scanner   *s,
             TokenKind  kind)
{
  const Token *t = peek (s);

  if (t == NULL || t->kind != kind)
    return NULL;
  s->pos++;
  return t;
}

/* Consumes one punctuation token that is one of @chars, if there is one. */
static gboolean
accept_punct (Scanner    *s,
              const char *chars)
{
  const Token *t = peek (s);

  if (t == NULL || t->kind != TOKEN_PUNCT || strchr (chars, t->start[0]) == NULL)
    return FALSE;
  s->pos++;
  return TRUE;
}

/* @after_day says the word stands between day and year, where only a
 * month can be; first in the text it may be any word, "medio 2017".
 */
static gboolean
read_month_name (Scanner   *s,
                 gboolean   after_day,
                 int       *month,
                 GError   **error)
{
  const Token *t = accept_kind (s, TOKEN_WORD);
  g_autofree char *word = NULL;

  g_assert (t != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    {
      if (strlen (month_names[i].name) == (gsize) t->len &&
          g_ascii_strncasecmp (t->start, month_names[i].name, t->len) == 0)
        {
          *month = month_names[i].month;
          return TRUE;
        }
    }

  if (!after_day)
    return fail_format (error);

  word = g_utf8_make_valid (t->start, t->len);
  g_set_error (error, TOV_ERROR, TOV_ERROR_INVALID,
               _("“%s” is not the name of a month"), word);
  return FALSE;
}

static gboolean
read_year (Scanner  *s,
           int      *year,
           GError  **error)
{
  const Token *t;

  if (peek (s) == NULL)
    return fail (error, _("Write the year too, for example 8/10 2015"));
  if (!(t = accept_kind (s, TOKEN_NUMBER)))
    return fail_format (error);

  if (t->len <= 2)
    return fail (error, _("Write the year with four digits, for example 2015"));
  if (t->len != 4 || t->value < MIN_YEAR || t->value > MAX_YEAR)
    return fail (error, _("Write a year between 1900 and 2200"));

  *year = t->value;
  return TRUE;
}

/* Reads the parts of a date in one of the orders people write it, without
 * checking that the day exists.
 */
static gboolean
read_date (Scanner  *s,
           int      *year,
           int      *month,
           int      *day,
           GError  **error)
{
  const Token *first = peek (s);
  const Token *t;

  if (first->kind == TOKEN_WORD)
    {
      /* October 8, 2015 */
      if (!read_month_name (s, FALSE, month, error))
        return FALSE;
      accept_punct (s, ".");
      if (!(t = accept_kind (s, TOKEN_NUMBER)))
        return fail_format (error);
      *day = t->value;
      accept_punct (s, ",");
      return read_year (s, year, error);
    }

  if (!accept_kind (s, TOKEN_NUMBER))
    return fail_format (error);

  if (first->len == 4)
    {
      /* 2015-10-08 */
      const Token *m;
      const Token *d;

      if (!accept_punct (s, "-") ||
          !(m = accept_kind (s, TOKEN_NUMBER)) ||
          !accept_punct (s, "-") ||
          !(d = accept_kind (s, TOKEN_NUMBER)))
        return fail_format (error);

      if (first->value < MIN_YEAR || first->value > MAX_YEAR)
        return fail (error, _("Write a year between 1900 and 2200"));

      *year = first->value;
      *month = m->value;
      *day = d->value;
      return TRUE;
    }

  *day = first->value;

  /* 8/10 2015, 8/10-2015, 08-10-2015, 8.10.2015 */
  if (accept_punct (s, "/-.") && (t = accept_kind (s, TOKEN_NUMBER)))
    {
      *month = t->value;
      accept_punct (s, "/-.");
      return read_year (s, year, error);
    }

  /* 8. oktober 2015, 8 oktober 2015, 8. okt. 2015 */
  if (peek (s) != NULL && peek (s)->kind == TOKEN_WORD)
    {
      if (!read_month_name (s, TRUE, month, error))
        return FALSE;
      accept_punct (s, ".");
      return read_year (s, year, error);
    }

  return fail_format (error);
}

/**
 * tov_date_parse:
 * @text: a date as a person writes it, "8/10 2015" or "8. oktober 2015"
 * @out_iso: (out) (optional) (transfer full): the date as "YYYY-MM-DD"
 * @error: a #TOV_ERROR_INVALID with a sentence saying what to fix
 *
 * Reads a date written the Danish way, in ISO 8601, or in English.
 * Month names may be Danish or English, spelled out or abbreviated.
 * @out_iso is written only on success.
 *
 * Returns: %TRUE if @text is a date
 */
gboolean
tov_date_parse (const char  *text,
                char       **out_iso,
                GError     **error)
{
  Scanner s;
  int year = 0;
  int month = 0;
  int day = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!tokenize (&s, text))
    return fail (error, _("Write only the date, for example 8 October 2015"));
  if (s.n_tokens == 0)
    return fail (error, _("The date is missing"));

  if (!read_date (&s, &year, &month, &day, error))
    return FALSE;

  if (peek (&s) != NULL)
    return fail (error, _("Write only the date, for example 8 October 2015"));

  if (month < 1 || month > 12)
    return fail (error, _("There is no such date: months go from 1 to 12"));
  if (day < 1)
    return fail (error, _("There is no such date"));
  if (day > g_date_get_days_in_month (month, year))
    {
      g_set_error (error, TOV_ERROR, TOV_ERROR_INVALID,
                   _("There is no such date: the month has only %d days"),
                   (int) g_date_get_days_in_month (month, year));
      return FALSE;
    }

  if (out_iso != NULL)
    *out_iso = g_strdup_printf ("%04d-%02d-%02d", year, month, day);

  return TRUE;
}

static int
digits_value (const char *p,
              int         n)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    value = value * 10 + (p[i] - '0');
  return value;
}

/* Splits a stored date, accepting exactly what tov_date_parse() makes. */
static gboolean
split_iso (const char *iso,
           int        *year,
           int        *month,
           int        *day)
{
  static const char pattern[] = "dddd-dd-dd";

  if (iso == NULL || strlen (iso) != strlen (pattern))
    return FALSE;

  for (guint i = 0; pattern[i] != '\0'; i++)
    {
      if (pattern[i] == 'd' ? !g_ascii_isdigit (iso[i]) : iso[i] != pattern[i])
        return FALSE;
    }

  *year = digits_value (iso, 4);
  *month = digits_value (iso + 5, 2);
  *day = digits_value (iso + 8, 2);

  return *year >= MIN_YEAR && *year <= MAX_YEAR &&
         g_date_valid_dmy (*day, *month, *year);
}

/**
 * tov_date_is_valid_iso:
 * @iso: (nullable): a stored date
 *
 * Returns: %TRUE if @iso is a real day written "YYYY-MM-DD" within the
 *   years tov_date_parse() accepts
 */
gboolean
tov_date_is_valid_iso (const char *iso)
{
  int year, month, day;

  return split_iso (iso, &year, &month, &day);
}

/**
 * tov_date_format:
 * @iso: (nullable): a stored date
 *
 * Writes @iso for display in the language of the user interface,
 * "8. oktober 2015" or "8 October 2015". Text that is not a valid date is
 * returned unchanged, so that nothing a user wrote is hidden.
 *
 * Returns: (transfer full) (nullable): the date as text, %NULL for %NULL
 */
char *
tov_date_format (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  int year, month, day;

  if (!split_iso (iso, &year, &month, &day))
    return g_strdup (iso);

  dt = g_date_time_new_utc (year, month, day, 0, 0, 0);

  /* Translators: the order of day, month name and year in a date, as a
   * strftime() pattern for g_date_time_format(). %-d is the day without a
   * leading zero, %B the month name, which comes from the locale. For
   * example "8 October 2015"; in Danish "%-d. %B %Y" gives "8. oktober 2015".
   */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

/**
 * tov_date_format_danish:
 * @iso: (nullable): a stored date
 *
 * Writes @iso the Danish way, "8. oktober 2015", whatever the language of
 * the user interface, for the printed status sheets. Text that is not a
 * valid date is returned unchanged.
 *
 * Returns: (transfer full) (nullable): the date as text, %NULL for %NULL
 */
char *
tov_date_format_danish (const char *iso)
{
  int year, month, day;

  if (!split_iso (iso, &year, &month, &day))
    return g_strdup (iso);

  return g_strdup_printf ("%d. %s %d", day, danish_months[month - 1], year);
}

/**
 * tov_date_compare:
 * @a: (nullable): a stored date
 * @b: (nullable): a stored date
 *
 * Orders dates by time; ISO dates order as text. A missing date comes
 * first.
 *
 * Returns: negative, 0 or positive, as strcmp()
 */
int
tov_date_compare (const char *a,
                  const char *b)
{
  return g_strcmp0 (a, b);
}

/**
 * tov_date_today:
 *
 * Returns: (transfer full): today's local date as "YYYY-MM-DD"
 */
char *
tov_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * tov_date_format_period:
 * @start_iso: (nullable): the first day
 * @end_iso: (nullable): the last day
 *
 * Returns: (transfer full) (nullable): the period in the language of the
 *   app, "8 October 2015 to 31 July 2017", "From …" or "Until …", or %NULL
 *   when neither date is given
 */
char *
tov_date_format_period (const char *start_iso,
                        const char *end_iso)
{
  g_autofree char *from = start_iso ? tov_date_format (start_iso) : NULL;
  g_autofree char *to = end_iso ? tov_date_format (end_iso) : NULL;

  if (from != NULL && to != NULL)
    /* Translators: a period from one date to another */
    return g_strdup_printf (_("%s to %s"), from, to);
  if (from != NULL)
    return g_strdup_printf (_("From %s"), from);
  if (to != NULL)
    return g_strdup_printf (_("Until %s"), to);
  return NULL;
}
