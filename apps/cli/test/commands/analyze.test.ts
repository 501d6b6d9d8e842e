import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coreMessages, formatCsvLine, timingSchema } from '@poolscope/core';
import { DEFAULT_PLATEAU_GAIN, DEFAULT_RESAMPLES, analysisMessages, synthesizeTimings } from '@poolscope/analysis';
import { analyzeMessages } from '../../src/commands/analyze-messages.js';
import { cliMessages } from '../../src/messages.js';
import { runCli } from '../helpers.js';

function runDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'poolscope-cli-analyze-'));
  mkdirSync(join(dir, 'raw'));
  const lines = [formatCsvLine([...timingSchema.columns])];
  const spec = {
    targets: [{ target: 'node-pool', sigma: 0.05, kappa: 0.001, taskSeconds: 1e-4 }],
    taskCounts: [1000],
    threads: [1, 2, 4, 8],
    repeats: 3,
  };
  for (const r of synthesizeTimings(spec)) lines.push(formatCsvLine(timingSchema.encode(r)));
  writeFileSync(join(dir, 'raw', 'timings.csv'), lines.join(''));
  return dir;
}

function foreignCsv(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'poolscope-cli-foreign-')), 'load.csv');
  const usl = (n: number) => (100 * n) / (1 + 0.05 * (n - 1) + 0.002 * n * (n - 1));
  writeFileSync(file, ['vus,rps', ...[1, 2, 4, 8, 16, 32].map((n) => `${n},${usl(n)}`)].join('\n'));
  return file;
}

describe('poolscope analyze', () => {
  it('analyses a run directory and writes DIR/analysis', async () => {
    const dir = runDir();
    const result = await runCli(['analyze', dir, '--predict', '16']);
    expect(result.code).toBe(0);
    for (const f of ['summary.json', 'speedup.csv', 'fits.csv']) expect(existsSync(join(dir, 'analysis', f))).toBe(true);
    expect(result.stdout).toContain('node-pool, 1000 cpu tasks');
    expect(result.stdout).toContain(analyzeMessages.observations);
    expect(result.stderr).toContain('summary.json');
    const summary = JSON.parse(readFileSync(join(dir, 'analysis', 'summary.json'), 'utf8'));
    expect(summary.settings.predict).toEqual([16]);
  });

  it('prints one JSON document for a foreign CSV with --json, in the documented shape', async () => {
    const result = await runCli(['analyze', foreignCsv(), '--x', 'vus', '--y', 'rps', '--json']);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    const usl = doc.groups[0].fits.usl;
    expect(usl.sigma).toBeCloseTo(0.05, 5);
    expect(usl.kappa).toBeCloseTo(0.002, 6);
    expect(usl.gamma).toBeCloseTo(100, 3);
    expect(Object.keys(usl.stderr).sort()).toEqual(['gamma', 'kappa', 'sigma']);
    expect(usl.peak.x).toBeCloseTo(Math.sqrt(0.95 / 0.002), 3);
    expect(doc.groups[0].plateau.status).toBe('found');
    // Noise-free data: no noise to size a calibrated interval by, and the reason says so.
    expect(usl.intervals.kappa).toEqual({ status: 'unavailable', method: 'profile-log', reason: analysisMessages.intervalExactFit });
  });

  it('prints the calibrated intervals beside the linearised standard errors, and where the plateau begins', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'poolscope-cli-noisy-')), 'load.csv');
    // Two repetitions 2% either side of the USL with sigma 0.05, kappa 0.002, gamma 100.
    const usl = (n: number) => (100 * n) / (1 + 0.05 * (n - 1) + 0.002 * n * (n - 1));
    const rows = [1, 2, 4, 8, 16, 32].flatMap((n, i) => [`${n},${usl(n) * (i % 2 ? 1.02 : 0.98)}`, `${n},${usl(n) * (i % 2 ? 1.01 : 0.99)}`]);
    writeFileSync(file, ['vus,rps', ...rows].join('\n'));
    const text = await runCli(['analyze', file, '--x', 'vus', '--y', 'rps']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/calibrated 95% CI: sigma [0-9.e-]+-[0-9.e-]+ {2}kappa /);
    expect(text.stdout).toContain('95% CI of where it begins: ');
    const doc = JSON.parse((await runCli(['analyze', file, '--x', 'vus', '--y', 'rps', '--json'])).stdout);
    const { intervals } = doc.groups[0].fits.usl;
    expect(intervals.sigma.status).toBe('ok');
    expect(intervals.sigma.ci95[0]).toBeLessThan(0.05);
    expect(intervals.sigma.ci95[1]).toBeGreaterThan(0.05);
    expect(doc.groups[0].plateau.interval.method).toBe('profile-log');
  });

  it('prints a readable table without --json', async () => {
    const result = await runCli(['analyze', foreignCsv(), '--x', 'vus', '--y', 'rps']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('USL     sigma');
    expect(result.stdout).toContain(analyzeMessages.intervalMissing(['sigma', 'kappa', 'gamma', 'peak'], analysisMessages.intervalExactFit));
    expect(result.stdout).toContain(analyzeMessages.preferred('usl'));
  });

  it('keeps the table header unambiguous when the x column is itself called n', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'poolscope-cli-foreign-n-')), 'n.csv');
    writeFileSync(file, ['n,rps', ...[1, 2, 4, 8].map((n) => `${n},${(100 * n) / (1 + 0.1 * (n - 1))}`)].join('\n'));
    const result = await runCli(['analyze', file, '--x', 'n', '--y', 'rps']);
    expect(result.code).toBe(0);
    const header = result.stdout.split('\n').find((line) => line.includes('median rps'))!.trim().split(/\s{2,}/);
    expect(header).toEqual(analyzeMessages.tableHeader('n', 'rps'));
    expect(new Set(header).size).toBe(header.length);
  });

  it('rejects bad usage with exit 2, naming the option', async () => {
    const file = foreignCsv();
    const cases: [string[], string][] = [
      [['analyze', file, '--x', 'vus'], analyzeMessages.xWithoutY('--x', '--y')],
      [['analyze', file, '--x', 'vus', '--y', 'rps', '--metric', 'speed'], coreMessages.badOption('--metric', analyzeMessages.oneOf(['throughput', 'time']), 'speed')],
      [['analyze', file, '--x', 'vus', '--y', 'rps', '--predict', '12,0'], coreMessages.badOption('--predict', coreMessages.expectedValue.positiveNumberList, '12,0')],
      [['analyze', runDir(), '--by', 'site'], analyzeMessages.foreignOnDirectory('--by')],
    ];
    for (const [argv, message] of cases) {
      const result = await runCli(argv);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${cliMessages.errorPrefix}${message}`);
      expect(result.stderr).not.toContain('    at ');
    }
  });

  it('rejects bad data with exit 2 and the file:line', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'poolscope-cli-bad-')), 'bad.csv');
    writeFileSync(file, 'vus,rps\n1,10\n2,-1\n');
    const result = await runCli(['analyze', file, '--x', 'vus', '--y', 'rps']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(analysisMessages.notPositive(`${file}:3`, 'rps', '-1'));
  });

  it('shows the defaults of its bootstrap options in --help', async () => {
    const help = await runCli(['analyze', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--seed <n>\s+.*\(default: 1\)/);
    expect(help.stdout).toMatch(new RegExp(`--resamples <n>\\s+.*\\(default: ${DEFAULT_RESAMPLES}\\)`));
    expect(help.stdout.replace(/\s+/g, ' ')).toContain(`(default: ${DEFAULT_PLATEAU_GAIN})`);
  });
});
