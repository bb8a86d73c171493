/* tov-form.c: the rows of a form, bound to the fields of a record.
 *
 * A form edits a copy of a record. Each row is bound to one field: it is
 * titled with the field's label, checked as the user types, and writes
 * the field only when its text is valid. A row that is not valid turns red
 * and says why in its title, and the form's "valid" property stays FALSE
 * until every row is valid, so a Save button can bind to it. Nothing is
 * written to the portfolio until tov_form_save().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-form"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "tov-date.h"
#include "tov-form.h"
#include "tov-labels.h"
#include "tov-money.h"
#include "tov-query-model.h"
#include "tov-records.h"
#include "tov-text.h"

typedef enum
{
  KIND_TEXT,
  KIND_INT,
  KIND_MONEY,
  KIND_DATE,
} EntryKind;

typedef struct
{
  TovForm *form;
  GtkWidget *widget;
  GParamSpec *pspec;
  EntryKind kind;
  char *error;
  GPtrArray *ids;   /* for references: the id of each combo item, NULL for none */
} Binding;

struct _TovForm
{
  GObject parent_instance;

  TovStore *store;
  TovRecord *record;
  GPtrArray *bindings;
  char *start_field;
  char *end_field;
  gboolean valid;
};

G_DEFINE_FINAL_TYPE (TovForm, tov_form, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
binding_free (gpointer data)
{
  Binding *binding = data;

  g_free (binding->error);
  g_clear_pointer (&binding->ids, g_ptr_array_unref);
  g_free (binding);
}

static void
tov_form_finalize (GObject *object)
{
  TovForm *self = TOV_FORM (object);

  g_ptr_array_unref (self->bindings);
  g_clear_object (&self->record);
  g_clear_object (&self->store);
  g_free (self->start_field);
  g_free (self->end_field);

  G_OBJECT_CLASS (tov_form_parent_class)->finalize (object);
}

static void
tov_form_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_VALID:
      g_value_set_boolean (value, TOV_FORM (object)->valid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tov_form_class_init (TovFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tov_form_finalize;
  object_class->get_property = tov_form_get_property;

  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tov_form_init (TovForm *self)
{
  self->bindings = g_ptr_array_new_with_free_func (binding_free);
}

/**
 * tov_form_new:
 * @record: the record to edit: a copy, or a new record
 */
TovForm *
tov_form_new (TovStore  *store,
              TovRecord *record)
{
  TovForm *self = g_object_new (TOV_TYPE_FORM, NULL);

  self->store = g_object_ref (store);
  self->record = g_object_ref (record);
  self->valid = TRUE;

  return self;
}

TovRecord *
tov_form_get_record (TovForm *self)
{
  g_return_val_if_fail (TOV_IS_FORM (self), NULL);

  return self->record;
}

gboolean
tov_form_get_valid (TovForm *self)
{
  g_return_val_if_fail (TOV_IS_FORM (self), FALSE);

  return self->valid;
}

static char *
row_title (Binding *binding)
{
  const char *label = tov_field_label (binding->pspec->name);

  if (binding->error != NULL)
    /* Translators: a form field's label and why its value is refused */
    return g_strdup_printf (_("%s: %s"), label, binding->error);
  if (tov_param_is_required (binding->pspec))
    /* Translators: the label of a field that must be filled in */
    return g_strdup_printf (_("%s (required)"), label);
  return g_strdup (label);
}

static void
show_state (Binding *binding)
{
  g_autofree char *title = row_title (binding);

  if (ADW_IS_PREFERENCES_ROW (binding->widget))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (binding->widget), title);
  if (binding->error != NULL)
    gtk_widget_add_css_class (binding->widget, "error");
  else
    gtk_widget_remove_css_class (binding->widget, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (binding->widget),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               binding->error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static Binding *
find_binding (TovForm    *self,
              const char *field)
{
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *binding = g_ptr_array_index (self->bindings, i);

      if (g_str_equal (binding->pspec->name, field))
        return binding;
    }
  return NULL;
}

/* Whether the period's end comes before its start. Dates compare as
 * ISO text; whole numbers (years) as numbers, where 0 means not given.
 */
static gboolean
period_is_reversed (TovForm *self)
{
  const GValue *start = tov_record_peek_value (self->record, self->start_field);
  const GValue *end = tov_record_peek_value (self->record, self->end_field);

  if (G_VALUE_HOLDS_INT64 (start))
    return g_value_get_int64 (start) > 0 && g_value_get_int64 (end) > 0 &&
           g_value_get_int64 (end) < g_value_get_int64 (start);

  return g_value_get_string (start) != NULL && g_value_get_string (end) != NULL &&
         tov_date_compare (g_value_get_string (end), g_value_get_string (start)) < 0;
}

/* An end before its start is the end's error, shown at the end's row. */
static void
check_period (TovForm *self)
{
  Binding *end;

  if (self->start_field == NULL)
    return;

  end = find_binding (self, self->end_field);
  if (end == NULL || (end->error != NULL && !g_object_get_data (G_OBJECT (end->widget), "period-error")))
    return;

  g_clear_pointer (&end->error, g_free);
  g_object_set_data (G_OBJECT (end->widget), "period-error", NULL);
  if (period_is_reversed (self))
    {
      end->error = g_strdup (_("ends before it starts"));
      g_object_set_data (G_OBJECT (end->widget), "period-error", GINT_TO_POINTER (TRUE));
    }
  show_state (end);
}

static void
update_valid (TovForm *self)
{
  gboolean valid = TRUE;

  check_period (self);
  for (guint i = 0; i < self->bindings->len && valid; i++)
    valid = ((Binding *) g_ptr_array_index (self->bindings, i))->error == NULL;
  /* A required field left empty in a new record shows no error, yet. */
  valid = valid && tov_record_validate (self->record, NULL);

  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

static gboolean
parse_int (const char  *text,
           GParamSpec  *pspec,
           gint64      *out,
           char       **error)
{
  GParamSpecInt64 *range = G_PARAM_SPEC_INT64 (pspec);
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gint64 value = 0;

  if (stripped[0] != '\0' && !g_ascii_string_to_signed (stripped, 10, G_MININT64, G_MAXINT64, &value, NULL))
    {
      *error = g_strdup (_("write a whole number"));
      return FALSE;
    }
  if (value < range->minimum || value > range->maximum)
    {
      *error = g_strdup_printf (_("must be between %" PRId64 " and %" PRId64),
                                range->minimum, range->maximum);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

/* Reads the row's text into the record, or says what is wrong with it. */
static void
on_entry_changed (Binding *binding)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (binding->widget));
  GObject *record = G_OBJECT (binding->form->record);
  const char *name = binding->pspec->name;
  g_autoptr(GError) error = NULL;
  char *message = NULL;

  g_clear_pointer (&binding->error, g_free);

  if (tov_param_is_required (binding->pspec) && tov_text_is_blank (text))
    message = g_strdup (_("must be filled in"));
  else
    switch (binding->kind)
      {
      case KIND_TEXT:
        g_object_set (record, name, text, NULL);
        break;

      case KIND_INT:
        {
          gint64 value;

          if (parse_int (text, binding->pspec, &value, &message))
            g_object_set (record, name, value, NULL);
        }
        break;

      case KIND_MONEY:
        {
          gint64 ore = 0;

          if (tov_text_is_blank (text) || tov_money_parse (text, TOV_MONEY_NONE, &ore, &error))
            g_object_set (record, name, ore, NULL);
          else
            message = g_strdup (error->message);
        }
        break;

      case KIND_DATE:
        {
          g_autofree char *iso = NULL;

          if (tov_text_is_blank (text))
            g_object_set (record, name, NULL, NULL);
          else if (tov_date_parse (text, &iso, &error))
            g_object_set (record, name, iso, NULL);
          else
            message = g_strdup (error->message);
        }
        break;

      default:
        g_assert_not_reached ();
      }

  binding->error = message;
  show_state (binding);
  update_valid (binding->form);
}

static Binding *
add_binding (TovForm    *self,
             GtkWidget  *widget,
             const char *field)
{
  Binding *binding = g_new0 (Binding, 1);

  binding->form = self;
  binding->widget = widget;
  binding->pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->record), field);
  g_assert (binding->pspec != NULL);
  g_ptr_array_add (self->bindings, binding);

  return binding;
}

static char *
entry_text (TovForm   *self,
            Binding   *binding)
{
  switch (binding->kind)
    {
    case KIND_TEXT:
      return g_strdup (tov_record_get_string (self->record, binding->pspec->name));

    case KIND_INT:
      {
        gint64 value = tov_record_get_int (self->record, binding->pspec->name);

        return value != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : g_strdup ("");
      }

    case KIND_MONEY:
      {
        gint64 ore = tov_record_get_int (self->record, binding->pspec->name);

        return ore != 0 ? tov_money_format_plain (ore) : g_strdup ("");
      }

    case KIND_DATE:
      {
        const char *iso = tov_record_get_string (self->record, binding->pspec->name);

        return iso != NULL ? tov_date_format (iso) : g_strdup ("");
      }

    default:
      g_assert_not_reached ();
    }
}

static void
add_entry (TovForm     *self,
           AdwEntryRow *row,
           const char  *field,
           EntryKind    kind)
{
  Binding *binding;
  g_autofree char *text = NULL;

  g_return_if_fail (TOV_IS_FORM (self));
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  binding = add_binding (self, GTK_WIDGET (row), field);
  binding->kind = kind;
  text = entry_text (self, binding);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (on_entry_changed), binding);
  on_entry_changed (binding);

  /* A new record starts empty: say what is required, not that it is wrong. */
  if (binding->error != NULL && tov_text_is_blank (text))
    {
      g_clear_pointer (&binding->error, g_free);
      show_state (binding);
      update_valid (self);
    }
}

void
tov_form_add_text (TovForm     *self,
                   AdwEntryRow *row,
                   const char  *field)
{
  add_entry (self, row, field, KIND_TEXT);
}

void
tov_form_add_int (TovForm     *self,
                  AdwEntryRow *row,
                  const char  *field)
{
  add_entry (self, row, field, KIND_INT);
}

void
tov_form_add_money (TovForm     *self,
                    AdwEntryRow *row,
                    const char  *field)
{
  add_entry (self, row, field, KIND_MONEY);
}

void
tov_form_add_date (TovForm     *self,
                   AdwEntryRow *row,
                   const char  *field)
{
  add_entry (self, row, field, KIND_DATE);
}

/**
 * tov_form_add_period:
 *
 * Refuses an @end_field before the @start_field: two dates added with
 * tov_form_add_date(), or two years added with tov_form_add_int().
 */
void
tov_form_add_period (TovForm    *self,
                     const char *start_field,
                     const char *end_field)
{
  g_return_if_fail (TOV_IS_FORM (self));

  self->start_field = g_strdup (start_field);
  self->end_field = g_strdup (end_field);
  update_valid (self);
}

static void
on_combo_selected (Binding *binding)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (binding->widget));
  GObject *record = G_OBJECT (binding->form->record);

  if (selected == GTK_INVALID_LIST_POSITION)
    return;

  if (binding->ids != NULL)
    g_object_set (record, binding->pspec->name, g_ptr_array_index (binding->ids, selected), NULL);
  else
    g_object_set (record, binding->pspec->name, (int) selected, NULL);
  update_valid (binding->form);
}

