/* tov-sheet-partnerships.c: every collaboration agreement in one table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-report"

#include "config.h"

#include "tov-date.h"
#include "tov-query-model.h"
#include "tov-records.h"
#include "tov-renewal.h"
#include "tov-labels.h"
#include "tov-report-labels.h"
#include "tov-report-queries.h"
#include "tov-report-sheets.h"

static char *
renewal_text (TovRecord  *partnership,
              const char *today)
{
  g_autofree char *due = tov_report_format_short_date (tov_record_get_string (partnership, "renewal-due"));

  switch (tov_partnership_renewal_status (partnership, today))
    {
    case TOV_RENEWAL_OVERDUE:
      return g_strdup_printf ("%s\nOverskredet", due);

    case TOV_RENEWAL_DUE_SOON:
      return g_strdup_printf ("%s\nSnart", due);

    case TOV_RENEWAL_NONE:
    default:
      return g_steal_pointer (&due);
    }
}

/* The latest status with its date, or else the agreement's notes. */
static char *
latest_status (TovStore  *store,
               TovRecord *partnership)
{
  g_autoptr(TovRecord) update = tov_report_query_latest (store, TOV_TYPE_STATUS_UPDATE, "partnership_id",
                                                         tov_record_get_id (partnership));
  g_autofree char *date = NULL;

  if (update == NULL)
    return g_strdup (tov_record_get_string (partnership, "notes"));

  date = tov_report_format_short_date (tov_record_get_string (update, "date"));
  return g_strdup_printf ("%s: %s", date, tov_record_get_string (update, "text"));
}

void
tov_sheet_build_partnerships (TovReportBlocks *blocks,
                              TovStore        *store,
                              const char      *today)
{
  static const TovReportColumn columns[] = {
    { "Aftale og organisation", 0.23, PANGO_ALIGN_LEFT, TRUE },
    { "Vores enhed", 0.13, PANGO_ALIGN_LEFT },
    { "Tilstand", 0.11, PANGO_ALIGN_LEFT },
    { "Indgået", 0.11, PANGO_ALIGN_LEFT },
    { "Fornyes", 0.13, PANGO_ALIGN_LEFT },
    { "Seneste status", 0.29, PANGO_ALIGN_LEFT },
  };
  g_autoptr(TovQueryModel) partnerships = tov_query_model_new (store, TOV_TYPE_PARTNERSHIP);
  g_autoptr(GHashTable) organisations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (partnerships));
  g_autofree char *date = tov_date_format_danish (today);
  g_autofree char *subtitle = g_strdup_printf ("%u %s · status pr. %s", n,
                                               n == 1 ? "samarbejdsaftale" : "samarbejdsaftaler", date);
  TovReportTable *table;

  tov_report_blocks_add_title (blocks, "Status på samarbejdsaftaler");
  tov_report_blocks_add_subtitle (blocks, subtitle);

  if (n == 0)
    {
      tov_report_blocks_add_space (blocks, 8);
      tov_report_blocks_add_text (blocks, "Der er endnu ingen samarbejdsaftaler.");
      return;
    }

  table = tov_report_blocks_add_table (blocks, TOV_TABLE_GRID, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TovRecord) partnership = g_list_model_get_item (G_LIST_MODEL (partnerships), i);
      const char *organisation_id = tov_record_get_string (partnership, "organisation-id");
      const char *organisation = organisation_id ? g_hash_table_lookup (organisations, organisation_id) : NULL;
      g_autofree char *agreement = NULL;
      g_autofree char *signed_on = tov_report_format_short_date (tov_record_get_string (partnership, "signed-on"));
      g_autofree char *renewal = renewal_text (partnership, today);
      g_autofree char *status = latest_status (store, partnership);
      const char *cells[6];

      if (organisation == NULL && organisation_id != NULL)
        {
          g_autoptr(TovRecord) record = tov_store_lookup (store, TOV_TYPE_ORGANISATION, organisation_id);
          char *name = g_strdup (record ? tov_record_get_string (record, "name") : "");

          g_hash_table_insert (organisations, g_strdup (organisation_id), name);
          organisation = name;
        }

      if (organisation != NULL && organisation[0] != '\0')
        agreement = g_strdup_printf ("%s\n%s", tov_record_get_string (partnership, "title"), organisation);
      else
        agreement = g_strdup (tov_record_get_string (partnership, "title"));

      cells[0] = agreement;
      cells[1] = tov_record_get_string (partnership, "unit");
      cells[2] = tov_choice_label_danish (TOV_TYPE_PARTNERSHIP_STATE, tov_record_get_int (partnership, "state"));
      cells[3] = signed_on;
      cells[4] = renewal;
      cells[5] = status;
      tov_report_table_add_row (table, TOV_ROW_NORMAL, cells);
    }
}
