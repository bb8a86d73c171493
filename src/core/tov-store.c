/* tov-store.c: one portfolio, kept in one SQLite file.
 *
 * The store is the only code that writes the file. Every write is one
 * transaction; every transaction that a user makes is recorded with
 * SQLite's session extension, so that it can be undone. After a commit the
 * store brings the records it has handed out up to date and emits
 * ::changed for every table the transaction touched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "tov-error.h"
#include "tov-integrity.h"
#include "tov-migrations.h"
#include "tov-records.h"
#include "tov-store-private.h"

/* The undo history is for a working session, not an archive. */
#define MAX_UNDO 100

/* Past this many changed rows a commit refreshes whole tables. */
#define MAX_TRACKED_ROWS 1000

struct _TovStore
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  gboolean check_pending;      /* the pages are to be checked, and the check has not started */
  TovIntegrityCheck *integrity; /* under way in a thread, until a write waits for it */
  gboolean damaged;
  GHashTable *statements;   /* SQL → sqlite3_stmt */
  GHashTable *live;         /* id → TovRecord, weak: the records handed out */
  TovPortfolio *portfolio;

  sqlite3_session *session; /* recording the transaction under way, if any */
  GPtrArray *undo;          /* GBytes changesets, oldest first */

  GHashTable *changed_tables;  /* table name → NULL */
  GArray *changed_rows;        /* ChangedRow, for UPDATE and INSERT */
  gboolean too_many_rows;
};

typedef struct
{
  const char *table;  /* interned */
  gint64 rowid;
} ChangedRow;

G_DEFINE_FINAL_TYPE (TovStore, tov_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  DAMAGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
forget_record (gpointer  data,
               GObject  *where_the_object_was)
{
  TovStore *self = data;
  GHashTableIter iter;
  gpointer value;

  /* The record's id is gone with it, so find it by its address. */
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == (gpointer) where_the_object_was)
      {
        g_hash_table_iter_remove (&iter);
        break;
      }
}

static void
remember_record (TovStore  *self,
                 TovRecord *record)
{
  g_hash_table_insert (self->live, g_strdup (tov_record_get_id (record)), record);
  g_object_weak_ref (G_OBJECT (record), forget_record, self);
}

static void
tov_store_finalize (GObject *object)
{
  TovStore *self = TOV_STORE (object);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_object_weak_unref (value, forget_record, self);
  g_hash_table_destroy (self->live);

  g_clear_pointer (&self->integrity, tov_integrity_check_free);
  g_clear_object (&self->portfolio);
  g_hash_table_destroy (self->statements);
  g_ptr_array_unref (self->undo);
  g_hash_table_destroy (self->changed_tables);
  g_array_unref (self->changed_rows);
  g_clear_pointer (&self->session, sqlite3session_delete);
  g_clear_pointer (&self->db, sqlite3_close);
  g_free (self->path);

  G_OBJECT_CLASS (tov_store_parent_class)->finalize (object);
}

