/* tov-report.h: a status sheet, laid out on A4 pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "tov-store.h"

G_BEGIN_DECLS

/* An A4 page in points, the size of every status sheet. */
#define TOV_REPORT_A4_WIDTH  595.276
#define TOV_REPORT_A4_HEIGHT 841.89

typedef enum
{
  TOV_SHEET_ACTION_PLAN,   /* subject: a TovActionPlan */
  TOV_SHEET_PROJECT,       /* subject: a TovProject */
  TOV_SHEET_PORTFOLIO,     /* no subject */
  TOV_SHEET_PARTNERSHIPS,  /* no subject */
} TovSheetKind;

#define TOV_TYPE_REPORT (tov_report_get_type ())

G_DECLARE_FINAL_TYPE (TovReport, tov_report, TOV, REPORT, GObject)

TovReport  *tov_report_new          (TovStore      *store,
                                     TovSheetKind   kind,
                                     TovRecord     *subject);
const char *tov_report_get_title    (TovReport     *self);
void        tov_report_set_date     (TovReport     *self,
                                     const char    *iso);

guint       tov_report_paginate     (TovReport     *self,
                                     PangoContext  *context,
                                     double         page_width,
                                     double         page_height);
guint       tov_report_get_n_pages  (TovReport     *self);
void        tov_report_draw_page    (TovReport     *self,
                                     cairo_t       *cr,
                                     guint          page);

gboolean    tov_report_write_pdf    (TovReport     *self,
                                     const char    *path,
                                     GError       **error);

TovRecord  *tov_report_find_subject (TovStore      *store,
                                     TovSheetKind   kind,
                                     const char    *name,
                                     GError       **error);

G_END_DECLS
