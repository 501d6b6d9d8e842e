import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, coreMessages, writeHostInfo, type HostInfo, type TimingRecord } from '@poolscope/core';
import { analyzeRunDirectory } from '../../src/output/analyze-run-directory.js';
import { analyzeTimings } from '../../src/timings/analyze-timings.js';
import { findCrossover } from '../../src/timings/crossover.js';
import { FITS_COLUMNS, SPEEDUP_COLUMNS } from '../../src/output/tables.js';
import { analysisMessages } from '../../src/messages.js';
import { synthesizeTimings, type SynthesisSpec } from '../../src/synth/synthesize-timings.js';
import type { TimingGroup } from '../../src/timings/summary.js';
import { syntheticRun, tempDir, writeTimings } from '../fixtures/write-timings.js';

const SPEC: SynthesisSpec = {
  targets: [
    { target: 'python3.13', gil: true, sigma: 0.9, kappa: 0.001, taskSeconds: 1e-4, overheadSeconds: 0.01 },
    { target: 'python3.13t', gil: false, sigma: 0.04, kappa: 0.002, taskSeconds: 1.3e-4, overheadSeconds: 0.01 },
  ],
  taskTypes: ['cpu'],
  taskCounts: [100, 1000, 10000],
  threads: [1, 2, 4, 8, 12, 16],
  repeats: 5,
  noise: 0.01,
  failureRate: 0.03,
  seed: 3,
};

const host = (cores: number): HostInfo => ({
  schema_version: 1,
  hostname: 'h',
  os: { platform: 'linux', name: 'Linux', kernel: '6', arch: 'x64' },
  cpu: { model: 'cpu', logical_cores: cores, physical_cores: cores },
  memory_bytes: 1024,
  node_version: 'v20',
  interpreters: [],
});

