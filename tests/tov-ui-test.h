/* tov-ui-test.h: what the widget tests share: a demo portfolio in a window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tov-editor-dialog.h"
#include "tov-store.h"
#include "tov-window.h"

G_BEGIN_DECLS

typedef struct
{
  char *dir;
  char *path;
  TovStore *store;
  TovWindow *window;
} TovUiDemo;

void             tov_ui_demo_open    (TovUiDemo  *demo,
                                      int         width,
                                      int         height);
void             tov_ui_demo_close   (TovUiDemo  *demo);

void             tov_ui_settle       (void);
GtkWidget       *tov_ui_find_widget  (GtkWidget  *root,
                                      GType       type,
                                      const char *title);
TovEditorDialog *tov_ui_find_editor  (void);
char            *tov_ui_query_text   (const char *path,
                                      const char *sql);

G_END_DECLS
