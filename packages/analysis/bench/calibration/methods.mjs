// The intervals of one data set, by method. `profile-log` is what poolscope prints (the fits'
// `intervals`, the plateau's `interval`); `linearised` is the fits' `ci95` (R's) and the plateau's
// bootstrap `ci95`. The candidates are the methods weighed against them, run on some cases only:
// they reach into dist/ for the package's internal steps.
/* global performance */
import { analyze, DEFAULT_PLATEAU_GAIN } from '../../dist/index.js';
import { uslSpec } from '../../dist/fit/usl.js';
import { scaledSpec } from '../../dist/fit/amdahl.js';
import { uslIntervals, widenedLogUsl } from '../../dist/fit/usl-intervals.js';
import { amdahlIntervals } from '../../dist/fit/amdahl-intervals.js';
import { boundedInterval, fitForProfile, logCoordinate, untrustedFit } from '../../dist/fit/_profile-fit.js';
import { logScale } from '../../dist/fit/_log-scale.js';
import { gaussNewtonMinimize } from '../../dist/fit/_gauss-newton.js';
import { plateauInterval } from '../../dist/scaling/plateau-interval.js';
import { plateauSearchLimit } from '../../dist/scaling/plateau.js';
import { normalDeviate, seededRandom } from '../../dist/stats/random.js';

/** Bootstrap replicates of the `bootstrap-log` candidate. */
const REPLICATES = 200;
const USL = ['sigma', 'kappa', 'gamma'];
const BOUNDS = { sigma: [0, 1], kappa: [0, 1], gamma: [0, Infinity] };
/** A linearised interval cut to the bounds with nothing left: it lay wholly beyond one. */
const EMPTY = 'empty: the whole interval lies beyond a bound';

/** A printed interval as [lo, hi] (hi Infinity: open), or why none was printed. */
const shown = (ci) => (ci === null || ci === undefined ? { refused: 'none' } : [ci[0], ci[1] ?? Infinity]);
const calibrated = (iv) => (iv.status === 'ok' ? [iv.ci95[0], iv.ci95[1] ?? Infinity] : { refused: iv.reason });

/**
 * Every method's intervals for one data set: { method: { quantity: [lo, hi] | { refused } } },
 * and the milliseconds each candidate took (`ms`).
 */
export function evaluate(c, rows, candidates, seed) {
  const group = analyze(rows, { x: 'threads', y: 'value', metric: c.metric }).groups[0];
  const { usl, amdahl } = group.fits;
  const plateau = group.plateau;
  const out = { linearised: {}, 'profile-log': {} };
  const ms = {};
  for (const name of USL) {
    out.linearised[`usl.${name}`] = usl.status === 'ok' ? shown(usl.ci95[name]) : { refused: usl.reason };
    out['profile-log'][`usl.${name}`] = usl.status === 'ok' ? calibrated(usl.intervals[name]) : { refused: usl.reason };
  }
  out['profile-log']['usl.peak'] = usl.status === 'ok' ? calibrated(usl.intervals.peak) : { refused: usl.reason };
  for (const name of ['s', 'gamma']) {
    out.linearised[`amdahl.${name}`] = amdahl.status === 'ok' ? shown(amdahl.ci95[name]) : { refused: amdahl.reason };
    out['profile-log'][`amdahl.${name}`] = amdahl.status === 'ok' ? calibrated(amdahl.intervals[name]) : { refused: amdahl.reason };
  }
  out.linearised.threshold = plateau.status === 'found' ? shown(plateau.ci95) : { refused: plateau.status === 'none' ? 'no plateau found' : plateau.reason };
  out['profile-log'].plateau = plateau.status === 'insufficient' ? { refused: plateau.reason } : calibrated(plateau.interval);
  // The crossing's interval turned into whole-thread thresholds: floor(c) + 1 at both ends, or the ends rounded to the nearest thread.
  const crossing = out['profile-log'].plateau;
  const thresholds = (lo, hi) => ({ threshold: Array.isArray(crossing) ? [lo(crossing[0]), hi(crossing[1])] : crossing });
  out['profile-log-outward'] = thresholds((c0) => Math.max(1, Math.floor(c0) + 1), (c1) => (c1 === Infinity ? c1 : Math.floor(c1) + 1));
  out['profile-log-nearest'] = thresholds((c0) => Math.max(1, Math.round(c0) + 1), (c1) => (c1 === Infinity ? c1 : Math.max(1, Math.round(c1))));
  if (usl.status !== 'ok') return { out, ms };
  const x = group.points.map((p) => p.x);
  const y = group.points.map((p) => (c.metric === 'time' ? p.speedup : p.median));
  const limit = plateauSearchLimit(Math.max(...x));
  const gain = DEFAULT_PLATEAU_GAIN;
  const start = [usl.sigma, usl.kappa, usl.gamma];
  const timed = (method, f) => {
    const t0 = performance.now();
    out[method] = f();
    ms[method] = performance.now() - t0;
  };
  const spec = widenedLogUsl(uslSpec, Math.max(...x));
  const fit = fitForProfile(spec, x, y.map(Math.log), start);
  timed('wald-log', () =>
    Object.fromEntries(
      USL.map((name, i) => {
        const v = fit.minimum.p[i];
        const step = fit.steps[i];
        const [lo, hi] = name === 'gamma' ? [v * Math.exp(-step / v), v * Math.exp(step / v)] : [v - step, v + step];
        if (!Number.isFinite(step)) return [`usl.${name}`, { refused: 'singular' }];
        const cut = [Math.max(lo, BOUNDS[name][0]), Math.min(hi, BOUNDS[name][1])];
        return [`usl.${name}`, cut[0] <= cut[1] ? cut : { refused: EMPTY }];
      }),
    ),
  );
  if (c.metric === 'time') out['wald-log']['usl.gamma'] = { refused: 'set by the baseline' };
  out['wald-log']['usl.peak'] = waldPeak(fit);
  timed('profile-log', () => {
    // Again, timed: what the fits and the plateau add to the analysis of one group.
    const u = uslIntervals(uslSpec, x, y, start, c.metric === 'time' ? { ratioTo: 1 } : {});
    if (amdahl.status === 'ok') amdahlIntervals(scaledSpec, x, y, [amdahl.s, amdahl.gamma], amdahl.gamma_free);
    plateauInterval(group.fits, x, y, gain, limit);
    return { ...out['profile-log'], 'usl.peak': calibrated(u.peak) };
  });
  if (!candidates) return { out, ms };
  const maxX = Math.max(...x);
  const spaces = {
    'profile-log-bounded': { spec: logScale(uslSpec), z: y.map(Math.log) },
    'profile-raw': { spec: { ...uslSpec, lower: widenedLogUsl(uslSpec, maxX).lower }, z: y },
  };
  for (const [method, { spec, z }] of Object.entries(spaces)) {
    timed(method, () => {
      const fit = fitForProfile(spec, x, z, start);
      const reason = untrustedFit(fit, x.length, 3);
      return Object.fromEntries(
        USL.map((name, i) => [`usl.${name}`, reason ? { refused: reason } : calibrated(boundedInterval(fit, i, BOUNDS[name], name === 'gamma' ? logCoordinate : undefined))]),
      );
    });
  }
  timed('bootstrap-log', () => parametricBootstrap(spec, fit, seed));
  if (c.metric === 'time') for (const method of ['profile-log-bounded', 'profile-raw', 'bootstrap-log']) out[method]['usl.gamma'] = { refused: 'set by the baseline' };
  return { out, ms };
}

