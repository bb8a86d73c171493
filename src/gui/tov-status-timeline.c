/* tov-status-timeline.c: the dated status of a project, initiative or partnership.
 *
 * Every status is kept, newest first; a row opens its form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-status-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "tov-date.h"
#include "tov-labels.h"
#include "tov-query-model.h"
#include "tov-records.h"
#include "tov-status-editor.h"
#include "tov-status-timeline.h"

struct _TovStatusTimeline
{
  AdwPreferencesGroup parent_instance;

  TovStore *store;
  TovRecord *subject;
  TovQueryModel *updates;

  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (TovStatusTimeline, tov_status_timeline, ADW_TYPE_PREFERENCES_GROUP)

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  TovRecord *status = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = tov_date_format (tov_record_get_string (status, "date"));
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", date,
                                               tov_choice_label (TOV_TYPE_PROGRESS, tov_record_get_int (status, "state")));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tov_record_get_string (status, "text"));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static const char *
subject_column (TovRecord *subject)
{
  if (TOV_IS_PROJECT (subject))
    return "project_id";
  if (TOV_IS_INITIATIVE (subject))
    return "initiative_id";
  return "partnership_id";
}

/**
 * tov_status_timeline_set_subject:
 * @subject: (nullable): a project, an initiative or a partnership
 */
void
tov_status_timeline_set_subject (TovStatusTimeline *self,
                                 TovStore          *store,
                                 TovRecord         *subject)
{
  g_return_if_fail (TOV_IS_STATUS_TIMELINE (self));

  if (self->store != store)
    {
      g_set_object (&self->store, store);
      g_clear_object (&self->updates);
      if (store != NULL)
        {
          /* Narrowed to nothing before the list box first reads it. */
          self->updates = tov_query_model_new (store, TOV_TYPE_STATUS_UPDATE);
          tov_query_model_set_text_condition (self->updates, "project_id", "");
          gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->updates), create_row, self, NULL);
        }
    }

  g_set_object (&self->subject, subject);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.add", subject != NULL);
  if (self->updates != NULL)
    {
      const char *column = subject ? subject_column (subject) : "project_id";
      const char *columns[] = { "project_id", "initiative_id", "partnership_id" };

      /* Narrow to the subject first, then drop the other columns'
       * conditions, so the model never lists every status there is.
       */
      tov_query_model_set_text_condition (self->updates, column, subject ? tov_record_get_id (subject) : "");
      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        if (!g_str_equal (columns[i], column))
          tov_query_model_set_text_condition (self->updates, columns[i], NULL);
    }
}

static GtkWindow *
parent_window (TovStatusTimeline *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
on_row_activated (TovStatusTimeline *self,
                  GtkListBoxRow     *row)
{
  g_autoptr(TovRecord) status = g_list_model_get_item (G_LIST_MODEL (self->updates),
                                                       gtk_list_box_row_get_index (row));

  gtk_window_present (tov_status_editor_new (parent_window (self), self->store, status, NULL));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TovStatusTimeline *self = TOV_STATUS_TIMELINE (widget);

  gtk_window_present (tov_status_editor_new (parent_window (self), self->store, NULL, self->subject));
}

static void
tov_status_timeline_dispose (GObject *object)
{
  TovStatusTimeline *self = TOV_STATUS_TIMELINE (object);

  g_clear_object (&self->updates);
  g_clear_object (&self->subject);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tov_status_timeline_parent_class)->dispose (object);
}

static void
tov_status_timeline_class_init (TovStatusTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tov_status_timeline_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/tovholder/Tovholder/ui/tov-status-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, TovStatusTimeline, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "timeline.add", NULL, add_action);
}

static void
tov_status_timeline_init (TovStatusTimeline *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->list, g_object_new (GTK_TYPE_LABEL,
                                                          "label", _("No status yet"),
                                                          "margin-top", 12, "margin-bottom", 12,
                                                          "css-classes", (const char *[]) { "dim-label", NULL },
                                                          NULL));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.add", FALSE);
}
