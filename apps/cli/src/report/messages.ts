import { count, duration, listAnd, percent, seconds, times } from './format.js';

const plural = (n: number, word: string, words = `${word}s`) => `${count(n)} ${n === 1 ? word : words}`;
const threads = (n: number) => plural(n, 'thread');

/** Every sentence of the report that is not data, in one place (the data are formatted in). */
export const reportMessages = {
  title: 'Thread-pool scaling report',
  subtitle: (targets: readonly string[], cpu: string, cores: number) => `${listAnd(targets)} on ${cpu}, ${plural(cores, 'logical core')}`,
  subtitleHosts: (targets: readonly string[], hosts: number) => `${listAnd(targets)} on ${plural(hosts, 'machine')}`,

  // Summary.
  summaryTitle: 'Summary',
  summaryIntro: (tasks: readonly number[], threadCounts: readonly number[], types: readonly string[]) =>
    `Each target ran executor.map(task, range(num_tasks)) with max_workers = num_threads: ${listAnd(types)} tasks, ` +
    `${listAnd(tasks.map(count))} tasks per cell, on ${listAnd(threadCounts)} threads. Speedup is the median wall time on one thread ` +
    'over the median wall time on N threads, with a 95% bootstrap confidence interval.',
  summaryRuns: (runIds: readonly string[], from: string, to: string) =>
    `${runIds.length === 1 ? 'Run' : 'Runs'} ${listAnd(runIds)}, measured ${from === to ? `on ${from}` : `from ${from} to ${to}`} (UTC).`,
  summaryNoData: 'No repetition finished ok, so there is nothing to report beyond the limitations below.',

  // Harness.
  harnessTitle: 'The harness',
  harnessIntro:
    'The code below is quoted from the sources poolscope runs, not retyped. The Python harness runs each cell as the RCA did; ' +
    'the Node targets run the same integer loop and the same waits.',
  pythonTitle: 'Python: ThreadPoolExecutor',
  pythonIntro:
    'One harness process per interpreter runs every cell of that interpreter. The timed region creates the pool, maps the task over ' +
    'range(num_tasks), collects every result and shuts the pool down, as the RCA did.',
  nodeTitle: 'Node: the equivalent',
  nodeIntro:
    'node-pool runs the tasks on a piscina pool of exactly N worker threads, created and warmed before timing; node-main runs them on ' +
    'one event loop with at most N in flight, the Node analogue of the GIL (cpu tasks cannot overlap there, waits can).',
  codeCaption: (file: string, from: number, to: number) => `${file}, lines ${from}-${to}`,
  harnessMissing: (what: readonly string[]) => `Could not be quoted (renamed in the sources?): ${what.join('; ')}.`,

  // Platform.
  platformTitle: 'Platform setup',
  platformIntro: (hosts: number) =>
    hosts === 1 ? 'From raw/host.json, written when the run started.' : `The rows come from ${plural(hosts, 'machine')}; each is described by its host file.`,
  machineTitle: (id: string, file: string) => `Machine ${id} (${file})`,
  machineTargets: (targets: readonly string[]) => `Measured here: ${targets.length ? listAnd(targets) : 'no rows name this machine'}.`,
  platformHeader: ['', 'value'],
  platformRows: {
    os: 'operating system',
    kernel: 'kernel',
    arch: 'architecture',
    cpu: 'CPU model',
    cores: 'cores',
    memory: 'memory',
    node: 'Node',
    hostId: 'host id',
  },
  coresValue: (logical: number, physical: number) => `${count(logical)} logical, ${count(physical)} physical`,
  interpretersTitle: 'Interpreters',
  interpretersHeader: ['target', 'implementation', 'version (sys.version)', 'free-threaded build', 'GIL at run time', 'path'],
  noInterpreters: 'No Python interpreter was measured on this machine.',
  yes: 'yes',
  no: 'no',
  on: 'on',
  off: 'off',
  unknown: 'unknown',
  runtimesTitle: 'Runtimes measured and skipped',
  runtimesIntro: (profile: string) => `The pipeline ran profile ${profile} and chose these runtimes:`,
  runtimesUsedHeader: ['target', 'runtime'],
  runtimesSkippedIntro: (n: number) => `${plural(n, 'interpreter')} found ${n === 1 ? 'was' : 'were'} not measured:`,
  runtimesSkippedHeader: ['interpreter', 'version', 'why not'],
  runtimesGiven: 'The targets were named with --targets, so no other interpreter was searched for.',
  pyenvShimsCounted: (n: number) =>
    `${plural(n, 'pyenv shim')} without an installed version selected ${n === 1 ? 'was' : 'were'} not counted as interpreters (\`poolscope targets --all\` lists them).`,

  // Experiments.
  exp1Title: 'Experiment 1: speedup vs threads',
  exp1Intro: (type: string) =>
    `Speedup of ${type} tasks against the thread count, one panel per task count and one line per target; error bars are 95% ` +
    'bootstrap confidence intervals, the dashed line is perfect scaling (S = N), the faint curve the fitted Universal Scalability Law, ' +
    'and a triangle marks where gains plateau, its bar the 95% CI of that thread count; an arrowhead ends a bar whose CI runs on ' +
    'past the measured thread counts.',
  exp2Title: 'Experiment 2: cpu-bound vs io-bound tasks',
  exp2Intro:
    'The same measurement split by task type: cpu-bound tasks (an integer loop, which needs the CPU and, in Python with the GIL, ' +
    'the interpreter lock) and io-bound tasks (a sleep, which needs neither).',
  exp2SingleType: (type: string) => `Only ${type} tasks were measured, so there is nothing to split here.`,
  exp3Title: 'Experiment 3: where the time goes',
  exp3Intro:
    'Each profiled cell ran once more under a call-stack profiler. Its thread time (self time summed over the main thread and every ' +
    'worker) is split by what the functions do: the task body, result iteration (result_iterator, _result_or_cancel, awaiting results), ' +
    'lock acquire and wait, dispatch (submit, queues, the worker loop), idle time (any thread or event loop waiting with nothing to do) and other.',
  exp3NoProfile: (reason: string) => `No call-stack profile was recorded: ${reason}. Only CPU utilisation is shown.`,
  exp3NoProfileReason: 'raw/profile.csv is absent or empty',
  cpuTableCaption: (type: string, tasks: number, cores: number) =>
    `CPU cores kept busy (user + system CPU time over wall time; ${cores} = every core), ${count(tasks)} ${type} tasks`,
  speedupTableCaption: (type: string) => `Speedup of ${type} tasks, median and 95% CI`,
  speedupHeader: (threadCounts: readonly number[]) => ['target', 'tasks', ...threadCounts.map(threads)],
  cpuHeader: (threadCounts: readonly number[]) => ['target', ...threadCounts.map(threads)],
  speedupCell: (speedup: number, lo: number, hi: number) => (lo === hi ? times(speedup) : `${times(speedup)} (${times(lo)}-${times(hi)})`),
  observationsTitle: 'Observations',
  observationKinds: {
    contrast: 'cpu-bound against io-bound',
    scaling: 'How far each target scales',
    comparison: 'Targets against each other',
    'single-thread': 'Targets against each other',
    crossover: 'From how many tasks threads pay off',
    plateau: 'Where the gains plateau',
    fit: 'Fitted scalability laws',
    data: 'The data',
  },
  noObservations: 'The analysis made no observation here.',
  contrast: (target: string, tasks: number, cpu: number, cpuThreads: number, io: number, ioThreads: number) =>
    `${target}, ${count(tasks)} tasks: ${times(cpu)} on cpu-bound tasks (best, ${threads(cpuThreads)}) against ${times(io)} on io-bound tasks (${threads(ioThreads)}).`,
  shares: (target: string, tasks: number, type: string, lo: number, taskLo: number, hi: number, taskHi: number) =>
    `${target}, ${count(tasks)} ${type} tasks: the task body is ${percent(taskLo)} of thread time with ${threads(lo)} and ${percent(taskHi)} with ${threads(hi)}`,
  grows: (category: string, from: number, to: number) => `, while ${category} grows from ${percent(from)} to ${percent(to)}`,
  largest: (category: string, share: number) => `; ${category} takes the most of the rest (${percent(share)})`,
  threadTime: (ratio: number, lo: number) => `; all threads together spend ${times(ratio)} the thread time they spend with ${threads(lo)}.`,
  coresBusy: (target: string, busy: number, cores: number, at: number, tasks: number, type: string) =>
    `${target} keeps ${busy.toFixed(1)} of ${cores} cores busy with ${threads(at)} (${count(tasks)} ${type} tasks; ${percent(busy / cores)} utilisation).`,

  // Methods.
  methodsTitle: 'Methods',
  matrix: (targets: readonly string[], types: readonly string[], tasks: readonly number[], threadCounts: readonly number[]) =>
    `Matrix: targets ${listAnd(targets)}; ${listAnd(types)} tasks; ${listAnd(tasks.map(count))} tasks per cell; ${listAnd(threadCounts)} threads.`,
  repeats: (repeats: number, warmup: number) =>
    `Repetitions: ${plural(repeats, 'measured repetition')} per cell, ${warmup === 0 ? 'without a warm-up repetition' : `after ${plural(warmup, 'unrecorded warm-up repetition')}`}.`,
  repeatsFromRows: (min: number, max: number) =>
    min === max ? `Repetitions: ${plural(min, 'ok repetition')} per cell.` : `Repetitions: ${count(min)} to ${count(max)} ok repetitions per cell.`,
  order: (seed: number) =>
    `Order: the cells and their repetitions ran in an order shuffled with seed ${seed} (raw/plan.json), so that slow drift of the ` +
    'machine (heat, other load) does not line up with the thread count.',
  warmupNote:
    'Warm-up: each target warms itself before it is timed: node-pool starts every worker and runs the task in each until the JIT has ' +
    'compiled it; calibration runs the cpu loop on node-main and in each Python harness; the RCA timed pool creation, so Python ' +
    'creates its pool inside the timed region.',
  timeout: (s: number) => `Time limit: ${s} s per repetition; a repetition that runs past it is recorded with status timeout.`,
  taskSizesIntro: 'Task sizes (the task_work column): loop iterations per cpu task, microseconds of waiting per io task.',
  taskSizesHeader: (types: readonly string[]) => ['target', ...types.map((t) => `${t} task_work`)],
  calibrated: (type: string, us: number) => `${type} tasks were calibrated on each target to take ${us} us on one thread.`,
  /** io tasks sleep a fixed time: nothing to calibrate. */
  ioWait: (us: number) => `io tasks wait ${us} us each (a fixed sleep, not calibrated).`,
  fixedSize: (types: readonly string[]) => `${listAnd(types)} tasks had a fixed size (--task-work).`,
  stats: (resamples: number, seed: number) =>
    `Statistics: per cell the median wall time and its quartiles. Speedup S(N) = median T(1) / median T(N); efficiency S(N) / N. ` +
    `95% confidence intervals by percentile bootstrap, ${count(resamples)} resamples of the raw repetitions (seed ${seed}), each ` +
    "cell's repetitions resampled on their own.",
  cpuUse: (cores: number, source: string) =>
    `CPU utilisation = (user + system CPU time of the process) / (wall time x ${cores} logical cores), median over repetitions ` +
    `(core count from ${source}).`,
  amdahl: 'Amdahl: S(N) = 1 / (s + (1 - s) / N), serial fraction s in [0, 1].',
  usl:
    'Universal Scalability Law (Gunther, Guerrilla Capacity Planning, 2007): S(N) = N / (1 + sigma (N - 1) + kappa N (N - 1)), ' +
    'contention sigma and coherency kappa in [0, 1]; it peaks at N* = sqrt((1 - sigma) / kappa).',
  fitting:
    'Both are fitted to the per-thread-count median speedups by bounded nonlinear least squares (Levenberg-Marquardt); standard errors ' +
    'from the Jacobian and the residual variance, confidence intervals from Student t, as the R usl package does; the model with ' +
    'the lower AIC is preferred. Beside them, calibrated 95% intervals (analysis/summary.json, fits.csv): the profile likelihood of ' +
    'each model fitted to the log of the medians, whose coverage a simulation study measured (BENCHMARKS.md). ' +
    'Fewer than 4 thread counts are too few to fit.',
  plateau: (gain: number, resamples: number) =>
    `Plateau threshold: the smallest thread count from which one more thread adds less than ${percent(gain)} of an ideal thread on ` +
    `the preferred fitted curve. Where it begins, the real thread count at which one more thread adds exactly that much, has a calibrated ` +
    `95% CI (the observations give it); the figures still draw the threshold's CI from ${count(resamples)} bootstrap refits, which the ` +
    'simulation study found to cover it 37-100% of the time. The knee of the measured medians (Kneedle) is a cross-check.',
  crossover: (gain: number) =>
    `Crossover: per target and task type, the task count from which the best thread count beats one thread by ${percent(gain)} or more, ` +
    'interpolated on log(task count).',
  callStacks:
    'Call stacks: Python cells are sampled by a thread that reads every thread\'s stack at a fixed interval (innermost frame = self ' +
    'time); Node cells by V8 CPU profiles of the main thread and every worker. Functions are put in categories by name.',
  fitFigure: 'The fits of every analysed group: measured medians, the USL and Amdahl curves, the USL peak N* and the Amdahl limit.',
  noFitAtAll: (threads: number) =>
    `No group could be fitted: ${threads === 1 ? 'one thread count was' : `${threads} thread counts were`} measured and a fit needs 4, so there is no fits figure. ` +
    'Measure more thread counts (for example --threads 1,2,3,4,6,8) to get the fits, plateau thresholds and predictions.',
  files: (rows: number, ok: number, files: readonly string[]) =>
    `Data: ${plural(rows, 'row')} in ${listAnd(files)}, ${count(ok)} ok. Derived: analysis/summary.json, analysis/speedup.csv, ` +
    'analysis/fits.csv, figures/ (each figure as SVG, PNG and its Vega-Lite spec). `poolscope report DIR` rebuilds all of them from raw/.',
  measuringTime: (s: number) => `Measuring took ${duration(s)}.`,


  // Limitations.
  limitationsTitle: 'Limitations',
  fewCores: (cores: number, above: readonly number[]) =>
    `${plural(cores, 'logical core')}: ${above.length === 1 ? `the thread count ${above[0]} shares` : `thread counts ${listAnd(above)} share`} ${cores === 1 ? 'it' : 'them'}, ` +
    `so cpu-bound speedups cannot exceed ${cores}x and plateau thresholds above ${threads(cores)} are not measurable here.`,
  extrapolated: (groups: readonly string[]) =>
    `Plateau thresholds beyond the measured thread counts are extrapolated from the fits: ${listAnd(groups)}.`,
  noFit: (n: number, reason: string) => `${plural(n, 'group')} could not be fitted (${reason}): no Amdahl or USL parameters and no plateau threshold there.`,
  noProfile: (reason: string) => `Call stacks were not recorded: ${reason}. Experiment 3 shows CPU utilisation only.`,
  profileHow: 'run `poolscope pipeline --call-stacks` (or `--profile rca`) to record them',
  skippedRuntimes: (n: number) => `${plural(n, 'interpreter')} found ${n === 1 ? 'was' : 'were'} not measured (see Platform setup).`,
  unstable: (n: number, total: number, worst: string) =>
    `${count(n)} of ${plural(total, 'cell')} varied by more than 10% between repetitions (coefficient of variation; worst: ${worst}): ` +
    'the machine was probably busy, and their intervals are wide.',
  fewRepeats: (n: number) =>
    `${plural(n, 'repetition')} per cell: a bootstrap of so few values gives coarse intervals; use more repetitions (--repeats) for firmer ones.`,
  overhead: (target: string, type: string, tasks: number, perTask: number, asked: number) =>
    `${target}, ${type}: one task took ${seconds(perTask)} of wall time on one thread (${count(tasks)} tasks) against ${seconds(asked)} of work asked: ` +
    'the per-task cost of the pool or of the timer, not the task, dominates these cells.',
  mixedHostTarget: (target: string, hosts: number) => `${target} has rows from ${plural(hosts, 'machine')}: its speedups compare times taken on different machines.`,
  unknownHost: (id: string, targets: readonly string[]) => `Rows of ${listAnd(targets)} carry host id ${id}, which no raw/host*.json describes.`,
  noHost: 'No raw/host.json was found: the platform is unknown.',
  none: 'None found in the data.',

  // HTML.
  contents: 'Contents',
  generatedBy: 'Written by poolscope from the raw CSVs of this run directory.',
  figureMissing: (name: string) => `(figure ${name} was not drawn)`,
} as const;
