import { describe, expect, it } from 'vitest';
import { quantileSorted } from 'simple-statistics';
import { studentTQuantile } from '../../src/stats/student-t.js';
import { describeSorted, percentileInterval, sortedCopy } from '../../src/stats/describe.js';
import { medianReplicates } from '../../src/stats/bootstrap.js';
import { medianInPlace, quantileInPlace } from '../../src/stats/select.js';
import { betaDeviate, gammaDeviate, normalDeviate, seededRandom } from '../../src/stats/random.js';

describe('studentTQuantile', () => {
  it("agrees with R's qt", () => {
    // R 4.x: qt(0.975, 1) = 12.7062047, qt(0.975, 4) = 2.7764451, qt(0.975, 30) = 2.0422725, qt(0.025, 10) = -2.2281389
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062047, 5);
    expect(studentTQuantile(0.975, 4)).toBeCloseTo(2.7764451, 6);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.0422725, 6);
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.2281389, 6);
  });
});

describe('describeSorted', () => {
  it('gives type-7 quartiles, sd and CV', () => {
    // By hand (R quantile type 7): [1, 2, 3, 4] -> q1 = 1 + 0.75 * 1 = 1.75, median 2.5, q3 = 3.25;
    // mean 2.5, sd = sqrt(5/3) = 1.2909944, cv = 0.5163978
    const d = describeSorted(sortedCopy([4, 1, 3, 2]));
    expect([d.q1, d.median, d.q3]).toEqual([1.75, 2.5, 3.25]);
    expect(d.sd!).toBeCloseTo(1.2909944, 6);
    expect(d.cv!).toBeCloseTo(0.5163978, 6);
    expect(describeSorted(sortedCopy([7])).cv).toBeNull();
  });

  it('quantiles by selection equal quantileSorted on the sorted sample, ties, infinities and NaN included', () => {
    const random = seededRandom(12);
    for (let n = 1; n < 60; n++) {
      const a = Float64Array.from({ length: n }, () => (random() < 0.1 ? Infinity : Math.floor(random() * 8)));
      if (n % 7 === 0) a[0] = Number.NaN;
      for (const p of [0, 0.025, 0.25, 0.5, 0.9, 0.975, 1]) {
        const sorted = Float64Array.from(a).sort() as unknown as number[];
        expect(quantileInPlace(Float64Array.from(a), p), `n ${n} p ${p}`).toBe(quantileSorted(sorted, p));
      }
    }
  });

  it('percentile interval of 0..100 is [2.5, 97.5]', () => {
    // type 7 on 101 evenly spaced values: quantile p is exactly 100 p
    const [lo, hi] = percentileInterval(Float64Array.from({ length: 101 }, (_, i) => 100 - i));
    expect(lo).toBeCloseTo(2.5, 10);
    expect(hi).toBeCloseTo(97.5, 10);
  });
});

