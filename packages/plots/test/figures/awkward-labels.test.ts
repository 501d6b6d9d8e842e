import { beforeAll, describe, expect, test } from 'vitest';
import { buildFigures, readPlotInput, renderFigure, type FigureSpec, type RenderedFigure } from '../../src/index.js';
import { AWKWARD_TARGETS, RUN_AWKWARD } from '../fixtures/paths.js';

// Target names are data: markup, quotes, ampersands and non-ASCII text must show as text.
const NAMES = AWKWARD_TARGETS.map((t) => t.name);
let figures: FigureSpec[];
const rendered: [string, RenderedFigure][] = [];

beforeAll(async () => {
  figures = buildFigures(await readPlotInput(RUN_AWKWARD)).figures;
  for (const { name, spec } of figures) rendered.push([name, await renderFigure(spec)]);
});

/** XML text with < > & escaped, as a text node holds it. */
const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('labels from data', () => {
  test('all five figures render, without warnings', () => {
    expect(rendered.map(([name]) => name)).toEqual(['thread-scaling', 'gil-impact', 'fn-scaling-breakdown', 'fn-scaling-distribution', 'usl-fit']);
    for (const [name, figure] of rendered) expect(figure.warnings, name).toEqual([]);
  });

  test('show as text in the SVG: no markup gets through, every & starts an entity', () => {
    for (const [name, { svg }] of rendered) {
      expect(svg.toLowerCase(), name).not.toContain('<script');
      expect(svg, name).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/);
    }
    const legend = rendered[0]![1].svg;
    for (const target of NAMES) expect(legend).toContain(`>${xmlText(target)}</text>`);
  });

  test('the SVG stays well-formed enough to rasterise', () => {
    for (const [name, figure] of rendered) expect(figure.png?.length, name).toBeGreaterThan(1000);
  });

  test('are kept as they are in the .vl.json, and never pasted into a Vega expression', () => {
    for (const [name, figure] of rendered) {
      const text = figure.vlJson;
      for (const target of NAMES) expect(text, name).toContain(JSON.stringify(target).slice(1, -1));
    }
    const expressions: string[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (typeof value === 'string' && ['calculate', 'expr', 'labelExpr', 'filter', 'test'].includes(key)) expressions.push(value);
          else walk(value);
        }
      }
    };
    for (const { spec } of figures) walk(spec);
    for (const expression of expressions) for (const target of NAMES) expect(expression).not.toContain(target);
  });
});
