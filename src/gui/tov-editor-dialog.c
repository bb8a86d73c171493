/* tov-editor-dialog.c: the window around a form, with Cancel and Save.
 *
 * Save is enabled only while the form is valid. A record the store
 * refuses keeps the dialog open with the reason, so nothing typed is lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-editor-dialog"

#include "config.h"

#include "tov-editor-dialog.h"

struct _TovEditorDialog
{
  AdwWindow parent_instance;

  TovForm *form;

  AdwToastOverlay *toast_overlay;
  GtkBox *box;
  AdwWindowTitle *window_title;
};

G_DEFINE_FINAL_TYPE (TovEditorDialog, tov_editor_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_save (TovEditorDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", tov_form_get_valid (self->form));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TovEditorDialog *self = TOV_EDITOR_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!tov_form_save (self->form, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, tov_form_get_record (self->form));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
tov_editor_dialog_dispose (GObject *object)
{
  TovEditorDialog *self = TOV_EDITOR_DIALOG (object);

  g_clear_object (&self->form);

  G_OBJECT_CLASS (tov_editor_dialog_parent_class)->dispose (object);
}

static void
tov_editor_dialog_class_init (TovEditorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tov_editor_dialog_dispose;

  /**
   * TovEditorDialog::saved:
   * @record: the record as it was saved
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/tovholder/Tovholder/ui/tov-editor-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TovEditorDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TovEditorDialog, box);
  gtk_widget_class_bind_template_child (widget_class, TovEditorDialog, window_title);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
tov_editor_dialog_init (TovEditorDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * tov_editor_dialog_new:
 * @page: the form's rows, bound to @form
 */
TovEditorDialog *
tov_editor_dialog_new (GtkWindow  *parent,
                       const char *title,
                       TovForm    *form,
                       GtkWidget  *page)
{
  TovEditorDialog *self = g_object_new (TOV_TYPE_EDITOR_DIALOG, "transient-for", parent, NULL);

  self->form = g_object_ref (form);
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (self->box, page);
  g_signal_connect_object (form, "notify::valid", G_CALLBACK (update_save), self, G_CONNECT_SWAPPED);
  update_save (self);

  return self;
}

TovForm *
tov_editor_dialog_get_form (TovEditorDialog *self)
{
  g_return_val_if_fail (TOV_IS_EDITOR_DIALOG (self), NULL);

  return self->form;
}
