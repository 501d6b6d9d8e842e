/** The arithmetic mean; NaN for no values. */
export function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/**
 * The coefficient of variation: sample standard deviation (n - 1) over the mean. Undefined for
 * fewer than two values or a zero mean.
 */
export function coefficientOfVariation(values: readonly number[]): number | undefined {
  if (values.length < 2) return undefined;
  const m = mean(values);
  if (m === 0) return undefined;
  const variance = values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1);
  return Math.sqrt(variance) / Math.abs(m);
}

/**
 * Above this coefficient of variation the repeats of a cell are flagged as unstable, as pyperf
 * does (`pyperf/_cli.py`, `format_checks`: "the standard deviation (...) is N% of the mean",
 * when the sample standard deviation reaches 10% of the mean).
 */
export const CV_WARNING_THRESHOLD = 0.1;
