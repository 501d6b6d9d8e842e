import { describe, expect, test } from 'vitest';
import { gilImpactSpec } from '../../src/index.js';
import { facetSort, rowsOf } from '../fixtures/spec-parts.js';
import { syntheticInput } from '../fixtures/synthetic.js';

describe('gilImpactSpec', () => {
  test('a grid: rows cpu-bound then io-bound, columns task counts', () => {
    const spec = gilImpactSpec(syntheticInput({ taskCounts: [100, 10000] }).scaling);
    expect(facetSort(spec, 'row')).toEqual(['cpu-bound tasks', 'io-bound tasks']);
    expect(facetSort(spec, 'column')).toEqual(['100 tasks', '10,000 tasks']);
    expect(new Set(rowsOf(spec).map((r) => r.row))).toEqual(new Set(['cpu-bound tasks', 'io-bound tasks']));
  });

  test('only the task types the data has', () => {
    const { scaling } = syntheticInput({ taskCounts: [100] });
    const spec = gilImpactSpec({ ...scaling, points: scaling.points.filter((p) => p.task_type === 'io') });
    expect(facetSort(spec, 'row')).toEqual(['io-bound tasks']);
  });
});
