/* tov-report-blocks.c: the content of a status sheet, before it has pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-report"

#include "config.h"


#include "tov-report-blocks.h"
#include "tov-text.h"

/* The grey of an aside: a state after a heading, a date after a label. */
#define ASIDE_COLOR "#5e5c64"

struct _TovReportBlocks
{
  GArray *blocks;   /* TovReportBlock */
  char *title;
};

static void
row_free (gpointer data)
{
  TovReportRow *row = data;

  g_strfreev (row->cells);
  g_free (row);
}

static void
table_free (TovReportTable *table)
{
  for (guint i = 0; i < table->n_columns; i++)
    g_free ((char *) table->columns[i].title);
  g_free (table->columns);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static void
block_clear (gpointer data)
{
  TovReportBlock *block = data;

  g_free (block->text);
  g_clear_pointer (&block->table, table_free);
}

TovReportBlocks *
tov_report_blocks_new (void)
{
  TovReportBlocks *self = g_new0 (TovReportBlocks, 1);

  self->blocks = g_array_new (FALSE, TRUE, sizeof (TovReportBlock));
  g_array_set_clear_func (self->blocks, block_clear);

  return self;
}

void
tov_report_blocks_free (TovReportBlocks *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->blocks);
  g_free (self->title);
  g_free (self);
}

guint
tov_report_blocks_get_n_blocks (TovReportBlocks *self)
{
  return self->blocks->len;
}

TovReportBlock *
tov_report_blocks_get_block (TovReportBlocks *self,
                             guint            index)
{
  g_return_val_if_fail (index < self->blocks->len, NULL);

  return &g_array_index (self->blocks, TovReportBlock, index);
}

/**
 * tov_report_blocks_get_title:
 *
 * Returns: the sheet's title, for the PDF's metadata and a print job's name.
 */
const char *
tov_report_blocks_get_title (TovReportBlocks *self)
{
  return self->title != NULL ? self->title : "";
}

static TovReportBlock *
append (TovReportBlocks *self,
        TovBlockKind     kind,
        TovTextStyle     style,
        TovBlockFlags    flags,
        double           space_before,
        char            *text)
{
  TovReportBlock block = { kind, style, flags, space_before, text, NULL };

  g_array_append_val (self->blocks, block);
  return &g_array_index (self->blocks, TovReportBlock, self->blocks->len - 1);
}

void
tov_report_blocks_add_title (TovReportBlocks *self,
                             const char      *title)
{
  g_free (self->title);
  self->title = g_strdup (title);
  append (self, TOV_BLOCK_TEXT, TOV_TEXT_TITLE, TOV_BLOCK_KEEP_WITH_NEXT, 0, g_strdup (title));
}

void
tov_report_blocks_add_subtitle (TovReportBlocks *self,
                                const char      *text)
{
  append (self, TOV_BLOCK_TEXT, TOV_TEXT_SUBTITLE, TOV_BLOCK_KEEP_WITH_NEXT, 3, g_strdup (text));
}

/* Some text in bold, and an aside after it in the regular weight and grey. */
static char *
with_aside (const char *text,
            const char *aside)
{
  if (aside == NULL || *aside == '\0')
    return g_markup_escape_text (text, -1);
  return g_markup_printf_escaped ("%s   <span weight='normal' foreground='" ASIDE_COLOR "'>%s</span>",
                                  text, aside);
}

/**
 * tov_report_blocks_add_heading:
 * @style: %TOV_TEXT_HEADING or %TOV_TEXT_SUBHEADING
 * @aside: (nullable): a state or a date, in grey after the heading
 *
 * Adds a heading, which a page never ends with.
 */
void
tov_report_blocks_add_heading (TovReportBlocks *self,
                               TovTextStyle     style,
                               const char      *text,
                               const char      *aside)
{
  double space = style == TOV_TEXT_HEADING ? 18 : 12;

  append (self, TOV_BLOCK_TEXT, style, TOV_BLOCK_KEEP_WITH_NEXT | TOV_BLOCK_MARKUP, space,
          with_aside (text, aside));
}

void
tov_report_blocks_add_label (TovReportBlocks *self,
                             const char      *label,
                             const char      *aside)
{
  append (self, TOV_BLOCK_TEXT, TOV_TEXT_LABEL, TOV_BLOCK_KEEP_WITH_NEXT | TOV_BLOCK_MARKUP, 9,
          with_aside (label, aside));
}

static gboolean
is_bullet (const char *line)
{
  static const char * const bullets[] = { "• ", "- ", "– ", "* ", "· ", "◦ " };

  for (guint i = 0; i < G_N_ELEMENTS (bullets); i++)
    if (g_str_has_prefix (line, bullets[i]))
      return TRUE;
  return FALSE;
}

