/* test-templates.c: every .ui template builds, with libadwaita and our types.
 *
 * gtk4-builder-tool validate cannot know libadwaita's types nor ours, so
 * each template is checked the way the program uses it: by making an
 * instance of its class. A builder error is a critical, and criticals are
 * fatal in the tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <gmodule.h>

static void
test_template (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("<template class=\"([A-Za-z]+)\"", 0, 0, NULL);
  g_autofree char *class_name = NULL;
  GType type;
  GObject *instance;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_regex_match (regex, contents, 0, &match));
  class_name = g_match_info_fetch (match, 1);

  /* The app calls each type's get_type through the types that use it; here by name. */
  type = g_type_from_name (class_name);
  if (type == 0)
    {
      g_autofree char *symbol = NULL;
      GType (*get_type) (void) = NULL;
      GModule *self = g_module_open (NULL, 0);
      GString *name = g_string_new (NULL);

      for (const char *p = class_name; *p; p++)
        {
          if (g_ascii_isupper (*p) && p != class_name)
            g_string_append_c (name, '_');
          g_string_append_c (name, g_ascii_tolower (*p));
        }
      g_string_append (name, "_get_type");
      symbol = g_string_free (name, FALSE);
      g_assert_true (g_module_symbol (self, symbol, (gpointer *) &get_type));
      g_module_close (self);
      type = get_type ();
    }

  instance = g_object_new (type, NULL);
  if (GTK_IS_WINDOW (instance))
    gtk_window_destroy (GTK_WINDOW (instance));
  else
    g_object_unref (g_object_ref_sink (instance));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *base = g_path_get_basename (argv[i]);
      g_autofree char *test_path = g_strconcat ("/templates/", base, NULL);

      g_test_add_data_func (test_path, argv[i], test_template);
    }

  return g_test_run ();
}
