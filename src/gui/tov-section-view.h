/* tov-section-view.h: the base of the window's sections.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tov-store.h"

G_BEGIN_DECLS

#define TOV_TYPE_SECTION_VIEW (tov_section_view_get_type ())

G_DECLARE_DERIVABLE_TYPE (TovSectionView, tov_section_view, TOV, SECTION_VIEW, AdwBin)

struct _TovSectionViewClass
{
  AdwBinClass parent_class;

  /* The section shows another portfolio (or none): make its models. */
  void        (*store_changed) (TovSectionView *self);
  /* The record a status sheet is printed for, or NULL. */
  TovRecord  *(*get_subject)   (TovSectionView *self);
};

TovStore *tov_section_view_get_store (TovSectionView *self);

G_END_DECLS
