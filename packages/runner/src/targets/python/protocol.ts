import { z } from 'zod';

/**
 * The JSON-lines protocol between the runner and the harness (`harness/poolscope_harness/protocol.py`, protocol 1). One
 * request line in, one response line out; the harness opens with a hello. Responses are checked
 * here, so a broken or foreign harness is reported instead of trusted.
 */
export const HARNESS_PROTOCOL = 1;

const count = z.number().int().nonnegative();

/** What an interpreter says about itself (`poolscope_probe.describe()`). */
export const interpreterDescriptionSchema = z.object({
  implementation: z.string().min(1),
  /** `sys.version`, in full. */
  version: z.string().min(1),
  /** `platform.python_version()`, e.g. `3.13.5`. */
  runtime_version: z.string().min(1),
  /** `sys.version_info`: major, minor, micro, release level, serial. */
  version_info: z.tuple([count, count, count, z.string(), count]),
  executable: z.string(),
  free_threaded_build: z.boolean(),
  gil_enabled: z.boolean().nullable(),
});
export type InterpreterDescription = z.infer<typeof interpreterDescriptionSchema>;

export const helloSchema = interpreterDescriptionSchema.extend({
  type: z.literal('hello'),
  protocol: z.literal(HARNESS_PROTOCOL),
  pid: z.number().int().positive(),
});
export type Hello = z.infer<typeof helloSchema>;

const id = z.number().int();

export const errorResponseSchema = z.object({
  id,
  status: z.literal('error'),
  error: z.string(),
  traceback: z.string().optional(),
  /** How long the cell ran before it failed, where it got that far. */
  wall_ns: count.optional(),
});

export const runResponseSchema = z.object({
  id,
  status: z.literal('ok'),
  wall_ns: count,
  cpu_user_ns: count,
  cpu_sys_ns: count,
  /** null where the platform cannot tell (no `resource` module, e.g. Windows). */
  max_rss_kb: count.nullable(),
  gil_enabled: z.boolean().nullable(),
});

export const calibrateResponseSchema = z.object({
  id,
  status: z.literal('ok'),
  task_work: z.number().int().positive(),
  ns_per_unit: z.number().positive(),
});

const functionSchema = z.object({
  function: z.string().min(1),
  name: z.string(),
  file: z.string(),
  line: count,
  caller: z.object({ name: z.string(), file: z.string() }).optional(),
  self_ns: count,
  total_ns: count,
  calls: count.nullable(),
});

const threadSchema = z.object({
  thread: z.string().min(1),
  role: z.enum(['main', 'worker', 'all']),
  samples: count.nullable(),
  sampled_ns: count.nullable(),
  functions: z.array(functionSchema),
});

export const profileResponseSchema = z.object({
  id,
  status: z.literal('ok'),
  profiler: z.enum(['sampler', 'cprofile']),
  wall_ns: count,
  samples: count.nullable(),
  interval_ns: count.nullable(),
  gil_enabled: z.boolean().nullable(),
  threads: z.array(threadSchema),
  warnings: z.array(z.string()),
});

export const exitResponseSchema = z.object({ id, status: z.literal('ok') });

export type ErrorResponse = z.infer<typeof errorResponseSchema>;
export type RunResponse = z.infer<typeof runResponseSchema>;
export type CalibrateResponse = z.infer<typeof calibrateResponseSchema>;
export type ProfileResponse = z.infer<typeof profileResponseSchema>;
