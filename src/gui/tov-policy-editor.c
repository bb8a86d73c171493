/* tov-policy-editor.c: the form of a policy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-policy-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "tov-editor-dialog.h"
#include "tov-form.h"
#include "tov-policy-editor.h"
#include "tov-records.h"

struct _TovPolicyEditor
{
  AdwPreferencesPage parent_instance;

  AdwEntryRow *title_row;
  GtkTextView *description_view;
};

G_DEFINE_FINAL_TYPE (TovPolicyEditor, tov_policy_editor, ADW_TYPE_PREFERENCES_PAGE)

static void
tov_policy_editor_class_init (TovPolicyEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/tovholder/Tovholder/ui/tov-policy-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TovPolicyEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, TovPolicyEditor, description_view);
}

static void
tov_policy_editor_init (TovPolicyEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * tov_policy_editor_new:
 * @policy: (nullable): the policy to edit, or %NULL for a new one
 *
 * Returns: (transfer none): a dialog that edits a copy of @policy and
 *   emits TovEditorDialog::saved when the store has it
 */
GtkWindow *
tov_policy_editor_new (GtkWindow *parent,
                       TovStore  *store,
                       TovRecord *policy)
{
  TovPolicyEditor *self;
  g_autoptr(TovRecord) record = NULL;
  g_autoptr(TovForm) form = NULL;
  GtkWindow *dialog;

  g_return_val_if_fail (TOV_IS_STORE (store), NULL);
  g_return_val_if_fail (policy == NULL || TOV_IS_POLICY (policy), NULL);

  self = g_object_new (TOV_TYPE_POLICY_EDITOR, NULL);
  if (policy != NULL)
    record = tov_record_copy (policy);
  else
    record = g_object_new (TOV_TYPE_POLICY, NULL);

  form = tov_form_new (store, record);
  tov_form_add_text (form, self->title_row, "title");
  tov_form_add_text_view (form, self->description_view, "description");

  dialog = GTK_WINDOW (tov_editor_dialog_new (parent, policy ? _("Edit Policy") : _("New Policy"),
                                              form, GTK_WIDGET (self)));
  /* A title and a description need less room than the dialog makes for a long form. */
  gtk_window_set_default_size (dialog, 480, 480);

  return dialog;
}
