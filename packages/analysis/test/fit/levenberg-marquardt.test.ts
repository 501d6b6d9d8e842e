import { describe, expect, it } from 'vitest';
import { levenbergMarquardt as library } from 'ml-levenberg-marquardt';
import { levenbergMarquardt, type LmProblem } from '../../src/fit/_levenberg-marquardt.js';
import { uslSpec } from '../../src/fit/usl.js';
import { scaledSpec, speedupSpec } from '../../src/fit/amdahl.js';
import type { ModelSpec } from '../../src/fit/_least-squares.js';
import { seededRandom, type Random } from '../../src/stats/random.js';
import { normal, usl } from '../fixtures/synth.js';

type Options = { initialValues: number[]; maxIterations: number; errorTolerance: number; damping: number };

function runLibrary(problem: LmProblem, options: Options) {
  return library({ x: [...problem.x], y: [...problem.y] }, (p) => (t) => problem.value(p, t), {
    ...options,
    minValues: [...problem.lower],
    maxValues: [...problem.upper],
    jacobianFunction: (p) => (t) => {
      const partials = new Float64Array(p.length);
      problem.gradient(p, t, partials);
      return [...partials];
    },
  });
}

const THREAD_SETS = [[1, 2, 4, 8], [1, 2, 4, 8, 12, 16, 24, 32], [1, 2, 3, 4, 5, 6], [2, 4, 8, 16, 32, 64, 128]];

/** A noisy USL curve over random thread counts, scaled to max 1 as leastSquares fits it, and a model spec to fit it with. */
function randomProblem(random: Random, spec: ModelSpec<string>): LmProblem {
  const x = THREAD_SETS[Math.floor(random() * THREAD_SETS.length)]!;
  const f = usl(random(), random() * random() * 0.05, 1);
  const y = x.map((n) => f(n) * (1 + 0.05 * normal(random)));
  const top = Math.max(...y);
  return { x, y: y.map((v) => v / top), value: spec.value, gradient: spec.gradient, lower: spec.lower, upper: spec.upper };
}

describe('levenbergMarquardt', () => {
  it('gives exactly what ml-levenberg-marquardt gives on the USL and Amdahl fits', () => {
    const random = seededRandom(17);
    for (let i = 0; i < 600; i++) {
      const spec = ([uslSpec, scaledSpec, speedupSpec] as ModelSpec<string>[])[i % 3]!;
      const problem = randomProblem(random, spec);
      const initialValues = spec.lower.map((lo, j) => (j === spec.scaleIndex ? 0.5 + random() : lo + random() * (Math.min(spec.upper[j]!, 1) - lo)));
      const options = { initialValues, maxIterations: [5, 40, 200][i % 3]!, errorTolerance: 1e-14, damping: 1e-2 };
      const ours = levenbergMarquardt(problem, options);
      const theirs = runLibrary(problem, options);
      expect(ours.parameterValues, `problem ${i}`).toEqual(theirs.parameterValues);
      expect(ours.parameterError).toBe(theirs.parameterError);
      expect(ours.iterations).toBe(theirs.iterations);
    }
  });

  it('takes the library fallback (LU inverse) where Cholesky fails, and stops where the library throws', () => {
    // Two nearly collinear parameters on a huge scale: JᵀJ + damping I loses its positive
    // definiteness to rounding. Over 2,000 such problems the library falls back to its LU inverse
    // 3,343 times and throws "LU matrix is singular" in 161 of them (counted with seed 5).
    const random = seededRandom(5);
    let threw = 0;
    for (let i = 0; i < 2000; i++) {
      const scale = 10 ** (random() * 16);
      const eps = 10 ** (-random() * 12);
      const x = [1, 2, 3, 4, 5];
      const problem: LmProblem = {
        x,
        y: x.map((v) => scale * v * (1 + random())),
        value: (p, t) => scale * (p[0]! * t + p[1]! * t * (1 + eps * t)),
        gradient: (_p, t, out) => {
          out[0] = scale * t;
          out[1] = scale * t * (1 + eps * t);
        },
        lower: [-1e9, -1e9],
        upper: [1e9, 1e9],
      };
      const options = { initialValues: [random(), random()], maxIterations: 20, errorTolerance: 1e-14, damping: 1e-2 };
      const ours = levenbergMarquardt(problem, options);
      let theirs;
      try {
        theirs = runLibrary(problem, options);
      } catch (error) {
        expect((error as Error).message).toBe('LU matrix is singular');
        threw++;
        expect(Number.isFinite(ours.parameterError)).toBe(true);
        continue;
      }
      expect(ours.parameterValues, `problem ${i}`).toEqual(theirs.parameterValues);
      expect(ours.parameterError).toBe(theirs.parameterError);
    }
    expect(threw).toBeGreaterThan(0);
  });
});
