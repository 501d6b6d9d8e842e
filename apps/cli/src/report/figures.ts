import type { FigureName } from '@poolscope/plots';
import type { Block } from './document.js';
import { paragraph } from './document.js';
import type { ReportInputs } from './inputs.js';
import { reportMessages as m } from './messages.js';

/** What each figure shows, under it. */
const CAPTIONS: Readonly<Record<FigureName, string>> = {
  'thread-scaling': 'Speedup vs threads, one panel per task count (figures/thread-scaling).',
  'gil-impact': 'Speedup vs threads by task type: cpu-bound (top) and io-bound (bottom) (figures/gil-impact).',
  'fn-scaling-breakdown': 'Thread time per function category, with speedup and CPU cores busy (figures/fn-scaling-breakdown).',
  'fn-scaling-distribution': 'Share of thread time per function category (figures/fn-scaling-distribution).',
  'usl-fit': 'USL and Amdahl fits of every analysed group (figures/usl-fit).',
};

/** The figure as a block, or a sentence saying why it was not drawn. */
export function figureBlock(inputs: Pick<ReportInputs, 'figures' | 'skippedFigures'>, name: FigureName): Block {
  const figure = inputs.figures.find((f) => f.name === name);
  if (figure) return { kind: 'figure', name, caption: CAPTIONS[name], svg: figure.svg, png: figure.png };
  const skipped = inputs.skippedFigures.find((f) => f.name === name);
  return paragraph(skipped ? `${m.figureMissing(name)}: ${skipped.reason}` : m.figureMissing(name));
}
