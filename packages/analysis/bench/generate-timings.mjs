/* global process, console */
// Writes a raw timings CSV of N rows (default 1,000,000) synthesized from known USL coefficients:
// 4 targets x 2 task types x 5 task counts x 8 thread counts = 320 cells, repeats to fill N rows,
// 1% failed rows. Usage: node bench/generate-timings.mjs OUT.csv [ROWS]
import { createWriteStream } from 'node:fs';
import { timingSchema } from '@poolscope/core';
import { synthesizeTimings } from '../dist/index.js';
import { BENCH_TARGETS } from './targets.mjs';

const [out, rowsArg] = process.argv.slice(2);
if (!out) {
  console.error('usage: node bench/generate-timings.mjs OUT.csv [ROWS]');
  process.exit(2);
}
const rows = Number(rowsArg ?? 1_000_000);
const targets = BENCH_TARGETS;
const taskTypes = ['cpu', 'io'];
const taskCounts = [100, 1000, 10000, 30000, 100000];
const threads = [1, 2, 4, 8, 12, 16, 24, 32];
const cells = targets.length * taskTypes.length * taskCounts.length * threads.length;
const repeats = Math.ceil(rows / cells);

const stream = createWriteStream(out);
stream.write(`${timingSchema.columns.join(',')}\n`);
let written = 0;
let chunk = [];
for (const record of synthesizeTimings({ targets, taskTypes, taskCounts, threads, repeats, failureRate: 0.01, seed: 1 })) {
  // Synthetic cells hold no commas, quotes or line breaks: plain joins are valid CSV.
  chunk.push(timingSchema.encode(record).join(','));
  if (chunk.length === 10_000) {
    if (!stream.write(`${chunk.join('\n')}\n`)) await new Promise((resolve) => stream.once('drain', resolve));
    chunk = [];
  }
  // Rows come cell by cell; stop at N (the last cells get fewer repeats).
  if (++written === rows) break;
}
stream.end(chunk.length ? `${chunk.join('\n')}\n` : '');
await new Promise((resolve) => stream.on('finish', resolve));
console.log(JSON.stringify({ file: out, rows: written, cells, repeats }));
