/* tov-section-view.c: the base of the window's sections.
 *
 * Every section shows one store, knows whether the window is folded to one
 * pane (so that its list leads back to the sidebar), and names the record
 * a status sheet would be printed for. A section of one kind of record,
 * a list and a page, can also take its New, Edit, Delete, Search and
 * Open actions from here. The sections differ in their records; this is
 * what they share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-section-view"

#include "config.h"

#include "tov-record.h"
#include "tov-section.h"
#include "tov-section-view.h"

typedef struct
{
  TovStore *store;
  gboolean folded;

  /* Not owned: parts of the subclass's template. */
  TovListPane *list_pane;
  AdwLeaflet *leaflet;
  GtkWidget *detail;
} TovSectionViewPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TovSectionView, tov_section_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_FOLDED,
  PROP_SUBJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

TovStore *
tov_section_view_get_store (TovSectionView *self)
{
  TovSectionViewPrivate *priv = tov_section_view_get_instance_private (self);

  g_return_val_if_fail (TOV_IS_SECTION_VIEW (self), NULL);

  return priv->store;
}

/**
 * tov_section_view_set_parts:
 *
 * Names the list, the leaflet and the page of the section's template, for
 * the record actions and the default subject. Called from the subclass's
 * init, after its template.
 */
void
tov_section_view_set_parts (TovSectionView *self,
                            TovListPane    *list_pane,
                            AdwLeaflet     *leaflet,
                            GtkWidget      *detail)
{
  TovSectionViewPrivate *priv = tov_section_view_get_instance_private (self);

  g_return_if_fail (TOV_IS_SECTION_VIEW (self));

  priv->list_pane = list_pane;
  priv->leaflet = leaflet;
  priv->detail = detail;
}

static void
open_editor (TovSectionView *self,
             TovRecord      *record)
{
  TovSectionViewPrivate *priv = tov_section_view_get_instance_private (self);
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkWindow *editor = TOV_SECTION_VIEW_GET_CLASS (self)->new_editor (parent, priv->store, record);

  tov_section_present_editor (GTK_WIDGET (self), editor, priv->list_pane, priv->leaflet, priv->detail);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (TOV_SECTION_VIEW (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TovSectionViewPrivate *priv = tov_section_view_get_instance_private (TOV_SECTION_VIEW (widget));

  open_editor (TOV_SECTION_VIEW (widget), tov_list_pane_get_selected (priv->list_pane));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TovSectionViewPrivate *priv = tov_section_view_get_instance_private (TOV_SECTION_VIEW (widget));

  tov_section_delete (widget, priv->store, tov_list_pane_get_selected (priv->list_pane), NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TovSectionViewPrivate *priv = tov_section_view_get_instance_private (TOV_SECTION_VIEW (widget));

  adw_leaflet_navigate (priv->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  tov_list_pane_start_search (priv->list_pane);
}

/* "view.open-record": selects the record with the id, as a search hit
 * opens it.
 */
static void
open_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TovSectionViewPrivate *priv = tov_section_view_get_instance_private (TOV_SECTION_VIEW (widget));
  g_autoptr(TovRecord) record = tov_store_lookup (priv->store, TOV_SECTION_VIEW_GET_CLASS (widget)->record_type,
                                                  g_variant_get_string (parameter, NULL));

  if (record != NULL)
    tov_section_show (priv->list_pane, priv->leaflet, priv->detail, record);
}

/**
 * tov_section_view_class_install_record_actions:
 *
 * Gives a section of one kind of record (@klass's record_type, edited by
 * its new_editor) the actions view.new, view.edit, view.delete (also on
 * the Delete key), view.search and view.open-record.
 */
void
tov_section_view_class_install_record_actions (TovSectionViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_return_if_fail (klass->record_type != G_TYPE_INVALID && klass->new_editor != NULL);

  gtk_widget_class_install_action (widget_class, "view.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "view.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "view.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "view.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "view.open-record", "s", open_record_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "view.delete", NULL);
}

static void
tov_section_view_dispose (GObject *object)
{
  TovSectionViewPrivate *priv = tov_section_view_get_instance_private (TOV_SECTION_VIEW (object));

  g_clear_object (&priv->store);

  G_OBJECT_CLASS (tov_section_view_parent_class)->dispose (object);
}

static void
tov_section_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TovSectionView *self = TOV_SECTION_VIEW (object);
  TovSectionViewPrivate *priv = tov_section_view_get_instance_private (self);
  TovSectionViewClass *klass = TOV_SECTION_VIEW_GET_CLASS (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;

    case PROP_FOLDED:
      g_value_set_boolean (value, priv->folded);
      break;

    case PROP_SUBJECT:
      if (klass->get_subject != NULL)
        g_value_set_object (value, klass->get_subject (self));
      else if (priv->list_pane != NULL)
        g_value_set_object (value, tov_list_pane_get_selected (priv->list_pane));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tov_section_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TovSectionView *self = TOV_SECTION_VIEW (object);
  TovSectionViewPrivate *priv = tov_section_view_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      if (g_set_object (&priv->store, g_value_get_object (value)))
        {
          TOV_SECTION_VIEW_GET_CLASS (self)->store_changed (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_FOLDED:
      if (priv->folded != g_value_get_boolean (value))
        {
          priv->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tov_section_view_class_init (TovSectionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tov_section_view_dispose;
  object_class->get_property = tov_section_view_get_property;
  object_class->set_property = tov_section_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TOV_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the window shows one pane at a time. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBJECT] =
    g_param_spec_object ("subject", NULL, NULL, TOV_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tov_section_view_init (TovSectionView *self)
{
}
