/* tov-partnerships-view.c: the Partnerships section: collaboration agreements,
 * their organisations, and which of them are due for renewal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-partnerships-view"

#include "config.h"

#include <glib/gi18n.h>

#include "tov-closures.h"
#include "tov-date.h"
#include "tov-labels.h"
#include "tov-cell-label.h"
#include "tov-list-pane.h"
#include "tov-partnership-editor.h"
#include "tov-partnerships-view.h"
#include "tov-query-model.h"
#include "tov-records.h"
#include "tov-renewal.h"
#include "tov-section.h"
#include "tov-status-timeline.h"

struct _TovPartnershipsView
{
  TovSectionView parent_instance;

  TovQueryModel *partnerships;
  GSignalGroup *selected_signals;

  AdwLeaflet *leaflet;
  TovListPane *list_pane;
  GtkColumnViewColumn *organisation_column;
  GtkListItemFactory *organisation_factory;
  GtkWidget *detail;
  AdwWindowTitle *detail_title;
  GtkStack *detail_stack;

  GtkLabel *title_label;
  AdwActionRow *state_row;
  AdwActionRow *unit_row;
  AdwActionRow *signed_row;
  AdwActionRow *term_row;
  AdwActionRow *renewal_row;
  GtkLabel *renewal_badge;
  AdwActionRow *project_row;
  AdwActionRow *organisation_row;
  AdwActionRow *kind_row;
  AdwActionRow *contact_person_row;
  AdwActionRow *email_row;
  AdwActionRow *phone_row;
  GtkLabel *purpose_label;
  GtkLabel *notes_label;
  TovStatusTimeline *timeline;
};

G_DEFINE_FINAL_TYPE (TovPartnershipsView, tov_partnerships_view, TOV_TYPE_SECTION_VIEW)

static TovRecord *
selected_partnership (TovPartnershipsView *self)
{
  return tov_list_pane_get_selected (self->list_pane);
}

static TovRecord *
lookup_organisation (TovPartnershipsView *self,
                     TovRecord           *partnership)
{
  const char *id = tov_record_get_string (partnership, "organisation-id");

  if (tov_section_view_get_store (TOV_SECTION_VIEW (self)) == NULL || id == NULL)
    return NULL;
  return tov_store_lookup (tov_section_view_get_store (TOV_SECTION_VIEW (self)), TOV_TYPE_ORGANISATION, id);
}

/* Shows the mark of a renewal: a word in the error or the warning colour,
 * or nothing when the agreement needs no renewal yet.
 */
static void
show_renewal_status (GtkLabel         *badge,
                     GtkWidget        *date,
                     TovRenewalStatus  status)
{
  GtkWidget *widgets[] = { GTK_WIDGET (badge), date };
  const char *text = NULL;
  const char *css = NULL;

  switch (status)
    {
    case TOV_RENEWAL_OVERDUE:
      text = _("Overdue");
      css = "error";
      break;

    case TOV_RENEWAL_DUE_SOON:
      text = _("Due soon");
      css = "warning";
      break;

    case TOV_RENEWAL_NONE:
    default:
      break;
    }

  gtk_label_set_label (badge, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (badge), text != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (widgets) && widgets[i] != NULL; i++)
    {
      gtk_widget_remove_css_class (widgets[i], "error");
      gtk_widget_remove_css_class (widgets[i], "warning");
      if (css != NULL)
        gtk_widget_add_css_class (widgets[i], css);
    }
}

/* The list's cells */

/* The Organisation and Renewal due columns are drawn in code: the one needs
 * the store, the other today's date. Their cells follow their record's
 * changes themselves, as a <binding> would.
 */
static void
update_organisation_cell (GtkListItem *list_item)
{
  TovPartnershipsView *self = g_object_get_data (G_OBJECT (list_item), "tov-view");
  TovRecord *partnership = gtk_list_item_get_item (list_item);
  g_autoptr(TovRecord) organisation = NULL;
  const char *name = "";

  if (partnership != NULL)
    organisation = lookup_organisation (self, partnership);
  if (organisation != NULL)
    name = tov_record_get_string (organisation, "name");

  tov_cell_label_set_label (TOV_CELL_LABEL (gtk_list_item_get_child (list_item)), name);
}

static void
on_organisation_setup (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item,
                       TovPartnershipsView      *self)
{
  GtkWidget *label = g_object_new (TOV_TYPE_CELL_LABEL, "width-chars", 20, NULL);

  g_object_set_data (G_OBJECT (list_item), "tov-view", self);
  gtk_list_item_set_child (list_item, label);
}

static void
on_organisation_bind (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      TovPartnershipsView      *self)
{
  g_signal_connect_object (gtk_list_item_get_item (list_item), "notify::organisation-id",
                           G_CALLBACK (update_organisation_cell), list_item, G_CONNECT_SWAPPED);
  update_organisation_cell (list_item);
}

