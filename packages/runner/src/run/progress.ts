/**
 * Estimates the time left from the work done so far, assuming the remaining work goes at the
 * same rate. Work is counted in tasks run (every repetition of a cell runs `num_tasks` tasks), a
 * rough but monotone measure; returns null until some work is done.
 */
export function estimateRemainingMs(elapsedMs: number, doneWork: number, totalWork: number): number | null {
  if (doneWork <= 0 || elapsedMs <= 0) return null;
  return Math.max(0, (elapsedMs * (totalWork - doneWork)) / doneWork);
}
