/* test-parse.c: reading and writing amounts and dates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "tov-date.h"
#include "tov-error.h"
#include "tov-money.h"

#define NEG TOV_MONEY_ALLOW_NEGATIVE

/* A value no parse produces, to see that a failed parse left it alone. */
#define UNTOUCHED G_GINT64_CONSTANT (-424242)

typedef struct
{
  const char    *text;
  TovMoneyFlags  flags;
  gboolean       ok;
  gint64         ore;
} MoneyCase;

static const MoneyCase money_cases[] = {
  /* Good: exact øre. */
  { "100.000",              0,   TRUE, G_GINT64_CONSTANT (10000000) },
  { "100.000 kr.",          0,   TRUE, G_GINT64_CONSTANT (10000000) },
  { "  100.000 kr  ",       0,   TRUE, G_GINT64_CONSTANT (10000000) },
  { "1350000",              0,   TRUE, G_GINT64_CONSTANT (135000000) },
  { "1.350.000,50 kr.",     0,   TRUE, G_GINT64_CONSTANT (135000050) },
  { "1.350.000,5",          0,   TRUE, G_GINT64_CONSTANT (135000050) },
  { "0,05",                 0,   TRUE, G_GINT64_CONSTANT (5) },
  { "0",                    0,   TRUE, G_GINT64_CONSTANT (0) },
  { "1,0 mio. kr.",         0,   TRUE, G_GINT64_CONSTANT (100000000) },
  { "0,25 mio",             0,   TRUE, G_GINT64_CONSTANT (25000000) },
  { "3 mio. kr.",           0,   TRUE, G_GINT64_CONSTANT (300000000) },
  { "1,5 mia. kr.",         0,   TRUE, G_GINT64_CONSTANT (150000000000) },
  { "0,7 mio.",             0,   TRUE, G_GINT64_CONSTANT (70000000) },
  { "3,3 MIO. KR.",         0,   TRUE, G_GINT64_CONSTANT (330000000) },
  { "1,5 mill. kr.",        0,   TRUE, G_GINT64_CONSTANT (150000000) },
  { "1,23456789 mio.",      0,   TRUE, G_GINT64_CONSTANT (123456789) },
  { "1 350 000",            0,   TRUE, G_GINT64_CONSTANT (135000000) },
  { "1\xC2\xA0" "350\xC2\xA0" "000 kr.", 0, TRUE, G_GINT64_CONSTANT (135000000) },
  { "kr. 100.000",          0,   TRUE, G_GINT64_CONSTANT (10000000) },
  { "500.000 DKK",          0,   TRUE, G_GINT64_CONSTANT (50000000) },
  { "100,- kr.",            0,   TRUE, G_GINT64_CONSTANT (10000) },
  { "-5",                   NEG, TRUE, G_GINT64_CONSTANT (-500) },
  { "-1,5 mio. kr.",        NEG, TRUE, G_GINT64_CONSTANT (-150000000) },
  { "\xE2\x88\x92" "5 kr.", NEG, TRUE, G_GINT64_CONSTANT (-500) },
  { "100.000.000.000 kr.",  0,   TRUE, G_GINT64_CONSTANT (10000000000000) },
  { "100 mia. kr.",         0,   TRUE, G_GINT64_CONSTANT (10000000000000) },

  /* Bad. */
  { "",                     0,   FALSE, 0 },
  { "   ",                  0,   FALSE, 0 },
  { "kr.",                  0,   FALSE, 0 },
  { "abc",                  0,   FALSE, 0 },
  { "1.00.0",               0,   FALSE, 0 },
  { "1.5",                  0,   FALSE, 0 },
  { "0.500",                0,   FALSE, 0 },
  { "1350.000",             0,   FALSE, 0 },
  { "1.350 000",            0,   FALSE, 0 },
  { "1,350,000",            0,   FALSE, 0 },
  { "-5",                   0,   FALSE, 0 },
  { "1,005",                0,   FALSE, 0 },
  { "1,",                   0,   FALSE, 0 },
  { "1,123456789 mio.",     0,   FALSE, 0 },
  { "100.000.000.000,01",   0,   FALSE, 0 },
  { "101 mia. kr.",         0,   FALSE, 0 },
  { "99999999999999999999999", 0, FALSE, 0 },
  { "-200 mia.",            NEG, FALSE, 0 },
  { "100 kroner ekstra",    0,   FALSE, 0 },
  { "100 kroner",           0,   FALSE, 0 },
  { "kr. 100 kr.",          0,   FALSE, 0 },
  { "5 mio. mio.",          0,   FALSE, 0 },
  { "--5",                  NEG, FALSE, 0 },
};