describe('analyzeRunDirectory', () => {
  it('writes summary.json, speedup.csv and fits.csv, recovering the USL of the free-threaded target', async () => {
    const dir = syntheticRun(SPEC);
    writeHostInfo(join(dir, 'host.json'), host(16));
    const { summary, files } = await analyzeRunDirectory(dir, { predict: [32] });
    const failed = [...synthesizeTimings(SPEC)].filter((r) => r.status !== 'ok');
    expect(summary.inputs).toEqual({
      files: ['raw/timings.csv'],
      rows: 180,
      ok_rows: 180 - failed.length,
      dropped: { error: failed.filter((r) => r.status === 'error').length, timeout: failed.filter((r) => r.status === 'timeout').length },
    });
    expect(failed.length).toBeGreaterThan(0);
    expect(summary.settings.logical_cores).toEqual({ value: 16, source: 'host.json' });
    expect(JSON.parse(readFileSync(files.summary, 'utf8'))).toEqual(JSON.parse(JSON.stringify(summary)));
    expect(readFileSync(files.speedup, 'utf8').split('\n')[0]).toBe(SPEEDUP_COLUMNS.join(','));
    expect(readFileSync(files.fits, 'utf8').split('\n')[0]).toBe(FITS_COLUMNS.join(','));
    expect(readFileSync(files.speedup, 'utf8').trim().split('\n')).toHaveLength(1 + 2 * 3 * 6);
    expect(readFileSync(files.summary, 'utf8')).not.toMatch(/NaN|Infinity/);

    const ft = summary.groups.find((g) => g.key.target === 'python3.13t' && g.key.num_tasks === 10000)!;
    expect(ft.gil).toBe(false);
    const usl = ft.fits.usl;
    if (usl.status !== 'ok') throw new Error(usl.reason);
    console.log('USL from timings', { sigma: [usl.sigma, usl.ci95.sigma], kappa: [usl.kappa, usl.ci95.kappa], gamma: [usl.gamma, usl.ci95.gamma] });
    // The overhead (0.01 s of 1.3 s) shifts the curve slightly: recover sigma 0.04 and kappa 0.002 to two decimals.
    expect(usl.sigma).toBeCloseTo(0.04, 1);
    expect(usl.kappa).toBeCloseTo(0.002, 3);
    expect(ft.fits.preferred).toBe('usl');
    // CPU: the synthetic machine keeps min(threads, 2) cores at 95% busy: utilisation 0.95 * 2 / 16 at 16 threads.
    expect(ft.points.at(-1)!.cpu_utilisation).toBeCloseTo((0.95 * 2) / 16, 6);
    expect(ft.predictions[0]!.x).toBe(32);

    const single = summary.comparisons[0]!.single_thread.find((s) => s.num_tasks === 10000)!;
    // One thread: (0.01 + 10000 * 1e-4) / (0.01 + 10000 * 1.3e-4) = 1.01 / 1.31 = 0.771
    expect(single.time_ratio).toBeCloseTo(1.01 / 1.31, 1);
    expect(summary.observations.some((o) => o.kind === 'plateau' && o.target === 'python3.13t')).toBe(true);

    // The calibrated intervals beside the linearised ones: in the summary and as the last columns of fits.csv.
    const sigma = usl.intervals.sigma;
    if (sigma.status !== 'ok') throw new Error(sigma.reason);
    expect(sigma.ci95[0]).toBeLessThan(usl.sigma);
    expect(sigma.ci95[1]!).toBeGreaterThan(usl.sigma);
    expect(usl.intervals.gamma).toEqual({ status: 'unavailable', method: 'profile-log', reason: analysisMessages.intervalSetByBaseline('gamma') });
    const rows = readFileSync(files.fits, 'utf8').trim().split('\n');
    const row = (param: string) => rows.find((r) => r.startsWith(`python3.13t,cpu,10000,usl,ok,${param},`))!;
    const cells = row('sigma').split(',');
    const at = (column: (typeof FITS_COLUMNS)[number]) => cells[FITS_COLUMNS.indexOf(column)];
    expect(Number(at('interval_lo'))).toBeCloseTo(sigma.ci95[0], 8);
    expect(at('interval_method')).toBe('profile-log');
    expect(at('interval_note')).toBe('');
    expect(Number(at('peak_lo'))).toBeGreaterThan(0);
    expect(row('gamma')).toContain(`,profile-log,"${analysisMessages.intervalSetByBaseline('gamma')}",`);
    if (ft.plateau.status === 'found' && ft.plateau.interval.status === 'ok') {
      expect(Number(at('plateau_crossing'))).toBeCloseTo(ft.plateau.crossing, 6);
      expect(Math.floor(ft.plateau.crossing) + 1).toBe(ft.plateau.threshold);
    }
    expect(summary.notes).toContain(analysisMessages.droppedRows(summary.inputs.dropped.error, summary.inputs.dropped.timeout));
  });

  it('is deterministic: the same input gives the same bytes', async () => {
    const a = await analyzeRunDirectory(syntheticRun(SPEC));
    const b = await analyzeRunDirectory(syntheticRun(SPEC));
    expect(JSON.stringify(a.summary)).toBe(JSON.stringify(b.summary));
  });

  it('states the assumed core count without host.json, and takes one given', async () => {
    const dir = syntheticRun({ ...SPEC, failureRate: 0 });
    expect((await analyzeRunDirectory(dir)).summary.settings.logical_cores.source).toBe('assumed');
    const given = await analyzeRunDirectory(dir, { cores: 4 });
    expect(given.summary.settings.logical_cores).toEqual({ value: 4, source: 'option' });
    expect(given.summary.notes).toContain(analysisMessages.coresFromOption(4));
  });

  it('rejects zero and negative wall times with the file and line', async () => {
    const dir = tempDir();
    const file = join(dir, 'raw', 'timings.csv');
    const rows = [...synthesizeTimings({ ...SPEC, failureRate: 0, taskCounts: [100], threads: [1, 2] })];
    writeTimings(file, rows);
    const lines = readFileSync(file, 'utf8').split('\n');
    const cut = (line: string, value: string) => line.split(',').map((c, i) => (i === 11 ? value : c)).join(',');
    writeFileSync(file, [...lines.slice(0, 3), cut(lines[3]!, '0'), ...lines.slice(4)].join('\n'));
    await expect(analyzeRunDirectory(dir)).rejects.toMatchObject({ code: ERROR_CODES.BAD_DATA, message: expect.stringContaining(`${file}:4: column 'wall_ns'`) });
    writeFileSync(file, [...lines.slice(0, 3), cut(lines[3]!, '-5'), ...lines.slice(4)].join('\n'));
    await expect(analyzeRunDirectory(dir)).rejects.toMatchObject({
      message: coreMessages.cellProblem(`${file}:4`, 'wall_ns', coreMessages.expectedGot('a non-negative integer or empty', '-5')),
    });
  });

  it('says where raw timings are expected when a directory has none', async () => {
    const dir = tempDir();
    await expect(analyzeRunDirectory(dir)).rejects.toMatchObject({ code: ERROR_CODES.NOT_FOUND, message: analysisMessages.noRawTimings(dir) });
  });
});

