import { describe, expect, it } from 'vitest';
import { speedupTable } from '../../src/scaling/speedup-table.js';
import { findPlateau } from '../../src/scaling/find-plateau.js';
import { kneedle } from '../../src/scaling/kneedle.js';
import { plateauThreshold } from '../../src/scaling/plateau.js';
import { analyze } from '../../src/scaling/analyze.js';
import { columnTable } from '../../src/table/column-table.js';
import { groupByX, makeCells } from '../../src/scaling/cells.js';
import { baselineIndex, computeSpeedups } from '../../src/scaling/speedup-table.js';
import { findGroupPlateau, fitGroup, PLATEAU_REPLICATE_STEPS, replicateValues } from '../../src/scaling/group.js';
import { resolveSettings } from '../../src/scaling/analyze-group.js';
import { seededRandom } from '../../src/stats/random.js';
import type { Metric } from '../../src/scaling/speedup-table.js';
import { analysisMessages } from '../../src/messages.js';
import { amdahl, noisy, usl } from '../fixtures/synth.js';

describe('speedupTable', () => {
  it('agrees with hand-computed medians, speedups and efficiencies', () => {
    // By hand: median T(1) = 11, T(2) = 5.5, T(4) = 4 -> speedup 2 and 2.75, efficiency 1 and 0.6875
    const t = speedupTable([1, 1, 1, 2, 2, 2, 4, 4, 4], [10, 12, 11, 6, 5, 5.5, 4, 4, 4]);
    expect(t.baseline_x).toBe(1);
    expect(t.points.map((p) => [p.x, p.median, p.speedup, p.efficiency])).toEqual([
      [1, 11, 1, 1],
      [2, 5.5, 2, 1],
      [4, 4, 2.75, 0.6875],
    ]);
    const two = t.points[1]!;
    // Every resample of {10,11,12} / {5,5.5,6} has a median ratio within [10/6, 12/5]
    expect(two.speedup_ci95[0]).toBeGreaterThanOrEqual(10 / 6);
    expect(two.speedup_ci95[1]).toBeLessThanOrEqual(12 / 5);
    expect(two.speedup_ci95[0]).toBeLessThan(2);
  });

  it('is reproducible from its seed and takes tables; throughput speedups grow with y', () => {
    const x = [1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 4, 4, 4, 4, 4];
    const y = [10, 11, 9.5, 10.5, 10.2, 19, 21, 20, 18, 22.5, 30, 33, 31, 29, 35];
    const a = speedupTable(x, y, { metric: 'throughput', seed: 4 });
    expect(speedupTable(columnTable({ n: x, v: y }), { x: 'n', y: 'v', metric: 'throughput', seed: 4 })).toEqual(a);
    // medians 20 and 10.2
    expect(a.points[1]!.speedup).toBeCloseTo(20 / 10.2, 12);
  });

  it('uses the smallest x as baseline when x = 1 is missing', () => {
    const t = speedupTable([2, 4, 8], [8, 4, 3]);
    expect(t.baseline_x).toBe(2);
    // efficiency = speedup * 2 / 4 = (8/4) * 0.5 = 1
    expect(t.points[1]!.efficiency).toBe(1);
  });
});

