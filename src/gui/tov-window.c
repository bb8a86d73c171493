/* tov-window.c: the main window: a sidebar of sections, each a list and a page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tov-budget-view.h"
#include "tov-json.h"
#include "tov-partnerships-view.h"
#include "tov-print-operation.h"
#include "tov-plans-view.h"
#include "tov-portfolio-editor.h"
#include "tov-projects-view.h"
#include "tov-query-model.h"
#include "tov-records.h"
#include "tov-search.h"
#include "tov-search-view.h"
#include "tov-window.h"

struct _TovWindow
{
  AdwApplicationWindow parent_instance;

  TovStore *store;
  GSettings *settings;

  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  AdwWindowTitle *portfolio_title;
  GtkListBox *sections;
  GtkStack *stack;
  GtkMenuButton *menu_button;
  GMenuModel *primary_menu;
  GMenu *recent_menu;

  /* The search across the portfolio, and the section it was started from. */
  GtkSearchEntry *search_entry;
  char *section;
};

G_DEFINE_FINAL_TYPE (TovWindow, tov_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_actions (TovWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->store != NULL && tov_store_can_undo (self->store));
}

static void
update_title (TovWindow *self)
{
  TovPortfolio *portfolio = tov_store_get_portfolio (self->store);
  g_autofree char *file = g_filename_display_basename (tov_store_get_path (self->store));
  const char *name = tov_record_get_string (TOV_RECORD (portfolio), "name");

  adw_window_title_set_title (self->portfolio_title, name);
  adw_window_title_set_subtitle (self->portfolio_title,
                                 tov_record_get_string (TOV_RECORD (portfolio), "municipality"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->portfolio_title), file);
  gtk_window_set_title (GTK_WINDOW (self), name);
}

static void
on_store_changed (TovWindow *self)
{
  update_actions (self);
  update_title (self);
}

static void on_hit_activated (TovWindow    *self,
                              TovSearchHit *hit);
static void on_stop_search   (TovWindow    *self);

/* The stack's pages, made when first shown: a window opens with one
 * section built, however large the portfolio.
 */
static GtkWidget *
ensure_page (TovWindow  *self,
             const char *name)
{
  static const struct {
    const char *name;
    GType (*get_type) (void);
  } pages[] = {
    { "projects", tov_projects_view_get_type },
    { "budget", tov_budget_view_get_type },
    { "partnerships", tov_partnerships_view_get_type },
    { "plans", tov_plans_view_get_type },
    { "search", tov_search_view_get_type },
  };
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, name);

  if (page != NULL)
    return page;

  for (guint i = 0; page == NULL && i < G_N_ELEMENTS (pages); i++)
    if (g_str_equal (name, pages[i].name))
      page = g_object_new (pages[i].get_type (), NULL);
  g_return_val_if_fail (page != NULL, NULL);

  g_object_bind_property (self, "store", page, "store", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->leaflet, "folded", page, "folded", G_BINDING_SYNC_CREATE);
  if (TOV_IS_SEARCH_VIEW (page))
    {
      g_signal_connect_swapped (page, "hit-activated", G_CALLBACK (on_hit_activated), self);
      g_signal_connect_swapped (page, "stop-search", G_CALLBACK (on_stop_search), self);
    }
  gtk_stack_add_named (self->stack, page, name);
  return page;
}

static TovSearchView *
search_view (TovWindow *self)
{
  return TOV_SEARCH_VIEW (ensure_page (self, "search"));
}

/* Shows the stack page @name, with its row selected in the sidebar; the
 * search page has none.
 */
static void
show_page (TovWindow  *self,
           const char *name)
{
  if (g_strcmp0 (name, "search") == 0)
    gtk_list_box_unselect_all (self->sections);
  else if (name != self->section)
    {
      g_free (self->section);
      self->section = g_strdup (name);
    }

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sections));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      gtk_list_box_select_row (self->sections, GTK_LIST_BOX_ROW (row));

  gtk_stack_set_visible_child (self->stack, ensure_page (self, name));
}

/**
 * tov_window_show_section:
 * @name: "projects", "budget", "partnerships" or "plans"
 */
