/* tov-budget-view.c: the Budget section: every budget line, filtered, with totals.
 *
 * The list is filtered by funding source, kind and year, and SQLite adds
 * up the lines the filter keeps, per funding source and kind: a grant and
 * an expected gain are different money, so no total adds them together.
 *
 * A line refers to its project, decision and funding source by id. Their
 * names are looked up once and kept in a small cache, which a change to
 * any of those tables empties; the cells that show them are then filled
 * in again, since a rename does not reach a cell through the line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-budget-view"

#include "config.h"

#include <glib/gi18n.h>

#include "tov-budget-line-editor.h"
#include "tov-budget-totals.h"
#include "tov-budget-view.h"
#include "tov-budget-years.h"
#include "tov-cell-label.h"
#include "tov-labels.h"
#include "tov-list-pane.h"
#include "tov-money.h"
#include "tov-query-model.h"
#include "tov-records.h"
#include "tov-section.h"

struct _TovBudgetView
{
  TovSectionView parent_instance;

  TovQueryModel *lines;

  GHashTable *labels;          /* id → label of a project, decision or funding source */
  GHashTable *cells;           /* GtkListItem → the Column it shows, for the bound cells */
  GPtrArray *source_ids;       /* the funding source filter's ids, NULL for all */
  GArray *years;               /* the year filter's years, 0 for all */
  gboolean filling_filters;

  AdwLeaflet *leaflet;
  TovListPane *list_pane;
  GtkDropDown *source_filter;
  GtkDropDown *kind_filter;
  GtkDropDown *year_filter;
  GtkWidget *totals_box;
  GtkNoSelection *totals;
  GtkWidget *detail;
  AdwWindowTitle *detail_title;
  GtkStack *detail_stack;
  AdwActionRow *project_row;
  AdwActionRow *decision_row;
  AdwActionRow *funding_source_row;
  AdwActionRow *kind_row;
  AdwActionRow *amount_row;
  AdwActionRow *year_row;
  AdwActionRow *annual_row;
  GtkLabel *note_label;
  GBindingGroup *line_bindings;
};

G_DEFINE_FINAL_TYPE (TovBudgetView, tov_budget_view, TOV_TYPE_SECTION_VIEW)

static TovRecord *
selected_line (TovBudgetView *self)
{
  return tov_list_pane_get_selected (self->list_pane);
}

static void
update_actions (TovBudgetView *self)
{
  gboolean selected = selected_line (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.new", tov_section_view_get_store (TOV_SECTION_VIEW (self)) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.delete", selected);
}

/* References ------------------------------------------------------------ */

static char *
format_reference (TovRecord *record)
{
  if (TOV_IS_PROJECT (record))
    {
      gint64 number = tov_record_get_int (record, "number");

      if (number > 0)
        return g_strdup_printf ("%" G_GINT64_FORMAT ". %s", number, tov_record_get_string (record, "title"));
      return g_strdup (tov_record_get_string (record, "title"));
    }
  if (TOV_IS_DECISION (record))
    return g_strdup (tov_record_get_string (record, "number"));
  if (TOV_IS_FUNDING_SOURCE (record))
    return g_strdup (tov_record_get_string (record, "name"));

  g_return_val_if_reached (g_strdup (""));
}

/* Returns how @line's reference @field is shown: the project's number and
 * title, the decision's number or the funding source's name; "" for none.
 */
static const char *
reference_label (TovBudgetView *self,
                 TovRecord     *line,
                 const char    *field)
{
  const char *id = tov_record_get_string (line, field);
  char *label;

  if (id == NULL || id[0] == '\0' || tov_section_view_get_store (TOV_SECTION_VIEW (self)) == NULL)
    return "";

  label = g_hash_table_lookup (self->labels, id);
  if (label == NULL)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (line), field);
      g_autoptr(TovRecord) target = tov_store_lookup (tov_section_view_get_store (TOV_SECTION_VIEW (self)), tov_param_get_ref_type (pspec), id);

      label = target != NULL ? format_reference (target) : g_strdup ("");
      g_hash_table_insert (self->labels, g_strdup (id), label);
    }

  return label;
}

