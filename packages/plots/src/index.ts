// Figure spec builders: plot inputs in, Vega-Lite specs out (pure).
export { threadScalingSpec, defaultTaskType } from './figures/thread-scaling.js';
export { gilImpactSpec } from './figures/gil-impact.js';
export { fnScalingBreakdownSpec } from './figures/fn-scaling-breakdown.js';
export { fnScalingDistributionSpec } from './figures/fn-scaling-distribution.js';
export { uslFitSpec } from './figures/usl-fit.js';
export { buildFigures, runPalette, FIGURE_NAMES } from './figures/all-figures.js';

// From analysis results and profiles to plot inputs (pure).
export {
  plotInputFromSummary,
  fitGroupFromAnalysis,
  fitDataFromScalingAnalysis,
  timingGroupLabel,
  foreignGroupLabel,
  SPEEDUP_FIT_TITLES,
} from './data/from-summary.js';
export { summaryDocumentSchema, scalingDocumentSchema, analysedGroupSchema } from './data/summary-schema.js';
export { categoryTimes, CategoryTimeAccumulator } from './data/category-times.js';
export { uslValue, amdahlValue } from './data/models.js';

// Rendering: spec to SVG and PNG, deterministic, without a browser.
export { renderFigure, renderSvg, svgToPng, FIGURE_FORMATS, DEFAULT_PNG_SCALE } from './render/render.js';
export { FONT_FAMILY, FONT_FILES } from './render/fonts.js';

// Look: colours, axes.
export { targetPalette, stableOrder, TARGET_COLORS, TARGET_SHAPES, CATEGORY_COLORS } from './style/palette.js';
export { CATEGORY_LABELS } from './style/categories.js';
export { threadAxis, curveSamples, isPowerOfTwo } from './style/thread-axis.js';

// Run directories: read DIR/analysis and DIR/raw/profile.csv, write DIR/figures.
export { plotDirectory } from './io/plot-directory.js';
export { readPlotInput, readSummary, readCategoryTimes } from './io/read-plot-input.js';

export { plotsMessages } from './messages.js';

export type { FigureFormat, RenderedFigure, RenderOptions } from './render/render.js';
export type { FigureName, FigureSpec, SkippedFigure, BuildFiguresOptions } from './figures/all-figures.js';
export type { TargetPalette } from './style/palette.js';
export type { ThreadAxis } from './style/thread-axis.js';
export type { ThreadScalingOptions } from './figures/thread-scaling.js';
export type { GilImpactOptions } from './figures/gil-impact.js';
export type { ProfileSample } from './data/category-times.js';
export type { SummaryDocument, ScalingDocument, AnalysedGroup, TimingGroupDocument } from './data/summary-schema.js';
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
  FitGroup,
  FitData,
  PlotInput,
} from './types.js';
