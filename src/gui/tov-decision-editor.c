/* tov-decision-editor.c: the form of a decision (indstilling).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-decision-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "tov-decision-editor.h"
#include "tov-editor-dialog.h"
#include "tov-form.h"
#include "tov-records.h"

struct _TovDecisionEditor
{
  AdwPreferencesPage parent_instance;

  AdwComboRow *project_row;
  AdwEntryRow *number_row;
  AdwComboRow *state_row;
  AdwEntryRow *decided_on_row;
  GtkTextView *text_view;
};

G_DEFINE_FINAL_TYPE (TovDecisionEditor, tov_decision_editor, ADW_TYPE_PREFERENCES_PAGE)

static void
tov_decision_editor_class_init (TovDecisionEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/tovholder/Tovholder/ui/tov-decision-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TovDecisionEditor, project_row);
  gtk_widget_class_bind_template_child (widget_class, TovDecisionEditor, number_row);
  gtk_widget_class_bind_template_child (widget_class, TovDecisionEditor, state_row);
  gtk_widget_class_bind_template_child (widget_class, TovDecisionEditor, decided_on_row);
  gtk_widget_class_bind_template_child (widget_class, TovDecisionEditor, text_view);
}

static void
tov_decision_editor_init (TovDecisionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * tov_decision_editor_new:
 * @decision: (nullable): the decision to edit, or %NULL for a new one
 * @project_id: (nullable): the project a new decision belongs to
 *
 * Returns: (transfer none): the editor dialog
 */
GtkWindow *
tov_decision_editor_new (GtkWindow  *parent,
                         TovStore   *store,
                         TovRecord  *decision,
                         const char *project_id)
{
  TovDecisionEditor *self = g_object_new (TOV_TYPE_DECISION_EDITOR, NULL);
  g_autoptr(TovRecord) record = NULL;
  g_autoptr(TovForm) form = NULL;

  if (decision != NULL)
    record = tov_record_copy (decision);
  else
    record = g_object_new (TOV_TYPE_DECISION, "project-id", project_id, NULL);

  form = tov_form_new (store, record);
  tov_form_add_reference (form, self->project_row, "project-id");
  tov_form_add_text (form, self->number_row, "number");
  tov_form_add_choice (form, self->state_row, "state");
  tov_form_add_date (form, self->decided_on_row, "decided-on");
  tov_form_add_text_view (form, self->text_view, "text");

  return GTK_WINDOW (tov_editor_dialog_new (parent, decision ? _("Edit Decision") : _("New Decision"),
                                            form, GTK_WIDGET (self)));
}