/* The columns of the list, by the id of their factory in the template.
 * A cell label measures by its font, not its text: width_chars sets the
 * width its column asks for. Numbers line up on the right, in figures of
 * one width.
 */
typedef struct
{
  const char *factory;
  const char *field;
  int width_chars;
  gboolean numeric;
} Column;

static const Column columns[] = {
  { "project_factory", "project-id", 24, FALSE },
  { "decision_factory", "decision-id", 8, FALSE },
  { "funding_source_factory", "funding-source-id", 24, FALSE },
  { "kind_factory", "kind", 23, FALSE },
  { "year_factory", "year", 5, TRUE },
  { "amount_factory", "amount-ore", 17, TRUE },
};

static const Column *
column_of (GtkSignalListItemFactory *factory)
{
  return g_object_get_data (G_OBJECT (factory), "tov-budget-column");
}

/* The text of the cell that shows @field of @line. */
static char *
cell_text (TovBudgetView *self,
           TovRecord     *line,
           const char    *field)
{
  if (g_str_equal (field, "kind"))
    return g_strdup (tov_choice_label (TOV_TYPE_BUDGET_KIND, tov_record_get_int (line, "kind")));
  if (g_str_equal (field, "year"))
    {
      gint64 year = tov_record_get_int (line, "year");

      return year > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, year) : g_strdup ("");
    }
  if (g_str_equal (field, "amount-ore"))
    return tov_money_format (tov_record_get_int (line, "amount-ore"));
  return g_strdup (reference_label (self, line, field));
}

static void
show_cell (TovBudgetView *self,
           GtkListItem   *item,
           const Column  *column)
{
  g_autofree char *text = cell_text (self, gtk_list_item_get_item (item), column->field);

  tov_cell_label_set_label (TOV_CELL_LABEL (gtk_list_item_get_child (item)), text);
}

static void
on_setup_cell (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               TovBudgetView            *self)
{
  const Column *column = column_of (factory);
  GtkWidget *label = g_object_new (TOV_TYPE_CELL_LABEL,
                                   "width-chars", column->width_chars,
                                   "xalign", column->numeric ? 1.0f : 0.0f,
                                   NULL);

  if (column->numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

/* A bound cell is shown once, and again whenever the lines or what they
 * refer to change (refresh_cells()): cheaper, when a page of rows is
 * bound every frame, than an expression that watches its line.
 */
static void
on_bind_cell (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TovBudgetView            *self)
{
  const Column *column = column_of (factory);

  g_hash_table_insert (self->cells, item, (gpointer) column);
  show_cell (self, item, column);
}

static void
on_unbind_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                TovBudgetView            *self)
{
  g_hash_table_remove (self->cells, item);
}

static void
update_detail_references (TovBudgetView *self)
{
  TovRecord *line = selected_line (self);
  const char *decision;

  if (line == NULL)
    return;

  adw_action_row_set_subtitle (self->project_row, reference_label (self, line, "project-id"));
  decision = reference_label (self, line, "decision-id");
  adw_action_row_set_subtitle (self->decision_row, decision[0] != '\0' ? decision : _("None"));
  adw_action_row_set_subtitle (self->funding_source_row, reference_label (self, line, "funding-source-id"));
}

/* Every shown cell and name is read again. */
static void
refresh_cells (TovBudgetView *self)
{
  GHashTableIter iter;
  gpointer item;
  gpointer column;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &item, &column))
    show_cell (self, item, column);
  update_detail_references (self);
}

/* A project, decision or funding source was changed: its name is looked
 * up again.
 */
static void
on_references_changed (TovBudgetView *self)
{
  g_hash_table_remove_all (self->labels);
  refresh_cells (self);
}

