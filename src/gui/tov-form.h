/* tov-form.h: the rows of a form, bound to the fields of a record.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tov-store.h"

G_BEGIN_DECLS

#define TOV_TYPE_FORM (tov_form_get_type ())

G_DECLARE_FINAL_TYPE (TovForm, tov_form, TOV, FORM, GObject)

TovForm   *tov_form_new           (TovStore    *store,
                                   TovRecord   *record);
TovRecord *tov_form_get_record    (TovForm     *self);
gboolean   tov_form_get_valid     (TovForm     *self);

void       tov_form_add_text      (TovForm     *self,
                                   AdwEntryRow *row,
                                   const char  *field);
void       tov_form_add_int       (TovForm     *self,
                                   AdwEntryRow *row,
                                   const char  *field);
void       tov_form_add_money     (TovForm     *self,
                                   AdwEntryRow *row,
                                   const char  *field);
void       tov_form_add_date      (TovForm     *self,
                                   AdwEntryRow *row,
                                   const char  *field);
void       tov_form_add_period    (TovForm     *self,
                                   const char  *start_field,
                                   const char  *end_field);
void       tov_form_add_choice    (TovForm     *self,
                                   AdwComboRow *row,
                                   const char  *field);
void       tov_form_add_reference (TovForm     *self,
                                   AdwComboRow *row,
                                   const char  *field);
void       tov_form_add_switch    (TovForm     *self,
                                   GtkSwitch   *toggle,
                                   const char  *field);
void       tov_form_add_text_view (TovForm     *self,
                                   GtkTextView *view,
                                   const char  *field);
void       tov_form_refresh_reference (TovForm    *self,
                                       const char *field);

gboolean   tov_form_save          (TovForm     *self,
                                   GError     **error);

G_END_DECLS
