// Pure helpers of the benchmark suite: medians, ratios of paired samples, the interleaved order of
// compared commands, and the verdict against a target. No I/O here (bench/test covers it).

/** The median of a non-empty list (the mean of the middle two for an even count). */
export function median(values) {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median, min, max and count of a non-empty list. */
export function summarize(values) {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), n: values.length };
}

/**
 * Ratios of paired samples, a[i] / b[i]: each pair was measured side by side (A then B), so a slow
 * spell of the machine lands on both sides of one ratio rather than on one side of the figure.
 */
export function pairedRatios(a, b) {
  if (a.length !== b.length) throw new Error(`paired samples differ in length: ${a.length} and ${b.length}`);
  return a.map((x, i) => x / b[i]);
}

/**
 * The order in which to run compared commands: `rounds` rounds of every command in turn
 * (A B A B ... for two), each run tagged with its round. Returns [{ round, name }].
 */
export function interleave(names, rounds) {
  if (names.length === 0 || !(rounds >= 1)) throw new Error('interleave needs at least one command and one round');
  const order = [];
  for (let round = 0; round < rounds; round++) for (const name of names) order.push({ round, name });
  return order;
}

/**
 * Whether a median meets a target `{ op: '<=' | '>=', value }`; null when there is no target
 * (a figure that is only reported).
 */
export function meets(target, value) {
  if (!target) return null;
  if (target.op === '<=') return value <= target.value;
  if (target.op === '>=') return value >= target.value;
  throw new Error(`unknown target operator '${target.op}'`);
}

/**
 * One figure of the suite as results.json records it: its samples, their median and range, the
 * target, whether the median meets it, and why not (given by the figure, from what it measured).
 * @param {{ id: string, name: string, samples: number[], target?: { op: string, value: number } | null, reason?: string | null, details?: object }} figure
 */
export function figureResult({ id, name, samples, target = null, reason = null, details = {} }) {
  const stats = summarize(samples);
  const met = meets(target, stats.median);
  return { id, name, samples, ...stats, target, met, reason: met === false || met === null ? reason : null, details };
}
