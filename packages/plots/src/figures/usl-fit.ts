import { MODEL_NAMES, modelEntry, type ModelName } from '@poolscope/analysis';
import type { TopLevelSpec } from 'vega-lite';
import type { FitData, FitGroup } from '../types.js';
import { plotsMessages } from '../messages.js';
import { shortNumber } from '../style/labels.js';
import { PANEL_HEIGHT, THEME, panelWidth } from '../style/theme.js';
import { threadAxis } from '../style/thread-axis.js';
import { VEGA_LITE_SCHEMA } from './_schema.js';
import type { Field, FilterTransform, Layer, MarkPropFieldDef, PositionFieldDef } from './_vega-lite.js';

/**
 * Each model's colour (Okabe-Ito blue and vermillion; the measured points are black) and the
 * dash of its curve; the peak or asymptote it marks is dotted in its colour.
 */
const MODEL_LOOK: { readonly [M in ModelName]: { readonly color: string; readonly dash: number[] } } = {
  usl: { color: '#0072B2', dash: [1, 0] },
  amdahl: { color: '#D55E00', dash: [6, 3] },
};
const MARK_DASH = [2, 3];

/** One kind of line of a fit panel: a model's curve, or a value it marks (a rule across the panel). */
interface Series {
  readonly name: string;
  readonly model: ModelName;
  readonly kind: 'curve' | 'peak' | 'asymptote';
}

/** The models as the panels show them: the most general first (the registry lists the simplest first). */
const SHOWN = [...MODEL_NAMES].reverse();

/** The lines of a fit panel, in legend order: every model's curve, then the values they mark. */
const SERIES: readonly Series[] = [
  ...SHOWN.map((model): Series => ({ name: plotsMessages.fitLine(modelEntry(model).label), model, kind: 'curve' })),
  ...SHOWN.flatMap((model): Series[] => {
    const { label, peak, asymptote } = modelEntry(model);
    return [
      ...(peak ? [{ name: plotsMessages.peakLine(label), model, kind: 'peak' as const }] : []),
      ...(asymptote ? [{ name: plotsMessages.asymptoteLine(label), model, kind: 'asymptote' as const }] : []),
    ];
  }),
];
const LINE_DOMAIN = SERIES.map((s) => s.name);
const LINE_COLORS = SERIES.map((s) => MODEL_LOOK[s.model].color);
const LINE_DASHES = SERIES.map((s) => (s.kind === 'curve' ? MODEL_LOOK[s.model].dash : MARK_DASH));
/** The series' names, by model and kind. */
const seriesName = (model: ModelName, kind: Series['kind']) => SERIES.find((s) => s.model === model && s.kind === kind)!.name;

const MEASURED = 'measured';
const NOTE = 'note';
// Blank space kept above the highest point or curve for the panel's notes, as a share of it.
const HEADROOM = 0.4;

/** Panels side by side before wrapping to a new row. */
const MAX_COLUMNS = 4;

interface Row {
  group: string;
  series: string;
  x: number | null;
  y: number | null;
  /** An annotation line and its position from the top of the panel, in lines. */
  note: string | null;
  line: number | null;
  /** 0 hides a mark that exists only so its layer is not empty in this panel. */
  alpha: number;
  /** Where the peak rule stops: the top of the data, below the notes. */
  y2: number | null;
}

/** The highest point or in-range curve value of a group. */
function dataTop(group: FitGroup, inRange: (x: number) => boolean = () => true): number {
  const ys = [...group.points, ...SHOWN.flatMap((model) => group.fits[model]?.curve ?? [])].filter((p) => inRange(p.x)).map((p) => p.y);
  return Math.max(0, ...ys);
}

/**
 * `usl-fit`: for each analysed group (poolscope's own, or groups of anyone's CSV), the measured
 * points with the fitted USL and Amdahl curves, the USL peak N* and the Amdahl asymptote 1/s.
 * Groups too small to fit say so in their panel.
 */