describe('analyzeTimings on degenerate data', () => {
  const rows = (threads: number[], seconds: (n: number) => number): TimingRecord[] =>
    threads.flatMap((n) =>
      [0, 1, 2].map((repeat) => ({
        run_id: 'r', host_id: 'h', target: 't', runtime: 'node', runtime_version: '20', gil: null, task_type: 'cpu' as const, task_work: 1,
        num_tasks: 10, num_threads: n, repeat, started_at: '2026-01-01T00:00:00.000Z',
        status: 'ok' as const, wall_ns: Math.round(seconds(n) * 1e9), cpu_user_ns: 1, cpu_sys_ns: 0, max_rss_kb: 1, error: '' as const,
      })),
    );

  it('one thread count: fits say insufficient data, nothing is NaN', () => {
    const s = analyzeTimings(rows([4], () => 1), { cores: { value: 2, source: 'option' } });
    const g = s.groups[0]!;
    expect(g.fits.usl).toMatchObject({ status: 'insufficient', reason: analysisMessages.insufficientPoints(1, 4, 'x value') });
    expect(g.fits.amdahl.status).toBe('insufficient');
    expect(g.fits.preferred).toBeNull();
    expect(g.plateau.status).toBe('insufficient');
    expect(s.crossovers[0]!.status).toBe('insufficient');
    expect(JSON.stringify(s)).not.toMatch(/NaN|Infinity/);
    expect(s.notes).toContain(analysisMessages.baselineNotOne('t 10 cpu tasks', 4));
  });

  it('constant times: speedup 1 everywhere, full contention, plateau from 1 thread', () => {
    const s = analyzeTimings(rows([1, 2, 4, 8], () => 2), { cores: { value: 2, source: 'option' } });
    const g = s.groups[0]!;
    expect(g.points.map((p) => p.speedup)).toEqual([1, 1, 1, 1]);
    expect(g.fits.amdahl.status === 'ok' && g.fits.amdahl.s).toBeCloseTo(1, 6);
    expect(g.plateau.status === 'found' && g.plateau.threshold).toBe(1);
    expect(JSON.stringify(s)).not.toMatch(/NaN|Infinity/);
  });
});

describe('findCrossover', () => {
  const group = (num_tasks: number, best: number): TimingGroup =>
    ({ key: { target: 't', task_type: 'cpu', num_tasks }, points: [{ x: 1, speedup: 1 }, { x: 4, speedup: best }] }) as unknown as TimingGroup;

  it('interpolates on log(task count)', () => {
    // best speedup - 1.05: -0.05 at 100 tasks, +0.05 at 1000 -> halfway in log: sqrt(100 * 1000) = 316.23
    const c = findCrossover('t', 'cpu', [group(100, 1.0), group(1000, 1.1), group(10000, 3)]);
    expect(c.status).toBe('found');
    expect(c.status === 'found' && c.num_tasks).toBeCloseTo(316.2278, 3);
    expect(c.status === 'found' && c.between).toEqual([100, 1000]);
  });

  it('says none within the measured range, or below it', () => {
    expect(findCrossover('t', 'cpu', [group(100, 1.0), group(1000, 1.04)]).status).toBe('none');
    expect(findCrossover('t', 'cpu', [group(100, 1.2), group(1000, 2)])).toMatchObject({ status: 'below-range', num_tasks: 100 });
    // A dip back below the margin moves the crossover to after it.
    const c = findCrossover('t', 'cpu', [group(10, 1.2), group(100, 1.0), group(1000, 1.1)]);
    expect(c.status === 'found' && c.between).toEqual([100, 1000]);
  });
});

