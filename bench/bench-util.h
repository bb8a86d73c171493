/* bench-util.h: timing, statistics and result lines shared by the benchmarks.
 *
 * Every benchmark prints its figures for a person to read, and one line
 * per figure for bench/run-benches.py to collect:
 *
 *   RESULT <tab> key <tab> value <tab> unit <tab> target <tab> met|missed|info
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  BENCH_INFO,     /* a figure without a target of its own */
  BENCH_AT_MOST,  /* met when value <= target */
  BENCH_AT_LEAST, /* met when value >= target */
} BenchGoal;

double   bench_now_ms     (void);
double   bench_cpu_seconds (void);
double   bench_median     (GArray     *samples);
double   bench_max        (GArray     *samples);
double   bench_percentile (GArray     *samples,
                           double      percent);
gint64   bench_vm_hwm_kib (void);
gint64   bench_vm_rss_kib (void);
gboolean bench_report     (const char *key,
                           double      value,
                           const char *unit,
                           BenchGoal   goal,
                           double      target);

G_END_DECLS