describe('bootstrap of the median', () => {
  it('selects medians like sorting does', () => {
    const random = seededRandom(5);
    for (let n = 1; n < 40; n++) {
      const a = Float64Array.from({ length: n }, () => Math.floor(random() * 10));
      const sorted = Float64Array.from(a).sort();
      const expected = n % 2 ? sorted[n >> 1]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
      expect(medianInPlace(a)).toBe(expected);
    }
  });

  it('is reproducible from its seed, and differs with another seed', () => {
    const sample = sortedCopy([5, 3, 8, 1, 9, 4, 7]);
    const a = medianReplicates(sample, 200, seededRandom(1), 200);
    expect(medianReplicates(sample, 200, seededRandom(1), 200)).toEqual(a);
    expect(medianReplicates(sample, 200, seededRandom(2), 200)).not.toEqual(a);
  });

  it('draws medians with the exact distribution of a bootstrap resample\'s median (odd m)', () => {
    // n = m = 5 distinct values: the median of 5 draws is sorted[j] or lower with probability
    // P(Binomial(5, (j + 1) / 5) >= 3) (David & Nagaraja 2003, §2.1): 0.05792, 0.31744, 0.68256, 0.94208, 1
    const sample = sortedCopy([10, 20, 30, 40, 50]);
    const replicates = medianReplicates(sample, 100_000, seededRandom(8), 100);
    const exact = [0.05792, 0.31744, 0.68256, 0.94208, 1];
    exact.forEach((p, j) => {
      const share = replicates.filter((v) => v <= sample[j]!).length / replicates.length;
      // Binomial standard error at most sqrt(0.25 / 1e5) = 0.0016: allow 4 of them.
      expect(Math.abs(share - p), `P(median <= ${sample[j]})`).toBeLessThan(0.0064);
    });
  });

  it('draws medians as drawing m values and taking their median would (even m, ties)', () => {
    const sample = sortedCopy([1, 2, 2, 3, 5, 8]);
    const b = 100_000;
    const direct = new Map<number, number>();
    const random = seededRandom(21);
    const scratch = new Float64Array(sample.length);
    for (let i = 0; i < b; i++) {
      for (let j = 0; j < scratch.length; j++) scratch[j] = sample[Math.floor(random() * sample.length)]!;
      const m = medianInPlace(scratch);
      direct.set(m, (direct.get(m) ?? 0) + 1 / b);
    }
    const drawn = new Map<number, number>();
    for (const m of medianReplicates(sample, b, seededRandom(22), 100)) drawn.set(m, (drawn.get(m) ?? 0) + 1 / b);
    expect([...drawn.keys()].every((m) => direct.has(m))).toBe(true);
    // Two independent estimates of each probability: standard error of the difference <= 0.0023.
    for (const [m, p] of direct) expect(Math.abs((drawn.get(m) ?? 0) - p), `P(median = ${m})`).toBeLessThan(0.01);
  });

  it('m-out-of-n resampling (m = 100 of 4000) keeps the interval width of the full bootstrap (within 25%)', () => {
    const random = seededRandom(11);
    const sample = sortedCopy(Array.from({ length: 4000 }, () => 10 + normalDeviate(random)));
    const width = (r: Float64Array) => {
      const [lo, hi] = percentileInterval(r);
      return hi - lo;
    };
    const full = width(medianReplicates(sample, 1000, seededRandom(3), 4000));
    const capped = width(medianReplicates(sample, 1000, seededRandom(3), 100));
    // Asymptotic 95% width of a normal median: 2 * 1.96 * 1.2533 / sqrt(4000) = 0.0777
    expect(full).toBeGreaterThan(0.06);
    expect(full).toBeLessThan(0.1);
    expect(capped / full).toBeGreaterThan(0.75);
    expect(capped / full).toBeLessThan(1.25);
  });
});

describe('gamma and beta deviates', () => {
  it('have the means and variances of their distributions', () => {
    // Gamma(a): mean a, variance a. Beta(a, b): mean a / (a + b), variance ab / ((a + b)^2 (a + b + 1)).
    const moments = (draw: () => number) => {
      const n = 50_000;
      let sum = 0;
      let squares = 0;
      for (let i = 0; i < n; i++) {
        const v = draw();
        sum += v;
        squares += v * v;
      }
      const mean = sum / n;
      return { mean, variance: squares / n - mean * mean };
    };
    const random = seededRandom(4);
    for (const a of [1, 2.5, 50]) {
      const g = moments(() => gammaDeviate(a, random));
      expect(g.mean / a).toBeCloseTo(1, 1);
      expect(g.variance / a).toBeCloseTo(1, 1);
    }
    const beta = moments(() => betaDeviate(50, 51, random));
    expect(beta.mean).toBeCloseTo(50 / 101, 3);
    expect(beta.variance / ((50 * 51) / (101 ** 2 * 102))).toBeCloseTo(1, 1);
  });
});
