/* tov-sheet-action-plan.c: "Status på handleplan for udsattepolitikken 2017-2019".
 *
 * One block per initiative in number order, with the fields in the order
 * the municipality's own status sheets use, and every status, the latest
 * first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-report"

#include "config.h"

#include <string.h>

#include "tov-date.h"
#include "tov-records.h"
#include "tov-labels.h"
#include "tov-report-labels.h"
#include "tov-report-queries.h"
#include "tov-report-sheets.h"

/* Fields longer than this do not share a line with another. */
#define SHORT_FIELD 60

static char *
plan_period (TovRecord *plan)
{
  gint64 from = tov_record_get_int (plan, "period-from");
  gint64 to = tov_record_get_int (plan, "period-to");

  if (from > 0 && to > 0 && from != to)
    return g_strdup_printf ("%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, from, to);
  if (from > 0 || to > 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, from > 0 ? from : to);
  return NULL;
}

static char *
sheet_title (TovStore  *store,
             TovRecord *plan)
{
  g_autoptr(TovRecord) policy = tov_store_lookup (store, TOV_TYPE_POLICY, tov_record_get_string (plan, "policy-id"));
  g_autofree char *period = plan_period (plan);
  g_autofree char *name = NULL;

  /* Without its policy a plan is named by its own title, which the
   * documents write as "Handleplan for …".
   */
  if (policy == NULL || tov_record_get_string (policy, "title")[0] == '\0')
    {
      g_autofree char *title = tov_report_lower_first (tov_record_get_string (plan, "title"));

      return g_strdup_printf ("Status på %s", title);
    }

  name = tov_report_lower_first (tov_record_get_string (policy, "title"));
  if (period == NULL)
    return g_strdup_printf ("Status på handleplan for %s", name);
  return g_strdup_printf ("Status på handleplan for %s %s", name, period);
}

static void
add_strategy_goals (TovReportBlocks *blocks,
                    TovStore        *store,
                    const char      *policy_id)
{
  g_autoptr(GPtrArray) goals = tov_report_query_children (store, TOV_TYPE_STRATEGY_GOAL, "policy_id", policy_id);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < goals->len; i++)
    {
      TovRecord *goal = g_ptr_array_index (goals, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%" G_GINT64_FORMAT ". %s",
                              tov_record_get_int (goal, "number"), tov_record_get_string (goal, "title"));
    }

  tov_report_blocks_add_field (blocks, "Politikkens strategimål", text->str);
}

static char *
initiative_purpose (TovRecord *initiative)
{
  const char *purpose = tov_record_get_string (initiative, "purpose");
  g_autofree char *goals = g_strstrip (g_strdup (tov_record_get_string (initiative, "strategy-goals")));
  g_autofree char *line = NULL;

  if (goals[0] == '\0')
    return g_strdup (purpose);

  line = g_str_has_prefix (goals, "Strategimål") ? g_strdup (goals) : g_strdup_printf ("Strategimål: %s", goals);
  if (purpose[0] == '\0')
    return g_steal_pointer (&line);
  return g_strdup_printf ("%s\n\n%s", purpose, line);
}

static char *
initiative_period (TovRecord *initiative)
{
  const char *text = tov_record_get_string (initiative, "period-text");

  if (text[0] != '\0')
    return g_strdup (text);
  return tov_report_format_period (tov_record_get_string (initiative, "start-date"),
                                   tov_record_get_string (initiative, "end-date"));
}

static gboolean
is_short (const char *text)
{
  return strchr (text, '\n') == NULL && g_utf8_strlen (text, -1) <= SHORT_FIELD;
}

/* The coordinator and the period side by side, as in the documents'
 * tables, when both are short; one above the other otherwise.
 */
static void
add_coordinator_and_period (TovReportBlocks *blocks,
                            const char      *coordinator,
                            const char      *period)
{
  static const TovReportColumn columns[] = {
    { "Tovholder", 0.5, PANGO_ALIGN_LEFT },
    { "Periode", 0.5, PANGO_ALIGN_LEFT },
  };

  if (coordinator[0] != '\0' && period[0] != '\0' && is_short (coordinator) && is_short (period))
    {
      TovReportTable *table = tov_report_blocks_add_table (blocks, TOV_TABLE_FIELDS, columns, G_N_ELEMENTS (columns));
      const char *cells[] = { coordinator, period };

      tov_report_table_add_row (table, TOV_ROW_NORMAL, cells);
      return;
    }

  tov_report_blocks_add_field (blocks, "Tovholder", coordinator);
  tov_report_blocks_add_field (blocks, "Periode", period);
}

