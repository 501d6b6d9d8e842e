import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { analyzeCommand } from './commands/analyze.js';
import { mergeCommand } from './commands/merge.js';
import { pipelineCommand } from './commands/pipeline.js';
import { plotCommand } from './commands/plot.js';
import { pythonCommand } from './commands/python.js';
import { reportCommand } from './commands/report.js';
import { runCommand } from './commands/run.js';
import { targetsCommand } from './commands/targets.js';
import type { CliIO } from './io.js';
import { cliMessages } from './messages.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/** The subcommands, one module each; each gets the IO it must use. */
const COMMANDS: ((io: CliIO) => Command)[] = [runCommand, mergeCommand, analyzeCommand, plotCommand, targetsCommand, reportCommand, pipelineCommand, pythonCommand];

/** Builds the `poolscope` program, writing through `io` and throwing instead of exiting. */
export function buildProgram(io: CliIO): Command {
  const program = new Command('poolscope')
    .description(cliMessages.description)
    .version(version, '-V, --version', 'print the version and exit')
    .option('--debug', 'print stack traces of errors')
    .helpOption('-h, --help', 'explain a command and its options')
    .showSuggestionAfterError(true)
    .showHelpAfterError(cliMessages.helpAfterError)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(`poolscope: ${text}`),
      getOutHelpWidth: () => io.stdout.columns ?? 100,
      getErrHelpWidth: () => io.stderr.columns ?? 100,
    });
  program.addHelpCommand('help [command]', 'explain a command');
  for (const make of COMMANDS) {
    // Subcommands built on their own do not inherit the program's settings; copy them.
    program.addCommand(make(io).copyInheritedSettings(program));
  }
  return program;
}
