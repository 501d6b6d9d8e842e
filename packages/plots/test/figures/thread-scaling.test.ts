import { describe, expect, test } from 'vitest';
import { SCALING_LINES, drawnPlateauCi, roundUpToTick } from '../../src/figures/_scaling-spec.js';
import { plotsMessages, targetPalette, threadScalingSpec, type ScalingData } from '../../src/index.js';
import { encodings, facetOf, facetSort, layersOf, rowsOf } from '../fixtures/spec-parts.js';
import { syntheticInput } from '../fixtures/synthetic.js';

const scaling = (targets: string[], taskCounts: number[], threads?: number[]) => syntheticInput({ targets, taskCounts, threads }).scaling;

describe('threadScalingSpec', () => {
  test.each([
    [['python3.13t'], [1000]],
    [['a', 'b', 'c', 'd', 'e', 'f'], [10, 100, 1000, 10000, 100000]],
  ])('one panel per task count, in increasing order (%j targets, %j task counts)', (targets, taskCounts) => {
    const spec = threadScalingSpec(scaling(targets, taskCounts));
    expect(facetSort(spec, 'column')).toEqual(taskCounts.map((n) => `${n.toLocaleString('en-US')} ${n === 1 ? 'task' : 'tasks'}`));
    expect(facetOf(spec)).not.toHaveProperty('row');
    const legendValues = encodings(spec).map((e) => (e.color as { legend?: { values?: unknown } } | undefined)?.legend?.values).find(Boolean);
    expect(legendValues).toEqual([...targets].sort());
  });

  test('draws cpu-bound tasks by default, io-bound when only those exist, or the type asked for', () => {
    const data = scaling(['x'], [100]);
    const taskTypes = (spec: ReturnType<typeof threadScalingSpec>) => (spec as unknown as { title: { text: string } }).title.text;
    expect(taskTypes(threadScalingSpec(data))).toContain('cpu-bound');
    expect(taskTypes(threadScalingSpec(data, { taskType: 'io' }))).toContain('io-bound');
    const ioOnly: ScalingData = { points: data.points.filter((p) => p.task_type === 'io'), curves: [], plateaus: [] };
    expect(taskTypes(threadScalingSpec(ioOnly))).toContain('io-bound');
    const rows = rowsOf(threadScalingSpec(data, { taskType: 'io' })).filter((r) => r.line === SCALING_LINES.measured);
    expect(rows).toHaveLength(data.points.filter((p) => p.task_type === 'io').length);
  });

  test('keeps a target the colour the run palette gives it, even when another target is absent', () => {
    const palette = targetPalette(['node-pool', 'python3.13', 'python3.13t']);
    const spec = threadScalingSpec(scaling(['python3.13t'], [100]), { palette });
    const color = encodings(spec).map((e) => e.color as { scale?: { domain: string[]; range: string[] } } | undefined).find((c) => c?.scale);
    expect(color?.scale).toEqual({ domain: palette.targets, range: palette.colors });
  });

  test('uses a log2 thread axis for powers of two, linear otherwise', () => {
    const xScale = (data: ScalingData) => encodings(threadScalingSpec(data)).map((e) => (e.x as { scale?: { type: string } } | undefined)?.scale?.type).find(Boolean);
    expect(xScale(scaling(['x'], [100], [1, 2, 4, 8]))).toBe('log');
    expect(xScale(scaling(['x'], [100], [1, 2, 4, 8, 12]))).toBe('linear');
  });

  test('draws the ideal S = N in every panel, over the panel’s thread range', () => {
    const spec = threadScalingSpec(scaling(['x', 'y'], [100, 1000]));
    const ideal = rowsOf(spec).filter((r) => r.line === SCALING_LINES.ideal);
    for (const column of ['100 tasks', '1,000 tasks']) {
      const panel = ideal.filter((r) => r.column === column);
      expect(panel.every((r) => r.speedup === r.threads)).toBe(true);
      expect(Math.min(...panel.map((r) => r.threads as number))).toBe(1);
      expect(Math.max(...panel.map((r) => r.threads as number))).toBe(8);
    }
  });

  test('marks plateaus with their CI, and leaves them out when there are none', () => {
    const data = scaling(['x'], [100]);
    const plateaus = rowsOf(threadScalingSpec(data)).filter((r) => r.line === SCALING_LINES.plateau);
    expect(plateaus).toHaveLength(1);
    expect(plateaus[0]).toMatchObject({ lo: expect.any(Number), hi: expect.any(Number), top: expect.any(Number) });
    const none = rowsOf(threadScalingSpec({ ...data, plateaus: [] })).filter((r) => r.line === SCALING_LINES.plateau);
    expect(none).toEqual([]);
  });

  test('clamps a plateau CI to the axis, flags each clipped end and keeps the true bounds for the tooltip', () => {
    expect(drawnPlateauCi(3, 21, [1, 4])).toEqual({ ci_lo: 3, ci_hi: 4, lo_clipped: false, hi_clipped: true, ci: plotsMessages.plateauCi('3', '21') });
    // An open upper bound runs to the axis' end, drawn as clipped; the tooltip says it is open.
    expect(drawnPlateauCi(2, null, [1, 8])).toEqual({ ci_lo: 2, ci_hi: 8, lo_clipped: false, hi_clipped: true, ci: plotsMessages.plateauCi('2', null) });
    expect(drawnPlateauCi(1, 6, [2, 8])).toMatchObject({ ci_lo: 2, ci_hi: 6, lo_clipped: true, hi_clipped: false });
    expect(drawnPlateauCi(2, 3, [1, 4])).toMatchObject({ ci_lo: 2, ci_hi: 3, lo_clipped: false, hi_clipped: false });
    expect(drawnPlateauCi(null, null, [1, 4])).toMatchObject({ ci_lo: null, ci_hi: null, lo_clipped: false, hi_clipped: false, ci: null });
  });

  test('draws an arrowhead at each clipped end of a plateau CI, and leaves out thresholds off the axis', () => {
    const data = scaling(['x'], [100], [2, 3, 4]);
    const key = { target: 'x', task_type: 'cpu', num_tasks: 100 } as const;
    const plateaus = [{ ...key, num_threads: 3, lo: 1, hi: null }, { ...key, num_threads: 40, lo: 20, hi: 90 }];
    const spec = threadScalingSpec({ ...data, plateaus });
    const marks = rowsOf(spec).filter((r) => r.line === SCALING_LINES.plateau);
    expect(marks).toEqual([expect.objectContaining({ threads: 3, lo: 1, hi: null, ci_lo: 2, ci_hi: 4, lo_clipped: true, hi_clipped: true })]);
    const shapes = layersOf(spec).map((l) => (l.mark as { shape?: string }).shape);
    expect(shapes).toEqual(expect.arrayContaining(['triangle-left', 'triangle-right']));
    const unclipped = threadScalingSpec({ ...data, plateaus: [{ ...key, num_threads: 3, lo: 2, hi: 4 }] });
    expect(layersOf(unclipped).map((l) => (l.mark as { shape?: string }).shape)).not.toContain('triangle-right');
  });

  test('leaves headroom over the data for the plateau marks, so they never cover a line', () => {
    const data = scaling(['a', 'b', 'c'], [100]);
    const yScale = (spec: ReturnType<typeof threadScalingSpec>) => encodings(spec).map((e) => (e.y as { field?: string; scale?: { domainMax?: number } } | undefined)).find((y) => y?.field === 'speedup')?.scale;
    const spec = threadScalingSpec(data);
    const rows = rowsOf(spec);
    const highest = Math.max(...rows.map((r) => Math.max(Number(r.speedup ?? 0), r.line === SCALING_LINES.measured ? Number(r.hi ?? 0) : 0)));
    const lowestMark = Math.max(...rows.filter((r) => r.line === SCALING_LINES.plateau).map((r) => Number(r.top)));
    const domainMax = yScale(spec)?.domainMax;
    expect(domainMax).toBeDefined();
    // The highest value sits below the lowest mark: its pixel from the top (PANEL_HEIGHT 210) is past the mark's.
    expect(210 * (1 - highest / domainMax!)).toBeGreaterThan(lowestMark);
    expect(yScale(threadScalingSpec({ ...data, plateaus: [] }))?.domainMax).toBeUndefined();
    // Ending on a tick: d3's step for [0, 8.75] in about 5 ticks is 2, for [0, 4.8] 1, for [0, 0.33] 0.05.
    expect([roundUpToTick(8.75), roundUpToTick(4.8), roundUpToTick(0.33), roundUpToTick(6)]).toEqual([10, 5, 0.35, 6]);
  });

  test('says what the axes measure, with units', () => {
    const titles = encodings(threadScalingSpec(scaling(['x'], [100]))).flatMap((e) => [(e.y as { title?: string } | undefined)?.title, (e.x as { axis?: { title?: string } } | undefined)?.axis?.title]);
    expect(titles).toContain('speedup T(1) / T(N) (×)');
    expect(titles).toContain('threads N (max_workers)');
  });
});

describe('threadScalingSpec without fits, CIs or plateaus (fewer than 4 thread counts)', () => {
  test('leaves those layers and their legend entries out, and renders without warnings', async () => {
    const { renderSvg } = await import('../../src/render/render.js');
    const data = scaling(['x', 'y'], [100], [1, 2, 4]);
    const bare: ScalingData = { points: data.points.map((p) => ({ ...p, speedup_lo: null, speedup_hi: null })), curves: [], plateaus: [] };
    const spec = threadScalingSpec(bare);
    const lines = encodings(spec).map((e) => (e.strokeDash as { legend?: { values?: string[] } } | undefined)?.legend?.values).find(Boolean);
    expect(lines).toEqual([SCALING_LINES.measured, SCALING_LINES.ideal]);
    expect((await renderSvg(spec)).warnings).toEqual([]);
  });
});
