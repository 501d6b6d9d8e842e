/** The texts `poolscope run` and `poolscope merge` print (the library's own texts live in @poolscope/runner). */
export const runCliMessages = {
  runDescription: 'measure a matrix of task counts x thread counts on each target and write DIR/raw/timings.csv',
  mergeDescription: "join the shards' timings.csv (or profile.csv) files into one, refusing mixed schemas and repeated rows",
  calibrated: (target: string, type: string, us: number, work: number) =>
    `calibrated ${target} ${type}: ${work} ${type === 'cpu' ? 'iterations' : 'us'} per task (${us} us on one thread)`,
  started: (runId: string, cells: number, rows: number, file: string) => `run ${runId}: ${cells} cells, ${rows} rows to measure -> ${file}`,
  resumed: (runId: string, rowsDone: number, rows: number, file: string) => `resuming run ${runId}: ${rowsDone} of ${rows} rows already in ${file}`,
  shard: (index: number, count: number, source: string) => `shard ${index}/${count} (from ${source})`,
  failedRepeat: (cell: string, repeat: string, status: string, error: string) => `${cell}, ${repeat}: ${status}: ${error}`,
  warmupLabel: (i: number) => `warm-up ${i + 1}`,
  repeatLabel: (i: number) => `repetition ${i}`,
  restarted: (target: string) => `restarted ${target} after the failed repetition`,
  warning: (text: string) => `warning: ${text}`,
  stopping: 'stopping after the repetition in hand; press Ctrl-C again to stop at once (that repetition is then lost)',
  progressLine: (done: number, total: number, elapsed: string, eta: string | null) =>
    `${done}/${total} cells done, ${elapsed} elapsed${eta && done < total ? `, about ${eta} left` : ''}`,
  progressBar: (bar: string, done: number, total: number, eta: string | null, cell: string) =>
    `${bar} ${done}/${total} cells${eta ? `  ETA ${eta}` : ''}  ${cell}`,
  summary: (rows: number, file: string, failed: number, unstable: number) =>
    `wrote ${rows} ${rows === 1 ? 'row' : 'rows'} to ${file}` +
    (failed ? `; ${failed} failed (status error or timeout)` : '') +
    (unstable ? `; ${unstable} ${unstable === 1 ? 'cell varies' : 'cells vary'} by more than 10%` : ''),
  merged: (files: number, rows: number, schema: string, output: string) => `merged ${files} ${files === 1 ? 'file' : 'files'}: ${rows} ${schema} rows -> ${output}`,
  faultsVariable: 'POOLSCOPE_INJECT_FAULTS',
  runHelpAfter: `
Targets: node-pool (a piscina worker pool with exactly N threads), node-main (one event loop,
at most N tasks in flight: cpu tasks cannot overlap, waits can).

Shards: without --shard, the shard is taken from the environment when one of these is set:
POOLSCOPE_SHARD=I/N; Slurm job arrays (SLURM_ARRAY_TASK_ID); Kubernetes indexed Jobs
(JOB_COMPLETION_INDEX, with POOLSCOPE_SHARD_COUNT); GitLab (CI_NODE_INDEX/CI_NODE_TOTAL),
CircleCI and Buildkite parallelism. Shards of one matrix agree on the run id; join their
timings.csv files with \`poolscope merge\`.

Examples:
  poolscope run --out results/quick --tasks 100,1000 --threads 1,2,4 --repeats 3
  poolscope run --config matrix.json --out results/big --shard 2/4
  poolscope run --out results/big --resume`,
} as const;
