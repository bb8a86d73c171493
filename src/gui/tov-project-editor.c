/* tov-project-editor.c: the form of a project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-project-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "tov-editor-dialog.h"
#include "tov-form.h"
#include "tov-project-editor.h"
#include "tov-records.h"

struct _TovProjectEditor
{
  AdwPreferencesPage parent_instance;

  AdwEntryRow *title_row;
  AdwEntryRow *number_row;
  AdwComboRow *theme_row;
  AdwComboRow *state_row;
  AdwEntryRow *coordinator_row;
  AdwEntryRow *anchoring_row;
  AdwEntryRow *case_number_row;
  AdwEntryRow *start_row;
  AdwEntryRow *end_row;
  GtkTextView *purpose_view;
};

G_DEFINE_FINAL_TYPE (TovProjectEditor, tov_project_editor, ADW_TYPE_PREFERENCES_PAGE)

static void
tov_project_editor_class_init (TovProjectEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/tovholder/Tovholder/ui/tov-project-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TovProjectEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, TovProjectEditor, number_row);
  gtk_widget_class_bind_template_child (widget_class, TovProjectEditor, theme_row);
  gtk_widget_class_bind_template_child (widget_class, TovProjectEditor, state_row);
  gtk_widget_class_bind_template_child (widget_class, TovProjectEditor, coordinator_row);
  gtk_widget_class_bind_template_child (widget_class, TovProjectEditor, anchoring_row);
  gtk_widget_class_bind_template_child (widget_class, TovProjectEditor, case_number_row);
  gtk_widget_class_bind_template_child (widget_class, TovProjectEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, TovProjectEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, TovProjectEditor, purpose_view);
}

static void
tov_project_editor_init (TovProjectEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * tov_project_editor_new:
 * @project: (nullable): the project to edit, or %NULL for a new one
 *
 * Returns: (transfer none): a dialog that edits a copy of @project and
 *   emits TovEditorDialog::saved when the store has it
 */
GtkWindow *
tov_project_editor_new (GtkWindow *parent,
                        TovStore  *store,
                        TovRecord *project)
{
  TovProjectEditor *self = g_object_new (TOV_TYPE_PROJECT_EDITOR, NULL);
  g_autoptr(TovRecord) record = NULL;
  g_autoptr(TovForm) form = NULL;

  if (project != NULL)
    record = tov_record_copy (project);
  else
    record = g_object_new (TOV_TYPE_PROJECT, NULL);

  form = tov_form_new (store, record);
  tov_form_add_text (form, self->title_row, "title");
  tov_form_add_int (form, self->number_row, "number");
  tov_form_add_reference (form, self->theme_row, "theme-id");
  tov_form_add_choice (form, self->state_row, "state");
  tov_form_add_text (form, self->coordinator_row, "coordinator");
  tov_form_add_text (form, self->anchoring_row, "anchoring");
  tov_form_add_text (form, self->case_number_row, "case-number");
  tov_form_add_date (form, self->start_row, "start-date");
  tov_form_add_date (form, self->end_row, "end-date");
  tov_form_add_period (form, "start-date", "end-date");
  tov_form_add_text_view (form, self->purpose_view, "purpose");

  return GTK_WINDOW (tov_editor_dialog_new (parent, project ? _("Edit Project") : _("New Project"),
                                            form, GTK_WIDGET (self)));
}
