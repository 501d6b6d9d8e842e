import { studentTCdf, studentTQuantile } from './student-t.js';

/**
 * The cutoff of the likelihood-ratio statistic for a parameter that cannot pass a bound, at a value
 * δ standard errors from it: Feldman & Cousins' unified intervals ("A unified approach to the
 * classical statistical analysis of small signals", Phys. Rev. D 57, 1998), for an estimate
 * U = δ + T with T ~ Student t on `df` degrees of freedom, the bound at 0.
 *
 * The statistic compares δ with the best value allowed, max(U, 0): (U − δ)² for U >= 0 and
 * δ² − 2Uδ for U < 0. It is at most c with probability F(√c) − F(−(δ² + c) / (2δ)) when δ < √c
 * (F the t distribution function) and F(√c) − F(−√c) otherwise; the cutoff is the c that makes this
 * `level`. Far from the bound (δ >= qt((1 + level) / 2)) it is the usual qt((1 + level) / 2)²; at
 * the bound, qt(level)², a one-sided cutoff. Intervals so drawn cover the value `level` of the time
 * wherever it lies, where two-sided ones cut at the bound cover (1 + level) / 2 next to it.
 */
export function boundedCutoff(delta: number, df: number, level = 0.95): number {
  const far = studentTQuantile((1 + level) / 2, df);
  if (!(delta > 0)) return studentTQuantile(level, df) ** 2;
  if (delta >= far) return far * far;
  const covered = (c: number) => studentTCdf(Math.sqrt(c), df) - studentTCdf(-(delta * delta + c) / (2 * delta), df);
  // covered(c) grows with c; the cutoff lies between the one-sided and the two-sided t².
  let lo = studentTQuantile(level, df) ** 2;
  let hi = far * far;
  for (let i = 0; i < 50 && hi - lo > 1e-9 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (covered(mid) < level) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
