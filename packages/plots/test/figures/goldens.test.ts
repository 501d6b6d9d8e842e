import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildFigures, readPlotInput, renderFigure, type FigureSpec, type RenderedFigure } from '../../src/index.js';
import { UPDATE_GOLDENS, expectGolden } from '../fixtures/golden.js';
import { GOLDENS, RUN_SMALL } from '../fixtures/paths.js';

// Golden figures of the run-small fixture: the spec (.vl.json), the SVG byte for byte, and the PNG
// by its SHA-256 (the PNGs are large; on a mismatch the new one is written out to look at).
// Regenerate with UPDATE_GOLDENS=1 after a deliberate change, never by hand.
let figures: FigureSpec[];
const rendered = new Map<string, RenderedFigure>();
const pngHashes: Record<string, string> = {};

beforeAll(async () => {
  figures = buildFigures(await readPlotInput(RUN_SMALL)).figures;
  for (const { name, spec } of figures) {
    const figure = await renderFigure(spec, { idPrefix: name });
    rendered.set(name, figure);
    if (figure.png) pngHashes[name] = sha256(figure.png);
  }
});

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('figure goldens (run-small)', () => {
  test.each(['thread-scaling', 'gil-impact', 'fn-scaling-breakdown', 'fn-scaling-distribution', 'usl-fit'])('%s matches its golden', (name) => {
    const figure = rendered.get(name);
    expect(figure, `${name} was not built from the fixture`).toBeDefined();
    if (!figure?.png) throw new Error('no PNG rendered');
    expect(figure.warnings).toEqual([]);
    expectGolden(join(GOLDENS, `${name}.vl.json`), figure.vlJson);
    expectGolden(join(GOLDENS, `${name}.svg`), figure.svg);
  });

  test('PNGs match their golden hashes', () => {
    const text = `${JSON.stringify(pngHashes, null, 2)}\n`;
    if (!UPDATE_GOLDENS) {
      const expected = JSON.parse(readGolden('png-sha256.json')) as Record<string, string>;
      expect(Object.keys(pngHashes)).toEqual(Object.keys(expected));
      const mismatched = Object.keys(pngHashes).filter((name) => expected[name] !== pngHashes[name]);
      if (mismatched.length > 0) {
        const dir = mkdtempSync(join(tmpdir(), 'poolscope-png-'));
        for (const name of mismatched) writeFileSync(join(dir, `${name}.png`), rendered.get(name)!.png!);
        throw new Error(`PNG differs from its golden hash: ${mismatched.join(', ')} (new files in ${dir}); UPDATE_GOLDENS=1 regenerates after a deliberate change`);
      }
    }
    expectGolden(join(GOLDENS, 'png-sha256.json'), text);
  });
});

function readGolden(file: string): string {
  return readFileSync(join(GOLDENS, file), 'utf8');
}

describe('determinism', () => {
  test('rendering the same figure again gives the same bytes (SVG, PNG and spec)', async () => {
    for (const { name, spec } of figures) {
      const again = await renderFigure(spec, { idPrefix: name });
      const first = rendered.get(name)!;
      expect(again.svg === first.svg, `${name}.svg`).toBe(true);
      expect(again.png?.equals(first.png!), `${name}.png`).toBe(true);
      expect(again.vlJson).toBe(first.vlJson);
    }
  });

  test('reading the run again builds the same specs', async () => {
    const again = buildFigures(await readPlotInput(RUN_SMALL)).figures;
    expect(again).toEqual(figures);
  });
});
