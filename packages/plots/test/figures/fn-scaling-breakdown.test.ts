import { describe, expect, test } from 'vitest';
import { BREAKDOWN_LINES } from '../../src/figures/_category-rows.js';
import { CATEGORY_LABELS, fnScalingBreakdownSpec, type BreakdownData } from '../../src/index.js';
import { encodings, facetSort, rowsOf } from '../fixtures/spec-parts.js';
import { syntheticInput } from '../fixtures/synthetic.js';

const breakdown = (targets: string[], taskCounts: number[]): BreakdownData => syntheticInput({ targets, taskCounts }).breakdown!;

describe('fnScalingBreakdownSpec', () => {
  test('rows per profiled target and task type, columns per task count', () => {
    const data = breakdown(['python3.13', 'python3.13t'], [100, 1000]);
    const onlyFt = { ...data, categories: data.categories.filter((c) => c.target === 'python3.13t' || c.task_type === 'cpu') };
    const spec = fnScalingBreakdownSpec(onlyFt);
    expect(facetSort(spec, 'row')).toEqual(['python3.13, cpu-bound tasks', 'python3.13t, cpu-bound tasks', 'python3.13t, io-bound tasks']);
    expect(facetSort(spec, 'column')).toEqual(['100 tasks', '1,000 tasks']);
  });

  test('bars stack the categories in a fixed order; lines show speedup and cores busy only where profiled', () => {
    const data = breakdown(['x'], [100]);
    const cells = data.categories.filter((c) => c.task_type === 'cpu');
    const spec = fnScalingBreakdownSpec({ categories: cells, points: data.points });
    const rows = rowsOf(spec);
    const lines = rows.filter((r) => r.kind === 'line');
    expect(new Set(lines.map((r) => r.series))).toEqual(new Set([BREAKDOWN_LINES.speedup, BREAKDOWN_LINES.cpu]));
    expect(lines).toHaveLength(2 * data.points.filter((p) => p.task_type === 'cpu').length);
    const bars = rows.filter((r) => r.kind === 'category');
    expect(bars).toHaveLength(cells.length);
    const color = encodings(spec).map((e) => e.color as { scale?: { domain: string[] }; legend?: { values: string[] } } | undefined).find((c) => c?.scale);
    expect(color?.scale?.domain).toEqual(Object.values(CATEGORY_LABELS));
    expect(color?.legend?.values).toEqual(Object.values(CATEGORY_LABELS));
  });

  test('time on the left axis in seconds, speedup and cores on the right in ×', () => {
    const ys = encodings(fnScalingBreakdownSpec(breakdown(['x'], [100]))).map((e) => e.y as { title?: string; axis?: { orient?: string } } | undefined);
    expect(ys.map((y) => y?.title)).toEqual(expect.arrayContaining(['thread time (s)', 'speedup, CPU cores busy (×)']));
    expect(ys.find((y) => y?.title?.includes('×'))?.axis?.orient).toBe('right');
  });

  test('legend lists only the categories present', () => {
    const data = breakdown(['x'], [100]);
    const spec = fnScalingBreakdownSpec({ categories: data.categories.filter((c) => c.category !== 'other'), points: [] });
    const color = encodings(spec).map((e) => e.color as { legend?: { values: string[] } } | undefined).find((c) => c?.legend);
    expect(color?.legend?.values).not.toContain(CATEGORY_LABELS.other);
  });
});
