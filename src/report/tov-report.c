/* tov-report.c: a status sheet, laid out on A4 pages.
 *
 * One sheet, two outputs: a GtkPrintOperation calls tov_report_paginate()
 * with its own PangoContext and page size, then tov_report_draw_page() for
 * each page; tov_report_write_pdf() does the same on a cairo PDF surface.
 * The content is read from the store once, on the first pagination.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <cairo-pdf.h>

#include "tov-date.h"
#include "tov-error.h"
#include "tov-query-model.h"
#include "tov-records.h"
#include "tov-replacement.h"
#include "tov-report.h"
#include "tov-report-enums.h"
#include "tov-report-pages.h"
#include "tov-report-sheets.h"

struct _TovReport
{
  GObject parent_instance;

  TovStore *store;
  TovSheetKind kind;
  TovRecord *subject;
  char *date;

  TovReportBlocks *blocks;
  TovReportPages *pages;
  char *header_start;
  char *header_end;
  char *footer_start;
};

G_DEFINE_FINAL_TYPE (TovReport, tov_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_KIND,
  PROP_SUBJECT,
  PROP_DATE,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tov_report_dispose (GObject *object)
{
  TovReport *self = TOV_REPORT (object);

  g_clear_pointer (&self->pages, tov_report_pages_free);
  g_clear_object (&self->store);
  g_clear_object (&self->subject);

  G_OBJECT_CLASS (tov_report_parent_class)->dispose (object);
}

static void
tov_report_finalize (GObject *object)
{
  TovReport *self = TOV_REPORT (object);

  g_clear_pointer (&self->blocks, tov_report_blocks_free);
  g_free (self->date);
  g_free (self->header_start);
  g_free (self->header_end);
  g_free (self->footer_start);

  G_OBJECT_CLASS (tov_report_parent_class)->finalize (object);
}

static void
tov_report_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TovReport *self = TOV_REPORT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_SUBJECT:
      g_value_set_object (value, self->subject);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_TITLE:
      g_value_set_string (value, tov_report_get_title (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tov_report_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  TovReport *self = TOV_REPORT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_SUBJECT:
      self->subject = g_value_dup_object (value);
      break;

    case PROP_DATE:
      tov_report_set_date (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tov_report_class_init (TovReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tov_report_dispose;
  object_class->finalize = tov_report_finalize;
  object_class->get_property = tov_report_get_property;
  object_class->set_property = tov_report_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TOV_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, TOV_TYPE_SHEET_KIND, TOV_SHEET_PORTFOLIO,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBJECT] =
    g_param_spec_object ("subject", NULL, NULL, TOV_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tov_report_init (TovReport *self)
{
  self->date = tov_date_today ();
}

/**
 * tov_report_new:
 * @subject: (nullable): the action plan of %TOV_SHEET_ACTION_PLAN or the
 *   project of %TOV_SHEET_PROJECT; %NULL for the other kinds
 *
 * Returns: (transfer full): a sheet about @subject, dated today
 */
TovReport *
tov_report_new (TovStore     *store,
                TovSheetKind  kind,
                TovRecord    *subject)
{
  g_return_val_if_fail (TOV_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != TOV_SHEET_ACTION_PLAN || TOV_IS_ACTION_PLAN (subject), NULL);
  g_return_val_if_fail (kind != TOV_SHEET_PROJECT || TOV_IS_PROJECT (subject), NULL);

  return g_object_new (TOV_TYPE_REPORT,
                       "store", store,
                       "kind", kind,
                       "subject", subject,
                       NULL);
}

/* Reads the sheet from the store, the first time it is needed. */
static void
ensure_blocks (TovReport *self)
{
  TovRecord *portfolio;
  g_autofree char *date = NULL;

  if (self->blocks != NULL)
    return;

  self->blocks = tov_report_blocks_new ();
  switch (self->kind)
    {
    case TOV_SHEET_ACTION_PLAN:
      tov_sheet_build_action_plan (self->blocks, self->store, self->subject);
      break;

    case TOV_SHEET_PROJECT:
      tov_sheet_build_project (self->blocks, self->store, self->subject);
      break;

    case TOV_SHEET_PARTNERSHIPS:
      tov_sheet_build_partnerships (self->blocks, self->store, self->date);
      break;

    case TOV_SHEET_PORTFOLIO:
    default:
      tov_sheet_build_portfolio (self->blocks, self->store);
      break;
    }

  portfolio = TOV_RECORD (tov_store_get_portfolio (self->store));
  self->header_start = g_strdup (tov_record_get_string (portfolio, "municipality"));
  self->header_end = g_strdup (tov_record_get_string (portfolio, "name"));
  date = tov_date_format_danish (self->date);
  self->footer_start = g_strdup_printf ("Udskrevet %s", date);
}

/**
 * tov_report_get_title:
 *
 * Returns: the sheet's title, "Status på handleplan for udsattepolitikken
 *   2017-2019", for a print job's name; valid until the date changes
 */
