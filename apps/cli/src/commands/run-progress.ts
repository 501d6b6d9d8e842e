import type { RunEvent } from '@poolscope/runner';
import { describeCell } from '@poolscope/runner';
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

  #drawBar(done: number, total: number, etaMs: number | null, label: string): void {
    const eta = etaMs === null ? null : formatDuration(etaMs);
    const text = m.progressBar(progressBar(done, total), done, total, eta, label);
    const width = this.#io.stderr.columns ?? 100;
    this.#io.stderr.write(`\r\x1b[K${text.slice(0, Math.max(20, width - 1))}`);
    this.#barShown = true;
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
            : m.started(event.run_id, event.progress.cells_total, event.rows_total, event.files.timings),
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
        if (this.#tty) this.#drawBar(event.progress.cells_done, event.progress.cells_total, event.progress.eta_ms, describeCell(event.cell));
        return;
      case 'cell-start':
        if (this.#tty) this.#drawBar(event.progress.cells_done, event.progress.cells_total, event.progress.eta_ms, describeCell(event.cell));
        return;
      case 'cell-done': {
        const { cells_done, cells_total, elapsed_ms, eta_ms } = event.progress;
        if (this.#tty) {
          this.#drawBar(cells_done, cells_total, eta_ms, describeCell(event.cell));
          return;
        }
        const now = this.#now();
        if (now - this.#lastLine >= this.#intervalMs || cells_done === cells_total) {
          this.#lastLine = now;
          this.line(m.progressLine(cells_done, cells_total, formatDuration(elapsed_ms), eta_ms === null ? null : formatDuration(eta_ms)));
        }
        return;
      }
    }
  }

  /** Removes the bar, leaving the terminal clean for what follows. */
  finish(): void {
    this.#clearBar();
  }
}
