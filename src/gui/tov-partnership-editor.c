/* tov-partnership-editor.c: the form of a collaboration agreement.
 *
 * A partnership cannot be saved without its organisation, so the form
 * can make a new organisation on the spot and select it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-partnership-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "tov-editor-dialog.h"
#include "tov-form.h"
#include "tov-organisation-editor.h"
#include "tov-partnership-editor.h"
#include "tov-records.h"

struct _TovPartnershipEditor
{
  AdwPreferencesPage parent_instance;

  TovStore *store;
  TovForm *form;

  AdwEntryRow *title_row;
  AdwComboRow *state_row;
  AdwComboRow *project_row;
  AdwComboRow *organisation_row;
  AdwEntryRow *unit_row;
  AdwEntryRow *signed_row;
  AdwEntryRow *term_row;
  AdwEntryRow *renewal_row;
  GtkTextView *purpose_view;
  GtkTextView *notes_view;
};

G_DEFINE_FINAL_TYPE (TovPartnershipEditor, tov_partnership_editor, ADW_TYPE_PREFERENCES_PAGE)

static void
on_organisation_saved (TovPartnershipEditor *self,
                       TovRecord            *organisation)
{
  g_object_set (tov_form_get_record (self->form), "organisation-id", tov_record_get_id (organisation), NULL);
  tov_form_refresh_reference (self->form, "organisation-id");
}

static void
on_new_organisation (TovPartnershipEditor *self)
{
  GtkWindow *editor = tov_organisation_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                   self->store, NULL);

  g_signal_connect_object (editor, "saved", G_CALLBACK (on_organisation_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (editor);
}

static void
tov_partnership_editor_dispose (GObject *object)
{
  TovPartnershipEditor *self = TOV_PARTNERSHIP_EDITOR (object);

  g_clear_object (&self->form);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tov_partnership_editor_parent_class)->dispose (object);
}

static void
tov_partnership_editor_class_init (TovPartnershipEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tov_partnership_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/tovholder/Tovholder/ui/tov-partnership-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipEditor, state_row);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipEditor, project_row);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipEditor, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipEditor, unit_row);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipEditor, signed_row);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipEditor, term_row);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipEditor, renewal_row);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipEditor, purpose_view);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipEditor, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, on_new_organisation);
}

static void
tov_partnership_editor_init (TovPartnershipEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * tov_partnership_editor_new:
 * @partnership: (nullable): the partnership to edit, or %NULL for a new one
 *
 * Returns: (transfer none): a dialog that edits a copy of @partnership and
 *   emits TovEditorDialog::saved when the store has it
 */
GtkWindow *
tov_partnership_editor_new (GtkWindow *parent,
                            TovStore  *store,
                            TovRecord *partnership)
{
  TovPartnershipEditor *self;
  g_autoptr(TovRecord) record = NULL;

  g_return_val_if_fail (TOV_IS_STORE (store), NULL);
  g_return_val_if_fail (partnership == NULL || TOV_IS_PARTNERSHIP (partnership), NULL);

  self = g_object_new (TOV_TYPE_PARTNERSHIP_EDITOR, NULL);
  if (partnership != NULL)
    record = tov_record_copy (partnership);
  else
    record = g_object_new (TOV_TYPE_PARTNERSHIP, NULL);

  self->store = g_object_ref (store);
  self->form = tov_form_new (store, record);
  tov_form_add_text (self->form, self->title_row, "title");
  tov_form_add_choice (self->form, self->state_row, "state");
  tov_form_add_reference (self->form, self->project_row, "project-id");
  tov_form_add_reference (self->form, self->organisation_row, "organisation-id");
  tov_form_add_text (self->form, self->unit_row, "unit");
  tov_form_add_date (self->form, self->signed_row, "signed-on");
  tov_form_add_int (self->form, self->term_row, "term-months");
  tov_form_add_date (self->form, self->renewal_row, "renewal-due");
  tov_form_add_period (self->form, "signed-on", "renewal-due");
  tov_form_add_text_view (self->form, self->purpose_view, "purpose");
  tov_form_add_text_view (self->form, self->notes_view, "notes");

  return GTK_WINDOW (tov_editor_dialog_new (parent, partnership ? _("Edit Partnership") : _("New Partnership"),
                                            self->form, GTK_WIDGET (self)));
}
