/* tov-print-operation.c: printing a status sheet.
 *
 * The pages are the report module's, the same that tovholder-cli writes
 * to PDF: laid out in points on A4 with the printer's Pango context, and
 * drawn on its cairo context.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-print-operation"

#include "config.h"

#include "tov-print-operation.h"

struct _TovPrintOperation
{
  GtkPrintOperation parent_instance;

  TovReport *report;
};

G_DEFINE_FINAL_TYPE (TovPrintOperation, tov_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
tov_print_operation_begin_print (GtkPrintOperation *operation,
                                 GtkPrintContext   *context)
{
  TovPrintOperation *self = TOV_PRINT_OPERATION (operation);
  PangoContext *pango_context = gtk_print_context_create_pango_context (context);
  guint n_pages;

  n_pages = tov_report_paginate (self->report, pango_context,
                                 gtk_print_context_get_width (context),
                                 gtk_print_context_get_height (context));
  g_object_unref (pango_context);
  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
tov_print_operation_draw_page (GtkPrintOperation *operation,
                               GtkPrintContext   *context,
                               int                page)
{
  TovPrintOperation *self = TOV_PRINT_OPERATION (operation);

  tov_report_draw_page (self->report, gtk_print_context_get_cairo_context (context), page);
}

static void
tov_print_operation_finalize (GObject *object)
{
  g_clear_object (&TOV_PRINT_OPERATION (object)->report);

  G_OBJECT_CLASS (tov_print_operation_parent_class)->finalize (object);
}

static void
tov_print_operation_class_init (TovPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = tov_print_operation_finalize;
  operation_class->begin_print = tov_print_operation_begin_print;
  operation_class->draw_page = tov_print_operation_draw_page;
}

static void
tov_print_operation_init (TovPrintOperation *self)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  /* The sheets are A4 with their own margins, measured in points. */
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), FALSE);
}

TovPrintOperation *
tov_print_operation_new (TovReport *report)
{
  TovPrintOperation *self = g_object_new (TOV_TYPE_PRINT_OPERATION, NULL);

  self->report = g_object_ref (report);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), tov_report_get_title (report));

  return self;
}
