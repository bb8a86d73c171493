/* tov-integrity.c: is a portfolio file whole?
 *
 * SQLite's quick_check reads every page of the file: a fraction of a
 * second for a small portfolio, seconds for a large one. A window need not
 * wait for it. The store runs it in a thread, on a read-only connection of
 * its own, and holds back every write until it has passed; a file found
 * damaged is reported back in the main context, and nothing is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tov-integrity"

#include "config.h"

#include <gio/gio.h>
#include <sqlite3.h>
#ifdef __linux__
#include <sys/resource.h>
#endif

#include "tov-integrity.h"

/* How many SQLite virtual machine steps pass between looks at the flag
 * that cancels a check.
 */
#define STEPS_BETWEEN_CANCEL_CHECKS 10000

struct _TovIntegrityCheck
{
  char *uri;
  GThread *thread;
  gint cancelled;           /* atomic */
  gboolean intact;          /* once the thread is joined */

  GMainContext *context;
  GSourceFunc on_damaged;
  gpointer data;
  GSource *report;          /* set by the thread, read after joining it */
};

static int
is_cancelled (void *data)
{
  TovIntegrityCheck *check = data;

  return check != NULL && g_atomic_int_get (&check->cancelled);
}

static gboolean
quick_check_connection (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean intact;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  intact = rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);

  return intact;
}

/* A file SQLite cannot open or read through is damaged too. */
static gboolean
quick_check (const char        *uri,
             TovIntegrityCheck *check)
{
  sqlite3 *db = NULL;
  gboolean intact = FALSE;

  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK)
    {
      if (check != NULL)
        sqlite3_progress_handler (db, STEPS_BETWEEN_CANCEL_CHECKS, is_cancelled, check);
      intact = quick_check_connection (db);
    }
  sqlite3_close (db);

  return intact;
}

static char *
uri_for_path (const char *path,
              const char *query)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);

  return g_strconcat (uri, query, NULL);
}

/**
 * tov_integrity_check_file:
 *
 * Checks @path now, through an immutable read-only connection that cannot
 * write to it, nor create a journal beside it.
 *
 * Returns: %TRUE when the file is whole
 */
gboolean
tov_integrity_check_file (const char *path)
{
  g_autofree char *uri = uri_for_path (path, "?mode=ro&immutable=1");

  return quick_check (uri, NULL);
}

/**
 * tov_integrity_check_database:
 *
 * Checks the file that @db has open, now, through @db.
 *
 * Returns: %TRUE when the file is whole
 */
gboolean
tov_integrity_check_database (sqlite3 *db)
{
  return quick_check_connection (db);
}

static gpointer
run_check (gpointer data)
{
  TovIntegrityCheck *check = data;
  gboolean intact;

#ifdef __linux__
  /* Drawing the window comes first. (Linux gives each thread its own
   * nice value; elsewhere this would slow the whole process.)
   */
  setpriority (PRIO_PROCESS, 0, 19);
#endif

  intact = quick_check (check->uri, check);

  if (!intact && !g_atomic_int_get (&check->cancelled))
    {
      check->report = g_idle_source_new ();
      g_source_set_callback (check->report, check->on_damaged, check->data, NULL);
      g_source_set_static_name (check->report, "[tovholder] damaged portfolio");
      g_source_attach (check->report, check->context);
    }

  return GINT_TO_POINTER (intact);
}

/**
 * tov_integrity_check_start:
 * @path: a portfolio that another connection has open
 * @on_damaged: called in the thread-default main context of the caller
 *   when the file is found damaged
 *
 * Checks @path in a thread.
 *
 * Returns: (transfer full): the check under way
 */
TovIntegrityCheck *
tov_integrity_check_start (const char  *path,
                           GSourceFunc  on_damaged,
                           gpointer     data)
{
  TovIntegrityCheck *check = g_new0 (TovIntegrityCheck, 1);

  check->uri = uri_for_path (path, "?mode=ro");
  check->context = g_main_context_ref_thread_default ();
  check->on_damaged = on_damaged;
  check->data = data;
  check->thread = g_thread_new ("tovholder-integrity", run_check, check);

  return check;
}

/**
 * tov_integrity_check_finish:
 *
 * Waits for @check to end.
 *
 * Returns: %TRUE when the file is whole
 */
gboolean
tov_integrity_check_finish (TovIntegrityCheck *check)
{
  if (check->thread != NULL)
    check->intact = GPOINTER_TO_INT (g_thread_join (g_steal_pointer (&check->thread)));

  return check->intact;
}

/* Ends @check early, and takes back a report that has not run yet. */
void
tov_integrity_check_free (TovIntegrityCheck *check)
{
  if (check == NULL)
    return;

  g_atomic_int_set (&check->cancelled, TRUE);
  tov_integrity_check_finish (check);
  if (check->report != NULL)
    {
      g_source_destroy (check->report);
      g_source_unref (check->report);
    }
  g_main_context_unref (check->context);
  g_free (check->uri);
  g_free (check);
}
