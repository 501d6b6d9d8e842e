import { FIGURE_FORMATS } from '@poolscope/plots';

/** Every text `poolscope plot` prints. */
export const plotMessages = {
  description: 'draw the figures of a run directory: SVG and PNG, plus each Vega-Lite spec (.vl.json)',
  dirArgument: 'run directory: reads DIR/analysis/summary.json (and DIR/raw/profile.csv when present), writes DIR/figures/',
  formatOption: `image formats, comma-separated (${FIGURE_FORMATS.join(', ')})`,
  badFormat: (got: string) => `--format must be a comma-separated list of ${FIGURE_FORMATS.join(', ')}; got '${got}'`,
  noDirectory: (dir: string) => `${dir}: no such directory`,
  noDirectoryHint: 'Give the directory `poolscope run` wrote (it holds raw/ and, after `poolscope analyze`, analysis/).',
  wrote: (name: string, files: string) => `wrote ${name}: ${files}`,
  skipped: (name: string, reason: string) => `skipped ${name}: ${reason}`,
  warning: (name: string, message: string) => `poolscope: warning: ${name}: ${message}`,
  done: (count: number, dir: string) => `${count} ${count === 1 ? 'figure' : 'figures'} in ${dir}`,
} as const;
