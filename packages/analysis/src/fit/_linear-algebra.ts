/**
 * Inverse of a small symmetric positive-definite matrix (JᵀJ, k <= 3) by Gauss-Jordan elimination
 * with partial pivoting; null when it is singular to working precision.
 */
export function invert(matrix: readonly (readonly number[])[]): number[][] | null {
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
