/* test-danish.c: under a Danish locale, Tovholder speaks Danish.
 *
 * The translations come from the build's own po directory, so the test
 * checks po/da.po as built, not an installed copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "tov-date.h"
#include "tov-enum-types.h"
#include "tov-labels.h"
#include "tov-money.h"
#include "tov-store.h"

static void
test_words (void)
{
  g_assert_cmpstr (tov_choice_label (TOV_TYPE_DECISION_STATE, TOV_DECISION_STATE_PROPOSED), ==, "Indstillet");
  g_assert_cmpstr (tov_field_label ("coordinator"), ==, "Tovholder");
  g_assert_cmpstr (tov_field_label ("anchoring"), ==, "Forankring");
}

static void
test_money_and_dates (void)
{
  g_autofree char *money = tov_money_format (135000000);
  g_autofree char *date = tov_date_format ("2015-10-08");

  g_assert_cmpstr (money, ==, "1.350.000 kr.");
  g_assert_cmpstr (date, ==, "8. oktober 2015");
}

static void
test_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tovholder-da-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "noter.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TovStore) store = NULL;
  gint64 ore;

  g_assert_true (g_file_set_contents (path, "Noter fra borgermødet", -1, NULL));
  store = tov_store_open (path, &error);
  g_assert_null (store);
  g_assert_cmpstr (error->message, ==, "“noter.txt” er ikke en Tovholder-portefølje.");
  g_clear_error (&error);

  g_assert_false (tov_money_parse ("-5", TOV_MONEY_NONE, &ore, &error));
  g_assert_nonnull (strstr (error->message, "negativ"));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (setlocale (LC_ALL, "da_DK.UTF-8") == NULL)
    {
      /* `make test` generates the locale; without it there is nothing to test. */
      g_test_skip ("the da_DK.UTF-8 locale is not generated: run `make test`");
      return g_test_run ();
    }
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TOV_TEST_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/danish/words", test_words);
  g_test_add_func ("/danish/money-and-dates", test_money_and_dates);
  g_test_add_func ("/danish/errors", test_errors);

  return g_test_run ();
}
