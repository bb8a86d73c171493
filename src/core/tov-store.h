/* tov-store.h: one portfolio, kept in one SQLite file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tov-portfolio.h"
#include "tov-record.h"

G_BEGIN_DECLS

#define TOV_TYPE_STORE (tov_store_get_type ())

G_DECLARE_FINAL_TYPE (TovStore, tov_store, TOV, STORE, GObject)

TovStore     *tov_store_open           (const char  *path,
                                        GError     **error);
TovStore     *tov_store_open_checking_later
                                       (const char  *path,
                                        GError     **error);
void          tov_store_start_check    (TovStore    *self);
const char   *tov_store_get_path       (TovStore    *self);
TovPortfolio *tov_store_get_portfolio  (TovStore    *self);

TovRecord    *tov_store_lookup         (TovStore    *self,
                                        GType        type,
                                        const char  *id);
guint         tov_store_count          (TovStore    *self,
                                        GType        type);

gboolean      tov_store_save           (TovStore    *self,
                                        TovRecord   *record,
                                        GError     **error);
gboolean      tov_store_save_all       (TovStore    *self,
                                        GPtrArray   *records,
                                        GError     **error);
gboolean      tov_store_delete         (TovStore    *self,
                                        TovRecord   *record,
                                        GError     **error);
gboolean      tov_store_can_undo       (TovStore    *self);
gboolean      tov_store_undo           (TovStore    *self,
                                        GError     **error);

gboolean      tov_store_save_copy      (TovStore    *self,
                                        const char  *path,
                                        GError     **error);

G_END_DECLS
