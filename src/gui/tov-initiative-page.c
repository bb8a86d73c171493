/* tov-initiative-page.c: one initiative of an action plan, as its status sheet has it.
 *
 * The page follows a status sheet ("Status på handleplan for …"): the
 * initiative and its target group, its purpose, goals and success
 * criteria, the coordinator and the period, the partners and
 * stakeholders, the activities, and the dated status last.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-initiative-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tov-date.h"
#include "tov-initiative-page.h"
#include "tov-labels.h"
#include "tov-records.h"
#include "tov-section.h"
#include "tov-status-timeline.h"

struct _TovInitiativePage
{
  AdwBin parent_instance;

  TovStore *store;
  TovRecord *initiative;

  GtkLabel *plan_label;
  GtkLabel *title_label;
  AdwActionRow *state_row;
  AdwActionRow *coordinator_row;
  AdwActionRow *period_row;
  AdwActionRow *strategy_goals_row;
  GtkLabel *target_group_label;
  GtkLabel *purpose_label;
  GtkLabel *partners_label;
  GtkLabel *activities_label;
  TovStatusTimeline *timeline;
};

G_DEFINE_FINAL_TYPE (TovInitiativePage, tov_initiative_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_INITIATIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_text (GtkLabel   *label,
          const char *text)
{
  gboolean empty = text == NULL || text[0] == '\0';

  gtk_label_set_label (label, empty ? _("Not written yet.") : text);
  if (empty)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
}

/* The period as the plan words it ("Medio 2017 til ultimo 2019"), or else
 * its dates.
 */
static char *
format_period (TovRecord *initiative)
{
  const char *text = tov_record_get_string (initiative, "period-text");
  const char *start = tov_record_get_string (initiative, "start-date");
  const char *end = tov_record_get_string (initiative, "end-date");

  if (text != NULL && text[0] != '\0')
    return g_strdup (text);
  return tov_date_format_period (start, end);
}

/* "Handleplan for udsattepolitikken 2017-2019 · Udsattepolitikken" */
static char *
format_plan (TovInitiativePage *self)
{
  const char *plan_id = tov_record_get_string (self->initiative, "plan-id");
  const char *policy_id;
  g_autoptr(TovRecord) plan = NULL;
  g_autoptr(TovRecord) policy = NULL;

  if (plan_id != NULL)
    plan = tov_store_lookup (self->store, TOV_TYPE_ACTION_PLAN, plan_id);
  if (plan == NULL)
    return NULL;

  policy_id = tov_record_get_string (plan, "policy-id");
  if (policy_id != NULL)
    policy = tov_store_lookup (self->store, TOV_TYPE_POLICY, policy_id);
  if (policy == NULL)
    return g_strdup (tov_record_get_string (plan, "title"));
  return g_strdup_printf ("%s · %s", tov_record_get_string (plan, "title"), tov_record_get_string (policy, "title"));
}

static void
update_fields (TovInitiativePage *self)
{
  TovRecord *initiative = self->initiative;
  g_autofree char *plan = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *period = NULL;
  gint64 number;

  if (initiative == NULL || self->store == NULL)
    return;

  plan = format_plan (self);
  gtk_label_set_label (self->plan_label, plan ? plan : _("No action plan"));

  number = tov_record_get_int (initiative, "number");
  if (number > 0)
    heading = g_strdup_printf ("%" G_GINT64_FORMAT ". %s", number, tov_record_get_string (initiative, "title"));
  gtk_label_set_label (self->title_label, heading ? heading : tov_record_get_string (initiative, "title"));

  adw_action_row_set_subtitle (self->state_row,
                               tov_choice_label (TOV_TYPE_PROGRESS, tov_record_get_int (initiative, "state")));
  tov_section_set_row_value (self->coordinator_row, tov_record_get_string (initiative, "coordinator"));
  period = format_period (initiative);
  tov_section_set_row_value (self->period_row, period);
  tov_section_set_row_value (self->strategy_goals_row, tov_record_get_string (initiative, "strategy-goals"));

  set_text (self->target_group_label, tov_record_get_string (initiative, "target-group"));
  set_text (self->purpose_label, tov_record_get_string (initiative, "purpose"));
  set_text (self->partners_label, tov_record_get_string (initiative, "partners"));
  set_text (self->activities_label, tov_record_get_string (initiative, "activities"));
}

static void
set_store (TovInitiativePage *self,
           TovStore          *store)
{
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (!g_set_object (&self->store, store))
    return;

  /* The caption names the plan and its policy, which are edited elsewhere. */
  if (store != NULL)
    {
      g_signal_connect_swapped (store, "changed::action_plan", G_CALLBACK (update_fields), self);
      g_signal_connect_swapped (store, "changed::policy", G_CALLBACK (update_fields), self);
    }
  tov_status_timeline_set_subject (self->timeline, store, self->initiative);
  update_fields (self);
}

void
tov_initiative_page_set_initiative (TovInitiativePage *self,
                                    TovRecord         *initiative)
{
  g_return_if_fail (TOV_IS_INITIATIVE_PAGE (self));
  g_return_if_fail (initiative == NULL || TOV_IS_INITIATIVE (initiative));

  if (self->initiative == initiative)
    return;

  if (self->initiative != NULL)
    g_signal_handlers_disconnect_by_data (self->initiative, self);
  g_set_object (&self->initiative, initiative);
  if (initiative != NULL)
    g_signal_connect_swapped (initiative, "notify", G_CALLBACK (update_fields), self);

  update_fields (self);
  tov_status_timeline_set_subject (self->timeline, self->store, initiative);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INITIATIVE]);
}

static void
tov_initiative_page_dispose (GObject *object)
{
  TovInitiativePage *self = TOV_INITIATIVE_PAGE (object);

  if (self->initiative != NULL)
    g_signal_handlers_disconnect_by_data (self->initiative, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->initiative);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tov_initiative_page_parent_class)->dispose (object);
}

static void
tov_initiative_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TovInitiativePage *self = TOV_INITIATIVE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_INITIATIVE:
      g_value_set_object (value, self->initiative);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tov_initiative_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TovInitiativePage *self = TOV_INITIATIVE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;

    case PROP_INITIATIVE:
      tov_initiative_page_set_initiative (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tov_initiative_page_class_init (TovInitiativePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tov_initiative_page_dispose;
  object_class->get_property = tov_initiative_page_get_property;
  object_class->set_property = tov_initiative_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TOV_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* A GObject rather than a TovInitiative, so that a list's "selected-item" binds to it. */
  properties[PROP_INITIATIVE] =
    g_param_spec_object ("initiative", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TOV_TYPE_STATUS_TIMELINE);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/tovholder/Tovholder/ui/tov-initiative-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TovInitiativePage, plan_label);
  gtk_widget_class_bind_template_child (widget_class, TovInitiativePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, TovInitiativePage, state_row);
  gtk_widget_class_bind_template_child (widget_class, TovInitiativePage, coordinator_row);
  gtk_widget_class_bind_template_child (widget_class, TovInitiativePage, period_row);
  gtk_widget_class_bind_template_child (widget_class, TovInitiativePage, strategy_goals_row);
  gtk_widget_class_bind_template_child (widget_class, TovInitiativePage, target_group_label);
  gtk_widget_class_bind_template_child (widget_class, TovInitiativePage, purpose_label);
  gtk_widget_class_bind_template_child (widget_class, TovInitiativePage, partners_label);
  gtk_widget_class_bind_template_child (widget_class, TovInitiativePage, activities_label);
  gtk_widget_class_bind_template_child (widget_class, TovInitiativePage, timeline);
}

static void
tov_initiative_page_init (TovInitiativePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
