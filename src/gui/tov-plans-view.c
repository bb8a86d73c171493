/* tov-plans-view.c: the Action plans section: plans, their initiatives, and an initiative's page.
 *
 * The list half goes one level deeper than the other sections: it lists
 * the action plans, and choosing one shows that plan's initiatives in its
 * place, under a bar that names the plan and leads back to all plans. The
 * detail half shows the initiative chosen there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-plans-view"

#include "config.h"

#include <glib/gi18n.h>

#include "tov-closures.h"
#include "tov-initiative-editor.h"
#include "tov-initiative-page.h"
#include "tov-cell-label.h"
#include "tov-list-pane.h"
#include "tov-plan-editor.h"
#include "tov-plans-view.h"
#include "tov-query-model.h"
#include "tov-records.h"
#include "tov-section.h"

struct _TovPlansView
{
  TovSectionView parent_instance;

  TovQueryModel *plans;
  TovQueryModel *initiatives;
  TovRecord *plan;          /* the plan whose initiatives are shown */

  AdwLeaflet *leaflet;
  GtkStack *list_stack;
  TovListPane *plans_pane;
  TovListPane *initiatives_pane;
  GtkColumnViewColumn *plan_title_column;
  GtkListItemFactory *plan_title_factory;
  GtkLabel *plan_title_label;
  GtkLabel *plan_caption_label;
  GtkWidget *detail;
  AdwWindowTitle *detail_title;
  GtkStack *detail_stack;
};

G_DEFINE_FINAL_TYPE (TovPlansView, tov_plans_view, TOV_TYPE_SECTION_VIEW)

static gboolean
showing_plans (TovPlansView *self)
{
  return self->plan == NULL;
}

static TovRecord *
selected_initiative (TovPlansView *self)
{
  return self->plan != NULL ? tov_list_pane_get_selected (self->initiatives_pane) : NULL;
}

/* What view.edit and view.delete act on: the chosen initiative, or in the
 * list of plans the chosen plan.
 */
static TovRecord *
current_record (TovPlansView *self)
{
  if (showing_plans (self))
    return tov_list_pane_get_selected (self->plans_pane);
  return selected_initiative (self);
}

static void
update_actions (TovPlansView *self)
{
  gboolean current = current_record (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.new", tov_section_view_get_store (TOV_SECTION_VIEW (self)) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.edit", current);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.delete", current);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.edit-plan", self->plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.delete-plan", self->plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.show-plans", self->plan != NULL);
}

/* "2017–2019", or one year for a plan of one year. */
static char *
tov_plans_view_period_label (gpointer instance,
                             gint64   from,
                             gint64   to)
{
  if (from > 0 && to > 0 && to != from)
    return g_strdup_printf ("%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT, from, to);
  if (from > 0 || to > 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, from > 0 ? from : to);
  return g_strdup ("");
}

static char *
policy_title (TovPlansView *self,
              TovRecord    *plan)
{
  const char *id = tov_record_get_string (plan, "policy-id");
  g_autoptr(TovRecord) policy = NULL;

  if (tov_section_view_get_store (TOV_SECTION_VIEW (self)) == NULL || id == NULL)
    return NULL;
  policy = tov_store_lookup (tov_section_view_get_store (TOV_SECTION_VIEW (self)), TOV_TYPE_POLICY, id);
  return policy ? g_strdup (tov_record_get_string (policy, "title")) : NULL;
}

/* The list of plans: its Title cells name the policy under the plan's
 * title, which needs the store, so they are drawn here. They follow their
 * record's changes themselves, as a <binding> would.
 */
static void
update_plan_title_cell (GtkListItem *list_item)
{
  TovPlansView *self = g_object_get_data (G_OBJECT (list_item), "tov-view");
  TovRecord *plan = gtk_list_item_get_item (list_item);
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *policy = gtk_widget_get_next_sibling (title);
  g_autofree char *policy_text = NULL;

  if (plan == NULL)
    return;

  policy_text = policy_title (self, plan);
  gtk_label_set_label (GTK_LABEL (title), tov_record_get_string (plan, "title"));
  gtk_label_set_label (GTK_LABEL (policy), policy_text ? policy_text : "");
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (list_item), tov_record_get_string (plan, "title"));
}