void
tov_window_show_section (TovWindow  *self,
                         const char *name)
{
  g_return_if_fail (TOV_IS_WINDOW (self));

  show_page (self, name);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_section_activated (TovWindow     *self,
                      GtkListBoxRow *row)
{
  /* Choosing a section ends a search. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  tov_window_show_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* Search ------------------------------------------------------------------ */

/* The section that shows @record, and the record it selects there: a
 * decision shows in its project, a status update in its subject, an
 * organisation in its first partnership.
 */
static const char *
find_place (TovWindow  *self,
            TovRecord  *record,
            TovRecord **target)
{
  const char *subject_id;

  *target = NULL;

  if (TOV_IS_DECISION (record))
    *target = tov_store_lookup (self->store, TOV_TYPE_PROJECT, tov_record_get_string (record, "project-id"));
  else if (TOV_IS_STATUS_UPDATE (record))
    {
      if ((subject_id = tov_record_get_string (record, "project-id")) != NULL)
        *target = tov_store_lookup (self->store, TOV_TYPE_PROJECT, subject_id);
      else if ((subject_id = tov_record_get_string (record, "initiative-id")) != NULL)
        *target = tov_store_lookup (self->store, TOV_TYPE_INITIATIVE, subject_id);
      else if ((subject_id = tov_record_get_string (record, "partnership-id")) != NULL)
        *target = tov_store_lookup (self->store, TOV_TYPE_PARTNERSHIP, subject_id);
    }
  else if (TOV_IS_ORGANISATION (record))
    {
      g_autoptr(TovQueryModel) partnerships = tov_query_model_new (self->store, TOV_TYPE_PARTNERSHIP);

      tov_query_model_set_text_condition (partnerships, "organisation_id", tov_record_get_id (record));
      *target = g_list_model_get_item (G_LIST_MODEL (partnerships), 0);
      return "partnerships";
    }
  else
    *target = g_object_ref (record);

  if (*target == NULL)
    return NULL;
  if (TOV_IS_PROJECT (*target))
    return "projects";
  if (TOV_IS_INITIATIVE (*target))
    return "plans";
  if (TOV_IS_PARTNERSHIP (*target))
    return "partnerships";

  g_clear_object (target);
  return NULL;
}

/**
 * tov_window_open_record:
 *
 * Shows @record where it lives, selected: a project, an initiative or a
 * partnership in its section, a decision in its project, a status update
 * in what it is the status of, an organisation in its first partnership.
 * A section selects the record through its "view.open-record" action,
 * which takes the record's id.
 */
void
tov_window_open_record (TovWindow *self,
                        TovRecord *record)
{
  g_autoptr(TovRecord) target = NULL;
  const char *section;

  g_return_if_fail (TOV_IS_WINDOW (self));
  g_return_if_fail (TOV_IS_RECORD (record));

  section = find_place (self, record, &target);
  if (section == NULL)
    return;

  tov_window_show_section (self, section);
  if (target != NULL &&
      !gtk_widget_activate_action (gtk_stack_get_child_by_name (self->stack, section),
                                   "view.open-record", "s", tov_record_get_id (target)))
    g_debug ("The %s section cannot select a record", section);
}

static void
leave_search (TovWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "search") == 0)
    show_page (self, self->section ? self->section : "projects");
}

static void
on_search_changed (TovWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (text[0] == '\0')
    {
      leave_search (self);
      return;
    }

  tov_search_view_set_text (search_view (self), text);
  show_page (self, "search");
}

static void
on_stop_search (TovWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  leave_search (self);
}

static void
on_search_activate (TovWindow *self)
{
  tov_search_view_activate_first (search_view (self));
}

/* Down goes from the entry to the first hit, over to it when folded. */
static gboolean
on_search_key_pressed (TovWindow       *self,
                       guint            keyval,
                       guint            keycode,
                       GdkModifierType  state)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "search") != 0)
    return FALSE;

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  return tov_search_view_focus_first (search_view (self));
}

static void
on_hit_activated (TovWindow    *self,
                  TovSearchHit *hit)
{
  g_autoptr(TovRecord) record = tov_store_lookup (self->store, tov_search_hit_get_kind (hit),
                                                  tov_search_hit_get_record_id (hit));

  if (record != NULL)
    tov_window_open_record (self, record);
}