describe('plateau', () => {
  it('finds the threshold where an Amdahl curve puts it', () => {
    // s = 0.2: gain S(N+1) - S(N) = (1 - s) / ((1 + s(N-1)) (1 + sN)):
    // N = 9: 0.8 / (2.6 * 2.8) = 0.1099 >= 0.1; N = 10: 0.8 / (2.8 * 3.0) = 0.0952 < 0.1 -> threshold 10
    expect(plateauThreshold({ model: 'amdahl', unit: 1, predict: amdahl(0.2) }, 0.1, 4096)).toBe(10);
    const threads = [1, 2, 4, 6, 8, 12, 16, 24, 32];
    const { x, y } = noisy((n) => 2 / amdahl(0.2)(n), threads, 0.01, 21, 5);
    const p = findPlateau(x, y, { metric: 'time', seed: 3 });
    if (p.status !== 'found') throw new Error(p.status);
    console.log('plateau recovered', { truth: 10, threshold: p.threshold, ci95: p.ci95, knee: p.knee });
    expect(Math.abs(p.threshold - 10)).toBeLessThanOrEqual(1);
    expect(p.ci95[0]).toBeLessThanOrEqual(10);
    expect(p.ci95[1]!).toBeGreaterThanOrEqual(10);
    expect(p.within_measured).toBe(true);
    expect(p.knee).not.toBeNull();
  });

  it('finds a USL plateau too, and none for perfect scaling', () => {
    // sigma 0.02, kappa 0.01: X(N) = N / (1 + 0.02 (N-1) + 0.01 N (N-1)); by hand X(7) = 7/1.54 = 4.5455,
    // X(8) = 8/1.70 = 4.7059, X(9) = 9/1.88 = 4.7872: gains 0.1604 (7 -> 8) and 0.0814 (8 -> 9) -> threshold 8
    const f = usl(0.02, 0.01, 1);
    expect(f(8) - f(7)).toBeCloseTo(0.1604, 3);
    expect(f(9) - f(8)).toBeCloseTo(0.0814, 3);
    const threads = [1, 2, 4, 8, 12, 16, 24];
    const { x, y } = noisy((n) => 100 * f(n), threads, 0.01, 5, 4);
    const p = findPlateau(x, y, { metric: 'throughput' });
    if (p.status !== 'found') throw new Error(p.status);
    console.log('USL plateau recovered', { truth: 8, threshold: p.threshold, ci95: p.ci95, knee: p.knee });
    expect(Math.abs(p.threshold - 8)).toBeLessThanOrEqual(1);
    expect(p.ci95[0]).toBeLessThanOrEqual(8);
    expect(p.ci95[1]!).toBeGreaterThanOrEqual(8);
    const ideal = findPlateau([1, 2, 4, 8], [8, 4, 2, 1], { metric: 'time' });
    expect(ideal.status).toBe('none');
  });

  it('takes its CI from a few Gauss-Newton steps per replicate, equal to what full refits give', () => {
    // The k-step bootstrap (README, Plateau): same replicates, refitted by k steps or by Levenberg-Marquardt,
    // on the data of the Amdahl plateau test above and of fitUsl's interval test (noisier: a wide CI).
    const cases: [string, { x: number[]; y: number[] }, Metric][] = [
      ['amdahl', noisy((n) => 2 / amdahl(0.2)(n), [1, 2, 4, 6, 8, 12, 16, 24, 32], 0.01, 21, 5), 'time'],
      ['usl', noisy(usl(0.05, 0.001, 100), [1, 2, 4, 8, 16], 0.02, 7, 5), 'throughput'],
    ];
    const widths: number[] = [];
    for (const [model, data, metric] of cases) {
      const cells = makeCells(groupByX(data.x, data.y), resolveSettings({}), seededRandom(3));
      const { table } = computeSpeedups(cells, metric);
      const x = table.points.map((p) => p.x);
      const y = table.points.map((p) => (metric === 'time' ? p.speedup : p.median));
      const fits = fitGroup(x, y, metric, table.baseline_x);
      expect(fits.preferred).toBe(model);
      const replicateY = replicateValues(cells, metric, baselineIndex(cells), fits, seededRandom(4));
      const plateau = (steps: number) => findGroupPlateau(fits, x, y, replicateY, { gain: 0.1, resamples: 200, steps });
      const full = plateau(Infinity);
      if (full.status !== 'found') throw new Error(full.status);
      expect(plateau(PLATEAU_REPLICATE_STEPS)).toEqual(full);
      widths.push(full.ci95[1]! - full.ci95[0]);
      // No step at all leaves every replicate at the point estimate: a CI of one value.
      expect(plateau(0)).toMatchObject({ ci95: [full.threshold, full.threshold] });
    }
    // The USL data's CI spans several thread counts: replicates that were not refitted would show.
    expect(widths[1]).toBeGreaterThan(4);
  });

  it('is insufficient (with the reason) for one thread count, and 1 for constant times', () => {
    const one = findPlateau([4, 4, 4], [1, 1.1, 0.9]);
    expect(one).toEqual({ status: 'insufficient', reason: analysisMessages.insufficientPoints(1, 4, 'x value'), knee: null });
    const flat = findPlateau([1, 2, 4, 8, 1, 2, 4, 8], [3, 3, 3, 3, 3, 3, 3, 3]);
    expect(flat.status === 'found' && flat.threshold).toBe(1);
    expect(JSON.stringify(flat)).not.toContain('NaN');
  });
});

describe('kneedle', () => {
  it('agrees with a hand-computed knee', () => {
    // x' = [0, .25, .5, .75, 1], y' = [0, .6, .8, .9, 1], difference [0, .35, .3, .15, 0] -> knee at x = 1
    expect(kneedle([0, 1, 2, 3, 4], [0, 6, 8, 9, 10])).toBe(1);
    expect(kneedle([1, 2, 3, 4], [1, 2, 3, 4])).toBeNull();
    expect(kneedle([1, 2], [1, 2])).toBeNull();
    expect(kneedle([1, 2, 3], [5, 5, 5])).toBeNull();
  });
});

describe('analyze (any scaling data)', () => {
  const rows = [1, 2, 4, 8, 16].flatMap((n) => [
    { users: n, rps: 50 * usl(0.02, 0.001, 1)(n), site: 'a' },
    { users: n, rps: 80 * usl(0.1, 0.01, 1)(n), site: 'b' },
  ]);

  it('groups rows by columns and fits each group, in the JSON shape of the CLI', () => {
    const result = analyze(rows, { x: 'users', y: 'rps', by: ['site'], predict: [32] });
    expect(result.groups.map((g) => g.key)).toEqual([{ site: 'a' }, { site: 'b' }]);
    const json = JSON.parse(JSON.stringify(result));
    const b = json.groups[1].fits.usl;
    expect(b.sigma).toBeCloseTo(0.1, 5);
    expect(b.kappa).toBeCloseTo(0.01, 6);
    expect(b.gamma).toBeCloseTo(80, 3);
    expect(Object.keys(b.stderr).sort()).toEqual(['gamma', 'kappa', 'sigma']);
    expect(b.ci95.sigma).toHaveLength(2);
    // Peak N* = sqrt((1 - 0.1) / 0.01) = 9.4868
    expect(b.peak.x).toBeCloseTo(9.4868, 3);
    expect(json.groups[0].predictions[0].extrapolated).toBe(true);
  });

  it('names the row and column of a bad value', () => {
    const bad = [...rows, { users: 0, rps: 1, site: 'a' }];
    expect(() => analyze(bad, { x: 'users', y: 'rps' })).toThrowError(analysisMessages.notPositive('row 10', 'users', '0'));
    expect(() => analyze(rows, { x: 'threads', y: 'rps' })).toThrowError(/lacks the column 'threads'/);
  });
});