static void
update_renewal_cell (GtkListItem *list_item)
{
  TovRecord *partnership = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *date = gtk_widget_get_first_child (box);
  GtkWidget *badge = gtk_widget_get_next_sibling (date);
  g_autofree char *today = tov_date_today ();
  g_autofree char *text = NULL;

  if (partnership == NULL)
    return;

  text = tov_date_format (tov_record_get_string (partnership, "renewal-due"));
  gtk_label_set_label (GTK_LABEL (date), text ? text : "");
  show_renewal_status (GTK_LABEL (badge), date, tov_partnership_renewal_status (partnership, today));
}

static void
on_renewal_setup (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  TovPartnershipsView      *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  /* The mark is smaller than the date, and sits on the same baseline. */
  gtk_box_append (GTK_BOX (box), g_object_new (GTK_TYPE_LABEL,
                                               "xalign", 0.0f,
                                               "valign", GTK_ALIGN_BASELINE,
                                               NULL));
  gtk_box_append (GTK_BOX (box), g_object_new (GTK_TYPE_LABEL,
                                               "visible", FALSE,
                                               "valign", GTK_ALIGN_BASELINE,
                                               "css-classes", (const char *[]) { "caption-heading", NULL },
                                               NULL));
  gtk_list_item_set_child (list_item, box);
}

static void
on_renewal_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 TovPartnershipsView      *self)
{
  TovRecord *partnership = gtk_list_item_get_item (list_item);

  g_signal_connect_object (partnership, "notify::renewal-due",
                           G_CALLBACK (update_renewal_cell), list_item, G_CONNECT_SWAPPED);
  g_signal_connect_object (partnership, "notify::state",
                           G_CALLBACK (update_renewal_cell), list_item, G_CONNECT_SWAPPED);
  update_renewal_cell (list_item);
}

static void
on_cell_unbind (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                TovPartnershipsView      *self)
{
  TovRecord *partnership = gtk_list_item_get_item (list_item);

  if (partnership != NULL)
    g_signal_handlers_disconnect_by_data (partnership, list_item);
}

/* A renamed organisation is in another table, so no row of ours changes:
 * giving the column its factory again draws its cells anew.
 */
static void
on_organisations_changed (TovPartnershipsView *self)
{
  gtk_column_view_column_set_factory (self->organisation_column, NULL);
  gtk_column_view_column_set_factory (self->organisation_column, self->organisation_factory);
}

/* The detail page */

static void
set_text (GtkLabel   *label,
          const char *text,
          const char *empty)
{
  gtk_label_set_label (label, text != NULL && text[0] != '\0' ? text : empty);
}

static char *
project_label (TovPartnershipsView *self,
               TovRecord           *partnership)
{
  const char *id = tov_record_get_string (partnership, "project-id");
  g_autoptr(TovRecord) project = id ? tov_store_lookup (tov_section_view_get_store (TOV_SECTION_VIEW (self)), TOV_TYPE_PROJECT, id) : NULL;

  if (project == NULL)
    return NULL;
  return g_strdup_printf ("%" G_GINT64_FORMAT ". %s",
                          tov_record_get_int (project, "number"), tov_record_get_string (project, "title"));
}

static void
update_organisation (TovPartnershipsView *self,
                     TovRecord           *partnership)
{
  g_autoptr(TovRecord) organisation = lookup_organisation (self, partnership);
  const char *name = organisation ? tov_record_get_string (organisation, "name") : NULL;

  adw_window_title_set_title (self->detail_title, name ? name : _("Partnership"));
  tov_section_set_row_value (self->organisation_row, name);
  tov_section_set_row_value (self->kind_row, organisation ? tov_choice_label (TOV_TYPE_ORGANISATION_KIND,
                                                                  tov_record_get_int (organisation, "kind"))
                                              : NULL);
  tov_section_set_row_value (self->contact_person_row, organisation ? tov_record_get_string (organisation, "contact-person") : NULL);
  tov_section_set_row_value (self->email_row, organisation ? tov_record_get_string (organisation, "email") : NULL);
  tov_section_set_row_value (self->phone_row, organisation ? tov_record_get_string (organisation, "phone") : NULL);
}

