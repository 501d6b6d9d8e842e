/**
 * Inverse of a small symmetric positive-definite matrix (JᵀJ, k <= 3) by Gauss-Jordan elimination
 * with partial pivoting; null when it is singular to working precision.
 */
export function invert(matrix: readonly (readonly number[])[]): number[][] | null {
  const k = matrix.length;
  // [matrix | I], built with plain loops: the plateau bootstrap solves tens of thousands of these.
  const a: number[][] = [];
  let scale = Number.MIN_VALUE;
  for (let i = 0; i < k; i++) {
    const row = new Array<number>(2 * k).fill(0);
    for (let j = 0; j < k; j++) row[j] = matrix[i]![j]!;
    row[k + i] = 1;
    a.push(row);
    scale = Math.max(scale, Math.abs(matrix[i]![i]!));
  }
  for (let col = 0; col < k; col++) {
    let pivot = col;
    for (let r = col + 1; r < k; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) <= 1e-14 * scale) return null;
    const rowCol = a[pivot]!;
    a[pivot] = a[col]!;
    a[col] = rowCol;
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
 * Solves M v = b for a small symmetric positive-semidefinite M (JᵀJ) by `invert` after scaling M to
 * a unit diagonal (D M D with D = diag(M)^-1/2, Jacobi preconditioning): the columns of a USL
 * Jacobian differ by many orders of magnitude (∂/∂kappa carries N²(N − 1)), which without the scaling
 * would pass for singularity. Null when M is singular, or has a zero on its diagonal.
 */
export function solveSymmetric(matrix: readonly (readonly number[])[], rhs: readonly number[]): number[] | null {
  const d = matrix.map((row, i) => 1 / Math.sqrt(row[i]!));
  if (!d.every(Number.isFinite)) return null;
  const inverse = invert(matrix.map((row, i) => row.map((v, j) => d[i]! * v * d[j]!)));
  if (!inverse) return null;
  return inverse.map((row, i) => d[i]! * row.reduce((s, v, j) => s + v * d[j]! * rhs[j]!, 0));
}
