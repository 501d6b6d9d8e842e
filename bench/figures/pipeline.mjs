/* global process */
// Figure 5: in `poolscope pipeline` (the default profile, the built CLI as users run it), the time
// of analysis, figures and report over the time of measuring, both from the run's own record
// (raw/pipeline.json, durations_s).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDirectory } from '@poolscope/core';
import { spawn } from 'node:child_process';
import { machineLoad, ticks, waitForQuiet } from '../lib/machine.mjs';
import { figureResult } from '../lib/stats.mjs';

/** Runs the CLI with its output kept (shown only if it fails). */
function runCli(root, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'apps/cli/dist/bin.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' } });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`poolscope ${args.join(' ')} exited with ${code}:\n${out.slice(-3000)}`))));
  });
}

export async function pipelineShare(ctx) {
  const runs = ctx.quick ? 1 : 2;
  // Quick mode only checks that the figure can be taken: a tiny matrix, whose share means nothing.
  const extra = ctx.quick ? ['--targets', 'node-pool', '--tasks', '100', '--threads', '1,2', '--repeats', '1'] : [];
  const records = [];
  for (let i = 0; i < runs; i++) {
    ctx.log(`  figure 5: pipeline run ${i + 1}/${runs}${ctx.quick ? ' (quick: a tiny matrix)' : ' (default profile, about 3 minutes)'}`);
    const results = mkdtempSync(join(tmpdir(), 'poolscope-bench-pipeline-'));
    try {
      await waitForQuiet();
      const before = ticks();
      await runCli(ctx.root, ['pipeline', '--results', results, ...extra]);
      const load = machineLoad(before, ticks());
      const record = JSON.parse(readFileSync(runDirectory(join(results, 'latest')).pipeline, 'utf8'));
      records.push({ durations_s: record.durations_s, runtimes: record.runtimes.used.map((u) => u.target), ...load });
    } finally {
      rmSync(results, { recursive: true, force: true });
    }
  }
  const share = (d) => (d.analyse + d.figures + d.report) / d.measure;
  const samples = records.map((r) => share(r.durations_s));
  const d = records[0].durations_s;
  return [
    figureResult({
      id: '5',
      name: `analyse + figures + report / measure, pipeline ${ctx.quick ? '(quick matrix)' : 'default profile'}`,
      samples,
      target: { op: '<=', value: 0.1 },
      reason: `first run: measure ${d.measure.toFixed(1)} s, analyse ${d.analyse.toFixed(1)} s, figures ${d.figures.toFixed(1)} s, report ${d.report.toFixed(1)} s${ctx.quick ? ' (quick mode measures a tiny matrix: the share is not the figure)' : ''}`,
      details: { runs: records },
    }),
  ];
}
