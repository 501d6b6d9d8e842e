import { describe, expect, test } from 'vitest';
import { buildFigures, renderFigure } from '../../src/index.js';
import { syntheticInput } from '../fixtures/synthetic.js';

// Figures draw whatever targets, task counts and thread counts the data holds.
describe('figures adapt to the data', () => {
  test.each([
    ['1 target, 1 task count', { targets: ['python3.13t'], taskCounts: [1000] }],
    ['6 targets, 5 task counts', { targets: ['node-main', 'node-pool', 'pypy3.11', 'python3.12', 'python3.13', 'python3.13t'], taskCounts: [10, 100, 1000, 10000, 100000] }],
    ['thread counts that are not powers of two', { targets: ['a', 'b'], taskCounts: [100, 1000], threads: [1, 2, 3, 4, 6, 12] }],
    ['a single thread count', { targets: ['a'], taskCounts: [100], threads: [1] }],
  ])('%s: every figure renders without warnings', async (_name, options) => {
    const { figures } = buildFigures(syntheticInput(options));
    expect(figures).toHaveLength(5);
    for (const { name, spec } of figures) {
      const { warnings, svg } = await renderFigure(spec, { formats: ['svg'] });
      expect(warnings, name).toEqual([]);
      expect(svg.length, name).toBeGreaterThan(1000);
    }
  });
});
