/* global process, console */
// One side of a comparison: poolscope measures a matrix through its public entry (runMatrix, as
// `poolscope run` does) in this fresh process, and the rows' wall times are printed as JSON:
//   {"walls": {"THREADS": [wall_ns per repetition, in repetition order]}, "failed": N}
// Usage: node cells/poolscope-cell.mjs '{"target":"node-pool","taskType":"cpu","tasks":1000,
//   "threads":[2],"repeats":5,"warmup":1,"taskWork":12345}'
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAllRecords, runDirectory, timingSchema } from '@poolscope/core';
import { runMatrix } from '@poolscope/runner';

const spec = JSON.parse(process.argv[2] ?? '{}');
const out = mkdtempSync(join(tmpdir(), 'poolscope-bench-cell-'));
try {
  await runMatrix({
    out,
    env: {},
    targets: [spec.target],
    taskTypes: [spec.taskType],
    tasks: [spec.tasks],
    threads: spec.threads,
    repeats: spec.repeats,
    warmup: spec.warmup,
    taskWork: { [spec.taskType]: spec.taskWork },
    seed: spec.seed ?? 1,
  });
  const rows = await readAllRecords(runDirectory(out).timings, timingSchema);
  const walls = {};
  let failed = 0;
  for (const row of [...rows].sort((a, b) => a.repeat - b.repeat)) {
    if (row.status !== 'ok') {
      failed++;
      continue;
    }
    (walls[row.num_threads] ??= []).push(row.wall_ns);
  }
  console.log(JSON.stringify({ walls, failed }));
} finally {
  rmSync(out, { recursive: true, force: true });
}
