/* tov-list-pane.c: the list half of a section: header, search, sortable columns.
 *
 * Every section lists records the same way: a header bar with New and
 * Search, a search bar, a GtkColumnView over a TovQueryModel, and an empty
 * state. The pane turns the user's search and column sorting into the
 * model's SQL, and leaves the records' meaning to the section. Columns are
 * added in the section's .ui as <child> GtkColumnViewColumns; a widget
 * added as <child type="filter"> goes under the search bar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-list-pane"

#include "config.h"

#include "tov-list-pane.h"
#include "tov-query-model.h"
#include "tov-sql-sorter.h"

/* A list's rows are at least this many pixels high. */
#define MIN_ROW_HEIGHT 20

struct _TovListPane
{
  GtkWidget parent_instance;

  TovQueryModel *model;
  char *title;
  char *new_tooltip;
  char *search_placeholder;
  char *empty_title;
  char *empty_description;
  gboolean folded;
  gboolean show_window_buttons;

  GtkBox *box;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkStack *stack;
  GtkScrolledWindow *scroller;
  GtkColumnView *column_view;
  GtkSingleSelection *selection;
  GtkSliceListModel *rows;

  guint show_all_source;
  guint restore_scroll_source;
  double scroll_value;        /* while hidden */
};

static void buildable_iface_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TovListPane, tov_list_pane, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, buildable_iface_init))

static GtkBuildableIface *parent_buildable_iface;

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SELECTED_ITEM,
  PROP_TITLE,
  PROP_NEW_TOOLTIP,
  PROP_SEARCH_PLACEHOLDER,
  PROP_EMPTY_TITLE,
  PROP_EMPTY_DESCRIPTION,
  PROP_FOLDED,
  PROP_SHOW_WINDOW_BUTTONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
tov_list_pane_add_child (GtkBuildable *buildable,
                         GtkBuilder   *builder,
                         GObject      *child,
                         const char   *type)
{
  TovListPane *self = TOV_LIST_PANE (buildable);

  if (GTK_IS_COLUMN_VIEW_COLUMN (child))
    gtk_column_view_append_column (self->column_view, GTK_COLUMN_VIEW_COLUMN (child));
  else if (g_strcmp0 (type, "filter") == 0)
    gtk_box_insert_child_after (self->box, GTK_WIDGET (child), GTK_WIDGET (self->search_bar));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
buildable_iface_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = tov_list_pane_add_child;
}

static void
on_search_changed (TovListPane *self)
{
  if (self->model != NULL)
    tov_query_model_set_search (self->model, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_stop_search (TovListPane *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_selected_item (TovListPane *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ITEM]);
}

static void
on_activate (TovListPane *self,
             guint        position)
{
  g_signal_emit (self, signals[ACTIVATED], 0);
}

/* The empty state is made when a list is first empty, which most lists
 * never are when they are first shown.
 */
static void
ensure_empty_page (TovListPane *self)
{
  GtkWidget *page;

  if (gtk_stack_get_child_by_name (self->stack, "empty") != NULL)
    return;

  page = g_object_new (ADW_TYPE_STATUS_PAGE, "icon-name", "system-search-symbolic", NULL);
  g_object_bind_property (self, "empty-title", page, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "empty-description", page, "description", G_BINDING_SYNC_CREATE);
  gtk_stack_add_named (self->stack, page, "empty");
}

static void
on_n_items (TovListPane *self)
{
  gboolean empty = self->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0;

  if (empty)
    ensure_empty_page (self);
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
on_sorter_changed (TovListPane *self)
{
  const char *key = NULL;
  gboolean descending = FALSE;

  tov_sql_sorter_get_primary (gtk_column_view_get_sorter (self->column_view), &key, &descending);
  if (self->model != NULL)
    tov_query_model_set_sort (self->model, key, descending);
}

/* Back from the list is back to the window's sidebar: the leaflet above
 * the section's own.
 */
static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GtkWidget *section_leaflet = gtk_widget_get_ancestor (widget, ADW_TYPE_LEAFLET);
  GtkWidget *window_leaflet = NULL;

  if (section_leaflet != NULL)
    window_leaflet = gtk_widget_get_ancestor (gtk_widget_get_parent (section_leaflet), ADW_TYPE_LEAFLET);
  if (window_leaflet != NULL)
    adw_leaflet_navigate (ADW_LEAFLET (window_leaflet), ADW_NAVIGATION_DIRECTION_BACK);
}

/* Rows -------------------------------------------------------------------
 *
 * GTK 4.8's column view makes, binds and measures rows for 200 items as
 * soon as it has them, whatever its height. So a new list shows the rows
 * that fit on screen first and the rest once those are drawn, and a hidden
 * list lets go of its rows.
 */

static gboolean
show_all_rows (gpointer data)
{
  TovListPane *self = data;

  self->show_all_source = 0;
  gtk_slice_list_model_set_size (self->rows, G_MAXUINT);
  return G_SOURCE_REMOVE;
}

static int
tallest_monitor (TovListPane *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  int tallest = 0;

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      tallest = MAX (tallest, geometry.height);
    }

  return tallest;
}

