/* main.c: the Tovholder application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tov-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TovApplication) application = NULL;

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = tov_application_new ();

  return g_application_run (G_APPLICATION (application), argc, argv);
}
