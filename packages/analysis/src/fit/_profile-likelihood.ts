import type { Minimum } from './_gauss-newton.js';
import { boundedCutoff } from '../stats/bounded-cutoff.js';
import { studentTQuantile } from '../stats/student-t.js';

/**
 * One quantity's profile: the least residual sum of squares with the quantity held at u (in a
 * coordinate where the profile is smooth, e.g. ln gamma), over the other parameters.
 */
export interface Profile {
  /** The minimum with the quantity held at u, started from `start` (the free parameters of a nearby u); null when none exists there. */
  minimize(u: number, start: readonly number[]): Minimum | null;
  /** The quantity at the overall minimum, and the free parameters there. */
  readonly estimate: number;
  readonly start: readonly number[];
  /** Where the search may take the quantity (±Infinity: anywhere). */
  readonly lower: number;
  readonly upper: number;
  /**
   * Bounds within [lower, upper] that the true value cannot pass (0 for kappa, searched from a
   * `lower` below it): near one, the interval is Feldman & Cousins' (`boundedCutoff`) and stays
   * within it. Of two, the one nearer the estimate counts: an interval wide enough to reach both
   * is cut at the other.
   */
  readonly lowerBound?: number;
  readonly upperBound?: number;
  /** A first guess at the distance from the estimate to either end, e.g. t · the linearised standard error. */
  readonly step: number;
}

/** One end of a profile interval: where the profile crosses the cutoff, or the limit it never crosses before. */
export interface ProfileEnd {
  readonly value: number;
  /** True when the profile stays below the cutoff up to the limit of the search (or the bound). */
  readonly atBound: boolean;
}

/**
 * The profile-likelihood interval of a quantity: every u whose profile RSS(u) satisfies
 * (RSS(u) − RSS) / (RSS / df) <= qt((1 + level) / 2, df)², i.e. the values an F test at 1 − level
 * would not reject (Bates & Watts, Nonlinear Regression Analysis and Its Applications, 1988,
 * §6.1; what R's `confint` computes for `nls` fits, from MASS's `profile`). Unlike estimate ±
 * t · stderr it follows the curvature of the model, so it is not symmetric where the sampling
 * distribution is not.
 *
 * With a bound (say a lower one), RSS is the least RSS at or above the bound, and the cutoff at u is
 * `boundedCutoff(δ)`, δ the signed root r(u) = ±sqrt((RSS(u) − min RSS) / (RSS / df)) of u less that
 * of the bound: in the linear picture, u's distance from the bound in standard errors. The
 * interval then never crosses the bound and covers a value next to it as often as any other.
 * Null ends: a minimization failed.
 */
export function profileInterval(profile: Profile, rss: number, df: number, level = 0.95): Ends {
  const { lowerBound: a, upperBound: b } = profile;
  const upperNearer = b !== undefined && (a === undefined || b - profile.estimate < profile.estimate - a);
  if (upperNearer) {
    // The same search in −u, where the upper bound is a lower one.
    const { lo, hi } = lowerBounded({ ...profile, minimize: (u, start) => profile.minimize(-u, start), estimate: -profile.estimate, lower: -profile.upper, upper: -profile.lower, step: profile.step }, -b, rss, df, level);
    const flip = (end: ProfileEnd | null) => end && { value: -end.value, atBound: end.atBound };
    return { lo: flip(hi), hi: flip(lo) };
  }
  return lowerBounded(profile, a, rss, df, level);
}

/** The two ends of an interval; null where a minimization failed. */
export interface Ends {
  readonly lo: ProfileEnd | null;
  readonly hi: ProfileEnd | null;
}

