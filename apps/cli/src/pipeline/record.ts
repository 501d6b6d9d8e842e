import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { ERROR_CODES, PoolscopeError, runDirectory, writeFileAtomic } from '@poolscope/core';
import { pipelineMessages as m } from './messages.js';
import { PIPELINE_PROFILES } from './profiles.js';

const usedRuntime = z.object({ target: z.string(), description: z.string(), path: z.string().nullable() });
const skippedRuntime = z.object({ name: z.string(), version: z.string().nullable(), path: z.string(), reason: z.string() });

/**
 * What `poolscope pipeline` decided and measured beyond the run itself, kept beside the raw data
 * (`raw/pipeline.json`) so that `poolscope report` can say it again: the profile, the runtimes used
 * and skipped (and why), whether call stacks were recorded, and how long each stage took.
 */
export const pipelineRecordSchema = z.object({
  schema_version: z.literal(1),
  profile: z.enum(PIPELINE_PROFILES),
  logical_cores: z.number().int().positive(),
  /** Whether call stacks were asked for, recorded, and why not when they were asked for and not recorded. */
  call_stacks: z.object({ requested: z.boolean(), recorded: z.boolean(), reason: z.string().nullable() }),
  runtimes: z.object({
    /** True when --targets chose the targets (no search, nothing skipped). */
    targets_given: z.boolean(),
    used: z.array(usedRuntime),
    skipped: z.array(skippedRuntime),
    /** pyenv shims that ran no Python: counted in the report, not listed (absent in records before issue #13). */
    pyenv_shims: z.array(z.string()).optional(),
    notes: z.array(z.string()),
  }),
  /** Seconds per stage, as far as the pipeline got. */
  durations_s: z.object({
    measure: z.number().nonnegative().optional(),
    analyse: z.number().nonnegative().optional(),
    figures: z.number().nonnegative().optional(),
    report: z.number().nonnegative().optional(),
  }),
});
export type PipelineRecord = z.infer<typeof pipelineRecordSchema>;

/** Writes `raw/pipeline.json` whole or not at all. */
export function writePipelineRecord(dir: string, record: PipelineRecord): void {
  writeFileAtomic(runDirectory(dir).pipeline, `${JSON.stringify(pipelineRecordSchema.parse(record), null, 2)}\n`);
}

/** Reads `raw/pipeline.json`; undefined when the directory has none (a plain `poolscope run`, merged data). */
export function readPipelineRecord(dir: string): PipelineRecord | undefined {
  const file = runDirectory(dir).pipeline;
  if (!existsSync(file)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PoolscopeError(ERROR_CODES.BAD_DATA, m.recordNotJson(file, (error as Error).message), { hint: m.recordHint });
  }
  const parsed = pipelineRecordSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((i) => `'${i.path.join('.')}' ${i.message}`).join('; ');
    throw new PoolscopeError(ERROR_CODES.BAD_DATA, m.recordInvalid(file, problems), { hint: m.recordHint });
  }
  return parsed.data;
}
