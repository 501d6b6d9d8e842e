import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { FIGURE_NAMES, plotsMessages } from '@poolscope/plots';
import { plotMessages } from '../../src/commands/plot-messages.js';
import { cliMessages } from '../../src/messages.js';
import { runCli } from '../helpers.js';

// The run fixture and figure goldens of @poolscope/plots: the CLI must write exactly those figures.
const PLOTS_TEST = fileURLToPath(new URL('../../../../packages/plots/test/', import.meta.url));
const RUN_SMALL = join(PLOTS_TEST, 'fixtures', 'run-small');
const GOLDENS = join(PLOTS_TEST, 'goldens');

const dirs: string[] = [];
function runCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'poolscope-cli-plot-'));
  dirs.push(dir);
  cpSync(RUN_SMALL, dir, { recursive: true });
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('poolscope plot', () => {
  it('writes every figure as SVG, PNG and .vl.json, byte for byte the goldens, and says what it wrote', async () => {
    const dir = runCopy();
    const result = await runCli(['plot', dir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const files = readdirSync(join(dir, 'figures')).sort();
    expect(files).toEqual(FIGURE_NAMES.flatMap((name) => [`${name}.png`, `${name}.svg`, `${name}.vl.json`]).sort());
    for (const name of FIGURE_NAMES) {
      expect(readFileSync(join(dir, 'figures', `${name}.svg`), 'utf8')).toBe(readFileSync(join(GOLDENS, `${name}.svg`), 'utf8'));
      expect(result.stdout).toContain(plotMessages.wrote(name, ''));
    }
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe(plotMessages.done(5, join(dir, 'figures')));
  });

  it('writes only the formats asked for', async () => {
    const dir = runCopy();
    expect((await runCli(['plot', dir, '--format', 'svg'])).code).toBe(0);
    expect(readdirSync(join(dir, 'figures')).filter((f) => f.endsWith('.png'))).toEqual([]);
    expect(readdirSync(join(dir, 'figures')).filter((f) => f.endsWith('.svg'))).toHaveLength(5);
  });

  it('says which figures it skipped and why', async () => {
    const dir = runCopy();
    rmSync(join(dir, 'raw'), { recursive: true });
    const result = await runCli(['plot', dir, '--format', 'svg']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(plotMessages.skipped('fn-scaling-breakdown', plotsMessages.noProfile));
    expect(result.stdout).toContain(plotMessages.done(3, join(dir, 'figures')));
  });

  it('rejects an unknown format, naming the option and the choices (exit 2)', async () => {
    const result = await runCli(['plot', runCopy(), '--format', 'svg,jpg']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `${cliMessages.errorPrefix}${plotMessages.badFormat('svg,jpg')}\n${cliMessages.hintPrefix}${cliMessages.fallbackHints.E_USAGE!('plot')}\n`,
    );
  });

  it('rejects a directory that does not exist (exit 2)', async () => {
    const missing = join(tmpdir(), 'poolscope-no-such-run-dir');
    const result = await runCli(['plot', missing]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${cliMessages.errorPrefix}${plotMessages.noDirectory(missing)}\n${cliMessages.hintPrefix}${plotMessages.noDirectoryHint}\n`);
  });

  it('asks for the analysis when the run has none yet (exit 2)', async () => {
    const dir = runCopy();
    rmSync(join(dir, 'analysis'), { recursive: true });
    const result = await runCli(['plot', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `${cliMessages.errorPrefix}${plotsMessages.summaryMissing(join(dir, 'analysis', 'summary.json'))}\n${cliMessages.hintPrefix}${plotsMessages.summaryMissingHint}\n`,
    );
  });

  it('runs as the real binary (end to end)', () => {
    const dir = runCopy();
    const bin = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));
    const child = spawnSync(process.execPath, [bin, 'plot', dir, '--format', 'png'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(readdirSync(join(dir, 'figures')).filter((f) => f.endsWith('.png'))).toHaveLength(5);
  });
});
