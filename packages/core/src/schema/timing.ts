import { cells } from './cells.js';
import { defineCsvSchema, type FieldProblem } from './csv-schema.js';

/** What a task does: burn CPU in an integer loop, or wait without burning CPU. */
export const TASK_TYPES = ['cpu', 'io'] as const;
export type TaskType = (typeof TASK_TYPES)[number];

/** How a measured repetition ended. */
export const TIMING_STATUSES = ['ok', 'error', 'timeout'] as const;
export type TimingStatus = (typeof TIMING_STATUSES)[number];

interface TimingBase {
  /** One run of `poolscope run`; shards of one matrix share it. */
  run_id: string;
  /** `hostId()` of the machine's host.json. */
  host_id: string;
  /** What was measured: `node-pool`, `node-main`, `python3.13t`, ... */
  target: string;
  /** The runtime family: `node`, `cpython`, ... */
  runtime: string;
  /** The runtime's own version string. */
  runtime_version: string;
  /** Whether the GIL was on; null where the question does not apply (Node). */
  gil: boolean | null;
  task_type: TaskType;
  /** Loop iterations (cpu) or microseconds of sleep (io) per task. */
  task_work: number;
  num_tasks: number;
  num_threads: number;
  /** 0-based index of the measured repetition (warm-ups are not recorded). */
  repeat: number;
  /** When the repetition started, ISO 8601 UTC. */
  started_at: string;
}

/** A repetition that completed: every measurement is there. */
export interface TimingOk extends TimingBase {
  status: 'ok';
  wall_ns: number;
  cpu_user_ns: number;
  cpu_sys_ns: number;
  /** Peak resident set size of the measuring process so far; null where the platform cannot tell. */
  max_rss_kb: number | null;
  error: '';
}

/** A repetition that failed or timed out: measurements may be missing, the error says why. */
export interface TimingFailed extends TimingBase {
  status: 'error' | 'timeout';
  wall_ns: number | null;
  cpu_user_ns: number | null;
  cpu_sys_ns: number | null;
  max_rss_kb: number | null;
  error: string;
}

/** One row of `raw/timings.csv`: one measured repetition of one cell. */
export type TimingRecord = TimingOk | TimingFailed;

// Every ok row has these; max_rss_kb may be unknown (Python without the `resource` module).
const MEASURES = ['wall_ns', 'cpu_user_ns', 'cpu_sys_ns'] as const;

function statusInvariant(r: Record<string, unknown>): FieldProblem[] {
  // The common case first, without allocating: this runs once per row of files with millions.
  const complete = r.wall_ns !== null && r.cpu_user_ns !== null && r.cpu_sys_ns !== null && r.max_rss_kb !== null;
  if (r.status === 'ok' && complete && r.wall_ns !== 0 && r.error === '') return [];
  if (r.status === 'ok') {
    const problems: FieldProblem[] = MEASURES.filter((m) => r[m] === null).map((column) => ({
      column,
      message: "is empty, but a row with status 'ok' needs every measurement",
    }));
    if (r.wall_ns === 0) problems.push({ column: 'wall_ns', message: "is 0, but a row with status 'ok' took some time" });
    if (r.error !== '') problems.push({ column: 'error', message: "is set, but the row's status is 'ok'" });
    return problems;
  }
  return r.error === '' ? [{ column: 'error', message: `is empty, but a row with status '${String(r.status)}' must say what went wrong` }] : [];
}

/** The raw timing schema: columns in the order they are written. */
export const timingSchema = defineCsvSchema<TimingRecord>(
  'timings',
  {
    run_id: cells.text,
    host_id: cells.text,
    target: cells.text,
    runtime: cells.text,
    runtime_version: cells.text,
    gil: cells.optionalBoolean,
    task_type: cells.oneOf(TASK_TYPES),
    task_work: cells.positiveInt,
    num_tasks: cells.positiveInt,
    num_threads: cells.positiveInt,
    repeat: cells.nonNegativeInt,
    wall_ns: cells.optionalNonNegativeInt,
    cpu_user_ns: cells.optionalNonNegativeInt,
    cpu_sys_ns: cells.optionalNonNegativeInt,
    max_rss_kb: cells.optionalNonNegativeInt,
    status: cells.oneOf(TIMING_STATUSES),
    error: cells.anyText,
    started_at: cells.timestamp,
  },
  statusInvariant,
);

export const TIMING_COLUMNS = timingSchema.columns;
