/* tov-plan-editor.c: the form of an action plan.
 *
 * A plan cannot be saved without its policy, so the form can make a new
 * policy on the spot and select it. A plan that ends before it starts is
 * refused at the "To year" row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-plan-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "tov-editor-dialog.h"
#include "tov-form.h"
#include "tov-plan-editor.h"
#include "tov-policy-editor.h"
#include "tov-records.h"

struct _TovPlanEditor
{
  AdwPreferencesPage parent_instance;

  TovStore *store;
  TovForm *form;

  AdwComboRow *policy_row;
  AdwEntryRow *title_row;
  AdwEntryRow *from_row;
  AdwEntryRow *to_row;
};

G_DEFINE_FINAL_TYPE (TovPlanEditor, tov_plan_editor, ADW_TYPE_PREFERENCES_PAGE)

/* Whether the row holds a year the form has read into the record. */
static void
on_policy_saved (TovPlanEditor *self,
                 TovRecord     *policy)
{
  g_object_set (tov_form_get_record (self->form), "policy-id", tov_record_get_id (policy), NULL);
  tov_form_refresh_reference (self->form, "policy-id");
}

static void
on_new_policy (TovPlanEditor *self)
{
  GtkWindow *editor = tov_policy_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                             self->store, NULL);

  g_signal_connect_object (editor, "saved", G_CALLBACK (on_policy_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (editor);
}

static void
tov_plan_editor_dispose (GObject *object)
{
  TovPlanEditor *self = TOV_PLAN_EDITOR (object);

  g_clear_object (&self->form);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tov_plan_editor_parent_class)->dispose (object);
}

static void
tov_plan_editor_class_init (TovPlanEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tov_plan_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/tovholder/Tovholder/ui/tov-plan-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TovPlanEditor, policy_row);
  gtk_widget_class_bind_template_child (widget_class, TovPlanEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, TovPlanEditor, from_row);
  gtk_widget_class_bind_template_child (widget_class, TovPlanEditor, to_row);
  gtk_widget_class_bind_template_callback (widget_class, on_new_policy);
}

static void
tov_plan_editor_init (TovPlanEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * tov_plan_editor_new:
 * @plan: (nullable): the action plan to edit, or %NULL for a new one
 *
 * Returns: (transfer none): a dialog that edits a copy of @plan and
 *   emits TovEditorDialog::saved when the store has it
 */
GtkWindow *
tov_plan_editor_new (GtkWindow *parent,
                     TovStore  *store,
                     TovRecord *plan)
{
  TovPlanEditor *self;
  g_autoptr(TovRecord) record = NULL;
  GtkWindow *dialog;

  g_return_val_if_fail (TOV_IS_STORE (store), NULL);
  g_return_val_if_fail (plan == NULL || TOV_IS_ACTION_PLAN (plan), NULL);

  self = g_object_new (TOV_TYPE_PLAN_EDITOR, NULL);
  if (plan != NULL)
    record = tov_record_copy (plan);
  else
    record = g_object_new (TOV_TYPE_ACTION_PLAN, NULL);

  self->store = g_object_ref (store);
  self->form = tov_form_new (store, record);
  tov_form_add_reference (self->form, self->policy_row, "policy-id");
  tov_form_add_text (self->form, self->title_row, "title");
  tov_form_add_int (self->form, self->from_row, "period-from");
  tov_form_add_int (self->form, self->to_row, "period-to");
  tov_form_add_period (self->form, "period-from", "period-to");

  dialog = GTK_WINDOW (tov_editor_dialog_new (parent, plan ? _("Edit Action Plan") : _("New Action Plan"),
                                              self->form, GTK_WIDGET (self)));
  gtk_window_set_default_size (dialog, 520, 520);

  return dialog;
}
