/* tov-replacement.c: a file written beside its target and renamed over it.
 *
 * Exports, spreadsheets and status sheets are written to a new file next
 * to the one asked for, flushed to disk, and renamed over it: the path
 * holds either what it held before or the whole new file, even if the
 * program or the machine stops in the middle. A write that fails is
 * remembered and the rest are skipped; the error is reported once, at
 * the end, naming the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* sync_file_range() */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "tov-replacement.h"

static gboolean
set_write_error (const char  *path,
                 int          saved_errno,
                 GError     **error)
{
  g_autofree char *display = g_filename_display_basename (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("“%s” cannot be written: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

/**
 * tov_replacement_begin:
 * @mode: the new file's mode, less the umask: 0600 for what holds the
 *   portfolio's names and notes, 0666 for what is made to be passed on
 *
 * Creates an empty file beside @path to write to.
 */
gboolean
tov_replacement_begin (TovReplacement  *self,
                       const char      *path,
                       int              mode,
                       GError         **error)
{
  *self = (TovReplacement) { path, g_strconcat (path, ".XXXXXX", NULL), -1, 0, 0 };
  self->fd = g_mkstemp_full (self->temporary, O_WRONLY | O_CLOEXEC, mode);
  if (self->fd < 0)
    {
      int saved_errno = errno;

      g_clear_pointer (&self->temporary, g_free);
      return set_write_error (path, saved_errno, error);
    }
  return TRUE;
}

void
tov_replacement_write (TovReplacement *self,
                       const void     *data,
                       gsize           length)
{
  const char *bytes = data;
  gsize start = self->written;

  while (length > 0 && self->saved_errno == 0)
    {
      gssize n = write (self->fd, bytes, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          self->saved_errno = errno;
          break;
        }
      bytes += n;
      length -= n;
      self->written += n;
    }

#ifdef SYNC_FILE_RANGE_WRITE
  /* The file is flushed to disk at its end: starting on each piece now
   * lets the disk write while the rest is made, instead of afterwards.
   */
  if (self->saved_errno == 0 && self->written > start)
    sync_file_range (self->fd, start, self->written - start, SYNC_FILE_RANGE_WRITE);
#endif
}

/**
 * tov_replacement_finish:
 * @written: whether everything was written; if not, the file is removed
 *
 * Flushes the file to disk and renames it over the target. A file that
 * was closed to be written by name (fd -1) is opened again to flush it.
 * Sets @error for a failure of its own only.
 *
 * Returns: whether the target now holds the new file
 */
gboolean
tov_replacement_finish (TovReplacement  *self,
                        gboolean         written,
                        GError         **error)
{
  if (self->fd < 0 && written)
    {
      self->fd = g_open (self->temporary, O_WRONLY | O_CLOEXEC, 0);
      if (self->fd < 0)
        self->saved_errno = errno;
    }
  if (self->fd >= 0)
    {
      if (written && self->saved_errno == 0 && fsync (self->fd) != 0)
        self->saved_errno = errno;
      if (close (self->fd) != 0 && self->saved_errno == 0)
        self->saved_errno = errno;
      self->fd = -1;
    }
  if (written && self->saved_errno == 0 && g_rename (self->temporary, self->path) != 0)
    self->saved_errno = errno;

  if (!written || self->saved_errno != 0)
    g_unlink (self->temporary);
  g_clear_pointer (&self->temporary, g_free);

  if (written && self->saved_errno != 0)
    return set_write_error (self->path, self->saved_errno, error);
  return written;
}
