import { describe, expect, it } from 'vitest';
import { fitGroup } from '../../src/scaling/group.js';
import { PLATEAU_INTERVAL_DF, plateauInterval } from '../../src/scaling/plateau-interval.js';
import { analysisMessages } from '../../src/messages.js';
import { crossingOf } from '../../src/scaling/plateau-crossing.js';
import { plateauThreshold } from '../../src/scaling/plateau.js';
import { findPlateau } from '../../src/scaling/find-plateau.js';
import { given, lognormal, usl } from '../fixtures/synth.js';

const THREADS = [1, 2, 4, 6, 8, 12, 16, 24, 32];

describe('plateauInterval', () => {
  it("holds the true crossing of issue #17's curve (19.59 threads, threshold 20) on seeded data", () => {
    const f = usl(0.05, 0.001, 1000);
    const truth = { model: 'usl' as const, unit: 1000, predict: f };
    expect(plateauThreshold(truth, 0.1, 4096)).toBe(20);
    const c = crossingOf(truth, 0.1, 20);
    expect(c).toBeCloseTo(19.59, 2);
    const { x, y } = lognormal(f, THREADS, 0.03, 5);
    const [lo, hi] = given(plateauInterval(fitGroup(x, y, 'throughput', 1), x, y, 0.1, 4096));
    console.log('plateau crossing interval', [lo, hi], 'truth', c);
    expect(lo).toBeLessThan(c);
    expect(hi!).toBeGreaterThan(c);
  });

  it('is open-ended when the data allow no plateau within the search, and reaches down to 0 when it may begin at once', () => {
    // Ideal scaling up to 16 threads, 1% off it either way: the curve may keep gaining for ever.
    const x = [1, 2, 4, 6, 8, 12, 16];
    const y = x.map((n, i) => 100 * n * (i % 2 === 0 ? 1.01 : 0.99));
    expect(given(plateauInterval(fitGroup(x, y, 'throughput', 1), x, y, 0.1, 4096))[1]).toBeNull();
    // No scaling at all: one thread is all it takes.
    const flat = lognormal(() => 500, [1, 2, 4, 8, 12, 16], 0.03, 3, 3);
    expect(given(plateauInterval(fitGroup(flat.x, flat.y, 'throughput', 1), flat.x, flat.y, 0.1, 4096))[0]).toBe(0);
  });

  it('is not given from 4 thread counts, where it covered 97.6%, saying why', () => {
    const { x, y } = lognormal(usl(0.05, 0.001, 1000), [1, 2, 4, 8], 0.03, 5, 3);
    const p = findPlateau(x, y, { metric: 'throughput' });
    if (p.status === 'insufficient') throw new Error(p.reason);
    expect(p.interval).toEqual({ status: 'unavailable', method: 'profile-log', reason: analysisMessages.intervalTooFewPoints(4, 3, PLATEAU_INTERVAL_DF) });
  });

  it('is what findPlateau gives beside its threshold and crossing, with the bootstrap ci95 kept', () => {
    const { x, y } = lognormal(usl(0.05, 0.001, 1000), THREADS, 0.03, 5, 3);
    const p = findPlateau(x, y, { metric: 'throughput' });
    if (p.status !== 'found') throw new Error(p.status);
    expect(Math.floor(p.crossing) + 1).toBe(p.threshold);
    expect(p.interval.status).toBe('ok');
    expect(p.ci95).toHaveLength(2);
  });
});
