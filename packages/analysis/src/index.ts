// The public surface of @poolscope/analysis: what the CLI, the plots, the bench and the library
// examples of the README use. Everything else is reached by its module, from this package only.

// Fits, speedups and plateaus of plain arrays or tables (README, Library).
export { fitAmdahl } from './fit/amdahl.js';
export { fitUsl } from './fit/usl.js';
export { speedupTable, DEFAULT_RESAMPLES } from './scaling/speedup-table.js';
export { findPlateau } from './scaling/find-plateau.js';
export { DEFAULT_PLATEAU_GAIN } from './scaling/plateau.js';
export { DEFAULT_SEED } from './stats/random.js';
export { columnTable } from './table/column-table.js';

// The models: every model's name, parameters, curve and derived values, for text and figures.
export { MODEL_NAMES, modelEntry } from './fit/models.js';

// Any CSV, grouped: `poolscope analyze FILE.csv --x --y`.
export { analyze } from './scaling/analyze.js';
export { loadScalingCsv } from './scaling/load-scaling-csv.js';

// poolscope's own timings: `poolscope analyze DIR`.
export { analyzeFiles, analyzeRunDirectory, findRawTimings } from './output/analyze-run-directory.js';
export { analyzeTimings } from './timings/analyze-timings.js';
export { loadTimings } from './timings/load-timings.js';
export { synthesizeTimings } from './synth/synthesize-timings.js';

export { analysisMessages } from './messages.js';

export type { FitOptions, CurvePrediction, FitOk, FitInsufficient } from './fit/fit-result.js';
export type { CalibratedInterval, IntervalOptions } from './fit/calibrated-interval.js';
export type { AmdahlOptions, AmdahlFitOk, AmdahlFit } from './fit/amdahl.js';
export type { UslFitOk, UslFit } from './fit/usl.js';
export type { ModelName, ModelEntry, ModelFit, GroupFits } from './fit/models.js';
export type { ColumnSource, XYColumns } from './table/column-table.js';
export type { Interval } from './stats/describe.js';
export type { SpeedupOptions, Metric, ScalingPoint, SpeedupTable } from './scaling/speedup-table.js';
export type { FindPlateauOptions } from './scaling/find-plateau.js';
export type { Plateau } from './scaling/plateau.js';
export type { Prediction } from './scaling/group.js';
export type { GroupSettings, GroupAnalysis } from './scaling/analyze-group.js';
export type { AnalyzeOptions, ScalingAnalysis } from './scaling/analyze.js';
export type { ScalingColumns } from './scaling/load-scaling-csv.js';
export type { RunAnalysisOptions, WrittenAnalysis } from './output/analyze-run-directory.js';
export type { TimingAnalysisOptions } from './timings/analyze-timings.js';
export type { LoadedTimings } from './timings/load-timings.js';
export type {
  TimingPoint,
  TimingGroupKey,
  TimingGroup,
  CoresSource,
  AnalysisSettings,
  AnalysisSummary,
  CrossoverStep,
  Crossover,
  CellComparison,
  TargetComparison,
  ObservationKind,
  Observation,
} from './timings/summary.js';
export type { SyntheticTarget, SynthesisSpec } from './synth/synthesize-timings.js';