static void
on_plan_title_setup (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     TovPlansView             *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), g_object_new (GTK_TYPE_LABEL,
                                               "xalign", 0.0f,
                                               "ellipsize", PANGO_ELLIPSIZE_END,
                                               NULL));
  gtk_box_append (GTK_BOX (box), g_object_new (GTK_TYPE_LABEL,
                                               "xalign", 0.0f,
                                               "ellipsize", PANGO_ELLIPSIZE_END,
                                               "css-classes", (const char *[]) { "dim-label", "caption", NULL },
                                               NULL));
  g_object_set_data (G_OBJECT (list_item), "tov-view", self);
  gtk_list_item_set_child (list_item, box);
}

static void
on_plan_title_bind (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    TovPlansView             *self)
{
  TovRecord *plan = gtk_list_item_get_item (list_item);

  g_signal_connect_object (plan, "notify::title", G_CALLBACK (update_plan_title_cell), list_item, G_CONNECT_SWAPPED);
  g_signal_connect_object (plan, "notify::policy-id", G_CALLBACK (update_plan_title_cell), list_item, G_CONNECT_SWAPPED);
  update_plan_title_cell (list_item);
}

static void
on_plan_title_unbind (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      TovPlansView             *self)
{
  TovRecord *plan = gtk_list_item_get_item (list_item);

  if (plan != NULL)
    g_signal_handlers_disconnect_by_data (plan, list_item);
}

/* The bar over a plan's initiatives */

static void
update_plan_bar (TovPlansView *self)
{
  g_autofree char *policy = NULL;
  g_autofree char *period = NULL;
  g_autofree char *caption = NULL;

  if (self->plan == NULL)
    return;

  policy = policy_title (self, self->plan);
  period = tov_plans_view_period_label (NULL, tov_record_get_int (self->plan, "period-from"),
                                        tov_record_get_int (self->plan, "period-to"));
  if (policy != NULL && period[0] != '\0')
    caption = g_strdup_printf ("%s · %s", policy, period);
  else
    caption = g_strdup (policy != NULL ? policy : period);

  gtk_label_set_label (self->plan_title_label, tov_record_get_string (self->plan, "title"));
  gtk_label_set_label (self->plan_caption_label, caption);
  gtk_widget_set_visible (GTK_WIDGET (self->plan_caption_label), caption[0] != '\0');
}

/* Moving between the two lists */

static void
update_detail (TovPlansView *self)
{
  TovRecord *initiative = selected_initiative (self);
  g_autofree char *title = NULL;

  if (initiative != NULL)
    title = g_strdup_printf (_("Initiative %d"), (int) tov_record_get_int (initiative, "number"));
  adw_window_title_set_title (self->detail_title, title ? title : "");
  gtk_stack_set_visible_child_name (self->detail_stack, initiative ? "initiative" : "none");
}

/* Shows the initiatives of @plan in the list half. */
static void
show_plan (TovPlansView *self,
           TovRecord    *plan)
{
  g_assert (TOV_IS_ACTION_PLAN (plan));

  if (self->plan != plan)
    {
      if (self->plan != NULL)
        g_signal_handlers_disconnect_by_data (self->plan, self);
      g_set_object (&self->plan, plan);
      g_signal_connect_swapped (plan, "notify", G_CALLBACK (update_plan_bar), self);
      tov_query_model_set_text_condition (self->initiatives, "plan_id", tov_record_get_id (plan));
      update_plan_bar (self);
    }

  gtk_stack_set_visible_child_name (self->list_stack, "initiatives");
  update_detail (self);
  update_actions (self);
}

/* Shows the list of plans again, none of them chosen, so that a click on
 * any of them shows its initiatives.
 */
static void
show_plans (TovPlansView *self)
{
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->plan);

  /* A condition on no plan keeps the list empty rather than showing all;
   * the next plan shows all of its initiatives, not those of a search.
   */
  if (self->initiatives != NULL)
    tov_query_model_set_text_condition (self->initiatives, "plan_id", "");
  tov_list_pane_stop_search (self->initiatives_pane);
  tov_list_pane_unselect (self->plans_pane);

  gtk_stack_set_visible_child_name (self->list_stack, "plans");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  update_detail (self);
  update_actions (self);
}

/* Side by side with the page, a click on a plan selects it, and that
 * shows its initiatives. Alone on screen the pane selects the row under
 * the pointer and opens it with a click, so only opening shows them.
 */
static void
on_plan_selected (TovPlansView *self)
{
  TovRecord *plan = tov_list_pane_get_selected (self->plans_pane);

  if (plan != NULL && showing_plans (self) && !adw_leaflet_get_folded (self->leaflet))
    show_plan (self, plan);
  update_actions (self);
}