const char *
tov_report_get_title (TovReport *self)
{
  g_return_val_if_fail (TOV_IS_REPORT (self), NULL);

  ensure_blocks (self);
  return tov_report_blocks_get_title (self->blocks);
}

/**
 * tov_report_set_date:
 * @iso: (nullable): the date printed on the sheet, "2019-10-08"; %NULL
 *   for today
 *
 * Sets the date the footer gives as the day of printing, and from which
 * the partnerships sheet counts renewals. A new date takes a new pagination.
 */
void
tov_report_set_date (TovReport  *self,
                     const char *iso)
{
  g_autofree char *date = NULL;

  g_return_if_fail (TOV_IS_REPORT (self));
  g_return_if_fail (iso == NULL || tov_date_is_valid_iso (iso));

  date = iso != NULL ? g_strdup (iso) : tov_date_today ();
  if (g_strcmp0 (self->date, date) == 0)
    return;

  g_free (self->date);
  self->date = g_steal_pointer (&date);

  /* The pages point into the blocks, which say the date. */
  g_clear_pointer (&self->pages, tov_report_pages_free);
  g_clear_pointer (&self->blocks, tov_report_blocks_free);
  g_clear_pointer (&self->header_start, g_free);
  g_clear_pointer (&self->header_end, g_free);
  g_clear_pointer (&self->footer_start, g_free);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/**
 * tov_report_paginate:
 * @context: the context to lay out with; drawing uses it too. From
 *   gtk_print_context_create_pango_context(), or pango_cairo_create_context().
 * @page_width: the page's width, in the units of the cairo_t the pages
 *   will be drawn on, which must be points (GTK_UNIT_POINTS when printing,
 *   with the full page: gtk_print_operation_set_use_full_page())
 * @page_height: the page's height
 *
 * Lays the sheet out on pages of the given size; the sheet's margins are
 * inside it. A long sheet in a context on the default font map of the
 * calling thread, as pango_cairo_create_context() makes it, is measured on
 * two threads; the report must then be drawn on the calling thread.
 *
 * Returns: the number of pages, at least one
 */
guint
tov_report_paginate (TovReport    *self,
                     PangoContext *context,
                     double        page_width,
                     double        page_height)
{
  g_return_val_if_fail (TOV_IS_REPORT (self), 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);
  g_return_val_if_fail (page_width > 200 && page_height > 200, 0);

  ensure_blocks (self);
  g_clear_pointer (&self->pages, tov_report_pages_free);
  self->pages = tov_report_pages_new (self->blocks, context, page_width, page_height);

  return tov_report_pages_get_n_pages (self->pages);
}

/**
 * tov_report_get_n_pages:
 *
 * Returns: the number of pages of the last pagination, or 0 before the first
 */
guint
tov_report_get_n_pages (TovReport *self)
{
  g_return_val_if_fail (TOV_IS_REPORT (self), 0);

  return self->pages != NULL ? tov_report_pages_get_n_pages (self->pages) : 0;
}

/**
 * tov_report_draw_page:
 * @cr: a context whose units are points and whose origin is the top left
 *   corner of the page, as GtkPrintOperation::draw-page gives it
 * @page: the page, from 0
 *
 * Draws one page of the last pagination, header and footer included.
 */
void
tov_report_draw_page (TovReport *self,
                      cairo_t   *cr,
                      guint      page)
{
  TovPageDecor decor;

  g_return_if_fail (TOV_IS_REPORT (self));
  g_return_if_fail (self->pages != NULL);
  g_return_if_fail (page < tov_report_pages_get_n_pages (self->pages));

  decor.header_start = self->header_start;
  decor.header_end = self->header_end;
  decor.footer_start = self->footer_start;
  tov_report_pages_draw (self->pages, cr, page, &decor);
}

/* Writing a PDF ------------------------------------------------------------ */

/* Cairo writes a PDF a few bytes at a time: they go out in 64 kB writes. */
#define PDF_BUFFER_SIZE (64 * 1024)

typedef struct
{
  TovReplacement file;
  GByteArray *buffer;
} PdfStream;

static gboolean
flush_stream (PdfStream *stream)
{
  tov_replacement_write (&stream->file, stream->buffer->data, stream->buffer->len);
  g_byte_array_set_size (stream->buffer, 0);
  return stream->file.saved_errno == 0;
}

static cairo_status_t
write_to_stream (void                *data,
                 const unsigned char *bytes,
                 unsigned int         length)
{
  PdfStream *stream = data;

  g_byte_array_append (stream->buffer, bytes, length);
  if (stream->buffer->len >= PDF_BUFFER_SIZE && !flush_stream (stream))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

/* Draws every page into @stream; returns cairo's status, or
 * CAIRO_STATUS_WRITE_ERROR when the file kept an error of its own.
 */
static cairo_status_t
render_pdf (TovReport *self,
            PdfStream *stream)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *context;
  cairo_font_options_t *options;
  cairo_status_t status;
  guint n_pages;

  surface = cairo_pdf_surface_create_for_stream (write_to_stream, stream, TOV_REPORT_A4_WIDTH, TOV_REPORT_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, tov_report_get_title (self));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Tovholder");
  cr = cairo_create (surface);

  /* Outline metrics, unhinted: the same line breaks at any resolution. */
  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (context, pango_language_from_string ("da-dk"));

  n_pages = tov_report_paginate (self, context, TOV_REPORT_A4_WIDTH, TOV_REPORT_A4_HEIGHT);
  for (guint page = 0; page < n_pages; page++)
    {
      tov_report_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  tov_report_pages_drop_layouts (self->pages);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  g_object_unref (context);

  if (status == CAIRO_STATUS_SUCCESS && !flush_stream (stream))
    status = CAIRO_STATUS_WRITE_ERROR;
  return status;
}

/**
 * tov_report_write_pdf:
 * @path: where to write the PDF
 *
 * Writes the sheet as an A4 PDF. The PDF is written beside @path and
 * renamed over it when complete, so a failure leaves any earlier file
 * at @path as it was.
 *
 * Returns: %TRUE if @path now holds the sheet
 */
gboolean
tov_report_write_pdf (TovReport   *self,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_sized_new (PDF_BUFFER_SIZE);
  PdfStream stream = { .buffer = buffer };
  cairo_status_t status;

  g_return_val_if_fail (TOV_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* 0666 less the umask, as for any new file: a sheet is made to be
   * handed on.
   */
  if (!tov_replacement_begin (&stream.file, path, 0666, error))
    return FALSE;

  status = render_pdf (self, &stream);
  if (status != CAIRO_STATUS_SUCCESS && stream.file.saved_errno == 0)
    {
      g_autofree char *display = g_filename_display_basename (path);

      tov_replacement_finish (&stream.file, FALSE, NULL);
      g_set_error (error, TOV_ERROR, TOV_ERROR_FAILED,
                   _("“%s” cannot be written: %s"), display, cairo_status_to_string (status));
      return FALSE;
    }

  /* A write that failed is reported here, and the file removed. */
  return tov_replacement_finish (&stream.file, TRUE, error);
}

/* Finding a subject --------------------------------------------------------- */

static gboolean
is_number (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isdigit (*text))
      return FALSE;
  return TRUE;
}

static gboolean
same_title (const char *a,
            const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);
  g_autofree char *na = g_utf8_normalize (fa, -1, G_NORMALIZE_ALL);
  g_autofree char *nb = g_utf8_normalize (fb, -1, G_NORMALIZE_ALL);

  return g_strcmp0 (na, nb) == 0;
}

/**
 * tov_report_find_subject:
 * @kind: %TOV_SHEET_ACTION_PLAN or %TOV_SHEET_PROJECT
 * @name: an id, a title (in any case), or for a project its number
 * @error: %TOV_ERROR_NOT_FOUND when nothing matches, %TOV_ERROR_INVALID
 *   when more than one does
 *
 * Returns: (transfer full) (nullable): the plan or project @name names
 */
TovRecord *
tov_report_find_subject (TovStore      *store,
                         TovSheetKind   kind,
                         const char    *name,
                         GError       **error)
{
  GType type = kind == TOV_SHEET_PROJECT ? TOV_TYPE_PROJECT : TOV_TYPE_ACTION_PLAN;
  gboolean by_number = kind == TOV_SHEET_PROJECT && is_number (name);
  g_autoptr(TovQueryModel) model = NULL;
  g_autoptr(TovRecord) found = NULL;
  TovRecord *record;
  guint n;

  g_return_val_if_fail (TOV_IS_STORE (store), NULL);
  g_return_val_if_fail (kind == TOV_SHEET_PROJECT || kind == TOV_SHEET_ACTION_PLAN, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  record = tov_store_lookup (store, type, name);
  if (record != NULL)
    return record;

  model = tov_query_model_new (store, type);
  if (by_number)
    tov_query_model_set_int_condition (model, "number", TRUE, g_ascii_strtoll (name, NULL, 10));

  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TovRecord) candidate = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (!by_number && !same_title (tov_record_get_string (candidate, "title"), name))
        continue;
      if (found != NULL)
        {
          if (kind == TOV_SHEET_PROJECT)
            g_set_error (error, TOV_ERROR, TOV_ERROR_INVALID,
                         _("More than one project matches “%s”; name it by its id."), name);
          else
            g_set_error (error, TOV_ERROR, TOV_ERROR_INVALID,
                         _("More than one action plan matches “%s”; name it by its id."), name);
          return NULL;
        }
      found = g_steal_pointer (&candidate);
    }

  if (found == NULL && kind == TOV_SHEET_PROJECT)
    g_set_error (error, TOV_ERROR, TOV_ERROR_NOT_FOUND, _("No project matches “%s”."), name);
  else if (found == NULL)
    g_set_error (error, TOV_ERROR, TOV_ERROR_NOT_FOUND, _("No action plan matches “%s”."), name);

  return g_steal_pointer (&found);
}
