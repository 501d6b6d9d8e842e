/**
 * Levenberg-Marquardt for the tiny problems of this package (at most 3 parameters, tens of
 * points): the algorithm of ml-levenberg-marquardt 5.1 (its `levenbergMarquardt` and `step`,
 * unit weights, analytical Jacobian) step for step and in the same floating-point order, on plain
 * arrays instead of ml-matrix objects. The library allocates several matrices per iteration,
 * which made the 1,000,000-row analysis spend over a second in 400,000 iterations of 3 x 3
 * problems; here an iteration costs a few hundred nanoseconds. A test checks that both give the
 * same parameters and error, bit for bit.
 *
 * The library runs every iteration unless the error reaches the tolerance, which noisy data never
 * do. Once a step leaves every parameter as it was and the damping at its maximum, though, each
 * further iteration repeats that one exactly (same parameters, same error, same damping): this
 * port stops there, with the result and iteration count the library would report.
 */

/** The model and its bounds, as the library takes them. */
export interface LmProblem {
  readonly x: readonly number[];
  readonly y: readonly number[];
  value(p: readonly number[], x: number): number;
  /** Writes ∂value/∂p at x into `out`. */
  gradient(p: readonly number[], x: number, out: Float64Array): void;
  readonly lower: readonly number[];
  readonly upper: readonly number[];
}

/** The library's options that this package sets; the others keep the library's defaults. */
export interface LmOptions {
  readonly initialValues: readonly number[];
  readonly maxIterations: number;
  readonly errorTolerance: number;
  readonly damping: number;
}

/** As the library returns it: the best parameters met and their sum of squared residuals. */
export interface LmResult {
  readonly parameterValues: number[];
  readonly parameterError: number;
  readonly iterations: number;
}

// ml-levenberg-marquardt's defaults (check_options.js).
const DAMPING_STEP_UP = 11;
const DAMPING_STEP_DOWN = 9;
const IMPROVEMENT_THRESHOLD = 1e-3;

/** The sum of squared residuals at `p`, keeping the residuals for the next step's Jacobian pass. */
function sumOfSquares(problem: LmProblem, p: readonly number[], residuals: Float64Array): number {
  let error = 0;
  for (let i = 0; i < problem.x.length; i++) {
    const r = problem.y[i]! - problem.value(p, problem.x[i]!);
    residuals[i] = r;
    error += r ** 2;
  }
  return error;
}

/**
 * Minimises the sum of squared residuals from `initialValues`, clamping the parameters to their
 * bounds after every step. Stops after `maxIterations`, once the error is at most
 * `errorTolerance`, or when the error is NaN; where the library would throw on a singular
 * system, it stops too and returns the best parameters so far.
 */
export function levenbergMarquardt(problem: LmProblem, options: LmOptions): LmResult {
  const { x, lower, upper } = problem;
  const { maxIterations, errorTolerance } = options;
  const k = options.initialValues.length;
  const n = x.length;
  const parameters = Array.from(options.initialValues);
  let damping = options.damping;
  // The residuals at the current parameters: the library evaluates them twice per iteration.
  const residuals = new Float64Array(n);
  let error = sumOfSquares(problem, parameters, residuals);
  let optimalError = error;
  let optimalParameters = parameters.slice();
  let converged = error <= errorTolerance;
  // G: the residuals' Jacobian, k x n, one column per point; H = G Gᵀ + damping I; g = G r.
  const hessian = new Float64Array(k * k);
  const rhs = new Float64Array(k);
  const perturbation = new Float64Array(k);
  const cholesky = new Float64Array(k * k);
  const partials = new Float64Array(k);
  let iteration = 0;
  for (; iteration < maxIterations && !converged; iteration++) {
    const previousError = error;
    // One pass over the points accumulates every entry of G Gᵀ (ml-matrix's mmulByTranspose
    // computes the lower triangle and mirrors it) and of G r, each summed in point order as the
    // library's matrix products sum them: the same floating-point operations, without storing G.
    hessian.fill(0);
    rhs.fill(0);
    for (let point = 0; point < n; point++) {
      const residual = residuals[point]!;
      problem.gradient(parameters, x[point]!, partials);
      for (let i = 0; i < k; i++) {
        const gi = -partials[i]!;
        for (let j = 0; j <= i; j++) hessian[i * k + j] = hessian[i * k + j]! + gi * -partials[j]!;
        rhs[i] = rhs[i]! + gi * residual;
      }
    }
    for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) hessian[j * k + i] = hessian[i * k + j]!;
    for (let i = 0; i < k; i++) hessian[i * k + i] = hessian[i * k + i]! + damping;
    if (!solveCholesky(hessian, rhs, perturbation, cholesky, k) && !solveByInverse(hessian, rhs, perturbation, k)) break;

    let moved = false;
    for (let i = 0; i < k; i++) {
      const next = Math.min(Math.max(lower[i]!, parameters[i]! - perturbation[i]!), upper[i]!);
      moved ||= !Object.is(next, parameters[i]);
      parameters[i] = next;
    }
    const previousDamping = damping;
    error = sumOfSquares(problem, parameters, residuals);
    if (Number.isNaN(error)) break;
    if (error < optimalError - errorTolerance) {
      optimalError = error;
      optimalParameters = parameters.slice();
    }
    let predicted = 0;
    for (let i = 0; i < k; i++) predicted += perturbation[i]! * (perturbation[i]! * damping + rhs[i]!);
    const improvementMetric = (previousError - error) / predicted;
    damping = improvementMetric > IMPROVEMENT_THRESHOLD ? Math.max(damping / DAMPING_STEP_DOWN, 1e-7) : Math.min(damping * DAMPING_STEP_UP, 1e7);
    converged = error <= errorTolerance;
    // A fixed point: the remaining iterations would all repeat this one (see above).
    if (!moved && damping === previousDamping && !converged) return { parameterValues: optimalParameters, parameterError: optimalError, iterations: maxIterations };
  }
  return { parameterValues: optimalParameters, parameterError: optimalError, iterations: iteration };
}

