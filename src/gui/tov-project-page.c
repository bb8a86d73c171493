/* tov-project-page.c: one project: its fields, decisions, budget lines and totals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-project-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tov-budget-totals.h"
#include "tov-date.h"
#include "tov-decision-editor.h"
#include "tov-labels.h"
#include "tov-money.h"
#include "tov-project-page.h"
#include "tov-query-model.h"
#include "tov-records.h"
#include "tov-section.h"
#include "tov-status-timeline.h"

struct _TovProjectPage
{
  AdwBin parent_instance;

  TovStore *store;
  TovRecord *project;
  TovQueryModel *decisions;
  TovQueryModel *budget_lines;

  GtkLabel *theme_label;
  GtkLabel *title_label;
  AdwActionRow *state_row;
  AdwActionRow *coordinator_row;
  AdwActionRow *anchoring_row;
  AdwActionRow *period_row;
  AdwActionRow *case_number_row;
  GtkLabel *purpose_label;
  GtkListBox *decisions_list;
  GtkListBox *budget_list;
  GtkListBox *totals_list;
  TovStatusTimeline *timeline;
};

G_DEFINE_FINAL_TYPE (TovProjectPage, tov_project_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_fields (TovProjectPage *self)
{
  TovRecord *project = self->project;
  g_autoptr(TovRecord) theme = NULL;
  g_autofree char *theme_text = NULL;
  g_autofree char *period = NULL;
  const char *purpose;

  if (project == NULL)
    return;

  theme = tov_store_lookup (self->store, TOV_TYPE_THEME, tov_record_get_string (project, "theme-id"));
  if (theme != NULL)
    theme_text = g_strdup_printf (_("Theme %d. %s"),
                                  (int) tov_record_get_int (theme, "number"), tov_record_get_string (theme, "title"));
  gtk_label_set_label (self->theme_label, theme_text ? theme_text : _("No theme"));
  gtk_label_set_label (self->title_label, tov_record_get_string (project, "title"));

  adw_action_row_set_subtitle (self->state_row,
                               tov_choice_label (TOV_TYPE_PROJECT_STATE, tov_record_get_int (project, "state")));
  tov_section_set_row_value (self->coordinator_row, tov_record_get_string (project, "coordinator"));
  tov_section_set_row_value (self->anchoring_row, tov_record_get_string (project, "anchoring"));
  period = tov_date_format_period (tov_record_get_string (project, "start-date"),
                                   tov_record_get_string (project, "end-date"));
  tov_section_set_row_value (self->period_row, period);
  tov_section_set_row_value (self->case_number_row, tov_record_get_string (project, "case-number"));

  purpose = tov_record_get_string (project, "purpose");
  gtk_label_set_label (self->purpose_label, purpose[0] != '\0' ? purpose : _("No purpose written yet."));
}

static GtkWidget *
create_decision_row (gpointer item,
                     gpointer user_data)
{
  TovRecord *decision = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *decided = NULL;
  const char *decided_on = tov_record_get_string (decision, "decided-on");
  const char *state = tov_choice_label (TOV_TYPE_DECISION_STATE, tov_record_get_int (decision, "state"));

  if (decided_on != NULL)
    {
      decided = tov_date_format (decided_on);
      subtitle = g_strdup_printf ("%s · %s", state, decided);
    }

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tov_record_get_string (decision, "text"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : state);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), g_object_new (GTK_TYPE_LABEL,
                                                                 "label", tov_record_get_string (decision, "number"),
                                                                 "width-chars", 4,
                                                                 "xalign", 0.0f,
                                                                 "css-classes", (const char *[]) { "heading", NULL },
                                                                 NULL));
  return row;
}

static GtkWidget *
amount_label (gint64 ore)
{
  g_autofree char *text = tov_money_format (ore);

  return g_object_new (GTK_TYPE_LABEL,
                       "label", text,
                       "xalign", 1.0f,
                       "css-classes", (const char *[]) { "numeric", NULL },
                       NULL);
}

static GtkWidget *
create_budget_row (gpointer item,
                   gpointer user_data)
{
  TovProjectPage *self = user_data;
  TovRecord *line = item;
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(TovRecord) source = tov_store_lookup (self->store, TOV_TYPE_FUNDING_SOURCE,
                                                  tov_record_get_string (line, "funding-source-id"));
  g_autoptr(TovRecord) decision = tov_store_lookup (self->store, TOV_TYPE_DECISION,
                                                    tov_record_get_string (line, "decision-id"));
  g_autoptr(GString) subtitle = g_string_new (source ? tov_record_get_string (source, "name") : "");
  gint64 year = tov_record_get_int (line, "year");

  if (decision != NULL)
    g_string_append_printf (subtitle, " · %s %s", _("Decision"), tov_record_get_string (decision, "number"));
  if (year > 0)
    g_string_append_printf (subtitle, " · %" G_GINT64_FORMAT, year);
  if (tov_record_get_int (line, "annual"))
    g_string_append_printf (subtitle, " · %s", _("annual"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 tov_choice_label (TOV_TYPE_BUDGET_KIND, tov_record_get_int (line, "kind")));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_widget_set_tooltip_text (row, tov_record_get_string (line, "note"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount_label (tov_record_get_int (line, "amount-ore")));
  return row;
}

static GtkWidget *
create_total_row (gpointer item,
                  gpointer user_data)
{
  TovBudgetTotal *total = item;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tov_budget_total_get_funding_source (total));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               tov_choice_label (TOV_TYPE_BUDGET_KIND, tov_budget_total_get_kind (total)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount_label (tov_budget_total_get_amount_ore (total)));
  return row;
}

static void
update_totals (TovProjectPage *self)
{
  TovBudgetFilter filter = TOV_BUDGET_FILTER_ANY;
  g_autoptr(GListModel) totals = NULL;

  if (self->project == NULL)
    return;

  filter.project_id = tov_record_get_id (self->project);
  totals = tov_budget_totals (self->store, &filter);
  gtk_list_box_bind_model (self->totals_list, totals, create_total_row, self, NULL);
}

static GtkWidget *
placeholder (const char *text)
{
  return g_object_new (GTK_TYPE_LABEL,
                       "label", text,
                       "margin-top", 12, "margin-bottom", 12,
                       "css-classes", (const char *[]) { "dim-label", NULL },
                       NULL);
}

static GtkWindow *
parent_window (TovProjectPage *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
on_decision_activated (TovProjectPage *self,
                       GtkListBoxRow  *row)
{
  g_autoptr(TovRecord) decision = g_list_model_get_item (G_LIST_MODEL (self->decisions),
                                                         gtk_list_box_row_get_index (row));

  gtk_window_present (tov_decision_editor_new (parent_window (self), self->store, decision, NULL));
}

static void
add_decision_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TovProjectPage *self = TOV_PROJECT_PAGE (widget);

  gtk_window_present (tov_decision_editor_new (parent_window (self), self->store, NULL,
                                               tov_record_get_id (self->project)));
}

static void
on_project_notify (TovProjectPage *self)
{
  update_fields (self);
}

static void
bind_lists (TovProjectPage *self)
{
  const char *id = self->project ? tov_record_get_id (self->project) : NULL;

  if (self->store == NULL)
    return;

  /* A condition on no project keeps the lists empty rather than showing
   * all; it is set before a list box first reads the model.
   */
  if (self->decisions == NULL)
    {
      self->decisions = tov_query_model_new (self->store, TOV_TYPE_DECISION);
      self->budget_lines = tov_query_model_new (self->store, TOV_TYPE_BUDGET_LINE);
      tov_query_model_set_text_condition (self->decisions, "project_id", id ? id : "");
      tov_query_model_set_text_condition (self->budget_lines, "project_id", id ? id : "");
      gtk_list_box_bind_model (self->decisions_list, G_LIST_MODEL (self->decisions), create_decision_row, self, NULL);
      gtk_list_box_bind_model (self->budget_list, G_LIST_MODEL (self->budget_lines), create_budget_row, self, NULL);
      g_signal_connect_object (self->store, "changed::budget_line", G_CALLBACK (update_totals), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->store, "changed::funding_source", G_CALLBACK (update_totals), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->store, "changed::theme", G_CALLBACK (update_fields), self, G_CONNECT_SWAPPED);
    }

  tov_query_model_set_text_condition (self->decisions, "project_id", id ? id : "");
  tov_query_model_set_text_condition (self->budget_lines, "project_id", id ? id : "");
  update_totals (self);
}

