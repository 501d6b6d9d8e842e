import { FUNCTION_CATEGORIES } from '@poolscope/core';
import { describeCell, type RunEvent, type RunProgress } from '@poolscope/runner';
import type { CliIO } from '../io.js';
import { runCliMessages as m } from './run-messages.js';

/** `45s`, `3m 20s`, `1h 05m`. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** A bar of `width` cells, filled in proportion to done / total. */
export function progressBar(done: number, total: number, width = 24): string {
  const filled = total > 0 ? Math.round((width * done) / total) : width;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

/** A profiled cell on one line: its categories' shares of thread time, and how much of each thread's wall time the samples cover. */
export function describeProfile(event: Extract<RunEvent, { type: 'profile' }>): string {
  const { cell, outcome } = event;
  if (outcome.status !== 'ok') return m.profileFailed(describeCell(cell), outcome.status, outcome.error);
  const total = Object.values(event.categories).reduce((sum, ns) => sum + ns, 0);
  const shares = FUNCTION_CATEGORIES.filter((c) => event.categories[c])
    .map((c) => `${c} ${((100 * event.categories[c]!) / total).toFixed(0)}%`)
    .join(', ');
  const threads = outcome.threads.map((t) => `${t.thread} ${t.sampled_ns === null ? '-' : (t.sampled_ns / outcome.wall_ns).toFixed(2)}`).join(', ');
  return m.profiled(describeCell(cell), outcome.profiler, event.rows, (outcome.wall_ns / 1e6).toFixed(1), threads, shares);
}

/** Options of the progress renderer. */
export interface ProgressOptions {
  /** Redraw one bar in place (a terminal) or print plain lines (a log). Default: whether stderr is a TTY. */
  readonly tty?: boolean;
  /** Without a TTY, the least time between two progress lines. Default 10 s. */
  readonly intervalMs?: number;
  readonly now?: () => number;
}

/**
 * Renders a run's events on stderr: on a terminal, one progress bar redrawn in place with cells
 * done / total and the ETA; otherwise plain progress lines at most every `intervalMs`. Notes
 * and warnings are printed as lines in both cases.
 */
export class ProgressRenderer {
  readonly #io: CliIO;
  readonly #tty: boolean;
  readonly #intervalMs: number;
  readonly #now: () => number;
  #lastLine = -Infinity;
  #barShown = false;

  constructor(io: CliIO, options: ProgressOptions = {}) {
    this.#io = io;
    this.#tty = options.tty ?? io.stderr.isTTY === true;
    this.#intervalMs = options.intervalMs ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  /** Prints a line of its own (clearing the bar first on a terminal). */
  line(text: string): void {
    this.#clearBar();
    this.#io.stderr.write(`${text}\n`);
  }

  #clearBar(): void {
    if (this.#barShown) this.#io.stderr.write('\r\x1b[K');
    this.#barShown = false;
  }

  #drawBar(progress: RunProgress, label: string): void {
    const { repeats_done, repeats_total, cells_done, cells_total, eta_ms } = progress;
    const eta = eta_ms === null ? null : formatDuration(eta_ms);
    const text = m.progressBar(progressBar(repeats_done, repeats_total), repeats_done, repeats_total, cells_done, cells_total, eta, label);
    const width = this.#io.stderr.columns ?? 100;
    this.#io.stderr.write(`\r\x1b[K${text.slice(0, Math.max(20, width - 1))}`);
    this.#barShown = true;
  }

  /** Without a terminal: a progress line, at most every interval, and always when the run is done. */
  #logProgress(progress: RunProgress): void {
    const { repeats_done, repeats_total, cells_done, cells_total, elapsed_ms, eta_ms } = progress;
    const now = this.#now();
    if (now - this.#lastLine < this.#intervalMs && cells_done < cells_total) return;
    this.#lastLine = now;
    this.line(m.progressLine(repeats_done, repeats_total, cells_done, cells_total, formatDuration(elapsed_ms), eta_ms === null ? null : formatDuration(eta_ms)));
  }

  /** Handles one event of the run. */
  handle(event: RunEvent): void {
    switch (event.type) {
      case 'calibrated':
        this.line(m.calibrated(event.target, event.task_type, event.task_us, event.task_work));
        return;
      case 'start':
        this.line(
          event.resumed
            ? m.resumed(event.run_id, event.rows_existing, event.rows_total, event.files.timings)
            : m.started(event.run_id, event.progress.cells_total, event.rows_total, event.files.timings, event.order, event.profiling),
        );
        if (event.shard) this.line(m.shard(event.shard.index, event.shard.count, event.shard.source));
        return;
      case 'warning':
        this.line(m.warning(event.message));
        return;
      case 'target-restart':
        this.line(m.restarted(event.target));
        return;
      case 'repeat':
        if (event.outcome.status !== 'ok')
          this.line(
            m.failedRepeat(describeCell(event.cell), event.warmup ? m.warmupLabel(event.repeat) : m.repeatLabel(event.repeat), event.outcome.status, event.outcome.error),
          );
        if (this.#tty) this.#drawBar(event.progress, describeCell(event.cell));
        else if (!event.warmup) this.#logProgress(event.progress);
        return;
      case 'profile':
        this.line(describeProfile(event));
        if (this.#tty) this.#drawBar(event.progress, describeCell(event.cell));
        return;
      case 'cell-start':
        if (this.#tty) this.#drawBar(event.progress, describeCell(event.cell));
        return;
      case 'cell-done':
        if (this.#tty) this.#drawBar(event.progress, describeCell(event.cell));
        else this.#logProgress(event.progress);
        return;
    }
  }

  /** Removes the bar, leaving the terminal clean for what follows. */
  finish(): void {
    this.#clearBar();
  }
}