/* Ctrl+F: the sidebar's search, with the last search ready to change. */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TovWindow *self = TOV_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    show_page (self, "search");
}

static GtkWidget *
visible_view (TovWindow *self)
{
  return gtk_stack_get_visible_child (self->stack);
}

/* Window shortcuts for what the visible section does: its own actions. */
static void
activate_in_view (TovWindow  *self,
                  const char *view_action)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_widget_activate_action (visible_view (self), view_action, NULL);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  activate_in_view (TOV_WINDOW (widget), "view.new");
}

static void
search_list_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  activate_in_view (TOV_WINDOW (widget), "view.search");
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TovWindow *self = TOV_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!tov_store_undo (self->store, &error))
    tov_window_toast_error (self, error);
}

static void
on_save_copy_response (GtkNativeDialog *dialog,
                       int              response,
                       TovWindow       *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = g_file_get_path (file);
      if (!tov_store_save_copy (self->store, path, &error))
        tov_window_toast_error (self, error);
      else
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Copy saved")));
    }
  g_object_unref (dialog);
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TovWindow *self = TOV_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  dialog = gtk_file_chooser_native_new (_("Save a Copy"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_strdup_printf ("%s.tovholder",
                          tov_record_get_string (TOV_RECORD (tov_store_get_portfolio (self->store)), "name"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_copy_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The status sheet for what the window shows: the selected project's, the
 * open action plan's, the agreements', or the portfolio overview.
 */
static TovReport *
current_report (TovWindow *self)
{
  GtkWidget *view = visible_view (self);
  const char *section = gtk_stack_get_visible_child_name (self->stack);
  g_autoptr(TovRecord) subject = NULL;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (view), "subject") != NULL)
    g_object_get (view, "subject", &subject, NULL);

  if (g_str_equal (section, "partnerships"))
    return tov_report_new (self->store, TOV_SHEET_PARTNERSHIPS, NULL);
  if (g_str_equal (section, "plans"))
    return subject ? tov_report_new (self->store, TOV_SHEET_ACTION_PLAN, subject) : NULL;
  if (g_str_equal (section, "projects") && subject != NULL)
    return tov_report_new (self->store, TOV_SHEET_PROJECT, subject);
  return tov_report_new (self->store, TOV_SHEET_PORTFOLIO, NULL);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TovWindow *self = TOV_WINDOW (widget);
  g_autoptr(TovReport) report = current_report (self);
  g_autoptr(TovPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (report == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Open an action plan to print its status")));
      return;
    }

  operation = tov_print_operation_new (report);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    tov_window_toast_error (self, error);
}

static void
on_export_pdf_response (GtkNativeDialog *dialog,
                        int              response,
                        TovWindow       *self)
{
  TovReport *report = g_object_get_data (G_OBJECT (dialog), "report");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (!tov_report_write_pdf (report, path, &error))
        tov_window_toast_error (self, error);
      else
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Status sheet saved as PDF")));
    }
  g_object_unref (dialog);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TovWindow *self = TOV_WINDOW (widget);
  TovReport *report = current_report (self);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (report == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Open an action plan to print its status")));
      return;
    }

  dialog = gtk_file_chooser_native_new (_("Export as PDF"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s.pdf", tov_report_get_title (report));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_set_data_full (G_OBJECT (dialog), "report", report, g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_pdf_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
properties_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TovWindow *self = TOV_WINDOW (widget);

  gtk_window_present (tov_portfolio_editor_new (GTK_WINDOW (self), self->store));
}

static GtkFileFilter *
json_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Tovholder JSON documents"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  return filter;
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    TovWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (!tov_json_export_to_file (self->store, path, &error))
        tov_window_toast_error (self, error);
      else
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Portfolio exported")));
    }
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TovWindow *self = TOV_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = json_filter ();
  g_autofree char *name = NULL;

  dialog = gtk_file_chooser_native_new (_("Export Portfolio"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s.json",
                          tov_record_get_string (TOV_RECORD (tov_store_get_portfolio (self->store)), "name"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* An import is all or nothing: a document with any error is refused
 * whole, and the dialog says where the error is.
 */
static void
import_file (TovWindow *self,
             GFile     *file)
{
  g_autofree char *data = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  TovImportCounts counts = { 0 };
  g_autofree char *message = NULL;
  gsize length;

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &error) ||
      !tov_json_import (self->store, data, length, &counts, &warnings, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("“%s” Was Not Imported"), name);
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  message = g_strdup_printf (_("Imported: %u added, %u updated"), counts.inserted, counts.updated);
  if (warnings != NULL && warnings->len > 0)
    {
      g_autofree char *with_warnings = g_strdup_printf (ngettext ("%s; %u unknown field skipped",
                                                                  "%s; %u unknown fields skipped",
                                                                  warnings->len),
                                                        message, warnings->len);

      g_free (message);
      message = g_steal_pointer (&with_warnings);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
on_import_response (GtkNativeDialog *dialog,
                    int              response,
                    TovWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      import_file (self, file);
    }
  g_object_unref (dialog);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TovWindow *self = TOV_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = json_filter ();

  dialog = gtk_file_chooser_native_new (_("Import Portfolio"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (on_import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The shortcuts window is made when it is first asked for, rather than
 * with the window, as GTK makes a window's help overlay. As the window's
 * help overlay, it shows the keys of the application's accelerators.
 */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *shortcuts = gtk_application_window_get_help_overlay (window);

  if (shortcuts == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/dk/tovholder/Tovholder/ui/tov-shortcuts-window.ui");

      shortcuts = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
      gtk_application_window_set_help_overlay (window, shortcuts);
    }
  gtk_window_present (GTK_WINDOW (shortcuts));
}

/* A menu button makes its menu's widgets as soon as it has a menu: the
 * main menu waits for its first opening instead, which is not before the
 * window's first frame.
 */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       data)
{
  TovWindow *self = data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
update_recent_menu (TovWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-files");

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *label = g_filename_display_basename (recent[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "app.open-file", "s", recent[i]);
      g_menu_append_item (self->recent_menu, item);
    }
}

void
tov_window_set_store (TovWindow *self,
                      TovStore  *store)
{
  g_return_if_fail (TOV_IS_WINDOW (self));
  g_return_if_fail (TOV_IS_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (!g_set_object (&self->store, store))
    return;

  g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed), self);
  update_title (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

TovStore *
tov_window_get_store (TovWindow *self)
{
  g_return_val_if_fail (TOV_IS_WINDOW (self), NULL);

  return self->store;
}

static void
on_undo_clicked (AdwToast  *toast,
                 TovWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.undo", NULL);
}

/**
 * tov_window_toast_deleted:
 * @what: the name of what was deleted, as the user knows it
 *
 * Says that something was deleted, with an Undo button: deleting asks
 * nothing, because it can be taken back.
 */
void
tov_window_toast_deleted (TovWindow  *self,
                          const char *what)
{
  g_autofree char *title = g_strdup_printf (_("“%s” deleted"), what);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
tov_window_toast_error (TovWindow    *self,
                        const GError *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
tov_window_dispose (GObject *object)
{
  TovWindow *self = TOV_WINDOW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->section, g_free);


  G_OBJECT_CLASS (tov_window_parent_class)->dispose (object);
}

static void
tov_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TovWindow *self = TOV_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tov_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  TovWindow *self = TOV_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tov_window_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tov_window_class_init (TovWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tov_window_dispose;
  object_class->get_property = tov_window_get_property;
  object_class->set_property = tov_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TOV_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/tovholder/Tovholder/ui/tov-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TovWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TovWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TovWindow, portfolio_title);
  gtk_widget_class_bind_template_child (widget_class, TovWindow, sections);
  gtk_widget_class_bind_template_child (widget_class, TovWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TovWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, TovWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, TovWindow, recent_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_section_activated);
  gtk_widget_class_bind_template_child (widget_class, TovWindow, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_key_pressed);

  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.search-list", NULL, search_list_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.properties", NULL, properties_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL, show_shortcuts_action);
}

static void
tov_window_init (TovWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu, self, NULL);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::recent-files", G_CALLBACK (update_recent_menu),
                           self, G_CONNECT_SWAPPED);
  update_recent_menu (self);

  tov_window_show_section (self, "projects");
}

TovWindow *
tov_window_new (AdwApplication *application,
                TovStore       *store)
{
  return g_object_new (TOV_TYPE_WINDOW, "application", application, "store", store, NULL);
}
