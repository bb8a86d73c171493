/* tov-generate.h: a large made-up portfolio, for benchmarks and tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tov-store.h"

G_BEGIN_DECLS

/* "large" is the size the benchmarks aim at: a municipality that has kept
 * everything in Tovholder for a decade. "huge" has ten times its budget
 * lines; "medium" and "small" are a tenth and a hundredth of "large".
 */
typedef enum
{
  TOV_GENERATE_SMALL,
  TOV_GENERATE_MEDIUM,
  TOV_GENERATE_LARGE,
  TOV_GENERATE_HUGE,
} TovGenerateScale;

/* How many records of each kind to write. */
typedef struct
{
  guint themes;
  guint projects;
  guint decisions;
  guint funding_sources;
  guint budget_lines;
  guint organisations;
  guint partnerships;
  guint policies;
  guint strategy_goals;
  guint action_plans;
  guint initiatives;
  guint status_updates;
  guint32 seed;
} TovGenerateOptions;

#define TOV_GENERATE_DEFAULT_SEED 20150415u

gboolean tov_generate_scale_from_name (const char               *name,
                                       TovGenerateScale         *scale);
void     tov_generate_options_init    (TovGenerateOptions       *options,
                                       TovGenerateScale          scale);
gboolean tov_generate                 (TovStore                 *store,
                                       const TovGenerateOptions *options,
                                       GError                  **error);

G_END_DECLS
