/* global process, console */
// Speedup of 2 threads over 1 for the Python targets, cpu and io, and what a cpu profile shows.
// Uses the built package; run from the repository root, under the shared measurement lock:
//   pnpm --filter @poolscope/runner build
//   flock /tmp/poolscope-measure.lock node packages/runner/bench/python-speedup.mjs [TARGET ...]
// TARGET defaults to python3.13 python3.13t. Environment: TASK_US (default 2000), TASKS (100),
// REPEATS (7). Prints, per target and task type, the median and fastest wall per thread count,
// the speedups, CPU use per wall second, and how busy the rest of the machine was meanwhile.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { PythonHarness, categorize, resolvePythonTargets, toProfileRecords } from '../dist/index.js';

const TASK_US = Number(process.env.TASK_US ?? 2000);
const TASKS = Number(process.env.TASKS ?? 100);
const REPEATS = Number(process.env.REPEATS ?? 7);
const targets = process.argv.slice(2).length ? process.argv.slice(2) : ['python3.13', 'python3.13t'];

function machineBusy() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const busy = f[0] + f[1] + f[2] + f[5] + f[6] + f[7];
  return { busy, total: busy + f[3] + f[4] };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (ns) => (ns / 1e6).toFixed(1);

for (const { target, interpreter } of await resolvePythonTargets(targets)) {
  const harness = await PythonHarness.start(interpreter.path, { target });
  const { task_work } = await harness.calibrate('cpu', TASK_US);
  console.log(`\n${target}: ${interpreter.path}, Python ${harness.info.runtime_version}, free-threaded build ${harness.info.free_threaded_build}, GIL ${harness.info.gil_enabled ? 'on' : 'off'}; cpu task_work ${task_work} (${TASK_US} us), ${TASKS} tasks`);
  for (const cell of [{ task_type: 'cpu', task_work }, { task_type: 'io', task_work: TASK_US }]) {
    const walls = { 1: [], 2: [] };
    const cpu = { 1: [], 2: [] };
    await harness.runRepeat({ ...cell, num_tasks: TASKS, num_threads: 2 }, { warmup: true });
    const m0 = machineBusy();
    let ours = 0;
    for (let r = 0; r < REPEATS; r++) {
      for (const threads of [1, 2]) {
        const result = await harness.runRepeat({ ...cell, num_tasks: TASKS, num_threads: threads });
        if (result.status !== 'ok') throw new Error(result.error);
        walls[threads].push(result.wall_ns);
        cpu[threads].push((result.cpu_user_ns + result.cpu_sys_ns) / result.wall_ns);
        ours += result.cpu_user_ns + result.cpu_sys_ns;
      }
    }
    const m1 = machineBusy();
    const othersCores = Math.max(0, ((m1.busy - m0.busy) * 1e7 - ours) / ((m1.total - m0.total) * 1e7)) * os.availableParallelism();
    const line = (t) => `${t} thread${t > 1 ? 's' : ''}: median ${ms(median(walls[t]))} ms, fastest ${ms(Math.min(...walls[t]))} ms, cpu/wall ${median(cpu[t]).toFixed(2)}`;
    console.log(
      `  ${cell.task_type}: ${line(1)}; ${line(2)}; speedup median ${(median(walls[1]) / median(walls[2])).toFixed(2)}x, ` +
        `fastest ${(Math.min(...walls[1]) / Math.min(...walls[2])).toFixed(2)}x; other processes busy on ${othersCores.toFixed(2)} cores`,
    );
  }
  const cell = { task_type: 'cpu', task_work: Math.round(task_work / 10), num_tasks: 1000, num_threads: 2 };
  const profile = await harness.profile(cell);
  if (profile.status !== 'ok') throw new Error(profile.error);
  console.log(`  profile of cpu, 1000 tasks of ${TASK_US / 10} us, 2 threads: wall ${ms(profile.wall_ns)} ms, ${profile.samples ?? '-'} samples`);
  for (const thread of profile.threads) {
    const self = thread.functions.reduce((s, f) => s + f.self_ns, 0);
    const top = [...thread.functions].sort((a, b) => b.self_ns - a.self_ns).slice(0, 3);
    console.log(`    ${thread.thread}: self-time sum ${(self / profile.wall_ns).toFixed(3)} of wall; top self: ${top.map((f) => `${f.function} ${ms(f.self_ns)} ms [${categorize(f)}]`).join('; ')}`);
  }
  const byCategory = {};
  for (const row of toProfileRecords(profile.functions, { run_id: 'bench', target, repeat: 0, ...cell })) byCategory[row.category] = (byCategory[row.category] ?? 0) + row.self_ns;
  console.log(`    self time by category (all threads): ${Object.entries(byCategory).map(([c, ns]) => `${c} ${ms(ns)} ms`).join(', ')}`);
  await harness.close();
}
