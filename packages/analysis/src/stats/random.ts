import type { Random } from '@poolscope/core';

/** The bootstraps' generator is core's seeded one: the same seed gives the same resamples everywhere. */
export { seededRandom, type Random } from '@poolscope/core';

/** The seed of every bootstrap unless one is given: the same numbers on every run. */
export const DEFAULT_SEED = 1;

/**
 * A seed for one named stream derived from a base seed (FNV-1a over the name), so that adding a
 * group does not shift the random numbers every other group sees.
 */
export function deriveSeed(seed: number, name: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A standard normal deviate (Box-Muller transform) from a uniform generator. */
export function normalDeviate(random: Random): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * A Gamma(shape, 1) deviate for shape >= 1: Marsaglia & Tsang, "A simple method for generating
 * gamma variables", ACM TOMS 26(3), 2000 (a normal and a uniform per try; over 95% accepted).
 */
export function gammaDeviate(shape: number, random: Random): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normalDeviate(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A Beta(a, b) deviate for a, b >= 1, as G_a / (G_a + G_b) with independent gamma deviates. */
export function betaDeviate(a: number, b: number, random: Random): number {
  const x = gammaDeviate(a, random);
  return x / (x + gammaDeviate(b, random));
}
