/* tov-theme.c: a numbered theme that groups projects (Tema 1 … Tema 6).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tov-theme.h"

struct _TovTheme
{
  TovRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TovTheme, tov_theme, TOV_TYPE_RECORD)

static void
tov_theme_class_init (TovThemeClass *klass)
{
  TovRecordClass *record_class = TOV_RECORD_CLASS (klass);
  GParamSpec *fields[] = {
    tov_param_spec_int ("number", 0, 9999),
    tov_param_spec_text ("title", TRUE),
    tov_param_spec_text ("description", FALSE),
  };

  record_class->table = "theme";
  record_class->collection = "themes";
  record_class->natural_order = "number";
  record_class->label = "title";
  tov_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
tov_theme_init (TovTheme *self)
{
}