/* The detail pane -------------------------------------------------------- */

static gboolean
transform_kind (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_value_set_string (to, tov_choice_label (TOV_TYPE_BUDGET_KIND, g_value_get_enum (from)));
  return TRUE;
}

static gboolean
transform_money (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  g_value_take_string (to, tov_money_format (g_value_get_int64 (from)));
  return TRUE;
}

static gboolean
transform_year (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  gint64 year = g_value_get_int64 (from);

  if (year > 0)
    g_value_take_string (to, g_strdup_printf ("%" G_GINT64_FORMAT, year));
  else
    g_value_set_string (to, _("No particular year"));
  return TRUE;
}

static gboolean
transform_annual (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_string (to, g_value_get_boolean (from) ? _("Yes, every year") : _("No, once"));
  return TRUE;
}

static gboolean
transform_note (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  const char *note = g_value_get_string (from);

  g_value_set_string (to, note != NULL && note[0] != '\0' ? note : _("No note written yet."));
  return TRUE;
}

/* A line edited to refer to another project shows the new one at once. */
static gboolean
transform_reference (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      user_data)
{
  TovBudgetView *self = user_data;
  TovRecord *line = TOV_RECORD (g_binding_dup_source (binding));
  const char *label = reference_label (self, line, g_binding_get_source_property (binding));

  if (label[0] == '\0' && g_str_equal (g_binding_get_source_property (binding), "decision-id"))
    label = _("None");
  g_value_set_string (to, label);
  g_object_unref (line);
  return TRUE;
}

static void
bind_detail (TovBudgetView *self)
{
  g_binding_group_bind_full (self->line_bindings, "kind", self->kind_row, "subtitle",
                             G_BINDING_DEFAULT, transform_kind, NULL, NULL, NULL);
  g_binding_group_bind_full (self->line_bindings, "amount-ore", self->amount_row, "subtitle",
                             G_BINDING_DEFAULT, transform_money, NULL, NULL, NULL);
  g_binding_group_bind_full (self->line_bindings, "year", self->year_row, "subtitle",
                             G_BINDING_DEFAULT, transform_year, NULL, NULL, NULL);
  g_binding_group_bind_full (self->line_bindings, "annual", self->annual_row, "subtitle",
                             G_BINDING_DEFAULT, transform_annual, NULL, NULL, NULL);
  g_binding_group_bind_full (self->line_bindings, "note", self->note_label, "label",
                             G_BINDING_DEFAULT, transform_note, NULL, NULL, NULL);
  g_binding_group_bind_full (self->line_bindings, "project-id", self->project_row, "subtitle",
                             G_BINDING_DEFAULT, transform_reference, NULL, self, NULL);
  g_binding_group_bind_full (self->line_bindings, "decision-id", self->decision_row, "subtitle",
                             G_BINDING_DEFAULT, transform_reference, NULL, self, NULL);
  g_binding_group_bind_full (self->line_bindings, "funding-source-id", self->funding_source_row, "subtitle",
                             G_BINDING_DEFAULT, transform_reference, NULL, self, NULL);
}

static void
on_selection_changed (TovBudgetView *self)
{
  TovRecord *line = selected_line (self);

  adw_window_title_set_title (self->detail_title, line ? _("Budget Line") : "");
  gtk_stack_set_visible_child_name (self->detail_stack, line ? "line" : "none");
  update_actions (self);
}

static void
on_row_activated (TovBudgetView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->detail);
}

