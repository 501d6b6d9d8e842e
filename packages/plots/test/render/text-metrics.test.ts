import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { describe, expect, test } from 'vitest';
import { FONT_FILES } from '../../src/render/fonts.js';
import { dejavuTextWidth, withDejavuMetrics } from '../../src/render/text-metrics.js';

/** The ink width resvg gives a text set in DejaVu Sans: an independent measure of our advances. */
function resvgInkWidth(text: string, fontSize: number, bold = false): number {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="100"><text x="10" y="60" font-family="DejaVu Sans" font-weight="${bold ? 'bold' : 'normal'}" font-size="${fontSize}">${text}</text></svg>`;
  const resvg = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [FONT_FILES.regular, FONT_FILES.bold], defaultFontFamily: 'DejaVu Sans' } });
  return resvg.getBBox()?.width ?? Number.NaN;
}

const textMetrics = (vega as unknown as { textMetrics: { width: unknown } }).textMetrics;

describe('dejavuTextWidth', () => {
  test.each([
    ['MMMMMMMMMM', 20, false],
    ['iiiiiiiiii', 20, false],
    ['speedup T(1) / T(N) (×)', 12, false],
    ['python3.13t, cpu-bound tasks', 12, true],
  ])('%s at %dpx (bold %s) matches what resvg lays out', (text, size, bold) => {
    const ours = dejavuTextWidth({ fontSize: size, fontWeight: bold ? 'bold' : null }, text);
    // Ink width differs from the advance sum only by the first and last glyph's side bearings.
    expect(Math.abs(ours - resvgInkWidth(text, size, bold))).toBeLessThan(0.25 * size);
  });

  test('tells narrow from wide letters, unlike an estimate per character', () => {
    const narrow = dejavuTextWidth({ fontSize: 11 }, 'iiii');
    const wide = dejavuTextWidth({ fontSize: 11 }, 'MMMM');
    expect(wide / narrow).toBeGreaterThan(2.5);
  });

  test('bold is wider than regular', () => {
    expect(dejavuTextWidth({ fontSize: 11, fontWeight: 'bold' }, 'threads')).toBeGreaterThan(dejavuTextWidth({ fontSize: 11 }, 'threads'));
    expect(dejavuTextWidth({ fontSize: 11, fontWeight: 700 }, 'threads')).toBe(dejavuTextWidth({ fontSize: 11, fontWeight: 'bold' }, 'threads'));
  });

  test('empty, null and zero-size texts are 0 wide; a limit caps the width', () => {
    expect(dejavuTextWidth({ fontSize: 11 }, '')).toBe(0);
    expect(dejavuTextWidth({ fontSize: 11 }, null)).toBe(0);
    expect(dejavuTextWidth({ fontSize: 0 }, 'abc')).toBe(0);
    expect(dejavuTextWidth({ fontSize: 11, limit: 20 }, 'a long label that does not fit')).toBe(20);
  });

  test('an unmapped character still takes room (the .notdef box)', () => {
    expect(dejavuTextWidth({ fontSize: 11 }, '自')).toBeGreaterThan(0);
  });
});

describe('withDejavuMetrics', () => {
  test("installs the measurer for the work and puts Vega's back, also after a failure", async () => {
    const original = textMetrics.width;
    await withDejavuMetrics(async () => {
      expect(textMetrics.width).toBe(dejavuTextWidth);
    });
    expect(textMetrics.width).toBe(original);
    await expect(withDejavuMetrics(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(textMetrics.width).toBe(original);
  });
});
