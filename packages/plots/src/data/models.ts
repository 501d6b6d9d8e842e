/**
 * The two scaling laws, evaluated from fitted parameters (summary.json holds parameters, not
 * functions). Same definitions as @poolscope/analysis.
 */

/** Universal Scalability Law (Gunther, Guerrilla Capacity Planning, 2007, eq. 4.31): gamma N / (1 + sigma (N - 1) + kappa N (N - 1)). */
export function uslValue(n: number, p: { sigma: number; kappa: number; gamma: number }): number {
  return (p.gamma * n) / (1 + p.sigma * (n - 1) + p.kappa * n * (n - 1));
}

/** Amdahl's law (Amdahl 1967) with a scale: gamma N / (1 + s (N - 1)) = gamma / (s + (1 - s) / N). */
export function amdahlValue(n: number, p: { s: number; gamma: number }): number {
  return (p.gamma * n) / (1 + p.s * (n - 1));
}