/**
 * Solves a x = b for symmetric `a` (k x k, row-major) by Cholesky, as ml-matrix's
 * CholeskyDecomposition does, with `l` as room for the factor (its upper triangle is never read);
 * false, with `out` untouched, when `a` is not positive-definite.
 */
function solveCholesky(a: Float64Array, b: Float64Array, out: Float64Array, l: Float64Array, k: number): boolean {
  let positiveDefinite = true;
  for (let j = 0; j < k; j++) {
    let d = 0;
    for (let c = 0; c < j; c++) {
      let s = 0;
      for (let i = 0; i < c; i++) s += l[c * k + i]! * l[j * k + i]!;
      s = (a[j * k + c]! - s) / l[c * k + c]!;
      l[j * k + c] = s;
      d = d + s * s;
    }
    d = a[j * k + j]! - d;
    positiveDefinite &&= d > 0;
    l[j * k + j] = Math.sqrt(Math.max(d, 0));
  }
  if (!positiveDefinite) return false;
  for (let c = 0; c < k; c++) out[c] = b[c]!;
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < c; i++) out[c] = out[c]! - out[i]! * l[c * k + i]!;
    out[c] = out[c]! / l[c * k + c]!;
  }
  for (let c = k - 1; c >= 0; c--) {
    for (let i = c + 1; i < k; i++) out[c] = out[c]! - out[i]! * l[i * k + c]!;
    out[c] = out[c]! / l[c * k + c]!;
  }
  return true;
}

/**
 * out = a⁻¹ b, with a⁻¹ from ml-matrix's LU decomposition with partial pivoting (its `inverse`),
 * the library's fallback when Cholesky fails; false when `a` is singular.
 */
function solveByInverse(a: Float64Array, b: Float64Array, out: Float64Array, k: number): boolean {
  const lu = Float64Array.from(a);
  const pivot = Array.from({ length: k }, (_, i) => i);
  const column = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < k; i++) column[i] = lu[i * k + j]!;
    for (let i = 0; i < k; i++) {
      const kmax = Math.min(i, j);
      let s = 0;
      for (let t = 0; t < kmax; t++) s += lu[i * k + t]! * column[t]!;
      column[i] = column[i]! - s;
      lu[i * k + j] = column[i]!;
    }
    let p = j;
    for (let i = j + 1; i < k; i++) if (Math.abs(column[i]!) > Math.abs(column[p]!)) p = i;
    if (p !== j) {
      for (let t = 0; t < k; t++) {
        const swap = lu[p * k + t]!;
        lu[p * k + t] = lu[j * k + t]!;
        lu[j * k + t] = swap;
      }
      [pivot[p], pivot[j]] = [pivot[j]!, pivot[p]!];
    }
    if (lu[j * k + j] !== 0) for (let i = j + 1; i < k; i++) lu[i * k + j] = lu[i * k + j]! / lu[j * k + j]!;
  }
  for (let j = 0; j < k; j++) if (lu[j * k + j] === 0) return false;
  // The inverse: LU x = the identity's rows in pivot order, column by column.
  const inverse = new Float64Array(k * k);
  for (let i = 0; i < k; i++) inverse[i * k + pivot[i]!] = 1;
  for (let c = 0; c < k; c++) for (let i = c + 1; i < k; i++) for (let j = 0; j < k; j++) inverse[i * k + j] = inverse[i * k + j]! - inverse[c * k + j]! * lu[i * k + c]!;
  for (let c = k - 1; c >= 0; c--) {
    for (let j = 0; j < k; j++) inverse[c * k + j] = inverse[c * k + j]! / lu[c * k + c]!;
    for (let i = 0; i < c; i++) for (let j = 0; j < k; j++) inverse[i * k + j] = inverse[i * k + j]! - inverse[c * k + j]! * lu[i * k + c]!;
  }
  for (let i = 0; i < k; i++) {
    let s = 0;
    for (let t = 0; t < k; t++) s += inverse[i * k + t]! * b[t]!;
    out[i] = s;
  }
  return true;
}
