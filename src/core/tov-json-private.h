/* tov-json-private.h: what the parts of the JSON codec share.
 *
 * tov-json-layout.c describes every record class as the document has it,
 * tov-json.c reads a document into rows of values, tov-json-bulk.c writes
 * those rows into a new portfolio and tov-json-write.c writes a portfolio
 * as a document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "tov-replacement.h"
#include "tov-store.h"

G_BEGIN_DECLS

#define TOV_JSON_FORMAT_NAME "tovholder-portfolio"
#define TOV_JSON_FORMAT_VERSION 1

/* Ids are lowercase UUIDs, 8-4-4-4-12, as tov_new_uuid() writes them. */
#define TOV_JSON_UUID_LENGTH 36

/* id, created and updated come before a class's fields. */
#define TOV_JSON_N_COMMON_KEYS 3
#define TOV_JSON_MAX_KEYS 64

/* Describing the record classes ------------------------------------------ */

typedef enum
{
  TOV_JSON_KIND_ID,
  TOV_JSON_KIND_TIMESTAMP,
  TOV_JSON_KIND_TEXT,
  TOV_JSON_KIND_DATE,
  TOV_JSON_KIND_REF,
  TOV_JSON_KIND_INT,
  TOV_JSON_KIND_BOOL,
  TOV_JSON_KIND_CHOICE,
} TovJsonKind;

typedef struct
{
  const char *name;         /* the property */
  char *key;                /* the JSON key and column */
  gsize key_len;
  TovJsonKind kind;
  gboolean required;
  GType ref_type;           /* KIND_REF */
  gint64 minimum;           /* KIND_INT */
  gint64 maximum;
  gint64 default_value;     /* KIND_INT and KIND_CHOICE */
  GEnumClass *enum_class;   /* KIND_CHOICE */
  const char *default_nick;
  char *choices;            /* "a, b, c", for messages */
} TovJsonField;

typedef struct
{
  GType type;
  TovRecordClass *klass;
  const char *table;
  const char *collection;
  char *noun;               /* "funding source", for messages */
  TovJsonField *fields;     /* the common keys, then the class's fields */
  guint n_fields;
} TovJsonLayout;

TovJsonLayout *tov_json_layouts (guint *n_layouts);

/* Records as rows of values ----------------------------------------------- */

/* One field's value as a document gives it. A string points into the
 * document, or at its decoded copy when it had escapes, and is not
 * nul-terminated; @number is then its length in bytes. A choice has its
 * nick, nul-terminated, and its value; an integer or a boolean has only
 * @number. A null date or reference has @text %NULL.
 */
typedef struct
{
  const char *text;
  gint64 number;
} TovJsonValue;

/* The records of one layout, in document order: @n_records rows of
 * layout->n_fields values each.
 */
typedef struct
{
  TovJsonValue *values;
  guint n_records;
  guint allocated;          /* rows */
} TovJsonRows;

static inline TovJsonValue *
tov_json_rows_get (TovJsonRows *rows,
                   guint        n_fields,
                   guint        index)
{
  return &rows->values[(gsize) index * n_fields];
}

guint    *tov_json_rows_sort_by_id (TovJsonRows          *rows,
                                    const TovJsonLayout  *layout);

/* Writing a new portfolio (tov-json-bulk.c) -------------------------------- */

/* Called once the rows are written, or have failed to be, before the
 * commit: FALSE, with an error, takes them back.
 */
typedef gboolean (*TovJsonBulkCheck) (gpointer   data,
                                      GError   **error);

gboolean  tov_json_bulk_write      (TovStore             *store,
                                    TovJsonRows          *rows,
                                    guint               **orders,
                                    TovJsonBulkCheck      check,
                                    gpointer              check_data,
                                    GError              **error);

/* Writing a document (tov-json-write.c) ------------------------------------- */

/* The document as it is written: kept in memory, or passed on to a file
 * piece by piece, so that a large portfolio is never held whole.
 */
typedef struct
{
  GString *text;
  TovReplacement *file; /* NULL to keep it all in memory */
} TovJsonOutput;

void      tov_json_output_flush    (TovJsonOutput        *out);
gboolean  tov_json_write_layouts   (TovJsonOutput        *out,
                                    TovStore             *store,
                                    guint                *n_portfolios,
                                    GError              **error);

/* How long a step took, for G_MESSAGES_DEBUG=tov-json: the clock and the
 * processor time, as the machine may be busy with other work.
 */
typedef struct
{
  gint64 wall;
  gint64 cpu;
} TovJsonTimer;

TovJsonTimer tov_json_timer_start (void);
void         tov_json_timer_debug (TovJsonTimer  timer,
                                   const char   *what);

G_END_DECLS