static void
on_plan_activated (TovPlansView *self)
{
  TovRecord *plan = tov_list_pane_get_selected (self->plans_pane);

  if (plan != NULL && showing_plans (self))
    show_plan (self, plan);
}

static void
on_initiative_selected (TovPlansView *self)
{
  update_detail (self);
  update_actions (self);
}

static void
on_initiative_activated (TovPlansView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->detail);
}

static void
on_back_to_list (TovPlansView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* A plan deleted, here or by an undo elsewhere, takes its initiatives
 * with it; the list of plans is what is left to show.
 */
static void
on_plans_changed (TovPlansView *self)
{
  g_autoptr(TovRecord) plan = NULL;

  if (self->plan == NULL)
    return;

  plan = tov_store_lookup (tov_section_view_get_store (TOV_SECTION_VIEW (self)), TOV_TYPE_ACTION_PLAN, tov_record_get_id (self->plan));
  if (plan == NULL)
    show_plans (self);
  else
    update_plan_bar (self);
}

/* A renamed policy is in another table, so no row of ours changes: giving
 * the column its factory again draws its cells anew.
 */
static void
on_policies_changed (TovPlansView *self)
{
  gtk_column_view_column_set_factory (self->plan_title_column, NULL);
  gtk_column_view_column_set_factory (self->plan_title_column, self->plan_title_factory);
  update_plan_bar (self);
}

static void
tov_plans_view_store_changed (TovSectionView *section)
{
  TovPlansView *self = TOV_PLANS_VIEW (section);
  TovStore *store = tov_section_view_get_store (section);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->plan);
  g_clear_object (&self->plans);
  g_clear_object (&self->initiatives);
  if (store != NULL)
    {
      self->plans = tov_query_model_new (store, TOV_TYPE_ACTION_PLAN);
      self->initiatives = tov_query_model_new (store, TOV_TYPE_INITIATIVE);
      tov_query_model_set_text_condition (self->initiatives, "plan_id", "");
      g_signal_connect_object (store, "changed::action_plan", G_CALLBACK (on_plans_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::policy", G_CALLBACK (on_policies_changed), self, G_CONNECT_SWAPPED);
    }
  tov_list_pane_set_model (self->plans_pane, self->plans);
  tov_list_pane_set_model (self->initiatives_pane, self->initiatives);
  gtk_stack_set_visible_child_name (self->list_stack, "plans");
  update_detail (self);
  update_actions (self);
}

static TovRecord *
tov_plans_view_get_subject (TovSectionView *section)
{
  TovPlansView *self = TOV_PLANS_VIEW (section);

  return self->plan;
}

/* Editing */

static GtkWindow *
parent_window (TovPlansView *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
on_plan_saved (TovPlansView *self,
               TovRecord    *plan)
{
  g_autoptr(TovRecord) saved = tov_store_lookup (tov_section_view_get_store (TOV_SECTION_VIEW (self)), TOV_TYPE_ACTION_PLAN, tov_record_get_id (plan));

  if (saved != NULL)
    show_plan (self, saved);
}

static void
on_initiative_saved (TovPlansView *self,
                     TovRecord    *initiative)
{
  g_autoptr(TovRecord) plan = tov_store_lookup (tov_section_view_get_store (TOV_SECTION_VIEW (self)), TOV_TYPE_ACTION_PLAN,
                                                tov_record_get_string (initiative, "plan-id"));

  /* The form may have moved it to another plan: show it where it is now. */
  if (plan == NULL)
    return;
  show_plan (self, plan);
  if (tov_list_pane_select (self->initiatives_pane, initiative))
    adw_leaflet_set_visible_child (self->leaflet, self->detail);
}

static void
open_plan_editor (TovPlansView *self,
                  TovRecord    *plan)
{
  GtkWindow *editor = tov_plan_editor_new (parent_window (self), tov_section_view_get_store (TOV_SECTION_VIEW (self)), plan);

  g_signal_connect_object (editor, "saved", G_CALLBACK (on_plan_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (editor);
}

static void
open_initiative_editor (TovPlansView *self,
                        TovRecord    *initiative)
{
  GtkWindow *editor = tov_initiative_editor_new (parent_window (self), tov_section_view_get_store (TOV_SECTION_VIEW (self)), initiative, self->plan);

  g_signal_connect_object (editor, "saved", G_CALLBACK (on_initiative_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (editor);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TovPlansView *self = TOV_PLANS_VIEW (widget);

  if (showing_plans (self))
    open_plan_editor (self, NULL);
  else
    open_initiative_editor (self, NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TovPlansView *self = TOV_PLANS_VIEW (widget);
  TovRecord *record = current_record (self);

  if (TOV_IS_ACTION_PLAN (record))
    open_plan_editor (self, record);
  else
    open_initiative_editor (self, record);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TovPlansView *self = TOV_PLANS_VIEW (widget);

  /* The store deletes a plan's initiatives and their status with it, and
   * brings them all back on undo.
   */
  tov_section_delete (widget, tov_section_view_get_store (TOV_SECTION_VIEW (self)), current_record (self), NULL);
}

static void
edit_plan_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TovPlansView *self = TOV_PLANS_VIEW (widget);

  open_plan_editor (self, self->plan);
}

static void
delete_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TovPlansView *self = TOV_PLANS_VIEW (widget);

  tov_section_delete (widget, tov_section_view_get_store (TOV_SECTION_VIEW (self)), self->plan, NULL);
}

static void
show_plans_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  show_plans (TOV_PLANS_VIEW (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TovPlansView *self = TOV_PLANS_VIEW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  tov_list_pane_start_search (showing_plans (self) ? self->plans_pane : self->initiatives_pane);
}

/* "view.open-record": shows the initiative with the id in its plan, as a
 * search hit opens it.
 */
static void
open_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TovPlansView *self = TOV_PLANS_VIEW (widget);
  g_autoptr(TovRecord) initiative = tov_store_lookup (tov_section_view_get_store (TOV_SECTION_VIEW (self)), TOV_TYPE_INITIATIVE,
                                                      g_variant_get_string (parameter, NULL));

  if (initiative != NULL)
    on_initiative_saved (self, initiative);
}

static void
tov_plans_view_dispose (GObject *object)
{
  TovPlansView *self = TOV_PLANS_VIEW (object);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->plan);
  g_clear_object (&self->plans);
  g_clear_object (&self->initiatives);

  G_OBJECT_CLASS (tov_plans_view_parent_class)->dispose (object);
}

static void
tov_plans_view_class_init (TovPlansViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TovSectionViewClass *section_class = TOV_SECTION_VIEW_CLASS (klass);

  object_class->dispose = tov_plans_view_dispose;
  section_class->store_changed = tov_plans_view_store_changed;
  section_class->get_subject = tov_plans_view_get_subject;

  g_type_ensure (TOV_TYPE_ACTION_PLAN);
  g_type_ensure (TOV_TYPE_INITIATIVE);
  g_type_ensure (TOV_TYPE_LIST_PANE);
  g_type_ensure (TOV_TYPE_CELL_LABEL);
  g_type_ensure (TOV_TYPE_INITIATIVE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/tovholder/Tovholder/ui/tov-plans-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TovPlansView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TovPlansView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TovPlansView, plans_pane);
  gtk_widget_class_bind_template_child (widget_class, TovPlansView, initiatives_pane);
  gtk_widget_class_bind_template_child (widget_class, TovPlansView, plan_title_column);
  gtk_widget_class_bind_template_child (widget_class, TovPlansView, plan_title_factory);
  gtk_widget_class_bind_template_child (widget_class, TovPlansView, plan_title_label);
  gtk_widget_class_bind_template_child (widget_class, TovPlansView, plan_caption_label);
  gtk_widget_class_bind_template_child (widget_class, TovPlansView, detail);
  gtk_widget_class_bind_template_child (widget_class, TovPlansView, detail_title);
  gtk_widget_class_bind_template_child (widget_class, TovPlansView, detail_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_initiative_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_initiative_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_to_list);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_title_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_title_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_title_unbind);
  gtk_widget_class_bind_template_callback (widget_class, tov_plans_view_period_label);
  gtk_widget_class_bind_template_callback (widget_class, tov_progress_label);

  gtk_widget_class_install_action (widget_class, "view.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "view.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "view.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "view.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "view.open-record", "s", open_record_action);
  gtk_widget_class_install_action (widget_class, "view.edit-plan", NULL, edit_plan_action);
  gtk_widget_class_install_action (widget_class, "view.delete-plan", NULL, delete_plan_action);
  gtk_widget_class_install_action (widget_class, "view.show-plans", NULL, show_plans_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "view.delete", NULL);
}

static void
tov_plans_view_init (TovPlansView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  update_actions (self);
}