/**
 * tov_form_add_choice:
 *
 * Offers the choices of an enum field, in their order, by their labels.
 */
void
tov_form_add_choice (TovForm     *self,
                     AdwComboRow *row,
                     const char  *field)
{
  Binding *binding;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GEnumClass *enum_class;

  g_return_if_fail (TOV_IS_FORM (self));

  binding = add_binding (self, GTK_WIDGET (row), field);
  enum_class = g_type_class_peek (binding->pspec->value_type);
  for (guint i = 0; i < enum_class->n_values; i++)
    gtk_string_list_append (labels, tov_choice_label (binding->pspec->value_type, enum_class->values[i].value));

  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, tov_record_get_int (self->record, field));
  show_state (binding);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (on_combo_selected), binding);
}

static char *
record_label (TovRecord *record)
{
  TovRecordClass *klass = TOV_RECORD_GET_CLASS (record);
  const GValue *number = NULL;
  const char *label = tov_record_get_string (record, klass->label);

  if (g_object_class_find_property (G_OBJECT_CLASS (klass), "number") != NULL &&
      !g_str_equal (klass->label, "number"))
    number = tov_record_peek_value (record, "number");

  if (number != NULL && G_VALUE_HOLDS_INT64 (number) && g_value_get_int64 (number) > 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT ". %s", g_value_get_int64 (number), label);
  return g_strdup (label);
}

