/* tov-labels.c: the words a user sees for fields and choices.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-labels"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tov-enum-types.h"
#include "tov-labels.h"

static const char *project_states[] = {
  N_("Idea"), N_("Development"), N_("Testing"), N_("Operation"), N_("Completed"), N_("Cancelled"),
};

static const char *decision_states[] = {
  N_("Proposed"), N_("Approved"), N_("Rejected"), N_("Noted"),
};

static const char *funding_kinds[] = {
  N_("Pool"), N_("Department budget"), N_("Within existing budget"), N_("External"),
};

static const char *budget_kinds[] = {
  N_("Grant"), N_("Administrative grant"), N_("Budget proposal"), N_("Expected gain"),
};

static const char *organisation_kinds[] = {
  N_("Association"), N_("Volunteer centre"), N_("Social enterprise"), N_("Company"), N_("Public body"),
};

static const char *partnership_states[] = {
  N_("Exploring"), N_("In dialogue"), N_("Agreement"), N_("No agreement"), N_("Ended"),
};

static const char *progress[] = {
  N_("Planned"), N_("In progress"), N_("Completed"), N_("Continued in a later plan"), N_("Paused"), N_("Dropped"),
};

/**
 * tov_choice_label:
 *
 * Returns: the translated label of @value of one of the enums in
 *   tov-enums.h, as a form or a status sheet shows it.
 */
const char *
tov_choice_label (GType enum_type,
                  int   value)
{
  const struct { GType type; const char **labels; guint n; } tables[] = {
    { TOV_TYPE_PROJECT_STATE, project_states, G_N_ELEMENTS (project_states) },
    { TOV_TYPE_DECISION_STATE, decision_states, G_N_ELEMENTS (decision_states) },
    { TOV_TYPE_FUNDING_KIND, funding_kinds, G_N_ELEMENTS (funding_kinds) },
    { TOV_TYPE_BUDGET_KIND, budget_kinds, G_N_ELEMENTS (budget_kinds) },
    { TOV_TYPE_ORGANISATION_KIND, organisation_kinds, G_N_ELEMENTS (organisation_kinds) },
    { TOV_TYPE_PARTNERSHIP_STATE, partnership_states, G_N_ELEMENTS (partnership_states) },
    { TOV_TYPE_PROGRESS, progress, G_N_ELEMENTS (progress) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (tables[i].type == enum_type)
      {
        g_return_val_if_fail (value >= 0 && (guint) value < tables[i].n, "");
        return _(tables[i].labels[value]);
      }

  g_return_val_if_reached ("");
}

static const struct { const char *name; const char *label; } field_labels[] = {
  { "name", N_("Name") },
  { "municipality", N_("Municipality") },
  { "description", N_("Description") },
  { "number", N_("Number") },
  { "title", N_("Title") },
  { "theme-id", N_("Theme") },
  { "purpose", N_("Purpose") },
  { "anchoring", N_("Anchoring") },
  { "coordinator", N_("Coordinator") },
  { "state", N_("State") },
  { "start-date", N_("Start") },
  { "end-date", N_("End") },
  { "case-number", N_("Case number") },
  { "kind", N_("Kind") },
  { "project-id", N_("Project") },
  { "text", N_("Text") },
  { "decided-on", N_("Decided on") },
  { "decision-id", N_("Decision") },
  { "funding-source-id", N_("Funding source") },
  { "amount-ore", N_("Amount") },
  { "year", N_("Year") },
  { "annual", N_("Annual") },
  { "note", N_("Note") },
  { "contact-person", N_("Contact person") },
  { "email", N_("Email") },
  { "phone", N_("Phone") },
  { "organisation-id", N_("Organisation") },
  { "unit", N_("Our unit") },
  { "signed-on", N_("Signed") },
  { "term-months", N_("Term in months") },
  { "renewal-due", N_("Renewal due") },
  { "notes", N_("Notes") },
  { "policy-id", N_("Policy") },
  { "plan-id", N_("Action plan") },
  { "period-from", N_("From year") },
  { "period-to", N_("To year") },
  { "target-group", N_("Target group") },
  { "strategy-goals", N_("Strategy goals") },
  { "partners", N_("Partners and stakeholders") },
  { "period-text", N_("Period") },
  { "activities", N_("Activities") },
  { "initiative-id", N_("Initiative") },
  { "partnership-id", N_("Partnership") },
  { "date", N_("Date") },
};

/**
 * tov_field_label:
 *
 * Returns: the translated label of a record field, by its property name.
 */
const char *
tov_field_label (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].name, name))
      return _(field_labels[i].label);

  g_return_val_if_reached (name);
}

/* The words of printed sheets and spreadsheets, which are Danish whatever
 * the language of the app: they go to the committee and the finance office.
 */
static const char *project_states_da[] = {
  "Idé", "Under udvikling", "Afprøves", "I drift", "Gennemført", "Stoppet",
};

static const char *decision_states_da[] = {
  "Indstillet", "Godkendt", "Afvist", "Taget til efterretning",
};

static const char *funding_kinds_da[] = {
  "Pulje", "Forvaltningens budget", "Inden for eksisterende budget", "Ekstern finansiering",
};

static const char *budget_kinds_da[] = {
  "Bevilling", "Administrativt bevilget", "Budgetforslag", "Økonomisk gevinst",
};

static const char *organisation_kinds_da[] = {
  "Forening", "Frivilligcenter", "Socialøkonomisk virksomhed", "Virksomhed", "Offentlig myndighed",
};

static const char *partnership_states_da[] = {
  "Undersøges", "I dialog", "Aftale indgået", "Ingen aftale", "Ophørt",
};

static const char *progress_da[] = {
  "Planlagt", "I gang", "Gennemført", "Videreføres i næste handleplan", "Sat i bero", "Opgivet",
};

/**
 * tov_choice_label_danish:
 *
 * Returns: the Danish word for @value of one of the enums in tov-enums.h,
 *   whatever the language of the app, or "" for a value out of range.
 */
const char *
tov_choice_label_danish (GType enum_type,
                         int   value)
{
  const struct { GType type; const char **labels; guint n; } tables[] = {
    { TOV_TYPE_PROJECT_STATE, project_states_da, G_N_ELEMENTS (project_states_da) },
    { TOV_TYPE_DECISION_STATE, decision_states_da, G_N_ELEMENTS (decision_states_da) },
    { TOV_TYPE_FUNDING_KIND, funding_kinds_da, G_N_ELEMENTS (funding_kinds_da) },
    { TOV_TYPE_BUDGET_KIND, budget_kinds_da, G_N_ELEMENTS (budget_kinds_da) },
    { TOV_TYPE_ORGANISATION_KIND, organisation_kinds_da, G_N_ELEMENTS (organisation_kinds_da) },
    { TOV_TYPE_PARTNERSHIP_STATE, partnership_states_da, G_N_ELEMENTS (partnership_states_da) },
    { TOV_TYPE_PROGRESS, progress_da, G_N_ELEMENTS (progress_da) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (tables[i].type == enum_type)
      return value >= 0 && (guint) value < tables[i].n ? tables[i].labels[value] : "";

  g_return_val_if_reached ("");
}
