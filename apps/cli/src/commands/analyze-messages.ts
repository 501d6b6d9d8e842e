/** The texts `poolscope analyze` prints or fails with, in one place. */
export const analyzeMessages = {
  description:
    'analyse scaling data: a run directory (writes DIR/analysis/summary.json, speedup.csv, fits.csv),\n' +
    "a raw timings CSV, or any CSV with --x and --y (Amdahl and USL fits, plateau, predictions)",
  pathArgument: 'a run directory written by `poolscope run`, or a CSV file',
  xOption: 'foreign CSV: the capacity column (threads, users, ...)',
  yOption: 'foreign CSV: the measured column',
  byOption: 'foreign CSV: columns whose values split rows into groups, comma-separated',
  metricOption: "foreign CSV: 'throughput' (y grows with capacity) or 'time' (y is elapsed time for fixed work)",
  jsonOption: 'print one JSON document to stdout instead of a table',
  predictOption: 'thread counts to predict speedup at with the fitted curve, e.g. 12,16',
  coresOption: 'logical cores of the measuring machine, when no host.json is beside the timings',
  seedOption: 'seed of the bootstrap',
  resamplesOption: 'bootstrap resamples for CIs',
  plateauGainOption: 'plateau: the share of an ideal thread below which one more thread gains nothing',
  xWithoutY: (given: string, missing: string) => `${given} needs ${missing}: a foreign CSV is analysed by its x and y columns`,
  notTimings: (file: string) => `${file} is not a poolscope timings file, so it needs --x and --y: a foreign CSV is analysed by its x and y columns`,
  emptyFileHint: 'Give a CSV file with a header line and data rows: `poolscope run` writes them to DIR/raw/timings.csv.',
  xyHint: 'Example: poolscope analyze data.csv --x threads --y throughput',
  foreignOnDirectory: (option: string) => `${option} applies to a CSV file, not to a run directory`,
  foreignOnlyHint: 'Give the CSV file itself, or drop the option to analyse the run directory.',
  /** What --metric must be, as `coreMessages.badOption` says it: "one of 'throughput', 'time'". */
  oneOf: (choices: readonly string[]) => `one of ${choices.map((c) => `'${c}'`).join(', ')}`,
  wrote: (files: readonly string[]) => `wrote ${files.join(', ')}`,
  groupHeading: (key: string) => `== ${key}`,
  // "repeats", not "n": a foreign CSV's x column is often itself called n.
  tableHeader: (x: string, y: string) => [x, 'repeats', `median ${y}`, 'IQR', 'speedup', '95% CI', 'efficiency'],
  timingHeader: ['threads', 'repeats', 'median s', 'IQR s', 'speedup', '95% CI', 'efficiency', 'CPU util'],
  /** One fitted model: its label, its parameters (and peak, limit) as `fitPart`s, its residual SE and AIC. */
  fit: (model: string, parts: readonly string[], rse: string, aic: string) => `${model.padEnd(7)} ${parts.join('  ')}  RSE ${rse}  AIC ${aic}`,
  fitPart: (name: string, value: string) => `${name} ${value}`,
  notFitted: (model: string, reason: string) => `${model.padEnd(7)} ${reason}`,
  preferred: (model: string) => `better fit (lower AIC): ${model}`,
  /** The calibrated intervals of a fit that were given, `name lo-hi` each. */
  intervals: (parts: readonly string[]) => `        calibrated 95% CI: ${parts.join('  ')}`,
  /** Fit quantities with no calibrated interval, and why. */
  intervalMissing: (names: readonly string[], reason: string) => `        ${names.join(', ')}: ${reason}`,
  /** An interval's ends; an open upper end. */
  span: (lo: string, hi: string | null) => `${lo}-${hi ?? 'open'}`,
  /** where: the calibrated interval of where the plateau begins (its crossing), or why there is none. */
  plateauFound: (t: number, where: string, knee: number | null, extrapolated: boolean) =>
    `plateau from ${t} (${where})${extrapolated ? ', extrapolated' : ''}; knee of the medians: ${knee ?? 'none'}`,
  plateauWhere: (span: string) => `95% CI of where it begins: ${span} threads`,
  plateauNone: (limit: number, where: string, knee: number | null) => `no plateau up to ${limit} (${where}); knee of the medians: ${knee ?? 'none'}`,
  plateauInsufficient: (reason: string) => `plateau: ${reason}`,
  prediction: (x: number, s: string, lo: string, hi: string, extrapolated: boolean) =>
    `predicted at ${x}: speedup ${s} (95% prediction interval ${lo}-${hi})${extrapolated ? ', extrapolated' : ''}`,
  observations: 'Observations:',
  notes: 'Notes:',
} as const;
