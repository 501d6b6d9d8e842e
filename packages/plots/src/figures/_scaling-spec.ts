import type { TopLevelSpec } from 'vega-lite';
import type { TaskType } from '@poolscope/core';
import type { ScalingData } from '../types.js';
import { tasksLabel, taskTypeLabel } from '../style/labels.js';
import { targetPalette, type TargetPalette } from '../style/palette.js';
import { PANEL_HEIGHT, REFERENCE_GREY, THEME, panelWidth } from '../style/theme.js';
import { curveSamples, distinctAscending, threadAxis } from '../style/thread-axis.js';
import { VEGA_LITE_SCHEMA } from './_schema.js';

/** The kinds of line a speedup panel draws; also the entries of its line legend. */
export const SCALING_LINES = {
  measured: 'measured median (bars: 95% CI)',
  fit: 'USL fit',
  ideal: 'ideal S = N',
  plateau: 'plateau threshold',
} as const;
const LINE_DOMAIN = Object.values(SCALING_LINES);
const LINE_DASHES = [[1, 0], [1, 0], [6, 4], [2, 3]];
// The fitted curve is drawn wide and faint, behind the measurements it summarises.
const LINE_OPACITY = [1, 0.35, 1, 0.9];
const LINE_WIDTHS = [1.8, 4, 1.5, 1.2];
// Plateau markers: a triangle over the threshold with its CI as a whisker, near the panel's top.
const PLATEAU_MARK_TOP = 7;
const PLATEAU_MARK_STEP = 8;

/** One row of a speedup figure's data: a point, a curve sample or a mark, in a panel. */
interface Row {
  line: string;
  column: string;
  row: string;
  target: string | null;
  threads: number;
  speedup: number | null;
  lo: number | null;
  hi: number | null;
  /** Pixels from the panel's top of a plateau marker, stacked by target so markers never overlap. */
  top: number | null;
}

export interface ScalingSpecOptions {
  readonly title: string;
  readonly subtitle: string;
  readonly data: ScalingData;
  /** Task types to draw; one row of panels each when `rowsByTaskType`. */
  readonly taskTypes: readonly TaskType[];
  readonly rowsByTaskType: boolean;
  readonly palette: TargetPalette | undefined;
}

const SPEEDUP_TITLE = 'speedup T(1) / T(N) (×)';
const THREADS_TITLE = 'threads N (max_workers)';

