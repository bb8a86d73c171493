/* tov-report-blocks.h: the content of a status sheet, before it has pages.
 *
 * A sheet is built as a flat list of blocks: a title, headings, field
 * labels, paragraphs, rules and tables. Text is always plain text; only
 * the builders below add markup, around text they have escaped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

typedef enum
{
  TOV_TEXT_TITLE,
  TOV_TEXT_SUBTITLE,
  TOV_TEXT_HEADING,
  TOV_TEXT_SUBHEADING,
  TOV_TEXT_LABEL,
  TOV_TEXT_BODY,
  TOV_TEXT_CELL,
  TOV_TEXT_CELL_BOLD,
  TOV_TEXT_HEADER_CELL,
  TOV_TEXT_PAGE,        /* the page's header and footer */
  TOV_TEXT_PAGE_STRONG, /* the municipality in the header */
  TOV_N_TEXT_STYLES
} TovTextStyle;

typedef enum
{
  TOV_BLOCK_TEXT,
  TOV_BLOCK_RULE,
  TOV_BLOCK_SPACE,
  TOV_BLOCK_TABLE,
} TovBlockKind;

typedef enum
{
  TOV_BLOCK_KEEP_WITH_NEXT = 1 << 0,  /* never last on a page */
  TOV_BLOCK_MARKUP         = 1 << 1,  /* text is escaped markup */
  TOV_BLOCK_BULLET         = 1 << 2,  /* hanging indent after "• " */
} TovBlockFlags;

typedef enum
{
  TOV_ROW_NORMAL,
  TOV_ROW_GROUP,   /* bold on a tinted band: a project in a list of decisions */
  TOV_ROW_TOTAL,   /* bold under a darker rule */
} TovRowStyle;

typedef enum
{
  TOV_TABLE_GRID,    /* header band, a rule under every row */
  TOV_TABLE_FIELDS,  /* bold labels above their text, no lines: fields side by side */
  TOV_TABLE_FACTS,   /* no header, labels in the first column */
} TovTableStyle;

typedef struct
{
  const char     *title;
  double          width;        /* a fraction of the text width */
  PangoAlignment  align;
  gboolean        bold_first;   /* the first line of a cell is its heading */
} TovReportColumn;

typedef struct
{
  TovRowStyle   style;
  char        **cells;
} TovReportRow;

typedef struct
{
  TovTableStyle    style;
  guint            n_columns;
  TovReportColumn *columns;   /* titles owned */
  GPtrArray       *rows;      /* TovReportRow */
} TovReportTable;

typedef struct
{
  TovBlockKind    kind;
  TovTextStyle    style;
  TovBlockFlags   flags;
  double          space_before;
  char           *text;
  TovReportTable *table;
} TovReportBlock;

typedef struct _TovReportBlocks TovReportBlocks;

TovReportBlocks *tov_report_blocks_new          (void);
void             tov_report_blocks_free         (TovReportBlocks       *self);
guint            tov_report_blocks_get_n_blocks (TovReportBlocks       *self);
TovReportBlock  *tov_report_blocks_get_block    (TovReportBlocks       *self,
                                                 guint                  index);
const char      *tov_report_blocks_get_title    (TovReportBlocks       *self);

void             tov_report_blocks_add_title    (TovReportBlocks       *self,
                                                 const char            *title);
void             tov_report_blocks_add_subtitle (TovReportBlocks       *self,
                                                 const char            *text);
void             tov_report_blocks_add_heading  (TovReportBlocks       *self,
                                                 TovTextStyle           style,
                                                 const char            *text,
                                                 const char            *aside);
void             tov_report_blocks_add_label    (TovReportBlocks       *self,
                                                 const char            *label,
                                                 const char            *aside);
void             tov_report_blocks_add_text     (TovReportBlocks       *self,
                                                 const char            *text);
void             tov_report_blocks_add_field    (TovReportBlocks       *self,
                                                 const char            *label,
                                                 const char            *text);
void             tov_report_blocks_add_rule     (TovReportBlocks       *self);
void             tov_report_blocks_add_space    (TovReportBlocks       *self,
                                                 double                 points);
TovReportTable  *tov_report_blocks_add_table    (TovReportBlocks       *self,
                                                 TovTableStyle          style,
                                                 const TovReportColumn *columns,
                                                 guint                  n_columns);
void             tov_report_table_add_row       (TovReportTable        *table,
                                                 TovRowStyle            style,
                                                 const char * const    *cells);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TovReportBlocks, tov_report_blocks_free)

G_END_DECLS
