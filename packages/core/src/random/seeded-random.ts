/** A generator of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * A seeded pseudo-random generator, so shuffles, bootstraps and fixtures are reproducible: the
 * same seed gives the same numbers on every machine. Mulberry32 (Tommy Ettinger, 2017, public
 * domain): 32 bits of state, period 2^32, ample for shuffling cells and resampling indices.
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
