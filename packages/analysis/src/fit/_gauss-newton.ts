import type { ModelSpec } from './_least-squares.js';
import { solveSymmetricInPlace } from './_linear-algebra.js';

/**
 * `steps` Gauss-Newton steps of the bounded least-squares problem of `spec` from `start`: each
 * solves (JᵀJ) δ = Jᵀr, with J the model's analytical gradient and r the residuals at the current
 * parameters, and moves to p + δ clamped to the bounds. A parameter on a bound that the step would
 * push beyond it is held there and the step solved for the others (the projected Gauss-Newton
 * step, Kelley, Iterative Methods for Optimization, SIAM 1999, ch. 5). Stops early, where it is, when
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
  // Tens of thousands of replicates per analysis: every step works in these few flat arrays.
  const system = newSystem(k);
  const { delta } = system;
  for (let step = 0; step < steps; step++) {
    normalEquations(spec, x, y, p, system);
    if (!boundedStep(system, p, spec.lower, spec.upper)) break;
    for (let a = 0; a < k; a++) p[a] = Math.min(Math.max(p[a]! + delta[a]!, spec.lower[a]!), spec.upper[a]!);
  }
  return p;
}

/** The residual sum of squares of `spec` at `p`. */
export function residualSumOfSquares<P extends string>(spec: ModelSpec<P>, x: readonly number[], y: readonly number[], p: readonly number[]): number {
  let rss = 0;
  for (let i = 0; i < x.length; i++) rss += (y[i]! - spec.value(p, x[i]!)) ** 2;
  return rss;
}

/** A least-squares minimum: the parameters and their residual sum of squares. */
export interface Minimum {
  readonly p: number[];
  readonly rss: number;
}

/**
 * The bounded least-squares minimum of `spec` near `start`: projected Gauss-Newton steps (as
 * `gaussNewtonSteps`), each shortened by halving until the residual sum of squares falls
 * (Armijo backtracking; Nocedal & Wright, Numerical Optimization, 2nd ed., 2006, §3.1), until
 * a step lowers it by less than `tolerance` of itself. Unlike `gaussNewtonSteps` it never moves
 * uphill, so it serves where a profile likelihood needs the minimum itself, from a nearby start.
 */
export function gaussNewtonMinimize<P extends string>(spec: ModelSpec<P>, x: readonly number[], y: readonly number[], start: readonly number[], tolerance = 1e-12, maxSteps = 100): Minimum {
  const k = start.length;
  const p = start.map((v, a) => Math.min(Math.max(v, spec.lower[a]!), spec.upper[a]!));
  const system = newSystem(k);
  const candidate = new Array<number>(k);
  let rss = residualSumOfSquares(spec, x, y, p);
  for (let step = 0; step < maxSteps && rss > 0; step++) {
    normalEquations(spec, x, y, p, system);
    if (!boundedStep(system, p, spec.lower, spec.upper)) break;
    let accepted = false;
    for (let length = 1; length > 1e-6 && !accepted; length /= 2) {
      for (let a = 0; a < k; a++) candidate[a] = Math.min(Math.max(p[a]! + length * system.delta[a]!, spec.lower[a]!), spec.upper[a]!);
      const next = residualSumOfSquares(spec, x, y, candidate);
      if (next < rss) {
        accepted = true;
        const gained = rss - next;
        for (let a = 0; a < k; a++) p[a] = candidate[a]!;
        rss = next;
        if (gained <= tolerance * (rss + gained)) return { p, rss };
      }
    }
    if (!accepted) break;
  }
  return { p, rss };
}

function newSystem(k: number): StepSystem {
  return { jtj: new Float64Array(k * k), jtr: new Float64Array(k), block: new Float64Array(k * k), delta: new Float64Array(k), free: new Array<boolean>(k) };
}

/** Fills `system.jtj` (lower triangle) and `system.jtr` at `p`. */
function normalEquations<P extends string>(spec: ModelSpec<P>, x: readonly number[], y: readonly number[], p: readonly number[], system: StepSystem): void {
  const { jtj, jtr } = system;
  const k = p.length;
  jtj.fill(0);
  jtr.fill(0);
  for (let i = 0; i < x.length; i++) {
    const g = spec.gradient(p, x[i]!);
    const r = y[i]! - spec.value(p, x[i]!);
    for (let a = 0; a < k; a++) {
      jtr[a] = jtr[a]! + g[a]! * r;
      for (let b = 0; b <= a; b++) jtj[a * k + b] = jtj[a * k + b]! + g[a]! * g[b]!;
    }
  }
}

/** JᵀJ (lower triangle, flat k x k) and Jᵀr at the current parameters, and room for the step. */
interface StepSystem {
  readonly jtj: Float64Array;
  readonly jtr: Float64Array;
  readonly block: Float64Array;
  readonly delta: Float64Array;
  readonly free: boolean[];
}

/**
 * The Gauss-Newton step into `system.delta`, with parameters that sit on a bound and would move
 * beyond it held fixed: solve for the free ones, hold any that now point outward from their bound,
 * repeat (at most k times). False when the free parameters' system is singular.
 */
function boundedStep(system: StepSystem, p: readonly number[], lower: readonly number[], upper: readonly number[]): boolean {
  const { jtj, jtr, block, delta, free } = system;
  const k = p.length;
  free.fill(true);
  for (;;) {
    // The free parameters' rows and columns of JᵀJ and Jᵀr, packed into an m x m system.
    let m = 0;
    for (let i = 0; i < k; i++) if (free[i]) m++;
    let row = 0;
    for (let i = 0; i < k; i++) {
      if (!free[i]) continue;
      let column = 0;
      for (let j = 0; j <= i; j++) if (free[j]) block[row * m + column++] = jtj[i * k + j]!;
      delta[row++] = jtr[i]!;
    }
    if (m > 0 && !solveSymmetricInPlace(block, delta, m)) return false;
    // Unpack the solution from the back: each value moves up to its parameter's place, never over one unread.
    for (let i = k - 1; i >= 0; i--) delta[i] = free[i] ? delta[--row]! : 0;
    let held = false;
    for (let i = 0; i < k; i++) {
      if (free[i] && ((p[i]! <= lower[i]! && delta[i]! < 0) || (p[i]! >= upper[i]! && delta[i]! > 0))) {
        free[i] = false;
        held = true;
      }
    }
    if (!held) return true;
  }
}
