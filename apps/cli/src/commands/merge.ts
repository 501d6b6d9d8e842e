import { resolve } from 'node:path';
import { Command } from 'commander';
import { mergeCsvFiles } from '@poolscope/runner';
import type { CliIO } from '../io.js';
import { runCliMessages as m } from './run-messages.js';

/** `poolscope merge A B ... -o FILE`: join shards. */
export function mergeCommand(io: CliIO): Command {
  return new Command('merge')
    .description(m.mergeDescription)
    .argument('<files...>', "the shards' timings.csv files (or their profile.csv files)")
    .requiredOption('-o, --output <file>', 'the merged CSV file (written whole, or not at all)')
    .action(async (files: string[], flags: { output: string }) => {
      const output = resolve(io.cwd, flags.output);
      const summary = await mergeCsvFiles({
        inputs: files.map((f) => resolve(io.cwd, f)),
        output,
        onWarning: (text) => io.stderr.write(`${m.warning(text)}\n`),
      });
      io.stdout.write(`${m.merged(files.length, summary.rows, summary.schema, output)}\n`);
    });
}
