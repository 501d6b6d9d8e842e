import { describe, expect, it } from 'vitest';
import { boundedCutoff } from '../../src/stats/bounded-cutoff.js';
import { studentTQuantile } from '../../src/stats/student-t.js';
import { gammaDeviate, normalDeviate, seededRandom } from '../../src/stats/random.js';

describe('boundedCutoff', () => {
  it('is the two-sided t² far from the bound and the one-sided t² at it', () => {
    // qt(0.975, 5) = 2.570582, qt(0.95, 5) = 2.015048 (R)
    expect(boundedCutoff(10, 5)).toBeCloseTo(2.570582 ** 2, 5);
    expect(boundedCutoff(2.6, 5)).toBeCloseTo(2.570582 ** 2, 5);
    expect(boundedCutoff(0, 5)).toBeCloseTo(2.015048 ** 2, 5);
    const near = boundedCutoff(1, 5);
    expect(near).toBeGreaterThan(2.015048 ** 2);
    expect(near).toBeLessThan(2.570582 ** 2);
  });

  it('accepts the true value 95% of the time wherever it lies (seeded Monte Carlo of the statistic)', () => {
    // Feldman & Cousins (1998), eq. 4.1 ordering for U = δ + T, T ~ t(df): the statistic is
    // (U − δ)² for U >= 0 and δ² − 2Uδ below; it must fall within the cutoff 95% of the time.
    const df = 4;
    const random = seededRandom(11);
    const draws = 40000;
    const t = Array.from({ length: draws }, () => normalDeviate(random) / Math.sqrt((2 * gammaDeviate(df / 2, random)) / df));
    for (const delta of [0.05, 0.5, 1, 2, 3]) {
      const c = boundedCutoff(delta, df);
      const accepted = t.filter((z) => {
        const u = delta + z;
        return (u >= 0 ? (u - delta) ** 2 : delta * delta - 2 * u * delta) <= c;
      }).length;
      // Monte Carlo standard error sqrt(0.95 x 0.05 / 40000) = 0.0011
      expect(accepted / draws).toBeCloseTo(0.95, 2);
    }
    expect(studentTQuantile(0.975, df) ** 2).toBeCloseTo(boundedCutoff(3, df), 9);
  });
});
