import { resolve } from 'node:path';
import { Command } from 'commander';
import { RUN_OPTIONS, parseInjectedFaults, readRunConfig, runMatrix, targetRegistry, type RunRequest } from '@poolscope/runner';
import type { CliIO } from '../io.js';
import { ProgressRenderer } from './run-progress.js';
import { runCliMessages as m } from './run-messages.js';
import { commanderOption, configOption, runRequestOf, type RunFlags } from './run-options.js';
import { cellSummary } from './run-summary.js';

/** The request: the config file's values, overridden by the options given on the command line. */
export function requestOf(flags: RunFlags, cwd: string): RunRequest {
  const config = flags.config;
  return runRequestOf(flags, typeof config === 'string' ? readRunConfig(resolve(cwd, config)) : {}, cwd);
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
  const command = new Command('run').description(m.runDescription).requiredOption('--out <dir>', m.outOption);
  for (const option of RUN_OPTIONS) command.addOption(commanderOption(option, m.seeBelow));
  return command
    .addOption(configOption())
    .option('--resume', m.resumeOption)
    .addHelpText('after', m.runHelpAfter)
    .action(async (flags: RunFlags & { out: string; resume?: boolean }) => {
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
