import { runnerMessages } from '../messages.js';
import { cellKey, curvesOfShard, rowKey, type PlannedCell } from '../plan/cells.js';
import type { Shard } from '../plan/shard.js';
import type { RepeatOutcome } from '../targets/target.js';
import { pushTo } from '../util/push-to.js';
import { describeCell } from './describe-cell.js';
import type { RunEvent, RunProgress } from './events.js';
import type { RunPaths } from './paths.js';
import type { PreparedRun } from './prepare.js';
import { estimateRemainingMs } from './progress.js';
import { coefficientOfVariation, CV_WARNING_THRESHOLD } from './stats.js';

/** What a run did. */
export interface RunSummary {
  readonly run_id: string;
  readonly files: RunPaths;
  readonly shard: Shard | null;
  readonly cells_total: number;
  /** Cells that were complete before this invocation (resume). */
  readonly cells_skipped: number;
  readonly rows_written: number;
  /** Rows written with status error or timeout. */
  readonly rows_failed: number;
  /** Cells whose repetitions varied by more than 10%. */
  readonly unstable_cells: number;
  /** Cells profiled by this invocation (`profile`), and profiled runs that failed. */
  readonly profiles_written: number;
  readonly profiles_failed: number;
}

/**
 * A run's counts as it goes: the steps left of each cell, the rows and profiles written, the work
 * done (for the time left). It announces the run, each cell as it starts and as it is done (with a
 * warning when its repetitions varied a lot), and sums it all up at the end.
 */
export class RunTally {
  readonly #run: PreparedRun;
  readonly #emit: (event: RunEvent) => void;
  readonly #stepsLeft: number[];
  readonly #started: boolean[];
  readonly #totalWork: number;
  readonly #cellsSkipped: number;
  readonly #startedAt = Date.now();
  readonly #warned = new Set<string>();
  #doneWork = 0;
  #cellsDone: number;
  #rowsWritten = 0;
  #rowsFailed = 0;
  #unstable = 0;
  #profilesWritten = 0;
  #profilesFailed = 0;

  constructor(run: PreparedRun, emit: (event: RunEvent) => void) {
    this.#run = run;
    this.#emit = emit;
    this.#stepsLeft = run.cells.map(() => 0);
    for (const step of run.steps) this.#stepsLeft[step.cell]! += 1;
    this.#started = run.cells.map(() => false);
    this.#totalWork = run.steps.reduce((sum, step) => sum + run.cells[step.cell]!.num_tasks, 0);
    this.#cellsDone = this.#cellsSkipped = this.#stepsLeft.filter((n) => n === 0).length;
  }

  /** Rows written by this invocation. */
  get rowsWritten(): number {
    return this.#rowsWritten;
  }

  progress(): RunProgress {
    const { cells, plan, done } = this.#run;
    const elapsed = Date.now() - this.#startedAt;
    return {
      cells_done: this.#cellsDone,
      cells_total: cells.length,
      repeats_done: done.doneLines.size,
      repeats_total: cells.length * plan.matrix.repeats,
      elapsed_ms: elapsed,
      eta_ms: estimateRemainingMs(elapsed, this.#doneWork, this.#totalWork),
    };
  }

  /** Announces the run (and a shard with nothing to measure). */
  start(): void {
    const { plan, paths, cells, shard, done } = this.#run;
    this.#emit({
      type: 'start',
      run_id: plan.run_id,
      files: paths,
      resumed: this.#run.resumed,
      order: plan.order,
      profiling: plan.profile !== null,
      shard: shard ? { ...shard, source: this.#run.shardSource } : null,
      rows_existing: done.doneLines.size,
      rows_total: cells.length * plan.matrix.repeats,
      progress: this.progress(),
    });
    if (shard && cells.length === 0)
      this.#emit({ type: 'warning', code: 'empty-shard', message: runnerMessages.emptyShard(shard.index, shard.count, curvesOfShard(plan.matrix, null).length) });
  }

  /** Whether the cell at `index` has nothing left to do (all its steps taken, or abandoned). */
  isDone(index: number): boolean {
    return this.#stepsLeft[index] === 0;
  }

  /** Announces the cell at `index` before its first step. */
  cellStarted(index: number): void {
    if (this.#started[index]) return;
    this.#started[index] = true;
    this.#emit({ type: 'cell-start', cell: this.#run.cells[index]!, progress: this.progress() });
  }

  /** Whether repetition `repeat` of `cell` has a row. */
  hasRow(cell: PlannedCell, repeat: number): boolean {
    return this.#run.done.doneLines.has(rowKey({ ...cell, repeat }));
  }

  /** Counts a row written (an ok one's wall time joins its cell's, for the variation warning). */
  rowWritten(cell: PlannedCell, repeat: number, outcome: RepeatOutcome): void {
    this.#rowsWritten += 1;
    if (outcome.status !== 'ok') this.#rowsFailed += 1;
    else pushTo(this.#run.done.walls, cellKey(cell), outcome.wall_ns);
    this.#run.done.doneLines.set(rowKey({ ...cell, repeat }), -1);
  }

  /** Counts one run of `cell`'s tasks (a warm-up, a repetition, a profile, or a repetition not run), for the time left. */
  worked(cell: PlannedCell): void {
    this.#doneWork += cell.num_tasks;
  }

  /** Counts a profiled run. */
  profiled(ok: boolean): void {
    if (ok) this.#profilesWritten += 1;
    else this.#profilesFailed += 1;
  }

  /** Passes on a profiler's caveat, once per run. */
  profilerWarning(message: string): void {
    if (this.#warned.has(message)) return;
    this.#warned.add(message);
    this.#emit({ type: 'warning', code: 'profile', message });
  }

  /** One step of the cell at `index` taken; the cell is done after its last. */
  stepDone(index: number): void {
    if (this.#stepsLeft[index] === 0) return;
    this.#stepsLeft[index]! -= 1;
    if (this.#stepsLeft[index] === 0) this.cellDone(index);
  }

  /** The cell at `index` has nothing left to do: count it, and warn if its repetitions varied a lot. */
  cellDone(index: number): void {
    const cell = this.#run.cells[index]!;
    this.#stepsLeft[index] = 0;
    this.#cellsDone += 1;
    const walls = this.#run.done.walls.get(cellKey(cell)) ?? [];
    const cv = coefficientOfVariation(walls) ?? null;
    if (cv !== null && cv > CV_WARNING_THRESHOLD) {
      this.#unstable += 1;
      this.#emit({ type: 'warning', code: 'high-cv', message: runnerMessages.highVariation(describeCell(cell), cv, walls.length) });
    }
    this.#emit({ type: 'cell-done', cell, cv, progress: this.progress() });
  }

  summary(): RunSummary {
    const { plan, paths, shard, cells } = this.#run;
    return {
      run_id: plan.run_id,
      files: paths,
      shard,
      cells_total: cells.length,
      cells_skipped: this.#cellsSkipped,
      rows_written: this.#rowsWritten,
      rows_failed: this.#rowsFailed,
      unstable_cells: this.#unstable,
      profiles_written: this.#profilesWritten,
      profiles_failed: this.#profilesFailed,
    };
  }
}
