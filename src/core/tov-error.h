/* tov-error.h: the error domain of Tovholder's core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TOV_ERROR (tov_error_quark ())

typedef enum
{
  TOV_ERROR_INVALID,     /* input that a user can correct */
  TOV_ERROR_NOT_OURS,    /* a file that is not a Tovholder portfolio */
  TOV_ERROR_DAMAGED,     /* a portfolio that fails its integrity check */
  TOV_ERROR_TOO_NEW,     /* written by a newer Tovholder */
  TOV_ERROR_NOT_FOUND,
  TOV_ERROR_FAILED,
} TovError;

GQuark tov_error_quark (void);

G_END_DECLS
