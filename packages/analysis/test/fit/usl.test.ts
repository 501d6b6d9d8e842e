import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@poolscope/core';
import { fitUsl } from '../../src/fit/usl.js';
import { columnTable } from '../../src/table/column-table.js';
import { analysisMessages } from '../../src/messages.js';
import { noisy, usl } from '../fixtures/synth.js';

const THREADS = [1, 2, 4, 8, 12, 16, 24, 32, 48, 64];

describe('fitUsl', () => {
  it('matches the R usl package on its SPEC SDM91 example (coefficients, standard errors, residual SE)', () => {
    // Data: Gunther, Guerrilla Capacity Planning (2007), SPEC SDM91 on a Sun SPARCcenter 2000, the
    // `specsdm91` data set of R `usl`. Expected values: R usl's own test output
    // tests/usl-nlxb.Rout.save (usl 2.0, R 3.6.2): alpha 0.0277285 (se 0.0091217),
    // beta 0.0001044 (se 0.0000199), gamma 89.9952330 (se 14.2134894), residual SE 82.8 on 4 df.
    const load = [1, 18, 36, 72, 108, 144, 216];
    const throughput = [64.9, 995.9, 1652.4, 1853.2, 1828.9, 1775.0, 1702.2];
    const fit = fitUsl(load, throughput);
    if (fit.status !== 'ok') throw new Error(fit.reason);
    expect(fit.sigma).toBeCloseTo(0.0277285, 6);
    expect(fit.kappa).toBeCloseTo(0.0001044, 7);
    expect(fit.gamma).toBeCloseTo(89.995233, 3);
    expect(fit.stderr.sigma!).toBeCloseTo(0.0091217, 6);
    expect(fit.stderr.kappa!).toBeCloseTo(0.0000199, 7);
    expect(fit.stderr.gamma!).toBeCloseTo(14.2134894, 3);
    expect(fit.rse).toBeCloseTo(82.8, 1);
    expect(fit.df).toBe(4);
  });

  it('recovers sigma, kappa and gamma from seeded noisy data, each inside its 95% CI', () => {
    const truth = { sigma: 0.05, kappa: 0.0008, gamma: 1200 };
    const { x, y } = noisy(usl(truth.sigma, truth.kappa, truth.gamma), THREADS, 0.01, 42, 3);
    const fit = fitUsl(x, y);
    if (fit.status !== 'ok') throw new Error(fit.reason);
    console.log('USL recovered', { sigma: [fit.sigma, fit.ci95.sigma], kappa: [fit.kappa, fit.ci95.kappa], gamma: [fit.gamma, fit.ci95.gamma] });
    for (const name of ['sigma', 'kappa', 'gamma'] as const) {
      const [lo, hi] = fit.ci95[name]!;
      expect(truth[name]).toBeGreaterThanOrEqual(lo);
      expect(truth[name]).toBeLessThanOrEqual(hi);
    }
    expect(fit.sigma).toBeCloseTo(truth.sigma, 2);
    expect(fit.kappa).toBeCloseTo(truth.kappa, 3);
    expect(fit.gamma / truth.gamma).toBeCloseTo(1, 1);
    // Peak N* = sqrt((1 - sigma) / kappa) (Gunther 2007, eq. 4.33): sqrt(0.95 / 0.0008) = 34.46
    expect(fit.peak.x!).toBeGreaterThan(30);
    expect(fit.peak.x!).toBeLessThan(40);
    expect(fit.df).toBe(30 - 3);
  });

  it('recovers parameters from noise-free data exactly', () => {
    const f = usl(0.2, 0.01, 3);
    const fit = fitUsl(THREADS, THREADS.map(f));
    if (fit.status !== 'ok') throw new Error(fit.reason);
    expect(fit.sigma).toBeCloseTo(0.2, 6);
    expect(fit.kappa).toBeCloseTo(0.01, 7);
    expect(fit.gamma).toBeCloseTo(3, 6);
    expect(fit.rse).toBeCloseTo(0, 6);
  });

  it('gives standard errors for throughputs in the millions, as for the same data in units', () => {
    // JᵀJ's diagonal spans 17 orders of magnitude here: inverted unscaled, it passed for singular.
    const { x, y } = noisy(usl(0.05, 0.0008, 1), THREADS, 0.01, 42, 3);
    const units = fitUsl(x, y);
    const millions = fitUsl(x, y.map((v) => v * 1e6));
    if (units.status !== 'ok' || millions.status !== 'ok') throw new Error('no fit');
    expect(millions.stderr.sigma! / units.stderr.sigma!).toBeCloseTo(1, 4);
    expect(millions.stderr.kappa! / units.stderr.kappa!).toBeCloseTo(1, 4);
    expect(millions.stderr.gamma! / (1e6 * units.stderr.gamma!)).toBeCloseTo(1, 4);
  });

  it('has no peak when kappa is 0 (pure contention)', () => {
    const fit = fitUsl(THREADS, THREADS.map(usl(0.1, 0, 1)));
    if (fit.status !== 'ok') throw new Error(fit.reason);
    expect(fit.kappa).toBeCloseTo(0, 8);
    expect(fit.peak).toEqual({ x: null, y: null });
    expect(fit.at_bound).toContain('kappa');
    expect(JSON.parse(JSON.stringify(fit)).peak).toEqual({ x: null, y: null });
  });

  it('says "insufficient data" below 4 distinct x values, with no NaN anywhere', () => {
    const fit = fitUsl([1, 2, 4, 1, 2, 4], [1, 2, 3, 1, 2, 3]);
    expect(fit).toEqual({ status: 'insufficient', model: 'usl', reason: analysisMessages.insufficientPoints(3, 4, 'x value'), needed: 4, got: 3 });
    expect(fitUsl([4], [1]).status).toBe('insufficient');
  });

  it('fits constant data as full contention (sigma 1) without NaN', () => {
    const fit = fitUsl([1, 2, 4, 8], [5, 5, 5, 5]);
    if (fit.status !== 'ok') throw new Error(fit.reason);
    expect(fit.sigma).toBeCloseTo(1, 6);
    expect(fit.gamma).toBeCloseTo(5, 6);
    expect(JSON.stringify(fit)).not.toContain('NaN');
    expect(Number.isFinite(fit.aic)).toBe(true);
  });

  it('rejects zero, negative and non-finite values naming the element', () => {
    for (const bad of [0, -1, Number.NaN, Infinity]) {
      expect(() => fitUsl([1, 2, 4, 8], [1, 2, bad, 4])).toThrowError(
        expect.objectContaining({ code: ERROR_CODES.BAD_DATA, message: analysisMessages.notPositive('y[2]', 'y', String(bad)) }),
      );
    }
    expect(() => fitUsl([1, 2], [1])).toThrowError(analysisMessages.lengthMismatch(2, 1));
  });

  it('fits a table by column names, naming the column of a bad value', () => {
    const table = columnTable({ n: THREADS, tput: THREADS.map(usl(0.1, 0.001, 10)) });
    const fit = fitUsl(table, { x: 'n', y: 'tput' });
    expect(fit.status === 'ok' && fit.sigma).toBeCloseTo(0.1, 6);
    const bad = columnTable({ n: [1, 2, 4, 8], tput: [1, 0, 2, 3] });
    expect(() => fitUsl(bad, { x: 'n', y: 'tput' })).toThrowError(analysisMessages.notPositive('tput[1]', 'tput', '0'));
  });

  it('predicts with confidence and prediction intervals that contain the curve and widen when extrapolating', () => {
    const truth = usl(0.05, 0.001, 100);
    const { x, y } = noisy(truth, [1, 2, 4, 8, 16], 0.02, 7, 5);
    const fit = fitUsl(x, y);
    if (fit.status !== 'ok') throw new Error(fit.reason);
    const near = fit.interval(8);
    const far = fit.interval(64);
    expect(near.ci95[0]).toBeLessThanOrEqual(near.y);
    expect(near.pi95[0]).toBeLessThan(near.ci95[0]);
    expect(far.ci95[1] - far.ci95[0]).toBeGreaterThan(near.ci95[1] - near.ci95[0]);
    expect(truth(8)).toBeGreaterThan(near.pi95[0]);
    expect(truth(8)).toBeLessThan(near.pi95[1]);
  });
});
