import type { ModelSpec } from './_least-squares.js';
import { solveSymmetric } from './_linear-algebra.js';

/**
 * `steps` Gauss-Newton steps of the bounded least-squares problem of `spec` from `start`: each
 * solves (JᵀJ) δ = Jᵀr, with J the model's analytical gradient and r the residuals at the current
 * parameters, and moves to p + δ clamped to the bounds. A parameter on a bound that the step would
 * push beyond it is held there and the step solved for the others (the projected Gauss-Newton
 * step, Kelley, Iterative Methods for Optimization, 1999, §5.5). Stops early, where it is, when
 * JᵀJ of the free parameters is singular.
 *
 * This is the refit of a k-step bootstrap replicate (Andrews, Econometrica 70(1), 2002;
 * Davidson & MacKinnon 1999): started at the full-sample estimate, a few steps reach the
 * replicate's own estimate closely enough for a percentile interval, without an optimizer's
 * iterations. It is not a general-purpose fit: from a poor start Gauss-Newton may diverge,
 * which is why the point estimates come from `leastSquares`.
 */
export function gaussNewtonSteps<P extends string>(spec: ModelSpec<P>, x: readonly number[], y: readonly number[], start: readonly number[], steps: number): number[] {
  const k = start.length;
  const p = [...start];
  // Tens of thousands of replicates per analysis: JᵀJ and Jᵀr live in flat arrays reused by every step.
  const jtj = new Float64Array(k * k);
  const jtr = new Float64Array(k);
  for (let step = 0; step < steps; step++) {
    jtj.fill(0);
    jtr.fill(0);
    for (let i = 0; i < x.length; i++) {
      const g = spec.gradient(p, x[i]!);
      const r = y[i]! - spec.value(p, x[i]!);
      for (let a = 0; a < k; a++) {
        jtr[a] = jtr[a]! + g[a]! * r;
        for (let b = 0; b < k; b++) jtj[a * k + b] = jtj[a * k + b]! + g[a]! * g[b]!;
      }
    }
    const delta = boundedStep(jtj, jtr, p, spec.lower, spec.upper);
    if (!delta) break;
    for (let a = 0; a < k; a++) p[a] = Math.min(Math.max(p[a]! + delta[a]!, spec.lower[a]!), spec.upper[a]!);
  }
  return p;
}

/**
 * The Gauss-Newton step (JᵀJ flat, k x k) with parameters that sit on a bound and would move
 * beyond it held fixed: solve for the free ones, fix any that now point outward from their bound,
 * repeat (at most k times). Null when the free parameters' system is singular.
 */
function boundedStep(jtj: Float64Array, jtr: Float64Array, p: readonly number[], lower: readonly number[], upper: readonly number[]): number[] | null {
  const k = p.length;
  const free: number[] = [];
  for (let i = 0; i < k; i++) free.push(i);
  for (;;) {
    const delta = new Array<number>(k).fill(0);
    if (free.length === 0) return delta;
    const solved = solveSymmetric(
      free.map((i) => free.map((j) => jtj[i * k + j]!)),
      free.map((i) => jtr[i]!),
    );
    if (!solved) return null;
    for (let c = 0; c < free.length; c++) delta[free[c]!] = solved[c]!;
    const stillFree = free.filter((i) => !((p[i]! <= lower[i]! && delta[i]! < 0) || (p[i]! >= upper[i]! && delta[i]! > 0)));
    if (stillFree.length === free.length) return delta;
    free.splice(0, free.length, ...stillFree);
  }
}
