/* bench-util.c: timing, statistics and result lines shared by the benchmarks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "bench-util.h"

/* Milliseconds on the monotonic clock: the clock g_get_monotonic_time()
 * reads, so that two processes and the runner measure on the same line.
 */
double
bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static GArray *
sorted_copy (GArray *samples)
{
  GArray *copy = g_array_sized_new (FALSE, FALSE, sizeof (double), samples->len);

  g_array_append_vals (copy, samples->data, samples->len);
  qsort (copy->data, copy->len, sizeof (double), compare_doubles);
  return copy;
}

/* The value below which @percent of the samples lie (nearest rank). */
double
bench_percentile (GArray *samples,
                  double  percent)
{
  g_autoptr(GArray) sorted = NULL;
  guint rank;

  if (samples->len == 0)
    return 0;
  sorted = sorted_copy (samples);
  rank = (guint) (percent / 100.0 * sorted->len + 0.5);
  rank = CLAMP (rank, 1, sorted->len);
  return g_array_index (sorted, double, rank - 1);
}

double
bench_median (GArray *samples)
{
  g_autoptr(GArray) sorted = NULL;
  guint n = samples->len;

  if (n == 0)
    return 0;
  sorted = sorted_copy (samples);
  if (n % 2 == 1)
    return g_array_index (sorted, double, n / 2);
  return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
}

double
bench_max (GArray *samples)
{
  double max = 0;

  for (guint i = 0; i < samples->len; i++)
    max = MAX (max, g_array_index (samples, double, i));
  return max;
}

static gint64
status_field_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  if (line == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen (field), NULL, 10);
}

/* The peak resident set of this process so far, in KiB. */
gint64
bench_vm_hwm_kib (void)
{
  return status_field_kib ("VmHWM:");
}

gint64
bench_vm_rss_kib (void)
{
  return status_field_kib ("VmRSS:");
}

/**
 * bench_report:
 *
 * Prints a figure, and the RESULT line the runner collects.
 *
 * Returns: whether the target is met (always %TRUE for %BENCH_INFO)
 */
gboolean
bench_report (const char *key,
              double      value,
              const char *unit,
              BenchGoal   goal,
              double      target)
{
  gboolean met = goal == BENCH_INFO ||
                 (goal == BENCH_AT_MOST && value <= target) ||
                 (goal == BENCH_AT_LEAST && value >= target);
  const char *verdict = goal == BENCH_INFO ? "info" : met ? "met" : "missed";
  char target_text[64] = "";

  if (goal == BENCH_AT_MOST)
    g_snprintf (target_text, sizeof target_text, "<= %g", target);
  else if (goal == BENCH_AT_LEAST)
    g_snprintf (target_text, sizeof target_text, ">= %g", target);

  printf ("  %-46s %12.3f %-10s %-14s %s\n", key, value, unit, target_text,
          goal == BENCH_INFO ? "" : met ? "met" : "MISSED");
  printf ("RESULT\t%s\t%.3f\t%s\t%s\t%s\n", key, value, unit, target_text, verdict);
  fflush (stdout);
  return met;
}

/* Processor time of the process, user and system, in seconds. */
double
bench_cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}
