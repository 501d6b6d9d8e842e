import { describe, expect, test } from 'vitest';
import { fnScalingDistributionSpec } from '../../src/index.js';
import { encodings, facetSort, rowsOf } from '../fixtures/spec-parts.js';
import { syntheticInput } from '../fixtures/synthetic.js';

describe('fnScalingDistributionSpec', () => {
  test('100% stacked shares per thread count, a panel per task count, no lines', () => {
    const data = syntheticInput({ targets: ['x'], taskCounts: [100, 1000, 10000] }).breakdown!;
    const spec = fnScalingDistributionSpec(data);
    const y = encodings(spec).map((e) => e.y as { stack?: string; axis?: { format?: string }; title?: string }).find(Boolean);
    expect(y).toMatchObject({ stack: 'normalize', axis: { format: '.0%' }, title: 'share of thread time (%)' });
    expect(facetSort(spec, 'column')).toEqual(['100 tasks', '1,000 tasks', '10,000 tasks']);
    expect(rowsOf(spec).every((r) => r.kind === 'category')).toBe(true);
  });
});