static void
update_detail (TovPartnershipsView *self)
{
  TovRecord *partnership = selected_partnership (self);
  g_autofree char *signed_on = NULL;
  g_autofree char *term = NULL;
  g_autofree char *renewal = NULL;
  g_autofree char *project = NULL;
  g_autofree char *today = NULL;
  gint64 months;

  gtk_stack_set_visible_child_name (self->detail_stack, partnership ? "partnership" : "none");
  tov_status_timeline_set_subject (self->timeline, tov_section_view_get_store (TOV_SECTION_VIEW (self)), partnership);
  if (partnership == NULL)
    {
      adw_window_title_set_title (self->detail_title, "");
      return;
    }

  gtk_label_set_label (self->title_label, tov_record_get_string (partnership, "title"));
  adw_action_row_set_subtitle (self->state_row, tov_choice_label (TOV_TYPE_PARTNERSHIP_STATE,
                                                                  tov_record_get_int (partnership, "state")));
  tov_section_set_row_value (self->unit_row, tov_record_get_string (partnership, "unit"));

  signed_on = tov_date_format (tov_record_get_string (partnership, "signed-on"));
  tov_section_set_row_value (self->signed_row, signed_on);

  months = tov_record_get_int (partnership, "term-months");
  if (months > 0)
    /* Translators: the term of an agreement, "12 months" */
    term = g_strdup_printf (ngettext ("%d month", "%d months", (unsigned long) months), (int) months);
  tov_section_set_row_value (self->term_row, term);

  renewal = tov_date_format (tov_record_get_string (partnership, "renewal-due"));
  tov_section_set_row_value (self->renewal_row, renewal);
  today = tov_date_today ();
  show_renewal_status (self->renewal_badge, NULL, tov_partnership_renewal_status (partnership, today));

  project = project_label (self, partnership);
  adw_action_row_set_subtitle (self->project_row, project ? project : _("None"));

  set_text (self->purpose_label, tov_record_get_string (partnership, "purpose"), _("No purpose written yet."));
  set_text (self->notes_label, tov_record_get_string (partnership, "notes"), _("No notes."));

  update_organisation (self, partnership);
}

/* The section */

static void
update_actions (TovPartnershipsView *self)
{
  gboolean selected = selected_partnership (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.delete", selected);
}

static void
on_selection_changed (TovPartnershipsView *self)
{
  g_signal_group_set_target (self->selected_signals, selected_partnership (self));
  update_detail (self);
  update_actions (self);
}

static void
on_row_activated (TovPartnershipsView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->detail);
}

static void
on_back_to_list (TovPartnershipsView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
tov_partnerships_view_store_changed (TovSectionView *section)
{
  TovPartnershipsView *self = TOV_PARTNERSHIPS_VIEW (section);
  TovStore *store = tov_section_view_get_store (section);

  g_clear_object (&self->partnerships);
  if (store != NULL)
    {
      self->partnerships = tov_query_model_new (store, TOV_TYPE_PARTNERSHIP);
      g_signal_connect_object (store, "changed::organisation", G_CALLBACK (on_organisations_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::organisation", G_CALLBACK (update_detail), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::project", G_CALLBACK (update_detail), self, G_CONNECT_SWAPPED);
    }
  tov_list_pane_set_model (self->list_pane, self->partnerships);
  update_actions (self);
}

static void
tov_partnerships_view_dispose (GObject *object)
{
  TovPartnershipsView *self = TOV_PARTNERSHIPS_VIEW (object);

  g_signal_group_set_target (self->selected_signals, NULL);
  g_clear_object (&self->selected_signals);
  g_clear_object (&self->partnerships);

  G_OBJECT_CLASS (tov_partnerships_view_parent_class)->dispose (object);
}

static void
tov_partnerships_view_class_init (TovPartnershipsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TovSectionViewClass *section_class = TOV_SECTION_VIEW_CLASS (klass);

  object_class->dispose = tov_partnerships_view_dispose;
  section_class->store_changed = tov_partnerships_view_store_changed;
  section_class->record_type = TOV_TYPE_PARTNERSHIP;
  section_class->new_editor = tov_partnership_editor_new;

  g_type_ensure (TOV_TYPE_PARTNERSHIP);
  g_type_ensure (TOV_TYPE_LIST_PANE);
  g_type_ensure (TOV_TYPE_CELL_LABEL);
  g_type_ensure (TOV_TYPE_STATUS_TIMELINE);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/tovholder/Tovholder/ui/tov-partnerships-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipsView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipsView, organisation_column);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipsView, organisation_factory);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipsView, detail);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipsView, detail_title);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipsView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipsView, title_label);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipsView, state_row);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipsView, unit_row);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipsView, signed_row);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipsView, term_row);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipsView, renewal_row);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipsView, renewal_badge);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipsView, project_row);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipsView, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipsView, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipsView, contact_person_row);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipsView, email_row);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipsView, phone_row);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipsView, purpose_label);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipsView, notes_label);
  gtk_widget_class_bind_template_child (widget_class, TovPartnershipsView, timeline);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_to_list);
  gtk_widget_class_bind_template_callback (widget_class, on_organisation_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_organisation_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_renewal_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_renewal_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_cell_unbind);
  gtk_widget_class_bind_template_callback (widget_class, tov_partnership_state_label);

  tov_section_view_class_install_record_actions (section_class);
}

static void
tov_partnerships_view_init (TovPartnershipsView *self)
{
  /* The page follows the selected record as the store changes it. */
  self->selected_signals = g_signal_group_new (TOV_TYPE_PARTNERSHIP);
  g_signal_group_connect_swapped (self->selected_signals, "notify", G_CALLBACK (update_detail), self);

  gtk_widget_init_template (GTK_WIDGET (self));
  tov_section_view_set_parts (TOV_SECTION_VIEW (self), self->list_pane, self->leaflet, self->detail);

  update_detail (self);
  update_actions (self);
}
