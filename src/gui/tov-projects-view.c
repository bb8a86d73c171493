/* tov-projects-view.c: the Projects section: a sortable list and a project's page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-projects-view"

#include "config.h"

#include <glib/gi18n.h>

#include "tov-closures.h"
#include "tov-project-editor.h"
#include "tov-project-page.h"
#include "tov-projects-view.h"
#include "tov-query-model.h"
#include "tov-records.h"
#include "tov-sql-sorter.h"
#include "tov-window.h"

struct _TovProjectsView
{
  AdwBin parent_instance;

  TovStore *store;
  TovQueryModel *projects;
  gboolean folded;

  AdwLeaflet *leaflet;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkStack *list_stack;
  GtkColumnView *column_view;
  GtkSingleSelection *selection;
  GtkWidget *detail;
  AdwWindowTitle *detail_title;
  GtkStack *detail_stack;
};

G_DEFINE_FINAL_TYPE (TovProjectsView, tov_projects_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static TovRecord *
selected_project (TovProjectsView *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (TovProjectsView *self)
{
  gboolean selected = selected_project (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.delete", selected);
}

static void
update_detail_title (TovProjectsView *self)
{
  TovRecord *project = selected_project (self);
  g_autofree char *title = NULL;

  if (project != NULL)
    title = g_strdup_printf (_("Project %" G_GINT64_FORMAT), tov_record_get_int (project, "number"));
  adw_window_title_set_title (self->detail_title, title ? title : "");
  gtk_stack_set_visible_child_name (self->detail_stack, project ? "project" : "none");
}

static void
on_selection_changed (TovProjectsView *self)
{
  update_detail_title (self);
  update_actions (self);
}

static void
on_row_activated (TovProjectsView *self,
                  guint            position)
{
  adw_leaflet_set_visible_child (self->leaflet, self->detail);
}

static void
on_back_to_list (TovProjectsView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_back_to_sections (TovProjectsView *self)
{
  GtkWidget *leaflet = gtk_widget_get_ancestor (gtk_widget_get_parent (GTK_WIDGET (self)), ADW_TYPE_LEAFLET);

  if (leaflet != NULL)
    adw_leaflet_navigate (ADW_LEAFLET (leaflet), ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_search_changed (TovProjectsView *self)
{
  tov_query_model_set_search (self->projects, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_stop_search (TovProjectsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_n_items (TovProjectsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->projects));

  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
}

static void
on_sorter_changed (GtkSorter       *sorter,
                   GtkSorterChange  change,
                   TovProjectsView *self)
{
  const char *key = NULL;
  gboolean descending = FALSE;

  tov_sql_sorter_get_primary (sorter, &key, &descending);
  tov_query_model_set_sort (self->projects, key, descending);
}

static void
set_store (TovProjectsView *self,
           TovStore        *store)
{
  if (!g_set_object (&self->store, store))
    return;

  g_clear_object (&self->projects);
  if (store != NULL)
    {
      self->projects = tov_query_model_new (store, TOV_TYPE_PROJECT);
      g_signal_connect_object (self->projects, "notify::n-items", G_CALLBACK (on_n_items), self, G_CONNECT_SWAPPED);
    }
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->projects));
  if (self->projects != NULL)
    on_n_items (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* Selects @project in the list, and shows its page. */
static void
select_project (TovProjectsView *self,
                TovRecord       *project)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->projects));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TovRecord) item = g_list_model_get_item (G_LIST_MODEL (self->projects), i);

      if (g_strcmp0 (tov_record_get_id (item), tov_record_get_id (project)) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          adw_leaflet_set_visible_child (self->leaflet, self->detail);
          return;
        }
    }
}

static void
on_project_saved (TovProjectsView *self,
                  TovRecord       *project)
{
  select_project (self, project);
}

static void
open_editor (TovProjectsView *self,
             TovRecord       *project)
{
  GtkWindow *editor = tov_project_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              self->store, project);

  g_signal_connect_object (editor, "saved", G_CALLBACK (on_project_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (editor);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (TOV_PROJECTS_VIEW (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TovProjectsView *self = TOV_PROJECTS_VIEW (widget);

  open_editor (self, selected_project (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TovProjectsView *self = TOV_PROJECTS_VIEW (widget);
  TovWindow *window = TOV_WINDOW (gtk_widget_get_root (widget));
  g_autoptr(TovRecord) project = g_object_ref (selected_project (self));
  g_autoptr(GError) error = NULL;

  if (!tov_store_delete (self->store, project, &error))
    tov_window_toast_error (window, error);
  else
    tov_window_toast_deleted (window, tov_record_get_string (project, "title"));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TovProjectsView *self = TOV_PROJECTS_VIEW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
tov_projects_view_dispose (GObject *object)
{
  TovProjectsView *self = TOV_PROJECTS_VIEW (object);

  g_clear_object (&self->projects);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tov_projects_view_parent_class)->dispose (object);
}

static void
tov_projects_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TovProjectsView *self = TOV_PROJECTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tov_projects_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TovProjectsView *self = TOV_PROJECTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;

    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tov_projects_view_class_init (TovProjectsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tov_projects_view_dispose;
  object_class->get_property = tov_projects_view_get_property;
  object_class->set_property = tov_projects_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TOV_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TOV_TYPE_PROJECT);
  g_type_ensure (TOV_TYPE_PROJECT_PAGE);
  g_type_ensure (TOV_TYPE_SQL_SORTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/tovholder/Tovholder/ui/tov-projects-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TovProjectsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TovProjectsView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, TovProjectsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TovProjectsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TovProjectsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, TovProjectsView, selection);
  gtk_widget_class_bind_template_child (widget_class, TovProjectsView, detail);
  gtk_widget_class_bind_template_child (widget_class, TovProjectsView, detail_title);
  gtk_widget_class_bind_template_child (widget_class, TovProjectsView, detail_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_to_list);
  gtk_widget_class_bind_template_callback (widget_class, on_back_to_sections);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, tov_project_state_label);

  gtk_widget_class_install_action (widget_class, "view.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "view.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "view.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "view.search", NULL, search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "view.delete", NULL);
}

static void
tov_projects_view_init (TovProjectsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->column_view));
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed), self, 0);
  update_actions (self);
}
