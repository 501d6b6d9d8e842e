// The public surface of @poolscope/plots: what the CLI and the README's examples use.

// Figure spec builders: plot inputs in, Vega-Lite specs out (pure).
export { threadScalingSpec } from './figures/thread-scaling.js';
export { gilImpactSpec } from './figures/gil-impact.js';
export { fnScalingBreakdownSpec } from './figures/fn-scaling-breakdown.js';
export { fnScalingDistributionSpec } from './figures/fn-scaling-distribution.js';
export { uslFitSpec } from './figures/usl-fit.js';
export { buildFigures, FIGURE_NAMES } from './figures/all-figures.js';

// From analysis results and profiles to plot inputs (pure).
export { plotInputFromSummary, fitDataFromScalingAnalysis } from './data/from-summary.js';
export { categoryTimes } from './data/category-times.js';

// Rendering: spec to SVG and PNG, deterministic, without a browser.
export { renderFigure, FIGURE_FORMATS } from './render/render.js';

// Look: one colour per target in every figure of a run; what each function category means.
export { targetPalette } from './style/palette.js';
export { CATEGORY_LABELS } from './style/categories.js';

// Run directories: read DIR/analysis and DIR/raw/profile.csv, write DIR/figures.
export { plotDirectory } from './io/plot-directory.js';
export { readPlotInput, readCategoryTimes } from './io/read-plot-input.js';

export { plotsMessages } from './messages.js';

export type { FigureFormat, RenderedFigure, RenderOptions } from './render/render.js';
export type { FigureName, FigureSpec, SkippedFigure, BuildFiguresOptions } from './figures/all-figures.js';
export type { TargetPalette } from './style/palette.js';
export type { ThreadScalingOptions } from './figures/thread-scaling.js';
export type { GilImpactOptions } from './figures/gil-impact.js';
export type { ProfileSample } from './data/category-times.js';
export type { SummaryDocument, ScalingDocument } from './data/summary-schema.js';
export type { PlotDirectoryOptions, PlotDirectoryResult, WrittenFigure } from './io/plot-directory.js';
export type {
  GroupKey,
  SpeedupPoint,
  CurvePoint,
  PlateauMark,
  CategoryTime,
  ScalingData,
  BreakdownData,
  XY,
  FittedModel,
  FitGroup,
  FitData,
  PlotInput,
} from './types.js';
