/* tov-status-update.c: a dated note on the progress of a project, an initiative or a partnership.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tov-enum-types.h"
#include "tov-error.h"
#include "tov-initiative.h"
#include "tov-partnership.h"
#include "tov-project.h"
#include "tov-status-update.h"

struct _TovStatusUpdate
{
  TovRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TovStatusUpdate, tov_status_update, TOV_TYPE_RECORD)

/* A status is about exactly one thing: a project, an initiative or a partnership. */
static gboolean
tov_status_update_validate (TovRecord  *record,
                            GError    **error)
{
  const char *subjects[] = { "project-id", "initiative-id", "partnership-id" };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
    n += tov_record_get_string (record, subjects[i]) != NULL;

  if (n != 1)
    {
      g_set_error_literal (error, TOV_ERROR, TOV_ERROR_INVALID,
                           _("A status belongs to one project, initiative or partnership."));
      return FALSE;
    }
  return TRUE;
}

static void
tov_status_update_class_init (TovStatusUpdateClass *klass)
{
  TovRecordClass *record_class = TOV_RECORD_CLASS (klass);
  GParamSpec *fields[] = {
    tov_param_spec_ref ("project-id", TOV_TYPE_PROJECT, FALSE),
    tov_param_spec_ref ("initiative-id", TOV_TYPE_INITIATIVE, FALSE),
    tov_param_spec_ref ("partnership-id", TOV_TYPE_PARTNERSHIP, FALSE),
    tov_param_spec_date ("date", TRUE),
    tov_param_spec_choice ("state", TOV_TYPE_PROGRESS, TOV_PROGRESS_IN_PROGRESS),
    tov_param_spec_text ("text", TRUE),
  };

  record_class->table = "status_update";
  record_class->collection = "status_updates";
  record_class->natural_order = "date DESC, created DESC";
  record_class->label = "text";
  record_class->validate = tov_status_update_validate;
  tov_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
tov_status_update_init (TovStatusUpdate *self)
{
}
