import { describe, expect, test } from 'vitest';
import { plotsMessages, uslFitSpec, type FitData, type FitGroup } from '../../src/index.js';
import { rowsOf } from '../fixtures/spec-parts.js';

const xs = [1, 2, 4, 8];
const group = (label: string, fits: FitGroup['fits'] = {}): FitGroup => ({
  label,
  points: xs.map((x) => ({ x, y: x / (1 + 0.1 * (x - 1)) })),
  fits: {
    usl: { curve: xs.map((x) => ({ x, y: x / (1 + 0.1 * (x - 1)) })), peak: { x: 4, y: 3 } },
    amdahl: { curve: xs.map((x) => ({ x, y: x / (1 + 0.1 * (x - 1)) })), asymptote: 10 },
    ...fits,
  },
});
const unfitted = (label: string): FitGroup => ({ ...group(label), fits: {} });
// The legend's names of the lines (plotsMessages), as FIT_LINES named them.
const FIT_LINES = {
  usl: plotsMessages.fitLine('USL'),
  amdahl: plotsMessages.fitLine('Amdahl'),
  peak: plotsMessages.peakLine('USL'),
  asymptote: plotsMessages.asymptoteLine('Amdahl'),
};
const data = (groups: FitGroup[]): FitData => ({ xTitle: 'threads N', yTitle: 'speedup (×)', groups });

const visible = (rows: Record<string, unknown>[], series: string, label: string) => rows.filter((r) => r.series === series && r.group === label && r.alpha === 1);
const notes = (rows: Record<string, unknown>[], label: string) => rows.filter((r) => r.series === 'note' && r.group === label).map((r) => r.note);

describe('uslFitSpec', () => {
  test('draws points, both curves, the peak inside the range and its notes', () => {
    const rows = rowsOf(uslFitSpec(data([group('g')])));
    expect(visible(rows, 'measured', 'g')).toHaveLength(4);
    expect(visible(rows, FIT_LINES.usl, 'g')).toHaveLength(4);
    expect(visible(rows, FIT_LINES.amdahl, 'g')).toHaveLength(4);
    expect(visible(rows, FIT_LINES.peak, 'g')).toEqual([expect.objectContaining({ x: 4 })]);
    expect(notes(rows, 'g')).toEqual([plotsMessages.peak('4', '3'), plotsMessages.asymptote('Amdahl', '10')]);
  });

  test('leaves off a peak beyond the axis and an Amdahl limit far above the data, but still names them', () => {
    const rows = rowsOf(uslFitSpec(data([group('g', { usl: { curve: [], peak: { x: 40, y: 9 } }, amdahl: { curve: [], asymptote: 1000 } })])));
    expect(visible(rows, FIT_LINES.peak, 'g')).toEqual([]);
    expect(visible(rows, FIT_LINES.asymptote, 'g')).toEqual([]);
    expect(notes(rows, 'g')).toEqual([plotsMessages.peak('40', '9'), plotsMessages.asymptote('Amdahl', '1,000')]);
  });

  test('draws an Amdahl limit that sits near the data', () => {
    const rows = rowsOf(uslFitSpec(data([group('g', { amdahl: { curve: [], asymptote: 5 } })])));
    expect(visible(rows, FIT_LINES.asymptote, 'g')).toEqual([expect.objectContaining({ y: 5 })]);
  });

  test('says so in the panel when a group could not be fitted', () => {
    const rows = rowsOf(uslFitSpec(data([unfitted('small')])));
    expect(notes(rows, 'small')).toEqual([plotsMessages.noFit]);
    expect(visible(rows, FIT_LINES.usl, 'small')).toEqual([]);
  });

  test('keeps two groups with the same label in two panels', () => {
    const rows = rowsOf(uslFitSpec(data([group('same'), group('same')])));
    expect(new Set(rows.map((r) => r.group))).toEqual(new Set(['same', 'same (2)']));
  });

  test('keeps room above the data for the notes', () => {
    const rows = rowsOf(uslFitSpec(data([group('g')])));
    const top = Math.max(...rows.filter((r) => r.series !== 'note' && typeof r.y === 'number').map((r) => r.y as number));
    const headroom = rows.find((r) => r.series === 'note')?.y as number;
    expect(headroom).toBeGreaterThan(top * 1.3);
  });
});

describe('uslFitSpec legend', () => {
  const legendOf = (spec: ReturnType<typeof uslFitSpec>) => {
    const layers = (spec as unknown as { spec: { layer: { encoding: { color?: { legend?: unknown } } }[] } }).spec.layer;
    return layers.map((l) => l.encoding.color?.legend).find((legend) => legend !== undefined);
  };

  test('names only the lines drawn', () => {
    const legend = legendOf(uslFitSpec(data([group('g', { usl: { curve: group('g').fits.usl!.curve, peak: null }, amdahl: { curve: [], asymptote: null } })])));
    expect(legend).toMatchObject({ values: [FIT_LINES.usl] });
  });

  test('is absent when no group could be fitted', () => {
    expect(legendOf(uslFitSpec(data([unfitted('a')])))).toBeNull();
  });
});