/* Lists every record the binding's field can refer to, in their natural
 * order, "None" first when the field is optional, and selects the one the
 * record refers to. A required reference not yet chosen selects nothing,
 * so that the form waits for a choice rather than taking the first.
 */
static void
fill_references (Binding *binding)
{
  TovForm *self = binding->form;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(TovQueryModel) targets = NULL;
  g_autofree char *current = g_strdup (tov_record_get_string (self->record, binding->pspec->name));
  guint selected = GTK_INVALID_LIST_POSITION;
  guint n;

  g_ptr_array_set_size (binding->ids, 0);
  if (!tov_param_is_required (binding->pspec))
    {
      gtk_string_list_append (labels, _("None"));
      g_ptr_array_add (binding->ids, NULL);
      selected = 0;
    }

  targets = tov_query_model_new (self->store, tov_param_get_ref_type (binding->pspec));
  n = g_list_model_get_n_items (G_LIST_MODEL (targets));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TovRecord) target = g_list_model_get_item (G_LIST_MODEL (targets), i);
      g_autofree char *label = record_label (target);

      if (g_strcmp0 (tov_record_get_id (target), current) == 0)
        selected = binding->ids->len;
      gtk_string_list_append (labels, label);
      g_ptr_array_add (binding->ids, g_strdup (tov_record_get_id (target)));
    }

  /* The new list is read into the record once it is complete and selected. */
  g_signal_handlers_block_by_func (binding->widget, on_combo_selected, binding);
  adw_combo_row_set_model (ADW_COMBO_ROW (binding->widget), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (binding->widget), selected);
  g_signal_handlers_unblock_by_func (binding->widget, on_combo_selected, binding);

  on_combo_selected (binding);
  show_state (binding);
}

