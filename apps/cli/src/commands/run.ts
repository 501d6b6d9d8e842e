import { Command } from 'commander';
import { choiceParser, parseNameList, parseNonNegativeInt, parsePositiveInt, parsePositiveIntList, parseSeconds, parseSeed } from '@poolscope/core';
import {
  PYTHON_PROFILERS,
  REPETITION_ORDERS,
  parseInjectedFaults,
  parseRunId,
  parseShard,
  parseTaskSizes,
  parseTaskTypes,
  readCategoryRules,
  readRunConfig,
  runMatrix,
  targetRegistry,
  type RunRequest,
} from '@poolscope/runner';
import { resolve } from 'node:path';
import type { CliIO } from '../io.js';
import { ProgressRenderer } from './run-progress.js';
import { runCliMessages as m } from './run-messages.js';
import { cellSummary } from './run-summary.js';

/** The options as commander hands them over: text, present only when given. */
interface RunFlags {
  out: string;
  config?: string;
  targets?: string;
  taskTypes?: string;
  tasks?: string;
  threads?: string;
  repeats?: string;
  warmup?: string;
  taskUs?: string;
  taskWork?: string;
  seed?: string;
  timeoutS?: string;
  shard?: string;
  runId?: string;
  order?: string;
  profile?: boolean;
  profiler?: string;
  profileIntervalUs?: string;
  categories?: string;
  resume?: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The request: the config file's values, overridden by the options given on the command line. */
export function requestOf(flags: RunFlags, cwd: string): RunRequest {
  const request: Mutable<RunRequest> = flags.config ? { ...readRunConfig(resolve(cwd, flags.config)) } : {};
  if (flags.targets !== undefined) request.targets = parseNameList(flags.targets, '--targets');
  if (flags.taskTypes !== undefined) request.taskTypes = parseTaskTypes(flags.taskTypes, '--task-types');
  if (flags.tasks !== undefined) request.tasks = parsePositiveIntList(flags.tasks, '--tasks');
  if (flags.threads !== undefined) request.threads = parsePositiveIntList(flags.threads, '--threads');
  if (flags.repeats !== undefined) request.repeats = parsePositiveInt(flags.repeats, '--repeats');
  if (flags.warmup !== undefined) request.warmup = parseNonNegativeInt(flags.warmup, '--warmup');
  if (flags.taskUs !== undefined) request.taskUs = parseTaskSizes(flags.taskUs, '--task-us');
  if (flags.taskWork !== undefined) request.taskWork = parseTaskSizes(flags.taskWork, '--task-work');
  if (flags.seed !== undefined) request.seed = parseSeed(flags.seed, '--seed');
  if (flags.timeoutS !== undefined) request.timeoutS = parseSeconds(flags.timeoutS, '--timeout-s');
  if (flags.shard !== undefined) request.shard = parseShard(flags.shard, '--shard');
  if (flags.runId !== undefined) request.runId = parseRunId(flags.runId, '--run-id');
  if (flags.order !== undefined) request.order = choiceParser(REPETITION_ORDERS)(flags.order, '--order');
  if (flags.profile !== undefined) request.profile = flags.profile;
  if (flags.profiler !== undefined) request.profiler = choiceParser(PYTHON_PROFILERS)(flags.profiler, '--profiler');
  if (flags.profileIntervalUs !== undefined) request.profileIntervalUs = parsePositiveInt(flags.profileIntervalUs, '--profile-interval-us');
  if (flags.categories !== undefined) request.categoryRules = readCategoryRules(resolve(cwd, flags.categories));
  return request;
}

/**
 * Stops the run on Ctrl-C (SIGINT) after the repetition in hand, or at once on a second Ctrl-C
 * or on SIGTERM (what Slurm and Kubernetes send before they kill a job). Returns the signals and
 * a function that removes the handlers.
 */
export function interruptHandlers(onFirst: () => void): { stop: AbortSignal; abandon: AbortSignal; remove: () => void } {
  const stop = new AbortController();
  const abandon = new AbortController();
  const onInt = () => {
    if (stop.signal.aborted) abandon.abort();
    else {
      stop.abort();
      onFirst();
    }
  };
  const onTerm = () => {
    stop.abort();
    abandon.abort();
  };
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return {
    stop: stop.signal,
    abandon: abandon.signal,
    remove: () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    },
  };
}

