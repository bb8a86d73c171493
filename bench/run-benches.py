#!/usr/bin/env python3
# run-benches.py: runs every benchmark on the generated portfolios and
# writes bench/RESULTS.md. `make bench` runs it under Xvfb and a D-Bus
# session, after building; see bench/README in RESULTS.md for the method.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import csv
import datetime
import os
import platform
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

# Start-up is timed from the moment before the process is started to the
# first frame its window draws; the runner and the programs read the same
# clock (CLOCK_MONOTONIC, which g_get_monotonic_time() reads).
def monotonic_us():
    return time.clock_gettime_ns(time.CLOCK_MONOTONIC) // 1000


class Results:
    def __init__(self):
        self.rows = []      # (key, value, unit, target, verdict)

    def add(self, key, value, unit, target='', verdict='info'):
        self.rows.append((key, value, unit, target, verdict))
        mark = {'met': 'met', 'missed': 'MISSED', 'info': ''}[verdict]
        print(f'  {key:<46} {value:12.3f} {unit:<10} {target:<14} {mark}', flush=True)

    def check(self, key, value, unit, op, target):
        met = value <= target if op == '<=' else value >= target
        self.add(key, value, unit, f'{op} {target:g}', 'met' if met else 'missed')

    def collect(self, output):
        """Takes the RESULT lines a benchmark printed."""
        for line in output.splitlines():
            if line.startswith('RESULT\t'):
                _, key, value, unit, target, verdict = line.split('\t')
                self.rows.append((key, float(value), unit, target, verdict))

    def get(self, key):
        for row in self.rows:
            if row[0] == key:
                return row[1]
        return None


def gui_env(args):
    env = dict(os.environ)
    env.update({
        'GSK_RENDERER': 'cairo',
        'GDK_BACKEND': 'x11',
        'GSETTINGS_BACKEND': 'memory',
        'GSETTINGS_SCHEMA_DIR': os.path.join(args.build, 'data'),
        'NO_AT_BRIDGE': '1',
        'GTK_A11Y': 'none',
        'TZ': 'UTC',
    })
    return env


