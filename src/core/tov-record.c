/* tov-record.c: the base of every record kept in a portfolio.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-record"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tov-date.h"
#include "tov-error.h"
#include "tov-labels.h"
#include "tov-record.h"
#include "tov-text.h"

typedef struct
{
  char *id;
  char *created;
  char *updated;
  /* One value per field of the concrete class, indexed by param_id - 1. */
  GValue *values;
} TovRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TovRecord, tov_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GQuark required_quark;
static GQuark date_quark;
static GQuark ref_quark;

#define FIELD_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
tov_record_finalize (GObject *object)
{
  TovRecord *self = TOV_RECORD (object);
  TovRecordPrivate *priv = tov_record_get_instance_private (self);
  TovRecordClass *klass = TOV_RECORD_GET_CLASS (self);

  for (guint i = 0; i < klass->n_fields; i++)
    g_value_unset (&priv->values[i]);
  g_free (priv->values);
  g_free (priv->id);
  g_free (priv->created);
  g_free (priv->updated);

  G_OBJECT_CLASS (tov_record_parent_class)->finalize (object);
}

static void
set_string (TovRecord   *self,
            char       **slot,
            const char  *value,
            GParamSpec  *pspec)
{
  if (g_strcmp0 (*slot, value) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
tov_record_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TovRecord *self = TOV_RECORD (object);
  TovRecordPrivate *priv = tov_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;

    case PROP_CREATED:
      g_value_set_string (value, priv->created);
      break;

    case PROP_UPDATED:
      g_value_set_string (value, priv->updated);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tov_record_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  TovRecord *self = TOV_RECORD (object);
  TovRecordPrivate *priv = tov_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      set_string (self, &priv->id, g_value_get_string (value), pspec);
      break;

    case PROP_CREATED:
      set_string (self, &priv->created, g_value_get_string (value), pspec);
      break;

    case PROP_UPDATED:
      set_string (self, &priv->updated, g_value_get_string (value), pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The get and set functions of every subclass: a field is a slot in the
 * values array, so record classes declare fields and nothing else.
 */
static void
field_get_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  TovRecordPrivate *priv = tov_record_get_instance_private (TOV_RECORD (object));

  g_value_copy (&priv->values[prop_id - 1], value);
}

static void
field_set_property (GObject      *object,
                    guint         prop_id,
                    const GValue *value,
                    GParamSpec   *pspec)
{
  TovRecordPrivate *priv = tov_record_get_instance_private (TOV_RECORD (object));
  GValue *slot = &priv->values[prop_id - 1];
  g_auto(GValue) normal = G_VALUE_INIT;

  /* Text is never NULL and an empty date or reference is NULL, so that
   * "unset" has one spelling in memory, in SQL and in JSON.
   */
  g_value_init (&normal, pspec->value_type);
  g_value_copy (value, &normal);
  if (G_IS_PARAM_SPEC_STRING (pspec))
    {
      const char *str = g_value_get_string (&normal);
      gboolean nullable = tov_param_is_date (pspec) || tov_param_get_ref_type (pspec) != G_TYPE_INVALID;

      if (nullable && str != NULL && str[0] == '\0')
        g_value_set_string (&normal, NULL);
      else if (!nullable && str == NULL)
        g_value_set_static_string (&normal, "");
    }

  if (g_param_values_cmp (pspec, slot, &normal) == 0)
    return;

  g_value_copy (&normal, slot);
  g_object_notify_by_pspec (object, pspec);
}

/* The values are made here rather than in init: while GObject runs the
 * base type's init, the instance still has the base class, whose fields
 * are none.
 */
static void
tov_record_constructed (GObject *object)
{
  TovRecord *self = TOV_RECORD (object);
  TovRecordPrivate *priv = tov_record_get_instance_private (self);
  TovRecordClass *klass = TOV_RECORD_GET_CLASS (self);

  G_OBJECT_CLASS (tov_record_parent_class)->constructed (object);

  priv->values = g_new0 (GValue, klass->n_fields);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_value_init (&priv->values[i], klass->fields[i]->value_type);
      g_param_value_set_default (klass->fields[i], &priv->values[i]);
    }
}

static void
tov_record_class_init (TovRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = tov_record_constructed;
  object_class->finalize = tov_record_finalize;
  object_class->get_property = tov_record_get_property;
  object_class->set_property = tov_record_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, FIELD_FLAGS);
  properties[PROP_CREATED] =
    g_param_spec_string ("created", NULL, NULL, NULL, FIELD_FLAGS);
  properties[PROP_UPDATED] =
    g_param_spec_string ("updated", NULL, NULL, NULL, FIELD_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  required_quark = g_quark_from_static_string ("tov-required");
  date_quark = g_quark_from_static_string ("tov-date");
  ref_quark = g_quark_from_static_string ("tov-ref");
}

static void
tov_record_init (TovRecord *self)
{
  TovRecordPrivate *priv = tov_record_get_instance_private (self);

  priv->id = tov_new_uuid ();
}

/**
 * tov_record_class_install_fields:
 *
 * Installs @fields as the properties of the record class. The class takes
 * ownership of the param specs, which live as long as the type.
 */
void
tov_record_class_install_fields (TovRecordClass  *klass,
                                 GParamSpec     **fields,
                                 guint            n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  g_return_if_fail (TOV_IS_RECORD_CLASS (klass));

  object_class->get_property = field_get_property;
  object_class->set_property = field_set_property;

  klass->fields = g_new (GParamSpec *, n_fields);
  klass->n_fields = n_fields;
  for (guint i = 0; i < n_fields; i++)
    {
      klass->fields[i] = fields[i];
      g_object_class_install_property (object_class, i + 1, fields[i]);
    }
}

const char *
tov_record_get_id (TovRecord *self)
{
  TovRecordPrivate *priv = tov_record_get_instance_private (self);

  g_return_val_if_fail (TOV_IS_RECORD (self), NULL);

  return priv->id;
}

const char *
tov_record_get_created (TovRecord *self)
{
  TovRecordPrivate *priv = tov_record_get_instance_private (self);

  g_return_val_if_fail (TOV_IS_RECORD (self), NULL);

  return priv->created;
}

const char *
tov_record_get_updated (TovRecord *self)
{
  TovRecordPrivate *priv = tov_record_get_instance_private (self);

  g_return_val_if_fail (TOV_IS_RECORD (self), NULL);

  return priv->updated;
}

/**
 * tov_record_peek_value:
 *
 * Returns: (transfer none): the value of the field named @field, which must
 *   be one of the record class's fields.
 */
const GValue *
tov_record_peek_value (TovRecord  *self,
                       const char *field)
{
  TovRecordPrivate *priv = tov_record_get_instance_private (self);
  GParamSpec *pspec;

  g_return_val_if_fail (TOV_IS_RECORD (self), NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), field);
  g_return_val_if_fail (pspec != NULL && pspec->owner_type == G_OBJECT_TYPE (self), NULL);

  return &priv->values[pspec->param_id - 1];
}

