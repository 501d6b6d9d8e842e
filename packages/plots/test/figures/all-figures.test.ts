import { describe, expect, test } from 'vitest';
import { FIGURE_NAMES, buildFigures, plotsMessages } from '../../src/index.js';
import { runPalette } from '../../src/figures/all-figures.js';
import { encodings } from '../fixtures/spec-parts.js';
import { syntheticInput } from '../fixtures/synthetic.js';

describe('buildFigures', () => {
  test('builds all five figures, in report order, when the run was profiled', () => {
    const { figures, skipped } = buildFigures(syntheticInput());
    expect(figures.map((f) => f.name)).toEqual([...FIGURE_NAMES]);
    expect(skipped).toEqual([]);
  });

  test('skips the Experiment 3 figures, saying why, without a profile', () => {
    const { figures, skipped } = buildFigures({ ...syntheticInput(), breakdown: null });
    expect(figures.map((f) => f.name)).toEqual(['thread-scaling', 'gil-impact', 'usl-fit']);
    expect(skipped).toEqual([
      { name: 'fn-scaling-breakdown', reason: plotsMessages.noProfile },
      { name: 'fn-scaling-distribution', reason: plotsMessages.noProfile },
    ]);
  });

  test('skips the fits figure, saying why, when no group could be fitted', () => {
    const input = syntheticInput();
    const unfitted = { ...input, fits: { ...input.fits, groups: input.fits.groups.map((g) => ({ ...g, fits: {} })) } };
    const { figures, skipped } = buildFigures(unfitted);
    expect(figures.map((f) => f.name)).not.toContain('usl-fit');
    expect(skipped).toEqual([{ name: 'usl-fit', reason: plotsMessages.noFittedGroup }]);
  });

  test('gives a target one colour in every figure of a run', () => {
    const input = syntheticInput({ targets: ['node-pool', 'python3.13', 'python3.13t'] });
    const palette = runPalette(input);
    for (const { spec } of buildFigures(input).figures) {
      for (const e of encodings(spec)) {
        const color = e.color as { field?: string; scale?: unknown } | undefined;
        if (color?.field === 'target') expect(color.scale).toEqual({ domain: palette.targets, range: palette.colors });
      }
    }
  });
});
