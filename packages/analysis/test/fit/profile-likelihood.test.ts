import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../src/fit/_least-squares.js';
import { gaussNewtonMinimize } from '../../src/fit/_gauss-newton.js';
import { holdParameter } from '../../src/fit/_hold-parameter.js';
import { logScale } from '../../src/fit/_log-scale.js';
import { profileInterval, type Profile } from '../../src/fit/_profile-likelihood.js';
import { uslSpec } from '../../src/fit/usl.js';
import { studentTQuantile } from '../../src/stats/student-t.js';

/** A straight line y = a + b x: linear, so its profile intervals are the exact t intervals. */
const line: ModelSpec<'a' | 'b'> = {
  names: ['a', 'b'],
  lower: [-1e9, -1e9],
  upper: [1e9, 1e9],
  scaleIndex: null,
  value: (p, x) => p[0]! + p[1]! * x,
  gradient: (_, x) => [1, x],
  starts: () => [],
};

/** Ordinary least squares of a line, by hand: slope, intercept, the slope's standard error, RSS. */
function ols(x: readonly number[], y: readonly number[]) {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  const sxx = x.reduce((s, v) => s + (v - mx) ** 2, 0);
  const b = x.reduce((s, v, i) => s + (v - mx) * (y[i]! - my), 0) / sxx;
  const a = my - b * mx;
  const rss = x.reduce((s, v, i) => s + (y[i]! - a - b * v) ** 2, 0);
  return { a, b, rss, se: Math.sqrt(rss / (n - 2) / sxx) };
}

/** The profile of the line's slope, searched from `lower`. */
function slopeProfile(x: number[], y: number[], lower: number, bound?: number): Profile {
  const { a, b, se } = ols(x, y);
  return {
    minimize: (u, start) => gaussNewtonMinimize(holdParameter(line, 1, u), x, y, start),
    estimate: b,
    start: [a],
    lower,
    upper: 1e9,
    lowerBound: bound,
    step: 2 * se,
  };
}

const X = [1, 2, 3, 4, 5, 6];

describe('profileInterval', () => {
  it('is estimate ± qt(0.975, df) x stderr for a linear model (Bates & Watts 1988, §6.1)', () => {
    const y = [1.1, 2.3, 2.8, 4.4, 4.9, 6.2];
    const { b, rss, se } = ols(X, y);
    const t = studentTQuantile(0.975, 4);
    const { lo, hi } = profileInterval(slopeProfile(X, y, -1e9), rss, 4);
    expect(lo!.value).toBeCloseTo(b - t * se, 8);
    expect(hi!.value).toBeCloseTo(b + t * se, 8);
  });

  it('with a bound, is the t interval far above it, and Feldman-Cousins at it: [0, t x stderr] for an estimate of exactly 0', () => {
    const far = [1.1, 2.3, 2.8, 4.4, 4.9, 6.2];
    const f = ols(X, far);
    const t = studentTQuantile(0.975, 4);
    const away = profileInterval(slopeProfile(X, far, -1e9, 0), f.rss, 4);
    expect(away.lo!.value).toBeCloseTo(f.b - t * f.se, 8);
    expect(away.hi!.value).toBeCloseTo(f.b + t * f.se, 8);
    // Slope exactly 0 (y symmetric about the middle x): U = 0, where the upper limit solves
    // δ² = cutoff(δ), i.e. δ = qt(0.975, df): the interval is [0, qt(0.975, 4) x stderr].
    const flat = [3, 1, 2, 2, 1, 3];
    const g = ols(X, flat);
    expect(g.b).toBeCloseTo(0, 12);
    const at = profileInterval(slopeProfile(X, flat, -1e9, 0), g.rss, 4);
    expect(at.lo).toEqual({ value: 0, atBound: true });
    expect(at.hi!.value).toBeCloseTo(t * g.se, 6);
  });

  it('never leaves the bound, nor comes back empty, when the estimate lies below it', () => {
    const falling = [6, 5.2, 3.9, 3.1, 2, 1.2];
    const f = ols(X, falling);
    expect(f.b).toBeLessThan(-0.9);
    const { lo, hi } = profileInterval(slopeProfile(X, falling, -1e9, 0), f.rss, 4);
    expect(lo).toEqual({ value: 0, atBound: true });
    expect(hi!.value).toBeGreaterThan(0);
    // Far below the bound the data allow only values next to it.
    expect(hi!.value).toBeLessThan(f.se);
  });

  it('reaches its search limit when the profile never crosses the cutoff, and flips for an upper bound', () => {
    const y = [1.1, 2.3, 2.8, 4.4, 4.9, 6.2];
    const { b, rss, se } = ols(X, y);
    const t = studentTQuantile(0.975, 4);
    const limited = profileInterval({ ...slopeProfile(X, y, b - se), upper: b + se }, rss, 4);
    expect(limited.lo).toEqual({ value: b - se, atBound: true });
    expect(limited.hi).toEqual({ value: b + se, atBound: true });
    // An upper bound far above acts as none.
    const upper = profileInterval({ ...slopeProfile(X, y, -1e9), upperBound: b + 100 * se }, rss, 4);
    expect(upper.lo!.value).toBeCloseTo(b - t * se, 8);
    expect(upper.hi!.value).toBeCloseTo(b + t * se, 8);
  });
});

describe('holdParameter and logScale', () => {
  it('hold one parameter and give the others in their order; on the log scale the gradient is ∇f / f', () => {
    const p = [0.05, 0.001, 1000];
    const held = holdParameter(uslSpec, 1, 0.001);
    expect(held.names).toEqual(['sigma', 'gamma']);
    expect(held.value([0.05, 1000], 8)).toBe(uslSpec.value(p, 8));
    expect(held.gradient([0.05, 1000], 8)).toEqual([uslSpec.gradient(p, 8)[0], uslSpec.gradient(p, 8)[2]]);
    const log = logScale(uslSpec);
    expect(log.value(p, 8)).toBeCloseTo(Math.log(uslSpec.value(p, 8)), 14);
    const h = 1e-7;
    const numeric = (log.value([0.05 + h, 0.001, 1000], 8) - log.value([0.05 - h, 0.001, 1000], 8)) / (2 * h);
    expect(log.gradient(p, 8)[0]).toBeCloseTo(numeric, 6);
  });
});
