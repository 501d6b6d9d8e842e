// Data sets drawn from a case's known curve, and the true values the intervals should cover.
import { DEFAULT_PLATEAU_GAIN } from '../../dist/index.js';
import { normalDeviate, seededRandom } from '../../dist/stats/random.js';
import { plateauSearchLimit, plateauThreshold } from '../../dist/scaling/plateau.js';
import { crossingOf } from '../../dist/scaling/plateau-crossing.js';

/** The case's USL throughput X(N) = gamma N / (1 + sigma (N - 1) + kappa N (N - 1)). */
const curve = (c) => (n) => (c.gamma * n) / (1 + c.sigma * (n - 1) + c.kappa * n * (n - 1));

/** Tasks per cell of the time cases: the time of a cell is TASKS / X(N) seconds. */
const TASKS = 100;

/**
 * One data set: `repeats` rows per thread count, y = X(N) e^(noise z) (throughput) or
 * (TASKS / X(N)) e^(noise z) (time), z standard normal: log-normal noise, multiplicative.
 */
export function draw(c, seed) {
  const random = seededRandom(seed);
  const f = curve(c);
  const rows = [];
  for (const threads of c.threads) {
    for (let r = 0; r < c.repeats; r++) {
      const noise = Math.exp(c.noise * normalDeviate(random));
      rows.push({ threads, value: c.metric === 'time' ? (TASKS / f(threads)) * noise : f(threads) * noise });
    }
  }
  return rows;
}

/**
 * What the intervals should cover, undefined where nothing is to be covered (plateau: the crossing, plateau-crossing.ts; threshold: the
 * whole thread count from which one more thread gains less than the plateau gain). On speedups (time) the USL's gamma is 1 (S(1) = 1); Infinity
 * stands for "none" (no peak when kappa = 0, no plateau within the search) and is covered by an
 * open-ended interval only. Amdahl's parameters exist only where the curve is Amdahl's (kappa = 0).
 */
export function truthOf(c) {
  const f = curve(c);
  const limit = plateauSearchLimit(Math.max(...c.threads));
  const gain = DEFAULT_PLATEAU_GAIN;
  const truth = { model: 'usl', unit: c.gamma, predict: f };
  const threshold = plateauThreshold(truth, gain, limit);
  const gamma = c.metric === 'time' ? 1 : c.gamma;
  const rises = c.sigma < 1;
  return {
    'usl.sigma': c.sigma,
    'usl.kappa': c.kappa,
    'usl.gamma': gamma,
    // A curve that does not rise (sigma = 1) has no peak to place, nor a crossing: it gains nothing from one thread on.
    'usl.peak': rises ? (c.kappa > 0 ? Math.sqrt((1 - c.sigma) / c.kappa) : Infinity) : undefined,
    'amdahl.s': c.kappa === 0 ? c.sigma : undefined,
    'amdahl.gamma': c.kappa === 0 && c.metric === 'throughput' ? gamma : undefined,
    // Where the plateau begins: the crossing (the printed interval's), and its whole-thread threshold.
    plateau: !rises ? undefined : threshold === null ? Infinity : crossingOf(truth, gain, threshold),
    threshold: threshold ?? Infinity,
  };
}
