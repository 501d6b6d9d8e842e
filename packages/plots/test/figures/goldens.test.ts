import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildFigures, readPlotInput, renderFigure, type FigureSpec, type RenderedFigure } from '../../src/index.js';
import { UPDATE_GOLDENS, expectGolden } from '../fixtures/golden.js';
import { GOLDENS, RUN_SMALL, RUN_WIDE_CI } from '../fixtures/paths.js';

// Golden figures of stored run fixtures: the spec (.vl.json), the SVG byte for byte, and the PNG
// by its SHA-256 (the PNGs are large; on a mismatch the new one is written out to look at).
// Regenerate with UPDATE_GOLDENS=1 after a deliberate change, never by hand.
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Golden tests of the named figures of one run fixture, kept in `goldenDir`. */
function describeGoldens(title: string, run: string, goldenDir: string, names: readonly string[]) {
  let figures: FigureSpec[];
  const rendered = new Map<string, RenderedFigure>();
  const pngHashes: Record<string, string> = {};

  beforeAll(async () => {
    figures = buildFigures(await readPlotInput(run)).figures.filter((f) => names.includes(f.name));
    for (const { name, spec } of figures) {
      const figure = await renderFigure(spec, { idPrefix: name });
      rendered.set(name, figure);
      if (figure.png) pngHashes[name] = sha256(figure.png);
    }
  });

  describe(`figure goldens (${title})`, () => {
    test.each(names)('%s matches its golden', (name) => {
      const figure = rendered.get(name);
      expect(figure, `${name} was not built from the fixture`).toBeDefined();
      if (!figure?.png) throw new Error('no PNG rendered');
      expect(figure.warnings).toEqual([]);
      expectGolden(join(goldenDir, `${name}.vl.json`), figure.vlJson);
      expectGolden(join(goldenDir, `${name}.svg`), figure.svg);
    });

    test('PNGs match their golden hashes', () => {
      const text = `${JSON.stringify(pngHashes, null, 2)}\n`;
      if (!UPDATE_GOLDENS) {
        const expected = JSON.parse(readFileSync(join(goldenDir, 'png-sha256.json'), 'utf8')) as Record<string, string>;
        expect(Object.keys(pngHashes)).toEqual(Object.keys(expected));
        const mismatched = Object.keys(pngHashes).filter((name) => expected[name] !== pngHashes[name]);
        if (mismatched.length > 0) {
          const dir = mkdtempSync(join(tmpdir(), 'poolscope-png-'));
          for (const name of mismatched) writeFileSync(join(dir, `${name}.png`), rendered.get(name)!.png!);
          throw new Error(`PNG differs from its golden hash: ${mismatched.join(', ')} (new files in ${dir}); UPDATE_GOLDENS=1 regenerates after a deliberate change`);
        }
      }
      expectGolden(join(goldenDir, 'png-sha256.json'), text);
    });
  });

  describe(`determinism (${title})`, () => {
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
      const again = buildFigures(await readPlotInput(run)).figures.filter((f) => names.includes(f.name));
      expect(again).toEqual(figures);
    });
  });
}

describeGoldens('run-small', RUN_SMALL, GOLDENS, ['thread-scaling', 'gil-impact', 'fn-scaling-breakdown', 'fn-scaling-distribution', 'usl-fit']);
// Plateau CIs far past threads 1..4, one open: the speedup figures clamp them to the axis.
describeGoldens('run-wide-ci', RUN_WIDE_CI, join(GOLDENS, 'wide-ci'), ['thread-scaling', 'gil-impact']);