describe('observations', () => {
  /** Rows of one target: `seconds(n)` per repeat, `repeats` repeats per thread count. */
  const rows = (target: string, repeats: number, seconds: (n: number, repeat: number) => number): TimingRecord[] =>
    [1, 2, 4].flatMap((n) =>
      Array.from({ length: repeats }, (_, repeat) => ({
        run_id: 'r', host_id: 'h', target, runtime: 'node', runtime_version: '20', gil: null, task_type: 'cpu' as const, task_work: 1,
        num_tasks: 10, num_threads: n, repeat, started_at: '2026-01-01T00:00:00.000Z',
        status: 'ok' as const, wall_ns: Math.round(seconds(n, repeat) * 1e9), cpu_user_ns: 1, cpu_sys_ns: 0, max_rss_kb: 1, error: '' as const,
      })),
    );
  const options = { cores: { value: 2, source: 'option' as const } };
  const scaling = (s: ReturnType<typeof analyzeTimings>) => s.observations.filter((o) => o.kind === 'scaling').map((o) => o.text);

  it('says a target does not speed up when one thread is fastest, instead of "reaches 1.0x with 1 thread"', () => {
    // Slower with every thread added: 1 s, 1.2 s, 1.5 s (with a little spread between repeats).
    const slower = rows('node-main', 3, (n, r) => (n === 1 ? 1 : n === 2 ? 1.2 : 1.5) * (1 + 0.01 * r));
    const text = scaling(analyzeTimings(slower, options));
    expect(text).toEqual([analysisMessages.obsBest('10 cpu tasks', [analysisMessages.obsNoSpeedupPart('node-main', 1)])]);
    expect(text[0]).not.toContain('reaches');
  });

  it('gives no CI for cells of fewer than 2 repetitions, and says why once', () => {
    const once = [...rows('a', 1, (n) => 1 / n), ...rows('b', 1, (n) => 1.2 / n)];
    const s = analyzeTimings(once, options);
    const text = s.observations.map((o) => o.text);
    expect(text.join('\n')).not.toContain('(95% CI');
    expect(scaling(s)[0]).toBe(analysisMessages.obsBest('10 cpu tasks', [analysisMessages.obsBestPart('a', 4, 4, null), analysisMessages.obsBestPart('b', 4, 4, null)]));
    expect(text.filter((t) => t === analysisMessages.obsNoCi(2))).toHaveLength(1);

    const twice = analyzeTimings(rows('a', 2, (n, r) => (1 + 0.05 * r) / n), options);
    expect(scaling(twice)[0]).toContain('95% CI');
    expect(twice.observations.map((o) => o.text)).not.toContain(analysisMessages.obsNoCi(2));
  });

  it('explains a cpu speedup above the core count by the waiting more threads overlap, with its numbers', () => {
    // 10 tasks: 1 s on one thread (100,000 us a task), 0.3 s on four (3.3x on 2 cores: at most 60,000 us of CPU a task).
    const s = analyzeTimings(rows('node-pool', 3, (n, r) => (n === 1 ? 1 : n === 2 ? 0.55 : 0.3) * (1 + 0.001 * r)), options);
    const [one, best] = [1, 4].map((n) => s.groups[0]!.points.find((p) => p.x === n)!);
    expect(scaling(s)).toContain(analysisMessages.obsAboveCores('node-pool', '10 cpu tasks', best!.speedup, 4, 2, (one!.median / 10) * 1e6, (best!.median / 10) * 1e6 * 2));
    expect(scaling(s).at(-1)).toMatch(/at least 400[0-9]{2} us per task on one thread was waiting/);
    // Within the cores (1.9x on 2): nothing to explain.
    const within = analyzeTimings(rows('node-pool', 3, (n, r) => (n === 1 ? 1 : 0.53) * (1 + 0.001 * r)), options);
    expect(scaling(within)).toHaveLength(1);
  });
});