/* Appends one paragraph, with the bullet items in it as blocks of their own
 * so that they hang. Lines are kept as typed.
 */
static void
add_paragraph (TovReportBlocks *self,
               const char      *paragraph,
               double           space_before)
{
  g_auto(GStrv) lines = g_strsplit (paragraph, "\n", -1);
  GString *run = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *start = line;

      while (*start == ' ' || *start == '\t')
        start++;

      if (is_bullet (start))
        {
          if (run->len > 0)
            {
              append (self, TOV_BLOCK_TEXT, TOV_TEXT_BODY, 0, space_before, g_strdup (run->str));
              g_string_truncate (run, 0);
              space_before = 2;
            }
          append (self, TOV_BLOCK_TEXT, TOV_TEXT_BODY, TOV_BLOCK_BULLET, space_before, g_strdup (start));
          space_before = 2;
          continue;
        }

      if (run->len > 0)
        g_string_append_c (run, '\n');
      g_string_append (run, line);
    }

  if (run->len > 0)
    append (self, TOV_BLOCK_TEXT, TOV_TEXT_BODY, 0, space_before, g_strdup (run->str));
  g_string_free (run, TRUE);
}

/* A blank line between paragraphs, and the white space around it: made
 * once, as a sheet has a text for every field.
 */
static GRegex *
paragraph_break (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("[ \t]*\n[ \t]*\n\\s*", 0, 0, NULL));
  return regex;
}

/**
 * tov_report_blocks_add_text:
 *
 * Adds @text as body paragraphs: a blank line starts a new paragraph, a
 * line that starts with a bullet ("• ", "- ") is an item with a hanging
 * indent, and any other line break is kept.
 */
void
tov_report_blocks_add_text (TovReportBlocks *self,
                            const char      *text)
{
  g_autofree char *normal = NULL;
  g_auto(GStrv) paragraphs = NULL;
  double space_before = 2;

  if (text == NULL)
    return;

  /* Text pasted from Word has carriage returns; a paragraph is lines
   * between blank lines, and trailing blanks on a line are noise.
   */
  normal = g_strdup (text);
  g_strdelimit (normal, "\r", '\n');
  paragraphs = g_regex_split (paragraph_break (), normal, 0);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strchomp (paragraphs[i]);
      if (paragraphs[i][0] == '\0')
        continue;
      add_paragraph (self, paragraphs[i], space_before);
      space_before = 6;
    }
}

/**
 * tov_report_blocks_add_field:
 *
 * Adds a bold @label above @text, as the documents' tables do; an empty
 * field is left out.
 */
void
tov_report_blocks_add_field (TovReportBlocks *self,
                             const char      *label,
                             const char      *text)
{
  if (tov_text_is_blank (text))
    return;

  tov_report_blocks_add_label (self, label, NULL);
  tov_report_blocks_add_text (self, text);
}

void
tov_report_blocks_add_rule (TovReportBlocks *self)
{
  append (self, TOV_BLOCK_RULE, TOV_TEXT_BODY, 0, 16, NULL);
}

void
tov_report_blocks_add_space (TovReportBlocks *self,
                             double           points)
{
  append (self, TOV_BLOCK_SPACE, TOV_TEXT_BODY, 0, points, NULL);
}

/**
 * tov_report_blocks_add_table:
 * @columns: the columns; their widths are fractions of the text width
 *
 * Returns: (transfer none): the new table, to add rows to
 */
TovReportTable *
tov_report_blocks_add_table (TovReportBlocks       *self,
                             TovTableStyle          style,
                             const TovReportColumn *columns,
                             guint                  n_columns)
{
  TovReportTable *table = g_new0 (TovReportTable, 1);
  TovReportBlock *block;

  table->style = style;
  table->n_columns = n_columns;
  table->columns = g_new0 (TovReportColumn, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      table->columns[i] = columns[i];
      table->columns[i].title = g_strdup (columns[i].title ? columns[i].title : "");
    }
  table->rows = g_ptr_array_new_with_free_func (row_free);

  block = append (self, TOV_BLOCK_TABLE, TOV_TEXT_CELL, 0, style == TOV_TABLE_FIELDS ? 9 : 8, NULL);
  block->table = table;

  return table;
}

/**
 * tov_report_table_add_row:
 * @cells: one plain text per column; %NULL for an empty cell
 */
void
tov_report_table_add_row (TovReportTable     *table,
                          TovRowStyle         style,
                          const char * const *cells)
{
  TovReportRow *row = g_new0 (TovReportRow, 1);

  row->style = style;
  row->cells = g_new0 (char *, table->n_columns + 1);
  for (guint i = 0; i < table->n_columns; i++)
    row->cells[i] = g_strdup (cells[i] ? cells[i] : "");
  g_ptr_array_add (table->rows, row);
}
