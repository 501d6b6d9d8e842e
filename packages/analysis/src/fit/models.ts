/**
 * The registry of the models poolscope fits: one entry per model, holding what the rest of the
 * analysis, its tables, the CLI's text and the figures know of it: its parameters, its curve, the
 * values derived from them (a peak, an asymptote), how a group is fitted and the least-squares problem
 * the plateau bootstrap refines. Code that treats models alike iterates `MODEL_NAMES` and looks
 * entries up with `modelEntry` rather than branching on names. A model's maths (least-squares
 * spec, fit, result type) lives in its own module, as `fit/usl.ts`; adding a model is one entry
 * here and that module.
 */
import type { Metric } from '../scaling/speedup-table.js';
import type { ModelSpec } from './_least-squares.js';
import { amdahlAsymptote, amdahlCurve, fitAmdahlPoints, scaledSpec, speedupSpec, type AmdahlFitOk, type AmdahlParam } from './amdahl.js';
import type { IntervalOptions } from './calibrated-interval.js';
import type { FitInsufficient, FitOk } from './fit-result.js';
import { fitUslPoints, uslCurve, uslPeak, uslSpec, type UslFitOk, type UslParam } from './usl.js';

/** Parameter values by name: a fit's `params`, as summary.json records them. */
export type Params<P extends string = string> = Readonly<Record<P, number>>;

/** What a group's fits depend on besides its points. */
export interface FitContext {
  /** Whether y is a time (fits then run on speedups) or a throughput. */
  readonly metric: Metric;
  /** The x speedups are relative to: 1 when one thread was measured. */
  readonly baselineX: number;
}

/** Everything known of one model. Methods, so an entry of any model serves where any is expected. */
export interface ModelEntry<M extends string = string, P extends string = string, F extends FitOk<P, M> = FitOk<P, M>> {
  /** Its name in summary.json (`fits.usl`), fits.csv and `Plateau.model`. */
  readonly name: M;
  /** How text and legends name it ("USL"). */
  readonly label: string;
  /** Its parameters, in the order fits.csv and the CLI list them. A fit reports each, a fixed one with a null stderr. */
  readonly params: readonly P[];
  /** The curve at x from parameter values: what figures draw from summary.json without refitting. */
  curve(params: Params<P>, x: number): number;
  /**
   * Where the curve peaks, which its fit records as `peak` (and fits.csv as `peak_threads`); null
   * when it never turns down. Absent for a model whose curve cannot.
   */
  peak?(params: Params<P>): { readonly x: number; readonly y: number } | null;
  /**
   * The limit of the curve as x grows, which its fit records as `asymptote`; null when it grows
   * without bound. Absent for a model without one.
   */
  asymptote?(params: Params<P>): number | null;
  /**
   * Fits the model to one group's points: per-x speedups for time, medians for throughput. The fit
   * carries its calibrated intervals (`intervals`: each parameter's, and the peak's where there is one).
   */
  fit(x: readonly number[], y: readonly number[], context: FitContext): F | FitInsufficient<M>;
  /**
   * The least-squares problem a fit solved, over the parameters it estimated (a fixed one is not
   * among them): the plateau bootstrap refines each replicate from the fit's estimate with it
   * (`replicateCurve` in scaling/group.ts).
   */
  spec(fit: F): ModelSpec<string>;
}

/** Speedups are ratios to the baseline's measured time: their scale gets no calibrated interval. */
function intervalOptions({ metric, baselineX }: FitContext): IntervalOptions {
  return { ratioTo: metric === 'time' ? baselineX : undefined };
}

/**
 * The models, simplest first. summary.json's `fits` and fits.csv list them in this order, and a
 * tie in AIC goes to the earlier (the one with fewer parameters); text and figures show the
 * most general first.
 */
export const MODELS = {
  amdahl: {
    name: 'amdahl',
    label: 'Amdahl',
    params: ['s', 'gamma'],
    curve: amdahlCurve,
    asymptote: amdahlAsymptote,
    // Speedups measured from one thread are 1 there by definition: gamma is fixed to 1.
    fit: (x, y, context) => fitAmdahlPoints(x, y, { gammaFree: context.metric === 'throughput' || context.baselineX !== 1, ...intervalOptions(context) }),
    spec: (fit) => (fit.gamma_free ? scaledSpec : speedupSpec),
  } satisfies ModelEntry<'amdahl', AmdahlParam, AmdahlFitOk>,
  usl: {
    name: 'usl',
    label: 'USL',
    params: ['sigma', 'kappa', 'gamma'],
    curve: uslCurve,
    peak: uslPeak,
    fit: (x, y, context) => fitUslPoints(x, y, intervalOptions(context)),
    spec: () => uslSpec,
  } satisfies ModelEntry<'usl', UslParam, UslFitOk>,
};

/** The models poolscope fits. */
export type ModelName = keyof typeof MODELS;

/** The fit of model M: its result when fitted, else why not. */
export type FitOf<M extends ModelName> = ReturnType<(typeof MODELS)[M]['fit']>;

/** Any model's fit, as code that treats every model alike sees it. */
export type ModelFit = FitOk<string, ModelName> | FitInsufficient<ModelName>;

/** The model names, in registry order. */
export const MODEL_NAMES = Object.keys(MODELS) as readonly ModelName[];

/** A model's entry, as code that treats every model alike sees it. */
export function modelEntry(name: ModelName): ModelEntry<ModelName> {
  return MODELS[name];
}

/** Every model's fit of one group, by name, and which describes the data best. */
export type GroupFits = { readonly [M in ModelName]: FitOf<M> } & {
  /** The model with the lowest AIC (the earlier in `MODELS` on a tie); null when none fitted. */
  readonly preferred: ModelName | null;
};
