// The public surface of @poolscope/analysis.

export { fitAmdahl } from './fit/amdahl.js';
export { fitUsl } from './fit/usl.js';
export { MIN_DISTINCT_X } from './fit/_least-squares.js';
export { speedupTable, DEFAULT_RESAMPLES, DEFAULT_MAX_RESAMPLE } from './scaling/speedup-table.js';
export { DEFAULT_SEED } from './stats/random.js';
export { findPlateau } from './scaling/find-plateau.js';
export { kneedle } from './scaling/kneedle.js';
export { DEFAULT_PLATEAU_GAIN } from './scaling/plateau.js';
export { DEFAULT_FIT_RESAMPLES } from './scaling/analyze-group.js';
export { analyze } from './scaling/analyze.js';
export { loadScalingCsv } from './scaling/load-scaling-csv.js';
export { loadTimings } from './timings/load-timings.js';
export { analyzeTimings, TIMING_TABLE_COLUMNS } from './timings/analyze-timings.js';
export { findCrossover, DEFAULT_CROSSOVER_GAIN } from './timings/crossover.js';
export { analyzeFiles, analyzeRunDirectory, findRawTimings, writeAnalysis } from './output/analyze-run-directory.js';
export { speedupCsv, fitsCsv, SPEEDUP_COLUMNS, FITS_COLUMNS } from './output/tables.js';
export { synthesizeTimings } from './synth/synthesize-timings.js';
export { studentTQuantile } from './stats/student-t.js';
export { analysisMessages } from './messages.js';

export type { FitOptions } from './fit/_least-squares.js';
export type { AmdahlOptions } from './fit/amdahl.js';
export type { IntervalOptions } from './fit/_profile-fit.js';
export type { ColumnSource, XYColumns } from './fit/_input.js';
export type { SpeedupOptions } from './scaling/speedup-table.js';
export type { FindPlateauOptions } from './scaling/find-plateau.js';
export type { GroupSettings } from './scaling/analyze-group.js';
export type { AnalyzeOptions } from './scaling/analyze.js';
export type { ScalingColumns } from './scaling/load-scaling-csv.js';
export type { LoadedTimings } from './timings/load-timings.js';
export type { TimingAnalysisOptions } from './timings/analyze-timings.js';
export type { RunAnalysisOptions, WrittenAnalysis } from './output/analyze-run-directory.js';
export type { SyntheticTarget, SynthesisSpec } from './synth/synthesize-timings.js';
export type {
  Interval,
  Metric,
  ScalingPoint,
  TimingPoint,
  SpeedupTable,
  ModelName,
  CurvePrediction,
  FitOk,
  FitInsufficient,
  AmdahlFitOk,
  CalibratedInterval,
  UslFitOk,
  AmdahlFit,
  UslFit,
  GroupFits,
  Plateau,
  Prediction,
  GroupAnalysis,
  TimingGroupKey,
  TimingGroup,
  CrossoverStep,
  Crossover,
  CellComparison,
  TargetComparison,
  ObservationKind,
  Observation,
  CoresSource,
  AnalysisSettings,
  AnalysisSummary,
  ScalingAnalysis,
} from './types.js';
