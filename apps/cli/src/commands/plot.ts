import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { Command } from 'commander';
import { ERROR_CODES, PoolscopeError, readChoiceList } from '@poolscope/core';
import { FIGURE_FORMATS, plotDirectory, type FigureFormat } from '@poolscope/plots';
import type { CliIO } from '../io.js';
import { plotMessages } from './plot-messages.js';

/** Parses `--format svg,png`: known formats only, at least one, duplicates dropped. */
export function parseFormats(text: string): FigureFormat[] {
  const formats = readChoiceList(text, FIGURE_FORMATS);
  if (formats === undefined) throw new PoolscopeError(ERROR_CODES.USAGE, plotMessages.badFormat(text));
  return formats;
}

/** Throws E_NOT_FOUND, saying what to give, unless `dir` is a directory. */
export function assertDirectory(dir: string): void {
  let isDirectory = false;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch {
    // Missing or unreadable: said below.
  }
  if (!isDirectory) throw new PoolscopeError(ERROR_CODES.NOT_FOUND, plotMessages.noDirectory(dir), { hint: plotMessages.noDirectoryHint });
}

/** `poolscope plot DIR [--format svg,png]`: the figures of a run directory, from its analysis. */
export function plotCommand(io: CliIO): Command {
  return new Command('plot')
    .description(plotMessages.description)
    .argument('<dir>', plotMessages.dirArgument)
    .option('--format <list>', plotMessages.formatOption, FIGURE_FORMATS.join(','))
    .action(async (dirArgument: string, options: { format: string }) => {
      const formats = parseFormats(options.format);
      const dir = resolve(io.cwd, dirArgument);
      assertDirectory(dir);
      const result = await plotDirectory(dir, { formats });
      // Paths under the working directory are shown relative to it, others in full.
      const shown = (file: string) => {
        const rel = relative(io.cwd, file);
        return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
      };
      for (const figure of result.written) {
        io.stdout.write(`${plotMessages.wrote(figure.name, figure.files.map(shown).join(', '))}\n`);
        for (const warning of figure.warnings) io.stderr.write(`${plotMessages.warning(figure.name, warning)}\n`);
      }
      for (const skipped of result.skipped) io.stdout.write(`${plotMessages.skipped(skipped.name, skipped.reason)}\n`);
      io.stdout.write(`${plotMessages.done(result.written.length, shown(result.directory))}\n`);
    });
}
