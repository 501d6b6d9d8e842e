/**
 * Inverse of a small symmetric positive-definite matrix (JᵀJ, k <= 3): D (D M D)⁻¹ D with
 * D = diag(M)^-1/2, the middle inverse by Gauss-Jordan elimination with partial pivoting; null when
 * M is singular to working precision. Scaling to a unit diagonal (Jacobi preconditioning) first
 * keeps the pivot test from taking a badly scaled M for a singular one: for a USL fit to
 * throughputs near 10⁶/s, JᵀJ's diagonal spans 17 orders of magnitude, and the standard errors
 * came out null.
 */
export function invert(matrix: readonly (readonly number[])[]): number[][] | null {
  const d = matrix.map((row, i) => 1 / Math.sqrt(row[i]!));
  if (!d.every(Number.isFinite)) return null;
  const inverse = gaussJordanInverse(matrix.map((row, i) => row.map((v, j) => d[i]! * v * d[j]!)));
  return inverse && inverse.map((row, i) => row.map((v, j) => d[i]! * v * d[j]!));
}

function gaussJordanInverse(matrix: readonly (readonly number[])[]): number[][] | null {
  const k = matrix.length;
  const a = matrix.map((row, i) => [...row, ...Array.from({ length: k }, (_, j) => (i === j ? 1 : 0))]);
  const scale = Math.max(...matrix.map((row, i) => Math.abs(row[i]!)), Number.MIN_VALUE);
  for (let col = 0; col < k; col++) {
    let pivot = col;
    for (let r = col + 1; r < k; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) <= 1e-14 * scale) return null;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const rowCol = a[col]!;
    const p = rowCol[col]!;
    for (let j = 0; j < 2 * k; j++) rowCol[j] = rowCol[j]! / p;
    for (let r = 0; r < k; r++) {
      if (r === col) continue;
      const row = a[r]!;
      const f = row[col]!;
      if (f !== 0) for (let j = 0; j < 2 * k; j++) row[j] = row[j]! - f * rowCol[j]!;
    }
  }
  return a.map((row) => row.slice(k));
}

/** gᵀ M g. */
export function quadraticForm(m: readonly (readonly number[])[], g: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < g.length; i++) for (let j = 0; j < g.length; j++) sum += g[i]! * m[i]![j]! * g[j]!;
  return sum;
}

/**
 * Solves A v = b in place for a small symmetric positive-definite A (JᵀJ of a few parameters; flat,
 * n x n, row-major, its lower triangle read): v overwrites b, and A's lower triangle its scaled
 * Cholesky factor (Golub & Van Loan, Matrix Computations, 4th ed., 2013, §4.2). A is first
 * scaled to a unit diagonal (D A D with D = diag(A)^-1/2, Jacobi preconditioning): the columns of a
 * USL Jacobian differ by many orders of magnitude (∂/∂kappa carries N²(N − 1)), which unscaled
 * would pass for singularity. False, with a and b spoilt, when A is singular to working precision.
 * Works on the caller's arrays: the plateau bootstrap solves tens of thousands of these.
 */
export function solveSymmetricInPlace(a: Float64Array, b: Float64Array, n: number): boolean {
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    d[i] = 1 / Math.sqrt(a[i * n + i]!);
    if (!Number.isFinite(d[i])) return false;
  }
  for (let j = 0; j < n; j++) {
    let s = 1;
    for (let c = 0; c < j; c++) s -= a[j * n + c]! ** 2;
    if (!(s > 1e-14)) return false;
    const ljj = Math.sqrt(s);
    a[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let t = a[i * n + j]! * d[i]! * d[j]!;
      for (let c = 0; c < j; c++) t -= a[i * n + c]! * a[j * n + c]!;
      a[i * n + j] = t / ljj;
    }
  }
  // L z = D b, then Lᵀ w = z, and v = D w.
  for (let i = 0; i < n; i++) {
    let t = b[i]! * d[i]!;
    for (let c = 0; c < i; c++) t -= a[i * n + c]! * b[c]!;
    b[i] = t / a[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let t = b[i]!;
    for (let c = i + 1; c < n; c++) t -= a[c * n + i]! * b[c]!;
    b[i] = t / a[i * n + i]!;
  }
  for (let i = 0; i < n; i++) b[i] = b[i]! * d[i]!;
  return true;
}