def run(command, env=None, timeout=900, check=True):
    print('$ ' + ' '.join(command), flush=True)
    completed = subprocess.run(command, env=env, timeout=timeout, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sys.stdout.write(''.join(l + '\n' for l in completed.stdout.splitlines() if not l.startswith('RESULT\t')))
    if completed.returncode not in (0, 1) and check:
        sys.stderr.write(completed.stderr)
        raise SystemExit(f'{command[0]} failed with status {completed.returncode}')
    return completed


def timed_window(command, env, timeout):
    """Starts a window program; returns (ms to first frame, peak RSS KiB,
    output), or None when it draws no frame within @timeout seconds."""
    start = monotonic_us()
    try:
        completed = subprocess.run(command, env=env, timeout=timeout, text=True,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except subprocess.TimeoutExpired:
        print(f'  {os.path.basename(command[0])} {" ".join(command[1:])}: no frame within {timeout} s', flush=True)
        return None
    frame = re.search(r'^FIRST_FRAME\t(\d+)$', completed.stdout, re.M)
    hwm = re.search(r'^VMHWM\t(\d+)$', completed.stdout, re.M)
    if completed.returncode != 0 or frame is None:
        sys.stderr.write(completed.stdout + completed.stderr)
        raise SystemExit(f'{command[0]} drew no frame (status {completed.returncode})')
    return (int(frame.group(1)) - start) / 1000.0, int(hwm.group(1)) if hwm else None, completed.stdout


def generate(args, scale, path):
    cli = os.path.join(args.build, 'src', 'cli', 'tovholder-cli')
    fresh = os.path.exists(path) and os.path.getmtime(path) > os.path.getmtime(cli)
    if args.reuse_data and fresh:
        return None
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)
    command = [cli, 'generate', path] + (['--scale', scale] if scale != 'demo' else [])
    if scale == 'demo':
        command = [cli, 'demo', path]
    start = time.monotonic()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    run(command)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.monotonic() - start, (after.ru_utime - usage.ru_utime) + (after.ru_stime - usage.ru_stime)


def budget_spreadsheet(args, portfolio, directory):
    """The budget lines as a spreadsheet file: the CLI's own export if it
    has one, otherwise a CSV read from the file with sqlite3."""
    cli = os.path.join(args.build, 'src', 'cli', 'tovholder-cli')
    help_text = subprocess.run([cli, '--help'], text=True, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT).stdout
    if re.search(r'^\s+export-budget\b', help_text, re.M):
        xlsx = os.path.join(directory, 'budget.xlsx')
        completed = subprocess.run([cli, 'export-budget', portfolio, '-o', xlsx],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if completed.returncode == 0 and os.path.exists(xlsx):
            return xlsx, 'xlsx written by tovholder-cli export-budget'

    path = os.path.join(directory, 'budget.csv')
    db = sqlite3.connect(f'file:{portfolio}?mode=ro', uri=True)
    rows = db.execute(
        'SELECT p.number, p.title, d.number, f.name, b.kind, b.amount_ore, b.year, b.annual, b.note '
        'FROM budget_line b JOIN project p ON p.id = b.project_id '
        'JOIN funding_source f ON f.id = b.funding_source_id '
        'LEFT JOIN decision d ON d.id = b.decision_id ORDER BY b.year, b.amount_ore DESC')
    with open(path, 'w', newline='', encoding='utf-8') as out:
        writer = csv.writer(out)
        writer.writerow(['Projektnummer', 'Projekt', 'Indstilling', 'Finansiering', 'Art',
                         'Beløb (kr.)', 'År', 'Årlig', 'Note'])
        for number, title, decision, source, kind, ore, year, annual, note in rows:
            writer.writerow([number, title, decision or '', source, kind,
                             f'{ore // 100}.{ore % 100:02d}', year, 'ja' if annual else 'nej', note])
    db.close()
    return path, 'CSV written by bench/run-benches.py with sqlite3 (no export-budget command yet)'


def time_libreoffice(args, spreadsheet, directory):
    soffice = shutil.which('soffice') or shutil.which('libreoffice')
    if soffice is None:
        return None
    profile = 'file://' + os.path.join(directory, 'lo-profile')
    out = os.path.join(directory, 'lo-out')
    command = [soffice, '--headless', '--norestore', f'-env:UserInstallation={profile}',
               '--convert-to', 'csv', '--outdir', out, spreadsheet]
    # The first start makes the profile: not timed.
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    times = []
    for _ in range(args.lo_runs):
        start = time.monotonic()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600, check=True)
        times.append((time.monotonic() - start) * 1000)
    return statistics.median(times)


def machine():
    cpu = 'unknown'
    with open('/proc/cpuinfo') as f:
        for line in f:
            if line.startswith('model name'):
                cpu = line.split(':', 1)[1].strip()
                break
    with open('/proc/meminfo') as f:
        mem_kib = int(re.search(r'MemTotal:\s+(\d+)', f.read()).group(1))

    def version(package):
        try:
            return subprocess.run(['pkg-config', '--modversion', package], text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.strip()
        except OSError:
            return '?'

    return {
        'nproc': os.cpu_count(),
        'cpu': cpu,
        'ram': f'{mem_kib / 1024 / 1024:.1f} GiB',
        'date': datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC'),
        'kernel': platform.release(),
        'load': os.getloadavg()[0],
        'versions': f"GTK {version('gtk4')}, libadwaita {version('libadwaita-1')}, "
                    f"GLib {version('glib-2.0')}, SQLite {version('sqlite3')}",
    }


TARGETS = [
    # (key, what it measures)
    ('generate.large', 'Generating the large portfolio (aim: well under a minute)'),
    ('startup.large-over-empty', 'Start to first frame, large portfolio ÷ empty libadwaita window'),
    ('startup.large-over-libreoffice', 'Start to first frame, large portfolio ÷ LibreOffice opening the budget lines'),
    ('startup.huge-minus-demo', 'Start to first frame, huge portfolio − demo portfolio'),
    ('search.budget-lines.keystroke-max', 'Keystroke to new rows, Budget list (worst keystroke)'),
    ('search.projects.keystroke-max', 'Keystroke to new rows, Projects list (worst keystroke)'),
    ('search.global-fts.keystroke-max', 'Keystroke to hits, global search tov_search (worst keystroke)'),
    ('totals.max', 'Budget totals per funding source, kind and year (slowest call)'),
    ('scroll.smooth.frame-max', 'Scrolling 100,000 budget lines, 24 px a frame (slowest frame)'),
    ('scroll.page-a-frame.frame-max', 'Scrolling 100,000 budget lines, a page a frame (slowest frame)'),
    ('memory.large-minus-empty', 'Peak RSS, large portfolio with every section visited − empty window'),
    ('window.budget.row-widgets', 'Row widgets in the Budget section with 100,000 lines'),
    ('model.budget-lines.heap-per-row', 'TovQueryModel heap per budget line'),
    ('report.plan.median', 'Status sheet PDF of a plan of 40 initiatives'),
    ('report.portfolio', 'Portfolio overview PDF'),
    ('json.import.rate', 'JSON import of the large portfolio'),
    ('json.export.to-file-rate', 'JSON export of the large portfolio, to a file'),
    ('json.export.in-memory-rate', 'JSON export of the large portfolio, in memory'),
]


def write_markdown(path, info, results, notes, why_not=''):
    verdicts = {row[0]: row for row in results.rows}
    lines = [
        '# Benchmark results',
        '',
        'Written by `make bench` (bench/run-benches.py); do not edit by hand.',
        '',
        '## Machine',
        '',
        f"- Date: {info['date']}",
        f"- CPUs (nproc): {info['nproc']}",
        f"- CPU: {info['cpu']}",
        f"- RAM: {info['ram']}",
        f"- Kernel: {info['kernel']}",
        f"- {info['versions']}",
        f"- Load average (1 min) at start and end of the run: {info['load']:.1f} and {info['load_end']:.1f}. "
        'The machine\'s CPUs are shared with other work; wall-clock figures suffer when the load is above '
        'the number of CPUs.',
        '',
        '## Targets',
        '',
        '| Measure | Figure | Target | |',
        '|---|---:|---|---|',
    ]
    for key, label in TARGETS:
        if key not in verdicts:
            lines.append(f'| {label} | not measured{why_not} | | |')
            continue
        _, value, unit, target, verdict = verdicts[key]
        mark = {'met': 'met', 'missed': '**MISSED**', 'info': ''}[verdict]
        target_unit = unit.replace(' (at least)', '') if target else ''
        lines.append(f'| {label} | {value:,.3f} {unit} | {target} {target_unit} | {mark} |')
    lines += ['', '## Every figure', '', '| Key | Value | Unit | Target | |', '|---|---:|---|---|---|']
    for key, value, unit, target, verdict in results.rows:
        mark = {'met': 'met', 'missed': '**MISSED**', 'info': ''}[verdict]
        lines.append(f'| `{key}` | {value:,.3f} | {unit} | {target} | {mark} |')
    lines += ['', '## How they are measured', ''] + [f'- {note}' for note in notes] + ['']
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--build', required=True)
    parser.add_argument('--results', required=True)
    parser.add_argument('--data', default=None)
    parser.add_argument('--runs', type=int, default=7, help='start-up runs of each program')
    parser.add_argument('--lo-runs', type=int, default=3)
    parser.add_argument('--reuse-data', action='store_true',
                        help='keep portfolios generated by this build before')
    parser.add_argument('--skip-json', action='store_true')
    parser.add_argument('--window-timeout', type=int, default=120,
                        help='seconds a window may take to draw its first frame')
    args = parser.parse_args()
    args.build = os.path.abspath(args.build)
    data = os.path.abspath(args.data or os.path.join(args.build, 'bench-data'))
    os.makedirs(data, exist_ok=True)
    bench = os.path.join(args.build, 'bench')
    env = gui_env(args)
    results = Results()
    info = machine()
    notes = []

    print(f"Machine: {info['nproc']} × {info['cpu']}, {info['ram']}, {info['date']}, load {info['load']:.1f}")

    portfolios = {name: os.path.join(data, f'{name}.tovholder') for name in ('demo', 'large', 'huge')}
    for name, path in portfolios.items():
        timing = generate(args, name, path)
        if timing is not None and name != 'demo':
            seconds, cpu = timing
            if name == 'large':
                results.check('generate.large', seconds, 's', '<=', 60)
            else:
                results.add(f'generate.{name}', seconds, 's')
            results.add(f'generate.{name}.cpu', cpu, 's')
    large = portfolios['large']

    # Start-up, side by side: the runs of the four programs alternate.
    print('Start-up, process start to first drawn frame (GSK_RENDERER=cairo, Xvfb):', flush=True)
    programs = {
        'empty': [os.path.join(bench, 'empty-window')],
        'demo': [os.path.join(bench, 'bench-window'), 'startup', portfolios['demo']],
        'large': [os.path.join(bench, 'bench-window'), 'startup', large],
        'huge': [os.path.join(bench, 'bench-window'), 'startup', portfolios['huge']],
    }
    # A program that draws no frame in time is left out of the rounds, and
    # the benchmarks that need its window are not run.
    drawn = {}
    for name, command in programs.items():
        drawn[name] = timed_window(command, env, args.window_timeout) is not None
    times = {name: [] for name in programs if drawn[name]}
    peaks = {name: [] for name in programs if drawn[name]}
    for run_index in range(args.runs):
        for name in times:
            ms, hwm, _ = timed_window(programs[name], env, args.window_timeout)
            times[name].append(ms)
            peaks[name].append(hwm)
    median = {name: statistics.median(values) for name, values in times.items()}
    for name in programs:
        if name in median:
            results.add(f'startup.{name}.median', median[name], 'ms')
        else:
            results.add(f'startup.{name}.median', args.window_timeout * 1000, 'ms',
                        f'first frame within {args.window_timeout} s', 'missed')
            notes.append(f'**The {name} portfolio\'s window drew no frame within {args.window_timeout} s**: '
                         'its start-up figures are the time limit, and the benchmarks that need its '
                         'window were not run.')
    def startup(name):
        return median.get(name, args.window_timeout * 1000)
    # A window that drew no frame counts as the time limit: its ratios are at least that.
    def at_least(*names):
        return ' (at least)' if any(name not in median for name in names) else ''
    results.check('startup.large-over-empty', startup('large') / median['empty'], '×' + at_least('large'), '<=', 1.3)
    results.check('startup.huge-minus-demo', startup('huge') - startup('demo'), 'ms' + at_least('huge', 'demo'),
                  '<=', 50)
    notes.append(f'Start-up: median of {args.runs} runs after one warm-up round, the four programs '
                 'alternating; from just before the runner starts the process to the first '
                 '"after-paint" of the window\'s frame clock. The application runs in process as '
                 '`tovholder FILE` does (TovApplication opening the file; bench/bench-window.c), the '
                 'peer is bench/empty-window.c (AdwApplicationWindow with a header bar, 1100×720).')

    with tempfile.TemporaryDirectory(prefix='tovholder-bench-') as directory:
        spreadsheet, how = budget_spreadsheet(args, large, directory)
        lo_ms = time_libreoffice(args, spreadsheet, directory)
        if lo_ms is None:
            notes.append('LibreOffice is not installed: its comparison was not measured.')
        else:
            results.add('libreoffice.open-budget-lines.median', lo_ms, 'ms')
            results.check('startup.large-over-libreoffice', startup('large') / lo_ms, '×' + at_least('large'),
                          '<=', 0.1)
            notes.append(f'LibreOffice: `soffice --headless --convert-to csv` of the large portfolio\'s '
                         f'budget lines ({how}), median of {args.lo_runs} runs after one that makes the profile.')

    if drawn['large']:
        # Memory, in the same run as the empty window's.
        print('Memory, and the Budget section\'s widgets:', flush=True)
        completed = run([os.path.join(bench, 'bench-window'), 'sections', large], env=env)
        results.collect(completed.stdout)
        hwm = int(re.search(r'^VMHWM\t(\d+)$', completed.stdout, re.M).group(1))
        empty_hwm = statistics.median(peaks['empty'])
        results.add('memory.empty-window.vmhwm', empty_hwm / 1024, 'MiB')
        for name in ('demo', 'large', 'huge'):
            if name in peaks:
                results.add(f'memory.{name}-startup.vmhwm', statistics.median(peaks[name]) / 1024, 'MiB')
        results.add('memory.large-sections.vmhwm', hwm / 1024, 'MiB')
        results.check('memory.large-minus-empty', (hwm - empty_hwm) / 1024, 'MiB', '<=', 40)
        notes.append('Memory: VmHWM from /proc/self/status of bench-window after visiting every section '
                     '(Projects, Budget, Partnerships, Action plans) against the empty window\'s in the same run.')

        print('Scrolling:', flush=True)
        completed = run([os.path.join(bench, 'bench-window'), 'scroll', large], env=env, timeout=1800)
        results.collect(completed.stdout)
        notes.append('Scrolling: the Budget section\'s GtkColumnView (its TovQueryModel of every budget line) '
                     'is scrolled by setting its vadjustment in a tick callback, first 24 px a frame for 240 '
                     'frames, then a page a frame to the end; a frame is timed from the frame clock\'s '
                     '"before-paint" to its "after-paint" (update, layout and paint).')

    for name in ('bench-search', 'bench-totals', 'bench-model', 'bench-report') + \
            (() if args.skip_json else ('bench-json',)):
        completed = run([os.path.join(bench, name), large], env=env, timeout=1800)
        results.collect(completed.stdout)
    notes.append('Search: words typed letter by letter and deleted again ("Sundhedscentret", "Rødovre", '
                 '"velfærd", "Bøgh"), 3 passes after a warm-up; a keystroke is tov_query_model_set_search() '
                 'plus reading the first 30 rows, or tov_search() with 20 hits a kind. GtkSearchEntry\'s '
                 '150 ms delay comes on top in the application.')
    notes.append('Totals: tov_budget_totals() unfiltered and with each filter, 15 runs each after one.')
    notes.append('Reports: tov_report_write_pdf() of the plan whose initiatives are nearest 40 '
                 '(median of 5), and of the portfolio overview (once).')
    notes.append('JSON: tov_json_export() in memory and tov_json_export_to_file(), and '
                 'tov_json_import() of the export into a new file; records of every kind. '
                 'Peers: SQLite copying the same rows from file to file with no derived tables '
                 '(rows-alone-by-sqlite), and then filling that copy\'s search index from its rows '
                 'and nothing else (search-index-alone-by-sqlite).')
    notes.append('Portfolios: `tovholder-cli generate --scale large|huge` and `tovholder-cli demo`, '
                 'timed on the wall clock and in CPU time (user + system).')

    info['load_end'] = os.getloadavg()[0]
    write_markdown(args.results, info, results, notes,
                   '' if drawn['large'] else ': the large portfolio\'s window drew no frame')
    missed = [row[0] for row in results.rows if row[4] == 'missed']
    print(f'\nWrote {args.results}.')
    if missed:
        print(f'{len(missed)} targets MISSED: ' + ', '.join(missed))
        return 1
    print('Every target met.')
    return 0


if __name__ == '__main__':
    sys.exit(main())
