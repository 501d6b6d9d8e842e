import { describe, expect, it } from 'vitest';
import { MODEL_NAMES, MODELS, modelEntry, type ModelFit } from '../../src/fit/models.js';
import { fitGroup } from '../../src/scaling/group.js';
import { analysisMessages } from '../../src/messages.js';
import { amdahl, noisy, usl } from '../fixtures/synth.js';

describe('the model registry', () => {
  it('lists the models simplest first, each under its own name', () => {
    expect(MODEL_NAMES).toEqual(['amdahl', 'usl']);
    for (const name of MODEL_NAMES) expect(modelEntry(name).name).toBe(name);
  });

  it('USL curve: gamma at N = 1, and the hand-computed value at N = 4', () => {
    const p = { sigma: 0.05, kappa: 0.01, gamma: 1.2 };
    expect(MODELS.usl.curve(p, 1)).toBeCloseTo(1.2, 12);
    // 1.2 * 4 / (1 + 0.05 * 3 + 0.01 * 4 * 3) = 4.8 / 1.27
    expect(MODELS.usl.curve(p, 4)).toBeCloseTo(4.8 / 1.27, 12);
  });

  it('USL peaks at N* = sqrt((1 - sigma) / kappa) (Gunther 2007), and never with kappa = 0', () => {
    const p = { sigma: 0.1, kappa: 0.02, gamma: 1 };
    const peak = MODELS.usl.peak(p)!;
    expect(peak.x).toBeCloseTo(Math.sqrt(0.9 / 0.02), 12);
    expect(peak.y).toBe(MODELS.usl.curve(p, peak.x));
    expect(MODELS.usl.curve(p, peak.x)).toBeGreaterThan(MODELS.usl.curve(p, peak.x - 0.5));
    expect(MODELS.usl.curve(p, peak.x)).toBeGreaterThan(MODELS.usl.curve(p, peak.x + 0.5));
    expect(MODELS.usl.peak({ ...p, kappa: 0 })).toBeNull();
  });

  it('Amdahl curve: 1 at N = 1, tends to its asymptote gamma / s', () => {
    const p = { s: 0.25, gamma: 1 };
    expect(MODELS.amdahl.curve(p, 1)).toBe(1);
    // 4 / (1 + 0.25 * 3) = 4 / 1.75
    expect(MODELS.amdahl.curve(p, 4)).toBeCloseTo(4 / 1.75, 12);
    expect(MODELS.amdahl.curve(p, 1e9)).toBeCloseTo(4, 6);
    expect(MODELS.amdahl.asymptote(p)).toBe(4);
    expect(MODELS.amdahl.asymptote({ s: 0, gamma: 1 })).toBeNull();
  });

  it('fits every model of a group, in registry order, and records what each derives as its curve does', () => {
    const { x, y } = noisy(usl(0.05, 0.002, 1), [1, 2, 4, 8, 16, 32], 0.01, 3);
    const fits = fitGroup(x, y, 'time', 1);
    expect(Object.keys(fits)).toEqual([...MODEL_NAMES, 'preferred']);
    expect(fits.preferred).toBe('usl');
    if (fits.usl.status !== 'ok' || fits.amdahl.status !== 'ok') throw new Error('both models fit six thread counts');
    expect(fits.usl.peak).toEqual(MODELS.usl.peak(fits.usl.params));
    expect(fits.amdahl.asymptote).toBe(MODELS.amdahl.asymptote(fits.amdahl.params));
    for (const n of [1, 3, 12]) {
      expect(MODELS.usl.curve(fits.usl.params, n)).toBe(fits.usl.predict(n));
      expect(MODELS.amdahl.curve(fits.amdahl.params, n)).toBe(fits.amdahl.predict(n));
    }
  });

  it("gives every model's fit a calibrated interval of each parameter, and none of gamma where the context makes y speedups", () => {
    const { x, y } = noisy(usl(0.05, 0.002, 1), [1, 2, 4, 8, 16, 32], 0.01, 3);
    const setByBaseline = { status: 'unavailable', method: 'profile-log', reason: analysisMessages.intervalSetByBaseline('gamma') };
    const throughput = fitGroup(x, y.map((v) => 500 * v), 'throughput', 1);
    const fromTwo = fitGroup(x, y, 'time', 2);
    for (const name of MODEL_NAMES) {
      const fit: ModelFit = throughput[name];
      if (fit.status !== 'ok') throw new Error(fit.reason);
      for (const param of modelEntry(name).params) expect(fit.intervals[param]?.status, `${name}.${param}`).toBe('ok');
      // Speedups from a baseline of 2: gamma is fitted but set by that one measurement.
      const speedups: ModelFit = fromTwo[name];
      if (speedups.status !== 'ok') throw new Error(speedups.reason);
      expect(speedups.intervals.gamma, name).toEqual(setByBaseline);
    }
    // Speedups from one thread: Amdahl's gamma is fixed to 1, the USL's set by the baseline.
    const fromOne = fitGroup(x, y, 'time', 1);
    if (fromOne.amdahl.status !== 'ok' || fromOne.usl.status !== 'ok') throw new Error('both models fit six thread counts');
    expect(fromOne.amdahl.intervals.gamma).toEqual({ status: 'unavailable', method: 'profile-log', reason: analysisMessages.intervalFixed('gamma') });
    expect(fromOne.usl.intervals.gamma).toEqual(setByBaseline);
    expect(fromOne.usl.intervals.peak.status).toBe('ok');
  });

  it('prefers the simpler model on data it describes as well', () => {
    const { x, y } = noisy(amdahl(0.1), [1, 2, 4, 8, 16, 32], 0.01, 5);
    expect(fitGroup(x, y, 'time', 1).preferred).toBe('amdahl');
  });
});
