import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { buildFigures, readPlotInput } from '../../src/index.js';
import { renderSvg } from '../../src/render/render.js';

// summary.json files written by `poolscope analyze DIR` itself (the analysis branch at 4d04a4c,
// issue #5), on timings from its synthesizeTimings: python3.13 (sigma 0.97) and python3.13t
// (sigma 0.08, kappa 0.06), cpu and io, 100/1,000/10,000 tasks, 5 repeats, seed 3; threads 1..8
// (fits) and 1..4 (too few thread counts to fit). Regenerate them with the analysis once it is
// merged, should its format change.
const run = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

describe('summary.json as the analysis writes it', () => {
  test.each([
    ['analysed-4-threads', 12, ['fn-scaling-breakdown', 'fn-scaling-distribution']],
    ['analysed-3-threads', 0, ['fn-scaling-breakdown', 'fn-scaling-distribution', 'usl-fit']],
  ])('%s: read, turned into figures, rendered without warnings', async (name, fittedGroups, skippedNames) => {
    const input = await readPlotInput(run(name));
    expect(input.scaling.points).toHaveLength(name === 'analysed-4-threads' ? 48 : 36);
    expect(input.fits.groups.filter((g) => g.fits.usl !== undefined)).toHaveLength(fittedGroups);
    const { figures, skipped } = buildFigures(input);
    expect(skipped.map((s) => s.name)).toEqual(skippedNames);
    expect(figures).toHaveLength(5 - skippedNames.length);
    for (const { name: figure, spec } of figures) expect((await renderSvg(spec)).warnings, figure).toEqual([]);
  });
});
