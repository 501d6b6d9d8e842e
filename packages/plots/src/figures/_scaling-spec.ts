import type { TopLevelSpec } from 'vega-lite';
import type { TaskType } from '@poolscope/core';
import type { ScalingData } from '../types.js';
import { plotsMessages } from '../messages.js';
import { shortNumber, tasksLabel, taskTypeLabel } from '../style/labels.js';
import { targetPalette, type TargetPalette } from '../style/palette.js';
import { PANEL_HEIGHT, REFERENCE_GREY, THEME, panelWidth } from '../style/theme.js';
import { curveSamples, distinctAscending, threadAxis } from '../style/thread-axis.js';
import { VEGA_LITE_SCHEMA } from './_schema.js';
import { layersIf, type Field, type FilterTransform, type Layer, type MarkPropFieldDef, type PositionFieldDef, type StringFieldDef, type TopLevelFacetSpec } from './_vega-lite.js';

/** The kinds of line a speedup panel draws; also the entries of its line legend. */
export const SCALING_LINES = {
  measured: 'measured median (bars: 95% CI)',
  fit: 'USL fit',
  ideal: 'ideal S = N',
  plateau: 'plateau threshold (bar: 95% CI, ▸ past the axis)',
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
  /** A plateau CI as drawn: its bounds clamped to the thread axis (null: no CI to draw). */
  ci_lo: number | null;
  ci_hi: number | null;
  /** Whether the true bound lies past that end of the axis (an open upper bound does too). */
  lo_clipped: boolean;
  hi_clipped: boolean;
  /** The true CI, as its tooltip says it ("3 to 21", "174 to open"). */
  ci: string | null;
}

/** Nothing of a plateau CI, for the rows that are not plateau marks. */
const NO_CI = { ci_lo: null, ci_hi: null, lo_clipped: false, hi_clipped: false, ci: null } as const;

/**
 * A plateau's CI as a speedup panel draws it: clamped to the axis' domain, so a CI far past the
 * measured thread counts (a bootstrap of a few points can give [3, 21] on an axis of 1..4) neither
 * runs out of its panel nor widens the figure; each clipped end is flagged so it can be drawn as
 * one, and the true bounds are kept for the tooltip. An open upper bound (null: some resamples never
 * plateaued) is clipped at the axis' end.
 */