/* The rows a new list shows in its first frame: as many as its window has
 * room for. A list is filled before its window first has a size, so the
 * window's default height counts; a maximized or full-screen window, or a
 * list in no window yet, takes the tallest monitor.
 */
static guint
rows_on_screen (TovListPane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int width, height = 0;

  if (GTK_IS_WINDOW (root) && !gtk_window_is_maximized (GTK_WINDOW (root)) &&
      !gtk_window_is_fullscreen (GTK_WINDOW (root)))
    {
      /* GTK 4.8 writes the width whether asked for or not. */
      gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
      height = MAX (height, gtk_widget_get_height (GTK_WIDGET (root)));
    }
  if (height <= 0)
    height = tallest_monitor (self);

  return height > 0 ? (guint) height / MIN_ROW_HEIGHT + 1 : G_MAXUINT;
}

static void
show_first_rows (TovListPane *self)
{
  gtk_slice_list_model_set_size (self->rows, rows_on_screen (self));
  if (self->show_all_source == 0)
    self->show_all_source = g_idle_add_full (G_PRIORITY_LOW, show_all_rows, self, NULL);
}

static gboolean
restore_scroll (gpointer data)
{
  TovListPane *self = data;

  self->restore_scroll_source = 0;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), self->scroll_value);
  return G_SOURCE_REMOVE;
}

static void
tov_list_pane_map (GtkWidget *widget)
{
  TovListPane *self = TOV_LIST_PANE (widget);

  if (gtk_column_view_get_model (self->column_view) == NULL)
    {
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
      show_first_rows (self);
      if (self->scroll_value > 0 && self->restore_scroll_source == 0)
        self->restore_scroll_source = g_idle_add_full (G_PRIORITY_LOW, restore_scroll, self, NULL);
    }

  GTK_WIDGET_CLASS (tov_list_pane_parent_class)->map (widget);
}

static void
tov_list_pane_unmap (GtkWidget *widget)
{
  TovListPane *self = TOV_LIST_PANE (widget);

  self->scroll_value = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scroller));
  g_clear_handle_id (&self->restore_scroll_source, g_source_remove);

  GTK_WIDGET_CLASS (tov_list_pane_parent_class)->unmap (widget);

  gtk_column_view_set_model (self->column_view, NULL);
}

