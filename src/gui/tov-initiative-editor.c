/* tov-initiative-editor.c: the form of an initiative of an action plan.
 *
 * The fields come in the order of a status sheet: the initiative and its
 * target group, its purpose, goals and success criteria, the coordinator,
 * the period, the partners and stakeholders, and the activities.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-initiative-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "tov-editor-dialog.h"
#include "tov-form.h"
#include "tov-initiative-editor.h"
#include "tov-query-model.h"
#include "tov-records.h"

struct _TovInitiativeEditor
{
  AdwPreferencesPage parent_instance;

  AdwEntryRow *title_row;
  AdwEntryRow *number_row;
  AdwComboRow *plan_row;
  AdwComboRow *state_row;
  AdwEntryRow *coordinator_row;
  AdwEntryRow *strategy_goals_row;
  AdwEntryRow *period_text_row;
  AdwEntryRow *start_row;
  AdwEntryRow *end_row;
  GtkTextView *target_group_view;
  GtkTextView *purpose_view;
  GtkTextView *partners_view;
  GtkTextView *activities_view;
};

G_DEFINE_FINAL_TYPE (TovInitiativeEditor, tov_initiative_editor, ADW_TYPE_PREFERENCES_PAGE)

static void
tov_initiative_editor_class_init (TovInitiativeEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/tovholder/Tovholder/ui/tov-initiative-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TovInitiativeEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, TovInitiativeEditor, number_row);
  gtk_widget_class_bind_template_child (widget_class, TovInitiativeEditor, plan_row);
  gtk_widget_class_bind_template_child (widget_class, TovInitiativeEditor, state_row);
  gtk_widget_class_bind_template_child (widget_class, TovInitiativeEditor, coordinator_row);
  gtk_widget_class_bind_template_child (widget_class, TovInitiativeEditor, strategy_goals_row);
  gtk_widget_class_bind_template_child (widget_class, TovInitiativeEditor, period_text_row);
  gtk_widget_class_bind_template_child (widget_class, TovInitiativeEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, TovInitiativeEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, TovInitiativeEditor, target_group_view);
  gtk_widget_class_bind_template_child (widget_class, TovInitiativeEditor, purpose_view);
  gtk_widget_class_bind_template_child (widget_class, TovInitiativeEditor, partners_view);
  gtk_widget_class_bind_template_child (widget_class, TovInitiativeEditor, activities_view);
}

static void
tov_initiative_editor_init (TovInitiativeEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The number after the highest one in @plan, so that a new line of a plan
 * comes last, as it would in the document.
 */
static gint64
next_number (TovStore  *store,
             TovRecord *plan)
{
  g_autoptr(TovQueryModel) initiatives = tov_query_model_new (store, TOV_TYPE_INITIATIVE);
  gint64 highest = 0;
  guint n;

  tov_query_model_set_text_condition (initiatives, "plan_id", tov_record_get_id (plan));
  n = g_list_model_get_n_items (G_LIST_MODEL (initiatives));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TovRecord) initiative = g_list_model_get_item (G_LIST_MODEL (initiatives), i);

      highest = MAX (highest, tov_record_get_int (initiative, "number"));
    }
  return highest + 1;
}

/**
 * tov_initiative_editor_new:
 * @initiative: (nullable): the initiative to edit, or %NULL for a new one
 * @plan: (nullable): the action plan a new initiative belongs to; it gets
 *   the plan's next free number
 *
 * Returns: (transfer none): a dialog that edits a copy of @initiative and
 *   emits TovEditorDialog::saved when the store has it
 */
GtkWindow *
tov_initiative_editor_new (GtkWindow *parent,
                           TovStore  *store,
                           TovRecord *initiative,
                           TovRecord *plan)
{
  TovInitiativeEditor *self;
  g_autoptr(TovRecord) record = NULL;
  g_autoptr(TovForm) form = NULL;

  g_return_val_if_fail (TOV_IS_STORE (store), NULL);
  g_return_val_if_fail (initiative == NULL || TOV_IS_INITIATIVE (initiative), NULL);
  g_return_val_if_fail (plan == NULL || TOV_IS_ACTION_PLAN (plan), NULL);

  self = g_object_new (TOV_TYPE_INITIATIVE_EDITOR, NULL);
  if (initiative != NULL)
    record = tov_record_copy (initiative);
  else
    {
      record = g_object_new (TOV_TYPE_INITIATIVE, NULL);
      if (plan != NULL)
        g_object_set (record,
                      "plan-id", tov_record_get_id (plan),
                      "number", next_number (store, plan),
                      NULL);
    }

  form = tov_form_new (store, record);
  tov_form_add_text (form, self->title_row, "title");
  tov_form_add_int (form, self->number_row, "number");
  tov_form_add_reference (form, self->plan_row, "plan-id");
  tov_form_add_choice (form, self->state_row, "state");
  tov_form_add_text_view (form, self->target_group_view, "target-group");
  tov_form_add_text_view (form, self->purpose_view, "purpose");
  tov_form_add_text (form, self->strategy_goals_row, "strategy-goals");
  tov_form_add_text (form, self->coordinator_row, "coordinator");
  tov_form_add_text (form, self->period_text_row, "period-text");
  tov_form_add_date (form, self->start_row, "start-date");
  tov_form_add_date (form, self->end_row, "end-date");
  tov_form_add_period (form, "start-date", "end-date");
  tov_form_add_text_view (form, self->partners_view, "partners");
  tov_form_add_text_view (form, self->activities_view, "activities");

  return GTK_WINDOW (tov_editor_dialog_new (parent, initiative ? _("Edit Initiative") : _("New Initiative"),
                                            form, GTK_WIDGET (self)));
}
