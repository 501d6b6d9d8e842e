import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostId, readHostInfo, type HostInfo } from '@poolscope/core';
import type { AnalysisSummary } from '@poolscope/analysis';
import { FIGURE_NAMES } from '@poolscope/plots';
import { cliMessages } from '../../src/messages.js';
import { plotMessages } from '../../src/commands/plot-messages.js';
import { pipelineMessages } from '../../src/pipeline/messages.js';
import { escapeMarkdown } from '../../src/report/markdown.js';
import { reportMessages as m } from '../../src/report/messages.js';
import { copyRun, REPORT_GOLDENS } from '../fixtures/paths.js';
import { expectGolden, expectGoldenHashes, sha256 } from '../fixtures/golden.js';
import { runCli } from '../helpers.js';

const read = (dir: string, file: string) => readFileSync(join(dir, file));
const headings = (md: string) => md.split('\n').filter((l) => l.startsWith('#'));

describe('poolscope report DIR (a stored run: raw CSVs and host.json only)', () => {
  let dir: string;
  let result: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    dir = copyRun();
    result = await runCli(['report', dir]);
  });

  it('recomputes the analysis, the figures and the report, measuring nothing', () => {
    expect(result.stderr).not.toContain(cliMessages.errorPrefix);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(pipelineMessages.reportHeading(dir));
    for (const file of ['analysis/summary.json', 'analysis/speedup.csv', 'analysis/fits.csv', 'report.md', 'report.html']) expect(existsSync(join(dir, file)), file).toBe(true);
    // Nothing measured: the raw files are as stored.
    expect(readdirSync(join(dir, 'raw')).sort()).toEqual(['host.json', 'pipeline.json', 'plan.json', 'profile.csv', 'timings.csv']);
  });

  it('draws the same figures byte for byte as the stored goldens', () => {
    const hashes: Record<string, string> = {};
    for (const name of FIGURE_NAMES) {
      expectGolden(join(REPORT_GOLDENS, `${name}.svg`), read(dir, `figures/${name}.svg`));
      hashes[`${name}.png`] = sha256(read(dir, `figures/${name}.png`));
      hashes[`${name}.vl.json`] = sha256(read(dir, `figures/${name}.vl.json`));
    }
    expectGoldenHashes(join(REPORT_GOLDENS, 'sha256.json'), hashes);
  });

  it('gives the same bytes again when run twice', async () => {
    const before = ['report.md', 'report.html', ...FIGURE_NAMES.map((n) => `figures/${n}.png`)].map((f) => sha256(read(dir, f)));
    expect((await runCli(['report', dir])).code).toBe(0);
    expect(['report.md', 'report.html', ...FIGURE_NAMES.map((n) => `figures/${n}.png`)].map((f) => sha256(read(dir, f)))).toEqual(before);
  });

  it("follows the RCA's structure: harness, platform, Experiments 1 to 3 with figures and observations, methods, limitations", () => {
    const md = read(dir, 'report.md').toString();
    expect(headings(md)).toEqual([
      `# ${m.title}`,
      `## ${m.summaryTitle}`,
      `## ${m.harnessTitle}`,
      `### ${m.pythonTitle}`,
      `### ${m.nodeTitle}`,
      `## ${m.platformTitle}`,
      `### ${m.runtimesTitle}`,
      `## ${escapeMarkdown(m.exp1Title)}`,
      `### ${m.observationsTitle}`,
      `## ${escapeMarkdown(m.exp2Title)}`,
      `### ${m.observationsTitle}`,
      `## ${escapeMarkdown(m.exp3Title)}`,
      `### ${m.observationsTitle}`,
      `## ${m.methodsTitle}`,
      `## ${m.limitationsTitle}`,
    ]);
    for (const name of FIGURE_NAMES) expect(md).toContain(`(figures/${name}.png)`);
    expect(md).toContain('with ThreadPoolExecutor(max\\_workers=num\\_threads) as executor:'.replaceAll('\\', ''));
  });

  it('takes every observation from the analysis, and the platform from host.json', () => {
    const md = read(dir, 'report.md').toString();
    const summary = JSON.parse(read(dir, 'analysis/summary.json').toString()) as AnalysisSummary;
    expect(summary.observations.length).toBeGreaterThan(0);
    for (const o of summary.observations.filter((x) => x.task_type !== undefined)) expect(md).toContain(`- ${escapeMarkdown(o.text)}`);
    const host = readHostInfo(join(dir, 'raw', 'host.json'));
    for (const text of [host.cpu.model, host.os.kernel, host.node_version, ...host.interpreters.map((i) => i.version)]) expect(md).toContain(escapeMarkdown(text));
    expect(md).toContain(`| ${m.platformRows.cores} | ${m.coresValue(host.cpu.logical_cores, host.cpu.physical_cores)} |`);
    // A speedup table cell: the analysis's median and CI.
    const group = summary.groups.find((g) => g.key.target === 'python3.13t' && g.key.task_type === 'cpu' && g.key.num_tasks === 1000)!;
    const p = group.points.find((q) => q.x === 2)!;
    expect(md).toContain(m.speedupCell(p.speedup, p.speedup_ci95[0], p.speedup_ci95[1]));
  });

  it('says cpu tasks were calibrated to a duration and io tasks wait a fixed time (--task-us cpu=50,io=100)', () => {
    const md = read(dir, 'report.md').toString();
    const methods = md.slice(md.indexOf(`## ${m.methodsTitle}`), md.indexOf(`## ${m.limitationsTitle}`));
    expect(methods).toContain(m.calibrated('cpu', 50));
    expect(methods).toContain(m.ioWait(100));
    expect(methods).not.toMatch(/io tasks were calibrated/);
  });

  it('generates the limitations from the data: 2 cores for 8 threads, extrapolated plateaus, skipped interpreters', () => {
    const md = read(dir, 'report.md').toString();
    const limitations = md.slice(md.indexOf(`## ${m.limitationsTitle}`));
    expect(limitations).toContain(escapeMarkdown(m.fewCores(2, [4, 8])));
    expect(limitations).toContain(m.skippedRuntimes(10));
    expect(limitations).toMatch(/Plateau thresholds beyond the measured thread counts/);
  });

  it('counts the pyenv shims that ran no Python in one sentence, and lists none of them', () => {
    const md = read(dir, 'report.md').toString();
    expect(md).toContain(m.pyenvShimsCounted(9));
    expect(md).not.toContain('/.pyenv/shims/');
  });

  it('exits 2 for a directory that does not exist or holds no timings', async () => {
    const missing = await runCli(['report', join(dir, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(plotMessages.noDirectory(join(dir, 'nope')));
    const empty = copyRun();
    rmSync(join(empty, 'raw'), { recursive: true });
    const none = await runCli(['report', empty]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no raw timings found');
  });
});

describe('poolscope report on CSVs merged from several machines', () => {
  /** The fixture as if its Python rows had been measured on a second machine, described by raw/host-b.json. */
  function twoMachines(): { dir: string; other: HostInfo } {
    const dir = copyRun();
    const host = readHostInfo(join(dir, 'raw', 'host.json'));
    const other: HostInfo = { ...host, hostname: 'machine-b', cpu: { ...host.cpu, model: 'Machine B CPU', logical_cores: 16, physical_cores: 8 }, interpreters: host.interpreters };
    const first: HostInfo = { ...host, interpreters: [] };
    writeFileSync(join(dir, 'raw', 'host.json'), JSON.stringify(first));
    writeFileSync(join(dir, 'raw', 'host-b.json'), JSON.stringify(other));
    const timings = read(dir, 'raw/timings.csv').toString().split('\n');
    const rewritten = timings.map((line, i) => {
      if (i === 0 || line === '') return line;
      const cells = line.split(',');
      cells[1] = cells[2]!.startsWith('python') ? hostId(other) : hostId(first);
      return cells.join(',');
    });
    writeFileSync(join(dir, 'raw', 'timings.csv'), rewritten.join('\n'));
    return { dir, other };
  }

  it('describes each machine and what it measured', async () => {
    const { dir, other } = twoMachines();
    const result = await runCli(['report', dir]);
    expect(result.stderr).not.toContain(cliMessages.errorPrefix);
    const md = read(dir, 'report.md').toString();
    expect(md).toContain(`### ${escapeMarkdown(m.machineTitle(hostId(other), 'raw/host-b.json'))}`);
    expect(md).toContain(escapeMarkdown(m.machineTargets(['python3.13', 'python3.13t'])));
    expect(md).toContain('Machine B CPU');
    expect(md).toContain(m.subtitleHosts(['node-main', 'node-pool', 'python3.13', 'python3.13t'], 2));
    expect(md).not.toContain('which no raw/host');
  });

  it('says which rows no host file describes', async () => {
    const { dir, other } = twoMachines();
    rmSync(join(dir, 'raw', 'host-b.json'));
    expect((await runCli(['report', dir])).code).toBe(0);
    expect(read(dir, 'report.md').toString()).toContain(escapeMarkdown(m.unknownHost(hostId(other), ['python3.13', 'python3.13t'])));
  });
});
