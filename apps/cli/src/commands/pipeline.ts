import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { choiceParser, withHint } from '@poolscope/core';
import { FIGURE_FORMATS } from '@poolscope/plots';
import { RUN_OPTIONS, parseInjectedFaults, type RunOption, type RunRequest } from '@poolscope/runner';
import type { CliIO } from '../io.js';
import { pipelineMessages as m } from '../pipeline/messages.js';
import { PIPELINE_PROFILES, pipelineProfile } from '../pipeline/profiles.js';
import { runPipeline, type PipelineEvent } from '../pipeline/run-pipeline.js';
import { groupSkipped } from '../pipeline/runtimes.js';
import { StageProgress } from '../pipeline/stage-progress.js';
import { duration } from '../report/format.js';
import { parseFormats } from './plot.js';
import { runCliMessages } from './run-messages.js';
import { commanderOption, configOption } from './run-options.js';
import { interruptHandlers, requestOf } from './run.js';

/** The run options whose default the profile sets: its matrix, and the targets it chooses from the interpreters found. */
const SET_BY_PROFILE: ReadonlySet<string> = new Set(['targets', ...PIPELINE_PROFILES.flatMap((name) => Object.keys(pipelineProfile(name, 1).request))]);

/** A run option as the pipeline shows it: the profile's defaults, and its own run id. */
function pipelineOption(option: RunOption<keyof RunRequest>): Option {
  if (option.key === 'runId') return commanderOption(option, m.seeRunHelp, { help: m.runIdOption, byDefault: m.runIdDefault });
  return commanderOption(option, m.seeRunHelp, SET_BY_PROFILE.has(option.key) ? { byDefault: m.fromProfile } : {});
}

const parseProfileName = choiceParser(PIPELINE_PROFILES);

interface PipelineFlags extends Record<string, unknown> {
  profile: string;
  callStacks?: boolean;
  results: string;
  resume?: boolean;
  format: string;
}

/** Prints the pipeline's events: where it writes, what it measures and skips, and the measuring stage. */
function render(progress: StageProgress, event: PipelineEvent): void {
  switch (event.type) {
    case 'start':
      progress.line(event.resumed ? m.resuming(progress.shown(event.dir)) : m.heading(event.profile, event.cores, progress.shown(event.dir)));
      return;
    case 'searching':
      progress.line(m.searching);
      return;
    case 'runtimes':
      progress.line(m.measuring);
      for (const used of event.choice.used) progress.line(m.usedRuntime(used.target, used.description));
      if (event.choice.skipped.length > 0) {
        progress.line(m.skippedHeading(event.choice.skipped.length));
        for (const g of groupSkipped(event.choice.skipped)) progress.line(m.skippedRuntime(g.names.join(', '), g.version, g.reason));
      }
      if (event.choice.pyenvShims.length > 0) progress.line(m.pyenvShims(event.choice.pyenvShims.length));
      return;
    case 'note':
      progress.line(m.note(event.text));
      return;
    case 'run':
      progress.measure(event.event);
      return;
    case 'measured':
      progress.measured(event.seconds, m.measured(event.summary.cells_total, event.summary.rows_written, event.summary.rows_failed));
      return;
  }
}

/** `poolscope pipeline`: run -> analyze -> plot -> report, into results/<run-id>/. */
export function pipelineCommand(io: CliIO): Command {
  const command = new Command('pipeline')
    .description(m.pipelineDescription)
    .addOption(new Option('--profile <name>', m.profileOption).default('default'))
    .option('--call-stacks', m.callStacksOption)
    .option('--no-call-stacks', m.noCallStacksOption)
    .option('--results <dir>', m.resultsOption, 'results')
    .option('--resume', m.resumeOption)
    .option('--format <list>', m.formatOption, FIGURE_FORMATS.join(','));
  // Every run option overrides the profile, but --profile: here --call-stacks stands for it.
  for (const option of RUN_OPTIONS) if (option.key !== 'profile') command.addOption(pipelineOption(option));
  return command.addOption(configOption()).addHelpText('after', m.pipelineHelpAfter).action(async (flags: PipelineFlags) => {
    const profile = withHint(m.badProfileHint, () => parseProfileName(flags.profile, '--profile'));
    const formats = parseFormats(flags.format);
    const { profile: _profile, callStacks, results, resume, format: _format, ...runFlags } = flags;
    const overrides = requestOf(runFlags, io.cwd);
    const faultsText = io.env[runCliMessages.faultsVariable];
    const faults = faultsText ? parseInjectedFaults(faultsText, runCliMessages.faultsVariable) : [];
    const progress = new StageProgress(io, 4, 1);
    const signals = interruptHandlers(() => progress.line(runCliMessages.stopping));
    try {
      const result = await runPipeline(
        {
          profile,
          overrides,
          ...(callStacks !== undefined ? { callStacks } : {}),
          results: resolve(io.cwd, results),
          resume: resume === true,
          formats,
          env: io.env,
          cwd: io.cwd,
          faults,
          signal: signals.stop,
          abandonSignal: signals.abandon,
        },
        (event) => render(progress, event),
        (event) => progress.stage(event),
      );
      const d = result.record.durations_s;
      const rest = (d.analyse ?? 0) + (d.figures ?? 0) + (d.report ?? 0);
      if (d.measure !== undefined && d.measure > 0) progress.line(m.share(duration(d.measure), duration(rest), `${((100 * rest) / d.measure).toFixed(1)}%`));
      progress.line(m.finished(progress.shown(result.report.html)));
      io.stdout.write(`${result.report.html}\n`);
    } finally {
      progress.finish();
      signals.remove();
    }
  });
}