export function uslFitSpec(data: FitData): TopLevelSpec {
  const axis = threadAxis(
    data.groups.flatMap((g) => g.points.map((p) => p.x)),
    data.xTitle,
  );
  const values = axis.values;
  const xMin = values[0] ?? 0;
  const xMax = values[values.length - 1] ?? 1;
  const inRange = (x: number) => x >= xMin && x <= xMax;

  const rows: Row[] = [];
  const labels: string[] = [];
  for (const group of data.groups) {
    // Panels are keyed by label; a repeated label would merge two groups into one panel.
    let label = group.label;
    for (let i = 2; labels.includes(label); i++) label = `${group.label} (${i})`;
    labels.push(label);
    const base = { group: label, note: null, line: null, alpha: 1, y2: null };
    const notes: string[] = [];
    for (const p of group.points) rows.push({ ...base, series: MEASURED, x: p.x, y: p.y });
    for (const model of SHOWN) {
      const fit = group.fits[model];
      if (!fit) continue;
      for (const p of fit.curve) if (inRange(p.x)) rows.push({ ...base, series: seriesName(model, 'curve'), x: p.x, y: p.y });
      if (fit.peak !== undefined) {
        const peak = fit.peak;
        if (peak && inRange(peak.x)) rows.push({ ...base, series: seriesName(model, 'peak'), x: peak.x, y: 0, y2: dataTop(group, inRange) });
        notes.push(peak ? plotsMessages.peak(shortNumber(peak.x), `${shortNumber(peak.y)}`) : plotsMessages.noPeak);
      }
      const limit = fit.asymptote;
      if (limit !== undefined && limit !== null && Number.isFinite(limit)) {
        // Drawn only when it sits near the data; otherwise it would flatten every curve.
        if (limit <= dataTop(group, inRange) * 1.5) rows.push({ ...base, series: seriesName(model, 'asymptote'), x: null, y: limit });
        notes.push(plotsMessages.asymptote(modelEntry(model).label, shortNumber(limit)));
      }
    }
    // Every layer gets a row in every panel, invisible where it has nothing to draw: Vega warns of
    // an infinite extent when a layer of an independent scale is empty in a panel.
    for (const series of LINE_DOMAIN) {
      if (!rows.some((r) => r.group === label && r.series === series)) rows.push({ ...base, series, x: xMin, y: 0, y2: 0, alpha: 0 });
    }
    if (!SHOWN.some((model) => group.fits[model])) notes.push(plotsMessages.noFit);
    // The notes sit at the top of the panel: an invisible point above the data keeps them clear of it.
    const limits = rows.filter((r) => r.group === label && SERIES.some((s) => s.kind === 'asymptote' && s.name === r.series)).map((r) => r.y ?? 0);
    const top = Math.max(dataTop(group, inRange), ...limits);
    notes.forEach((note, line) => rows.push({ ...base, series: NOTE, x: null, y: top * (1 + HEADROOM * (notes.length / 2)), note, line }));
  }

  const x: PositionFieldDef<Field> = { field: 'x', type: 'quantitative', scale: axis.scale, axis: axis.axis };
  // Not niced: the headroom point sets the top, so no panel's top tick label pokes above its frame.
  const y: PositionFieldDef<Field> = { field: 'y', type: 'quantitative', title: data.yTitle, scale: { zero: true, nice: false } };
  // The legend names only the lines drawn somewhere (none when no group could be fitted).
  const drawn = LINE_DOMAIN.filter((series) => rows.some((r) => r.series === series && r.alpha === 1));
  const legend: MarkPropFieldDef<Field>['legend'] = drawn.length > 0 ? { title: null, symbolType: 'stroke', symbolSize: 300, values: drawn } : null;
  const color: MarkPropFieldDef<Field> = { field: 'series', type: 'nominal', scale: { domain: LINE_DOMAIN, range: LINE_COLORS }, legend };
  const strokeDash: MarkPropFieldDef<Field> = { field: 'series', type: 'nominal', scale: { domain: LINE_DOMAIN, range: LINE_DASHES }, legend };
  const opacity: MarkPropFieldDef<Field> = { field: 'alpha', type: 'quantitative', scale: null };
  const only = (series: string): FilterTransform => ({ filter: { field: 'series', equal: series } });
  const columns = Math.min(MAX_COLUMNS, Math.max(1, labels.length));
  // Later layers draw on top: the most general model's curve last, over the values the models mark.
  const drawOrder = [...SERIES].reverse();
  const markLayers = drawOrder
    .filter((s) => s.kind !== 'curve')
    .map((s): Layer =>
      s.kind === 'peak'
        ? { transform: [only(s.name)], mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { x, y, y2: { field: 'y2' }, color, strokeDash, opacity } }
        : { transform: [only(s.name)], mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { y, color, strokeDash, opacity } },
    );
  const curveLayers = drawOrder
    .filter((s) => s.kind === 'curve')
    .map((s): Layer => ({ transform: [only(s.name)], mark: { type: 'line', strokeWidth: 2, clip: true }, encoding: { x, y, color, strokeDash, opacity } }));

  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: plotsMessages.uslFitTitle, subtitle: plotsMessages.uslFitSubtitle },
    data: { values: rows },
    facet: { field: 'group', type: 'nominal', sort: labels, header: { title: null, labelFontSize: 11, labelLimit: panelWidth(columns) + 40 } },
    columns,
    spec: {
      width: panelWidth(columns),
      height: PANEL_HEIGHT,
      layer: [
        ...markLayers,
        ...curveLayers,
        { transform: [only(MEASURED)], mark: { type: 'point', filled: true, size: 55, color: '#222222', opacity: 1 }, encoding: { x, y } },
        { transform: [only(NOTE)], mark: { type: 'point', opacity: 0 }, encoding: { y } },
        {
          transform: [only(NOTE), { calculate: '6 + 15 * datum.line', as: 'dy' }],
          mark: { type: 'text', align: 'left', baseline: 'top', fontSize: 11, color: '#333333' },
          encoding: { x: { value: 6 }, y: { field: 'dy', type: 'quantitative', scale: null }, text: { field: 'note', type: 'nominal' } },
        },
      ],
    },
    resolve: { scale: { y: 'independent' }, axis: { x: 'independent' } },
    config: THEME,
  };
  return spec;
}