static void
on_back_to_list (TovBudgetView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Totals ---------------------------------------------------------------- */

/* A total names its funding source and kind, and tells how many lines it
 * adds up when the pointer rests on it. The totals are a list view rather
 * than a list box: with 40 funding sources there are 160 of them, and a
 * list view draws only the few that show, every frame of a scroll.
 */
static gboolean
on_total_query_tooltip (GtkWidget   *box,
                        int          x,
                        int          y,
                        gboolean     keyboard_mode,
                        GtkTooltip  *tooltip,
                        GtkListItem *item)
{
  TovBudgetTotal *total = gtk_list_item_get_item (item);
  g_autofree char *count = NULL;
  guint n_lines;

  if (total == NULL)
    return FALSE;

  n_lines = tov_budget_total_get_n_lines (total);
  count = g_strdup_printf (ngettext ("%u budget line", "%u budget lines", n_lines), n_lines);
  gtk_tooltip_set_text (tooltip, count);
  return TRUE;
}

static void
on_setup_total (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                TovBudgetView            *self)
{
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "spacing", 12,
                                 "margin-top", 6, "margin-bottom", 6,
                                 "margin-start", 12, "margin-end", 12,
                                 "has-tooltip", TRUE,
                                 NULL);

  gtk_box_append (GTK_BOX (box), g_object_new (TOV_TYPE_CELL_LABEL,
                                               "hexpand", TRUE,
                                               "width-chars", 24,
                                               NULL));
  gtk_box_append (GTK_BOX (box), g_object_new (TOV_TYPE_CELL_LABEL,
                                               "xalign", 1.0f,
                                               "width-chars", 20,
                                               "css-classes", (const char *[]) { "numeric", NULL },
                                               NULL));
  g_signal_connect_object (box, "query-tooltip", G_CALLBACK (on_total_query_tooltip), item, 0);

  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
  gtk_list_item_set_child (item, box);
}

static void
on_bind_total (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               TovBudgetView            *self)
{
  TovBudgetTotal *total = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  g_autofree char *what = NULL;
  g_autofree char *amount = tov_money_format (tov_budget_total_get_amount_ore (total));

  /* Translators: a funding source and a kind of money, e.g. "Velfærdspuljen · Grant" */
  what = g_strdup_printf (_("%s · %s"), tov_budget_total_get_funding_source (total),
                          tov_choice_label (TOV_TYPE_BUDGET_KIND, tov_budget_total_get_kind (total)));

  tov_cell_label_set_label (TOV_CELL_LABEL (gtk_widget_get_first_child (box)), what);
  tov_cell_label_set_label (TOV_CELL_LABEL (gtk_widget_get_last_child (box)), amount);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, what,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, amount,
                                  -1);
}

static const char *
selected_source_id (TovBudgetView *self)
{
  guint selected = gtk_drop_down_get_selected (self->source_filter);

  if (self->source_ids == NULL || selected >= self->source_ids->len)
    return NULL;
  return g_ptr_array_index (self->source_ids, selected);
}

/* The kind filter offers "all" first, then the kinds in their order. */
static int
selected_kind (TovBudgetView *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_filter);

  return selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;
}

static int
selected_year (TovBudgetView *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_filter);

  if (self->years == NULL || selected == 0 || selected >= self->years->len)
    return -1;
  return g_array_index (self->years, int, selected);
}

static void
update_totals (TovBudgetView *self)
{
  TovBudgetFilter filter = TOV_BUDGET_FILTER_ANY;
  g_autoptr(GListModel) totals = NULL;

  if (tov_section_view_get_store (TOV_SECTION_VIEW (self)) == NULL)
    {
      gtk_no_selection_set_model (self->totals, NULL);
      gtk_widget_set_visible (self->totals_box, FALSE);
      return;
    }

  filter.funding_source_id = selected_source_id (self);
  filter.kind = selected_kind (self);
  filter.year = selected_year (self);
  totals = tov_budget_totals (tov_section_view_get_store (TOV_SECTION_VIEW (self)), &filter);
  gtk_no_selection_set_model (self->totals, totals);
  gtk_widget_set_visible (self->totals_box, g_list_model_get_n_items (totals) > 0);
}

/* Filters --------------------------------------------------------------- */

