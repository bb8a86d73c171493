/* tov-portfolio-editor.c: the form of the portfolio itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-portfolio-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "tov-editor-dialog.h"
#include "tov-form.h"
#include "tov-portfolio-editor.h"

struct _TovPortfolioEditor
{
  AdwPreferencesPage parent_instance;

  AdwEntryRow *name_row;
  AdwEntryRow *municipality_row;
  GtkTextView *description_view;
};

G_DEFINE_FINAL_TYPE (TovPortfolioEditor, tov_portfolio_editor, ADW_TYPE_PREFERENCES_PAGE)

static void
tov_portfolio_editor_class_init (TovPortfolioEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/tovholder/Tovholder/ui/tov-portfolio-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TovPortfolioEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, TovPortfolioEditor, municipality_row);
  gtk_widget_class_bind_template_child (widget_class, TovPortfolioEditor, description_view);
}

static void
tov_portfolio_editor_init (TovPortfolioEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * tov_portfolio_editor_new:
 *
 * Returns: (transfer none): a dialog that edits the portfolio's name,
 *   municipality and vision
 */
GtkWindow *
tov_portfolio_editor_new (GtkWindow *parent,
                          TovStore  *store)
{
  TovPortfolioEditor *self = g_object_new (TOV_TYPE_PORTFOLIO_EDITOR, NULL);
  g_autoptr(TovRecord) record = tov_record_copy (TOV_RECORD (tov_store_get_portfolio (store)));
  g_autoptr(TovForm) form = tov_form_new (store, record);

  tov_form_add_text (form, self->name_row, "name");
  tov_form_add_text (form, self->municipality_row, "municipality");
  tov_form_add_text_view (form, self->description_view, "description");

  return GTK_WINDOW (tov_editor_dialog_new (parent, _("Portfolio Properties"), form, GTK_WIDGET (self)));
}
