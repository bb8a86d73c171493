/* tov-error.c: the error domain of Tovholder's core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tov-error.h"

G_DEFINE_QUARK (tov-error-quark, tov_error)
