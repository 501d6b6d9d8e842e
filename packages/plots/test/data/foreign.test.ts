import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { fitDataFromScalingAnalysis, renderFigure, uslFitSpec } from '../../src/index.js';
import { foreignGroupLabel } from '../../src/data/from-summary.js';
import { scalingDocumentSchema } from '../../src/data/summary-schema.js';
import { expectGolden } from '../fixtures/golden.js';

// fixtures/foreign/analysis.json is `poolscope analyze throughput.csv --x users --y rps --by db
// --metric throughput --json` (analysis branch at 4d04a4c) on a made-up CSV of two databases,
// one named with markup. The usl-fit figure draws anyone's analysed groups.
const fixture = (file: string) => fileURLToPath(new URL(`../fixtures/foreign/${file}`, import.meta.url));
const analysis = scalingDocumentSchema.parse(JSON.parse(readFileSync(fixture('analysis.json'), 'utf8')));

describe('usl-fit on foreign data', () => {
  test('labels panels by the --by values and titles axes by the CSV columns', () => {
    const fits = fitDataFromScalingAnalysis(analysis);
    expect(fits.xTitle).toBe('users');
    expect(fits.yTitle).toBe('rps');
    expect(fits.groups.map((g) => g.label).sort()).toEqual(['db=<mysql & co>', 'db=postgres']);
    // Throughput: the points are the measured medians, not speedups.
    expect(fits.groups[0]?.points[0]?.y).toBe(analysis.groups[0]?.points[0]?.median);
  });

  test('names a group without --by columns', () => {
    expect(foreignGroupLabel({})).toBe('all rows');
    expect(foreignGroupLabel({ a: '1', b: 'x' })).toBe('a=1, b=x');
  });

  test('renders (golden), the markup in a label shown as text', async () => {
    const figure = await renderFigure(uslFitSpec(fitDataFromScalingAnalysis(analysis)), { formats: ['svg'], idPrefix: 'usl-fit' });
    expect(figure.warnings).toEqual([]);
    expect(figure.svg).toContain('db=&lt;mysql &amp; co&gt;');
    expectGolden(fileURLToPath(new URL('../goldens/foreign-usl-fit.svg', import.meta.url)), figure.svg);
  });
});
