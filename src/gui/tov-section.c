/* tov-section.c: what every section does with its records the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-section"

#include "config.h"

#include <glib/gi18n.h>

#include "tov-section.h"
#include "tov-window.h"

/**
 * tov_section_set_row_value:
 *
 * Shows @value as the row's subtitle; an empty field says so, rather than
 * leaving a title without a value.
 */
void
tov_section_set_row_value (AdwActionRow *row,
                           const char   *value)
{
  adw_action_row_set_subtitle (row, value != NULL && value[0] != '\0' ? value : _("Not given"));
}

/**
 * tov_section_delete:
 * @name: (nullable): what the user calls @record, or %NULL for its label
 *
 * Deletes @record at once, and says so in a toast with Undo; a delete the
 * store refuses is explained in a toast instead.
 */
void
tov_section_delete (GtkWidget  *section,
                    TovStore   *store,
                    TovRecord  *record,
                    const char *name)
{
  TovWindow *window = TOV_WINDOW (gtk_widget_get_root (section));
  g_autoptr(TovRecord) deleted = g_object_ref (record);
  g_autoptr(GError) error = NULL;

  if (!tov_store_delete (store, deleted, &error))
    tov_window_toast_error (window, error);
  else
    tov_window_toast_deleted (window, name ? name : tov_record_get_string (deleted, TOV_RECORD_GET_CLASS (deleted)->label));
}

typedef struct
{
  TovListPane *list_pane;
  AdwLeaflet *leaflet;
  GtkWidget *detail;
} ShowSaved;

static void
free_show_saved (gpointer  data,
                 GObject  *where_the_editor_was)
{
  g_free (data);
}

/**
 * tov_section_show:
 *
 * Selects @record in @list_pane and shows its page, clearing a search
 * that hides it.
 */
void
tov_section_show (TovListPane *list_pane,
                  AdwLeaflet  *leaflet,
                  GtkWidget   *detail,
                  TovRecord   *record)
{
  if (!tov_list_pane_select (list_pane, record))
    {
      tov_list_pane_stop_search (list_pane);
      if (!tov_list_pane_select (list_pane, record))
        return;
    }
  adw_leaflet_set_visible_child (leaflet, detail);
}

static void
on_saved (ShowSaved *show,
          TovRecord *record)
{
  tov_section_show (show->list_pane, show->leaflet, show->detail, record);
}

/**
 * tov_section_present_editor:
 * @editor: a TovEditorDialog
 *
 * Shows @editor; the record it saves is selected in @list_pane and its
 * page shown.
 */
void
tov_section_present_editor (GtkWidget   *section,
                            GtkWindow   *editor,
                            TovListPane *list_pane,
                            AdwLeaflet  *leaflet,
                            GtkWidget   *detail)
{
  ShowSaved *show = g_new (ShowSaved, 1);

  *show = (ShowSaved) { list_pane, leaflet, detail };
  g_object_weak_ref (G_OBJECT (editor), free_show_saved, show);
  g_signal_connect_swapped (editor, "saved", G_CALLBACK (on_saved), show);
  gtk_window_present (editor);
}
