/**
 * Every user-facing text of @poolscope/runner (Node and Python targets, runs, merges, profiles), in
 * one place, so tests assert against this catalogue instead of copied strings.
 */
const seconds = (ms: number) => `${Number((ms / 1000).toPrecision(3))} s`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const CPROFILE_HUNG = 'with several threads cProfile hung in our trials on 3.13t (500 tasks, 2 threads)';

export const runnerMessages = {
  // Options and config files.
  /** What the run's own kinds of option value must be, as `coreMessages.badOption` says it. */
  expectedValue: {
    taskTypes: (types: readonly string[]) => `a list of task types (${types.join(', ')})`,
    taskSizes: 'a positive integer, or per task type as cpu=N,io=N',
    runId: 'up to 64 letters, digits, dots, dashes or underscores',
  },
  configKey: (file: string, key: string) => `${file}: key '${key}'`,
  configNotJson: (file: string, reason: string) => `${file}: not valid JSON: ${reason}`,
  configNotObject: (file: string) => `${file}: a config file must hold one JSON object, such as {"threads": [1, 2, 4]}`,
  configUnknownKey: (file: string, key: string, keys: readonly string[]) =>
    `${file}: unknown key '${key}'; a config file may set: ${keys.join(', ')}`,
  configValueHint: (key: string) => `Give '${key}' the value --${key} takes on the command line (a list as an array or as "a,b,c"); see \`poolscope run --help\`.`,
  configHint: 'The keys of a config file are the long options of `poolscope run`, with the same values.',
  unknownTarget: (name: string, accepted: readonly string[]) => `--targets: unknown target '${name}'; known targets: ${accepted.join(', ')}`,
  unknownTargetHint: 'Run `poolscope targets` to list the targets this machine has; names are case-sensitive.',

  // Shards.
  badShard: (where: string, got: string) => `${where} must be I/N with 1 <= I <= N (the I-th of N parts), got '${got}'`,
  badShardVariable: (name: string, got: string) => `the environment variable ${name} must be a non-negative integer, got '${got}'`,
  shardCountMissing: (indexVar: string, countVar: string) =>
    `${indexVar} is set, so this looks like one shard of a fleet, but ${countVar} (the number of shards) is not`,
  slurmIrregular: (id: number, min: number, step: number, count: number) =>
    `SLURM_ARRAY_TASK_ID=${id} is not one of the ${count} array tasks from ${min} in steps of ${step}`,
  shardHint:
    'Pass --shard I/N explicitly, or set POOLSCOPE_SHARD=I/N; with a Kubernetes indexed Job, set POOLSCOPE_SHARD_COUNT to its completions.',
  emptyShard: (index: number, count: number, curves: number) =>
    `shard ${index}/${count} has no cells: the matrix has ${plural(curves, 'curve')} (target x task type x task count) and a shard holds whole curves`,

  // Starting, resuming.
  runExists: (dir: string, runId: string) => `${dir} already holds run ${runId}`,
  runExistsHint: 'Pass --resume to continue that run, or choose another --out for a new one.',
  orphanRows: (file: string) => `${file} holds rows but the run's plan (plan.json beside it) is missing, so the run cannot be resumed`,
  orphanRowsHint: 'Choose another --out for a new run, or restore plan.json from a copy of the run directory.',
  resumeConflict: (option: string, given: string, planned: string, dir: string) =>
    `${option} ${given} conflicts with the run being resumed in ${dir}, which was planned with ${option} ${planned}`,
  resumeConflictHint: 'Drop the option to resume the run as it was planned, or choose another --out for a new run.',
  planInvalid: (file: string, problems: string) => `${file}: not a valid run plan: ${problems}`,
  planMissingWork: (file: string, target: string, type: string) => `${file}: no task_work for target ${target}, task type ${type}`,
  planHint: 'plan.json is written by `poolscope run`; restore it from a copy of the run directory, or start a new run in another --out.',
  rowNotInRun: (where: string, runId: string) =>
    `${where}: this row is not part of run ${runId} as planned (another run id, cell or repetition)`,
  duplicateRow: (where: string, firstLine: number) => `${where}: duplicates the row on line ${firstLine}`,
  foreignRowsHint: 'Each run directory holds one run: move the foreign rows out, or start a new run in another --out.',
  hostChanged: (before: string, now: string) =>
    `resuming on another machine (host ${now}; the run started on host ${before}): rows record which host measured them`,

  // Measuring.
  workerMissing: 'the worker code of the Node targets is not built (dist/targets/node/_worker.js is missing)',
  workerMissingHint: 'Run `pnpm build` in the workspace, then try again.',
  poolStartTimeout: (threads: number, ms: number) => `the pool's ${plural(threads, 'worker thread')} did not start within ${seconds(ms)}`,
  poolStartFailed: (threads: number, reason: string) => `the pool's ${plural(threads, 'worker thread')} could not start: ${reason}`,
  repeatTimeout: (ms: number) => `the repetition ran past the time limit of ${seconds(ms)} (--timeout-s)`,
  taskFailed: (reason: string) => `a task failed: ${reason}`,
  wrongResults: (wrong: number, count: number) => `${wrong} of ${count} tasks returned a wrong result`,
  notRunAfterFailure: (repeat: number, status: string) => `not run: repetition ${repeat} of this cell ended with status '${status}'`,
  /** A repetition not run because the cell's warm-up failed: the row carries the warm-up's own failure. */
  warmupFailed: (error: string) => `warm-up repetition failed: ${error}`,
  calibrationFailed: (target: string, type: string, reason: string) => `target ${target} could not calibrate the ${type} task: ${reason}`,
  cannotRestart: (target: string, reason: string) => `target ${target} could not be restarted: ${reason}`,
  highVariation: (cell: string, cv: number, repeats: number) =>
    `${cell}: the ${repeats} repetitions vary by ${(cv * 100).toFixed(1)}% (coefficient of variation over 10%); ` +
    'the machine may be busy: quiet it, or rerun with more --repeats',
  interrupted: (rows: number) => `interrupted; ${plural(rows, 'row')} written by this invocation are kept`,
  interruptedHint: (out: string) => `Continue the run with: poolscope run --out ${out} --resume`,

  badFaults: (where: string, reason: string) => `${where}: not a list of faults to inject: ${reason}`,
  faultsShape: 'expected a JSON array of {"kind": "throw" | "hang" | "crash", "task": N, "target"?: NAME, "cells"?: {"num_threads": N, ...}}',

  // Merging.
  mergeNeedsInputs: 'merge needs at least one input file',
  mergeUnknownSchema: (file: string) => `${file}:1: the header is neither a timings nor a profile header`,
  mergeMismatch: (file: string, schema: string, firstFile: string, firstSchema: string) =>
    `${file} holds ${schema} rows but ${firstFile} holds ${firstSchema} rows; merge joins files of one schema`,
  mergeEmptyHint: 'Give the shards\' timings.csv (or profile.csv) files, each with its header line; leave out a shard that wrote nothing.',
  mergeMismatchHint: 'Merge the timings.csv files and the profile.csv files of the shards separately.',
  mergeDuplicate: (where: string, firstWhere: string) => `${where}: the same row (cell and repetition) as ${firstWhere}`,
  mergeDuplicateHint: 'A shard was given twice, or two runs overlap; give each shard once.',
  mergeOutputIsInput: (file: string) => `-o ${file} is also an input`,
  mergeOutputIsInputHint: 'Write the merged rows to a new file.',
  mergeExtraColumns: (file: string, columns: readonly string[]) =>
    `${file}: ignoring ${columns.length === 1 ? 'column' : 'columns'} ${columns.map((c) => `'${c}'`).join(', ')}, which the schema does not have`,
  mergeRunIds: (ids: readonly string[]) => `the inputs come from ${ids.length} runs (${ids.join(', ')}), not from the shards of one run`,

  // Python interpreters: starting one.
  interpreterMissing: (path: string) => `python interpreter '${path}' does not exist`,
  interpreterIsDirectory: (path: string) => `python interpreter '${path}' is a directory, not an executable`,
  interpreterNotExecutable: (path: string) => `python interpreter '${path}' is not executable`,
  interpreterTooOld: (path: string, version: string) =>
    `python interpreter '${path}' is Python ${version}; the poolscope harness needs Python 3.8 or newer`,
  notPython: (path: string, detail: string) => `'${path}' did not run as a Python interpreter: ${detail}`,
  noHello: (path: string, detail: string) => `'${path}' started, but the poolscope harness in it did not say hello: ${detail}`,
  startTimeout: (path: string, ms: number) => `'${path}' did not start the poolscope harness within ${seconds(ms)}`,
  interpreterChanged: (path: string, before: string, after: string) =>
    `'${path}' was Python ${before} when the run started and is Python ${after} now`,
  interpreterHint:
    'Name a Python 3.8+ executable (python:/path/to/python3.13t), or run `poolscope targets` to see the interpreters poolscope found.',

  // Python: a cell that fails (data, not a crash).
  cellTimeout: (ms: number, pid: number) => `the cell did not finish within ${seconds(ms)}; the Python harness (pid ${pid}) was killed`,
  harnessDied: (how: string) => `the Python harness exited (${how}) during the cell`,
  harnessExit: (code: number | null, signal: string | null) => (signal ? `killed by ${signal}` : `exit code ${String(code)}`),
  protocolBroken: (line: string) => `the Python harness answered something that is not a poolscope response: ${line.slice(0, 200)}`,
  stderrTail: (tail: string) => `; its last output: ${tail}`,

  // Python: misuse.
  badCellValue: (field: string, value: unknown) => `${field} must be a positive integer, got ${JSON.stringify(value)}`,
  badTaskType: (value: unknown) => `task_type must be 'cpu' or 'io', got ${JSON.stringify(value)}`,
  badPositive: (field: string, value: unknown) => `${field} must be a positive number, got ${JSON.stringify(value)}`,
  harnessClosed: (path: string) => `the Python harness for '${path}' was closed; start a new one`,
  cprofileRefused: (path: string) => `cProfile is not used on '${path}', a free-threaded build: ${CPROFILE_HUNG}`,
  cprofileRefusedFor: (target: string, path: string) =>
    `--profiler cprofile cannot profile target ${target} ('${path}'), a free-threaded build: ${CPROFILE_HUNG}`,
  cprofileRefusedHint: 'Use the call-stack sampler (--profiler sampler, the default), which works on free-threaded builds.',
  harnessRequestFailed: (op: string, error: string) => `the Python harness could not ${op}: ${error}`,

  // Python: discovery and target names.
  probeTimeout: (ms: number) => `did not answer within ${seconds(ms)}`,
  probeFailed: (how: string, tail: string) => (tail ? `${how}: ${tail}` : how),
  probeGarbled: (output: string) => `printed something that is not an interpreter description: ${output.slice(0, 200)}`,
  probeNotRunnable: (reason: string) => `cannot be run: ${reason}`,
  tooOldForHarness: (version: string) => `Python ${version} is too old for the poolscope harness (it needs 3.8 or newer)`,
  noSuchInterpreter: (name: string, found: readonly string[]) =>
    `no interpreter found for target '${name}'` + (found.length ? `; usable ones: ${found.join(', ')}` : '; poolscope found no usable Python'),
  noSuchInterpreterHint:
    'Install it, add its directory to POOLSCOPE_PYTHONS, or name the executable itself: python:/path/to/python3.13t.',
  explicitUnusable: (path: string, reason: string) => `python interpreter '${path}' is not usable: ${reason}`,
  notPythonTarget: (name: string) =>
    `'${name}' is not a Python target name; use pythonX.Y (GIL build), pythonX.Yt (free-threaded build) or python:PATH`,

  // Profiles.
  profileOptionAlone: (option: string) => `${option} only applies to profiling, and --profile is not given`,
  profileOptionAloneHint: 'Add --profile to run each cell once more under a profiler, or drop the option.',
  cannotProfile: (target: string) => `target ${target} cannot be profiled`,
  profileFailed: (cell: string, status: string, error: string) => `${cell}: the profiled run ended with status '${status}': ${error}`,
  thinProfile: (cell: string, threads: readonly { thread: string; coverage: number; samples: number }[], intervalUs: number) =>
    `${cell}: the profile samples ${threads.length === 1 ? 'a thread' : `${threads.length} threads`} thinly (` +
    threads
      .slice(0, 3)
      .map((t) => `${t.thread}: ${t.coverage.toFixed(2)} of the wall time in ${plural(t.samples, 'sample')}`)
      .join('; ') +
    (threads.length > 3 ? `; and ${threads.length - 3} more` : '') +
    `), so its time by category is rough; profile more tasks (--tasks) or sample more often (--profile-interval-us, now ${intervalUs})`,
  profileMissingThreads: (threads: readonly string[]) => `no profile came back from ${threads.join(', ')}; the rows cover the other threads`,
  badCpuProfile: (where: string, problem: string) => `${where}: not a V8 CPU profile (.cpuprofile): ${problem}`,
  badCpuProfileHint: 'A .cpuprofile is the JSON that `node --cpu-prof` writes; regenerate it.',
  badCategoryRules: (where: string, problem: string) => `${where}: invalid category rules: ${problem}`,
  badCategoryRulesHint:
    'The file holds a JSON array of rules, each {"category": "task|result|lock|dispatch|idle|other", "names": ["function", ...], "file": "part of the file name"} with names, file or both; the first rule that matches wins.',
} as const;
