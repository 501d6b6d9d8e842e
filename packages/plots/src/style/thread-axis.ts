import type { Axis, Scale } from '../figures/_vega-lite.js';

/** The numbers of threads (or any capacity on the x axis) a figure shows, and how to lay them out. */
export interface ThreadAxis {
  /** True when every value is a power of two: the axis is then log2, one step per doubling. */
  readonly log2: boolean;
  /** Vega-Lite scale for a quantitative x. */
  readonly scale: Scale;
  /** Vega-Lite axis with a tick at each measured value. */
  readonly axis: Axis;
  /** The measured values, ascending and distinct. */
  readonly values: readonly number[];
}

/** The most ticks worth labelling one by one; more and the axis picks its own. */
const MAX_LABELLED_TICKS = 16;

/** True for 1, 2, 4, 8, ... (positive integers with one bit set). */
export function isPowerOfTwo(value: number): boolean {
  return Number.isInteger(value) && value > 0 && (value & (value - 1)) === 0;
}

/** Distinct values, ascending. */
export function distinctAscending(values: Iterable<number>): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

/**
 * A thread axis: log2 when every value is a power of two (and there are at least two), otherwise
 * linear; ticks at the measured values so a reader sees which were measured.
 */
export function threadAxis(values: Iterable<number>, title: string): ThreadAxis {
  const sorted = distinctAscending(values);
  const min = sorted[0] ?? 1;
  const max = sorted[sorted.length - 1] ?? 1;
  const log2 = sorted.length >= 2 && sorted.every(isPowerOfTwo);
  const tickValues = sorted.length <= MAX_LABELLED_TICKS ? { values: sorted } : {};
  const format = sorted.every(Number.isInteger) ? 'd' : '~g';
  const axis = { title, ...tickValues, format, grid: true };
  if (log2) return { log2, values: sorted, axis, scale: { type: 'log', base: 2, domain: [min, max], nice: false, padding: 10 } };
  // One value alone still needs a span to be drawn in.
  const domain = min === max ? [0, max * 2 || 1] : [min, max];
  return { log2, values: sorted, axis, scale: { type: 'linear', domain, nice: false, zero: false, padding: 10 } };
}

/**
 * Values from the smallest to the largest measured, `count` of them, evenly spaced on the axis
 * (geometrically on a log2 axis), for drawing a fitted curve smoothly.
 */
export function curveSamples(measured: Iterable<number>, count = 48): number[] {
  const sorted = distinctAscending(measured);
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  if (min === undefined || max === undefined || min === max) return sorted;
  const log2 = sorted.every(isPowerOfTwo);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = i / (count - 1);
    samples.push(log2 ? min * (max / min) ** t : min + (max - min) * t);
  }
  // Include the measured points exactly, so a curve passes through their x.
  return distinctAscending([...samples.map((v) => Number(v.toPrecision(12))), ...sorted]);
}
