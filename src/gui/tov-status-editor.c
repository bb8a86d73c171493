/* tov-status-editor.c: the form of a dated status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-status-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "tov-date.h"
#include "tov-editor-dialog.h"
#include "tov-form.h"
#include "tov-records.h"
#include "tov-status-editor.h"

struct _TovStatusEditor
{
  AdwPreferencesPage parent_instance;

  AdwEntryRow *date_row;
  AdwComboRow *state_row;
  GtkTextView *text_view;
};

G_DEFINE_FINAL_TYPE (TovStatusEditor, tov_status_editor, ADW_TYPE_PREFERENCES_PAGE)

static void
tov_status_editor_class_init (TovStatusEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/tovholder/Tovholder/ui/tov-status-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TovStatusEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, TovStatusEditor, state_row);
  gtk_widget_class_bind_template_child (widget_class, TovStatusEditor, text_view);
}

static void
tov_status_editor_init (TovStatusEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The field of a status that refers to @subject: "project-id" and so on. */
static const char *
subject_field (TovRecord *subject)
{
  if (TOV_IS_PROJECT (subject))
    return "project-id";
  if (TOV_IS_INITIATIVE (subject))
    return "initiative-id";
  if (TOV_IS_PARTNERSHIP (subject))
    return "partnership-id";
  g_return_val_if_reached (NULL);
}

/**
 * tov_status_editor_new:
 * @status: (nullable): the status to edit, or %NULL for a new one
 * @subject: (nullable): the project, initiative or partnership a new
 *   status is about
 *
 * A new status is dated today.
 *
 * Returns: (transfer none): the editor dialog
 */
GtkWindow *
tov_status_editor_new (GtkWindow *parent,
                       TovStore  *store,
                       TovRecord *status,
                       TovRecord *subject)
{
  TovStatusEditor *self = g_object_new (TOV_TYPE_STATUS_EDITOR, NULL);
  g_autoptr(TovRecord) record = NULL;
  g_autoptr(TovForm) form = NULL;

  if (status != NULL)
    record = tov_record_copy (status);
  else
    {
      g_autofree char *today = tov_date_today ();

      record = g_object_new (TOV_TYPE_STATUS_UPDATE,
                             "date", today,
                             subject_field (subject), tov_record_get_id (subject),
                             NULL);
    }

  form = tov_form_new (store, record);
  tov_form_add_date (form, self->date_row, "date");
  tov_form_add_choice (form, self->state_row, "state");
  tov_form_add_text_view (form, self->text_view, "text");

  return GTK_WINDOW (tov_editor_dialog_new (parent, status ? _("Edit Status") : _("New Status"),
                                            form, GTK_WIDGET (self)));
}
