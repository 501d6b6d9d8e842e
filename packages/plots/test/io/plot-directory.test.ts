import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { plotDirectory, plotsMessages } from '../../src/index.js';
import { GOLDENS, RUN_SMALL } from '../fixtures/paths.js';

const dirs: string[] = [];
function runCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'poolscope-plots-'));
  dirs.push(dir);
  cpSync(RUN_SMALL, dir, { recursive: true });
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('plotDirectory', () => {
  test('writes each figure as .vl.json and SVG only when asked for svg, equal to the goldens', async () => {
    const dir = runCopy();
    const result = await plotDirectory(dir, { formats: ['svg'] });
    expect(result.directory).toBe(join(dir, 'figures'));
    expect(result.skipped).toEqual([]);
    const files = readdirSync(join(dir, 'figures')).sort();
    expect(files).toEqual(result.written.flatMap((w) => w.files.map((f) => f.slice(join(dir, 'figures').length + 1))).sort());
    expect(files).toHaveLength(10);
    expect(files.some((f) => f.endsWith('.png'))).toBe(false);
    for (const name of ['thread-scaling', 'usl-fit']) {
      expect(readFileSync(join(dir, 'figures', `${name}.svg`), 'utf8')).toBe(readFileSync(join(GOLDENS, `${name}.svg`), 'utf8'));
    }
  });

  test('reports the Experiment 3 figures as skipped when the run has no profile', async () => {
    const dir = runCopy();
    rmSync(join(dir, 'raw'), { recursive: true });
    const result = await plotDirectory(dir, { formats: ['png'] });
    expect(result.skipped.map((s) => [s.name, s.reason])).toEqual([
      ['fn-scaling-breakdown', plotsMessages.noProfile],
      ['fn-scaling-distribution', plotsMessages.noProfile],
    ]);
    expect(readdirSync(join(dir, 'figures')).sort()).toEqual([
      'gil-impact.png',
      'gil-impact.vl.json',
      'thread-scaling.png',
      'thread-scaling.vl.json',
      'usl-fit.png',
      'usl-fit.vl.json',
    ]);
  });
});
