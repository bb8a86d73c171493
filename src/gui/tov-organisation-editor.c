/* tov-organisation-editor.c: the form of an organisation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-organisation-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "tov-editor-dialog.h"
#include "tov-form.h"
#include "tov-organisation-editor.h"
#include "tov-records.h"

struct _TovOrganisationEditor
{
  AdwPreferencesPage parent_instance;

  AdwEntryRow *name_row;
  AdwComboRow *kind_row;
  AdwEntryRow *contact_person_row;
  AdwEntryRow *email_row;
  AdwEntryRow *phone_row;
};

G_DEFINE_FINAL_TYPE (TovOrganisationEditor, tov_organisation_editor, ADW_TYPE_PREFERENCES_PAGE)

static void
tov_organisation_editor_class_init (TovOrganisationEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/tovholder/Tovholder/ui/tov-organisation-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TovOrganisationEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, TovOrganisationEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TovOrganisationEditor, contact_person_row);
  gtk_widget_class_bind_template_child (widget_class, TovOrganisationEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, TovOrganisationEditor, phone_row);
}

static void
tov_organisation_editor_init (TovOrganisationEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * tov_organisation_editor_new:
 * @organisation: (nullable): the organisation to edit, or %NULL for a new one
 *
 * Returns: (transfer none): a dialog that edits a copy of @organisation and
 *   emits TovEditorDialog::saved when the store has it
 */
GtkWindow *
tov_organisation_editor_new (GtkWindow *parent,
                             TovStore  *store,
                             TovRecord *organisation)
{
  TovOrganisationEditor *self;
  g_autoptr(TovRecord) record = NULL;
  g_autoptr(TovForm) form = NULL;
  GtkWindow *dialog;

  g_return_val_if_fail (TOV_IS_STORE (store), NULL);
  g_return_val_if_fail (organisation == NULL || TOV_IS_ORGANISATION (organisation), NULL);

  self = g_object_new (TOV_TYPE_ORGANISATION_EDITOR, NULL);
  if (organisation != NULL)
    record = tov_record_copy (organisation);
  else
    record = g_object_new (TOV_TYPE_ORGANISATION, NULL);

  form = tov_form_new (store, record);
  tov_form_add_text (form, self->name_row, "name");
  tov_form_add_choice (form, self->kind_row, "kind");
  tov_form_add_text (form, self->contact_person_row, "contact-person");
  tov_form_add_text (form, self->email_row, "email");
  tov_form_add_text (form, self->phone_row, "phone");

  dialog = GTK_WINDOW (tov_editor_dialog_new (parent, organisation ? _("Edit Organisation") : _("New Organisation"),
                                              form, GTK_WIDGET (self)));
  /* Five rows need less room than the dialog makes for a long form. */
  gtk_window_set_default_size (dialog, 480, 480);

  return dialog;
}
