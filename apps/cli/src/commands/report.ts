import { resolve } from 'node:path';
import { Command } from 'commander';
import { FIGURE_FORMATS } from '@poolscope/plots';
import type { CliIO } from '../io.js';
import { pipelineMessages as m } from '../pipeline/messages.js';
import { StageProgress } from '../pipeline/stage-progress.js';
import { regenerate } from '../report/write-report.js';
import { assertDirectory, parseFormats } from './plot.js';

/** `poolscope report DIR`: analysis, figures and report again from DIR/raw, measuring nothing. */
export function reportCommand(io: CliIO): Command {
  return new Command('report')
    .description(m.reportDescription)
    .argument('<dir>', m.reportDirArgument)
    .option('--format <list>', m.formatOption, FIGURE_FORMATS.join(','))
    .action(async (dirArgument: string, options: { format: string }) => {
      const formats = parseFormats(options.format);
      const dir = resolve(io.cwd, dirArgument);
      assertDirectory(dir);
      const progress = new StageProgress(io, 3, 0);
      progress.line(m.reportHeading(progress.shown(dir)));
      const { files } = await regenerate(dir, { formats, onStage: (event) => progress.stage(event) });
      progress.line(m.finished(progress.shown(files.html)));
    });
}