typedef struct
{
  const char *text;
  const char *iso;  /* NULL when the text must be refused */
} DateCase;

static const DateCase date_cases[] = {
  /* Good. */
  { "2015-10-08",           "2015-10-08" },
  { "8/10 2015",            "2015-10-08" },
  { "8/10-2015",            "2015-10-08" },
  { "08-10-2015",           "2015-10-08" },
  { "24-08-2021",           "2021-08-24" },
  { "8.10.2015",            "2015-10-08" },
  { "8. oktober 2015",      "2015-10-08" },
  { "8 oktober 2015",       "2015-10-08" },
  { "8. okt. 2015",         "2015-10-08" },
  { "8 October 2015",       "2015-10-08" },
  /* Pasted: no-break and narrow no-break spaces between the parts. */
  { "8.\xC2\xA0oktober\xC2\xA0" "2015", "2015-10-08" },
  { "8.\xE2\x80\xAFoktober\xE2\x80\xAF" "2015", "2015-10-08" },
  { "October 8, 2015",      "2015-10-08" },
  { "Oct. 8, 2015",         "2015-10-08" },
  { "15. APRIL 2015",       "2015-04-15" },
  { "1. marts 2016",        "2016-03-01" },
  { "3 maj 2017",           "2017-05-03" },
  { "31. december 2019",    "2019-12-31" },
  { "29/2 2016",            "2016-02-29" },
  { "  8/10 2015  ",        "2015-10-08" },
  { "1/1 1900",             "1900-01-01" },
  { "31/12 2200",           "2200-12-31" },

  /* Bad. */
  { "",                     NULL },
  { "  ",                   NULL },
  { "31/2 2015",            NULL },
  { "29/2 2015",            NULL },
  { "0/1 2015",             NULL },
  { "8/13 2015",            NULL },
  { "2015-02-30",           NULL },
  { "8. oktobr 2015",       NULL },
  { "8. oktøber 2015",      NULL },
  { "8/10 15",              NULL },
  { "8/10",                 NULL },
  { "8/10 1899",            NULL },
  { "8/10 2201",            NULL },
  { "1899-12-31",           NULL },
  { "8/10 2015 kl. 10",     NULL },
  { "abc",                  NULL },
  { "8 10 2015",            NULL },
  { "2015",                 NULL },
  { "medio 2017",           NULL },
  { "1 2 3 4 5 6 7 8 9",    NULL },
};

static void
test_money_case (gconstpointer data)
{
  const MoneyCase *c = data;
  g_autoptr(GError) error = NULL;
  gint64 ore = UNTOUCHED;
  gboolean ok;

  g_test_message ("input: “%s”", c->text);
  ok = tov_money_parse (c->text, c->flags, &ore, &error);

  if (c->ok)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpint (ore, ==, c->ore);
    }
  else
    {
      g_assert_error (error, TOV_ERROR, TOV_ERROR_INVALID);
      g_assert_false (ok);
      g_assert_nonnull (error->message);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_cmpint (ore, ==, UNTOUCHED);
      g_test_message ("reason: %s", error->message);
    }
}

static void
test_date_case (gconstpointer data)
{
  const DateCase *c = data;
  static char untouched[] = "untouched";
  g_autoptr(GError) error = NULL;
  char *iso = untouched;
  gboolean ok;

  g_test_message ("input: “%s”", c->text);
  ok = tov_date_parse (c->text, &iso, &error);

  if (c->iso != NULL)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpstr (iso, ==, c->iso);
      g_assert_true (tov_date_is_valid_iso (iso));
      g_free (iso);
    }
  else
    {
      g_assert_error (error, TOV_ERROR, TOV_ERROR_INVALID);
      g_assert_false (ok);
      g_assert_nonnull (error->message);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_true (iso == untouched);
      g_test_message ("reason: %s", error->message);
    }
}

