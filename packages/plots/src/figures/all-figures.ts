import { MODEL_NAMES } from '@poolscope/analysis';
import type { TopLevelSpec } from 'vega-lite';
import type { PlotInput } from '../types.js';
import { plotsMessages } from '../messages.js';
import { targetPalette, type TargetPalette } from '../style/palette.js';
import { fnScalingBreakdownSpec } from './fn-scaling-breakdown.js';
import { fnScalingDistributionSpec } from './fn-scaling-distribution.js';
import { gilImpactSpec } from './gil-impact.js';
import { threadScalingSpec } from './thread-scaling.js';
import { uslFitSpec } from './usl-fit.js';

/** Every figure poolscope draws, in the order a report shows them; each is written as `<name>.svg`. */
export const FIGURE_NAMES = ['thread-scaling', 'gil-impact', 'fn-scaling-breakdown', 'fn-scaling-distribution', 'usl-fit'] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];

/** A figure's spec, ready to render. */
export interface FigureSpec {
  readonly name: FigureName;
  readonly spec: TopLevelSpec;
}

/** A figure the data cannot support, and why (a sentence from the messages catalogue). */
export interface SkippedFigure {
  readonly name: FigureName;
  readonly reason: string;
}

export interface BuildFiguresOptions {
  /** Colours per target; default dealt from every target in `input`, so all figures agree. */
  readonly palette?: TargetPalette;
}

/** The palette of a run: every target that appears in any of its figures. */
export function runPalette(input: PlotInput): TargetPalette {
  return targetPalette([...input.scaling.points.map((p) => p.target), ...(input.breakdown?.categories.map((c) => c.target) ?? [])]);
}

/** Builds the spec of every figure the input supports, with one target palette for all. */
export function buildFigures(input: PlotInput, options: BuildFiguresOptions = {}): { figures: FigureSpec[]; skipped: SkippedFigure[] } {
  const palette = options.palette ?? runPalette(input);
  const figures: FigureSpec[] = [];
  const skipped: SkippedFigure[] = [];
  if (input.scaling.points.length > 0) {
    figures.push({ name: 'thread-scaling', spec: threadScalingSpec(input.scaling, { palette }) });
    figures.push({ name: 'gil-impact', spec: gilImpactSpec(input.scaling, { palette }) });
  } else {
    skipped.push({ name: 'thread-scaling', reason: plotsMessages.noSpeedups }, { name: 'gil-impact', reason: plotsMessages.noSpeedups });
  }
  if (input.breakdown && input.breakdown.categories.length > 0) {
    figures.push({ name: 'fn-scaling-breakdown', spec: fnScalingBreakdownSpec(input.breakdown) });
    figures.push({ name: 'fn-scaling-distribution', spec: fnScalingDistributionSpec(input.breakdown) });
  } else {
    skipped.push({ name: 'fn-scaling-breakdown', reason: plotsMessages.noProfile }, { name: 'fn-scaling-distribution', reason: plotsMessages.noProfile });
  }
  // A panel per group that says only "too few points to fit" tells nothing the report does not.
  if (input.fits.groups.some((g) => MODEL_NAMES.some((model) => g.fits[model]))) figures.push({ name: 'usl-fit', spec: uslFitSpec(input.fits) });
  else skipped.push({ name: 'usl-fit', reason: input.fits.groups.length > 0 ? plotsMessages.noFittedGroup : plotsMessages.noSpeedups });
  figures.sort((a, b) => FIGURE_NAMES.indexOf(a.name) - FIGURE_NAMES.indexOf(b.name));
  return { figures, skipped };
}
