/** The texts `poolscope run` and `poolscope merge` print (the library's own texts live in @poolscope/runner). */
export const runCliMessages = {
  runDescription: 'measure a matrix of task counts x thread counts on each target and write DIR/raw/timings.csv (and profile.csv with --profile)',
  outOption: 'the run directory: rows go to DIR/raw/timings.csv, beside host.json and plan.json',
  configOption: 'read the matrix from a JSON file whose keys are these long options; options given here win',
  resumeOption: 'continue the run in --out: only missing repetitions run; starts a new run if there is none',
  /** A run option's help: what it does, then its default and where more is said, when there are. */
  optionHelp: (help: string, byDefault: string | undefined, more: string | undefined) => {
    const notes = [byDefault === undefined ? undefined : `default: ${byDefault}`, more].filter((note) => note !== undefined);
    return notes.length > 0 ? `${help} (${notes.join(', ')})` : help;
  },
  /** Where `poolscope run --help` says more about an option: after the options (`runHelpAfter`). */
  seeBelow: 'see below',
  mergeDescription: "join the shards' timings.csv (or profile.csv) files into one, refusing mixed schemas and repeated rows",
  calibrated: (target: string, type: string, us: number, work: number) =>
    `calibrated ${target} ${type}: ${work} ${type === 'cpu' ? 'iterations' : 'us'} per task (${us} us on one thread)`,
  started: (runId: string, cells: number, rows: number, file: string, order: string, profiling: boolean) =>
    `run ${runId}: ${cells} cells, ${rows} rows to measure, ${order === 'rounds' ? 'in rounds' : 'cell after cell'}` +
    `${profiling ? ', each cell profiled after its repetitions' : ''} -> ${file}`,
  resumed: (runId: string, rowsDone: number, rows: number, file: string) => `resuming run ${runId}: ${rowsDone} of ${rows} rows already in ${file}`,
  shard: (index: number, count: number, source: string) => `shard ${index}/${count} (from ${source})`,
  failedRepeat: (cell: string, repeat: string, status: string, error: string) => `${cell}, ${repeat}: ${status}: ${error}`,
  warmupLabel: (i: number) => `warm-up ${i + 1}`,
  repeatLabel: (i: number) => `repetition ${i}`,
  restarted: (target: string) => `restarted ${target} after the failed repetition`,
  warning: (text: string) => `warning: ${text}`,
  stopping: 'stopping after the repetition in hand; press Ctrl-C again to stop at once (that repetition is then lost)',
  progressLine: (repeats: number, repeatsTotal: number, done: number, total: number, elapsed: string, eta: string | null) =>
    `${repeats}/${repeatsTotal} repetitions, ${done}/${total} cells done, ${elapsed} elapsed${eta && done < total ? `, about ${eta} left` : ''}`,
  progressBar: (bar: string, repeats: number, repeatsTotal: number, done: number, total: number, eta: string | null, cell: string) =>
    `${bar} ${repeats}/${repeatsTotal} repetitions, ${done}/${total} cells${eta ? `  ETA ${eta}` : ''}  ${cell}`,
  summary: (rows: number, file: string, failed: number, unstable: number) =>
    `wrote ${rows} ${rows === 1 ? 'row' : 'rows'} to ${file}` +
    (failed ? `; ${failed} failed (status error or timeout)` : '') +
    (unstable ? `; ${unstable} ${unstable === 1 ? 'cell varies' : 'cells vary'} by more than 10%` : ''),
  profileSummary: (cells: number, file: string, failed: number) =>
    `profiled ${cells} ${cells === 1 ? 'cell' : 'cells'} -> ${file}` + (failed ? `; ${failed} profiled ${failed === 1 ? 'run' : 'runs'} failed` : ''),
  profiled: (cell: string, profiler: string, rows: number, ms: string, threads: string, categories: string) =>
    `profiled ${cell} (${profiler}, ${ms} ms): ${rows} functions; ${categories}; sampled / wall per thread: ${threads}`,
  profileFailed: (cell: string, status: string, error: string) => `${cell}, profiled run: ${status}: ${error}`,
  cellTableHeader: ['target', 'type', 'tasks', 'threads', 'median ms', 'speedup', 'CPU util', 'cores busy'],
  cellTableNote: (cores: number) =>
    `CPU util = (user + sys CPU time) / (wall time x ${cores} logical ${cores === 1 ? 'core' : 'cores'}), median over repetitions; ` +
    'speedup = median wall at 1 thread / median wall. `poolscope analyze DIR` adds confidence intervals and fits.',
  /** The speedup cell of a curve with no ok repetition at one thread (failed or not measured). */
  noSpeedup: '-',
  cellTableNoBaseline: (curves: readonly string[]) =>
    `no speedup (-) for ${curves.join(', ')}: no repetition at 1 thread succeeded or was measured, so there is no baseline.`,
  cellTableSkipped: (reason: string) => `(no per-cell table: ${reason})`,
  merged: (files: number, rows: number, schema: string, output: string) => `merged ${files} ${files === 1 ? 'file' : 'files'}: ${rows} ${schema} rows -> ${output}`,
  faultsVariable: 'POOLSCOPE_INJECT_FAULTS',
  runHelpAfter: `
Targets: node-pool (a piscina worker pool with exactly N threads), node-main (one event loop,
at most N tasks in flight: cpu tasks cannot overlap, waits can), and Python interpreters:
python3.13 (the newest 3.13 with the GIL found), python3.13t (free-threaded), or python:PATH.
\`poolscope targets\` lists what this machine has.

Profiles (--profile): each cell runs once more after its repetitions, under Python's call-stack
sampler (or cProfile) or V8's profiler on every thread; DIR/raw/profile.csv gets one row per
function with its category (task, result, lock, dispatch, idle, other). --categories FILE.json
adds rules, tried first: [{"category": "task", "names": ["crunch"], "file": "mylib/"}] (names,
file or both; the first rule that matches wins).

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