static void
on_source_filter_changed (TovBudgetView *self)
{
  if (self->lines == NULL || self->filling_filters)
    return;

  tov_query_model_set_text_condition (self->lines, "funding_source_id", selected_source_id (self));
  update_totals (self);
}

static void
on_kind_filter_changed (TovBudgetView *self)
{
  int kind = selected_kind (self);
  GEnumClass *kinds;

  if (self->lines == NULL || self->filling_filters)
    return;

  kinds = g_type_class_ref (TOV_TYPE_BUDGET_KIND);
  tov_query_model_set_text_condition (self->lines, "kind", kind >= 0 ? g_enum_get_value (kinds, kind)->value_nick : NULL);
  g_type_class_unref (kinds);
  update_totals (self);
}

static void
on_year_filter_changed (TovBudgetView *self)
{
  int year = selected_year (self);

  if (self->lines == NULL || self->filling_filters)
    return;

  tov_query_model_set_int_condition (self->lines, "year", year >= 0, year);
  update_totals (self);
}

/* Offers "all" and every funding source, keeping the one chosen if it is
 * still there.
 */
static void
fill_source_filter (TovBudgetView *self)
{
  g_autofree char *chosen = g_strdup (selected_source_id (self));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(TovQueryModel) sources = NULL;
  guint selected = 0;
  guint n;

  g_clear_pointer (&self->source_ids, g_ptr_array_unref);
  self->source_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (names, _("All funding sources"));
  g_ptr_array_add (self->source_ids, NULL);

  if (tov_section_view_get_store (TOV_SECTION_VIEW (self)) != NULL)
    {
      sources = tov_query_model_new (tov_section_view_get_store (TOV_SECTION_VIEW (self)), TOV_TYPE_FUNDING_SOURCE);
      n = g_list_model_get_n_items (G_LIST_MODEL (sources));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TovRecord) source = g_list_model_get_item (G_LIST_MODEL (sources), i);

          if (g_strcmp0 (tov_record_get_id (source), chosen) == 0)
            selected = self->source_ids->len;
          gtk_string_list_append (names, tov_record_get_string (source, "name"));
          g_ptr_array_add (self->source_ids, g_strdup (tov_record_get_id (source)));
        }
    }

  self->filling_filters = TRUE;
  gtk_drop_down_set_model (self->source_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->source_filter, selected);
  self->filling_filters = FALSE;
}

/* Offers "all" and every year that has budget lines, keeping the one
 * chosen if it is still there.
 */
static void
fill_year_filter (TovBudgetView *self)
{
  int chosen = selected_year (self);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GArray) years = NULL;
  guint selected = 0;
  int all = 0;

  years = tov_section_view_get_store (TOV_SECTION_VIEW (self)) != NULL ? tov_budget_years (tov_section_view_get_store (TOV_SECTION_VIEW (self))) : g_array_new (FALSE, FALSE, sizeof (int));
  g_array_prepend_val (years, all);
  gtk_string_list_append (labels, _("All years"));
  for (guint i = 1; i < years->len; i++)
    {
      int year = g_array_index (years, int, i);
      g_autofree char *label = g_strdup_printf ("%d", year);

      if (year == chosen)
        selected = i;
      gtk_string_list_append (labels, label);
    }

  g_clear_pointer (&self->years, g_array_unref);
  self->years = g_steal_pointer (&years);

  self->filling_filters = TRUE;
  gtk_drop_down_set_model (self->year_filter, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->year_filter, selected);
  self->filling_filters = FALSE;
}

static void
fill_kind_filter (TovBudgetView *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GEnumClass *kinds = g_type_class_ref (TOV_TYPE_BUDGET_KIND);

  gtk_string_list_append (labels, _("All kinds"));
  for (guint i = 0; i < kinds->n_values; i++)
    gtk_string_list_append (labels, tov_choice_label (TOV_TYPE_BUDGET_KIND, kinds->values[i].value));
  g_type_class_unref (kinds);

  self->filling_filters = TRUE;
  gtk_drop_down_set_model (self->kind_filter, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->kind_filter, 0);
  self->filling_filters = FALSE;
}

