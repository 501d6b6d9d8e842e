import { MODEL_NAMES, modelEntry, type ModelEntry, type ModelName } from '@poolscope/analysis';
import { TASK_TYPES } from '@poolscope/core';
import { z } from 'zod';

/**
 * The part of `DIR/analysis/summary.json` (the `AnalysisSummary` of @poolscope/analysis, issue #5)
 * the figures read, checked when it is loaded. Fields the figures do not use are ignored, so the
 * analysis can grow without breaking plots.
 *
 * A runtime check of the analysis types (`AnalysisSummary`, `ScalingAnalysis` in
 * @poolscope/analysis): the fits are read model by model from the analysis' registry, and a type
 * test (test/data/summary-schema.types.ts) asserts that what the analysis writes fits these
 * schemas, so the two cannot drift apart unnoticed.
 */
const interval = z.tuple([z.number(), z.number()]).readonly();

const point = z.object({
  x: z.number().positive(),
  median: z.number(),
  speedup: z.number(),
  speedup_ci95: interval,
  /** Present on poolscope timings, absent on foreign CSVs. */
  cpu_cores_busy: z.number().optional(),
});

const insufficient = z.object({ status: z.literal('insufficient'), reason: z.string() });

/** Values a model derives from its parameters, as its fit records them (the registry says which a model has). */
const peak = z.object({ x: z.number().nullable(), y: z.number().nullable() });
const asymptote = z.number().nullable();

/**
 * A fit of one model as the figures read it: its parameters (those the registry names) and the
 * values its model derives (the USL's `peak`, Amdahl's `asymptote`); or why it was not fitted.
 */
function fitSchema(model: ModelEntry) {
  return z.discriminatedUnion('status', [
    z.object({
      status: z.literal('ok'),
      params: z.object(Object.fromEntries(model.params.map((name) => [name, z.number()]))),
      // Required of the models that derive them; typed as optional, as one type serves every model.
      peak: (model.peak ? peak : peak.optional()) as z.ZodOptional<typeof peak>,
      asymptote: (model.asymptote ? asymptote : asymptote.optional()) as z.ZodOptional<typeof asymptote>,
    }),
    insufficient,
  ]);
}

/** Every model's fit of a group, by the registry's names. */
const fits = z.object(Object.fromEntries(MODEL_NAMES.map((name) => [name, fitSchema(modelEntry(name))])) as Record<ModelName, ReturnType<typeof fitSchema>>);

const plateau = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('found'),
    threshold: z.number(),
    ci95: z.tuple([z.number(), z.number().nullable()]).readonly(),
    within_measured: z.boolean(),
  }),
  z.object({ status: z.literal('none') }),
  z.object({ status: z.literal('insufficient') }),
]);

const metric = z.enum(['time', 'throughput']);

/** Any analysed group: poolscope's own (keyed by target, task type, task count) or a foreign CSV's. */
export const analysedGroupSchema = z.object({
  metric,
  points: z.array(point).readonly(),
  fits,
  plateau,
});

export const timingGroupSchema = analysedGroupSchema.extend({
  key: z.object({ target: z.string().min(1), task_type: z.enum(TASK_TYPES), num_tasks: z.number().int().positive() }),
});

export const summaryDocumentSchema = z.object({
  schema_version: z.literal(1),
  groups: z.array(timingGroupSchema).readonly(),
});

/** `poolscope analyze FILE.csv --json`: groups of anyone's CSV, keyed by their --by columns. */
export const scalingDocumentSchema = z.object({
  x: z.string(),
  y: z.string(),
  by: z.array(z.string()).readonly(),
  metric,
  groups: z.array(analysedGroupSchema.extend({ key: z.record(z.string(), z.string()) })).readonly(),
});

export type AnalysedGroup = z.infer<typeof analysedGroupSchema>;
export type ScalingDocument = z.infer<typeof scalingDocumentSchema>;
export type TimingGroupDocument = z.infer<typeof timingGroupSchema>;
export type SummaryDocument = z.infer<typeof summaryDocumentSchema>;
