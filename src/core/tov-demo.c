/* tov-demo.c: the demo portfolio, "Sammen om Rødovre".
 *
 * The demo is data/demo-portfolio.json, in the same format as any export,
 * compiled into the program so that the app and the CLI need no file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tov-demo.h"
#include "tov-json.h"

#define DEMO_RESOURCE "/dk/tovholder/Tovholder/demo-portfolio.json"

/**
 * tov_demo_load:
 *
 * Imports the demo portfolio into @store, in one transaction.
 */
gboolean
tov_demo_load (TovStore  *store,
               GError   **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (DEMO_RESOURCE, 0, error);
  TovImportCounts counts;
  gsize length;
  const char *data;

  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  return tov_json_import (store, data, length, &counts, NULL, error);
}

/**
 * tov_demo_create:
 * @directory: where the demo file lives
 *
 * Opens the demo portfolio file in @directory, loading the demo into it
 * the first time.
 *
 * Returns: (transfer full): the path of the demo file
 */
char *
tov_demo_create (const char  *directory,
                 GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(TovStore) store = NULL;
  gboolean existed;

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("“%s” cannot be created."), directory);
      return NULL;
    }

  /* Translators: the file name of the demo portfolio, without extension */
  path = g_strdup_printf ("%s/%s.tovholder", directory, _("Demo portfolio"));
  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  store = tov_store_open (path, error);
  if (store == NULL)
    return NULL;

  if (!existed && !tov_demo_load (store, error))
    {
      g_clear_object (&store);
      g_unlink (path);
      return NULL;
    }

  return g_steal_pointer (&path);
}
