import type { FunctionCategory, TaskType } from '@poolscope/core';
import type { PlannedCell } from '../plan/cells.js';
import type { RepetitionOrder } from '../plan/schedule.js';
import type { ShardChoice } from '../plan/shard.js';
import type { ProfileOutcome, RepeatOutcome } from '../targets/target.js';
import type { RunPaths } from './paths.js';

/** How far a run has come, in cells and repetitions of this invocation's plan. */
export interface RunProgress {
  /** Cells whose every repetition has a row, and profile if asked for (those complete before a resume included). */
  readonly cells_done: number;
  readonly cells_total: number;
  /** Repetitions that have a row (those written before a resume included). */
  readonly repeats_done: number;
  readonly repeats_total: number;
  /** Time since measuring started in this invocation. */
  readonly elapsed_ms: number;
  /** Estimated time left; null until something was measured. */
  readonly eta_ms: number | null;
}

/** What a run reports while it works; the CLI renders these, the library never prints. */
export type RunEvent =
  | {
      readonly type: 'start';
      readonly run_id: string;
      readonly files: RunPaths;
      readonly resumed: boolean;
      /** The order of the repetitions (see `REPETITION_ORDERS`). */
      readonly order: RepetitionOrder;
      /** Whether each cell is profiled after its repetitions. */
      readonly profiling: boolean;
      readonly shard: ShardChoice | null;
      /** Rows already in timings.csv (resume). */
      readonly rows_existing: number;
      readonly rows_total: number;
      readonly progress: RunProgress;
    }
  | { readonly type: 'calibrated'; readonly target: string; readonly task_type: TaskType; readonly task_us: number; readonly task_work: number }
  | { readonly type: 'cell-start'; readonly cell: PlannedCell; readonly progress: RunProgress }
  | {
      readonly type: 'repeat';
      readonly cell: PlannedCell;
      /** The repetition's index; for a warm-up, its index among the warm-ups. */
      readonly repeat: number;
      readonly warmup: boolean;
      readonly outcome: RepeatOutcome;
      readonly progress: RunProgress;
    }
  | {
      readonly type: 'profile';
      readonly cell: PlannedCell;
      /** The profiled run: per thread, the time its samples cover (see `ThreadProfile.sampled_ns`). */
      readonly outcome: ProfileOutcome;
      /** Rows written to profile.csv (one per function, all threads merged). */
      readonly rows: number;
      /** Self time per category, all threads summed (the thread time each category took). */
      readonly categories: Partial<Record<FunctionCategory, number>>;
      readonly progress: RunProgress;
    }
  | { readonly type: 'cell-done'; readonly cell: PlannedCell; readonly cv: number | null; readonly progress: RunProgress }
  | { readonly type: 'target-restart'; readonly target: string }
  | {
      readonly type: 'warning';
      /** `profile`: a profiler's caveat; `thin-profile`: a profiled cell whose samples cover some thread too thinly (see `thinProfileThreads`). */
      readonly code: 'high-cv' | 'host-changed' | 'empty-shard' | 'profile' | 'thin-profile';
      readonly message: string;
    };