const char *
tov_record_get_string (TovRecord  *self,
                       const char *field)
{
  const GValue *value = tov_record_peek_value (self, field);

  g_return_val_if_fail (value != NULL && G_VALUE_HOLDS_STRING (value), NULL);

  return g_value_get_string (value);
}

/**
 * tov_record_get_int:
 *
 * Returns: the value of an integer, money, boolean or choice field.
 */
gint64
tov_record_get_int (TovRecord  *self,
                    const char *field)
{
  const GValue *value = tov_record_peek_value (self, field);

  g_return_val_if_fail (value != NULL, 0);

  if (G_VALUE_HOLDS_INT64 (value))
    return g_value_get_int64 (value);
  if (G_VALUE_HOLDS_BOOLEAN (value))
    return g_value_get_boolean (value);
  if (G_VALUE_HOLDS_ENUM (value))
    return g_value_get_enum (value);

  g_return_val_if_reached (0);
}

/**
 * tov_record_copy:
 *
 * Returns: (transfer full): a new record of the same type with the same id
 *   and values, for a form to edit without touching the original.
 */
TovRecord *
tov_record_copy (TovRecord *self)
{
  TovRecord *copy;

  g_return_val_if_fail (TOV_IS_RECORD (self), NULL);

  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  tov_record_assign (copy, self);

  return copy;
}

/**
 * tov_record_assign:
 *
 * Gives @self every value of @other, a record of the same type, notifying
 * only the properties that change.
 */