static void
add_initiative (TovReportBlocks *blocks,
                TovRecord       *initiative,
                GPtrArray       *updates)
{
  g_autofree char *heading = g_strdup_printf ("%" G_GINT64_FORMAT ". %s",
                                              tov_record_get_int (initiative, "number"),
                                              tov_record_get_string (initiative, "title"));
  g_autofree char *purpose = initiative_purpose (initiative);
  g_autofree char *period = initiative_period (initiative);

  tov_report_blocks_add_heading (blocks, TOV_TEXT_HEADING, heading, NULL);
  tov_report_blocks_add_field (blocks, "Indsats og målgruppe", tov_record_get_string (initiative, "target-group"));
  tov_report_blocks_add_field (blocks, "Formål, mål og succeskriterier", purpose);
  add_coordinator_and_period (blocks, tov_record_get_string (initiative, "coordinator"), period);
  tov_report_blocks_add_field (blocks, "Samarbejdspartnere og interessenter", tov_record_get_string (initiative, "partners"));
  tov_report_blocks_add_field (blocks, "Aktiviteter", tov_record_get_string (initiative, "activities"));
  tov_sheet_add_status_history (blocks, updates, tov_choice_label_danish (TOV_TYPE_PROGRESS, tov_record_get_int (initiative, "state")));
}

/* The date of the latest status of any initiative, for the subtitle. */
static char *
latest_status_date (GPtrArray *updates_per_initiative)
{
  const char *latest = NULL;

  for (guint i = 0; i < updates_per_initiative->len; i++)
    {
      GPtrArray *updates = g_ptr_array_index (updates_per_initiative, i);
      const char *date;

      if (updates->len == 0)
        continue;
      date = tov_record_get_string (g_ptr_array_index (updates, 0), "date");
      if (tov_date_compare (date, latest) > 0)
        latest = date;
    }

  return tov_date_format_danish (latest);
}

void
tov_sheet_build_action_plan (TovReportBlocks *blocks,
                             TovStore        *store,
                             TovRecord       *plan)
{
  g_autoptr(GPtrArray) initiatives = tov_report_query_children (store, TOV_TYPE_INITIATIVE, "plan_id",
                                                                tov_record_get_id (plan));
  g_autoptr(GPtrArray) updates = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(TovRecord) policy = tov_store_lookup (store, TOV_TYPE_POLICY, tov_record_get_string (plan, "policy-id"));
  g_autofree char *title = sheet_title (store, plan);
  g_autofree char *latest = NULL;
  g_autofree char *subtitle = NULL;
  guint n = initiatives->len;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (updates, tov_report_query_children (store, TOV_TYPE_STATUS_UPDATE, "initiative_id",
                                                         tov_record_get_id (g_ptr_array_index (initiatives, i))));
  latest = latest_status_date (updates);

  tov_report_blocks_add_title (blocks, title);
  if (latest != NULL)
    subtitle = g_strdup_printf ("Status pr. %s · %u %s", latest, n, n == 1 ? "indsats" : "indsatser");
  else
    subtitle = g_strdup_printf ("%u %s", n, n == 1 ? "indsats" : "indsatser");
  tov_report_blocks_add_subtitle (blocks, subtitle);

  if (policy != NULL)
    {
      tov_report_blocks_add_space (blocks, 4);
      tov_report_blocks_add_text (blocks, tov_record_get_string (policy, "description"));
      add_strategy_goals (blocks, store, tov_record_get_id (policy));
    }

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        tov_report_blocks_add_rule (blocks);
      else
        tov_report_blocks_add_space (blocks, 6);
      add_initiative (blocks, g_ptr_array_index (initiatives, i), g_ptr_array_index (updates, i));
    }

  if (n == 0)
    tov_report_blocks_add_text (blocks, "Handleplanen har endnu ingen indsatser.");
}
