export { threadScalingSpec, defaultTaskType } from './figures/thread-scaling.js';
export { gilImpactSpec } from './figures/gil-impact.js';
export { fnScalingBreakdownSpec } from './figures/fn-scaling-breakdown.js';
export { fnScalingDistributionSpec } from './figures/fn-scaling-distribution.js';
export { uslFitSpec } from './figures/usl-fit.js';
export { plotsMessages } from './messages.js';
export { renderFigure, renderSvg, svgToPng, FIGURE_FORMATS, DEFAULT_PNG_SCALE } from './render/render.js';
export { FONT_FAMILY, FONT_FILES } from './render/fonts.js';
export { targetPalette, stableOrder, TARGET_COLORS, CATEGORY_COLORS } from './style/palette.js';
export { threadAxis, curveSamples, isPowerOfTwo } from './style/thread-axis.js';

export type { FigureFormat, RenderedFigure, RenderOptions } from './render/render.js';
export type { TargetPalette } from './style/palette.js';
export type { ThreadAxis } from './style/thread-axis.js';
export type { ThreadScalingOptions } from './figures/thread-scaling.js';
export type { GilImpactOptions } from './figures/gil-impact.js';
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