void
tov_project_page_set_project (TovProjectPage *self,
                              TovRecord      *project)
{
  g_return_if_fail (TOV_IS_PROJECT_PAGE (self));
  g_return_if_fail (project == NULL || TOV_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  if (project != NULL)
    g_signal_connect_swapped (project, "notify", G_CALLBACK (on_project_notify), self);

  bind_lists (self);
  update_fields (self);
  tov_status_timeline_set_subject (self->timeline, self->store, project);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

static void
tov_project_page_dispose (GObject *object)
{
  TovProjectPage *self = TOV_PROJECT_PAGE (object);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  g_clear_object (&self->decisions);
  g_clear_object (&self->budget_lines);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tov_project_page_parent_class)->dispose (object);
}

static void
tov_project_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TovProjectPage *self = TOV_PROJECT_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tov_project_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TovProjectPage *self = TOV_PROJECT_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      /* A page belongs to one store: the window makes new views for a new file. */
      g_clear_object (&self->decisions);
      g_clear_object (&self->budget_lines);
      g_set_object (&self->store, g_value_get_object (value));
      bind_lists (self);
      tov_status_timeline_set_subject (self->timeline, self->store, self->project);
      break;

    case PROP_PROJECT:
      tov_project_page_set_project (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tov_project_page_class_init (TovProjectPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tov_project_page_dispose;
  object_class->get_property = tov_project_page_get_property;
  object_class->set_property = tov_project_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TOV_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TOV_TYPE_STATUS_TIMELINE);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/tovholder/Tovholder/ui/tov-project-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TovProjectPage, theme_label);
  gtk_widget_class_bind_template_child (widget_class, TovProjectPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, TovProjectPage, state_row);
  gtk_widget_class_bind_template_child (widget_class, TovProjectPage, coordinator_row);
  gtk_widget_class_bind_template_child (widget_class, TovProjectPage, anchoring_row);
  gtk_widget_class_bind_template_child (widget_class, TovProjectPage, period_row);
  gtk_widget_class_bind_template_child (widget_class, TovProjectPage, case_number_row);
  gtk_widget_class_bind_template_child (widget_class, TovProjectPage, purpose_label);
  gtk_widget_class_bind_template_child (widget_class, TovProjectPage, decisions_list);
  gtk_widget_class_bind_template_child (widget_class, TovProjectPage, budget_list);
  gtk_widget_class_bind_template_child (widget_class, TovProjectPage, totals_list);
  gtk_widget_class_bind_template_child (widget_class, TovProjectPage, timeline);
  gtk_widget_class_bind_template_callback (widget_class, on_decision_activated);

  gtk_widget_class_install_action (widget_class, "page.add-decision", NULL, add_decision_action);
}

static void
tov_project_page_init (TovProjectPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->decisions_list, placeholder (_("No decisions")));
  gtk_list_box_set_placeholder (self->budget_list, placeholder (_("No budget lines")));
  gtk_list_box_set_placeholder (self->totals_list, placeholder (_("No money")));
}