function lowerBounded(profile: Profile, bound: number | undefined, rss: number, df: number, level: number): Ends {
  const s2 = rss / df;
  const signedRoot = (u: number, p: number) => Math.sign(u - profile.estimate) * Math.sqrt(Math.max(0, p - rss) / s2);
  if (bound === undefined) {
    const t = studentTQuantile((1 + level) / 2, df);
    const test: Test = (_, p) => Math.sqrt(Math.max(0, p - rss) / s2) - t;
    const from: Point = { u: profile.estimate, g: -t, p: profile.start };
    return { lo: profileEnd(profile, test, from, -1), hi: profileEnd(profile, test, from, 1) };
  }
  const atBound = profile.minimize(bound, profile.start);
  if (!atBound || !Number.isFinite(atBound.rss)) return { lo: null, hi: null };
  const inside = profile.estimate >= bound;
  // The least RSS the bound allows, and the bound's own signed root.
  const least = inside ? rss : atBound.rss;
  const boundRoot = signedRoot(bound, atBound.rss);
  const test: Test = (u, p) => Math.sqrt(Math.max(0, p - least) / s2) - Math.sqrt(boundedCutoff(Math.max(0, signedRoot(u, p) - boundRoot), df, level));
  const start: Point = inside ? { u: profile.estimate, g: test(profile.estimate, rss), p: profile.start } : { u: bound, g: test(bound, atBound.rss), p: atBound.p };
  const bounded = { ...profile, lower: bound };
  return { lo: profileEnd(bounded, test, start, -1), hi: profileEnd(bounded, test, start, 1) };
}

/** Where u with profile RSS p stands against the cutoff: negative inside the interval. */
type Test = (u: number, p: number) => number;

interface Point {
  readonly u: number;
  readonly g: number;
  readonly p: readonly number[];
}

function profileEnd(profile: Profile, test: Test, from: Point, direction: -1 | 1): ProfileEnd | null {
  const limit = direction < 0 ? profile.lower : profile.upper;
  // No finite minimum from a start nearby: the curve's denominator vanishes at some x measured there,
  // where its residuals, hence the profile, grow without bound. The point is outside the interval.
  const at = (u: number, start: readonly number[]): Point | null => {
    const m = profile.minimize(u, start);
    if (!m) return null;
    return Number.isFinite(m.rss) ? { u, g: test(u, m.rss), p: m.p } : { u, g: Infinity, p: start };
  };
  // Bracket the crossing: double the distance from the start until the test fails.
  let inside = from;
  let outside: Point | null = null;
  let distance = profile.step > 0 && Number.isFinite(profile.step) ? profile.step : 1;
  for (let i = 0; i < 64 && !outside; i++) {
    const u = direction < 0 ? Math.max(limit, from.u - distance) : Math.min(limit, from.u + distance);
    if (u === inside.u) return { value: limit, atBound: true };
    const point = at(u, inside.p);
    if (!point) return null;
    if (point.g >= 0) outside = point;
    else if (u === limit) return { value: limit, atBound: true };
    else inside = point;
    distance *= 2;
  }
  if (!outside) return { value: limit, atBound: true };
  // Illinois (modified regula falsi; Dowell & Jarratt, BIT 11, 1971) between the two.
  let side = 0;
  for (let i = 0; i < 60; i++) {
    const u = Number.isFinite(outside.g) ? (inside.u * outside.g - outside.u * inside.g) / (outside.g - inside.g) : (inside.u + outside.u) / 2;
    const width = Math.abs(outside.u - inside.u);
    if (!(width > 1e-10 * (Math.abs(u) + 1e-300)) || u === inside.u || u === outside.u) return { value: u, atBound: false };
    const point = at(u, inside.p);
    if (!point) return null;
    // A ten-thousandth of a standard error: far finer than any interval is read.
    if (Math.abs(point.g) <= 1e-4) return { value: u, atBound: false };
    if (point.g > 0) {
      outside = point;
      if (side === 1) inside = { ...inside, g: inside.g / 2 };
      side = 1;
    } else {
      inside = point;
      if (side === -1) outside = { ...outside, g: outside.g / 2 };
      side = -1;
    }
  }
  return { value: Number.isFinite(outside.g) ? (inside.u * outside.g - outside.u * inside.g) / (outside.g - inside.g) : inside.u, atBound: false };
}
