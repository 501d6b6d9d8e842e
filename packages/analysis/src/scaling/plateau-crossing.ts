import type { Curve } from './plateau.js';

/**
 * Where a USL or Amdahl curve crosses the plateau criterion, as a real number: the c at which one
 * more thread gains exactly `gain` of an ideal one, Δ(c) = g(c + 1) − g(c) = gain, with
 * g(N) = N / (1 + sigma (N − 1) + kappa N (N − 1)) the curve over its gamma (Amdahl: kappa = 0).
 * Where Δ falls through `gain` once, as on these curves, the plateau threshold (plateau.ts, the
 * smallest integer N with Δ(N) < gain) is floor(c) + 1. A profile likelihood needs the real c:
 * the integer has no slope to search along.
 */

/**
 * The crossing c in [threshold − 1, threshold) of a curve whose plateau threshold is known, by
 * bisection: f(threshold) − f(threshold − 1) >= gain · unit > f(threshold + 1) − f(threshold).
 */
export function crossingOf(curve: Curve, gain: number, threshold: number): number {
  const step = gain * curve.unit;
  let lo = threshold - 1;
  let hi = threshold;
  for (let i = 0; i < 60 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (curve.predict(mid + 1) - curve.predict(mid) >= step) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The kappa that puts the USL's crossing at c for this sigma, with d kappa / d sigma, or null when
 * none does. With a = c, A(N) = 1 + sigma (N − 1), B(N) = N (N − 1), Δ(a) = gain reads
 * (1 − sigma) − kappa a (a + 1) = gain (A(a) + kappa B(a)) (A(a + 1) + kappa B(a + 1)), a quadratic
 * α kappa² + β kappa + γ = 0 whose larger root is the curve that still rises before a (the other
 * makes the denominator vanish between the x measured); taken in the form −2γ / (β + sqrt(β² − 4αγ)),
 * which holds for α = 0 too (a = 1).
 */
export function kappaForCrossing(sigma: number, c: number, gain: number): { kappa: number; slope: number } | null {
  const a = c;
  const aA = 1 + sigma * (a - 1);
  const bA = 1 + sigma * a;
  const aB = a * (a - 1);
  const bB = a * (a + 1);
  const alpha = gain * aB * bB;
  const beta = gain * (aA * bB + bA * aB) + a * (a + 1);
  const gamma = gain * aA * bA - (1 - sigma);
  const discriminant = beta * beta - 4 * alpha * gamma;
  if (!(discriminant >= 0)) return null;
  const root = Math.sqrt(discriminant);
  const kappa = (-2 * gamma) / (beta + root);
  // Implicit differentiation of α kappa² + β kappa + γ = 0 in sigma (α does not depend on sigma).
  const dBeta = gain * ((a - 1) * bB + a * aB);
  const dGamma = gain * ((a - 1) * bA + a * aA) + 1;
  const slope = -(dBeta * kappa + dGamma) / (2 * alpha * kappa + beta);
  return Number.isFinite(kappa) && Number.isFinite(slope) ? { kappa, slope } : null;
}

/**
 * The sigma whose curve with kappa = 0 (Amdahl's) crosses at c: the most contention a curve crossing
 * at c can have, every larger sigma needing kappa < 0. Δ(c) = gain reads, with kappa = 0,
 * gain c (c − 1) sigma² + (gain (2c − 1) + 1) sigma + gain − 1 = 0; its positive root, in the form
 * 2 (1 − gain) / (B + sqrt(B² + 4 A (1 − gain))), which holds for A = 0 too (c = 1).
 */
export function sigmaForCrossing(c: number, gain: number): number {
  const a = gain * c * (c - 1);
  const b = gain * (2 * c - 1) + 1;
  return (2 * (1 - gain)) / (b + Math.sqrt(b * b + 4 * a * (1 - gain)));
}
