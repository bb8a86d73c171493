/* tov-replacement.h: a file written beside its target and renamed over it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *path;
  char *temporary;     /* beside path, until tov_replacement_finish() */
  int fd;              /* on temporary; -1 once closed */
  int saved_errno;     /* of the first write that failed */
  gsize written;
} TovReplacement;

gboolean tov_replacement_begin  (TovReplacement  *self,
                                 const char      *path,
                                 int              mode,
                                 GError         **error);
void     tov_replacement_write  (TovReplacement  *self,
                                 const void      *data,
                                 gsize            length);
gboolean tov_replacement_finish (TovReplacement  *self,
                                 gboolean         written,
                                 GError         **error);

G_END_DECLS
