/* tov-record.h: the base of every record kept in a portfolio.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TOV_TYPE_RECORD (tov_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (TovRecord, tov_record, TOV, RECORD, GObject)

/* A record type is described once, by its GObject properties. A subclass
 * installs its fields with tov_record_class_install_fields(); the store, the
 * JSON codec and the tests walk them. Every field property maps to a column
 * and a JSON key of the same name in snake_case.
 */
struct _TovRecordClass
{
  GObjectClass parent_class;

  /* The SQL table, e.g. "budget_line", and the JSON collection, "budget_lines". */
  const char *table;
  const char *collection;
  /* SQL ORDER BY of the record's natural order, e.g. "number". */
  const char *natural_order;
  /* The column that names a record in a list or a reference, e.g. "title". */
  const char *label;

  GParamSpec **fields;
  guint n_fields;

  /* Rules across fields, beyond each field's own; may be NULL. */
  gboolean (*validate) (TovRecord  *self,
                        GError    **error);
};

void          tov_record_class_install_fields (TovRecordClass  *klass,
                                               GParamSpec     **fields,
                                               guint            n_fields);

const char   *tov_record_get_id               (TovRecord       *self);
const char   *tov_record_get_created          (TovRecord       *self);
const char   *tov_record_get_updated          (TovRecord       *self);

const GValue *tov_record_peek_value           (TovRecord       *self,
                                               const char      *field);
const char   *tov_record_get_string           (TovRecord       *self,
                                               const char      *field);
gint64        tov_record_get_int              (TovRecord       *self,
                                               const char      *field);

TovRecord    *tov_record_copy                 (TovRecord       *self);
void          tov_record_assign               (TovRecord       *self,
                                               TovRecord       *other);
gboolean      tov_record_equal                (TovRecord       *self,
                                               TovRecord       *other);
gboolean      tov_record_validate             (TovRecord       *self,
                                               GError         **error);

/* Field metadata, kept on the GParamSpec itself. */
GParamSpec   *tov_param_spec_text             (const char      *name,
                                               gboolean         required);
GParamSpec   *tov_param_spec_date             (const char      *name,
                                               gboolean         required);
GParamSpec   *tov_param_spec_ref              (const char      *name,
                                               GType            target,
                                               gboolean         required);
GParamSpec   *tov_param_spec_int              (const char      *name,
                                               gint64           minimum,
                                               gint64           maximum);
GParamSpec   *tov_param_spec_money            (const char      *name);
GParamSpec   *tov_param_spec_bool             (const char      *name);
GParamSpec   *tov_param_spec_choice           (const char      *name,
                                               GType            enum_type,
                                               int              default_value);

gboolean      tov_param_is_required           (GParamSpec      *pspec);
gboolean      tov_param_is_date               (GParamSpec      *pspec);
GType         tov_param_get_ref_type          (GParamSpec      *pspec);

char         *tov_field_key                   (GParamSpec      *pspec);
char         *tov_new_uuid                    (void);
char         *tov_timestamp_now               (void);

G_END_DECLS
