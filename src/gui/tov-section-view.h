/* tov-section-view.h: the base of the window's sections.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tov-list-pane.h"
#include "tov-store.h"

G_BEGIN_DECLS

#define TOV_TYPE_SECTION_VIEW (tov_section_view_get_type ())

G_DECLARE_DERIVABLE_TYPE (TovSectionView, tov_section_view, TOV, SECTION_VIEW, AdwBin)

struct _TovSectionViewClass
{
  AdwBinClass parent_class;

  /* The section shows another portfolio (or none): make its models. */
  void        (*store_changed) (TovSectionView *self);
  /* The record a status sheet is printed for, or NULL; by default the
   * one selected in the list given to tov_section_view_set_parts().
   */
  TovRecord  *(*get_subject)   (TovSectionView *self);

  /* For tov_section_view_class_install_record_actions(): the records the
   * section lists, and the form that edits one (NULL for a new one).
   */
  GType        record_type;
  GtkWindow  *(*new_editor)    (GtkWindow      *parent,
                                TovStore       *store,
                                TovRecord      *record);
};

TovStore *tov_section_view_get_store                    (TovSectionView      *self);
void      tov_section_view_set_parts                    (TovSectionView      *self,
                                                         TovListPane         *list_pane,
                                                         AdwLeaflet          *leaflet,
                                                         GtkWidget           *detail);
void      tov_section_view_class_install_record_actions (TovSectionViewClass *klass);

G_END_DECLS