void
tov_list_pane_set_model (TovListPane   *self,
                         TovQueryModel *model)
{
  g_return_if_fail (TOV_IS_LIST_PANE (self));

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (!g_set_object (&self->model, model))
    return;

  if (model != NULL)
    {
      g_signal_connect_swapped (model, "notify::n-items", G_CALLBACK (on_n_items), self);
      on_search_changed (self);
      on_sorter_changed (self);
    }
  gtk_slice_list_model_set_model (self->rows, G_LIST_MODEL (model));
  show_first_rows (self);
  on_n_items (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * tov_list_pane_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected record
 */
TovRecord *
tov_list_pane_get_selected (TovListPane *self)
{
  g_return_val_if_fail (TOV_IS_LIST_PANE (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

void
tov_list_pane_unselect (TovListPane *self)
{
  g_return_if_fail (TOV_IS_LIST_PANE (self));

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

/**
 * tov_list_pane_select:
 *
 * Selects the row of @record, if the list shows it.
 *
 * Returns: whether it was found
 */
gboolean
tov_list_pane_select (TovListPane *self,
                      TovRecord   *record)
{
  guint position;

  g_return_val_if_fail (TOV_IS_LIST_PANE (self), FALSE);

  if (self->model == NULL)
    return FALSE;

  position = tov_query_model_find (self->model, record);
  if (position == G_MAXUINT)
    return FALSE;

  g_clear_handle_id (&self->show_all_source, g_source_remove);
  show_all_rows (self);
  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

/**
 * tov_list_pane_stop_search:
 *
 * Clears the search and hides the search bar, so the list shows all.
 */
void
tov_list_pane_stop_search (TovListPane *self)
{
  g_return_if_fail (TOV_IS_LIST_PANE (self));

  on_stop_search (self);
}

void
tov_list_pane_start_search (TovListPane *self)
{
  g_return_if_fail (TOV_IS_LIST_PANE (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
set_string (TovListPane  *self,
            char        **slot,
            const GValue *value,
            GParamSpec   *pspec)
{
  if (g_strcmp0 (*slot, g_value_get_string (value)) == 0)
    return;
  g_free (*slot);
  *slot = g_value_dup_string (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
tov_list_pane_dispose (GObject *object)
{
  TovListPane *self = TOV_LIST_PANE (object);

  g_clear_handle_id (&self->show_all_source, g_source_remove);
  g_clear_handle_id (&self->restore_scroll_source, g_source_remove);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  /* Removing the columns changes the sorter: stop listening first. */
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TOV_TYPE_LIST_PANE);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (tov_list_pane_parent_class)->dispose (object);
}

static void
tov_list_pane_finalize (GObject *object)
{
  TovListPane *self = TOV_LIST_PANE (object);

  g_free (self->title);
  g_free (self->new_tooltip);
  g_free (self->search_placeholder);
  g_free (self->empty_title);
  g_free (self->empty_description);

  G_OBJECT_CLASS (tov_list_pane_parent_class)->finalize (object);
}

static void
tov_list_pane_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TovListPane *self = TOV_LIST_PANE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_SELECTED_ITEM:
      g_value_set_object (value, tov_list_pane_get_selected (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_NEW_TOOLTIP:
      g_value_set_string (value, self->new_tooltip);
      break;

    case PROP_SEARCH_PLACEHOLDER:
      g_value_set_string (value, self->search_placeholder);
      break;

    case PROP_EMPTY_TITLE:
      g_value_set_string (value, self->empty_title);
      break;

    case PROP_EMPTY_DESCRIPTION:
      g_value_set_string (value, self->empty_description);
      break;

    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;

    case PROP_SHOW_WINDOW_BUTTONS:
      g_value_set_boolean (value, self->show_window_buttons);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tov_list_pane_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TovListPane *self = TOV_LIST_PANE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      tov_list_pane_set_model (self, g_value_get_object (value));
      break;

    case PROP_TITLE:
      set_string (self, &self->title, value, pspec);
      break;

    case PROP_NEW_TOOLTIP:
      set_string (self, &self->new_tooltip, value, pspec);
      break;

    case PROP_SEARCH_PLACEHOLDER:
      set_string (self, &self->search_placeholder, value, pspec);
      break;

    case PROP_EMPTY_TITLE:
      set_string (self, &self->empty_title, value, pspec);
      break;

    case PROP_EMPTY_DESCRIPTION:
      set_string (self, &self->empty_description, value, pspec);
      break;

    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_SHOW_WINDOW_BUTTONS:
      if (self->show_window_buttons != g_value_get_boolean (value))
        {
          self->show_window_buttons = g_value_get_boolean (value);
          /* Alone on screen, a row opens with one click, as on a phone. */
          gtk_column_view_set_single_click_activate (self->column_view, self->show_window_buttons);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tov_list_pane_class_init (TovListPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = tov_list_pane_dispose;
  object_class->finalize = tov_list_pane_finalize;
  widget_class->map = tov_list_pane_map;
  widget_class->unmap = tov_list_pane_unmap;
  object_class->get_property = tov_list_pane_get_property;
  object_class->set_property = tov_list_pane_set_property;

  properties[PROP_MODEL] = g_param_spec_object ("model", NULL, NULL, TOV_TYPE_QUERY_MODEL, flags);
  properties[PROP_SELECTED_ITEM] =
    g_param_spec_object ("selected-item", NULL, NULL, G_TYPE_OBJECT, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_NEW_TOOLTIP] = g_param_spec_string ("new-tooltip", NULL, NULL, NULL, flags);
  properties[PROP_SEARCH_PLACEHOLDER] = g_param_spec_string ("search-placeholder", NULL, NULL, NULL, flags);
  properties[PROP_EMPTY_TITLE] = g_param_spec_string ("empty-title", NULL, NULL, NULL, flags);
  properties[PROP_EMPTY_DESCRIPTION] = g_param_spec_string ("empty-description", NULL, NULL, NULL, flags);
  /* Whether the window is folded to one pane, so the pane leads back to the sidebar. */
  properties[PROP_FOLDED] = g_param_spec_boolean ("folded", NULL, NULL, FALSE, flags);
  /* Whether the pane is alone on screen, so it carries the window's
   * buttons and a row opens with one click.
   */
  properties[PROP_SHOW_WINDOW_BUTTONS] = g_param_spec_boolean ("show-window-buttons", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TovListPane::activated:
   *
   * The user opened the selected row (Enter or a double click).
   */
  signals[ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (TOV_TYPE_SQL_SORTER);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/dk/tovholder/Tovholder/ui/tov-list-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, TovListPane, box);
  gtk_widget_class_bind_template_child (widget_class, TovListPane, search_bar);
  gtk_widget_class_bind_template_child (widget_class, TovListPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TovListPane, stack);
  gtk_widget_class_bind_template_child (widget_class, TovListPane, scroller);
  gtk_widget_class_bind_template_child (widget_class, TovListPane, column_view);
  gtk_widget_class_bind_template_child (widget_class, TovListPane, selection);
  gtk_widget_class_bind_template_child (widget_class, TovListPane, rows);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_item);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);

  gtk_widget_class_install_action (widget_class, "pane.back", NULL, back_action);
}

static void
tov_list_pane_init (TovListPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->column_view));
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed), self, G_CONNECT_SWAPPED);
}