export function drawnPlateauCi(lo: number | null, hi: number | null, domain: readonly [number, number]): Pick<Row, 'ci_lo' | 'ci_hi' | 'lo_clipped' | 'hi_clipped' | 'ci'> {
  if (lo === null) return NO_CI;
  const [min, max] = domain;
  const clamp = (v: number) => Math.min(max, Math.max(min, v));
  return {
    ci_lo: clamp(lo),
    ci_hi: hi === null ? max : clamp(hi),
    lo_clipped: lo < min,
    hi_clipped: hi === null || hi > max,
    ci: plotsMessages.plateauCi(shortNumber(lo), hi === null ? null : shortNumber(hi)),
  };
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

/**
 * Rounds up to the next tick of an axis from 0 with about five ticks, so the axis ends on a labelled
 * tick (Vega does not "nice" a domain whose maximum is given). The tick step is d3-array's
 * `tickIncrement` (1, 2 or 5 times a power of ten; thresholds sqrt(50), sqrt(10), sqrt(2)).
 */
export function roundUpToTick(value: number, ticks = 5): number {
  const raw = value / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  const step = power * (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1);
  return Number((Math.ceil(value / step) * step).toPrecision(12));
}

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
    rows.push({ line: SCALING_LINES.measured, column: tasksLabel(p.num_tasks), row: rowOf(p.task_type), target: p.target, threads: p.num_threads, speedup: p.speedup, lo: p.speedup_lo, hi: p.speedup_hi, top: null, ...NO_CI });
  }
  for (const c of curves) {
    rows.push({ line: SCALING_LINES.fit, column: tasksLabel(c.num_tasks), row: rowOf(c.task_type), target: c.target, threads: c.num_threads, speedup: c.speedup, lo: null, hi: null, top: null, ...NO_CI });
  }
  // The ideal line in every panel, sampled densely: on a log2 axis S = N is a curve.
  const allThreads = points.map((p) => p.num_threads);
  const axis = threadAxis(allThreads, THREADS_TITLE);
  const domain = [axis.values[0] ?? 1, axis.values[axis.values.length - 1] ?? 1] as const;
  for (const m of plateaus) {
    // A threshold off the axis has nowhere to be drawn (the analysis marks only those within the measured range).
    if (m.num_threads < domain[0] || m.num_threads > domain[1]) continue;
    const top = PLATEAU_MARK_TOP + PLATEAU_MARK_STEP * Math.max(0, palette.targets.indexOf(m.target));
    rows.push({ line: SCALING_LINES.plateau, column: tasksLabel(m.num_tasks), row: rowOf(m.task_type), target: m.target, threads: m.num_threads, speedup: null, lo: m.lo, hi: m.hi, top, ...drawnPlateauCi(m.lo, m.hi, domain) });
  }
  for (const taskType of taskTypes) {
    for (const n of taskCounts) {
      const threads = points.filter((p) => p.task_type === taskType && p.num_tasks === n).map((p) => p.num_threads);
      if (threads.length === 0) continue;
      for (const t of curveSamples(threads)) {
        rows.push({ line: SCALING_LINES.ideal, column: tasksLabel(n), row: rowOf(taskType), target: null, threads: t, speedup: t, lo: null, hi: null, top: null, ...NO_CI });
      }
    }
  }

  const x: PositionFieldDef<Field> = { field: 'threads', type: 'quantitative', scale: axis.scale, axis: axis.axis };
  // Headroom over the highest value for the plateau marks' strip, so the marks never cover data.
  const marksBottom = Math.max(0, ...rows.map((r) => (r.top === null ? 0 : r.top + PLATEAU_MARK_STEP / 2)));
  const highest = Math.max(0, ...rows.map((r) => Math.max(r.speedup ?? 0, r.line === SCALING_LINES.measured ? (r.hi ?? 0) : 0)));
  const headroom = marksBottom > 0 && highest > 0 ? { domainMax: roundUpToTick(highest / (1 - marksBottom / PANEL_HEIGHT)) } : {};
  const y: PositionFieldDef<Field> = { field: 'speedup', type: 'quantitative', title: SPEEDUP_TITLE, scale: { zero: true, ...headroom } };
  const color: MarkPropFieldDef<Field> = { field: 'target', type: 'nominal', title: 'target', scale: { domain: [...palette.targets], range: [...palette.colors] }, legend: { values: present, orient: 'right' } };
  const shape: MarkPropFieldDef<Field> = { field: 'target', type: 'nominal', title: 'target', scale: { domain: [...palette.targets], range: [...palette.shapes] }, legend: { values: present } };
  // Layers with nothing to draw are left out (an empty layer makes Vega warn of an infinite extent),
  // and so are their legend entries.
  const has = (line: string, withInterval = false) => rows.some((r) => r.line === line && (!withInterval || (r.lo !== null && r.hi !== null)));
  const lineLegend: MarkPropFieldDef<Field>['legend'] = { title: 'lines', symbolType: 'stroke', symbolSize: 300, orient: 'right', values: LINE_DOMAIN.filter((line) => has(line)) };
  // Dash, opacity and width all encode the kind of line, so its legend shows how each is drawn.
  const byLine = (range: (number | number[])[]): MarkPropFieldDef<Field> => ({ field: 'line', type: 'ordinal', sort: LINE_DOMAIN, title: 'lines', scale: { domain: LINE_DOMAIN, range }, legend: lineLegend });
  const strokeDash = byLine(LINE_DASHES);
  const opacity = byLine(LINE_OPACITY);
  const strokeWidth = byLine(LINE_WIDTHS);
  // Plateau marks sit at fixed pixels from the panel's top; their tooltip gives the true CI.
  const markTop: PositionFieldDef<Field> = { field: 'top', type: 'quantitative', scale: null };
  const tooltip: StringFieldDef<Field>[] = [{ field: 'target', type: 'nominal' }, { field: 'threads', type: 'quantitative', title: 'plateau threshold' }, { field: 'ci', type: 'nominal', title: '95% CI (threads)' }];
  const only = (line: string): FilterTransform => ({ filter: { field: 'line', equal: line } });

  const columns = taskCounts.length;
  const facet = {
    column: { field: 'column', type: 'nominal', sort: taskCounts.map(tasksLabel), header: { title: null } },
    ...(rowsByTaskType && { row: { field: 'row', type: 'nominal', sort: taskTypes.map(taskTypeLabel), header: { title: null, labelAngle: 0, labelAlign: 'left' } } }),
  } satisfies TopLevelFacetSpec['facet'];

  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: options.title, subtitle: options.subtitle },
    data: { values: rows },
    facet,
    spec: {
      width: panelWidth(columns),
      height: PANEL_HEIGHT,
      layer: [
        ...layersIf(has(SCALING_LINES.plateau), [
          {
            transform: [only(SCALING_LINES.plateau)],
            mark: { type: 'rule' },
            encoding: { x, color, strokeDash, opacity, strokeWidth },
          },
          {
            transform: [only(SCALING_LINES.plateau)],
            mark: { type: 'point', shape: 'triangle-down', filled: true, size: 40, opacity: 1 },
            encoding: { x, y: markTop, color, tooltip },
          },
        ]),
        ...layersIf(rows.some((r) => r.ci_lo !== null), [
          {
            transform: [only(SCALING_LINES.plateau), { filter: { field: 'ci_lo', valid: true } }],
            mark: { type: 'rule', strokeWidth: 1.5 },
            encoding: { x: { ...x, field: 'ci_lo' }, x2: { field: 'ci_hi' }, y: markTop, color, tooltip },
          },
        ]),
        // A CI that runs on past the axis ends in an arrowhead pointing on, just past the axis' end
        // (offset by its half-width so it neither hides the threshold's marker nor leaves a gap).
        ...(['lo', 'hi'] as const)
          .filter((end) => rows.some((r) => r[`${end}_clipped`]))
          .map((end): Layer => ({
            transform: [only(SCALING_LINES.plateau), { filter: { field: `${end}_clipped`, equal: true } }],
            mark: { type: 'point', shape: end === 'hi' ? 'triangle-right' : 'triangle-left', filled: true, size: 45, opacity: 1, xOffset: end === 'hi' ? 4 : -4 },
            encoding: { x: { ...x, field: `ci_${end}` }, y: markTop, color, tooltip },
          })),
        {
          transform: [only(SCALING_LINES.ideal)],
          mark: { type: 'line', color: REFERENCE_GREY },
          encoding: { x, y, strokeDash, opacity, strokeWidth },
        },
        ...layersIf(has(SCALING_LINES.fit), [
          {
            transform: [only(SCALING_LINES.fit)],
            mark: { type: 'line' },
            encoding: { x, y, color, detail: { field: 'target' }, strokeDash, opacity, strokeWidth },
          },
        ]),
        ...layersIf(has(SCALING_LINES.measured, true), [
          {
            transform: [only(SCALING_LINES.measured), { filter: { field: 'lo', valid: true } }, { filter: { field: 'hi', valid: true } }],
            mark: { type: 'rule', strokeWidth: 1.5 },
            encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color },
          },
        ]),
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
  return spec;
}
