/* tov-section-view.c: the base of the window's sections.
 *
 * Every section shows one store, knows whether the window is folded to one
 * pane (so that its list leads back to the sidebar), and names the record
 * a status sheet would be printed for. The sections differ in their
 * records; this is what they share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-section-view"

#include "config.h"

#include "tov-record.h"
#include "tov-section-view.h"

typedef struct
{
  TovStore *store;
  gboolean folded;
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
      g_value_set_object (value, klass->get_subject ? klass->get_subject (self) : NULL);
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