static void
tov_store_class_init (TovStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  guint n_types;

  object_class->finalize = tov_store_finalize;

  /* The record classes must exist before their descriptions are peeked at. */
  tov_record_types (&n_types);

  /**
   * TovStore::changed:
   * @type: the record type whose table changed
   *
   * Emitted after a commit, once for every table it changed, with the
   * table's name as the detail.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_GTYPE);

  /**
   * TovStore::damaged:
   *
   * @error: what to tell the user
   *
   * Emitted when the integrity check that tov_store_open_checking_later()
   * put off finds the file damaged. The store writes nothing to it.
   */
  signals[DAMAGED] =
    g_signal_new ("damaged",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
tov_store_init (TovStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->live = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  self->changed_tables = g_hash_table_new (g_str_hash, g_str_equal);
  self->changed_rows = g_array_new (FALSE, FALSE, sizeof (ChangedRow));
}

void
tov_store_set_sqlite_error (TovStore  *self,
                            GError   **error)
{
  int code = sqlite3_extended_errcode (self->db);

  /* A restricted delete reports a plain constraint, so look at the words too. */
  if (code == SQLITE_CONSTRAINT_FOREIGNKEY ||
      ((code & 0xff) == SQLITE_CONSTRAINT && strstr (sqlite3_errmsg (self->db), "FOREIGN KEY") != NULL))
    g_set_error_literal (error, TOV_ERROR, TOV_ERROR_INVALID,
                         _("The record is still used by other records, or refers to one that no longer exists."));
  else if (strstr (sqlite3_errmsg (self->db), "tov: decision of another project") != NULL)
    g_set_error_literal (error, TOV_ERROR, TOV_ERROR_INVALID,
                         _("The decision belongs to another project. Choose one of this project’s decisions."));
  else if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB)
    g_set_error (error, TOV_ERROR, TOV_ERROR_DAMAGED,
                 _("The portfolio file is damaged: %s"), sqlite3_errmsg (self->db));
  else if ((code & 0xff) == SQLITE_READONLY || (code & 0xff) == SQLITE_FULL || (code & 0xff) == SQLITE_IOERR)
    g_set_error (error, TOV_ERROR, TOV_ERROR_FAILED,
                 _("The portfolio file cannot be written: %s"), sqlite3_errmsg (self->db));
  else
    g_set_error (error, TOV_ERROR, TOV_ERROR_FAILED,
                 _("The portfolio database reported an error: %s"), sqlite3_errmsg (self->db));
}

static gboolean
exec (TovStore    *self,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      tov_store_set_sqlite_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * tov_store_prepare:
 *
 * Returns: (transfer none): a statement for @sql, reset and unbound, kept
 *   for the life of the store.
 */
sqlite3_stmt *
tov_store_prepare (TovStore    *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      tov_store_set_sqlite_error (self, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/**
 * tov_store_run:
 *
 * Runs @sql, one statement, to its end, keeping it prepared.
 */
gboolean
tov_store_run (TovStore    *self,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *stmt = tov_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      tov_store_set_sqlite_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * tov_store_query_int:
 *
 * Runs @sql and reads the first column of its first row into @value.
 */
gboolean
tov_store_query_int (TovStore    *self,
                     const char  *sql,
                     gint64      *value,
                     GError     **error)
{
  sqlite3_stmt *stmt = tov_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      tov_store_set_sqlite_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

/* For the bulk writers, which set a pragma for their load and put it back. */
void
tov_store_set_pragma (TovStore   *self,
                      const char *name,
                      gint64      value)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s = %" G_GINT64_FORMAT, name, value);

  tov_store_run (self, sql, NULL);
}

/* For the bulk writers' INSERTs of many rows at once: appends
 * " VALUES (?, …), (?, …), …", @n_rows rows of @n_columns parameters.
 */
void
tov_store_append_values (GString *sql,
                         guint    n_columns,
                         guint    n_rows)
{
  g_return_if_fail (n_columns > 0);

  g_string_append (sql, " VALUES ");
  for (guint row = 0; row < n_rows; row++)
    {
      g_string_append (sql, row > 0 ? ", (?" : "(?");
      for (guint i = 1; i < n_columns; i++)
        g_string_append (sql, ", ?");
      g_string_append_c (sql, ')');
    }
}

/* Opening ---------------------------------------------------------------- */

static guint32
read_be32 (const guint8 *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) | ((guint32) bytes[2] << 8) | bytes[3];
}

static void
set_too_new_error (GError     **error,
                   const char  *path)
{
  g_autofree char *display = g_filename_display_basename (path);

  g_set_error (error, TOV_ERROR, TOV_ERROR_TOO_NEW,
               _("“%s” was written by a newer version of Tovholder. Update Tovholder to open it."),
               display);
}

static void
set_damaged_error (GError     **error,
                   const char  *path)
{
  g_autofree char *display = g_filename_display_basename (path);

  g_set_error (error, TOV_ERROR, TOV_ERROR_DAMAGED,
               _("“%s” is damaged and cannot be opened. Open a copy or a backup instead."),
               display);
}

/* When the pages of a file that passed check_existing_file() are checked. */
typedef enum
{
  PAGES_CHECKED,
  /* By the store's connection, once it has opened the file. */
  PAGES_CHECK_ON_OPEN,
  /* In a thread, while the file is open. */
  PAGES_CHECK_LATER,
} PagesCheck;

/* Looks at an existing file without writing to it: the SQLite header, our
 * application id, the schema version and the file's length. Only a file
 * that passes is opened for writing, so a foreign, newer or cut-off file is
 * never touched.
 *
 * The pages themselves are checked through a read-only connection now,
 * when @check_now is set or when opening the file would make its journal a
 * WAL; otherwise *@pages_check says when the caller is to check them.
 *
 * A file with a rollback journal beside it is one whose last transaction
 * did not finish, such as an import cut short: its pages and its length
 * are those of a half-written transaction until SQLite plays the journal
 * back, which it does when it first reads the file for writing. Its pages
 * are checked after that.
 */
static gboolean
check_existing_file (const char  *path,
                     gboolean     check_now,
                     PagesCheck  *pages_check,
                     GError     **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  gboolean unfinished = g_file_test (journal, G_FILE_TEST_EXISTS);
  guint8 header[100];
  gsize n_read = 0;
  guint32 version;
  guint64 page_size;
  GStatBuf buf;
  FILE *fp;

  fp = g_fopen (path, "rb");
  if (fp == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("“%s” cannot be opened: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  n_read = fread (header, 1, sizeof header, fp);
  fclose (fp);

  if (n_read < sizeof header || memcmp (header, "SQLite format 3", 16) != 0 ||
      read_be32 (header + 68) != TOV_APPLICATION_ID)
    {
      g_set_error (error, TOV_ERROR, TOV_ERROR_NOT_OURS,
                   _("“%s” is not a Tovholder portfolio."), display);
      return FALSE;
    }

  version = read_be32 (header + 60);
  if (version > TOV_SCHEMA_VERSION)
    {
      set_too_new_error (error, path);
      return FALSE;
    }

  /* The header's page count is current when its change counter matches
   * the one it was written with; a file shorter than that lost its end.
   */
  page_size = header[16] << 8 | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (!unfinished && read_be32 (header + 24) == read_be32 (header + 92) &&
      g_stat (path, &buf) == 0 &&
      (guint64) buf.st_size < page_size * read_be32 (header + 28))
    {
      set_damaged_error (error, path);
      return FALSE;
    }

  /* Bytes 18 and 19 are 2 in a file whose journal is a WAL. */
  if (unfinished)
    *pages_check = PAGES_CHECK_ON_OPEN;
  else if (check_now || header[18] != 2 || header[19] != 2)
    {
      if (!tov_integrity_check_file (path))
        {
          set_damaged_error (error, path);
          return FALSE;
        }
      *pages_check = PAGES_CHECKED;
    }
  else
    *pages_check = PAGES_CHECK_LATER;

  return TRUE;
}

/* New files are readable by their owner only: a portfolio can hold
 * people's names and case numbers.
 */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("“%s” cannot be created: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  return g_close (fd, error);
}

static int
user_version (TovStore *self)
{
  sqlite3_stmt *stmt = tov_store_prepare (self, "PRAGMA user_version", NULL);

  int version;

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  version = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return version;
}

/* Brings the schema from its version up to @target, in one transaction. */
static gboolean
migrate (TovStore  *self,
         int        target,
                 GError   **error)
{
  int version = user_version (self);
  g_autofree char *pragmas = NULL;

  if (version >= target)
    return TRUE;

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (int step = version + 1; step <= target; step++)
    if (!exec (self, tov_migration_step (step), error))
      {
        exec (self, "ROLLBACK", NULL);
        return FALSE;
      }

  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                             TOV_APPLICATION_ID, target);
  if (!exec (self, pragmas, error) || !exec (self, "COMMIT", error))
    {
      exec (self, "ROLLBACK", NULL);
      return FALSE;
    }

  return TRUE;
}

static void
track_change (void          *data,
              int            op,
              const char    *database,
              const char    *table,
              sqlite3_int64  rowid)
{
  TovStore *self = data;
  const char *interned = g_intern_string (table);

  /* Triggers keep other tables up to date, such as the search index;
   * only the records' own tables are anyone's to watch.
   */
  if (tov_record_type_from_table (interned) == G_TYPE_INVALID)
    return;

  g_hash_table_add (self->changed_tables, (gpointer) interned);
  if (op == SQLITE_DELETE || self->too_many_rows)
    return;

  if (self->changed_rows->len >= MAX_TRACKED_ROWS)
    {
      self->too_many_rows = TRUE;
      g_array_set_size (self->changed_rows, 0);
      return;
    }

  g_array_append_val (self->changed_rows, ((ChangedRow) { interned, rowid }));
}

static gboolean
open_connection (TovStore  *self,
                 GError   **error)
{
  if (sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      tov_store_set_sqlite_error (self, error);
      return FALSE;
    }

  /* Closing the last connection copies the journal into the file; until
   * the file is accepted, closing must leave it as it was.
   */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, TRUE, NULL);
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 2000);
  return exec (self, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL", error);
}

static TovPortfolio *
load_portfolio (TovStore  *self,
                GError   **error)
{
  g_autofree char *select = tov_store_select_sql (self, TOV_TYPE_PORTFOLIO);
  g_autofree char *sql = g_strconcat (select, " LIMIT 1", NULL);
  sqlite3_stmt *stmt;
  g_autoptr(TovPortfolio) portfolio = NULL;
  int rc;

  stmt = tov_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      portfolio = TOV_PORTFOLIO (tov_store_read_record (self, TOV_TYPE_PORTFOLIO, stmt));
      sqlite3_reset (stmt);
      return g_steal_pointer (&portfolio);
    }
  if (rc != SQLITE_DONE)
    {
      tov_store_set_sqlite_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  /* A new file: its portfolio is named after the file until renamed. */
  portfolio = g_object_new (TOV_TYPE_PORTFOLIO, NULL);
  {
    g_autofree char *base = g_path_get_basename (self->path);
    char *dot = strrchr (base, '.');

    if (dot != NULL && dot != base)
      *dot = '\0';
    g_object_set (portfolio, "name", base, NULL);
  }
  if (!tov_store_save (self, TOV_RECORD (portfolio), error))
    return NULL;
  /* Creating the file is not something to undo. */
  g_ptr_array_set_size (self->undo, 0);

  return g_steal_pointer (&portfolio);
}

static void
mark_damaged (TovStore *self)
{
  self->damaged = TRUE;
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, TRUE, NULL);
}

static gboolean
report_damaged (gpointer data)
{
  TovStore *self = data;
  g_autoptr(GError) error = NULL;

  mark_damaged (self);
  set_damaged_error (&error, self->path);
  g_signal_emit (self, signals[DAMAGED], 0, error);
  return G_SOURCE_REMOVE;
}

static TovStore *
try_open (const char  *path,
          gboolean     check_now,
          GError     **error)
{
  g_autoptr(TovStore) self = NULL;
  PagesCheck pages_check = PAGES_CHECKED;
  GStatBuf buf;
  int version;

  g_return_val_if_fail (path != NULL, NULL);

  /* An empty file holds nothing to lose, and becomes a new portfolio. */
  if (g_stat (path, &buf) == 0)
    {
      if (buf.st_size > 0 && !check_existing_file (path, check_now, &pages_check, error))
        return NULL;
    }
  else if (!create_private_file (path, error))
    return NULL;

  self = g_object_new (TOV_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  if (!open_connection (self, error))
    return NULL;

  /* The schema version in the header can be older than the one in the
   * journal, so ask SQLite before writing anything.
   */
  version = user_version (self);
  if (version > TOV_SCHEMA_VERSION)
    {
      set_too_new_error (error, path);
      return NULL;
    }
  /* A migration writes, so it waits for no thread. */
  if (pages_check == PAGES_CHECK_ON_OPEN ||
      (pages_check == PAGES_CHECK_LATER && version < TOV_SCHEMA_VERSION))
    {
      if (!tov_integrity_check_database (self->db))
        {
          set_damaged_error (error, path);
          return NULL;
        }
      pages_check = PAGES_CHECKED;
    }
  if (!migrate (self, TOV_SCHEMA_VERSION, error))
    return NULL;

  sqlite3_update_hook (self->db, track_change, self);
  self->check_pending = pages_check == PAGES_CHECK_LATER;

  self->portfolio = load_portfolio (self, error);
  if (self->portfolio == NULL)
    return NULL;

  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, self->damaged, NULL);
  return g_steal_pointer (&self);
}

/* A file that SQLite finds damaged while opening it is explained the same
 * way as one that fails the integrity check.
 */
static TovStore *
open_store (const char  *path,
            gboolean     check_now,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  TovStore *self = try_open (path, check_now, &local_error);

  if (g_error_matches (local_error, TOV_ERROR, TOV_ERROR_DAMAGED))
    set_damaged_error (error, path);
  else if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return self;
}

/**
 * tov_store_open:
 * @path: a portfolio file, created when it does not exist
 *
 * Opens the portfolio at @path, bringing its schema up to date. A file that
 * is not a Tovholder portfolio, is damaged, or was written by a newer
 * version is refused with an error that says so, and is left untouched.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
TovStore *
tov_store_open (const char  *path,
                GError     **error)
{
  return open_store (path, TRUE, error);
}

/**
 * tov_store_open_checking_later:
 * @path: a portfolio file, created when it does not exist
 *
 * Like tov_store_open(), but reads every page of the file to check it
 * later, in a thread, so that opening a large portfolio takes no longer
 * than a small one. The check starts with tov_store_start_check(), or with
 * the first write if that comes first; writes wait for it. A file found
 * damaged is reported by #TovStore::damaged in the main context of the
 * caller that started the check, and every write to it fails; nothing is
 * written to it.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
TovStore *
tov_store_open_checking_later (const char  *path,
                               GError     **error)
{
  return open_store (path, FALSE, error);
}

/**
 * tov_store_start_check:
 *
 * Starts the check of the pages that tov_store_open_checking_later() put
 * off, in a thread. It reads the whole file, so a window starts it once it
 * has drawn its first frame. A store whose pages were checked, or are being
 * checked, ignores the call.
 */
void
tov_store_start_check (TovStore *self)
{
  g_return_if_fail (TOV_IS_STORE (self));

  if (!self->check_pending)
    return;

  self->check_pending = FALSE;
  self->integrity = tov_integrity_check_start (self->path, report_damaged, self);
}

/**
 * tov_store_ensure_intact:
 *
 * Waits for the integrity check that tov_store_open_checking_later() put
 * off, starting it if it has not started. Every write asks first: a
 * damaged file takes none.
 *
 * Returns: %FALSE with @error set when the file is damaged
 */
gboolean
tov_store_ensure_intact (TovStore  *self,
                         GError   **error)
{
  tov_store_start_check (self);
  if (self->integrity != NULL)
    {
      if (tov_integrity_check_finish (self->integrity))
        g_clear_pointer (&self->integrity, tov_integrity_check_free);
      else
        mark_damaged (self);
    }

  if (self->damaged)
    {
      set_damaged_error (error, self->path);
      return FALSE;
    }

  return TRUE;
}

gboolean
tov_store_create_at_version (const char  *path,
                             int          version,
                             GError     **error)
{
  g_autoptr(TovStore) self = g_object_new (TOV_TYPE_STORE, NULL);

  if (!create_private_file (path, error))
    return FALSE;

  self->path = g_strdup (path);
  return open_connection (self, error) && migrate (self, version, error);
}

const char *
tov_store_get_path (TovStore *self)
{
  g_return_val_if_fail (TOV_IS_STORE (self), NULL);

  return self->path;
}

/**
 * tov_store_get_portfolio:
 *
 * Returns: (transfer none): the portfolio record, kept up to date.
 */
TovPortfolio *
tov_store_get_portfolio (TovStore *self)
{
  g_return_val_if_fail (TOV_IS_STORE (self), NULL);

  return self->portfolio;
}

/* Rows and records ------------------------------------------------------- */

static GString *
column_list (TovRecordClass *klass)
{
  GString *sql = g_string_new ("id, created, updated");

  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_autofree char *key = tov_field_key (klass->fields[i]);

      g_string_append_printf (sql, ", %s", key);
    }
  return sql;
}

/**
 * tov_store_select_sql:
 *
 * Returns: (transfer full): "SELECT rowid, id, … FROM table" for @type, in
 *   the column order tov_store_read_record() expects.
 */
char *
tov_store_select_sql (TovStore *self,
                      GType     type)
{
  TovRecordClass *klass = g_type_class_peek (type);
  g_autoptr(GString) columns = column_list (klass);

  return g_strdup_printf ("SELECT rowid, %s FROM %s", columns->str, klass->table);
}

static void
bind_value (sqlite3_stmt *stmt,
            int           column,
            GParamSpec   *pspec,
            const GValue *value)
{
  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_STRING:
      if (g_value_get_string (value) == NULL)
        sqlite3_bind_null (stmt, column);
      else
        sqlite3_bind_text (stmt, column, g_value_get_string (value), -1, SQLITE_TRANSIENT);
      break;

    case G_TYPE_INT64:
      sqlite3_bind_int64 (stmt, column, g_value_get_int64 (value));
      break;

    case G_TYPE_BOOLEAN:
      sqlite3_bind_int (stmt, column, g_value_get_boolean (value));
      break;

    case G_TYPE_ENUM:
      {
        GEnumClass *enum_class = g_type_class_peek (pspec->value_type);
        GEnumValue *enum_value = g_enum_get_value (enum_class, g_value_get_enum (value));

        sqlite3_bind_text (stmt, column, enum_value->value_nick, -1, SQLITE_STATIC);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
read_value (sqlite3_stmt *stmt,
            int           column,
            GParamSpec   *pspec,
            GValue       *value)
{
  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_STRING:
      g_value_set_string (value, (const char *) sqlite3_column_text (stmt, column));
      break;

    case G_TYPE_INT64:
      g_value_set_int64 (value, sqlite3_column_int64 (stmt, column));
      break;

    case G_TYPE_BOOLEAN:
      g_value_set_boolean (value, sqlite3_column_int (stmt, column) != 0);
      break;

    case G_TYPE_ENUM:
      {
        GEnumClass *enum_class = g_type_class_peek (pspec->value_type);
        const char *nick = (const char *) sqlite3_column_text (stmt, column);
        GEnumValue *enum_value = nick ? g_enum_get_value_by_nick (enum_class, nick) : NULL;

        /* An unknown choice reads as the field's default rather than failing the whole list. */
        if (enum_value != NULL)
          g_value_set_enum (value, enum_value->value);
        else
          g_param_value_set_default (pspec, value);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * tov_store_read_record:
 * @stmt: a statement from tov_store_select_sql(), on a row
 *
 * Returns: (transfer full): the record of the row. A record the store has
 *   handed out before is brought up to date and returned again, so that a
 *   row is one object wherever it is shown.
 */
TovRecord *
tov_store_read_record (TovStore     *self,
                       GType         type,
                       sqlite3_stmt *stmt)
{
  TovRecordClass *klass = g_type_class_peek (type);
  const char *id = (const char *) sqlite3_column_text (stmt, 1);
  TovRecord *live = g_hash_table_lookup (self->live, id);
  g_autoptr(TovRecord) record = g_object_new (type,
                                              "id", id,
                                              "created", sqlite3_column_text (stmt, 2),
                                              "updated", sqlite3_column_text (stmt, 3),
                                              NULL);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, klass->fields[i]->value_type);
      read_value (stmt, 4 + i, klass->fields[i], &value);
      g_object_set_property (G_OBJECT (record), klass->fields[i]->name, &value);
    }

  if (live != NULL && G_OBJECT_TYPE (live) == type)
    {
      tov_record_assign (live, record);
      return g_object_ref (live);
    }

  remember_record (self, record);
  return g_steal_pointer (&record);
}

static TovRecord *
lookup_where (TovStore   *self,
              GType       type,
              const char *where,
              int         n_params,
              ...)
{
  g_autofree char *select = tov_store_select_sql (self, type);
  g_autofree char *sql = g_strconcat (select, " WHERE ", where, NULL);
  sqlite3_stmt *stmt = tov_store_prepare (self, sql, NULL);
  TovRecord *record;
  va_list args;

  if (stmt == NULL)
    return NULL;

  va_start (args, n_params);
  if (n_params > 0)
    {
      if (g_str_has_prefix (where, "id"))
        sqlite3_bind_text (stmt, 1, va_arg (args, const char *), -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, 1, va_arg (args, gint64));
    }
  va_end (args);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return NULL;
    }
  record = tov_store_read_record (self, type, stmt);
  /* A statement left on a row holds a read transaction, and the WAL cannot be checkpointed past it. */
  sqlite3_reset (stmt);
  return record;
}

/**
 * tov_store_lookup:
 *
 * Returns: (transfer full) (nullable): the record of @type with @id
 */
TovRecord *
tov_store_lookup (TovStore   *self,
                  GType       type,
                  const char *id)
{
  g_return_val_if_fail (TOV_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, TOV_TYPE_RECORD), NULL);

  if (id == NULL)
    return NULL;
  return lookup_where (self, type, "id = ?", 1, id);
}

TovRecord *
tov_store_lookup_rowid (TovStore *self,
                        GType     type,
                        gint64    rowid)
{
  return lookup_where (self, type, "rowid = ?", 1, rowid);
}

guint
tov_store_count (TovStore *self,
                 GType     type)
{
  TovRecordClass *klass;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  guint count;

  g_return_val_if_fail (TOV_IS_STORE (self), 0);

  klass = g_type_class_peek (type);
  sql = g_strdup_printf ("SELECT count(*) FROM %s", klass->table);
  stmt = tov_store_prepare (self, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

/* Writing ---------------------------------------------------------------- */

static int
is_record_table (void       *data,
                 const char *table)
{
  return tov_record_type_from_table (table) != G_TYPE_INVALID;
}

static gboolean
begin (TovStore  *self,
       gboolean   undoable,
       GError   **error)
{
  if (!tov_store_ensure_intact (self, error) || !exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  g_hash_table_remove_all (self->changed_tables);
  g_array_set_size (self->changed_rows, 0);
  self->too_many_rows = FALSE;

  if (undoable && sqlite3session_create (self->db, "main", &self->session) == SQLITE_OK)
    {
      sqlite3session_table_filter (self->session, is_record_table, NULL);
      sqlite3session_attach (self->session, NULL);
    }

  return TRUE;
}

static void
rollback (TovStore *self)
{
  exec (self, "ROLLBACK", NULL);
  g_clear_pointer (&self->session, sqlite3session_delete);
  g_hash_table_remove_all (self->changed_tables);
  g_array_set_size (self->changed_rows, 0);
}

/* Brings every record handed out up to date with the rows just committed,
 * then tells the models which tables changed.
 */
static void
publish_changes (TovStore *self)
{
  g_autoptr(GHashTable) tables = g_steal_pointer (&self->changed_tables);
  g_autoptr(GArray) rows = g_steal_pointer (&self->changed_rows);
  gboolean refresh_all = self->too_many_rows;
  GHashTableIter iter;
  gpointer key;

  self->changed_tables = g_hash_table_new (g_str_hash, g_str_equal);
  self->changed_rows = g_array_new (FALSE, FALSE, sizeof (ChangedRow));
  self->too_many_rows = FALSE;

  if (g_hash_table_size (self->live) > 0)
    {
      if (refresh_all)
        {
          g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
          GHashTableIter live_iter;
          gpointer value;

          g_hash_table_iter_init (&live_iter, self->live);
          while (g_hash_table_iter_next (&live_iter, NULL, &value))
            g_ptr_array_add (records, g_object_ref (value));
          for (guint i = 0; i < records->len; i++)
            {
              TovRecord *record = g_ptr_array_index (records, i);
              g_autoptr(TovRecord) fresh = tov_store_lookup (self, G_OBJECT_TYPE (record),
                                                             tov_record_get_id (record));
            }
        }
      else
        for (guint i = 0; i < rows->len; i++)
          {
            ChangedRow *row = &g_array_index (rows, ChangedRow, i);
            g_autoptr(TovRecord) fresh = tov_store_lookup_rowid (self, tov_record_type_from_table (row->table),
                                                                 row->rowid);
          }
    }

  g_hash_table_iter_init (&iter, tables);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GType type = tov_record_type_from_table (key);

      g_signal_emit (self, signals[CHANGED], g_quark_from_string (key), type);
    }
}

static gboolean
commit (TovStore  *self,
        GError   **error)
{
  int size = 0;
  void *changeset = NULL;

  if (self->session != NULL &&
      sqlite3session_changeset (self->session, &size, &changeset) == SQLITE_OK && size > 0)
    {
      g_ptr_array_add (self->undo, g_bytes_new_take (g_memdup2 (changeset, size), size));
      if (self->undo->len > MAX_UNDO)
        g_ptr_array_remove_index (self->undo, 0);
    }
  sqlite3_free (changeset);
  g_clear_pointer (&self->session, sqlite3session_delete);

  if (!exec (self, "COMMIT", error))
    {
      rollback (self);
      return FALSE;
    }

  publish_changes (self);
  return TRUE;
}

/* The INSERT … ON CONFLICT of a record class, built once: an import runs
 * it for every record, and building it each time cost more than running it.
 */
static const char *
upsert_sql (TovRecordClass *klass)
{
  static GHashTable *cache;   /* TovRecordClass → SQL, for the life of the program */
  g_autoptr(GString) columns = NULL;
  GString *sql;
  const char *cached;

  if (cache == NULL)
    cache = g_hash_table_new (NULL, NULL);
  cached = g_hash_table_lookup (cache, klass);
  if (cached != NULL)
    return cached;

  columns = column_list (klass);
  sql = g_string_new (NULL);
  g_string_printf (sql, "INSERT INTO %s (%s) VALUES (?", klass->table, columns->str);
  for (guint i = 0; i < klass->n_fields + 2; i++)
    g_string_append (sql, ", ?");
  g_string_append (sql, ") ON CONFLICT (id) DO UPDATE SET updated = excluded.updated");
  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_autofree char *key = tov_field_key (klass->fields[i]);

      g_string_append_printf (sql, ", %s = excluded.%s", key, key);
    }

  cached = g_string_free (sql, FALSE);
  g_hash_table_insert (cache, klass, (gpointer) cached);
  return cached;
}

static gboolean
upsert (TovStore   *self,
        TovRecord  *record,
        const char *now,
        GError    **error)
{
  TovRecordClass *klass = TOV_RECORD_GET_CLASS (record);
  sqlite3_stmt *stmt;

  stmt = tov_store_prepare (self, upsert_sql (klass), error);
  if (stmt == NULL)
    return FALSE;

  if (now != NULL)
    {
      if (tov_record_get_created (record) == NULL)
        g_object_set (record, "created", now, NULL);
      g_object_set (record, "updated", now, NULL);
    }

  sqlite3_bind_text (stmt, 1, tov_record_get_id (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, tov_record_get_created (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, tov_record_get_updated (record), -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < klass->n_fields; i++)
    bind_value (stmt, 4 + i, klass->fields[i], tov_record_peek_value (record, klass->fields[i]->name));

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      tov_store_set_sqlite_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* After a save, the record the caller holds and the one the views show are
 * the same row: make them agree, or make the caller's the one handed out.
 */
static void
adopt (TovStore  *self,
       TovRecord *record)
{
  TovRecord *live = g_hash_table_lookup (self->live, tov_record_get_id (record));

  if (live == NULL)
    remember_record (self, record);
  else if (live != record)
    tov_record_assign (live, record);
}

/**
 * tov_store_save:
 *
 * Inserts @record, or updates the record with its id, in one transaction
 * that can be undone. Its created and updated times are set.
 *
 * Returns: whether it was saved; nothing is written when it was not.
 */
gboolean
tov_store_save (TovStore   *self,
                TovRecord  *record,
                GError    **error)
{
  g_autofree char *now = tov_timestamp_now ();

  g_return_val_if_fail (TOV_IS_STORE (self), FALSE);
  g_return_val_if_fail (TOV_IS_RECORD (record), FALSE);

  if (!tov_record_validate (record, error))
    return FALSE;

  if (!begin (self, TRUE, error))
    return FALSE;
  if (!upsert (self, record, now, error))
    {
      rollback (self);
      return FALSE;
    }
  adopt (self, record);
  return commit (self, error);
}

/**
 * tov_store_save_all:
 *
 * Saves @records as they are, times included, in one transaction: all or
 * nothing. Records must come after those they refer to. This is how an
 * import or the demo portfolio arrives, and it is not added to the undo
 * history.
 */
gboolean
tov_store_save_all (TovStore   *self,
                    GPtrArray  *records,
                    GError    **error)
{
  TovPortfolio *imported = NULL;
  g_autoptr(TovPortfolio) previous = NULL;

  g_return_val_if_fail (TOV_IS_STORE (self), FALSE);

  for (guint i = 0; i < records->len; i++)
    if (!tov_record_validate (g_ptr_array_index (records, i), error))
      return FALSE;

  if (!begin (self, FALSE, error))
    return FALSE;

  for (guint i = 0; i < records->len; i++)
    {
      TovRecord *record = g_ptr_array_index (records, i);
      g_autofree char *now = tov_record_get_created (record) ? NULL : tov_timestamp_now ();

      if (!upsert (self, record, now, error))
        {
          rollback (self);
          return FALSE;
        }
    }

  /* The portfolio record has one row; an imported one replaces it. */
  for (guint i = 0; i < records->len; i++)
    if (TOV_IS_PORTFOLIO (g_ptr_array_index (records, i)) &&
        !g_str_equal (tov_record_get_id (g_ptr_array_index (records, i)),
                      tov_record_get_id (TOV_RECORD (self->portfolio))))
      {
        sqlite3_stmt *stmt = tov_store_prepare (self, "DELETE FROM portfolio WHERE id = ?", error);

        if (stmt == NULL)
          {
            rollback (self);
            return FALSE;
          }
        sqlite3_bind_text (stmt, 1, tov_record_get_id (TOV_RECORD (self->portfolio)), -1, SQLITE_TRANSIENT);
        sqlite3_step (stmt);
        imported = g_ptr_array_index (records, i);
      }

  /* Set before the commit, so that ::changed reports the new portfolio;
   * a commit that fails puts the old one back.
   */
  previous = g_object_ref (self->portfolio);
  if (imported != NULL)
    {
      g_set_object (&self->portfolio, imported);
      /* Later edits of the portfolio reach this object through the live map. */
      adopt (self, TOV_RECORD (imported));
    }
  if (!commit (self, error))
    {
      g_set_object (&self->portfolio, previous);
      return FALSE;
    }
  return TRUE;
}

/**
 * tov_store_delete:
 *
 * Deletes @record, and what belongs to it (a project's decisions and budget
 * lines, an initiative's status), in one transaction that can be undone.
 */
gboolean
tov_store_delete (TovStore   *self,
                  TovRecord  *record,
                  GError    **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TOV_IS_STORE (self), FALSE);
  g_return_val_if_fail (TOV_IS_RECORD (record), FALSE);
  g_return_val_if_fail (!TOV_IS_PORTFOLIO (record), FALSE);

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", TOV_RECORD_GET_CLASS (record)->table);
  if (!begin (self, TRUE, error))
    return FALSE;

  stmt = tov_store_prepare (self, sql, error);
  if (stmt == NULL)
    {
      rollback (self);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, tov_record_get_id (record), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      tov_store_set_sqlite_error (self, error);
      rollback (self);
      return FALSE;
    }

  return commit (self, error);
}

gboolean
tov_store_can_undo (TovStore *self)
{
  g_return_val_if_fail (TOV_IS_STORE (self), FALSE);

  return self->undo->len > 0;
}

static int
replace_on_conflict (void                   *data,
                     int                     conflict,
                     sqlite3_changeset_iter *iter)
{
  if (conflict == SQLITE_CHANGESET_DATA || conflict == SQLITE_CHANGESET_CONFLICT)
    return SQLITE_CHANGESET_REPLACE;
  if (conflict == SQLITE_CHANGESET_NOTFOUND)
    return SQLITE_CHANGESET_OMIT;
  return SQLITE_CHANGESET_ABORT;
}

/**
 * tov_store_undo:
 *
 * Takes back the last save or delete, in one transaction.
 */
gboolean
tov_store_undo (TovStore  *self,
                GError   **error)
{
  g_autoptr(GBytes) changeset = NULL;
  void *inverse = NULL;
  int inverse_size = 0;
  gsize size;
  const void *data;
  int rc;

  g_return_val_if_fail (TOV_IS_STORE (self), FALSE);
  g_return_val_if_fail (tov_store_can_undo (self), FALSE);

  changeset = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  data = g_bytes_get_data (changeset, &size);
  if (sqlite3changeset_invert (size, (void *) data, &inverse_size, &inverse) != SQLITE_OK)
    {
      g_set_error_literal (error, TOV_ERROR, TOV_ERROR_FAILED, _("The change cannot be undone."));
      return FALSE;
    }

  if (!begin (self, FALSE, error))
    {
      sqlite3_free (inverse);
      return FALSE;
    }

  rc = sqlite3changeset_apply (self->db, inverse_size, inverse, NULL, replace_on_conflict, NULL);
  sqlite3_free (inverse);
  if (rc != SQLITE_OK)
    {
      tov_store_set_sqlite_error (self, error);
      rollback (self);
      return FALSE;
    }

  return commit (self, error);
}

/**
 * tov_store_save_copy:
 *
 * Writes a complete copy of the portfolio to @path. The copy is written
 * beside it and renamed into place, so that @path holds either its old
 * contents or the whole copy, never a part.
 */
gboolean
tov_store_save_copy (TovStore    *self,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *template = NULL;
  g_autofree char *display = NULL;
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int fd;
  int rc;

  g_return_val_if_fail (TOV_IS_STORE (self), FALSE);

  if (!tov_store_ensure_intact (self, error))
    return FALSE;

  display = g_filename_display_basename (path);
  template = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("“%s” cannot be written: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (template, &copy, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (copy, "main", self->db, "main");
      rc = backup ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (copy);
      if (backup != NULL)
        sqlite3_backup_finish (backup);
      if (rc == SQLITE_DONE)
        rc = sqlite3_exec (copy, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
    }
  sqlite3_close (copy);

  if (rc != SQLITE_OK || g_rename (template, path) != 0)
    {
      g_set_error (error, TOV_ERROR, TOV_ERROR_FAILED,
                   _("“%s” cannot be written: %s"), display,
                   rc != SQLITE_OK ? sqlite3_errstr (rc) : g_strerror (errno));
      g_unlink (template);
      return FALSE;
    }

  return TRUE;
}
