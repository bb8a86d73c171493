/* tov-budget-line-editor.c: the form of a budget line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-budget-line-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "tov-budget-line-editor.h"
#include "tov-editor-dialog.h"
#include "tov-form.h"
#include "tov-records.h"

struct _TovBudgetLineEditor
{
  AdwPreferencesPage parent_instance;

  AdwComboRow *project_row;
  AdwComboRow *decision_row;
  AdwComboRow *funding_source_row;
  AdwComboRow *kind_row;
  AdwEntryRow *amount_row;
  AdwEntryRow *year_row;
  GtkSwitch *annual_switch;
  GtkTextView *note_view;
};

G_DEFINE_FINAL_TYPE (TovBudgetLineEditor, tov_budget_line_editor, ADW_TYPE_PREFERENCES_PAGE)

static void
tov_budget_line_editor_class_init (TovBudgetLineEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/tovholder/Tovholder/ui/tov-budget-line-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TovBudgetLineEditor, project_row);
  gtk_widget_class_bind_template_child (widget_class, TovBudgetLineEditor, decision_row);
  gtk_widget_class_bind_template_child (widget_class, TovBudgetLineEditor, funding_source_row);
  gtk_widget_class_bind_template_child (widget_class, TovBudgetLineEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TovBudgetLineEditor, amount_row);
  gtk_widget_class_bind_template_child (widget_class, TovBudgetLineEditor, year_row);
  gtk_widget_class_bind_template_child (widget_class, TovBudgetLineEditor, annual_switch);
  gtk_widget_class_bind_template_child (widget_class, TovBudgetLineEditor, note_view);
}

static void
tov_budget_line_editor_init (TovBudgetLineEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * tov_budget_line_editor_new:
 * @line: (nullable): the budget line to edit, or %NULL for a new one
 *
 * Returns: (transfer none): a dialog that edits a copy of @line and
 *   emits TovEditorDialog::saved when the store has it
 */
GtkWindow *
tov_budget_line_editor_new (GtkWindow *parent,
                            TovStore  *store,
                            TovRecord *line)
{
  TovBudgetLineEditor *self = g_object_new (TOV_TYPE_BUDGET_LINE_EDITOR, NULL);
  g_autoptr(TovRecord) record = NULL;
  g_autoptr(TovForm) form = NULL;

  g_return_val_if_fail (TOV_IS_STORE (store), NULL);
  g_return_val_if_fail (line == NULL || TOV_IS_BUDGET_LINE (line), NULL);

  if (line != NULL)
    record = tov_record_copy (line);
  else
    record = g_object_new (TOV_TYPE_BUDGET_LINE, NULL);

  form = tov_form_new (store, record);
  tov_form_add_reference (form, self->project_row, "project-id");
  tov_form_add_reference (form, self->decision_row, "decision-id");
  tov_form_add_reference (form, self->funding_source_row, "funding-source-id");
  tov_form_add_choice (form, self->kind_row, "kind");
  tov_form_add_money (form, self->amount_row, "amount-ore");
  tov_form_add_int (form, self->year_row, "year");
  tov_form_add_switch (form, self->annual_switch, "annual");
  tov_form_add_text_view (form, self->note_view, "note");

  return GTK_WINDOW (tov_editor_dialog_new (parent, line ? _("Edit Budget Line") : _("New Budget Line"),
                                            form, GTK_WIDGET (self)));
}