/**
 * N*'s interval from the linearised one of q = kappa / (1 − sigma) = 1 / N*² (the delta method with
 * the fit's covariance), cut at q >= 0: an open upper end where it reaches 0.
 */
function waldPeak(fit) {
  const [sigma, kappa] = fit.minimum.p;
  if (!fit.covariance || !(sigma < 1)) return { refused: 'singular' };
  const g = [kappa / (1 - sigma) ** 2, 1 / (1 - sigma)];
  const variance = g.reduce((s, gi, i) => s + g.reduce((t, gj, j) => t + gi * fit.covariance[i][j] * gj, 0), 0);
  const t = fit.steps[0] / Math.sqrt(fit.covariance[0][0]);
  const q = kappa / (1 - sigma);
  const [lo, hi] = [q - t * Math.sqrt(variance), q + t * Math.sqrt(variance)];
  if (!(hi > 0)) return { refused: EMPTY };
  return [1 / Math.sqrt(hi), lo > 0 ? 1 / Math.sqrt(lo) : Infinity];
}

/**
 * Parametric bootstrap on the log scale: REPLICATES data sets from the fitted curve with normal
 * noise of the residual standard error, each refitted from the estimate; percentile intervals.
 */
function parametricBootstrap(spec, fit, seed) {
  const random = seededRandom(seed);
  const { x, minimum, df } = fit;
  const tau = Math.sqrt(minimum.rss / df);
  const fitted = x.map((t) => spec.value(minimum.p, t));
  const draws = USL.map(() => []);
  for (let b = 0; b < REPLICATES; b++) {
    const z = fitted.map((v) => v + tau * normalDeviate(random));
    const m = gaussNewtonMinimize(spec, x, z, minimum.p);
    m.p.forEach((v, i) => draws[i].push(v));
  }
  return Object.fromEntries(
    USL.map((name, i) => {
      const sorted = draws[i].sort((a, b) => a - b);
      const q = (p) => {
        const h = (sorted.length - 1) * p;
        const lo = Math.floor(h);
        return sorted[lo] + (h - lo) * ((sorted[lo + 1] ?? sorted[lo]) - sorted[lo]);
      };
      return [`usl.${name}`, [Math.max(q(0.025), BOUNDS[name][0]), Math.min(q(0.975), BOUNDS[name][1])]];
    }),
  );
}
