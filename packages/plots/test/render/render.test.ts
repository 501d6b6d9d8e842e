import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, test, vi } from 'vitest';
import { renderFigure } from '../../src/index.js';
import { FONT_FAMILY } from '../../src/render/fonts.js';
import { prefixSvgIds, renderSvg, svgToPng } from '../../src/render/render.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A small spec with text, a clip path (clip: true) and data labels. */
function smallSpec(label = 'python3.13t'): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'A title',
    width: 120,
    height: 80,
    config: { font: FONT_FAMILY },
    data: { values: [1, 2, 4].map((n) => ({ n, s: n * 0.9, label })) },
    mark: { type: 'line', point: true, clip: true },
    encoding: { x: { field: 'n', type: 'quantitative' }, y: { field: 's', type: 'quantitative' }, color: { field: 'label', type: 'nominal' } },
  } as TopLevelSpec;
}

/** Width and height of a PNG from its IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('renderSvg', () => {
  test('renders headless to SVG text in DejaVu Sans, without warnings', async () => {
    const { svg, warnings } = await renderSvg(smallSpec());
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('font-family="DejaVu Sans"');
    expect(svg).toContain('>python3.13t</text>');
    expect(warnings).toEqual([]);
  });

  test('the same spec gives the same bytes, also when rendered concurrently', async () => {
    const first = (await renderSvg(smallSpec())).svg;
    await renderSvg(smallSpec('another figure in between'));
    const again = (await renderSvg(smallSpec())).svg;
    const concurrent = await Promise.all([renderSvg(smallSpec()), renderSvg(smallSpec()), renderSvg(smallSpec())]);
    expect(again).toBe(first);
    for (const { svg } of concurrent) expect(svg).toBe(first);
    // Vega numbers clip paths process-wide; each render starts again from clip1.
    expect(first).toContain('id="clip1"');
  });

  test('keeps Vega-Lite warnings instead of printing them', async () => {
    const warn = vi.spyOn(console, 'warn');
    const spec = { ...smallSpec(), encoding: { ...(smallSpec() as { encoding: object }).encoding, size: { field: 'label', type: 'quantitative' } } } as TopLevelSpec;
    const { warnings } = await renderSvg(spec);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('svgToPng', () => {
  test('rasterises at twice the SVG size by default, the same bytes every time', async () => {
    const { svg } = await renderSvg(smallSpec());
    const width = Number(/width="(\d+)"/.exec(svg)?.[1]);
    const height = Number(/height="(\d+)"/.exec(svg)?.[1]);
    const png = svgToPng(svg);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(png)).toEqual([width * 2, height * 2]);
    expect(svgToPng(svg).equals(png)).toBe(true);
    expect(pngSize(svgToPng(svg, 1))).toEqual([width, height]);
  });

  test('draws the text with the bundled font (a label changes the pixels)', async () => {
    const a = svgToPng((await renderSvg(smallSpec('aaaa'))).svg);
    const b = svgToPng((await renderSvg(smallSpec('bbbb'))).svg);
    expect(a.equals(b)).toBe(false);
  });
});

describe('renderFigure', () => {
  test('gives the spec as .vl.json text, the SVG, and the PNG only when asked', async () => {
    const both = await renderFigure(smallSpec());
    expect(JSON.parse(both.vlJson)).toEqual(smallSpec());
    expect(both.png).toBeInstanceOf(Buffer);
    const svgOnly = await renderFigure(smallSpec(), { formats: ['svg'] });
    expect(svgOnly.png).toBeUndefined();
    expect(svgOnly.svg).toBe(both.svg);
  });
});

describe('purity', () => {
  test('rendering leaves the caller’s spec untouched (Vega tags data rows it is given)', async () => {
    const spec = smallSpec();
    const rows = (spec as unknown as { data: { values: object[] } }).data.values;
    await renderSvg(spec);
    expect(Object.getOwnPropertySymbols(rows[0]!)).toEqual([]);
    expect(spec).toEqual(smallSpec());
  });
});

describe('prefixSvgIds', () => {
  test('prefixes clip-path and gradient ids and their references, so SVGs can share a page', async () => {
    const { svg } = await renderSvg(smallSpec(), { idPrefix: 'thread-scaling' });
    expect(svg).toContain('<clipPath id="thread-scaling-clip1">');
    expect(svg).toContain('clip-path="url(#thread-scaling-clip1)"');
    expect(svg).not.toMatch(/id="clip\d/);
    expect(svg).not.toMatch(/url\(#clip\d/);
  });

  test('leaves text alone, even text that looks like a reference', () => {
    const svg = '<g clip-path="url(#clip1)"><text>url(#clip1) id="clip1"</text></g><linearGradient id="gradient_0"/>';
    expect(prefixSvgIds(svg, 'f')).toBe('<g clip-path="url(#f-clip1)"><text>url(#clip1) id="clip1"</text></g><linearGradient id="f-gradient_0"/>');
  });
});
