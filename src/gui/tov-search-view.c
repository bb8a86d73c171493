/* tov-search-view.c: the hits of a search across the portfolio, by kind.
 *
 * A group for every kind of record that has hits, in the core's order,
 * each hit a row with its title and a snippet, the matches in bold. The
 * core limits the hits of each kind, so the rows are few and made here
 * rather than by a list factory. Titles and snippets arrive as markup the
 * core has escaped; what the user typed only ever reaches the status page
 * escaped as well.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-search-view"

#include "config.h"

#include <glib/gi18n.h>

#include "tov-search.h"
#include "tov-search-view.h"

/* Enough to find a record by its name; more words find fewer. */
#define HITS_PER_KIND 5

struct _TovSearchView
{
  AdwBin parent_instance;

  TovStore *store;
  char *text;
  gboolean folded;
  guint refresh_source;
  gboolean stale;
  GtkWidget *first_row;

  GtkStack *stack;
  GtkBox *groups;
  AdwStatusPage *empty_page;
};

G_DEFINE_FINAL_TYPE (TovSearchView, tov_search_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TEXT,
  PROP_FOLDED,
  N_PROPS
};

enum {
  HIT_ACTIVATED,
  STOP_SEARCH,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
on_row_activated (TovSearchView *self,
                  GtkWidget     *row)
{
  g_signal_emit (self, signals[HIT_ACTIVATED], 0, g_object_get_data (G_OBJECT (row), "hit"));
}

static GtkWidget *
make_row (TovSearchView *self,
          TovSearchHit  *hit)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tov_search_hit_get_title_markup (hit));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), tov_search_hit_get_snippet_markup (hit));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  g_object_set_data_full (G_OBJECT (row), "hit", g_object_ref (hit), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated), self, G_CONNECT_SWAPPED);

  return row;
}

static void
refresh (TovSearchView *self)
{
  g_autoptr(GListModel) hits = NULL;
  GtkWidget *group = NULL;
  GtkWidget *child;
  GType kind = G_TYPE_INVALID;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->stale = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups))) != NULL)
    gtk_box_remove (self->groups, child);
  self->first_row = NULL;

  if (self->store != NULL && self->text != NULL)
    hits = tov_search (self->store, self->text, HITS_PER_KIND);

  if (hits == NULL || g_list_model_get_n_items (hits) == 0)
    {
      g_autofree char *description = g_markup_printf_escaped (_("Nothing matched “%s”. Try other words, or fewer."),
                                                              self->text ? self->text : "");

      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    {
      g_autoptr(TovSearchHit) hit = g_list_model_get_item (hits, i);
      GtkWidget *row;

      if (tov_search_hit_get_kind (hit) != kind)
        {
          kind = tov_search_hit_get_kind (hit);
          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), tov_search_kind_title (kind));
          gtk_box_append (self->groups, group);
        }

      row = make_row (self, hit);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      if (self->first_row == NULL)
        self->first_row = row;
    }

  gtk_stack_set_visible_child_name (self->stack, "results");
}

static gboolean
refresh_cb (gpointer data)
{
  TovSearchView *self = data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* A commit emits ::changed once for every table it touched: search once,
 * and only when the hits are on screen.
 */
static void
on_store_changed (TovSearchView *self)
{
  if (self->text == NULL || self->text[0] == '\0')
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_cb, self);
}

static void
tov_search_view_map (GtkWidget *widget)
{
  TovSearchView *self = TOV_SEARCH_VIEW (widget);

  GTK_WIDGET_CLASS (tov_search_view_parent_class)->map (widget);

  if (self->stale && self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_cb, self);
}

static void
set_store (TovSearchView *self,
           TovStore      *store)
{
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (!g_set_object (&self->store, store))
    return;

  if (store != NULL)
    g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed), self);
  if (self->text != NULL && self->text[0] != '\0')
    refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * tov_search_view_set_text:
 *
 * Searches for @text, as the user typed it, and shows the hits.
 */
void
tov_search_view_set_text (TovSearchView *self,
                          const char    *text)
{
  g_return_if_fail (TOV_IS_SEARCH_VIEW (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/**
 * tov_search_view_focus_first:
 *
 * Moves the keyboard focus to the first hit, so that the arrows and Enter
 * go on from there.
 *
 * Returns: whether there is a hit
 */
gboolean
tov_search_view_focus_first (TovSearchView *self)
{
  g_return_val_if_fail (TOV_IS_SEARCH_VIEW (self), FALSE);

  return self->first_row != NULL && gtk_widget_grab_focus (self->first_row);
}

/**
 * tov_search_view_activate_first:
 *
 * Opens the first hit, as Enter in the search entry does.
 *
 * Returns: whether there is a hit
 */
gboolean
tov_search_view_activate_first (TovSearchView *self)
{
  g_return_val_if_fail (TOV_IS_SEARCH_VIEW (self), FALSE);

  if (self->first_row == NULL)
    return FALSE;
  on_row_activated (self, self->first_row);
  return TRUE;
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GtkWidget *window_leaflet = gtk_widget_get_ancestor (widget, ADW_TYPE_LEAFLET);

  if (window_leaflet != NULL)
    adw_leaflet_navigate (ADW_LEAFLET (window_leaflet), ADW_NAVIGATION_DIRECTION_BACK);
}

static void
tov_search_view_dispose (GObject *object)
{
  TovSearchView *self = TOV_SEARCH_VIEW (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  set_store (self, NULL);
  self->first_row = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), TOV_TYPE_SEARCH_VIEW);

  G_OBJECT_CLASS (tov_search_view_parent_class)->dispose (object);
}

static void
tov_search_view_finalize (GObject *object)
{
  TovSearchView *self = TOV_SEARCH_VIEW (object);

  g_free (self->text);

  G_OBJECT_CLASS (tov_search_view_parent_class)->finalize (object);
}

static void
tov_search_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TovSearchView *self = TOV_SEARCH_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tov_search_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TovSearchView *self = TOV_SEARCH_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;

    case PROP_TEXT:
      tov_search_view_set_text (self, g_value_get_string (value));
      break;

    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tov_search_view_class_init (TovSearchViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = tov_search_view_dispose;
  object_class->finalize = tov_search_view_finalize;
  object_class->get_property = tov_search_view_get_property;
  object_class->set_property = tov_search_view_set_property;
  widget_class->map = tov_search_view_map;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, TOV_TYPE_STORE, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_FOLDED] = g_param_spec_boolean ("folded", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TovSearchView::hit-activated:
   * @hit: the #TovSearchHit the user chose
   */
  signals[HIT_ACTIVATED] =
    g_signal_new ("hit-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, TOV_TYPE_SEARCH_HIT);

  /**
   * TovSearchView::stop-search:
   *
   * The user pressed Escape among the hits.
   */
  signals[STOP_SEARCH] =
    g_signal_new ("stop-search",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/tovholder/Tovholder/ui/tov-search-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TovSearchView, stack);
  gtk_widget_class_bind_template_child (widget_class, TovSearchView, groups);
  gtk_widget_class_bind_template_child (widget_class, TovSearchView, empty_page);

  gtk_widget_class_install_action (widget_class, "search.back", NULL, back_action);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Escape, 0, "stop-search", NULL);
}

static void
tov_search_view_init (TovSearchView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