static void
test_money_reasons (void)
{
  /* The reason must name the mistake, not only say "invalid". */
  static const struct { const char *text; TovMoneyFlags flags; const char *reason; } cases[] = {
    { "",                 0, "The amount is missing" },
    { "abc",              0, "Write the amount in kroner, for example 100.000 or 1,5 mio. kr." },
    { "1.00.0",           0, "Thousands are grouped in threes: 1.350.000" },
    { "1.5",              0, "Use a comma for decimals: 1.350.000,50" },
    { "-5",               0, "The amount cannot be negative" },
    { "1,005",            0, "Write at most two decimals: 1.350.000,50" },
    { "200 mia. kr.",     0, "The amount is larger than any municipal budget (at most 100 mia. kr.)" },
    { "100 kroner ekstra", 0, "Write only the amount, for example 100.000 kr." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (tov_money_parse (cases[i].text, cases[i].flags, NULL, &error));
      g_assert_cmpstr (error->message, ==, cases[i].reason);
    }

  /* Without a GError or an out value it still only answers. */
  g_assert_false (tov_money_parse ("abc", 0, NULL, NULL));
  g_assert_true (tov_money_parse ("1,5 mio. kr.", 0, NULL, NULL));
}

static void
test_date_reasons (void)
{
  static const struct { const char *text; const char *reason; } cases[] = {
    { "",                "The date is missing" },
    { "31/2 2015",       "There is no such date: the month has only 28 days" },
    { "8/13 2015",       "There is no such date: months go from 1 to 12" },
    { "8. oktobr 2015",  "“oktobr” is not the name of a month" },
    { "8/10 15",         "Write the year with four digits, for example 2015" },
    { "8/10 1815",       "Write a year between 1900 and 2200" },
    { "8/10 2015 xyz",   "Write only the date, for example 8 October 2015" },
    { "medio 2017",      "Write the date as 8/10 2015, 8 October 2015 or 2015-10-08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (tov_date_parse (cases[i].text, NULL, &error));
      g_assert_cmpstr (error->message, ==, cases[i].reason);
    }

  g_assert_false (tov_date_parse ("abc", NULL, NULL));
}

static void
test_money_format (void)
{
  static const struct { gint64 ore; const char *full; const char *plain; const char *shortened; } cases[] = {
    { 0,                                   "0 kr.",                 "0",                 "0 kr." },
    { 5,                                   "0,05 kr.",              "0,05",              "0,05 kr." },
    { -500,                                "-5 kr.",                "-5",                "-5 kr." },
    { 100000,                              "1.000 kr.",             "1.000",             "1.000 kr." },
    { 50000000,                            "500.000 kr.",           "500.000",           "500.000 kr." },
    { 99999999,                            "999.999,99 kr.",        "999.999,99",        "999.999,99 kr." },
    { 135000000,                           "1.350.000 kr.",         "1.350.000",         "1,35 mio. kr." },
    { 135000050,                           "1.350.000,50 kr.",      "1.350.000,50",      "1,4 mio. kr." },
    { 100000000,                           "1.000.000 kr.",         "1.000.000",         "1,0 mio. kr." },
    { 330000000,                           "3.300.000 kr.",         "3.300.000",         "3,3 mio. kr." },
    { -330000000,                          "-3.300.000 kr.",        "-3.300.000",        "-3,3 mio. kr." },
    { 125000000,                           "1.250.000 kr.",         "1.250.000",         "1,25 mio. kr." },
    { 105000000,                           "1.050.000 kr.",         "1.050.000",         "1,05 mio. kr." },
    { 123456700,                           "1.234.567 kr.",         "1.234.567",         "1,2 mio. kr." },
    { 144999900,                           "1.449.999 kr.",         "1.449.999",         "1,4 mio. kr." },
    { 125000100,                           "1.250.001 kr.",         "1.250.001",         "1,3 mio. kr." },
    { 199999999,                           "1.999.999,99 kr.",      "1.999.999,99",      "2,0 mio. kr." },
    { 99999000000,                         "999.990.000 kr.",       "999.990.000",       "1,0 mia. kr." },
    { G_GINT64_CONSTANT (150000000000),    "1.500.000.000 kr.",     "1.500.000.000",     "1,5 mia. kr." },
    { G_GINT64_CONSTANT (425000000000),    "4.250.000.000 kr.",     "4.250.000.000",     "4,25 mia. kr." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *full = tov_money_format (cases[i].ore);
      g_autofree char *plain = tov_money_format_plain (cases[i].ore);
      g_autofree char *shortened = tov_money_format_short (cases[i].ore);
      gint64 back = UNTOUCHED;

      g_assert_cmpstr (full, ==, cases[i].full);
      g_assert_cmpstr (plain, ==, cases[i].plain);
      g_assert_cmpstr (shortened, ==, cases[i].shortened);

      /* What is written can be read back to the same øre. */
      g_assert_true (tov_money_parse (full, NEG, &back, NULL));
      g_assert_cmpint (back, ==, cases[i].ore);
      g_assert_true (tov_money_parse (plain, NEG, &back, NULL));
      g_assert_cmpint (back, ==, cases[i].ore);
    }

  /* The extremes must not overflow on the way. */
  {
    g_autofree char *min = tov_money_format (G_MININT64);
    g_autofree char *max = tov_money_format_short (G_MAXINT64);

    g_assert_cmpstr (min, ==, "-92.233.720.368.547.758,08 kr.");
    g_assert_nonnull (max);
  }
}

static void
test_date_format_danish (void)
{
  g_autofree char *a = tov_date_format_danish ("2015-10-08");
  g_autofree char *b = tov_date_format_danish ("2021-08-24");
  g_autofree char *c = tov_date_format_danish ("2016-03-01");
  g_autofree char *empty = tov_date_format_danish ("");
  g_autofree char *vague = tov_date_format_danish ("efteråret 2016");
  g_autofree char *back = NULL;

  g_assert_cmpstr (a, ==, "8. oktober 2015");
  g_assert_cmpstr (b, ==, "24. august 2021");
  g_assert_cmpstr (c, ==, "1. marts 2016");
  g_assert_null (tov_date_format_danish (NULL));
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (vague, ==, "efteråret 2016");

  /* The printed form reads back to the stored one. */
  g_assert_true (tov_date_parse (a, &back, NULL));
  g_assert_cmpstr (back, ==, "2015-10-08");
}

static void
test_date_format_c (void)
{
  g_autofree char *text = NULL;

  if (setlocale (LC_ALL, "C") == NULL)
    {
      g_test_skip ("the C locale is not available");
      return;
    }

  text = tov_date_format ("2015-10-08");
  g_assert_cmpstr (text, ==, "8 October 2015");
  g_assert_null (tov_date_format (NULL));
}

static void
test_date_format_da (void)
{
  g_autofree char *text = NULL;

  if (setlocale (LC_ALL, "da_DK.UTF-8") == NULL)
    {
      g_test_skip ("the da_DK.UTF-8 locale is not generated");
      return;
    }

  /* The Danish pattern "%-d. %B %Y" comes from the translation, which a
   * test does not load; the month name comes from the C library.
   */
  text = tov_date_format ("2015-10-08");
  setlocale (LC_ALL, "C");

  g_assert_nonnull (strstr (text, "oktober"));
  g_assert_nonnull (strstr (text, "2015"));
}

static void
test_date_helpers (void)
{
  g_autofree char *today = tov_date_today ();

  g_assert_true (tov_date_is_valid_iso (today));
  g_assert_true (tov_date_is_valid_iso ("2016-02-29"));
  g_assert_false (tov_date_is_valid_iso ("2015-02-29"));
  g_assert_false (tov_date_is_valid_iso ("2015-1-08"));
  g_assert_false (tov_date_is_valid_iso ("8/10 2015"));
  g_assert_false (tov_date_is_valid_iso (""));
  g_assert_false (tov_date_is_valid_iso (NULL));

  g_assert_cmpint (tov_date_compare ("2015-10-08", "2021-08-24"), <, 0);
  g_assert_cmpint (tov_date_compare ("2021-08-24", "2015-10-08"), >, 0);
  g_assert_cmpint (tov_date_compare ("2015-10-08", "2015-10-08"), ==, 0);
  g_assert_cmpint (tov_date_compare (NULL, "1900-01-01"), <, 0);
  g_assert_cmpint (tov_date_compare ("1900-01-01", NULL), >, 0);
  g_assert_cmpint (tov_date_compare (NULL, NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (money_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/money/parse/%s/%02u",
                                               money_cases[i].ok ? "good" : "bad", i);
      g_test_add_data_func (path, &money_cases[i], test_money_case);
    }

  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/date/parse/%s/%02u",
                                               date_cases[i].iso ? "good" : "bad", i);
      g_test_add_data_func (path, &date_cases[i], test_date_case);
    }

  g_test_add_func ("/money/reasons", test_money_reasons);
  g_test_add_func ("/money/format", test_money_format);
  g_test_add_func ("/date/reasons", test_date_reasons);
  g_test_add_func ("/date/format/danish", test_date_format_danish);
  g_test_add_func ("/date/format/c", test_date_format_c);
  g_test_add_func ("/date/format/da", test_date_format_da);
  g_test_add_func ("/date/helpers", test_date_helpers);

  return g_test_run ();
}
