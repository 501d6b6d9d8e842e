/**
 * Every user-facing text of @poolscope/analysis, in one place: error messages and hints, the
 * reasons a fit was not made, notes, and the sentences of generated observations. Tests assert
 * against this catalogue, never against copied strings.
 */
const plural = (n: number, word: string, many = `${word}s`) => (n === 1 ? word : many);
const list = (items: readonly string[]) => items.map((c) => `'${c}'`).join(', ');
/** "10.7x" */
export const fmtX = (v: number) => `${v.toFixed(v >= 100 ? 0 : 1)}x`;
/** A ratio with two decimals: "1.23x". */
export const fmtRatio = (v: number) => `${v.toFixed(2)}x`;
/** Percent with no decimals: "85%". */
export const fmtPercent = (v: number) => `${Math.round(v * 100)}%`;
/** A parameter estimate: three significant figures, plain notation down to 1e-4. */
export const fmtNumber = (v: number) => (v !== 0 && Math.abs(v) < 1e-4 ? v.toExponential(2) : String(Number(v.toPrecision(3))));
/** A task count, integer ones as integers ("420", "10000"). */
export const fmtCount = (v: number) => String(Math.round(v));

export const analysisMessages = {
  // --- fits
  insufficientPoints: (got: number, needed: number, what: string) =>
    `insufficient data: ${got} distinct ${plural(got, what)}, ${needed} needed to fit`,
  noFit: 'insufficient data: neither Amdahl nor USL could be fitted',

  // --- calibrated intervals: why one is not given
  intervalTooFewPoints: (points: number, parameters: number, needed: number) =>
    `no interval: ${points} ${plural(points, 'point')} for ${parameters} parameters leave ${points - parameters} ${plural(points - parameters, 'degree')} of freedom for the noise, ${needed} needed for an interval that covers 95%`,
  intervalExactFit: 'no interval: the curve passes through every point, so there is no noise to size one by',
  intervalNotConverged: 'no interval: the profile likelihood could not be followed (a fit on the log scale did not converge)',
  intervalNoRise: 'no interval: the curve does not rise from one thread (sigma is 1 or more), so it has no peak to place',
  intervalFixed: (name: string) => `no interval: ${name} is fixed, not estimated`,
  intervalSetByBaseline: (name: string) =>
    `no interval: ${name} of speedups is set by the measured baseline they are relative to, so an interval would only restate that one measurement's noise`,

  // --- bad input (arrays and tables)
  lengthMismatch: (x: number, y: number) => `x has ${x} ${plural(x, 'value')} but y has ${y}; they must pair up`,
  notPositive: (where: string, column: string, got: string) =>
    `${where}: column '${column}': expected a positive finite number, got '${got}'`,
  notPositiveHint: (column: string) =>
    `Every '${column}' value must be a number greater than 0 (times and thread counts cannot be zero or negative); fix or remove that row.`,
  emptyInput: (what: string) => `${what}: no rows to analyse`,
  emptyInputHint: 'Give a file with a header line and at least one data row.',
  noOkRows: (what: string, dropped: number) => `${what}: none of the ${dropped} ${plural(dropped, 'row')} has status 'ok', so there is nothing to analyse`,
  noOkRowsHint: "Look at the 'error' column of the failed rows; rerun the cells that failed.",
  missingTableColumns: (missing: readonly string[]) => `the table lacks the ${plural(missing.length, 'column')} ${list(missing)}`,
  missingTableColumnsHint: (needed: readonly string[]) => `A table of poolscope timings needs the columns: ${needed.join(', ')}.`,
  badByColumn: (file: string, column: string, header: readonly string[]) =>
    `${file}:1: no column '${column}' to group by; the columns are ${list(header)}`,
  unknownPairTarget: (target: string, known: readonly string[]) =>
    `no target '${target}' to compare; the targets are ${list(known)}`,
  badNumberOption: (name: string, got: string, expected: string) => `${name} must be ${expected}, got '${got}'`,
  noRawTimings: (dir: string) => `${dir}: no raw timings found (expected ${dir}/raw/timings.csv or ${dir}/raw/*.csv)`,
  noRawTimingsHint: 'Point `poolscope analyze` at a directory written by `poolscope run`, or at a CSV file with --x and --y.',
  mixedHosts: (files: number) =>
    `the ${files} input files come from different hosts (host_id differs); CPU utilisation uses one core count for all`,

  // --- notes
  coresAssumed: (cores: number) =>
    `No host.json was found beside the timings, so CPU utilisation assumes ${cores} logical ${plural(cores, 'core')} (this machine's count); pass --cores to set it.`,
  coresFromOption: (cores: number) => `CPU utilisation uses ${cores} logical ${plural(cores, 'core')}, as given by --cores.`,
  droppedRows: (error: number, timeout: number) =>
    `${error + timeout} ${plural(error + timeout, 'row')} did not finish ok (${error} error, ${timeout} timeout) and ${plural(error + timeout, 'was', 'were')} left out.`,
  baselineNotOne: (group: string, x: number) => `${group}: one thread was not measured, so speedups are relative to ${x} threads.`,

  // --- observations
  obsBest: (task: string, parts: readonly string[]) => `For ${task}, ${parts.join(', ')}.`,
  /** ci null: not meaningful (fewer than 2 repetitions of a cell); `obsNoCi` says so once. */
  obsBestPart: (target: string, speedup: number, threads: number, ci: readonly [number, number] | null) =>
    `${target} reaches ${fmtX(speedup)} with ${threads} ${plural(threads, 'thread')}` + (ci === null ? '' : ` (95% CI ${fmtX(ci[0])}-${fmtX(ci[1])})`),
  /** When the baseline (normally 1 thread) is the fastest: no speedup to report. */
  obsNoSpeedupPart: (target: string, threads: number) => `${target} does not speed up (${threads} ${plural(threads, 'thread is', 'threads are')} fastest)`,
  /** A cpu speedup above the core count: the one-thread time holds waiting that more threads overlap. */
  obsAboveCores: (target: string, task: string, speedup: number, threads: number, cores: number, oneThreadUs: number, cpuBoundUs: number) =>
    `${target}, ${task}: ${fmtX(speedup)} with ${threads} ${plural(threads, 'thread')} is more than ${cores} ${plural(cores, 'core')} can give cpu work. ` +
    `On one thread each task took ${oneThreadUs.toFixed(0)} us of wall time; on ${threads} threads at most ${cpuBoundUs.toFixed(0)} us of CPU (wall time x cores / tasks). ` +
    `So at least ${(oneThreadUs - cpuBoundUs).toFixed(0)} us per task on one thread was waiting, for the pool to hand the task over and return its result, and more threads overlap that wait.`,
  obsNoCi: (minRepeats: number) =>
    `Values from cells with fewer than ${minRepeats} repetitions are given without a 95% CI: a bootstrap of one repetition has nothing to resample, so its interval would have zero width.`,
  /** ci: the calibrated interval of where the plateau begins (its crossing), null when there is none. */
  obsPlateau: (target: string, task: string, threshold: number, ci: readonly [number, number | null] | null, gain: number) =>
    `${target}, ${task}: gains plateau from ${threshold} ${plural(threshold, 'thread')}` +
    (ci === null ? '' : ` (95% CI of where: ${fmtNumber(ci[0])}-${ci[1] === null ? 'beyond the search range' : fmtNumber(ci[1])} threads)`) +
    `, where one more thread adds less than ${fmtPercent(gain)} of an ideal thread.`,
  obsPlateauExtrapolated: 'extrapolated beyond the measured thread counts',
  obsNoPlateau: (target: string, task: string, limit: number) =>
    `${target}, ${task}: the fitted curve keeps gaining up to ${limit} threads (no plateau).`,
  obsCrossover: (target: string, taskType: string, at: number, gain: number) =>
    `${target}, ${taskType}: threads beat one thread by ${fmtPercent(gain)} or more from about ${fmtCount(at)} tasks.`,
  obsCrossoverBelow: (target: string, taskType: string, at: number, gain: number) =>
    `${target}, ${taskType}: threads beat one thread by ${fmtPercent(gain)} or more already at ${fmtCount(at)} tasks, the smallest count measured.`,
  obsCrossoverNone: (target: string, taskType: string, gain: number) =>
    `${target}, ${taskType}: no thread count beats one thread by ${fmtPercent(gain)} within the measured range.`,
  obsSingleThread: (a: string, b: string, taskType: string, lo: number, hi: number) =>
    lo === hi
      ? `With one thread, ${a} takes ${fmtRatio(lo)} the time of ${b} on ${taskType} tasks.`
      : `With one thread, ${a} takes ${fmtRatio(lo)}-${fmtRatio(hi)} the time of ${b} on ${taskType} tasks, depending on the task count.`,
  obsComparison: (a: string, b: string, task: string, threads: number, ratio: number, ci: readonly [number, number] | null) =>
    `${task} at ${threads} threads: ${a} takes ${fmtRatio(ratio)} the time of ${b}` + (ci === null ? '.' : ` (95% CI ${fmtRatio(ci[0])}-${fmtRatio(ci[1])}).`),
  obsUsl: (target: string, task: string, sigma: number, kappa: number, peak: number | null) =>
    `${target}, ${task}: USL contention sigma = ${fmtNumber(sigma)}, coherency kappa = ${fmtNumber(kappa)}` +
    (peak === null ? ', no peak (kappa = 0).' : `, peak at ${fmtNumber(peak)} threads.`),
  obsDropped: (error: number, timeout: number) => `${error + timeout} repetitions failed (${error} error, ${timeout} timeout) and are not in these figures.`,
  taskLabel: (numTasks: number, taskType: string) => `${numTasks} ${taskType} tasks`,
} as const;