/** `poolscope run`: measure the matrix. */
export function runCommand(io: CliIO): Command {
  return new Command('run')
    .description(m.runDescription)
    .requiredOption('--out <dir>', 'the run directory: rows go to DIR/raw/timings.csv, beside host.json and plan.json')
    .option('--targets <list>', 'targets to measure: node-pool, node-main, python3.13, python3.13t, python:PATH (default: node-pool,node-main)')
    .option('--task-types <list>', 'task types: cpu, io (default: cpu,io)')
    .option('--tasks <list>', 'task counts per cell (default: 100,1000,10000)')
    .option('--threads <list>', 'thread counts per cell (default: 1,2,4,8)')
    .option('--repeats <n>', 'measured repetitions per cell (default: 5)')
    .option('--warmup <n>', 'unrecorded repetitions before them (default: 1)')
    .option('--task-us <us>', 'calibrate each task to last this long on one thread: N, or cpu=N,io=N (default: cpu=200,io=1000)')
    .option('--task-work <n>', 'fixed work per task instead: loop iterations (cpu) or microseconds (io): N, or cpu=N,io=N')
    .option('--seed <n>', 'seed of the shuffled order of cells (or of each round) (default: 1)')
    .option('--timeout-s <s>', 'longest one repetition may take; may change on --resume (default: 120)')
    .option('--shard <I/N>', 'run only the I-th of N parts of the matrix (default: from the environment, see below)')
    .option('--run-id <id>', 'the run id rows carry (default: derived from the matrix, the same on every shard)')
    .option('--order <order>', 'rounds: every cell\'s repetition 0, then every repetition 1, ... each round shuffled; cells: cell after cell (default: rounds)')
    .option('--profile', 'run each cell once more under a profiler, after its repetitions, into DIR/raw/profile.csv')
    .option('--profiler <name>', 'Python targets\' profiler: sampler (call stacks, every thread) or cprofile (not on free-threaded builds) (default: sampler)')
    .option('--profile-interval-us <us>', 'sampling interval of the profilers, Python\'s and V8\'s (default: 1000)')
    .option('--categories <file>', 'a JSON array of category rules tried before the built-in ones (see below)')
    .option('--config <file>', 'read the matrix from a JSON file whose keys are these long options; options given here win')
    .option('--resume', 'continue the run in --out: only missing repetitions run; starts a new run if there is none')
    .addHelpText('after', m.runHelpAfter)
    .action(async (flags: RunFlags) => {
      const request = requestOf(flags, io.cwd);
      const faultsText = io.env[m.faultsVariable];
      const faults = faultsText ? parseInjectedFaults(faultsText, m.faultsVariable) : [];
      const progress = new ProgressRenderer(io);
      const signals = interruptHandlers(() => progress.line(m.stopping));
      try {
        const summary = await runMatrix({
          ...request,
          out: resolve(io.cwd, flags.out),
          resume: flags.resume === true,
          env: io.env,
          registry: targetRegistry({ faults, env: io.env, discover: { env: io.env, cwd: io.cwd } }),
          signal: signals.stop,
          abandonSignal: signals.abandon,
          onEvent: (event) => progress.handle(event),
        });
        progress.finish();
        io.stdout.write(`${m.summary(summary.rows_written, summary.files.timings, summary.rows_failed, summary.unstable_cells)}\n`);
        if (summary.profiles_written + summary.profiles_failed > 0)
          io.stdout.write(`${m.profileSummary(summary.profiles_written, summary.files.profile, summary.profiles_failed)}\n`);
        io.stdout.write(await cellSummary(summary.files.timings));
      } finally {
        progress.finish();
        signals.remove();
      }
    });
}
