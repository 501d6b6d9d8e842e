import { formatCsvLine } from '@poolscope/core';
import type { CalibratedInterval } from '../fit/calibrated-interval.js';
import { MODEL_NAMES, modelEntry, type ModelFit } from '../fit/models.js';
import type { AnalysisSummary } from '../timings/summary.js';

/** Columns of speedup.csv, in order (documented in the package README). */
export const SPEEDUP_COLUMNS = [
  'target', 'task_type', 'num_tasks', 'threads', 'repeats',
  'time_median_s', 'time_q1_s', 'time_q3_s', 'time_iqr_s', 'time_cv',
  'speedup', 'speedup_lo', 'speedup_hi', 'efficiency', 'efficiency_lo', 'efficiency_hi',
  'throughput_per_s', 'cpu_utilisation', 'cpu_cores_busy',
] as const;

/**
 * Columns of fits.csv, in order: one row per (group, model, parameter); an unfitted model has one
 * row with an empty param. The calibrated intervals come last, so the older columns keep their places.
 */
export const FITS_COLUMNS = [
  'target', 'task_type', 'num_tasks', 'model', 'status', 'param', 'estimate', 'stderr', 'ci95_lo', 'ci95_hi',
  'n', 'df', 'rse', 'aic', 'preferred', 'peak_threads', 'plateau_threads',
  'interval_lo', 'interval_hi', 'interval_method', 'interval_note', 'peak_lo', 'peak_hi', 'peak_note',
  'plateau_crossing', 'plateau_lo', 'plateau_hi', 'plateau_note',
] as const;

/** A number as CSV text: up to 10 significant digits, empty for null. */
const num = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '' : String(Number(v.toPrecision(10))));

/**
 * A calibrated interval as the cells lo, hi, method, note: hi 'inf' when it has no upper end; when
 * there is no interval, empty ends and its reason as the note. All empty where there is none to give.
 */
function intervalCells(interval: CalibratedInterval | undefined): [string, string, string, string] {
  if (!interval) return ['', '', '', ''];
  if (interval.status !== 'ok') return ['', '', interval.method, interval.reason];
  const [lo, hi] = interval.ci95;
  return [num(lo), hi === null ? 'inf' : num(hi), interval.method, ''];
}

/** speedup.csv: one row per (target, task_type, num_tasks, threads). */
export function speedupCsv(summary: AnalysisSummary): string {
  const lines = [formatCsvLine([...SPEEDUP_COLUMNS])];
  for (const g of summary.groups) {
    for (const p of g.points) {
      lines.push(
        formatCsvLine([
          g.key.target, g.key.task_type, String(g.key.num_tasks), String(p.x), String(p.repeats),
          num(p.median), num(p.q1), num(p.q3), num(p.iqr), num(p.cv),
          num(p.speedup), num(p.speedup_ci95[0]), num(p.speedup_ci95[1]), num(p.efficiency), num(p.efficiency_ci95[0]), num(p.efficiency_ci95[1]),
          num(p.throughput), num(p.cpu_utilisation), num(p.cpu_cores_busy),
        ]),
      );
    }
  }
  return lines.join('');
}

/** fits.csv: the parameters of every model of every group, long format, in registry order. */
export function fitsCsv(summary: AnalysisSummary): string {
  const lines = [formatCsvLine([...FITS_COLUMNS])];
  for (const g of summary.groups) {
    const plateau = g.plateau.status === 'found' ? String(g.plateau.threshold) : '';
    const head = [g.key.target, g.key.task_type, String(g.key.num_tasks)];
    const crossing = g.plateau.status === 'found' ? num(g.plateau.crossing) : '';
    const [plateauLo, plateauHi, , plateauNote] = intervalCells(g.plateau.status === 'insufficient' ? undefined : g.plateau.interval);
    const plateauCells = [crossing, plateauLo, plateauHi, plateauNote];
    for (const name of MODEL_NAMES) {
      const model = modelEntry(name);
      const fit: ModelFit = g.fits[name];
      const preferred = String(g.fits.preferred === name);
      if (fit.status !== 'ok') {
        lines.push(formatCsvLine([...head, name, 'insufficient', '', '', '', '', '', String(fit.got), '', '', '', preferred, '', plateau, ...intervalCells(undefined), '', '', '', ...plateauCells]));
        continue;
      }
      const peak = num(model.peak?.(fit.params)?.x);
      // A model that places a peak gives its interval too (fit/fit-result.ts, `intervals`); others leave the cells empty.
      const [peakLo, peakHi, , peakNote] = intervalCells(fit.intervals.peak);
      for (const param of model.params) {
        const ci = fit.ci95[param] ?? null;
        lines.push(
          formatCsvLine([
            ...head, name, 'ok', param, num(fit.params[param]), num(fit.stderr[param]), num(ci?.[0]), num(ci?.[1]),
            String(fit.n), String(fit.df), num(fit.rse), num(fit.aic), preferred, peak, plateau,
            ...intervalCells(fit.intervals[param]), peakLo, peakHi, peakNote, ...plateauCells,
          ]),
        );
      }
    }
  }
  return lines.join('');
}