/** The speedup-vs-threads figure both `thread-scaling` and `gil-impact` draw. */
export function scalingSpec(options: ScalingSpecOptions): TopLevelSpec {
  const { data, taskTypes, rowsByTaskType } = options;
  const keep = (r: { task_type: TaskType }) => taskTypes.includes(r.task_type);
  const points = data.points.filter(keep);
  const curves = data.curves.filter(keep);
  const plateaus = data.plateaus.filter(keep);
  const palette = options.palette ?? targetPalette(points.map((p) => p.target));
  const present = palette.targets.filter((t) => points.some((p) => p.target === t));

  const taskCounts = distinctAscending(points.map((p) => p.num_tasks));
  const rowOf = (t: TaskType) => (rowsByTaskType ? taskTypeLabel(t) : '');
  const rows: Row[] = [];
  for (const p of points) {
    rows.push({ line: SCALING_LINES.measured, column: tasksLabel(p.num_tasks), row: rowOf(p.task_type), target: p.target, threads: p.num_threads, speedup: p.speedup, lo: p.speedup_lo, hi: p.speedup_hi, top: null });
  }
  for (const c of curves) {
    rows.push({ line: SCALING_LINES.fit, column: tasksLabel(c.num_tasks), row: rowOf(c.task_type), target: c.target, threads: c.num_threads, speedup: c.speedup, lo: null, hi: null, top: null });
  }
  for (const m of plateaus) {
    rows.push({ line: SCALING_LINES.plateau, column: tasksLabel(m.num_tasks), row: rowOf(m.task_type), target: m.target, threads: m.num_threads, speedup: null, lo: m.lo, hi: m.hi, top: PLATEAU_MARK_TOP + PLATEAU_MARK_STEP * Math.max(0, palette.targets.indexOf(m.target)) });
  }
  // The ideal line in every panel, sampled densely: on a log2 axis S = N is a curve.
  const allThreads = points.map((p) => p.num_threads);
  for (const taskType of taskTypes) {
    for (const n of taskCounts) {
      const threads = points.filter((p) => p.task_type === taskType && p.num_tasks === n).map((p) => p.num_threads);
      if (threads.length === 0) continue;
      for (const t of curveSamples(threads)) {
        rows.push({ line: SCALING_LINES.ideal, column: tasksLabel(n), row: rowOf(taskType), target: null, threads: t, speedup: t, lo: null, hi: null, top: null });
      }
    }
  }

  const axis = threadAxis(allThreads, THREADS_TITLE);
  const x = { field: 'threads', type: 'quantitative', scale: axis.scale, axis: axis.axis };
  const y = { field: 'speedup', type: 'quantitative', title: SPEEDUP_TITLE, scale: { zero: true } };
  const color = { field: 'target', type: 'nominal', title: 'target', scale: { domain: palette.targets, range: palette.colors }, legend: { values: present, orient: 'right' } };
  const shape = { field: 'target', type: 'nominal', title: 'target', scale: { domain: palette.targets, range: palette.shapes }, legend: { values: present } };
  // Layers with nothing to draw are left out (an empty layer makes Vega warn of an infinite extent),
  // and so are their legend entries.
  const has = (line: string, withInterval = false) => rows.some((r) => r.line === line && (!withInterval || (r.lo !== null && r.hi !== null)));
  const lineLegend = { title: 'lines', symbolType: 'stroke', symbolSize: 300, orient: 'right', values: LINE_DOMAIN.filter((line) => has(line)) };
  // Dash, opacity and width all encode the kind of line, so its legend shows how each is drawn.
  const byLine = (range: readonly unknown[]) => ({ field: 'line', type: 'ordinal', sort: LINE_DOMAIN, title: 'lines', scale: { domain: LINE_DOMAIN, range }, legend: lineLegend });
  const strokeDash = byLine(LINE_DASHES);
  const opacity = byLine(LINE_OPACITY);
  const strokeWidth = byLine(LINE_WIDTHS);
  const only = (line: string) => ({ filter: { field: 'line', equal: line } });

  const columns = taskCounts.length;
  const facet: Record<string, unknown> = {
    column: { field: 'column', type: 'nominal', sort: taskCounts.map(tasksLabel), header: { title: null } },
  };
  if (rowsByTaskType) {
    facet.row = { field: 'row', type: 'nominal', sort: taskTypes.map(taskTypeLabel), header: { title: null, labelAngle: 0, labelAlign: 'left' } };
  }

  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: options.title, subtitle: options.subtitle },
    data: { values: rows },
    facet,
    spec: {
      width: panelWidth(columns),
      height: PANEL_HEIGHT,
      layer: [
        ...(has(SCALING_LINES.plateau)
          ? [
              {
                transform: [only(SCALING_LINES.plateau)],
                mark: { type: 'rule' },
                encoding: { x, color, strokeDash, opacity, strokeWidth },
              },
              {
                transform: [only(SCALING_LINES.plateau)],
                mark: { type: 'point', shape: 'triangle-down', filled: true, size: 40, opacity: 1 },
                encoding: { x, y: { field: 'top', type: 'quantitative', scale: null }, color },
              },
            ]
          : []),
        ...(has(SCALING_LINES.plateau, true)
          ? [
              {
                transform: [only(SCALING_LINES.plateau), { filter: { field: 'lo', valid: true } }, { filter: { field: 'hi', valid: true } }],
                mark: { type: 'rule', strokeWidth: 1.5 },
                encoding: { x: { ...x, field: 'lo' }, x2: { field: 'hi' }, y: { field: 'top', type: 'quantitative', scale: null }, color },
              },
            ]
          : []),
        {
          transform: [only(SCALING_LINES.ideal)],
          mark: { type: 'line', color: REFERENCE_GREY },
          encoding: { x, y, strokeDash, opacity, strokeWidth },
        },
        ...(has(SCALING_LINES.fit)
          ? [
              {
                transform: [only(SCALING_LINES.fit)],
                mark: { type: 'line' },
                encoding: { x, y, color, detail: { field: 'target' }, strokeDash, opacity, strokeWidth },
              },
            ]
          : []),
        ...(has(SCALING_LINES.measured, true)
          ? [
              {
                transform: [only(SCALING_LINES.measured), { filter: { field: 'lo', valid: true } }, { filter: { field: 'hi', valid: true } }],
                mark: { type: 'rule', strokeWidth: 1.5 },
                encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color },
              },
            ]
          : []),
        {
          transform: [only(SCALING_LINES.measured)],
          mark: { type: 'line' },
          encoding: { x, y, color, detail: { field: 'target' }, strokeDash, opacity, strokeWidth },
        },
        {
          transform: [only(SCALING_LINES.measured)],
          mark: { type: 'point', filled: true, size: 50, opacity: 1 },
          encoding: { x, y, color, shape },
        },
      ],
    },
    resolve: { scale: { y: 'shared' } },
    config: THEME,
  };
  return spec as unknown as TopLevelSpec;
}
