/* tov-projects-view.c: the Projects section: a sortable list and a project's page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-projects-view"

#include "config.h"

#include <glib/gi18n.h>

#include "tov-cell-label.h"
#include "tov-closures.h"
#include "tov-list-pane.h"
#include "tov-project-editor.h"
#include "tov-project-page.h"
#include "tov-projects-view.h"
#include "tov-query-model.h"
#include "tov-records.h"

struct _TovProjectsView
{
  TovSectionView parent_instance;

  TovQueryModel *projects;

  AdwLeaflet *leaflet;
  TovListPane *list_pane;
  GtkWidget *detail;
  AdwWindowTitle *detail_title;
  GtkStack *detail_stack;
};

G_DEFINE_FINAL_TYPE (TovProjectsView, tov_projects_view, TOV_TYPE_SECTION_VIEW)

static TovRecord *
selected_project (TovProjectsView *self)
{
  return tov_list_pane_get_selected (self->list_pane);
}

static void
update_actions (TovProjectsView *self)
{
  gboolean selected = selected_project (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.delete", selected);
}

/* The project's page is made when a project is first selected: the window
 * opens with none selected, and the page is the larger half of the section.
 */
static void
ensure_page (TovProjectsView *self)
{
  GtkWidget *page;

  if (gtk_stack_get_child_by_name (self->detail_stack, "project") != NULL)
    return;

  page = g_object_new (TOV_TYPE_PROJECT_PAGE, NULL);
  g_object_bind_property (self, "store", page, "store", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->list_pane, "selected-item", page, "project", G_BINDING_SYNC_CREATE);
  gtk_stack_add_named (self->detail_stack, page, "project");
}

static void
update_detail_title (TovProjectsView *self)
{
  TovRecord *project = selected_project (self);
  g_autofree char *title = NULL;

  if (project != NULL)
    {
      title = g_strdup_printf (_("Project %d"), (int) tov_record_get_int (project, "number"));
      ensure_page (self);
    }
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
on_row_activated (TovProjectsView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->detail);
}

static void
on_back_to_list (TovProjectsView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
tov_projects_view_store_changed (TovSectionView *section)
{
  TovProjectsView *self = TOV_PROJECTS_VIEW (section);
  TovStore *store = tov_section_view_get_store (section);

  g_clear_object (&self->projects);
  if (store != NULL)
    self->projects = tov_query_model_new (store, TOV_TYPE_PROJECT);
  tov_list_pane_set_model (self->list_pane, self->projects);
  update_actions (self);
}

static void
tov_projects_view_dispose (GObject *object)
{
  TovProjectsView *self = TOV_PROJECTS_VIEW (object);

  g_clear_object (&self->projects);

  G_OBJECT_CLASS (tov_projects_view_parent_class)->dispose (object);
}

static void
tov_projects_view_class_init (TovProjectsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TovSectionViewClass *section_class = TOV_SECTION_VIEW_CLASS (klass);

  object_class->dispose = tov_projects_view_dispose;
  section_class->store_changed = tov_projects_view_store_changed;
  section_class->record_type = TOV_TYPE_PROJECT;
  section_class->new_editor = tov_project_editor_new;

  g_type_ensure (TOV_TYPE_PROJECT);
  g_type_ensure (TOV_TYPE_LIST_PANE);
  g_type_ensure (TOV_TYPE_CELL_LABEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/tovholder/Tovholder/ui/tov-projects-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TovProjectsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TovProjectsView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, TovProjectsView, detail);
  gtk_widget_class_bind_template_child (widget_class, TovProjectsView, detail_title);
  gtk_widget_class_bind_template_child (widget_class, TovProjectsView, detail_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_to_list);
  gtk_widget_class_bind_template_callback (widget_class, tov_project_state_label);

  tov_section_view_class_install_record_actions (section_class);
}

static void
tov_projects_view_init (TovProjectsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tov_section_view_set_parts (TOV_SECTION_VIEW (self), self->list_pane, self->leaflet, self->detail);

  update_actions (self);
}