/**
 * tov_form_add_reference:
 *
 * Offers every record the field can refer to, by their labels.
 */
void
tov_form_add_reference (TovForm     *self,
                        AdwComboRow *row,
                        const char  *field)
{
  Binding *binding;

  g_return_if_fail (TOV_IS_FORM (self));

  binding = add_binding (self, GTK_WIDGET (row), field);
  binding->ids = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (on_combo_selected), binding);
  fill_references (binding);
}

static void
on_switch_active (Binding *binding)
{
  g_object_set (binding->form->record, binding->pspec->name,
                gtk_switch_get_active (GTK_SWITCH (binding->widget)), NULL);
}

void
tov_form_add_switch (TovForm    *self,
                     GtkSwitch  *toggle,
                     const char *field)
{
  Binding *binding;

  g_return_if_fail (TOV_IS_FORM (self));

  binding = add_binding (self, GTK_WIDGET (toggle), field);
  gtk_switch_set_active (toggle, tov_record_get_int (self->record, field) != 0);
  g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (on_switch_active), binding);
}

static void
on_buffer_changed (Binding *binding)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (binding->widget));
  GtkTextIter start;
  GtkTextIter end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_object_set (binding->form->record, binding->pspec->name, text, NULL);
  update_valid (binding->form);
}

/**
 * tov_form_add_text_view:
 *
 * Binds a text field of many lines, such as a purpose or a status.
 */
void
tov_form_add_text_view (TovForm     *self,
                        GtkTextView *view,
                        const char  *field)
{
  Binding *binding;
  GtkTextBuffer *buffer;

  g_return_if_fail (TOV_IS_FORM (self));

  binding = add_binding (self, GTK_WIDGET (view), field);
  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_set_text (buffer, tov_record_get_string (self->record, field), -1);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (on_buffer_changed), binding);
}

/**
 * tov_form_save:
 *
 * Hands the edited record to the store, which commits it in one
 * transaction. Returns %FALSE with @error set when the store refuses it.
 */
gboolean
tov_form_save (TovForm  *self,
               GError  **error)
{
  g_return_val_if_fail (TOV_IS_FORM (self), FALSE);
  g_return_val_if_fail (self->valid, FALSE);

  return tov_store_save (self->store, self->record, error);
}

/**
 * tov_form_refresh_reference:
 * @field: a field added with tov_form_add_reference()
 *
 * Reads the records @field can refer to again, after one was added
 * elsewhere (a new organisation made from a partnership's form), and
 * selects the one the record refers to now. Set the field on the record
 * first to select a new record.
 */
void
tov_form_refresh_reference (TovForm    *self,
                            const char *field)
{
  Binding *binding;

  g_return_if_fail (TOV_IS_FORM (self));

  binding = find_binding (self, field);
  g_return_if_fail (binding != NULL && binding->ids != NULL);

  fill_references (binding);
  update_valid (self);
}