/* The list follows the filters as they are now: after a refill, a filter
 * whose choice is gone shows all again.
 */
static void
apply_filters (TovBudgetView *self)
{
  on_source_filter_changed (self);
  on_kind_filter_changed (self);
  on_year_filter_changed (self);
}

static void
on_funding_sources_changed (TovBudgetView *self)
{
  g_autofree char *chosen = g_strdup (selected_source_id (self));

  fill_source_filter (self);
  if (g_strcmp0 (chosen, selected_source_id (self)) != 0)
    on_source_filter_changed (self);
  else
    update_totals (self);
  on_references_changed (self);
}

static void
on_budget_lines_changed (TovBudgetView *self)
{
  int chosen = selected_year (self);

  fill_year_filter (self);
  if (chosen != selected_year (self))
    on_year_filter_changed (self);
  else
    update_totals (self);
  refresh_cells (self);
}

/* The section ------------------------------------------------------------ */

static void
tov_budget_view_store_changed (TovSectionView *section)
{
  TovBudgetView *self = TOV_BUDGET_VIEW (section);
  TovStore *store = tov_section_view_get_store (section);

  g_hash_table_remove_all (self->labels);

  g_clear_object (&self->lines);
  if (store != NULL)
    {
      self->lines = tov_query_model_new (store, TOV_TYPE_BUDGET_LINE);
      g_signal_connect_object (store, "changed::budget_line", G_CALLBACK (on_budget_lines_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::funding_source", G_CALLBACK (on_funding_sources_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::project", G_CALLBACK (on_references_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::decision", G_CALLBACK (on_references_changed), self, G_CONNECT_SWAPPED);
    }

  fill_source_filter (self);
  fill_year_filter (self);
  apply_filters (self);
  tov_list_pane_set_model (self->list_pane, self->lines);
  update_totals (self);
  update_actions (self);
}

/* A filter or search that hides a saved line is cleared, so that a new
 * line is never saved out of sight; tov_section_present_editor() then
 * selects it. Connected first, this runs before it.
 */
static void
on_line_saved (TovBudgetView *self,
               TovRecord     *line)
{
  if (tov_list_pane_select (self->list_pane, line))
    return;

  gtk_drop_down_set_selected (self->source_filter, 0);
  gtk_drop_down_set_selected (self->kind_filter, 0);
  gtk_drop_down_set_selected (self->year_filter, 0);
  tov_list_pane_stop_search (self->list_pane);
}

static void
open_editor (TovBudgetView *self,
             TovRecord     *line)
{
  GtkWindow *editor = tov_budget_line_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                  tov_section_view_get_store (TOV_SECTION_VIEW (self)), line);

  g_signal_connect_object (editor, "saved", G_CALLBACK (on_line_saved), self, G_CONNECT_SWAPPED);
  tov_section_present_editor (GTK_WIDGET (self), editor, self->list_pane, self->leaflet, self->detail);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (TOV_BUDGET_VIEW (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TovBudgetView *self = TOV_BUDGET_VIEW (widget);

  open_editor (self, selected_line (self));
}

/* A line's label field is its note, which may be empty, so the toast
 * names it by its kind and amount.
 */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TovBudgetView *self = TOV_BUDGET_VIEW (widget);
  TovRecord *line = selected_line (self);
  g_autofree char *amount = tov_money_format (tov_record_get_int (line, "amount-ore"));
  g_autofree char *what = NULL;

  /* Translators: names a deleted budget line by its kind and amount, e.g. "Grant of 100.000 kr." */
  what = g_strdup_printf (_("%s of %s"), tov_choice_label (TOV_TYPE_BUDGET_KIND, tov_record_get_int (line, "kind")),
                          amount);
  tov_section_delete (widget, tov_section_view_get_store (TOV_SECTION_VIEW (self)), line, what);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TovBudgetView *self = TOV_BUDGET_VIEW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  tov_list_pane_start_search (self->list_pane);
}

static void
tov_budget_view_dispose (GObject *object)
{
  TovBudgetView *self = TOV_BUDGET_VIEW (object);

  g_clear_object (&self->lines);

  G_OBJECT_CLASS (tov_budget_view_parent_class)->dispose (object);
}

static void
tov_budget_view_finalize (GObject *object)
{
  TovBudgetView *self = TOV_BUDGET_VIEW (object);

  g_hash_table_destroy (self->labels);
  g_hash_table_destroy (self->cells);
  g_clear_pointer (&self->source_ids, g_ptr_array_unref);
  g_clear_pointer (&self->years, g_array_unref);

  G_OBJECT_CLASS (tov_budget_view_parent_class)->finalize (object);
}

static void
tov_budget_view_class_init (TovBudgetViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TovSectionViewClass *section_class = TOV_SECTION_VIEW_CLASS (klass);

  object_class->dispose = tov_budget_view_dispose;
  section_class->store_changed = tov_budget_view_store_changed;
  object_class->finalize = tov_budget_view_finalize;

  g_type_ensure (TOV_TYPE_BUDGET_LINE);
  g_type_ensure (TOV_TYPE_LIST_PANE);
  g_type_ensure (TOV_TYPE_CELL_LABEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/tovholder/Tovholder/ui/tov-budget-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TovBudgetView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TovBudgetView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, TovBudgetView, source_filter);
  gtk_widget_class_bind_template_child (widget_class, TovBudgetView, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, TovBudgetView, year_filter);
  gtk_widget_class_bind_template_child (widget_class, TovBudgetView, totals_box);
  gtk_widget_class_bind_template_child (widget_class, TovBudgetView, totals);
  gtk_widget_class_bind_template_child (widget_class, TovBudgetView, detail);
  gtk_widget_class_bind_template_child (widget_class, TovBudgetView, detail_title);
  gtk_widget_class_bind_template_child (widget_class, TovBudgetView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, TovBudgetView, project_row);
  gtk_widget_class_bind_template_child (widget_class, TovBudgetView, decision_row);
  gtk_widget_class_bind_template_child (widget_class, TovBudgetView, funding_source_row);
  gtk_widget_class_bind_template_child (widget_class, TovBudgetView, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TovBudgetView, amount_row);
  gtk_widget_class_bind_template_child (widget_class, TovBudgetView, year_row);
  gtk_widget_class_bind_template_child (widget_class, TovBudgetView, annual_row);
  gtk_widget_class_bind_template_child (widget_class, TovBudgetView, note_label);
  gtk_widget_class_bind_template_child (widget_class, TovBudgetView, line_bindings);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_to_list);
  gtk_widget_class_bind_template_callback (widget_class, on_source_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_year_filter_changed);
  /* Looked up in init, to tell each factory its column. */
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    gtk_widget_class_bind_template_child_full (widget_class, columns[i].factory, FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_cell);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_cell);
  gtk_widget_class_bind_template_callback (widget_class, on_unbind_cell);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_total);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_total);

  gtk_widget_class_install_action (widget_class, "view.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "view.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "view.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "view.search", NULL, search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "view.delete", NULL);
}

static void
tov_budget_view_init (TovBudgetView *self)
{
  self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->cells = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_object_set_data (gtk_widget_get_template_child (GTK_WIDGET (self), TOV_TYPE_BUDGET_VIEW, columns[i].factory),
                       "tov-budget-column", (gpointer) &columns[i]);

  fill_kind_filter (self);
  fill_source_filter (self);
  fill_year_filter (self);
  bind_detail (self);
  update_totals (self);
  update_actions (self);
}
