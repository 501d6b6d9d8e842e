/* global process, console, performance */
// One timed step in a fresh process, printing {step, seconds, cpu_seconds, max_rss_kb} as JSON:
//   parse   - stream the CSV through core's readCsvBatches (Papa Parse, with line numbers: the
//             tokenizer the analysis reads with) and count rows: "merely parsing"
//   analyse - analyzeFiles: validate every row, group, bootstrap, fit, plateau, compare, observe
import { readCsvBatches } from '@poolscope/core';
import { analyzeFiles } from '../dist/index.js';

const [step, file] = process.argv.slice(2);
const start = performance.now();
const cpuStart = process.cpuUsage();
if (step === 'parse') {
  let rows = 0;
  for await (const batch of readCsvBatches(file)) rows += batch.length;
  if (rows === 0) throw new Error('no rows');
} else if (step === 'analyse') {
  const summary = await analyzeFiles([file], { cores: 2 });
  if (summary.groups.length === 0) throw new Error('no groups');
} else {
  console.error('usage: node bench/run-one.mjs parse|analyse FILE');
  process.exit(2);
}
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);
console.log(JSON.stringify({ step, seconds, cpu_seconds: (cpu.user + cpu.system) / 1e6, max_rss_kb: process.resourceUsage().maxRSS }));