void
tov_record_assign (TovRecord *self,
                   TovRecord *other)
{
  TovRecordPrivate *priv = tov_record_get_instance_private (self);
  TovRecordPrivate *other_priv = tov_record_get_instance_private (other);
  TovRecordClass *klass;

  g_return_if_fail (TOV_IS_RECORD (self));
  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (other));

  klass = TOV_RECORD_GET_CLASS (self);

  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &priv->id, other_priv->id, properties[PROP_ID]);
  set_string (self, &priv->created, other_priv->created, properties[PROP_CREATED]);
  set_string (self, &priv->updated, other_priv->updated, properties[PROP_UPDATED]);
  for (guint i = 0; i < klass->n_fields; i++)
    g_object_set_property (G_OBJECT (self), klass->fields[i]->name, &other_priv->values[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * tov_record_equal:
 *
 * Returns: whether both records have the same id and field values; the
 *   created and updated times are not compared.
 */
gboolean
tov_record_equal (TovRecord *self,
                  TovRecord *other)
{
  TovRecordPrivate *priv = tov_record_get_instance_private (self);
  TovRecordPrivate *other_priv = tov_record_get_instance_private (other);
  TovRecordClass *klass;

  g_return_val_if_fail (TOV_IS_RECORD (self), FALSE);
  g_return_val_if_fail (TOV_IS_RECORD (other), FALSE);

  if (G_OBJECT_TYPE (self) != G_OBJECT_TYPE (other) || g_strcmp0 (priv->id, other_priv->id) != 0)
    return FALSE;

  klass = TOV_RECORD_GET_CLASS (self);
  for (guint i = 0; i < klass->n_fields; i++)
    if (g_param_values_cmp (klass->fields[i], &priv->values[i], &other_priv->values[i]) != 0)
      return FALSE;

  return TRUE;
}

/**
 * tov_record_validate:
 *
 * Checks what every writer of a record must respect: required fields are
 * filled in and dates are real dates. The error names the field.
 */
gboolean
tov_record_validate (TovRecord  *self,
                     GError    **error)
{
  TovRecordPrivate *priv = tov_record_get_instance_private (self);
  TovRecordClass *klass;

  g_return_val_if_fail (TOV_IS_RECORD (self), FALSE);

  klass = TOV_RECORD_GET_CLASS (self);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      GParamSpec *pspec = klass->fields[i];
      const char *text;

      if (!G_IS_PARAM_SPEC_STRING (pspec))
        continue;

      text = g_value_get_string (&priv->values[i]);
      if (tov_param_is_required (pspec) && tov_text_is_blank (text))
        {
          g_set_error (error, TOV_ERROR, TOV_ERROR_INVALID,
                       _("%s must be filled in."), tov_field_label (pspec->name));
          return FALSE;
        }
      if (tov_param_is_date (pspec) && text != NULL && !tov_date_is_valid_iso (text))
        {
          g_set_error (error, TOV_ERROR, TOV_ERROR_INVALID,
                       _("%s is not a date."), tov_field_label (pspec->name));
          return FALSE;
        }
    }

  return klass->validate == NULL || klass->validate (self, error);
}

static GParamSpec *
mark (GParamSpec *pspec,
      GQuark      quark,
      gpointer    data)
{
  if (data != NULL)
    g_param_spec_set_qdata (pspec, quark, data);
  return pspec;
}

GParamSpec *
tov_param_spec_text (const char *name,
                     gboolean    required)
{
  GParamSpec *pspec = g_param_spec_string (name, NULL, NULL, "", FIELD_FLAGS);

  return mark (pspec, required_quark, GINT_TO_POINTER (required));
}

GParamSpec *
tov_param_spec_date (const char *name,
                     gboolean    required)
{
  GParamSpec *pspec = g_param_spec_string (name, NULL, NULL, NULL, FIELD_FLAGS);

  mark (pspec, date_quark, GINT_TO_POINTER (TRUE));
  return mark (pspec, required_quark, GINT_TO_POINTER (required));
}

GParamSpec *
tov_param_spec_ref (const char *name,
                    GType       target,
                    gboolean    required)
{
  GParamSpec *pspec = g_param_spec_string (name, NULL, NULL, NULL, FIELD_FLAGS);

  mark (pspec, ref_quark, GSIZE_TO_POINTER (target));
  return mark (pspec, required_quark, GINT_TO_POINTER (required));
}

GParamSpec *
tov_param_spec_int (const char *name,
                    gint64      minimum,
                    gint64      maximum)
{
  return g_param_spec_int64 (name, NULL, NULL, minimum, maximum, CLAMP (0, minimum, maximum), FIELD_FLAGS);
}

/* Whole øre, never a float; the ceiling is far above any municipal budget
 * and well inside the integers that JSON carries exactly.
 */
GParamSpec *
tov_param_spec_money (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, 0, G_GINT64_CONSTANT (10000000000000), 0, FIELD_FLAGS);
}

GParamSpec *
tov_param_spec_bool (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE, FIELD_FLAGS);
}

GParamSpec *
tov_param_spec_choice (const char *name,
                       GType       enum_type,
                       int         default_value)
{
  return g_param_spec_enum (name, NULL, NULL, enum_type, default_value, FIELD_FLAGS);
}

gboolean
tov_param_is_required (GParamSpec *pspec)
{
  return g_param_spec_get_qdata (pspec, required_quark) != NULL;
}

gboolean
tov_param_is_date (GParamSpec *pspec)
{
  return g_param_spec_get_qdata (pspec, date_quark) != NULL;
}

GType
tov_param_get_ref_type (GParamSpec *pspec)
{
  return GPOINTER_TO_SIZE (g_param_spec_get_qdata (pspec, ref_quark));
}

/**
 * tov_field_key:
 *
 * Returns: (transfer full): the column and JSON key of a field: its
 *   property name in snake_case.
 */
char *
tov_field_key (GParamSpec *pspec)
{
  return g_strdelimit (g_strdup (pspec->name), "-", '_');
}

char *
tov_new_uuid (void)
{
  return g_uuid_string_random ();
}

/* Timestamps are UTC to the second, so that exports are stable and read the
 * same on every machine.
 */
char *
tov_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}
