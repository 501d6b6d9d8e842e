import { describe, expect, test } from 'vitest';
import { buildFigures, readPlotInput, renderFigure, type PlotInput } from '../../src/index.js';
import { RUN_WIDE_CI } from '../fixtures/paths.js';
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

/** The width and height an SVG declares on its root element. */
function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  if (!root) throw new Error('no width and height on the SVG root');
  return { width: Number(root[1]), height: Number(root[2]) };
}

// A plateau CI past the measured thread counts is clamped to the axis: it must not run out of its
// panel and widen the figure (a run on threads 1..4 with CIs such as [3, 21] drew 4,258 px wide).
describe('plateau CIs past the axis', () => {
  test('leave the speedup figures as large as they are without any CI', async () => {
    const input = await readPlotInput(RUN_WIDE_CI);
    const clipped = input.scaling.plateaus.filter((m) => m.hi === null || m.hi > 4);
    expect(clipped.length, 'the fixture has CIs past the axis').toBeGreaterThan(0);
    const withoutCis: PlotInput = { ...input, scaling: { ...input.scaling, plateaus: input.scaling.plateaus.map((m) => ({ ...m, lo: null, hi: null })) } };
    const bare = new Map(buildFigures(withoutCis).figures.map((f) => [f.name, f.spec]));
    for (const { name, spec } of buildFigures(input).figures.filter((f) => f.name === 'thread-scaling' || f.name === 'gil-impact')) {
      const size = svgSize((await renderFigure(spec, { formats: ['svg'] })).svg);
      const expected = svgSize((await renderFigure(bare.get(name)!, { formats: ['svg'] })).svg);
      expect(size, name).toEqual(expected);
      expect(size.width, name).toBeLessThan(1200);
    }
  });
});
